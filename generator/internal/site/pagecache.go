package site

import (
	"crypto/sha256"
	"os"
	"sync"

	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/render"
)

// pageCache spares a build the rendering of the pages that would come out
// as they did in the last build: a page is rendered from its layout and
// its view by the theme, so one whose view sums up as the view of the
// page at the same path in the last build (viewSums), made with a theme
// of the same digest by the same gongkai, is that page. Its bytes are
// taken from the published site — when they are still the bytes that
// build rendered (their SHA-256, noted then) — and go to the output as a
// rendered page does: checked for links, kept as the published file.
//
// The last build's pages are one result (see results), under a key of
// the output's own: the file, the sum of its view and the sum of what was
// rendered, for every page rendered or taken. A page whose Markdown is
// rendered with it (a content page) is made from its view and its
// Markdown's BodySum, and keeps the warnings rendering it gave, which are
// told again when it is taken. A view holding a function has no sum: its
// page is always rendered.
type pageCache struct {
	kept  *results // where the last build's pages are kept; nil: in reuse
	key   string   // the result holding them
	reuse *Reuse   // gongkai serve's builds: they are kept in memory
	theme [sha256.Size]byte
	prev  map[string]pageSum // the last build's pages, by file
	// last reads the last build's file at a path.
	last func(name string) ([]byte, error)
	sums viewSums

	mu   sync.Mutex
	next map[string]pageSum // this build's
	hits int
}

// pageSum is what made a page and what it was: the SHA-256 of its view,
// layout and theme, and of its bytes.
type pageSum struct {
	View, HTML [sha256.Size]byte
	Told       []diag.Diagnostic // what rendering its Markdown reported: warnings
}

// previousSite is a Sink that knows where the published site has a file
// (the staging folder does).
type previousSite interface {
	prevFile(name string) string
}

// servedSite is a Sink that holds the site built before it in memory
// (gongkai serve's): Previous is a file of that site.
type servedSite interface {
	Previous(name string) ([]byte, bool)
}

// openPages opens the page cache of a build into out with the theme: the
// last build's pages are kept in the results and its files published, or
// — gongkai serve — both are in memory (reuse, and out's Previous). nil —
// every page rendered — otherwise.
func openPages(kept *results, reuse *Reuse, theme *render.Theme, out Sink) *pageCache {
	c := &pageCache{theme: theme.Digest(), next: map[string]pageSum{}}
	if site, ok := out.(previousSite); ok && kept != nil {
		c.kept, c.key = kept, kept.key("pages")
		c.last = func(name string) ([]byte, error) { return os.ReadFile(site.prevFile(name)) }
		if !kept.get(c.key, &c.prev) {
			c.prev = nil
		}
		return c
	}
	if site, ok := out.(servedSite); ok && reuse != nil {
		c.reuse, c.prev = reuse, reuse.pages
		c.last = func(name string) ([]byte, error) {
			if b, ok := site.Previous(name); ok {
				return b, nil
			}
			return nil, os.ErrNotExist
		}
		return c
	}
	return nil
}

// sum is what p is made from; false when it cannot be summed.
func (c *pageCache) sum(p page) ([sha256.Size]byte, bool) {
	if c == nil {
		return [sha256.Size]byte{}, false
	}
	v := p.view
	var body [sha256.Size]byte
	if cp, ok := v.(contentPage); ok { // its Markdown, rendered with it: what it is made from
		v, body = cp.view, cp.md.BodySum()
	}
	view, ok := c.sums.sum(v)
	if !ok {
		return view, false
	}
	h := sha256.New()
	h.Write(c.theme[:])
	h.Write(view[:])
	h.Write(body[:])
	for _, s := range []string{p.file, p.kind} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return [sha256.Size]byte(h.Sum(nil)), true
}

// take returns the published bytes of the page p made from view, when
// they are those the last build rendered from the same, and what
// rendering its Markdown reported then.
func (c *pageCache) take(p page, view [sha256.Size]byte) ([]byte, []diag.Diagnostic, bool) {
	last, ok := c.prev[p.file]
	if !ok || last.View != view {
		return nil, nil, false
	}
	b, err := c.last(p.file)
	if err != nil || sha256.Sum256(b) != last.HTML {
		return nil, nil, false
	}
	c.mu.Lock()
	c.hits++
	c.next[p.file] = last
	c.mu.Unlock()
	return b, last.Told, true
}

// note records that the page p, made from view, is html, and that making
// it reported told (warnings).
func (c *pageCache) note(p page, view [sha256.Size]byte, html []byte, told []diag.Diagnostic) {
	s := pageSum{View: view, HTML: sha256.Sum256(html), Told: told}
	c.mu.Lock()
	c.next[p.file] = s
	c.mu.Unlock()
}

// finish keeps this build's pages for the next, when it wrote them all.
func (c *pageCache) finish(ok bool) {
	switch {
	case c == nil || !ok:
	case c.kept != nil:
		c.kept.put(c.key, c.next)
	default:
		c.reuse.pages = c.next
	}
}

// hitCount is how many pages were taken; 0 without a cache.
func (c *pageCache) hitCount() int {
	if c == nil {
		return 0
	}
	return c.hits
}
