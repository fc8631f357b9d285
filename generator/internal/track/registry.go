package track

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gongkai/generator/internal/data/value"
)

// DefaultTolerance is how far from its target a value may be and still be
// "about" it (左右, ≈) when the registry gives no tolerance: 5% of the target.
const DefaultTolerance = 0.05

// TargetSpec is a target as the registry writes it.
type TargetSpec struct {
	Value     float64 // the target; for a range, its lower end
	Text      string  // the target as an exact decimal, for downloads
	Max       float64 // for a range: its upper end
	Tolerance float64 // for ≈: how far a value may be from Value
	Range     bool
}

// ParseTarget reads the registry's target column: a number in the row's unit
// (5.5, 5.5%, 1.2万 for 人), a range (5—6, 5%—6%, 5～6, 5至6) when the
// comparator is range (区间), or a number with its tolerance (5.5±0.3) when
// it is ≈ (左右). A ≈ target without a tolerance gets DefaultTolerance.
func ParseTarget(s, comparator, unit string, nf value.NumberFormat) (TargetSpec, error) {
	s = strings.TrimSpace(s)
	num := func(part string) (float64, string, error) {
		n, err := value.ParseNumber(part, nf)
		if err != nil {
			return 0, "", err
		}
		dec := n.Decimal
		if n.Suffix != "" && n.Suffix != unit {
			scaled, ok := value.Scale(n.Decimal, n.Suffix, unit)
			if !ok {
				return 0, "", fmt.Errorf("%q is in %q, which is not the row's unit %q: write the number in the unit column's unit", part, n.Suffix, unit)
			}
			dec = scaled
		}
		f, err := strconv.ParseFloat(dec, 64)
		return f, dec, err
	}
	if a, b, ok := cutRange(s); ok {
		if comparator != "range" {
			return TargetSpec{}, fmt.Errorf("%q is a range: set the comparator to 区间 (range)", s)
		}
		lo, text, err := num(a)
		if err != nil {
			return TargetSpec{}, err
		}
		hi, _, err := num(b)
		if err != nil {
			return TargetSpec{}, err
		}
		if hi < lo {
			return TargetSpec{}, fmt.Errorf("the range %q runs backwards: write the smaller number first", s)
		}
		return TargetSpec{Value: lo, Text: text, Max: hi, Range: true}, nil
	}
	if comparator == "range" {
		return TargetSpec{}, fmt.Errorf("comparator 区间 (range) needs a range as its target, like 5—6 or 5%%—6%%")
	}
	if a, b, ok := strings.Cut(s, "±"); ok {
		if comparator != "≈" {
			return TargetSpec{}, fmt.Errorf("%q gives a tolerance: set the comparator to 左右 (≈)", s)
		}
		v, text, err := num(a)
		if err != nil {
			return TargetSpec{}, err
		}
		tol, _, err := num(b)
		if err != nil || tol < 0 {
			return TargetSpec{}, fmt.Errorf("the tolerance in %q is not a number of the row's unit", s)
		}
		return TargetSpec{Value: v, Text: text, Tolerance: tol}, nil
	}
	v, text, err := num(s)
	if err != nil {
		return TargetSpec{}, err
	}
	t := TargetSpec{Value: v, Text: text}
	if comparator == "≈" {
		t.Tolerance = DefaultTolerance * max(v, -v)
	}
	return t, nil
}

// cutRange splits "5—6", "5%—6%", "5～6", "5~6", "5至6", "5到6", "5–6" and
// "5-6" (a hyphen between two numbers, never a minus sign in front).
func cutRange(s string) (string, string, bool) {
	for _, sep := range []string{"—", "–", "～", "~", "至", "到", "-"} {
		if i := strings.Index(s, sep); i > 0 {
			a, b := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
			if a != "" && b != "" {
				return a, b, true
			}
		}
	}
	return "", "", false
}

// fiveYearPlans are the ends of the five-year plans staff name deadlines by.
var fiveYearPlans = map[string]int{"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}

// ParseDeadlineText reads the registry's deadline column: a year (2015,
// 2015年), a month (2015-06, 2015年6月) or a day (2011-12-31, 2011/12/31,
// 2011年12月31日); 年底, 年末 and 年内 (the end of the year the document was
// made); N年内 (三年内, 3年内: N years from the document's date, the day
// before its anniversary); the end of a five-year plan (十二五期末, “十二五”期间:
// 2015). made is the document's date, zero when it has none.
func ParseDeadlineText(s string, made time.Time) (Deadline, error) {
	t := strings.Trim(strings.TrimSpace(s), "。")
	plain := strings.NewReplacer("“", "", "”", "", "\"", "", "‘", "", "’", "", "到", "", "前", "", "底前", "底", "末前", "末").Replace(t)
	for plan, year := range fiveYearPlans {
		if rest, ok := strings.CutPrefix(plain, plan); ok && (rest == "" || rest == "期末" || rest == "期间" || rest == "末" || rest == "时期") {
			return Deadline{Year: year}, nil
		}
	}
	relative := func() (Deadline, error) {
		if made.IsZero() {
			return Deadline{}, fmt.Errorf("%q counts from the document's date, and the document has none: add date: YYYY-MM-DD to its front matter, or write the deadline as a year", s)
		}
		return Deadline{}, nil
	}
	switch plain {
	case "年底", "年末", "年内", "当年", "本年", "今年", "当年年底":
		if _, err := relative(); err != nil {
			return Deadline{}, err
		}
		return Deadline{Year: made.Year()}, nil
	}
	if n, ok := yearsWithin(plain); ok {
		if _, err := relative(); err != nil {
			return Deadline{}, err
		}
		end := made.AddDate(n, 0, -1)
		return Deadline{Year: end.Year(), Month: int(end.Month()), Day: end.Day()}, nil
	}
	if p, err := value.ParsePeriod(plain); err == nil && p.Day == 0 && (p.IsYear() || p.From == p.To) {
		if p.IsYear() {
			return Deadline{Year: p.Year}, nil
		}
		return Deadline{Year: p.Year, Month: p.To}, nil
	} else if err == nil && p.Day > 0 {
		return Deadline{Year: p.Year, Month: p.To, Day: p.Day}, nil
	}
	return Deadline{}, fmt.Errorf("%q is not a deadline: write a year (2015), a day (2011-12-31), 年底, 三年内 or 十二五期末", s)
}

// yearsWithin reads 三年内, 3年内, 两年内, 五年之内.
func yearsWithin(s string) (int, bool) {
	s, ok := strings.CutSuffix(s, "内")
	if !ok {
		return 0, false
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "之"), "年")
	if n, err := strconv.Atoi(s); err == nil && n > 0 && n <= 50 {
		return n, true
	}
	for i, w := range []string{"一", "两", "三", "四", "五", "六", "七", "八", "九", "十"} {
		if s == w || (w == "两" && s == "二") {
			return i + 1, true
		}
	}
	return 0, false
}

// ISO writes the deadline as the registry download gives it: 2015, 2015-06, 2011-12-31.
func (d Deadline) ISO() string {
	switch {
	case d.None():
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}
