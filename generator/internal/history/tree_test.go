package history

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// TestTree reads a folder as two earlier commits left it: the commits that
// changed it, newest first, and each commit's files (a Chinese name, a nested
// folder, a file deleted later), checked as a file system by fstest.
func TestTree(t *testing.T) {
	repo, git, write := newRepo(t)
	git("2020-01-01", "init", "-q")
	write("site/site.toml", "title = \"x\"\n")
	write("site/data/a.csv", "a\n1\n")
	write("site/data/预算/b.csv", "b\n1\n")
	write("site/themes/t.css", "p{}\n")
	write("elsewhere.txt", "not the site\n")
	git("2021-03-04", "add", ".")
	git("2021-03-04", "commit", "-q", "-m", "one")
	write("site/data/a.csv", "a\n2\n")
	if err := os.Remove(filepath.Join(repo, "site/data/预算/b.csv")); err != nil {
		t.Fatal(err)
	}
	git("2022-05-06", "commit", "-q", "-am", "two")
	write("site/themes/t.css", "p{color:red}\n")
	git("2023-01-01", "commit", "-q", "-am", "theme only")
	write("site/data/a.csv", "a\n3\n") // not committed: the working tree is not history

	r, err := Open(filepath.Join(repo, "site"))
	if err != nil || r == nil {
		t.Fatal(r, err)
	}
	defer r.Close()
	revs, err := r.Revisions(10, "site.toml", "data")
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 || revs[0].Time.UTC().Format(time.DateOnly) != "2022-05-06" || revs[1].Time.UTC().Format(time.DateOnly) != "2021-03-04" {
		t.Fatalf("revisions %v", revs)
	}
	read := func(fsys fs.FS, name string) string {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err.Error()
		}
		return string(b)
	}
	older, err := r.Tree(revs[1].Commit, "site.toml", "data")
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(older, "site.toml", "data/a.csv", "data/预算/b.csv"); err != nil {
		t.Error(err)
	}
	if got := read(older, "data/a.csv"); got != "a\n1\n" {
		t.Errorf("a.csv at the first commit: %q", got)
	}
	if _, err := fs.Stat(older, "themes/t.css"); err == nil {
		t.Error("the tree holds a path not asked for")
	}
	newer, err := r.Tree(revs[0].Commit, "site.toml", "data")
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(newer, "site.toml", "data/a.csv"); err != nil {
		t.Error(err)
	}
	if got := read(newer, "data/a.csv"); got != "a\n2\n" {
		t.Errorf("a.csv at the second commit: %q", got)
	}
	if _, err := fs.Stat(newer, "data/预算/b.csv"); err == nil {
		t.Error("a file deleted by the second commit is still there")
	}
	// Unchanged files have the same content id; changed ones another.
	id := func(fsys fs.FS, name string) string {
		fi, err := fs.Stat(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Sys().(Blob).ContentID()
	}
	if id(older, "site.toml") != id(newer, "site.toml") || id(older, "data/a.csv") == id(newer, "data/a.csv") {
		t.Error("content ids do not follow the contents")
	}

	none, err := Open(t.TempDir())
	if none != nil || err != nil {
		t.Errorf("outside a repository: %v %v", none, err)
	}
	empty, gitEmpty, _ := newRepo(t)
	gitEmpty("2020-01-01", "init", "-q")
	if r, err := Open(empty); r != nil || err != nil {
		t.Errorf("a repository without commits: %v %v", r, err)
	}
}
