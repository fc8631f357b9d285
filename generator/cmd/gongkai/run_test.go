package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/generator/internal/content"
	"gongkai/generator/internal/data/parquettest"
)

// site writes a small site into a temporary folder, with the repository's theme.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if _, ok := files["site.toml"]; !ok {
		files["site.toml"] = "title = \"测试\"\nas_of = \"2026-01-01\"\nbase_url = \"https://example.org/\"\nid = \"tag:example.org,2026:\"\n"
	}
	layouts := []string{"base.html", "home.html", "policy-index.html", "document.html", "page.html", "404.html", "data-index.html", "dataset.html", "commitments.html", "commitment.html", "committees.html", "budgets.html", "organizations.html", "org-list.html", "committees-city.html", "budget-departments.html", "search.html"}
	partials, err := filepath.Glob("../../../themes/default/layouts/partials/*.html")
	if err != nil || len(partials) == 0 {
		t.Fatalf("no partials: %v", err)
	}
	for _, p := range partials {
		layouts = append(layouts, "partials/"+filepath.Base(p))
	}
	for _, f := range layouts {
		data, err := os.ReadFile(filepath.Join("../../../themes/default/layouts", f))
		if err != nil {
			t.Fatal(err)
		}
		files["themes/default/layouts/"+f] = string(data)
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestBuildThenBrokenFrontMatter(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n正文。\n"})
	code, out, errOut := runCLI("build", "-s", dir)
	if code != 0 || !strings.Contains(out, "built") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	index := filepath.Join(dir, "public", "about", "index.html")
	before, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content/about.md"), []byte("---\ntitle: 关于\nweight: 1\ntags: [a]\n---\n改了\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI("build", "-s", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, errOut)
	}
	if !strings.HasPrefix(errOut, "content/about.md:4:1: unknown front matter key \"tags\"") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
		t.Errorf("stack trace printed:\n%s", errOut)
	}
	after, _ := os.ReadFile(index)
	if !bytes.Equal(before, after) {
		t.Error("public/ changed after a failed build")
	}
}

