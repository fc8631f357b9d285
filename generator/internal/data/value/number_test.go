package value

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

var (
	plain     = NumberFormat{}
	site      = DefaultNumberFormat()
	european  = NumberFormat{Group: ".", Decimal: ","}
	french    = NumberFormat{Group: " ", Decimal: ","}
	lenient   = NumberFormat{Group: ",", Decimal: ".", FullWidth: true, ParenNegative: true}
	fullWidth = NumberFormat{Group: ",", Decimal: ".", FullWidth: true}
	account   = NumberFormat{Group: ",", Decimal: ".", ParenNegative: true}
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		f      NumberFormat
		dec    string
		suffix string
	}{
		{"integer", "12", site, "12", ""},
		{"grouped", "1,234", site, "1234", ""},
		{"grouped with decimals", "1,234,567.5", site, "1234567.5", ""},
		{"negative", "-1,234.25", site, "-1234.25", ""},
		{"plus sign", "+5", site, "5", ""},
		{"zero", "0", site, "0", ""},
		{"negative zero has no sign", "-0", site, "0", ""},
		{"negative zero with decimals", "-0.00", site, "0", ""},
		{"small fraction", "-0.25", site, "-0.25", ""},
		{"leading point", ".5", site, "0.5", ""},
		{"leading point with sign", "-.5", site, "-0.5", ""},
		{"leading zeros dropped", "007", site, "7", ""},
		{"leading zeros dropped, negative", "-0012.3400", site, "-12.34", ""},
		{"trailing fractional zeros dropped", "12.50", site, "12.5", ""},
		{"all fractional zeros dropped", "12.000", site, "12", ""},
		{"surrounding spaces", "  42  ", site, "42", ""},
		{"tabs", "\t42\t", site, "42", ""},
		{"no-break spaces", "\u00a042\u00a0", site, "42", ""},
		{"ideographic spaces", "\u300042\u3000", site, "42", ""},
		{"ungrouped in a grouped column", "1234567", site, "1234567", ""},
		{"plain format", "1234.5", plain, "1234.5", ""},

		{"percent", "45%", site, "45", "%"},
		{"percent after a space", "45 %", site, "45", "%"},
		{"per mille", "3.5‰", site, "3.5", "‰"},
		{"万元", "12万元", site, "12", "万元"},
		{"亿", "3.5亿", site, "3.5", "亿"},
		{"元 after a space", "1,234 元", site, "1234", "元"},
		{"suffix trimmed", "12 人 ", site, "12", "人"},
		{"suffix not interpreted", "12abc", site, "12", "abc"},

		{"dot groups, comma decimals: 1,7", "1,7", european, "1.7", ""},
		{"dot groups, comma decimals: 200.000.000", "200.000.000", european, "200000000", ""},
		{"dot groups, comma decimals", "1.234.567,89", european, "1234567.89", ""},
		{"space groups", "1 234 567,5", french, "1234567.5", ""},
		{"no-break space groups", "1\u00a0234\u00a0567,5", french, "1234567.5", ""},
		{"narrow no-break space groups", "1\u202f234", french, "1234", ""},
		{"space groups then a suffix", "1 234 万元", NumberFormat{Group: " "}, "1234", "万元"},
		{"decimal comma without groups", "1,7", NumberFormat{Decimal: ","}, "1.7", ""},

		{"accounting negative", "(1,234)", account, "-1234", ""},
		{"accounting negative with decimals", "(1,234.50)", account, "-1234.5", ""},
		{"accounting zero", "(0)", account, "0", ""},
		{"accounting negative with suffix", "(12)万元", account, "-12", "万元"},
		{"accounting negative percentage", "(12.5%)", account, "-12.5", "%"},
		{"accounting negative with suffix inside", "(12 万元 )", account, "-12", "万元"},

		{"full-width", "１２３，４５６．５", fullWidth, "123456.5", ""},
		{"full-width minus", "－５", fullWidth, "-5", ""},
		{"full-width percent", "４５％", fullWidth, "45", "%"},
		{"full-width parentheses", "（１，２３４）", lenient, "-1234", ""},
		{"full-width space before suffix", "12\u3000万元", fullWidth, "12", "万元"},

		{"long integer stays exact", strings.Repeat("9", 300), plain, strings.Repeat("9", 300), ""},
		{"long fraction stays exact", "0." + strings.Repeat("0", 400) + "1", plain, "0." + strings.Repeat("0", 400) + "1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := ParseNumber(tt.in, tt.f)
			if err != nil {
				t.Fatalf("ParseNumber(%q) error: %v", tt.in, err)
			}
			if n.Decimal != tt.dec || n.Suffix != tt.suffix {
				t.Errorf("ParseNumber(%q) = %q, suffix %q; want %q, suffix %q", tt.in, n.Decimal, n.Suffix, tt.dec, tt.suffix)
			}
			if want := mustFloat(t, tt.dec); n.Float != want {
				t.Errorf("ParseNumber(%q).Float = %v, want %v", tt.in, n.Float, want)
			}
		})
	}
}

func TestParseNumberErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		f      NumberFormat
		offset int
		msg    string // the whole message, or a part of it that matters
	}{
		{"empty", "", site, 0, "the cell is empty: write a number, like 1,234.5"},
		{"blank", "   ", site, 0, "the cell is empty"},
		{"two separators in a row", "123,,456", site, 4, `"123,,456" is not a number: it has two commas in a row`},
		{"group of two", "12,34", site, 2, `"12,34" is not a number: a comma here groups thousands and cannot be a decimal comma, so write "12.34" or "12,340"`},
		{"decimal comma", "12,5", site, 2, `"12,5" is not a number: a comma here groups thousands and cannot be a decimal comma, so write "12.5" or "12,500"`},
		{"decimal comma from csvkit test_locale", "1,7", site, 1, "decimal comma"},
		{"dot grouping from csvkit test_locale", "200.000.000", site, 7, `"200.000.000" is not a number: it has more than one decimal point; if the dots group thousands, write "200,000,000"`},
		{"dot grouping without a suggestion", "1.5.3", site, 3, `"1.5.3" is not a number: it has more than one decimal point`},
		{"decimal dot in a dot-grouped column", "1.7", european, 1, `"1.7" is not a number: a dot here groups thousands and cannot be a decimal point, so write "1,7" or "1.700"`},
		{"uneven groups", "12,34,567", site, 2, "commas must split the digits into groups of three, like 1,234,567"},
		{"first group too long", "1234,567", site, 0, `write "1234.567" for a decimal`},
		{"first group too long, several groups", "1234,567,890", site, 0, "groups of three"},
		{"group of four", "1,2345", site, 1, `so write "1.2345" for a decimal`},
		{"first group is zero", "0,125", site, 0, `write "0.125" for a decimal`},
		{"uneven space groups", "12 34", NumberFormat{Group: " "}, 2, "spaces must split the digits into groups of three"},
		{"trailing separator", "1,234,", site, 5, `it has a comma with no digits after it; write "1,234"`},
		{"swapped marks", "1.234,5", site, 5, `it uses "." to group thousands and "," for decimals, but this column uses "," and "."; write "1,234.5"`},
		{"swapped marks, other way", "1,234.56", european, 5, `write "1.234,56"`},
		{"separators not allowed", "1,234", plain, 1, `this column does not use thousands separators; write "1234"`},
		{"decimal comma not allowed", "1,7", plain, 1, `this column uses "." as the decimal mark, not ","; write "1.7"`},
		{"wrong group separator", "1,234.5", NumberFormat{Group: " "}, 1, `this column groups thousands with " ", not ","`},
		{"space between digits", "1 234", site, 1, "it has a space between digits"},
		{"no-break space between digits", "1\u00a0234", site, 1, `"1<U+00A0>234" is not a number: it has a space between digits`},

		{"trailing point", "5.", site, 1, `"5." has a decimal point with no digits after it: write "5"`},
		{"point alone", ".", site, 0, `"." is not a number`},
		{"sign alone", "-", site, 1, "if it stands for zero, as in Excel's accounting format, write 0"},
		{"plus alone", "+", site, 1, "leave the cell empty"},
		{"NaN", "NaN", site, 0, `"NaN" means "not a number"`},
		{"nan", "nan", site, 0, "not a number"},
		{"INF", "INF", site, 0, `"INF" means infinity`},
		{"-INF", "-INF", site, 1, "infinity"},
		{"Infinity", "Infinity", site, 0, "infinity"},
		{"hexadecimal", "0x10", site, 0, `"0x10" is written in hexadecimal: write it in decimal, like 16`},
		{"scientific", "1e3", site, 1, `"1e3" is written in scientific notation: write the number in full, like 1000`},
		{"Excel scientific", "1.23E+11", site, 4, "like 123000000000; Excel writes wide numbers this way, so format the column as Number in Excel"},
		{"Excel scientific, plain", "1E+11", site, 1, "like 100000000000"},
		{"negative exponent", "-2.00E-02", site, 5, "like 0.02"},
		{"huge exponent", "1e999", site, 1, "write the number in full; Excel"},

		{"accounting negative not declared", "(1,234)", site, 0, `"(1,234)" is an accounting negative in parentheses, which this column does not accept: write it with a minus sign, like "-1234"`},
		{"accounting negative with decimal comma", "(1.234,5)", european, 0, `like "-1234,5"`},
		{"accounting negative not closed", "(1,234", account, 6, "the opening parenthesis has no closing one"},
		{"accounting negative, two closing", "(12))", account, 4, `")" cannot come here`},
		{"space after the parenthesis", "( 12)", account, 1, `it has a space before the digits; write "(12)"`},
		{"accounting negative, suffix then more", "(12%)x", account, 3, "no closing one"},
		{"sign inside parentheses", "(-5)", account, 1, "without a sign"},
		{"closing parenthesis alone", "5)", site, 1, "closing parenthesis without an opening one"},
		{"trailing minus", "1234-", site, 4, `"1234-" has the minus sign after the number: write it in front, like "-1234"`},
		{"minus between digits", "12-30", site, 2, `"-" cannot come between digits`},
		{"dash instead of minus", "−5", site, 0, `which is a dash, not a minus sign: write "-5"`},
		{"space after sign", "- 5", site, 1, `it has a space before the digits; write "-5"`},
		{"currency sign", "¥1,234", site, 0, `starts with the currency sign "¥"`},
		{"dollar from frictionless number-test", "$4.00 ", site, 0, "currency sign"},

		{"full-width digit", "１２３", site, 0, `"１" is a full-width digit: type it in half-width (半角) as "1"`},
		{"full-width comma", "123，456", site, 3, `"，" is a full-width comma`},
		{"full-width percent", "45％", site, 2, `"％" is a full-width percent sign`},
		{"full-width after spaces", "  １", site, 2, "full-width digit"},

		{"letters", "abc", site, 0, `"abc" is not a number: write it with the digits 0-9, like 1,234.5`},
		{"Chinese numerals", "一百", site, 0, "Chinese numerals"},
		{"em dash", "—", site, 0, `"—" is not a number`},
		{"zero-width space", "12\u200b", site, 2, `"12<U+200B>" contains an invisible character, a zero-width space (U+200B)`},
		{"byte order mark", "\ufeff12", site, 0, "byte order mark"},
		{"NUL", "1\x002", site, 1, "NUL"},
		{"not UTF-8", "12\xff", site, 2, "not valid UTF-8"},
		{"unexpected comma after space", "12 ,5", site, 3, `"," cannot come here`},
		{"too large", "1" + strings.Repeat("0", 400), plain, 0, "too large"},

		{"format: bad decimal mark", "1", NumberFormat{Decimal: ";"}, 0, "the number format is not valid"},
		{"format: bad group", "1", NumberFormat{Group: "'"}, 0, "the number format is not valid"},
		{"format: same marks", "1", NumberFormat{Group: "."}, 0, "cannot be both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := ParseNumber(tt.in, tt.f)
			if err == nil {
				t.Fatalf("ParseNumber(%q) = %+v, want an error", tt.in, n)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("ParseNumber(%q) error is %T, want *Error", tt.in, err)
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("ParseNumber(%q) error\n  %s\nwant it to contain\n  %s", tt.in, e.Msg, tt.msg)
			}
			if e.Offset != tt.offset {
				t.Errorf("ParseNumber(%q) error offset %d, want %d (%s)", tt.in, e.Offset, tt.offset, e.Msg)
			}
		})
	}
}

