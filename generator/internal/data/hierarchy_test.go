package data

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"gongkai/generator/internal/diag"
)

func TestIsTotalWord(t *testing.T) {
	for cell, want := range map[string]bool{
		"合计": true, "合　　计": true, " 总计 ": true, "小计": true, "总额": true, "支出合计": true,
		"本年支出合计": true, "预算总额": true, "合计（万元）": true, "合计(万元)": true,
		"": false, "行政运行": false, "工资总额调整": false, "合计数据处理": false, "社会保障和就业支出": false,
		"208": false, "其他合计": false,
	} {
		if got := isTotalWord(cell); got != want {
			t.Errorf("isTotalWord(%q) = %v, want %v", cell, got, want)
		}
	}
}

// sumAmounts adds the amount of every row Each gives that is not a subtotal.
func sumAmounts(t *testing.T, d *Dataset, field string) float64 {
	t.Helper()
	fi := d.fieldIndex(field)
	sum := 0.0
	err := d.Each(func(file string, line int, cells []Cell) error {
		if !d.IsSubtotal(file, line) {
			sum += cells[fi].Num
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestDeclaredHierarchy(t *testing.T) {
	schema := `{"fields": [
  {"name": "年度", "type": "year"},
  {"name": "编码", "type": "string", "format": "code", "hierarchy": {"groupBy": ["年度"], "label": "名称"}},
  {"name": "名称", "type": "string"},
  {"name": "人数", "type": "integer"},
  {"name": "经费", "type": "number"}]}`
	src := `年度,编码,名称,人数,经费
2015,合计,,30,6.5
2015,01,广州,20,4.5
2015,0101,越秀,12,2.5
2015,0102,海珠,8,2
2015,02,深圳,10,2
2016,01,广州,5,1.5
2016,0101,越秀,7,1.5
`
	sets, got := load(t, fstest.MapFS{"data/stats.csv": {Data: []byte(src)}, "data/stats.schema.json": {Data: []byte(schema)}}, DefaultOptions())
	want := strings.Join([]string{
		"data/stats.csv:2:6: warning: this row is a total (合计), not a row of data: it is left out of the dataset and of every sum",
		"data/stats.csv:3:6: warning: 编码 01 “广州” is the subtotal of 0101, 0102: it is left out of every sum, so nothing is counted twice",
		"data/stats.csv:7:6: 编码 01 “广州” says 人数 5, but the rows under it (0101) add up to 7: correct this subtotal or the rows under it",
		"data/stats.csv:7:6: warning: 编码 01 “广州” is the subtotal of 0101: it is left out of every sum, so nothing is counted twice",
	}, "\n")
	if got != want {
		t.Fatalf("messages:\n%s\nwant\n%s", got, want)
	}
	if s := sumAmounts(t, sets[0], "经费"); s != 8 {
		t.Errorf("sum = %v, want 8", s)
	}
}

func TestHierarchySchemaErrors(t *testing.T) {
	for name, tt := range map[string]struct{ schema, want string }{
		"unknown group": {`{"fields": [{"name": "a", "type": "string", "hierarchy": {"groupBy": ["b"]}}]}`,
			`the hierarchy names "b", which is not one of the fields`},
		"two": {`{"fields": [{"name": "a", "hierarchy": true}, {"name": "b", "hierarchy": true}]}`,
			"only one field may declare a hierarchy"},
		"number": {`{"fields": [{"name": "a", "type": "integer", "hierarchy": true}]}`,
			"the codes of a hierarchy are compared as text"},
		"key": {`{"fields": [{"name": "a", "hierarchy": {"by": ["a"]}}]}`,
			`unknown key "by" in hierarchy`},
		"kind": {`{"fields": [{"name": "a", "hierarchy": "yes"}]}`,
			"hierarchy must be true or an object"},
	} {
		_, got := load(t, fstest.MapFS{"data/x.csv": {Data: []byte("a\n1\n")}, "data/x.schema.json": {Data: []byte(tt.schema)}}, DefaultOptions())
		if !strings.Contains(got, tt.want) || !strings.HasPrefix(got, "data/x.schema.json:") {
			t.Errorf("%s: got\n%s\nwant %q", name, got, tt.want)
		}
	}
}

func TestHierarchyTrueOneGroup(t *testing.T) {
	schema := `{"fields": [{"name": "code", "type": "string", "format": "code", "hierarchy": true}, {"name": "n", "type": "integer"}]}`
	src := "code,n\n1,3\n11,1\n12,2\n2,4\n"
	sets, got := load(t, fstest.MapFS{"data/x.csv": {Data: []byte(src)}, "data/x.schema.json": {Data: []byte(schema)}}, DefaultOptions())
	if !strings.Contains(got, "code 1 is the subtotal of 11, 12") || strings.Contains(got, "error") {
		t.Errorf("got\n%s", got)
	}
	if s := sumAmounts(t, sets[0], "n"); s != 7 {
		t.Errorf("sum = %v, want 7", s)
	}
}

// ledger is a kind with a schema in Go, as the site's built-in kinds are
// (package kinds): amounts under a hierarchy of codes, by department.
var ledger = Kind{ID: "ledger", Path: "data/ledger", Folder: true, Title: "ledger", Schema: func() Schema {
	return Schema{
		Fields: []Field{
			{Name: "department", Aliases: []string{"部门"}, Type: String, Required: true},
			{Name: "code", Aliases: []string{"编码"}, Type: Code, Required: true},
			{Name: "label", Aliases: []string{"名称"}, Type: String, Required: true},
			{Name: "amount", Aliases: []string{"金额"}, Type: Number, Required: true},
		},
		Hierarchy: &Hierarchy{Code: "code", GroupBy: []string{"department"}, Label: "label"},
	}
}}

// TestSubtotalsUncached reads a dataset too large to keep in memory, so
// Each reads the files again: total rows must stay out and IsSubtotal must
// still name the subtotals.
func TestSubtotalsUncached(t *testing.T) {
	var b strings.Builder
	b.WriteString("部门,编码,名称,金额\n")
	depts := 6000 // more than one chunk of the file (chunkBytes)
	for i := range depts {
		dept := "部门" + strings.Repeat("甲", 10) + strconv.Itoa(i)
		fmt.Fprintf(&b, "%s,,合计,3.00\n", dept)
		fmt.Fprintf(&b, "%s,208,社会保障和就业支出,3.00\n", dept)
		fmt.Fprintf(&b, "%s,2080201,行政运行,1.00\n", dept)
		fmt.Fprintf(&b, "%s,2080208,基层政权和社区建设,2.00\n", dept)
	}
	opts := DefaultOptions()
	opts.Kinds = []Kind{ledger}
	opts.Limits.MaxKeptBytes = 0
	var diags diag.List
	sets, err := Load(fstest.MapFS{"data/ledger/2013.csv": {Data: []byte(b.String())}}, opts, &diags)
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags.Sorted()[:3])
	}
	d := sets[0]
	if d.store != nil || b.Len() <= chunkBytes {
		t.Fatal("the dataset is kept, or is one chunk: make the test's file larger")
	}
	if d.Subtotals != depts || d.Totals != depts || d.Rows != 3*depts {
		t.Errorf("subtotals %d, totals %d, rows %d; want %d, %d, %d", d.Subtotals, d.Totals, d.Rows, depts, depts, 3*depts)
	}
	if got, want := sumAmounts(t, d, "amount"), 3.0*float64(depts); got != want {
		t.Errorf("sum = %v, want %v", got, want)
	}
}
