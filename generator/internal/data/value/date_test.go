package value

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

var allDateForms = []string{"iso", "slash", "chinese", "year", "yearmonth", "excel"}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in    string
		forms []string
		want  Date
	}{
		{"2012-06-30", []string{"iso"}, Date{2012, 6, 30}},
		{" 2012-06-30\u00a0", []string{"iso"}, Date{2012, 6, 30}},
		{"2012/6/30", []string{"slash"}, Date{2012, 6, 30}},
		{"2012/06/30", []string{"slash"}, Date{2012, 6, 30}},
		{"2012年6月30日", []string{"chinese"}, Date{2012, 6, 30}},
		{"2012年06月30日", []string{"chinese"}, Date{2012, 6, 30}},
		{"2012年6月", []string{"chinese"}, Date{2012, 6, 0}},
		{"2012", []string{"year"}, Date{2012, 0, 0}},
		{"2012-06", []string{"yearmonth"}, Date{2012, 6, 0}},
		{"2012年6月", []string{"yearmonth"}, Date{2012, 6, 0}},
		{"41090", []string{"excel"}, Date{2012, 6, 30}},
		{"1", []string{"excel"}, Date{1900, 1, 1}},
		{"59", []string{"excel"}, Date{1900, 2, 28}},
		{"61", []string{"excel"}, Date{1900, 3, 1}},
		{"73415", []string{"excel"}, Date{2100, 12, 31}},
		{"２０１２-０６-３０", []string{"iso"}, Date{2012, 6, 30}},
		{"２０１２年６月３０日", []string{"chinese"}, Date{2012, 6, 30}},
		{"2012-02-29", []string{"iso"}, Date{2012, 2, 29}},
		{"2000-02-29", []string{"iso"}, Date{2000, 2, 29}},
		{"1900-01-01", []string{"iso"}, Date{1900, 1, 1}},
		{"2100-12-31", []string{"iso"}, Date{2100, 12, 31}},
		{"2012", allDateForms, Date{2012, 0, 0}}, // a year, not Excel day 2012
		{"2012/6/30", allDateForms, Date{2012, 6, 30}},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, tt.forms)
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q, %v) = %v, %v; want %v", tt.in, tt.forms, got, err, tt.want)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct {
		in     string
		forms  []string
		offset int
		msg    string
	}{
		{"30/6/2012", []string{"iso", "slash", "chinese"}, 0, `"30/6/2012" is not a date in an accepted form: write 2012-06-30, 2012/6/30, 2012年6月30日 or 2012年6月`},
		{"2012-06-30", []string{"slash"}, 0, "write 2012/6/30"},
		{"2012-6-30", []string{"iso"}, 0, "write 2012-06-30"},
		{"2012-02-30", []string{"iso"}, 8, `"2012-02-30" is not a date: February 2012 has only 29 days`},
		{"2013-02-29", []string{"iso"}, 8, "February 2013 has only 28 days"},
		{"1900-02-29", []string{"iso"}, 8, "February 1900 has only 28 days"},
		{"2012-04-31", []string{"iso"}, 8, "April 2012 has only 30 days"},
		{"2012-13-01", []string{"iso"}, 5, `"2012-13-01" is not a date: there is no month 13`},
		{"2012年0月", []string{"chinese"}, 5, "there is no month 0"},
		{"2012-06-00", []string{"iso"}, 8, "there is no day 0"},
		{"1899-12-31", []string{"iso"}, 0, "the year must be from 1900 to 2100"},
		{"2101", []string{"year"}, 0, "the year must be from 1900 to 2100"},
		{"  2012-13-01", []string{"iso"}, 7, "no month 13"},
		{"２０１２-１３-０１", []string{"iso"}, 5, "no month 13"},
		{"2012-06-30 00:00:00", []string{"iso"}, 10, `has a time of day after the date: write only the date, like "2012-06-30"`},
		{"2012-06-30T08:00", []string{"iso"}, 10, "time of day"},
		{"2012-02-30 00:00", []string{"iso"}, 8, "February 2012 has only 29 days"},
		{"60", []string{"excel"}, 0, "29 February 1900, a day that did not exist"},
		{"0", []string{"excel"}, 0, "Excel day numbers start at 1"},
		{"73416", []string{"excel"}, 0, "after the year 2100"},
		{"99999999999999999999999", []string{"excel"}, 0, "after the year 2100"},
		{"41090.5", []string{"excel"}, 5, "time of day"},
		{"41090", []string{"iso"}, 0, "write 2012-06-30"},
		{"", []string{"iso"}, 0, "the cell is empty: write a date, like 2012-06-30"},
		{"2012-06-30", nil, 0, "no date forms are declared"},
		{"2012-06-30", []string{"ISO"}, 0, `the date form "ISO" is not known`},
		{"2012-06-30\u200b", []string{"iso"}, 10, "invisible character"},
		{"30.06.2012", allDateForms, 0, "or an Excel day number such as 41090"},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in, tt.forms)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("ParseDate(%q, %v) = %v, %v; want an *Error", tt.in, tt.forms, d, err)
			continue
		}
		if !strings.Contains(e.Msg, tt.msg) || e.Offset != tt.offset {
			t.Errorf("ParseDate(%q, %v) error at %d:\n  %s\nwant at %d:\n  %s", tt.in, tt.forms, e.Offset, e.Msg, tt.offset, tt.msg)
		}
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		d    Date
		want string
	}{
		{Date{2012, 6, 30}, "2012-06-30"},
		{Date{2012, 6, 0}, "2012-06"},
		{Date{2012, 0, 0}, "2012"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// TestExcelSerials checks the 1900 date system against every day: each day
// number after the fake leap day is one more than the day before.
func TestExcelSerials(t *testing.T) {
	prev := Date{1900, 2, 28}
	for n := 61; n <= excelMaxDay; n++ {
		d, err := ParseDate(strconv.Itoa(n), []string{"excel"})
		if err != nil {
			t.Fatalf("day %d: %v", n, err)
		}
		if next := nextDay(prev); d != next {
			t.Fatalf("day %d = %v, want %v", n, d, next)
		}
		prev = d
	}
}

func nextDay(d Date) Date {
	if d.Day < daysIn(d.Year, d.Month) {
		return Date{d.Year, d.Month, d.Day + 1}
	}
	if d.Month < 12 {
		return Date{d.Year, d.Month + 1, 1}
	}
	return Date{d.Year + 1, 1, 1}
}
