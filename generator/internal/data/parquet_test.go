package data

import (
	"encoding/binary"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"

	"gongkai/generator/internal/data/parquettest"
	"gongkai/generator/internal/diag"
)

// parquetOf is a Parquet file of the table, whose header gives each
// column's Parquet type (see parquettest), rowsPerGroup rows to a row
// group (0: one).
func parquetOf(t testing.TB, table string, rowsPerGroup int) []byte {
	t.Helper()
	b, err := parquettest.FromCSV([]byte(table), rowsPerGroup)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// cellRows are a dataset's rows as Each hands them out: each row's cells
// joined by "|", a missing cell "—".
func cellRows(t *testing.T, d *Dataset) []string {
	t.Helper()
	var out []string
	err := d.Each(func(_ string, _ int, cells []Cell) error {
		vals := make([]string, len(cells))
		for i, c := range cells {
			vals[i] = c.Text
			if c.Missing {
				vals[i] = "—"
			}
		}
		out = append(out, strings.Join(vals, "|"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// columnsOf describes a dataset's columns: name, type, unit and what the
// statistics say, one line each.
func columnsOf(d *Dataset) []string {
	var out []string
	for _, c := range d.Columns {
		s := c.Stats
		out = append(out, fmt.Sprintf("%s %s %q title=%q count=%d missing=%d range=%s…%s distinct=%q", c.Name, c.Type, c.Unit, c.Title, s.Count, s.Missing, s.Min, s.Max, s.Distinct))
	}
	return out
}

// TestParquetLikeCSV: a table written by a data engine as Parquet — text,
// codes as strings, a year as INT32, amounts as DECIMAL, dates as DATE,
// booleans, a DOUBLE, nulls — is the dataset the same table saved as CSV
// is: the same columns with the same types, units and statistics, and the
// same values in every row.
func TestParquetLikeCSV(t *testing.T) {
	csvText := "部门,科目编码,年度,金额(万元),批复日期,公开,增长率\n" +
		"省民政厅,0201,2013,1234.50,2013-03-15,是,0.1\n" +
		"省财政厅,2080201,2014,,2014-12-31,否,\n" +
		"省教育厅,205,2013,-0.05,,是,2.5\n" +
		"省卫健委,,2015,12000,2015-06-30,,-3\n"
	pq := parquetOf(t, `部门:string,科目编码:string,年度:int32,金额(万元):decimal(12;2),批复日期:date,公开:bool,增长率:double
省民政厅,0201,2013,1234.50,2013-03-15,true,0.1
省财政厅,2080201,2014,,2014-12-31,false,
省教育厅,205,2013,-0.05,,true,2.5
省卫健委,,2015,12000,2015-06-30,,-3
`, 2)
	sets, msgs := load(t, fstest.MapFS{"data/csv/t.csv": {Data: []byte(csvText)}, "data/pq/t.parquet": {Data: pq}}, DefaultOptions())
	if msgs != "" {
		t.Fatalf("messages:\n%s", msgs)
	}
	if len(sets) != 2 || sets[0].ID != "csv-t" || sets[1].ID != "pq-t" {
		t.Fatalf("datasets %v", sets)
	}
	c, p := sets[0], sets[1]
	if got, want := columnsOf(p), columnsOf(c); !slices.Equal(got, want) {
		t.Errorf("columns\n%s\nwant, as from the CSV file,\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantTypes := []Type{String, Code, Year, Number, Date, Boolean, Number}
	for i, col := range p.Columns {
		if col.Type != wantTypes[i] {
			t.Errorf("column %s is %s, want %s", col.Name, col.Type, wantTypes[i])
		}
	}
	if got, want := cellRows(t, p), cellRows(t, c); !slices.Equal(got, want) || p.Rows != 4 {
		t.Errorf("%d rows\n%s\nwant, as from the CSV file,\n%s", p.Rows, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	f := p.Files[0]
	if !f.Parquet() || f.HeaderLine != 0 || f.Encoding != "" || f.Delimiter != "" || f.Sheet != "" || f.Rows != 4 {
		t.Errorf("file %+v", f)
	}
	var lines []int
	_ = p.Each(func(_ string, line int, _ []Cell) error { lines = append(lines, line); return nil })
	if !slices.Equal(lines, []int{1, 2, 3, 4}) {
		t.Errorf("rows numbered %v across two row groups, want 1 to 4", lines)
	}
	if pos := p.Pos(f.Path, 3).String(); pos != "data/pq/t.parquet: row 3" {
		t.Errorf("a row's position prints %q", pos)
	}
}

// TestParquetValues: how each Parquet type is read, from the column's
// values to its inferred type and its cells' values.
func TestParquetValues(t *testing.T) {
	tests := []struct {
		name, table string
		typ         Type
		want        string // the cells, "|"-joined, missing "—"
	}{
		{"signed integers", "v:int64\n-9223372036854775807\n42\n\n", Integer, "-9223372036854775807|42"},
		{"small integers", "v:int8\n-5\n127\n", Integer, "-5|127"},
		{"unsigned", "v:uint32\n4294967295\n0\n", Integer, "4294967295|0"},
		{"a 20-digit unsigned id is a code", "v:uint64\n18446744073709551615\n", Code, "18446744073709551615"},
		{"a year", "年度:int32\n2013\n2014\n", Year, "2013|2014"},
		{"a code by its name", "科目编码:int64\n208\n20802\n", Code, "208|20802"},
		{"float, shortest decimal", "v:float\n0.1\n3\n", Number, "0.1|3"},
		{"double", "v:double\n0.000001\n-2.5\n1e21\n", Number, "0.000001|-2.5|1000000000000000000000"},
		{"double of whole numbers", "v:double\n1\n2\n", Integer, "1|2"},
		{"decimal on int32", "v:decimal(9;2)\n1234.56\n-0.05\n0\n", Number, "1234.56|-0.05|0"},
		{"decimal on fixed bytes", "v:decimal(38;4)\n-12345678901234567890.1234\n0.0001\n", Number, "-12345678901234567890.1234|0.0001"},
		{"decimal on bytes", "v:decimal(5;2;bytes)\n-0.05\n127.99\n", Number, "-0.05|127.99"},
		{"decimal of scale 0", "v:decimal(12;0)\n12\n-7\n", Integer, "12|-7"},
		{"unit in the header", "金额(万元):decimal(12;2)\n1.50\n", Number, "1.5"},
		{"date", "v:date\n2013-03-15\n2100-12-31\n", Date, "2013-03-15|2100-12-31"},
		{"timestamps at midnight are dates", "v:timestamp(ms)\n2013-03-15\n2014-01-01\n", Date, "2013-03-15|2014-01-01"},
		{"timestamps with times are text", "v:timestamptz(us)\n2013-03-15 08:30:00\n2013-03-16\n", String, "2013-03-15 08:30:00|2013-03-16"},
		{"nanoseconds kept", "v:timestamp(ns)\n2013-03-15 08:30:00.25\n", String, "2013-03-15 08:30:00.25"},
		{"before 1970", "v:timestamp(ms)\n1969-12-31 23:59:59.5\n", String, "1969-12-31 23:59:59.5"},
		{"INT96", "v:int96\n2013-03-15 08:00:00\n2013-03-16\n", String, "2013-03-15 08:00:00|2013-03-16"},
		{"INT96 days", "v:int96\n2013-03-16\n", Date, "2013-03-16"},
		{"time of day", "v:time\n08:30:00\n", String, "08:30:00"},
		{"boolean", "v:bool\ntrue\nfalse\n", Boolean, "true|false"},
		{"strings of digits are codes", "v:string\n0201\n12\n", Code, "0201|12"},
		{"strings stay text", "v:string\n2013-03-15\n是\n", String, "2013-03-15|是"},
		{"enum and json", "v:enum\nA\n", String, "A"},
		{"uuid", "v:uuid\n0f8fad5b-d9cb-469f-a165-70867728950e\n", String, "0f8fad5b-d9cb-469f-a165-70867728950e"},
		{"bytes of UTF-8 are text", "v:binary\n省民政厅\n", String, "省民政厅"},
		{"a column of nulls", "v:int32,w:string\n,x\n,y\n", Integer, "—|—"},
		{"required", "v:int64!\n1\n", Integer, "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sets, msgs := load(t, fstest.MapFS{"data/x.parquet": {Data: parquetOf(t, tt.table, 0)}}, DefaultOptions())
			if msgs != "" {
				t.Fatalf("messages:\n%s", msgs)
			}
			d := sets[0]
			var got []string
			for _, r := range cellRows(t, d) {
				got = append(got, strings.Split(r, "|")[0])
			}
			if d.Columns[0].Type != tt.typ || strings.Join(got, "|") != tt.want {
				t.Errorf("%s %q, want %s %q", d.Columns[0].Type, strings.Join(got, "|"), tt.typ, tt.want)
			}
		})
	}
}

// TestParquetProblems: a value no cell can hold is an error at its row
// and column, and so is a value that breaks its column's rules; the
// file's columns are the header that a declared schema checks.
func TestParquetProblems(t *testing.T) {
	tests := []struct{ name, table, schema, want string }{
		{"NaN", "v:double\n1\nNaN\n", "",
			`data/x.parquet: row 2, column "v": holds NaN (not a number): write null where there is no value`},
		{"infinity", "v:float\n-Inf\n1\n", "",
			`data/x.parquet: row 1, column "v": holds an infinite number: write null where there is no value, or the number`},
		{"bytes that are not text", "v:binary,w:string\n\xff\xfe,x\n", "",
			`data/x.parquet: row 1, column "v": holds binary data, not text: convert the column to text (hex, base64) or leave it out`},
		{"a date out of range", "v:date\n2013-03-15\n1850-01-01\n", "",
			`data/x.parquet: row 2, column "v": "1850-01-01" is not a date this site accepts: the year must be from 1900 to 2100`},
		{"a control character", "v:string\nok\na\x01b\n", "",
			`data/x.parquet: row 2, column "v": the cell holds an invisible control character (U+0001): delete it (it often comes from copying out of another program)`},
		{"a null where a value is required", "编号:string,金额:double\n1,2\n2,\n", `{"fields": [{"name": "编号"}, {"name": "金额", "type": "number", "constraints": {"required": true}}]}`,
			`data/x.parquet: row 2, column "金额": the cell is blank, but this column must have a value in every row`},
		{"an empty string where a value is required", "编号:string,名称:string\n1,\n", `{"fields": [{"name": "编号"}, {"name": "名称", "constraints": {"required": true}}]}`,
			`data/x.parquet: row 1, column "名称": the cell is blank, but this column must have a value in every row`},
		{"a declared missing value", "编号:string,名称:string\n1,NA\n", `{"missingValues": ["", "NA"], "fields": [{"name": "编号"}, {"name": "名称", "constraints": {"required": true}}]}`,
			`data/x.parquet: row 1, column "名称": is "NA", which means "no value", but this column must have a value in every row`},
		{"a duplicate key", "编号:int32,金额:double\n7,1\n8,2\n7,3\n", `{"primaryKey": "编号", "fields": [{"name": "编号", "type": "string"}, {"name": "金额", "type": "number"}]}`,
			`data/x.parquet: row 3, column "编号": 编号 "7" appears twice: also on row 1 of data/x.parquet; each row needs its own 编号`},
		{"below the minimum", "金额:decimal(9;2)\n-0.05\n", `{"fields": [{"name": "金额", "type": "number", "constraints": {"minimum": 0}}]}`,
			`data/x.parquet: row 1, column "金额": "-0.05" is below the smallest value allowed here, 0`},
		{"a time where a date is declared", "日期:timestamp(ms)\n2013-03-15 08:30:00\n", `{"fields": [{"name": "日期", "type": "date"}]}`,
			`data/x.parquet: row 1, column "日期": `},
		{"a column the schema does not have", "编号:string,备注:string\n1,x\n", `{"fields": [{"name": "编号"}]}`,
			`data/x.parquet: column B "备注" is not a column of this dataset's schema: the columns are 编号`},
		{"columns named alike", "a:string,A:string\nx,y\n", "",
			`data/x.parquet: columns "a" and "A" have the same name (names are compared ignoring case and runs of spaces): give every column its own name`},
		{"no rows", "a:string\n", "",
			"data/x.parquet: warning: the file has columns but no rows: it is published empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"data/x.parquet": {Data: parquetOf(t, tt.table, 0)}}
			if tt.schema != "" {
				fsys["data/x.schema.json"] = &fstest.MapFile{Data: []byte(tt.schema)}
			}
			_, got := load(t, fsys, DefaultOptions())
			if !strings.HasPrefix(got, tt.want) || strings.Contains(got, "\n") {
				t.Errorf("got\n%s\nwant one message starting\n%s", got, tt.want)
			}
		})
	}
}

// TestParquetUnsupported: a column of lists, records, maps or raw bytes is
// no column of a table: each is an error naming the file and the column,
// all at once, and the file is not published.
func TestParquetUnsupported(t *testing.T) {
	pq := parquetOf(t, "名称:string,标签:list,地址:struct,附件:repeated,原文:bson,哈希:fixed(4)\n甲,,,,,\n", 0)
	sets, got := load(t, fstest.MapFS{"data/x.parquet": {Data: pq}}, DefaultOptions())
	want := []string{
		`data/x.parquet: column "原文" holds BSON values, which a dataset cannot publish as numbers, text or dates: convert the column to text (CAST(… AS VARCHAR)) or leave it out`,
		`data/x.parquet: column "哈希" holds raw bytes (FIXED_LEN_BYTE_ARRAY(4) with no type): a dataset publishes numbers, text and dates; convert it to text (hex, base64) or leave the column out`,
		`data/x.parquet: column "地址" holds records of one field (a STRUCT): a cell of a dataset holds one value, as a CSV cell does; give each field a column of its own (SELECT s.* in DuckDB, s.* in Spark) or leave the column out`,
		`data/x.parquet: column "标签" holds lists (LIST): a cell of a dataset holds one value, as a CSV cell does; join each list into text (array_to_string in DuckDB, concat_ws in Spark) or leave the column out`,
		`data/x.parquet: column "附件" holds lists (a REPEATED column): a cell of a dataset holds one value, as a CSV cell does; join each list into text or leave the column out`,
	}
	if got != strings.Join(want, "\n") || len(sets) != 0 {
		t.Errorf("%d datasets, messages\n%s\nwant\n%s", len(sets), got, strings.Join(want, "\n"))
	}
}

// TestParquetDamaged: a file that is not Parquet, is empty, or is cut
// short anywhere is an error at the file, never a panic; so is every file
// with one byte changed, unless it still reads (a changed value).
func TestParquetDamaged(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"CSV named .parquet", "a,b\n1,2\n", "data/x.parquet: not a Parquet file (Parquet files start with PAR1, and this one does not): write it again as Parquet, or name it for what it is (.csv, .xlsx)"},
		{"empty", "", "data/x.parquet: the file is empty (0 bytes, perhaps half-saved): save it again with its data, or delete it to stop publishing its dataset"},
		{"magic only", "PAR1", "data/x.parquet: the Parquet file is damaged or cut short ("},
		{"no footer", "PAR1\x00\x00\x00\x00PAR1", "data/x.parquet: the Parquet file is damaged or cut short ("},
		{"encrypted", "PARE\x00\x00\x00\x00PARE", "data/x.parquet: the Parquet file is encrypted"},
	} {
		_, got := load(t, fstest.MapFS{"data/x.parquet": {Data: []byte(tt.src)}}, DefaultOptions())
		if !strings.HasPrefix(got, tt.want) || strings.Contains(got, "\n") {
			t.Errorf("%s: got\n%s\nwant one message starting\n%s", tt.name, got, tt.want)
		}
	}
	pq := parquetOf(t, "名称:string,金额:decimal(12;2),日期:date,n:int64\n甲,1.5,2013-03-15,1\n乙,,2014-01-01,2\n丙,-3,,3\n", 2)
	for n := range len(pq) {
		_, got := load(t, fstest.MapFS{"data/x.parquet": {Data: pq[:n]}}, DefaultOptions())
		if !strings.HasPrefix(got, "data/x.parquet: ") || strings.Contains(got, "\n") || !strings.Contains(got, "damaged") && n > 4 {
			t.Errorf("cut at %d of %d bytes: got\n%s\nwant one message: the file is damaged", n, len(pq), got)
		}
	}
	for i := range len(pq) {
		bad := slices.Clone(pq)
		bad[i] ^= 0xFF
		checkParquetPositions(t, bad, 3)
	}
}

// TestParquetDamagedSizes: a damaged file that says a string, a page or a
// list is huge costs no more memory than its bytes could hold; parquet-go
// would allocate what it says (up to 2 GB) before finding it missing.
func TestParquetDamagedSizes(t *testing.T) {
	pq := parquetOf(t, "名称:string,金额:decimal(12;2),日期:date,n:int64\n甲,1.5,2013-03-15,1\n乙,,2014-01-01,2\n丙,-3,,3\n", 2)
	var most uint64
	for i := range len(pq) - 4 {
		bad := slices.Clone(pq)
		copy(bad[i:], []byte{0xFE, 0xFF, 0xFF, 0x7F}) // a varint of 268 MB, or a large fixed number
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		checkParquetPositions(t, bad, 3)
		runtime.ReadMemStats(&after)
		most = max(most, after.TotalAlloc-before.TotalAlloc)
	}
	if most > 32<<20 {
		t.Errorf("a damaged file of %d bytes took %d MB to read", len(pq), most>>20)
	}
}

// withMetadata is a Parquet file with its metadata (footer) changed by edit.
func withMetadata(t *testing.T, pq []byte, edit func(*format.FileMetaData)) []byte {
	t.Helper()
	n := int(binary.LittleEndian.Uint32(pq[len(pq)-8:]))
	body := pq[:len(pq)-8-n]
	var md format.FileMetaData
	if err := thrift.Unmarshal(new(thrift.CompactProtocol), pq[len(body):len(pq)-8], &md); err != nil {
		t.Fatal(err)
	}
	edit(&md)
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), &md)
	if err != nil {
		t.Fatal(err)
	}
	return slices.Concat(body, footer, binary.LittleEndian.AppendUint32(nil, uint32(len(footer))), []byte("PAR1"))
}

// TestParquetDeclaredSizes: what a file's metadata says is checked against
// the file before it is read, and a row group that holds fewer rows than
// it says is found: each is an error at the file, saying what is wrong.
func TestParquetDeclaredSizes(t *testing.T) {
	pq := parquetOf(t, "名称:string,n:int64\n甲,1\n乙,2\n丙,3\n", 0)
	tests := []struct {
		name string
		edit func(*format.FileMetaData)
		want string
	}{
		{"unchanged", func(*format.FileMetaData) {}, ""},
		{"a codec parquet-go lacks", func(md *format.FileMetaData) { md.RowGroups[0].Columns[1].MetaData.Codec = format.LZO },
			`data/x.parquet: column "n" is compressed with LZO, which gongkai cannot read: write the file with Snappy, Zstd or Gzip compression, or none`},
		{"a column in another file", func(md *format.FileMetaData) { md.RowGroups[0].Columns[0].FilePath = "other.parquet" },
			`data/x.parquet: column "名称" is kept in another file (other.parquet): write the table into one file`},
		{"a column past the end", func(md *format.FileMetaData) { md.RowGroups[0].Columns[1].MetaData.TotalCompressedSize = 1 << 40 },
			`data/x.parquet: the Parquet file is damaged or cut short (row group 1 says its column "n" is at bytes`},
		{"more values than rows", func(md *format.FileMetaData) { md.RowGroups[0].NumRows = 2 },
			`data/x.parquet: the Parquet file is damaged or cut short (row group 1, column "名称": the page at byte 4 says it holds 3 values, more than its row group's 2 rows)`},
		{"fewer rows than it says", func(md *format.FileMetaData) { md.RowGroups[0].NumRows, md.NumRows = 5, 5 },
			`data/x.parquet: the Parquet file is damaged or cut short (row group 1 says it holds 5 rows, and holds 3)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := load(t, fstest.MapFS{"data/x.parquet": {Data: withMetadata(t, pq, tt.edit)}}, DefaultOptions())
			if !strings.HasPrefix(got, tt.want) || tt.want == "" && got != "" || strings.Contains(got, "\n") {
				t.Errorf("got\n%s\nwant one message starting\n%s", got, tt.want)
			}
		})
	}
}

// checkParquetPositions loads a Parquet file of up to rows rows and fails
// unless every message is at the file or at one of its rows, in the form
// of a Parquet file's positions.
func checkParquetPositions(t *testing.T, src []byte, rows int) {
	t.Helper()
	var diags diag.List
	sets, err := Load(fstest.MapFS{"data/x.parquet": {Data: src}}, DefaultOptions(), &diags)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags.Sorted() {
		p := d.Pos
		if p.File != "data/x.parquet" || !p.Rows || p.Sheet != "" || p.Line < 0 || p.Line > rows || p.Line == 0 && p.Column != "" || strings.Contains(d.Message, "internal error") {
			t.Fatalf("bad message %v for %q", d, src)
		}
	}
	for _, d := range sets {
		_ = d.Each(func(string, int, []Cell) error { return nil })
	}
}

// FuzzParquet reads arbitrary bytes as a Parquet file: no panic, and every
// message is at the file or at a row of it.
func FuzzParquet(f *testing.F) {
	for _, table := range []string{
		"名称:string,金额:decimal(12;2),日期:date,n:int64\n甲,1.5,2013-03-15,1\n乙,,2014-01-01,2\n",
		"v:double,w:timestamptz(us),x:int96,y:bool,z:decimal(38;4)\nNaN,2013-03-15 08:00:00,2013-03-15,true,-1.5\n",
		"a:list,b:struct,c:string\n,,x\n",
	} {
		f.Add(parquetOf(f, table, 1))
	}
	f.Add([]byte("PAR1"))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkParquetPositions(t, src, 1<<20)
	})
}

// TestParquetRowGroups: rows are numbered across row groups, so a problem
// in the third group is at its row of the file.
func TestParquetRowGroups(t *testing.T) {
	var b strings.Builder
	b.WriteString("编号:int32,金额:double\n")
	for i := 1; i <= 10; i++ {
		v := fmt.Sprint(i * 10)
		if i == 8 {
			v = "NaN"
		}
		fmt.Fprintf(&b, "%d,%s\n", i, v)
	}
	_, got := load(t, fstest.MapFS{"data/x.parquet": {Data: parquetOf(t, b.String(), 3)}}, DefaultOptions())
	want := `data/x.parquet: row 8, column "金额": holds NaN (not a number): write null where there is no value`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestParquetSidecar: a schema file beside a Parquet file applies as
// beside a CSV file: its title, its types (an INT32 column declared text is
// text, a DOUBLE declared with a unit is in that unit) and its rules.
func TestParquetSidecar(t *testing.T) {
	pq := parquetOf(t, "编号:int32,金额:double,日期:timestamp(ms)\n7,1.5,2013-03-15\n8,2,2014-01-01\n", 0)
	schema := `{"title": "部门预算", "fields": [
		{"name": "编号", "type": "string", "constraints": {"unique": true}},
		{"name": "金额", "type": "number", "unit": "万元"},
		{"name": "日期", "type": "date", "format": "chinese"}]}`
	sets, msgs := load(t, fstest.MapFS{"data/x.parquet": {Data: pq}, "data/x.schema.json": {Data: []byte(schema)}}, DefaultOptions())
	if msgs != "" {
		t.Fatalf("messages:\n%s", msgs)
	}
	d := sets[0]
	if d.Title != "部门预算" || d.Columns[0].Type != String || d.Columns[1].Unit != "万元" || d.Columns[2].Type != Date {
		t.Errorf("title %q, columns %v", d.Title, columnsOf(d))
	}
	if got, want := strings.Join(cellRows(t, d), "\n"), "7|1.5|2013-03-15\n8|2|2014-01-01"; got != want {
		t.Errorf("rows\n%s\nwant\n%s", got, want)
	}
}
