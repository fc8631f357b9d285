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
)

// Sink receives the output files of a build, by slash-separated path under
// the output folder. Put takes a small file whole; PutStream lets a large one
// (a dataset download) be written piece by piece without holding it in memory.
type Sink interface {
	Put(name string, data []byte) error
	PutStream(name string, write func(io.Writer) error) error
}

// Kinds of page a theme must provide, one layouts/<kind>.html each.
var kinds = []string{"home", "policy-index", "document", "page", "404", "data-index", "dataset"}

// Theme is a parsed theme.
type Theme struct {
	dir   string
	fsys  fs.FS
	pages map[string]*template.Template
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
	"add": func(a, b int) int { return a + b },
}

// Render executes the layout of kind with view and writes it to out at name.
func (t *Theme) Render(out Sink, name, kind string, view any) error {
	tmpl, ok := t.pages[kind]
	if !ok {
		return fmt.Errorf("render %s: theme has no layout %q", name, kind)
	}
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "base.html", view); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	return out.Put(name, b.Bytes())
}

// CopyStatic copies the theme's static/ folder to the output, in path order.
func (t *Theme) CopyStatic(out Sink) error {
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
