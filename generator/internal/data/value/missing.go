package value

import "unicode/utf8"

// IsMissing reports whether the cell is blank (after trimming white space,
// including U+00A0 and U+3000) or exactly one of the declared tokens after
// both are trimmed. Tokens such as "NA", "N/A", "NULL", "-", "—" and "." mean
// missing only when a column declares them; the match is case-sensitive.
func IsMissing(s string, tokens []string) bool {
	t, _ := trimSpace(s)
	if t == "" {
		return true
	}
	for _, tok := range tokens {
		if tt, _ := trimSpace(tok); tt != "" && tt == t {
			return true
		}
	}
	return false
}

// NormalizeCode trims white space (including U+00A0 and U+3000) from a code
// kept as text, and changes nothing else: leading zeros stay ("0123" stays
// "0123"), and case and width are left for the code's own check.
func NormalizeCode(s string) string {
	if s != "" && s[0] > ' ' && s[0] < utf8.RuneSelf && s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf {
		return s // no space can start or end it: the common case, spared the search
	}
	t, _ := trimSpace(s)
	return t
}
