package site

import (
	"strconv"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/i18n"
)

// frequencyWords says how often something is done, in the site's language:
// 每年, 每6个月 / every year, every 6 months.
func frequencyWords(f data.Frequency, tr *i18n.Table) string {
	unit := map[byte]string{'Y': "year", 'M': "month", 'W': "week", 'D': "day"}[f.Unit]
	if f.N == 1 {
		return tr.T("frequency.every_" + unit)
	}
	return tr.T("frequency.every_n_"+unit, "n", strconv.Itoa(f.N))
}
