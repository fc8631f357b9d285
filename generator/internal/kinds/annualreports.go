package kinds

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/diag"
)

// The statutory annual reports on government information disclosure
// (政府信息公开工作年度报告): under 《中华人民共和国政府信息公开条例》
// 第四十九条 every department of a government at or above county level
// publishes by 31 January the report on its previous year, in the national
// format (第五十条; 国办公开办函〔2021〕30号). data/annual-reports/ holds them
// in a long format, one number per row:
//
//	年度,机关,公布日期,网址,表,项目,栏目,数值
//	2023,广东省民政厅,2024-01-26,,依申请公开,（七）总计,自然人,118
//
// 表 is one of the format's three tables; 项目 and 栏目 are its printed row
// and column, qualified with "/" where the printed text repeats
// (（六）其他处理/3.其他, 法人或其他组织/商业企业, 行政诉讼/复议后起诉); a
// name without its qualifier is accepted where it is unique. 申请人类型 is
// accepted for 栏目. The item names are the format's own, copied from the
// notice and from reports published in it, e.g.
// http://zrzy.smx.gov.cn/16903/616589856/1288675.html (the notice, reposted)
// and https://www.lg.gov.cn/xxgk/xxgknb/qzfgzbm/content/post_11956962.html
// (a 2024 report: both tables of 主动公开 and 依申请公开); the balance is the
// one the format prints above its application table
// （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）.
var AnnualReportsKind = data.Kind{ID: "annual-reports", Path: "data/annual-reports", Folder: true,
	Title: "政府信息公开工作年度报告", Schema: annualReportsSchema, Check: checkAnnualReports}

func annualReportsSchema() data.Schema {
	tables := make([]string, len(AnnualReportFormat))
	synonyms := map[string]string{}
	for i, t := range AnnualReportFormat {
		tables[i] = t.Name
		synonyms[t.Heading] = t.Name
		synonyms[t.Heading[:strings.Index(t.Heading, "、")]] = t.Name // 二, 三, 四
	}
	return data.Schema{
		Fields: []data.Field{
			{Name: "year", Aliases: []string{"年度", "报告年度"}, Type: data.Year, Required: true,
				Description: "the year the report is on (2023 for the report due by 31 January 2024)"},
			{Name: "body", Aliases: []string{"机关", "机关名称", "报告机关"}, Type: data.String, Required: true},
			{Name: "published", Aliases: []string{"公布日期", "发布日期"}, Type: data.Date, Required: true,
				Description: "the day the report was made public; on time when on or before 31 January of the next year"},
			{Name: "url", Aliases: []string{"网址", "链接"}, Type: data.URL},
			{Name: "table", Aliases: []string{"表", "表格"}, Type: data.String, Required: true, Enum: tables, Synonyms: synonyms},
			{Name: "item", Aliases: []string{"项目"}, Type: data.String, Required: true},
			{Name: "column", Aliases: []string{"栏目", "申请人类型"}, Type: data.String, Required: true},
			{Name: "value", Aliases: []string{"数值"}, Type: data.Number, Required: true, Minimum: new(float64)},
		},
	}
}

// AnnualReportTable is one table of the national format.
type AnnualReportTable struct {
	Name    string // as 表 says it: 主动公开
	Heading string // as the report prints it: 二、主动公开政府信息情况
	Rows    []AnnualReportRow
	// Columns are the columns of every row, when the rows share them.
	Columns []string
}

// AnnualReportRow is a row of a table: its item and, where the rows do not
// share the table's columns, its own.
type AnnualReportRow struct {
	Item    string
	Group   string   // the printed heading above it: 第二十条第（一）项
	Columns []string // nil: the table's
}

// Cols are the columns of row r.
func (t *AnnualReportTable) Cols(r AnnualReportRow) []string {
	if r.Columns != nil {
		return r.Columns
	}
	return t.Columns
}

// Table names of the format.
const (
	ARProactive = "主动公开"
	ARRequests  = "依申请公开"
	ARAppeals   = "复议诉讼"
)

