package site

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"gongkai/generator/internal/charts"
	"gongkai/generator/internal/data"
	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/render"
)

// deptsShown is how many departments /budgets/ lists before the rest go to
// pages of their own, deptsPerPage to a page.
const deptsShown, deptsPerPage = 100, 400

// plainNum is a number for sorting, "" when there is none.
func plainNum(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// wan writes an amount in 万元 as the site's language reads money: in
// Chinese 万元 below ten thousand, 亿元 above; in English in millions or
// billions of yuan (the table's budgets.money and budgets.money_large, with
// {wan}, {yi}, {million} and {billion} to choose from).
func wan(v float64, tr *i18n.Table) string {
	if math.IsNaN(v) {
		return "—"
	}
	f := func(x float64) string { return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64) }
	args := []any{"wan", display(f(v), data.Number), "yi", strconv.FormatFloat(math.Round(v/100)/100, 'f', -1, 64), "million", display(f(v/100), data.Number), "billion", display(f(v/100000), data.Number)}
	if math.Abs(v) >= 10000 {
		return tr.T("budgets.money_large", args...)
	}
	return tr.T("budgets.money", args...)
}

func ratio(a, b float64) string {
	if b == 0 || math.IsNaN(a) || math.IsNaN(b) {
		return "—"
	}
	return pct(100 * a / b)
}

func change(cur, prev float64) string {
	if prev == 0 || math.IsNaN(prev) {
		return "—"
	}
	d := 100 * (cur - prev) / prev
	s := strconv.FormatFloat(math.Round(d*10)/10, 'f', 1, 64) + "%"
	if d > 0 {
		s = "+" + s
	}
	return s
}

// yearStage is a year and stage (预算, 决算) of the budgets, yearDept a
// year and department.
type yearStage struct {
	Year  int
	Stage string
}

type yearDept struct {
	Year int
	Dept string
}

// budgetSums are the sums of the budgets dataset's rows that /budgets/ is
// made from, by year and stage: in all, by department, and by subject code
// (类, 款 and 项: its first 3, 5 and 7 characters); each department's
// deepest code in its budget of each year, and each code's name.
type budgetSums struct {
	Totals map[yearStage]float64
	Dept   map[yearStage]map[string]float64
	Depth  map[yearDept]int
	Codes  map[yearStage]map[string]float64
	Names  map[string]string
}

// sumBudgets goes once through the budgets dataset d, whose columns col
// indexes, adding up its rows (but not its subtotals).
func sumBudgets(d *data.Dataset, col map[string]int) (budgetSums, error) {
	totals := map[yearStage]float64{}
	dept := map[yearStage]map[string]float64{}
	depth := map[yearDept]int{}
	codes := map[yearStage]map[string]float64{}
	names := map[string]string{}
	// The texts the sums keep, copied once each from a dataset read again
	// from its files, whose cells' texts would keep the files in memory.
	keep := func(s string) string { return s }
	if !d.RowsKept() {
		own := map[string]string{}
		keep = func(s string) string {
			if k, ok := own[s]; ok {
				return k
			}
			k := strings.Clone(s)
			own[k] = k
			return k
		}
	}
	// A million rows go through here: the columns are looked up once, and
	// the sums of the year and stage of the row before (rows come in runs
	// of one year and stage) are kept at hand.
	yearCol, stageCol, deptCol, codeCol, amountCol, subjectCol := col["year"], col["stage"], col["department"], col["code"], col["amount"], col["subject"]
	var last yearStage
	var lastDept, lastCodes map[string]float64 // nil before the first row
	err := d.Each(func(file string, line int, cells []data.Cell) error {
		year, stage := int(cells[yearCol].Num), cells[stageCol].Text
		dp, code, amount := keep(cells[deptCol].Text), keep(cells[codeCol].Text), cells[amountCol].Num
		if _, ok := names[code]; !ok {
			names[code] = keep(cells[subjectCol].Text) // 类 and 款 rows name their codes, even when they are subtotals
		}
		if d.IsSubtotal(file, line) {
			return nil // the rows under it are summed
		}
		if lastDept == nil || year != last.Year || stage != last.Stage {
			last = yearStage{year, keep(stage)}
			if lastDept = dept[last]; lastDept == nil {
				lastDept, lastCodes = map[string]float64{}, map[string]float64{}
				dept[last], codes[last] = lastDept, lastCodes
			} else {
				lastCodes = codes[last]
			}
		}
		totals[last] += amount
		lastDept[dp] += amount
		if stage == "预算" {
			k := yearDept{year, dp}
			depth[k] = max(depth[k], len(code))
		}
		for _, n := range [...]int{3, 5, 7} {
			if len(code) >= n {
				lastCodes[code[:n]] += amount
			}
		}
		return nil
	})
	return budgetSums{totals, dept, depth, codes, names}, err
}

