package site

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestFamiliesReserveTheirPaths: a content page cannot take the path of
// any family, so adding a family reserves its path without another list.
func TestFamiliesReserveTheirPaths(t *testing.T) {
	ids := []string{"embed", "assets"} // the charts alone, and the theme's files
	for _, f := range families {
		if f.id != "" {
			ids = append(ids, f.id)
		}
	}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			fsys := smallSite(t, map[string]string{"content/x.md": "---\ntitle: X\nslug: " + id + "\n---\n正文。\n"})
			_, err := Build(fsys, fixedOpts, memSink{})
			if err == nil || !strings.Contains(err.Error(), "content/x.md") || !strings.Contains(err.Error(), "used by the site itself") {
				t.Fatalf("a page with slug %q built, or the message does not say why: %v", id, err)
			}
		})
	}
}

// TestLayoutsFollowTheFamiliesInUse: a theme needs only the layouts of the
// families a site has data for. A site's broken budgets.html does not
// stop a site without budgets, and stops one with them at the layout's
// file and line.
func TestLayoutsFollowTheFamiliesInUse(t *testing.T) {
	broken := "{{define \"main\"}}\n<p>\n{{if}}\n{{end}}"
	fsys := smallSite(t, map[string]string{"layouts/budgets.html": broken})
	if _, err := Build(fsys, fixedOpts, memSink{}); err != nil {
		t.Fatalf("a site without budgets needs no budgets layout, yet: %v", err)
	}
	fsys = smallSite(t, map[string]string{"layouts/budgets.html": broken,
		"data/budgets/2013.csv": "年度,阶段,部门,科目编码,科目名称,金额(万元)\n2013,预算,民政厅,2080201,行政运行,10\n"})
	_, err := Build(fsys, fixedOpts, memSink{})
	if err == nil || !strings.Contains(err.Error(), "layouts/budgets.html") || !strings.Contains(err.Error(), ":3") {
		t.Fatalf("a broken budgets layout was not reported at its file and line: %v", err)
	}
	for _, name := range requiredLayouts(nil) {
		if slices.Contains([]string{"budgets", "organizations", "committees"}, name) {
			t.Errorf("a site without data requires the layout %s", name)
		}
	}
}

// TestNavigationAndTopicsFromFamilies: the navigation lists the families
// with a place in it, in its order, and /data/ links to each family that
// has a topic and data.
func TestNavigationAndTopicsFromFamilies(t *testing.T) {
	out := buildBundled(t)
	hrefs := func(file, class string) []string {
		var got []string
		for _, ul := range findAll(parseHTML(t, out[file]), hasClass(class)) {
			for _, a := range findAll(ul, func(n *html.Node) bool { return n.Data == "a" }) {
				got = append(got, attr(a, "href"))
			}
		}
		return got
	}
	topics := hrefs("data/index.html", "topics")
	var want []string
	for _, f := range families {
		if f.topic != "" {
			want = append(want, "/"+f.id+"/")
		}
	}
	slices.Sort(topics)
	slices.Sort(want)
	if !slices.Equal(topics, want) {
		t.Errorf("/data/'s topics are %v, want one per family with a topic: %v", topics, want)
	}
	nav := hrefs("index.html", "site-nav")
	var order []string
	for _, f := range byNav() {
		if f.id != "" {
			order = append(order, "/"+f.id+"/")
		}
	}
	var got []string
	for _, h := range nav {
		if slices.Contains(order, h) {
			got = append(got, h)
		}
	}
	if !slices.Equal(got, order) || nav[0] != "/" {
		t.Errorf("the navigation is %v: want / first, then %v in this order", nav, order)
	}
}
