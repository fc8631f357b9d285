//go:build !unix

package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// lockDest takes the lock of dest by creating ".<dest>.lock" beside it; a
// second build into the same folder fails with a message while the file
// exists. Without the system's file locks a build that is killed leaves the
// file behind, and the message says to delete it then.
func lockDest(lockFile string) (unlock func(), err error) {
	f, err := os.OpenFile(lockFile, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("publish: another gongkai build is writing this site (%s exists): wait for it to finish; if none is running, delete %s", lockFile, lockFile)
	}
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	f.Close()
	return func() { os.Remove(lockFile) }, nil
}
