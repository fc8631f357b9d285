//go:build unix

package rootfs

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A pipe opened by mistake gives its end at once instead of waiting for
// a writer that never comes.
func TestPipeDoesNotWait(t *testing.T) {
	dir, root := tree(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "pipe.md"), 0o644); err != nil {
		t.Skip("cannot make a named pipe:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := fs.ReadFile(FS(root), "content/pipe.md")
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, fs.ErrInvalid) {
			t.Logf("read of a pipe: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a named pipe without a writer waited 5 s")
	}
}
