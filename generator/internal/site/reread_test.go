package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
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

// TestDataChangedDuringTheBuild: a dataset too large to keep in memory is
// read again to make its pages; when that read fails (the file changed on
// disk), the build stops with an error naming the page and the file, and
// writes nothing — never a "successful" site without /budgets/.
func TestDataChangedDuringTheBuild(t *testing.T) {
	var b strings.Builder
	b.WriteString("年度,阶段,部门,科目编码,科目名称,金额(万元)\n")
	for i := 0; b.Len() <= 17<<20; i++ {
		fmt.Fprintf(&b, "%d,预算,部门%d,2080201,行政运行,%d.5\n", 2011+i%5, i%300, i%1000)
	}
	before := b.String()
	fsys := &changingFS{
		MapFS: fstest.MapFS{
			"site.toml":            {Data: []byte("title = \"测试\"\n")},
			"data/budgets/big.csv": {Data: []byte(before)},
		},
		name:  "data/budgets/big.csv",
		after: []byte(strings.Replace(before, "2080201,行政运行,1.5", "2080201,行政运行,一点五", 1)),
	}
	themeFiles(t, fsys.MapFS)
	out := memSink{}
	_, err := Build(fsys, fixedOpts, out)
	if err == nil || !strings.Contains(err.Error(), "/budgets/ could not be made") || !strings.Contains(err.Error(), "data/budgets/big.csv") {
		t.Fatalf("got %v, want an error naming /budgets/ and the file", err)
	}
	if len(out) != 0 {
		t.Errorf("%d files written by a build that failed", len(out))
	}
}
