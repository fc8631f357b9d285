package data

import (
	"testing"
	"time"
)

func TestFrequency(t *testing.T) {
	last := time.Date(2016, 1, 31, 0, 0, 0, 0, time.UTC)
	for s, want := range map[string]struct{ words, next string }{
		"R/P1Y": {"每年", "2017-01-31"}, "R/P6M": {"每6个月", "2016-07-31"}, "R/P1M": {"每月", "2016-02-29"},
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

func TestCadence(t *testing.T) {
	for _, tc := range []struct {
		in   string
		ok   bool
		nth2 string // the second date after 2011-12-31
	}{
		{"每年", true, "2013-12-31"}, {"R/P1Y", true, "2013-12-31"}, {"每半年", true, "2012-12-31"},
		{"每季度", true, "2012-06-30"}, {"R/P3M", true, "2012-06-30"}, {"每月", true, "2012-02-29"},
		{"R/P1W", false, ""}, {"R/P1D", false, ""}, {"每周", false, ""}, {"yearly", false, ""}, {"", false, ""},
	} {
		f, ok := ParseCadence(tc.in)
		if ok != tc.ok {
			t.Errorf("ParseCadence(%q) ok = %v", tc.in, ok)
			continue
		}
		if !ok {
			continue
		}
		first := time.Date(2011, 12, 31, 0, 0, 0, 0, time.UTC)
		if got := f.Nth(first, 2).Format(time.DateOnly); got != tc.nth2 {
			t.Errorf("%s: second date after 2011-12-31 is %s, want %s", tc.in, got, tc.nth2)
		}
	}
	// Not a month end: plain calendar steps.
	f, _ := ParseCadence("每半年")
	if got := f.Nth(time.Date(2012, 3, 15, 0, 0, 0, 0, time.UTC), 3).Format(time.DateOnly); got != "2013-09-15" {
		t.Errorf("three half-years after 2012-03-15: %s", got)
	}
}
