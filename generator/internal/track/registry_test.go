package track

import (
	"strings"
	"testing"
	"time"

	"gongkai/generator/internal/data/value"
)

func TestParseDeadlineText(t *testing.T) {
	made := day("2011-07-22")
	tests := map[string]string{
		"2015": "2015", "2015年": "2015", "到2015年": "2015", "2015年底": "2015", "2015年底前": "2015",
		"2015-06": "2015-06", "2015年6月": "2015-06", "2011-12-31": "2011-12-31", "2011/12/31": "2011-12-31",
		"2011年12月31日": "2011-12-31", "年底": "2011", "年内": "2011", "三年内": "2014-07-21", "3年内": "2014-07-21",
		"两年之内": "2013-07-21", "十二五期末": "2015", "“十二五”期末": "2015", "十三五期间": "2020", "十四五末": "2025",
	}
	for in, want := range tests {
		d, err := ParseDeadlineText(in, made)
		if err != nil || d.ISO() != want {
			t.Errorf("%q: %q %v, want %q", in, d.ISO(), err, want)
		}
	}
	for _, bad := range []string{"尽快", "2015-02-30", "2015-13", "1850", "明年"} {
		if d, err := ParseDeadlineText(bad, made); err == nil {
			t.Errorf("%q accepted as %q", bad, d.ISO())
		}
	}
	if _, err := ParseDeadlineText("三年内", time.Time{}); err == nil || !strings.Contains(err.Error(), "date: YYYY-MM-DD") {
		t.Errorf("relative deadline without a document date: %v", err)
	}
}

func TestParseTarget(t *testing.T) {
	nf := value.DefaultNumberFormat()
	tests := []struct {
		in, cmp, unit string
		want          TargetSpec
	}{
		{"5.5", ">=", "%", TargetSpec{Value: 5.5, Text: "5.5"}},
		{"5.5%", ">=", "%", TargetSpec{Value: 5.5, Text: "5.5"}},
		{"1.2万", ">=", "人", TargetSpec{Value: 12000, Text: "12000"}},
		{"100,000", ">=", "人", TargetSpec{Value: 100000, Text: "100000"}},
		{"5—6", "range", "%", TargetSpec{Value: 5, Text: "5", Max: 6, Range: true}},
		{"5%—6%", "range", "%", TargetSpec{Value: 5, Text: "5", Max: 6, Range: true}},
		{"2～3", "range", "名/万人", TargetSpec{Value: 2, Text: "2", Max: 3, Range: true}},
		{"5.5±0.3", "≈", "%", TargetSpec{Value: 5.5, Text: "5.5", Tolerance: 0.3}},
		{"5.5", "≈", "%", TargetSpec{Value: 5.5, Text: "5.5", Tolerance: 0.275}},
	}
	for _, tt := range tests {
		got, err := ParseTarget(tt.in, tt.cmp, tt.unit, nf)
		if err != nil || got.Value != tt.want.Value || got.Max != tt.want.Max || got.Range != tt.want.Range || got.Text != tt.want.Text ||
			roundTo(got.Tolerance, 6) != tt.want.Tolerance {
			t.Errorf("%q %s: %+v %v, want %+v", tt.in, tt.cmp, got, err, tt.want)
		}
	}
	for _, bad := range []struct{ in, cmp, want string }{
		{"5—6", ">=", "set the comparator to 区间"},
		{"5", "range", "needs a range"},
		{"6—5", "range", "backwards"},
		{"5元", ">=", `not the row's unit "%"`},
		{"5.5±0.3", ">=", "左右"},
	} {
		if _, err := ParseTarget(bad.in, bad.cmp, "%", nf); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q %s: %v, want an error saying %q", bad.in, bad.cmp, err, bad.want)
		}
	}
}

// 左右 meets within its tolerance on either side; a range within its ends.
func TestAboutAndRange(t *testing.T) {
	about := Commitment{Kind: Target, Comparator: "≈", Target: 5.5, Tolerance: 0.275, HasTarget: true, Unit: "%", Deadline: dl("2025")}
	for v, want := range map[float64]Status{5.3: Achieved, 5.78: Missed, 5.2: Missed, 5.775: Achieved} {
		got := Evaluate(with(about, obs(2025, v)), day("2026-03-01"))
		if got.Status != want {
			t.Errorf("≈ 5.5: %v gives %s (%s), want %s", v, got.Status, got.Explanation, want)
		}
	}
	if got := Evaluate(with(about, obs(2025, 6.2)), day("2026-03-01")); !strings.Contains(got.Explanation, "高于目标约5.5%（5.23%—5.78%）") {
		t.Errorf("≈ explanation: %q", got.Explanation)
	}
	rng := Commitment{Kind: Target, Comparator: "range", Target: 2, TargetMax: 3, HasTarget: true, Unit: "名/万人", Deadline: dl("2020")}
	for v, want := range map[float64]Status{2: Achieved, 3: Achieved, 2.5: Achieved, 1.9: Missed, 3.1: Missed} {
		got := Evaluate(with(rng, obs(2020, v)), day("2021-01-01"))
		if got.Status != want {
			t.Errorf("range 2—3: %v gives %s (%s), want %s", v, got.Status, got.Explanation, want)
		}
	}
	// On the way from above a range, going down is ahead.
	down := withBaseline(rng, 2015, 5)
	if got := Evaluate(with(down, obs(2017, 3.8)), day("2018-01-01")); got.Status != OnTrack {
		t.Errorf("range from above: %s (%s)", got.Status, got.Explanation)
	}
	if got := Evaluate(with(down, obs(2017, 4.8)), day("2018-01-01")); got.Status != Behind {
		t.Errorf("range from above, slow: %s (%s)", got.Status, got.Explanation)
	}
}
