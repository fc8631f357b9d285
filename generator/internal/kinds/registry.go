package kinds

import (
	"regexp"

	"gongkai/generator/internal/data"
)

// The commitment registry: the promises of the policy documents
// (commitments), the values observed for them (progress) and the
// publications they call for (disclosures).

// idPattern is the form of a commitment's id: lowercase words and numbers
// joined by single hyphens.
var idPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

func commitmentsSchema() data.Schema {
	return data.Schema{
		Fields: []data.Field{
			{Name: "id", Aliases: []string{"编号"}, Type: data.String, Required: true, Unique: true, Pattern: idPattern,
				PatternHint: "lowercase letters, digits and single hyphens, like decision-37-social-workers"},
			{Name: "document", Aliases: []string{"文件"}, Type: data.String, Required: true},
			{Name: "clause", Aliases: []string{"条款"}, Type: data.String, Required: true},
			{Name: "kind", Aliases: []string{"类型"}, Type: data.String, Required: true, Enum: []string{"target", "disclosure", "institution"},
				Synonyms: map[string]string{"量化目标": "target", "目标": "target", "指标": "target",
					"公开": "disclosure", "公开承诺": "disclosure", "信息公开": "disclosure",
					"制度": "institution", "机构": "institution", "机构与制度": "institution", "制度建设": "institution"}},
			{Name: "indicator", Aliases: []string{"指标"}, Type: data.String, Required: true},
			{Name: "text", Aliases: []string{"原文"}, Type: data.String, Required: true},
			{Name: "comparator", Aliases: []string{"比较", "比较方式"}, Type: data.String, Enum: []string{">=", "<=", "==", "≈", "range", "up", "down"},
				Synonyms: map[string]string{"≥": ">=", "=>": ">=", "以上": ">=", "不低于": ">=", "不少于": ">=", "至少": ">=", "达到": ">=",
					"≤": "<=", "=<": "<=", "以下": "<=", "以内": "<=", "不超过": "<=", "不高于": "<=", "控制在": "<=",
					"=": "==", "等于": "==",
					"~": "≈", "左右": "≈", "约": "≈", "约为": "≈",
					"区间": "range", "之间": "range", "范围": "range",
					"提高": "up", "增加": "up", "扩大": "up", "上升": "up", "降低": "down", "减少": "down", "下降": "down"},
				Description: ">=, <=, == (or 以上, 不超过, 等于…), ≈ (左右: within a tolerance of the target, 5% of it unless the target says 5.5±0.3) or range (区间: the target is a range such as 5—6); up or down (提高, 降低) for a text that gives only a direction and no number: its values are listed, never judged"},
			{Name: "target", Aliases: []string{"目标值"}, Type: data.String,
				Description: "a number, in the row's unit (5.5, 5.5%, 1.2万); a range for comparator range (5—6, 5%—6%); a number with its tolerance for ≈ (5.5±0.3)"},
			{Name: "unit", Aliases: []string{"单位"}, Type: data.String},
			{Name: "deadline", Aliases: []string{"截止", "截止期限", "期限"}, Type: data.String,
				Description: "a year (2015, 2015年), a month or a day (2011-12-31, 2011年12月31日); 年底 or 年内 (the end of the document's year); N年内 or 三年内 (counted from the document's date); 十二五期末 (2015), 十三五期末 (2020), 十四五期末 (2025)"},
			{Name: "baseline", Aliases: []string{"基线", "基线值"}, Type: data.Number},
			{Name: "baseline_year", Aliases: []string{"基线年份"}, Type: data.Year},
			{Name: "responsible", Aliases: []string{"责任单位"}, Type: data.String},
			{Name: "measure", Aliases: []string{"度量", "数据来源"}, Type: data.String},
			{Name: "related", Aliases: []string{"相关"}, Type: data.String},
			{Name: "note", Aliases: []string{"备注", "说明"}, Type: data.String},
			{Name: "cadence", Aliases: []string{"公开频率", "频率"}, Type: data.String,
				Description: "for disclosure commitments made on a cadence: how often (每年, 每半年, 每季度, 每月, or R/P1Y); the first publication is due at the deadline"},
			{Name: "scope", Aliases: []string{"范围", "适用范围"}, Type: data.String,
				Description: "whom or where the promise covers (全省, 广州市, 省直部门…); evidence of another scope cannot keep it"},
			{Name: "reading", Aliases: []string{"判定方式", "读法"}, Type: data.String,
				Description: "how a target is decided when the text leaves it open: level (水平, the default), rate (当期: a rate or share for the deadline's year), cumulative (累计: a total for the year, reported year to date) or once (达到即可; the default of institutions)"},
		},
		PrimaryKey: []string{"id"},
	}
}

