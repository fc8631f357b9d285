package track

import (
	"strings"
	"testing"
	"time"

	"gongkai/generator/internal/data/value"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// dl reads a deadline as the registry writes it; "" is none.
func dl(s string) Deadline {
	if s == "" {
		return Deadline{}
	}
	d, err := ParseDeadlineText(s, time.Time{})
	if err != nil {
		panic(err)
	}
	return d
}

func obs(pairs ...float64) []Observation {
	var out []Observation
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, Observation{Period: value.YearPeriod(int(pairs[i])), Value: pairs[i+1]})
	}
	return out
}

func TestEvaluateTargets(t *testing.T) {
	social := Commitment{Kind: Target, Comparator: ">=", Target: 5, HasTarget: true, Unit: "个/万人", Deadline: dl("2015")}
	tests := []struct {
		name string
		c    Commitment
		asOf string
		want Status
	}{
		{"no data before the deadline", social, "2014-06-01", NoData},
		{"a target with no number is never judged", with(Commitment{Kind: Target, Deadline: dl("2015")}, obs(2015, 52.7)), "2020-01-01", InProgress},
		{"a target with no number and no value", Commitment{Kind: Target, Deadline: dl("2015")}, "2020-01-01", NoData},
		{"no data after the deadline", social, "2016-01-01", Overdue},
		{"a figure for a year is not known before the year ends", with(social, obs(2014, 5.2)), "2014-06-01", NoData},
		{"met before the deadline: on track, not yet decided", with(social, obs(2014, 5.2)), "2015-01-01", OnTrack},
		{"met before the deadline, nothing for the deadline year", with(social, obs(2014, 5.2)), "2016-01-01", Achieved},
		{"met two years before the deadline, nothing since: too old to decide", with(social, obs(2013, 5.2)), "2016-01-01", Overdue},
		{"met a year before the deadline, a half-year before that is too old", with(social, []Observation{ob("2014年上半年", 5.2)}), "2016-01-01", Overdue},
		{"met only after the deadline, nothing near it: late", with(social, obs(2012, 5.1, 2018, 5.3)), "2019-01-01", AchievedLate},
		{"met in the deadline year", with(social, obs(2015, 5)), "2020-01-01", Achieved},
		{"equal to a >= target meets it", with(social, obs(2015, 5)), "2016-01-01", Achieved},
		{"met, then fell below by the deadline", with(social, obs(2013, 5.5, 2015, 4.5)), "2016-06-01", Missed},
		{"met late", with(social, obs(2012, 3.35, 2015, 4.1, 2017, 5.3)), "2020-01-01", AchievedLate},
		{"missed: observed for the deadline year", with(social, obs(2012, 3.35, 2015, 4.9)), "2016-01-01", Missed},
		{"missed: observed after the deadline year only", with(social, obs(2016, 4.9)), "2017-01-01", Missed},
		{"overdue: only older figures", with(social, obs(2012, 3.35)), "2016-01-01", Overdue},
		{"deadline year's last day is not past", with(social, obs(2012, 3.35)), "2015-12-31", InProgress},
		{"the day after the deadline is past", with(social, obs(2012, 3.35)), "2016-01-01", Overdue},
		{"one observation, no baseline", with(social, obs(2012, 3.35)), "2013-01-01", InProgress},
		{"on track from the first observation", with(social, obs(2011, 2, 2013, 3.6)), "2014-01-01", OnTrack},
		{"behind from the first observation", with(social, obs(2011, 2, 2013, 3.0)), "2014-01-01", Behind},
		{"baseline makes one observation judgeable", withBaseline(with(social, obs(2013, 4.1)), 2010, 2.5), "2014-01-01", OnTrack},
		{"baseline, behind", withBaseline(with(social, obs(2013, 3.0)), 2010, 2.5), "2014-01-01", Behind},
		{"exactly on the line is on track", withBaseline(with(social, obs(2013, 3.0)), 2011, 1), "2014-01-01", OnTrack},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Evaluate(tt.c, day(tt.asOf))
			if got.Status != tt.want {
				t.Errorf("status %s, want %s (%s)", got.Status, tt.want, got.Explanation)
			}
			if got.Explanation == "" || !strings.HasSuffix(got.Explanation, "。") {
				t.Errorf("explanation %q", got.Explanation)
			}
		})
	}
}

