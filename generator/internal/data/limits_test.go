package data

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/generator/internal/diag"
)

func load(t *testing.T, fsys fs.FS, opts Options) ([]*Dataset, string) {
	t.Helper()
	var diags diag.List
	sets, err := Load(fsys, opts, &diags)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, d := range diags.Sorted() {
		lines = append(lines, d.String())
	}
	return sets, strings.Join(lines, "\n")
}

func TestLimits(t *testing.T) {
	opts := DefaultOptions()
	opts.Limits.MaxFileBytes = 1 << 20
	opts.Limits.MaxCellBytes = 10
	opts.Limits.MaxRecordBytes = 200
	opts.Limits.MaxColumns = 3
	tests := []struct{ name, src, want string }{
		{"file too big", "a\n" + strings.Repeat("1\n", 600000), "data/x.csv:1:1: the file is 1.1 MB; files are limited to 1.0 MB"},
		{"cell too long", "a,b\n1,abcdefghijklmnop\n", `data/x.csv:2:3: column B "b": the cell is 16 bytes long; cells are limited to 10 bytes`},
		{"unclosed quote runs on", "a,b\n1,\"open\n" + strings.Repeat("more text\n", 20000), "data/x.csv:2:1: the row starting on this line is longer than 200 bytes: most likely a quote"},
		{"too many columns", "a,b,c,d\n1,2,3,4\n", "data/x.csv:1:1: the header has 4 columns; at most 3 are accepted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := load(t, fstest.MapFS{"data/x.csv": {Data: []byte(tt.src)}}, opts)
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got\n%s\nwant prefix\n%s", got, tt.want)
			}
		})
	}
}

// brokenFS fails to read one file, as a disk or permission error would
// (chmod proves nothing when tests run as root).
type brokenFS struct {
	fstest.MapFS
	broken string
}

func (b brokenFS) Open(name string) (fs.File, error) {
	if name == b.broken {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("input/output error")}
	}
	return b.MapFS.Open(name)
}

func TestUnreadableFile(t *testing.T) {
	fsys := brokenFS{MapFS: fstest.MapFS{"data/a.csv": {Data: []byte("x\n1\n")}, "data/b.csv": {Data: []byte("x\n2\n")}}, broken: "data/a.csv"}
	sets, got := load(t, fsys, DefaultOptions())
	if got != "data/a.csv:1:1: cannot read the file: input/output error" {
		t.Errorf("got %q", got)
	}
	if len(sets) != 1 || sets[0].ID != "b" {
		t.Errorf("the readable file should still be read: %v", sets)
	}
}