// Rows and columns the site reads figures from.
const (
	ARNew       = "一、本年新收政府信息公开申请数量"
	ARCarried   = "二、上年结转政府信息公开申请数量"
	ARGranted   = "（一）予以公开"
	ARPartly    = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
	ARTotal     = "（七）总计"
	ARForward   = "四、结转下年度继续办理"
	ARSum       = "总计"
	ARReview    = "行政复议"
	ARCorrected = "结果纠正"
)

var (
	fileColumns = []string{"本年制发件数", "本年废止件数", "现行有效件数"}
	decisions   = []string{"本年处理决定数量"}
	applicants  = []string{"自然人", "法人或其他组织/商业企业", "法人或其他组织/科研机构", "法人或其他组织/社会公益组织",
		"法人或其他组织/法律服务机构", "法人或其他组织/其他", ARSum}
	outcomes = []string{"结果维持", ARCorrected, "其他结果", "尚未审结", ARSum}
)

// group qualifies each printed sub-item with its group's printed heading.
func group(heading string, items ...string) []AnnualReportRow {
	rows := make([]AnnualReportRow, len(items))
	for i, it := range items {
		rows[i] = AnnualReportRow{Item: heading + "/" + it, Group: heading}
	}
	return rows
}

// AnnualReportFormat is the national format of 国办公开办函〔2021〕30号: its
// three tables, their rows and columns, as printed.
var AnnualReportFormat = []AnnualReportTable{
	{Name: ARProactive, Heading: "二、主动公开政府信息情况", Rows: []AnnualReportRow{
		{Item: "规章", Group: "第二十条第（一）项", Columns: fileColumns},
		{Item: "行政规范性文件", Group: "第二十条第（一）项", Columns: fileColumns},
		{Item: "行政许可", Group: "第二十条第（五）项", Columns: decisions},
		{Item: "行政处罚", Group: "第二十条第（六）项", Columns: decisions},
		{Item: "行政强制", Group: "第二十条第（六）项", Columns: decisions},
		{Item: "行政事业性收费", Group: "第二十条第（八）项", Columns: []string{"本年收费金额（单位：万元）"}},
	}},
	{Name: ARRequests, Heading: "三、收到和处理政府信息公开申请情况", Columns: applicants, Rows: slices.Concat(
		[]AnnualReportRow{{Item: ARNew}, {Item: ARCarried},
			{Item: ARGranted, Group: "三、本年度办理结果"}, {Item: ARPartly, Group: "三、本年度办理结果"}},
		group("（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
			"5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"),
		group("（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"),
		group("（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
			"5.要求行政机关确认或重新出具已获取信息"),
		group("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
			"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"),
		[]AnnualReportRow{{Item: ARTotal, Group: "三、本年度办理结果"}, {Item: ARForward}},
	)},
	{Name: ARAppeals, Heading: "四、政府信息公开行政复议、行政诉讼情况", Columns: outcomes, Rows: []AnnualReportRow{
		{Item: ARReview}, {Item: "行政诉讼/未经复议直接起诉", Group: "行政诉讼"}, {Item: "行政诉讼/复议后起诉", Group: "行政诉讼"},
	}},
}

// AnnualReportCell is a cell of a report: a table's row and column.
type AnnualReportCell struct{ Table, Item, Column string }

// AnnualReport is one body's report on one year, as its rows give it.
type AnnualReport struct {
	Year      int
	Body      string
	Published time.Time
	URL       string
	Pos       diag.Pos // its first row
	Values    map[AnnualReportCell]float64
	lines     map[AnnualReportCell]diag.Pos
}

// Due is the day the report is due: 31 January of the next year (条例第四十九条).
func (r *AnnualReport) Due() time.Time { return AnnualReportDue(r.Year) }

// AnnualReportDue is the day the report on year is due.
func AnnualReportDue(year int) time.Time { return time.Date(year+1, 1, 31, 0, 0, 0, 0, time.UTC) }

