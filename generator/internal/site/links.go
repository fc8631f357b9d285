package site

import (
	"io"

	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/linkcheck"
)

// linkSink passes the output on and shows every file to the link check;
// HTML pages are read for their links and ids as they go by.
type linkSink struct {
	Sink
	check *linkcheck.Checker
}

// Put implements Sink.
func (s linkSink) Put(name string, data []byte) error {
	s.check.Page(name, data)
	return s.Sink.Put(name, data)
}

// PutStream implements Sink. Streamed files are downloads, never pages.
func (s linkSink) PutStream(name string, write func(io.Writer) error) error {
	s.check.File(name)
	return s.Sink.PutStream(name, write)
}

// checkLinks fails the build when a page links to a page, file or anchor
// the site does not have: each such link is an error at its page, line
// and column in the output, naming the Markdown file the page is made
// from, where staff fix it.
func checkLinks(c *linkcheck.Checker, in *input) error {
	from := map[string]string{}
	for _, p := range in.pages {
		if !isHome(p) && !isSectionIndex(p) {
			from[pagePath(p)[1:]+"index.html"] = p.Path
		}
	}
	var diags diag.List
	for _, b := range c.Check() {
		msg := b.Message()
		if src, ok := from[b.Page]; ok {
			msg += " (the page is made from " + src + ")"
		}
		diags.Errorf(diag.Pos{File: b.Page, Line: b.Line, Col: b.Col}, "%s", msg)
	}
	return diags.Err()
}
