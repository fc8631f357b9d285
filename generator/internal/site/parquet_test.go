package site

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"gongkai/generator/internal/data/parquettest"
)

// TestParquetPublishesLikeCSV builds a site from a table saved as CSV and
// the same site from the table written as Parquet (as DuckDB would write
// it: strings, an INT32 year, a DECIMAL amount, DATE, BOOLEAN, nulls, in
// two row groups), and compares every file the two builds publish: the
// downloads (CSV, JSON, .xlsx), datapackage.json, the catalogues, the
// search index and every page are byte for byte the same, but for the
// dataset page's table of files, which names the file it was read from.
func TestParquetPublishesLikeCSV(t *testing.T) {
	const table = "部门,科目编码,年度,金额(万元),批复日期,公开,增长率\n" +
		"省民政厅,2080201,2013,1234.50,2013-03-15,是,0.1\n" +
		"省财政厅,0201,2014,12000,2014-04-01,否,\n" +
		"省教育厅,205,2013,0.3,,是,-2.5\n" +
		"省卫健委,,2015,,2015-06-30,,3\n"
	pq, err := parquettest.FromCSV([]byte("部门:string,科目编码:string,年度:int32,金额(万元):decimal(12;2),批复日期:date,公开:bool,增长率:double\n"+
		"省民政厅,2080201,2013,1234.50,2013-03-15,true,0.1\n"+
		"省财政厅,0201,2014,12000,2014-04-01,false,\n"+
		"省教育厅,205,2013,0.3,,true,-2.5\n"+
		"省卫健委,,2015,,2015-06-30,,3\n"), 2)
	if err != nil {
		t.Fatal(err)
	}
	build := func(name string, src []byte) memSink {
		fsys := fstest.MapFS{
			"site.toml": {Data: []byte("title = \"测试\"\n")},
			name:        {Data: src},
		}
		themeFiles(t, fsys)
		out := memSink{}
		if _, err := Build(fsys, fixedOpts, out); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return out
	}
	fromCSV, fromParquet := build("data/预算.csv", []byte(table)), build("data/预算.parquet", pq)
	if got, want := fromParquet.names(), fromCSV.names(); !slices.Equal(got, want) {
		t.Fatalf("files\n%s\nwant, as from the CSV file,\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, name := range slices.Sorted(maps.Keys(fromCSV)) {
		got, want := fromParquet[name], fromCSV[name]
		if name == "data/预算/index.html" {
			got = bytes.Replace(got, []byte("<td><code>data/预算.parquet</code></td><td>Parquet 文件</td><td>—</td><td class=\"num\">—</td>"), []byte("FILE"), 1)
			want = bytes.Replace(want, []byte("<td><code>data/预算.csv</code></td><td>UTF-8</td><td>逗号（,）</td><td class=\"num\">1</td>"), []byte("FILE"), 1)
			got, want = withoutSize(got), withoutSize(want)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the CSV file's:\n%s", name, firstDifference(got, want))
		}
	}
	for _, name := range []string{"data/预算.csv", "data/预算.json", "data/预算.xlsx"} {
		if len(fromParquet[name]) == 0 {
			t.Errorf("no %s", name)
		}
	}
}

// withoutSize leaves out the size of the file read, in the table of files.
func withoutSize(page []byte) []byte {
	i := bytes.Index(page, []byte("FILE"))
	if i < 0 {
		return page
	}
	end := bytes.Index(page[i:], []byte("</tr>"))
	row := page[i : i+end]
	last := bytes.LastIndex(row, []byte(`<td class="num">`))
	return slices.Concat(page[:i+last], page[i+end:])
}

// firstDifference shows where two texts first differ.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-80, 0)
	return fmt.Sprintf("got  …%s\nwant …%s", got[from:min(i+80, len(got))], want[from:min(i+80, len(want))])
}
