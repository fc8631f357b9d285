package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"

	"gongkai/generator/internal/diag"
)

// published is a file of a built site as rsync sees it.
type published struct {
	data string
	info fs.FileInfo
}

// files reads every file under dir with its information.
func files(t *testing.T, dir string) map[string]published {
	t.Helper()
	out := map[string]published{}
	for name, data := range snapshot(t, dir) {
		fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = published{data, fi}
	}
	return out
}

// backdate sets every file under dir to one old time, so that a file a
// build writes again cannot have it by chance.
func backdate(t *testing.T, dir string) time.Time {
	t.Helper()
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	for name := range snapshot(t, dir) {
		if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), old, old); err != nil {
			t.Fatal(err)
		}
	}
	return old
}

// sameFiles fails unless every file of before is in after with the same
// bytes, modification time and inode.
func sameFiles(t *testing.T, before, after map[string]published, what string) {
	t.Helper()
	for name, b := range before {
		a, ok := after[name]
		switch {
		case !ok:
			t.Errorf("%s: %s is gone", what, name)
		case a.data != b.data || !a.info.ModTime().Equal(b.info.ModTime()) || !os.SameFile(a.info, b.info):
			t.Errorf("%s: %s changed (modified %v, was %v)", what, name, a.info.ModTime(), b.info.ModTime())
		}
	}
	if len(after) != len(before) {
		t.Errorf("%s: %d files, was %d", what, len(after), len(before))
	}
}

// TestRebuildKeepsUnchangedFiles: a rebuild after one page's edit leaves
// every other file of the site — pages, downloads, the .gz and .br copies —
// the very file it was (same bytes, modification time and inode), so rsync
// and CDN uploads move only the page, its copies and what lists it.
func TestRebuildKeepsUnchangedFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	for range 2 { // the second build links the first's files: the staging folder shares them
		if err := publishTo(t, smallSite(t, nil), dest); err != nil {
			t.Fatal(err)
		}
	}
	old := backdate(t, dest)
	before := files(t, dest)
	if _, ok := before["about/index.html.gz"]; !ok {
		t.Fatal("no copies to keep")
	}
	if err := publishTo(t, smallSite(t, nil), dest); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, before, files(t, dest), "a rebuild of the same input")

	edited := smallSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n正文。" + strings.Repeat("又改了一句。", 100) + "\n"})
	if err := publishTo(t, edited, dest); err != nil {
		t.Fatal(err)
	}
	after := files(t, dest)
	var changed []string
	for name, a := range after {
		b, ok := before[name]
		if ok && a.data == b.data {
			if !a.info.ModTime().Equal(old) || !os.SameFile(a.info, b.info) {
				t.Errorf("%s has the same bytes but not the same file (modified %v)", name, a.info.ModTime())
			}
			continue
		}
		changed = append(changed, name)
		if a.info.ModTime().Equal(old) {
			t.Errorf("%s changed but kept its old time", name)
		}
	}
	for _, name := range []string{"about/index.html", "about/index.html.gz", "about/index.html.br"} {
		if b, a := before[name], after[name]; a.data == b.data {
			t.Errorf("%s did not change", name)
		}
	}
	if len(changed) > 6 { // the page and its copies; the search index and its copies
		t.Errorf("one edited page changed %d files: %v", len(changed), changed)
	}
}

