package site

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// cacheSite is a small site on disk for the build cache's tests: a kind
// read from a folder (budgets), a kind with a schema file (population), a
// dataset whose schema is inferred and one declared in a schema file, and
// the datasets the edits add.
type cacheSite struct {
	t        *testing.T
	dir      string
	title    string
	language string
	asOf     string
	extras   []string // datasets added by addDataset, by file name
	n        int      // edits so far, for new names and values
}

func newCacheSite(t *testing.T) *cacheSite {
	s := &cacheSite{t: t, dir: t.TempDir(), title: "缓存测试", language: "zh-CN", asOf: "2016-06-01"}
	s.writeSettings()
	s.write("data/budgets/2014.csv", "年度,阶段,部门,科目编码,科目名称,金额(万元)\n"+
		"2014,预算,甲厅,2080201,行政运行,100\n2014,预算,甲厅,2080208,基层政权和社区建设,\"1,900\"\n"+
		"2014,决算,甲厅,2080201,行政运行,90\n2014,预算,乙厅,20501,教育管理事务,3000\n")
	s.write("data/budgets/2015.csv", "年度,阶段,部门,科目编码,科目名称,金额(万元)\n"+
		"2015,预算,甲厅,2080201,行政运行,110\n2015,决算,甲厅,2080201,行政运行,105\n2015,预算,乙厅,20501,教育管理事务,3100\n")
	s.write("data/population.csv", "城市,年份,常住人口\n广州市,2015,13500000\n深圳市,2015,11380000\n广州市,2016,14040000\n")
	s.write("data/population.schema.json", `{"title": "常住人口（示例）", "sample": true}`)
	s.write("data/spending.csv", "地区,年份,金额(万元)\n越秀区,2015,120.5\n海珠区,2015,98\n天河区,2015,230\n")
	s.write("data/notes.csv", "事项,日期,数量,公开\n预算公开,2015-03-01,3,是\n决算公开,2015-08-01,2,否\n")
	s.write("data/notes.schema.json", notesSchema("公开事项", "2015-09-01"))
	return s
}

func notesSchema(title, updated string) string {
	return `{"title": "` + title + `", "description": "每年公开的事项", "updated": "` + updated + `", "fields": [` +
		`{"name": "事项", "type": "string"}, {"name": "日期", "type": "date"}, {"name": "数量", "type": "integer"}, ` +
		`{"name": "公开", "type": "boolean"}]}`
}

func (s *cacheSite) writeSettings() {
	s.write("site.toml", fmt.Sprintf("title = %q\nlanguage = %q\nas_of = %q\nid = \"tag:cache.example,2025:\"\nbase_url = \"https://cache.example/\"\n", s.title, s.language, s.asOf))
}

func (s *cacheSite) write(name, text string) {
	s.t.Helper()
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *cacheSite) read(name string) string {
	s.t.Helper()
	b, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(name)))
	if err != nil {
		s.t.Fatal(err)
	}
	return string(b)
}

// build builds the site into memory, with the cache in folder ("": none).
func (s *cacheSite) build(folder string) (memSink, *Stats) {
	s.t.Helper()
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		s.t.Fatal(err)
	}
	defer root.Close()
	out := memSink{}
	r, err := Build(root.FS(), s.opts(folder), out)
	if err != nil {
		s.t.Fatalf("the site does not build:\n%v", err)
	}
	return out, r.Stats
}

func (s *cacheSite) opts(folder string) Options {
	o := fixedOpts
	o.AsOf, o.Stats, o.Cache, o.Version = "", true, folder, "test"
	return o
}

