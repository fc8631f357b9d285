package track

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gongkai/generator/internal/data/value"
)

// Status is the verdict on a commitment.
type Status string

// The statuses, in the order the site lists them.
const (
	Achieved     Status = "achieved"
	AchievedLate Status = "achieved-late"
	Partial      Status = "partial"
	Missed       Status = "missed"
	Overdue      Status = "overdue"
	OnTrack      Status = "on-track"
	Behind       Status = "behind"
	InProgress   Status = "in-progress"
	NoData       Status = "no-data"
)

// Statuses lists every status in display order.
var Statuses = []Status{Achieved, AchievedLate, Partial, OnTrack, InProgress, Behind, Missed, Overdue, NoData}

// Label is the status's name on the site, in Chinese.
func (s Status) Label() string { return s.LabelIn("zh-CN") }

// LabelIn is the status's name in the site's language lang ("en" for
// English; Chinese otherwise).
func (s Status) LabelIn(lang string) string {
	if english(lang) {
		return map[Status]string{
			Achieved: "Achieved", AchievedLate: "Achieved late", Partial: "Partly achieved", Missed: "Missed",
			Overdue: "Overdue, no record", OnTrack: "On track", Behind: "Behind", InProgress: "In progress", NoData: "No data yet",
		}[s]
	}
	return map[Status]string{
		Achieved: "已实现", AchievedLate: "逾期实现", Partial: "部分实现", Missed: "未实现", Overdue: "逾期无数据",
		OnTrack: "进展顺利", Behind: "进展滞后", InProgress: "进行中", NoData: "暂无数据",
	}[s]
}

// Kinds of commitment.
const (
	Target      = "target"
	Disclosure  = "disclosure"
	Institution = "institution"
)

// Reading is how a target is decided when the text leaves it open.
type Reading string

// The readings.
const (
	// Level: a level that must hold at the deadline (人数, 覆盖率, 每万人…):
	// decided by the value for the deadline's period, else by the latest
	// value up to the deadline. The default of targets.
	Level Reading = "level"
	// Rate: a rate or share for the deadline's year (增长5.5%, 占比): decided
	// only by the value for that year.
	Rate Reading = "rate"
	// Cumulative: a total for the deadline's year (新增就业1.2万人), reported
	// year to date: decided by the whole year's value; within the year the
	// value so far is held against the elapsed share of the year.
	Cumulative Reading = "cumulative"
	// Once: done once, done for good (设立, 出台): met by any value up to
	// the deadline. The default of institutions.
	Once Reading = "once"
)

// ParseReading reads a registry's reading column, in English or Chinese.
func ParseReading(s string) (Reading, bool) {
	switch strings.TrimSpace(s) {
	case "level", "水平", "存量", "期末":
		return Level, true
	case "rate", "当期", "当年", "比率", "增速":
		return Rate, true
	case "cumulative", "累计", "年度累计", "全年累计":
		return Cumulative, true
	case "once", "达到即可", "一次性":
		return Once, true
	}
	return "", false
}

// Label is the reading's name on the site, in Chinese.
func (r Reading) Label() string { return r.LabelIn("zh-CN") }

// LabelIn is the reading's name in the site's language lang.
func (r Reading) LabelIn(lang string) string {
	if english(lang) {
		return map[Reading]string{Level: "Level at the deadline", Rate: "Rate for the year", Cumulative: "Total for the year", Once: "Reached once"}[r]
	}
	return map[Reading]string{Level: "期末水平", Rate: "当期比率", Cumulative: "年度累计", Once: "达到即可"}[r]
}

// Deadline is when a commitment falls due: a whole year or a day.
type Deadline struct {
	Year  int
	Month int // 0 when only the year is given
	Day   int
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

// String writes the deadline as the site shows it in Chinese: 2015年,
// 2011年12月31日.
func (d Deadline) String() string { return d.StringIn("zh-CN") }

// StringIn writes the deadline in the site's language lang: in English
// No deadline, 2015, December 2011, 31 December 2011.
func (d Deadline) StringIn(lang string) string {
	if english(lang) {
		switch {
		case d.None():
			return "No deadline"
		case d.Month == 0:
			return strconv.Itoa(d.Year)
		case d.Day == 0:
			return fmt.Sprintf("%s %d", time.Month(d.Month), d.Year)
		}
		return fmt.Sprintf("%d %s %d", d.Day, time.Month(d.Month), d.Year)
	}
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
	Period    value.Period
	Value     float64
	Published time.Time // when the value became public; zero: known from the end of its period
	Scope     string    // whom or where it covers; "" = the commitment's own scope
	Sample    bool      // the value is sample data (示例数据)
}

// Known is the day an observation counts as known: its publication date
// when given, otherwise the last day of its period.
func (o Observation) Known() time.Time {
	if !o.Published.IsZero() {
		return o.Published
	}
	return o.Period.End()
}

// KnownBy reports whether o could be known on the day asOf.
func (o Observation) KnownBy(asOf time.Time) bool { return !o.Known().After(asOf) }

// Publication is one expected publication of a disclosure commitment.
type Publication struct {
	Period    string
	Due       time.Time
	Published time.Time // zero when not published
	Scope     string    // whom it covers; "" = the commitment's own scope
	Sample    bool
	// Inferred is set for a publication the commitment's cadence expects
	// and no record lists.
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

// Label is the publication status's name on the site, in Chinese. A
// missing one is one we found no record of: that is all the site can know.
func (p PubStatus) Label() string { return p.LabelIn("zh-CN") }

// LabelIn is the publication status's name in the site's language lang.
func (p PubStatus) LabelIn(lang string) string {
	if english(lang) {
		return map[PubStatus]string{OnTime: "On time", Late: "Late", Missing: "No record found", NotDue: "Not yet due"}[p]
	}
	return map[PubStatus]string{OnTime: "按时公开", Late: "逾期公开", Missing: "没有找到记录", NotDue: "未到期"}[p]
}

// Judge is the verdict on one expected publication as of a day: a
// publication dated after asOf was not yet made on that day.
func (p Publication) Judge(asOf time.Time) PubStatus {
	published := !p.Published.IsZero() && !p.Published.After(asOf)
	switch {
	case published && !p.Published.After(p.Due):
		return OnTime
	case published:
		return Late
	case asOf.After(p.Due):
		return Missing
	default:
		return NotDue
	}
}