func TestDatasetID(t *testing.T) {
	tests := map[string]string{
		"data/Report 2013%.csv":  "report-2013",
		"data/预算/2013年 部门预算.csv": "预算-2013年-部门预算",
		"data/a/b.csv":           "a-b",
		"data/ＦＵＬＬ.csv":          "full",
		"data/\xb9\xe3.csv":      "",
	}
	for in, want := range tests {
		got, ok := datasetID(in)
		if got != want || ok != (want != "") {
			t.Errorf("datasetID(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestControlCharactersRefusedInEveryType checks that skipping the control
// character scan for parsed columns is safe: their parsers refuse them.
func TestControlCharactersRefusedInEveryType(t *testing.T) {
	schema := Schema{Numbers: DefaultOptions().Numbers}
	for _, typ := range []Type{Integer, Number, Year, Date, Boolean} {
		if !(&Field{Type: typ}).parsedStrictly() {
			t.Fatalf("%s should be parsed strictly", typ)
		}
		for _, raw := range []string{"12\x00", "2012\x01", "2012-06-30\x7f", "是\x00", "1\u0085"} {
			// Refused, or (for white-space controls around a number) trimmed away:
			// either way no control character reaches a page or a download.
			if c, msg := parseCell(raw, &Field{Type: typ}, &schema); msg == "" && badControl(c.Text) >= 0 {
				t.Errorf("%s accepted %q as %q", typ, raw, c.Text)
			}
		}
	}
}

// TestGroupedNumbersKeepTheirValue checks that numbers read with thousands
// separators count as their value everywhere the validating read keeps one:
// keys, statistics and the preview.
func TestGroupedNumbersKeepTheirValue(t *testing.T) {
	fsys := fstest.MapFS{
		"data/x.csv":         {Data: []byte("n,m\n\"1,234\",a\n1234,b\n\"12,000.5\",c\n")},
		"data/x.schema.json": {Data: []byte(`{"fields": [{"name": "n", "type": "number", "constraints": {"unique": true}}, {"name": "m"}]}`)},
	}
	_, msgs := load(t, fsys, DefaultOptions())
	if !strings.Contains(msgs, `data/x.csv:3:1: n "1234" appears twice: also on line 2`) {
		t.Errorf("duplicate by value not found:\n%s", msgs)
	}
	fsys["data/x.csv"] = &fstest.MapFile{Data: []byte("n,m\n\"1,234\",a\n\"12,000.5\",c\n\"1,234\",d\n")}
	_, msgs = load(t, fsys, DefaultOptions())
	if !strings.Contains(msgs, `data/x.csv:4:1: n "1234" appears twice: also on line 2`) {
		t.Errorf("grouped duplicate not found:\n%s", msgs)
	}
	delete(fsys, "data/x.schema.json")
	sets, msgs := load(t, fsys, DefaultOptions())
	if msgs != "" || len(sets) != 1 {
		t.Fatal(msgs)
	}
	st := sets[0].Columns[0].Stats
	if st.Min != "1234" || st.Max != "12000.5" || strings.Join(st.Distinct, " ") != "1234 12000.5" {
		t.Errorf("stats %+v", st)
	}
	if got := sets[0].Preview[0][0].Text; got != "1234" {
		t.Errorf("preview %q", got)
	}
}

// bigCSV is a large file whose rows vary: Chinese text, a character GB18030
// writes in four bytes (𠀀), quoted cells with commas, quotes and line breaks.
func bigCSV(rows int) string {
	var b strings.Builder
	b.WriteString("名称,说明,数值\n")
	for i := range rows {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "甲乙丙丁%d,普通,%d\n", i, i)
		case 1:
			fmt.Fprintf(&b, "𠀀字%d,\"逗号,和\"\"引号\"\"\",%d\n", i, i)
		case 2:
			fmt.Fprintf(&b, "换行%d,\"第一行\n第二行\",%d\n", i, i)
		default:
			fmt.Fprintf(&b, "ascii-%d,plain,%d\n", i, i)
		}
	}
	return b.String()
}

// TestLargeGB18030MatchesUTF8: a large GB18030 file (read chunk by chunk,
// decoded by the workers) gives exactly the rows of its UTF-8 twin.
func TestLargeGB18030MatchesUTF8(t *testing.T) {
	text := bigCSV(120000)
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	rows := func(src string) []string {
		sets, problems := load(t, fstest.MapFS{"data/x.csv": {Data: []byte(src)}}, DefaultOptions())
		if problems != "" || len(sets) != 1 {
			t.Fatalf("problems: %s", problems)
		}
		var out []string
		err := sets[0].Each(func(_ string, line int, cells []Cell) error {
			out = append(out, fmt.Sprint(line, cells[0].Text, cells[1].Text, cells[2].Text))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	u, g := rows(text), rows(gb)
	if len(u) != 120000 || !slices.Equal(u, g) {
		t.Fatalf("GB18030 gives %d rows, UTF-8 %d; they differ", len(g), len(u))
	}
}

// TestInvalidTextAnywhere: a byte that is not UTF-8, or a sequence that is
// not GB18030, is reported at its line and column (in characters: the third,
// after 甲乙) whether the decoder meets it near the start of the file or a
// worker decoding its chunk meets it deep inside, in the first chunk or a
// later one — and it is the only problem reported.
func TestInvalidTextAnywhere(t *testing.T) {
	for _, enc := range []struct {
		name, bad, msg string
		encode         func(string) (string, error)
	}{
		{"UTF-8", "\xff", "this line is not UTF-8 text although the lines before it are", func(s string) (string, error) { return s, nil }},
		{"GB18030", "\x81\x20", "this line is not valid GB18030/GBK text", simplifiedchinese.GB18030.NewEncoder().String},
	} {
		for _, badLine := range []int{3, 5000, 150000} {
			var b strings.Builder
			b.WriteString("名称,数值\n")
			for i := 2; i <= 200000; i++ {
				if i == badLine {
					b.WriteString("甲乙BAD丙,1\n")
					continue
				}
				b.WriteString("甲乙丙丁,1234567\n")
			}
			src, err := enc.encode(b.String())
			if err != nil {
				t.Fatal(err)
			}
			src = strings.Replace(src, "BAD", enc.bad, 1)
			_, got := load(t, fstest.MapFS{"data/x.csv": {Data: []byte(src)}}, DefaultOptions())
			want := fmt.Sprintf("data/x.csv:%d:3: %s", badLine, enc.msg)
			if !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 0 {
				t.Errorf("%s, bad text on line %d: got\n%s\nwant one problem starting %q", enc.name, badLine, got, want)
			}
		}
	}
}
