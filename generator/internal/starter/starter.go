// Package starter writes the neutral starter portal of `gongkai new`.
//
// The portal lives in site/ and is built into the binary: settings with every
// key explained, a home page, about and method pages, one made-up policy
// document (示例县2025年政府工作报告, labelled as an example), a few
// commitments registered from it, their progress and one small dataset, all
// marked 示例数据. It builds with no warnings as it is, with the theme built
// into gongkai, and says nothing about any real portal.
package starter

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

//go:embed all:site
var files embed.FS

// FS returns the starter portal's files, as `gongkai new` writes them.
func FS() fs.FS {
	sub, err := fs.Sub(files, "site")
	if err != nil {
		panic(err) // "site" is a valid path: cannot happen
	}
	return sub
}

// ErrNotEmpty means the folder given to Write already holds files.
var ErrNotEmpty = errors.New("is not empty")

// Write writes the starter portal into dir, which must not exist yet or be
// an empty folder (ErrNotEmpty otherwise): it never overwrites a file.
func Write(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return fmt.Errorf("%s %w", dir, ErrNotEmpty)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	return os.CopyFS(dir, FS())
}
