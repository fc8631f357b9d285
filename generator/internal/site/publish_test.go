package site

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gongkai/generator/internal/diag"
)

// smallSite is a minimal valid site plus the default theme.
func smallSite(t *testing.T, extra map[string]string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{
		"site.toml":             {Data: []byte("title = \"测试\"\nbase_url = \"https://example.org/\"\nid = \"tag:example.org,2026:\"\n")},
		"content/about.md":      {Data: []byte("---\ntitle: 关于\n---\n正文。\n")},
		"content/policy/doc.md": {Data: []byte("---\ntitle: 文件\nslug: doc\n---\n\n## 一、总则\n\n1.第一条。\n")},
	}
	for k, v := range extra {
		if v == "" {
			delete(fsys, k)
			continue
		}
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	themeFiles(t, fsys)
	return fsys
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func publishTo(t *testing.T, fsys fs.FS, dest string) error {
	t.Helper()
	return Publish(dest, func(out Sink) error {
		_, err := Build(fsys, fixedOpts, out)
		return err
	})
}

// failingSink fails on its nth file, like a full disk or a template bug halfway through.
type failingSink struct {
	Sink
	n int
}

func (f *failingSink) Put(name string, data []byte) error {
	if f.n--; f.n <= 0 {
		return errors.New("injected failure")
	}
	return f.Sink.Put(name, data)
}

func TestFailedBuildLeavesDestUntouched(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := publishTo(t, smallSite(t, nil), dest); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dest)
	if len(before) < 5 {
		t.Fatalf("first build wrote only %v", before)
	}

	// A failure halfway through rendering, after files were already written.
	changed := smallSite(t, map[string]string{"content/about.md": "---\ntitle: 新的关于\n---\n改了。\n"})
	err := Publish(dest, func(out Sink) error {
		_, err := Build(changed, fixedOpts, &failingSink{Sink: out, n: 4})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "injected failure") {
		t.Fatalf("want the injected failure, got %v", err)
	}
	if after := snapshot(t, dest); !maps.Equal(before, after) {
		t.Fatal("a failed build changed the published site")
	}

	// An input error: nothing is written, and every problem is returned.
	broken := smallSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\nauthor: x\n---\n", "content/b.md": "---\ntitle: b\n"})
	err = publishTo(t, broken, dest)
	var de *diag.Errors
	if !errors.As(err, &de) || len(de.List) != 2 {
		t.Fatalf("want 2 input errors, got %v", err)
	}
	if after := snapshot(t, dest); !maps.Equal(before, after) {
		t.Fatal("a build with input errors changed the published site")
	}

	// The next good build publishes normally.
	if err := publishTo(t, changed, dest); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(snapshot(t, dest)["about/index.html"], "改了。") {
		t.Fatal("good build after failures did not publish")
	}
}

func TestSuccessfulBuildLeavesNoStaleFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	withExtra := smallSite(t, map[string]string{"content/extra.md": "---\ntitle: 临时\n---\n"})
	for range 2 { // twice, so the staging folder holds an old tree to prune
		if err := publishTo(t, withExtra, dest); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := snapshot(t, dest)["extra/index.html"]; !ok {
		t.Fatal("extra page not published")
	}
	for range 2 {
		if err := publishTo(t, smallSite(t, nil), dest); err != nil {
			t.Fatal(err)
		}
		got := snapshot(t, dest)
		if _, ok := got["extra/index.html"]; ok {
			t.Fatal("deleted page still published")
		}
		if strings.Contains(got["sitemap.xml"], "/extra/") {
			t.Fatal("deleted page still in the sitemap")
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "extra")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("empty folder of the deleted page left behind")
	}
}

func TestTwoBuildsOnDiskAreIdentical(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	root, err := os.OpenRoot(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for _, d := range []string{a, b} {
		if err := publishTo(t, root.FS(), d); err != nil {
			t.Fatal(err)
		}
	}
	if !maps.Equal(snapshot(t, a), snapshot(t, b)) {
		t.Fatal("two builds of the same input differ")
	}
}

func TestPublishRefusesForeignFolder(t *testing.T) {
	dest := t.TempDir()
	if err := os.WriteFile(filepath.Join(dest, "thesis.docx"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := publishTo(t, smallSite(t, nil), dest)
	if err == nil || !strings.Contains(err.Error(), "did not write") {
		t.Fatalf("want a refusal, got %v", err)
	}
	if snapshot(t, dest)["thesis.docx"] != "mine" {
		t.Fatal("foreign folder was changed")
	}
}

// TestPublishTakesTurns: two builds into one folder at once (a CI retry, a
// save during a build) both succeed, one after the other, and the folder
// holds one build's files, never a mix of the two.
func TestPublishTakesTurns(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build := func(mark string, started chan<- struct{}) func(Sink) error {
		return func(out Sink) error {
			if started != nil {
				close(started)
			}
			for i := range 40 {
				if err := out.Put(fmt.Sprintf("page%02d.html", i), []byte(mark)); err != nil {
					return err
				}
				time.Sleep(time.Millisecond)
			}
			return out.Put("sitemap.xml", []byte(mark))
		}
	}
	started := make(chan struct{})
	errs := make(chan error, 2)
	go func() { errs <- Publish(dest, build("first", started)) }()
	<-started
	go func() { errs <- Publish(dest, build("second", nil)) }()
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	marks := map[string]int{}
	for _, data := range snapshot(t, dest) {
		marks[data]++
	}
	if len(marks) != 1 || marks["second"] != 41 {
		t.Errorf("the folder mixes builds or lacks files: %v", marks)
	}
}

// TestFailedWriteRemovesStaging: a build that fails for a reason other than
// its input (here a write that cannot be done) leaves no staging folder —
// on a full disk it would keep a second copy of the site — and the
// published site as it was.
func TestFailedWriteRemovesStaging(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	ok := func(out Sink) error { return out.Put("sitemap.xml", []byte("v1")) }
	if err := Publish(dest, ok); err != nil {
		t.Fatal(err)
	}
	full := errors.New("write: no space left on device")
	if err := Publish(dest, func(out Sink) error { out.Put("a.html", []byte("x")); return full }); !errors.Is(err, full) {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".public.staging")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the staging folder is left behind after a failed write (%v)", err)
	}
	if got := snapshot(t, dest); got["sitemap.xml"] != "v1" || len(got) != 1 {
		t.Errorf("the published site changed: %v", got)
	}
	// An input error keeps the staging folder: the next build reuses it.
	input := &diag.Errors{List: []diag.Diagnostic{{Pos: diag.Pos{File: "data/x.csv", Line: 2}, Message: "bad"}}}
	if err := Publish(dest, func(out Sink) error { return input }); err != input {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".public.staging")); err != nil {
		t.Errorf("an input error removed the staging folder: %v", err)
	}
}
