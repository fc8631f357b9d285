package data

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/generator/internal/data/value"
)

// A workbook (.xlsx) in data/ is read as the CSV Excel would save from its
// first visible sheet — the same records, title rows, header and blank rows,
// so all that follows the reading (finding the header, the rows, every
// cell's rules) is the CSV path — except that each cell's value comes from its type
// rather than from what its number format shows: a number is its exact
// value (not "1,234.50" or a rounded "1.2E+05"), a date is a date whatever
// its format, a text cell is its text (digits and leading zeros kept), a
// formula is its saved result.
//
// excelize's streaming reader (Rows) gives each cell's text but not its type
// or style, and its typed getters load the whole sheet into memory and look
// each cell up; so the sheet's XML is streamed here with encoding/xml, a row
// at a time, and excelize converts dates and cell names.

// cellKind is what a workbook cell holds.
type cellKind uint8

const (
	cellText   cellKind = iota // text, or nothing
	cellNumber                 // a number, written as its exact decimal
	cellDate                   // a date (YYYY-MM-DD), or a date and time
	cellBool                   // TRUE or FALSE
)

// isWorkbook reports whether a data file is an Excel workbook.
func isWorkbook(p string) bool { return strings.EqualFold(path.Ext(p), ".xlsx") }

// sheetReader reads the rows of one sheet of a workbook as records.
type sheetReader struct {
	name     string       // the sheet's name
	strs     []string     // the workbook's shared strings
	long     map[int]bool // the shared strings longer than a cell may be (left out of strs)
	formats  []numFmt     // by style index: what the cell's number format shows
	date1904 bool         // dates count from 1904, as on old Macs
	part     io.Closer    // the sheet's XML
	dec      *xml.Decoder
	probs    *problems // where a cell that cannot be read is reported
	lim      Limits
	width    int        // records are padded to the header's width, once it is known
	header   int        // the header's row, once known: merged cells below it are reported
	row      int        // the row of the record read last
	kinds    []cellKind // of the record read last
	merges   []string   // merged ranges ("A1:F1"), listed after the rows
	done     bool
	cols     []int // 1, 2, 3, …: the positions of a record's cells
}

func (s *sheetReader) cellKinds() []cellKind { return s.kinds }

func (s *sheetReader) reportTo(p *problems) { s.probs = p }

// setHeader tells the reader where the header is and how wide: records
// are padded to its width, and cells merged below it are reported.
func (s *sheetReader) setHeader(row, width int) { s.header, s.width = row, width }

// columns are the positions of a record's first n cells: their columns.
// The slice is shared and never written.
func (s *sheetReader) columns(n int) []int {
	if len(s.cols) < n {
		s.cols = make([]int, max(2*n, 64)) // a new slice: those handed out stay as they are
		for i := range s.cols {
			s.cols[i] = i + 1
		}
	}
	return s.cols[:n:n]
}

// read returns the next row as a record, its row number and the kinds of
// its cells (s.kinds); io.EOF after the last; errSkipRecord after reporting
// a cell that cannot be read (the row is left out); errStop when the rest
// of the sheet cannot be read.
func (s *sheetReader) read() ([]string, int, error) {
	for !s.done {
		tok, err := s.dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			s.probs.errorf(s.row+1, 1, "the workbook is damaged after row %d (%v): open it in Excel and save it again", s.row, err)
			return nil, 0, errStop
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch t.Name.Local {
		case "row":
			return s.readRow(t)
		case "mergeCell":
			for _, a := range t.Attr {
				if a.Name.Local == "ref" {
					s.merges = append(s.merges, a.Value)
				}
			}
		}
	}
	if !s.done {
		s.done = true
		s.reportMerges()
	}
	return nil, 0, io.EOF
}

