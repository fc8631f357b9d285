package track

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"gongkai/generator/internal/data/value"
)

// The English sentences mirror the Chinese ones of TestExplanations.
func TestExplanationsEnglish(t *testing.T) {
	social := Commitment{Kind: Target, Comparator: ">=", Target: 5, HasTarget: true, Unit: "per 10,000 people", Deadline: dl("2015"), Lang: "en"}
	jobs := Commitment{Kind: Target, Comparator: ">=", Target: 12000, HasTarget: true, Unit: "people", Deadline: dl("2025"),
		Made: day("2025-01-20"), Reading: Cumulative, Lang: "en"}
	growth := Commitment{Kind: Target, Comparator: "≈", Target: 5.5, Tolerance: 0.275, HasTarget: true, Unit: "%", Deadline: dl("2025"), Reading: Rate, Lang: "en"}
	province := Commitment{Kind: Target, Comparator: ">=", Target: 100, HasTarget: true, Unit: "%", Deadline: dl("2015"), Scope: "Guangdong", Lang: "en"}
	gz := ob("2015", 100)
	gz.Scope = "Guangzhou"
	tests := []struct {
		c    Commitment
		asOf string
		want string
	}{
		{with(social, obs(2012, 3.35, 2015, 3.35)), "2016-01-01", "The 2015 value was 3.35 per 10,000 people, below the target of 5 per 10,000 people; the deadline has passed."},
		{with(social, obs(2012, 3.35)), "2016-01-01", "The deadline (2015) has passed, but no value was found for 2015 or later; the latest: the 2012 value was 3.35 per 10,000 people, short of the target of 5 per 10,000 people, more than a year before the deadline, too early to stand for the level at the deadline."},
		{with(social, obs(2014, 4.2)), "2016-01-01", "The deadline (2015) has passed, but no value was found for 2015 or later; the latest: the 2014 value was 4.2 per 10,000 people, short of the target of 5 per 10,000 people."},
		{with(social, obs(2015, 5.1)), "2016-01-01", "The 2015 value was 5.1 per 10,000 people, meeting the target of 5 per 10,000 people, within the deadline (2015)."},
		{with(social, obs(2014, 5.1)), "2016-01-01", "There is no value for the deadline's own period (2015); the latest before it: the 2014 value was 5.1 per 10,000 people, meeting the target of 5 per 10,000 people."},
		{social, "2014-01-01", "No data yet; the target is at least 5 per 10,000 people by 2015."},
		{with(social, obs(2012, 3.35)), "2013-01-01", "There is only one value so far (the 2012 value was 3.35 per 10,000 people) and no baseline, so no pace line can be drawn; the target is at least 5 per 10,000 people by 2015."},
		{withBaseline(with(social, obs(2013, 3.0)), 2010, 2.5), "2014-01-01", "The 2013 value was 3 per 10,000 people, behind the 4 per 10,000 people needed by then to finish on time (a straight line from 2.5 per 10,000 people for 2010 to 5 per 10,000 people by 2015)."},
		// The example: a unit that is a word follows a space.
		{Commitment{Kind: Target, Comparator: ">=", Target: 12, HasTarget: true, Unit: "days", Deadline: dl("2025"), Lang: "en", Observations: obs(2025, 16)}, "2026-01-01",
			"The 2025 value was 16 days, meeting the target of 12 days, within the deadline (2025)."},
		{with(jobs, []Observation{ob("2024", 11800), ob("2025年1—9月", 9310)}), "2025-10-20",
			"The January–September 2025 value was 9,310 people, at or above the 8,975.34 people expected by then at an even pace (74.8% of the target of 12,000 people for the whole year)."},
		{with(jobs, []Observation{ob("2025年1—9月", 9310)}), "2026-02-01",
			"The deadline (2025) has passed, but no value was found for the whole of 2025; the latest: the January–September 2025 value was 9,310 people, short of the target of 12,000 people."},
		{with(growth, []Observation{ob("2025-H1", 5.1)}), "2025-08-01",
			"The H1 2025 value was 5.1%, not in line with the target of about 5.5% (5.23–5.78%); the deadline (2025) has not passed, and the value for the whole year decides."},
		{with(growth, nil), "2025-08-01", "No data for 2025 yet; the target is about 5.5% (5.23–5.78%) by 2025."},
		{with(province, []Observation{gz}), "2016-06-01",
			"Only data for a narrower scope meet the target. The 2015 value for Guangzhou was 100%, meeting the target of 100%, within the deadline (2015). But the commitment covers Guangdong. The deadline (2015) has passed, but no value was found for 2015 or later."},
		{with(province, []Observation{ob("2015", 90), ob("2015", 90)}), "2016-06-01", "The 2015 value was 90%, below the target of 100%; the deadline has passed."},
		{Commitment{Kind: Institution, Deadline: dl("2011-12-31"), Lang: "en", Observations: obs(2012, 1)}, "2013-01-01", "No value was found for the deadline (31 December 2011); later, done as of 2012, after the deadline (31 December 2011)."},
		{Commitment{Kind: Institution, Deadline: dl("2011-12-31"), Lang: "en", Observations: append(obs(2011, 0), obs(2012, 1)...)}, "2013-01-01", "Done as of 2012, after the deadline (31 December 2011)."},
		{Commitment{Kind: Institution, Lang: "en", Observations: obs(2012, 0)}, "2013-01-01", "Not yet done as of 2012; the text sets no deadline, so it cannot be overdue."},
		{Commitment{Kind: Target, Comparator: "<=", Target: 10, HasTarget: true, Unit: "%", Lang: "en"}, "2013-01-01", "The text sets no deadline; no data yet."},
	}
	for _, tt := range tests {
		if got := Evaluate(tt.c, day(tt.asOf)).Explanation; got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
	s := with(social, []Observation{{Period: value.YearPeriod(2014), Value: 6, Sample: true}})
	if got := Evaluate(s, day("2016-01-01")); !got.Sample || !strings.HasSuffix(got.Explanation, "(The data used include sample data, not real figures.)") {
		t.Errorf("sample data not said: %+v", got)
	}
}

func TestDisclosuresEnglish(t *testing.T) {
	pub := func(due, published string) Publication {
		p := Publication{Period: due, Due: day(due)}
		if published != "" {
			p.Published = day(published)
		}
		return p
	}
	base := Commitment{Kind: Disclosure, Deadline: dl("2012"), Scope: "Guangdong", Lang: "en"}
	city := pub("2013-12-31", "2013-03-11")
	city.Scope = "Guangzhou"
	tests := []struct {
		pubs []Publication
		asOf string
		want string
	}{
		{[]Publication{pub("2012-12-31", "2012-11-01"), pub("2013-12-31", ""), pub("2014-12-31", ""), pub("2015-12-31", ""), pub("2016-12-31", "")}, "2016-06-01",
			"Of the 4 publications due, 1 on time, 0 late, 3 with no record found; 1 not yet due."},
		{[]Publication{pub("2012-12-31", "2013-01-05")}, "2014-01-01", "Of the 1 publication due, 0 on time, 1 late, 0 with no record found."},
		{[]Publication{pub("2012-12-31", "2012-11-01"), city}, "2014-01-01",
			"Of the 1 publication due, 1 on time, 0 late, 0 with no record found; not counted: 1 publication for Guangzhou, as the commitment covers Guangdong."},
		{[]Publication{city}, "2014-01-01", "Only 1 publication for Guangzhou was found, but the commitment covers Guangdong; no publication for Guangdong was found."},
		{nil, "2013-01-01", "Publication was due from 2012; that deadline has passed, but no publication at all was found."},
		{nil, "2012-06-01", "The first publication is due by 2012, which has not come yet."},
	}
	for _, tt := range tests {
		c := base
		c.Publications = tt.pubs
		if got := Evaluate(c, day(tt.asOf)).Explanation; got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
	if got := Evaluate(Commitment{Kind: Disclosure, Lang: "en"}, day("2030-01-01")).Explanation; got != "The text sets no deadline; no publication that should have been made was found." {
		t.Errorf("undated disclosure: %s", got)
	}
}

// English explanations hold no Chinese, across every status, reading and
// sentence; Chinese ones are the same whether the language is "" or zh-CN.
func TestEnglishHasNoChinese(t *testing.T) {
	seen := map[Status]bool{}
	readings := map[Reading]bool{}
	for _, k := range explainCases() {
		zh := Evaluate(k.c, k.asOf)
		k.c.Lang = "zh-CN"
		if again := Evaluate(k.c, k.asOf); again.Explanation != zh.Explanation || again.Status != zh.Status {
			t.Fatalf("zh-CN differs from the default: %q, %q", again.Explanation, zh.Explanation)
		}
		k.c.Lang = "en"
		r := Evaluate(k.c, k.asOf)
		if r.Status != zh.Status || r.Decided != zh.Decided || r.Sample != zh.Sample {
			t.Fatalf("the language changed the verdict: %+v, %+v", r, zh)
		}
		if i := strings.IndexFunc(r.Explanation, func(c rune) bool { return unicode.Is(unicode.Han, c) || c == '，' || c == '。' || c == '（' }); i >= 0 {
			t.Fatalf("Chinese in an English explanation: %q", r.Explanation)
		}
		if !strings.HasSuffix(r.Explanation, ".") && !strings.HasSuffix(r.Explanation, ".)") {
			t.Fatalf("not a sentence: %q", r.Explanation)
		}
		seen[r.Status] = true
		readings[k.c.reading()] = true
	}
	for _, s := range Statuses {
		if !seen[s] {
			t.Errorf("no case reaches %s", s)
		}
	}
	for _, r := range []Reading{Level, Rate, Cumulative, Once} {
		if !readings[r] {
			t.Errorf("no case reads %s", r)
		}
	}
}

func TestLabelsIn(t *testing.T) {
	for _, s := range Statuses {
		if s.LabelIn("zh-CN") != s.Label() || s.LabelIn("") != s.Label() || s.LabelIn("en") == "" || s.LabelIn("en") == s.Label() {
			t.Errorf("%s: %q %q", s, s.Label(), s.LabelIn("en"))
		}
	}
	if got := []string{Achieved.LabelIn("en"), Overdue.LabelIn("en"), NoData.LabelIn("en-GB")}; !slices.Equal(got, []string{"Achieved", "Overdue, no record", "No data yet"}) {
		t.Errorf("status labels %q", got)
	}
	for _, p := range []PubStatus{OnTime, Late, Missing, NotDue} {
		if p.LabelIn("en") == "" || p.LabelIn("") != p.Label() {
			t.Errorf("%s: %q", p, p.LabelIn("en"))
		}
	}
	for _, r := range []Reading{Level, Rate, Cumulative, Once} {
		if r.LabelIn("en") == "" || r.LabelIn("zh-CN") != r.Label() {
			t.Errorf("%s: %q", r, r.LabelIn("en"))
		}
	}
	for in, want := range map[string]string{"": "No deadline", "2015": "2015", "2011-12": "December 2011", "2011-12-31": "31 December 2011"} {
		d := Deadline{}
		if in != "" {
			d = dl(in)
		}
		if got := d.StringIn("en"); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
		if d.StringIn("zh-CN") != d.String() {
			t.Errorf("%q: zh %q", in, d.String())
		}
	}
	if got := dl("2011-12-31").String(); got != "2011年12月31日" {
		t.Errorf("Chinese deadline %q", got)
	}
}

func TestEnglishNumbers(t *testing.T) {
	e := en{Commitment{Unit: "days"}}
	for v, want := range map[float64]string{0: "0", 12000: "12,000", 1234567.891: "1,234,567.89", -9310: "-9,310", 999: "999", 5.5: "5.5", 100000: "100,000"} {
		if got := e.plain(v); got != want {
			t.Errorf("%v: %q, want %q", v, got, want)
		}
	}
	for unit, want := range map[string]string{"days": "16 days", "%": "16%", "‰": "16‰", "": "16", "人": "16人", "per 10,000 people": "16 per 10,000 people", "/km²": "16/km²"} {
		if got := (en{Commitment{Unit: unit}}).num(16); got != want {
			t.Errorf("%q: %q, want %q", unit, got, want)
		}
	}
}

// The Chinese sentences beyond TestExplanations, as they were before the
// English ones were added: adding a language changed none of them.
func TestExplanationsChineseUnchanged(t *testing.T) {
	jobs := Commitment{Kind: Target, Comparator: ">=", Target: 12000, HasTarget: true, Unit: "人", Deadline: dl("2025"), Made: day("2025-01-20"), Reading: Cumulative}
	growth := Commitment{Kind: Target, Comparator: "≈", Target: 5.5, Tolerance: 0.275, HasTarget: true, Unit: "%", Deadline: dl("2025"), Reading: Rate}
	province := Commitment{Kind: Target, Comparator: ">=", Target: 100, HasTarget: true, Unit: "%", Deadline: dl("2015"), Scope: "全省"}
	city := func(o Observation) Observation { o.Scope = "广州市"; return o }
	pub := func(due, published string) Publication {
		p := Publication{Period: due, Due: day(due)}
		if published != "" {
			p.Published = day(published)
		}
		return p
	}
	cityPub := pub("2013-12-31", "2013-03-11")
	cityPub.Scope = "广州市"
	disclosure := func(p ...Publication) Commitment {
		return Commitment{Kind: Disclosure, Deadline: dl("2012"), Scope: "全省", Publications: p}
	}
	tests := []struct {
		c    Commitment
		asOf string
		want string
	}{
		{with(jobs, []Observation{ob("2024", 11800), ob("2025年1—9月", 9310)}), "2025-10-20", "2025年1—9月实际值为9310人，达到或超过按时间进度应完成的8975.34人（全年目标1.2万人的74.8%）。"},
		{with(growth, []Observation{ob("2025-H1", 5.1)}), "2025-08-01", "2025年上半年实际值为5.1%，不符合目标约5.5%（5.23%—5.78%）；期限2025年未到，以全年数据为准。"},
		{with(province, []Observation{city(ob("2015", 100))}), "2016-06-01", "只有范围较小的数据达到目标：广州市2015年实际值为100%，达到目标100%，在期限2015年之内。但承诺的范围是全省；截止期限2015年已过，但没有找到2015年及以后的数据记录。"},
		{with(province, []Observation{city(ob("2015", 90))}), "2016-06-01", "截止期限2015年已过，但没有找到2015年及以后的数据记录。另有广州市的数据（广州市2015年实际值为90%），范围与承诺的全省不同，不能据此判断。"},
		{func() Commitment { c := with(province, []Observation{city(ob("2015", 90))}); c.Scope = ""; return c }(), "2016-06-01", "截止期限2015年已过，但没有找到2015年及以后的数据记录。另有广州市的数据（广州市2015年实际值为90%），范围与承诺的范围不同，不能据此判断。"},
		{disclosure(pub("2012-12-31", "2012-11-01"), pub("2013-12-31", ""), pub("2014-12-31", ""), pub("2015-12-31", ""), pub("2016-12-31", "")), "2016-06-01", "已到期的4次公开中，按时1次、逾期0次、没有找到记录3次；另有1次尚未到期。"},
		{disclosure(pub("2012-12-31", "2012-11-01"), cityPub), "2014-01-01", "已到期的1次公开中，按时1次、逾期0次、没有找到记录0次；另有广州市的1次公开记录，范围与承诺的全省不同，不计入。"},
		{disclosure(cityPub), "2014-01-01", "只找到广州市的1次公开记录，范围与承诺的全省不同；没有找到全省的公开记录。"},
		{Commitment{Kind: Institution, Observations: obs(2012, 0)}, "2013-01-01", "2012年尚未完成，尚未达到目标1；原文未规定期限，无法判断是否逾期。"},
	}
	for _, tt := range tests {
		for _, lang := range []string{"", "zh-CN"} {
			tt.c.Lang = lang
			if got := Evaluate(tt.c, day(tt.asOf)).Explanation; got != tt.want {
				t.Errorf("%q: got  %s\nwant %s", lang, got, tt.want)
			}
		}
	}
}

// A metric's inputs are in its language; numbers in English get separators.
func TestMetricInputsEnglish(t *testing.T) {
	committees := rows(
		map[string]string{"year": "2013", "kind": "urban", "direct": "true", "n": "10"},
		map[string]string{"year": "2013", "kind": "urban", "direct": "false", "n": "20"},
		map[string]string{"year": "2013-H1", "kind": "urban", "direct": "", "n": "5"},
	)
	tests := []struct {
		m    Metric
		want string
	}{
		{Metric{Value: "count", Year: "year"}, "H1 2013: 1 row|2013: 2 rows"},
		{Metric{Value: "sum", Year: "year", Column: "n"}, "H1 2013: the sum of n over 1 row|2013: the sum of n over 2 rows"},
		{Metric{Value: "mean", Year: "year", Column: "n"}, "H1 2013: the mean of n over 1 row|2013: the mean of n over 2 rows"},
		{Metric{Value: "share", Year: "year", Column: "direct", Where: map[string]string{"kind": "urban"}}, "2013: direct is yes in 1 of 2 rows"},
		{Metric{Value: "filled", Year: "year", Column: "direct"}, "H1 2013: direct is filled in 0 of 1 row|2013: direct is filled in 2 of 2 rows"},
		{Metric{Value: "groups", Year: "year", Group: "kind", Match: map[string]string{"n": "1[0-9]"}}, "H1 2013: 0 of 1 groups by kind match|2013: 1 of 1 groups by kind match"},
	}
	for _, tt := range tests {
		tt.m.Lang = "en"
		pts, err := tt.m.Compute(committees)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range pts {
			got = append(got, p.Inputs)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%s: got %q, want %s", tt.m.Value, got, tt.want)
		}
	}
	figures := rows(
		map[string]string{"series": "volunteers", "year": "2011", "value": "4100000"},
		map[string]string{"series": "population", "year": "2010", "value": "104300000"},
	)
	m := Metric{Value: "ratio", Year: "year", Column: "value", SeriesColumn: "series", Numerator: "volunteers", Denominator: "population", Scale: 100, Lang: "en"}
	if pts, err := m.Compute(figures); err != nil || len(pts) != 1 || pts[0].Inputs != "volunteers 2011 4,100,000 ÷ population 2010 104,300,000 × 100" {
		t.Errorf("ratio: %+v %v", pts, err)
	}
	num := []MetricPoint{{Period: value.YearPeriod(2011), Value: 1200}}
	den := []MetricPoint{{Period: value.YearPeriod(2011), Value: 40000}}
	if got := PerIn("en", num, den, "organisations", "residents", 10000); len(got) != 1 || got[0].Inputs != "organisations 2011 1,200 ÷ residents 2011 40,000 × 10,000" {
		t.Errorf("per: %+v", got)
	}
	if got := Per(num, den, "社会组织", "常住人口", 10000); len(got) != 1 || got[0].Inputs != "社会组织 2011年 1200 ÷ 常住人口 2011年 40000 × 10000" {
		t.Errorf("per in Chinese: %+v", got)
	}
}

// Values in the sentences are rounded for people as their unit decides;
// targets are written as the text sets them.
func TestNumbersForPeople(t *testing.T) {
	share := Commitment{Unit: "%", Target: 100, Comparator: ">="}
	count := Commitment{Unit: "人", Target: 50000, Comparator: ">="}
	rate := Commitment{Unit: "个/万人", Target: 5, Comparator: ">="}
	for _, tt := range []struct {
		c      Commitment
		v      float64
		target bool
		zh, en string
	}{
		{share, 32.986111111111114, false, "33", "33"},
		{share, 22.22222222222222, false, "22.2", "22.2"},
		{share, 3.9309683604985617, false, "3.9", "3.9"},
		// Rounded to 100 it would read as the target it misses.
		{share, 99.96, false, "99.96", "99.96"},
		{share, 99.9996, false, "99.9996", "99.9996"},
		{share, 100, false, "100", "100"},
		{count, 8178, false, "8178", "8,178"},
		{count, 4100000, false, "410万", "4.1 million"},
		{count, 104300000, false, "1.04亿", "104 million"},
		{count, 123456, false, "12.3万", "123,456"},
		// 4.9996万 would read as the target 5万.
		{count, 49996, false, "49996", "49,996"},
		{count, 50000, true, "5万", "50,000"},
		{count, 12345, true, "12345", "12,345"},
		{count, 5000000, true, "500万", "5 million"},
		{rate, 3.351, false, "3.35", "3.35"},
		{rate, 12345.678, false, "12345.68", "12,345.68"},
	} {
		if got := tt.c.number(tt.v, tt.target, false); got != tt.zh {
			t.Errorf("%v %s (target %v): %q, want %q", tt.v, tt.c.Unit, tt.target, got, tt.zh)
		}
		if got := tt.c.number(tt.v, tt.target, true); got != tt.en {
			t.Errorf("%v %s (target %v) in English: %q, want %q", tt.v, tt.c.Unit, tt.target, got, tt.en)
		}
	}
	// In a sentence: the missed share of the issue, to one decimal.
	c := Commitment{Kind: Target, Comparator: ">=", Target: 100, HasTarget: true, Unit: "%", Deadline: dl("2015"), Observations: obs(2016, 32.986111111111114)}
	if got := Evaluate(c, day("2017-01-01")).Explanation; !strings.Contains(got, "实际值为33%") || strings.Contains(got, "32.98") {
		t.Errorf("explanation %q", got)
	}
}
