package track

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"gongkai/generator/internal/data/value"
)

// Commitment is what the rules need to know about one commitment.
type Commitment struct {
	Kind         string
	Comparator   string  // ">=", "<=", "==", "≈" (左右), "range" (区间), or "up" and "down" for a direction with no target; ">=" when empty
	Target       float64 // for a range, its lower end
	TargetMax    float64 // for a range, its upper end
	Tolerance    float64 // for ≈, how far from Target a value may be
	HasTarget    bool
	Unit         string
	Deadline     Deadline
	Reading      Reading   // "" = the kind's default (Once for institutions, Level otherwise)
	Made         time.Time // the day the document was issued; zero when not given
	Scope        string    // whom or where the promise covers; "" when the registry does not say
	Baseline     float64
	BaselineYear int
	HasBaseline  bool
	Observations []Observation
	Publications []Publication
	// Lang is the language of the explanation Evaluate writes: "" or
	// "zh-CN" for Chinese, "en" for English.
	Lang string
}

// reading is the commitment's reading, defaults applied.
func (c Commitment) reading() Reading {
	switch {
	case c.Reading != "":
		return c.Reading
	case c.Kind == Institution:
		return Once
	}
	return Level
}

// own reports whether evidence of scope s is of the commitment's own scope.
func (c Commitment) own(s string) bool { return s == "" || s == c.Scope }

// Point is a moment and a value, for the pace line of a chart.
type Point struct {
	At    time.Time
	Value float64
}

// Result is a commitment's status, the sentence that explains it, and
// whether sample data went into it.
type Result struct {
	Status      Status
	Explanation string
	Sample      bool
	// Decided is the period of the value the verdict rests on, "" when none.
	Decided string
	// Expected is, for on-track and behind, the value the pace line
	// reaches at the latest observation's date.
	Expected float64
	// Path is the pace a kept promise needs, from its start to the target
	// at the deadline; empty when there is none to draw.
	Path []Point
}

// Evaluate applies the rules to c as of the day asOf. Only observations and
// publications that could be known on asOf are used.
func Evaluate(c Commitment, asOf time.Time) Result {
	if c.Kind == Disclosure {
		return evaluateDisclosure(c, asOf)
	}
	if c.Kind == Institution && !c.HasTarget {
		c.Target, c.HasTarget, c.Comparator = 1, true, ">="
	}
	if !c.HasTarget {
		return untargeted(c, asOf)
	}
	var own, other []Observation
	for _, o := range c.Observations {
		switch {
		case !o.KnownBy(asOf):
		case c.own(o.Scope):
			own = append(own, o)
		default:
			other = append(other, o)
		}
	}
	j := judge{c: c, e: sentencesFor(c), reading: c.reading(), asOf: asOf}
	r := j.run(own)
	if len(other) == 0 {
		return r.sampled(j.e)
	}
	// Evidence of another scope shows progress but cannot keep the promise.
	o := j.run(other)
	switch {
	case (o.Status == Achieved || o.Status == AchievedLate) && r.Status != Achieved && r.Status != AchievedLate:
		r.Status = Partial
		r.Explanation = j.e.narrowerOnly(o.Explanation, r.Explanation)
	default:
		r.Explanation += j.e.otherScope(other)
	}
	r.Sample = r.Sample || o.Sample
	return r.sampled(j.e)
}

// scopes lists the scopes of obs, each once, in order.
func scopes(obs []Observation) []string {
	var s []string
	for _, o := range obs {
		if !slices.Contains(s, o.Scope) {
			s = append(s, o.Scope)
		}
	}
	return s
}

// latest is the observation whose period ends last (the longest of those).
func latest(obs []Observation) Observation {
	return slices.MaxFunc(obs, byEnd)
}

// byEnd orders observations by the end of their period, a longer period
// after a shorter one ending the same day (the year after its December).
func byEnd(a, b Observation) int {
	return cmp.Or(a.Period.End().Compare(b.Period.End()), b.Period.Start().Compare(a.Period.Start()))
}

// judge holds one evaluation.
type judge struct {
	c       Commitment
	e       sentences
	reading Reading
	asOf    time.Time
}

