package charts

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"gongkai/generator/internal/i18n"
)

// Chart is a chart ready for a page: a stable id, an accessible name, a text
// summary, and its options as JSON.
type Chart struct {
	ID      string
	Name    string      // the chart's accessible name
	Summary string      // what the chart shows, in words, for everyone who cannot see it
	Options template.JS // JSON object; html/template writes it into a data script element as is
	Sample  bool        // sample data went into the chart
	Data    string      // where to download the rows behind the chart; set by the caller
	// Rows are exactly the numbers the chart draws, as a table: a header,
	// then one row per drawn value (series, period, value, unit). The
	// caller publishes them as the chart's CSV.
	Rows [][]string
	CSV  string // where the chart's own CSV (Rows) is published; set by the caller
	Cite string // how to cite the chart: site, page, address, as-of date; set by the caller
	// Embed is the address of the chart's page alone, for other sites to
	// embed (/embed/…); set by the caller.
	Embed string
}

// Palette are the colours charts use, in order (readable by the colour-blind).
var palette = []string{"#0b57a4", "#a4262c", "#1a7f37", "#9a6700", "#6e40c9", "#59636e"}

// Bar is one bar of a bar chart.
type Bar struct {
	Label string
	Value float64
	Color string // empty: the palette's next colour
}

// Bars builds a horizontal bar chart, e.g. how many commitments have each status.
func Bars(tr *i18n.Table, id, name string, bars []Bar) (Chart, error) {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	labels := make([]string, len(bars))
	data := make([]opts.BarData, len(bars))
	summary := ""
	rows := [][]string{header(tr)}
	for i, b := range bars {
		labels[i] = b.Label
		color := b.Color
		if color == "" {
			color = palette[i%len(palette)]
		}
		data[i] = opts.BarData{Value: b.Value, ItemStyle: &opts.ItemStyle{Color: color}}
		if i > 0 {
			summary += tr.T("chart.list_sep")
		}
		summary += b.Label + " " + Human(tr, b.Value, "")
		rows = append(rows, []string{name, b.Label, num(b.Value), ""})
	}
	bar.SetXAxis(labels).AddSeries(name, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	o := bar.JSON()
	// Bars lie along the y axis, first at the top: go-echarts sets up columns.
	o["xAxis"] = []map[string]any{{"type": "value", "minInterval": 1}}
	o["yAxis"] = []map[string]any{{"type": "category", "data": labels, "inverse": true}}
	c, err := build(tr, id, name, tr.T("chart.summary", "name", name, "items", summary), false, o)
	c.Rows = rows
	return c, err
}

// header is the first row of a chart's CSV.
func header(tr *i18n.Table) []string {
	return []string{tr.T("chart.col_series"), tr.T("chart.col_period"), tr.T("chart.col_value"), tr.T("chart.col_unit")}
}

// plain turns go-echarts' typed options into plain JSON values to adjust.
func plain(o map[string]any) (map[string]any, error) {
	b, err := json.Marshal(o)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	return out, json.Unmarshal(b, &out)
}

// build finishes a chart: accessible description, palette, tooltips drawn
// as text, stable id, JSON.
func build(tr *i18n.Table, id, name, summary string, sample bool, o map[string]any) (Chart, error) {
	o, err := plain(o)
	if err != nil {
		return Chart{}, fmt.Errorf("chart %s: %w", id, err)
	}
	// ECharts' HTML tooltips are markup with style attributes, which the
	// page's Content-Security-Policy (style-src 'self') refuses: the tooltip
	// showed unstyled and the browser reported a violation on every hover.
	// Drawn as rich text inside the chart it needs no markup at all, and a
	// label in it stays text.
	if t, ok := o["tooltip"].(map[string]any); ok {
		t["renderMode"] = "richText"
	}
	o["aria"] = map[string]any{"enabled": true, "label": map[string]any{"description": tr.T("chart.description", "name", name, "summary", summary)}}
	o["color"] = palette
	if _, ok := o["grid"]; !ok {
		o["grid"] = map[string]any{"containLabel": true, "left": 8, "right": 24, "top": 40, "bottom": 40}
	}
	b, err := json.Marshal(o) // escapes <, > and &: a label cannot end the script element
	if err != nil {
		return Chart{}, fmt.Errorf("chart %s: %w", id, err)
	}
	return Chart{ID: id, Name: name, Summary: summary, Options: template.JS(b), Sample: sample}, nil //nolint:gosec // JSON from encoding/json
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// sampleTitle is the sample-data notice as the chart's title at its top
// left, above the unit of the value axis; the plot starts below it (see
// sampleTop), so the notice never lies on the data.
func sampleTitle(tr *i18n.Table, key string) opts.Title {
	return opts.Title{Subtitle: tr.T(key), Left: "0", Top: "0"}
}

// sampleTop is the grid's top with the sample notice above the unit.
const sampleTop = 64

// Series is one line of a line chart; a NaN value is a gap.
type Series struct {
	Name   string
	Values []float64
}

// Lines builds a line chart over years, with optional horizontal target
// lines, e.g. the share of committees directly elected per year. A target's
// label is its name (say its year in it: 目标 40%（2015年）), drawn inside the
// plot at its right end; the value axis holds every value and every target,
// and 0 where it is sensible (see valueBounds).
func Lines(tr *i18n.Table, id, name, unit string, years []int, series []Series, targets map[string]float64, sample bool) (Chart, error) {
	labels := make([]string, len(years))
	for i, y := range years {
		labels[i] = strconv.Itoa(y)
	}
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		charts.WithYAxisOpts(opts.YAxis{Name: unit}),
	)
	if sample {
		line.SetGlobalOptions(charts.WithTitleOpts(sampleTitle(tr, "chart.sample")))
	}
	summary := ""
	rows := [][]string{header(tr)}
	var values []float64
	for i, s := range series {
		line.AddSeries(s.Name, nil)
		if i > 0 {
			summary += tr.T("chart.series_sep")
		}
		summary += s.Name + " "
		first := true
		for j, v := range s.Values {
			if math.IsNaN(v) {
				continue
			}
			values = append(values, Plotted(v, unit))
			rows = append(rows, []string{s.Name, labels[j], num(Plotted(v, unit)), unit})
			if !first {
				summary += tr.T("chart.list_sep")
			}
			first = false
			summary += tr.T("chart.year_value", "y", labels[j], "value", Human(tr, v, unit))
		}
	}
	targetNames := sortedKeys(targets)
	for _, t := range targetNames {
		rows = append(rows, []string{t, "", num(targets[t]), unit})
	}
	o, err := plain(line.JSON())
	if err != nil {
		return Chart{}, err
	}
	// The axis' name under its labels, centred: at its end, ECharts draws
	// it past the chart's right edge.
	o["xAxis"] = []map[string]any{{"type": "category", "name": tr.T("chart.axis_year"), "nameLocation": "middle", "nameGap": 28, "data": labels}}
	if y, ok := o["yAxis"].([]any); ok && len(y) > 0 && len(values) > 0 {
		var must []float64
		for _, t := range targetNames {
			must = append(must, targets[t])
		}
		lo, hi := valueBounds(values, must, zeroSensible(values, must, unit))
		y[0].(map[string]any)["min"], y[0].(map[string]any)["max"] = lo, hi
	}
	series2, _ := o["series"].([]any)
	for i, sr := range series2 {
		m, _ := sr.(map[string]any)
		vals := make([]any, len(series[i].Values))
		for j, v := range series[i].Values {
			if !math.IsNaN(v) {
				vals[j] = Plotted(v, unit)
			}
		}
		m["data"] = vals
		if i == 0 && len(targetNames) > 0 {
			var marks []map[string]any
			for _, t := range targetNames {
				marks = append(marks, map[string]any{"name": t, "yAxis": targets[t]})
			}
			m["markLine"] = map[string]any{
				"silent": true,
				"symbol": []string{"none", "none"},
				// Inside the plot at its right end, above the line: never
				// past the chart's edge, and the name says the target's year.
				"label":     map[string]any{"formatter": "{b}", "position": "insideEndTop", "color": markColor},
				"lineStyle": map[string]any{"color": markColor, "type": "dotted", "width": 1.5},
				"data":      marks,
			}
		}
	}
	grid := map[string]any{"containLabel": true, "left": 8, "right": 24, "top": 40, "bottom": 64} // the axis' name between its labels and the legend
	if sample {
		grid["top"] = sampleTop
	}
	o["grid"] = grid
	c, err := build(tr, id, name, tr.T("chart.summary", "name", name, "items", summary), sample, o)
	c.Rows = rows
	return c, err
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TreeNode is one box of a treemap: a name, a value and the boxes inside it.
type TreeNode struct {
	Name     string
	Value    float64
	Children []TreeNode
}

// Tree builds a treemap one can drill into, e.g. a budget by functional
// classification 类 → 款 → 项.
func Tree(tr *i18n.Table, id, name, unit string, nodes []TreeNode, sample bool) (Chart, error) {
	tm := charts.NewTreeMap()
	tm.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	if sample {
		tm.SetGlobalOptions(charts.WithTitleOpts(sampleTitle(tr, "chart.sample")))
	}
	tm.AddSeries(name, nil)
	o, err := plain(tm.JSON())
	if err != nil {
		return Chart{}, err
	}
	rows := [][]string{{tr.T("chart.col_parent"), tr.T("chart.col_name"), tr.T("chart.col_value"), tr.T("chart.col_unit")}}
	var conv func([]TreeNode, string) []map[string]any
	conv = func(ns []TreeNode, parent string) []map[string]any {
		out := make([]map[string]any, 0, len(ns))
		for _, n := range ns {
			m := map[string]any{"name": n.Name, "value": math.Round(n.Value*100) / 100}
			rows = append(rows, []string{parent, n.Name, num(math.Round(n.Value*100) / 100), unit})
			if len(n.Children) > 0 {
				m["children"] = conv(n.Children, n.Name)
			}
			out = append(out, m)
		}
		return out
	}
	if series, ok := o["series"].([]any); ok && len(series) > 0 {
		s := series[0].(map[string]any)
		s["data"] = conv(nodes, "")
		if sample {
			s["top"] = 40 // below the sample notice
		}
		s["leafDepth"] = 1
		s["roam"] = false
		s["breadcrumb"] = map[string]any{"show": true}
	}
	summary := ""
	for i, n := range nodes {
		if i == 5 {
			summary += tr.T("chart.etc")
			break
		}
		if i > 0 {
			summary += tr.T("chart.list_sep")
		}
		summary += n.Name + " " + Human(tr, n.Value, unit)
	}
	c, err := build(tr, id, name, tr.T("chart.summary", "name", name, "items", summary), sample, o)
	c.Rows = rows
	return c, err
}
