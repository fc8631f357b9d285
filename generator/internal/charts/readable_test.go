package charts

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
)

var en = mustTable("en")

// TestHuman: numbers for people, as their unit and the language decide.
func TestHuman(t *testing.T) {
	for _, tt := range []struct {
		v       float64
		unit    string
		targets []float64
		zh, en  string
	}{
		{32.986111111111114, "%", nil, "33%", "33%"},
		{22.22222222222222, "%", nil, "22.2%", "22.2%"},
		{0.0012345, "%", nil, "0.00123%", "0.00123%"},
		{99.96, "%", []float64{100}, "99.96%", "99.96%"}, // not "100%" below a target of 100%
		{100, "%", []float64{100}, "100%", "100%"},
		{8178, "人", nil, "8178人", "8,178人"},
		{4100000, "人", nil, "410万人", "4.1 million人"},
		{104300000, "", nil, "1.04亿", "104 million"},
		{2500000, "people", nil, "250万people", "2.5 million people"},
		{49996, "人", []float64{50000}, "49996人", "49,996人"}, // 5万 would read as the target
		{50000, "人", []float64{50000}, "5万人", "50,000人"},
		{3.351, "个/万人", nil, "3.35个/万人", "3.35个/万人"},
		{12345.678, "个/万人", nil, "12345.68个/万人", "12,345.68个/万人"},
		{9999.4, "万元", nil, "9999.4万元", "¥99.99 million"},
		{55349.8, "万元", nil, "5.53亿元", "¥553.5 million"},
		{9999.4, "¥10,000", nil, "9999.4¥10,000", "¥99.99 million"},
		{55349.8, "¥10,000", nil, "5.53亿元", "¥553.5 million"},
		{355349.8, "¥10,000", nil, "35.53亿元", "¥3.55 billion"},
		{math.NaN(), "%", nil, "—", "—"},
	} {
		if got := Human(zh, tt.v, tt.unit, tt.targets...); got != tt.zh {
			t.Errorf("%v %s: %q, want %q", tt.v, tt.unit, got, tt.zh)
		}
		if got := Human(en, tt.v, tt.unit, tt.targets...); got != tt.en {
			t.Errorf("%v %s in English: %q, want %q", tt.v, tt.unit, got, tt.en)
		}
	}
}

// The missed target: 100% by 2015, one value of 32.99% in 2016. The
// value axis runs from 0 to beyond 100, the lone value is drawn above the
// path's marker and labelled with its rounded number, and every number the
// reader sees is rounded.
func TestProgressShowsTargetAndLoneValue(t *testing.T) {
	c, o := progressOptions(t, ProgressSpec{Table: zh, Indicator: "评估覆盖率", Unit: "%", Target: 100, HasTarget: true,
		Deadline: day(2015, 12, 31), DeadlineLabel: "2015年",
		Points: []Point{{At: day(2016, 12, 31), Label: "2016年", Value: 32.986111111111114}},
		Path:   []Point{{At: day(2016, 12, 31), Label: "2016年底", Value: 32.986111111111114}, {At: day(2020, 12, 31), Label: "2020年底", Value: 100}}})
	lo, _ := get(o, "yAxis", 0, "min").(float64)
	hi, _ := get(o, "yAxis", 0, "max").(float64)
	if lo != 0 || hi <= 100 {
		t.Errorf("value axis %v to %v, want 0 to beyond 100", get(o, "yAxis", 0, "min"), get(o, "yAxis", 0, "max"))
	}
	actual, path := seriesNamed(t, o, "实际值"), seriesNamed(t, o, "按期完成所需进度")
	if az, pz := get(actual, "z").(float64), get(path, "z").(float64); az <= pz {
		t.Errorf("the values (z %v) are drawn under the path (z %v)", az, pz)
	}
	label := get(actual, "data", 0, "label")
	if get(label, "show") != true || get(label, "formatter") != "33%" {
		t.Errorf("the lone value is not labelled 33%%: %v", label)
	}
	if get(path, "data", 0, "label") != nil {
		t.Errorf("the path's points are labelled: %v", get(path, "data", 0))
	}
	if got := get(actual, "data", 0, "value", 1); got != 33.0 {
		t.Errorf("drawn at %v, want 33", got)
	}
	for _, bad := range []string{"32.98", "32.99"} {
		if strings.Contains(string(c.Options), bad) || strings.Contains(c.Summary, bad) {
			t.Errorf("%s shown: %s\n%s", bad, c.Summary, c.Options)
		}
	}
	if c.Summary != "目标为2015年达到100%。已知数据：2016年33%。按期完成所需进度：2016年底33%，2020年底100%。" {
		t.Errorf("summary %q", c.Summary)
	}
	want := [][]string{{"系列", "时期", "数值", "单位"}, {"实际值", "2016年", "33", "%"}, {"按期完成所需进度", "2016年底", "33", "%"},
		{"按期完成所需进度", "2020年底", "100", "%"}, {"目标", "2015年", "100", "%"}}
	if !slices.EqualFunc(c.Rows, want, slices.Equal) {
		t.Errorf("rows %q, want %q", c.Rows, want)
	}
}

