package kinds

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// annualReport writes a complete report in the long format: every cell of
// the national format, with totals that equal their parts. edit may change
// a cell's item, column or value (return ok false to leave the row out).
func annualReport(year int, body, published string, edit func(table, item, column string, v int) (string, string, int, bool)) string {
	var b strings.Builder
	b.WriteString("年度,机关,公布日期,网址,表,项目,栏目,数值\n")
	value := func(table, item, column string) int {
		switch {
		case table == ARRequests && column == ARSum:
			return 6 * valueOf(table, item, "自然人") // five applicant kinds of 1 each… see valueOf
		case table == ARAppeals && column == ARSum:
			return 4
		case table == ARAppeals:
			return 1
		}
		return valueOf(table, item, column)
	}
	for i := range AnnualReportFormat {
		t := &AnnualReportFormat[i]
		for _, r := range t.Rows {
			for _, c := range t.Cols(r) {
				item, col, v, ok := r.Item, c, value(t.Name, r.Item, c), true
				if edit != nil {
					item, col, v, ok = edit(t.Name, item, col, v)
				}
				if ok {
					fmt.Fprintf(&b, "%d,%s,%s,,%s,%s,%s,%d\n", year, body, published, t.Name, item, col, v)
				}
			}
		}
	}
	return b.String()
}

// valueOf gives every applicant column of the requests table the same
// number per row, so a row's 总计 is six times it, and the results sum to
// （七）总计: 1 per result row (21 of them), 21 for the total, 25 new and 0
// carried over, 4 carried forward: 25 + 0 = 21 + 4.
func valueOf(table, item, column string) int {
	if table != ARRequests {
		return 3
	}
	switch item {
	case ARNew:
		return 25
	case ARCarried:
		return 0
	case ARTotal:
		return 21
	case ARForward:
		return 4
	}
	return 1
}

// withoutColumns leaves the columns out of messages: "r.csv:5:17:" → "r.csv:5:".
var withoutColumns = regexp.MustCompile(`(\.csv:\d+):\d+`)

func loadReports(t *testing.T, files map[string]string) string {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys["data/annual-reports/"+name] = &fstest.MapFile{Data: []byte(src)}
	}
	_, got := load(t, fsys, options())
	return got
}