// run judges the commitment on obs, all of one scope and known by asOf.
func (j judge) run(obs []Observation) Result {
	c := j.c
	obs = slices.SortedFunc(slices.Values(obs), byEnd)
	r := Result{Sample: slices.ContainsFunc(obs, func(o Observation) bool { return o.Sample })}
	// Values for periods that ended before the commitment was made are its
	// starting point, never evidence that it was kept.
	var before []Observation
	if !c.Made.IsZero() {
		i := slices.IndexFunc(obs, func(o Observation) bool { return !o.Period.End().Before(c.Made) })
		if i < 0 {
			i = len(obs)
		}
		before, obs = obs[:i], obs[i:]
	}
	if c.Deadline.None() {
		return j.undated(r, obs, before)
	}
	last := c.Deadline.Last()
	start := last
	if j.reading == Rate || j.reading == Cumulative {
		start = time.Date(last.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	// The value for the deadline's period decides; within the target period
	// (for a rate or a total: the deadline's year) values show the way there.
	var deciding *Observation
	var upTo, within, after []Observation
	for i, o := range obs {
		end := o.Period.End()
		switch {
		case end.After(last):
			after = append(after, o)
		default:
			upTo = append(upTo, o)
			if !o.Period.Start().Before(start) || j.reading == Level || j.reading == Once {
				within = append(within, o)
			}
			if end.Equal(last) && (j.reading == Level || j.reading == Once || o.Period.Start().Equal(start)) {
				deciding = &obs[i]
			}
		}
	}
	passed := j.asOf.After(last)
	if j.reading == Once {
		if i := slices.IndexFunc(upTo, func(o Observation) bool { return c.meets(o.Value) }); i >= 0 {
			r.Status, r.Explanation, r.Decided = Achieved, j.e.achieved(upTo[i]), upTo[i].Period.String()
			return r
		}
	}
	if !passed {
		return j.pace(r, within, before, start)
	}
	dec := deciding
	if dec == nil && len(upTo) > 0 && (j.reading == Once || j.reading == Level && recent(upTo[len(upTo)-1], last)) {
		dec = &upTo[len(upTo)-1] // the latest value up to the deadline
	}
	if dec != nil && c.meets(dec.Value) {
		r.Status, r.Decided = Achieved, dec.Period.String()
		r.Explanation = j.e.achieved(*dec)
		if dec != deciding {
			r.Explanation = j.e.achievedBefore(*dec)
		}
		return r
	}
	if j.reading == Level || j.reading == Once {
		// First met by a value for a period after the deadline: kept late.
		if i := slices.IndexFunc(after, func(o Observation) bool { return c.meets(o.Value) }); i >= 0 {
			r.Status, r.Explanation, r.Decided = AchievedLate, j.e.achievedLate(after[i], dec == nil), after[i].Period.String()
			return r
		}
		if len(after) > 0 {
			o := after[len(after)-1]
			r.Status, r.Explanation, r.Decided = Missed, j.e.missed(o), o.Period.String()
			return r
		}
	}
	if deciding != nil {
		r.Status, r.Explanation, r.Decided = Missed, j.e.missed(*deciding), deciding.Period.String()
		return r
	}
	r.Status, r.Explanation = Overdue, j.e.overdue(upTo, j.reading)
	return r
}

// recent reports whether o, a value before the deadline's period, is near
// enough to stand for the level at the deadline: its period ends within the
// year before the deadline's last day. An older value is only shown.
func recent(o Observation, last time.Time) bool {
	return !o.Period.End().Before(last.AddDate(-1, 0, 0))
}

// untargeted judges a target whose text gives no number to check, only a
// direction (稳步提高, 逐步扩大): its values are shown, never judged.
func untargeted(c Commitment, asOf time.Time) Result {
	e := sentencesFor(c)
	var own, other []Observation
	for _, o := range c.Observations {
		switch {
		case !o.KnownBy(asOf) || o.Period.End().Before(c.Made):
		case c.own(o.Scope):
			own = append(own, o)
		default:
			other = append(other, o)
		}
	}
	r := Result{Status: NoData, Explanation: e.untargeted(nil)}
	if len(own) > 0 {
		o := latest(own)
		r = Result{Status: InProgress, Explanation: e.untargeted(&o)}
	}
	if len(other) > 0 {
		r.Explanation += e.otherScope(other)
	}
	r.Sample = slices.ContainsFunc(append(own, other...), func(o Observation) bool { return o.Sample })
	return r.sampled(e)
}

// pace judges a commitment whose deadline has not passed by the way its
// values go: against the straight line to the target for a level, against
// the elapsed share of the year for a total, against the target itself for
// a rate.
func (j judge) pace(r Result, within, before []Observation, start time.Time) Result {
	c := j.c
	last := c.Deadline.Last()
	switch j.reading {
	case Rate:
		if len(within) == 0 {
			r.Status, r.Explanation = NoData, j.e.noDataFor(start.Year())
			return r
		}
		o := within[len(within)-1]
		r.Status, r.Decided, r.Expected = Behind, o.Period.String(), c.Target
		if c.meets(o.Value) {
			r.Status = OnTrack
		}
		r.Explanation = j.e.rateSoFar(r.Status, o)
		return r
	case Cumulative:
		if len(within) == 0 {
			r.Status, r.Explanation = NoData, j.e.noDataFor(start.Year())
			return r
		}
		o := within[len(within)-1]
		from := start.AddDate(0, 0, -1)
		share := (years(o.Period.End()) - years(from)) / (years(last) - years(from))
		r.Expected, r.Decided = c.Target*share, o.Period.String()
		r.Path = []Point{{from, 0}, {last, c.Target}}
		r.Status = Behind
		if ahead(o.Value, r.Expected, c.up(0)) {
			r.Status = OnTrack
		}
		r.Explanation = j.e.cumulativeSoFar(r.Status, o, r.Expected, share)
		return r
	}
	if len(within) == 0 {
		r.Status, r.Explanation = NoData, j.e.noData(before)
		return r
	}
	o := within[len(within)-1]
	if c.meets(o.Value) {
		r.Status, r.Explanation, r.Decided = OnTrack, j.e.metEarly(o), o.Period.String()
		return r
	}
	var from Point
	var fromLabel string
	switch {
	case c.HasBaseline:
		y := value.YearPeriod(c.BaselineYear)
		from, fromLabel = Point{y.End(), c.Baseline}, y.LabelIn(c.Lang)
	case len(before) > 0:
		b := before[len(before)-1]
		from, fromLabel = Point{b.Period.End(), b.Value}, b.Period.LabelIn(c.Lang)
	case len(within) > 1:
		from, fromLabel = Point{within[0].Period.End(), within[0].Value}, within[0].Period.LabelIn(c.Lang)
	default:
		r.Status, r.Explanation, r.Decided = InProgress, j.e.inProgress(o), o.Period.String()
		return r
	}
	to := Point{last, c.aim(from.Value)}
	r.Path = []Point{from, to}
	r.Expected = along(from, to, o.Period.End())
	r.Status, r.Decided = Behind, o.Period.String()
	if ahead(o.Value, r.Expected, c.up(from.Value)) {
		r.Status = OnTrack
	}
	r.Explanation = j.e.trajectory(r.Status, o, r.Expected, fromLabel, from.Value)
	return r
}

// undated judges a commitment whose text sets no deadline: it can be
// achieved, but never late, missed or overdue, and no pace can be drawn.
func (j judge) undated(r Result, obs, before []Observation) Result {
	c := j.c
	if len(obs) == 0 {
		r.Status, r.Explanation = NoData, j.e.undatedNoData(before)
		return r
	}
	o := obs[len(obs)-1] // a level is what it is now
	if j.reading == Once {
		if i := slices.IndexFunc(obs, func(o Observation) bool { return c.meets(o.Value) }); i >= 0 {
			o = obs[i]
		}
	}
	r.Decided = o.Period.String()
	if c.meets(o.Value) {
		r.Status, r.Explanation = Achieved, j.e.achievedUndated(o)
		return r
	}
	r.Status, r.Explanation = InProgress, j.e.inProgressUndated(o)
	return r
}

// along is the straight line from a to b, read at the day t. Time is
// counted in years, each day at its fraction of its year, so the end of
// 2015 is 2015 whatever the leap years between.
func along(a, b Point, t time.Time) float64 {
	t0, t1 := years(a.At), years(b.At)
	if t1 <= t0 {
		return b.Value
	}
	return a.Value + (b.Value-a.Value)*(years(t)-t0)/(t1-t0)
}

// years places a day on a scale of years: 2015-12-31 is 2015, 2015-06-30 about 2014.5.
func years(t time.Time) float64 {
	days := float64(time.Date(t.Year(), 12, 31, 0, 0, 0, 0, time.UTC).YearDay())
	return float64(t.Year()-1) + float64(t.YearDay())/days
}

// meets reports whether a value satisfies the commitment's target.
func (c Commitment) meets(v float64) bool {
	eps := 1e-9 * math.Max(1, math.Abs(c.Target))
	switch c.Comparator {
	case "<=":
		return v <= c.Target+eps
	case "==":
		return math.Abs(v-c.Target) <= eps
	case "≈":
		return math.Abs(v-c.Target) <= c.Tolerance+eps
	case "range":
		return v >= c.Target-eps && v <= c.TargetMax+eps
	default:
		return v >= c.Target-eps
	}
}

// aim is the value the way to the target heads for from a start value: the
// target, or for a range the end of it nearer the start.
func (c Commitment) aim(from float64) float64 {
	if c.Comparator == "range" && from > c.TargetMax {
		return c.TargetMax
	}
	return c.Target
}

// up reports whether the way to the target from a start value goes up.
func (c Commitment) up(from float64) bool {
	switch c.Comparator {
	case "<=":
		return false
	case "≈", "range":
		return c.aim(from) >= from
	}
	return true
}

// ahead reports whether v is on or ahead of the expected value on the way
// to the target, going up or down.
func ahead(v, expected float64, up bool) bool {
	const eps = 1e-9
	if !up {
		return v <= expected+eps
	}
	return v >= expected-eps
}

// sampled adds the sample note when sample data went into r.
func (r Result) sampled(e sentences) Result {
	if r.Sample && !strings.Contains(r.Explanation, e.sampleNote()) {
		r.Explanation += e.sampleNote()
	}
	return r
}

func evaluateDisclosure(c Commitment, asOf time.Time) Result {
	counts := map[PubStatus]int{}
	r := Result{}
	var others []string // scopes of publications that are not the commitment's own
	otherMade := 0
	for _, p := range c.Publications {
		st := p.Judge(asOf)
		if !c.own(p.Scope) {
			if st == OnTime || st == Late {
				otherMade++
				if !slices.Contains(others, p.Scope) {
					others = append(others, p.Scope)
				}
				r.Sample = r.Sample || p.Sample
			}
			continue
		}
		counts[st]++
		r.Sample = r.Sample || p.Sample
	}
	e := sentencesFor(c)
	made := counts[OnTime] + counts[Late]
	due := made + counts[Missing]
	summary := e.publications(counts, others, otherMade)
	switch {
	case counts[Missing] > 0 && (made > 0 || otherMade > 0):
		r.Status, r.Explanation = Partial, summary
	case counts[Missing] > 0:
		r.Status, r.Explanation = Overdue, summary
	case due == 0 && otherMade > 0 && (c.Deadline.None() || asOf.After(c.Deadline.Last())):
		r.Status, r.Explanation = Partial, e.onlyOtherPublications(others, otherMade)
	case due == 0 && c.Deadline.None():
		r.Status, r.Explanation = NoData, e.noPublicationUndated()
	case due == 0 && asOf.After(c.Deadline.Last()):
		r.Status, r.Explanation = Overdue, e.noPublication()
	case due == 0:
		r.Status, r.Explanation = NoData, e.firstPublicationDue()
	case counts[Late] > 0:
		r.Status, r.Explanation = AchievedLate, summary
	default:
		r.Status, r.Explanation = Achieved, summary
	}
	return r.sampled(e)
}
