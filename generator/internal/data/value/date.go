package value

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Date is a calendar date, or a year, or a year-month.
type Date struct {
	Year  int
	Month int // 1–12, or 0 when not given
	Day   int // 1–31, or 0 when not given
}

// String formats the date as "2012-06-30", "2012-06" or "2012".
func (d Date) String() string {
	// Built by hand: it runs for every date cell of a million-row file.
	b := make([]byte, 0, 10)
	b = append(b, byte('0'+d.Year/1000%10), byte('0'+d.Year/100%10), byte('0'+d.Year/10%10), byte('0'+d.Year%10))
	if d.Month == 0 {
		return string(b)
	}
	b = append(b, '-', byte('0'+d.Month/10%10), byte('0'+d.Month%10))
	if d.Day == 0 {
		return string(b)
	}
	return string(append(b, '-', byte('0'+d.Day/10%10), byte('0'+d.Day%10)))
}

// Years outside this range are an error: a date in a transparency table
// from before 1900 or after 2100 is a typo.
const (
	minYear = 1900
	maxYear = 2100
)

// dateForm is one accepted written form of a date. In pattern, Y stands for
// four digits, M and D for two, m and d for one or two; other runes are
// literal.
type dateForm struct {
	name     string
	patterns []string
	examples []string
}

// lookupDateForm returns the written forms named name.
func lookupDateForm(name string) (dateForm, bool) {
	switch name {
	case "iso":
		return dateForm{name, []string{"Y-M-D"}, []string{"2012-06-30"}}, true
	case "slash":
		return dateForm{name, []string{"Y/m/d"}, []string{"2012/6/30"}}, true
	case "chinese":
		return dateForm{name, []string{"Y年m月d日", "Y年m月"}, []string{"2012年6月30日", "2012年6月"}}, true
	case "year":
		return dateForm{name, []string{"Y"}, []string{"2012"}}, true
	case "yearmonth":
		return dateForm{name, []string{"Y-M", "Y年m月"}, []string{"2012-06", "2012年6月"}}, true
	case "excel":
		return dateForm{name, nil, []string{"an Excel day number such as 41090"}}, true
	}
	return dateForm{}, false
}

// ParseDate parses a date written in one of the declared forms:
//
//   - "iso": 2012-06-30
//   - "slash": 2012/6/30 or 2012/06/30
//   - "chinese": 2012年6月30日 or 2012年6月
//   - "year": 2012
//   - "yearmonth": 2012-06 or 2012年6月
//   - "excel": an Excel serial day number in the 1900 date system, such as
//     41090 for 2012-06-30
//
// Surrounding white space is ignored and full-width digits are folded. The
// calendar is checked (2012-02-30 is an error) and years must be from 1900 to
// 2100. When both "year" and "excel" are declared, four digits are read as a
// year (as Excel day numbers they would be dates from 1902 to 1927).
func ParseDate(s string, formats []string) (Date, error) {
	d, err := parseDate(s, formats, true)
	if err != nil {
		return Date{}, err
	}
	return d, nil
}

// parseDate is ParseDate returning a concrete error type. With hints, an
// error may parse part of s to suggest a fix, without hints.
func parseDate(s string, formats []string, hints bool) (Date, *Error) {
	if len(formats) == 0 {
		return Date{}, errorf(0, "no date forms are declared for this column")
	}
	forms := make([]dateForm, 0, len(formats))
	excel := false
	for _, name := range formats {
		f, ok := lookupDateForm(name)
		if !ok {
			return Date{}, errorf(0, "the date form %s is not known: use iso, slash, chinese, year, yearmonth or excel", quote(name))
		}
		excel = excel || name == "excel"
		forms = append(forms, f)
	}
	orig, lead := trimSpace(s)
	p := dateParser{orig: orig, lead: lead, forms: forms}
	if orig == "" {
		return Date{}, errorf(0, "the cell is empty: write a date, like %s", p.examples())
	}
	if err := checkText(orig, lead); err != nil {
		return Date{}, err
	}
	p.t = foldString(orig)
	for _, f := range forms {
		for _, pat := range f.patterns {
			if m, ok := matchDate(p.t, pat); ok {
				return p.check(m)
			}
		}
	}
	if excel && allDigits(p.t) {
		return p.excel()
	}
	if excel {
		if ip, fp, ok := strings.Cut(p.t, "."); ok && ip != "" && fp != "" && allDigits(ip) && allDigits(fp) {
			return Date{}, p.errAt(len(ip), "%s has a time of day after the Excel day number: write only the date, like %s", quote(p.orig), quote(ip))
		}
	}
	if i := strings.IndexAny(p.t, " T"); hints && i > 0 {
		// A date followed by a time, as databases export them.
		date := p.t[:i]
		_, err := parseDate(date, formats, false)
		if err == nil {
			return Date{}, p.errAt(i, "%s has a time of day after the date: write only the date, like %s", quote(p.orig), quote(date))
		}
		if matchAny(date, forms) {
			err.Offset += lead
			return Date{}, err
		}
	}
	return Date{}, errorf(lead, "%s is not a date in an accepted form: write %s", quote(p.orig), p.examples())
}

