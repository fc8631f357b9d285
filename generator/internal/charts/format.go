package charts

import (
	"math"
	"strconv"
	"strings"

	"gongkai/generator/internal/data/value"
	"gongkai/generator/internal/i18n"
)

// Numbers as people read them. A chart's caption, its accessible
// description, its tooltips and its marks write every value rounded as its
// unit decides; the data tables and the downloads keep every digit.
//
//   - a share (unit "%") to one decimal: 32.986111111111114 → 33%, 22.22222 → 22.2%;
//   - money counted in 万元 in 亿元 from ten thousand on (12345.6万元 → 1.23亿元),
//     in English in millions or billions of yuan (¥123.5 million);
//   - a large count in 万 and 亿 in Chinese (4100000人 → 410万人,
//     104300000 → 1.04亿), in millions and billions in English;
//   - anything else to two decimals, a value below 1 to three significant
//     digits (so it never shows as 0); whole parts grouped by the language's
//     thousands separator (none in Chinese, "," in English);
//   - and a value that would then read as a target it is not (99.96% as 100%
//     against a target of 100%) keeps the digits that tell them apart.

// wanYuan are the units of money counted in 万元, in each language.
var wanYuan = map[string]bool{"万元": true, "¥10,000": true}

// Human writes v with its unit for people, in the table's language; targets
// are the values it must not read as unless it equals them.
func Human(tr *i18n.Table, v float64, unit string, targets ...float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	zh := chinese(tr)
	plainly := func() string { return group(tr, strconv.FormatFloat(Plotted(v, unit, targets...), 'f', -1, 64)) + unit }
	switch {
	case isShare(unit):
		return plainly()
	case wanYuan[unit]:
		if zh {
			if math.Abs(v) >= 10000 {
				return tr.T("chart.yi", "n", group(tr, round2(v/10000))) + "元"
			}
			return plainly()
		}
		if math.Abs(v) >= 100000 {
			return tr.T("chart.money_billion", "n", group(tr, round2(v/100000)))
		}
		return tr.T("chart.money_million", "n", group(tr, round2(v/100)))
	case strings.HasPrefix(unit, "万") || strings.HasPrefix(unit, "亿") || strings.Contains(unit, "/"):
		// Already counted in 万, or a rate: the number stays as it is.
		return plainly()
	case readsAs(v, sigShown(v, zh), targets):
		return plainly()
	}
	a := math.Abs(v)
	if zh {
		switch {
		case a >= 1e8:
			return tr.T("chart.yi", "n", sig(v/1e8)) + unit
		case a >= 1e4:
			return tr.T("chart.wan", "n", sig(v/1e4)) + unit
		}
	} else {
		switch {
		case a >= 1e9:
			return tr.T("chart.billion", "n", sig(v/1e9)) + spaced(unit)
		case a >= 1e6:
			return tr.T("chart.million", "n", sig(v/1e6)) + spaced(unit)
		}
	}
	return plainly()
}

// Plotted is v as the chart draws it, and as its tooltip and its CSV give
// it: a share to one decimal, anything else as shown, with more decimals
// (up to four) when it would read as one of targets that it is not.
func Plotted(v float64, unit string, targets ...float64) float64 {
	if math.Abs(v) < 1 {
		return shown(v) // never 0 for what is not
	}
	d := 2
	if isShare(unit) {
		d = 1
	}
	for ; d < 4 && readsAs(v, roundAt(v, d), targets); d++ {
	}
	return roundAt(v, d)
}

func roundAt(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

// readsAs tells whether v, shown as shown, reads as one of targets that it
// is not.
func readsAs(v, shown float64, targets []float64) bool {
	for _, t := range targets {
		if v != t && shown == t {
			return true
		}
	}
	return false
}

// sigShown is the value a large count reads as in 万 and 亿 (millions and
// billions in English).
func sigShown(v float64, zh bool) float64 {
	a := math.Abs(v)
	by := 1.0
	switch {
	case zh && a >= 1e8:
		by = 1e8
	case zh && a >= 1e4:
		by = 1e4
	case !zh && a >= 1e9:
		by = 1e9
	case !zh && a >= 1e6:
		by = 1e6
	}
	x, _ := strconv.ParseFloat(sig(v/by), 64)
	return x * by
}

func isShare(unit string) bool { return unit == "%" || unit == "％" }

func chinese(tr *i18n.Table) bool { return tr == nil || strings.HasPrefix(tr.Lang, "zh") }

// spaced puts a space before an English unit that is a word (million people),
// none before a sign.
func spaced(unit string) string {
	if unit == "" || !isLetter(unit[0]) {
		return unit
	}
	return " " + unit
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func round2(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }

// sig writes a number of 万 or 亿 (at least 1) to three significant digits,
// and never fewer than its whole part: 1.04, 12.3, 410, 10430.
func sig(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 100:
		return strconv.FormatFloat(math.Round(v), 'f', -1, 64)
	case a >= 10:
		return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
	}
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// group puts the language's thousands separator into a number's whole part.
func group(tr *i18n.Table, dec string) string {
	if tr == nil {
		return dec
	}
	return value.GroupThousands(dec, tr.T("number.thousands"))
}
