package charts

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"gongkai/generator/internal/i18n"
)

// Point is one value at a moment: the last day of the period it is for.
type Point struct {
	At     time.Time // the last day of the period (UTC midnight)
	Label  string    // the period as the site shows it: 2025年, 2025年第三季度, 2025年1—9月, 2025年9月30日
	Value  float64
	Sample bool
	Series string // "" = 实际值; another name (e.g. "广州市", a narrower scope) is drawn as its own line with its own legend entry
}

// ProgressSpec describes a commitment's progress chart.
type ProgressSpec struct {
	Table         *i18n.Table // the words of the chart, in the site's language
	Indicator     string
	Unit          string
	Target        float64
	HasTarget     bool
	Deadline      time.Time // the deadline's last day; zero when the text sets no deadline (then no deadline line)
	DeadlineLabel string    // 2015年, 2011年12月31日
	Points        []Point   // in any order
	Path          []Point   // the pace a kept promise needs, drawn as a dashed line through these points (usually two: the start and the target at the deadline); empty = none. Label may be used in the summary.
}

// targets are the values a point must not be rounded to unless it equals
// them: the target, if any.
func (s ProgressSpec) targets() []float64 {
	if s.HasTarget {
		return []float64{s.Target}
	}
	return nil
}

// markColor is the colour of the target and deadline lines: neither a
// series' colour nor the path's.
const markColor = "#1f2328"

// progressLine is one line of the progress chart: its name and its points in
// time order.
type progressLine struct {
	name   string
	points []Point
}

