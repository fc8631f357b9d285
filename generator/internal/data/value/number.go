package value

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NumberFormat declares how numbers are written in a column. The zero value
// accepts plain numbers only: no thousands separators, "." as the decimal
// mark, no full-width characters, no parentheses.
type NumberFormat struct {
	// Group is the thousands separator allowed between groups of three
	// digits: "," (the site default), ".", " " or "" (none allowed). " "
	// also accepts a no-break space (U+00A0), a narrow no-break space
	// (U+202F) and a thin space (U+2009).
	Group string
	// Decimal is the decimal mark: "." (also meant by "") or ",".
	Decimal string
	// FullWidth accepts full-width digits and signs (１２３，．－％) by
	// folding them to ASCII; when false they are an error naming the
	// character.
	FullWidth bool
	// ParenNegative accepts accounting negatives: "(1,234)" is -1234, and a
	// suffix may follow or sit inside the parentheses: "(1,234)万元",
	// "(12%)". When false they are an error saying how to write a negative
	// number.
	ParenNegative bool
}

// DefaultNumberFormat returns the site's default format: "," groups
// thousands and "." marks decimals; full-width characters and accounting
// negatives are errors.
func DefaultNumberFormat() NumberFormat {
	return NumberFormat{Group: ",", Decimal: "."}
}

// Number is an exact decimal parsed from a cell.
type Number struct {
	// Decimal is the canonical exact decimal text: an optional "-", digits,
	// then optionally "." and digits. It has no grouping, no leading zeros
	// (except "0.x"), no trailing fractional zeros and no negative zero, so
	// equal values have equal text: "1234567.5", "-0.25", "12".
	Decimal string
	// Float is the same value as a float64; it may lose precision that
	// Decimal keeps.
	Float float64
	// Suffix is the text after the number, trimmed: "", "%", "‰", "万",
	// "亿", "万元", "元", "人", …; the caller decides whether it is allowed.
	Suffix string
}

// ParseNumber parses a number written in format f, with an optional suffix
// such as "%" or "万元" after it (a space between is allowed). An empty cell is
// an error: callers decide what blank means before calling.
func ParseNumber(s string, f NumberFormat) (Number, error) {
	n, err := parseNumber(s, f, true)
	if err != nil {
		return Number{}, err
	}
	return n, nil
}

// parseNumber is ParseNumber returning a concrete error type. With hints, an
// error may parse variants of s to suggest a fix; the variants are parsed
// without hints, so this never recurses further.
func parseNumber(s string, f NumberFormat, hints bool) (Number, *Error) {
	group, dec, err := f.marks()
	if err != nil {
		return Number{}, err
	}
	if printableASCII(s) { // the common cell: nothing to trim, fold or check
		p := numParser{orig: s, t: s, f: f, group: group, dec: dec, hints: hints}
		return p.parse()
	}
	orig, lead := trimSpace(s)
	p := numParser{orig: orig, t: orig, lead: lead, f: f, group: group, dec: dec, hints: hints}
	if orig == "" {
		return Number{}, errorf(0, "the cell is empty: write a number, like %s", p.example())
	}
	if err := checkText(orig, lead); err != nil {
		return Number{}, err
	}
	if f.FullWidth {
		p.t = foldString(orig)
	} else if err := fullWidthError(orig, lead); err != nil {
		return Number{}, err
	}
	return p.parse()
}

// printableASCII reports whether s is non-empty and all visible ASCII (no
// spaces, no controls, nothing full-width).
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7F {
			return false
		}
	}
	return s != ""
}

// marks checks the format and returns its group separator and decimal mark.
func (f NumberFormat) marks() (group string, dec byte, err *Error) {
	switch f.Decimal {
	case "", ".":
		dec = '.'
	case ",":
		dec = ','
	default:
		return "", 0, errorf(0, "the number format is not valid: the decimal mark must be \".\" or \",\", not %s", quote(f.Decimal))
	}
	switch f.Group {
	case "", ",", ".", " ":
	default:
		return "", 0, errorf(0, "the number format is not valid: the thousands separator must be \",\", \".\", \" \" or none, not %s", quote(f.Group))
	}
	if f.Group == string(dec) {
		return "", 0, errorf(0, "the number format is not valid: %s cannot be both the thousands separator and the decimal mark", quote(f.Group))
	}
	return f.Group, dec, nil
}

