package kinds

import (
	"strings"
	"testing"
	"testing/fstest"
)

// excelBudget is a 部门预算 as Excel exports it: a title, the unit, a 合计
// row with a blank code, then 类 and 款 rows above the 项 rows.
const excelBudget = `2013年部门预算表,,,,,
,,,,,单位：万元
年度,阶段,部门,科目编码,科目名称,金额(万元)
2013,预算,甲厅,,合计,"4,140"
2013,预算,甲厅,208,社会保障和就业支出,"4,000"
2013,预算,甲厅,20802,民政管理事务,"3,000"
2013,预算,甲厅,2080201,行政运行,"1,000"
2013,预算,甲厅,2080208,基层政权和社区建设,"2,000"
2013,预算,甲厅,20805,行政事业单位离退休,"1,000"
2013,预算,甲厅,2080501,归口管理的行政单位离退休,"1,000"
2013,预算,甲厅,2010101,行政运行,140
2013,预算,乙厅,合计,,50
2013,预算,乙厅,2050101,行政运行,50
`

func TestBudgetSubtotals(t *testing.T) {
	sets, got := load(t, fstest.MapFS{"data/budgets/2013.csv": {Data: []byte(excelBudget)}}, options())
	want := strings.Join([]string{
		"data/budgets/2013.csv:4:12: warning: this row is a total (合计), not a row of data: it is left out of the dataset and of every sum",
		"data/budgets/2013.csv:5:12: warning: 科目编码 208 “社会保障和就业支出” is the subtotal of 20802, 20805: it is left out of every sum, so nothing is counted twice",
		"data/budgets/2013.csv:6:12: warning: 科目编码 20802 “民政管理事务” is the subtotal of 2080201, 2080208: it is left out of every sum, so nothing is counted twice",
		"data/budgets/2013.csv:9:12: warning: 科目编码 20805 “行政事业单位离退休” is the subtotal of 2080501: it is left out of every sum, so nothing is counted twice",
		"data/budgets/2013.csv:12:12: warning: this row is a total (合计), not a row of data: it is left out of the dataset and of every sum",
	}, "\n")
	if got != want {
		t.Fatalf("messages:\n%s\nwant\n%s", got, want)
	}
	d := sets[0]
	if d.Rows != 8 || d.Subtotals != 3 || d.Totals != 2 {
		t.Errorf("rows %d, subtotals %d, totals %d; want 8, 3, 2", d.Rows, d.Subtotals, d.Totals)
	}
	if s := sumAmounts(t, d, "amount"); s != 4190 {
		t.Errorf("sum without subtotals = %v, want 4190 (the 项 rows)", s)
	}
	for line, want := range map[int]bool{5: true, 6: true, 7: false, 9: true, 10: false} {
		if got := d.IsSubtotal("data/budgets/2013.csv", line); got != want {
			t.Errorf("IsSubtotal(line %d) = %v, want %v", line, got, want)
		}
	}
}

func TestBudgetSubtotalsDisagree(t *testing.T) {
	src := `年度,阶段,部门,科目编码,科目名称,金额(万元)
2013,预算,甲厅,合计,,3001.02
2013,预算,甲厅,208,社会保障和就业支出,3000.02
2013,预算,甲厅,2080201,行政运行,1000.00
2013,预算,甲厅,2080208,基层政权和社区建设,2000.01
2013,预算,乙厅,20501,教育管理事务,100.00
2013,预算,乙厅,2050101,行政运行,99.00
2013,预算,乙厅,2050102,一般行政管理事务,0.60
`
	_, got := load(t, fstest.MapFS{"data/budgets/2013.csv": {Data: []byte(src)}}, options())
	for _, want := range []string{
		// 208's 3000.02 against 3000.01: within rounding (3 × 0.005).
		"data/budgets/2013.csv:2:12: this total (合计) says 金额(万元) 3001.02, but the rows it totals add up to 3000.02",
		"data/budgets/2013.csv:6:12: 科目编码 20501 “教育管理事务” says 金额(万元) 100.00, but the rows under it (2050101, 2050102) add up to 99.60: correct this subtotal or the rows under it",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("messages lack\n  %s\ngot\n%s", want, got)
		}
	}
	if strings.Contains(got, ":3:12: 科目编码") {
		t.Errorf("a subtotal within rounding is an error:\n%s", got)
	}
}

