package policy

import (
	"cmp"
	"fmt"
	"html"
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/generator/internal/content"
	"gongkai/generator/internal/diag"
)

// Folder is the folder under content/ that holds policy documents.
const Folder = "policy"

// Document is one policy document with its structure.
type Document struct {
	Path             string // content file, e.g. content/policy/decision.md
	Slug             string
	Title            string
	Weight           int
	Date             string // the day it was issued, YYYY-MM-DD, or ""
	DocumentNumber   string
	SourceURL        string
	SourcePage       int
	Completeness     string // content.Complete, content.Truncated or content.Missing
	CompletenessNote string

	// Preamble, Closing, Intro and Paragraphs hold rendered blocks, each a whole
	// element ("<p>…</p>", or a list or table where the text has one).
	Preamble []template.HTML // blocks before the first section
	Sections []*Section
	Closing  []template.HTML // blocks after a thematic break

	preambleText, closingText string
}

// Anchor returns the plain text at an anchor id — a clause with its items, a
// nested item, the preamble or the closing — and whether the id exists.
func (d *Document) Anchor(id string) (string, bool) {
	switch id {
	case d.PreambleID():
		return d.preambleText, d.Preamble != nil
	case d.ClosingID():
		return d.closingText, d.Closing != nil
	}
	for _, s := range d.Sections {
		for _, c := range s.Clauses {
			if c.ID == id {
				text := c.Text
				for _, it := range c.Items {
					text += it.Text
				}
				return text, true
			}
			for _, it := range c.Items {
				if it.ID == id {
					return it.Text, true
				}
			}
		}
	}
	return "", false
}

// Section is a numbered part of a document ("一、…").
type Section struct {
	ID      string
	Number  int
	Title   string        // plain text, as written
	Heading template.HTML // rendered heading text
	Intro   []template.HTML
	Clauses []*Clause
}

// Clause is a numbered clause, or an item nested in one.
type Clause struct {
	ID         string
	Number     int
	Marker     string // the marker as written: "1.", "3、", "（五）"
	Title      string // the clause's short title, the text up to its first "。" when short
	Paragraphs []template.HTML
	Text       string // the plain text of its paragraphs (not its items), for finding quotes
	Items      []*Clause
	Line       int
}

// PreambleID is the anchor of the document's opening paragraphs.
func (d *Document) PreambleID() string { return d.Slug + "-preamble" }

// ClosingID is the anchor of the document's closing paragraphs.
func (d *Document) ClosingID() string { return d.Slug + "-closing" }

// Clauses returns every clause and nested item in document order.
func (d *Document) Clauses() []*Clause {
	var out []*Clause
	for _, s := range d.Sections {
		for _, c := range s.Clauses {
			out = append(out, c)
			out = append(out, c.Items...)
		}
	}
	return out
}

// ClauseCount is the number of top-level clauses.
func (d *Document) ClauseCount() int {
	n := 0
	for _, s := range d.Sections {
		n += len(s.Clauses)
	}
	return n
}

// HasText reports whether the document's text is available at all.
func (d *Document) HasText() bool { return d.Completeness != content.Missing }

// markerStyle is a numbering style; a change of style inside a clause opens a nested item.
type markerStyle int

const (
	arabicDot markerStyle = iota + 1 // 1.
	arabicDun                        // 1、
	hanParen                         // （一）
)

var (
	arabicRE = regexp.MustCompile(`^([0-9]{1,3})([.．、])`)
	hanRE    = regexp.MustCompile(`^[（(]([一二三四五六七八九十百]{1,4})[）)]`)
	hanNumRE = regexp.MustCompile(`^([一二三四五六七八九十百]{1,4})、`)
)

// marker recognises a clause marker at the start of a paragraph.
func marker(text string) (style markerStyle, n int, m string, ok bool) {
	if g := arabicRE.FindStringSubmatch(text); g != nil {
		n, _ := strconv.Atoi(g[1])
		if g[2] == "、" {
			return arabicDun, n, g[0], true
		}
		return arabicDot, n, g[0], true
	}
	if g := hanRE.FindStringSubmatch(text); g != nil {
		if n, ok := HanNumber(g[1]); ok {
			return hanParen, n, g[0], true
		}
	}
	return 0, 0, "", false
}

// HanNumber converts a Chinese numeral from 一 to 九百九十九 to an integer.
func HanNumber(s string) (int, bool) {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, -1
	for _, r := range s {
		switch r {
		case '十', '百':
			unit := 10
			if r == '百' {
				unit = 100
			}
			if cur < 0 {
				cur = 1
			}
			total += cur * unit
			cur = -1
		default:
			d, ok := digits[r]
			if !ok || cur >= 0 {
				return 0, false
			}
			cur = d
		}
	}
	if cur > 0 {
		total += cur
	}
	return total, total > 0
}

