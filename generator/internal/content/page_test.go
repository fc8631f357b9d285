package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"gongkai/generator/internal/diag"
)

func TestParseErrorsCarryFileLines(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown key", "---\ntitle: a\nauthor: b\n---\n", "content/x.md:3:1: unknown front matter key \"author\""},
		{"not closed", "\n---\ntitle: a\n", "content/x.md:2:1: front matter opened here is never closed"},
		{"no title", "---\nweight: 2\n---\n", "content/x.md:2:1: front matter has no title"},
		{"octal", "---\ntitle: a\nweight: 010\n---\n", "content/x.md:3:9: weight must be a whole number"},
		{"no front matter", "# Title\n", "content/x.md:1:1: page has no front matter"},
		{"not utf8", "---\ntitle: \xb9\xe3\xb6\xab\n---\n", "content/x.md:2:8: text is not UTF-8"},
		{"deep nesting", "---\ntitle: a\n---\n" + strings.Repeat(">", 40) + " x\n", "content/x.md:4:1: quotes or lists are nested"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d diag.List
			if p := Parse("content/x.md", []byte(tt.src), &d); p != nil {
				t.Fatalf("want no page, got %+v", p.Meta)
			}
			got := d.Err().Error()
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want prefix %q", got, tt.want)
			}
		})
	}
}

func TestBlocks(t *testing.T) {
	src := "---\ntitle: 决定\n---\n\n前言。\n\n## 一、总则\n\n1.重大意义。第一段\n第二行\n\n***\n\n结语。\n"
	var d diag.List
	p := Parse("content/policy/decision.md", []byte(src), &d)
	if p == nil || d.Len() != 0 {
		t.Fatal(d.Sorted())
	}
	if p.Section != "policy" || p.Meta.Slug != "decision" {
		t.Errorf("section %q slug %q", p.Section, p.Meta.Slug)
	}
	bs := p.Blocks(&d)
	type got struct {
		kind BlockKind
		text string
		line int
	}
	want := []got{{Paragraph, "前言。", 5}, {Heading, "一、总则", 7}, {Paragraph, "1.重大意义。第一段第二行", 9}, {Break, "", 12}, {Paragraph, "结语。", 14}}
	if len(bs) != len(want) {
		t.Fatalf("got %d blocks: %+v", len(bs), bs)
	}
	for i, b := range bs {
		if g := (got{b.Kind, b.Text, b.Line}); g != want[i] {
			t.Errorf("block %d: got %+v, want %+v", i, g, want[i])
		}
	}
	if string(bs[1].Inner) != "一、总则" {
		t.Errorf("heading inner %q", bs[1].Inner)
	}
}

func TestUnsafeMarkdownIsInertAndWarned(t *testing.T) {
	src := "---\ntitle: x\n---\n<script>alert(1)</script>\n\n[a](javascript:alert(1)) <img src=x onerror=alert(1)>\n"
	var d diag.List
	p := Parse("content/x.md", []byte(src), &d)
	p.Check(&d)
	h := string(p.HTML(&d))
	for _, bad := range []string{"<script", "javascript:", "onerror"} {
		if strings.Contains(h, bad) {
			t.Errorf("output contains %q: %s", bad, h)
		}
	}
	var lines []string
	for _, w := range d.Sorted() {
		if w.Severity != diag.Warning {
			t.Errorf("want warnings only, got %v", w)
		}
		lines = append(lines, w.String())
	}
	joined := strings.Join(lines, "\n")
	for _, want := range []string{"content/x.md:4:1: warning: raw HTML", "content/x.md:6:1: warning: link to \"javascript:alert(1)\"", "content/x.md:6:26: warning: raw HTML"} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing %q in\n%s", want, joined)
		}
	}
}

func TestHeadingIDs(t *testing.T) {
	src := "---\ntitle: x\n---\n## 关于 本站\n\n## Data & Method\n\n## 关于 本站\n"
	var d diag.List
	h := string(Parse("content/x.md", []byte(src), &d).HTML(&d))
	for _, id := range []string{`id="关于-本站"`, `id="data-method"`, `id="关于-本站-2"`} {
		if !strings.Contains(h, id) {
			t.Errorf("missing %s in %s", id, h)
		}
	}
}

