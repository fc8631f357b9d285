package track

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
)

// zh writes the sentences in Chinese.
type zh struct {
	c Commitment
}

// num writes a value with its unit, rounded for people (see number):
// 3.35个/万人, 33%, 8178人, 41万人.
func (e zh) num(v float64) string { return e.c.number(v, false, false) + e.c.Unit }

// tnum writes a target or a bound with its unit: 5个/万人, 40%, 5万人.
func (e zh) tnum(v float64) string { return e.c.number(v, true, false) + e.c.Unit }

func (e zh) goal() string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("目标为%s前完成", e.c.Deadline)
	}
	return fmt.Sprintf("目标为%s前%s%s", e.c.Deadline, e.word(), e.target())
}

// word is the comparator in words: 达到, 不超过, 等于.
func (e zh) word() string {
	switch e.c.Comparator {
	case "<=":
		return "不超过"
	case "==":
		return "等于"
	}
	return "达到"
}

// target writes the target: 5个/万人; 约5.5%（5.23%—5.78%）; 5—6%.
func (e zh) target() string {
	switch e.c.Comparator {
	case "≈":
		return fmt.Sprintf("约%s（%s—%s）", e.tnum(e.c.Target), e.tnum(e.c.Target-e.c.Tolerance), e.tnum(e.c.Target+e.c.Tolerance))
	case "range":
		return e.c.number(e.c.Target, true, false) + "—" + e.tnum(e.c.TargetMax)
	}
	return e.tnum(e.c.Target)
}

// short is how a value misses the target: 低于, 高于, 不等于.
func (e zh) short(v float64) string {
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
func (e zh) value(o Observation) string {
	if e.c.Kind == Institution {
		if o.Value >= 1 {
			return fmt.Sprintf("%s%s已完成", o.Scope, o.Period.Label())
		}
		return fmt.Sprintf("%s%s尚未完成", o.Scope, o.Period.Label())
	}
	return fmt.Sprintf("%s%s实际值为%s", o.Scope, o.Period.Label(), e.num(o.Value))
}

func (e zh) achieved(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s，在期限%s之内。", e.value(o), e.c.Deadline)
	}
	return fmt.Sprintf("%s，达到目标%s，在期限%s之内。", e.value(o), e.target(), e.c.Deadline)
}

// achievedBefore: no value for the deadline's period; the latest before it meets.
func (e zh) achievedBefore(o Observation) string {
	return fmt.Sprintf("没有期限%s当期的数据；期限前最近的数据是%s，达到目标%s。", e.c.Deadline, e.value(o), e.target())
}

func (e zh) achievedLate(o Observation, unknown bool) string {
	s := fmt.Sprintf("%s，达到目标%s，但晚于期限%s", e.value(o), e.target(), e.c.Deadline)
	if e.c.Kind == Institution {
		s = fmt.Sprintf("%s，晚于期限%s", e.value(o), e.c.Deadline)
	}
	if unknown {
		s = fmt.Sprintf("没有找到期限%s时的数据；%s", e.c.Deadline, s)
	}
	return s + "。"
}

func (e zh) missed(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s，截止期限%s已过。", e.value(o), e.c.Deadline)
	}
	return fmt.Sprintf("%s，%s目标%s，截止期限已过。", e.value(o), e.short(o.Value), e.target())
}

// overdue: the deadline has passed and no value decides.
func (e zh) overdue(upTo []Observation, r Reading) string {
	need := fmt.Sprintf("%d年及以后", e.c.Deadline.Year)
	if r == Rate || r == Cumulative {
		need = fmt.Sprintf("%d年全年", e.c.Deadline.Year)
	}
	s := fmt.Sprintf("截止期限%s已过，但没有找到%s的数据记录", e.c.Deadline, need)
	if len(upTo) > 0 {
		o := upTo[len(upTo)-1]
		s += fmt.Sprintf("；最近的数据是%s", e.value(o))
		if e.c.Kind != Institution && !e.c.meets(o.Value) {
			s += "，未达到目标" + e.target()
		}
		if r == Level && !recent(o, e.c.Deadline.Last()) {
			s += "，早于期限一年以上，不能代表期限时的水平"
		}
	}
	return s + "。"
}

func (e zh) noData(before []Observation) string {
	if len(before) > 0 {
		return fmt.Sprintf("尚无文件发布以后的数据（文件发布前：%s）；%s。", e.value(before[len(before)-1]), e.goal())
	}
	return fmt.Sprintf("尚无数据；%s。", e.goal())
}

// noDataFor: a rate or total for a year with no value for that year yet.
func (e zh) noDataFor(year int) string {
	return fmt.Sprintf("尚无%d年的数据；%s。", year, e.goal())
}