// TestStreamedRebuild: a streamed download is compared with the previous
// one as it is written; whatever the difference (none, in the middle, a
// shorter or longer file), the published file holds the new bytes, and
// only an unchanged one is the previous file.
func TestStreamedRebuild(t *testing.T) {
	base := bytes.Repeat([]byte("年份,单位,金额(万元)\n2013,示例单位,12.5\n"), 20000) // ~700 KB: many pieces
	middle := bytes.Clone(base)
	middle[len(middle)/2] = 'X'
	tests := []struct {
		name string
		data []byte
	}{
		{"unchanged", base},
		{"changed in the middle", middle},
		{"shorter", base[:len(base)-100]},
		{"longer", append(bytes.Clone(base), "2014,示例单位,13\n"...)},
		{"empty", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			stream := func(data []byte) func(Sink) error {
				return func(out Sink) error {
					if err := out.PutStream("data/x.csv", func(w io.Writer) error {
						for chunk := range slices32k(data) {
							if _, err := w.Write(chunk); err != nil {
								return err
							}
						}
						return nil
					}); err != nil {
						return err
					}
					return out.Put("sitemap.xml", []byte("<urlset/>"))
				}
			}
			for range 2 {
				if err := Publish(dest, stream(base)); err != nil {
					t.Fatal(err)
				}
			}
			backdate(t, dest)
			before := files(t, dest)
			if err := Publish(dest, stream(tt.data)); err != nil {
				t.Fatal(err)
			}
			after := files(t, dest)
			if got := after["data/x.csv"]; got.data != string(tt.data) {
				t.Fatalf("published %d bytes, want %d", len(got.data), len(tt.data))
			}
			unchanged := bytes.Equal(tt.data, base)
			if same := os.SameFile(after["data/x.csv"].info, before["data/x.csv"].info); same != unchanged {
				t.Errorf("the previous file kept: %v, want %v", same, unchanged)
			}
			if t.Failed() || unchanged {
				return
			}
			// The staging folder now holds the previous site: it was not written into.
			staging := filepath.Join(filepath.Dir(dest), ".public.staging", "data", "x.csv")
			if b, err := os.ReadFile(staging); err != nil || !bytes.Equal(b, base) {
				t.Errorf("the previous site's file was written into (%d bytes, %v)", len(b), err)
			}
		})
	}
}

// slices32k cuts data into pieces of 32 KiB and 32 KiB + 1 in turn, so
// that pieces and the comparison's reads do not line up.
func slices32k(data []byte) func(func([]byte) bool) {
	return func(yield func([]byte) bool) {
		for i, odd := 0, 0; i < len(data); odd ^= 1 {
			size := min(len(data)-i, 32<<10+odd)
			if !yield(data[i : i+size]) {
				return
			}
			i += size
		}
	}
}

// TestPrecompressedCopies: every text file of 1 KiB or more has a .gz and a
// .br copy that decompress to exactly the file, with its modification time;
// files in compressed formats (.xlsx, .png), tiny ones and those no copy
// makes smaller have none; a
// copy the site ships itself wins; and no page, sitemap, feed or search
// index mentions a copy.
func TestPrecompressedCopies(t *testing.T) {
	text := strings.Repeat("一行可以压缩的文字。\n", 200)
	noise := make([]byte, 4096) // text no compression makes smaller
	rand.NewChaCha8([32]byte{1}).Read(noise)
	dest := filepath.Join(t.TempDir(), "public")
	site := smallSite(t, map[string]string{
		"static/files/report.xlsx": text, // compressible bytes: left alone for the format
		"static/files/chart.png":   text,
		"static/files/notes.txt":   text,
		"static/files/tiny.txt":    "小文件",
		"static/files/noise.txt":   string(noise),
		"static/files/app.js":      text,
		"static/files/app.js.gz":   "the site's own copy",
	})
	if err := publishTo(t, site, dest); err != nil {
		t.Fatal(err)
	}
	got := files(t, dest)
	copies := 0
	for name, f := range got {
		if strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".br") {
			continue
		}
		for _, suffix := range []string{".gz", ".br"} {
			c, ok := got[name+suffix]
			wants := len(f.data) >= 1024 && !strings.HasSuffix(name, ".xlsx") && !strings.HasSuffix(name, ".png") && name != "files/noise.txt"
			if name == "files/app.js" && suffix == ".gz" {
				if c.data != "the site's own copy" {
					t.Errorf("the site's own app.js.gz was replaced by %q", c.data)
				}
				continue
			}
			if !ok {
				if wants {
					t.Errorf("%s has no %s copy", name, suffix)
				}
				continue
			}
			if !wants {
				t.Errorf("%s has a %s copy", name, suffix)
			}
			copies++
			if b := decompress(t, name+suffix, c.data); b != f.data {
				t.Errorf("%s%s does not decompress to the file (%d bytes, want %d)", name, suffix, len(b), len(f.data))
			}
			if len(c.data) >= len(f.data) {
				t.Errorf("%s%s is no smaller than the file", name, suffix)
			}
			if !c.info.ModTime().Equal(f.info.ModTime()) {
				t.Errorf("%s%s is not dated as the file", name, suffix)
			}
		}
	}
	if copies < 20 {
		t.Errorf("only %d copies", copies)
	}
	for name, f := range got {
		if !strings.HasSuffix(name, ".gz") && !strings.HasSuffix(name, ".br") && (strings.Contains(f.data, ".html.gz") || strings.Contains(f.data, ".html.br")) {
			t.Errorf("%s mentions a compressed copy", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, ".gongkai-precompress")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the copies' working folder is published (%v)", err)
	}
}

