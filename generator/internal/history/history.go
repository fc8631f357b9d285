// Package history reads when files last changed from the git history of the
// folder they are in: the time of the last commit that touched each. A build
// uses it instead of the clock or the files' modification times, so the same
// commit always gives the same site.
package history

import (
	"bufio"
	"bytes"
	"errors"
	"os/exec"
	"strings"
	"time"
)

// LastChanges returns the time of the last commit touching each file under
// the given paths of dir (paths relative to dir, as git prints them with
// --relative). A folder that is not in a git repository, or a machine without
// git, gives no times and no error: the site then says it does not know.
func LastChanges(dir string, paths ...string) (map[string]time.Time, error) {
	args := append([]string{"-C", dir, "-c", "core.quotePath=false", "log", "--relative", "--no-renames", "--name-only", "--format=@%cI", "--"}, paths...)
	cmd := exec.Command("git", args...)
	cmd.Env = append(cmd.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exitErr *exec.ExitError
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return map[string]time.Time{}, nil
	case errors.As(err, &exitErr) && strings.Contains(stderr.String(), "not a git repository"):
		return map[string]time.Time{}, nil
	case errors.As(err, &exitErr) && strings.Contains(stderr.String(), "does not have any commits"):
		return map[string]time.Time{}, nil
	case err != nil:
		return nil, errors.New("git log: " + strings.TrimSpace(stderr.String()))
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
