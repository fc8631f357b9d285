package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"gongkai/generator/internal/diag"
)

// TestLoadReusing: an unchanged page is taken from the last load with its
// messages; a changed one is parsed again; one with errors is never kept.
func TestLoadReusing(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md": {Data: []byte("---\ntitle: 甲\n---\n\n<script>x</script>\n")},
		"content/b.md": {Data: []byte("---\ntitle: 乙\n---\n\n正文\n")},
		"content/c.md": {Data: []byte("---\ntitle: [\n---\n")},
	}
	reuse := &Reuse{}
	load := func() (map[string]*Page, string) {
		t.Helper()
		var diags diag.List
		pages, err := LoadReusing(fsys, "/", reuse, &diags)
		if err != nil {
			t.Fatal(err)
		}
		byPath := map[string]*Page{}
		for _, p := range pages {
			byPath[p.Path] = p
		}
		var lines []string
		for _, d := range diags.Sorted() {
			lines = append(lines, d.String())
		}
		return byPath, strings.Join(lines, "\n")
	}
	first, msgs := load()
	if strings.Contains(msgs, "content/a.md") || !strings.Contains(msgs, "content/c.md") { // a.md's raw HTML is told when it is rendered
		t.Fatalf("first load: %s", msgs)
	}
	second, msgs2 := load()
	if second["content/a.md"] != first["content/a.md"] || second["content/b.md"] != first["content/b.md"] {
		t.Error("an unchanged page was parsed again")
	}
	if msgs2 != msgs {
		t.Errorf("messages %q, want %q", msgs2, msgs)
	}
	fsys["content/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 乙二\n---\n\n正文\n")}
	third, _ := load()
	if third["content/b.md"] == first["content/b.md"] || third["content/b.md"].Meta.Title != "乙二" {
		t.Error("the changed page was not parsed again")
	}
}
