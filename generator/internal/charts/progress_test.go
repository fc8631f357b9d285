package charts

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// day is midnight UTC of a day, as the caller dates points.
func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// progressOptions builds a progress chart and decodes its options.
func progressOptions(t *testing.T, s ProgressSpec) (Chart, map[string]any) {
	t.Helper()
	c, err := Progress("p", s)
	if err != nil {
		t.Fatal(err)
	}
	var o map[string]any
	if err := json.Unmarshal([]byte(c.Options), &o); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return c, o
}

// get walks decoded JSON: a string is an object's key, an int an array's index.
func get(v any, path ...any) any {
	for _, k := range path {
		switch k := k.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

// seriesNamed is the series of that name in decoded options.
func seriesNamed(t *testing.T, o map[string]any, name string) map[string]any {
	t.Helper()
	for _, s := range get(o, "series").([]any) {
		if get(s, "name") == name {
			return s.(map[string]any)
		}
	}
	t.Fatalf("no series %q in %v", name, get(o, "series"))
	return nil
}

// points are a series' items as "name@day=value".
func points(s map[string]any) []string {
	var out []string
	for _, d := range s["data"].([]any) {
		b, _ := json.Marshal(get(d, "value", 1))
		out = append(out, get(d, "name").(string)+"@"+get(d, "value", 0).(string)+"="+string(b))
	}
	return out
}

// sub-year periods: a quarter, the year to a month, a month and a day are
// drawn at their last days, in time order whatever order they came in.
func TestProgressPlacesPeriodsAtTheirDays(t *testing.T) {
	_, o := progressOptions(t, ProgressSpec{Table: zh, Indicator: "社会组织数", Unit: "个", Points: []Point{
		{At: day(2025, 9, 30), Label: "2025年1—9月", Value: 43000},
		{At: day(2024, 12, 31), Label: "2024年", Value: 40000},
		{At: day(2025, 3, 31), Label: "2025年第一季度", Value: 41000},
		{At: day(2025, 5, 31), Label: "2025年5月", Value: 41500},
		{At: day(2025, 6, 15), Label: "2025年6月15日", Value: 42000},
	}})
	if typ := get(o, "xAxis", 0, "type"); typ != "time" {
		t.Errorf("x axis is %v, want a time axis", typ)
	}
	want := []string{"2024年@2024-12-31=40000", "2025年第一季度@2025-03-31=41000", "2025年5月@2025-05-31=41500",
		"2025年6月15日@2025-06-15=42000", "2025年1—9月@2025-09-30=43000"}
	if got := points(seriesNamed(t, o, "实际值")); !slices.Equal(got, want) {
		t.Errorf("points\n got %q\nwant %q", got, want)
	}
	// The tooltip shows the item's name (the period) and the value, not the day.
	if enc := get(seriesNamed(t, o, "实际值"), "encode", "tooltip"); enc != 1.0 {
		t.Errorf("tooltip encodes %v, want the value's dimension 1", enc)
	}
	if trig := get(o, "tooltip", "trigger"); trig != "item" {
		t.Errorf("tooltip trigger %v, want item (an axis tooltip cannot show the period)", trig)
	}
}

func TestProgressDeadlineAndTargetLines(t *testing.T) {
	_, o := progressOptions(t, ProgressSpec{Table: zh, Indicator: "每万人社工数", Unit: "人/万人", Target: 5, HasTarget: true,
		Deadline: day(2015, 12, 31), DeadlineLabel: "2015年",
		Points: []Point{{At: day(2013, 12, 31), Label: "2013年", Value: 3.1}, {At: day(2025, 9, 30), Label: "2025年第三季度", Value: 6.2}}})
	ml := get(seriesNamed(t, o, "实际值"), "markLine")
	if get(ml, "label", "formatter") != "{b}" {
		t.Errorf("mark lines are not labelled by name: %v", ml)
	}
	var deadline, target map[string]any
	for _, d := range get(ml, "data").([]any) {
		m := d.(map[string]any)
		if _, ok := m["xAxis"]; ok {
			deadline = m
		} else {
			target = m
		}
	}
	if deadline["xAxis"] != "2015-12-31" || deadline["name"] != "期限 2015年" {
		t.Errorf("deadline line %v, want at 2015-12-31 named 期限 2015年", deadline)
	}
	if target["yAxis"] != 5.0 || target["name"] != "目标 5人/万人" {
		t.Errorf("target line %v", target)
	}
	// The deadline lies in the left part of the axis: its label reads to the right.
	if get(deadline, "label", "align") != "left" {
		t.Errorf("deadline label %v", deadline["label"])
	}
	// Year-end ticks: 2015年 stands at the deadline, and 2013年 under 2013's value.
	ticks := get(o, "xAxis", 0, "axisTick", "customValues").([]any)
	if !slices.Contains(ticks, any("2015-12-31")) || !slices.Contains(ticks, any("2013-12-31")) {
		t.Errorf("ticks %v", ticks)
	}
	if f := get(o, "xAxis", 0, "axisLabel", "formatter"); f != "{yyyy}年" {
		t.Errorf("year labels %v", f)
	}
}

// An undated commitment has no deadline line, and its axis spans its points
// (it once ran from year 0).
func TestProgressUndated(t *testing.T) {
	c, o := progressOptions(t, ProgressSpec{Table: zh, Indicator: "社会组织数", Unit: "个", Target: 50000, HasTarget: true,
		Points: []Point{{At: day(2024, 12, 31), Label: "2024年", Value: 40000}, {At: day(2022, 12, 31), Label: "2022年", Value: 35000}}})
	if get(o, "xAxis", 0, "min") != "2022-07-01" || get(o, "xAxis", 0, "max") != "2025-07-01" {
		t.Errorf("axis from %v to %v, want 2022-07-01 to 2025-07-01", get(o, "xAxis", 0, "min"), get(o, "xAxis", 0, "max"))
	}
	for _, d := range get(seriesNamed(t, o, "实际值"), "markLine", "data").([]any) {
		if _, ok := d.(map[string]any)["xAxis"]; ok {
			t.Errorf("a deadline line without a deadline: %v", d)
		}
	}
	if strings.Contains(string(c.Options), `"0000-`) || strings.Contains(string(c.Options), `"0001-`) {
		t.Errorf("year 0 in the options: %s", c.Options)
	}
	if c.Summary != "目标为达到5万个，未定期限。已知数据：2022年3.5万个，2024年4万个。" { // large counts in 万

		t.Errorf("summary %q", c.Summary)
	}
	// A target beyond every value still shows, with room above it.
	if max, _ := get(o, "yAxis", 0, "max").(float64); max <= 50000 {
		t.Errorf("y axis max %v hides the target 50000", get(o, "yAxis", 0, "max"))
	}
}

func TestProgressSeriesPerScopeAndPath(t *testing.T) {
	c, o := progressOptions(t, ProgressSpec{Table: zh, Indicator: "每万人社工数", Unit: "人/万人", Target: 5, HasTarget: true,
		Deadline: day(2015, 12, 31), DeadlineLabel: "2015年",
		Points: []Point{
			{At: day(2024, 12, 31), Label: "2024年", Value: 5.6, Series: "广州市"},
			{At: day(2013, 12, 31), Label: "2013年", Value: 3.1},
			{At: day(2024, 12, 31), Label: "2024年", Value: 4.4, Series: "深圳市"},
			{At: day(2020, 12, 31), Label: "2020年", Value: 4.9, Series: "广州市"},
		},
		Path: []Point{{At: day(2015, 12, 31), Label: "2015年12月31日", Value: 5}, {At: day(2010, 12, 31), Label: "2010年12月31日", Value: 2.5}}})
	var names []string
	for _, s := range get(o, "series").([]any) {
		names = append(names, get(s, "name").(string))
	}
	if want := []string{"实际值", "广州市", "深圳市", "按期完成所需进度"}; !slices.Equal(names, want) {
		t.Errorf("series %q, want %q", names, want)
	}
	if get(o, "legend", "show") != true {
		t.Error("no legend")
	}
	if got := points(seriesNamed(t, o, "广州市")); !slices.Equal(got, []string{"2020年@2020-12-31=4.9", "2024年@2024-12-31=5.6"}) {
		t.Errorf("广州市 %q", got)
	}
	path := seriesNamed(t, o, "按期完成所需进度")
	if get(path, "lineStyle", "type") != "dashed" {
		t.Errorf("path not dashed: %v", path)
	}
	if got := points(path); !slices.Equal(got, []string{"2010年12月31日@2010-12-31=2.5", "2015年12月31日@2015-12-31=5"}) {
		t.Errorf("path %q", got)
	}
	// Each line its own colour; the path the palette's grey.
	colors := map[any]bool{}
	for _, s := range get(o, "series").([]any) {
		colors[get(s, "itemStyle", "color")] = true
	}
	if len(colors) != 4 || get(path, "itemStyle", "color") != "#59636e" {
		t.Errorf("colours %v", colors)
	}
	want := "目标为2015年达到5人/万人。已知数据：2013年3.1人/万人。广州市：2020年4.9人/万人，2024年5.6人/万人。深圳市：2024年4.4人/万人。" +
		"按期完成所需进度：2010年12月31日2.5人/万人，2015年12月31日5人/万人。"
	if c.Summary != want {
		t.Errorf("summary\n got %q\nwant %q", c.Summary, want)
	}
}

func TestProgressSummary(t *testing.T) {
	for _, tc := range []struct {
		spec ProgressSpec
		want string
	}{
		{ProgressSpec{Table: zh, Unit: "人/万人", Target: 5, HasTarget: true, Deadline: day(2015, 12, 31), DeadlineLabel: "2015年",
			Points: []Point{{At: day(2025, 9, 30), Label: "2025年第三季度", Value: 6.2}, {At: day(2013, 12, 31), Label: "2013年", Value: 3.1}}},
			"目标为2015年达到5人/万人。已知数据：2013年3.1人/万人，2025年第三季度6.2人/万人。"},
		{ProgressSpec{Table: zh, Unit: "%", Deadline: day(2011, 12, 31), DeadlineLabel: "2011年12月31日",
			Points: []Point{{At: day(2011, 6, 30), Label: "2011年上半年", Value: 40}}},
			"期限为2011年12月31日。已知数据：2011年上半年40%。"},
		{ProgressSpec{Table: zh, Unit: "个", Points: []Point{{At: day(2011, 6, 30), Value: 40}}}, // no label: the day
			"已知数据：2011年6月30日40个。"},
		{ProgressSpec{Table: zh, Unit: "个", Target: 3, HasTarget: true, Deadline: day(2015, 12, 31), DeadlineLabel: "2015年"},
			"目标为2015年达到3个。尚无数据。"},
		{ProgressSpec{Table: zh, Unit: "%", Points: []Point{{At: day(2011, 12, 31), Label: "2011年", Value: 200.0 / 9}, {At: day(2012, 12, 31), Label: "2012年", Value: 0.0012345}}},
			"已知数据：2011年22.2%，2012年0.00123%。"}, // computed shares to one decimal, a small one to three significant digits
	} {
		c, err := Progress("s", tc.spec)
		if err != nil {
			t.Fatal(err)
		}
		if c.Summary != tc.want {
			t.Errorf("summary\n got %q\nwant %q", c.Summary, tc.want)
		}
	}
}

// TestProgressDeterministic: the same points in any order give the same bytes.
func TestProgressDeterministic(t *testing.T) {
	pts := []Point{
		{At: day(2012, 12, 31), Label: "2012年", Value: 3.35},
		{At: day(2025, 3, 31), Label: "2025年第一季度", Value: 5.1, Sample: true},
		{At: day(2024, 12, 31), Label: "2024年", Value: 5.6, Series: "广州市"},
		{At: day(2024, 12, 31), Label: "2024年", Value: 4.4, Series: "深圳市"},
		{At: day(2014, 12, 31), Label: "2014年", Value: 4.2},
	}
	spec := func(pts []Point) ProgressSpec {
		return ProgressSpec{Table: zh, Indicator: "每万人社工数", Unit: "人/万人", Target: 5, HasTarget: true, Deadline: day(2015, 12, 31), DeadlineLabel: "2015年",
			Points: pts, Path: []Point{{At: day(2010, 12, 31), Label: "2010年", Value: 2.5}, {At: day(2015, 12, 31), Label: "2015年", Value: 5}}}
	}
	a, err := Progress("x", spec(pts))
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		shuffled := slices.Clone(pts)
		slices.Reverse(shuffled)
		shuffled[0], shuffled[2] = shuffled[2], shuffled[0]
		b, _ := Progress("x", spec(shuffled))
		if a.Options != b.Options || a.Summary != b.Summary {
			t.Fatalf("the same chart differs:\n%s\n%s", a.Options, b.Options)
		}
		pts = shuffled
	}
	if !a.Sample || !strings.Contains(string(a.Options), "含示例数据，不是真实数字") {
		t.Error("sample data not labelled in the chart")
	}
}

func TestTimeAxis(t *testing.T) {
	for _, tc := range []struct {
		name               string
		moments            []time.Time
		min, max, format   string
		labels, firstTicks []string
		axisName           any
	}{
		{"years", []time.Time{day(2010, 12, 31), day(2013, 12, 31), day(2015, 12, 31)},
			"2010-07-01", "2016-07-01", "{yyyy}年",
			[]string{"2010-12-31", "2011-12-31", "2012-12-31", "2013-12-31", "2014-12-31", "2015-12-31"},
			[]string{"2010-12-31", "2011-12-31"}, nil},
		{"a quarter early in the year starts at the year before", []time.Time{day(2013, 3, 31), day(2016, 12, 31)},
			"2012-07-01", "2017-07-01", "{yyyy}年",
			[]string{"2012-12-31", "2013-12-31", "2014-12-31", "2015-12-31", "2016-12-31"}, []string{"2012-12-31"}, nil},
		{"sixteen years: every fifth labelled", []time.Time{day(2010, 12, 31), day(2025, 9, 30)},
			"2010-07-01", "2026-07-01", "{yyyy}年",
			[]string{"2010-12-31", "2015-12-31", "2020-12-31", "2025-12-31"}, []string{"2010-12-31", "2011-12-31"}, nil},
		{"months within a year", []time.Time{day(2025, 3, 31), day(2025, 5, 31), day(2025, 6, 15)},
			"2025-03-16", "2025-07-15", "{M}月",
			[]string{"2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30"}, []string{"2025-03-31", "2025-04-30"}, "2025年"},
		{"a year of quarters: quarter ends labelled", []time.Time{day(2024, 12, 31), day(2025, 6, 30), day(2025, 12, 31)},
			"2024-12-16", "2026-01-15", "{M}月",
			[]string{"2024-12-31", "2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"}, []string{"2024-12-31", "2025-01-31"}, "2024—2025年"},
		{"one point", []time.Time{day(2025, 9, 30)},
			"2025-09-15", "2025-10-15", "{M}月", []string{"2025-09-30"}, []string{"2025-09-30"}, "2025年"},
		{"one year's value", []time.Time{day(2012, 12, 31)},
			"2012-07-01", "2013-07-01", "{yyyy}年", []string{"2012-12-31"}, []string{"2012-12-31"}, nil},
		{"a year's value and the deadline a year later", []time.Time{day(2016, 12, 31), day(2015, 12, 31)},
			"2015-07-01", "2017-07-01", "{yyyy}年", []string{"2015-12-31", "2016-12-31"}, []string{"2015-12-31"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			axis, _, _ := timeAxis(tc.moments, zh)
			b, _ := json.Marshal(axis)
			var o map[string]any
			json.Unmarshal(b, &o)
			if o["min"] != tc.min || o["max"] != tc.max {
				t.Errorf("axis from %v to %v, want %s to %s", o["min"], o["max"], tc.min, tc.max)
			}
			if f := get(o, "axisLabel", "formatter"); f != tc.format {
				t.Errorf("formatter %v, want %s", f, tc.format)
			}
			var labels, ticks []string
			for _, l := range get(o, "axisLabel", "customValues").([]any) {
				labels = append(labels, l.(string))
			}
			for _, l := range get(o, "axisTick", "customValues").([]any) {
				ticks = append(ticks, l.(string))
			}
			if !slices.Equal(labels, tc.labels) {
				t.Errorf("labels %q, want %q", labels, tc.labels)
			}
			if len(ticks) < len(tc.firstTicks) || !slices.Equal(ticks[:len(tc.firstTicks)], tc.firstTicks) {
				t.Errorf("ticks %q, want them to start %q", ticks, tc.firstTicks)
			}
			if !reflect.DeepEqual(o["name"], tc.axisName) {
				t.Errorf("axis name %v, want %v", o["name"], tc.axisName)
			}
		})
	}
}

// TestTooltipsAreText: ECharts' HTML tooltips carry style attributes the
// page's CSP refuses; every chart draws its tooltip as rich text.
func TestTooltipsAreText(t *testing.T) {
	p, _ := Progress("p", ProgressSpec{Table: zh, Points: []Point{{At: day(2012, 12, 31), Label: "2012年", Value: 1}}})
	b, _ := Bars(zh, "b", "状态", []Bar{{Label: "已完成", Value: 3}})
	l, _ := Lines(zh, "l", "直选比例", "%", []int{2011}, []Series{{Name: "居委会", Values: []float64{20}}}, nil, false)
	tr, _ := Tree(zh, "t", "预算", "万元", []TreeNode{{Name: "208", Value: 1}}, false)
	for _, c := range []Chart{p, b, l, tr} {
		if !strings.Contains(string(c.Options), `"renderMode":"richText"`) {
			t.Errorf("%s: tooltip not drawn as text: %s", c.ID, c.Options)
		}
	}
}
