package site

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/publish"
	"gongkai/generator/internal/render"
)

// TestOrganizationsXLSX opens the .xlsx download of the bundled roster of
// organisations (2,880 rows, 18-digit credit codes, which Excel turns into
// 5.24401004488692E+17 when it opens the CSV) with excelize, as Excel would:
// every row and cell shows what the CSV says, every credit code is a text
// cell with all its characters, the assessment years are numbers and the
// valid-until days are dates.
func TestOrganizationsXLSX(t *testing.T) {
	out := buildBundled(t)
	records, err := csv.NewReader(bytes.NewReader(out["data/organizations.csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out["data/organizations.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 1 || sheets[0] != "示例数据-organizations" {
		t.Fatalf("sheets %v", sheets)
	}
	rows, err := f.GetRows("示例数据-organizations")
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 2881 || len(rows) != len(records) {
		t.Fatalf("%d rows in the workbook, %d in the CSV (2,880 organisations and the header)", len(rows), len(records))
	}
	code := slices.Index(records[0], "统一社会信用代码")
	year, until := slices.Index(records[0], "评估年度"), slices.Index(records[0], "有效期至")
	if code < 0 || year < 0 || until < 0 || records[0][len(records[0])-1] != "示例数据" {
		t.Fatalf("header %v", records[0])
	}
	var years, dates int
	for i, rec := range records {
		row := append(rows[i], make([]string, len(rec)-len(rows[i]))...) // GetRows leaves out empty cells at the end
		if !slices.Equal(row, rec) {
			t.Errorf("row %d: the workbook shows %q, the CSV says %q", i+1, row, rec)
			continue
		}
		if i == 0 {
			continue
		}
		cell := func(col int) string { name, _ := excelize.CoordinatesToCellName(col+1, i+1); return name }
		if ty, _ := f.GetCellType("示例数据-organizations", cell(code)); len(rec[code]) != 18 || ty != excelize.CellTypeInlineString {
			t.Errorf("row %d: credit code %q is a cell of type %v, not 18 characters of text", i+1, rec[code], ty)
		}
		if rec[year] != "" {
			years++
			if raw, _ := f.GetCellValue("示例数据-organizations", cell(year), excelize.Options{RawCellValue: true}); raw != rec[year] {
				t.Errorf("row %d: year %q holds %q", i+1, rec[year], raw)
			}
			if ty, _ := f.GetCellType("示例数据-organizations", cell(year)); ty != excelize.CellTypeUnset {
				t.Errorf("row %d: year %q is not a number (type %v)", i+1, rec[year], ty)
			}
		}
		if rec[until] != "" {
			dates++
			if raw, _ := f.GetCellValue("示例数据-organizations", cell(until), excelize.Options{RawCellValue: true}); raw == rec[until] || strings.Contains(raw, "-") {
				t.Errorf("row %d: %q is written as text %q, not as a date", i+1, rec[until], raw)
			}
		}
	}
	if years == 0 || dates == 0 {
		t.Errorf("%d years and %d dates checked", years, dates)
	}
}

// TestNoXLSXForTooManyRows: a dataset with more rows than an Excel sheet
// holds links no .xlsx, and its page says why.
func TestNoXLSXForTooManyRows(t *testing.T) {
	tr, err := render.LoadTable(fstest.MapFS{}, "default", "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	link := func(p string) string { return p }
	if s := datasetSummary(&data.Dataset{ID: "x", Rows: publish.MaxXLSXRows}, tr, link); s.XLSX != "/data/x.xlsx" {
		t.Errorf("a dataset that fits: %q", s.XLSX)
	}
	big := datasetSummary(&data.Dataset{ID: "x", Rows: publish.MaxXLSXRows + 1}, tr, link)
	if big.XLSX != "" {
		t.Errorf("a dataset too large for a sheet links %q", big.XLSX)
	}
	fsys := fstest.MapFS{}
	themeFiles(t, fsys)
	theme, err := render.LoadTheme(fsys, "default", "zh-CN", "dataset")
	if err != nil {
		t.Fatal(err)
	}
	page, err := theme.Page("data/x/index.html", "dataset", render.DatasetView{Page: render.Page{Site: &render.Site{Lang: "zh-CN", BasePath: "/"}}, Dataset: big})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "本数据集有 1048576 行，超过 Excel 一个工作表能容纳的行数") || strings.Contains(string(page), ".xlsx\"") {
		t.Errorf("the page does not say why there is no .xlsx:\n%s", page)
	}
}

// TestKeptOrReadAgain builds the bundled site twice: with its datasets'
// rows kept in memory after their first read (the default), and with none
// kept (keep_mb = 0), every page, chart and download reading the files
// again. The two sites are the same, byte for byte.
func TestKeptOrReadAgain(t *testing.T) {
	kept := buildBundled(t)
	settings, err := os.ReadFile(filepath.Join(repoRoot, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	none := strings.Replace(string(settings), "\n[data]\n", "\n[data]\nkeep_mb = 0\n", 1)
	if none == string(settings) {
		t.Fatal("site.toml has no [data] table")
	}
	root, err := os.OpenRoot(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	again := memSink{}
	if _, err := Build(settingsFS{root.FS(), []byte(none)}, fixedOpts, again); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(kept.names(), again.names()) {
		t.Fatalf("%d files kept, %d read again", len(kept), len(again))
	}
	for name, b := range kept {
		if !bytes.Equal(b, again[name]) {
			t.Errorf("%s differs", name)
		}
	}
}

// settingsFS is a site with other settings: site.toml says toml.
type settingsFS struct {
	fs.FS
	toml []byte
}

func (s settingsFS) Open(name string) (fs.File, error) {
	if name == "site.toml" {
		return fstest.MapFS{name: {Data: s.toml}}.Open(name)
	}
	return s.FS.Open(name)
}
