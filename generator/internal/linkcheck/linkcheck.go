package linkcheck

import (
	"bytes"
	"cmp"
	"fmt"
	"gongkai/generator/internal/diag"
	"html"
	"net/url"
	"path"
	"slices"
	"strings"
)

// Checker collects the files and links of a site as it is written. The zero
// value is not ready: use New. Its methods are not safe for concurrent use.
type Checker struct {
	basePath string            // "/" or "/portal/"
	files    map[string]bool   // every output file, by slash path
	allIDs   map[string][]byte // every HTML page's ids, joined by NUL, by file
	links    map[string]*place // each distinct link target (file + "#" + anchor) and where it first occurs
	outside  map[string]*place // links to site paths outside the base path
	targets  map[string]target // what each address written as a site path ("/a/#b") leads to
	pages    int
}

// target is where an address leads: key of links or outside, or nowhere
// to check (another host, mailto:…).
type target struct {
	in  map[string]*place // links, outside, or nil: not the site's to check
	key string
}

// place is where a link occurs: the page, its line and column, and the
// address as written.
type place struct {
	page      string
	line, col int
	href      string
	count     int // how many pages hold the same target
	last      string
}

// New returns a Checker for a site published under basePath ("/" or "/portal/").
func New(basePath string) *Checker {
	if !strings.HasSuffix(basePath, "/") {
		basePath += "/"
	}
	return &Checker{basePath: basePath, files: map[string]bool{}, allIDs: map[string][]byte{}, links: map[string]*place{}, outside: map[string]*place{}, targets: map[string]target{}}
}

// File records an output file that is not scanned (a download, a script).
func (c *Checker) File(name string) { c.files[name] = true }

// Page records an output file and, when it is an HTML page, its ids and links.
func (c *Checker) Page(name string, data []byte) {
	c.files[name] = true
	if !strings.HasSuffix(name, ".html") {
		return
	}
	c.pages++
	var ids []byte
	// Where a link is, counted only for a target not seen before (most
	// pages link where every page does): the cursor reads on from the last
	// link placed, so a page costs one pass at most.
	at := diag.NewCursor(data)
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '=')
		if j < 0 {
			break
		}
		eq := i + j
		i = eq + 1
		if i >= len(data) || data[i] != '"' {
			continue
		}
		attr := attrName(data, eq)
		if attr != "href" && attr != "src" && attr != "id" {
			continue
		}
		end := bytes.IndexByte(data[i+1:], '"')
		if end < 0 {
			break
		}
		val := data[i+1 : i+1+end]
		i = i + 1 + end + 1
		if attr == "id" {
			ids = append(append(ids, val...), 0)
			continue
		}
		t, ok := c.targets[string(val)]
		if !ok {
			href := string(val)
			t = c.target(name, href)
			if strings.HasPrefix(href, "/") { // the same from every page
				c.targets[href] = t
			}
		}
		if t.in != nil {
			c.note(t.in, t.key, name, val, func() (line, col int) { return at.LineCol(eq - len(attr)) })
		}
	}
	c.allIDs[name] = ids
}

// attrName is the attribute name ending just before data[eq] ('='), when
// it is href, src or id and follows whitespace inside a tag; "" otherwise.
func attrName(data []byte, eq int) string {
	start := eq
	for start > 0 && eq-start < 4 && data[start-1] >= 'a' && data[start-1] <= 'z' {
		start--
	}
	if start == 0 || (data[start-1] != ' ' && data[start-1] != '\n' && data[start-1] != '\t') {
		return ""
	}
	switch name := data[start:eq]; {
	case string(name) == "href":
		return "href"
	case string(name) == "src":
		return "src"
	case string(name) == "id":
		return "id"
	}
	return ""
}

