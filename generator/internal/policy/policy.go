package policy

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"gongkai/generator/internal/content"
)

// Folder is the folder under content/ that holds policy documents.
const Folder = "policy"

// Document is one policy document with its structure.
type Document struct {
	Path             string // content file, e.g. content/policy/decision.md
	Slug             string
	Title            string
	ShortTitle       string // the name lists give it beside each row; Title when front matter gives none
	Weight           int
	Date             string // the day it was issued, YYYY-MM-DD, or ""
	DateNote         string // how sure Date is, when it is not the issue date itself
	Issuer           string // the body that issued it, or ""
	Repost           bool   // the text is taken from a repost, not the official original
	Language         string // the language the text is written in (front matter language); "" = the site's
	DocumentNumber   string
	SourceURL        string
	SourcePage       int
	Completeness     string // content.Complete, content.Truncated or content.Missing
	CompletenessNote string

	// Preamble, Closing and Paragraphs hold rendered blocks, each a whole
	// element ("<p>…</p>", or a list or table where the text has one).
	Preamble []template.HTML // blocks before the first section
	Sections []*Section
	Closing  []template.HTML // blocks after a thematic break

	preambleText, closingText string
}

// Section is a numbered part of a document ("一、…").
type Section struct {
	ID      string
	Number  int
	Title   string        // plain text, as written
	Heading template.HTML // rendered heading text
	// Clauses are the section's clauses in order, between its passages: the
	// paragraphs before its first clause (IntroID) and after its last item
	// (ClosingID), when it has them.
	Clauses []*Clause
}

// IntroID is the anchor of the section's paragraphs before its first clause
// (all its paragraphs, when it has no clauses).
func (s *Section) IntroID() string { return s.ID + "-intro" }

// ClosingID is the anchor of the section's paragraphs after its last item.
func (s *Section) ClosingID() string { return s.ID + "-closing" }

// Clause is a numbered clause, an item nested in one, or a passage: a
// section's paragraphs without a number, which have no marker.
type Clause struct {
	ID         string
	Number     int    // the number as written (a decimal's last part), 0 for a passage
	Marker     string // the marker as written: "1.", "3、", "（五）", "2.1"; "" for a passage
	Title      string // the clause's short title, the text up to its first "。" when short
	Paragraphs []template.HTML
	Text       string // the plain text of its paragraphs (not its items), for finding quotes
	Items      []*Clause
	Line       int
}

// Numbered reports whether c is a clause or item, not a passage.
func (c *Clause) Numbered() bool { return c.Marker != "" }

// PreambleID is the anchor of the document's opening paragraphs.
func (d *Document) PreambleID() string { return d.Slug + "-preamble" }

// ClosingID is the anchor of the document's closing paragraphs.
func (d *Document) ClosingID() string { return d.Slug + "-closing" }

// Anchor returns the plain text at an anchor id — a section, a passage, a
// clause or item with the items nested in it, the preamble or the closing —
// and whether the id exists.
func (d *Document) Anchor(id string) (string, bool) {
	switch id {
	case d.PreambleID():
		return d.preambleText, d.Preamble != nil
	case d.ClosingID():
		return d.closingText, d.Closing != nil
	}
	for _, s := range d.Sections {
		if s.ID == id {
			var b strings.Builder
			for _, c := range s.Clauses {
				b.WriteString(c.fullText())
			}
			return b.String(), true
		}
	}
	for _, c := range d.Clauses() {
		if c.ID == id {
			return c.fullText(), true
		}
	}
	return "", false
}

// fullText is the text of c and every item nested in it.
func (c *Clause) fullText() string {
	text := c.Text
	for _, it := range c.Items {
		text += it.fullText()
	}
	return text
}

// Clauses returns every clause, nested item and passage in document order.
func (d *Document) Clauses() []*Clause {
	var out []*Clause
	var walk func(cs []*Clause)
	walk = func(cs []*Clause) {
		for _, c := range cs {
			out = append(out, c)
			walk(c.Items)
		}
	}
	for _, s := range d.Sections {
		walk(s.Clauses)
	}
	return out
}

// IDs returns every anchor id of the document in document order: the
// preamble, each section followed by its passages, clauses and items, and
// the closing.
func (d *Document) IDs() []string {
	var ids []string
	if d.Preamble != nil {
		ids = append(ids, d.PreambleID())
	}
	var walk func(cs []*Clause)
	walk = func(cs []*Clause) {
		for _, c := range cs {
			ids = append(ids, c.ID)
			walk(c.Items)
		}
	}
	for _, s := range d.Sections {
		ids = append(ids, s.ID)
		walk(s.Clauses)
	}
	if d.Closing != nil {
		ids = append(ids, d.ClosingID())
	}
	return ids
}

// Label names an anchor as readers know it: "前言", "结语", a section's
// title, a clause's marker and short title ("（五）加强…"), a passage's first
// words; the id itself when it is not an anchor of d.
func (d *Document) Label(id string) string {
	switch id {
	case d.PreambleID():
		return "前言"
	case d.ClosingID():
		return "结语"
	}
	for _, s := range d.Sections {
		if s.ID == id {
			return s.Title
		}
	}
	for _, c := range d.Clauses() {
		if c.ID == id {
			return c.Marker + c.Title
		}
	}
	return id
}

// ClauseCount is the number of clauses that stand directly in a section.
func (d *Document) ClauseCount() int {
	n := 0
	for _, s := range d.Sections {
		for _, c := range s.Clauses {
			if c.Numbered() {
				n++
			}
		}
	}
	return n
}

// IDHint says what the anchors of d look like, for a message about an id
// that is not one of them: the ids that end like it (a restarted clause
// named without its section), or else the first and last clause ids. Every
// id it names exists.
func (d *Document) IDHint(id string) string {
	tail := strings.TrimPrefix(id, d.Slug+"-")
	var like []string
	for _, c := range d.Clauses() {
		if c.Numbered() && tail != "" && tail != c.ID && strings.HasSuffix(c.ID, "-"+tail) {
			like = append(like, c.ID)
		}
	}
	switch {
	case len(like) > 0 && len(like) <= 4:
		return "did you mean " + strings.Join(like, " or ") + "? (see the links on the document's page)"
	case len(like) > 4:
		return "did you mean " + strings.Join(like[:3], ", ") + " or another of the " + strconv.Itoa(len(like)) + " clauses numbered " + tail + " in its sections? (see the links on the document's page)"
	}
	var numbered []string
	for _, c := range d.Clauses() {
		if c.Numbered() {
			numbered = append(numbered, c.ID)
		}
	}
	switch len(numbered) {
	case 0:
		ids := d.IDs()
		if len(ids) == 0 {
			return "the document has no anchors"
		}
		return "its anchors are " + strings.Join(ids, ", ") + " (see the links on the document's page)"
	case 1:
		return "clause ids look like " + numbered[0] + " (see the links on the document's page)"
	}
	return "clause ids look like " + numbered[0] + " … " + numbered[len(numbered)-1] + " (see the links on the document's page)"
}

// HasText reports whether the document's text is available at all.
func (d *Document) HasText() bool { return d.Completeness != content.Missing }

// Sort orders documents by weight, then slug.
func Sort(docs []*Document) {
	slices.SortFunc(docs, func(a, b *Document) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.Slug, b.Slug))
	})
}
