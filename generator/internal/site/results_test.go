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

// publishAsNew is publishReport, and the files published.
func (s *cacheSite) publishAsNew(dest string, cached bool) (memSink, Report) {
	s.t.Helper()
	r := s.publishReport(dest, cached)
	return readFolder(s.t, dest), r
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
	}, func(s *cacheSite, r *rand.Rand) string {
		s.n++
		i := r.IntN(3)
		name := fmt.Sprintf("content/notices/n%d.md", i)
		s.write(name, fmt.Sprintf("---\ntitle: 通知%d\n---\n\n第%d号通知。<b>粗体</b>\n", i, s.n)) // the same title: only the body changes
		return "wrote " + name + ", with raw HTML"
	})
	r := rand.New(rand.NewPCG(23, 23))
	if _, rep := s.publishAsNew(dest, true); rep.Stats.PagesTaken != 0 {
		t.Fatalf("the first build took %d pages from no build", rep.Stats.PagesTaken)
	}
	taken := 0
	for step := range 20 {
		did := edits[r.IntN(len(edits))](s, r)
		if step == 0 {
			did = edits[len(edits)-2](s, r) + ", " + edits[len(edits)-1](s, r) + ", then " + did
		}
		got, rep := s.publishAsNew(dest, true)
		want, cold := s.publishAsNew(filepath.Join(t.TempDir(), "cold"), false)
		what := fmt.Sprintf("step %d (%s)", step, did)
		sameOutput(t, what, got, want)
		if g, w := fmt.Sprint(rep.Warnings), fmt.Sprint(cold.Warnings); g != w {
			t.Fatalf("%s: warnings\n%s\nwant, as without the cache:\n%s", what, g, w)
		}
		if !strings.Contains(fmt.Sprint(rep.Warnings), "raw HTML") {
			t.Fatalf("%s: the warning of a page's raw HTML is not told: %v", what, rep.Warnings)
		}
		taken += rep.Stats.PagesTaken
		if did == "changed nothing" && rep.Stats.PagesTaken != rep.Stats.Pages {
			t.Errorf("%s: after no edit, %d of %d pages were taken from the last build", what, rep.Stats.PagesTaken, rep.Stats.Pages)
		}
	}
	if taken == 0 {
		t.Error("no page was ever taken from the last build")
	}
	// A page's text alone changed, twice: its title, and so every list
	// of pages, stays as it was.
	for _, body := range []string{"第一稿。", "第二稿。"} {
		s.write("content/notices/same.md", "---\ntitle: 同一标题\n---\n\n"+body+"\n")
		got, _ := s.publishAsNew(dest, true)
		want, _ := s.publishAsNew(filepath.Join(t.TempDir(), "cold"), false)
		sameOutput(t, "after the text of a page changed", got, want)
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
	got, rep := s.publishAsNew(dest, true)
	sameOutput(t, "after a published page was edited", got, want)
	if st := rep.Stats; st.PagesTaken != st.Pages-1 {
		t.Errorf("%d of %d pages taken: want all but the edited one", st.PagesTaken, st.Pages)
	}
}

// servedSink is gongkai serve's sink: a site in memory, built while last
// is served.
type servedSink struct {
	memSink
	last memSink
}

func (s servedSink) Previous(name string) ([]byte, bool) {
	b, ok := s.last[name]
	return b, ok
}

// TestServedPagesRandomEdits: gongkai serve's rebuilds, each by the same
// Builder into a new site in memory, take the pages that did not change
// from the site served, and after each random edit hold the same files,
// byte for byte, as a build from nothing.
func TestServedPagesRandomEdits(t *testing.T) {
	s := newCacheSite(t)
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	b := NewBuilder(s.dir, root.FS(), BuilderOptions{Serve: true})
	opts := s.opts("")
	opts.BaseURL, opts.Preview = "/", true
	edits := append(cacheEdits[:len(cacheEdits):len(cacheEdits)], func(s *cacheSite, r *rand.Rand) string {
		i := r.IntN(2)
		s.n++
		s.write(fmt.Sprintf("content/notices/n%d.md", i), fmt.Sprintf("---\ntitle: 通知%d\n---\n\n第%d稿。<b>粗体</b>\n", i, s.n))
		return fmt.Sprintf("wrote content/notices/n%d.md", i)
	})
	r := rand.New(rand.NewPCG(29, 29))
	var last memSink
	taken := 0
	for step := range 20 {
		did := edits[r.IntN(len(edits))](s, r)
		if step == 1 {
			did = edits[len(edits)-1](s, r) + ", " + did
		}
		out := servedSink{memSink{}, last}
		rep, err := b.Build(opts, out)
		if err != nil {
			t.Fatalf("step %d (%s): %v", step, did, err)
		}
		want := memSink{}
		cold, err := Build(root.FS(), opts, want)
		if err != nil {
			t.Fatal(err)
		}
		what := fmt.Sprintf("step %d (%s)", step, did)
		sameOutput(t, what, out.memSink, want)
		if g, w := fmt.Sprint(rep.Warnings), fmt.Sprint(cold.Warnings); g != w {
			t.Fatalf("%s: warnings\n%s\nwant\n%s", what, g, w)
		}
		if did == "changed nothing" && step > 0 && rep.Stats.PagesTaken != rep.Stats.Pages {
			t.Errorf("%s: %d of %d pages taken from the site served", what, rep.Stats.PagesTaken, rep.Stats.Pages)
		}
		taken += rep.Stats.PagesTaken
		last = out.memSink
	}
	if taken == 0 {
		t.Error("no page was ever taken from the site served")
	}
}
