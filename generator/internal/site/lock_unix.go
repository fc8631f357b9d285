//go:build unix

package site

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// lockDest takes the lock of dest, a file ".<dest>.lock" beside it: a
// second build into the same folder waits here until the first has
// published, so the two never mix their files in the staging folder. The
// system releases the lock when the process ends, however it ends.
func lockDest(lockFile string) (unlock func(), err error) {
	f, err := os.OpenFile(lockFile, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	for {
		err = unix.Flock(int(f.Fd()), unix.LOCK_EX)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("publish: lock %s: %w", lockFile, err)
	}
	return func() {
		unix.Flock(int(f.Fd()), unix.LOCK_UN)
		f.Close()
	}, nil
}
