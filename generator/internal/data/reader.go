package data

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"gongkai/generator/internal/data/textenc"
)

// errStop ends the reading of a file after a problem that makes the rest unreadable.
var errStop = errors.New("stop reading this file")

// scanner reads the records of one CSV file with their physical positions,
// or the rows of a workbook's sheet or of a Parquet file as the same
// records (see typedReader).
type scanner struct {
	path  string
	lim   Limits
	probs *problems
	file  fs.File
	count *countingReader
	csv   *csv.Reader
	// typed reads the records instead of csv when the file is a workbook
	// (then sheet too) or a Parquet file; kinds are then the kinds of the
	// cells of the record read last.
	typed typedReader
	sheet *sheetReader
	kinds []cellKind
	Enc   textenc.Encoding
	Delim rune
	Title string // a title row found above the header, if any
	// known is the declared schema (a built-in kind's, or a schema file's),
	// whose column names find the header below any title rows; nil for a
	// schema still to be inferred.
	known *Schema
	// unit is a unit the rows above the header declare ("单位：元"), at
	// unitLine and byte column unitCol.
	unit              string
	unitLine, unitCol int
	Header            []string // header cells as written (NFC, trimmed), trailing blank cells dropped
	HLine             int      // line of the header
	// pending is a record read while looking for the header that is in fact data.
	pending      []string
	pendingLine  int
	pendingPos   []int
	pendingKinds []cellKind
	nextLine     int           // the line after the last record read: where the next one starts
	br           *bufio.Reader // the decoded text; after the header, chunks are cut from it
}

// countingReader counts the bytes read since the last reset, so a row that
// never ends (an unclosed quote) is stopped at a limit instead of filling memory.
type countingReader struct {
	r     io.Reader
	n     int64
	limit int64
}

var errRecordTooLong = errors.New("row too long")

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.limit > 0 && c.n > c.limit {
		return n, errRecordTooLong
	}
	return n, err
}

// typedReader reads the records of a file whose cells have types: a
// workbook's sheet (sheetReader) or a Parquet file (parquetReader).
type typedReader interface {
	// read returns the next record and its row, as scanner.read does.
	read() ([]string, int, error)
	// cellKinds are the kinds of the cells of the record read last.
	cellKinds() []cellKind
	// columns are the positions of a record's first n cells: their
	// columns. The slice is shared and never written.
	columns(n int) []int
	// reportTo sends the problems of the cells read from now on to p.
	reportTo(p *problems)
	Close() error
}

// openScanner opens path, detects its encoding and delimiter and finds its
// header. Problems go to probs; errStop means nothing more can be read.
func openScanner(fsys fs.FS, path string, lim Limits, known *Schema, probs *problems) (*scanner, error) {
	fi, err := fs.Stat(fsys, path)
	if err != nil {
		probs.fileErrorf("cannot read the file: %v", unwrapPathErr(err))
		return nil, errStop
	}
	if fi.Size() > lim.MaxFileBytes {
		probs.fileErrorf("the file is %s; files are limited to %s: split it (one file per year is fine in a dataset folder)", humanBytes(fi.Size()), humanBytes(lim.MaxFileBytes))
		return nil, errStop
	}
	if isWorkbook(path) {
		sheet, err := openSheet(fsys, path, fi.Size(), lim, probs)
		if err != nil {
			return nil, err
		}
		s := &scanner{path: path, lim: lim, probs: probs, known: known, typed: sheet, sheet: sheet, Delim: ','}
		if err := s.findHeader(); err != nil {
			sheet.Close()
			return nil, err
		}
		return s, nil
	}
	if isParquet(path) {
		pq, err := openParquet(fsys, path, fi.Size(), probs)
		if err != nil {
			return nil, err
		}
		s := &scanner{path: path, lim: lim, probs: probs, known: known, typed: pq, Delim: ','}
		if err := s.setColumns(pq.names()); err != nil {
			pq.Close()
			return nil, err
		}
		return s, nil
	}
	f, err := fsys.Open(path)
	if err != nil {
		probs.errorf(1, 1, "cannot read the file: %v", unwrapPathErr(err))
		return nil, errStop
	}
	s := &scanner{path: path, lim: lim, probs: probs, file: f, known: known}
	dec, enc, err := textenc.NewReader(f)
	if err != nil {
		s.report(err)
		f.Close()
		return nil, errStop
	}
	s.Enc = enc
	s.count = &countingReader{r: dec, limit: lim.MaxRecordBytes}
	br := bufio.NewReaderSize(s.count, 64<<10)
	sample, err := br.Peek(64 << 10)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) && !errors.Is(err, errRecordTooLong) {
		s.report(err)
		f.Close()
		return nil, errStop
	}
	s.Delim = detectDelimiter(sample)
	s.br = br
	s.csv = csv.NewReader(br)
	s.csv.Comma = s.Delim
	s.csv.FieldsPerRecord = -1
	s.csv.ReuseRecord = true
	if err := s.findHeader(); err != nil {
		f.Close()
		return nil, err
	}
	return s, nil
}

