package data

import "strings"

// pow10 are the exact powers of ten a float64 holds.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// fastNumber reads the common shape of a number cell — ASCII digits, an
// optional leading "-", thousands groups of exactly three digits, an optional
// fraction — at a fraction of value.ParseNumber's cost, with the same result
// (trailing fraction zeros are left out: "12.50" is 12.5). Anything else
// (leading zeros, units, more than 15 digits, any error) returns ok=false and
// goes to value.ParseNumber, which also writes the messages. FuzzFastNumber
// checks the two agree.
func fastNumber(t string, group, dec byte) (text string, f float64, ok bool) {
	f, cut, ok := scanNumber(t, group, dec)
	if !ok {
		return "", 0, false
	}
	t = t[:len(t)-cut]
	if strings.IndexByte(t, group) < 0 && (dec == '.' || strings.IndexByte(t, dec) < 0) {
		return t, f, true // already canonical: no copy
	}
	b := make([]byte, 0, len(t))
	for i := range len(t) {
		switch c := t[i]; c {
		case group:
		case dec:
			b = append(b, '.')
		default:
			b = append(b, c)
		}
	}
	return string(b), f, true
}

// scanNumber reads a number of fastNumber's shape. Its exact text is
// t[:len(t)-cut] without the group marks and with "." for dec: cut counts the
// trailing fraction zeros, and the decimal mark when nothing else follows it.
func scanNumber(t string, group, dec byte) (f float64, cut int, ok bool) {
	if len(t) == 0 || len(t) > 36 {
		return 0, 0, false
	}
	i := 0
	neg := t[0] == '-'
	if neg {
		i = 1
	}
	var mant uint64
	digits, run, groups := 0, 0, 0
	start := i
	for ; i < len(t) && t[i] != dec; i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint64(c-'0')
			digits++
			run++
		case group != 0 && c == group:
			if run == 0 || run > 3 || groups > 0 && run != 3 {
				return 0, 0, false
			}
			groups++
			run = 0
		default:
			return 0, 0, false
		}
	}
	if digits == 0 || groups > 0 && run != 3 || t[start] == '0' && digits > 1 {
		return 0, 0, false
	}
	frac := 0
	if i < len(t) { // t[i] is the decimal mark
		point := i
		for i++; i < len(t); i++ {
			c := t[i]
			if c < '0' || c > '9' {
				return 0, 0, false
			}
			mant = mant*10 + uint64(c-'0')
			frac++
		}
		if frac == 0 {
			return 0, 0, false
		}
		// The same rational number with the zeros or without, so the
		// division below rounds the same.
		end := len(t)
		for t[end-1] == '0' {
			end--
		}
		if end == point+1 {
			end = point
		}
		cut = len(t) - end
	}
	if digits+frac > 15 || neg && mant == 0 {
		return 0, 0, false
	}
	f = float64(mant) / pow10[frac]
	if neg {
		f = -f
	}
	return f, cut, true
}