// target is where the address raw, an href or src of page, leads.
func (c *Checker) target(page, raw string) target {
	href := raw
	if strings.Contains(href, "&") {
		href = html.UnescapeString(href)
	}
	if href == "" || strings.HasPrefix(href, "//") || hasScheme(href) {
		return target{} // another host, mailto:, data:…: not the site's to check
	}
	file, anchor, _ := strings.Cut(href, "#")
	if u, err := url.PathUnescape(anchor); err == nil {
		anchor = u
	}
	file, _, _ = strings.Cut(file, "?")
	switch {
	case file == "":
		file = page // #anchor on the same page
	default:
		p := file
		if !strings.HasPrefix(p, "/") { // relative to the page's folder
			p = path.Join("/"+c.basePath[1:]+path.Dir(page), p)
			if strings.HasSuffix(file, "/") {
				p += "/"
			}
		}
		if u, err := url.PathUnescape(p); err == nil {
			p = u
		}
		rest, ok := strings.CutPrefix(p, c.basePath)
		if !ok && p+"/" != c.basePath {
			return target{in: c.outside, key: p}
		}
		file = rest
		if file == "" || strings.HasSuffix(file, "/") {
			file += "index.html"
		}
	}
	return target{in: c.links, key: file + "#" + anchor}
}

// note keeps the first place of a link, written href, and counts the pages
// holding it.
func (c *Checker) note(m map[string]*place, key, page string, href []byte, at func() (line, col int)) {
	if p := m[key]; p != nil {
		if p.last != page {
			p.count++
			p.last = page
		}
		return
	}
	line, col := at()
	m[key] = &place{page: page, line: line, col: col, href: string(href), count: 1, last: page}
}

func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == ':':
			return i > 0
		case ch >= 'a' && ch <= 'z', ch >= 'A' && ch <= 'Z', i > 0 && (ch >= '0' && ch <= '9' || ch == '+' || ch == '-' || ch == '.'):
		default:
			return false
		}
	}
	return false
}

// Broken is an internal link that goes nowhere.
type Broken struct {
	Page      string // the output file holding it, e.g. method/index.html
	Line, Col int    // where in that file
	Href      string // the address as written in the page
	Reason    string // what is missing, in words
	Others    int    // how many other pages hold the same link
}

// Message says what is wrong, for a person to fix.
func (b Broken) Message() string {
	m := fmt.Sprintf("link %q goes nowhere: %s", b.Href, b.Reason)
	if b.Others > 0 {
		m += fmt.Sprintf(" (and %d other pages link there)", b.Others)
	}
	return m
}

// Check returns every broken link, by page and position.
func (c *Checker) Check() []Broken {
	var out []Broken
	broken := func(p *place, reason string) {
		out = append(out, Broken{Page: p.page, Line: p.line, Col: p.col, Href: p.href, Reason: reason, Others: p.count - 1})
	}
	ids := map[string]map[string]struct{}{} // made only for pages that anchors point to
	for key, p := range c.links {
		file, anchor, _ := strings.Cut(key, "#")
		switch {
		case !c.files[file] && !c.files[file+"/index.html"]:
			broken(p, fmt.Sprintf("the site has no page %s", c.sitePath(file)))
		case anchor == "":
		case !strings.HasSuffix(file, ".html"):
			broken(p, fmt.Sprintf("%s is not a page, so it has no #%s", c.sitePath(file), anchor))
		default:
			set, ok := ids[file]
			if !ok {
				set = map[string]struct{}{}
				for _, id := range bytes.Split(c.allIDs[file], []byte{0}) {
					set[html.UnescapeString(string(id))] = struct{}{}
				}
				ids[file] = set
			}
			if _, ok := set[anchor]; !ok {
				broken(p, fmt.Sprintf("%s has no id %q", c.sitePath(file), anchor))
			}
		}
	}
	for p, pl := range c.outside {
		broken(pl, fmt.Sprintf("%s is outside the site, which is published under %s", p, c.basePath))
	}
	slices.SortFunc(out, func(a, b Broken) int {
		return cmp.Or(cmp.Compare(a.Page, b.Page), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Href, b.Href))
	})
	return out
}

// sitePath is the address of an output file: /method/ for method/index.html.
func (c *Checker) sitePath(file string) string {
	if file == "index.html" {
		return c.basePath
	}
	if d, ok := strings.CutSuffix(file, "/index.html"); ok {
		return c.basePath + d + "/"
	}
	return c.basePath + file
}

// Pages is how many HTML pages were read.
func (c *Checker) Pages() int { return c.pages }
