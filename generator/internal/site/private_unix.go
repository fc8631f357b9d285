//go:build unix

package site

import (
	"io/fs"
	"syscall"
)

// private reports whether fi is a file no other name links to, which the
// staging folder may write in place.
func private(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && st.Nlink == 1
}
