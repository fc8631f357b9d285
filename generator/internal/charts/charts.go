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
		summary += b.Label + " " + num(b.Value)
	}
	bar.SetXAxis(labels).AddSeries(name, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	o := bar.JSON()
	// Bars lie along the y axis, first at the top: go-echarts sets up columns.
	o["xAxis"] = []map[string]any{{"type": "value", "minInterval": 1}}
	o["yAxis"] = []map[string]any{{"type": "category", "data": labels, "inverse": true}}
	return build(tr, id, name, tr.T("chart.summary", "name", name, "items", summary), false, o)
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

// withUnit writes a value and its unit for the summary; sums of 万元 of a
// hundred million and more are written in 亿元, as Chinese readers read money.
func withUnit(v float64, unit string) string {
	if unit == "万元" && math.Abs(v) >= 10000 {
		return num(math.Round(v/100)/100) + "亿元"
	}
	return num(v) + unit
}

// Series is one line of a line chart; a NaN value is a gap.
type Series struct {
	Name   string
	Values []float64
}

// Lines builds a line chart over years, with optional horizontal target
// lines, e.g. the share of committees directly elected per year.
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
		line.SetGlobalOptions(charts.WithTitleOpts(opts.Title{Subtitle: tr.T("chart.sample"), Right: "0"}))
	}
	summary := ""
	for i, s := range series {
		data := make([]opts.LineData, len(s.Values))
		for j, v := range s.Values {
			if !math.IsNaN(v) {
				data[j] = opts.LineData{Value: v}
			}
		}
		var extra []charts.SeriesOpts
		if i == 0 {
			for _, label := range sortedKeys(targets) {
				extra = append(extra, charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: label, YAxis: targets[label]}))
			}
		}
		line.AddSeries(s.Name, data, extra...)
		if i > 0 {
			summary += tr.T("chart.series_sep")
		}
		summary += s.Name + " "
		first := true
		for j, v := range s.Values {
			if math.IsNaN(v) {
				continue
			}
			if !first {
				summary += tr.T("chart.list_sep")
			}
			first = false
			summary += tr.T("chart.year_value", "y", strconv.Itoa(years[j]), "value", withUnit(math.Round(v*10)/10, unit))
		}
	}
	o, err := plain(line.JSON())
	if err != nil {
		return Chart{}, err
	}
	o["xAxis"] = []map[string]any{{"type": "category", "name": tr.T("chart.axis_year"), "data": labels}}
	series2, _ := o["series"].([]any)
	for i, sr := range series2 {
		m, _ := sr.(map[string]any)
		vals := make([]any, len(series[i].Values))
		for j, v := range series[i].Values {
			if !math.IsNaN(v) {
				vals[j] = math.Round(v*100) / 100
			}
		}
		m["data"] = vals
	}
	return build(tr, id, name, tr.T("chart.summary", "name", name, "items", summary), sample, o)
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
		tm.SetGlobalOptions(charts.WithTitleOpts(opts.Title{Subtitle: tr.T("chart.sample"), Right: "0"}))
	}
	tm.AddSeries(name, nil)
	o, err := plain(tm.JSON())
	if err != nil {
		return Chart{}, err
	}
	var conv func([]TreeNode) []map[string]any
	conv = func(ns []TreeNode) []map[string]any {
		out := make([]map[string]any, 0, len(ns))
		for _, n := range ns {
			m := map[string]any{"name": n.Name, "value": math.Round(n.Value*100) / 100}
			if len(n.Children) > 0 {
				m["children"] = conv(n.Children)
			}
			out = append(out, m)
		}
		return out
	}
	if series, ok := o["series"].([]any); ok && len(series) > 0 {
		s := series[0].(map[string]any)
		s["data"] = conv(nodes)
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
		summary += n.Name + " " + withUnit(math.Round(n.Value*100)/100, unit)
	}
	return build(tr, id, name, tr.T("chart.summary", "name", name, "items", summary), sample, o)
}
