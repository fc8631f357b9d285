package value

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is the stretch of time an observed value describes: a year, a
// half, a quarter, a month, the months from January to one month (a running
// total for the year so far, 1—9月), or a day.
type Period struct {
	Year int
	// From and To are the first and last month (1–12): 1 and 12 for a year,
	// 7 and 9 for the third quarter, 9 and 9 for September, 1 and 9 for 1—9月.
	From, To int
	Day      int // the day of month To for a one-day period; 0 otherwise
}

// YearPeriod is the whole year y.
func YearPeriod(y int) Period { return Period{Year: y, From: 1, To: 12} }

// Start is the first day of the period.
func (p Period) Start() time.Time {
	if p.Day > 0 {
		return p.End()
	}
	return time.Date(p.Year, time.Month(p.From), 1, 0, 0, 0, 0, time.UTC)
}

// End is the last day of the period.
func (p Period) End() time.Time {
	if p.Day > 0 {
		return time.Date(p.Year, time.Month(p.To), p.Day, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(p.Year, time.Month(p.To)+1, 0, 0, 0, 0, 0, time.UTC)
}

// IsYear reports whether the period is a whole calendar year.
func (p Period) IsYear() bool { return p.Day == 0 && p.From == 1 && p.To == 12 }

// String writes the period in its canonical form: 2025, 2025-H1, 2025-Q3,
// 2025-09, 2025-01/2025-09 (January to September), 2025-09-30.
func (p Period) String() string {
	switch {
	case p.Day > 0:
		return fmt.Sprintf("%04d-%02d-%02d", p.Year, p.To, p.Day)
	case p.IsYear():
		return strconv.Itoa(p.Year)
	case p.From == p.To:
		return fmt.Sprintf("%04d-%02d", p.Year, p.To)
	case p.To-p.From == 5 && p.From%6 == 1:
		return fmt.Sprintf("%04d-H%d", p.Year, p.To/6)
	case p.To-p.From == 2 && p.From%3 == 1:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.To/3)
	}
	return fmt.Sprintf("%04d-%02d/%04d-%02d", p.Year, p.From, p.Year, p.To)
}

// Label writes the period as the site shows it in Chinese: 2025年,
// 2025年上半年, 2025年第三季度, 2025年9月, 2025年1—9月, 2025年9月30日.
func (p Period) Label() string { return p.LabelIn("zh-CN") }

// LabelIn writes the period in the site's language lang: "en" (or "en-…")
// for English — 2025, H1 2025, Q3 2025, September 2025,
// January–September 2025, 30 September 2025 — and Chinese for anything
// else, as Label.
func (p Period) LabelIn(lang string) string {
	if english(lang) {
		switch {
		case p.Day > 0:
			return fmt.Sprintf("%d %s %d", p.Day, time.Month(p.To), p.Year)
		case p.IsYear():
			return strconv.Itoa(p.Year)
		case p.From == p.To:
			return fmt.Sprintf("%s %d", time.Month(p.To), p.Year)
		case p.To-p.From == 5 && p.From%6 == 1:
			return fmt.Sprintf("H%d %d", p.To/6, p.Year)
		case p.To-p.From == 2 && p.From%3 == 1:
			return fmt.Sprintf("Q%d %d", p.To/3, p.Year)
		}
		return fmt.Sprintf("%s–%s %d", time.Month(p.From), time.Month(p.To), p.Year)
	}
	switch {
	case p.Day > 0:
		return fmt.Sprintf("%d年%d月%d日", p.Year, p.To, p.Day)
	case p.IsYear():
		return fmt.Sprintf("%d年", p.Year)
	case p.From == p.To:
		return fmt.Sprintf("%d年%d月", p.Year, p.To)
	case p.To-p.From == 5 && p.From%6 == 1:
		return fmt.Sprintf("%d年%s半年", p.Year, [...]string{"上", "下"}[p.To/6-1])
	case p.To-p.From == 2 && p.From%3 == 1:
		return fmt.Sprintf("%d年第%s季度", p.Year, [...]string{"一", "二", "三", "四"}[p.To/3-1])
	}
	return fmt.Sprintf("%d年%d—%d月", p.Year, p.From, p.To)
}

// english reports whether lang, a site's language tag, is English: "en",
// "en-GB", "EN_us". Every other tag, and "", is Chinese.
func english(lang string) bool {
	l := strings.ToLower(lang)
	return l == "en" || strings.HasPrefix(l, "en-") || strings.HasPrefix(l, "en_")
}

// ParsePeriod reads the period a value is for, as staff write it:
//
//	2025  2025年  2025年度                              the year
//	2025-H1  2025H1  2025年上半年  2025年下半年          a half
//	2025Q3  2025-Q3  2025年第三季度  2025年三季度  2025年第3季度
//	2025-09  2025/9  2025年9月  2025年9月底  2025年9月末    a month
//	2025年1-9月  2025年1—9月  2025年1至9月  2025-01/2025-09  the year to September
//	2025-09-30  2025/9/30  2025年9月30日               a day
//	2025年底  2025年末                                  the year (its end)
//
// Full-width digits are folded and surrounding space ignored.
func ParsePeriod(s string) (Period, error) {
	p, err := parsePeriod(s)
	if err != nil {
		return Period{}, err
	}
	return p, nil
}

const periodExamples = `2025, 2025Q3 (or 2025年第三季度), 2025-09 (or 2025年9月), 2025年1—9月 or 2025-09-30`

func parsePeriod(s string) (Period, *Error) {
	orig, lead := trimSpace(s)
	if orig == "" {
		return Period{}, errorf(0, "the cell is empty: write the period the value is for, like %s", periodExamples)
	}
	if err := checkText(orig, lead); err != nil {
		return Period{}, err
	}
	t := foldString(orig)
	bad := func() (Period, *Error) {
		return Period{}, errorf(lead, "%s is not a period: write a year, quarter, month or day, like %s", quote(orig), periodExamples)
	}
	if a, b, ok := strings.Cut(t, "/"); ok && strings.Count(t, "/") == 1 && strings.Contains(a, "-") {
		// 2025-01/2025-09: an interval of months within one year.
		pa, ea := parsePeriod(a)
		pb, eb := parsePeriod(b)
		if ea != nil || eb != nil || pa.Day > 0 || pb.Day > 0 || pa.Year != pb.Year || pa.From != pa.To || pb.From != pb.To || pa.From > pb.To {
			return bad()
		}
		return Period{Year: pa.Year, From: pa.From, To: pb.To}, nil
	}
	if len(t) < 4 || !allDigits(t[:4]) {
		return bad()
	}
	year, _ := strconv.Atoi(t[:4])
	if year < minYear || year > maxYear {
		return Period{}, errorf(lead, "%s: the year %d is out of range (%d to %d)", quote(orig), year, minYear, maxYear)
	}
	rest := t[4:]
	p := Period{Year: year, From: 1, To: 12}
	switch rest {
	case "", "年", "年度", "年底", "年末", "年全年", "全年":
		return p, nil
	case "年上半年", "-H1", "H1", "年1-6月":
		return Period{Year: year, From: 1, To: 6}, nil
	case "年下半年", "-H2", "H2":
		return Period{Year: year, From: 7, To: 12}, nil
	}
	if q, ok := quarter(rest); ok {
		return Period{Year: year, From: 3*q - 2, To: 3 * q}, nil
	}
	// Months and days: 2025-09, 2025/9, 2025年9月[底|末], 2025年1—9月,
	// 2025-09-30, 2025/9/30, 2025年9月30日.
	var nums []int
	chinese := strings.HasPrefix(rest, "年")
	body := rest
	if chinese {
		body = strings.TrimPrefix(rest, "年")
		for _, end := range []string{"月底", "月末", "月份", "月"} {
			if b, ok := strings.CutSuffix(body, end); ok {
				body = b + "|"
				break
			}
		}
		if b, ok := strings.CutSuffix(body, "日"); ok {
			body = b
		}
		body = strings.NewReplacer("月", "/", "|", "").Replace(body)
		if from, to, ok := monthRange(body); ok {
			if from < 1 || to > 12 || from > to {
				return bad()
			}
			return Period{Year: year, From: from, To: to}, nil
		}
	} else {
		if body == "" || (body[0] != '-' && body[0] != '/') {
			return bad()
		}
		body = strings.ReplaceAll(body[1:], "-", "/")
	}
	for part := range strings.SplitSeq(body, "/") {
		n, err := strconv.Atoi(part)
		if err != nil || part == "" || len(part) > 2 || !allDigits(part) {
			return bad()
		}
		nums = append(nums, n)
	}
	switch {
	case len(nums) == 1 && nums[0] >= 1 && nums[0] <= 12:
		return Period{Year: year, From: nums[0], To: nums[0]}, nil
	case len(nums) == 2 && nums[0] >= 1 && nums[0] <= 12:
		d := Period{Year: year, From: nums[0], To: nums[0], Day: nums[1]}
		if nums[1] < 1 || d.End().Month() != time.Month(nums[0]) {
			return Period{}, errorf(lead, "%s is not a day of the calendar", quote(orig))
		}
		return d, nil
	}
	return bad()
}

// quarter reads Q3, -Q3, 年第三季度, 年三季度, 年第3季度, 年3季度.
func quarter(rest string) (int, bool) {
	r := strings.TrimPrefix(strings.TrimPrefix(rest, "-"), " ")
	if len(r) == 2 && (r[0] == 'Q' || r[0] == 'q') && r[1] >= '1' && r[1] <= '4' {
		return int(r[1] - '0'), true
	}
	r, ok := strings.CutPrefix(rest, "年")
	if !ok {
		return 0, false
	}
	r = strings.TrimPrefix(r, "第")
	r, ok = strings.CutSuffix(r, "季度")
	if !ok {
		return 0, false
	}
	for i, w := range []string{"一", "二", "三", "四"} {
		if r == w || r == strconv.Itoa(i+1) {
			return i + 1, true
		}
	}
	return 0, false
}

// monthRange reads 1-9, 1—9, 1–9, 1~9, 1～9, 1至9 (the "/" after it already dropped).
func monthRange(s string) (from, to int, ok bool) {
	s = strings.TrimSuffix(s, "/")
	for _, sep := range []string{"-", "—", "–", "~", "～", "至", "到"} {
		a, b, found := strings.Cut(s, sep)
		if !found {
			continue
		}
		b = strings.TrimSuffix(b, "/")
		x, e1 := strconv.Atoi(a)
		y, e2 := strconv.Atoi(b)
		if e1 != nil || e2 != nil || !allDigits(a) || !allDigits(b) {
			return 0, 0, false
		}
		return x, y, true
	}
	return 0, 0, false
}