// detach hands the rest of the file, after the header, to the cutter and
// the workers, who decode or validate it chunk by chunk in parallel instead
// of the decoder before the cutter. The text read ahead of the header's end
// comes first, in Text. ok is false when the text must go on through the
// decoder (see textenc.Reader.Detach).
func (s *scanner) detach() (d textenc.Detached, ok bool) {
	dec, isText := s.count.r.(*textenc.Reader)
	if !isText {
		return d, false
	}
	if d, ok = dec.Detach(); !ok {
		return d, false
	}
	buffered, _ := s.br.Peek(s.br.Buffered())
	d.Text = append(slices.Clip(buffered), d.Text...)
	return d, true
}

// Close releases the file.
func (s *scanner) Close() error {
	if s.typed != nil {
		return s.typed.Close()
	}
	return s.file.Close()
}

// read returns the next record and its line, or io.EOF, or errStop after
// reporting why the file cannot be read further.
func (s *scanner) read() ([]string, int, error) {
	if s.typed != nil {
		rec, line, err := s.typed.read()
		s.kinds = s.typed.cellKinds()
		return rec, line, err
	}
	s.count.n = 0
	rec, err := s.csv.Read()
	if err == nil {
		line, _ := s.csv.FieldPos(0)
		last, _ := s.csv.FieldPos(len(rec) - 1)
		s.nextLine = last + strings.Count(rec[len(rec)-1], "\n") + 1
		return rec, line, nil
	}
	if errors.Is(err, io.EOF) {
		return nil, 0, io.EOF
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) && !errors.Is(pe.Err, errRecordTooLong) && pe.Err != nil && isQuoteError(pe.Err) {
		s.reportQuote(pe)
		if errors.Is(pe.Err, csv.ErrQuote) && pe.Line != pe.StartLine {
			return nil, 0, errStop // an unclosed quote ran to the end of the file
		}
		return nil, pe.Line, errSkipRecord
	}
	s.report(err)
	return nil, 0, errStop
}

var errSkipRecord = errors.New("skip this record")

func isQuoteError(err error) bool {
	return errors.Is(err, csv.ErrBareQuote) || errors.Is(err, csv.ErrQuote)
}

func (s *scanner) reportQuote(pe *csv.ParseError) { reportQuote(s.probs, pe) }

func reportQuote(p *problems, pe *csv.ParseError) {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		p.errorf(pe.Line, pe.Column, `a quote (") inside a cell that does not start with a quote: write it twice ("") or put the whole cell in quotes`)
	case pe.Line != pe.StartLine:
		p.errorf(pe.StartLine, 1, `a quote (") opened in the row starting on this line is never closed, so the rest of the file became one cell: close it or remove it`)
	default:
		p.errorf(pe.Line, pe.Column, `a quoted cell must end with a quote followed by the delimiter or the end of the line; a quote inside a quoted cell must be written twice ("")`)
	}
}

// report turns a reading error into a problem.
func (s *scanner) report(err error) {
	var te *textenc.Error
	var pe *csv.ParseError
	switch {
	case errors.As(err, &te):
		if te.CharCol > 0 {
			s.probs.errorfChars(te.Line, te.CharCol, "%s", te.Msg)
		} else {
			s.probs.errorf(te.Line, te.Col, "%s", te.Msg)
		}
	case errors.Is(err, errRecordTooLong):
		line := max(s.nextLine, 1)
		if errors.As(err, &pe) {
			line = pe.StartLine
		}
		s.probs.errorf(line, 1, "the row starting on this line is longer than %s: most likely a quote (\") in it is never closed, which makes the rest of the file one cell", humanBytes(s.lim.MaxRecordBytes))
	default:
		s.probs.errorf(1, 1, "cannot read the file: %v", unwrapPathErr(err))
	}
}