// matchAny reports whether t matches a pattern of one of forms.
func matchAny(t string, forms []dateForm) bool {
	for _, f := range forms {
		for _, pat := range f.patterns {
			if _, ok := matchDate(t, pat); ok {
				return true
			}
		}
	}
	return false
}

// dateParser holds one cell being parsed. Positions are byte indexes into t.
type dateParser struct {
	orig  string // trimmed cell text as written, quoted in messages
	t     string // orig with full-width forms folded
	lead  int    // runes trimmed in front of orig
	forms []dateForm
}

// errAt returns an error at byte index i of p.t.
func (p *dateParser) errAt(i int, format string, args ...any) *Error {
	return errorf(p.lead+utf8.RuneCountInString(p.t[:i]), format, args...)
}

// examples lists an example of each declared form, as "a, b or c".
func (p *dateParser) examples() string {
	var out []string
	for _, f := range p.forms {
		for _, e := range f.examples {
			dup := false
			for _, o := range out {
				dup = dup || o == e
			}
			if !dup {
				out = append(out, e)
			}
		}
	}
	return list(out)
}

// dateMatch is a date as written, before the calendar is checked.
type dateMatch struct {
	d                Date
	hasMonth, hasDay bool
	yearAt, monthAt  int // byte indexes of the parts in the text
	dayAt            int
}

// matchDate matches t against one pattern of a dateForm.
func matchDate(t, pattern string) (dateMatch, bool) {
	var m dateMatch
	i := 0
	for _, pc := range pattern {
		lo, hi := 0, 0
		switch pc {
		case 'Y':
			lo, hi = 4, 4
		case 'M', 'D':
			lo, hi = 2, 2
		case 'm', 'd':
			lo, hi = 1, 2
		default:
			lit := string(pc)
			if !strings.HasPrefix(t[i:], lit) {
				return m, false
			}
			i += len(lit)
			continue
		}
		j := i
		for j < len(t) && j-i < hi && isDigit(t[j]) {
			j++
		}
		if j-i < lo || (j < len(t) && isDigit(t[j])) {
			return m, false
		}
		v := 0
		for k := i; k < j; k++ {
			v = v*10 + int(t[k]-'0')
		}
		switch pc {
		case 'Y':
			m.d.Year, m.yearAt = v, i
		case 'M', 'm':
			m.d.Month, m.monthAt, m.hasMonth = v, i, true
		default:
			m.d.Day, m.dayAt, m.hasDay = v, i, true
		}
		i = j
	}
	return m, i == len(t)
}

// check checks a written date against the calendar.
func (p *dateParser) check(m dateMatch) (Date, *Error) {
	d := m.d
	if d.Year < minYear || d.Year > maxYear {
		return Date{}, p.errAt(m.yearAt, "%s is not a date this site accepts: the year must be from %d to %d", quote(p.orig), minYear, maxYear)
	}
	if m.hasMonth && (d.Month < 1 || d.Month > 12) {
		return Date{}, p.errAt(m.monthAt, "%s is not a date: there is no month %d", quote(p.orig), d.Month)
	}
	if m.hasDay {
		if d.Day < 1 {
			return Date{}, p.errAt(m.dayAt, "%s is not a date: there is no day 0", quote(p.orig))
		}
		if n := daysIn(d.Year, d.Month); d.Day > n {
			return Date{}, p.errAt(m.dayAt, "%s is not a date: %s %d has only %d days", quote(p.orig), time.Month(d.Month), d.Year, n)
		}
	}
	return d, nil
}

// daysIn returns the number of days in a month.
func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Excel day numbers in the 1900 date system: day 1 is 1900-01-01, and day 60
// is 29 February 1900, which never existed (Excel kept a Lotus 1-2-3 error),
// so later days are one higher than a count of real days.
const (
	excelFakeLeapDay = 60
	excelMaxDay      = 73415 // 2100-12-31
)

// excel reads p.t, all digits, as an Excel day number.
func (p *dateParser) excel() (Date, *Error) {
	q := quote(p.orig)
	if len(p.t) > 6 {
		return Date{}, p.errAt(0, "%s is not a date this site accepts: as an Excel day number it is after the year %d", q, maxYear)
	}
	n := 0
	for i := 0; i < len(p.t); i++ {
		n = n*10 + int(p.t[i]-'0')
	}
	switch {
	case n < 1:
		return Date{}, p.errAt(0, "%s is not a date: Excel day numbers start at 1, which is 1900-01-01", q)
	case n == excelFakeLeapDay:
		return Date{}, p.errAt(0, "%s is Excel's day number for 29 February 1900, a day that did not exist: write the date in full", q)
	case n > excelMaxDay:
		return Date{}, p.errAt(0, "%s is not a date this site accepts: as an Excel day number it is after the year %d", q, maxYear)
	}
	if n > excelFakeLeapDay {
		n--
	}
	t := time.Date(1899, 12, 31+n, 0, 0, 0, 0, time.UTC)
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, nil
}
