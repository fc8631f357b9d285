package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"gongkai/generator/internal/diag"
)

// changingFS serves one file's text until the file has been read to its end
// once, and other text from then on: a file that changed during the build.
type changingFS struct {
	fstest.MapFS
	name     string
	after    []byte
	readOnce bool
}

func (c *changingFS) Open(name string) (fs.File, error) {
	if name == c.name && c.readOnce {
		return fstest.MapFS{name: {Data: c.after}}.Open(name)
	}
	f, err := c.MapFS.Open(name)
	if err != nil || name != c.name {
		return f, err
	}
	return &watchedFile{File: f, fs: c}, nil
}

type watchedFile struct {
	fs.File
	fs *changingFS
}

func (w *watchedFile) Read(p []byte) (int, error) {
	n, err := w.File.Read(p)
	if errors.Is(err, io.EOF) {
		w.fs.readOnce = true
	}
	return n, err
}

// TestDataChangedDuringTheBuild: a dataset not kept in memory (keep_mb =
// 0, as for one too large to keep) is read again to make its pages; when
// that read fails (the file changed on disk), the build stops with an
// error naming the page and the file, and writes nothing — never a
// "successful" site without /budgets/.
func TestDataChangedDuringTheBuild(t *testing.T) {
	var b strings.Builder
	b.WriteString("年度,阶段,部门,科目编码,科目名称,金额(万元)\n")
	for i := 0; b.Len() <= 2<<20; i++ {
		fmt.Fprintf(&b, "%d,预算,部门%d,2080201,行政运行,%d.5\n", 2011+i%5, i%300, i%1000)
	}
	before := b.String()
	fsys := &changingFS{
		MapFS: fstest.MapFS{
			"site.toml":            {Data: []byte("title = \"测试\"\n[data]\nkeep_mb = 0\n")},
			"data/budgets/big.csv": {Data: []byte(before)},
		},
		name:  "data/budgets/big.csv",
		after: []byte(strings.Replace(before, "2080201,行政运行,1.5", "2080201,行政运行,一点五", 1)),
	}
	themeFiles(t, fsys.MapFS)
	dest := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "sitemap.xml"} { // an earlier build
		if err := os.WriteFile(filepath.Join(dest, name), []byte("the site as it was"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err := publishTo(t, fsys, dest)
	// A problem at the file's place, which the CLI reports with exit status 1.
	de, ok := errors.AsType[*diag.Errors](err)
	if !ok || len(de.List) != 1 || de.List[0].Pos.File != "data/budgets/big.csv" || !strings.Contains(de.List[0].Message, "/budgets/ could not be made") {
		t.Fatalf("got %v, want one problem at data/budgets/big.csv naming /budgets/", err)
	}
	if got := snapshot(t, dest); len(got) != 2 || got["index.html"] != "the site as it was" {
		t.Errorf("the published site changed: %d files", len(got))
	}
}