// Progress builds the chart of a commitment's observations on a time axis:
// each value at the last day of its period, one line per series, the target
// as a horizontal line, the deadline as a vertical one at its last day, and
// the pace a kept promise needs as a dashed line.
//
// The axis ticks the ends of years (or of months, see timeAxis), so a value
// for 2013, drawn at 31 December 2013, stands right above the label 2013年,
// as does the deadline "2015年" above 2015年. The tooltip is the hovered
// point's own: its series, its period as the site writes it (the item's
// name) and its value. An axis tooltip cannot show the period: ECharts heads
// it with the axis value, an ISO date, and its rows with series names; and
// options cannot carry a formatter function (the page's CSP runs no inline
// code), so every label here is one of ECharts' string templates.
func Progress(id string, s ProgressSpec) (Chart, error) {
	tr := s.Table
	actualSeries, pathSeries := tr.T("chart.actual"), tr.T("chart.path")
	lines := progressLines(s.Points, actualSeries)
	path := sortedPoints(s.Path)
	sample := false
	var moments []time.Time
	for _, l := range lines {
		for _, p := range l.points {
			sample = sample || p.Sample
			moments = append(moments, p.At)
		}
	}
	for _, p := range path {
		moments = append(moments, p.At)
	}
	if !s.Deadline.IsZero() {
		moments = append(moments, s.Deadline)
	}

	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", Type: "scroll"}),
		charts.WithYAxisOpts(opts.YAxis{Name: s.Unit, Scale: opts.Bool(true)}),
	)
	if sample {
		// At the top left, where neither the deadline's label nor the
		// target's can reach it.
		line.SetGlobalOptions(charts.WithTitleOpts(opts.Title{Subtitle: tr.T("chart.progress_sample"), Left: "0", Top: "0"}))
	}
	colors := []string{}
	for i, l := range lines {
		color := palette[0]
		if l.name != actualSeries {
			// The path takes the palette's last colour; the other scopes
			// share the ones between.
			color = palette[1+i%(len(palette)-2)]
		}
		colors = append(colors, color)
		line.AddSeries(l.name, timeData(l.points, s.Unit, s.targets(), tr), charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(true), SymbolSize: 9}))
	}
	if len(path) > 0 {
		colors = append(colors, palette[len(palette)-1])
		line.AddSeries(pathSeries, timeData(path, s.Unit, s.targets(), tr),
			charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(true), Symbol: "emptyCircle", SymbolSize: 6}),
			charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed"}))
	}
	o, err := plain(line.JSON())
	if err != nil {
		return Chart{}, err
	}
	axis, start, end := timeAxis(moments, tr)
	o["xAxis"] = []map[string]any{axis}
	grid := map[string]any{"containLabel": true, "left": 8, "right": 24, "top": 48, "bottom": 40}
	if sample {
		grid["top"] = 64 // the subtitle above the unit
	}
	if axis["name"] != nil {
		grid["bottom"] = 64 // the axis' name sits between its labels and the legend
	}
	o["grid"] = grid
	// ECharts fits the value axis to the series alone: a target beyond every
	// value would fall off the chart, and a value far from 0 would look like
	// nothing. The axis holds every value, the path (its start is the
	// baseline), the target, and 0 where sensible.
	if y, ok := o["yAxis"].([]any); ok && len(y) > 0 {
		var values, must []float64
		for _, l := range lines {
			for _, p := range l.points {
				values = append(values, Plotted(p.Value, s.Unit))
			}
		}
		for _, p := range path {
			values = append(values, Plotted(p.Value, s.Unit))
		}
		if s.HasTarget {
			must = append(must, s.Target)
		}
		if len(values) > 0 {
			lo, hi := valueBounds(values, must, zeroSensible(values, must, s.Unit))
			y[0].(map[string]any)["min"], y[0].(map[string]any)["max"] = lo, hi
		}
	}
	series, _ := o["series"].([]any)
	for i, sr := range series {
		m, _ := sr.(map[string]any)
		m["itemStyle"] = map[string]any{"color": colors[i]}
		// The tooltip shows the item's name (its period) and its value, not
		// the date it is drawn at.
		m["encode"] = map[string]any{"x": 0, "y": 1, "tooltip": 1}
		if i < len(lines) {
			// The values above the path: a lone observation at the path's
			// start is not hidden under its marker. The latest value of each
			// line (a lone one too) carries its number.
			m["z"] = 3
			if data, ok := m["data"].([]any); ok && len(data) > 0 {
				last := lines[i].points[len(lines[i].points)-1]
				data[len(data)-1].(map[string]any)["label"] = map[string]any{"show": true, "position": "top", "formatter": braceless(Human(tr, last.Value, s.Unit, s.targets()...)),
					"color": colors[i], "fontWeight": "bold"}
			}
		} else {
			m["z"] = 2
		}
	}
	if marks := progressMarks(s, start, end); len(marks) > 0 && len(series) > 0 {
		first, _ := series[0].(map[string]any)
		first["markLine"] = map[string]any{
			"silent":    true,
			"symbol":    []string{"none", "none"},
			"label":     map[string]any{"formatter": "{b}", "color": markColor},
			"lineStyle": map[string]any{"color": markColor, "type": "dotted", "width": 1.5},
			"data":      marks,
		}
	}
	c, err := build(tr, id, tr.T("chart.progress_name", "indicator", s.Indicator), progressSummary(s, lines, path, actualSeries, pathSeries), sample, o)
	c.Rows = progressRows(s, lines, path, pathSeries)
	return c, err
}

// progressRows are the numbers the progress chart draws: each line's
// points, the path's, and the target at its deadline.
func progressRows(s ProgressSpec, lines []progressLine, path []Point, pathSeries string) [][]string {
	tr := s.Table
	rows := [][]string{header(tr)}
	add := func(name string, points []Point) {
		for _, p := range points {
			rows = append(rows, []string{name, periodLabel(p, tr), num(Plotted(p.Value, s.Unit, s.targets()...)), s.Unit})
		}
	}
	for _, l := range lines {
		add(l.name, l.points)
	}
	add(pathSeries, path)
	if s.HasTarget {
		period := ""
		if !s.Deadline.IsZero() {
			period = deadlineLabel(s)
		}
		rows = append(rows, []string{tr.T("chart.target_row"), period, num(s.Target), s.Unit})
	}
	return rows
}

