package data

import "regexp"

// Kind is a built-in kind of dataset: a schema in Go and where its files live.
type Kind struct {
	ID     string // dataset id, e.g. "budgets"
	Path   string // "data/commitments.csv" for a file, "data/budgets" for a folder of files
	Folder bool   // the dataset is every CSV file in the folder, concatenated
	Title  string // shown on the site
	Schema func() Schema
}

// Kinds are the built-in kinds, in the order the site lists them.
var Kinds = []Kind{
	{ID: "commitments", Path: "data/commitments.csv", Title: "承诺登记表", Schema: commitmentsSchema},
	{ID: "progress", Path: "data/progress.csv", Title: "进展观测值", Schema: progressSchema},
	{ID: "disclosures", Path: "data/disclosures.csv", Title: "公开事项记录", Schema: disclosuresSchema},
	{ID: "budgets", Path: "data/budgets", Folder: true, Title: "部门预算与决算", Schema: budgetsSchema},
	{ID: "organizations", Path: "data/organizations", Folder: true, Title: "社会组织与评估等级", Schema: organizationsSchema},
	{ID: "committees", Path: "data/committees", Folder: true, Title: "居委会与村委会", Schema: committeesSchema},
	{ID: "population", Path: "data/population.csv", Title: "常住人口", Schema: populationSchema},
}

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	codePattern = regexp.MustCompile(`^[0-9]{3}(?:[0-9]{2}(?:[0-9]{2})?)?$`)
)

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

func commitmentsSchema() Schema {
	return Schema{
		Fields: []Field{
			{Name: "id", Aliases: []string{"编号"}, Type: String, Required: true, Unique: true, Pattern: idPattern,
				PatternHint: "lowercase letters, digits and single hyphens, like decision-37-social-workers"},
			{Name: "document", Aliases: []string{"文件"}, Type: String, Required: true},
			{Name: "clause", Aliases: []string{"条款"}, Type: String, Required: true},
			{Name: "kind", Aliases: []string{"类型"}, Type: String, Required: true, Enum: []string{"target", "disclosure", "institution"},
				Synonyms: map[string]string{"量化目标": "target", "目标": "target", "指标": "target",
					"公开": "disclosure", "公开承诺": "disclosure", "信息公开": "disclosure",
					"制度": "institution", "机构": "institution", "机构与制度": "institution", "制度建设": "institution"}},
			{Name: "indicator", Aliases: []string{"指标"}, Type: String, Required: true},
			{Name: "text", Aliases: []string{"原文"}, Type: String, Required: true},
			{Name: "comparator", Aliases: []string{"比较", "比较方式"}, Type: String, Enum: []string{">=", "<=", "==", "≈", "range"},
				Synonyms: map[string]string{"≥": ">=", "=>": ">=", "以上": ">=", "不低于": ">=", "不少于": ">=", "至少": ">=", "达到": ">=",
					"≤": "<=", "=<": "<=", "以下": "<=", "以内": "<=", "不超过": "<=", "不高于": "<=", "控制在": "<=",
					"=": "==", "等于": "==",
					"~": "≈", "左右": "≈", "约": "≈", "约为": "≈",
					"区间": "range", "之间": "range", "范围": "range"},
				Description: ">=, <=, == (or 以上, 不超过, 等于…), ≈ (左右: within a tolerance of the target, 5% of it unless the target says 5.5±0.3) or range (区间: the target is a range such as 5—6)"},
			{Name: "target", Aliases: []string{"目标值"}, Type: String,
				Description: "a number, in the row's unit (5.5, 5.5%, 1.2万); a range for comparator range (5—6, 5%—6%); a number with its tolerance for ≈ (5.5±0.3)"},
			{Name: "unit", Aliases: []string{"单位"}, Type: String},
			{Name: "deadline", Aliases: []string{"截止", "截止期限", "期限"}, Type: String,
				Description: "a year (2015, 2015年), a month or a day (2011-12-31, 2011年12月31日); 年底 or 年内 (the end of the document's year); N年内 or 三年内 (counted from the document's date); 十二五期末 (2015), 十三五期末 (2020), 十四五期末 (2025)"},
			{Name: "baseline", Aliases: []string{"基线", "基线值"}, Type: Number},
			{Name: "baseline_year", Aliases: []string{"基线年份"}, Type: Year},
			{Name: "responsible", Aliases: []string{"责任单位"}, Type: String},
			{Name: "measure", Aliases: []string{"度量", "数据来源"}, Type: String},
			{Name: "related", Aliases: []string{"相关"}, Type: String},
			{Name: "note", Aliases: []string{"备注", "说明"}, Type: String},
			{Name: "cadence", Aliases: []string{"公开频率", "频率"}, Type: String,
				Description: "for disclosure commitments made on a cadence: how often (每年, 每半年, 每季度, 每月, or R/P1Y); the first publication is due at the deadline"},
			{Name: "scope", Aliases: []string{"范围", "适用范围"}, Type: String,
				Description: "whom or where the promise covers (全省, 广州市, 省直部门…); evidence of another scope cannot keep it"},
			{Name: "reading", Aliases: []string{"判定方式", "读法"}, Type: String,
				Description: "how a target is decided when the text leaves it open: level (水平, the default), rate (当期: a rate or share for the deadline's year), cumulative (累计: a total for the year, reported year to date) or once (达到即可; the default of institutions)"},
		},
		PrimaryKey: []string{"id"},
	}
}

