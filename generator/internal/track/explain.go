package track

import (
	"fmt"
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

func roundTo(v float64, digits int) float64 {
	s := strconv.FormatFloat(v, 'f', digits, 64)
	r, _ := strconv.ParseFloat(s, 64)
	return r
}

func (e explainer) goal() string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("目标为%s前完成", e.c.Deadline)
	}
	word := "达到"
	switch e.c.Comparator {
	case "<=":
		word = "不超过"
	case "==":
		word = "等于"
	}
	return fmt.Sprintf("目标为%s前%s%s", e.c.Deadline, word, e.num(e.c.Target))
}

func (e explainer) value(o Observation) string {
	if e.c.Kind == Institution {
		if o.Value >= 1 {
			return fmt.Sprintf("%d年已完成", o.Year)
		}
		return fmt.Sprintf("%d年尚未完成", o.Year)
	}
	return fmt.Sprintf("%d年实际值为%s", o.Year, e.num(o.Value))
}

func (e explainer) achieved(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s，在期限%s之内。", e.value(o), e.c.Deadline)
	}
	return fmt.Sprintf("%s，达到目标%s，在期限%s之内。", e.value(o), e.num(e.c.Target), e.c.Deadline)
}

func (e explainer) achievedLate(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s，晚于期限%s。", e.value(o), e.c.Deadline)
	}
	return fmt.Sprintf("%s，达到目标%s，但晚于期限%s。", e.value(o), e.num(e.c.Target), e.c.Deadline)
}

func (e explainer) missed(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s，截止期限%s已过。", e.value(o), e.c.Deadline)
	}
	word := "低于"
	if e.c.Comparator == "<=" {
		word = "高于"
	} else if e.c.Comparator == "==" {
		word = "不等于"
	}
	return fmt.Sprintf("%s，%s目标%s，截止期限已过。", e.value(o), word, e.num(e.c.Target))
}

func (e explainer) overdue(obs []Observation) string {
	s := fmt.Sprintf("截止期限%s已过，但没有%d年及以后的数据可供判断", e.c.Deadline, e.c.Deadline.Year)
	if len(obs) > 0 {
		s += fmt.Sprintf("；最近的数据是%s", e.value(obs[len(obs)-1]))
	}
	return s + "。"
}

func (e explainer) noData() string {
	return fmt.Sprintf("尚无数据；%s。", e.goal())
}

func (e explainer) inProgress(o Observation) string {
	return fmt.Sprintf("目前只有一个数据（%s），没有基线，无法画出进度线；%s。", e.value(o), e.goal())
}

func (e explainer) trajectory(s Status, latest Observation, want float64, startYear int, start float64) string {
	word := "达到或好于"
	if s == Behind {
		word = "落后于"
	}
	return fmt.Sprintf("%s，%s按期完成所需的%s（从%d年的%s到%s的%s的直线进度）。",
		e.value(latest), word, e.num(want), startYear, e.num(start), e.c.Deadline, e.num(e.c.Target))
}

func (e explainer) achievedUndated(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s（原文未规定期限）。", e.value(o))
	}
	return fmt.Sprintf("%s，达到目标%s（原文未规定期限）。", e.value(o), e.num(e.c.Target))
}

func (e explainer) inProgressUndated(o Observation) string {
	return fmt.Sprintf("%s，尚未达到目标%s；原文未规定期限，无法判断是否逾期。", e.value(o), e.num(e.c.Target))
}
