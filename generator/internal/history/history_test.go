package history

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestLastChanges makes a repository with commits on fixed days and reads
// back, for each file, the day of the last commit that touched it — from the
// repository's root and from a folder inside it.
func TestLastChanges(t *testing.T) {
	repo, git, write := newRepo(t)
	git("2020-01-01", "init", "-q")
	write("site/data/a.csv", "a\n1\n")
	write("site/data/预算/b.csv", "b\n1\n")
	git("2021-03-04", "add", ".")
	git("2021-03-04", "commit", "-q", "-m", "one")
	write("site/data/a.csv", "a\n2\n")
	git("2022-05-06", "commit", "-q", "-am", "two")

	commits, err := Log(filepath.Join(repo, "site"), "data")
	if err != nil {
		t.Fatal(err)
	}
	if len(commits) != 2 || len(commits[0].Files) != 1 || commits[0].Files[0] != "data/a.csv" || len(commits[1].Files) != 2 {
		t.Errorf("log %+v", commits)
	}
	got := LastChanges(commits)
	day := func(p string) string { return got[p].In(time.UTC).Format(time.DateOnly) }
	if day("data/a.csv") != "2022-05-06" || day("data/预算/b.csv") != "2021-03-04" || len(got) != 2 {
		t.Errorf("last changes %v", got)
	}
	none, err := Log(t.TempDir(), "data")
	if err != nil || len(none) != 0 {
		t.Errorf("outside a repository: %v %v", none, err)
	}
	// A shallow clone's oldest commit seems to make every file: no dates.
	shallow := filepath.Join(t.TempDir(), "shallow")
	git("2022-05-06", "clone", "-q", "--depth", "1", "file://"+repo, shallow)
	if got, err := Log(filepath.Join(shallow, "site"), "data"); !errors.Is(err, ErrShallow) || got != nil {
		t.Errorf("in a shallow clone: %v %v", got, err)
	}
}

// newRepo makes an empty folder for a repository, with git (committing on the
// given day) and write (making folders as needed).
func newRepo(t *testing.T) (repo string, git func(day string, args ...string), write func(name, text string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo = t.TempDir()
	git = func(day string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t",
			"GIT_AUTHOR_DATE="+day+"T10:00:00+08:00", "GIT_COMMITTER_DATE="+day+"T10:00:00+08:00")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write = func(name, text string) {
		t.Helper()
		p := filepath.Join(repo, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return repo, git, write
}