func TestBudgetBlankCodeIsStillAnError(t *testing.T) {
	src := "年度,阶段,部门,科目编码,科目名称,金额(万元)\n2013,预算,甲厅,,行政运行,10\n"
	_, got := load(t, fstest.MapFS{"data/budgets/2013.csv": {Data: []byte(src)}}, options())
	if !strings.Contains(got, "2013.csv:2:12: column D \"科目编码\": the cell is blank") {
		t.Errorf("a blank code on a real row must stay an error, got\n%s", got)
	}
}

func TestBudgetTitleRows(t *testing.T) {
	for name, src := range map[string]string{
		"title":          "2013年部门预算表\n年度,阶段,部门,科目编码,科目名称,金额(万元)\n2013,预算,甲厅,2080201,行政运行,1\n",
		"title and unit": "2013年部门预算表,,,,,\n编制单位：甲厅,,,,,单位：万元\n\n年度,阶段,部门,科目编码,科目名称,金额\n2013,预算,甲厅,2080201,行政运行,1\n",
		"unit beside":    "2013年部门预算表,,,,,单位：万元\n年度,阶段,部门,科目编码,科目名称,金额(万元)\n2013,预算,甲厅,2080201,行政运行,1\n",
	} {
		sets, got := load(t, fstest.MapFS{"data/budgets/2013.csv": {Data: []byte(src)}}, options())
		if got != "" || sets[0].Rows != 1 {
			t.Errorf("%s: rows %d, messages:\n%s", name, sets[0].Rows, got)
		}
	}
}

func TestBudgetOtherUnit(t *testing.T) {
	for name, tt := range map[string]struct{ src, want string }{
		"above": {"2013年部门预算表,,,,,单位：元\n年度,阶段,部门,科目编码,科目名称,金额\n2013,预算,甲厅,2080201,行政运行,10000\n",
			`data/budgets/2013.csv:1:16: the file gives column F "金额" in 元 ("单位：元"), but the budgets dataset takes it in 万元: convert the numbers to 万元 and write the header as 金额(万元)`},
		"header": {"年度,阶段,部门,科目编码,科目名称,金额(元)\n2013,预算,甲厅,2080201,行政运行,10000\n",
			`data/budgets/2013.csv:1:1: the file gives column F "金额(元)" in 元, but the budgets dataset takes it in 万元: convert the numbers to 万元 and write the header as 金额(万元)`},
	} {
		_, got := load(t, fstest.MapFS{"data/budgets/2013.csv": {Data: []byte(tt.src)}}, options())
		if got != tt.want {
			t.Errorf("%s:\n%s\nwant\n%s", name, got, tt.want)
		}
	}
}

// TestTotalOfSeveralGroups: a 合计 row that leaves the department blank in a
// file of two departments could total either or both: it is left out, with
// a warning, but not checked.
func TestTotalOfSeveralGroups(t *testing.T) {
	src := "年度,阶段,部门,科目编码,科目名称,金额(万元)\n2013,预算,,,合计,100\n2013,预算,甲厅,2080201,行政运行,100\n2013,预算,乙厅,2080201,行政运行,50\n"
	sets, got := load(t, fstest.MapFS{"data/budgets/2013.csv": {Data: []byte(src)}}, options())
	want := "data/budgets/2013.csv:2:10: warning: this row is a total (合计), not a row of data: it is left out of the dataset and of every sum"
	if got != want || sets[0].Rows != 2 {
		t.Errorf("rows %d, messages\n%s\nwant\n%s", sets[0].Rows, got, want)
	}
}
