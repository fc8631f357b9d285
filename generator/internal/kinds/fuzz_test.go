package kinds

import (
	"bytes"
	"testing"
	"testing/fstest"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/diag"
)

// FuzzLoad reads arbitrary bytes as a CSV file, alone and as the budgets
// kind: no panic, and every message points at a real line and column of the
// file (or of the schema file).
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n", "年度,金额(万元)\n2013,\"1,234\"\n", "\xEF\xBB\xBFa\n\"x\ny\"\n", "a;b\r1;2\r", "\"", "a,b\n1,\"2\n",
		"title,,\na,b\n1,2\n,,\n", "year,stage,department,code,subject,amount\n2013,预算,甲,208,乙,1\n", "a\n\x00\n", "\xff\xfe,\x00",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, src []byte, asBudget bool) {
		name := "data/x.csv"
		if asBudget {
			name = "data/budgets/x.csv"
		}
		fsys := fstest.MapFS{name: {Data: src}}
		var diags diag.List
		sets, err := data.Load(fsys, options(), &diags)
		if err != nil {
			t.Fatal(err)
		}
		lines := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) + 2
		for _, d := range diags.Sorted() {
			if d.Pos.File != name || d.Pos.Line < 0 || d.Pos.Line > lines || d.Pos.Col < 0 { // 0 means "the file as a whole" and prints as 1
				t.Fatalf("bad position %v for %q", d, src)
			}
		}
		for _, d := range sets {
			_ = d.Each(func(string, int, []data.Cell) error { return nil })
		}
	})
}
