package publish

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"gongkai/generator/internal/data"
)

// XLSXType is the media type of an .xlsx workbook.
const XLSXType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// MaxXLSXRows is how many rows of data an .xlsx download can hold: an Excel
// sheet has 1,048,576 rows, and the first is the header.
const MaxXLSXRows = 1<<20 - 1

// FitsXLSX reports whether the dataset fits one Excel sheet. One that does
// not gets no .xlsx download (a file Excel would cut short is worse than
// none); its CSV has every row.
func FitsXLSX(d *data.Dataset) bool { return d.Rows <= MaxXLSXRows }

// SampleSheet begins the sheet name of a sample dataset's .xlsx download,
// where everyone who opens it sees it, on the sheet's tab.
const SampleSheet = "示例数据"

// SheetName is the name of the one sheet of a dataset's .xlsx download: the
// dataset's id, after 示例数据 for sample data (示例数据-budgets), cut to
// Excel's 31 characters.
func SheetName(d *data.Dataset) string {
	name := d.ID
	if d.Sample {
		name = SampleSheet + "-" + name
	}
	if utf8.RuneCountInString(name) > 31 {
		name = string([]rune(name)[:31])
	}
	return name
}

// WriteXLSX writes a dataset as an Excel workbook for download, for the
// people who open the data in Excel (the CSV, without a byte order mark, is
// for programs). It has one sheet (SheetName) with the CSV download's
// columns and header labels (Headers; the 小计 and 示例数据 columns too), the
// header row bold and frozen, and typed cells, so Excel neither guesses nor
// loses digits:
//
//   - numbers, integers and years are numbers;
//   - dates are dates, shown YYYY-MM-DD (a year or year-month alone is text);
//   - 是/否 columns say 是 or 否 (yes/no on an English site), as the CSV does;
//   - every other column — codes, ids, 18-digit credit codes, names — is
//     text, its cells and the column formatted as text (@), so a code such
//     as 0201 or 524401004488692001 stays as written.
//
// Text cells are never evaluated, so unlike the CSV's they need no "'"
// before a leading =, +, - or @ (the header labels have it all the same:
// they are the CSV's, and datapackage.json's field names). A text longer
// than Excel's 32,767 characters is cut there; the CSV has it whole.
//
// The workbook's properties give its title (the dataset's title as the site
// shows it), the dataset's id and when it was last modified (updated,
// YYYY-MM-DD: the same for the same data, so two builds write the same
// bytes). A dataset that does not fit a sheet (FitsXLSX) is an error.
//
// The workbook is written as it goes, in one reading of the rows (Each): a
// ZIP of the few small parts every workbook has (xlsxparts.go) and the
// sheet, whose rows hold their text inline rather than in a table of
// shared strings, which would have to be kept until the last row. A
// million rows take no more memory than a thousand.
func WriteXLSX(w io.Writer, d *data.Dataset, title, updated string, text FieldText) error {
	if !FitsXLSX(d) {
		return fmt.Errorf("dataset %s has %d rows, more than an Excel sheet holds (%d)", d.ID, d.Rows, MaxXLSXRows)
	}
	text = text.or()
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, fastCompressor)
	for _, p := range workbookParts(d, title, updated, text) {
		pw, err := zw.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(pw, p.body); err != nil {
			return err
		}
	}
	pw, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	if err := writeSheet(pw, d, text); err != nil {
		return err
	}
	return zw.Close()
}

// Cell styles, the indexes of cellXfs in styles.xml (xlsxparts.go).
const (
	styleNone   = 0
	styleHeader = 1 // bold text
	styleText   = 2 // text (@)
	styleDate   = 3 // yyyy-mm-dd
)

// sheetColumn is how a column of the sheet writes its cells.
type sheetColumn struct {
	name  string // its letters: A, B, … AA
	kind  data.Type
	style int
	width float64
}