// findHeader skips blank rows, comment lines ("#…") and a title row above the
// header, then takes the header. A title row is a row with text in its first
// cell only, followed by a row with two or more cells filled; a row whose one
// cell says the unit ("单位：万元") may be above the header too. With a declared
// schema, rows of one or two cells above the one naming the schema's columns
// are title rows too, wherever their text is ("2013年部门预算表", "单位：万元").
func (s *scanner) findHeader() error {
	var title []string
	var titleLine int
	var titlePos []int
	preamble := 0
	for {
		rec, line, err := s.read()
		if errors.Is(err, errSkipRecord) {
			continue
		}
		if errors.Is(err, io.EOF) {
			if title != nil { // a one-column file: the "title" was its header
				return s.setHeader(title, titleLine, titlePos)
			}
			s.probs.errorf(1, 1, "the file is empty: it needs a header row with the column names")
			return errStop
		}
		if err != nil {
			return err
		}
		filled := filledCells(rec)
		switch {
		case filled == 0:
			continue
		case title == nil && strings.HasPrefix(strings.TrimSpace(rec[0]), "#"):
			continue
		case s.known != nil && title == nil:
			if s.known.namesColumns(rec) {
				return s.setHeader(rec, line, s.positions(len(rec)))
			}
			if filled <= 2 && filled < len(s.known.Fields) && preamble < maxPreamble {
				preamble++
				s.keepPreamble(rec, line)
				continue
			}
		case s.known == nil && filled == 1 && s.unit == "" && s.unitRow(rec, line):
			continue // "单位：万元" above the header: the unit of its numbers (see infer)
		case title == nil && filled == 1 && strings.TrimSpace(rec[0]) != "":
			title, titleLine, titlePos = clone(rec), line, s.positions(len(rec))
			continue
		case s.known == nil && title == nil && s.titleWithNotes(rec, line):
			continue // "2013年部门预算表,,单位：万元": the title, and the unit of its numbers
		case title != nil && filled < 2:
			// Two single-cell rows: the first was the header of a one-column file.
			if err := s.setHeader(title, titleLine, titlePos); err != nil {
				return err
			}
			s.keepPending(rec, line)
			return nil
		}
		if title != nil {
			s.Title = strings.TrimSpace(title[0])
		}
		return s.setHeader(rec, line, s.positions(len(rec)))
	}
}

// maxPreamble is how many title rows a declared schema's header may follow.
const maxPreamble = 5

// keepPreamble takes a row above the header: its first text is the title,
// and a "单位：元" in it the unit of the numbers below.
func (s *scanner) keepPreamble(rec []string, line int) {
	pos := s.positions(len(rec))
	for i, c := range rec {
		t := strings.TrimSpace(c)
		switch {
		case t == "":
		case s.Title == "" && !strings.HasPrefix(t, "单位"):
			s.Title = t
		default:
			if u, ok := preambleUnit(t); ok && s.unit == "" {
				s.unit, s.unitLine, s.unitCol = u, line, pos[i]
			}
		}
	}
}

// titleWithNotes takes a title row that also holds notes about the table in
// other cells, as Excel reports put them on the title's line ("单位：万元",
// "编制单位：省财政厅"): text in the first cell, and every other filled cell
// such a note. It reports whether the row is one; the title is the first
// cell's text and a unit note the unit of the numbers below.
func (s *scanner) titleWithNotes(rec []string, line int) bool {
	if strings.TrimSpace(rec[0]) == "" || filledCells(rec) < 2 {
		return false
	}
	for _, c := range rec[1:] {
		if t := strings.TrimSpace(c); t != "" && !strings.Contains(t, "单位：") && !strings.Contains(t, "单位:") {
			return false
		}
	}
	s.Title = strings.TrimSpace(rec[0])
	for i, c := range rec[1:] {
		if u, ok := preambleUnit(strings.TrimSpace(c)); ok && s.unit == "" {
			s.unit, s.unitLine, s.unitCol = u, line, s.positions(len(rec))[i+1]
		}
	}
	return true
}

// unitRow takes a row whose one cell says the unit of the table's numbers
// ("单位：万元"), reporting whether it does.
func (s *scanner) unitRow(rec []string, line int) bool {
	for i, c := range rec {
		if u, ok := preambleUnit(strings.TrimSpace(c)); ok {
			s.unit, s.unitLine, s.unitCol = u, line, s.positions(len(rec))[i]
			return true
		}
	}
	return false
}

// preambleUnit reads a unit written above a table: "单位：万元", "（单位：元）".
func preambleUnit(t string) (string, bool) {
	t = strings.Trim(t, "()（） ")
	i := strings.Index(t, "单位")
	if i < 0 || !slices.Contains([]string{"", "金额", "计量", "货币"}, t[:i]) { // not 编制单位：…
		return "", false
	}
	u := strings.TrimLeft(t[i+len("单位"):], ":： ")
	if f := strings.FieldsFunc(u, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",，;；)）", r) }); len(f) > 0 {
		return f[0], true
	}
	return "", false
}

