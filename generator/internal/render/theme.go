package render

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"

	"gongkai/generator/internal/i18n"
	defaulttheme "gongkai/themes/default"
)

// Theme is a parsed theme: its layouts, and where each file it copies into
// the site comes from.
//
// A theme's files are looked up one by one, as Hugo does, and the first of
// these places that has a file gives it:
//
//  1. the site's own layouts/ and static/ (beside site.toml);
//  2. themes/<name>/ in the site: layouts/, static/, theme.toml and the
//     node_modules/ files theme.toml names;
//  3. the default theme built into gongkai (package defaulttheme).
//
// So a site needs no themes/ folder at all, and one that wants another
// footer template or favicon holds just that file.
type Theme struct {
	layers []layer
	pages  map[string]*template.Template
	vendor []vendorFile
	table  *i18n.Table
	shared *template.Template // base.html and the partials, for cached
	made   sync.Map           // cached's markup by template name and key
	// files sums up every file the pages are made with, as read (note);
	// sum is its SHA-256 once the theme is loaded (Digest).
	files hash.Hash
	sum   [sha256.Size]byte
}

// Digest is a SHA-256 of everything the theme's pages are made with
// besides their views and gongkai's code: the site's language, and the
// name and text of every layout, partial and translation table it read.
// Two themes with the same digest make the same page from the same view.
func (t *Theme) Digest() [sha256.Size]byte { return t.sum }

// note adds a file the pages are made with to the theme's digest.
func (t *Theme) note(where, src string) {
	if t.files != nil { // nil: only the table is read (LoadTable)
		fmt.Fprintf(t.files, "%q %d\n%s\n", where, len(src), src)
	}
}

// Table is the translation table of the site's language the theme's pages
// are written in (see LoadTheme).
func (t *Theme) Table() *i18n.Table { return t.table }

// layer is one place a theme's files are looked up in.
type layer struct {
	fsys    fs.FS
	dir     string // the place's folder in fsys: "." or themes/<name>
	site    bool   // the site's own folder: only layouts/ and static/ count
	builtIn bool   // the theme built into gongkai
}

// file is the path of a file of the layer in its fs.
func (l layer) file(name string) string { return path.Join(l.dir, name) }

// where names a file of the layer in messages: its path in the site, or
// where the built-in theme came from.
func (l layer) where(name string) string {
	if l.builtIn {
		return "themes/default/" + name // gongkai's own; the messages say "built-in"
	}
	return l.file(name)
}

// linkOut says in words what reading a file that links out of the site
// folder fails with (the site is read through os.Root, which does not
// follow such links); other errors are returned as they are.
func linkOut(err error) error {
	if err != nil && strings.Contains(err.Error(), "path escapes from parent") {
		return errors.New("this file is a link to a file outside the site's folder, which gongkai does not follow: copy the file into the site instead")
	}
	return err
}

// ThemeError is a problem with a theme file: the settings error the build
// reports at File (its path in the site, or in the built-in theme).
type ThemeError struct {
	File      string
	Line, Col int // where in File, when known (a template's parse or execution error)
	Err       error
}

func (e *ThemeError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, max(e.Col, 1), e.Err)
	}
	return e.File + ": " + e.Err.Error()
}

// templatePos reads where a template error is from the message
// text/template and html/template give it, "template: NAME:LINE:COL: …" or
// "html/template:NAME:LINE:COL: …": every template is named by its file's
// place in the site (layer.where), so NAME is the file.
var templatePos = regexp.MustCompile(`^(?:html/)?template: ?(.+?):(\d+):(?:(\d+):)? (.*)$`)