// edits are the changes the random edits choose from; each returns what it
// did, for the failure message.
var cacheEdits = []func(s *cacheSite, r *rand.Rand) string{
	func(s *cacheSite, r *rand.Rand) string { // a cell
		name := []string{"data/spending.csv", "data/population.csv", "data/budgets/2015.csv", "data/notes.csv"}[r.IntN(4)]
		lines := strings.Split(strings.TrimSuffix(s.read(name), "\n"), "\n")
		i := 1 + r.IntN(len(lines)-1)
		cells := strings.Split(lines[i], ",")
		col := map[string]int{"data/spending.csv": 2, "data/population.csv": 2, "data/budgets/2015.csv": 5, "data/notes.csv": 2}[name]
		cells[col] = fmt.Sprint(1 + r.IntN(100000))
		lines[i] = strings.Join(cells, ",")
		s.write(name, strings.Join(lines, "\n")+"\n")
		return "changed a cell of " + name
	},
	func(s *cacheSite, r *rand.Rand) string { // a row added
		s.n++
		s.write("data/spending.csv", s.read("data/spending.csv")+fmt.Sprintf("新区%d,2016,%d\n", s.n, r.IntN(1000)))
		return "added a row to data/spending.csv"
	},
	func(s *cacheSite, r *rand.Rand) string { // a row removed
		name := []string{"data/spending.csv", "data/budgets/2014.csv"}[r.IntN(2)]
		lines := strings.Split(strings.TrimSuffix(s.read(name), "\n"), "\n")
		if len(lines) <= 2 {
			return "kept the last row of " + name
		}
		lines = slices.Delete(lines, len(lines)-1, len(lines))
		s.write(name, strings.Join(lines, "\n")+"\n")
		return "removed a row of " + name
	},
	func(s *cacheSite, r *rand.Rand) string { // a dataset added
		s.n++
		name := fmt.Sprintf("data/extra-%d.csv", s.n)
		s.write(name, fmt.Sprintf("名称,数值\n甲,%d\n乙,%d\n", r.IntN(100), r.IntN(100)))
		if r.IntN(2) == 0 {
			s.write(strings.TrimSuffix(name, ".csv")+".schema.json", fmt.Sprintf(`{"title": "附表%d", "fields": [{"name": "名称", "type": "string"}, {"name": "数值", "type": "number"}]}`, s.n))
		}
		s.extras = append(s.extras, name)
		return "added " + name
	},
	func(s *cacheSite, r *rand.Rand) string { // a dataset removed
		if len(s.extras) == 0 {
			return "had no dataset to remove"
		}
		i := r.IntN(len(s.extras))
		name := s.extras[i]
		s.extras = slices.Delete(s.extras, i, i+1)
		os.Remove(filepath.Join(s.dir, name))
		os.Remove(filepath.Join(s.dir, strings.TrimSuffix(name, ".csv")+".schema.json"))
		return "removed " + name
	},
	func(s *cacheSite, r *rand.Rand) string { // the site's title
		s.n++
		s.title = fmt.Sprintf("缓存测试%d", s.n)
		s.writeSettings()
		return "changed site.toml's title"
	},
	func(s *cacheSite, r *rand.Rand) string { // the site's language: every dataset's words
		s.language = map[string]string{"zh-CN": "en", "en": "zh-CN"}[s.language]
		s.writeSettings()
		return "changed site.toml's language to " + s.language
	},
	func(s *cacheSite, r *rand.Rand) string { // the day: a workbook's date when its dataset declares none
		s.asOf = fmt.Sprintf("2016-%02d-01", 1+r.IntN(12))
		s.writeSettings()
		return "changed site.toml's as_of to " + s.asOf
	},
	func(s *cacheSite, r *rand.Rand) string { // a schema file
		s.n++
		switch r.IntN(3) {
		case 0:
			s.write("data/notes.schema.json", notesSchema(fmt.Sprintf("公开事项%d", s.n), "2015-09-01"))
		case 1:
			s.write("data/notes.schema.json", notesSchema("公开事项", fmt.Sprintf("2015-09-%02d", 1+r.IntN(28))))
		default:
			s.write("data/population.schema.json", fmt.Sprintf(`{"title": "常住人口%d", "sample": %t}`, s.n, r.IntN(2) == 0))
		}
		return "changed a schema file"
	},
	func(s *cacheSite, r *rand.Rand) string { return "changed nothing" },
}

// sameOutput fails the test unless got and want hold the same files, byte
// for byte.
func sameOutput(t *testing.T, what string, got, want memSink) {
	t.Helper()
	for _, name := range want.names() {
		if g, ok := got[name]; !ok {
			t.Fatalf("%s: %s is missing", what, name)
		} else if !bytes.Equal(g, want[name]) {
			t.Fatalf("%s: %s differs from a build without the cache:\n got %.300q\nwant %.300q", what, name, g, want[name])
		}
	}
	for _, name := range got.names() {
		if _, ok := want[name]; !ok {
			t.Fatalf("%s: %s is left over", what, name)
		}
	}
}

// TestCacheRandomEdits: after each of a series of random edits — a cell, a
// row added or removed, a dataset added or removed, the site's title,
// language or date, a schema file — a build with the cache writes the same
// files, byte for byte, as a build without it; and a build after no edit
// takes every dataset's downloads from the cache.
func TestCacheRandomEdits(t *testing.T) {
	s := newCacheSite(t)
	cache := filepath.Join(t.TempDir(), "cache")
	seed := uint64(19)
	r := rand.New(rand.NewPCG(seed, seed))
	if _, st := s.build(cache); st.Cached != 0 {
		t.Fatalf("the first build found %d datasets in an empty cache", st.Cached)
	}
	for step := range 40 {
		did := cacheEdits[r.IntN(len(cacheEdits))](s, r)
		got, st := s.build(cache)
		want, _ := s.build("")
		sameOutput(t, fmt.Sprintf("step %d (%s)", step, did), got, want)
		if did == "changed nothing" && st.Cached != st.Datasets {
			t.Errorf("step %d: after no edit, %d of %d datasets came from the cache", step, st.Cached, st.Datasets)
		}
		if st.Cached == 0 && did != "changed site.toml's language to en" && did != "changed site.toml's language to zh-CN" && !strings.HasPrefix(did, "changed site.toml's as_of") {
			t.Errorf("step %d (%s): no dataset came from the cache", step, did)
		}
	}
}