// Value is the report's number in a cell, and whether it gives one.
func (r *AnnualReport) Value(table, item, column string) (float64, bool) {
	v, ok := r.Values[AnnualReportCell{table, item, column}]
	return v, ok
}

// AnnualReportCells is how many numbers a complete report gives.
func AnnualReportCells() int {
	n := 0
	for i := range AnnualReportFormat {
		t := &AnnualReportFormat[i]
		for _, r := range t.Rows {
			n += len(t.Cols(r))
		}
	}
	return n
}

// reportKey is a report: a body's on a year.
type reportKey struct {
	year int
	body string
}

// ReadAnnualReports reads the reports of the dataset, in file order of
// their first rows. Rows that name no cell of the format are left out
// (checkAnnualReports reported them).
func ReadAnnualReports(d *data.Dataset) ([]*AnnualReport, error) {
	col := d.ColumnIndex()
	byKey := map[reportKey]*AnnualReport{}
	var out []*AnnualReport
	err := d.Each(func(file string, line int, cells []data.Cell) error {
		k := reportKey{int(cells[col["year"]].Num), cells[col["body"]].Text}
		r := byKey[k]
		if r == nil {
			pub, _ := time.Parse(time.DateOnly, cells[col["published"]].Text)
			r = &AnnualReport{Year: k.year, Body: k.body, Published: pub, Pos: d.Pos(file, line),
				Values: map[AnnualReportCell]float64{}, lines: map[AnnualReportCell]diag.Pos{}}
			if c := cells[col["url"]]; !c.Missing {
				r.URL = c.Text
			}
			byKey[k] = r
			out = append(out, r)
		}
		cell, problem, _ := findCell(cells[col["table"]].Text, cells[col["item"]].Text, cells[col["column"]].Text)
		if problem == "" {
			r.Values[cell] = cells[col["value"]].Num
			r.lines[cell] = d.Pos(file, line)
		}
		return nil
	})
	return out, err
}

// findCell finds the cell a row names: its table (already one of the
// format's names), item and column as staff wrote them. It returns the
// canonical cell, or a sentence saying what is wrong.
func findCell(table, item, column string) (cell AnnualReportCell, problem, field string) {
	t := formatTable(table)
	if t == nil {
		return AnnualReportCell{}, fmt.Sprintf("表 %q is not a table of the national format", table), "table"
	}
	var row *AnnualReportRow
	it := normalizeName(item)
	var near []string
	for i := range t.Rows {
		r := &t.Rows[i]
		if r.Item == it {
			row, near = r, nil
			break
		}
		if strings.HasSuffix(r.Item, "/"+it) {
			near = append(near, r.Item)
		}
	}
	if row == nil && len(near) == 1 {
		row = &t.Rows[slices.IndexFunc(t.Rows, func(r AnnualReportRow) bool { return r.Item == near[0] })]
	}
	if row == nil {
		if len(near) > 1 {
			return AnnualReportCell{}, fmt.Sprintf("项目 %q is in more than one group of the table %s: write it with its group, as %s", item, t.Name, strings.Join(near, " or ")), "item"
		}
		return AnnualReportCell{}, fmt.Sprintf("项目 %q is not a row of the table %s (%s) in the national format (国办公开办函〔2021〕30号): its rows are %s", item, t.Name, t.Heading, rowList(t)), "item"
	}
	cols := t.Cols(*row)
	c := normalizeName(column)
	if !slices.Contains(cols, c) {
		var match []string
		for _, x := range cols {
			if strings.HasSuffix(x, "/"+c) {
				match = append(match, x)
			}
		}
		if len(match) != 1 {
			return AnnualReportCell{}, fmt.Sprintf("栏目 %q is not a column of %q in the table %s: its columns are %s", column, row.Item, t.Name, strings.Join(cols, "、")), "column"
		}
		c = match[0]
	}
	return AnnualReportCell{t.Name, row.Item, c}, "", ""
}

func formatTable(name string) *AnnualReportTable {
	for i := range AnnualReportFormat {
		if AnnualReportFormat[i].Name == name {
			return &AnnualReportFormat[i]
		}
	}
	return nil
}

