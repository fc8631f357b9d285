package site

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gongkai/generator/internal/history"
)

// TestLargeListsArePaged: with many departments /budgets/ lists the 100
// largest and links to pages of 400; every department is on exactly one page.
func TestLargeListsArePaged(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("年度,阶段,部门,科目编码,科目名称,金额(万元)\n")
	const depts = 450
	for i := range depts {
		fmt.Fprintf(&csv, "2015,预算,部门%03d,2080208,基层政权和社区建设,%d\n", i, 1000+i)
	}
	fsys := fstest.MapFS{
		"site.toml":             {Data: []byte("title = \"测试\"\n")},
		"content/policy/doc.md": {Data: []byte("---\ntitle: 文件\nslug: doc\n---\n\n## 一、目标\n\n1.甲。\n")},
		"data/budgets/2015.csv": {Data: []byte(csv.String())},
	}
	themeFiles(t, fsys)
	out := memSink{}
	if _, err := Build(fsys, fixedOpts, out); err != nil {
		t.Fatal(err)
	}
	rows := func(path string) int {
		page, ok := out[path]
		if !ok {
			t.Fatalf("no %s", path)
		}
		return strings.Count(string(page), `<tr><th scope="row">部门`)
	}
	if n := rows("budgets/index.html"); n != 100 {
		t.Errorf("/budgets/ lists %d departments, want the 100 largest", n)
	}
	main := string(out["budgets/index.html"])
	if !strings.Contains(main, `共 450 个部门`) || !strings.Contains(main, `<a href="/budgets/departments/">全部部门</a>`) || !strings.Contains(main, "部门449") || strings.Contains(main, "部门349<") {
		t.Errorf("/budgets/ does not show the largest 100 and link to the rest")
	}
	if a, b := rows("budgets/departments/index.html"), rows("budgets/departments/2/index.html"); a != 400 || b != 50 {
		t.Errorf("department pages hold %d and %d, want 400 and 50", a, b)
	}
	if _, ok := out["budgets/departments/3/index.html"]; ok {
		t.Error("a third, empty page of departments")
	}
	if !strings.Contains(string(out["budgets/departments/2/index.html"]), `<a href="/budgets/departments/">1</a>`) {
		t.Error("page 2 does not link back to page 1")
	}
}

