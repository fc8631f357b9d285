package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
	"time"

	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/policy"
)

// Sink receives the output files of a build, by slash-separated path under
// the output folder. Put takes a small file whole; PutStream lets a large one
// (a dataset download) be written piece by piece without holding it in memory.
type Sink interface {
	Put(name string, data []byte) error
	PutStream(name string, write func(io.Writer) error) error
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
	// clause pairs a clause with the badges of the page, for the recursive
	// clause template; then, optionally, the document's language when it is
	// not the site's (else "") and the site's, which the interface's words
	// inside the document (badges, anchor labels) then carry.
	"clause": func(c *policy.Clause, b map[string][]Badge, langs ...string) clauseView {
		v := clauseView{Clause: c, Badges: b}
		if len(langs) == 2 {
			v.DocLang, v.SiteLang = langs[0], langs[1]
			if v.DocLang != "" {
				v.UILang = v.SiteLang
			}
		}
		return v
	},
	// licenseLink is the site's licence, linked when it has an address.
	"licenseLink": func(s *Site) template.HTML {
		if s.LicenseURL == "" {
			return template.HTML(i18n.EscapeHTML(s.LicenseName))
		}
		return template.HTML(`<a href="` + i18n.EscapeHTML(s.LicenseURL) + `" rel="license">` + i18n.EscapeHTML(s.LicenseName) + `</a>`)
	},
	// sourceLink is a source's title, linked when it has an address.
	"sourceLink": func(url, title string) template.HTML {
		if url == "" {
			return template.HTML(i18n.EscapeHTML(title))
		}
		return template.HTML(`<a href="` + i18n.EscapeHTML(url) + `" rel="nofollow noopener">` + i18n.EscapeHTML(title) + `</a>`)
	},
}

// textFuncs are the functions that write the interface's words in the
// site's language, from its translation table:
//
//	{{T "nav.home"}}                       the text of a key
//	{{T "commitments.count" "n" .Total}}   with its {n} filled (ints get the language's separators)
//	{{T "footer.checked_html" "iso" .Site.AsOf}}  a key ending in _html is markup the table wrote; arguments are escaped
//	{{day .Site.AsOf}}                     a YYYY-MM-DD day as the language writes it
//	{{num 12000}}                          an integer as the language writes it
//
// A key the table lacks stops the page with an error naming key and table.
func textFuncs(t *i18n.Table) template.FuncMap {
	return template.FuncMap{
		"T": func(key string, args ...any) (any, error) {
			if strings.HasSuffix(key, "_html") {
				return t.HTML(key, args...)
			}
			return t.Lookup(key, args...)
		},
		"day": func(iso string) string {
			d, err := time.Parse(time.DateOnly, iso)
			if err != nil {
				return iso
			}
			return t.Date(d)
		},
		"num": t.Int,
	}
}

// clauseView is a clause and the commitment badges of its document.
type clauseView struct {
	*policy.Clause
	Badges   map[string][]Badge
	DocLang  string // the document's language when it is not the site's, else ""
	SiteLang string
	UILang   string // the site's language when the document's differs, else "": the lang of interface words in the text
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
	b := buffers.Get().(*bytes.Buffer)
	defer func() {
		if b.Cap() <= maxPooled {
			b.Reset()
			buffers.Put(b)
		}
	}()
	if err := tmpl.Execute(b, view); err != nil {
		te := templateError("layouts/"+kind+".html", err)
		te.Err = fmt.Errorf("%w (making %s)", te.Err, name)
		return nil, te
	}
	return bytes.Clone(b.Bytes()), nil
}

// buffers hold pages as they are made: grown from nothing, a notice's
// buffer was copied seven times on its way to 6 KB. Each page is copied
// out once, at its size; a buffer grown past maxPooled is let go.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

const maxPooled = 1 << 20
