package content

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"gongkai/generator/internal/diag"
)

// measure parses, checks and renders one page, returning the time it took
// and the bytes allocated meanwhile, and the problems found.
func measure(src string) (time.Duration, uint64, []diag.Diagnostic) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	var d diag.List
	if p := Parse("content/x.md", []byte(src), &d); p != nil {
		p.Check(&d)
		p.HTML(&d)
	}
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	return took, after.TotalAlloc - before.TotalAlloc, d.Sorted()
}

// TestHostilePagesAreBounded: inputs built to make a parser work without
// end (BAD_INPUTS.md, "Found by attacking the built tool") end in bounded
// time and memory, refused with a message at their line or published. The
// limits are generous for a loaded machine: before the fixes these cases
// took 46 s and 15 GB (front matter), 6 s and 22 s (Markdown).
func TestHostilePagesAreBounded(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      string // a problem holding this, "" when the page is published
	}{
		{"front matter nested 100,000 levels", "---\ntitle: x\nsummary: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n---\n正文\n",
			"content/x.md:3:18: brackets are nested more than 8 levels deep"},
		{"braces nested in front matter", "---\ntitle: x\nsummary: " + strings.Repeat("{a: ", 50000) + "\n---\n", "brackets are nested"},
		{"an anchor as the title", "---\ntitle: &a 标题\n---\n", "content/x.md:2:8: YAML anchors (&), aliases (*) and tags (!!) are not used"},
		{"an alias", "---\ntitle: 标题\nsummary: *a\n---\n", "content/x.md:3:10: YAML anchors"},
		{"a tag", "---\ntitle: !!str 标题\n---\n", "content/x.md:2:8: YAML anchors"},
		{"[a] 40,000 times", "---\ntitle: x\n---\n" + strings.Repeat("[a]", 40000) + "\n", ""},
		{"a*_ 40,000 times", "---\ntitle: x\n---\n前言\n\n" + strings.Repeat("a*_", 40000) + "\n", "content/x.md:6:1: this paragraph has more than 5000 * and _ marks"},
		{"escaped marks are text", "---\ntitle: x\n---\n" + strings.Repeat(`a\*\_`, 20000) + "\n", ""},
	} {
		took, alloc, problems := measure(c.src)
		if took > 5*time.Second || alloc > 1<<30 {
			t.Errorf("%s: %v and %d MB", c.name, took, alloc>>20)
		}
		var got []string
		for _, p := range problems {
			got = append(got, p.String())
		}
		all := strings.Join(got, "\n")
		switch {
		case c.want == "" && len(problems) > 0:
			t.Errorf("%s: refused: %s", c.name, all)
		case c.want != "" && !strings.Contains(all, c.want):
			t.Errorf("%s: got %q, want %q", c.name, all, c.want)
		}
	}
}

// TestMarkdownTimeGrowsLinearly: a page of many small inline elements four
// times as long must take about four times as long to read, check and
// render, not sixteen (the position of each element was once found by
// recounting the page: ×25); 12 leaves room for a machine busy with other
// tests (×9 seen when every package ran at once on two cores).
func TestMarkdownTimeGrowsLinearly(t *testing.T) {
	for _, unit := range []string{"[a]", "`a` ", "<b>", "a*b* ", "[x](/a) "} {
		page := func(n int) string {
			if strings.ContainsAny(unit, "*_") { // a paragraph each, under the limit on marks
				return "---\ntitle: x\n---\n" + strings.Repeat(strings.Repeat(unit, 100)+"\n\n", n/100)
			}
			return "---\ntitle: x\n---\n" + strings.Repeat(unit, n) + "\n"
		}
		best := func(n int) time.Duration {
			var b time.Duration
			for i := range 5 {
				d, _, _ := measure(page(n))
				if i == 0 || d < b {
					b = d
				}
			}
			return b
		}
		small, large := best(10000), best(40000)
		if ratio := float64(large) / float64(small); ratio > 12 {
			t.Errorf("%q: 10,000 took %v, 40,000 took %v (×%.1f): growth is not linear", unit, small, large, ratio)
		} else {
			t.Log(fmt.Sprintf("%q: %v → %v (×%.1f)", unit, small, large, ratio))
		}
	}
}

// FuzzPage reads, checks and renders any page: never a panic, and every
// problem at a line of the file.
func FuzzPage(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: 标题\nsummary: [[[a]]]\n---\n正文 *强调* _x_ [链接](/a/)\n",
		"---\ntitle: &a x\nslug: *a\n---\n> > > - - 1. a\n",
		"---\ntitle: x\ndate: 2025-03-10T09:30:00+08:00\ndraft: true\n---\n" + strings.Repeat("a*_", 100) + "\n",
		"---\ntitle: {a: {b: [c]}}\n---\n<b>raw</b> `code` ![i](javascript:x)\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var d diag.List
		if p := Parse("content/x.md", src, &d); p != nil {
			p.Check(&d)
			p.HTML(&d)
		}
		for _, p := range d.Sorted() {
			if p.Pos.File != "content/x.md" || p.Pos.Line < 1 {
				t.Errorf("problem not at a line of the file: %v", p)
			}
		}
	})
}
