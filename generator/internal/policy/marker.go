package policy

import (
	"regexp"
	"strconv"
	"strings"
)

// markerKind is a way of numbering: 1. 1、 （一） （1） 1） ① or decimals (1.1).
type markerKind int

const (
	arabicDot   markerKind = iota + 1 // 1.  1．  1. (with a space, as Word types it)
	arabicDun                         // 1、
	hanParen                          // （一）
	arabicParen                       // （1）
	arabicClose                       // 1）
	circled                           // ①
	decimal                           // 1.1, 2.3.1
)

// style is a numbering style: markers of one style are siblings, and a marker
// of another style inside a clause opens a nested item. Decimals of each depth
// are a style of their own (1.1 holds 1.1.1).
type style struct {
	kind  markerKind
	depth int // components of a decimal, else 1
}

// marker is a clause marker at the start of a paragraph.
type marker struct {
	style style
	n     int    // its number (a decimal's last component)
	path  []int  // a decimal's components, e.g. [2 3 1]
	text  string // as written, without the space after it: "1.", "（五）", "2.3.1"
	lead  string // the text the marker takes, with the spacing after it
}

var (
	decimalRE = regexp.MustCompile(`^([0-9]{1,3}(?:[.．][0-9]{1,3})+)([.．、]?)[ \t\x{3000}]*`)
	arabicRE  = regexp.MustCompile(`^([0-9]{1,3})([.．、]|[）)])[ \t\x{3000}]*`)
	hanRE     = regexp.MustCompile(`^[（(]([一二三四五六七八九十百]{1,4})[）)][ \t\x{3000}]*`)
	parenRE   = regexp.MustCompile(`^[（(]([0-9]{1,3})[）)][ \t\x{3000}]*`)
	circledRE = regexp.MustCompile(`^([\x{2460}-\x{2473}])[ \t\x{3000}]*`)
	hanNumRE  = regexp.MustCompile(`^([一二三四五六七八九十百]{1,4})、`)
)

// parseMarker recognises a clause marker at the start of a paragraph.
func parseMarker(text string) (marker, bool) {
	mk := func(kind markerKind, n int, written, lead string) (marker, bool) {
		return marker{style: style{kind, 1}, n: n, path: []int{n}, text: written, lead: lead}, true
	}
	if g := decimalRE.FindStringSubmatch(text); g != nil && len(g[0]) < len(text) {
		var path []int
		for _, c := range strings.FieldsFunc(g[1], func(r rune) bool { return r == '.' || r == '．' }) {
			n, _ := strconv.Atoi(c)
			path = append(path, n)
		}
		return marker{style: style{decimal, len(path)}, n: path[len(path)-1], path: path, text: g[1] + g[2], lead: g[0]}, true
	}
	if g := arabicRE.FindStringSubmatch(text); g != nil {
		n, _ := strconv.Atoi(g[1])
		switch g[2] {
		case "、":
			return mk(arabicDun, n, g[1]+g[2], g[0])
		case "）", ")":
			return mk(arabicClose, n, g[1]+g[2], g[0])
		}
		return mk(arabicDot, n, g[1]+g[2], g[0])
	}
	if g := hanRE.FindStringSubmatch(text); g != nil {
		if n, ok := HanNumber(g[1]); ok {
			return mk(hanParen, n, strings.TrimRight(g[0], " \t\u3000"), g[0])
		}
	}
	if g := parenRE.FindStringSubmatch(text); g != nil {
		n, _ := strconv.Atoi(g[1])
		return mk(arabicParen, n, strings.TrimRight(g[0], " \t\u3000"), g[0])
	}
	if g := circledRE.FindStringSubmatch(text); g != nil {
		r := []rune(g[1])[0]
		return mk(circled, int(r-'\u2460')+1, g[1], g[0])
	}
	return marker{}, false
}

// example shows a marker of the style numbered n.
func (s style) example(n int) string {
	switch s.kind {
	case arabicDun:
		return strconv.Itoa(n) + "、"
	case hanParen:
		return "（" + hanNumeral(n) + "）"
	case arabicParen:
		return "（" + strconv.Itoa(n) + "）"
	case arabicClose:
		return strconv.Itoa(n) + "）"
	case circled:
		if n >= 1 && n <= 20 {
			return string(rune('\u2460' + n - 1))
		}
		return strconv.Itoa(n)
	case decimal:
		return strings.Repeat("1.", s.depth-1) + strconv.Itoa(n)
	default:
		return strconv.Itoa(n) + "."
	}
}

// hanNumeral writes 1–999 as a Chinese numeral (十一, 二十, 一百零五).
func hanNumeral(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	var b strings.Builder
	if n >= 100 {
		b.WriteString(digits[n/100] + "百")
		n %= 100
		if n > 0 && n < 10 {
			b.WriteString("零")
		}
	}
	if n >= 10 {
		if n/10 > 1 || b.Len() > 0 {
			b.WriteString(digits[n/10])
		}
		b.WriteString("十")
		n %= 10
	}
	b.WriteString(digits[n])
	return b.String()
}

// HanNumber converts a Chinese numeral from 一 to 九百九十九 to an integer.
func HanNumber(s string) (int, bool) {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, -1
	for _, r := range s {
		switch r {
		case '十', '百':
			unit := 10
			if r == '百' {
				unit = 100
			}
			if cur < 0 {
				cur = 1
			}
			total += cur * unit
			cur = -1
		default:
			d, ok := digits[r]
			if !ok || cur >= 0 {
				return 0, false
			}
			cur = d
		}
	}
	if cur > 0 {
		total += cur
	}
	return total, total > 0
}

// joinPath writes a decimal number: [2 3 1] → "2.3.1".
func joinPath(path []int) string {
	parts := make([]string, len(path))
	for i, n := range path {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ".")
}