// 0 is left out where it would flatten the values (a life expectancy), and
// the target stays inside with room for its label; a count far below its
// target is drawn from 0.
func TestValueAxisBounds(t *testing.T) {
	_, o := progressOptions(t, ProgressSpec{Table: zh, Unit: "岁", Target: 76.8, HasTarget: true, Deadline: day(2015, 12, 31),
		Points: []Point{{At: day(2010, 12, 31), Value: 76.49}, {At: day(2015, 12, 31), Value: 77.1}}})
	lo, _ := get(o, "yAxis", 0, "min").(float64)
	hi, _ := get(o, "yAxis", 0, "max").(float64)
	if lo <= 0 || lo > 76.49 || hi < 77.1 {
		t.Errorf("life expectancy axis %v to %v", lo, hi)
	}
	_, o = progressOptions(t, ProgressSpec{Table: zh, Unit: "人", Target: 50000, HasTarget: true, Deadline: day(2015, 12, 31),
		Points: []Point{{At: day(2011, 12, 31), Value: 8178}}})
	if lo, hi := get(o, "yAxis", 0, "min"), get(o, "yAxis", 0, "max").(float64); lo != 0.0 || hi <= 50000 {
		t.Errorf("count axis %v to %v, want 0 to beyond 50000", lo, hi)
	}
	for _, tt := range []struct {
		values, must []float64
		zero         bool
		lo, hi       float64
	}{
		{[]float64{33}, []float64{100}, true, 0, 120},
		{[]float64{22.2, 58.5}, []float64{40, 70}, true, 0, 80},
		{[]float64{76.49, 77.1}, []float64{76.8}, false, 76.4, 77.2},
		{[]float64{-3, 5}, nil, true, -4, 6},
	} {
		if lo, hi := valueBounds(tt.values, tt.must, tt.zero); lo != tt.lo || hi != tt.hi {
			t.Errorf("valueBounds(%v, %v, %v) = %v, %v, want %v, %v", tt.values, tt.must, tt.zero, lo, hi, tt.lo, tt.hi)
		}
	}
}

// Target lines on a chart over years say their year (their names do) and
// are labelled inside the plot, so no label runs past the chart's edge; the
// axis reaches the highest target; the sample notice sits above the plot.
func TestLinesTargetsAndSample(t *testing.T) {
	c, err := Lines(zh, "l", "直选比例", "%", []int{2011, 2012}, []Series{{Name: "居委会", Values: []float64{22.22222222222222, 30.1234}}},
		map[string]float64{"居委会目标 40%（2015年）": 40, "居委会目标 70%（2020年）": 70}, true)
	if err != nil {
		t.Fatal(err)
	}
	var o map[string]any
	if err := json.Unmarshal([]byte(c.Options), &o); err != nil {
		t.Fatal(err)
	}
	ml := get(o, "series", 0, "markLine")
	if get(ml, "label", "formatter") != "{b}" || get(ml, "label", "position") != "insideEndTop" {
		t.Errorf("target labels %v", get(ml, "label"))
	}
	var names []string
	for _, d := range get(ml, "data").([]any) {
		names = append(names, get(d, "name").(string))
	}
	if !slices.Equal(names, []string{"居委会目标 40%（2015年）", "居委会目标 70%（2020年）"}) {
		t.Errorf("target names %v", names)
	}
	if hi, _ := get(o, "yAxis", 0, "max").(float64); hi < 70 || get(o, "yAxis", 0, "min") != 0.0 {
		t.Errorf("value axis %v to %v does not hold 0 and the target 70", get(o, "yAxis", 0, "min"), hi)
	}
	if get(o, "xAxis", 0, "nameLocation") != "middle" {
		t.Errorf("the year axis' name at %v: at its end it runs past the chart's edge", get(o, "xAxis", 0, "nameLocation"))
	}
	if get(o, "title", "left") != "0" || get(o, "title", "top") != "0" || get(o, "grid", "top").(float64) < sampleTop {
		t.Errorf("sample notice at %v, plot from %v", get(o, "title"), get(o, "grid", "top"))
	}
	if got := get(o, "series", 0, "data"); !slices.Equal(toFloats(got), []float64{22.2, 30.1}) {
		t.Errorf("drawn %v, want shares to one decimal", got)
	}
	if !strings.Contains(c.Summary, "2011年22.2%") || strings.Contains(string(c.Options), "22.22") {
		t.Errorf("summary %q", c.Summary)
	}
	if len(c.Rows) != 5 || !slices.Equal(c.Rows[1], []string{"居委会", "2011", "22.2", "%"}) || !slices.Equal(c.Rows[4], []string{"居委会目标 70%（2020年）", "", "70", "%"}) {
		t.Errorf("rows %q", c.Rows)
	}
	tree, err := Tree(zh, "t", "预算", "万元", []TreeNode{{Name: "208 社会保障和就业", Value: 123456, Children: []TreeNode{{Name: "20802 民政管理事务", Value: 300.5}}}}, true)
	if err != nil {
		t.Fatal(err)
	}
	json.Unmarshal([]byte(tree.Options), &o)
	if get(o, "title", "left") != "0" || get(o, "series", 0, "top") != 40.0 {
		t.Errorf("treemap sample notice %v, boxes from %v", get(o, "title"), get(o, "series", 0, "top"))
	}
	if len(tree.Rows) != 3 || !slices.Equal(tree.Rows[2], []string{"208 社会保障和就业", "20802 民政管理事务", "300.5", "万元"}) {
		t.Errorf("tree rows %q", tree.Rows)
	}
}

func toFloats(v any) []float64 {
	var out []float64
	for _, x := range v.([]any) {
		f, _ := x.(float64)
		out = append(out, f)
	}
	return out
}
