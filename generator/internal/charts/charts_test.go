package charts

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

const hostile = "</script><img src=x onerror=alert(1)>__f__alert(1)__f__"

func TestOptionsAreInertJSON(t *testing.T) {
	p, err := Progress("c1", ProgressSpec{Table: zh, Indicator: hostile, Unit: hostile, Target: 5, HasTarget: true, Deadline: day(2015, 12, 31), DeadlineLabel: hostile,
		Points: []Point{{At: day(2012, 12, 31), Label: hostile, Value: 3.35, Series: hostile}, {At: day(2014, 12, 31), Label: "2014年", Value: 4.2, Sample: true}}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Bars(zh, "c2", hostile, []Bar{{Label: hostile, Value: 3}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []Chart{p, b} {
		s := string(c.Options)
		for _, bad := range []string{"</script", "<img", "function"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s: options contain %q: %s", c.ID, bad, s)
			}
		}
		if !strings.Contains(s, `\u003c/script\u003e`) || !strings.Contains(s, "__f__alert(1)__f__") {
			t.Errorf("%s: hostile text should stay as escaped text: %s", c.ID, s)
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			t.Errorf("%s: not JSON: %v", c.ID, err)
		}
		if v["aria"] == nil {
			t.Errorf("%s: no aria description", c.ID)
		}
	}
	if !p.Sample || !strings.Contains(string(p.Options), "示例数据") {
		t.Error("sample data not labelled in the chart")
	}
	// In the progress chart the hostile text is the series' name, the
	// period's label and the deadline's: each comes back as the same string.
	var o map[string]any
	json.Unmarshal([]byte(p.Options), &o)
	scope := seriesNamed(t, o, hostile)
	if get(scope, "data", 0, "name") != hostile {
		t.Errorf("label %v", get(scope, "data", 0))
	}
	found := false
	for _, d := range get(seriesNamed(t, o, "实际值"), "markLine", "data").([]any) {
		found = found || get(d, "name") == "期限 "+hostile
	}
	if !found {
		t.Errorf("deadline label lost: %v", get(seriesNamed(t, o, "实际值"), "markLine"))
	}
	if !strings.Contains(p.Summary, "目标为"+hostile+"达到5"+hostile) || !strings.Contains(p.Summary, hostile+"："+hostile+"3.35") {
		t.Errorf("summary %q", p.Summary)
	}
}

func TestLines(t *testing.T) {
	c, err := Lines(zh, "l", "直选比例", "%", []int{2011, 2012, 2013}, []Series{{Name: "居委会", Values: []float64{20, math.NaN(), 45.04}}, {Name: "村委会", Values: []float64{93, 94, 95}}},
		map[string]float64{"目标 40%（2015年）": 40}, true)
	if err != nil {
		t.Fatal(err)
	}
	s := string(c.Options)
	for _, want := range []string{`"data":[20,null,45]`, `"yAxis":40`, `"data":["2011","2012","2013"]`, "示例数据"} {
		if !strings.Contains(s, want) {
			t.Errorf("options lack %s: %s", want, s)
		}
	}
	if c.Summary != "直选比例：居委会 2011年20%，2013年45%；村委会 2011年93%，2012年94%，2013年95%。" {
		t.Errorf("summary %q", c.Summary)
	}
}

func TestTree(t *testing.T) {
	c, err := Tree(zh, "t", "2015年预算", "万元", []TreeNode{{Name: "208 社会保障和就业", Value: 300.5, Children: []TreeNode{{Name: "20802 民政管理事务", Value: 300.5}}}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(c.Options), `"children":[{"name":"20802 民政管理事务","value":300.5}]`) || !strings.Contains(string(c.Options), `"type":"treemap"`) {
		t.Errorf("options %s", c.Options)
	}
}

// TestMoneyInSummaries: sums of 万元 from a hundred million up read as 亿元.
func TestMoneyInSummaries(t *testing.T) {
	c, err := Lines(zh, "m", "预算总额", "万元", []int{2011, 2012}, []Series{{Name: "预算", Values: []float64{9999.4, 55349.8}}}, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if c.Summary != "预算总额：预算 2011年9999.4万元，2012年5.53亿元。" {
		t.Errorf("summary %q", c.Summary)
	}
	tree, err := Tree(zh, "t", "预算", "万元", []TreeNode{{Name: "208 社会保障和就业", Value: 123456}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tree.Summary, "208 社会保障和就业 12.35亿元") {
		t.Errorf("summary %q", tree.Summary)
	}
}