func TestLoadSkipsLitterAndReportsAll(t *testing.T) {
	fsys := fstest.MapFS{
		"content/about.md":           {Data: []byte("---\ntitle: 关于\n---\n")},
		"content/bad.md":             {Data: []byte("---\ntitle: a\nfoo: 1\n---\n")},
		"content/worse.md":           {Data: []byte("---\ntitle: a\n")},
		"content/.DS_Store":          {Data: []byte{0, 1}},
		"content/~$draft.md":         {Data: []byte{0xff}},
		"content/.about.md.swp":      {Data: []byte{0}},
		"content/notes.txt":          {Data: []byte("x")},
		"content/policy/decision.md": {Data: []byte("---\ntitle: 决定\n---\n")},
	}
	var d diag.List
	pages, err := Load(fsys, "/", &d)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].Path != "content/about.md" || pages[1].Path != "content/policy/decision.md" {
		t.Errorf("pages: %v", pages)
	}
	got := d.Err().Error()
	for _, want := range []string{"content/bad.md:3:1:", "content/worse.md:1:1:", "content/notes.txt:1:1: warning: not a Markdown"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

func TestNestingTooDeep(t *testing.T) {
	tests := map[string]int{
		"> a\n":                                0,
		strings.Repeat("-", 80) + "\n":         0, // a long thematic break
		"x\n" + strings.Repeat("> ", 33) + "a": 2,
		strings.Repeat("- ", 40) + "item":      1,
		strings.Repeat(">", 33) + "\n":         1,
	}
	for src, want := range tests {
		if got := nestingTooDeep([]byte(src)); got != want {
			t.Errorf("nestingTooDeep(%.20q…) = %d, want %d", src, got, want)
		}
	}
}

func TestLinksGetTheBasePath(t *testing.T) {
	fsys := fstest.MapFS{"content/a.md": {Data: []byte("---\ntitle: a\n---\n[方法](/method/) [外部](https://example.org/x) [锚](#x) [协议相对](//example.org/)\n")}}
	var d diag.List
	pages, err := Load(fsys, "/portal/", &d)
	if err != nil || len(pages) != 1 {
		t.Fatal(err, d.Sorted())
	}
	h := string(pages[0].HTML(&d))
	for _, want := range []string{`href="/portal/method/"`, `href="https://example.org/x"`, `href="#x"`, `href="//example.org/"`} {
		if !strings.Contains(h, want) {
			t.Errorf("missing %s in %s", want, h)
		}
	}
}

// A page loaded from a folder holds no text and is not parsed as Markdown
// there: it is read again to be rendered, which tells what is not
// published; a file that changed since it was loaded is an error at the
// page, never the new text published under the old title.
func TestLoadedPagesAreReadAgain(t *testing.T) {
	fsys := fstest.MapFS{"content/notices/a.md": {Data: []byte("---\ntitle: A\n---\n\n## 一\n\nText <b>x</b>.\n")}}
	var d diag.List
	pages, err := Load(fsys, "/", &d)
	if err != nil || len(pages) != 1 {
		t.Fatalf("load: %v, %d pages", err, len(pages))
	}
	if d.Len() != 0 {
		t.Fatalf("load told %v", d.Sorted())
	}
	p := pages[0]
	if p.body != nil {
		t.Fatal("a loaded page holds its text")
	}
	for range 2 { // each rendering tells it again
		var r diag.List
		h := string(p.HTML(&r))
		if !strings.Contains(h, `<h2 id="一">一</h2>`) || r.HasErrors() || r.Len() != 1 || !strings.Contains(r.Sorted()[0].String(), "content/notices/a.md:7:6: warning: raw HTML") {
			t.Fatalf("render: %s, %v", h, r.Sorted())
		}
	}
	fsys["content/notices/a.md"].Data = []byte("---\ntitle: A\n---\n\nOther text.\n")
	var r diag.List
	p.HTML(&r)
	if err := r.Err(); err == nil || !strings.Contains(err.Error(), "content/notices/a.md:4:1: the page changed while the site was being built") {
		t.Fatalf("changed file: %v", err)
	}
	delete(fsys, "content/notices/a.md")
	var gone diag.List
	p.Blocks(&gone)
	if err := gone.Err(); err == nil || !strings.Contains(err.Error(), "cannot read the page again") {
		t.Fatalf("removed file: %v", err)
	}
}
