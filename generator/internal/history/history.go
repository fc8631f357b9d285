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

// ErrShallow is LastChanges' answer in a shallow clone: its oldest commit
// lists every file as if it had made them, so no date it gives can be trusted.
var ErrShallow = errors.New("the repository is a shallow clone, so its history is cut short: fetch the whole history (git fetch --unshallow; in CI, a checkout with fetch-depth 0) for the site to give commit dates")

// LastChanges returns the time of the last commit touching each file under
// the given paths of dir (paths relative to dir, as git prints them with
// --relative). A folder that is not in a git repository, or a machine without
// git, gives no times and no error: the site then says it does not know. A
// shallow clone gives ErrShallow.
func LastChanges(dir string, paths ...string) (map[string]time.Time, error) {
	if out, err := git(dir, "rev-parse", "--is-shallow-repository"); err == nil && strings.TrimSpace(string(out)) == "true" {
		return nil, ErrShallow
	}
	out, err := git(dir, append([]string{"log", "--relative", "--no-renames", "--name-only", "--format=@%cI", "--"}, paths...)...)
	switch {
	case errors.Is(err, errNoHistory):
		return map[string]time.Time{}, nil
	case err != nil:
		return nil, err
	}
	last := map[string]time.Time{}
	var when time.Time
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if t, ok := strings.CutPrefix(line, "@"); ok {
			if when, err = time.Parse(time.RFC3339, t); err != nil {
				return nil, err
			}
			continue
		}
		if line == "" {
			continue
		}
		if _, seen := last[line]; !seen { // newest first
			last[line] = when
		}
	}
	return last, sc.Err()
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
