package content

import (
	"bytes"
	"fmt"
	"html/template"
	"path"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"gongkai/generator/internal/diag"
)

// markdown is the one goldmark configuration of the site: CommonMark plus GFM
// tables, strikethrough and autolinks, CJK-aware line breaks, and goldmark's safe
// defaults (raw HTML is dropped, javascript: and similar links are emptied).
var markdown = newMarkdown(nil, extension.GFM)

// policyMarkdown reads policy documents: the same configuration, except that a
// line starting with a number and "." or ")" ("1. 地区生产总值增长5.5%左右。",
// as Word types it) is text, not an ordered list. Its number is the original's
// clause marker: a list would renumber it, drop it from the text and give the
// clause no anchor. Bullet lists ("- ", "* ") are lists as usual.
var policyMarkdown = newMarkdown(policyParser(), extension.GFM)

// markdownNoLinks and policyMarkdownNoLinks are the two without GFM's
// autolinks (extension.Linkify), for a text that has nothing they could
// make a link of: tried at every space, they took a seventh of the
// parsing of a page that has none (see parserFor).
var (
	markdownNoLinks       = newMarkdown(nil, extension.Table, extension.Strikethrough, extension.TaskList)
	policyMarkdownNoLinks = newMarkdown(policyParser(), extension.Table, extension.Strikethrough, extension.TaskList)
)

// newMarkdown is the site's configuration with the parser p (nil: goldmark's)
// and the GFM extensions gfm.
func newMarkdown(p parser.Parser, gfm ...goldmark.Extender) goldmark.Markdown {
	opts := []goldmark.Option{
		goldmark.WithExtensions(append(gfm, extension.CJK)...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
		goldmark.WithRendererOptions(html.WithXHTML()),
	}
	if p != nil {
		opts = append([]goldmark.Option{goldmark.WithParser(p)}, opts...)
	}
	return goldmark.New(opts...)
}

func policyParser() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(policyBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
}

// parserFor is the parser for src, a policy document's (numbering kept) or
// another page's. GFM's autolinks make a link only of text starting with
// "http:", "https:", "ftp:" or "www.", or an e-mail address: a text holding
// none of these and no "@" is parsed without them, to the same page
// (FuzzParserFor).
func parserFor(src []byte, numbering bool) parser.Parser {
	linkable := bytes.Contains(src, []byte("http:")) || bytes.Contains(src, []byte("https:")) ||
		bytes.Contains(src, []byte("ftp:")) || bytes.Contains(src, []byte("www.")) || bytes.IndexByte(src, '@') >= 0
	switch {
	case numbering && linkable:
		return policyMarkdown.Parser()
	case numbering:
		return policyMarkdownNoLinks.Parser()
	case linkable:
		return markdown.Parser()
	}
	return markdownNoLinks.Parser()
}

// policyBlockParsers are goldmark's block parsers with the list parser
// refusing ordered lists, and a line that starts with a clause marker
// starting a paragraph of its own.
func policyBlockParsers() []util.PrioritizedValue {
	ps := parser.DefaultBlockParsers()
	list := reflect.TypeOf(parser.NewListParser())
	for i, p := range ps {
		if reflect.TypeOf(p.Value) == list {
			ps[i].Value = bulletListParser{p.Value.(parser.BlockParser)}
		}
	}
	// After every other block (headings, breaks, quotes win) and before the
	// plain paragraph, which is goldmark's last at 1000.
	return append(ps, util.Prioritized(markerParagraphParser{parser.NewParagraphParser()}, 999))
}

// markerParagraphParser starts a new paragraph at a line that starts with a
// clause marker (1. 1、 1） （一） （1） ① 2.1), even right under the line
// before: items pasted from Word one per line, with no blank line between,
// are clauses each, not one paragraph (Markdown would join them).
type markerParagraphParser struct{ parser.BlockParser }

// clauseLine matches a line that starts with a clause marker, as the policy
// package reads them (policy.parseMarker).
// A number followed by "." and a digit (3.5%) is a number, not a marker: a
// line that starts with one goes on the paragraph before it.
var clauseLine = regexp.MustCompile(`^[ \t]{0,3}(?:[0-9]{1,3}(?:[.．、][^0-9]|[.．、]\r?$|[）)])|[0-9]{1,3}(?:[.．][0-9]{1,3})+[ \t\x{3000}]|[（(](?:[一二三四五六七八九十百]{1,4}|[0-9]{1,3})[）)]|[\x{2460}-\x{2473}])`)

// Open implements parser.BlockParser.
func (p markerParagraphParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if line, _ := reader.PeekLine(); !clauseLine.Match(line) {
		return nil, parser.NoChildren
	}
	return p.BlockParser.Open(parent, reader, pc)
}

// CanInterruptParagraph implements parser.BlockParser: that is its purpose.
func (markerParagraphParser) CanInterruptParagraph() bool { return true }

// bulletListParser is goldmark's list parser opening bullet lists only: a
// line starting "1. " or "1) " is left to the paragraph parser (and so
// continues a paragraph it follows, as "1、" would).
type bulletListParser struct{ parser.BlockParser }

// orderedListLine matches a line goldmark would open an ordered list with.
var orderedListLine = regexp.MustCompile(`^[ \t]{0,3}[0-9]{1,9}[.)](?:[ \t]|\r?\n|$)`)

// Open implements parser.BlockParser.
func (p bulletListParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if line, _ := reader.PeekLine(); orderedListLine.Match(line) {
		return nil, parser.NoChildren
	}
	return p.BlockParser.Open(parent, reader, pc)
}

// KeepsNumbering reports whether the page is a policy document
// (content/policy/<slug>.md), whose Markdown is read by policyMarkdown.
func (p *Page) KeepsNumbering() bool {
	return p.Section == "policy" && path.Base(p.Path) != "_index.md"
}

// BlockKind says what a top-level Markdown block is.
type BlockKind int

// The kinds of top-level blocks the policy parser distinguishes.
const (
	Paragraph BlockKind = iota
	Heading
	Break // a thematic break ("***" or "---" in the body)
	Other // lists, quotes, tables, code: rendered as they are
)

// Block is one top-level block of a page's body.
type Block struct {
	Kind  BlockKind
	Level int           // heading level, for headings
	Text  string        // the block's plain text, for headings and paragraphs
	Inner template.HTML // the rendered content inside the block's own element
	HTML  template.HTML // the whole rendered block
	Line  int           // the file line the block starts on
}

// parsed is a page body parsed.
type parsed struct {
	root ast.Node
	src  []byte
}

// parse parses the body, reporting what will not be published into
// diags. Nothing is kept: each call reads and parses the body again, so a
// page's tree is held only while it is rendered.
func (p *Page) parse(diags *diag.List) parsed {
	src, err := p.markdownText()
	if err != nil {
		diags.Errorf(diag.Pos{File: p.Path, Line: p.BodyLine}, "%v", err)
		return parsed{root: ast.NewDocument()}
	}
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]int{}}))
	root := parserFor(src, p.KeepsNumbering()).Parse(text.NewReader(src), parser.WithContext(ctx))
	p.warnUnsafe(root, src, diags)
	p.rebase(root)
	return parsed{root: root, src: src}
}