func (s *scanner) keepPending(rec []string, line int) {
	s.pending, s.pendingLine = clone(rec), line
	s.pendingPos = s.positions(len(rec))
	s.pendingKinds = s.kinds
}

// setHeader checks and keeps the header row.
func (s *scanner) setHeader(rec []string, line int, pos []int) error {
	names := make([]string, len(rec))
	for i, c := range rec {
		names[i] = normalizeHeader(c)
	}
	for len(names) > 0 && names[len(names)-1] == "" { // Excel's blank columns at the right
		names = names[:len(names)-1]
	}
	s.Header, s.HLine = names, line
	if len(names) > s.lim.MaxColumns {
		s.probs.errorf(line, 1, "the header has %d columns; at most %d are accepted", len(names), s.lim.MaxColumns)
		return errStop
	}
	bad := false
	seen := map[string]int{}
	allNumbers := len(names) > 1
	for i, n := range names {
		if n == "" {
			s.probs.errorf(line, pos[i], "column %s has no name in the header: give every column a name (if the header spans two rows, as with merged cells in Excel, put each column's full name in one row)", columnLetter(i))
			bad = true
			continue
		}
		key := strings.ToLower(n)
		if j, dup := seen[key]; dup {
			s.probs.errorf(line, pos[i], "column %s %q has the same name as column %s: every column needs its own name", columnLetter(i), n, columnLetter(j))
			bad = true
			continue
		}
		seen[key] = i
		if _, err := fmt.Sscanf(n, "%g", new(float64)); err != nil || strings.ContainsFunc(n, unicode.IsLetter) {
			allNumbers = false
		}
	}
	if allNumbers {
		s.probs.errorf(line, 1, "the first row holds numbers, not column names: add a header row naming the columns")
		bad = true
	}
	if bad {
		return errStop
	}
	if s.sheet != nil {
		s.sheet.setHeader(line, len(names))
	}
	return nil
}

// row is one data record with its positions.
type row struct {
	cells []string // trimmed to the header's width
	line  int
	pos   []int      // byte column of each cell (in a workbook, its column)
	kinds []cellKind // in a workbook, what each cell holds; nil in a CSV file
	total bool       // a total row (合计) of a hierarchy: not a row of the dataset (see Hierarchy)
}

// next returns the next data row, skipping blank rows; io.EOF at the end;
// errStop when the rest of the file cannot be read.
func (s *scanner) next(r *row) error {
	for {
		var rec []string
		var line int
		if s.pending != nil {
			rec, line, r.pos, r.kinds = s.pending, s.pendingLine, s.pendingPos, s.pendingKinds
			s.pending = nil
		} else {
			var err error
			rec, line, err = s.read()
			if errors.Is(err, errSkipRecord) {
				continue
			}
			if err != nil {
				return err
			}
			r.pos, r.kinds = s.positionsInto(r.pos, len(rec)), s.kinds
		}
		if allBlank(rec) {
			continue // blank rows and rows of only delimiters, as Excel leaves them
		}
		r.line = line
		if !s.checkWidth(rec, r) {
			continue
		}
		r.cells = rec[:len(s.Header)]
		if !s.checkCells(r) {
			continue
		}
		return nil
	}
}

// checkWidth reports rows with too few or too many cells. Extra cells that
// are empty are Excel's blank columns and are fine.
func (s *scanner) checkWidth(rec []string, r *row) bool {
	return checkWidth(s.probs, s.Header, s.Delim, rec, r)
}

func checkWidth(p *problems, header []string, delim rune, rec []string, r *row) bool {
	w := len(header)
	switch {
	case len(rec) < w:
		p.errorf(r.line, r.pos[len(rec)-1], "this row has %d cells but the header has %d: a cell or a delimiter (%s) is missing", len(rec), w, delimName(delim))
		return false
	case len(rec) > w:
		for i := w; i < len(rec); i++ {
			if !blank(rec[i]) {
				p.errorf(r.line, r.pos[i], "this row has a cell %q in column %s, beyond the header's %d columns: remove it or give the column a name", clip(rec[i]), columnLetter(i), w)
				return false
			}
		}
	}
	return true
}

// checkCells reports cells that are too long or hold control characters.
func (s *scanner) checkCells(r *row) bool { return checkCells(s.probs, s.Header, s.lim, nil, r) }