// TestCommitDates: with a git history a dataset page says when its files were
// last committed (the latest of its files), or that a file is not committed
// yet; without one it says nothing of the kind.
func TestCommitDates(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":             {Data: []byte("title = \"测试\"\nid = \"tag:example.org,2021:\"\n")},
		"data/old.csv":          {Data: []byte("a,b\n1,2\n")},
		"data/new.csv":          {Data: []byte("a,b\n1,2\n")},
		"data/budgets/2013.csv": {Data: []byte("年度,阶段,部门,科目编码,科目名称,金额(万元)\n2013,预算,甲厅,208,社会保障和就业,1\n")},
		"data/budgets/2014.csv": {Data: []byte("年度,阶段,部门,科目编码,科目名称,金额(万元)\n2014,预算,甲厅,208,社会保障和就业,1\n")},
		"content/policy/doc.md": {Data: []byte("---\ntitle: 文件\nslug: doc\n---\n\n## 一、目标\n\n1.甲。\n")},
	}
	themeFiles(t, fsys)
	day := func(s string) time.Time { d, _ := time.Parse(time.RFC3339, s); return d }
	for _, tc := range []struct {
		history map[string]time.Time
		want    map[string]string
	}{
		{map[string]time.Time{"data/old.csv": day("2021-03-04T10:00:00+08:00"), "data/budgets/2013.csv": day("2020-01-01T10:00:00+08:00"), "data/budgets/2014.csv": day("2022-05-06T10:00:00+08:00")},
			map[string]string{"data/old/index.html": "文件最后提交：2021-03-04（本站的版本记录）", "data/new/index.html": "文件最后提交：尚未提交到版本库", "data/budgets/index.html": "文件最后提交：2022-05-06（本站的版本记录）"}},
		{nil, map[string]string{"data/old/index.html": "!文件最后提交", "data/budgets/index.html": "!文件最后提交"}},
	} {
		opts := fixedOpts
		opts.history = commitsOf(tc.history)
		out := memSink{}
		if _, err := Build(fsys, opts, out); err != nil {
			t.Fatal(err)
		}
		for page, want := range tc.want {
			text := string(out[page])
			if not, neg := strings.CutPrefix(want, "!"); neg && strings.Contains(text, not) || !neg && !strings.Contains(text, want) {
				t.Errorf("history %v: %s: want %q", tc.history != nil, page, want)
			}
		}
	}
	dated := buildWith(t, fsys, map[string]time.Time{"data/old.csv": day("2021-03-04T10:00:00+08:00"), "content/policy/doc.md": day("2022-05-06T10:00:00+08:00")})
	if !strings.Contains(string(dated["data/old/index.html"]), `"dateModified":"2021-03-04"`) {
		t.Error("the JSON-LD has no dateModified from the history")
	}
	// The data package dates each resource the same way; one not committed has no date.
	var pkg struct {
		Resources []struct{ Name, Updated string } `json:"resources"`
	}
	if err := json.Unmarshal(dated["datapackage.json"], &pkg); err != nil {
		t.Fatal(err)
	}
	updated := map[string]string{}
	for _, r := range pkg.Resources {
		updated[r.Name] = r.Updated
	}
	if updated["old"] != "2021-03-04" || updated["new"] != "" {
		t.Errorf("data package dates: %v", updated)
	}
	sitemap := string(dated["sitemap.xml"])
	for _, want := range []string{"/data/old/</loc><lastmod>2021-03-04</lastmod>", "/policy/doc/</loc><lastmod>2022-05-06</lastmod>", "/data/new/</loc></url>"} {
		if !strings.Contains(sitemap, want) {
			t.Errorf("sitemap lacks %s:\n%s", want, sitemap)
		}
	}
	if strings.Contains(string(buildWith(t, fsys, nil)["sitemap.xml"]), "lastmod") {
		t.Error("a sitemap outside git has dates")
	}
	// The feed announces the committed datasets, newest first, and none
	// that is not committed; outside git, none at all (none declares a date).
	feed := string(dated["feed.xml"])
	if !strings.Contains(feed, "<id>tag:example.org,2021:data/old/#20210304T100000+0800</id>") || strings.Contains(feed, "/data/new/") {
		t.Errorf("feed:\n%s", feed)
	}
	if strings.Contains(string(buildWith(t, fsys, nil)["feed.xml"]), "<entry>") {
		t.Error("a feed outside git has entries")
	}
	// Every commit that changed a dataset is an update in the feed; the
	// newest says what the site publishes now.
	feed = string(buildWith(t, fsys, map[string]time.Time{"data/budgets/2013.csv": day("2020-01-01T10:00:00+08:00"), "data/budgets/2014.csv": day("2022-05-06T10:00:00+08:00")})["feed.xml"])
	for _, want := range []string{"<id>tag:example.org,2021:data/budgets/#20220506T100000+0800</id>", "已更新，共 2 行（改动的文件：data/budgets/2014.csv）",
		"<id>tag:example.org,2021:data/budgets/#20200101T100000+0800</id>", "的文件有改动：data/budgets/2013.csv。"} {
		if !strings.Contains(feed, want) {
			t.Errorf("the feed of a dataset changed by two commits lacks %s:\n%s", want, feed)
		}
	}
}

// commitsOf is a history in which each file was last committed at the given
// time: one commit per time, newest first (nil: not in git).
func commitsOf(last map[string]time.Time) []history.Commit {
	if last == nil {
		return nil
	}
	var commits []history.Commit
	for path, when := range last {
		i := slices.IndexFunc(commits, func(c history.Commit) bool { return c.Time.Equal(when) })
		if i < 0 {
			commits, i = append(commits, history.Commit{Time: when}), len(commits)
		}
		commits[i].Files = append(commits[i].Files, path)
	}
	slices.SortFunc(commits, func(a, b history.Commit) int { return b.Time.Compare(a.Time) })
	return commits
}

func buildWith(t *testing.T, fsys fstest.MapFS, last map[string]time.Time) memSink {
	t.Helper()
	opts := fixedOpts
	opts.history = commitsOf(last)
	out := memSink{}
	if _, err := Build(fsys, opts, out); err != nil {
		t.Fatal(err)
	}
	return out
}
