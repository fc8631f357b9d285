package policy

import (
	"cmp"
	"fmt"
	"html"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/generator/internal/content"
	"gongkai/generator/internal/diag"
)

// Parse gives a policy page its structure, reporting numbering problems into diags.
func Parse(p *content.Page, diags *diag.List) *Document {
	d := &Document{
		Path: p.Path, Slug: p.Meta.Slug, Title: p.Meta.Title, ShortTitle: cmp.Or(p.Meta.ShortTitle, p.Meta.Title), Weight: p.Meta.Weight,
		DocumentNumber: p.Meta.DocumentNumber, SourceURL: p.Meta.SourceURL, SourcePage: p.Meta.SourcePage,
		Completeness: cmp.Or(p.Meta.Completeness, content.Complete), CompletenessNote: p.Meta.CompletenessNote,
		Date: p.Meta.Date, DateNote: p.Meta.DateNote, Issuer: p.Meta.Issuer, Repost: p.Meta.Repost, Language: p.Meta.Language,
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
	parts := split(d, blocks, at, diags)
	n := numbering{doc: d, at: at, diags: diags}
	n.choose(parts)
	for _, pt := range parts {
		n.section(pt)
	}
	seen := map[string]int{}
	for _, c := range d.Clauses() {
		if n.failed {
			break // a misnumbered clause may repeat an id: its number is the error
		}
		if line, dup := seen[c.ID]; dup && c.Numbered() {
			diags.Errorf(at(c.Line), "clause %s would have the anchor %s, which the clause at line %d has: renumber one of them", c.Marker, c.ID, line)
		}
		seen[c.ID] = c.Line
	}
	return d
}

// entry is one block of a section, with the marker it opens with.
type entry struct {
	b      content.Block
	m      marker
	marked bool
}

// part is a section with its blocks, before they are put into clauses.
type part struct {
	sec     *Section
	entries []entry
	top     style // the style of the clauses standing directly in it
}

// split puts the blocks into the preamble, the sections and the closing.
func split(d *Document, blocks []content.Block, at func(int) diag.Pos, diags *diag.List) []*part {
	var (
		parts     []*part
		cur       *part
		inClosing bool
	)
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
			cur = &part{sec: &Section{ID: fmt.Sprintf("%s-s%d", d.Slug, k), Number: k, Title: b.Text, Heading: b.Inner}}
			d.Sections = append(d.Sections, cur.sec)
			parts = append(parts, cur)
			continue
		}
		if inClosing {
			d.Closing = append(d.Closing, b.HTML)
			d.closingText += b.Text
			continue
		}
		var e entry
		e.b = b
		if b.Kind == content.Paragraph {
			e.m, e.marked = parseMarker(b.Text)
		}
		if cur == nil {
			if !e.marked {
				d.Preamble = append(d.Preamble, b.HTML)
				d.preambleText += b.Text
				continue
			}
			diags.Errorf(at(b.Line), "clause %s comes before the first \"## \" section heading", e.m.text)
			cur = &part{sec: &Section{ID: d.Slug + "-s0"}}
			d.Sections = append(d.Sections, cur.sec)
			parts = append(parts, cur)
		}
		cur.entries = append(cur.entries, e)
	}
	return parts
}

// numbering puts each section's blocks into clauses, nested items and
// passages, checks their numbers and gives them their anchor ids.
type numbering struct {
	doc   *Document
	at    func(int) diag.Pos
	diags *diag.List

	top     style // the document's clause style (see choose)
	restart bool  // clauses of the top style are numbered from 1 in each section
	last    int   // the last clause number of the top style, counting through the document
	failed  bool  // a number was wrong
}

func (n *numbering) errorf(line int, format string, args ...any) {
	n.failed = true
	n.diags.Errorf(n.at(line), format, args...)
}