// checkCells checks every cell, or with textual set only the cells of columns
// whose values are text: a cell of a number, date or 是/否 column with a
// control character in it fails its own parser anyway.
func checkCells(p *problems, header []string, lim Limits, textual []bool, r *row) bool {
	ok := true
	for i, c := range r.cells {
		if textual != nil && !textual[i] && len(c) <= lim.MaxCellBytes {
			continue
		}
		if len(c) > lim.MaxCellBytes {
			p.cellf(r.line, r.pos[i], i, header[i], "the cell is %s long; cells are limited to %s", humanBytes(int64(len(c))), humanBytes(int64(lim.MaxCellBytes)))
			ok = false
			continue
		}
		if j := badControl(c); j >= 0 {
			ch, _ := utf8.DecodeRuneInString(c[j:])
			p.cellf(r.line, r.pos[i], i, header[i], "the cell holds an invisible control character (U+%04X): delete it (it often comes from copying out of another program)", ch)
			ok = false
		}
	}
	return ok
}

// suspect marks the bytes that may start a character badControl refuses.
var suspect = func() (t [256]bool) {
	for b := range 0x20 {
		t[b] = b != '\t' && b != '\n' && b != '\r'
	}
	t[0x7F], t[0xC2], t[0xEF] = true, true, true
	return t
}()

// badControl returns the byte offset of the first control character that must
// never reach a page or a download (C0 and C1 controls, DEL, a stray byte
// order mark), or -1. Tab and line breaks inside quoted cells are text. It
// looks at bytes: C1 controls are 0xC2 0x80–0x9F in UTF-8, the BOM 0xEF 0xBB 0xBF.
func badControl(s string) int {
	for i := 0; i < len(s); i++ {
		if !suspect[s[i]] {
			continue
		}
		switch b := s[i]; {
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r', b == 0x7F:
			return i
		case b == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xA0:
			return i
		case b == 0xEF && i+2 < len(s) && s[i+1] == 0xBB && s[i+2] == 0xBF:
			return i
		}
	}
	return -1
}

func (s *scanner) positions(n int) []int { return s.positionsInto(nil, n) }

func (s *scanner) positionsInto(buf []int, n int) []int {
	if s.typed != nil {
		return append(buf[:0], s.typed.columns(n)...)
	}
	buf = buf[:0]
	for i := range n {
		_, col := s.csv.FieldPos(i)
		buf = append(buf, col)
	}
	return buf
}

// detectDelimiter chooses ",", ";" or tab from the first lines: the one that
// splits the lines into the same number of cells, most often.
func detectDelimiter(sample []byte) rune {
	lines := bytes.Split(sample, []byte("\n"))
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // the last may be cut by the sample's end
	}
	if len(lines) > 20 {
		lines = lines[:20]
	}
	best, bestScore := ',', 0
	for _, d := range []rune{',', ';', '\t'} {
		counts := map[int]int{}
		first := -1
		for _, l := range lines {
			if len(bytes.TrimSpace(l)) == 0 {
				continue
			}
			n := countOutsideQuotes(l, byte(d))
			if first < 0 {
				first = n
			}
			counts[n]++
		}
		if first <= 0 {
			continue
		}
		score := counts[first]*1000 + first
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

func countOutsideQuotes(line []byte, d byte) int {
	n, quoted := 0, false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case c == d && !quoted:
			n++
		}
	}
	return n
}

// normalizeHeader makes header names comparable: NFC, control characters and
// runs of spaces (ASCII, full-width, no-break) turned into one space, trimmed.
func normalizeHeader(h string) string {
	h = norm.NFC.String(h)
	var b strings.Builder
	space := false
	for _, r := range h {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == 0xFEFF {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// allBlank reports whether every cell is blank: a blank row, or a row of only
// delimiters as Excel leaves them. It stops at the first cell with text.
func allBlank(rec []string) bool {
	for _, c := range rec {
		if !blank(c) {
			return false
		}
	}
	return true
}

// filledCells counts the cells with something other than white space.
func filledCells(rec []string) int {
	n := 0
	for _, c := range rec {
		if !blank(c) {
			n++
		}
	}
	return n
}

// blank reports whether a cell holds only white space; a byte loop, because
// it runs on every cell of every row.
func blank(c string) bool {
	for i := 0; i < len(c); i++ {
		if b := c[i]; b != ' ' && b != '\t' && b != '\r' && b != '\n' {
			if b < 0x80 {
				return false
			}
			r, n := utf8.DecodeRuneInString(c[i:])
			if !unicode.IsSpace(r) {
				return false
			}
			i += n - 1
		}
	}
	return true
}

func clone(rec []string) []string { return append([]string(nil), rec...) }

// columnLetter names a column as Excel does: A, B, …, Z, AA, AB, …
func columnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func delimName(d rune) string {
	switch d {
	case ';':
		return `";"`
	case '\t':
		return "tab"
	default:
		return `","`
	}
}

// clip shortens a value for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