// TestParseNumberFrictionless runs the number column of frictionless-py's
// number-test.csv (in the shared corpus) through the site format.
func TestParseNumberFrictionless(t *testing.T) {
	tests := []struct {
		in, dec, suffix string // dec "" means an error
	}{
		{"NaN", "", ""},
		{"INF", "", ""},
		{"-INF", "", ""},
		{"-1", "-1", ""},
		{"0", "0", ""},
		{"1", "1", ""},
		{"-99.99", "-99.99", ""},
		{"-0", "0", ""},
		{"95%", "95", "%"},
		{"$4.00 ", "", ""},
		{"-2.00E-02", "", ""},
		{"3E+3", "", ""},
		{"4e4", "", ""},
	}
	for _, tt := range tests {
		n, err := ParseNumber(tt.in, site)
		if tt.dec == "" {
			if err == nil {
				t.Errorf("ParseNumber(%q) = %+v, want an error", tt.in, n)
			}
			continue
		}
		if err != nil || n.Decimal != tt.dec || n.Suffix != tt.suffix {
			t.Errorf("ParseNumber(%q) = %q, %q, %v; want %q, %q", tt.in, n.Decimal, n.Suffix, err, tt.dec, tt.suffix)
		}
	}
}

func TestParseNumberLongInput(t *testing.T) {
	start := time.Now()
	long := strings.Repeat("1", 1_000_000)
	if _, err := ParseNumber(long, plain); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("a million digits: got %v, want a too-large error", err)
	}
	if e := parseErr(ParseNumber("1,"+long, site)); e == nil || !strings.Contains(e.Msg, "groups thousands") {
		t.Errorf("a million digits after a comma: got %v, want a grouping error", e)
	}
	tiny := "0." + strings.Repeat("0", 1_000_000) + "1"
	n, e := ParseNumber(tiny, site)
	if e != nil || n.Decimal != tiny || n.Float != 0 {
		t.Errorf("a million fractional digits: got %q… %v %v", n.Decimal[:10], n.Float, e)
	}
	if e := parseErr(ParseNumber(strings.Repeat("1,234", 200_000), site)); e == nil {
		t.Error("run-together groups: want an error")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("long inputs took %v", d)
	}
}