// templateError is a template's parse or execution error at its file,
// line and column; file is where it was parsed from, for an error that
// gives no position.
func templateError(file string, err error) *ThemeError {
	m := templatePos.FindStringSubmatch(err.Error())
	if m == nil {
		return &ThemeError{File: file, Err: err}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	return &ThemeError{File: m[1], Line: line, Col: col, Err: errors.New(m[4])}
}
func (e *ThemeError) Unwrap() error { return e.Err }

// themeFile is the theme's theme.toml.
type themeFile struct {
	Vendor []vendorFile `toml:"vendor"`
}

// vendorFile is a file copied from the theme's npm packages into the site.
type vendorFile struct {
	From string `toml:"from"` // path in the theme folder, e.g. node_modules/echarts/dist/echarts.min.js
	To   string `toml:"to"`   // path in the site, e.g. assets/vendor/echarts.min.js
	in   layer  // the layer that has the file
}

// LoadTheme parses the layouts of the theme called name for the site in
// fsys: the site's own files, then themes/<name>/, then the built-in default
// theme (see Theme), and the translation table of lang, the site's
// language, that the layouts' T function reads (see loadTable). layouts
// are the names of the layouts the site's pages use (without .html; none:
// every layout of the built-in theme); each must exist in some layer. A
// name other than "default" must be a folder under themes/. Problems are
// returned as a *ThemeError.
func LoadTheme(fsys fs.FS, name, lang string, layouts ...string) (*Theme, error) {
	t, err := themeLayers(fsys, name)
	if err != nil {
		return nil, err
	}
	t.files = sha256.New()
	t.note("language", lang)
	if err := t.loadTable(lang); err != nil {
		return nil, err
	}

	baseFile, _, err := t.layout("base.html", true)
	if err != nil {
		return nil, err
	}
	t.note(baseFile.where, baseFile.src)
	base, err := template.New(baseFile.where).Funcs(funcs).Funcs(textFuncs(t.table)).Funcs(template.FuncMap{"cached": t.cached}).Parse(baseFile.src)
	if err != nil {
		return nil, templateError(baseFile.where, err)
	}
	if err := t.parsePartials(base); err != nil {
		return nil, err
	}
	if err := t.loadVendor(); err != nil {
		return nil, err
	}
	t.shared = template.Must(base.Clone())
	if len(layouts) == 0 {
		layouts = builtInLayouts()
	}
	for _, kind := range layouts {
		f, _, err := t.layout(kind+".html", true)
		if err != nil {
			return nil, err
		}
		page := template.Must(base.Clone()) // executed from base.html
		if _, err := page.New(f.where).Parse(f.src); err != nil {
			return nil, templateError(f.where, err)
		}
		t.note(f.where, f.src)
		t.pages[kind] = page
	}
	copy(t.sum[:], t.files.Sum(nil))
	return t, nil
}

// cached is the theme's function for the parts of a page that are the same
// on many pages — the site's header and footer: it renders the template
// name of base.html or the partials with data once per build for each key,
// and gives every later page with that key the same markup. Everything the
// template reads from data that differs between pages must be in the key.
//
//	{{cached "site-header" . .Section .Search}}
//
// Made for every page, the header and footer took about half of a content
// page's making.
func (t *Theme) cached(name string, data any, key ...any) (template.HTML, error) {
	k := cacheKey(name, key)
	if h, ok := t.made.Load(k); ok {
		return h.(template.HTML), nil
	}
	var b strings.Builder
	if err := t.shared.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String()) //nolint:gosec // made by html/template
	t.made.Store(k, h)
	return h, nil
}

// cacheKey is cached's key for the template name and key values: one
// string for each different name and values, made without fmt for the
// kinds of value a page passes (fmt took a third of cached's time).
func cacheKey(name string, key []any) string {
	b := make([]byte, 0, 64)
	b = append(b, name...)
	str := func(s string) {
		b = append(strconv.AppendInt(append(b, 's'), int64(len(s)), 10), ':')
		b = append(b, s...)
	}
	for _, k := range key {
		b = append(b, 0)
		switch k := k.(type) {
		case nil:
			b = append(b, 'n')
		case string:
			str(k)
		case bool:
			b = strconv.AppendBool(append(b, 'b'), k)
		case int:
			b = strconv.AppendInt(append(b, 'i'), int64(k), 10)
		case []Crumb:
			b = strconv.AppendInt(append(b, 'c'), int64(len(k)), 10)
			for _, c := range k {
				str(c.Title)
				str(c.Path)
			}
		default:
			b = fmt.Appendf(append(b, 'v'), "%T:%#v", k, k)
		}
	}
	return string(b)
}

// partialsDir holds the theme's partials, one file per concept (the sample
// notice, a status badge, a data table's header cells…), each a set of
// {{define}}d templates that every page can call.
const partialsDir = "partials"

// parsePartials parses the partials into base, so that every page has them:
// each layouts/partials/<file>.html, looked up through the layers like any
// layout (a site's or theme's file replaces the built-in file of the same
// name, and a layer may add files), then the legacy single
// layouts/partials.html of a site or theme, if it has one. A later file's
// definition of a name replaces an earlier one's, and the files are parsed
// from the built-in theme's up to the site's, each layer's in name order,
// the legacy file last: so a site's or theme's partial wins over the
// built-in one however its file is named.
func (t *Theme) parsePartials(base *template.Template) error {
	dir := path.Join("layouts", partialsDir)
	from := map[string]int{} // file name → the first layer that has it
	for i, l := range t.layers {
		entries, err := fs.ReadDir(l.fsys, l.file(dir))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return &ThemeError{File: l.where(dir), Err: err}
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, ".") {
				continue // an editor's backup or lock file is no partial
			}
			if _, ok := from[name]; !ok {
				from[name] = i
			}
		}
	}
	names := slices.Sorted(maps.Keys(from))
	for i := len(t.layers) - 1; i >= 0; i-- {
		l := t.layers[i]
		for _, name := range names {
			if from[name] != i {
				continue
			}
			file := path.Join(dir, name)
			src, err := fs.ReadFile(l.fsys, l.file(file))
			if err != nil {
				return &ThemeError{File: l.where(file), Err: linkOut(err)}
			}
			if _, err := base.New(l.where(file)).Parse(string(src)); err != nil {
				return templateError(l.where(file), err)
			}
			t.note(l.where(file), string(src))
		}
	}
	p, ok, err := t.layout("partials.html", false)
	if err != nil || !ok {
		return err
	}
	if _, err := base.New(p.where).Parse(p.src); err != nil {
		return templateError(p.where, err)
	}
	t.note(p.where, p.src)
	return nil
}