// readRow reads the cells of a row up to its end.
func (s *sheetReader) readRow(start xml.StartElement) ([]string, int, error) {
	s.row++
	if r, err := strconv.Atoi(attr(start, "r")); err == nil && r > 0 {
		s.row = r
	}
	rec := make([]string, 0, s.width)
	s.kinds = make([]cellKind, 0, s.width)
	col, bad, size := 0, false, int64(0)
	for {
		tok, err := s.dec.RawToken()
		if err != nil {
			s.probs.errorf(s.row, 1, "the workbook is damaged in row %d (%v): open it in Excel and save it again", s.row, unexpected(err))
			return nil, 0, errStop
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "c" {
				continue
			}
			col++
			if ref := attr(t, "r"); ref != "" {
				c, _, err := excelize.CellNameToCoordinates(ref)
				if err != nil || c < col {
					s.probs.errorf(s.row, col, "the workbook is damaged: a cell is named %q in row %d: open it in Excel and save it again", ref, s.row)
					return nil, 0, errStop
				}
				col = c
			}
			text, kind, msg, err := s.readCell(t)
			if err != nil {
				s.probs.errorf(s.row, col, "the workbook is damaged (%v): open it in Excel and save it again", err)
				return nil, 0, errStop
			}
			if msg != "" {
				s.probs.errorf(s.row, col, "%s", msg)
				bad = true
			}
			if size += int64(len(text)); s.lim.MaxRecordBytes > 0 && size > s.lim.MaxRecordBytes {
				s.probs.errorf(s.row, 1, "row %d holds more than %s of text; rows are limited to %s", s.row, humanBytes(s.lim.MaxRecordBytes), humanBytes(s.lim.MaxRecordBytes))
				return nil, 0, errStop
			}
			for len(rec) < col-1 {
				rec, s.kinds = append(rec, ""), append(s.kinds, cellText)
			}
			rec, s.kinds = append(rec, text), append(s.kinds, kind)
		case xml.EndElement:
			if t.Name.Local != "row" {
				continue
			}
			for len(rec) < max(s.width, 1) {
				rec, s.kinds = append(rec, ""), append(s.kinds, cellText)
			}
			if bad {
				return nil, s.row, errSkipRecord
			}
			return rec, s.row, nil
		}
	}
}