// parseErr returns the *Error from a ParseNumber result, or nil.
func parseErr(_ Number, e error) *Error {
	if e == nil {
		return nil
	}
	return e.(*Error)
}

func TestParseNumberAllocs(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"1234567.5", 0},
		{"-12.5", 0},
		{"45%", 0},
		{"12 万元", 0},
		{"1,234,567.5", 1},
		{"007", 0},
	}
	for _, tt := range tests {
		got := testing.AllocsPerRun(100, func() { _, _ = ParseNumber(tt.in, site) })
		if got > tt.want {
			t.Errorf("ParseNumber(%q) allocates %v times, want at most %v", tt.in, got, tt.want)
		}
	}
}

func BenchmarkParseNumber(b *testing.B) {
	cells := []string{"1234567.5", "1,234,567.5", "45%", "-0.25", "12万元"}
	for b.Loop() {
		for _, c := range cells {
			if _, err := ParseNumber(c, site); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// mustFloat parses s as a float64.
func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestGroupThousands(t *testing.T) {
	for _, tt := range []struct{ in, sep, want string }{
		{"1234567.891", ",", "1,234,567.891"}, {"-1234", ",", "-1,234"}, {"999", ",", "999"},
		{"-999.5", ",", "-999.5"}, {"12000", "", "12000"}, {"1000000", " ", "1 000 000"}, {"0.5", ",", "0.5"},
	} {
		if got := GroupThousands(tt.in, tt.sep); got != tt.want {
			t.Errorf("GroupThousands(%q, %q) = %q, want %q", tt.in, tt.sep, got, tt.want)
		}
	}
}