// choose finds the document's clause style, each section's, and whether the
// clause numbers restart in each section: they do when more sections open
// with clause 1 than go on from the section before.
//
// The document's clause style is the first style in the document that is
// not seen inside another: style B is inside style A when, in one section, a
// B marker numbered 1 follows an A marker and A's numbers later go on (（一）
// 1. 2. （二）: 1. is inside （一）). A list that follows a section's opening
// paragraphs and is followed by markers of another style ("主要预期目标是：
// 1. … 2. …" before （一）) is that passage's list and does not count. With no
// other clue, the style of the first marker is the document's.
func (n *numbering) choose(parts []*part) {
	var order, all []style
	inside := map[style]bool{}
	for _, pt := range parts {
		var ms []marker
		for _, e := range pt.entries {
			if e.marked {
				ms = append(ms, e.m)
			}
		}
		for i, m := range ms {
			if i >= introList(pt) && !slices.Contains(order, m.style) {
				order = append(order, m.style)
			}
			if !slices.Contains(all, m.style) {
				all = append(all, m.style)
			}
			if i == 0 || m.n != 1 || ms[i-1].style == m.style {
				continue
			}
			for _, later := range ms[i+1:] {
				if later.style == ms[i-1].style && later.n == ms[i-1].n+1 {
					inside[m.style] = true
					break
				}
			}
		}
	}
	for _, s := range append(order, all...) {
		if !inside[s] {
			n.top = s
			break
		}
	}
	if n.top == (style{}) && len(all) > 0 {
		n.top = all[0]
	}
	restarts, runsOn, prevLast := 0, 0, 0
	for _, pt := range parts {
		first, last := 0, 0
		for _, e := range pt.entries {
			if !e.marked {
				continue
			}
			if e.m.style == n.top {
				pt.top = n.top
				if first == 0 {
					first = e.m.n
				}
				last = e.m.n
			} else if pt.top == (style{}) && first == 0 {
				pt.top = e.m.style // the section's first marker, unless clauses of the document's style follow
			}
		}
		if first == 0 {
			continue
		}
		switch {
		case prevLast == 0:
		case first == 1:
			restarts++
		case first == prevLast+1:
			runsOn++
		}
		prevLast = last
	}
	n.restart = n.top.kind != decimal && restarts > runsOn
}

// introList is the number of markers at the start of pt that follow its
// opening paragraphs and come before a marker of another style: a list of
// the opening passage. It is 0 when the section opens with a marker.
func introList(pt *part) int {
	if len(pt.entries) == 0 || pt.entries[0].marked {
		return 0
	}
	var first *marker
	count := 0
	for _, e := range pt.entries {
		switch {
		case !e.marked:
		case first == nil:
			first, count = &e.m, 1
		case e.m.style == first.style:
			count++
		default:
			return count
		}
	}
	return 0
}

// node is an open clause or item, with the written number its decimal
// children must start with.
type node struct {
	c     *Clause
	style style
	path  []int
}

// section builds the clauses of one section.
func (n *numbering) section(pt *part) {
	sec := pt.sec
	lastMarked := -1
	for i, e := range pt.entries {
		if e.marked {
			lastMarked = i
		}
	}
	var (
		intro, closing []content.Block
		introPassage   *Clause // made early when a list follows the opening paragraphs
		chain          []*node // the open clause, then the open item inside it, and so on
		count, lastN   int     // clauses standing directly in the section, and the last one's number
		toClosing      bool
	)
	for i, e := range pt.entries {
		switch {
		case toClosing:
			closing = append(closing, e.b)
			continue
		case !e.marked && len(chain) == 0:
			intro = append(intro, e.b)
			continue
		case !e.marked:
			addParagraph(chain[len(chain)-1].c, e.b)
			continue
		}
		m := e.m
		if m.style == pt.top {
			id := n.clauseID(pt, m, count, lastN, e.b.Line)
			c := newClause(id, m, e.b)
			sec.Clauses = append(sec.Clauses, c)
			path := m.path
			if m.style.kind != decimal {
				path = []int{m.n}
			}
			chain = []*node{{c: c, style: m.style, path: path}}
			count++
			if m.style.kind != decimal || m.path[0] == sec.Number {
				lastN = m.n // a decimal of another section is reported, not counted
			}
			// A list standing in the section, numbered unlike the document's
			// clauses (1.–7. where the clauses are （一）), ends like a list.
			toClosing = i == lastMarked && pt.top != n.top
			continue
		}
		if len(chain) == 0 && len(intro) > 0 && introPassage == nil {
			// A list after the section's opening paragraphs ("主要预期目标是：
			// 1. … 2. …", before "（一）") is a list of those paragraphs.
			introPassage = newPassage(sec.IntroID(), intro)
			intro = nil
			chain = []*node{{c: introPassage}}
		}
		if len(chain) == 0 {
			n.errorf(e.b.Line, "%s is numbered like an item inside a clause, but no clause (%s) has started in this section", m.text, pt.top.example(1))
			intro = append(intro, e.b)
			continue
		}
		j := len(chain)
		for d := 1; d < len(chain); d++ {
			if chain[d].style == m.style {
				j = d
				break
			}
		}
		parent := chain[j-1]
		chain = chain[:j]
		want := len(parent.c.Items) + 1
		in := "clause " + parent.c.Marker
		switch {
		case !parent.c.Numbered():
			in = "the opening paragraphs of section " + strconv.Itoa(sec.Number)
		case j > 1:
			in = "item " + parent.c.Marker
		}
		path := append(slices.Clone(parent.path), m.n)
		if m.style.kind == decimal {
			if wantPath := append(slices.Clone(parent.path), want); !slices.Equal(m.path, wantPath) {
				n.errorf(e.b.Line, "item %s in %s: expected item %s", m.text, in, joinPath(wantPath))
			}
			path = m.path
		} else if m.n != want {
			n.errorf(e.b.Line, "item %s in %s: expected item %d", m.text, in, want)
		}
		item := newClause(parent.c.ID+"."+strconv.Itoa(m.n), m, e.b)
		parent.c.Items = append(parent.c.Items, item)
		chain = append(chain, &node{c: item, style: m.style, path: path})
		// Paragraphs after the section's last item are the section's, not the item's.
		toClosing = i == lastMarked
	}
	if introPassage == nil && len(intro) > 0 {
		introPassage = newPassage(sec.IntroID(), intro)
	}
	if introPassage != nil {
		sec.Clauses = append([]*Clause{introPassage}, sec.Clauses...)
	}
	if len(closing) > 0 {
		sec.Clauses = append(sec.Clauses, newPassage(sec.ClosingID(), closing))
	}
}

