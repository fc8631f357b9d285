package track

import (
	"fmt"
	"math"
	"strconv"
)

// explainer writes the sentence for each status from the numbers.
type explainer struct {
	c Commitment
}

// num writes a value with its unit: 3.35个/万人, 90%, 5万人 stays 50000人.
func (e explainer) num(v float64) string {
	return strconv.FormatFloat(roundTo(v, 2), 'f', -1, 64) + e.c.Unit
}

// roundTo rounds half away from zero at digits decimals, as people do:
// 5.225 is 5.23 although its nearest binary value is a little below it.
func roundTo(v float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(v*p*(1+1e-12)) / p
}

func (e explainer) goal() string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("目标为%s前完成", e.c.Deadline)
	}
	return fmt.Sprintf("目标为%s前%s%s", e.c.Deadline, e.word(), e.target())
}

// word is the comparator in words: 达到, 不超过, 等于.
func (e explainer) word() string {
	switch e.c.Comparator {
	case "<=":
		return "不超过"
	case "==":
		return "等于"
	}
	return "达到"
}

// target writes the target: 5个/万人; 约5.5%（5.23%—5.78%）; 5—6%.
func (e explainer) target() string {
	switch e.c.Comparator {
	case "≈":
		return fmt.Sprintf("约%s（%s—%s）", e.num(e.c.Target), e.num(e.c.Target-e.c.Tolerance), e.num(e.c.Target+e.c.Tolerance))
	case "range":
		return strconv.FormatFloat(roundTo(e.c.Target, 2), 'f', -1, 64) + "—" + e.num(e.c.TargetMax)
	}
	return e.num(e.c.Target)
}

// short is how a value misses the target: 低于, 高于, 不等于.
func (e explainer) short(v float64) string {
	switch e.c.Comparator {
	case "<=":
		return "高于"
	case "==":
		return "不等于"
	case "≈", "range":
		if v > e.c.Target {
			return "高于"
		}
	}
	return "低于"
}

// value writes an observation: 2015年实际值为3.35个/万人, 广州市2015年实际值为…
func (e explainer) value(o Observation) string {
	if e.c.Kind == Institution {
		if o.Value >= 1 {
			return fmt.Sprintf("%s%s已完成", o.Scope, o.Period.Label())
		}
		return fmt.Sprintf("%s%s尚未完成", o.Scope, o.Period.Label())
	}
	return fmt.Sprintf("%s%s实际值为%s", o.Scope, o.Period.Label(), e.num(o.Value))
}

func (e explainer) achieved(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s，在期限%s之内。", e.value(o), e.c.Deadline)
	}
	return fmt.Sprintf("%s，达到目标%s，在期限%s之内。", e.value(o), e.target(), e.c.Deadline)
}

// achievedBefore: no value for the deadline's period; the latest before it meets.
func (e explainer) achievedBefore(o Observation) string {
	return fmt.Sprintf("没有期限%s当期的数据；期限前最近的数据是%s，达到目标%s。", e.c.Deadline, e.value(o), e.target())
}

func (e explainer) achievedLate(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s，晚于期限%s。", e.value(o), e.c.Deadline)
	}
	return fmt.Sprintf("%s，达到目标%s，但晚于期限%s。", e.value(o), e.target(), e.c.Deadline)
}

func (e explainer) missed(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s，截止期限%s已过。", e.value(o), e.c.Deadline)
	}
	return fmt.Sprintf("%s，%s目标%s，截止期限已过。", e.value(o), e.short(o.Value), e.target())
}

// overdue: the deadline has passed and no value decides.
func (e explainer) overdue(upTo []Observation, r Reading) string {
	need := fmt.Sprintf("%d年及以后", e.c.Deadline.Year)
	if r == Rate || r == Cumulative {
		need = fmt.Sprintf("%d年全年", e.c.Deadline.Year)
	}
	s := fmt.Sprintf("截止期限%s已过，但没有找到%s的数据记录", e.c.Deadline, need)
	if len(upTo) > 0 {
		s += fmt.Sprintf("；最近的数据是%s", e.value(upTo[len(upTo)-1]))
		if e.c.Kind != Institution && !e.c.meets(upTo[len(upTo)-1].Value) {
			s += "，未达到目标" + e.target()
		}
	}
	return s + "。"
}

func (e explainer) noData(before []Observation) string {
	if len(before) > 0 {
		return fmt.Sprintf("尚无文件发布以后的数据（文件发布前：%s）；%s。", e.value(before[len(before)-1]), e.goal())
	}
	return fmt.Sprintf("尚无数据；%s。", e.goal())
}

// noDataFor: a rate or total for a year with no value for that year yet.
func (e explainer) noDataFor(year int) string {
	return fmt.Sprintf("尚无%d年的数据；%s。", year, e.goal())
}

// metEarly: the target is met before the deadline, which still decides.
func (e explainer) metEarly(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s；期限为%s。", e.value(o), e.c.Deadline)
	}
	return fmt.Sprintf("%s，已达到目标%s；期限%s未到，以期限时的数据为准。", e.value(o), e.target(), e.c.Deadline)
}

func (e explainer) inProgress(o Observation) string {
	return fmt.Sprintf("目前只有一个数据（%s），没有基线，无法画出进度线；%s。", e.value(o), e.goal())
}

func (e explainer) trajectory(s Status, latest Observation, want float64, fromLabel string, start float64) string {
	word := "达到或好于"
	if s == Behind {
		word = "落后于"
	}
	return fmt.Sprintf("%s，%s按期完成所需的%s（从%s的%s到%s的%s的直线进度）。",
		e.value(latest), word, e.num(want), fromLabel, e.num(start), e.c.Deadline, e.num(e.c.Target))
}

// rateSoFar: a rate for the year, judged on the value so far.
func (e explainer) rateSoFar(s Status, o Observation) string {
	word := "符合"
	if s == Behind {
		word = "不符合"
	}
	goal := "（" + e.word() + e.target() + "）"
	if e.c.Comparator == "≈" || e.c.Comparator == "range" {
		goal = e.target()
	}
	return fmt.Sprintf("%s，%s目标%s；期限%s未到，以全年数据为准。", e.value(o), word, goal, e.c.Deadline)
}

// cumulativeSoFar: a total for the year, against the elapsed share of it.
func (e explainer) cumulativeSoFar(s Status, o Observation, want, share float64) string {
	word := "达到或超过"
	if s == Behind {
		word = "落后于"
	}
	return fmt.Sprintf("%s，%s按时间进度应完成的%s（全年目标%s的%s%%）。",
		e.value(o), word, e.num(want), e.num(e.c.Target), strconv.FormatFloat(roundTo(share*100, 1), 'f', -1, 64))
}

func (e explainer) achievedUndated(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s（原文未规定期限）。", e.value(o))
	}
	return fmt.Sprintf("%s，达到目标%s（原文未规定期限）。", e.value(o), e.target())
}

func (e explainer) inProgressUndated(o Observation) string {
	return fmt.Sprintf("%s，尚未达到目标%s；原文未规定期限，无法判断是否逾期。", e.value(o), e.target())
}
