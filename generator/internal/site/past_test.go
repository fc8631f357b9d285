package site

import (
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gongkai/generator/internal/history"
)

// TestFeedAnnouncesStatusChanges commits a site four times — a registry, then
// evidence that changes one verdict, then a mistake (that commit published
// nothing), then its fix with a new commitment — and builds the working tree
// with PastBuilds: the feed has an entry for each change of status, dated by
// the commit that made it, linking to the commitment, and one entry for the
// newly registered commitment; verdicts are taken as of each commit's own
// as_of.
func TestFeedAnnouncesStatusChanges(t *testing.T) {
	gs := newGitSite(t)
	dir, files := gs.dir, gs.files
	commit := func(when string, change map[string]string) {
		t.Helper()
		for name, text := range change {
			gs.write(name, text)
		}
		gs.commit(when)
	}
	const registry = "id,document,clause,kind,indicator,text,comparator,target,unit,deadline,baseline,baseline_year,responsible,measure,related,note\n" +
		"a,doc,doc-1,target,甲,到2015年，甲达到5个以上,>=,5,个,2015,,,,,,\n" +
		"b,doc,doc-2,target,乙,到2020年，乙达到10个,>=,10,个,2020,,,,,,\n"
	commit("2016-01-10T09:00:00+08:00", map[string]string{
		"site.toml":             "title = \"测试\"\nas_of = \"2016-01-10\"\n",
		"content/policy/doc.md": "---\ntitle: 文件\nslug: doc\n---\n\n## 一、目标\n\n1.甲。到2015年，甲达到5个以上。\n\n2.乙。到2020年，乙达到10个。\n\n3.丙。到2020年，丙达到3个。\n",
		"data/commitments.csv":  registry,
		"data/progress.csv":     "commitment,year,value,source,source_url,note\n",
	})
	commit("2016-03-01T09:00:00+08:00", map[string]string{
		"site.toml":         "title = \"测试\"\nas_of = \"2016-03-01\"\n",
		"data/progress.csv": "commitment,year,value,source,source_url,note\na,2014,6,报道,,\n",
	})
	commit("2016-04-01T09:00:00+08:00", map[string]string{
		"data/progress.csv": "commitment,year,value,source,source_url,note\na,2014,6,报道,,\nb,twenty,1,报道,,\n",
	})
	commit("2016-05-01T09:00:00+08:00", map[string]string{
		"data/progress.csv":    "commitment,year,value,source,source_url,note\na,2014,6,报道,,\nb,2015,12,报道,,\n",
		"data/commitments.csv": registry + "c,doc,doc-3,target,丙,到2020年，丙达到3个,>=,3,个,2020,,,,,,\n",
	})

	repo, err := history.Open(dir)
	if err != nil || repo == nil {
		t.Fatal(repo, err)
	}
	defer repo.Close()
	past, short, err := PastBuilds(repo, PastOptions{Commits: 10})
	if err != nil || short {
		t.Fatal(short, err)
	}
	if len(past) != 3 { // the mistaken commit published nothing
		t.Fatalf("%d past builds, want 3: %+v", len(past), past)
	}
	if got := past[2].Verdicts["a"].Status; got != "overdue" {
		t.Errorf("a at the first commit: %s, want overdue (as of that commit's as_of)", got)
	}

	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	themeFiles(t, fsys)
	opts := fixedOpts
	opts.AsOf, opts.past = "", func() []PastBuild { return past }
	out := memSink{}
	if _, err := Build(fsys, opts, out); err != nil {
		t.Fatal(err)
	}
	var feed struct {
		Entries []struct {
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Summary string `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(out["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range feed.Entries {
		if strings.Contains(e.Title, "承诺") {
			got = append(got, e.Updated+" "+e.Title+" "+strings.TrimPrefix(e.Link.Href, "http://127.0.0.1:1313"))
		}
	}
	want := []string{
		"2016-05-01T09:00:00+08:00 新登记承诺 1 项 /commitments/",
		"2016-05-01T09:00:00+08:00 承诺：乙（2020年），暂无数据 → 进展顺利 /commitments/b/",
		"2016-03-01T09:00:00+08:00 承诺：甲（2015年），逾期无数据 → 已实现 /commitments/a/",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("status entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, e := range feed.Entries {
		if strings.HasSuffix(e.Link.Href, "/commitments/b/") && !strings.Contains(e.Summary, "2015年实际值为12个") {
			t.Errorf("b's entry does not explain the verdict: %q", e.Summary)
		}
	}

	// The commitment's page keeps the record too.
	if page := string(out["commitments/b/index.html"]); !strings.Contains(page, "状态变化记录（1 次）") ||
		!strings.Contains(page, `<time datetime="2016-05-01">2016-05-01</time> <span class="status status-no-data">暂无数据</span> → <span class="status status-on-track">进展顺利</span>`) {
		t.Errorf("b's page has no record of its change:\n%s", page)
	}
	if strings.Contains(string(out["commitments/c/index.html"]), "状态变化记录") {
		t.Error("c, newly registered and unchanged since, has a record of changes")
	}
	// This build is the newest past build: nothing changed since, so no
	// entry is dated by its as-of day.
	for _, e := range feed.Entries {
		if strings.HasSuffix(e.Updated, "T00:00:00Z") {
			t.Errorf("an entry for a change this build did not make: %s", e.Title)
		}
	}

	// A change not committed yet is announced as of this build's day, but
	// never before the newest commit (as_of is older here).
	fsys["data/progress.csv"] = &fstest.MapFile{Data: []byte(files["data/progress.csv"] + "c,2015,3,报道,,\n")}
	out = memSink{}
	if _, err := Build(fsys, opts, out); err != nil {
		t.Fatal(err)
	}
	feed.Entries = nil // Unmarshal appends
	if err := xml.Unmarshal(out["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	if e := feed.Entries[0]; e.Updated != "2016-05-01T09:00:01+08:00" || e.Title != "承诺：丙（2020年），暂无数据 → 进展顺利" {
		t.Errorf("newest entry %q %q, want 丙's change a second after the last commit", e.Updated, e.Title)
	}
}

// TestPastBuildsStartFromThisBuild: when this build's files carry git's
// content ids, the builds of earlier commits take its datasets for the files
// unchanged since, and read from git only what changed — here the registry,
// not a large dataset no commit touched — with the same verdicts as reading
// everything.
func TestPastBuildsStartFromThisBuild(t *testing.T) {
	gs := newGitSite(t)
	dir, write := gs.dir, gs.write
	var big strings.Builder
	big.WriteString("年份,数值\n")
	for i := range 40000 {
		fmt.Fprintf(&big, "%d,%d\n", 2000+i%20, i)
	}
	const registry = "id,document,clause,kind,indicator,text,comparator,target,unit,deadline,baseline,baseline_year,responsible,measure,related,note\n"
	write("site.toml", "title = \"测试\"\nas_of = \"2016-06-01\"\n")
	write("content/policy/doc.md", "---\ntitle: 文件\nslug: doc\n---\n\n## 一、目标\n\n1.甲。到2015年，甲达到5个以上。\n")
	write("data/big.csv", big.String())
	write("data/commitments.csv", registry+"a,doc,doc-1,target,甲,到2015年，甲达到5个以上,>=,5,个,2015,,,,,,\n")
	write("data/progress.csv", "commitment,year,value,source,source_url,note\na,2014,6,报道,,\n")
	gs.commit("2016-01-01T10:00:00+08:00")
	write("data/commitments.csv", registry+"a,doc,doc-1,target,甲,到2015年，甲达到5个以上,>=,5,个,2015,,,,,,说明\n")
	gs.commit("2016-02-01T10:00:00+08:00")
	theme := fstest.MapFS{} // untracked: the theme decides no verdict
	themeFiles(t, theme)
	for name, f := range theme {
		write(name, string(f.Data))
	}

	verdictsWith := func(seeded bool) ([]PastBuild, int64) {
		repo, err := history.Open(dir)
		if err != nil || repo == nil {
			t.Fatal(repo, err)
		}
		defer repo.Close()
		var seed *Reuse
		if seeded {
			root, err := os.OpenRoot(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer root.Close()
			fsys, err := repo.WithContentIDs(root.FS(), Inputs...)
			if err != nil {
				t.Fatal(err)
			}
			seed = &Reuse{}
			opts := fixedOpts
			opts.reuse = seed
			if _, err := Build(fsys, opts, memSink{}); err != nil {
				t.Fatal(err)
			}
		}
		past, _, err := PastBuilds(repo, PastOptions{Commits: 10, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		return past, repo.BytesRead()
	}
	fresh, freshBytes := verdictsWith(false)
	seeded, seededBytes := verdictsWith(true)
	if len(fresh) != 2 || fmt.Sprint(fresh) != fmt.Sprint(seeded) {
		t.Errorf("verdicts differ:\nreading everything %v\nstarting from this build %v", fresh, seeded)
	}
	if int(freshBytes) < big.Len() || int(seededBytes) >= big.Len() {
		t.Errorf("bytes read from git: %d reading everything, %d starting from this build (the large file is %d)", freshBytes, seededBytes, big.Len())
	}
	// A bound on bytes stops the reading after the first commit, which read
	// the large file: the same history always stops at the same place.
	repo, err := history.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	bounded, short, err := PastBuilds(repo, PastOptions{Commits: 10, MaxBytes: int64(big.Len()) / 2})
	if err != nil || !short || len(bounded) != 1 {
		t.Errorf("bounded to half the large file: %d builds, short %v, %v", len(bounded), short, err)
	}
}

// gitSite is a folder in a new git repository, for tests of what a build
// reads from git.
type gitSite struct {
	t     *testing.T
	dir   string
	files map[string]string // every file written, as last written
}

func newGitSite(t *testing.T) *gitSite {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	s := &gitSite{t: t, dir: t.TempDir(), files: map[string]string{}}
	s.git("2020-01-01T00:00:00Z", "init", "-q")
	return s
}

// write puts a file in the folder, making folders as needed.
func (s *gitSite) write(name, text string) {
	s.t.Helper()
	s.files[name] = text
	p := filepath.Join(s.dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// commit commits every file at the time when (RFC 3339).
func (s *gitSite) commit(when string) {
	s.t.Helper()
	s.git(when, "add", ".")
	s.git(when, "commit", "-q", "-m", "change")
}

func (s *gitSite) git(when string, args ...string) {
	s.t.Helper()
	cmd := exec.Command("git", append([]string{"-C", s.dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t",
		"GIT_AUTHOR_DATE="+when, "GIT_COMMITTER_DATE="+when)
	if out, err := cmd.CombinedOutput(); err != nil {
		s.t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestPastBuildsUseOnlyWhatWasKnown: the builds of earlier commits that the
// feed replays are judged as of each commit's day with what was known then:
// a figure for a year that had not ended (here committed in June 2015 for
// all of 2015) decides nothing until the year is over.
func TestPastBuildsUseOnlyWhatWasKnown(t *testing.T) {
	gs := newGitSite(t)
	for name, text := range map[string]string{
		"site.toml":             "title = \"测试\"\n",
		"content/policy/doc.md": "---\ntitle: 文件\nslug: doc\ndate: 2011-07-01\n---\n\n## 一、目标\n\n1.甲。到2015年，甲达到5个以上。\n",
		"data/commitments.csv": "id,document,clause,kind,indicator,text,comparator,target,unit,deadline,baseline,baseline_year,responsible,measure,related,note\n" +
			"a,doc,doc-1,target,甲,到2015年，甲达到5个以上,>=,5,个,2015,,,,,,\n",
		"data/progress.csv": "commitment,year,value,source,source_url,note\na,2015,6,报道,,\n",
	} {
		gs.write(name, text)
	}
	gs.commit("2015-06-01T09:00:00+08:00")
	gs.write("README.md", "x")
	gs.write("data/progress.csv", "commitment,year,value,source,source_url,note\na,2015,6,报道,,\na,2014,4,报道,,\n")
	gs.commit("2016-02-01T09:00:00+08:00")
	repo, err := history.Open(gs.dir)
	if err != nil || repo == nil {
		t.Fatal(repo, err)
	}
	defer repo.Close()
	past, _, err := PastBuilds(repo, PastOptions{Commits: 10})
	if err != nil || len(past) != 2 {
		t.Fatal(len(past), err)
	}
	if v := past[1].Verdicts["a"]; v.Status != "no-data" || strings.Contains(v.Explanation, "6个") {
		t.Errorf("as of 2015-06-01: %s %q, want no-data: the 2015 figure was not known", v.Status, v.Explanation)
	}
	if v := past[0].Verdicts["a"]; v.Status != "achieved" {
		t.Errorf("as of 2016-02-01: %s %q, want achieved on the 2015 figure", v.Status, v.Explanation)
	}
}

// TestPastBuildsOfAHostilePage: a page of front matter nested 100,000 deep,
// committed and then deleted, is read again by the builds of earlier
// commits that the feed replays; it must cost them as little as it costs
// the build itself (it took 1.47 GB before the front matter was bounded).
func TestPastBuildsOfAHostilePage(t *testing.T) {
	gs := newGitSite(t)
	gs.write("site.toml", "title = \"测试\"\n")
	gs.write("content/policy/doc.md", "---\ntitle: 文件\nslug: doc\n---\n\n## 一、目标\n\n1.甲。到2015年，甲达到5个以上。\n")
	gs.write("data/commitments.csv", "id,document,clause,kind,indicator,text,comparator,target,unit,deadline\na,doc,doc-1,target,甲,到2015年，甲达到5个以上,>=,5,个,2015\n")
	gs.write("content/bomb.md", "---\ntitle: x\nsummary: "+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+"\n---\n")
	gs.commit("2016-01-01T10:00:00+08:00")
	if err := os.Remove(filepath.Join(gs.dir, "content/bomb.md")); err != nil {
		t.Fatal(err)
	}
	gs.git("2016-02-01T10:00:00+08:00", "rm", "-q", "content/bomb.md")
	gs.commit("2016-02-01T10:00:00+08:00")
	repo, err := history.Open(gs.dir)
	if err != nil || repo == nil {
		t.Fatal(repo, err)
	}
	defer repo.Close()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	past, _, err := PastBuilds(repo, PastOptions{Commits: 10})
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 200<<20 || took > 10*time.Second {
		t.Errorf("the builds of earlier commits took %v and allocated %d MB", took, alloc>>20)
	}
	if len(past) != 1 { // the commit with the page cannot be built: it is left out
		t.Errorf("%d past builds, want the one without the page", len(past))
	}
}