// clauseID checks the number of a clause standing directly in a section —
// the section's count clauses so far, the last numbered lastN — and returns
// its anchor id:
//
//   - <slug>-<n> for the document's clauses numbered on through the document;
//   - <slug>-<k>-<n> for clauses numbered from 1 in each section k, and for a
//     section's own list numbered unlike the document's clauses;
//   - <slug>-<k>.<n> for decimal clauses, as written.
func (n *numbering) clauseID(pt *part, m marker, count, lastN, line int) string {
	slug, k := n.doc.Slug, pt.sec.Number
	errorf := func(format string, args ...any) { n.errorf(line, format, args...) }
	switch {
	case m.style.kind == decimal:
		if want := []int{k, lastN + 1}; !slices.Equal(m.path, want) {
			errorf("clause %s in section %d: expected clause %s (a decimal number starts with the number of its section)", m.text, k, joinPath(want))
		}
		return slug + "-" + joinPath(m.path)
	case pt.top == n.top && !n.restart:
		switch want := n.last + 1; {
		case m.n == want:
		case n.last == 0:
			errorf("clause %s is the first clause of the document: expected clause 1", m.text)
		case count == 0 && m.n == 1:
			errorf("clause %s comes after clause %d: expected clause %d (numbers run on through the whole document; to number each section from 1, start every section at 1)", m.text, n.last, want)
		default:
			errorf("clause %s comes after clause %d: expected clause %d (numbers run on through the whole document)", m.text, n.last, want)
		}
		n.last = m.n
		return fmt.Sprintf("%s-%d", slug, m.n)
	}
	why := "numbers start again in each section"
	if pt.top != n.top {
		why = fmt.Sprintf("this section's %s clauses are numbered from 1", pt.top.example(1))
	}
	switch want := count + 1; {
	case m.n == want:
	case count == 0:
		errorf("clause %s opens section %d: expected clause 1 (%s)", m.text, k, why)
	default:
		errorf("clause %s comes after clause %d: expected clause %d (%s)", m.text, lastN, want, why)
	}
	return fmt.Sprintf("%s-%d-%d", slug, k, m.n)
}

// addParagraph continues clause c with block b.
func addParagraph(c *Clause, b content.Block) {
	c.Paragraphs = append(c.Paragraphs, b.HTML)
	c.Text += b.Text
}

// newClause starts a clause at paragraph b, setting its marker and short
// title in bold when the paragraph opens with them.
func newClause(id string, m marker, b content.Block) *Clause {
	c := &Clause{ID: id, Number: m.n, Marker: m.text, Title: shortTitle(b.Text, m.lead), Line: b.Line, Text: b.Text}
	first := string(b.HTML)
	lead := html.EscapeString(m.lead)
	if strings.HasPrefix(b.Text, m.lead+c.Title+"。") {
		lead = html.EscapeString(m.lead + c.Title + "。")
	}
	if rest, ok := strings.CutPrefix(first, "<p>"+lead); ok {
		first = `<p><strong class="clause-lead">` + lead + `</strong>` + rest
	}
	c.Paragraphs = []template.HTML{template.HTML(first)} //nolint:gosec // built from goldmark's escaped output
	return c
}

// newPassage makes a section's paragraphs without a number into a passage.
func newPassage(id string, blocks []content.Block) *Clause {
	c := &Clause{ID: id, Line: blocks[0].Line}
	for _, b := range blocks {
		addParagraph(c, b)
	}
	c.Title = shortTitle(c.Text, "")
	return c
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