// referenceLang is the language of the built-in table that holds every key
// the interface uses: every other table must give each of them.
const referenceLang = "zh-CN"

// loadTable reads the translation table of lang: i18n/<lang>.toml from the
// site's own folder, then themes/<name>/, then the built-in theme, a key's
// text coming from the first that has it. So a site that wants another
// word for one key holds a file with just that key, and one in a language
// the theme lacks holds the whole table. A key of the built-in zh-CN table
// that the merged table lacks is an error naming the key and the table.
func (t *Theme) loadTable(lang string) error {
	name := "i18n/" + lang + ".toml"
	var files []i18n.File
	for _, l := range t.layers {
		data, err := fs.ReadFile(l.fsys, l.file(name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return &ThemeError{File: l.where(name), Err: linkOut(err)}
		}
		files = append(files, i18n.File{Name: l.where(name), Src: data})
		t.note(l.where(name), string(data))
	}
	if len(files) == 0 {
		return &ThemeError{File: name, Err: fmt.Errorf("there is no translation table for language %q: the built-in theme has zh-CN and en; for another language write the whole table into %s (copy themes/default/i18n/en.toml from gongkai's source)", lang, name)}
	}
	ref, err := fs.ReadFile(defaulttheme.FS(), "i18n/"+referenceLang+".toml")
	if err != nil {
		return &ThemeError{File: "themes/default/i18n/" + referenceLang + ".toml", Err: err}
	}
	t.note("reference table", string(ref))
	refTable, err := i18n.Parse(referenceLang, []i18n.File{{Name: "themes/default/i18n/" + referenceLang + ".toml", Src: ref}}, nil)
	if err != nil {
		return asThemeError(err)
	}
	if t.table, err = i18n.Parse(lang, files, refTable.Keys()); err != nil {
		return asThemeError(err)
	}
	return nil
}

func asThemeError(err error) error {
	if e, ok := errors.AsType[*i18n.Error](err); ok {
		return &ThemeError{File: e.File, Err: e.Err}
	}
	return err
}

// themeLayers is the theme called name for the site in fsys, with its
// places to look files up in and nothing read yet.
func themeLayers(fsys fs.FS, name string) (*Theme, error) {
	t := &Theme{pages: map[string]*template.Template{}}
	t.layers = append(t.layers, layer{fsys: fsys, dir: ".", site: true})
	dir := path.Join("themes", name)
	switch fi, err := fs.Stat(fsys, dir); {
	case err == nil && fi.IsDir():
		t.layers = append(t.layers, layer{fsys: fsys, dir: dir})
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, &ThemeError{File: dir, Err: err}
	case name != "default":
		return nil, &ThemeError{File: dir, Err: fmt.Errorf("there is no theme %q: make the folder %s, or leave theme out of site.toml for the built-in theme \"default\"", name, dir)}
	}
	t.layers = append(t.layers, layer{fsys: defaulttheme.FS(), dir: ".", builtIn: true})
	return t, nil
}

// LoadTable reads the translation table of lang for the site in fsys and
// its theme called name, as LoadTheme does, without the layouts: the words
// the site's Go code writes into pages and files. Problems are returned as
// a *ThemeError.
func LoadTable(fsys fs.FS, name, lang string) (*i18n.Table, error) {
	t, err := themeLayers(fsys, name)
	if err != nil {
		return nil, err
	}
	if err := t.loadTable(lang); err != nil {
		return nil, err
	}
	return t.table, nil
}

// layoutFile is a layout's text and the name messages give it.
type layoutFile struct{ src, where string }

// layout reads layouts/<name> from the first layer that has it. Without
// the file anywhere, an optional layout is not ok and a required one an error.
func (t *Theme) layout(name string, required bool) (f layoutFile, ok bool, err error) {
	l, src, err := t.read("layouts/"+name, true)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !required:
		return f, false, nil
	case errors.Is(err, fs.ErrNotExist):
		return f, false, &ThemeError{File: "layouts/" + name, Err: fmt.Errorf("no layout %s: neither the site, its theme nor the built-in theme has it", name)}
	case err != nil:
		return f, false, &ThemeError{File: l.where("layouts/" + name), Err: linkOut(err)}
	}
	return layoutFile{string(src), l.where("layouts/" + name)}, true, nil
}