func progressSchema() Schema {
	return Schema{
		Fields: []Field{
			{Name: "commitment", Aliases: []string{"承诺", "承诺编号"}, Type: String, Required: true},
			{Name: "year", Aliases: []string{"年度", "年份", "期间", "所属期", "统计期"}, Type: Period, Required: true,
				Description: "the period the value is for: a year (2025), half (2025年上半年), quarter (2025Q3), month (2025-09), the year to a month (2025年1—9月) or a day (2025-09-30)"},
			{Name: "value", Aliases: []string{"数值", "值"}, Type: Number, Required: true},
			{Name: "source", Aliases: []string{"来源"}, Type: String, Required: true},
			{Name: "source_url", Aliases: []string{"来源网址", "链接"}, Type: URL},
			{Name: "note", Aliases: []string{"备注", "说明"}, Type: String},
			{Name: "published", Aliases: []string{"公布日期", "发布日期"}, Type: Date,
				Description: "when the value became public; without it, the value counts as known from the end of its period"},
			{Name: "scope", Aliases: []string{"范围", "适用范围"}, Type: String,
				Description: "whom or where the value covers, when narrower than the commitment's (广州市, 省直部门…)"},
		},
		ForeignKeys: []ForeignKey{{Fields: []string{"commitment"}, Reference: "commitments", Ref: []string{"id"}}},
	}
}

func disclosuresSchema() Schema {
	return Schema{
		Fields: []Field{
			{Name: "commitment", Aliases: []string{"承诺", "承诺编号"}, Type: String, Required: true},
			{Name: "period", Aliases: []string{"期间", "所属期"}, Type: String, Required: true},
			{Name: "due", Aliases: []string{"应公开日期", "截止日期"}, Type: Date, Required: true},
			{Name: "published", Aliases: []string{"公开日期"}, Type: Date},
			{Name: "url", Aliases: []string{"网址", "链接"}, Type: URL},
			{Name: "note", Aliases: []string{"备注", "说明"}, Type: String},
			{Name: "scope", Aliases: []string{"范围", "适用范围"}, Type: String,
				Description: "whom or where the publication covers, when narrower than the commitment's (广州市直部门…)"},
		},
		ForeignKeys: []ForeignKey{{Fields: []string{"commitment"}, Reference: "commitments", Ref: []string{"id"}}},
	}
}

