package data

import (
	"testing"
	"time"
)

func TestFrequency(t *testing.T) {
	last := time.Date(2016, 1, 31, 0, 0, 0, 0, time.UTC)
	for s, want := range map[string]struct{ words, next string }{
		"R/P1Y": {"每年", "2017-01-31"}, "R/P6M": {"每6个月", "2016-07-31"}, "R/P1M": {"每月", "2016-03-02"},
		"R/P2W": {"每2周", "2016-02-14"}, "R/P1D": {"每天", "2016-02-01"},
	} {
		f, ok := ParseFrequency(s)
		if !ok || f.Words() != want.words || f.Next(last).Format(time.DateOnly) != want.next {
			t.Errorf("%s: %v %q %s; want %q %s", s, ok, f.Words(), f.Next(last).Format(time.DateOnly), want.words, want.next)
		}
	}
	for _, bad := range []string{"", "P1Y", "R/P0Y", "R/P1H", "R/P1.5Y", "每年", "R/P100Y"} {
		if _, ok := ParseFrequency(bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}