// rowList names a table's rows, the long ones shortened.
func rowList(t *AnnualReportTable) string {
	var names []string
	for _, r := range t.Rows {
		names = append(names, r.Item)
	}
	if len(names) > 8 {
		return strings.Join(names[:6], "、") + fmt.Sprintf(" … (%d rows; see the format)", len(names))
	}
	return strings.Join(names, "、")
}

// normalizeName writes a name as the format prints it: full-width
// parentheses and colon, no spaces (reports broken across lines give
// "商业 企业"), and "、" where some copies print "，" inside an item.
var nameReplacer = strings.NewReplacer("(", "（", ")", "）", ":", "：", " ", "", "\u3000", "", "，行政机关不再处理", "、行政机关不再处理", ",行政机关不再处理", "、行政机关不再处理")

func normalizeName(s string) string { return nameReplacer.Replace(strings.TrimSpace(s)) }

// findings are a check's problems, each with the field whose cell it is
// about, placed at their columns when all are found (Dataset.Place).
type findings struct {
	ds     []diag.Diagnostic
	fields []string
}

func (f *findings) errorf(pos diag.Pos, field, format string, args ...any) {
	f.ds = append(f.ds, diag.Diagnostic{Pos: pos, Severity: diag.Error, Message: fmt.Sprintf(format, args...)})
	f.fields = append(f.fields, field)
}

func (f *findings) warnf(pos diag.Pos, field, format string, args ...any) {
	f.ds = append(f.ds, diag.Diagnostic{Pos: pos, Severity: diag.Warning, Message: fmt.Sprintf(format, args...)})
	f.fields = append(f.fields, field)
}

func (f *findings) hasErrors() bool {
	return slices.ContainsFunc(f.ds, func(d diag.Diagnostic) bool { return d.Severity == diag.Error })
}

// checkAnnualReports checks the reports against the national format: each
// row names a cell of it, once; a report's date and address are the same
// on all its rows; each printed total equals its parts (an error at the
// total's line); and the balance the format prints above its application
// table (一 + 二 = （七）总计 + 四) holds (a warning: it is the body's own
// report that does not balance).
func checkAnnualReports(d *data.Dataset, diags *diag.List) error {
	var found findings
	defer func() { diags.Add(d.Place(found.ds, found.fields)...) }()
	col := d.ColumnIndex()
	first := map[reportKey]struct {
		pos       diag.Pos
		published string
		url       string
	}{}
	seen := map[reportKey]map[AnnualReportCell]diag.Pos{}
	err := d.Each(func(file string, line int, cells []data.Cell) error {
		pos := d.Pos(file, line)
		k := reportKey{int(cells[col["year"]].Num), cells[col["body"]].Text}
		pub, url := cells[col["published"]].Text, cells[col["url"]].Text
		if f, ok := first[k]; !ok {
			first[k] = struct {
				pos       diag.Pos
				published string
				url       string
			}{pos, pub, url}
			seen[k] = map[AnnualReportCell]diag.Pos{}
		} else if f.published != pub {
			found.errorf(pos, "published", "%s's report on %d says 公布日期 %s here but %s at %s: a report is published on one day", k.body, k.year, pub, f.published, lineOf(f.pos))
		} else if f.url != url {
			found.errorf(pos, "url", "%s's report on %d gives 网址 %q here but %q at %s: a report has one address", k.body, k.year, url, f.url, lineOf(f.pos))
		}
		cell, problem, field := findCell(cells[col["table"]].Text, cells[col["item"]].Text, cells[col["column"]].Text)
		if problem != "" {
			found.errorf(pos, field, "%s", problem)
			return nil
		}
		if prev, dup := seen[k][cell]; dup {
			found.errorf(pos, "item", "%s's report on %d gives %s “%s” %s twice: here and at %s", k.body, k.year, cell.Table, cell.Item, cell.Column, lineOf(prev))
			return nil
		}
		seen[k][cell] = pos
		return nil
	})
	if err != nil || found.hasErrors() {
		return err
	}
	reports, err := ReadAnnualReports(d)
	if err != nil {
		return err
	}
	complete := AnnualReportCells()
	for _, r := range reports {
		checkTotals(r, &found)
		if n := len(r.Values); n < complete {
			found.warnf(r.Pos, "year", "%s's report on %d gives %d of the national format's %d numbers: the rest are shown as not given", r.Body, r.Year, n, complete)
		}
	}
	return nil
}