// sheetColumns are the sheet's columns: the dataset's, then the ones the
// downloads add (小计, 示例数据), which are text.
func sheetColumns(d *data.Dataset, header []string) []sheetColumn {
	cols := make([]sheetColumn, len(header))
	for i := range cols {
		c := sheetColumn{name: columnName(i), kind: data.String, style: styleText, width: 12}
		if i < len(d.Columns) {
			switch c.kind = d.Columns[i].Type; {
			case c.kind.IsNumeric():
				c.style, c.width = styleNone, 14
			case c.kind == data.Date:
				c.style = styleDate
			case c.kind == data.USCC:
				c.width = 22
			}
		}
		c.width = min(max(c.width, labelWidth(header[i])), 50)
		cols[i] = c
	}
	return cols
}

// writeSheet writes the worksheet: its size, the frozen header, the
// columns' widths and formats, then the header and every row.
func writeSheet(w io.Writer, d *data.Dataset, text FieldText) error {
	header := downloadHeader(d, text)
	cols := sheetColumns(d, header)
	bw := bufio.NewWriterSize(w, 64<<10)
	b := make([]byte, 0, 4<<10)
	b = append(b, xmlHeader...)
	b = append(b, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`...)
	if len(cols) > 0 {
		b = append(b, `<dimension ref="A1:`...)
		b = append(b, cols[len(cols)-1].name...)
		b = strconv.AppendInt(b, int64(d.Rows+1), 10)
		b = append(b, `"/>`...)
	}
	b = append(b, `<sheetViews><sheetView tabSelected="1" workbookViewId="0">`...)
	b = append(b, `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`...)
	b = append(b, `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`...)
	b = append(b, `<sheetFormatPr defaultRowHeight="15"/><cols>`...)
	for i, c := range cols {
		b = append(b, `<col min="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" max="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" width="`...)
		b = strconv.AppendFloat(b, c.width, 'f', -1, 64)
		b = append(b, `" customWidth="1"`...)
		if c.style != styleNone {
			b = append(b, ` style="`...)
			b = strconv.AppendInt(b, int64(c.style), 10)
			b = append(b, '"')
		}
		b = append(b, `/>`...)
	}
	b = append(b, `</cols><sheetData><row r="1">`...)
	for i, h := range header {
		b = appendText(b, cols[i].name, 1, styleHeader, h)
	}
	b = append(b, `</row>`...)
	if _, err := bw.Write(b); err != nil {
		return err
	}
	subtotals := hasSubtotals(d)
	n := 1 // the sheet's last row
	err := d.Each(func(file string, line int, cells []data.Cell) error {
		n++
		b = append(b[:0], `<row r="`...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, `">`...)
		for i := range cells {
			b = appendCell(b, &cols[i], n, &cells[i], text)
		}
		i := len(cells)
		if subtotals {
			mark := "否"
			if d.IsSubtotal(file, line) {
				mark = "是"
			}
			b = appendText(b, cols[i].name, n, cols[i].style, mark)
			i++
		}
		if d.Sample {
			b = appendText(b, cols[i].name, n, cols[i].style, "是：示例数据，不是真实数字")
		}
		b = append(b, `</row>`...)
		_, err := bw.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	if _, err := bw.WriteString(`</sheetData></worksheet>`); err != nil {
		return err
	}
	return bw.Flush()
}

// appendCell appends a cell of the dataset as its column holds it: a
// number, a date (a number Excel shows as a date), or text; nothing when
// the value is missing.
func appendCell(b []byte, col *sheetColumn, row int, c *data.Cell, text FieldText) []byte {
	switch {
	case c.Missing:
		return b
	case col.kind.IsNumeric():
		if math.IsInf(c.Num, 0) || math.IsNaN(c.Num) {
			break // no number Excel can hold: the text, as the CSV has it
		}
		b = appendRef(b, col.name, row, col.style)
		b = append(b, `><v>`...)
		b = strconv.AppendFloat(b, c.Num, 'f', -1, 64)
		return append(b, `</v></c>`...)
	case col.kind == data.Boolean:
		v := text.False
		if c.Text == "true" {
			v = text.True
		}
		return appendText(b, col.name, row, col.style, v)
	case col.kind == data.Date:
		if serial, ok := excelDay(c.Text); ok {
			b = appendRef(b, col.name, row, col.style)
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, int64(serial), 10)
			return append(b, `</v></c>`...)
		}
	}
	return appendText(b, col.name, row, col.style, c.Text)
}

// appendRef appends the start of a cell, without its closing ">": its
// reference (B12) and style.
func appendRef(b []byte, col string, row, style int) []byte {
	b = append(b, `<c r="`...)
	b = append(b, col...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if style != styleNone {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	return b
}

// appendText appends a text cell, its text held in the cell (inlineStr).
func appendText(b []byte, col string, row, style int, s string) []byte {
	b = appendRef(b, col, row, style)
	s = cutUTF16(s, maxCellChars)
	if s != "" && (strings.ContainsRune(" \t\n\r", rune(s[0])) || strings.ContainsRune(" \t\n\r", rune(s[len(s)-1]))) {
		b = append(b, ` t="inlineStr"><is><t xml:space="preserve">`...)
	} else {
		b = append(b, ` t="inlineStr"><is><t>`...)
	}
	b = appendEscaped(b, s)
	return append(b, `</t></is></c>`...)
}

// maxCellChars is the most characters (UTF-16 code units, as Excel counts
// them) an Excel cell holds.
const maxCellChars = 32767

// cutUTF16 cuts s to at most n UTF-16 code units, at a character's end.
func cutUTF16(s string, n int) string {
	if len(s) <= n { // no character takes fewer bytes in UTF-8 than code units in UTF-16
		return s
	}
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > n {
			return s[:i]
		}
	}
	return s
}

// appendEscaped appends s as the text of an XML element. A character XML
// 1.0 cannot hold (a control character, U+FFFE, U+FFFF) is written as
// Excel writes it, _xHHHH_, and so is the "_" of text that reads as such an
// escape, so that a reader gets s back; invalid UTF-8 becomes U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != '_' {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError && r != 0xFFFE && r != 0xFFFF || size == 3 && r == utf8.RuneError {
				i += size // a character XML holds (U+FFFD itself included)
				continue
			}
		}
		var esc string
		switch {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '\t' || c == '\n':
			i++
			continue
		case c == '\r':
			esc = "&#xD;" // a bare CR would be read as a line end
		case c == '_':
			if !isEscapeLike(s[i:]) {
				i++
				continue
			}
			esc = "_x005F_"
		case r == utf8.RuneError:
			esc = "\uFFFD"
		default:
			esc = fmt.Sprintf("_x%04X_", r)
		}
		b = append(b, s[start:i]...)
		b = append(b, esc...)
		i += size
		start = i
	}
	return append(b, s[start:]...)
}