// readCell reads one cell up to its end: its value as text and what kind
// of value it is, or a message saying why the value cannot be used.
func (s *sheetReader) readCell(start xml.StartElement) (text string, kind cellKind, msg string, err error) {
	typ, style := attr(start, "t"), attr(start, "s")
	var v, inline, formula strings.Builder
	hasV, hasF := false, false
	var in *strings.Builder // the element whose text is being read
	phonetic, long := 0, false
	for done := false; !done; {
		tok, err := s.dec.RawToken()
		if err != nil {
			return "", 0, "", unexpected(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				hasV, in = true, &v
			case "f":
				hasF, in = true, &formula
			case "rPh":
				phonetic++
			case "t":
				if phonetic == 0 {
					in = &inline
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "c":
				done = true
			case "rPh":
				phonetic--
			case "v", "f", "t":
				in = nil
			}
		case xml.CharData:
			if in != nil && !long {
				if long = s.tooLong(in.Len() + len(t)); !long {
					in.Write(t)
				}
			}
		}
	}
	if long {
		return "", 0, s.tooLongMsg(), nil
	}
	if hasF && !hasV && typ != "inlineStr" {
		return "", 0, fmt.Sprintf("the formula =%s has no saved value (the workbook was written by a program that does not calculate formulas): open it in Excel and save it again, or paste the values (选择性粘贴 → 数值)", clip(formula.String())), nil
	}
	raw := v.String()
	switch typ {
	case "s":
		if !hasV {
			return "", cellText, "", nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(raw))
		if err != nil || i < 0 || i >= len(s.strs) {
			return "", 0, "", fmt.Errorf("a cell refers to text number %q, which the workbook does not have", raw)
		}
		if s.long[i] {
			return "", 0, s.tooLongMsg(), nil
		}
		return s.strs[i], cellText, "", nil
	case "inlineStr":
		return unescapeX(inline.String()), cellText, "", nil
	case "str":
		return unescapeX(raw), cellText, "", nil
	case "b":
		if strings.TrimSpace(raw) == "1" {
			return "TRUE", cellBool, "", nil
		}
		return "FALSE", cellBool, "", nil
	case "e":
		if hasF {
			return "", 0, fmt.Sprintf("the formula =%s gives the error %s: correct it, or clear the cell", clip(formula.String()), raw), nil
		}
		return "", 0, fmt.Sprintf("the cell shows the error %s: correct it, or clear the cell", raw), nil
	case "d": // an ISO 8601 date, as some programs write dates
		t, err := time.Parse("2006-01-02T15:04:05", strings.TrimSuffix(raw, "Z"))
		if err != nil {
			if t, err = time.Parse(time.DateOnly, raw); err != nil {
				return raw, cellText, "", nil
			}
		}
		return dateText(t), cellDate, "", nil
	}
	if !hasV || strings.TrimSpace(raw) == "" {
		return "", cellText, "", nil // a cell with only a format
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return "", 0, "", fmt.Errorf("a number cell holds %q", clip(raw))
	}
	switch s.format(style) {
	case fmtDate:
		t, err := excelize.ExcelDateToTime(f, s.date1904)
		if err != nil || t.Year() > 9999 {
			return "", 0, fmt.Sprintf("the cell is formatted as a date but holds %s, which is no date: correct it, or format the cell as a number", strconv.FormatFloat(f, 'f', -1, 64)), nil
		}
		return dateText(t), cellDate, "", nil
	case fmtTime:
		if f >= 0 && f < 1 {
			t, _ := excelize.ExcelDateToTime(f, false)
			return t.Format(time.TimeOnly), cellText, "", nil
		}
	}
	if math.Abs(f) >= 1e15 {
		// Excel keeps 15 significant digits: the 16th and later of an
		// 18-digit credit code typed as a number are gone.
		return "", 0, fmt.Sprintf("the cell holds the number %s: Excel keeps only 15 digits of a number, so a code or id this long has lost its last digits. Format the column as text (设置单元格格式 → 文本) and type the values again, or paste them as text", strconv.FormatFloat(f, 'E', -1, 64)), nil
	}
	return decimalText(f), cellNumber, "", nil
}

// format is what the number format of the style (a cell's s attribute) shows.
func (s *sheetReader) format(style string) numFmt {
	if style == "" {
		return fmtNumber
	}
	i, err := strconv.Atoi(style)
	if err != nil || i < 0 || i >= len(s.formats) {
		return fmtNumber
	}
	return s.formats[i]
}

// decimalText writes a number cell's value as Excel shows it in the General
// format, to its 15 significant digits: a sum saved as 0.30000000000000004
// is 0.3. The text is a plain decimal, never an exponent.
func decimalText(f float64) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	if r == 0 {
		return "0" // not -0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// dateText writes a date as the CSV rules read it: YYYY-MM-DD, with the
// time after it when there is one.
func dateText(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.DateTime)
}

// reportMerges reports merged cells in the rows below the header: a table
// needs a value in each of its cells, and a merged range has one for all.
func (s *sheetReader) reportMerges() {
	if s.header == 0 {
		return
	}
	for _, ref := range s.merges {
		from, to, ok := strings.Cut(ref, ":")
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		_, r2, err2 := excelize.CellNameToCoordinates(to)
		if !ok || err1 != nil || err2 != nil || r2 <= s.header {
			continue
		}
		s.probs.errorf(max(r1, s.header+1), c1, "cells %s are merged: every row of a table needs its own cells; unmerge them (取消单元格合并) and write the value into each row", ref)
	}
}

// unexpected is the error of XML that ends inside an element.
func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// typedFields are a schema's fields as they read a workbook's typed cells:
// a number cell's text is a plain decimal whatever the site's rules for
// writing numbers (a decimal comma in [data]), a date cell's an ISO date
// whatever written forms of dates its column accepts.
type typedFields struct{ number, date []Field }

// plainNumbers is how a number cell's value is written (decimalText).
var plainNumbers = value.NumberFormat{Decimal: "."}

func newTypedFields(fields []Field) *typedFields {
	t := &typedFields{number: slices.Clone(fields), date: slices.Clone(fields)}
	for i := range fields {
		t.number[i].Numbers = &plainNumbers
		if fields[i].Type == Date {
			t.date[i].DateFormats = []string{"iso"}
		}
	}
	return t
}

// field is the field fi (f) as it reads a cell of kind k.
func (t *typedFields) field(f *Field, fi int, k cellKind) *Field {
	switch k {
	case cellNumber:
		return &t.number[fi]
	case cellDate:
		return &t.date[fi]
	}
	return f
}

// attr is the value of a start element's attribute, by its local name.
func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