// TestAnnualReportsComplete: a complete report that adds up loads without
// a word, in UTF-8 and in GB18030, with 申请人类型 for 栏目 and the
// format's half-width and unqualified spellings.
func TestAnnualReportsComplete(t *testing.T) {
	src := annualReport(2023, "某县民政局", "2024-01-20", nil)
	if got := loadReports(t, map[string]string{"2023.csv": src}); got != "" {
		t.Fatalf("a complete report gave messages:\n%s", got)
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(strings.Replace(src, "栏目", "申请人类型", 1))
	if err != nil {
		t.Fatal(err)
	}
	if got := loadReports(t, map[string]string{"2023.csv": gb}); got != "" {
		t.Fatalf("the same report in GB18030 with 申请人类型 gave messages:\n%s", got)
	}
	loose := annualReport(2023, "某县民政局", "2024-01-20", func(table, item, column string, v int) (string, string, int, bool) {
		item = strings.NewReplacer("（三）不予公开/", "", "（", "(", "）", ")").Replace(item)
		column = strings.TrimPrefix(column, "法人或其他组织/")
		return item, column, v, true
	})
	if got := loadReports(t, map[string]string{"2023.csv": loose}); got != "" {
		t.Fatalf("half-width parentheses and unqualified unique names gave messages:\n%s", got)
	}
}

// TestAnnualReportsErrors: each problem is reported at its file and line,
// in the format's words.
func TestAnnualReportsErrors(t *testing.T) {
	const header = 1
	// The line of a cell in a report annualReport writes.
	lineOf := func(table, item, column string) int {
		n := header
		for i := range AnnualReportFormat {
			tb := &AnnualReportFormat[i]
			for _, r := range tb.Rows {
				for _, c := range tb.Cols(r) {
					n++
					if tb.Name == table && r.Item == item && c == column {
						return n
					}
				}
			}
		}
		t.Fatalf("no cell %s %s %s", table, item, column)
		return 0
	}
	tests := []struct {
		name string
		edit func(table, item, column string, v int) (string, string, int, bool)
		want string
	}{
		{"unknown item", func(tb, it, c string, v int) (string, string, int, bool) {
			if it == "行政许可" {
				it = "行政确认"
			}
			return it, c, v, true
		}, fmt.Sprintf("data/annual-reports/r.csv:%d: 项目 \"行政确认\" is not a row of the table 主动公开", lineOf(ARProactive, "行政许可", "本年处理决定数量"))},
		{"unknown column", func(tb, it, c string, v int) (string, string, int, bool) {
			if it == ARGranted && c == "自然人" {
				c = "个人"
			}
			return it, c, v, true
		}, fmt.Sprintf("r.csv:%d: 栏目 \"个人\" is not a column of \"（一）予以公开\" in the table 依申请公开", lineOf(ARRequests, ARGranted, "自然人"))},
		{"row total", func(tb, it, c string, v int) (string, string, int, bool) {
			if tb == ARRequests && it == ARGranted && c == ARSum {
				v++
			}
			return it, c, v, true
		}, fmt.Sprintf("r.csv:%d: 某县民政局's report on 2023 says 依申请公开 “（一）予以公开” 总计 is 7, but its parts add up to 6", lineOf(ARRequests, ARGranted, ARSum))},
		{"column total", func(tb, it, c string, v int) (string, string, int, bool) {
			if tb == ARRequests && it == ARTotal && c == "自然人" {
				v = 20
			}
			return it, c, v, true
		}, fmt.Sprintf("r.csv:%d: 某县民政局's report on 2023 says 依申请公开 “（七）总计” 自然人 is 20, but its parts add up to 21", lineOf(ARRequests, ARTotal, "自然人"))},
		{"review total", func(tb, it, c string, v int) (string, string, int, bool) {
			if tb == ARAppeals && it == ARReview && c == ARCorrected {
				v = 0
			}
			return it, c, v, true
		}, "复议诉讼 “行政复议” 总计 is 4, but its parts add up to 3"},
		{"duplicate", func(tb, it, c string, v int) (string, string, int, bool) {
			if it == "行政强制" {
				it = "行政处罚"
			}
			return it, c, v, true
		}, fmt.Sprintf("r.csv:%d: 某县民政局's report on 2023 gives 主动公开 “行政处罚” 本年处理决定数量 twice: here and at data/annual-reports/r.csv:%d", lineOf(ARProactive, "行政强制", "本年处理决定数量"), lineOf(ARProactive, "行政处罚", "本年处理决定数量"))},
		{"unbalanced (a warning)", func(tb, it, c string, v int) (string, string, int, bool) {
			if tb == ARRequests && it == ARNew {
				v++
			}
			return it, c, v, true
		}, fmt.Sprintf("r.csv:%d: warning: 某县民政局's report on 2023 does not balance in the column 自然人: 一 + 二 = 26 + 0 = 26, but （七）总计 + 四 = 21 + 4 = 25", lineOf(ARRequests, ARForward, "自然人"))},
		{"incomplete (a warning)", func(tb, it, c string, v int) (string, string, int, bool) {
			return it, c, v, tb != ARAppeals
		}, "r.csv:2: warning: 某县民政局's report on 2023 gives 185 of the national format's 200 numbers"},
		{"negative", func(tb, it, c string, v int) (string, string, int, bool) {
			if it == "行政处罚" {
				v = -1
			}
			return it, c, v, true
		}, fmt.Sprintf("r.csv:%d:", lineOf(ARProactive, "行政处罚", "本年处理决定数量"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadReports(t, map[string]string{"r.csv": annualReport(2023, "某县民政局", "2024-01-20", tt.edit)})
			got = withoutColumns.ReplaceAllString(got, "$1")
			if !strings.Contains(got, tt.want) {
				t.Errorf("want a message containing\n  %s\ngot\n%s", tt.want, got)
			}
		})
	}
	// A total that disagrees is reported at its 数值 cell.
	src := annualReport(2023, "某县民政局", "2024-01-20", func(tb, it, c string, v int) (string, string, int, bool) {
		if tb == ARAppeals && it == ARReview && c == ARSum {
			v = 5
		}
		return it, c, v, true
	})
	line := lineOf(ARAppeals, ARReview, ARSum)
	text := strings.Split(src, "\n")[line-1]
	want := fmt.Sprintf("data/annual-reports/r.csv:%d:%d: ", line, strings.LastIndex(text, ",")+2)
	if got := loadReports(t, map[string]string{"r.csv": src}); !strings.Contains(got, want) {
		t.Errorf("want the total's 数值 cell, %s; got\n%s", want, got)
	}

	// One report, two dates.
	src = annualReport(2023, "某县民政局", "2024-01-20", nil)
	src = strings.Replace(src, "2024-01-20,,依申请公开", "2024-02-03,,依申请公开", 1)
	if got := loadReports(t, map[string]string{"r.csv": src}); !strings.Contains(got, "says 公布日期 2024-02-03 here but 2024-01-20 at data/annual-reports/r.csv:2") {
		t.Errorf("a report with two dates was not reported:\n%s", got)
	}
}
