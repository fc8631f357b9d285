package site

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/publish"
)

// TestDownloadsKey: the cache key changes with each thing the downloads are
// made from — every field of downloads and of the words it carries, and
// gongkai's version — so that no change to them can take stale files from
// the cache. A field added to either type fails the test until it is in
// the key (and here).
func TestDownloadsKey(t *testing.T) {
	load := func(csv string) *data.Dataset {
		fsys := fstest.MapFS{"data/spending.csv": {Data: []byte(csv)}}
		var diags diag.List
		sets, err := data.Load(fsys, data.DefaultOptions(), &diags)
		if err != nil || diags.HasErrors() || len(sets) != 1 {
			t.Fatalf("load: %v %v", err, diags.Sorted())
		}
		return sets[0]
	}
	text := publish.FieldText{Date: "日期", USCC: "代码", Period: "所属期", Sample: "示例", True: "是", False: "否",
		Described: func(_ string, rows int, columns []string) string { return fmt.Sprint(rows, columns) }}
	base := downloads{d: load("地区,金额\n越秀区,120\n"), title: "支出", updated: "", asOf: "2016-01-01", json: true, text: text}
	want, ok := base.key("v1")
	if !ok {
		t.Fatal("no key for a dataset whose files did not change")
	}
	if again, _ := base.key("v1"); again != want {
		t.Fatal("two keys of the same downloads differ")
	}
	if other, _ := base.key("v2"); other == want {
		t.Error("the key does not change with gongkai's version")
	}
	changes := map[string]func(dl *downloads){
		"d":       func(dl *downloads) { dl.d = load("地区,金额\n越秀区,121\n") },
		"title":   func(dl *downloads) { dl.title = "开支" },
		"updated": func(dl *downloads) { dl.updated = "2015-12-31" },
		"asOf":    func(dl *downloads) { dl.asOf = "2016-01-02" }, // the .xlsx's date while updated is ""
		"json":    func(dl *downloads) { dl.json = false },
		"text":    func(dl *downloads) { dl.text.Date = "日" }, // and each of its fields below
	}
	texts := map[string]func(t *publish.FieldText){
		"Date":   func(t *publish.FieldText) { t.Date = "日" },
		"USCC":   func(t *publish.FieldText) { t.USCC = "统一代码" },
		"Period": func(t *publish.FieldText) { t.Period = "期" },
		"Sample": func(t *publish.FieldText) { t.Sample = "样例" },
		"Described": func(t *publish.FieldText) {
			t.Described = func(string, int, []string) string { return "另一种说法" }
		},
		"True":    func(t *publish.FieldText) { t.True = "对" },
		"False":   func(t *publish.FieldText) { t.False = "错" },
		"Aliases": func(t *publish.FieldText) { t.Aliases = true },
	}
	for f := range reflect.TypeFor[downloads]().Fields() {
		if changes[f.Name] == nil {
			t.Errorf("downloads.%s is not in the test: put it in the key (downloads.key), then here", f.Name)
		}
	}
	for f := range reflect.TypeFor[publish.FieldText]().Fields() {
		if texts[f.Name] == nil {
			t.Errorf("publish.FieldText.%s is not in the test: put it in the key (fieldTextKey), then here", f.Name)
		}
	}
	for name, change := range changes {
		dl := base
		change(&dl)
		if got, _ := dl.key("v1"); got == want {
			t.Errorf("changing %s does not change the key", name)
		}
	}
	for name, change := range texts {
		dl := base
		change(&dl.text)
		if got, _ := dl.key("v1"); got == want {
			t.Errorf("changing FieldText.%s does not change the key", name)
		}
	}
}

// publishTree reads a published folder: each file's bytes and permissions.
func publishTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = fi.Mode().String() + " " + string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func (s *cacheSite) publish(dest string, cached bool) *Stats {
	s.t.Helper()
	return s.publishReport(dest, cached).Stats
}

// publishReport builds the site as `gongkai build` does — a Builder of its
// own, as a new process has, publishing into dest — with the build cache
// beside dest when cached, and returns the build's report.
func (s *cacheSite) publishReport(dest string, cached bool) Report {
	s.t.Helper()
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		s.t.Fatal(err)
	}
	defer root.Close()
	b := NewBuilder(s.dir, root.FS(), BuilderOptions{})
	opts := s.opts("")
	if cached {
		opts.Cache = CacheFolder(dest)
	}
	var r Report
	err = Publish(dest, func(out Sink) error {
		var err error
		r, err = b.Build(opts, out)
		return err
	})
	if err != nil {
		s.t.Fatalf("the site does not build:\n%v", err)
	}
	return r
}