func progressSchema() data.Schema {
	return data.Schema{
		Fields: []data.Field{
			{Name: "commitment", Aliases: []string{"承诺", "承诺编号"}, Type: data.String, Required: true},
			{Name: "year", Aliases: []string{"年度", "年份", "期间", "所属期", "统计期"}, Type: data.Period, Required: true,
				Description: "the period the value is for: a year (2025), half (2025年上半年), quarter (2025Q3), month (2025-09), the year to a month (2025年1—9月) or a day (2025-09-30)"},
			{Name: "value", Aliases: []string{"数值", "值"}, Type: data.Number, Required: true},
			{Name: "source", Aliases: []string{"来源"}, Type: data.String, Required: true},
			{Name: "source_url", Aliases: []string{"来源网址", "链接"}, Type: data.URL},
			{Name: "note", Aliases: []string{"备注", "说明"}, Type: data.String},
			{Name: "published", Aliases: []string{"公布日期", "发布日期"}, Type: data.Date,
				Description: "when the value became public; without it, the value counts as known from the end of its period"},
			{Name: "scope", Aliases: []string{"范围", "适用范围"}, Type: data.String,
				Description: "whom or where the value covers, when narrower than the commitment's (广州市, 省直部门…)"},
			{Name: "source_type", Aliases: []string{"来源类型"}, Type: data.String, Enum: []string{"primary", "secondary"},
				Synonyms: map[string]string{"一手": "primary", "一手来源": "primary", "原始": "primary", "官方": "primary",
					"二手": "secondary", "二手来源": "secondary", "转载": "secondary", "报道": "secondary"},
				Description: "primary (一手: the publisher's own release, report or yearbook) or secondary (二手: a report or repost quoting it); the site shows which"},
			{Name: "role", Aliases: []string{"用途"}, Type: data.String, Enum: []string{"measure", "context"},
				Synonyms:    map[string]string{"度量": "measure", "判断依据": "measure", "参考": "context", "背景": "context", "口径不同": "context"},
				Description: "measure (度量, the default: the value judges the commitment) or context (参考: a figure on another definition, shown beside the evidence and never judging it)"},
			{Name: "unit", Aliases: []string{"单位"}, Type: data.String,
				Description: "the value's unit when it is not the commitment's: only for context (参考) rows, which may count something else (个, 亿元); a value that judges is in the commitment's unit"},
		},
		ForeignKeys: []data.ForeignKey{{Fields: []string{"commitment"}, Reference: "commitments", Ref: []string{"id"}}},
	}
}

func disclosuresSchema() data.Schema {
	return data.Schema{
		Fields: []data.Field{
			{Name: "commitment", Aliases: []string{"承诺", "承诺编号"}, Type: data.String, Required: true},
			{Name: "period", Aliases: []string{"期间", "所属期"}, Type: data.String, Required: true},
			{Name: "due", Aliases: []string{"应公开日期", "截止日期"}, Type: data.Date, Required: true},
			{Name: "published", Aliases: []string{"公开日期"}, Type: data.Date},
			{Name: "url", Aliases: []string{"网址", "链接"}, Type: data.URL},
			{Name: "note", Aliases: []string{"备注", "说明"}, Type: data.String},
			{Name: "scope", Aliases: []string{"范围", "适用范围"}, Type: data.String,
				Description: "whom or where the publication covers, when narrower than the commitment's (广州市直部门…)"},
		},
		ForeignKeys: []data.ForeignKey{{Fields: []string{"commitment"}, Reference: "commitments", Ref: []string{"id"}}},
	}
}

// CommitmentRow is a row of data/commitments.csv.
type CommitmentRow struct {
	Pos          data.Pos     `csv:"_pos"`
	ID           data.Text    `csv:"id"`
	Document     data.Text    `csv:"document"`
	Clause       data.Text    `csv:"clause"`
	Kind         data.Text    `csv:"kind"`
	Indicator    data.Text    `csv:"indicator"`
	Text         data.Text    `csv:"text"`
	Comparator   data.Text    `csv:"comparator"`
	Target       data.Text    `csv:"target"` // a number, a range or a number with its tolerance: track.ParseTarget
	Unit         data.Text    `csv:"unit"`
	Deadline     data.Text    `csv:"deadline"` // as staff write it: track.ParseDeadlineText
	Baseline     data.Decimal `csv:"baseline"`
	BaselineYear data.Decimal `csv:"baseline_year"`
	Responsible  data.Text    `csv:"responsible"`
	Measure      data.Text    `csv:"measure"`
	Related      data.Text    `csv:"related"`
	Note         data.Text    `csv:"note"`
	Cadence      data.Text    `csv:"cadence"`
	Scope        data.Text    `csv:"scope"`
	Reading      data.Text    `csv:"reading"`
}

// ProgressRow is a row of data/progress.csv.
type ProgressRow struct {
	Pos        data.Pos        `csv:"_pos"`
	Commitment data.Text       `csv:"commitment"`
	Year       data.PeriodText `csv:"year"`
	Value      data.Decimal    `csv:"value"`
	Source     data.Text       `csv:"source"`
	SourceURL  data.Text       `csv:"source_url"`
	Note       data.Text       `csv:"note"`
	Published  data.DateText   `csv:"published"`
	Scope      data.Text       `csv:"scope"`
	SourceType data.Text       `csv:"source_type"` // primary, secondary or empty
	Role       data.Text       `csv:"role"`        // measure (or empty) or context
	Unit       data.Text       `csv:"unit"`        // a context row's own unit; empty: the commitment's
}

// DisclosureRow is a row of data/disclosures.csv.
type DisclosureRow struct {
	Pos        data.Pos      `csv:"_pos"`
	Commitment data.Text     `csv:"commitment"`
	Period     data.Text     `csv:"period"`
	Due        data.DateText `csv:"due"`
	Published  data.DateText `csv:"published"`
	URL        data.Text     `csv:"url"`
	Note       data.Text     `csv:"note"`
	Scope      data.Text     `csv:"scope"`
}
