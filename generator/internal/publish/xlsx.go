package publish

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"gongkai/generator/internal/data"
)

// XLSXType is the media type of an .xlsx workbook.
const XLSXType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// MaxXLSXRows is how many rows of data an .xlsx download can hold: an Excel
// sheet has 1,048,576 rows, and the first is the header.
const MaxXLSXRows = excelize.TotalRows - 1

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
func WriteXLSX(w io.Writer, d *data.Dataset, title, updated string, text FieldText) error {
	b, err := NewWorkbook(d, title, updated, text)
	if err != nil {
		return err
	}
	defer b.Close()
	if err := d.Each(b.Add); err != nil {
		return err
	}
	_, err = b.WriteTo(w)
	return err
}

// Workbook is a dataset's .xlsx download in the making (see WriteXLSX),
// from rows another download reads: WriteCSV hands each row it writes to
// Add, so a million rows are read once for both. The sheet is streamed to
// a temporary file as the rows come (excelize's StreamWriter): a million
// rows cost no more memory than a thousand. WriteTo writes the workbook
// out; Close releases it.
type Workbook struct {
	f         *excelize.File
	sw        *excelize.StreamWriter
	d         *data.Dataset
	text      FieldText
	subtotals bool
	row       []any
	n         int // the sheet's last row
}

// NewWorkbook begins the .xlsx download of a dataset (see WriteXLSX): its
// properties, its sheet's column formats and the frozen header.
func NewWorkbook(d *data.Dataset, title, updated string, text FieldText) (*Workbook, error) {
	if !FitsXLSX(d) {
		return nil, fmt.Errorf("dataset %s has %d rows, more than an Excel sheet holds (%d)", d.ID, d.Rows, MaxXLSXRows)
	}
	b := &Workbook{f: excelize.NewFile(), d: d, text: text.or(), subtotals: hasSubtotals(d), n: 1}
	b.f.SetZipWriter(fastZip)
	var err error
	if b.sw, err = startSheet(b.f, d, title, updated, b.text); err != nil {
		b.f.Close()
		return nil, err
	}
	width := len(d.Columns)
	b.row = make([]any, width, width+2)
	if b.subtotals {
		b.row = append(b.row, "")
	}
	if d.Sample {
		b.row = append(b.row, "是：示例数据，不是真实数字")
	}
	return b, nil
}

// Add writes the next row of the dataset to the sheet, as Dataset.Each
// hands it out.
func (b *Workbook) Add(file string, line int, cells []data.Cell) error {
	b.n++
	for i, c := range cells {
		b.row[i] = xlsxValue(c, b.d.Columns[i].Type, b.text)
	}
	if b.subtotals {
		b.row[len(cells)] = "否"
		if b.d.IsSubtotal(file, line) {
			b.row[len(cells)] = "是"
		}
	}
	return b.sw.SetRow("A"+strconv.Itoa(b.n), b.row)
}

// WriteTo writes the workbook, once every row has been added.
func (b *Workbook) WriteTo(w io.Writer) (int64, error) {
	if err := b.sw.Flush(); err != nil {
		return 0, err
	}
	return b.f.WriteTo(w)
}

// Close releases the workbook and its temporary file.
func (b *Workbook) Close() error { return b.f.Close() }

// startSheet sets the workbook's properties and its one sheet's column
// formats and widths, and writes the frozen header.
func startSheet(f *excelize.File, d *data.Dataset, title, updated string, text FieldText) (*excelize.StreamWriter, error) {
	sheet := SheetName(d)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	props := excelize.DocProperties{Title: title, Identifier: d.ID, Creator: "gongkai"}
	if d.Sample {
		props.Description = text.Sample
	}
	if updated != "" {
		props.Created, props.Modified = updated+"T00:00:00Z", updated+"T00:00:00Z"
	}
	if err := f.SetDocProps(&props); err != nil {
		return nil, err
	}
	st, err := newXLSXStyles(f)
	if err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	header := Headers(d, text)
	if hasSubtotals(d) {
		header = append(header, SubtotalColumn)
	}
	if d.Sample {
		header = append(header, "示例数据")
	}
	// Column formats and widths, then the frozen header: excelize takes
	// them only before the first row. It puts each column before those set
	// earlier, so they are set from the last: Excel wants them in order.
	for i := len(header) - 1; i >= 0; i-- {
		style, width := st.text, 12.0
		if i < len(d.Columns) {
			switch t := d.Columns[i].Type; {
			case t.IsNumeric():
				style, width = 0, 14
			case t == data.Date:
				style = st.date
			case t == data.USCC:
				width = 22
			}
		}
		width = min(max(width, labelWidth(header[i])), 50)
		if style != 0 {
			if err := sw.SetColStyle(i+1, i+1, style); err != nil {
				return nil, err
			}
		}
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return nil, err
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	return sw, sw.SetRow("A1", row)
}

// fastZip compresses a workbook's parts at deflate's fastest level: the
// sheet of a million rows is written in a third of the time of the default
// level, for a file about a fifth larger. Its compressors are kept for the
// next part and workbook, as archive/zip keeps its own: each holds a
// megabyte.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw, ok := fastFlate.Get().(*flate.Writer); ok {
			fw.Reset(out)
			return pooledFlate{fw}, nil
		}
		fw, err := flate.NewWriter(out, flate.BestSpeed)
		return pooledFlate{fw}, err
	})
	return zw
}

var fastFlate sync.Pool

// pooledFlate goes back to fastFlate when it is closed.
type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	fastFlate.Put(p.Writer)
	return err
}

// xlsxStyles are the cell styles of a download.
type xlsxStyles struct{ header, text, date int }

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var st xlsxStyles
	var err error
	dateFormat := "yyyy-mm-dd"
	if st.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, NumFmt: 49}); err != nil {
		return st, err
	}
	if st.text, err = f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil { // @: text
		return st, err
	}
	st.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFormat})
	return st, err
}

// xlsxValue is a cell's value as the workbook holds it: a number, a date, or
// text; nil (an empty cell) when it is missing.
func xlsxValue(c data.Cell, t data.Type, text FieldText) any {
	switch {
	case c.Missing:
		return nil
	case t.IsNumeric():
		return c.Num
	case t == data.Boolean:
		if c.Text == "true" {
			return text.True
		}
		return text.False
	case t == data.Date:
		if day, err := time.Parse(time.DateOnly, c.Text); err == nil {
			return day
		}
	}
	return c.Text
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
