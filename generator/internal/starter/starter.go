// Package starter writes the neutral starter portal of `gongkai new`.
//
// The portal lives in site/ and is built into the binary: settings with every
// key explained, a home page, about and method pages, one made-up policy
// document (示例县2025年政府工作报告, labelled as an example), a few
// commitments registered from it, their progress and one small dataset, all
// marked 示例数据. It builds with the theme built into gongkai, warning only
// that its base_url is still this computer's, and says nothing about any
// real portal. Write gives each portal an id of its own (site.toml's id).
package starter

import (
	"bytes"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
	if err := os.CopyFS(dir, FS()); err != nil {
		return err
	}
	return newSiteID(filepath.Join(dir, "site.toml"))
}

// placeholderID is the site id in the built-in site.toml, which Write
// replaces with a new one: every portal made by `gongkai new` has its own.
const placeholderID = "urn:uuid:00000000-0000-4000-8000-000000000000"

// newSiteID gives the site.toml at path an id of its own: a random UUID
// (version 4, RFC 9562) in place of placeholderID.
func newSiteID(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var u [16]byte
	if _, err := rand.Read(u[:]); err != nil {
		return err
	}
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // the RFC's variant
	x := hex.EncodeToString(u[:])
	id := "urn:uuid:" + x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
	if !bytes.Contains(src, []byte(placeholderID)) {
		return fmt.Errorf("the starter's site.toml has no id %s to replace", placeholderID)
	}
	return os.WriteFile(path, bytes.Replace(src, []byte(placeholderID), []byte(id), 1), 0o644)
}