// Check parses the body, reporting what will not be published (raw HTML,
// unsafe links) into diags, as HTML and Blocks do: for a page that is not
// rendered (gongkai check renders nothing).
func (p *Page) Check(diags *diag.List) {
	defer diag.Recover(diag.Pos{File: p.Path, Line: p.BodyLine}, diags)
	p.parse(diags)
}

// HTML renders the whole body, reporting what is not published into diags
// (see Check).
func (p *Page) HTML(diags *diag.List) template.HTML {
	defer diag.Recover(diag.Pos{File: p.Path, Line: p.BodyLine}, diags)
	pr := p.parse(diags)
	b := buffers.Get().(*bytes.Buffer)
	defer func() {
		if b.Cap() <= maxPooled {
			b.Reset()
			buffers.Put(b)
		}
	}()
	if err := markdown.Renderer().Render(b, pr.src, pr.root); err != nil {
		diags.Errorf(diag.Pos{File: p.Path, Line: p.BodyLine}, "cannot render the Markdown: %v", err)
	}
	return template.HTML(b.String()) //nolint:gosec // goldmark output with raw HTML disabled
}

// buffers hold bodies as they are rendered, each copied out once at its
// size; a buffer grown past maxPooled is let go.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

const maxPooled = 1 << 20

// Blocks returns the top-level blocks of the body, in order, each rendered and
// placed at its file line.
func (p *Page) Blocks(diags *diag.List) []Block {
	defer diag.Recover(diag.Pos{File: p.Path, Line: p.BodyLine}, diags)
	pr := p.parse(diags)
	var out []Block
	line := p.BodyLine
	at := p.positions(pr.src)
	for n := pr.root.FirstChild(); n != nil; n = n.NextSibling() {
		if l, _ := at(n); l > 0 {
			line = l
		}
		b := Block{Kind: Other, Line: line, HTML: p.render(pr, n)}
		switch n := n.(type) {
		case *ast.Paragraph:
			b.Kind, b.Text, b.Inner = Paragraph, plainText(n, pr.src), p.renderChildren(pr, n)
		case *ast.Heading:
			b.Kind, b.Level, b.Text, b.Inner = Heading, n.Level, plainText(n, pr.src), p.renderChildren(pr, n)
		case *ast.ThematicBreak:
			b.Kind = Break
		}
		out = append(out, b)
	}
	return out
}

