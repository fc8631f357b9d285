package site

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestClauseAnchors checks every clause of every document has its stable id,
// numbered as the original numbers it, with nothing skipped.
func TestClauseAnchors(t *testing.T) {
	out := buildBundled(t)
	want := map[string]struct{ sections, clauses int }{
		"decision":             {9, 40},
		"service-government":   {5, 15},
		"social-organizations": {5, 15},
		"population":           {7, 19},
		"social-work-talent":   {5, 19},
		"informatization":      {8, 28},
		"community-committees": {3, 11},
	}
	idRE := regexp.MustCompile(`id="([a-z-]+)-(s?)(\d+)(?:\.(\d+))?"`)
	for slug, w := range want {
		page := string(out["policy/"+slug+"/index.html"])
		var sections, clauses []int
		nested := 0
		for _, m := range idRE.FindAllStringSubmatch(page, -1) {
			if m[1] != slug {
				continue
			}
			var n int
			fmt.Sscan(m[3], &n)
			switch {
			case m[2] == "s":
				sections = append(sections, n)
			case m[4] != "":
				nested++
			default:
				clauses = append(clauses, n)
			}
		}
		if len(sections) != w.sections || len(clauses) != w.clauses {
			t.Errorf("%s: %d sections, %d clauses; want %d, %d", slug, len(sections), len(clauses), w.sections, w.clauses)
		}
		for i, n := range clauses {
			if n != i+1 {
				t.Errorf("%s: clause ids not continuous: %v", slug, clauses)
				break
			}
		}
		if !strings.Contains(page, `id="`+slug+`-preamble"`) {
			t.Errorf("%s: no preamble anchor", slug)
		}
		if slug == "social-work-talent" && nested != 4 {
			t.Errorf("social-work-talent: %d nested items, want 4 (3.1–3.4)", nested)
		}
		// Every anchor id is linked from its own visible link.
		for _, id := range []string{slug + "-1", slug + "-s1"} {
			if !strings.Contains(page, `class="anchor" href="#`+id+`"`) {
				t.Errorf("%s: no link to #%s", slug, id)
			}
		}
	}
	if !strings.Contains(string(out["policy/social-work-talent/index.html"]), `id="social-work-talent-3.4"`) {
		t.Error("nested item social-work-talent-3.4 missing")
	}
	if !strings.Contains(string(out["policy/service-government/index.html"]), `id="service-government-closing"`) {
		t.Error("service-government closing paragraph has no anchor")
	}
}

// TestEighthDocumentListed checks that the missing and the truncated documents
// are listed and marked where citizens look for them.
func TestEighthDocumentListed(t *testing.T) {
	out := buildBundled(t)
	for _, page := range []string{"index.html", "policy/index.html"} {
		html := string(out[page])
		if n := strings.Count(html, `class="doc-card`); n != 8 {
			t.Errorf("%s lists %d documents, want 8", page, n)
		}
		for _, s := range []string{"关于加强和改进村民委员会建设的实施意见", "原文缺失", "原文不完整"} {
			if !strings.Contains(html, s) {
				t.Errorf("%s does not show %q", page, s)
			}
		}
	}
}

// TestPagesAreSelfContained checks that no page loads anything from another
// host and every page declares its language. A link that only names the
// page's published address (rel="canonical") loads nothing.
func TestPagesAreSelfContained(t *testing.T) {
	out := buildBundled(t)
	external := regexp.MustCompile(`(?i)<(?:script|img|iframe|source|video|audio|link(?:\s+rel="[^"]*")?)\b[^>]*(?:src|href)="(?:https?:)?//`)
	canonical := regexp.MustCompile(`(?i)^<link\s+rel="canonical"`)
	for _, name := range out.names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := out[name]
		for _, m := range external.FindAll(page, -1) {
			if !canonical.Match(m) {
				t.Errorf("%s loads from another host: %s", name, m)
				break
			}
		}
		if !bytes.Contains(page, []byte(`<html lang="zh-CN">`)) {
			t.Errorf("%s: no lang=zh-CN", name)
		}
		if len(page) > 200<<10 {
			t.Errorf("%s is %d bytes; pages must stay under 200 KB", name, len(page))
		}
	}
	want := []string{"404.html", "about/index.html", "index.html", "policy/index.html", "policy/decision/index.html", "robots.txt", "sitemap.xml"}
	for _, w := range want {
		if _, ok := out[w]; !ok {
			t.Errorf("missing %s", w)
		}
	}
}

// TestGoldenDocumentPage compares one document page with its golden copy.
// Refresh it with: go test ./generator/internal/site -run Golden -update
func TestGoldenDocumentPage(t *testing.T) {
	out := buildBundled(t)
	compareGolden(t, "social-organizations.html.golden", out["policy/social-organizations/index.html"])
}

// compareGolden compares a page with testdata/NAME, which -update rewrites.
func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			if i >= len(gl) || i >= len(wl) || gl[i] != wl[i] {
				t.Fatalf("page differs from %s at line %d (run with -update if the change is intended):\ngot  %q\nwant %q", golden, i+1, at(gl, i), at(wl, i))
			}
		}
	}
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "<end of file>"
}

// TestDeterministic builds twice and compares every byte.
func TestDeterministic(t *testing.T) {
	a, b := buildBundled(t), buildBundled(t)
	if !slices.Equal(a.names(), b.names()) {
		t.Fatalf("file lists differ:\n%v\n%v", a.names(), b.names())
	}
	for _, n := range a.names() {
		if !bytes.Equal(a[n], b[n]) {
			t.Errorf("%s differs between two builds", n)
		}
	}
}
