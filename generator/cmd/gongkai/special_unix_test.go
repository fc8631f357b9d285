//go:build unix

package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestSpecialFilesAreRefused: a named pipe or a socket where a page or a
// data file should be (the build once waited on a pipe for ever) and a link
// to a folder outside the project are errors naming them, at once.
func TestSpecialFilesAreRefused(t *testing.T) {
	for name, create := range map[string]func(string) error{
		"content/notice.md": func(p string) error { return unix.Mkfifo(p, 0o644) },
		"content/outside":   func(p string) error { return os.Symlink(t.TempDir(), p) },
		"data/x.csv":        func(p string) error { return unix.Mkfifo(p, 0o644) },
		"data/y.csv": func(p string) error { // a socket
			l, err := net.Listen("unix", p)
			if err == nil {
				t.Cleanup(func() { l.Close() })
			}
			return err
		},
	} {
		dir := writeSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n"})
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := create(path); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		var code int
		var errOut string
		go func() {
			code, _, errOut = runCLI("build", "-s", dir)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: the build does not end", name)
		}
		if code != exitInput || !strings.Contains(errOut, name+":1:1: ") {
			t.Errorf("%s: exit %d\n%s", name, code, errOut)
		}
	}
}
