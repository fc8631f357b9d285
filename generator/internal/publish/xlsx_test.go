package publish

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/diag"
)

// readBackCSV is the dataset the read-back tests write: 18-digit credit
// codes (one ending in X), codes with leading zeros, numbers, dates, a
// year-month that stays text, 是/否, text XML must escape and text that
// reads as one of Excel's escapes, a missing value, and a subtotal row.
const readBackCSV = "信用代码,科目编码,名称,金额(万元),日期,是否,年度\n" +
	"524401004488691698,208,\"合计<民政>&\"\"社保\"\"\",3.5,2013-03-15,是,2013\n" +
	"5244010005521476X0,2080201,_x0041_ 行政运行,1.25,1900-03-01,否,2014\n" +
	"524401004488692001,2080208,\"=HYPERLINK(\"\"x\"\")\",2.25,,是,2015\n" +
	"524401004488692010,0201,科目\u3000名称,-7,2013-03,否,\n"

const readBackSchema = `{"sample": true, "fields": [
	{"name": "信用代码", "type": "string"}, {"name": "科目编码", "type": "string", "format": "code"},
	{"name": "名称", "type": "string"}, {"name": "金额(万元)", "type": "number"},
	{"name": "日期", "type": "date", "format": "iso,yearmonth"}, {"name": "是否", "type": "boolean"}, {"name": "年度", "type": "year"}]}`

// shown is what a spreadsheet shows in each cell of the download: the
// CSV's cells, but for text, which the workbook holds as it is and the CSV
// after a "'" where it would run as a formula.
func shown(t *testing.T, d *data.Dataset) [][]string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCSV(&b, d, FieldText{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(rows); i++ {
		for j := range d.Columns {
			if v, ok := strings.CutPrefix(rows[i][j], "'"); ok && neutralize(v) != v {
				rows[i][j] = v
			}
		}
	}
	return rows
}

// TestXLSXReadBack opens the .xlsx download with excelize and checks it
// cell by cell against the CSV: the sheet's name, the frozen bold header,
// every row, numbers and dates as numbers (a date as its day in Excel's
// numbering), codes of 18 digits and leading zeros as text.
func TestXLSXReadBack(t *testing.T) {
	d := dataset(t, readBackCSV, readBackSchema)
	f := workbook(t, d, "部门预算 & 决算", "2025-06-30")
	sheet := "示例数据-x"
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheet}) {
		t.Fatalf("sheets %q", got)
	}
	want := shown(t, d)
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i := range want {
		row := append(rows[i], make([]string, len(want[i])-len(rows[i]))...)
		if !slices.Equal(row, want[i]) {
			t.Errorf("row %d: %q, want %q", i+1, row, want[i])
		}
	}
	for cell, want := range map[string]string{"A2": "524401004488691698", "A3": "5244010005521476X0", "B5": "0201", "E5": "2013-03"} {
		v, _ := f.GetCellValue(sheet, cell)
		if ty, _ := f.GetCellType(sheet, cell); v != want || ty != excelize.CellTypeInlineString {
			t.Errorf("%s: %q (type %v), want the text %q", cell, v, ty, want)
		}
	}
	for cell, want := range map[string]string{"D2": "3.5", "D5": "-7", "G2": "2013", "E2": "41348", "E3": "61"} {
		raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if ty, _ := f.GetCellType(sheet, cell); raw != want || ty != excelize.CellTypeUnset {
			t.Errorf("%s holds %q (type %v), want the number %s", cell, raw, ty, want)
		}
	}
	if panes, _ := f.GetPanes(sheet); !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("header not frozen: %+v", panes)
	}
	for _, cell := range []string{"A1", "H1"} {
		id, _ := f.GetCellStyle(sheet, cell)
		if st, _ := f.GetStyle(id); st == nil || st.Font == nil || !st.Font.Bold || st.NumFmt != 49 {
			t.Errorf("header cell %s is not bold text: %+v", cell, st)
		}
	}
	id, _ := f.GetCellStyle(sheet, "E2")
	if st, _ := f.GetStyle(id); st == nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
		t.Errorf("E2 is not shown as a date: %+v", st)
	}
	if props, _ := f.GetDocProps(); props.Title != "部门预算 & 决算" || props.Identifier != "x" || props.Modified != "2025-06-30T00:00:00Z" {
		t.Errorf("properties %+v", props)
	}
}

