package value

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// groupError explains digits that are not in groups of three. sep is where
// the bad group's separator starts and t[j:k] its digits; sep is -1 when the
// first group is the bad one.
func (p *numParser) groupError(body, sep, j, k, before int) *Error {
	t := p.t
	q := quote(p.orig)
	at := body
	if sep >= 0 {
		at = sep
	}
	lone := p.group != " " && before == 0 && sep >= 0 && p.sepLen(k) == 0 && (k >= len(t) || t[k] != p.dec)
	if sep < 0 && before == 1 && p.group != " " {
		// One separator after a first group that is too long or starts
		// with 0, as in "0,125": probably a decimal comma.
		sep = body + skipDigits(t[body:], 0)
		j = sep + 1
		k = skipDigits(t, j)
		lone = p.sepLen(k) == 0 && (k >= len(t) || t[k] != p.dec)
	}
	if !lone {
		return p.errAt(at, "%s is not a number: %ss must split the digits into groups of three, like %s", q, sepName(p.group), "1"+p.group+"234"+p.group+"567")
	}
	head, digits := t[:sep], t[j:k]
	asDecimal := quote(head + string(p.dec) + digits)
	g, d := sepName(p.group), decName(p.group[0])
	if first := t[body:sep]; k-j < 3 && len(first) <= 3 && first[0] != '0' {
		asGroups := quote(head + p.group + digits + strings.Repeat("0", 3-(k-j)))
		return p.errAt(at, "%s is not a number: a %s here groups thousands and cannot be a decimal %s, so write %s or %s", q, g, d, asDecimal, asGroups)
	}
	return p.errAt(at, "%s is not a number: a %s here groups thousands and cannot be a decimal %s, so write %s for a decimal, or put a %s between every three digits, like %s",
		q, g, d, asDecimal, g, "1"+p.group+"234"+p.group+"567")
}

// checkAfter explains a number that goes on in a way no suffix may: a second
// decimal mark, a separator after the decimals, scientific or hexadecimal
// notation, a trailing minus.
func (p *numParser) checkAfter(i, body, intEnd, fracStart, fracEnd int) *Error {
	t := p.t
	if i >= len(t) {
		return nil
	}
	c := t[i]
	switch {
	case (c == 'e' || c == 'E') && expFollows(t, i+1):
		return p.sciError(i, body, intEnd, fracStart, fracEnd)
	case (c == 'x' || c == 'X') && intEnd-body == 1 && t[body] == '0' && fracEnd == fracStart && i+1 < len(t) && isHex(t[i+1]):
		end := i + 1
		for end < len(t) && isHex(t[end]) {
			end++
		}
		if v, err := strconv.ParseUint(t[i+1:end], 16, 64); err == nil {
			return p.errAt(body, "%s is written in hexadecimal: write it in decimal, like %d", quote(p.orig), v)
		}
		return p.errAt(body, "%s is written in hexadecimal: write it in decimal", quote(p.orig))
	case c == p.dec:
		return p.multiDecimalError(i, body)
	case c == ',' || c == '.':
		if p.group != "" && c == p.group[0] {
			return p.swappedError(i)
		}
		return p.foreignSepError(i, body)
	case c == '-' && (i+1 == len(t) || !isDigit(t[i+1])):
		return p.errAt(i, "%s has the minus sign after the number: write it in front, like %s", quote(p.orig), quote("-"+t[body:i]))
	case c == '-' || c == '+':
		return p.errAt(i, "%s is not a number: %s cannot come between digits", quote(p.orig), quote(t[i:i+1]))
	}
	return nil
}

