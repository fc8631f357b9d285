package data

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"gongkai/generator/internal/diag"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestCorpus reads every file of testdata/corpus (real files from other
// projects' test suites, see its MANIFEST.md) as data/<name>.csv and records
// what gongkai makes of it: the encoding, delimiter and header found, the
// rows and their values, or the exact positioned messages. The record is
// testdata/corpus.golden; a change in behaviour shows as a diff there, to be
// read and accepted (go test -update) or fixed.
func TestCorpus(t *testing.T) {
	var files []string
	err := filepath.WalkDir("testdata/corpus", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel := strings.TrimPrefix(filepath.ToSlash(p), "testdata/corpus/")
		fmt.Fprintf(&b, "== %s\n", rel)
		b.WriteString(describe(t, src))
	}
	golden := filepath.Join("testdata", "corpus.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			if i >= len(gl) || i >= len(wl) || gl[i] != wl[i] {
				t.Fatalf("corpus results differ from %s at line %d:\ngot  %q\nwant %q", golden, i+1, line(gl, i), line(wl, i))
			}
		}
	}
}

func line(l []string, i int) string {
	if i < len(l) {
		return l[i]
	}
	return "<end>"
}

// describe loads one file as the only dataset of a site and summarises the result.
func describe(t *testing.T, src []byte) string {
	t.Helper()
	fsys := fstest.MapFS{"data/f.csv": {Data: src}}
	var diags diag.List
	sets, err := Load(fsys, DefaultOptions(), &diags)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, d := range diags.Sorted() {
		fmt.Fprintf(&b, "  %s\n", d)
	}
	if diags.HasErrors() || len(sets) == 0 {
		return b.String()
	}
	d := sets[0]
	f := d.Files[0]
	fmt.Fprintf(&b, "  %s, delimiter %s, header on line %d, %d rows\n", f.Encoding, f.Delimiter, f.HeaderLine, d.Rows)
	if d.Title != "" {
		fmt.Fprintf(&b, "  title %q\n", d.Title)
	}
	for _, c := range d.Columns {
		unit := ""
		if c.Unit != "" {
			unit = " (" + c.Unit + ")"
		}
		fmt.Fprintf(&b, "  column %q: %s%s, %d values, %d missing\n", c.Name, c.Type, unit, c.Stats.Count, c.Stats.Missing)
	}
	n := 0
	_ = d.Each(func(_ string, line int, cells []Cell) error {
		if n++; n > 5 {
			return nil
		}
		var vals []string
		for _, c := range cells {
			if c.Missing {
				vals = append(vals, "—")
			} else {
				vals = append(vals, fmt.Sprintf("%q", c.Text))
			}
		}
		fmt.Fprintf(&b, "  line %d: %s\n", line, strings.Join(vals, " "))
		return nil
	})
	return b.String()
}
