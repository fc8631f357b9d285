package site

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gongkai/generator/internal/track"
)

// TestStatusColors: every status badge's white text is readable on its
// colour (WCAG AA, 4.5:1), the theme's CSS uses the colours the charts use,
// and "overdue, no record found" and "no data" differ from "missed" in hue,
// not only in lightness, so a reader does not count them as broken promises.
func TestStatusColors(t *testing.T) {
	for _, s := range track.Statuses {
		c, ok := statusColors[s]
		if !ok {
			t.Errorf("status %s has no colour", s)
			continue
		}
		if r := contrast(c, "#ffffff"); r < 4.5 {
			t.Errorf("status %s: white on %s has contrast %.2f:1, want at least 4.5:1", s, c, r)
		}
	}
	missed := hue(statusColors[track.Missed])
	for _, s := range []track.Status{track.Overdue, track.NoData} {
		if d := hueDistance(hue(statusColors[s]), missed); d < 60 && saturation(statusColors[s]) > 0.15 {
			t.Errorf("status %s (%s) is %.0f° of hue from missed (%s): want a different hue", s, statusColors[s], d, statusColors[track.Missed])
		}
	}
	css, err := os.ReadFile(filepath.Join(repoRoot, "themes/default/static/assets/site.css"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range track.Statuses {
		m := regexp.MustCompile(`(?m)^\.status-` + regexp.QuoteMeta(string(s)) + `(?:,[^{]*)? \{ background: (#[0-9a-f]{6}); \}`).FindSubmatch(css)
		if m == nil {
			t.Errorf("site.css has no background for .status-%s", s)
		} else if string(m[1]) != statusColors[s] {
			t.Errorf(".status-%s is %s in site.css, %s in the charts", s, m[1], statusColors[s])
		}
	}
}

func rgb(hex string) (r, g, b float64) {
	n, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	return float64(n>>16&255) / 255, float64(n>>8&255) / 255, float64(n&255) / 255
}

// contrast is WCAG 2's contrast ratio of two colours.
func contrast(a, b string) float64 {
	lum := func(hex string) float64 {
		lin := func(c float64) float64 {
			if c <= 0.03928 {
				return c / 12.92
			}
			return math.Pow((c+0.055)/1.055, 2.4)
		}
		r, g, b := rgb(hex)
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	}
	x, y := lum(a), lum(b)
	return (max(x, y) + 0.05) / (min(x, y) + 0.05)
}

func hue(hex string) float64 {
	r, g, b := rgb(hex)
	hi, lo := max(r, g, b), min(r, g, b)
	d := hi - lo
	var h float64
	switch {
	case d == 0:
		return 0
	case hi == r:
		h = math.Mod((g-b)/d, 6)
	case hi == g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return math.Mod(h*60+360, 360)
}

func saturation(hex string) float64 {
	r, g, b := rgb(hex)
	hi, lo := max(r, g, b), min(r, g, b)
	if hi == 0 {
		return 0
	}
	return (hi - lo) / hi
}

func hueDistance(a, b float64) float64 {
	d := math.Abs(a - b)
	return min(d, 360-d)
}
