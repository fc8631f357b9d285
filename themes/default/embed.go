// Package defaulttheme carries the default theme inside the gongkai binary, so
// that a site needs neither a themes/ folder nor npm.
//
// The binary holds the theme as this folder holds it: theme.toml, layouts/ (with partials/),
// static/, i18n/ (the interface's translation tables, zh-CN and en), and the files of the theme's npm packages that theme.toml's
// [[vendor]] entries name (ECharts, MiniSearch and their licences). Those come
// from the npm registry, pinned by package-lock.json: `make theme` (which
// `make build` and `make test` run) installs them with `npm ci` and copies the
// named files from node_modules/ into npm/, a folder git ignores but for its
// .gitignore, which keeps the embed pattern valid before npm has run. A
// binary built without them (plain `go build`) still builds any site whose
// own themes/default/node_modules has the files; for any other site the build
// stops with a message saying how to build gongkai with them.
package defaulttheme

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed theme.toml layouts static i18n all:npm
var files embed.FS

// FS returns the built-in theme laid out as its folder is: theme.toml,
// layouts/, static/, i18n/, and node_modules/ holding only the files theme.toml names.
func FS() fs.FS { return theme{} }

// theme serves node_modules/… from npm/, where `make theme` copied the files.
type theme struct{}

func (theme) Open(name string) (fs.File, error) {
	switch {
	case !fs.ValidPath(name):
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	case name == "npm" || strings.HasPrefix(name, "npm/"):
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	case name == "node_modules":
		name = "npm"
	case strings.HasPrefix(name, "node_modules/"):
		name = "npm/" + strings.TrimPrefix(name, "node_modules/")
	}
	return files.Open(name)
}