// TestXLSXReadByGongkai reads the .xlsx download as gongkai reads a
// workbook given as data (its own reader of the sheet's XML, not
// excelize's): every cell comes back as the CSV has it.
func TestXLSXReadByGongkai(t *testing.T) {
	d := dataset(t, readBackCSV, readBackSchema)
	var b bytes.Buffer
	if err := WriteXLSX(&b, d, "", "", FieldText{}); err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	sets, err := data.Load(fstest.MapFS{"data/x.xlsx": {Data: b.Bytes()}}, data.DefaultOptions(), &diags)
	if err != nil || diags.HasErrors() || len(sets) != 1 {
		t.Fatalf("%v\n%v", err, diags.Err())
	}
	back := sets[0]
	if f := back.Files[0]; f.Sheet != "示例数据-x" || f.HeaderLine != 1 {
		t.Errorf("sheet %q, header on row %d", f.Sheet, f.HeaderLine)
	}
	want := shown(t, d)
	var got [][]string
	var names []string
	for _, c := range back.Columns {
		names = append(names, c.Label(false))
	}
	got = append(got, names)
	err = back.Each(func(_ string, _ int, cells []data.Cell) error {
		var row []string
		for i, c := range cells {
			switch {
			case c.Missing:
				row = append(row, "")
			case back.Columns[i].Type == data.Boolean && c.Text == "true":
				row = append(row, "是")
			case back.Columns[i].Type == data.Boolean:
				row = append(row, "否")
			default:
				row = append(row, c.Text)
			}
		}
		got = append(got, row)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d: %q, want %q", i+1, got[i], want[i])
		}
	}
}

// TestXLSXSameBytes: the same dataset makes the same workbook, byte for
// byte, and one without a date of its data says no date.
func TestXLSXSameBytes(t *testing.T) {
	d := dataset(t, readBackCSV, readBackSchema)
	var one, two bytes.Buffer
	if err := WriteXLSX(&one, d, "甲", "", FieldText{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteXLSX(&two, d, "甲", "", FieldText{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), two.Bytes()) {
		t.Error("two workbooks of the same data differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(one.Bytes()), int64(one.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "docProps/core.xml" {
			continue
		}
		rc, _ := f.Open()
		core, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(core, []byte("dcterms:")) {
			t.Errorf("a date in the properties of a workbook without one:\n%s", core)
		}
	}
}

func TestAppendEscaped(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"行政运行", "行政运行"},
		{`a<b>&"c"`, `a&lt;b&gt;&amp;"c"`},
		{"_x0041_ and _x004", "_x005F_x0041_ and _x004"},
		{"tab\there\nline\rend", "tab\there\nline&#xD;end"},
		{"bell\x07", "bell_x0007_"},
		{"\uFFFE\uFFFD", "_xFFFE_\uFFFD"},
		{"bad\xffbyte", "bad\uFFFDbyte"},
	} {
		if got := string(appendEscaped(nil, c.in)); got != c.want {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
}

func TestExcelDay(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"1900-01-01", 1, true}, {"1900-02-28", 59, true}, {"1900-03-01", 61, true},
		{"2013-03-15", 41348, true}, {"9999-12-31", 2958465, true},
		{"1899-12-31", 0, false}, {"2013-03", 0, false}, {"2013", 0, false},
	} {
		if got, ok := excelDay(c.in); got != c.want || ok != c.ok {
			t.Errorf("%s: %d %v, want %d %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestColumnName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := columnName(i); got != want {
			t.Errorf("%d: %s, want %s", i, got, want)
		}
	}
}

// TestCutUTF16: a text is cut where Excel cuts it, at 32,767 UTF-16 code
// units, never inside a character.
func TestCutUTF16(t *testing.T) {
	long := strings.Repeat("字", maxCellChars+5)
	if got := cutUTF16(long, maxCellChars); got != strings.Repeat("字", maxCellChars) {
		t.Errorf("cut to %d characters", len([]rune(got)))
	}
	wide := strings.Repeat("𠀀", 3) // two code units each
	if got := cutUTF16(wide, 5); got != "𠀀𠀀" {
		t.Errorf("%q", got)
	}
}