// isEscapeLike reports whether s starts with what Excel reads as an escaped
// character: _x, four hexadecimal digits, _.
func isEscapeLike(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, h := range s[2:6] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", h) {
			return false
		}
	}
	return true
}

// excelDay is the day a date (YYYY-MM-DD) is in Excel's numbering, which
// counts 1 January 1900 as day 1 and, as Lotus 1-2-3 did, a 29 February
// 1900 that never was; false for text that is not such a date or a day
// before 1900, which Excel cannot show as a date.
func excelDay(s string) (int, bool) {
	day, err := time.Parse(time.DateOnly, s)
	if err != nil || day.Year() < 1900 {
		return 0, false
	}
	n := int((day.Unix() - time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC).Unix()) / (24 * 60 * 60))
	if n >= 60 { // from 1 March 1900
		n++
	}
	return n, true
}

// columnName is the letters of the column with index i: A, … Z, AA, AB, ….
func columnName(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}

// labelWidth is about how wide a column must be, in Excel's units (the
// width of a digit), to show a header label: Chinese characters take two.
func labelWidth(s string) float64 {
	w := 2.0
	for _, r := range s {
		if r < 0x1100 {
			w++
		} else {
			w += 2
		}
	}
	return w
}

// fastCompressor compresses a workbook's parts at deflate's fastest level:
// the sheet of a million rows is written in a third of the time of the
// default level, for a file about a fifth larger. Its compressors are kept
// for the next part and workbook, as archive/zip keeps its own: each holds
// a megabyte.
func fastCompressor(out io.Writer) (io.WriteCloser, error) {
	if fw, ok := fastFlate.Get().(*flate.Writer); ok {
		fw.Reset(out)
		return pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(out, flate.BestSpeed)
	return pooledFlate{fw}, err
}

var fastFlate sync.Pool

// pooledFlate goes back to fastFlate when it is closed.
type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	fastFlate.Put(p.Writer)
	return err
}
