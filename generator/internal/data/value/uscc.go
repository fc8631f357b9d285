package value

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// usccAlphabet lists the characters of a 统一社会信用代码 in order of their
// value (GB 32100-2015): the digits, then the capital letters without I, O,
// S, V and Z.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccLen is the length of a 统一社会信用代码.
const usccLen = 18

// CheckUSCC checks a 统一社会信用代码 (unified social credit code, GB
// 32100-2015): 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O,
// S, V or Z), the 18th a check character computed from the first 17 with
// weights 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
// modulo 31 (check = 31 - sum mod 31, and 31 is written "0"). Surrounding
// white space is ignored. The error names what is wrong: the length, a
// character that is not allowed (lowercase letters included) and where it
// is, or the check character.
func CheckUSCC(s string) error {
	t, lead := trimSpace(s)
	if t == "" {
		return errorf(0, "the code is empty: a 统一社会信用代码 has 18 characters, like 91350100M000100Y43")
	}
	q := quote(t)
	if strings.ContainsAny(t, "Ee") && strings.ContainsAny(t, "+.") && strings.Trim(t, "0123456789.Ee+") == "" {
		return errorf(lead, "%s is a code that Excel turned into a number in scientific notation, losing digits: format the column as Text in Excel, type the code again, and save as CSV", q)
	}
	var vals [usccLen]int
	n := 0
	for i, r := range t {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(t[i:]); size == 1 {
				return errorf(lead+n, "%s has a byte (%02X) that is not valid UTF-8: the file may be in another encoding", q, t[i])
			}
		}
		v := strings.IndexRune(usccAlphabet, r)
		if v < 0 {
			return errorf(lead+n, "%s is not a valid 统一社会信用代码: %s", q, usccCharProblem(r, n+1))
		}
		if n < usccLen {
			vals[n] = v
		}
		n++
	}
	if n != usccLen {
		msg := "%s has %d characters, but a 统一社会信用代码 has 18"
		if n == 15 && allDigits(t) {
			msg += " (a 15-digit number is an old business registration number, not a 统一社会信用代码)"
		}
		return errorf(lead+min(n, usccLen), msg, q, n)
	}
	// The weights are 3^i mod 31 for the i-th character.
	weights := [usccLen - 1]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	sum := 0
	for i, w := range weights {
		sum += vals[i] * w
	}
	want := usccAlphabet[(31-sum%31)%31]
	if got := t[usccLen-1]; got != want {
		return errorf(lead+usccLen-1, "%s is not a valid 统一社会信用代码: check character is %s but should be %s: the code has a typo", q, quote(string(got)), quote(string(want)))
	}
	return nil
}

// usccCharProblem says why r, the pos-th character (1-based), cannot be in
// a 统一社会信用代码.
func usccCharProblem(r rune, pos int) string {
	c := quote(string(r))
	switch {
	case r >= 'a' && r <= 'z':
		return fmt.Sprintf("%s at position %d is a lowercase letter: these codes use capital letters, so write %s", c, pos, quote(strings.ToUpper(string(r))))
	case r == 'I' || r == 'O' || r == 'S' || r == 'V' || r == 'Z':
		msg := fmt.Sprintf("%s at position %d is never used in these codes (they have no I, O, S, V or Z)", c, pos)
		switch r {
		case 'I':
			msg += `: check whether it should be "1"`
		case 'O':
			msg += `: check whether it should be "0"`
		case 'S':
			msg += `: check whether it should be "5"`
		case 'Z':
			msg += `: check whether it should be "2"`
		}
		return msg
	case isFullWidth(r) && r != 0x3000:
		return fmt.Sprintf("%s at position %d is a full-width character: type it in half-width (半角) as %s", c, pos, quote(string(foldWidth(r))))
	case r == ' ' || invisible(r):
		return fmt.Sprintf("it has a space or an invisible character at position %d: delete it", pos)
	}
	return fmt.Sprintf("%s at position %d is not allowed: these codes have only digits and capital letters", c, pos)
}
