package value

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unit is a unit of measure: a family and a power of ten of the family's
// base unit. The family "" holds the bare multipliers (万, 亿, …), which
// combine with any family.
type unit struct {
	family string
	exp    int
}

// lookupUnit returns the unit named u.
func lookupUnit(u string) (unit, bool) {
	switch u {
	case "":
		return unit{"", 0}, true
	case "万":
		return unit{"", 4}, true
	case "亿":
		return unit{"", 8}, true
	case "万亿":
		return unit{"", 12}, true
	case "%":
		return unit{"%", -2}, true
	case "‰":
		return unit{"%", -3}, true
	case "元":
		return unit{"元", 0}, true
	case "千元":
		return unit{"元", 3}, true
	case "万元":
		return unit{"元", 4}, true
	case "百万元":
		return unit{"元", 6}, true
	case "亿元":
		return unit{"元", 8}, true
	case "万亿元":
		return unit{"元", 12}, true
	}
	for _, base := range [...]string{"人", "人次", "个", "户", "件"} {
		switch u {
		case base:
			return unit{base, 0}, true
		case "万" + base:
			return unit{base, 4}, true
		}
	}
	return unit{}, false
}

// Scale converts an exact decimal between units of the same family:
// 元/千元/万元/百万元/亿元/万亿元, 人/万人, 人次/万人次, 个/万个, 户/万户,
// 件/万件, and %/‰ as fractions of 1. The bare multipliers 万, 亿 and 万亿,
// and "" for no unit, work with any family: "" is its base unit. Scale
// shifts the decimal point exactly (no float) and returns canonical decimal
// text, e.g. Scale("3.5", "亿元", "万元") = "35000" and Scale("12", "万", "")
// = "120000". ok is false when a unit is unknown, the units are of
// different families, or dec is not decimal text like "-12.5".
func Scale(dec, from, to string) (string, bool) {
	a, ok := lookupUnit(from)
	if !ok {
		return "", false
	}
	b, ok := lookupUnit(to)
	if !ok || (a.family != b.family && a.family != "" && b.family != "") {
		return "", false
	}
	return shiftDecimal(dec, a.exp-b.exp)
}

// maxShift bounds shiftDecimal, so that no caller can ask for a huge string.
const maxShift = 100

// shiftDecimal multiplies the decimal text dec (an optional "-", digits,
// optionally "." and digits; ".5" is allowed) by 10^exp and returns the
// result as canonical decimal text.
func shiftDecimal(dec string, exp int) (string, bool) {
	if exp > maxShift || exp < -maxShift {
		return "", false
	}
	neg := strings.HasPrefix(dec, "-")
	if neg {
		dec = dec[1:]
	}
	ip, fp, hasPoint := strings.Cut(dec, ".")
	if (ip == "" && fp == "") || (hasPoint && fp == "") || !allDigits(ip) || !allDigits(fp) {
		return "", false
	}
	digits := ip + fp
	point := len(ip) + exp // where the decimal point goes in digits
	var intPart, fracPart string
	switch {
	case point <= 0:
		intPart, fracPart = "", strings.Repeat("0", -point)+digits
	case point >= len(digits):
		intPart, fracPart = digits+strings.Repeat("0", point-len(digits)), ""
	default:
		intPart, fracPart = digits[:point], digits[point:]
	}
	intPart = strings.TrimLeft(intPart, "0")
	fracPart = strings.TrimRight(fracPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	out := intPart
	if fracPart != "" {
		out += "." + fracPart
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out, true
}

// allDigits reports whether s has only ASCII digits (true for "").
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// UnitFromHeader extracts a declared unit from a header like "金额(万元)",
// "金额（万元）", "人数（人）", "比例(%)" or "金额（单位：万元）", returning the
// bare name "金额" and the unit "万元". The unit is the text in the last pair
// of parentheses (half- or full-width) that ends the header, with a leading
// "单位：" removed and full-width forms such as "％" folded to ASCII. It is
// not checked: a header like "预算数(2013年)" gives the unit "2013年", so a
// caller that knows no such unit should keep the whole header as the name.
// With no unit it returns (h, "").
func UnitFromHeader(h string) (name, unit string) {
	t := strings.TrimFunc(h, unicode.IsSpace)
	var inner string
	switch {
	case strings.HasSuffix(t, ")"):
		inner = t[:len(t)-len(")")]
	case strings.HasSuffix(t, "）"):
		inner = t[:len(t)-len("）")]
	default:
		return h, ""
	}
	open := strings.LastIndexAny(inner, "(（")
	if open < 0 || strings.ContainsAny(inner[open:], ")）") {
		return h, ""
	}
	name = strings.TrimFunc(inner[:open], unicode.IsSpace)
	_, size := utf8.DecodeRuneInString(inner[open:])
	unit = strings.TrimFunc(inner[open+size:], unicode.IsSpace)
	for _, label := range [...]string{"单位：", "单位:"} {
		if rest, ok := strings.CutPrefix(unit, label); ok {
			unit = strings.TrimFunc(rest, unicode.IsSpace)
		}
	}
	if name == "" || unit == "" {
		return h, ""
	}
	return name, foldString(unit)
}
