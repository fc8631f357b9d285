package track

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Status is the verdict on a commitment.
type Status string

// The statuses, in the order the site lists them.
const (
	Achieved     Status = "achieved"
	AchievedLate Status = "achieved-late"
	Missed       Status = "missed"
	Overdue      Status = "overdue"
	OnTrack      Status = "on-track"
	Behind       Status = "behind"
	InProgress   Status = "in-progress"
	NoData       Status = "no-data"
)

// Statuses lists every status in display order.
var Statuses = []Status{Achieved, AchievedLate, OnTrack, InProgress, Behind, Missed, Overdue, NoData}

// Label is the status's name on the site.
func (s Status) Label() string {
	return map[Status]string{
		Achieved: "已实现", AchievedLate: "逾期实现", Missed: "未实现", Overdue: "逾期无数据",
		OnTrack: "进展顺利", Behind: "进展滞后", InProgress: "进行中", NoData: "暂无数据",
	}[s]
}

// Kinds of commitment.
const (
	Target      = "target"
	Disclosure  = "disclosure"
	Institution = "institution"
)

// Deadline is when a commitment falls due: a whole year or a day.
type Deadline struct {
	Year  int
	Month int // 0 when only the year is given
	Day   int
}

// ParseDeadline reads "2015", "2015-06" or "2011-12-31".
func ParseDeadline(s string) (Deadline, bool) {
	parts := strings.Split(s, "-")
	var d Deadline
	var err error
	if d.Year, err = strconv.Atoi(parts[0]); err != nil || len(parts) > 3 {
		return Deadline{}, false
	}
	if len(parts) > 1 {
		if d.Month, err = strconv.Atoi(parts[1]); err != nil {
			return Deadline{}, false
		}
	}
	if len(parts) > 2 {
		if d.Day, err = strconv.Atoi(parts[2]); err != nil {
			return Deadline{}, false
		}
	}
	return d, true
}

// Last is the last day the deadline allows.
func (d Deadline) Last() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

// None reports whether the text sets no deadline at all.
func (d Deadline) None() bool { return d.Year == 0 }