// sciError explains scientific notation, which Excel writes for wide numbers.
func (p *numParser) sciError(e, body, intEnd, fracStart, fracEnd int) *Error {
	t := p.t
	j := e + 1
	neg := false
	if t[j] == '+' || t[j] == '-' {
		neg = t[j] == '-'
		j++
	}
	k := skipDigits(t, j)
	full := ""
	if k-j <= 2 {
		exp, _ := strconv.Atoi(t[j:k])
		if neg {
			exp = -exp
		}
		mant := p.decimal(-1, false, body, intEnd, fracStart, fracEnd, true)
		if s, ok := shiftDecimal(mant, exp); ok && len(s) <= 30 {
			full = ", like " + s
		}
	}
	return p.errAt(e, "%s is written in scientific notation: write the number in full%s; Excel writes wide numbers this way, so format the column as Number in Excel before saving as CSV", quote(p.orig), full)
}

// multiDecimalError explains a second decimal mark at i, as in
// "200.000.000" where dots group thousands.
func (p *numParser) multiDecimalError(i, body int) *Error {
	t := p.t
	end := body
	for end < len(t) && (isDigit(t[end]) || t[end] == p.dec) {
		end++
	}
	runs := strings.Split(t[body:end], string(p.dec))
	ok := len(runs) >= 3 && len(runs[0]) >= 1 && len(runs[0]) <= 3 && runs[0][0] != '0'
	for _, r := range runs[1:] {
		ok = ok && len(r) == 3
	}
	q, d := quote(p.orig), decName(p.dec)
	if ok {
		return p.errAt(i, "%s is not a number: it has more than one decimal %s; if the %ss group thousands, write %s", q, d, sepName(string(p.dec)), quote(t[:body]+strings.Join(runs, p.group)+t[end:]))
	}
	return p.errAt(i, "%s is not a number: it has more than one decimal %s", q, d)
}

// swappedError explains the group separator after the decimal mark, as in
// "1.234,5" in a column where "," groups thousands and "." marks decimals.
func (p *numParser) swappedError(i int) *Error {
	q := quote(p.orig)
	if p.hints {
		swapped := strings.Map(func(r rune) rune {
			switch r {
			case '.':
				return ','
			case ',':
				return '.'
			}
			return r
		}, p.t)
		if _, err := parseNumber(swapped, p.f, false); err == nil {
			return p.errAt(i, "%s is not a number: it uses %s to group thousands and %s for decimals, but this column uses %s and %s; write %s",
				q, quote(string(p.dec)), quote(p.group), quote(p.group), quote(string(p.dec)), quote(swapped))
		}
	}
	return p.errAt(i, "%s is not a number: a %s cannot come after the decimal %s", q, sepName(p.group), decName(p.dec))
}

// foreignSepError explains a "," or "." that this column uses for neither
// grouping nor decimals.
func (p *numParser) foreignSepError(i, body int) *Error {
	t := p.t
	c := t[i]
	q := quote(p.orig)
	k := skipDigits(t, i+1)
	if k == i+1 {
		return p.errAt(i, "%s is not a number: %s cannot come here", q, quote(t[i:i+1]))
	}
	if k-(i+1) != 3 {
		if strings.IndexByte(t[body:], p.dec) >= 0 {
			return p.errAt(i, "%s is not a number: %s cannot come here", q, quote(t[i:i+1]))
		}
		return p.errAt(i, "%s is not a number: this column uses %s as the decimal mark, not %s; write %s", q, quote(string(p.dec)), quote(t[i:i+1]), quote(t[:i]+string(p.dec)+t[i+1:]))
	}
	end := k
	for end < len(t) && (isDigit(t[end]) || t[end] == c) {
		end++
	}
	plain := t[:body] + strings.ReplaceAll(t[body:end], t[i:i+1], "") + t[end:]
	if p.group == "" {
		return p.errAt(i, "%s is not a number: this column does not use thousands separators; write %s", q, quote(plain))
	}
	return p.errAt(i, "%s is not a number: this column groups thousands with %s, not %s; write %s", q, quote(p.group), quote(t[i:i+1]), quote(plain))
}