// checkTotals checks a report's printed totals against their parts.
func checkTotals(r *AnnualReport, diags *findings) {
	req := formatTable(ARRequests)
	// Each row: 总计 = 自然人 + the five kinds of 法人或其他组织.
	for _, row := range req.Rows {
		sumTo(r, diags, AnnualReportCell{ARRequests, row.Item, ARSum}, cellsOf(ARRequests, []string{row.Item}, applicants[:len(applicants)-1]))
	}
	// Each column: （七）总计 = （一） … （六）.
	var results []string
	for _, row := range req.Rows {
		if row.Item != ARNew && row.Item != ARCarried && row.Item != ARTotal && row.Item != ARForward {
			results = append(results, row.Item)
		}
	}
	for _, c := range applicants {
		sumTo(r, diags, AnnualReportCell{ARRequests, ARTotal, c}, cellsOf(ARRequests, results, []string{c}))
	}
	// Each review or suit: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
	for _, row := range formatTable(ARAppeals).Rows {
		sumTo(r, diags, AnnualReportCell{ARAppeals, row.Item, ARSum}, cellsOf(ARAppeals, []string{row.Item}, outcomes[:len(outcomes)-1]))
	}
	// The balance the format prints: 一 + 二 = （七）总计 + 四.
	for _, c := range applicants {
		n, ok1 := r.Value(ARRequests, ARNew, c)
		carried, ok2 := r.Value(ARRequests, ARCarried, c)
		done, ok3 := r.Value(ARRequests, ARTotal, c)
		fwd, ok4 := r.Value(ARRequests, ARForward, c)
		if ok1 && ok2 && ok3 && ok4 && differ(n+carried, done+fwd) {
			pos := r.lines[AnnualReportCell{ARRequests, ARForward, c}]
			diags.warnf(pos, "value", "%s's report on %d does not balance in the column %s: 一 + 二 = %s + %s = %s, but （七）总计 + 四 = %s + %s = %s (the format: 第一项加第二项之和，等于第三项加第四项之和)",
				r.Body, r.Year, c, num(n), num(carried), num(n+carried), num(done), num(fwd), num(done+fwd))
		}
	}
}

// lineOf names another row in a message: its file and line (a
// workbook's or Parquet file's row).
func lineOf(p diag.Pos) string {
	if p.Sheet != "" || p.Rows {
		return fmt.Sprintf("row %d of %s", p.Line, p.File)
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// cellsOf are the cells of the items by the columns.
func cellsOf(table string, items, columns []string) []AnnualReportCell {
	var out []AnnualReportCell
	for _, it := range items {
		for _, c := range columns {
			out = append(out, AnnualReportCell{table, it, c})
		}
	}
	return out
}

// sumTo reports a total that its parts do not add up to. A total or part
// the report does not give is not checked.
func sumTo(r *AnnualReport, diags *findings, total AnnualReportCell, parts []AnnualReportCell) {
	want, ok := r.Values[total]
	if !ok {
		return
	}
	sum := 0.0
	for _, p := range parts {
		v, ok := r.Values[p]
		if !ok {
			return
		}
		sum += v
	}
	if differ(want, sum) {
		diags.errorf(r.lines[total], "value", "%s's report on %d says %s “%s” %s is %s, but its parts add up to %s: correct the total or its parts",
			r.Body, r.Year, total.Table, total.Item, total.Column, num(want), num(sum))
	}
}

func differ(a, b float64) bool { return math.Abs(a-b) > 1e-6*math.Max(1, math.Abs(a)) }

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