// String writes the deadline as the site shows it: 2015年, 2011年12月31日.
func (d Deadline) String() string {
	switch {
	case d.None():
		return "未规定期限"
	case d.Month == 0:
		return fmt.Sprintf("%d年", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%d年%d月", d.Year, d.Month)
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
}

// Observation is one observed value of a commitment's indicator.
type Observation struct {
	Year   int
	Value  float64
	Sample bool // the value is sample data (示例数据)
}

// Known is the day an observation counts as known: the end of its year.
func (o Observation) Known() time.Time { return time.Date(o.Year, 12, 31, 0, 0, 0, 0, time.UTC) }

// Publication is one expected publication of a disclosure commitment.
type Publication struct {
	Period    string
	Due       time.Time
	Published time.Time // zero when not published
	Sample    bool
	// Inferred is set for a publication the commitment's cadence expects
	// and no record lists: missing once due, but said to be unrecorded,
	// not known to be unpublished.
	Inferred bool
}

// PubStatus is the verdict on one expected publication.
type PubStatus string

// Publication statuses.
const (
	OnTime  PubStatus = "on-time"
	Late    PubStatus = "late"
	Missing PubStatus = "missing"
	NotDue  PubStatus = "not-due"
)

// Label is the publication status's name on the site.
func (p PubStatus) Label() string {
	return map[PubStatus]string{OnTime: "按时公开", Late: "逾期公开", Missing: "未公开", NotDue: "未到期"}[p]
}

// Judge is the verdict on one expected publication as of a day.
func (p Publication) Judge(asOf time.Time) PubStatus {
	switch {
	case !p.Published.IsZero() && !p.Published.After(p.Due):
		return OnTime
	case !p.Published.IsZero():
		return Late
	case asOf.After(p.Due):
		return Missing
	default:
		return NotDue
	}
}

// Commitment is what the rules need to know about one commitment.
type Commitment struct {
	Kind         string
	Comparator   string // ">=", "<=", "=="; ">=" when empty
	Target       float64
	HasTarget    bool
	Unit         string
	Deadline     Deadline
	Baseline     float64
	BaselineYear int
	HasBaseline  bool
	Observations []Observation
	Publications []Publication
}

// Result is a commitment's status, the sentence that explains it, and
// whether sample data went into it.
type Result struct {
	Status      Status
	Explanation string
	Sample      bool
	// Expected is, for on-track and behind, the value the straight line
	// reaches at the latest observation's date.
	Expected float64
}

// Evaluate applies the rules to c as of the day asOf.
func Evaluate(c Commitment, asOf time.Time) Result {
	if c.Kind == Disclosure {
		return evaluateDisclosure(c, asOf)
	}
	if c.Kind == Institution && !c.HasTarget {
		c.Target, c.HasTarget, c.Comparator = 1, true, ">="
	}
	obs := slices.SortedFunc(slices.Values(c.Observations), func(a, b Observation) int { return cmp.Compare(a.Year, b.Year) })
	r := Result{Sample: slices.ContainsFunc(obs, func(o Observation) bool { return o.Sample })}
	e := explainer{c: c}
	if c.Deadline.None() {
		return evaluateUndated(c, obs, r, e)
	}
	last := c.Deadline.Last()
	passed := asOf.After(last)
	for _, o := range obs {
		if !o.Known().After(last) && c.meets(o.Value) {
			r.Status, r.Explanation = Achieved, e.achieved(o)
			return r.sampled()
		}
	}
	if passed {
		for _, o := range obs {
			if c.meets(o.Value) {
				r.Status, r.Explanation = AchievedLate, e.achievedLate(o)
				return r.sampled()
			}
		}
		if len(obs) > 0 && obs[len(obs)-1].Year >= c.Deadline.Year {
			r.Status, r.Explanation = Missed, e.missed(obs[len(obs)-1])
			return r.sampled()
		}
		r.Status, r.Explanation = Overdue, e.overdue(obs)
		return r.sampled()
	}
	switch {
	case len(obs) == 0:
		r.Status, r.Explanation = NoData, e.noData()
		return r
	case len(obs) == 1 && !c.HasBaseline:
		r.Status, r.Explanation = InProgress, e.inProgress(obs[0])
		return r.sampled()
	}
	startYear, startValue := obs[0].Year, obs[0].Value
	if c.HasBaseline {
		startYear, startValue = c.BaselineYear, c.Baseline
	}
	latest := obs[len(obs)-1]
	r.Expected = expected(startYear, startValue, c.Deadline, c.Target, latest.Year)
	ahead := latest.Value >= r.Expected
	if c.Comparator == "<=" {
		ahead = latest.Value <= r.Expected
	}
	if ahead {
		r.Status = OnTrack
	} else {
		r.Status = Behind
	}
	r.Explanation = e.trajectory(r.Status, latest, r.Expected, startYear, startValue)
	return r.sampled()
}

// evaluateUndated judges a commitment whose text sets no deadline: it can be
// achieved, but never late, missed or overdue, and no progress line can be drawn.
func evaluateUndated(c Commitment, obs []Observation, r Result, e explainer) Result {
	for _, o := range obs {
		if c.meets(o.Value) {
			r.Status, r.Explanation = Achieved, e.achievedUndated(o)
			return r.sampled()
		}
	}
	if len(obs) == 0 {
		r.Status, r.Explanation = NoData, "原文未规定期限；尚无数据。"
		return r
	}
	r.Status, r.Explanation = InProgress, e.inProgressUndated(obs[len(obs)-1])
	return r.sampled()
}

// expected is the straight line from (startYear, start) to (deadline, target),
// read at year y. Time is counted in years, each observation at the end of its
// year; a deadline day inside a year sits at its fraction of that year.
func expected(startYear int, start float64, d Deadline, target float64, y int) float64 {
	t0, t1, t := float64(startYear), d.position(), float64(y)
	if t1 <= t0 {
		return target
	}
	return start + (target-start)*(t-t0)/(t1-t0)
}

// position places the deadline on the same scale as years: the end of 2015 is 2015.
func (d Deadline) position() float64 {
	last := d.Last()
	days := float64(time.Date(last.Year(), 12, 31, 0, 0, 0, 0, time.UTC).YearDay())
	return float64(last.Year()-1) + float64(last.YearDay())/days
}

// meets reports whether a value satisfies the commitment's target.
func (c Commitment) meets(v float64) bool {
	const eps = 1e-9
	switch c.Comparator {
	case "<=":
		return v <= c.Target+eps
	case "==":
		return math.Abs(v-c.Target) <= eps*math.Max(1, math.Abs(c.Target))
	default:
		return v >= c.Target-eps
	}
}

func (r Result) sampled() Result {
	if r.Sample {
		r.Explanation += "（计算所用数据含示例数据，不是真实数字。）"
	}
	return r
}

func evaluateDisclosure(c Commitment, asOf time.Time) Result {
	counts := map[PubStatus]int{}
	unrecorded := 0 // of the missing ones, those only the cadence expects
	r := Result{}
	for _, p := range c.Publications {
		st := p.Judge(asOf)
		counts[st]++
		if st == Missing && p.Inferred {
			unrecorded++
		}
		r.Sample = r.Sample || p.Sample
	}
	due := counts[OnTime] + counts[Late] + counts[Missing]
	summary := fmt.Sprintf("已到期的%d次公开中，按时%d次、逾期%d次、未公开%d次", due, counts[OnTime], counts[Late], counts[Missing]-unrecorded)
	if unrecorded > 0 {
		summary += fmt.Sprintf("、没有找到记录%d次", unrecorded)
	}
	if counts[NotDue] > 0 {
		summary += fmt.Sprintf("；另有%d次尚未到期", counts[NotDue])
	}
	switch {
	case counts[Missing] > 0:
		r.Status, r.Explanation = Overdue, summary+"。"
	case due == 0 && c.Deadline.None():
		r.Status, r.Explanation = NoData, "原文未规定期限；没有找到应已公开的记录。"
	case due == 0 && asOf.After(c.Deadline.Last()):
		r.Status = Overdue
		r.Explanation = fmt.Sprintf("应自%s起公开，期限已过，但没有找到任何一次公开的记录。", c.Deadline)
	case due == 0:
		r.Status, r.Explanation = NoData, fmt.Sprintf("首次公开的期限为%s，尚未到期。", c.Deadline)
	case counts[Late] > 0:
		r.Status, r.Explanation = AchievedLate, summary+"。"
	default:
		r.Status, r.Explanation = Achieved, summary+"。"
	}
	return r.sampled()
}