// numParser holds one cell being parsed. Positions are byte indexes into t.
type numParser struct {
	orig  string // trimmed cell text as written, quoted in messages
	t     string // orig with full-width forms folded, when the format allows them
	lead  int    // runes trimmed in front of orig
	f     NumberFormat
	group string // "", ",", "." or " "
	dec   byte   // '.' or ','
	hints bool   // whether an error may parse variants to suggest a fix
}

// errAt returns an error at byte index i of p.t. Folding maps rune to rune,
// so the rune offset in p.t is the rune offset in the cell.
func (p *numParser) errAt(i int, format string, args ...any) *Error {
	return errorf(p.lead+utf8.RuneCountInString(p.t[:i]), format, args...)
}

// parse reads [(] [sign] digits [group digits]… [decimal digits] [)] [suffix].
func (p *numParser) parse() (Number, *Error) {
	t := p.t
	i := 0
	neg, paren := false, false
	if t[0] == '(' {
		if !p.f.ParenNegative {
			return Number{}, p.parenError()
		}
		neg, paren = true, true
		i++
	}
	signAt := -1
	if i < len(t) && (t[i] == '+' || t[i] == '-') {
		if paren {
			return Number{}, p.errAt(i, "%s is not a number: inside parentheses write the number without a sign, like (1234)", quote(p.orig))
		}
		signAt, neg = i, t[i] == '-'
		i++
	}
	body := i
	i = skipDigits(t, i)
	grouped := false
	if p.group != "" && i > body {
		var err *Error
		if i, grouped, err = p.groups(body, i); err != nil {
			return Number{}, err
		}
	}
	intEnd := i
	fracStart, fracEnd := i, i
	if i < len(t) && t[i] == p.dec {
		j := skipDigits(t, i+1)
		if j > i+1 {
			fracStart, fracEnd, i = i+1, j, j
		} else if intEnd > body {
			return Number{}, p.errAt(i, "%s has a decimal %s with no digits after it: write %s", quote(p.orig), decName(p.dec), quote(t[:i]+t[i+1:]))
		}
	}
	if intEnd == body && fracEnd == fracStart {
		return Number{}, p.notNumber(body)
	}
	if err := p.checkAfter(i, body, intEnd, fracStart, fracEnd); err != nil {
		return Number{}, err
	}
	suffix, err := p.suffix(i, paren)
	if err != nil {
		return Number{}, err
	}
	dec := p.decimal(signAt, neg, body, intEnd, fracStart, fracEnd, grouped)
	fl, ferr := strconv.ParseFloat(dec, 64)
	if ferr != nil {
		return Number{}, p.errAt(body, "%s is too large to be a number here (it has %d digits before the decimal mark)", quote(p.orig), digitCount(t[body:intEnd]))
	}
	return Number{Decimal: dec, Float: fl, Suffix: suffix}, nil
}

