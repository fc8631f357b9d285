package site

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// longDecimal is a number with more decimals than people read.
var longDecimal = regexp.MustCompile(`[1-9]\d*\.\d{3,}|0\.\d{4,}`)

// TestChartFiles: every chart of the bundled site links to a CSV of exactly
// the numbers it draws, written beside its page, offers to save it as an
// image, and says how to cite it; its caption rounds numbers for people.
func TestChartFiles(t *testing.T) {
	out := buildBundled(t)
	charts := 0
	for _, name := range out.names() {
		if !strings.HasSuffix(name, "index.html") || strings.HasPrefix(name, "embed/") { // embed/: TestChartsEmbeddable
			continue
		}
		doc := parseHTML(t, out[name])
		for _, fig := range findAll(doc, hasClass("chart")) {
			charts++
			box := findAll(fig, hasClass("chart-box"))[0]
			id := attr(box, "id")
			links := findAll(fig, func(n *html.Node) bool { return n.Data == "a" && strings.HasSuffix(attr(n, "href"), "/"+id+".csv") })
			button := findAll(fig, func(n *html.Node) bool { return n.Data == "button" && attr(n, "data-chart-image") == id })
			if len(button) != 1 {
				t.Errorf("%s %s: no save-as-image button", name, id)
			}
			if len(links) != 1 {
				t.Errorf("%s %s: no link to its CSV", name, id)
				continue
			}
			path := strings.TrimPrefix(attr(links[0], "href"), "/")
			if path != strings.TrimSuffix(name, "index.html")+id+".csv" {
				t.Errorf("%s: CSV %s is not beside the page", name, path)
			}
			data, ok := out[path]
			if !ok {
				t.Errorf("%s: %s not written", name, path)
				continue
			}
			rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
			if err != nil || len(rows) < 2 {
				t.Errorf("%s: %v, %d rows", path, err, len(rows))
			}
			cite := findAll(fig, hasClass("chart-cite"))
			if len(cite) != 1 || !strings.Contains(textContent(cite[0]), "广东社会建设“1+7”政策公开") ||
				!strings.Contains(textContent(cite[0]), "https://gd-shgov.example/"+strings.TrimSuffix(name, "index.html")) ||
				!strings.Contains(textContent(cite[0]), "2026年1月1日") {
				t.Errorf("%s %s: cite line %q", name, id, textContent(cite[0]))
			}
			caption := textContent(findAll(fig, func(n *html.Node) bool { return n.Data == "figcaption" })[0])
			if long := longDecimal.FindString(caption); long != "" {
				t.Errorf("%s %s: caption shows %s: %s", name, id, long, caption)
			}
		}
	}
	if charts < 15 {
		t.Errorf("only %d charts found", charts)
	}
	// The missed target of the issue: the chart's CSV is the drawn numbers,
	// its caption the rounded ones.
	got := string(out["commitments/decision-14-full-assessment/chart-progress.csv"])
	if got != "\ufeff系列,时期,数值,单位\n实际值,2016年,33,%\n目标,2015年,100,%\n" {
		t.Errorf("chart CSV %q", got)
	}
	page := string(out["commitments/decision-14-full-assessment/index.html"])
	if !strings.Contains(page, "目标为2015年达到100%。已知数据：2016年33%。") {
		t.Error("caption not rounded")
	}
	// The committees' targets say their years in the chart.
	committees := string(out["committees/index.html"])
	for _, want := range []string{"居委会目标 40%（2015年）", "居委会目标 70%（2020年）", `\"formatter\":\"{b}\"`} {
		if !strings.Contains(committees, want) && !strings.Contains(committees, strings.ReplaceAll(want, `\"`, `"`)) {
			t.Errorf("/committees/ lacks %s", want)
		}
	}
	if !slices.Contains(out.names(), "committees/chart-direct.csv") {
		t.Error("no committees/chart-direct.csv")
	}
}

// A chart's CSV never hands a spreadsheet a formula; numbers stay numbers.
func TestChartCSVFormulas(t *testing.T) {
	got := string(chartCSV([][]string{{"系列", "数值"}, {"=HYPERLINK(\"x\")", "-3.5"}, {"@SUM(1)", "+4"}}))
	want := "\ufeff系列,数值\n\"'=HYPERLINK(\"\"x\"\")\",-3.5\n'@SUM(1),+4\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestChartsEmbeddable: every chart has a page of its own for other sites
// to frame, /embed/<page>/<chart id>/: the chart and its caption without the
// site's header or footer, a link back to the page it is from and the code
// to embed it; the page is linked from the chart and is not in the sitemap.
func TestChartsEmbeddable(t *testing.T) {
	out := buildBundled(t)
	embeds := 0
	for _, name := range out.names() {
		page, ok := strings.CutPrefix(name, "embed/")
		if !ok || !strings.HasSuffix(name, "/index.html") {
			continue
		}
		embeds++
		doc := parseHTML(t, out[name])
		if len(findAll(doc, func(n *html.Node) bool { return n.Data == "header" || n.Data == "footer" || n.Data == "nav" })) > 0 {
			t.Errorf("%s: has the site's header, footer or navigation", name)
		}
		if len(findAll(doc, hasClass("chart-box"))) != 1 {
			t.Errorf("%s: does not hold exactly one chart", name)
		}
		dir := strings.TrimSuffix(page, "index.html") // commitments/x/chart-progress/
		source := "/" + dir[:strings.LastIndex(strings.TrimSuffix(dir, "/"), "/")+1]
		if !strings.Contains(string(out[name]), `href="`+source+`"`) {
			t.Errorf("%s: no link back to %s", name, source)
		}
		if !strings.Contains(string(out[name]), "&lt;iframe src=") {
			t.Errorf("%s: no code to embed it", name)
		}
		if !strings.Contains(string(out[strings.TrimPrefix(source, "/")+"index.html"]), `href="/embed/`+dir+`"`) {
			t.Errorf("%s: not linked from its chart on %s", name, source)
		}
		if strings.Contains(string(out["sitemap.xml"]), "/embed/") {
			t.Fatal("the sitemap lists a chart's embed page")
		}
	}
	if embeds == 0 {
		t.Fatal("no chart has an embed page")
	}
}