func TestEvaluateComparators(t *testing.T) {
	atMost := Commitment{Kind: Target, Comparator: "<=", Target: 10, HasTarget: true, Unit: "%", Deadline: dl("2015")}
	exactly := Commitment{Kind: Target, Comparator: "==", Target: 100, HasTarget: true, Unit: "%", Deadline: dl("2015")}
	tests := []struct {
		name string
		c    Commitment
		want Status
	}{
		{"<= met below", with(atMost, obs(2015, 9)), Achieved},
		{"<= met at equality", with(atMost, obs(2015, 10)), Achieved},
		{"<= missed above", with(atMost, obs(2015, 11)), Missed},
		{"== met", with(exactly, obs(2015, 100)), Achieved},
		{"== missed below", with(exactly, obs(2015, 99.9)), Missed},
		{"== missed above", with(exactly, obs(2015, 100.1)), Missed},
		{"<= on track going down", withBaseline(with(atMost, obs(2013, 14)), 2010, 20), OnTrack},
		{"<= behind going down", withBaseline(with(atMost, obs(2013, 18)), 2010, 20), Behind},
	}
	for _, tt := range tests {
		asOf := day("2016-01-01")
		if tt.want == OnTrack || tt.want == Behind {
			asOf = day("2014-01-01")
		}
		if got := Evaluate(tt.c, asOf); got.Status != tt.want {
			t.Errorf("%s: status %s, want %s (%s)", tt.name, got.Status, tt.want, got.Explanation)
		}
	}
}

func TestDeadlineDay(t *testing.T) {
	c := Commitment{Kind: Target, Comparator: ">=", Target: 1, HasTarget: true, Deadline: dl("2012-06-30")}
	if got := Evaluate(c, day("2012-06-30")); got.Status != NoData {
		t.Errorf("on the deadline day: %s", got.Status)
	}
	if got := Evaluate(c, day("2012-07-01")); got.Status != Overdue {
		t.Errorf("the day after: %s", got.Status)
	}
	// A figure for 2012 is known at the end of 2012, after a mid-year deadline.
	late := with(c, obs(2012, 1))
	if got := Evaluate(late, day("2013-01-01")); got.Status != AchievedLate {
		t.Errorf("figure for the deadline year, after a mid-year deadline: %s", got.Status)
	}
}

func TestInstitution(t *testing.T) {
	c := Commitment{Kind: Institution, Deadline: dl("2012")}
	tests := []struct {
		o    []Observation
		asOf string
		want Status
	}{
		{obs(2012, 1), "2013-01-01", Achieved},
		{obs(2013, 1), "2014-01-01", AchievedLate},
		{obs(2012, 0), "2013-01-01", Missed},
		{nil, "2013-01-01", Overdue},
		{nil, "2012-01-01", NoData},
	}
	for _, tt := range tests {
		got := Evaluate(with(c, tt.o), day(tt.asOf))
		if got.Status != tt.want {
			t.Errorf("%v as of %s: %s, want %s", tt.o, tt.asOf, got.Status, tt.want)
		}
	}
	if got := Evaluate(with(c, obs(2012, 1)), day("2013-01-01")); got.Explanation != "2012年已完成，在期限2012年之内。" {
		t.Errorf("explanation %q", got.Explanation)
	}
}

func TestDisclosures(t *testing.T) {
	pub := func(due, published string) Publication {
		p := Publication{Period: due, Due: day(due)}
		if published != "" {
			p.Published = day(published)
		}
		return p
	}
	base := Commitment{Kind: Disclosure, Deadline: dl("2012")}
	tests := []struct {
		name string
		pubs []Publication
		asOf string
		want Status
	}{
		{"all on time", []Publication{pub("2012-12-31", "2012-11-01"), pub("2013-12-31", "2013-12-31")}, "2014-06-01", Achieved},
		{"one late", []Publication{pub("2012-12-31", "2012-11-01"), pub("2013-12-31", "2014-01-02")}, "2014-06-01", AchievedLate},
		{"one made, one missing", []Publication{pub("2012-12-31", "2012-11-01"), pub("2013-12-31", "")}, "2014-06-01", Partial},
		{"missing beats late", []Publication{pub("2012-12-31", "2013-02-01"), pub("2013-12-31", "")}, "2014-06-01", Partial},
		{"all missing", []Publication{pub("2012-12-31", ""), pub("2013-12-31", "")}, "2014-06-01", Overdue},
		{"published after the as-of day is not yet published", []Publication{pub("2012-12-31", "2012-11-01")}, "2012-10-01", NoData},
		{"published late, as of a day before it was", []Publication{pub("2012-12-31", "2013-03-01")}, "2013-02-01", Overdue},
		{"not yet due", []Publication{pub("2012-12-31", "")}, "2012-12-31", NoData},
		{"nothing on record, deadline passed", nil, "2013-01-01", Overdue},
		{"nothing on record, not yet due", nil, "2012-06-01", NoData},
		{"due ones on time, later not due", []Publication{pub("2012-12-31", "2012-12-01"), pub("2013-12-31", "")}, "2013-06-01", Achieved},
	}
	for _, tt := range tests {
		c := base
		c.Publications = tt.pubs
		got := Evaluate(c, day(tt.asOf))
		if got.Status != tt.want {
			t.Errorf("%s: %s, want %s (%s)", tt.name, got.Status, tt.want, got.Explanation)
		}
	}
	if got := (Publication{Due: day("2012-12-31")}).Judge(day("2013-01-01")); got != Missing {
		t.Errorf("unpublished after due: %s", got)
	}
	// Publications only a cadence expects count as missing, said apart.
	inferred := pub("2013-12-31", "")
	inferred.Inferred = true
	c := base
	c.Publications = []Publication{pub("2012-12-31", "2012-11-01"), inferred, pub("2014-12-31", "")}
	got := Evaluate(c, day("2015-06-01"))
	if want := "已到期的3次公开中，按时1次、逾期0次、没有找到记录2次。"; got.Status != Partial || got.Explanation != want {
		t.Errorf("with a publication only the cadence expects: %s %q, want partial %q", got.Status, got.Explanation, want)
	}
}

