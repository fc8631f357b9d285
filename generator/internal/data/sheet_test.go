package data

import (
	"archive/zip"
	"bytes"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/generator/internal/diag"
)

// workbook builds an .xlsx file as Excel saves one: a sheet named sheet
// holding the rows rows returns, from row 1 (nil leaves a cell empty; an
// excelize.Cell carries a style or a formula and its saved value), and the
// merged ranges. rows may add sheets to f, and gets the styles of an
// export. Cells written "#ERR:#DIV/0!" become error cells, which excelize
// cannot write.
func workbook(t *testing.T, sheet string, rows func(f *excelize.File, st styles) [][]any, merges ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	table := rows(f, newStyles(t, f))
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range table {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range merges {
		from, to, _ := strings.Cut(m, ":")
		if err := sw.MergeCell(from, to); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return errorCells(t, b.Bytes())
}

// errorCells turns the string cells "#ERR:…" of a workbook into error
// cells (t="e"), as Excel saves a cell showing #DIV/0!.
func errorCells(t *testing.T, xlsx []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	errCell := regexp.MustCompile(`t="inlineStr"><is><t>#ERR:([^<]*)</t></is>`)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		b = errCell.ReplaceAll(b, []byte(`t="e"><v>$1</v>`))
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// styles makes the cell styles an Excel export of a budget uses.
type styles struct{ money, date, chineseDate, text int }

func newStyles(t *testing.T, f *excelize.File) styles {
	t.Helper()
	var s styles
	var err error
	chinese := `yyyy"年"m"月"d"日"`
	for _, x := range []struct {
		id    *int
		style excelize.Style
	}{
		{&s.money, excelize.Style{NumFmt: 4}}, // #,##0.00
		{&s.date, excelize.Style{NumFmt: 14}}, // m/d/yyyy, shown as the computer's short date
		{&s.chineseDate, excelize.Style{CustomNumFmt: &chinese}},
		{&s.text, excelize.Style{NumFmt: 49}}, // @
	} {
		if *x.id, err = f.NewStyle(&x.style); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// TestWorkbookValues reads a budget as an Excel export has it — a title
// merged across the columns, the unit merged below it, a blank row, the
// header, numbers formatted with separators, dates in two formats, codes
// typed as text (leading zero, 18-digit credit code), a formula with its
// saved value and a note sheet — and gets the values the cells hold, not
// the text their formats show.
func TestWorkbookValues(t *testing.T) {
	d2013 := time.Date(2013, 3, 15, 0, 0, 0, 0, time.UTC)
	d2014 := time.Date(2014, 12, 31, 0, 0, 0, 0, time.UTC)
	xlsx := workbook(t, "预算表", func(_ *excelize.File, st styles) [][]any {
		return [][]any{
			{"2013年部门预算表", nil, nil, nil, nil, nil},
			{"单位：万元"},
			{},
			{"部门", "科目编码", "金额", "批复日期", "统一社会信用代码", "备注"},
			{"省民政厅", excelize.Cell{StyleID: st.text, Value: "0201"}, excelize.Cell{StyleID: st.money, Value: 1234.5}, excelize.Cell{StyleID: st.date, Value: d2013}, "51440000MJK123456X", "含“三公”经费"},
			{"省财政厅", excelize.Cell{StyleID: st.text, Value: "2080201"}, excelize.Cell{StyleID: st.money, Formula: "C5*2", Value: 2469.0}, excelize.Cell{StyleID: st.chineseDate, Value: d2014}, "524401004488692001", nil},
			{"省教育厅", excelize.Cell{StyleID: st.text, Value: "205"}, excelize.Cell{StyleID: st.money, Value: 0.1 + 0.2}, nil, nil, excelize.Cell{Formula: `"备"&"注"`, Value: "备注"}},
		}
	}, "A1:F1", "A2:F2")
	sets, msgs := load(t, fstest.MapFS{"data/预算.xlsx": {Data: xlsx}}, DefaultOptions())
	if msgs != "" {
		t.Fatalf("messages:\n%s", msgs)
	}
	d := sets[0]
	if d.ID != "预算" || d.Title != "2013年部门预算表" || d.Rows != 3 {
		t.Fatalf("dataset %s %q, %d rows", d.ID, d.Title, d.Rows)
	}
	f := d.Files[0]
	if f.Sheet != "预算表" || f.HeaderLine != 4 {
		t.Errorf("sheet %q, header on row %d", f.Sheet, f.HeaderLine)
	}
	types := map[string]Type{}
	units := map[string]string{}
	for _, c := range d.Columns {
		types[c.Name], units[c.Name] = c.Type, c.Unit
	}
	wantTypes := map[string]Type{"部门": String, "科目编码": Code, "金额": Number, "批复日期": Date, "统一社会信用代码": String, "备注": String}
	for n, ty := range wantTypes {
		if types[n] != ty {
			t.Errorf("column %s is %s, want %s", n, types[n], ty)
		}
	}
	if units["金额"] != "万元" {
		t.Errorf("金额 has the unit %q; the row above the header says 万元", units["金额"])
	}
	var got []string
	err := d.Each(func(file string, line int, cells []Cell) error {
		var vals []string
		for _, c := range cells {
			if c.Missing {
				vals = append(vals, "—")
			} else {
				vals = append(vals, c.Text)
			}
		}
		got = append(got, strings.Join(vals, "|"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"省民政厅|0201|1234.5|2013-03-15|51440000MJK123456X|含“三公”经费",
		"省财政厅|2080201|2469|2014-12-31|524401004488692001|—",
		"省教育厅|205|0.3|—|—|备注",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestWorkbookProblems: a cell showing an error, a formula nobody
// calculated, an 18-digit code Excel turned into a number, a date cell
// holding no date, text where a declared schema wants a number, a number
// below its minimum and cells merged across data rows are each an error at
// their cell, file:sheet!cell, as Excel names it; so are the header's
// problems; and a second sheet with data is a warning at its own first cell.
func TestWorkbookProblems(t *testing.T) {
	xlsx := workbook(t, "Sheet1", func(f *excelize.File, st styles) [][]any {
		if _, err := f.NewSheet("说明"); err != nil {
			t.Fatal(err)
		}
		f.SetCellValue("说明", "A1", "本表由财政厅编制")
		return [][]any{
			{"2013年部门预算表"},
			{"部门", "金额", "代码", "日期"},
			{"甲", "#ERR:#DIV/0!", "1", nil},
			{"乙", excelize.Cell{Formula: "SUM(B1:B2)"}, "2", nil},
			{"丙", 5, 524401004488692000.0, nil},
			{"丁", 6, "4", excelize.Cell{StyleID: st.date, Value: -3}},
			{"戊", "七", "5", nil},
			{"己", -1, "6", nil},
			{"庚", 1, "7", nil},
			{nil, 1, "8", nil},
		}
	}, "A9:A10")
	schema := `{"fields": [{"name": "部门", "type": "string"}, {"name": "金额", "type": "number", "constraints": {"minimum": 0}},
		{"name": "代码", "type": "string"}, {"name": "日期", "type": "date"}]}`
	_, got := load(t, fstest.MapFS{"data/预算.xlsx": {Data: xlsx}, "data/预算.schema.json": {Data: []byte(schema)}}, DefaultOptions())
	want := []string{
		`data/预算.xlsx:Sheet1!B3: the cell shows the error #DIV/0!: correct it, or clear the cell`,
		`data/预算.xlsx:Sheet1!B4: the formula =SUM(B1:B2) has no saved value (the workbook was written by a program that does not calculate formulas): open it in Excel and save it again, or paste the values (选择性粘贴 → 数值)`,
		`data/预算.xlsx:Sheet1!C5: the cell holds the number 5.24401004488692E+17: Excel keeps only 15 digits of a number, so a code or id this long has lost its last digits. Format the column as text (设置单元格格式 → 文本) and type the values again, or paste them as text`,
		`data/预算.xlsx:Sheet1!D6: the cell is formatted as a date but holds -3, which is no date: correct it, or format the cell as a number`,
		`data/预算.xlsx:Sheet1!B7: column B "金额": "七" is written in Chinese numerals`,
		`data/预算.xlsx:Sheet1!B8: column B "金额": "-1" is below the smallest value allowed here, 0`,
		`data/预算.xlsx:Sheet1!A9: cells A9:A10 are merged: every row of a table needs its own cells; unmerge them (取消单元格合并) and write the value into each row`,
		`data/预算.xlsx:说明!A1: warning: this sheet is not read: a workbook's first visible sheet (Sheet1) is its dataset; give each other table a workbook of its own, or hide sheets of notes (隐藏工作表)`,
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing\n  %s\nin\n  %s", w, strings.ReplaceAll(got, "\n", "\n  "))
		}
	}
	cell := regexp.MustCompile(`^data/预算\.xlsx:(Sheet1|说明)![A-Z]+[0-9]+: `)
	for _, l := range strings.Split(got, "\n") {
		if !cell.MatchString(l) {
			t.Errorf("not at a cell: %s", l)
		}
	}
}

// TestWorkbookHeaderProblems: the header's problems are at its cells too.
func TestWorkbookHeaderProblems(t *testing.T) {
	xlsx := workbook(t, "表", func(*excelize.File, styles) [][]any {
		return [][]any{{"名称", nil, "名称", "金额"}, {"甲", 1, 2, 3}}
	})
	_, got := load(t, fstest.MapFS{"data/x.xlsx": {Data: xlsx}}, DefaultOptions())
	want := "data/x.xlsx:表!B1: column B has no name in the header"
	if !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s\nwant prefix\n%s", got, want)
	}
}

// TestWorkbookNotAWorkbook: a file that is no workbook, or one with a
// password, is an error saying how to save it.
func TestWorkbookNotAWorkbook(t *testing.T) {
	for name, src := range map[string][]byte{
		"not a zip": []byte("部门,金额\n甲,1\n"),
		"encrypted": append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...),
	} {
		_, got := load(t, fstest.MapFS{"data/x.xlsx": {Data: src}}, DefaultOptions())
		if !strings.HasPrefix(got, "data/x.xlsx:1:1: ") || !strings.Contains(got, "save it") {
			t.Errorf("%s: %s", name, got)
		}
	}
}

func TestFormatOf(t *testing.T) {
	custom := map[int]string{
		176: `yyyy"年"m"月"d"日"`, 177: `#,##0.00" 元"`, 178: `[h]:mm:ss`, 179: `h:mm AM/PM`, 180: `[$-804]aaaa`, 181: `0.00_);[Red]\(0.00\)`,
		182: `mmm-yy`, 183: `General`, 184: `"day"0`, 185: `[DBNum1][$-804]yyyy"年"m"月"`,
	}
	tests := []struct {
		id   int
		want numFmt
	}{
		{0, fmtNumber}, {4, fmtNumber}, {14, fmtDate}, {22, fmtDate}, {20, fmtTime}, {31, fmtDate}, {57, fmtDate}, {49, fmtNumber},
		{176, fmtDate}, {177, fmtNumber}, {178, fmtTime}, {179, fmtTime}, {181, fmtNumber}, {182, fmtDate}, {183, fmtNumber}, {184, fmtNumber}, {185, fmtDate},
	}
	for _, tt := range tests {
		if got := formatOf(tt.id, custom); got != tt.want {
			t.Errorf("format %d (%q): %d, want %d", tt.id, custom[tt.id], got, tt.want)
		}
	}
}

func TestDecimalText(t *testing.T) {
	for f, want := range map[float64]string{1234.5: "1234.5", 0.1 + 0.2: "0.3", -0.0: "0", 1e-7: "0.0000001", 123456789012345: "123456789012345", 2469: "2469"} {
		if got := decimalText(f); got != want {
			t.Errorf("decimalText(%v) = %s, want %s", f, got, want)
		}
	}
}

func TestUnescapeX(t *testing.T) {
	for in, want := range map[string]string{"a_x000D_b": "a\rb", "_x005F_x0041_": "_x0041_", "a_xZZZZ_b": "a_xZZZZ_b", "plain": "plain", "x_x": "x_x"} {
		if got := unescapeX(in); got != want {
			t.Errorf("unescapeX(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzWorkbook reads arbitrary sheet XML in a workbook: no panic, and every
// message is at a cell of the sheet (or, for the workbook as a whole, at
// its start).
func FuzzWorkbook(f *testing.F) {
	for _, s := range []string{
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c><c r="B2" s="1"><v>41348</v></c></row>`,
		`<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row><c t="str"><f>A1</f><v>x</v></c><c><f>SUM(A1)</f></c></row>`,
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="9"><c r="C9" t="e"><v>#N/A</v></c><c r="D9" s="2"><v>-1</v></c></row>`,
		`<row r="1"><c r="A1" t="s"><v>7</v></c></row><row r="2"><c r="B2"><v>5.24401004488692E+17</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B3"/></mergeCells><sheetData>`,
		`<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="d"><v>2013-03-15T00:00:00</v></c></row><row r="2"><c r="ZZZZ2"/></row>`,
		`<row r="2"><c r="A2" t="s"><v>0</v></c></row><row r="1">`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sheetData string) {
		xlsx := sheetPackage(t, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+sheetData+`</sheetData></worksheet>`)
		var diags diag.List
		sets, err := Load(fstest.MapFS{"data/x.xlsx": {Data: xlsx}}, DefaultOptions(), &diags)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diags.Sorted() {
			inSheet := d.Pos.Sheet == "S" && d.Pos.Line >= 1 && d.Pos.Line <= excelize.TotalRows && d.Pos.Col >= 1 && d.Pos.Col <= excelize.MaxColumns+1
			whole := d.Pos.Sheet == "" && d.Pos.Line <= 1 && d.Pos.Col <= 1
			if d.Pos.File != "data/x.xlsx" || !inSheet && !whole {
				t.Fatalf("bad position %v for %q", d, sheetData)
			}
		}
		for _, d := range sets {
			_ = d.Each(func(string, int, []Cell) error { return nil })
		}
	})
}

// sheetPackage is a workbook whose one sheet, S, is the XML given, with
// the shared strings given (else 名称 and 金额, with a phonetic guide) and
// three cell styles: none, a date (14) and a custom Chinese year format.
func sheetPackage(t *testing.T, sheet string, strs ...string) []byte {
	t.Helper()
	sst := `<si><t>名称</t></si><si><r><t>金</t></r><r><t>额</t></r><rPh><t>きんがく</t></rPh></si>`
	if strs != nil {
		sst = ""
		for _, s := range strs {
			sst += "<si><t>" + s + "</t></si>"
		}
	}
	parts := map[string]string{
		"_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/></Relationships>`,
		"xl/sharedStrings.xml": `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst + `</sst>`,
		"xl/styles.xml": `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;"/></numFmts>` +
			`<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/></cellXfs></styleSheet>`,
		"xl/worksheets/sheet1.xml": sheet,
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWorkbookByHand reads a workbook written as other programs write
// them: rows and cells without their r attributes, rich text with phonetic
// guides, styles at an absolute path, a 1900 date with a custom format.
func TestWorkbookByHand(t *testing.T) {
	xlsx := sheetPackage(t, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
		`<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="inlineStr"><is><t>年份</t></is></c></row>`+
		`<row><c t="inlineStr"><is><r><t>甲</t></r><r><t>厅</t></r></is></c><c><v>1234.5</v></c><c s="2"><v>41348</v></c></row>`+
		`</sheetData></worksheet>`)
	sets, msgs := load(t, fstest.MapFS{"data/x.xlsx": {Data: xlsx}}, DefaultOptions())
	if msgs != "" {
		t.Fatal(msgs)
	}
	var got []string
	_ = sets[0].Each(func(_ string, _ int, cells []Cell) error {
		for _, c := range cells {
			got = append(got, c.Text)
		}
		return nil
	})
	if want := "甲厅|1234.5|2013-03-15"; strings.Join(got, "|") != want {
		t.Errorf("got %s, want %s", strings.Join(got, "|"), want)
	}
	if h := sets[0].Columns[1].Header; h != "金额" {
		t.Errorf("header %q: the phonetic guide is not part of the text", h)
	}
}

// TestWorkbookLimits: a cell with more text than a cell may hold is an
// error at it, whether its text is inline or in the shared table.
func TestWorkbookLimits(t *testing.T) {
	inline := workbook(t, "S", func(f *excelize.File, _ styles) [][]any {
		return [][]any{{"名称", "说明"}, {"甲", strings.Repeat("长", 20)}}
	})
	shared := sheetPackage(t, `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`+
		`<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2" t="s"><v>2</v></c></row></sheetData></worksheet>`,
		"名称", "说明", strings.Repeat("长", 20))
	opts := DefaultOptions()
	opts.Limits.MaxCellBytes = 10
	for _, xlsx := range [][]byte{inline, shared} {
		_, got := load(t, fstest.MapFS{"data/x.xlsx": {Data: xlsx}}, opts)
		if want := "data/x.xlsx:S!B2: the cell holds more than 10 bytes of text; cells are limited to 10 bytes"; got != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	}
}