func budgetsSchema() Schema {
	return Schema{
		Fields: []Field{
			{Name: "year", Aliases: []string{"年度", "年份"}, Type: Year, Required: true},
			{Name: "stage", Aliases: []string{"阶段"}, Type: String, Required: true, Enum: []string{"预算", "决算"}},
			{Name: "department", Aliases: []string{"部门", "单位"}, Type: String, Required: true},
			{Name: "code", Aliases: []string{"科目编码"}, Type: Code, Required: true, Pattern: codePattern, Valid: isSubjectCode,
				PatternHint: "a functional classification code of 3, 5 or 7 digits (类 208, 款 20802, 项 2080201)"},
			{Name: "subject", Aliases: []string{"科目名称"}, Type: String, Required: true},
			{Name: "amount", Aliases: []string{"金额"}, Type: Number, Unit: "万元", Required: true},
		},
		// An export from Excel keeps its 类 and 款 rows above the 项 rows and a
		// 合计 row: each is found and left out of the sums (hierarchy.go). The
		// 合计 row's 科目编码 is blank or says 合计 in the exports staff make, so
		// such a row is a warning, not a missing required code; a blank code on
		// any other row is still an error.
		Hierarchy: &Hierarchy{Code: "code", GroupBy: []string{"year", "stage", "department"}, Label: "subject"},
	}
}

func organizationsSchema() Schema {
	return Schema{
		Fields: []Field{
			{Name: "credit_code", Aliases: []string{"统一社会信用代码"}, Type: USCC, Required: true, Unique: true},
			{Name: "name", Aliases: []string{"名称", "社会组织名称"}, Type: String, Required: true},
			{Name: "type", Aliases: []string{"类型", "组织类型"}, Type: String},
			{Name: "city", Aliases: []string{"城市", "地市"}, Type: String},
			{Name: "registered_by", Aliases: []string{"登记机关", "登记管理机关"}, Type: String},
			{Name: "grade", Aliases: []string{"评估等级", "等级"}, Type: String, Enum: []string{"1A", "2A", "3A", "4A", "5A"}},
			{Name: "rated_year", Aliases: []string{"评估年度", "评估年份"}, Type: Year},
			{Name: "valid_until", Aliases: []string{"有效期至"}, Type: Date},
		},
		PrimaryKey: []string{"credit_code"},
	}
}

// populationSchema is the residents of each city by year, the denominator of
// the "per 10,000 residents" figures.
func populationSchema() Schema {
	return Schema{
		Fields: []Field{
			{Name: "city", Aliases: []string{"城市", "地市"}, Type: String, Required: true},
			{Name: "year", Aliases: []string{"年份", "年度"}, Type: Year, Required: true},
			{Name: "population", Aliases: []string{"常住人口"}, Type: Integer, Unit: "人", Required: true, Minimum: new(float64)},
		},
		PrimaryKey: []string{"city", "year"},
	}
}

func committeesSchema() Schema {
	return Schema{
		Fields: []Field{
			{Name: "year", Aliases: []string{"年度", "年份"}, Type: Year, Required: true},
			{Name: "city", Aliases: []string{"地市", "城市"}, Type: String, Required: true},
			{Name: "district", Aliases: []string{"区县", "县区"}, Type: String, Required: true},
			{Name: "town", Aliases: []string{"镇街", "乡镇街道"}, Type: String},
			{Name: "name", Aliases: []string{"名称"}, Type: String, Required: true},
			{Name: "kind", Aliases: []string{"类型"}, Type: String, Required: true, Enum: []string{"居委会", "村委会"}},
			{Name: "direct_election", Aliases: []string{"直接选举", "是否直选"}, Type: Boolean},
			{Name: "local_members_ratio", Aliases: []string{"本地成员比例", "属地化比例"}, Type: Number, Unit: "%"},
			{Name: "disclosure_compliant", Aliases: []string{"公开达标", "居务公开达标"}, Type: Boolean},
			{Name: "last_disclosure", Aliases: []string{"最近公开", "最近公开日期"}, Type: Date},
		},
	}
}