// suffix reads what follows the digits at i: the closing parenthesis of an
// accounting negative, then the suffix, which may also sit inside the
// parentheses, as in "(12%)". It rejects a suffix that starts like more of a
// number.
func (p *numParser) suffix(i int, paren bool) (string, *Error) {
	t := p.t
	end := len(t) // where the suffix ends
	switch {
	case paren && i < len(t) && t[i] == ')':
		i++ // (1,234) or (1,234)万元
	case paren && i < len(t) && strings.HasSuffix(t, ")") && !strings.ContainsAny(t[i:len(t)-1], "()"):
		end = len(t) - 1 // (12%), as Excel's percentage accounting formats write it
	case paren:
		return "", p.errAt(i, "%s is not a number: the opening parenthesis has no closing one", quote(p.orig))
	case i < len(t) && t[i] == ')':
		return "", p.errAt(i, "%s is not a number: it has a closing parenthesis without an opening one", quote(p.orig))
	}
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(t[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += n
	}
	suffix := strings.TrimRightFunc(t[j:end], unicode.IsSpace)
	if suffix != "" {
		c := suffix[0]
		if isDigit(c) && j > i {
			return "", p.errAt(i, "%s is not a number: it has a space between digits; remove the space", quote(p.orig))
		}
		if isDigit(c) || strings.IndexByte("+-.,()", c) >= 0 {
			return "", p.errAt(j, "%s is not a number: %s cannot come here", quote(p.orig), quote(suffix[:1]))
		}
	}
	return suffix, nil
}

// groups reads the groups after the first run of digits t[body:i], which
// must be one to three digits, each group being a separator and exactly
// three digits. It returns the index after the last group.
func (p *numParser) groups(body, i int) (int, bool, *Error) {
	t := p.t
	seps := 0
	for {
		n := p.sepLen(i)
		if n == 0 {
			break
		}
		j := i + n
		k := skipDigits(t, j)
		if k == j {
			if p.group == " " {
				break // a space before a suffix: "1 234 万元"
			}
			if p.sepLen(j) > 0 {
				return 0, false, p.errAt(j, "%s is not a number: it has two %ss in a row", quote(p.orig), sepName(p.group))
			}
			return 0, false, p.errAt(i, "%s is not a number: it has a %s with no digits after it; write %s", quote(p.orig), sepName(p.group), quote(t[:i]+t[j:]))
		}
		if k-j != 3 {
			return 0, false, p.groupError(body, i, j, k, seps)
		}
		seps++
		i = k
	}
	if seps > 0 && (skipDigits(t, body)-body > 3 || t[body] == '0') {
		return 0, false, p.groupError(body, -1, -1, -1, seps)
	}
	return i, seps > 0, nil
}

// decimal returns the canonical decimal text of the number whose integer
// digits (and separators, when grouped) are t[body:intEnd] and fractional
// digits t[fracStart:fracEnd]. It returns a slice of t when that already is
// canonical, so the common case does not allocate.
func (p *numParser) decimal(signAt int, neg bool, body, intEnd, fracStart, fracEnd int, grouped bool) string {
	t := p.t
	a := body
	if !grouped {
		for a < intEnd-1 && t[a] == '0' {
			a++
		}
	}
	fracEnd = fracStart + len(strings.TrimRight(t[fracStart:fracEnd], "0"))
	if fracEnd == fracStart && (a == intEnd || (intEnd-a == 1 && t[a] == '0')) {
		return "0" // zero has no sign
	}
	if !grouped && a < intEnd && (fracEnd == fracStart || p.dec == '.') && (!neg || signAt == a-1) {
		start, end := a, intEnd
		if neg {
			start = signAt
		}
		if fracEnd > fracStart {
			end = fracEnd
		}
		return t[start:end]
	}
	var b strings.Builder
	b.Grow(intEnd - a + fracEnd - fracStart + 3)
	if neg {
		b.WriteByte('-')
	}
	if a == intEnd {
		b.WriteByte('0')
	}
	for k := a; k < intEnd; k++ {
		if isDigit(t[k]) {
			b.WriteByte(t[k])
		}
	}
	if fracEnd > fracStart {
		b.WriteByte('.')
		b.WriteString(t[fracStart:fracEnd])
	}
	return b.String()
}

// sepLen returns the length of the group separator at i, or 0.
func (p *numParser) sepLen(i int) int {
	if p.group == "" || i >= len(p.t) {
		return 0
	}
	if p.group == " " {
		r, n := utf8.DecodeRuneInString(p.t[i:])
		if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' {
			return n
		}
		return 0
	}
	if p.t[i] == p.group[0] {
		return 1
	}
	return 0
}

// example returns a number written in the column's format.
func (p *numParser) example() string {
	return "1" + p.group + "234" + string(p.dec) + "5"
}

// skipDigits returns the index of the first non-digit at or after i.
func skipDigits(t string, i int) int {
	for i < len(t) && isDigit(t[i]) {
		i++
	}
	return i
}

// digitCount counts the ASCII digits in s.
func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

// expFollows reports whether an exponent (optional sign, then a digit)
// starts at t[j].
func expFollows(t string, j int) bool {
	if j < len(t) && (t[j] == '+' || t[j] == '-') {
		j++
	}
	return j < len(t) && isDigit(t[j])
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isHex reports whether c is an ASCII hexadecimal digit.
func isHex(c byte) bool {
	return isDigit(c) || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

// GroupThousands writes exact decimal text ("-1234567.5") with sep between
// groups of three digits of its whole part ("-1,234,567.5"); sep "" leaves
// it as it is.
func GroupThousands(dec, sep string) string {
	sign, digits := "", dec
	if rest, ok := strings.CutPrefix(digits, "-"); ok {
		sign, digits = "-", rest
	}
	whole, frac, hasFrac := strings.Cut(digits, ".")
	if sep == "" || len(whole) <= 3 {
		return dec
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}