// zeroSensible tells whether the value axis should start (or end) at 0: for
// a share, and for values that are all of one sign and not far from 0
// compared with their size: the smallest at most 70% of the largest (8178
// against a target of 50000, 3.35 against 5, but not a life expectancy of
// 76.5 against 76.8).
func zeroSensible(values, must []float64, unit string) bool {
	all := append(slices.Clone(values), must...)
	lo, hi := slices.Min(all), slices.Max(all)
	if lo < 0 && hi > 0 {
		return true // 0 is inside anyway
	}
	if isShare(unit) {
		return true
	}
	if hi <= 0 {
		return hi >= lo*0.7
	}
	return lo <= hi*0.7
}

// valueBounds are round bounds for the value axis that hold every value,
// every value of must (the targets), and 0 when zero is set: a step of 1, 2
// or 5 times a power of ten giving about five intervals, as ECharts picks its
// own, and half a step of room at least beyond a target at the edge, so its
// line and label stay inside the chart, clear of the deadline's label above
// it.
func valueBounds(values, must []float64, zero bool) (lo, hi float64) {
	all := append(slices.Clone(values), must...)
	lo, hi = slices.Min(all), slices.Max(all)
	if zero {
		lo, hi = min(lo, 0), max(hi, 0)
	}
	raw := (hi - lo) / 5
	if raw <= 0 {
		raw = math.Max(math.Abs(hi), 1) / 5
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, f := range []float64{1, 2, 5} {
		if raw <= f*mag {
			step = f * mag
			break
		}
	}
	round := func(v float64) float64 { v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64); return v }
	lo, hi = round(math.Floor(lo/step)*step), round(math.Ceil(hi/step)*step)
	for _, t := range must {
		if t-lo < step/2 && !(zero && lo == 0) {
			lo = round(lo - step)
		}
		if hi-t < step/2 {
			hi = round(hi + step)
		}
	}
	return lo, hi
}

// braceless keeps a text from being read as an ECharts label template.
func braceless(s string) string { return strings.NewReplacer("{", "(", "}", ")").Replace(s) }

