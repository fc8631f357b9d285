package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"gongkai/generator/internal/policy"
)

// Sink receives the output files of a build, by slash-separated path under
// the output folder. Put takes a small file whole; PutStream lets a large one
// (a dataset download) be written piece by piece without holding it in memory.
type Sink interface {
	Put(name string, data []byte) error
	PutStream(name string, write func(io.Writer) error) error
}

// Kinds of page a theme must provide, one layouts/<kind>.html each.
var kinds = []string{"home", "policy-index", "document", "page", "404", "data-index", "dataset", "commitments", "commitment", "committees", "committees-city", "budgets", "budget-departments", "organizations", "org-list", "search"}

// Theme is a parsed theme.
type Theme struct {
	dir    string
	fsys   fs.FS
	pages  map[string]*template.Template
	vendor []vendorFile
}

// themeFile is the theme's theme.toml.
type themeFile struct {
	Vendor []vendorFile `toml:"vendor"`
}

// vendorFile is a file copied from the theme's npm packages into the site.
type vendorFile struct {
	From string `toml:"from"` // path in the theme folder, e.g. node_modules/echarts/dist/echarts.min.js
	To   string `toml:"to"`   // path in the site, e.g. assets/vendor/echarts.min.js
}

// LoadTheme parses the layouts of themes/<name> in fsys.
func LoadTheme(fsys fs.FS, name string) (*Theme, error) {
	dir := path.Join("themes", name)
	base, err := fs.ReadFile(fsys, path.Join(dir, "layouts", "base.html"))
	if err != nil {
		return nil, fmt.Errorf("theme %q: %w", name, err)
	}
	root, err := template.New("base.html").Funcs(funcs).Parse(string(base))
	if err != nil {
		return nil, fmt.Errorf("theme %q: %w", name, err)
	}
	if partials, err := fs.ReadFile(fsys, path.Join(dir, "layouts", "partials.html")); err == nil {
		if _, err := root.New("partials.html").Parse(string(partials)); err != nil {
			return nil, fmt.Errorf("theme %q: %w", name, err)
		}
	}
	t := &Theme{dir: dir, fsys: fsys, pages: map[string]*template.Template{}}
	if err := t.loadVendor(); err != nil {
		return nil, fmt.Errorf("theme %q: %w", name, err)
	}
	for _, kind := range kinds {
		file := path.Join(dir, "layouts", kind+".html")
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, fmt.Errorf("theme %q: %w", name, err)
		}
		tmpl, err := template.Must(root.Clone()).Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("theme %q: %w", name, err)
		}
		t.pages[kind] = tmpl
	}
	return t, nil
}

var funcs = template.FuncMap{
	// url prefixes a site path with the base path: {{url .Site "/policy/"}}.
	"url": func(s *Site, p string) string {
		return strings.TrimSuffix(s.BasePath, "/") + p
	},
	// abs is a page's published address: {{abs .Site .Path}}.
	"abs": func(s *Site, p string) string {
		return strings.TrimSuffix(s.BaseURL, "/") + p
	},
	"add": func(a, b int) int { return a + b },
	// clause pairs a clause with the badges of the page, for the recursive clause template.
	"clause": func(c *policy.Clause, b map[string][]Badge) clauseView { return clauseView{c, b} },
}

// clauseView is a clause and the commitment badges of its document.
type clauseView struct {
	*policy.Clause
	Badges map[string][]Badge
}

// Render executes the layout of kind with view and writes it to out at name.
func (t *Theme) Render(out Sink, name, kind string, view any) error {
	page, err := t.Page(name, kind, view)
	if err != nil {
		return err
	}
	return out.Put(name, page)
}

// Page renders the page of a kind from its view. It is safe to call from
// several goroutines at once.
func (t *Theme) Page(name, kind string, view any) ([]byte, error) {
	tmpl, ok := t.pages[kind]
	if !ok {
		return nil, fmt.Errorf("render %s: theme has no layout %q", name, kind)
	}
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "base.html", view); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	return b.Bytes(), nil
}

// loadVendor reads theme.toml strictly and checks every vendor file is there.
func (t *Theme) loadVendor() error {
	src, err := fs.ReadFile(t.fsys, path.Join(t.dir, "theme.toml"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var tf themeFile
	dec := toml.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&tf); err != nil {
		return fmt.Errorf("theme.toml: %w", err)
	}
	for _, v := range tf.Vendor {
		if !fs.ValidPath(v.From) || !fs.ValidPath(v.To) || strings.HasPrefix(v.To, "..") {
			return fmt.Errorf("theme.toml: vendor paths must stay inside the theme and the site: %q → %q", v.From, v.To)
		}
		if _, err := fs.Stat(t.fsys, path.Join(t.dir, v.From)); err != nil {
			return fmt.Errorf("%s is missing: install the theme's packages with `npm ci` in %s (make build does it)", path.Join(t.dir, v.From), t.dir)
		}
	}
	t.vendor = tf.Vendor
	return nil
}

// CopyStatic copies the theme's static/ folder and its vendor files to the output, in path order.
func (t *Theme) CopyStatic(out Sink) error {
	for _, v := range t.vendor {
		data, err := fs.ReadFile(t.fsys, path.Join(t.dir, v.From))
		if err != nil {
			return err
		}
		if err := out.Put(v.To, data); err != nil {
			return err
		}
	}
	root := path.Join(t.dir, "static")
	if _, err := fs.Stat(t.fsys, root); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return fs.WalkDir(t.fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		data, err := fs.ReadFile(t.fsys, p)
		if err != nil {
			return err
		}
		return out.Put(strings.TrimPrefix(p, root+"/"), data)
	})
}
