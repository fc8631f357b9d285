package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"gongkai/generator/internal/content"
)

// Watched are the folders of a source a change in which means a rebuild, and
// the settings file.
var Watched = []string{"content", "data", "themes", "layouts", "static", "i18n"}

const settingsFile = "site.toml"

// Quiet is how long a batch of changes waits for the next one: an editor's
// save (a temporary file, a rename) or a copied folder makes one rebuild.
const Quiet = 50 * time.Millisecond

// Watch calls changed after each batch of changes to the source folder's
// content, data, themes and settings, until ctx ends. With poll > 0 it looks
// for changes every poll instead of being told by the system (for network
// drives and container mounts, where notifications do not arrive). Changes
// are seen from the moment Watch returns; the watching goes on in run.
func Watch(root string, poll time.Duration) (run func(ctx context.Context, changed func()) error, err error) {
	if poll > 0 {
		last := snapshot(root)
		return func(ctx context.Context, changed func()) error { return watchPoll(ctx, root, poll, last, changed) }, nil
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, limitHint(err)
	}
	if err := w.Add(root); err != nil { // for site.toml, and folders made later
		w.Close()
		return nil, limitHint(err)
	}
	for _, dir := range Watched {
		if err := addTree(w, filepath.Join(root, dir)); err != nil {
			w.Close()
			return nil, err
		}
	}
	return func(ctx context.Context, changed func()) error {
		defer w.Close()
		return watchEvents(ctx, w, root, changed)
	}, nil
}

// watchEvents batches the system's notifications until ctx ends.
func watchEvents(ctx context.Context, w *fsnotify.Watcher, root string, changed func()) error {
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			return limitHint(err)
		case ev := <-w.Events:
			if !relevant(root, ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					if err := addTree(w, ev.Name); err != nil {
						return err
					}
				}
			}
			timer = time.After(Quiet)
		case <-timer:
			timer = nil
			changed()
		}
	}
}

// relevant reports whether a change to name can change the site: a file of
// a watched folder (not editor or OS litter, not the theme's npm packages)
// or the settings file.
func relevant(root, name string) bool {
	rel, err := filepath.Rel(root, name)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	if rel == settingsFile {
		return true
	}
	first, _, _ := strings.Cut(rel, "/")
	if !slices.Contains(Watched, first) {
		return false
	}
	for _, seg := range strings.Split(rel, "/") {
		if content.Litter(seg) || seg == "node_modules" {
			return false
		}
	}
	return true
}

// addTree watches dir and every folder under it, but the theme's npm
// packages (thousands of folders that change only with `npm ci`).
func addTree(w *fsnotify.Watcher, dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && (content.Litter(d.Name()) || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		return limitHint(w.Add(p))
	})
	return err
}

// limitHint explains the error a system gives when it cannot watch more
// folders.
func limitHint(err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
		return fmt.Errorf("%w: the system's limit on watched folders is reached; raise it (sudo sysctl fs.inotify.max_user_watches=524288) or run gongkai serve --poll 1s", err)
	}
	return err
}

// watchPoll compares the size and time of every watched file every interval.
func watchPoll(ctx context.Context, root string, every time.Duration, last string, changed func()) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			if now := snapshot(root); now != last {
				last = now
				changed()
			}
		}
	}
}

// snapshot sums up the names, sizes and modification times of the watched files.
func snapshot(root string) string {
	var b strings.Builder
	walk := func(p string) {
		_ = filepath.WalkDir(p, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return nil
			case !relevant(root, p) && d.IsDir():
				return filepath.SkipDir
			case !relevant(root, p):
				return nil
			}
			if fi, err := d.Info(); err == nil && !d.IsDir() {
				fmt.Fprintf(&b, "%s\x00%d\x00%d\n", p, fi.Size(), fi.ModTime().UnixNano())
			}
			return nil
		})
	}
	walk(filepath.Join(root, settingsFile))
	for _, dir := range Watched {
		walk(filepath.Join(root, dir))
	}
	return b.String()
}
