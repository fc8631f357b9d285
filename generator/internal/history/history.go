// Package history reads the git history of the folder a site is in: when
// each file last changed (the time of the last commit that touched it), and
// the files as earlier commits left them. A build uses it instead of the
// clock or the files' modification times, so the same commit always gives
// the same site.
package history

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// ErrShallow is Log's answer in a shallow clone: its oldest commit
// lists every file as if it had made them, so no date it gives can be trusted.
var ErrShallow = errors.New("the repository is a shallow clone, so its history is cut short: fetch the whole history (git fetch --unshallow; in CI, a checkout with fetch-depth 0) for the site to give commit dates")

// Commit is a commit and the files under the asked paths it changed.
type Commit struct {
	Time  time.Time
	Files []string // relative to the folder
}

// Log returns the commits touching the given paths of dir, newest first,
// with the files each changed (paths relative to dir, as git prints them
// with --relative). A folder that is not in a git repository, or a machine
// without git, gives none and no error: the site then says it does not know.
// A shallow clone gives ErrShallow.
func Log(dir string, paths ...string) ([]Commit, error) {
	if out, err := git(dir, "rev-parse", "--is-shallow-repository"); err == nil && strings.TrimSpace(string(out)) == "true" {
		return nil, ErrShallow
	}
	out, err := git(dir, append([]string{"log", "--relative", "--no-renames", "--name-only", "--format=@%cI", "--"}, paths...)...)
	switch {
	case errors.Is(err, errNoHistory):
		return nil, nil
	case err != nil:
		return nil, err
	}
	var commits []Commit
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if t, ok := strings.CutPrefix(line, "@"); ok {
			when, err := time.Parse(time.RFC3339, t)
			if err != nil {
				return nil, err
			}
			commits = append(commits, Commit{Time: when})
			continue
		}
		if line != "" && len(commits) > 0 {
			c := &commits[len(commits)-1]
			c.Files = append(c.Files, line)
		}
	}
	return commits, sc.Err()
}

// LastChanges returns the time of the last of the commits to touch each file.
func LastChanges(commits []Commit) map[string]time.Time {
	last := map[string]time.Time{}
	for _, c := range commits { // newest first
		for _, f := range c.Files {
			if _, seen := last[f]; !seen {
				last[f] = c.Time
			}
		}
	}
	return last
}

// errNoHistory is git's answer outside a repository, before its first
// commit, or when git is not installed.
var errNoHistory = errors.New("no git history")

// git runs a git command in dir and returns what it prints.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "core.quotePath=false"}, args...)...)
	cmd.Env = append(cmd.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exitErr *exec.ExitError
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return nil, errNoHistory
	case errors.As(err, &exitErr) && (strings.Contains(stderr.String(), "not a git repository") ||
		strings.Contains(stderr.String(), "does not have any commits") || // log before the first commit
		args[0] == "rev-parse" && stderr.Len() == 0): // rev-parse -q: HEAD does not exist yet
		return nil, errNoHistory
	case err != nil:
		return nil, fmt.Errorf("git %s: %s", args[0], strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