func TestExplanations(t *testing.T) {
	social := Commitment{Kind: Target, Comparator: ">=", Target: 5, HasTarget: true, Unit: "个/万人", Deadline: dl("2015")}
	tests := []struct {
		c    Commitment
		asOf string
		want string
	}{
		{with(social, obs(2012, 3.35, 2015, 3.35)), "2016-01-01", "2015年实际值为3.35个/万人，低于目标5个/万人，截止期限已过。"},
		{with(social, obs(2012, 3.35)), "2016-01-01", "截止期限2015年已过，但没有找到2015年及以后的数据记录；最近的数据是2012年实际值为3.35个/万人，未达到目标5个/万人，早于期限一年以上，不能代表期限时的水平。"},
		{with(Commitment{Kind: Target, Unit: "%"}, obs(2012, 52.7)), "2016-01-01", "原文只写了方向，没有可以核对的目标值，本站只列出数据，不作判断；最近的数据是2012年实际值为52.7%。"},
		{with(social, obs(2014, 4.2)), "2016-01-01", "截止期限2015年已过，但没有找到2015年及以后的数据记录；最近的数据是2014年实际值为4.2个/万人，未达到目标5个/万人。"},
		{with(social, obs(2015, 5.1)), "2016-01-01", "2015年实际值为5.1个/万人，达到目标5个/万人，在期限2015年之内。"},
		{with(social, obs(2014, 5.1)), "2016-01-01", "没有期限2015年当期的数据；期限前最近的数据是2014年实际值为5.1个/万人，达到目标5个/万人。"},
		{social, "2014-01-01", "尚无数据；目标为2015年前达到5个/万人。"},
		{with(social, obs(2012, 3.35)), "2013-01-01", "目前只有一个数据（2012年实际值为3.35个/万人），没有基线，无法画出进度线；目标为2015年前达到5个/万人。"},
		{withBaseline(with(social, obs(2013, 3.0)), 2010, 2.5), "2014-01-01", "2013年实际值为3个/万人，落后于按期完成所需的4个/万人（从2010年的2.5个/万人到2015年的5个/万人的直线进度）。"},
	}
	for _, tt := range tests {
		if got := Evaluate(tt.c, day(tt.asOf)).Explanation; got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
	s := with(social, []Observation{{Period: value.YearPeriod(2014), Value: 6, Sample: true}})
	if got := Evaluate(s, day("2016-01-01")); !got.Sample || !strings.Contains(got.Explanation, "示例数据") {
		t.Errorf("sample data not said: %+v", got)
	}
}

func with(c Commitment, o []Observation) Commitment {
	c.Observations = o
	return c
}

func withBaseline(c Commitment, year int, v float64) Commitment {
	c.Baseline, c.BaselineYear, c.HasBaseline = v, year, true
	return c
}

func TestUndated(t *testing.T) {
	c := Commitment{Kind: Target, Comparator: ">=", Target: 100, HasTarget: true, Unit: "%"}
	tests := []struct {
		o    []Observation
		want Status
	}{
		{nil, NoData}, {obs(2013, 90), InProgress}, {obs(2013, 90, 2020, 100), Achieved},
	}
	for _, tt := range tests {
		got := Evaluate(with(c, tt.o), day("2030-01-01"))
		if got.Status != tt.want || !strings.Contains(got.Explanation, "未规定期限") {
			t.Errorf("%v: %s (%s), want %s", tt.o, got.Status, got.Explanation, tt.want)
		}
	}
	inst := Commitment{Kind: Institution}
	if got := Evaluate(with(inst, obs(2012, 1)), day("2030-01-01")); got.Status != Achieved || got.Explanation != "2012年已完成（原文未规定期限）。" {
		t.Errorf("institution: %+v", got)
	}
	disc := Commitment{Kind: Disclosure}
	if got := Evaluate(disc, day("2030-01-01")); got.Status != NoData {
		t.Errorf("undated disclosure with no record: %s", got.Status)
	}
	if (Deadline{}).String() != "未规定期限" {
		t.Error("undated deadline label")
	}
}
