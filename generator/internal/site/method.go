package site

import (
	"gongkai/generator/internal/content"
	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/render"
	"gongkai/generator/internal/track"
)

// methodPath is where the site explains its rules. Every site has the page:
// its statuses and readings come from the rules themselves; a
// content/method.md adds its text (and its title, summary and weight win).
const methodPath = "/method/"

// readings are the ways a target can be read, in the order the page lists them.
var readings = []track.Reading{track.Level, track.Rate, track.Cumulative, track.Once}

// The sentences of the rules are the translation table's: status.meaning.<status>
// says when a commitment has each status, reading.meaning.<reading> which
// value decides a target under each reading, method.known_rule the rule
// that keeps a verdict to what could be known on the day.

// methodRules is the generated part of /method/.
func methodRules(tr *i18n.Table) *render.Method {
	m := &render.Method{KnownAsOf: tr.T("method.known_rule")}
	for _, s := range track.Statuses {
		m.Statuses = append(m.Statuses, render.StatusRule{Status: string(s), Label: s.LabelIn(tr.Lang), Color: statusColors[s], Meaning: tr.T("status.meaning." + string(s))})
	}
	for _, r := range readings {
		m.Readings = append(m.Readings, render.Option{Value: r.LabelIn(tr.Lang), Label: tr.T("reading.meaning." + string(r))})
	}
	return m
}

// isMethod reports whether a content page is published at /method/ and so
// adds its text to the generated rules.
func isMethod(p *content.Page) bool { return p.Section == "" && pagePath(p) == methodPath }

// methodPage is /method/ for a site without content/method.md: the rules alone.
func methodPage(base func(string, string, string, ...render.Crumb) render.Page, tr *i18n.Table) render.ContentView {
	v := render.ContentView{Page: base(tr.T("nav.method"), methodPath, "method", render.Crumb{Title: tr.T("nav.home"), Path: "/"}), Method: methodRules(tr)}
	v.Description = tr.T("method.description")
	return v
}