// progressLines groups points into lines: the actual values (the points
// of no series, named actualSeries) first, then the other series by name,
// each in time order.
func progressLines(points []Point, actualSeries string) []progressLine {
	var lines []progressLine
	for _, p := range sortedPoints(points) {
		name := cmp.Or(p.Series, actualSeries)
		i := slices.IndexFunc(lines, func(l progressLine) bool { return l.name == name })
		if i < 0 {
			i = len(lines)
			lines = append(lines, progressLine{name: name})
		}
		lines[i].points = append(lines[i].points, p)
	}
	slices.SortStableFunc(lines, func(a, b progressLine) int {
		if (a.name == actualSeries) != (b.name == actualSeries) {
			if a.name == actualSeries {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	return lines
}

// sortedPoints orders a copy of points by time, then label, then value, so
// the same points in any order give the same chart.
func sortedPoints(points []Point) []Point {
	out := slices.Clone(points)
	slices.SortStableFunc(out, func(a, b Point) int {
		return cmp.Or(a.At.Compare(b.At), strings.Compare(a.Label, b.Label), cmp.Compare(a.Value, b.Value))
	})
	return out
}

// timeData writes points as ECharts items: the period's label as the name,
// [day, value] as the value. A missing period is simply not there, so a gap
// is never drawn as zero.
func timeData(points []Point, unit string, targets []float64, tr *i18n.Table) []opts.LineData {
	out := make([]opts.LineData, len(points))
	for i, p := range points {
		out[i] = opts.LineData{Name: periodLabel(p, tr), Value: []any{isoDay(p.At), Plotted(p.Value, unit, targets...)}}
	}
	return out
}

// shown is a value as the chart and its summary show it: a share computed
// from rows (22.222222222222222%) to two decimals, as the evidence table
// writes it, and a value below 1 to three significant digits, so it never
// shows as 0. The downloadable data keeps every digit.
func shown(v float64) float64 {
	if math.Abs(v) >= 1 {
		return math.Round(v*100) / 100
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 3, 64), 64)
	return r
}

// isoDay writes a moment as ECharts reads a date without a zone: local midnight
// of that day in the reader's browser, the same as the axis' ticks, so a day
// never slides into the next year.
func isoDay(t time.Time) string { return t.Format(time.DateOnly) }

// periodLabel is a point's label, or its day when it has none.
func periodLabel(p Point, tr *i18n.Table) string { return cmp.Or(p.Label, tr.Date(p.At)) }

// deadlineLabel is the deadline as the text sets it, or its day.
func deadlineLabel(s ProgressSpec) string { return cmp.Or(s.DeadlineLabel, s.Table.Date(s.Deadline)) }

// progressMarks are the target line and the deadline line. The deadline's
// label stands above the line's top on the side with more room, so it is not
// cut off at the chart's edge.
func progressMarks(s ProgressSpec, start, end time.Time) []map[string]any {
	var marks []map[string]any
	if s.HasTarget {
		marks = append(marks, map[string]any{"name": s.Table.T("chart.target_mark", "value", Human(s.Table, s.Target, s.Unit)), "yAxis": s.Target,
			"label": map[string]any{"position": "insideStartTop"}})
	}
	if !s.Deadline.IsZero() {
		align := "left"
		if s.Deadline.Sub(start) > end.Sub(s.Deadline) {
			align = "right"
		}
		marks = append(marks, map[string]any{"name": s.Table.T("chart.deadline_mark", "deadline", deadlineLabel(s)), "xAxis": isoDay(s.Deadline),
			"label": map[string]any{"position": "end", "align": align, "padding": []int{0, 4}}})
	}
	return marks
}

// timeAxis is the x axis over moments (none: an axis ECharts lays out
// itself), with a labelled tick and a grid line at the end of each year —
// 2015年 stands under a value for 2015 and under the deadline "2015年" —
// and half a year of room beyond the first and the last. When the moments lie
// within about a year and a half and are not all ends of years (a year's
// value and a deadline a year later read best as two years), it ticks the
// end of each month instead ("9月" under a value for September or for the
// third quarter) and names the axis for its year or years. Labels that would
// crowd are thinned: every year, or every second, fifth or tenth; every month
// or each quarter's last; ECharts hides what still overlaps on a narrow screen.
func timeAxis(moments []time.Time, tr *i18n.Table) (axis map[string]any, start, end time.Time) {
	axis = map[string]any{"type": "time", "splitLine": map[string]any{"show": true}}
	if len(moments) == 0 {
		return axis, start, end
	}
	lo, hi := slices.MinFunc(moments, time.Time.Compare), slices.MaxFunc(moments, time.Time.Compare)
	var ticks, labels []string
	yearEnds := !slices.ContainsFunc(moments, func(t time.Time) bool { return t.Month() != time.December || t.Day() != 31 })
	if !yearEnds && hi.Before(lo.AddDate(0, 18, 0)) {
		// Ticks at the ends of months, from lo's (or the month before, when
		// lo is early in its month) to hi's (or the month before, when hi is
		// early in its month), and half a month beyond: a point is never
		// drawn at the chart's edge.
		first := monthEnd(lo.Year(), lo.Month()-1)
		if lo.Day() > 20 {
			first = monthEnd(lo.Year(), lo.Month())
		}
		last := monthEnd(hi.Year(), hi.Month())
		if hi.Day() < 10 {
			last = monthEnd(hi.Year(), hi.Month()-1)
		}
		step := time.Month(1)
		if n := (last.Year()-first.Year())*12 + int(last.Month()-first.Month()) + 1; n > 6 {
			step = 3
		}
		for t := first; !t.After(last); t = monthEnd(t.Year(), t.Month()+1) {
			ticks = append(ticks, isoDay(t))
			if t.Month()%step == 0 {
				labels = append(labels, isoDay(t))
			}
		}
		start, end = first.AddDate(0, 0, -15), last.AddDate(0, 0, 15)
		axis["name"] = tr.T("date.year", "y", strconv.Itoa(first.Year()))
		if last.Year() != first.Year() {
			axis["name"] = tr.T("date.years", "from", strconv.Itoa(first.Year()), "to", strconv.Itoa(last.Year()))
		}
		axis["nameLocation"], axis["nameGap"] = "middle", 28
		axis["axisLabel"] = map[string]any{"customValues": labels, "formatter": tr.T("chart.axis_month"), "hideOverlap": true}
	} else {
		// Ticks at the ends of years, chosen as the months' above, and half a
		// year beyond.
		first, last := lo.Year(), hi.Year()
		if lo.Month() < time.October {
			first--
		}
		if hi.Month() < time.April {
			last--
		}
		step := 1
		switch n := last - first + 1; {
		case n > 30:
			step = 10
		case n > 12:
			step = 5
		case n > 6:
			step = 2
		}
		for y := first; y <= last; y++ {
			ticks = append(ticks, isoDay(monthEnd(y, time.December)))
			if y%step == 0 {
				labels = append(labels, isoDay(monthEnd(y, time.December)))
			}
		}
		start, end = time.Date(first, time.July, 1, 0, 0, 0, 0, time.UTC), time.Date(last+1, time.July, 1, 0, 0, 0, 0, time.UTC)
		axis["axisLabel"] = map[string]any{"customValues": labels, "formatter": tr.T("chart.axis_year_tick"), "hideOverlap": true}
	}
	axis["min"], axis["max"] = isoDay(start), isoDay(end)
	axis["axisTick"] = map[string]any{"customValues": ticks}
	return axis, start, end
}

// monthEnd is the last day of month m of year y (m may run past December or
// before January).
func monthEnd(y int, m time.Month) time.Time {
	return time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
}

// progressSummary says in words what the chart shows: the target and the
// deadline, every point by its period's label, the other scopes' points and
// the pace a kept promise needs.
func progressSummary(s ProgressSpec, lines []progressLine, path []Point, actualSeries, pathSeries string) string {
	tr := s.Table
	var b strings.Builder
	switch {
	case s.HasTarget && !s.Deadline.IsZero():
		b.WriteString(tr.T("chart.summary_target_deadline", "deadline", deadlineLabel(s), "value", Human(tr, s.Target, s.Unit)))
	case s.HasTarget:
		b.WriteString(tr.T("chart.summary_target", "value", Human(tr, s.Target, s.Unit)))
	case !s.Deadline.IsZero():
		b.WriteString(tr.T("chart.summary_deadline", "deadline", deadlineLabel(s)))
	}
	if len(lines) == 0 {
		b.WriteString(tr.T("chart.summary_no_data"))
	}
	for _, l := range lines {
		if l.name == actualSeries {
			b.WriteString(tr.T("chart.summary_known"))
		} else {
			b.WriteString(tr.T("chart.summary_series", "name", l.name))
		}
		writePoints(&b, l.points, s.Unit, s.targets(), tr)
	}
	if len(path) > 0 {
		b.WriteString(tr.T("chart.summary_series", "name", pathSeries))
		writePoints(&b, path, s.Unit, s.targets(), tr)
	}
	return b.String()
}

func writePoints(b *strings.Builder, points []Point, unit string, targets []float64, tr *i18n.Table) {
	for i, p := range points {
		if i > 0 {
			b.WriteString(tr.T("chart.list_sep"))
		}
		b.WriteString(tr.T("chart.point", "period", periodLabel(p, tr), "value", Human(tr, p.Value, unit, targets...)))
	}
	b.WriteString(tr.T("chart.end"))
}
