package seed

import (
	"regexp"
	"strings"
	"unicode"
)

// wideFor maps each ASCII punctuation mark the scrape substituted to its full-width original.
var wideFor = map[rune]rune{
	',': '，',
	';': '；',
	':': '：',
	'(': '（',
	')': '）',
	'?': '？',
	'!': '！',
}

// rawDocNumber matches a document number whose 〔〕 the scrape turned into ?, e.g. 粤发?2011?17号.
var rawDocNumber = regexp.MustCompile(`(\p{Han})\?(\d{4})\?(\d+号)`)

// urlPattern matches a URL; its characters are never repaired.
var urlPattern = regexp.MustCompile(`https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+`)

// Repair fixes the scrape's character damage in s: 臵 becomes 置, ?2011? in a
// document number becomes 〔2011〕, and ASCII , ; : ( ) ? ! next to Chinese
// text (or bracketing a group that contains Chinese) become full-width.
//
// Every repair replaces one rune by one rune; nothing else changes, and URLs
// are left alone.
func Repair(s string) string {
	s = strings.ReplaceAll(s, "臵", "置")
	s = rawDocNumber.ReplaceAllString(s, "${1}〔${2}〕${3}")
	return fullWidth(s)
}

// fullWidth applies the punctuation repair; decisions are made on the input runes.
func fullWidth(s string) string {
	rs := []rune(s)
	skip := make([]bool, len(rs))
	for _, m := range urlPattern.FindAllStringIndex(s, -1) {
		start := len([]rune(s[:m[0]]))
		end := start + len([]rune(s[m[0]:m[1]]))
		for i := start; i < end; i++ {
			skip[i] = true
		}
	}
	out := make([]rune, len(rs))
	copy(out, rs)
	for i, r := range rs {
		w, ok := wideFor[r]
		if !ok || skip[i] {
			continue
		}
		if (i > 0 && isWide(rs[i-1])) || (i+1 < len(rs) && isWide(rs[i+1])) || inChineseGroup(rs, i) {
			out[i] = w
		}
	}
	return string(out)
}

// inChineseGroup reports whether rs[i] is a parenthesis of a flat (…) group that contains a Han character.
func inChineseGroup(rs []rune, i int) bool {
	var from, to, step int
	switch rs[i] {
	case '(':
		from, to, step = i+1, len(rs), 1
	case ')':
		from, to, step = i-1, -1, -1
	default:
		return false
	}
	han := false
	for j := from; j != to; j += step {
		switch rs[j] {
		case '(', ')':
			return han && rs[j] != rs[i]
		}
		if unicode.Is(unicode.Han, rs[j]) {
			han = true
		}
	}
	return false
}

// isWide reports whether r is a CJK ideograph or CJK/full-width punctuation.
func isWide(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3000 && r <= 0x303F: // CJK symbols and punctuation: 、。〔〕《》…
		return true
	case r >= 0xFF00 && r <= 0xFFEF: // half- and full-width forms: （），；：
		return true
	case r >= 0xFE30 && r <= 0xFE4F: // CJK compatibility forms
		return true
	}
	switch r {
	case '—', '…', '“', '”', '‘', '’', '·':
		return true
	}
	return false
}
