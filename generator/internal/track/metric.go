package track

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gongkai/generator/internal/data/value"
)

// Metric turns a dataset into a progress series, as site.toml declares it,
// so a commitment can be measured from disclosed data without Go code:
//
//	count   rows per year
//	sum     the sum of a number column per year
//	mean    its mean per year
//	share   the percentage of rows per year whose 是/否 column is 是
//	groups  the percentage of groups per year (rows sharing the Group
//	        column, e.g. departments) with at least one row whose Match
//	        columns match their patterns, e.g. departments whose budget has a
//	        7-digit 项 code
//	ratio   numerator ÷ denominator × scale, where both are series of the
//	        dataset (rows whose SeriesColumn names them; their Column holds
//	        the value): a derived value such as volunteers per resident.
//
// Rows are first kept only if every Where column equals its value.
type Metric struct {
	ID           string
	Title        string
	Dataset      string
	Year         string // the column holding the period of each row: a year, quarter, month or date
	Snapshot     int    // instead of Year: the rows have no year and describe the end of this one
	Value        string // count, sum, mean, share, filled, groups or ratio
	Column       string
	Where        map[string]string
	SeriesColumn string
	Numerator    string
	Denominator  string
	Scale        float64
	Unit         string
	Group        string            // for groups: the column that makes a group
	Match        map[string]string // for groups: column → regular expression a row must match
	// Lang is the language of each point's Inputs: "" or "zh-CN" for
	// Chinese, "en" for English.
	Lang string
}

// MetricRow reads one cell of a row by column name: its validated text, its
// number and whether it is missing.
type MetricRow func(column string) (text string, num float64, missing bool)

// MetricPoint is one computed value, with how it was computed in words.
type MetricPoint struct {
	Period value.Period
	Value  float64
	Rows   int    // rows it was computed from
	Inputs string // the inputs, e.g. "注册志愿者 2011年 4100000 ÷ 常住人口 2010年 104300000 × 100", in the metric's language
}

// matcher is a column's pattern of a "groups" metric (Match), with what
// it said of the texts seen so far: a column of codes has few, and a
// million rows need not run the pattern a million times.
type matcher struct {
	col  string
	re   *regexp.Regexp
	seen map[string]bool
}

func (m *matcher) matches(text string) bool {
	ok, seen := m.seen[text]
	if !seen {
		ok = m.re.MatchString(text)
		if len(m.seen) < 4096 {
			m.seen[strings.Clone(text)] = ok
		}
	}
	return ok
}

// RowError is a problem with one row of the metric's dataset.
type RowError struct {
	File   string
	Line   int
	Column string
	Msg    string
}

func (e *RowError) Error() string { return e.Msg }