// metEarly: the target is met before the deadline, which still decides.
func (e zh) metEarly(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s；期限为%s。", e.value(o), e.c.Deadline)
	}
	return fmt.Sprintf("%s，已达到目标%s；期限%s未到，以期限时的数据为准。", e.value(o), e.target(), e.c.Deadline)
}

func (e zh) inProgress(o Observation) string {
	return fmt.Sprintf("目前只有一个数据（%s），没有基线，无法画出进度线；%s。", e.value(o), e.goal())
}

func (e zh) trajectory(s Status, latest Observation, want float64, fromLabel string, start float64) string {
	word := "达到或好于"
	if s == Behind {
		word = "落后于"
	}
	return fmt.Sprintf("%s，%s按期完成所需的%s（从%s的%s到%s的%s的直线进度）。",
		e.value(latest), word, e.num(want), fromLabel, e.num(start), e.c.Deadline, e.tnum(e.c.Target))
}

// rateSoFar: a rate for the year, judged on the value so far.
func (e zh) rateSoFar(s Status, o Observation) string {
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
func (e zh) cumulativeSoFar(s Status, o Observation, want, share float64) string {
	word := "达到或超过"
	if s == Behind {
		word = "落后于"
	}
	return fmt.Sprintf("%s，%s按时间进度应完成的%s（全年目标%s的%s%%）。",
		e.value(o), word, e.num(want), e.tnum(e.c.Target), strconv.FormatFloat(roundTo(share*100, 1), 'f', -1, 64))
}

func (e zh) achievedUndated(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s（原文未规定期限）。", e.value(o))
	}
	return fmt.Sprintf("%s，达到目标%s（原文未规定期限）。", e.value(o), e.target())
}

func (e zh) inProgressUndated(o Observation) string {
	return fmt.Sprintf("%s，尚未达到目标%s；原文未规定期限，无法判断是否逾期。", e.value(o), e.target())
}

func (e zh) undatedNoData(before []Observation) string {
	if len(before) > 0 {
		return fmt.Sprintf("原文未规定期限；只有文件发布前的数据（%s），不能作为落实的证据。", e.value(before[len(before)-1]))
	}
	return "原文未规定期限；尚无数据。"
}

func (e zh) untargeted(o *Observation) string {
	s := "原文只写了方向，没有可以核对的目标值，本站只列出数据，不作判断"
	if w, ok := map[string]string{"up": "提高", "down": "降低"}[e.c.Comparator]; ok {
		s = "原文只要求" + w + "，没有可以核对的目标值，本站只列出数据，不作判断"
	}
	if o != nil {
		s += "；最近的数据是" + e.value(*o)
	}
	return s + "。"
}

// scopeName names the commitment's scope in a sentence.
func (e zh) scopeName() string { return cmp.Or(e.c.Scope, "承诺所指的范围") }

// theScope is the commitment's scope after "与…不同": 承诺的全省, or 承诺的范围.
func (e zh) theScope() string { return "承诺的" + cmp.Or(e.c.Scope, "范围") }

func (e zh) narrowerOnly(narrower, own string) string {
	return fmt.Sprintf("只有范围较小的数据达到目标：%s但承诺的范围是%s；%s", narrower, e.scopeName(), own)
}

func (e zh) otherScope(other []Observation) string {
	return fmt.Sprintf("另有%s的数据（%s），范围与%s不同，不能据此判断。", strings.Join(scopes(other), "、"), e.value(latest(other)), e.theScope())
}

func (e zh) sampleNote() string {
	return "（计算所用数据含示例数据，不是真实数字。）"
}

func (e zh) publications(n map[PubStatus]int, others []string, otherMade int) string {
	s := fmt.Sprintf("已到期的%d次公开中，按时%d次、逾期%d次、没有找到记录%d次", n[OnTime]+n[Late]+n[Missing], n[OnTime], n[Late], n[Missing])
	if n[NotDue] > 0 {
		s += fmt.Sprintf("；另有%d次尚未到期", n[NotDue])
	}
	if otherMade > 0 {
		s += fmt.Sprintf("；另有%s的%d次公开记录，范围与%s不同，不计入", strings.Join(others, "、"), otherMade, e.theScope())
	}
	return s + "。"
}

func (e zh) onlyOtherPublications(others []string, otherMade int) string {
	return fmt.Sprintf("只找到%s的%d次公开记录，范围与%s不同；没有找到%s的公开记录。", strings.Join(others, "、"), otherMade, e.theScope(), e.scopeName())
}

func (e zh) noPublicationUndated() string {
	return "原文未规定期限；没有找到应已公开的记录。"
}

func (e zh) noPublication() string {
	return fmt.Sprintf("应自%s起公开，期限已过，但没有找到任何一次公开的记录。", e.c.Deadline)
}

func (e zh) firstPublicationDue() string {
	return fmt.Sprintf("首次公开的期限为%s，尚未到期。", e.c.Deadline)
}
