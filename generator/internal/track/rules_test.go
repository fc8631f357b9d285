package track

import (
	"strings"
	"testing"

	"gongkai/generator/internal/data/value"
)

func period(s string) value.Period {
	p, err := value.ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}

func ob(p string, v float64) Observation { return Observation{Period: period(p), Value: v} }

// An observation counts only from the day it could be known: its publication
// date, else the end of its period.
func TestKnownAsOf(t *testing.T) {
	life := Commitment{Kind: Target, Comparator: ">=", Target: 76.8, HasTarget: true, Unit: "岁", Deadline: dl("2015"), Made: day("2011-07-22")}
	c := with(life, []Observation{ob("2010", 76.49), ob("2015", 77.1)})
	if got := Evaluate(c, day("2011-06-30")); got.Status != NoData || strings.Contains(got.Explanation, "77.1") {
		t.Errorf("as of 2011-06-30: %s %q; the 2015 figure was not known", got.Status, got.Explanation)
	}
	if got := Evaluate(c, day("2015-12-30")); got.Status != NoData || got.Decided != "" {
		t.Errorf("as of 2015-12-30: %s %q", got.Status, got.Explanation)
	}
	if got := Evaluate(c, day("2016-01-01")); got.Status != Achieved || got.Decided != "2015" {
		t.Errorf("as of 2016-01-01: %s %q", got.Status, got.Explanation)
	}
	// A publication date holds the value back until it was published.
	pub := ob("2015", 77.1)
	pub.Published = day("2016-05-20")
	c = with(life, []Observation{pub})
	if got := Evaluate(c, day("2016-05-19")); got.Status != Overdue {
		t.Errorf("the day before publication: %s %q", got.Status, got.Explanation)
	}
	if got := Evaluate(c, day("2016-05-20")); got.Status != Achieved {
		t.Errorf("on the day of publication: %s %q", got.Status, got.Explanation)
	}
}

// Values for periods before the document was issued are baseline, never
// evidence; a rate for a year is decided by that year's value only.
func TestMadeAndReadings(t *testing.T) {
	gdp := Commitment{Kind: Target, Comparator: ">=", Target: 5.5, HasTarget: true, Unit: "%", Deadline: dl("2025"), Made: day("2025-01-20")}
	both := []Observation{ob("2024", 5.8), ob("2025", 5.3)}
	for _, r := range []Reading{"", Level, Rate} {
		c := with(gdp, both)
		c.Reading = r
		got := Evaluate(c, day("2026-03-01"))
		if got.Status != Missed || got.Decided != "2025" || strings.Contains(got.Explanation, "2024") {
			t.Errorf("reading %q: %s %q, want missed on 2025", r, got.Status, got.Explanation)
		}
	}
	// Before 2025's figure is out, 2024's is only the starting point.
	c := with(gdp, both[:1])
	if got := Evaluate(c, day("2025-06-30")); got.Status != NoData || !strings.Contains(got.Explanation, "文件发布前") {
		t.Errorf("only a value from before the document: %s %q", got.Status, got.Explanation)
	}
	// A rate is never decided by another year's value.
	c = with(gdp, []Observation{ob("2024", 5.8)})
	c.Made, c.Reading = day("2020-01-01"), Rate
	if got := Evaluate(c, day("2026-03-01")); got.Status != Overdue {
		t.Errorf("rate with only the year before: %s %q", got.Status, got.Explanation)
	}
	c.Reading = Level
	if got := Evaluate(c, day("2026-03-01")); got.Status != Achieved {
		t.Errorf("level with only the year before the deadline: %s %q", got.Status, got.Explanation)
	}
	// Within the year, a rate so far is held against the target itself.
	c = with(gdp, []Observation{ob("2025年1—9月", 5.2)})
	c.Reading = Rate
	if got := Evaluate(c, day("2025-11-01")); got.Status != Behind || !strings.Contains(got.Explanation, "2025年1—9月实际值为5.2%，不符合目标（达到5.5%）") {
		t.Errorf("rate so far: %s %q", got.Status, got.Explanation)
	}
}