// computeBudgets adds /budgets/: totals, execution, disclosure depth and the
// functional classification of the budgets dataset, read in one pass.
func computeBudgets(e *env) error {
	in, m, base, link, cv := e.in, e.m, e.base, e.link, e.cv
	d, col := in.dataset("budgets")
	if d == nil {
		return nil
	}
	sums, err := keptResult(in.kept, d, "budget sums", func() (budgetSums, error) { return sumBudgets(d, col) })
	if err != nil {
		return err
	}
	totals, dept, depth, codes, names := sums.Totals, sums.Dept, sums.Depth, sums.Codes, sums.Names
	var years []int
	for k := range totals {
		if !slices.Contains(years, k.Year) {
			years = append(years, k.Year)
		}
	}
	slices.Sort(years)
	tr := in.tr
	home := render.Crumb{Title: tr.T("nav.home"), Path: "/"}
	v := render.BudgetsView{
		Page:        base(datasetTitle(d, in.tr), "/budgets/", "data", home, render.Crumb{Title: tr.T("nav.data"), Path: "/data/"}),
		Dataset:     datasetSummary(d, in.tr, link),
		Description: d.Description,
		Subtotals:   d.Subtotals,
		Totals:      d.Totals,
	}
	nan := math.NaN()
	get := func(k yearStage) float64 {
		if v, ok := totals[k]; ok {
			return v
		}
		return nan
	}
	deepShare := func(y int) float64 {
		n, deep := 0, 0
		for k, l := range depth {
			if k.Year == y {
				n++
				if l >= 7 {
					deep++
				}
			}
		}
		return share(deep, n)
	}
	budget, final, deepSeries := make([]float64, len(years)), make([]float64, len(years)), make([]float64, len(years))
	for i, y := range years {
		budget[i], final[i], deepSeries[i] = get(yearStage{y, "预算"}), get(yearStage{y, "决算"}), deepShare(y)
		prev := nan
		if i > 0 {
			prev = budget[i-1]
		}
		v.Years = append(v.Years, render.BudgetYear{Year: y, Budget: wan(budget[i], tr), Final: wan(final[i], tr), Execution: ratio(final[i], budget[i]),
			Change: change(budget[i], prev), Depth: pct(deepSeries[i])})
		if !math.IsNaN(final[i]) {
			v.Year = y // the latest year with final accounts
		}
	}
	if v.Year == 0 {
		v.Year = years[len(years)-1]
	}
	totalsChart, err := charts.Lines(tr, "chart-budget-totals", tr.T("budgets.totals"), tr.T("budgets.unit"), years, []charts.Series{{Name: tr.T("budgets.col_budget"), Values: budget}, {Name: tr.T("budgets.col_final"), Values: final}}, nil, d.Sample)
	if err != nil {
		return err
	}
	totalsChart.Data = v.Dataset.CSV
	e.publishChart(&totalsChart, "/budgets/", v.Page.Title)
	v.TotalsChart = &totalsChart
	depthChart, err := charts.Lines(tr, "chart-budget-depth", tr.T("budgets.chart_depth"), "%", years, []charts.Series{{Name: tr.T("budgets.col_deep"), Values: deepSeries}}, map[string]float64{tr.T("budgets.all_departments", "value", "100%"): 100}, d.Sample)
	if err != nil {
		return err
	}
	depthChart.Data = v.Dataset.CSV
	e.publishChart(&depthChart, "/budgets/", v.Page.Title)
	v.DepthChart = &depthChart
	// Departments in the detailed year, largest budget first.
	cur, fin := dept[yearStage{v.Year, "预算"}], dept[yearStage{v.Year, "决算"}]
	prevYear := dept[yearStage{v.Year - 1, "预算"}]
	for dp, b := range cur {
		l := depth[yearDept{v.Year, dp}]
		level := ""
		if key, ok := map[int]string{3: "budgets.level_class", 5: "budgets.level_section", 7: "budgets.level_item"}[l]; ok {
			level = tr.T(key)
		}
		f, ok := fin[dp]
		if !ok {
			f = nan
		}
		p, ok := prevYear[dp]
		if !ok {
			p = nan
		}
		v.Departments = append(v.Departments, render.BudgetDept{Department: dp, Budget: wan(b, tr), Final: wan(f, tr), Execution: ratio(f, b), Change: change(b, p), Depth: level, Deep: l >= 7,
			BudgetValue: plainNum(b), FinalValue: plainNum(f), ExecutionValue: plainNum(100 * f / b), ChangeValue: plainNum(100 * (b - p) / p)})
	}
	slices.SortFunc(v.Departments, func(a, b render.BudgetDept) int {
		return cmp.Or(cmp.Compare(cur[b.Department], cur[a.Department]), cmp.Compare(a.Department, b.Department))
	})
	// Many departments get pages of their own; the page shows the largest.
	if all := v.Departments; len(all) > deptsShown {
		paths := paginate(len(all), deptsPerPage, "/budgets/departments/")
		for i, path := range paths {
			m.pages = append(m.pages, page{path[1:] + "index.html", path, "budget-departments", render.BudgetDeptsView{
				Page:    base(pageTitle(tr.T("budgets.departments_title", "year", strconv.Itoa(v.Year)), i, tr), path, "data", home, render.Crumb{Title: tr.T("budgets.crumb"), Path: "/budgets/"}),
				Dataset: v.Dataset, Year: v.Year, Departments: all[i*deptsPerPage : min(len(all), (i+1)*deptsPerPage)], Pages: pager(paths, i, link)}})
		}
		v.Departments, v.AllDepts = all[:deptsShown], link(paths[0])
	}
	v.DeptTotal = len(cur)
	// The classification of the detailed year's budget: 类 → 款 → 项.
	tree := codes[yearStage{v.Year, "预算"}]
	var classes []string
	for code := range tree {
		if len(code) == 3 {
			classes = append(classes, code)
		}
	}
	slices.Sort(classes)
	// Names come from the file's own rows; a 类 the file does not name (it
	// lists only 款 or 项 rows) takes the name of the national classification,
	// marked as such on the page.
	name := func(code string) string { return names[code] }
	var nodes []charts.TreeNode
	for _, c3 := range classes {
		class := render.BudgetSubject{Code: c3, Name: names[c3], Level: 1, Amount: wan(tree[c3], tr)}
		if class.Name == "" && classNames[c3] != "" {
			class.Name, class.Standard, v.StandardNames = classNames[c3], true, true
		}
		node := charts.TreeNode{Name: c3 + " " + class.Name, Value: tree[c3]}
		v.Subjects = append(v.Subjects, class)
		for _, c5 := range sortedCodes(tree, c3, 5) {
			child := charts.TreeNode{Name: c5 + " " + name(c5), Value: tree[c5]}
			v.Subjects = append(v.Subjects, render.BudgetSubject{Code: c5, Name: name(c5), Level: 2, Amount: wan(tree[c5], tr)})
			for _, c7 := range sortedCodes(tree, c5, 7) {
				child.Children = append(child.Children, charts.TreeNode{Name: c7 + " " + name(c7), Value: tree[c7]})
				v.Subjects = append(v.Subjects, render.BudgetSubject{Code: c7, Name: name(c7), Level: 3, Amount: wan(tree[c7], tr)})
			}
			node.Children = append(node.Children, child)
		}
		nodes = append(nodes, node)
	}
	treeChart, err := charts.Tree(tr, "chart-budget-tree", tr.T("budgets.tree_of", "year", strconv.Itoa(v.Year)), tr.T("budgets.unit"), nodes, d.Sample)
	if err != nil {
		return err
	}
	treeChart.Data = v.Dataset.CSV
	e.publishChart(&treeChart, "/budgets/", v.Page.Title)
	v.TreeChart = &treeChart
	v.Page.Charts = true
	v.Measures = cv.measuredBy(in, d)
	m.pages = append(m.pages, page{"budgets/index.html", "/budgets/", "budgets", v})
	return nil
}

// sortedCodes lists the codes of a length under a prefix, in order.
func sortedCodes(tree map[string]float64, prefix string, n int) []string {
	var out []string
	for code := range tree {
		if len(code) == n && code[:len(prefix)] == prefix {
			out = append(out, code)
		}
	}
	slices.Sort(out)
	return out
}

// classNames are the 类 of the government functional classification, for
// budgets that list only 款 or 项 rows and so do not name their 类.
var classNames = map[string]string{
	"201": "一般公共服务", "202": "外交", "203": "国防", "204": "公共安全", "205": "教育", "206": "科学技术", "207": "文化体育与传媒",
	"208": "社会保障和就业", "210": "医疗卫生", "211": "节能环保", "212": "城乡社区事务", "213": "农林水事务", "214": "交通运输",
	"215": "资源勘探电力信息等事务", "216": "商业服务业等事务", "217": "金融监管等事务支出", "219": "援助其他地区支出", "220": "国土资源气象等事务",
	"221": "住房保障", "222": "粮油物资储备事务", "227": "预备费", "229": "其他支出",
}
