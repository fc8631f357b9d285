package site

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// publish builds the site as `gongkai build` does — a Builder of its own,
// as a new process has, publishing into dest — with the build cache beside
// dest when cached, and returns the files published and the build's stats.
func (s *cacheSite) publishAsNew(dest string, cached bool) (memSink, *Stats) {
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
	var st *Stats
	err = Publish(dest, func(out Sink) error {
		r, err := b.Build(opts, out)
		st = r.Stats
		return err
	})
	if err != nil {
		s.t.Fatalf("the site does not build:\n%v", err)
	}
	return readFolder(s.t, dest), st
}

// readFolder is every file under dir, by slash-separated path.
func readFolder(t *testing.T, dir string) memSink {
	t.Helper()
	out := memSink{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestKeptResultsRandomEdits: builds published as `gongkai build` makes
// them, each by a new Builder (nothing shared in memory), take what they
// can from the last build — datasets' readings, budget sums, downloads'
// shapes, unchanged pages — and after each of a series of random edits
// (those of TestCacheRandomEdits, and a word of the theme's) publish the
// same files, byte for byte, as a build without the cache. After no edit,
// every page that has a sum is taken.
func TestKeptResultsRandomEdits(t *testing.T) {
	s := newCacheSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	edits := append(cacheEdits[:len(cacheEdits):len(cacheEdits)], func(s *cacheSite, r *rand.Rand) string {
		s.n++
		s.write("i18n/"+s.language+".toml", fmt.Sprintf("[base]\nskip = \"跳到正文%d\"\n", s.n))
		return "changed a word of the theme"
	})
	r := rand.New(rand.NewPCG(23, 23))
	if _, st := s.publishAsNew(dest, true); st.PagesTaken != 0 {
		t.Fatalf("the first build took %d pages from no build", st.PagesTaken)
	}
	taken := 0
	for step := range 30 {
		did := edits[r.IntN(len(edits))](s, r)
		if step == 0 {
			did = edits[len(edits)-1](s, r) + ", then " + did
		}
		got, st := s.publishAsNew(dest, true)
		want, _ := s.publishAsNew(filepath.Join(t.TempDir(), "cold"), false)
		sameOutput(t, fmt.Sprintf("step %d (%s)", step, did), got, want)
		taken += st.PagesTaken
		if did == "changed nothing" && st.PagesTaken < st.Pages-3 { // the content pages are rendered
			t.Errorf("step %d: after no edit, %d of %d pages were taken from the last build", step, st.PagesTaken, st.Pages)
		}
	}
	if taken == 0 {
		t.Error("no page was ever taken from the last build")
	}
	results, err := os.ReadDir(filepath.Join(CacheFolder(dest), "results"))
	if err != nil || len(results) < 3 {
		t.Errorf("the results folder holds %d files (%v)", len(results), err)
	}
}

// TestKeptResultsDamaged: results changed or cut short, and a page of the
// published site changed by hand, are not taken: the next build publishes
// what a build without the cache does.
func TestKeptResultsDamaged(t *testing.T) {
	s := newCacheSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	s.publishAsNew(dest, true)
	want, _ := s.publishAsNew(filepath.Join(t.TempDir(), "cold"), false)
	dir := filepath.Join(CacheFolder(dest), "results")
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range files {
		p := filepath.Join(dir, f.Name())
		b, err := os.ReadFile(p)
		if f.IsDir() || err != nil || len(b) < 40 {
			continue
		}
		if i%2 == 0 {
			b[len(b)-1] ^= 0xff // a changed byte
		} else {
			b = b[:len(b)/2] // cut short
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := s.publishAsNew(dest, true)
	sameOutput(t, "after the results were damaged", got, want)

	page := filepath.Join(dest, "data", "index.html")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte(strings.Replace(string(b), "<body", "<body data-edited", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	got, st := s.publishAsNew(dest, true)
	sameOutput(t, "after a published page was edited", got, want)
	if st.PagesTaken == 0 || st.PagesTaken == st.Pages {
		t.Errorf("%d of %d pages taken: want all but the edited one and the content pages", st.PagesTaken, st.Pages)
	}
}
