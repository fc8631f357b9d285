package site

import (
	"gongkai/generator/internal/content"
	"gongkai/generator/internal/render"
	"gongkai/generator/internal/track"
)

// methodPath is where the site explains its rules. Every site has the page:
// its statuses and readings come from the rules themselves; a
// content/method.md adds its text (and its title, summary and weight win).
const methodPath = "/method/"

// statusMeanings says in one plain sentence when a commitment has each status.
var statusMeanings = map[track.Status]string{
	track.Achieved:     "决定性的数据在期限内达到了目标，或应有的公开都按时找到了记录。",
	track.AchievedLate: "期限时没有达到，期限以后的数据达到了目标；或公开有逾期、但没有缺少的记录。",
	track.Partial:      "只有范围较小的数据达到了目标，或应有的多次公开中只找到了一部分记录。",
	track.OnTrack:      "期限未到，最新数据达到或好于从起点到目标的进度线。",
	track.InProgress:   "期限未到（或没有规定期限），尚未达到目标，也画不出进度线。",
	track.Behind:       "期限未到，最新数据落后于从起点到目标的进度线。",
	track.Missed:       "期限已过，决定性的数据没有达到目标。",
	track.Overdue:      "期限已过，本站没有找到可以判断的数据或公开记录（没有找到记录，不等于没有公开）。",
	track.NoData:       "期限未到，还没有文件发布以后的数据。",
}

// readings are the ways a target can be read, in the order the page lists them.
var readings = []track.Reading{track.Level, track.Rate, track.Cumulative, track.Once}

// readingMeanings says in one plain sentence which value decides a target under each reading.
var readingMeanings = map[track.Reading]string{
	track.Level:      "以期限当期的数据为准，没有时以期限前最近的数据为准；量化目标不写判定方式时按此读。",
	track.Rate:       "只以期限那一年的数据为准，其他年份的数据不作数。",
	track.Cumulative: "以全年数据为准；年内按已经过去的时间比例衡量进度。",
	track.Once:       "期限前任何一期达到即为实现；机构与制度不写判定方式时按此读。",
}

// knownAsOfRule is the rule that keeps a verdict to what could be known on the day.
const knownAsOfRule = "只用核对日期当天已经知道的数据：写了公布日期的，从公布那天起算；没有写的，从所属时期的最后一天起算。核对日期以后才知道的数据和才公开的记录都不用于判断。"

// methodRules is the generated part of /method/.
func methodRules() *render.Method {
	m := &render.Method{KnownAsOf: knownAsOfRule}
	for _, s := range track.Statuses {
		m.Statuses = append(m.Statuses, render.StatusRule{Status: string(s), Label: s.Label(), Color: statusColors[s], Meaning: statusMeanings[s]})
	}
	for _, r := range readings {
		m.Readings = append(m.Readings, render.Option{Value: r.Label(), Label: readingMeanings[r]})
	}
	return m
}

// isMethod reports whether a content page is published at /method/ and so
// adds its text to the generated rules.
func isMethod(p *content.Page) bool { return p.Section == "" && pagePath(p) == methodPath }

// methodPage is /method/ for a site without content/method.md: the rules alone.
func methodPage(base func(string, string, string, ...render.Crumb) render.Page) render.ContentView {
	v := render.ContentView{Page: base("方法说明", methodPath, "method", render.Crumb{Title: "首页", Path: "/"}), Method: methodRules()}
	v.Description = "本站如何判断一项承诺的状态。"
	return v
}