// parenError explains an accounting negative in a column that does not
// declare them.
func (p *numParser) parenError() *Error {
	like := `"-1234"`
	if p.hints {
		f := p.f
		f.ParenNegative = true
		if n, err := parseNumber(p.orig, f, false); err == nil {
			d := n.Decimal
			if p.dec == ',' {
				d = strings.Replace(d, ".", ",", 1)
			}
			if d != "0" && d[0] != '-' {
				d = "-" + d
			}
			like = quote(d + n.Suffix)
		}
	}
	return p.errAt(0, "%s is an accounting negative in parentheses, which this column does not accept: write it with a minus sign, like %s", quote(p.orig), like)
}

// notNumber explains text with no digits where the number should start.
func (p *numParser) notNumber(body int) *Error {
	t := p.t
	q := quote(p.orig)
	rest := t[body:]
	r, n := utf8.DecodeRuneInString(rest)
	switch {
	case p.t == "-":
		return p.errAt(body, "%s is not a number: if it stands for zero, as in Excel's accounting format, write 0; if there is no value, leave the cell empty", q)
	case rest == "":
		return p.errAt(body, "%s is not a number: write a number, like %s, or leave the cell empty if there is no value", q, p.example())
	case strings.EqualFold(rest, "nan"):
		return p.errAt(body, "%s means \"not a number\": write a number, or leave the cell empty if there is no value", q)
	case strings.EqualFold(rest, "inf"), strings.EqualFold(rest, "infinity"), rest == "∞":
		return p.errAt(body, "%s means infinity, which is not a value a table can hold: write a number", q)
	case strings.ContainsRune("¥￥$€£", r):
		return p.errAt(body, "%s starts with the currency sign %s: write the number alone and name the unit in the column header, like 金额(元)", q, quote(rest[:n]))
	case strings.ContainsRune("−–—‐‑﹣", r) && n < len(rest) && isDigit(rest[n]):
		return p.errAt(body, "%s starts with %s, which is a dash, not a minus sign: write %s", q, quote(rest[:n]), quote(t[:body]+"-"+rest[n:]))
	case unicode.IsSpace(r) && body > 0:
		return p.errAt(body, "%s is not a number: it has a space before the digits; write %s", q, quote(t[:body]+strings.TrimLeftFunc(rest, unicode.IsSpace)))
	case strings.ContainsRune("零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟", r):
		return p.errAt(body, "%s is written in Chinese numerals: write it with the digits 0-9, like %s", q, p.example())
	case strings.ContainsRune("-—–", r) && n == len(rest):
		return p.errAt(body, "%s is not a number: write a number, or leave the cell empty if there is no value", q)
	}
	return p.errAt(body, "%s is not a number: write it with the digits 0-9, like %s", q, p.example())
}

// fullWidthError names the first full-width digit or sign in t, for a
// column that does not accept them. off is the rune offset of t in the cell.
func fullWidthError(t string, off int) *Error {
	n := 0
	for _, r := range t {
		name := ""
		switch {
		case r >= '０' && r <= '９':
			name = "a full-width digit"
		case r == '，':
			name = "a full-width comma"
		case r == '．':
			name = "a full-width full stop"
		case r == '－':
			name = "a full-width minus sign"
		case r == '＋':
			name = "a full-width plus sign"
		case r == '％':
			name = "a full-width percent sign"
		case r == '（' || r == '）':
			name = "a full-width parenthesis"
		}
		if name != "" {
			return errorf(off+n, "%s is %s: type it in half-width (半角) as %s", quote(string(r)), name, quote(string(foldWidth(r))))
		}
		n++
	}
	return nil
}

// sepName names a thousands separator, or a mark used as one.
func sepName(g string) string {
	switch g {
	case ",":
		return "comma"
	case ".":
		return "dot"
	}
	return "space"
}

// decName names a decimal mark.
func decName(d byte) string {
	if d == ',' {
		return "comma"
	}
	return "point"
}
