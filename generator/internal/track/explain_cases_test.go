package track

import (
	"time"

	"gongkai/generator/internal/data/value"
)

// explainCase is one commitment evaluated on one day.
type explainCase struct {
	c    Commitment
	asOf time.Time
}

// explainCases is a matrix of commitments and days wide enough to reach
// every status, reading, comparator and sentence: units and scopes are
// English words, so that English explanations hold no Chinese.
func explainCases() []explainCase {
	at := func(s string) time.Time {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	o := func(period string, v float64) Observation {
		p, err := value.ParsePeriod(period)
		if err != nil {
			panic(err)
		}
		return Observation{Period: p, Value: v}
	}
	city := func(x Observation) Observation { x.Scope = "Guangzhou"; return x }
	sample := func(x Observation) Observation { x.Sample = true; return x }
	days := []time.Time{at("2012-01-01"), at("2014-01-01"), at("2015-10-20"), at("2016-06-01"), at("2020-01-01")}
	var out []explainCase
	targets := []Commitment{
		{Comparator: ">=", Target: 5},
		{Comparator: "<=", Target: 5},
		{Comparator: "==", Target: 5},
		{Comparator: "≈", Target: 5.5, Tolerance: 0.275},
		{Comparator: "range", Target: 5, TargetMax: 6},
		{Comparator: ">=", Target: 12000},
	}
	sets := [][]Observation{
		nil,
		{o("2012", 3)},
		{o("2012", 3), o("2014", 4)},
		{o("2010", 2), o("2013", 6)},
		{o("2015", 5.5)},
		{o("2016", 7)},
		{o("2012", 3), o("2015", 4), o("2017", 6.2)},
		{o("2015年1—9月", 4), o("2015-06", 3)},
		{o("2015-H1", 5), o("2015Q3", 5.8), o("2015-06-30", 5.1)},
		{city(o("2015", 5.5)), o("2014", 4)},
		{city(o("2014", 2))},
		{sample(o("2013", 4.5)), o("2015", 12500)},
	}
	for _, t := range targets {
		for _, unit := range []string{"days", "%", "per 10,000 people"} {
			for _, reading := range []Reading{"", Level, Rate, Cumulative, Once} {
				for _, d := range []string{"2015", "2015-06", "2015-06-30", ""} {
					for _, made := range []time.Time{{}, at("2011-06-01")} {
						for _, base := range []bool{false, true} {
							for _, scope := range []string{"", "Guangdong"} {
								for _, obs := range sets {
									c := t
									c.Kind, c.HasTarget, c.Unit, c.Reading, c.Made, c.Scope, c.Observations = Target, true, unit, reading, made, scope, obs
									c.Deadline = dl(d)
									if d == "" {
										c.Deadline = Deadline{}
									}
									if base {
										c.Baseline, c.BaselineYear, c.HasBaseline = 2, 2010, true
									}
									for _, day := range days {
										out = append(out, explainCase{c, day})
									}
								}
							}
						}
					}
				}
			}
		}
	}
	institutionSets := [][]Observation{nil, {o("2012", 0)}, {o("2012", 0), o("2014", 1)}, {o("2016", 1)}, {o("2017", 0)}, {city(o("2013", 1))}, {o("2010", 1)}, {o("2015", 0)}}
	for _, d := range []string{"2015", "2015-06-30", ""} {
		for _, made := range []time.Time{{}, at("2011-06-01")} {
			for _, scope := range []string{"", "Guangdong"} {
				for _, obs := range institutionSets {
					c := Commitment{Kind: Institution, Made: made, Scope: scope, Observations: obs}
					c.Deadline = dl(d)
					if d == "" {
						c.Deadline = Deadline{}
					}
					for _, day := range days {
						out = append(out, explainCase{c, day})
					}
				}
			}
		}
	}
	pub := func(due, published string) Publication {
		p := Publication{Period: due, Due: at(due)}
		if published != "" {
			p.Published = at(published)
		}
		return p
	}
	cityPub := func(p Publication) Publication { p.Scope = "Guangzhou"; return p }
	pubSets := [][]Publication{
		nil,
		{pub("2012-12-31", "2012-11-01"), pub("2013-12-31", "2013-12-31")},
		{pub("2012-12-31", "2012-11-01"), pub("2013-12-31", "2014-01-02")},
		{pub("2012-12-31", "2012-11-01"), pub("2013-12-31", ""), pub("2016-12-31", "")},
		{pub("2012-12-31", ""), pub("2013-12-31", "")},
		{cityPub(pub("2012-12-31", "2012-03-11")), cityPub(pub("2013-12-31", "2013-03-11"))},
		{cityPub(pub("2012-12-31", "2012-03-11")), pub("2013-12-31", "")},
		{pub("2012-12-31", "2012-11-01"), cityPub(pub("2013-12-31", "2013-03-11"))},
	}
	pubSets[1][0].Sample = true
	for _, d := range []string{"2012", "2015-06-30", ""} {
		for _, scope := range []string{"", "Guangdong"} {
			for _, pubs := range pubSets {
				c := Commitment{Kind: Disclosure, Scope: scope, Publications: pubs}
				c.Deadline = dl(d)
				if d == "" {
					c.Deadline = Deadline{}
				}
				for _, day := range days {
					out = append(out, explainCase{c, day})
				}
			}
		}
	}
	return out
}
