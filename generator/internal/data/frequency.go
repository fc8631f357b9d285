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

// Next is when data last changed at last is due to change again.
func (f Frequency) Next(last time.Time) time.Time {
	switch f.Unit {
	case 'Y':
		return last.AddDate(f.N, 0, 0)
	case 'M':
		return last.AddDate(0, f.N, 0)
	case 'W':
		return last.AddDate(0, 0, 7*f.N)
	default:
		return last.AddDate(0, 0, f.N)
	}
}

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