func TestExitStatuses(t *testing.T) {
	good := writeSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n"})
	badConfig := writeSite(t, map[string]string{})
	if err := os.WriteFile(filepath.Join(badConfig, "site.toml"), []byte("titel = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{}, 2, "Usage:"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"build", "--nope"}, 2, "flag provided but not defined"},
		{[]string{"build", "-s", filepath.Join(good, "missing")}, 2, "cannot open source folder"},
		{[]string{"build", "-s", badConfig}, 2, `site.toml:1:1: unknown setting "titel"`},
		{[]string{"build", "-s", good, "--as-of", "2026/01/01"}, 2, "as-of date"},
		{[]string{"check", "-s", good, "--format", "xml"}, 2, "--format must be"},
		{[]string{"check", "-s", good}, 0, ""},
		{[]string{"serve", "--poll", "soon"}, 2, "invalid value"},
		{[]string{"serve", "--port", "70000"}, 2, "--port must be"},
		{[]string{"serve", "-s", filepath.Join(good, "missing")}, 2, "cannot open source folder"},
		{[]string{"version"}, 0, ""},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.stderr) {
			t.Errorf("gongkai %v: exit %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(good, "public")); !os.IsNotExist(err) {
		t.Error("check or a failed build wrote public/")
	}
}

func TestCheckFormats(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/a.md": "---\ntitle: a\nweight: x\n---\n",
		"content/b.md": "---\ntitle: b\n---\n<b>raw</b>\n",
	})
	code, out, _ := runCLI("check", "-s", dir, "--format", "json")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	var report struct {
		OK       bool
		Problems []struct {
			File, Severity, Message string
			Line, Col               int
		}
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if report.OK || len(report.Problems) != 2 || report.Problems[0].File != "content/a.md" || report.Problems[0].Line != 3 || report.Problems[0].Col != 9 || report.Problems[1].Severity != "warning" {
		t.Errorf("report %+v", report)
	}
	code, out, _ = runCLI("check", "-s", dir, "--format", "github")
	want := "::error file=content/a.md,line=3,col=9::weight must be a whole number written like 3 or 12, got \"x\"\n::warning file=content/b.md,line=4,col=1::raw HTML is not published; write it in Markdown instead\n"
	if code != 1 || out != want {
		t.Errorf("exit %d\n%s\nwant\n%s", code, out, want)
	}
}

// TestCheckFormatsParquet: a Parquet file has no lines to annotate, so its
// row and column lead a GitHub annotation's message, as a workbook's cell
// does, and the JSON report gives the row and the column's name.
func TestCheckFormatsParquet(t *testing.T) {
	pq, err := parquettest.FromCSV([]byte("编号:int32,金额:double\n1,2\n2,NaN\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeSite(t, map[string]string{"data/预算.parquet": string(pq), "data/坏.parquet": "PAR1"})
	code, out, _ := runCLI("check", "-s", dir, "--format", "github")
	want := "::error file=data/坏.parquet::the Parquet file is damaged or cut short (the file is too short to hold its metadata): write it again from the program that made it (COPY … TO 'x.parquet' in DuckDB, df.write.parquet in Spark)\n" +
		"::error file=data/预算.parquet::row 2, column \"金额\": holds NaN (not a number): write null where there is no value\n"
	if code != 1 || out != want {
		t.Errorf("exit %d\n%s\nwant\n%s", code, out, want)
	}
	_, out, _ = runCLI("check", "-s", dir, "--format", "json")
	var report struct {
		Problems []struct {
			File, Column string
			Line, Col    int
			Row          int
		}
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if p := report.Problems; len(p) != 2 || p[0].Row != 0 || p[0].Column != "" || p[1].Row != 2 || p[1].Line != 2 || p[1].Col != 2 || p[1].Column != "金额" {
		t.Errorf("report %+v", report)
	}
}

func TestSymlinkOutOfProjectIsAnError(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n"})
	outside := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(outside, []byte("---\ntitle: secret\n---\nSECRET\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "content", "leak.md")); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI("build", "-s", dir)
	if code != 1 || !strings.Contains(errOut, "content/leak.md:1:1: is a link to a file outside the project folder") {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
}

func TestDataSymlinkOutOfProjectIsAnError(t *testing.T) {
	dir := writeSite(t, map[string]string{"data/ok.csv": "a\n1\n"})
	outside := filepath.Join(t.TempDir(), "secret.csv")
	if err := os.WriteFile(outside, []byte("secret\nSECRET\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "data", "leak.csv")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop.csv", filepath.Join(dir, "data", "loop.csv")); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI("build", "-s", dir)
	if code != 1 || !strings.Contains(errOut, "data/leak.csv:1:1: is a link to a file outside the project folder") ||
		!strings.Contains(errOut, "data/loop.csv:1:1: is a link to a file outside the project folder, or to nothing") {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if strings.Contains(errOut, "SECRET") {
		t.Fatal("content of a file outside the project leaked into a message")
	}
}

// TestDataFolderSymlinkOutOfProjectIsAnError: a link in data/ to a folder
// outside the project (with a CSV file in it) is an error naming the link;
// nothing in the folder is read or published.
func TestDataFolderSymlinkOutOfProjectIsAnError(t *testing.T) {
	dir := writeSite(t, map[string]string{"data/ok.csv": "a\n1\n"})
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.csv"), []byte("secret\nSECRET\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "data", "shared")); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI("build", "-s", dir)
	if code != exitInput || !strings.Contains(errOut, "data/shared:1:1: is a link to a file outside the project folder") {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if strings.Contains(errOut, "SECRET") || strings.Contains(errOut, "secret.csv") {
		t.Fatal("a file in the folder outside the project was read")
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("a build with a link out of the project published public/")
	}
}

// TestPageOverSizeLimit: a Markdown page one byte over content.MaxFileSize
// is an error at the file, and nothing is published; a page of exactly the
// limit is published.
func TestPageOverSizeLimit(t *testing.T) {
	page := func(size int) string {
		head := "---\ntitle: 长文\n---\n"
		para := strings.Repeat("正文。", 100) + "\n\n"
		body := strings.Repeat(para, (size-len(head))/len(para))
		return head + body + strings.Repeat("a", size-len(head)-len(body))
	}
	dir := writeSite(t, map[string]string{"content/long.md": page(content.MaxFileSize)})
	if code, _, errOut := runCLI("build", "-s", dir); code != exitOK {
		t.Fatalf("a page of exactly the limit: exit %d\n%s", code, errOut)
	}
	before := filepath.Join(dir, "public", "long", "index.html")
	published, err := os.ReadFile(before)
	if err != nil {
		t.Fatal(err)
	}

	if err := os.WriteFile(filepath.Join(dir, "content", "long.md"), []byte(page(content.MaxFileSize+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI("build", "-s", dir)
	want := fmt.Sprintf("content/long.md:1:1: file is %d bytes; pages are limited to %d bytes: split it into several pages", content.MaxFileSize+1, content.MaxFileSize)
	if code != exitInput || !strings.Contains(errOut, want) {
		t.Fatalf("exit %d, want %d and %q\n%s", code, exitInput, want, errOut)
	}
	if after, _ := os.ReadFile(before); !bytes.Equal(after, published) {
		t.Error("public/ changed after a page over the limit")
	}
	os.RemoveAll(filepath.Join(dir, "public"))
	if code, _, _ := runCLI("build", "-s", dir); code != exitInput {
		t.Fatalf("exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("a build with a page over the limit published public/")
	}
}

func TestBrokenCSVLeavesPublicUntouched(t *testing.T) {
	dir := writeSite(t, map[string]string{"data/x.csv": "年度,金额\n2013,\"1,234\"\n"})
	if code, _, errOut := runCLI("build", "-s", dir); code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	json := filepath.Join(dir, "public", "data", "x.json")
	before, err := os.ReadFile(json)
	if err != nil || !strings.Contains(string(before), `"金额":1234`) {
		t.Fatalf("%v %s", err, before)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "x.csv"), []byte("年度,金额\n2013,\"12,5\"\n2014,1e3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI("build", "-s", dir)
	if code != 1 || !strings.Contains(errOut, "data/x.csv:2:6:") {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	after, _ := os.ReadFile(json)
	if string(after) != string(before) {
		t.Fatal("public/ changed after a failed build")
	}
}

// TestBuildInGitIsReproducible builds a site kept in git twice: the two
// outputs are byte for byte the same, and the feed announces the status
// change the last commit made (the earlier build read from git).
func TestBuildInGitIsReproducible(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := writeSite(t, map[string]string{
		"content/policy/doc.md": "---\ntitle: 文件\nslug: doc\n---\n\n## 一、目标\n\n1.甲。到2015年，甲达到5个以上。\n",
		"data/commitments.csv":  "id,document,clause,kind,indicator,text,comparator,target,unit,deadline,baseline,baseline_year,responsible,measure,related,note\na,doc,doc-1,target,甲,到2015年，甲达到5个以上,>=,5,个,2015,,,,,,\n",
		"data/progress.csv":     "commitment,year,value,source,source_url,note\n",
	})
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t",
			"GIT_AUTHOR_DATE=2025-03-01T10:00:00+08:00", "GIT_COMMITTER_DATE=2025-03-01T10:00:00+08:00")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "registry")
	if err := os.WriteFile(filepath.Join(dir, "data/progress.csv"), []byte("commitment,year,value,source,source_url,note\na,2014,6,报道,,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git("commit", "-q", "-am", "evidence")

	outputs := [2]map[string]string{}
	for i := range outputs {
		dest := filepath.Join(t.TempDir(), "public")
		if code, out, errOut := runCLI("build", "-s", dir, "-d", dest); code != 0 {
			t.Fatalf("build %d: exit %d\n%s%s", i, code, out, errOut)
		}
		outputs[i] = map[string]string{}
		err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			outputs[i][strings.TrimPrefix(p, dest)] = string(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(outputs[0]) < 10 || !maps.Equal(outputs[0], outputs[1]) {
		t.Errorf("two builds differ (%d and %d files)", len(outputs[0]), len(outputs[1]))
	}
	if feed := outputs[0]["/feed.xml"]; !strings.Contains(feed, "承诺：甲（2015年），逾期无数据 → 已实现") {
		t.Errorf("the feed does not announce the change of status:\n%s", feed)
	}
}

// TestHugoSpellings: the names people bring from Hugo work: server for serve,
// --baseURL for --base-url, -D and --buildDrafts for --drafts; build leaves
// a draft out unless asked, and check reads the drafts too.
func TestHugoSpellings(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/about.md": "---\ntitle: 关于\n---\n正文。\n",
		"content/wip.md":   "---\ntitle: 草稿\ndraft: true\n---\n正文。\n",
	})
	published := func(dest, file string) bool {
		_, err := os.Stat(filepath.Join(dest, file))
		return err == nil
	}
	dest := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runCLI("build", "-s", dir, "-d", dest, "--baseURL", "https://example.org/portal/"); code != exitOK {
		t.Fatalf("build --baseURL: exit %d: %s", code, stderr)
	}
	if sitemap, _ := os.ReadFile(filepath.Join(dest, "sitemap.xml")); !bytes.Contains(sitemap, []byte("https://example.org/portal/about/")) {
		t.Errorf("--baseURL is not the sitemap's address:\n%s", sitemap)
	}
	if published(dest, "wip/index.html") || !published(dest, "about/index.html") {
		t.Error("build publishes a draft, or leaves out a page that is not one")
	}
	for _, flag := range []string{"--drafts", "-D", "--buildDrafts"} {
		dest := filepath.Join(t.TempDir(), "out")
		if code, _, stderr := runCLI("build", "-s", dir, "-d", dest, flag); code != exitOK || !published(dest, "wip/index.html") {
			t.Errorf("build %s: exit %d, draft published %v: %s", flag, code, published(dest, "wip/index.html"), stderr)
		}
	}
	// server is serve: an unknown flag is reported as serve's.
	if code, _, stderr := runCLI("server", "--no-such-flag"); code != exitUsage || !strings.Contains(stderr, "gongkai serve") {
		t.Errorf("server: exit %d: %s", code, stderr)
	}
	// check reads the drafts: a problem in one is reported.
	if err := os.WriteFile(filepath.Join(dir, "content/wip.md"), []byte("---\ntitle: 草稿\ndraft: true\nweight: 01\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI("check", "-s", dir); code != exitInput || !strings.Contains(stderr, "content/wip.md:4:9") {
		t.Errorf("check does not report the draft's problem: exit %d: %s", code, stderr)
	}
}

// TestThemeSymlinkOutOfProject: a layout or a static file that links out of
// the site folder is a message at that file, in words, and nothing is
// published of it.
func TestThemeSymlinkOutOfProject(t *testing.T) {
	for _, name := range []string{"layouts/page.html", "static/pw.txt", "themes/default/layouts/partials/status.html"} {
		dir := writeSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n"})
		outside := filepath.Join(t.TempDir(), "outside")
		if err := os.WriteFile(outside, []byte(`{{define "main"}}SECRET{{end}}`), 0o644); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, filepath.FromSlash(name))
		os.Remove(link)
		if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(outside, link); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := runCLI("build", "-s", dir)
		if code == exitOK || !strings.Contains(errOut, name+":1:1: this file is a link to a file outside the site's folder") {
			t.Errorf("%s: exit %d\n%s", name, code, errOut)
		}
	}
}

// TestBuildCache: gongkai build keeps the datasets' downloads in
// .public.cache beside the output and takes an unchanged dataset's from it
// (build --stats says how many); an edited dataset's are written anew;
// --no-cache takes none; a deleted cache is only a slower build.
func TestBuildCache(t *testing.T) {
	dir := writeSite(t, map[string]string{"data/x.csv": "年度,金额\n2013,1234\n", "data/y.csv": "年度,人数\n2013,5\n"})
	build := func(args ...string) string {
		t.Helper()
		code, out, errOut := runCLI(append([]string{"build", "-s", dir, "--stats"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d\n%s", code, errOut)
		}
		return out
	}
	cached := func(out string) string {
		t.Helper()
		for line := range strings.Lines(out) {
			if n, ok := strings.CutPrefix(line, "downloads: "); ok {
				return strings.TrimSpace(n)
			}
		}
		t.Fatalf("--stats says nothing of the build cache:\n%s", out)
		return ""
	}
	if got := cached(build()); got != "0 of 2 datasets taken from the build cache" {
		t.Errorf("first build: %s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, ".public.cache", "CACHEDIR.TAG")); err != nil {
		t.Fatalf("no build cache beside public/: %v", err)
	}
	if got := cached(build()); got != "2 of 2 datasets taken from the build cache" {
		t.Errorf("nothing changed: %s", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "x.csv"), []byte("年度,金额\n2013,4321\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := cached(build()); got != "1 of 2 datasets taken from the build cache" {
		t.Errorf("x.csv edited: %s", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "public", "data", "x.json")); !strings.Contains(string(b), `"金额":4321`) {
		t.Errorf("x.json is not the edited data:\n%s", b)
	}
	if got := cached(build("--no-cache")); got != "0 of 2 datasets taken from the build cache" {
		t.Errorf("--no-cache: %s", got)
	}
	if err := os.RemoveAll(filepath.Join(dir, ".public.cache")); err != nil {
		t.Fatal(err)
	}
	if got := cached(build()); got != "0 of 2 datasets taken from the build cache" {
		t.Errorf("the cache deleted: %s", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "public", "data", "y.json")); !strings.Contains(string(b), `"人数":5`) {
		t.Errorf("y.json:\n%s", b)
	}
}

// TestBuildCountsWhatItWrote: the line a build ends with counts the files
// it wrote and, apart, the compressed copies beside them: together, every
// file in the output.
func TestBuildCountsWhatItWrote(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n" + strings.Repeat("正文。", 500) + "\n"})
	for range 2 { // the second build takes the first's copies
		code, out, errOut := runCLI("build", "-s", dir)
		if code != 0 {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		var files, copies int
		if _, err := fmt.Sscanf(out[strings.LastIndex(out, "built "):], "built %d files (and %d compressed copies", &files, &copies); err != nil {
			t.Fatalf("%v: %q", err, out)
		}
		var onDisk, compressed int
		err := filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				onDisk++
				if strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".br") {
					compressed++
				}
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if copies == 0 || copies != compressed || files+copies != onDisk {
			t.Errorf("%q: the output holds %d files, %d of them compressed copies", out, onDisk, compressed)
		}
	}
}