// TestCachePublish: gongkai build's way — Publish into a folder, the cache
// beside it — gives, after each edit, the same folder (files, bytes and
// permissions) as a build without a cache; the downloads taken from the
// cache are links to its files, not copies; a build without the cache
// between two with it, or a blob rewritten in place, leaves no wrong file
// in the cache or the output.
func TestCachePublish(t *testing.T) {
	s := newCacheSite(t)
	dest, cold := filepath.Join(t.TempDir(), "public"), filepath.Join(t.TempDir(), "public")
	r := rand.New(rand.NewPCG(7, 7))
	check := func(what string) {
		t.Helper()
		s.publish(cold, false)
		got, want := publishTree(t, dest), publishTree(t, cold)
		for name, w := range want {
			if got[name] != w {
				t.Fatalf("%s: %s differs from a build without the cache:\n got %.200q\nwant %.200q", what, name, got[name], w)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Fatalf("%s: %s is left over", what, name)
			}
		}
	}
	linked := func() {
		t.Helper()
		for _, name := range []string{"data/spending.csv", "data/spending.xlsx", "data/spending.json"} {
			fi, err := os.Stat(filepath.Join(dest, filepath.FromSlash(name)))
			if err != nil || private(fi) {
				t.Fatalf("%s is not a link to the cache's file (%v)", name, err)
			}
		}
	}
	for step := range 8 {
		did := cacheEdits[r.IntN(len(cacheEdits))](s, r)
		s.publish(dest, true)
		check(fmt.Sprintf("step %d (%s)", step, did))
		linked()
	}

	// A build without the cache writes its own files, never into the
	// cache's, which its output linked.
	sums := blobSums(t, CacheFolder(dest))
	cacheEdits[0](s, r)
	s.publish(dest, false)
	check("a build without the cache")
	for b, sum := range sums {
		if blobSums(t, CacheFolder(dest))[b] != sum {
			t.Fatalf("a build without the cache changed the cache's %s", filepath.Base(b))
		}
	}
	s.publish(dest, true)
	check("a build with the cache after one without")
	linked()

	// A blob rewritten in place (and with it the output's file that links
	// it): the next build writes the files again.
	for _, b := range blobs(t, CacheFolder(dest)) {
		data, _ := os.ReadFile(b)
		os.WriteFile(b, bytes.ToUpper(data), 0o644)
	}
	st := s.publish(dest, true)
	check("a build after the cache's files were rewritten")
	if st.Cached != 0 {
		t.Errorf("%d datasets taken from rewritten files", st.Cached)
	}

	// The cache folder deleted: the output is whole.
	os.RemoveAll(CacheFolder(dest))
	check("the cache deleted")
	s.publish(dest, true)
	check("a build after the cache was deleted")

	// Unchanged downloads keep their modification times: those of the
	// datasets not edited, and all of them after the cache is deleted.
	times := func() map[string]time.Time {
		out := map[string]time.Time{}
		files, _ := filepath.Glob(filepath.Join(dest, "data", "*.*"))
		for _, f := range files {
			if strings.HasPrefix(filepath.Base(f), "index.html") { // the /data/ page, not a download
				continue
			}
			if fi, err := os.Stat(f); err == nil {
				out[filepath.Base(f)] = fi.ModTime()
			}
		}
		return out
	}
	before := times()
	if len(before) < 12 {
		t.Fatalf("downloads: %v", before)
	}
	s.write("data/spending.csv", s.read("data/spending.csv")+"新区,2017,1\n")
	s.publish(dest, true)
	check("a row added")
	after := times()
	for name, t0 := range before {
		if !strings.HasPrefix(name, "spending.") && !after[name].Equal(t0) {
			t.Errorf("%s, unchanged, has a new modification time after another dataset was edited", name)
		}
	}
	before = after
	os.RemoveAll(CacheFolder(dest))
	s.publish(dest, true)
	check("a build after the cache was deleted, again")
	for name, t1 := range times() {
		if !t1.Equal(before[name]) {
			t.Errorf("%s, unchanged, has a new modification time once the cache is deleted", name)
		}
	}
	linked()
}

// blobSums is the SHA-256 of each blob in the cache.
func blobSums(t *testing.T, cache string) map[string][32]byte {
	out := map[string][32]byte{}
	for _, b := range blobs(t, cache) {
		data, err := os.ReadFile(b)
		if err != nil {
			t.Fatal(err)
		}
		out[b] = sha256.Sum256(data)
	}
	return out
}
