package site

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// TestBuildStats: a build asked for stats times each stage in order and
// keeps the slowest pages and datasets, slowest first; one with a progress
// function is told each stage and, while writing, the pages written, up to
// all of them.
func TestBuildStats(t *testing.T) {
	extra := map[string]string{
		"data/grants.csv": "year,amount\n2024,10\n2025,12\n",
	}
	for i := range 300 {
		extra[fmt.Sprintf("content/notices/n%03d.md", i)] = "---\ntitle: 通知\n---\n正文。\n"
	}
	var told []Progress
	opts := fixedOpts
	opts.Stats, opts.Progress = true, func(p Progress) { told = append(told, p) }
	out := memSink{}
	report, err := Build(smallSite(t, extra), opts, out)
	if err != nil {
		t.Fatal(err)
	}
	s := report.Stats
	if s == nil {
		t.Fatal("no stats")
	}
	var names []string
	var cpu time.Duration
	for _, st := range s.Stages {
		names = append(names, st.Name)
		if st.Took <= 0 && st.Name != "judge" {
			t.Errorf("stage %s took %v", st.Name, st.Took)
		}
		cpu += st.CPU
	}
	if cpu <= 0 && runtime.GOOS != "windows" && runtime.GOOS != "plan9" {
		t.Errorf("the stages used %v of processor time", cpu)
	}
	if want := []string{"load", "check", "judge", "compute", "write", "links"}; !slices.Equal(names, want) {
		t.Errorf("stages %v, want %v", names, want)
	}
	if len(s.Slowest) != slowestKept {
		t.Fatalf("%d slowest items, want %d", len(s.Slowest), slowestKept)
	}
	if !slices.IsSortedFunc(s.Slowest, func(a, b ItemTime) int { return int(b.Took - a.Took) }) {
		t.Errorf("slowest not slowest first: %v", s.Slowest)
	}
	for _, it := range s.Slowest {
		if _, ok := out[it.Name]; it.Kind == "page" && !ok {
			t.Errorf("slowest page %s was not written", it.Name)
		}
	}
	var stages []string
	last := Progress{}
	for _, p := range told {
		if p.Total == 0 {
			stages = append(stages, p.Stage)
			continue
		}
		if p.Stage != "write" || p.Done < last.Done || p.Done > p.Total {
			t.Errorf("progress %+v after %+v", p, last)
		}
		last = p
	}
	if want := []string{"load", "check", "judge", "compute", "write", "links"}; !slices.Equal(stages, want) {
		t.Errorf("progress told stages %v, want %v", stages, want)
	}
	if last.Total < 300 || last.Done != last.Total {
		t.Errorf("the last progress %+v: want every page written", last)
	}
	if r, _ := Build(smallSite(t, extra), fixedOpts, memSink{}); r.Stats != nil {
		t.Error("stats without asking")
	}
}

// TestSharedChromeFollowsItsKey: the header is made once per section and
// search form (render's cached), so each page still marks its own section
// in the navigation, and the search page alone has no search form in it.
func TestSharedChromeFollowsItsKey(t *testing.T) {
	out := memSink{}
	extra := map[string]string{
		"content/notices/_index.md":  "---\ntitle: 通知公告\n---\n",
		"content/notices/a.md":       "---\ntitle: 甲\n---\n正文。\n",
		"content/readings/_index.md": "---\ntitle: 政策解读\n---\n",
		"content/readings/b.md":      "---\ntitle: 乙\n---\n正文。\n",
	}
	if _, err := Build(smallSite(t, extra), fixedOpts, out); err != nil {
		t.Fatal(err)
	}
	current := func(page string) []string {
		var hrefs []string
		for _, nav := range findAll(parseHTML(t, out[page]), hasClass("site-nav")) {
			for _, a := range findAll(nav, func(n *html.Node) bool { return n.Data == "a" && attr(n, "aria-current") == "page" }) {
				hrefs = append(hrefs, attr(a, "href"))
			}
		}
		return hrefs
	}
	for page, want := range map[string][]string{
		"notices/a/index.html":  {"/notices/"},
		"notices/index.html":    {"/notices/"},
		"readings/b/index.html": {"/readings/"},
		"about/index.html":      {"/about/"},
		"index.html":            {"/"},
	} {
		if got := current(page); !slices.Equal(got, want) {
			t.Errorf("%s marks %v as current, want %v", page, got, want)
		}
	}
	for page, want := range map[string]int{"search/index.html": 0, "notices/a/index.html": 1, "index.html": 1} {
		if got := len(findAll(parseHTML(t, out[page]), hasClass("site-search"))); got != want {
			t.Errorf("%s has %d search forms in its header, want %d", page, got, want)
		}
	}
}