// TestCacheDamaged: a cache folder deleted, a blob rewritten, cut short or
// deleted, a manifest or the builds' list made garbage — each only makes
// the next build slower: its files are those of a build without the cache.
func TestCacheDamaged(t *testing.T) {
	s := newCacheSite(t)
	want, _ := s.build("")
	damage := map[string]func(t *testing.T, cache string){
		"folder deleted": func(t *testing.T, cache string) { os.RemoveAll(cache) },
		"blob rewritten": func(t *testing.T, cache string) {
			for _, b := range blobs(t, cache) {
				data, _ := os.ReadFile(b)
				os.WriteFile(b, bytes.Repeat([]byte("x"), len(data)), 0o644)
			}
		},
		"blob cut short": func(t *testing.T, cache string) {
			for _, b := range blobs(t, cache) {
				os.Truncate(b, 3)
			}
		},
		"blob deleted": func(t *testing.T, cache string) {
			for _, b := range blobs(t, cache) {
				os.Remove(b)
			}
		},
		"blob a folder": func(t *testing.T, cache string) {
			for _, b := range blobs(t, cache) {
				os.Remove(b)
				os.Mkdir(b, 0o755)
			}
		},
		"manifest garbage": func(t *testing.T, cache string) {
			entries, _ := filepath.Glob(filepath.Join(cache, "downloads", "entries", "*.json"))
			for i, e := range entries {
				os.WriteFile(e, []byte([]string{"{", `{"format": "gongkai build cache 1", "files": [{"name": "../../../x", "sha256": "../../site.toml"}]}`, "null"}[i%3]), 0o644)
			}
		},
		"builds garbage": func(t *testing.T, cache string) {
			os.WriteFile(filepath.Join(cache, "downloads", "builds.json"), []byte("[[1"), 0o644)
		},
	}
	for name, damage := range damage {
		t.Run(name, func(t *testing.T) {
			cache := filepath.Join(t.TempDir(), "cache")
			s.build(cache)
			damage(t, cache)
			got, _ := s.build(cache)
			sameOutput(t, "after the damage", got, want)
			got, st := s.build(cache)
			sameOutput(t, "the build after", got, want)
			if st.Cached != st.Datasets {
				t.Errorf("the build after the damage's: %d of %d datasets from the cache", st.Cached, st.Datasets)
			}
		})
	}
}

func blobs(t *testing.T, cache string) []string {
	t.Helper()
	b, err := filepath.Glob(filepath.Join(cache, "downloads", "blobs", "*"))
	if err != nil || len(b) == 0 {
		t.Fatalf("no blobs in the cache (%v)", err)
	}
	return b
}

// TestCacheBounded: however many builds change a dataset, the cache holds
// the entries of the last two builds only, and nothing half-written.
func TestCacheBounded(t *testing.T) {
	s := newCacheSite(t)
	cache := filepath.Join(t.TempDir(), "cache")
	var datasets int
	for i := range 12 {
		s.write("data/spending.csv", fmt.Sprintf("地区,年份,金额(万元)\n越秀区,2015,%d\n", i))
		_, st := s.build(cache)
		datasets = st.Datasets
	}
	entries, _ := filepath.Glob(filepath.Join(cache, "downloads", "entries", "*"))
	if len(entries) != datasets+1 { // the unchanged datasets, and spending's last two
		t.Errorf("%d entries for %d datasets after 12 builds: want %d", len(entries), datasets, datasets+1)
	}
	files, _ := filepath.Glob(filepath.Join(cache, "downloads", "blobs", "*"))
	if max := 3 * (datasets + 1); len(files) > max {
		t.Errorf("%d blobs, more than the %d files of the last two builds' entries", len(files), max)
	}
	if tmp, _ := os.ReadDir(filepath.Join(cache, "downloads", "tmp")); len(tmp) > 0 {
		t.Errorf("files left in tmp: %v", tmp)
	}
}

// TestCacheFailedBuild: builds that fail while writing (here a static
// file where the first dataset's download goes) make the cache forget
// nothing: the build after them takes every dataset's downloads from it.
func TestCacheFailedBuild(t *testing.T) {
	s := newCacheSite(t)
	cache := filepath.Join(t.TempDir(), "cache")
	s.build(cache)
	s.write("static/data/budgets.json", "{}")
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for range keepBuilds {
		if _, err := Build(root.FS(), s.opts(cache), memSink{}); err == nil || !strings.Contains(err.Error(), "gongkai makes data/budgets.json itself") {
			t.Fatalf("a static file where a download goes: %v", err)
		}
	}
	os.RemoveAll(filepath.Join(s.dir, "static"))
	if _, st := s.build(cache); st.Cached != st.Datasets {
		t.Errorf("after a failed build, %d of %d datasets came from the cache", st.Cached, st.Datasets)
	}
}