// Parse gives a policy page its structure, reporting numbering problems into diags.
func Parse(p *content.Page, diags *diag.List) *Document {
	d := &Document{
		Path: p.Path, Slug: p.Meta.Slug, Title: p.Meta.Title, Weight: p.Meta.Weight,
		DocumentNumber: p.Meta.DocumentNumber, SourceURL: p.Meta.SourceURL, SourcePage: p.Meta.SourcePage,
		Completeness: cmp.Or(p.Meta.Completeness, content.Complete), CompletenessNote: p.Meta.CompletenessNote,
		Date: p.Meta.Date,
	}
	at := func(line int) diag.Pos { return diag.Pos{File: p.Path, Line: line, Col: 1} }
	blocks := p.Blocks(diags)
	switch {
	case d.Completeness == content.Missing && len(blocks) > 0:
		diags.Errorf(at(blocks[0].Line), "completeness is %q but the document has text: remove the text or the completeness line", content.Missing)
	case d.Completeness != content.Missing && len(blocks) == 0:
		diags.Errorf(at(p.BodyLine), "the document has no text: add it, or mark the document \"completeness: missing\" with a completeness_note")
	}
	if d.Completeness != content.Complete && strings.TrimSpace(d.CompletenessNote) == "" {
		diags.Errorf(at(1), "a %s document needs a completeness_note saying in plain words what is missing", d.Completeness)
	}

	var (
		top       markerStyle // the style of top-level clauses, fixed by the first clause
		sec       *Section
		clause    *Clause // the current top-level clause
		item      *Clause // the current nested item
		lastTop   int
		inClosing bool
	)
	appendPara := func(h template.HTML, text string) {
		switch {
		case inClosing:
			d.Closing = append(d.Closing, h)
			d.closingText += text
		case item != nil:
			item.Paragraphs = append(item.Paragraphs, h)
			item.Text += text
		case clause != nil:
			clause.Paragraphs = append(clause.Paragraphs, h)
			clause.Text += text
		case sec != nil:
			sec.Intro = append(sec.Intro, h)
		default:
			d.Preamble = append(d.Preamble, h)
			d.preambleText += text
		}
	}
	for _, b := range blocks {
		switch b.Kind {
		case content.Break:
			if inClosing {
				diags.Errorf(at(b.Line), "a second \"***\": the closing of a document starts at its one thematic break")
			}
			inClosing = true
			continue
		case content.Heading:
			if b.Level != 2 {
				diags.Errorf(at(b.Line), "only \"## \" section headings are allowed in a policy document (this one is level %d)", b.Level)
				continue
			}
			if inClosing {
				diags.Errorf(at(b.Line), "a section heading after the closing \"***\": move the break to the end")
				continue
			}
			k := len(d.Sections) + 1
			if g := hanNumRE.FindStringSubmatch(b.Text); g != nil {
				if n, _ := HanNumber(g[1]); n != k {
					diags.Errorf(at(b.Line), "section %q is numbered %d but is section %d of the document", b.Text, n, k)
				}
			}
			sec = &Section{ID: fmt.Sprintf("%s-s%d", d.Slug, k), Number: k, Title: b.Text, Heading: b.Inner}
			d.Sections = append(d.Sections, sec)
			clause, item = nil, nil
			continue
		case content.Other:
			appendPara(b.HTML, b.Text)
			continue
		}
		style, n, m, ok := marker(b.Text)
		if !ok || inClosing {
			appendPara(b.HTML, b.Text)
			continue
		}
		if top == 0 {
			top = style
		}
		if style == top {
			if n != lastTop+1 {
				diags.Errorf(at(b.Line), "clause %s comes after clause %d: expected clause %d (numbers run on through the whole document)", m, lastTop, lastTop+1)
			}
			lastTop = n
			if sec == nil {
				diags.Errorf(at(b.Line), "clause %s comes before the first \"## \" section heading", m)
				sec = &Section{ID: d.Slug + "-s0"}
				d.Sections = append(d.Sections, sec)
			}
			clause = newClause(fmt.Sprintf("%s-%d", d.Slug, n), n, m, b)
			sec.Clauses = append(sec.Clauses, clause)
			item = nil
			continue
		}
		if clause == nil {
			diags.Errorf(at(b.Line), "%s is numbered like an item inside a clause, but no clause (%s) has started in this section", m, topExample(top))
			appendPara(b.HTML, b.Text)
			continue
		}
		if want := len(clause.Items) + 1; n != want {
			diags.Errorf(at(b.Line), "item %s in clause %s: expected item %d", m, clause.Marker, want)
		}
		item = newClause(fmt.Sprintf("%s.%d", clause.ID, n), n, m, b)
		clause.Items = append(clause.Items, item)
	}
	return d
}

// newClause starts a clause at paragraph b, setting its marker and short
// title in bold when the paragraph opens with them.
func newClause(id string, n int, m string, b content.Block) *Clause {
	c := &Clause{ID: id, Number: n, Marker: m, Title: shortTitle(b.Text, m), Line: b.Line, Text: b.Text}
	first := string(b.HTML)
	lead := html.EscapeString(m)
	if strings.HasPrefix(b.Text, m+c.Title+"。") {
		lead = html.EscapeString(m + c.Title + "。")
	}
	if rest, ok := strings.CutPrefix(first, "<p>"+lead); ok {
		first = `<p><strong class="clause-lead">` + lead + `</strong>` + rest
	}
	c.Paragraphs = []template.HTML{template.HTML(first)} //nolint:gosec // built from goldmark's escaped output
	return c
}

// topExample shows the marker style of a document's clauses.
func topExample(s markerStyle) string {
	switch s {
	case arabicDot:
		return "1."
	case arabicDun:
		return "1、"
	default:
		return "（一）"
	}
}

// shortTitle is the clause's text after its marker up to the first "。", when
// that makes a short title ("1.重大意义。…" → "重大意义").
func shortTitle(text, marker string) string {
	rest := strings.TrimPrefix(text, marker)
	if t, _, ok := strings.Cut(rest, "。"); ok && utf8.RuneCountInString(t) <= 32 {
		return t
	}
	r := []rune(rest)
	if len(r) > 24 {
		return string(r[:24]) + "…"
	}
	return rest
}

// Sort orders documents by weight, then slug.
func Sort(docs []*Document) {
	slices.SortFunc(docs, func(a, b *Document) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.Slug, b.Slug))
	})
}
