package kinds

import (
	"regexp"

	"gongkai/generator/internal/data"
)

// codePattern is a budget subject code (科目编码) of the functional
// classification: 类 of 3 digits, 款 of 5, 项 of 7.
var codePattern = regexp.MustCompile(`^[0-9]{3}(?:[0-9]{2}(?:[0-9]{2})?)?$`)

// isSubjectCode is codePattern without a regular expression: 3, 5 or 7 digits.
func isSubjectCode(s string) bool {
	if len(s) != 3 && len(s) != 5 && len(s) != 7 {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func budgetsSchema() data.Schema {
	return data.Schema{
		Fields: []data.Field{
			{Name: "year", Aliases: []string{"年度", "年份"}, Type: data.Year, Required: true},
			{Name: "stage", Aliases: []string{"阶段"}, Type: data.String, Required: true, Enum: []string{"预算", "决算"}},
			{Name: "department", Aliases: []string{"部门", "单位"}, Type: data.String, Required: true},
			{Name: "code", Aliases: []string{"科目编码"}, Type: data.Code, Required: true, Pattern: codePattern, Valid: isSubjectCode,
				PatternHint: "a functional classification code of 3, 5 or 7 digits (类 208, 款 20802, 项 2080201)"},
			{Name: "subject", Aliases: []string{"科目名称"}, Type: data.String, Required: true},
			{Name: "amount", Aliases: []string{"金额"}, Type: data.Number, Unit: "万元", Required: true},
		},
		// An export from Excel keeps its 类 and 款 rows above the 项 rows and a
		// 合计 row: each is found and left out of the sums (data.Hierarchy). The
		// 合计 row's 科目编码 is blank or says 合计 in the exports staff make, so
		// such a row is a warning, not a missing required code; a blank code on
		// any other row is still an error.
		Hierarchy: &data.Hierarchy{Code: "code", GroupBy: []string{"year", "stage", "department"}, Label: "subject"},
	}
}
