package data

import (
	"regexp"
	"testing"

	"gongkai/generator/internal/data/value"
)

// FuzzInferenceShortcuts: inference parses a cell as a number only when
// mayBeNumber says it may be one, and as a date only when mayBeDate does.
// Neither may ever turn away a cell the parsers accept, under any number
// format a site can set; codeDigits is the rule for codes written out.
func FuzzInferenceShortcuts(f *testing.F) {
	for _, s := range []string{"", "0201", "-007", "+0", "0", "1234567890123456", "123456789012345", "+-01", "广东省民政厅", "1,012.48", "２０１３－０３－０５", "2013年3月5日", "2013年3月", "2013/3/5",
		"2013.3.5", "NaN", "inf", "-", "—", "(1,234)", "12%", "５Ａ", "一百", "1e3", "0x1F", "12-", " 7 ", "2013-03-05 08:00", "٣"} {
		f.Add(s)
	}
	formats := []value.NumberFormat{
		{Group: ",", Decimal: "."},
		{Group: ".", Decimal: ",", FullWidth: true, ParenNegative: true},
		{Group: " ", Decimal: ".", FullWidth: true},
	}
	leadingZero := regexp.MustCompile(`^[+-]?0[0-9]+$|^[0-9]{16,}$`)
	f.Fuzz(func(t *testing.T, s string) {
		if codeDigits(s) != leadingZero.MatchString(s) {
			t.Fatalf("codeDigits(%q) = %v, the rule says %v", s, codeDigits(s), !codeDigits(s))
		}
		if !mayBeNumber(s) {
			for _, nf := range formats {
				if n, err := value.ParseNumber(s, nf); err == nil {
					t.Fatalf("%q is the number %s under %+v, but mayBeNumber says it cannot be", s, n.Decimal, nf)
				}
			}
		}
		if !mayBeDate(s) {
			if d, err := value.ParseDate(s, defaultDateFormats); err == nil {
				t.Fatalf("%q is the date %v, but mayBeDate says it cannot be", s, d)
			}
		}
	})
}
