package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"

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