// decompress is the content of the copy name (a .gz or .br file).
func decompress(t *testing.T, name, data string) string {
	t.Helper()
	var r io.Reader = brotli.NewReader(strings.NewReader(data))
	if strings.HasSuffix(name, ".gz") {
		var err error
		if r, err = gzip.NewReader(strings.NewReader(data)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Errorf("%s: %v", name, err)
	}
	return string(b)
}

// TestPrecompressOff: [output] precompress = false writes no copies, and
// removes those of an earlier build.
func TestPrecompressOff(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := publishTo(t, smallSite(t, nil), dest); err != nil {
		t.Fatal(err)
	}
	if _, ok := snapshot(t, dest)["index.html.gz"]; !ok {
		t.Fatal("the copies are not on by default")
	}
	off := smallSite(t, nil)
	off["site.toml"].Data = append(bytes.Clone(off["site.toml"].Data), "[output]\nprecompress = false\n"...)
	for range 2 {
		if err := publishTo(t, off, dest); err != nil {
			t.Fatal(err)
		}
		for name := range snapshot(t, dest) {
			if strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".br") {
				t.Fatalf("%s published with precompress = false", name)
			}
		}
	}
}

// TestFailedRebuildKeepsCopies: a build that fails after writing every
// file (a broken link), or halfway (a failed write), leaves the previous
// site — its pages and their copies, which the staging folder shares —
// byte for byte, time for time, as it was.
func TestFailedRebuildKeepsCopies(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	for range 2 {
		if err := publishTo(t, smallSite(t, nil), dest); err != nil {
			t.Fatal(err)
		}
	}
	backdate(t, dest)
	before := files(t, dest)

	broken := smallSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n" + strings.Repeat("改了。", 500) + "[无处](/nowhere/)\n"})
	err := publishTo(t, broken, dest)
	if _, input := errors.AsType[*diag.Errors](err); !input || !strings.Contains(err.Error(), "/nowhere/") {
		t.Fatalf("want the broken link, got %v", err)
	}
	sameFiles(t, before, files(t, dest), "a build with a broken link")

	full := errors.New("write: no space left on device")
	err = Publish(dest, func(out Sink) error {
		out.(precompressor).setPrecompress(true)
		for i := range 50 {
			if err := out.Put(fmt.Sprintf("page%02d.html", i), []byte(strings.Repeat("新", 1000))); err != nil {
				return err
			}
		}
		return full
	})
	if !errors.Is(err, full) {
		t.Fatalf("got %v", err)
	}
	sameFiles(t, before, files(t, dest), "a failed write")

	// The next good builds publish copies of the files they have now.
	edited := smallSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n" + strings.Repeat("改了。", 500) + "\n"})
	for _, fsys := range []fs.FS{edited, smallSite(t, nil)} {
		if err := publishTo(t, fsys, dest); err != nil {
			t.Fatal(err)
		}
		got := snapshot(t, dest)
		for name, data := range got {
			if base, ok := strings.CutSuffix(name, ".gz"); ok && decompress(t, name, data) != got[base] {
				t.Errorf("%s is not a copy of %s", name, base)
			}
			if base, ok := strings.CutSuffix(name, ".br"); ok && decompress(t, name, data) != got[base] {
				t.Errorf("%s is not a copy of %s", name, base)
			}
		}
	}
}
