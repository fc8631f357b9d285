package site

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestStatusSummariesExplained: wherever the bundled site sums up statuses
// (home, /commitments/, /policy/ and a document's scorecard), each count is a
// link to /commitments/ filtered to it, and a legend beside it says in one
// sentence what each status shown means.
func TestStatusSummariesExplained(t *testing.T) {
	out := buildBundled(t)
	tr := testTable(t, "zh-CN")
	for _, tt := range []struct {
		page, links, prefix string // links: the class of the count links
	}{
		{"index.html", "count", "/commitments/?status="},
		{"commitments/index.html", "count", "/commitments/?status="},
		{"policy/index.html", "status", "/commitments/?doc="},
		{"policy/decision/index.html", "status", "/commitments/?doc=decision&status="},
		{"policy/decision/scorecard/index.html", "count", "/commitments/?doc=decision&status="},
	} {
		doc := parseHTML(t, out[tt.page])
		scope := doc
		if tt.page == "policy/decision/index.html" {
			scope = findAll(doc, hasClass("doc-head"))[0]
		}
		links := findAll(scope, func(n *html.Node) bool {
			return n.Data == "a" && hasClass(tt.links)(n) && strings.Contains(attr(n, "href"), "status=")
		})
		if len(links) < 3 {
			t.Errorf("%s: %d status counts link to a filtered list, want one for each status", tt.page, len(links))
		}
		shown := map[string]bool{}
		for _, a := range links {
			if !strings.HasPrefix(attr(a, "href"), tt.prefix) {
				t.Errorf("%s: a count links to %q, want %s…", tt.page, attr(a, "href"), tt.prefix)
			}
			shown[attr(a, "href")[strings.LastIndex(attr(a, "href"), "=")+1:]] = true
		}
		legends := findAll(doc, hasClass("legend"))
		if len(legends) != 1 {
			t.Fatalf("%s: %d legends, want 1", tt.page, len(legends))
		}
		legend := textContent(legends[0])
		for status := range shown {
			if meaning := tr.T("status.meaning." + status); !strings.Contains(legend, meaning) {
				t.Errorf("%s: the legend does not say what %s means (%s)", tt.page, status, meaning)
			}
		}
	}
}

// TestHeaderSearch: every page but /search/ itself and the charts alone (/embed/) has a search box in its
// header, named for screen readers, that asks /search/?q=.
func TestHeaderSearch(t *testing.T) {
	out := buildBundled(t)
	pages := 0
	for _, name := range out.names() {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "search/") || strings.HasPrefix(name, "embed/") { // embed/: a chart alone, without the site around it
			continue
		}
		pages++
		doc := parseHTML(t, out[name])
		forms := findAll(doc, func(n *html.Node) bool { return n.Data == "form" && attr(n, "role") == "search" })
		if len(forms) != 1 || attr(forms[0], "action") != "/search/" || attr(forms[0], "method") != "get" {
			t.Errorf("%s: no search form (GET /search/) in the header", name)
			continue
		}
		inputs := findAll(forms[0], func(n *html.Node) bool { return n.Data == "input" && attr(n, "name") == "q" })
		labels := findAll(forms[0], func(n *html.Node) bool { return n.Data == "label" })
		if len(inputs) != 1 || len(labels) != 1 || attr(labels[0], "for") != attr(inputs[0], "id") || strings.TrimSpace(textContent(labels[0])) == "" {
			t.Errorf("%s: the header's search box has no label for screen readers", name)
		}
	}
	if pages < 50 {
		t.Errorf("only %d pages checked", pages)
	}
}

// TestMissingDeadlineSaidOnce: a commitment page says once that the text
// sets no deadline (截止 says it; the note does not say it again).
func TestMissingDeadlineSaidOnce(t *testing.T) {
	out := buildBundled(t)
	undated := 0
	for _, name := range out.names() {
		if !strings.HasPrefix(name, "commitments/") || !strings.HasSuffix(name, "/index.html") || strings.Count(name, "/") != 2 || name == "commitments/index.html" {
			continue
		}
		facts := findAll(parseHTML(t, out[name]), hasClass("facts"))
		if len(facts) != 1 {
			t.Fatalf("%s: %d fact lists", name, len(facts))
		}
		text := textContent(facts[0])
		if !strings.Contains(text, "未规定期限") {
			continue
		}
		undated++
		if n := strings.Count(text, "未规定期限") + strings.Count(text, "未写期限"); n != 1 {
			t.Errorf("%s says the deadline is missing %d times: %s", name, n, text)
		}
	}
	if undated == 0 {
		t.Error("no commitment without a deadline in the bundled site")
	}
}