// A total for the year, reported year to date, is paced by the share of the
// year that has passed, not by a line from the year before.
func TestCumulative(t *testing.T) {
	jobs := Commitment{Kind: Target, Comparator: ">=", Target: 12000, HasTarget: true, Unit: "人", Deadline: dl("2025"),
		Made: day("2025-01-20"), Reading: Cumulative}
	c := with(jobs, []Observation{ob("2024", 11800), ob("2025年1—9月", 9310)})
	got := Evaluate(c, day("2025-10-20"))
	if got.Status != OnTrack || got.Expected < 8970 || got.Expected > 8980 || got.Decided != "2025-01/2025-09" {
		t.Errorf("9310 by September: %s expected %v %q", got.Status, got.Expected, got.Explanation)
	}
	if len(got.Path) != 2 || got.Path[0].Value != 0 || got.Path[1].Value != 12000 || got.Path[1].At != day("2025-12-31") {
		t.Errorf("path %+v", got.Path)
	}
	c = with(jobs, []Observation{ob("2025-09", 8000)})
	if got := Evaluate(c, day("2025-10-20")); got.Status != Behind {
		t.Errorf("8000 by September: %s %q", got.Status, got.Explanation)
	}
	c = with(jobs, []Observation{ob("2025年1—9月", 9310)})
	if got := Evaluate(c, day("2026-02-01")); got.Status != Overdue || !strings.Contains(got.Explanation, "2025年全年") {
		t.Errorf("no whole-year figure after the deadline: %s %q", got.Status, got.Explanation)
	}
	c = with(jobs, []Observation{ob("2025年1—9月", 9310), ob("2025", 12500)})
	if got := Evaluate(c, day("2026-02-01")); got.Status != Achieved || got.Decided != "2025" {
		t.Errorf("whole year: %s %q", got.Status, got.Explanation)
	}
}

// Evidence of a narrower scope shows progress but cannot keep a wider promise.
func TestScope(t *testing.T) {
	c := Commitment{Kind: Target, Comparator: ">=", Target: 100, HasTarget: true, Unit: "%", Deadline: dl("2015"), Scope: "全省"}
	gz := ob("2015", 100)
	gz.Scope = "广州市"
	got := Evaluate(with(c, []Observation{gz}), day("2016-06-01"))
	if got.Status != Partial || !strings.Contains(got.Explanation, "广州市") || !strings.Contains(got.Explanation, "全省") {
		t.Errorf("only a city met it: %s %q", got.Status, got.Explanation)
	}
	got = Evaluate(with(c, []Observation{gz, ob("2015", 100)}), day("2016-06-01"))
	if got.Status != Achieved {
		t.Errorf("the province met it: %s %q", got.Status, got.Explanation)
	}
	gz.Value = 90
	got = Evaluate(with(c, []Observation{gz}), day("2016-06-01"))
	if got.Status != Overdue || !strings.Contains(got.Explanation, "不能据此判断") {
		t.Errorf("a city short of it: %s %q", got.Status, got.Explanation)
	}
	// Disclosures: a city's records alone are partial.
	d := Commitment{Kind: Disclosure, Scope: "各级政府"}
	d.Publications = []Publication{{Period: "2015年部门预算", Due: day("2015-12-31"), Published: day("2015-03-11"), Scope: "广州市直部门"}}
	if got := Evaluate(d, day("2016-06-01")); got.Status != Partial || !strings.Contains(got.Explanation, "广州市直部门") {
		t.Errorf("disclosure of one city: %s %q", got.Status, got.Explanation)
	}
	if got := Evaluate(d, day("2015-03-01")); got.Status != NoData {
		t.Errorf("before the city published: %s %q", got.Status, got.Explanation)
	}
}

func TestParseReading(t *testing.T) {
	for in, want := range map[string]Reading{"level": Level, "累计": Cumulative, "当期": Rate, "达到即可": Once} {
		if got, ok := ParseReading(in); !ok || got != want {
			t.Errorf("%q: %q %v", in, got, ok)
		}
	}
	if _, ok := ParseReading("最大"); ok {
		t.Error("unknown reading accepted")
	}
}
