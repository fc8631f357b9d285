package data

import (
	"regexp"
	"strconv"
	"time"
)

// Frequency is how often a dataset is updated: every N years, months, weeks
// or days.
type Frequency struct {
	N    int
	Unit byte // Y, M, W or D
}

var frequencyPattern = regexp.MustCompile(`^R/P([1-9][0-9]?)([YMWD])$`)

// ParseFrequency reads an ISO 8601 repeating duration as DCAT and Project Open
// Data write accrualPeriodicity: R/P1Y, R/P6M, R/P1W, R/P1D.
func ParseFrequency(s string) (Frequency, bool) {
	m := frequencyPattern.FindStringSubmatch(s)
	if m == nil {
		return Frequency{}, false
	}
	n, _ := strconv.Atoi(m[1])
	return Frequency{N: n, Unit: m[2][0]}, true
}

// cadenceWords are the Chinese words for a cadence.
var cadenceWords = map[string]Frequency{
	"每年": {1, 'Y'}, "每半年": {6, 'M'}, "每季度": {3, 'M'}, "每季": {3, 'M'}, "每月": {1, 'M'},
}

// ParseCadence reads how often something is due: 每年, 每半年, 每季度 or
// 每月, or an ISO 8601 repeating duration of years or months (R/P1Y, R/P6M).
// Weeks and days are refused: a cadence is counted in months, so that each
// due date it makes can be listed.
func ParseCadence(s string) (Frequency, bool) {
	if f, ok := cadenceWords[s]; ok {
		return f, true
	}
	f, ok := ParseFrequency(s)
	return f, ok && (f.Unit == 'Y' || f.Unit == 'M')
}

// Nth is the k-th date after first at this frequency (the 0th is first). A
// first date at the end of a month keeps to month ends: six months after
// 2011-12-31 is 2012-06-30, not 2012-07-01.
func (f Frequency) Nth(first time.Time, k int) time.Time {
	months := 0
	switch f.Unit {
	case 'Y':
		months = 12 * f.N * k
	case 'M':
		months = f.N * k
	case 'W':
		return first.AddDate(0, 0, 7*f.N*k)
	default:
		return first.AddDate(0, 0, f.N*k)
	}
	if first.AddDate(0, 0, 1).Day() == 1 { // a month end
		start := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, first.Location())
		return start.AddDate(0, months+1, -1)
	}
	return first.AddDate(0, months, 0)
}

// Next is when data last changed at last is due to change again.
func (f Frequency) Next(last time.Time) time.Time { return f.Nth(last, 1) }

// Words says the frequency in Chinese: 每年, 每6个月, 每周.
func (f Frequency) Words() string {
	unit := map[byte]string{'Y': "年", 'M': "个月", 'W': "周", 'D': "天"}[f.Unit]
	if f.N == 1 {
		if f.Unit == 'M' {
			return "每月"
		}
		return "每" + unit
	}
	return "每" + strconv.Itoa(f.N) + unit
}