// TestScorecardPages: each policy document that makes commitments has a
// printable scorecard listing exactly its commitments, each with its status
// and why, the document's date and the day the statuses were checked; the
// document's page links to it, and the print stylesheet sets A4.
func TestScorecardPages(t *testing.T) {
	out := buildBundled(t)
	rows := bundledRegistry(t)
	byDoc := map[string][]string{}
	for _, r := range rows[1:] { // id, document, …
		byDoc[r[1]] = append(byDoc[r[1]], r[0])
	}
	var slugs []string
	for _, name := range out.names() {
		if rest, ok := strings.CutPrefix(name, "policy/"); ok && strings.Count(rest, "/") == 1 && strings.HasSuffix(rest, "/index.html") {
			slugs = append(slugs, strings.TrimSuffix(rest, "/index.html"))
		}
	}
	if len(slugs) < 8 {
		t.Fatalf("documents: %v", slugs)
	}
	for _, slug := range slugs {
		d := struct{ Slug string }{slug}
		page, ok := out["policy/"+d.Slug+"/scorecard/index.html"]
		if len(byDoc[d.Slug]) == 0 {
			if ok {
				t.Errorf("%s makes no commitment but has a scorecard", d.Slug)
			}
			continue
		}
		if !ok {
			t.Errorf("%s has no scorecard", d.Slug)
			continue
		}
		if !strings.Contains(string(out["policy/"+d.Slug+"/index.html"]), `href="/policy/`+d.Slug+`/scorecard/"`) {
			t.Errorf("the page of %s does not link to its scorecard", d.Slug)
		}
		doc := parseHTML(t, page)
		var ids []string
		for _, row := range findAll(doc, func(n *html.Node) bool { return n.Data == "tr" && n.Parent != nil && n.Parent.Data == "tbody" }) {
			links := findAll(row, func(n *html.Node) bool { return n.Data == "a" && strings.HasPrefix(attr(n, "href"), "/commitments/") })
			statuses := findAll(row, hasClass("status"))
			if len(links) == 0 || len(statuses) == 0 {
				t.Errorf("%s scorecard: a row without a commitment link or a status", d.Slug)
				continue
			}
			ids = append(ids, strings.Trim(strings.TrimPrefix(attr(links[0], "href"), "/commitments/"), "/"))
		}
		if strings.Join(ids, " ") != strings.Join(byDoc[d.Slug], " ") {
			t.Errorf("%s scorecard lists %v, want %v", d.Slug, ids, byDoc[d.Slug])
		}
		text := textContent(doc)
		date := regexp.MustCompile(`发布日期：<time datetime="[0-9-]+">`).Find(out["policy/"+d.Slug+"/index.html"])
		if !strings.Contains(text, "核对日期：2026-01-01") || date != nil && !strings.Contains(string(page), string(date)) {
			t.Errorf("%s scorecard does not give the as-of date 2026-01-01 and the document's date %s", d.Slug, date)
		}
	}
	css, err := os.ReadFile(repoRoot + "/themes/default/static/assets/site.css")
	if err != nil || !strings.Contains(string(css), "@page { size: A4;") {
		t.Errorf("the print stylesheet does not set A4 (%v)", err)
	}
}

// TestCommitmentSaysWhatItsStatusMeans: a commitment's page says, beside
// its verdict, what its status means and links to the rule on /method/.
func TestCommitmentSaysWhatItsStatusMeans(t *testing.T) {
	out := buildBundled(t)
	tr := testTable(t, "zh-CN")
	pages := 0
	for _, name := range out.names() {
		if !strings.HasPrefix(name, "commitments/") || !strings.HasSuffix(name, "/index.html") || strings.Count(name, "/") != 2 || name == "commitments/index.html" {
			continue
		}
		pages++
		doc := parseHTML(t, out[name])
		box := findAll(doc, hasClass("status-box"))
		meaning := findAll(doc, hasClass("status-meaning"))
		if len(box) != 1 || len(meaning) != 1 {
			t.Errorf("%s: no sentence saying what its status means", name)
			continue
		}
		status := strings.TrimPrefix(strings.Fields(attr(box[0], "class"))[2], "status-")
		links := findAll(meaning[0], func(n *html.Node) bool { return n.Data == "a" })
		if !strings.Contains(textContent(meaning[0]), tr.T("status.meaning."+status)) || len(links) != 1 || attr(links[0], "href") != "/method/#status-"+status {
			t.Errorf("%s (%s): %q does not say what the status means with a link to /method/#status-%s", name, status, textContent(meaning[0]), status)
		}
	}
	if pages < 100 {
		t.Errorf("%d commitment pages", pages)
	}
}