func (p *Page) render(pr parsed, n ast.Node) template.HTML {
	var b bytes.Buffer
	_ = markdown.Renderer().Render(&b, pr.src, n) // writes to memory: cannot fail
	return template.HTML(b.String())              //nolint:gosec // goldmark output with raw HTML disabled
}

func (p *Page) renderChildren(pr parsed, n ast.Node) template.HTML {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.WriteString(string(p.render(pr, c)))
	}
	return template.HTML(b.String()) //nolint:gosec // goldmark output with raw HTML disabled
}

// positions returns a function giving the file line and column where a node
// starts, or 0, 0 if goldmark recorded no position for it. It reads the body
// once from where the last node was, so asking for every node of a walk, in
// order, costs one pass over the page (recounting from the top for each node
// took minutes on a large page).
func (p *Page) positions(src []byte) func(n ast.Node) (line, col int) {
	c := diag.NewCursor(src)
	return func(n ast.Node) (line, col int) {
		off := offset(n)
		if off < 0 {
			return 0, 0
		}
		line, col = c.LineCol(off)
		if line == 1 {
			return p.BodyLine, col
		}
		return p.BodyLine + line - 1, col
	}
}

// offset is where in the body n starts, or -1 if goldmark recorded no
// position for it.
func offset(n ast.Node) int {
	if off := n.Pos(); off >= 0 {
		return off
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	return -1
}

// hasPosition reports whether goldmark recorded where n starts.
func hasPosition(n ast.Node) bool { return offset(n) >= 0 }

// blocked reports whether a link's or image's address is not published:
// goldmark's dangerous ones (javascript:, data: but for some images…) and
// every data: address, which hides a page or an image of its own in the
// text. goldmark empties the dangerous ones as it writes them; blocked
// empties the data: images it would let through, so they are emptied too.
// It returns the address as written.
func blocked(dest *[]byte) ([]byte, bool) {
	d := *dest
	if html.IsDangerousURL(d) {
		return d, true
	}
	if t := bytes.TrimSpace(d); len(t) >= 5 && bytes.EqualFold(t[:5], []byte("data:")) {
		*dest = nil
		return d, true
	}
	return d, false
}

// plainText is the text of n and its descendants without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok {
					b.Write(s.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// rebase puts the base path in front of links to site paths ("/method/").
func (p *Page) rebase(root ast.Node) {
	if p.basePath == "" || p.basePath == "/" {
		return
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering && len(l.Destination) > 1 && l.Destination[0] == '/' && l.Destination[1] != '/' {
			l.Destination = append([]byte(strings.TrimSuffix(p.basePath, "/")), l.Destination...)
		}
		return ast.WalkContinue, nil
	})
}

// warnUnsafe reports what goldmark's safe rendering drops: raw HTML and links
// or images with a script-capable address. They are not published; staff are
// told where they are so they can remove them.
func (p *Page) warnUnsafe(root ast.Node, src []byte, diags *diag.List) {
	// A node without a position of its own is told at the last node before
	// it that has one. Positions are counted only for a warning: counting
	// every node's took as long as the rest of the check.
	var placed ast.Node
	rawLine := 0
	at := p.positions(src)
	pos := func() diag.Pos {
		line, col := p.BodyLine, 1
		if placed != nil {
			line, col = at(placed)
		}
		return diag.Pos{File: p.Path, Line: line, Col: col}
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if hasPosition(n) {
			placed = n
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			if where := pos(); where.Line != rawLine { // one warning per line, not one per tag
				diags.Warnf(where, "raw HTML is not published; write it in Markdown instead")
				rawLine = where.Line
			}
		case *ast.Link:
			if dest, ok := blocked(&n.Destination); ok {
				diags.Warnf(pos(), "link to %q is not published: only http, https, mailto and site links are allowed", dest)
			}
		case *ast.Image:
			if dest, ok := blocked(&n.Destination); ok {
				diags.Warnf(pos(), "image %q is not published: only http, https and site addresses are allowed", dest)
			}
		case *ast.AutoLink:
			if u := n.URL(src); html.IsDangerousURL(u) {
				diags.Warnf(pos(), "link to %q is not published", u)
			}
		}
		return ast.WalkContinue, nil
	})
}

// headingIDs gives headings readable, deterministic ids that keep Chinese
// characters ("关于本站" → "关于本站"), lowercase Latin letters, turn spaces and
// punctuation into single hyphens, and number repeats ("-2", "-3").
type headingIDs struct {
	seen map[string]int
}

// Generate implements parser.IDs.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	var b strings.Builder
	hyphen := false
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	id := b.String()
	if id == "" {
		id = "section"
	}
	h.seen[id]++
	if n := h.seen[id]; n > 1 {
		id = fmt.Sprintf("%s-%d", id, n)
	}
	return []byte(id)
}

// Put implements parser.IDs.
func (h *headingIDs) Put(value []byte) { h.seen[string(value)]++ }