// read reads a theme file from the first layer that has it; withSite says
// whether the site's own folder is one of them (for layouts/ and static/).
func (t *Theme) read(name string, withSite bool) (layer, []byte, error) {
	for _, l := range t.layers {
		if l.site && !withSite {
			continue
		}
		data, err := fs.ReadFile(l.fsys, l.file(name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		return l, data, err
	}
	return layer{}, nil, fs.ErrNotExist
}

// loadVendor reads theme.toml strictly and finds every vendor file it names:
// in the theme folder's node_modules/ when it has it, else in the built-in
// theme (whose npm files `make theme` built into the binary).
func (t *Theme) loadVendor() error {
	l, src, err := t.read("theme.toml", false)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &ThemeError{File: l.where("theme.toml"), Err: err}
	}
	var tf themeFile
	dec := toml.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&tf); err != nil {
		return &ThemeError{File: l.where("theme.toml"), Err: err}
	}
	for i, v := range tf.Vendor {
		if !fs.ValidPath(v.From) || !fs.ValidPath(v.To) {
			return &ThemeError{File: l.where("theme.toml"), Err: fmt.Errorf("vendor paths must stay inside the theme and the site: %q → %q", v.From, v.To)}
		}
		found := false
		for _, in := range t.layers {
			if in.site {
				continue
			}
			if _, err := fs.Stat(in.fsys, in.file(v.From)); err == nil {
				tf.Vendor[i].in, found = in, true
				break
			}
		}
		if !found {
			return &ThemeError{File: l.where("theme.toml"), Err: missingVendor(t.layers, v.From)}
		}
	}
	t.vendor = tf.Vendor
	return nil
}

// missingVendor says how to get a vendor file that no layer has.
func missingVendor(layers []layer, from string) error {
	for _, l := range layers {
		if !l.site && !l.builtIn {
			return fmt.Errorf("%s is missing: install the theme's packages with `npm ci` in %s (make build does it); this gongkai binary was built without it too", l.file(from), l.dir)
		}
	}
	return fmt.Errorf("the built-in theme's %s is not in this gongkai binary: it was built without the theme's npm packages (a plain `go build` leaves them out). Build gongkai with `make build`, which installs them with npm ci and builds them in", from)
}

// CopyStatic copies the theme's static files and its vendor files to the
// output, in path order: a file of the site's static/ before one of the
// same path in themes/<name>/static/, which comes before the built-in
// theme's, which comes before a vendor file. Dot files are left out. It
// returns where each file it wrote came from (static/robots.txt,
// themes/default/static/assets/site.css), by its path in the output.
func (t *Theme) CopyStatic(out Sink) (map[string]string, error) {
	type source struct {
		in   layer
		name string // in the layer
	}
	files := map[string]source{}
	for _, l := range t.layers {
		root := l.file("static")
		err := fs.WalkDir(l.fsys, root, func(p string, d fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return nil
			}
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return err
			}
			to := strings.TrimPrefix(p, root+"/")
			if _, ok := files[to]; !ok {
				files[to] = source{l, strings.TrimPrefix(p, l.dir+"/")}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("copy %s: %w", l.where("static"), err)
		}
	}
	for _, v := range t.vendor {
		if _, ok := files[v.To]; !ok {
			files[v.To] = source{v.in, v.From}
		}
	}
	from := make(map[string]string, len(files))
	for _, to := range slices.Sorted(maps.Keys(files)) {
		src := files[to]
		data, err := fs.ReadFile(src.in.fsys, src.in.file(src.name))
		if err != nil {
			return nil, &ThemeError{File: src.in.where(src.name), Err: linkOut(err)}
		}
		if err := out.Put(to, data); err != nil {
			return nil, err
		}
		from[to] = src.in.where(src.name)
	}
	return from, nil
}

// builtInLayouts are the page layouts of the built-in theme: every
// layouts/*.html but base.html.
func builtInLayouts() []string {
	var out []string
	files, _ := fs.Glob(defaulttheme.FS(), "layouts/*.html")
	for _, f := range files {
		if name := strings.TrimSuffix(path.Base(f), ".html"); name != "base" {
			out = append(out, name)
		}
	}
	return out
}
