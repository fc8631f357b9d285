package value

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"testing"
	"unicode/utf8"
)

// fuzzFormats are the formats FuzzParseNumber picks from.
var fuzzFormats = []NumberFormat{plain, site, european, french, lenient, fullWidth, account}

var canonicalDecimal = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`)

func FuzzParseNumber(f *testing.F) {
	seeds := []string{
		"1,234", "1,234,567.5", "123,,456", "12,34", "1,7", "200.000.000", ".5", "5.", "NaN", "INF", "-INF",
		"Infinity", "0x10", "1e3", "1E+11", "1.23E+11", "(1,234)", "1234-", "１２３，４５６．５", "45%", "12万元",
		"3.5亿", "5‰", "abc", "一百", "—", "", " ", "-0", "(0)", "1 234", "1\u00a0234,5", "1.234,5", "1,234.5",
		"¥1,234", "−5", "- 5", "12\u200b", "\xff", "(", ")", "-.", "+", "1,", "0,125", "1,2345",
	}
	for _, s := range seeds {
		for i := range fuzzFormats {
			f.Add(s, uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, s string, which uint8) {
		format := fuzzFormats[int(which)%len(fuzzFormats)]
		n, err := ParseNumber(s, format)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("ParseNumber(%q) error %T, want *Error", s, err)
			}
			if e.Offset < 0 || e.Offset > utf8.RuneCountInString(s) {
				t.Fatalf("ParseNumber(%q) error offset %d outside 0..%d: %s", s, e.Offset, utf8.RuneCountInString(s), e.Msg)
			}
			if e.Msg == "" {
				t.Fatalf("ParseNumber(%q) error has no message", s)
			}
			return
		}
		if !canonicalDecimal.MatchString(n.Decimal) || n.Decimal == "-0" {
			t.Fatalf("ParseNumber(%q).Decimal = %q, not canonical", s, n.Decimal)
		}
		if len(n.Decimal) > 1 && n.Decimal[len(n.Decimal)-1] == '0' && canonicalDecimal.FindStringSubmatch(n.Decimal)[2] != "" {
			t.Fatalf("ParseNumber(%q).Decimal = %q has trailing fractional zeros", s, n.Decimal)
		}
		want, perr := strconv.ParseFloat(n.Decimal, 64)
		if perr != nil || math.IsInf(n.Float, 0) || math.IsNaN(n.Float) {
			t.Fatalf("ParseNumber(%q) = %q, %v (%v)", s, n.Decimal, n.Float, perr)
		}
		if n.Float != want && math.Abs(n.Float-want) > 1e-9*math.Abs(want) {
			t.Fatalf("ParseNumber(%q).Float = %v, want %v", s, n.Float, want)
		}
		// The canonical text parses to itself in the plain format.
		again, err := ParseNumber(n.Decimal, plain)
		if err != nil || again.Decimal != n.Decimal || again.Suffix != "" {
			t.Fatalf("ParseNumber(%q) again = %q, %v", n.Decimal, again.Decimal, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2012-06-30", "2012/6/30", "2012年6月30日", "2012年6月", "2012", "2012-06", "41090",
		"30/6/2012", "2012-02-30", "2012-13-01", "２０１２-０６-３０", "2012-06-30 00:00:00", "60", "41090.5", ""} {
		f.Add(s, uint8(0xff))
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, s string, mask uint8) {
		var forms []string
		for i, name := range allDateForms {
			if mask&(1<<i) != 0 {
				forms = append(forms, name)
			}
		}
		d, err := ParseDate(s, forms)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Offset < 0 || e.Offset > utf8.RuneCountInString(s) {
				t.Fatalf("ParseDate(%q, %v) error %#v", s, forms, err)
			}
			return
		}
		if d.Year < minYear || d.Year > maxYear || d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > daysIn(d.Year, max(d.Month, 1)) || (d.Month == 0 && d.Day != 0) {
			t.Fatalf("ParseDate(%q, %v) = %#v, not a valid date", s, forms, d)
		}
		back, err := ParseDate(d.String(), []string{"iso", "yearmonth", "year"})
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %v, but %q reads back as %v, %v", s, d, d.String(), back, err)
		}
	})
}

func FuzzCheckUSCC(f *testing.F) {
	for _, s := range append(publishedCodes, "91350100M000100Y44", "91350100m000100Y43", "", "9.11100001000079E+17", "\xff", "ＡＢＣ") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckUSCC(s)
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) || e.Offset < 0 || e.Offset > utf8.RuneCountInString(s) {
			t.Fatalf("CheckUSCC(%q) error %#v", s, err)
		}
	})
}

// FuzzParsePeriod: any text is a period whose canonical form reads back as
// the same period, whose start is not after its end, or an error at an
// offset inside the text — never a panic, never year 0.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2025", "2025年", "2025年度", "2025Q3", "2025-Q3", "2025年第三季度", "2025年三季度", "2025-H1",
		"2025年上半年", "2025-09", "2025/9", "2025年9月", "2025年9月底", "2025年1—9月", "2025年1-9月", "2025-01/2025-09",
		"2025-09-30", "2025/9/30", "2025年9月30日", "2025年底", "2025-02-30", "2025年13月", "上年同期", "２０２５年", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Offset < 0 || e.Offset > utf8.RuneCountInString(s) {
				t.Fatalf("ParsePeriod(%q) error %#v", s, err)
			}
			return
		}
		if p.Year < minYear || p.Year > maxYear || p.From < 1 || p.To > 12 || p.From > p.To || p.Start().After(p.End()) {
			t.Fatalf("ParsePeriod(%q) = %#v, not a period", s, p)
		}
		back, err := ParsePeriod(p.String())
		if err != nil || back != p {
			t.Fatalf("ParsePeriod(%q) = %v, but %q reads back as %v, %v", s, p, p.String(), back, err)
		}
	})
}
