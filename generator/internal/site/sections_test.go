package site

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gongkai/generator/internal/render"

	"golang.org/x/net/html"
)

// sectionSite is a small site with n notices in content/notices/, dated
// one a day from 2025-01-01, the newest last written.
func sectionSite(t *testing.T, n int) memSink {
	t.Helper()
	extra := map[string]string{"content/notices/_index.md": "---\ntitle: 通知公告\nsummary: 本县的通知。\n---\n本县发布的通知公告。\n"}
	for i := range n {
		extra[fmt.Sprintf("content/notices/n%04d.md", i)] = fmt.Sprintf("---\ntitle: 第%d号通知\ndate: 2025-%02d-%02d\n---\n正文。\n", i, 1+i/28%12, 1+i%28)
	}
	out := memSink{}
	if _, err := Build(smallSite(t, extra), fixedOpts, out); err != nil {
		t.Fatal(err)
	}
	return out
}

// navLinks are the links of a page's site navigation.
func navLinks(t *testing.T, page []byte) []string {
	t.Helper()
	var out []string
	for _, nav := range findAll(parseHTML(t, page), hasClass("site-nav")) {
		for _, a := range findAll(nav, func(n *html.Node) bool { return n.Data == "a" }) {
			out = append(out, attr(a, "href"))
		}
	}
	return out
}

// TestSections: the pages of content/notices/ are published under
// /notices/, listed newest first on /notices/ and the list's further pages,
// and the navigation holds the section once, never its pages — so it stays
// the same size however many notices there are.
func TestSections(t *testing.T) {
	out := sectionSite(t, 65)
	for _, p := range []string{"notices/index.html", "notices/2/index.html", "notices/3/index.html", "notices/n0000/index.html", "notices/n0064/index.html"} {
		if _, ok := out[p]; !ok {
			t.Errorf("%s not written", p)
		}
	}
	if _, ok := out["notices/4/index.html"]; ok {
		t.Error("a fourth list page for 65 notices at 30 a page")
	}
	first := string(out["notices/index.html"])
	for _, want := range []string{"本县发布的通知公告。", "共 65 篇", `href="/notices/2/"`, `href="/notices/n0055/"`} {
		if !strings.Contains(first, want) {
			t.Errorf("/notices/ lacks %s", want)
		}
	}
	// Newest first: n0055 (2025-02-28) before n0054 (2025-02-27).
	if i, j := strings.Index(first, "/notices/n0055/"), strings.Index(first, "/notices/n0054/"); i < 0 || j < 0 || i > j {
		t.Errorf("the list is not newest first (%d, %d)", i, j)
	}
	if !strings.Contains(string(out["sitemap.xml"]), "/notices/n0030/") {
		t.Error("a notice is not in the sitemap")
	}
	notice := string(out["notices/n0001/index.html"])
	if !strings.Contains(notice, `<a href="/notices/">通知公告</a>`) {
		t.Error("a notice's crumbs do not lead to its section")
	}
	for _, page := range []string{"index.html", "notices/n0001/index.html", "notices/2/index.html"} {
		links := navLinks(t, out[page])
		sections := 0
		for _, l := range links {
			if strings.HasPrefix(l, "/notices/n") {
				t.Errorf("%s: the navigation lists a notice, %s", page, l)
			}
			if l == "/notices/" {
				sections++
			}
		}
		if sections != 1 {
			t.Errorf("%s: the navigation links the section %d times: %v", page, sections, links)
		}
	}
	few := navLinks(t, sectionSite(t, 3)["index.html"])
	if many := navLinks(t, out["index.html"]); len(few) != len(many) {
		t.Errorf("the navigation grows with the notices: %d links with 3, %d with 65", len(few), len(many))
	}
}

// TestMenuFalse: a page of content/ with menu: false is published but not
// in the navigation; the others stay in it.
func TestMenuFalse(t *testing.T) {
	out := memSink{}
	fsys := smallSite(t, map[string]string{
		"content/privacy.md": "---\ntitle: 隐私说明\nmenu: false\n---\n正文。\n",
		"content/guide.md":   "---\ntitle: 使用指南\n---\n正文。\n",
	})
	if _, err := Build(fsys, fixedOpts, out); err != nil {
		t.Fatal(err)
	}
	if _, ok := out["privacy/index.html"]; !ok {
		t.Fatal("a page with menu: false is not published")
	}
	links := strings.Join(navLinks(t, out["index.html"]), " ")
	if strings.Contains(links, "/privacy/") || !strings.Contains(links, "/guide/") {
		t.Errorf("navigation: %s", links)
	}
}

// TestPagerWindow: a long list's pager links the first and last pages and
// two on either side of the current one, a gap standing for the rest; so
// every page links its neighbours, and a list of thousands of pages does
// not link all of them from each (which made 100,000 notices take minutes).
func TestPagerWindow(t *testing.T) {
	show := func(n, current int) string {
		var b []string
		for _, c := range pager(paginate(n, 1, "/n/"), current, func(p string) string { return p }) {
			switch {
			case c.Title == "" && c.Path == "":
				b = append(b, "…")
			case c.Path == "":
				b = append(b, "["+c.Title+"]")
			default:
				b = append(b, c.Title)
			}
		}
		return strings.Join(b, " ")
	}
	for _, tt := range []struct {
		n, current int
		want       string
	}{
		{1, 0, ""},
		{5, 0, "[1] 2 3 4 5"},
		{100, 0, "[1] 2 3 … 100"},
		{100, 3, "1 2 3 [4] 5 6 … 100"},
		{100, 49, "1 … 48 49 [50] 51 52 … 100"},
		{100, 99, "1 … 98 99 [100]"},
	} {
		if got := show(tt.n, tt.current); got != tt.want {
			t.Errorf("%d pages at %d: %q, want %q", tt.n, tt.current+1, got, tt.want)
		}
	}
	for cur := range 1000 {
		got := pager(paginate(1000, 1, "/n/"), cur, func(p string) string { return p })
		if len(got) > 9 {
			t.Fatalf("page %d links %d pages", cur+1, len(got))
		}
		for _, next := range []int{cur - 1, cur + 1} {
			if next >= 0 && next < 1000 && !slices.ContainsFunc(got, func(c render.Crumb) bool { return c.Title == strconv.Itoa(next+1) && c.Path != "" }) {
				t.Fatalf("page %d does not link page %d", cur+1, next+1)
			}
		}
	}
}
