package publish

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/diag"
)

// dataset reads one CSV file (and its schema file, if given) as a dataset.
func dataset(t *testing.T, csv, schema string) *data.Dataset {
	t.Helper()
	fsys := fstest.MapFS{"data/x.csv": {Data: []byte(csv)}}
	if schema != "" {
		fsys["data/x.schema.json"] = &fstest.MapFile{Data: []byte(schema)}
	}
	var diags diag.List
	sets, err := data.Load(fsys, data.DefaultOptions(), &diags)
	if err != nil || diags.HasErrors() || len(sets) != 1 {
		t.Fatalf("%v\n%v", err, diags.Err())
	}
	return sets[0]
}

// workbook writes a dataset's .xlsx download and opens it with excelize.
func workbook(t *testing.T, d *data.Dataset, title, updated string) *excelize.File {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, d, title, updated, FieldText{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestCSVNeutralisesHeader: a header cell Excel would run as a formula is
// neutralised as the data cells are, and the CSV has no byte order mark.
func TestCSVNeutralisesHeader(t *testing.T) {
	d := dataset(t, "=SUM(1+1),+名称,数量\n=1+1,-x,-5\n", "")
	var b bytes.Buffer
	if err := WriteCSV(&b, d, FieldText{}); err != nil {
		t.Fatal(err)
	}
	want := "'=SUM(1+1),'+名称,数量\r\n'=1+1,'-x,-5\r\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
	if h := Headers(d, FieldText{}); h[0] != "'=SUM(1+1)" {
		t.Errorf("datapackage.json would name the field %q, the CSV %q", h[0], "'=SUM(1+1)")
	}
}

// TestXLSXTypedCells opens the .xlsx download with excelize, as Excel
// would: the header is the CSV's, bold and frozen; codes and ids declared
// or inferred as text are text cells (leading zeros and 18 digits kept),
// numbers are numbers, dates are dates shown YYYY-MM-DD, 是/否 stays 是/否,
// formula-like text is text that is never run, a missing value is an empty
// cell, and sample data says so in the sheet's name and last column.
func TestXLSXTypedCells(t *testing.T) {
	d := dataset(t, "编号,信用代码,金额(万元),日期,是否,说明,年度\n"+
		"0201,524401004488691698,1234.5,2013-03-15,是,\"=HYPERLINK(\"\"x\"\")\",2013\n"+
		"2080201,5244010005521476X0,-3,,否,,2014\n",
		`{"sample": true, "fields": [{"name": "编号", "type": "integer"}, {"name": "信用代码", "type": "string"},
		{"name": "金额(万元)", "type": "number"}, {"name": "日期", "type": "date"}, {"name": "是否", "type": "boolean"},
		{"name": "说明", "type": "string"}, {"name": "年度", "type": "year"}]}`)
	// 编号 declared integer: a number, so 0201 is 201 (as the CSV and JSON
	// have it); declared string it would stay 0201 — see the next test.
	f := workbook(t, d, "标题", "2025-06-30")
	sheet := f.GetSheetName(0)
	if sheet != "示例数据-x" || f.SheetCount != 1 {
		t.Errorf("sheets %v", f.GetSheetList())
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"编号", "信用代码", "金额(万元)", "日期", "是否", "说明", "年度", "示例数据"},
		{"201", "524401004488691698", "1234.5", "2013-03-15", "是", `=HYPERLINK("x")`, "2013", "是：示例数据，不是真实数字"},
		{"2080201", "5244010005521476X0", "-3", "", "否", "", "2014", "是：示例数据，不是真实数字"},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %q", rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: %q, want %q", i+1, rows[i], want[i])
		}
	}
	types := map[string]excelize.CellType{"A2": excelize.CellTypeUnset, "B2": excelize.CellTypeInlineString, "C2": excelize.CellTypeUnset,
		"D2": excelize.CellTypeUnset, "E2": excelize.CellTypeInlineString, "F2": excelize.CellTypeInlineString, "G2": excelize.CellTypeUnset}
	for cell, ty := range types { // unset: a number
		if got, _ := f.GetCellType(sheet, cell); got != ty {
			t.Errorf("%s: type %v, want %v", cell, got, ty)
		}
	}
	if raw, _ := f.GetCellValue(sheet, "D2", excelize.Options{RawCellValue: true}); raw != "41348" {
		t.Errorf("D2 holds %q, want the date 2013-03-15 (41348)", raw)
	}
	if formula, _ := f.GetCellFormula(sheet, "F2"); formula != "" {
		t.Errorf("F2 is the formula %q", formula)
	}
	if panes, _ := f.GetPanes(sheet); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v", panes)
	}
	id, _ := f.GetCellStyle(sheet, "A1")
	if st, _ := f.GetStyle(id); st == nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header not bold")
	}
	if props, _ := f.GetDocProps(); props.Title != "标题" || props.Modified != "2025-06-30T00:00:00Z" {
		t.Errorf("properties %+v", props)
	}
}

// TestXLSXCodesStayText: a column of digits the schema declares string,
// and one inferred as a code (leading zeros), stay text in the workbook.
func TestXLSXCodesStayText(t *testing.T) {
	d := dataset(t, "代码,科目编码,金额\n0123,2080201,1\n0456,205,2\n", `{"fields": [{"name": "代码", "type": "string"}, {"name": "科目编码", "type": "string", "format": "code"}, {"name": "金额", "type": "number"}]}`)
	f := workbook(t, d, "", "")
	for cell, want := range map[string]string{"A2": "0123", "B2": "2080201", "A3": "0456", "B3": "205"} {
		v, _ := f.GetCellValue("x", cell)
		ty, _ := f.GetCellType("x", cell)
		if v != want || ty != excelize.CellTypeInlineString {
			t.Errorf("%s: %q (type %v), want the text %q", cell, v, ty, want)
		}
	}
}

func TestFitsXLSX(t *testing.T) {
	if !FitsXLSX(&data.Dataset{Rows: 1_048_575}) || FitsXLSX(&data.Dataset{Rows: 1_048_576}) {
		t.Error("an Excel sheet holds 1,048,575 rows below its header")
	}
	if err := WriteXLSX(&bytes.Buffer{}, &data.Dataset{ID: "big", Rows: 2_000_000}, "", "", FieldText{}); err == nil {
		t.Error("no error for a dataset that does not fit a sheet")
	}
}

// FuzzPlainJSON: a text plainJSON lets through is the text json.Marshal
// writes, so the JSON download is the same with or without it.
func FuzzPlainJSON(f *testing.F) {
	for _, s := range []string{"", "行政运行", `a"b`, `a\b`, "<b>", "a&b", "\u2028", "\u2029", "\u2027", "\x01", "\t", "\x7f", "bad\xffbyte", "\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if plainJSON(s) && string(b) != `"`+s+`"` {
			t.Errorf("%q is written %s", s, b)
		}
	})
}
