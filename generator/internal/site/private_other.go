//go:build !unix

package site

import "io/fs"

// private cannot tell here whether another name links to fi: every file
// is written anew.
func private(fs.FileInfo) bool { return false }
