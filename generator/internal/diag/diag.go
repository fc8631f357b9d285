package diag

import (
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pos is a place in an input file: a slash-separated path relative to the
// source folder and a 1-based line and column (columns count characters, not bytes).
//
// In a workbook (.xlsx) a place is a cell: Sheet names the worksheet, Line
// is the row and Col the column (1 is A), and the position prints as Excel
// names the cell, data/预算.xlsx:Sheet1!C7.
//
// In a file of rows that has no lines of text (Parquet), Rows is set: Line
// is the row (1 is the first row of data; 0 means the file as a whole), Col
// the column's number and Column its name, and the position prints as
// data/x.parquet: row 3, column "金额".
type Pos struct {
	File   string
	Line   int
	Col    int
	Sheet  string
	Rows   bool
	Column string
}

// String formats p as "file:line:col", "file:sheet!cell" in a workbook, or
// "file: row N, column "name"" in a file of rows; an unknown line or column
// prints as 1 so the form stays parseable.
func (p Pos) String() string {
	switch {
	case p.Sheet != "":
		return p.File + ":" + p.Cell()
	case p.Rows:
		if r := p.Record(); r != "" {
			return p.File + ": " + r
		}
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, max(p.Line, 1), max(p.Col, 1))
}

// Record is a position in a file of rows without its file: "row 3, column
// "金额"", "row 3", "column "金额"", or "" for the file as a whole.
func (p Pos) Record() string {
	var parts []string
	if p.Line > 0 {
		parts = append(parts, "row "+strconv.Itoa(p.Line))
	}
	if p.Column != "" {
		parts = append(parts, "column "+strconv.Quote(p.Column))
	}
	return strings.Join(parts, ", ")
}

// Cell is a workbook position as Excel writes a reference to it: Sheet1!C7,
// the sheet's name quoted when it holds anything but letters, digits, "_"
// and "." ('2013 预算'!C7).
func (p Pos) Cell() string {
	sheet := p.Sheet
	if strings.ContainsFunc(sheet, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '.' }) {
		sheet = "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	}
	return sheet + "!" + ColumnName(max(p.Col, 1)) + strconv.Itoa(max(p.Line, 1))
}

// ColumnName names the 1-based column n as Excel does: A, B, …, Z, AA, AB, …
func ColumnName(n int) string {
	s := ""
	for ; n > 0; n = (n - 1) / 26 {
		s = string(rune('A'+(n-1)%26)) + s
	}
	return s
}

// Severity says whether a Diagnostic stops the build.
type Severity int

const (
	// Error means the input cannot be published as it is.
	Error Severity = iota
	// Warning means the site is built but something deserves a look.
	Warning
)

// Diagnostic is one problem at one position.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string
}

// String formats d as "file:line:col: message", with "warning: " before the
// message for warnings.
func (d Diagnostic) String() string {
	if d.Severity == Warning {
		return d.Pos.String() + ": warning: " + d.Message
	}
	return d.Pos.String() + ": " + d.Message
}

// List collects diagnostics from every stage of a build. The zero value is ready to use.
type List struct {
	items []Diagnostic
}

// Errorf records an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	l.items = append(l.items, Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	l.items = append(l.items, Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Add appends diagnostics collected elsewhere.
func (l *List) Add(ds ...Diagnostic) { l.items = append(l.items, ds...) }

// HasErrors reports whether any diagnostic is an error.
func (l *List) HasErrors() bool {
	return slices.ContainsFunc(l.items, func(d Diagnostic) bool { return d.Severity == Error })
}

// Len is the number of diagnostics recorded.
func (l *List) Len() int { return len(l.items) }

// Sorted returns the diagnostics ordered by file, line, column and message, so
// output does not depend on the order the stages ran in.
func (l *List) Sorted() []Diagnostic {
	out := slices.Clone(l.items)
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Sheet, b.Pos.Sheet),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.CompactFunc(out, func(a, b Diagnostic) bool { return a == b })
}

// Err returns the errors of l as an error, or nil when there are none.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &Errors{List: l.Sorted()}
}

// Errors is the error a build returns when its inputs have problems.
type Errors struct {
	List []Diagnostic
}

// Error joins every diagnostic, one per line.
func (e *Errors) Error() string {
	var b strings.Builder
	for i, d := range e.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// LineCol converts a byte offset in src to a 1-based line and a 1-based column
// counted in characters (runes), so a column means the same to staff whatever
// the script.
func LineCol(src []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(src))
	line = 1 + strings.Count(string(src[:offset]), "\n")
	start := strings.LastIndexByte(string(src[:offset]), '\n') + 1
	col = 1 + len([]rune(string(src[start:offset])))
	return line, col
}

// Cursor finds the line and column of byte offsets in one text, reading on
// from the last offset asked for: asking for offsets in increasing order
// costs one pass over the text in all, where LineCol costs one pass each.
type Cursor struct {
	src            []byte
	off, line, col int
}

// NewCursor starts a Cursor at the top of src.
func NewCursor(src []byte) *Cursor { return &Cursor{src: src, line: 1, col: 1} }

// LineCol is LineCol(src, offset), read on from the last offset (from the
// top again when offset is before it), for offsets at character
// boundaries. Lines are found with bytes.Count, and the characters are
// counted only from the last line's start: a text of long lines costs no
// more than one of short ones.
func (c *Cursor) LineCol(offset int) (line, col int) {
	offset = min(max(offset, 0), len(c.src))
	if offset < c.off {
		c.off, c.line, c.col = 0, 1, 1
	}
	seg := c.src[c.off:offset]
	if k := bytes.LastIndexByte(seg, '\n'); k >= 0 {
		c.line += bytes.Count(seg[:k+1], []byte{'\n'})
		c.col = 1
		seg = seg[k+1:]
	}
	c.col += utf8.RuneCount(seg)
	c.off = offset
	return c.line, c.col
}

// FileKind names, for messages, the kind of a file that is not an ordinary
// one: a folder, a named pipe (FIFO), a socket, a device.
func FileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeDir != 0:
		return "folder"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "device"
	}
	return "special file"
}

// Recover, deferred directly, turns a panic while processing the input at pos
// into an error in l, so a bug reads as a message naming the input, never as a
// stack trace.
func Recover(pos Pos, l *List) {
	if r := recover(); r != nil {
		l.Errorf(pos, "internal error while processing this file (please report it to the gongkai developers): %v", r)
	}
}
