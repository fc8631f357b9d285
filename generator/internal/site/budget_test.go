package site

import (
	"path"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// pageWeight is what a page makes a browser load from the site: its HTML,
// and the scripts and style sheets it names.
type pageWeight struct {
	html, js, css int
	scripts       []string
}

// weighOutput weighs every page of a built site.
func weighOutput(t *testing.T, out memSink) map[string]pageWeight {
	t.Helper()
	weights := map[string]pageWeight{}
	for _, name := range out.names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		w := pageWeight{html: len(out[name])}
		doc := parseHTML(t, out[name])
		for _, n := range findAll(doc, func(n *html.Node) bool { return n.Data == "script" || n.Data == "link" || n.Data == "meta" }) {
			src, kind := attr(n, "src"), &w.js
			switch {
			case n.Data == "link" && attr(n, "rel") != "stylesheet", n.Data == "meta" && attr(n, "name") != "gongkai-charts":
				continue
			case n.Data == "link":
				src, kind = attr(n, "href"), &w.css
			case n.Data == "meta": // the charts' script, which site.js fetches once the page has loaded
				src = attr(n, "content")
			}
			if src == "" {
				continue
			}
			file := strings.TrimPrefix(path.Clean(src), "/")
			data, ok := out[file]
			if !ok {
				t.Errorf("%s loads %s, which the site does not have", name, src)
				continue
			}
			*kind += len(data)
			if kind == &w.js {
				w.scripts = append(w.scripts, path.Base(file))
			}
		}
		weights[name] = w
	}
	return weights
}

// Page budgets: no page over 200 KB of HTML (DESIGN.md); ECharts, the only
// large script, only where a chart is; what a page without a chart loads
// stays small.
const (
	maxHTML        = 200 << 10
	maxCSS         = 40 << 10
	maxJSNoChart   = 120 << 10 // site.js, text-size.js, and on /search/ MiniSearch and search.js
	maxJSWithChart = 760 << 10 // the above and ECharts built with only what the charts use
)

// TestPageBudgets weighs every page of the bundled site against the
// budgets, and prints the weights by layout with -v.
func TestPageBudgets(t *testing.T) {
	out := buildBundled(t)
	weights := weighOutput(t, out)
	byLayout := map[string][]int{} // js bytes, by the page's first path segment
	for name, w := range weights {
		charts := strings.Contains(string(out[name]), "data-chart=")
		echarts := slices.Contains(w.scripts, "echarts.min.js")
		switch {
		case w.html > maxHTML:
			t.Errorf("%s: %d bytes of HTML, over %d", name, w.html, maxHTML)
		case w.css > maxCSS:
			t.Errorf("%s: %d bytes of CSS, over %d", name, w.css, maxCSS)
		case echarts && !charts:
			t.Errorf("%s loads ECharts but draws no chart", name)
		case charts && !echarts:
			t.Errorf("%s draws charts without loading ECharts", name)
		case !charts && w.js > maxJSNoChart:
			t.Errorf("%s: %d bytes of script without a chart, over %d", name, w.js, maxJSNoChart)
		case w.js > maxJSWithChart:
			t.Errorf("%s: %d bytes of script, over %d", name, w.js, maxJSWithChart)
		}
		section, _, _ := strings.Cut(name, "/")
		byLayout[section] = append(byLayout[section], w.js)
	}
	for _, s := range slices.Sorted(func(yield func(string) bool) {
		for k := range byLayout {
			if !yield(k) {
				return
			}
		}
	}) {
		js := byLayout[s]
		t.Logf("%-16s %4d pages, script %7d–%7d bytes", s, len(js), slices.Min(js), slices.Max(js))
	}
}
