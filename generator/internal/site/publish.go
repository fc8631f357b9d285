package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gongkai/generator/internal/diag"
)

// Publish runs build with a Sink that writes into a staging folder beside
// dest, and swaps the staging folder and dest only when build succeeded.
//
// The staging folder (".<dest>.staging") is kept between builds: after a swap
// it holds the previous site, which the next build overwrites in place and
// prunes of files it no longer produces. Overwriting files is many times
// faster than creating a fresh tree, and the published folder is never
// written into, so a failed build leaves it byte for byte as it was.
//
// A file the build writes with the same bytes as the published one at its
// path is that file, hard linked (see stagingSink): it keeps its
// modification time, and only the files that changed look changed to
// rsync, an object store or a CDN upload. With [output] precompress (the
// default) the build also leaves a .gz and a .br copy beside each text file
// (see copies), made while it runs, for static hosts that serve them.
//
// Builds into one dest take turns: each holds ".<dest>.lock" beside it from
// start to swap, so a second build (a CI retry, a save during a build)
// waits for the first and the site is never a mix of the two. A build that
// fails for any reason but its input (a full disk, a theme error) removes
// the staging folder, which would otherwise keep a second copy of the site.
func Publish(dest string, build func(Sink) error) error {
	dest = filepath.Clean(dest)
	unlock, err := lockDest(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".lock"))
	if err != nil {
		return err
	}
	defer unlock()
	if err := checkDest(dest); err != nil {
		return err
	}
	staging := filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".staging")
	if err := os.MkdirAll(staging, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	w := &stagingSink{root: staging, prev: dest, written: map[string]bool{}, dirs: map[string]bool{}}
	err = build(w)
	if c := w.copies; c != nil && err != nil {
		c.wait(true)
	} else if c != nil {
		if err = c.place(w.written); err != nil {
			err = fmt.Errorf("publish: %w", err)
		}
	}
	if err != nil {
		if _, input := errors.AsType[*diag.Errors](err); !input {
			os.RemoveAll(staging)
		}
		return err
	}
	if err := w.prune(); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := swap(staging, dest); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// Copies is how many .gz and .br copies a build placed beside the files it
// wrote into out, the Sink Publish handed it, once Publish has returned.
func Copies(out Sink) int {
	if w, ok := out.(*stagingSink); ok && w.copies != nil {
		return w.copies.placed
	}
	return 0
}

// checkDest refuses to replace a folder that holds something other than a
// previous build, so a mistyped -d cannot move someone's documents aside.
func checkDest(dest string) error {
	fi, err := os.Stat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("publish: %s is a file, not a folder", dest)
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dest, "sitemap.xml")); err != nil {
		return fmt.Errorf("publish: %s holds files that gongkai did not write (it has no sitemap.xml); build into an empty or new folder", dest)
	}
	return nil
}

// prune deletes files this build did not write, then folders left empty.
func (s *stagingSink) prune() error {
	var dirs []string
	err := filepath.WalkDir(s.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(s.root, p)
		if d.IsDir() {
			if rel != "." {
				dirs = append(dirs, p)
			}
			return nil
		}
		if !s.written[filepath.ToSlash(rel)] {
			return os.Remove(p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// A folder this build wrote a file into, and each folder above it,
	// holds something: only the others are read to see if they are empty.
	full := map[string]bool{}
	for d := range s.dirs {
		for ; d != s.root && !full[d] && strings.HasPrefix(d, s.root); d = filepath.Dir(d) {
			full[d] = true
		}
	}
	slices.Reverse(dirs) // deepest first
	for _, d := range dirs {
		if full[d] {
			continue
		}
		if entries, err := os.ReadDir(d); err == nil && len(entries) == 0 {
			if err := os.Remove(d); err != nil {
				return err
			}
		}
	}
	return nil
}

// swap puts staging in dest's place; dest's old content ends up in staging.
func swap(staging, dest string) error {
	if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(staging, dest)
	}
	if err := exchange(staging, dest); err == nil {
		return nil
	}
	// No atomic exchange on this system: two renames, with dest absent for an instant.
	old := staging + ".old"
	if err := os.RemoveAll(old); err != nil {
		return err
	}
	if err := os.Rename(dest, old); err != nil {
		return err
	}
	if err := os.Rename(staging, dest); err != nil {
		_ = os.Rename(old, dest) // put the previous site back
		return err
	}
	return os.Rename(old, staging)
}