// Compute runs the metric over rows given by each, which calls its function
// once per row of the dataset with the file and line it came from.
func (m Metric) Compute(each func(func(file string, line int, row MetricRow) error) error) ([]MetricPoint, error) {
	by := map[value.Period]*acc{}
	series := map[string]map[value.Period]float64{}
	groups := map[value.Period]map[string]bool{} // period → group → meets
	var match []matcher
	for _, col := range slices.Sorted(maps.Keys(m.Match)) {
		re, err := regexp.Compile("^(?:" + m.Match[col] + ")$")
		if err != nil {
			return nil, fmt.Errorf("match %s: %w", col, err)
		}
		match = append(match, matcher{col: col, re: re, seen: map[string]bool{}})
	}
	var lastYear string // the year of the row before, and its period: rows come in runs of one year
	var lastPeriod value.Period
	err := each(func(file string, line int, row MetricRow) error {
		for col, want := range m.Where {
			if text, _, missing := row(col); missing || text != want {
				return nil
			}
		}
		year := value.YearPeriod(m.Snapshot)
		if m.Snapshot == 0 {
			text, _, missing := row(m.Year)
			if missing {
				return nil
			}
			if text != lastYear || lastYear == "" {
				p, err := value.ParsePeriod(text)
				if err != nil {
					return &RowError{File: file, Line: line, Column: m.Year, Msg: fmt.Sprintf("metric %q: %v", m.ID, err)}
				}
				lastYear, lastPeriod = text, p
			}
			year = lastPeriod
		}
		if m.Value == "groups" {
			g, _, missing := row(m.Group)
			if missing {
				return nil
			}
			if groups[year] == nil {
				groups[year] = map[string]bool{}
			}
			meets := true
			for i := range match {
				if text, _, missing := row(match[i].col); missing || !match[i].matches(text) {
					meets = false
				}
			}
			groups[year][g] = groups[year][g] || meets
			return nil
		}
		if m.Value == "ratio" {
			name, _, _ := row(m.SeriesColumn)
			if _, v, missing := row(m.Column); !missing {
				if series[name] == nil {
					series[name] = map[value.Period]float64{}
				}
				series[name][year] = v
			}
			return nil
		}
		a := by[year]
		if a == nil {
			a = &acc{}
			by[year] = a
		}
		k := rowKinds[m.Value]
		text, v, missing := "", 0.0, true
		if k.column {
			text, v, missing = row(m.Column)
		}
		k.add(a, text, v, missing)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []MetricPoint
	if m.Value == "ratio" {
		return m.ratio(series), nil
	}
	if m.Value == "groups" {
		for y, gs := range groups {
			meet := 0
			for _, ok := range gs {
				if ok {
					meet++
				}
			}
			inputs := fmt.Sprintf("%s%d个%s中有%d个符合", y.Label(), len(gs), m.Group, meet)
			if english(m.Lang) {
				inputs = fmt.Sprintf("%s: %d of %d groups by %s match", y.LabelIn(m.Lang), meet, len(gs), m.Group)
			}
			out = append(out, MetricPoint{Period: y, Value: 100 * float64(meet) / float64(len(gs)), Rows: len(gs), Inputs: inputs})
		}
		sortPoints(out)
		return out, nil
	}
	k := rowKinds[m.Value]
	for y, a := range by {
		v, ok := k.value(*a)
		if !ok {
			continue
		}
		p := MetricPoint{Period: y, Value: v, Rows: a.n}
		if english(m.Lang) {
			rows := value.GroupThousands(strconv.Itoa(a.n), ",") + " rows"
			if a.n == 1 {
				rows = "1 row"
			}
			p.Inputs = fmt.Sprintf(k.en, y.LabelIn(m.Lang), a.n, a.yes, m.Column, rows, value.GroupThousands(strconv.Itoa(a.yes), ","))
		} else {
			p.Inputs = fmt.Sprintf(k.zh, y.Label(), a.n, a.yes, m.Column)
		}
		out = append(out, p)
	}
	sortPoints(out)
	return out, nil
}

// acc adds up one period's rows.
type acc struct {
	n, yes int
	sum    float64
}

// rowKind is a value computed row by row: how a row adds to its period,
// what the period comes to (ok false: no value), and the inputs in words
// (verbs: 1 the period, 2 its rows, 3 those yes or filled, 4 the column; in
// English 5 the rows and 6 the yes ones in words).
type rowKind struct {
	column bool // reads Column
	add    func(a *acc, text string, v float64, missing bool)
	value  func(a acc) (float64, bool)
	zh, en string
}

// rowKinds are the value kinds but groups and ratio.
var rowKinds = map[string]rowKind{
	"count": {
		add:   func(a *acc, _ string, _ float64, _ bool) { a.n++ },
		value: func(a acc) (float64, bool) { return float64(a.n), true },
		zh:    "%[1]s共%[2]d行", en: "%[1]s: %[5]s",
	},
	"sum": {
		column: true, add: addNumber,
		value: func(a acc) (float64, bool) { return a.sum, true },
		zh:    "%[1]s%[2]d行的%[4]s之和", en: "%[1]s: the sum of %[4]s over %[5]s",
	},
	"mean": {
		column: true, add: addNumber,
		value: func(a acc) (float64, bool) { return a.sum / float64(a.n), a.n > 0 },
		zh:    "%[1]s%[2]d行的%[4]s平均值", en: "%[1]s: the mean of %[4]s over %[5]s",
	},
	"share": {
		column: true,
		add: func(a *acc, text string, _ float64, missing bool) {
			if !missing {
				a.n++
				if text == "true" {
					a.yes++
				}
			}
		},
		value: percentYes,
		zh:    "%[1]s%[2]d行中%[3]d行的%[4]s为“是”", en: "%[1]s: %[4]s is yes in %[6]s of %[5]s",
	},
	"filled": {
		column: true,
		add: func(a *acc, _ string, _ float64, missing bool) {
			a.n++
			if !missing {
				a.yes++
			}
		},
		value: percentYes,
		zh:    "%[1]s%[2]d行中%[3]d行的%[4]s有值", en: "%[1]s: %[4]s is filled in %[6]s of %[5]s",
	},
}

func addNumber(a *acc, _ string, v float64, missing bool) {
	if !missing {
		a.n++
		a.sum += v
	}
}

func percentYes(a acc) (float64, bool) { return 100 * float64(a.yes) / float64(a.n), a.n > 0 }

// sortPoints orders points by the end of their period, then the longer first.
func sortPoints(pts []MetricPoint) {
	slices.SortFunc(pts, func(a, b MetricPoint) int {
		return cmp.Or(a.Period.End().Compare(b.Period.End()), a.Period.Start().Compare(b.Period.Start()))
	})
}

// ratio divides the numerator series by the denominator series.
func (m Metric) ratio(series map[string]map[value.Period]float64) []MetricPoint {
	return divide(series[m.Numerator], series[m.Denominator], m.Numerator, m.Denominator, m.Scale, m.Lang)
}

// Per divides each point by the denominator's value (e.g. residents), for
// figures like "organisations per 10,000 residents".
func Per(pts, den []MetricPoint, numName, denName string, scale float64) []MetricPoint {
	return PerIn("zh-CN", pts, den, numName, denName, scale)
}

// PerIn is Per with the inputs in the site's language lang.
func PerIn(lang string, pts, den []MetricPoint, numName, denName string, scale float64) []MetricPoint {
	num, by := map[value.Period]float64{}, map[value.Period]float64{}
	for _, p := range pts {
		num[p.Period] = p.Value
	}
	for _, p := range den {
		by[p.Period] = p.Value
	}
	return divide(num, by, numName, denName, scale, lang)
}

// divide divides num by den period by period, times scale. A period of num
// takes den of the same period, or else of the latest period that ended
// before it ends; the inputs say which was used.
func divide(num, den map[value.Period]float64, numName, denName string, scale float64, lang string) []MetricPoint {
	plain := exactWan // 410万 ÷ 10430万, still exact
	if english(lang) {
		plain = func(v float64) string { return value.GroupThousands(strconv.FormatFloat(v, 'f', -1, 64), ",") }
	}
	if scale == 0 {
		scale = 1
	}
	var out []MetricPoint
	for y, n := range num {
		var dy value.Period
		found := false
		for p := range den {
			if p == y {
				dy, found = p, true
				break
			}
			if !p.End().After(y.End()) && (!found || p.End().After(dy.End()) || p.End().Equal(dy.End()) && p.Start().Before(dy.Start())) {
				dy, found = p, true
			}
		}
		if !found || den[dy] == 0 {
			continue
		}
		p := MetricPoint{Period: y, Value: n / den[dy] * scale, Rows: 2,
			Inputs: fmt.Sprintf("%s %s %s ÷ %s %s %s", numName, y.LabelIn(lang), plain(n), denName, dy.LabelIn(lang), plain(den[dy]))}
		if scale != 1 {
			p.Inputs += " × " + plain(scale)
		}
		out = append(out, p)
	}
	sortPoints(out)
	return out
}

func plain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// exactWan writes a whole number of hundreds from 100,000 up in 万, as a
// Chinese reader counts (4100000 → 410万), and any other number as it is:
// the figure stays exact.
func exactWan(v float64) string {
	if v >= 1e5 && v == math.Trunc(v) && math.Mod(v, 100) == 0 {
		return plain(v/1e4) + "万"
	}
	return plain(v)
}

// Check reports what is wrong with the metric's declaration, given the
// columns of its dataset, or "".
func (m Metric) Check(columns []string) string {
	has := func(c string) bool { return slices.Contains(columns, c) }
	var problems []string
	need := func(what, col string) {
		if col == "" {
			problems = append(problems, fmt.Sprintf("%s is not set", what))
		} else if !has(col) {
			problems = append(problems, fmt.Sprintf("%s %q is not a column of %s (its columns: %s)", what, col, m.Dataset, strings.Join(columns, ", ")))
		}
	}
	switch {
	case m.Snapshot != 0 && m.Year != "":
		problems = append(problems, "set year (a column) or snapshot (a year for every row), not both")
	case m.Snapshot == 0:
		need("year", m.Year)
	}
	for col := range m.Where {
		need("where", col)
	}
	k, rowWise := rowKinds[m.Value]
	switch {
	case rowWise && k.column:
		need("column", m.Column)
	case rowWise:
	case m.Value == "groups":
		need("group", m.Group)
		for col, pattern := range m.Match {
			need("match", col)
			if _, err := regexp.Compile(pattern); err != nil {
				problems = append(problems, fmt.Sprintf("match %q: %v", col, err))
			}
		}
		if len(m.Match) == 0 {
			problems = append(problems, "groups needs match: the columns and patterns a row must match")
		}
	case m.Value == "ratio":
		need("column", m.Column)
		need("series_column", m.SeriesColumn)
		if m.Numerator == "" || m.Denominator == "" {
			problems = append(problems, "a ratio needs numerator and denominator")
		}
	default:
		problems = append(problems, fmt.Sprintf("value %q must be count, sum, mean, share, filled, groups or ratio", m.Value))
	}
	slices.Sort(problems)
	return strings.Join(problems, "; ")
}
