package site

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongkai/generator/internal/charts"
	"gongkai/generator/internal/data"
	"gongkai/generator/internal/data/value"
	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/kinds"
	"gongkai/generator/internal/policy"
	"gongkai/generator/internal/render"
	"gongkai/generator/internal/track"
)

// kindLabel names a kind of commitment on the site: 量化目标 / Quantified target.
func kindLabel(tr *i18n.Table, kind string) string { return tr.T("kind." + kind) }

// statusColors are the colours of the statuses in charts (the CSS uses the same).
var statusColors = map[track.Status]string{
	track.Achieved: "#1a7f37", track.AchievedLate: "#5a7a16", track.OnTrack: "#0b57a4", track.InProgress: "#5a6e8a",
	track.Behind: "#bc4c00", track.Missed: "#b42318", track.Overdue: "#6639ba", track.NoData: "#656d76",
	track.Partial: "#7a5a00",
}

// commitmentViews holds what the commitment pages and the other pages share.
type commitmentViews struct {
	summaries map[string]render.CommitmentSummary
	byDoc     map[string][]*commitment
	badges    map[string]map[string][]render.Badge // document → clause → badges
}

// summarize writes a commitment as lists show it.
func summarize(in *input, c *commitment, link func(string) string) render.CommitmentSummary {
	r, tr, lang := c.row, in.tr, in.cfg.Language
	s := render.CommitmentSummary{
		ID: string(r.ID), URL: link("/commitments/" + string(r.ID) + "/"),
		DocSlug: string(r.Document), Kind: string(r.Kind), KindLabel: kindLabel(tr, string(r.Kind)),
		Indicator: string(r.Indicator), Deadline: c.eval.Deadline.StringIn(lang), Year: c.eval.Deadline.Year,
		Status: string(c.result.Status), StatusLabel: c.result.Status.LabelIn(lang), Explanation: c.result.Explanation,
		Sample: c.sample || c.result.Sample,
	}
	if c.doc != nil {
		s.DocTitle, s.DocShort, s.DocURL = c.doc.Title, c.doc.ShortTitle, link("/policy/"+c.doc.Slug+"/")
		s.DocLang = otherLang(c.doc, lang)
		s.ClauseURL = s.DocURL + "#" + string(r.Clause)
		s.Clause, s.ClauseLabel = string(r.Clause), clauseLabel(c.doc, string(r.Clause))
	}
	switch string(r.Kind) {
	case track.Target:
		s.Target = targetText(c, tr)
	case track.Disclosure:
		s.Target = tr.T("target.disclosure")
	default:
		s.Target = tr.T("target.institution")
	}
	return s
}

// targetText writes a target as lists show it: ≥ 5人/万人, 约 5.5%（±0.275%）, 2—3名/万人.
func targetText(c *commitment, tr *i18n.Table) string {
	n := func(v float64) string { return strconv.FormatFloat(roundTo(v, 4), 'f', -1, 64) + string(c.row.Unit) }
	t := c.target
	switch string(c.row.Comparator) {
	case "range":
		return strconv.FormatFloat(roundTo(t.Value, 4), 'f', -1, 64) + "—" + n(t.Max)
	case "≈":
		return tr.T("target.about", "value", n(t.Value), "tolerance", n(t.Tolerance))
	case "up", "down":
		return tr.T("target." + string(c.row.Comparator))
	}
	return map[string]string{">=": "≥", "<=": "≤", "==": "="}[string(c.row.Comparator)] + " " + n(t.Value)
}

// clauseLabel names a clause as readers know it: "第37条", "（五）", "前言",
// or a section's title.
func clauseLabel(d *policy.Document, id string) string { return d.Label(id) }

// countStatuses counts commitments by status, in display order, leaving out
// zeros. Each count links to list, the address of /commitments/ with its
// filters (e.g. /commitments/?doc=decision), narrowed to the status.
func countStatuses(cs []*commitment, tr *i18n.Table, list string) []render.StatusCount {
	n, sample := map[track.Status]int{}, map[track.Status]int{}
	for _, c := range cs {
		n[c.result.Status]++
		if c.sample {
			sample[c.result.Status]++
		}
	}
	var out []render.StatusCount
	for _, s := range track.Statuses {
		if n[s] > 0 {
			out = append(out, render.StatusCount{Status: string(s), Label: s.LabelIn(tr.Lang), Meaning: tr.T("status.meaning." + string(s)),
				URL: filterURL(list, "status", string(s)), Count: n[s], Sample: sample[s]})
		}
	}
	return out
}

// filterURL adds key=value to the query of list, an address of /commitments/
// that site.js reads to set the list's filters.
func filterURL(list, key, value string) string {
	sep := "?"
	if strings.Contains(list, "?") {
		sep = "&"
	}
	return list + sep + key + "=" + url.QueryEscape(value)
}

func statusChart(id string, counts []render.StatusCount, data string, tr *i18n.Table) *charts.Chart {
	var bars []charts.Bar
	for _, c := range counts {
		bars = append(bars, charts.Bar{Label: c.Label, Value: float64(c.Count), Color: statusColors[track.Status(c.Status)]})
	}
	ch, err := charts.Bars(tr, id, tr.T("chart.status_counts"), bars)
	if err != nil {
		return nil
	}
	ch.Data = data
	return &ch
}

// computeCommitments adds /commitments/ and one page per commitment, and
// keeps in e.cv what the policy and home pages show of them.
func computeCommitments(e *env) error {
	in, m, base, link, v := e.in, e.m, e.base, e.link, e.cv
	if len(in.commitments) == 0 {
		return nil
	}
	tr, lang := in.tr, in.cfg.Language
	home := render.Crumb{Title: tr.T("nav.home"), Path: "/"}
	list := render.CommitmentsView{Page: base(tr.T("nav.all_commitments"), "/commitments/", "commitments", home), PolicyTitle: policySectionTitle(in)}
	years := map[int]bool{}
	for _, c := range in.commitments {
		s := summarize(in, c, link)
		v.summaries[s.ID] = s
		list.Commitments = append(list.Commitments, s)
		years[s.Year] = true
		v.byDoc[s.DocSlug] = append(v.byDoc[s.DocSlug], c)
		if v.badges[s.DocSlug] == nil {
			v.badges[s.DocSlug] = map[string][]render.Badge{}
		}
		clause := string(c.row.Clause)
		v.badges[s.DocSlug][clause] = append(v.badges[s.DocSlug][clause], render.Badge{URL: s.URL, Status: s.Status, Label: s.StatusLabel, Indicator: s.Indicator, Sample: s.Sample,
			List: link("/commitments/") + "?clause=" + url.QueryEscape(clause)})
	}
	list.Counts = countStatuses(in.commitments, tr, link("/commitments/"))
	for _, d := range in.docs {
		if len(v.byDoc[d.Slug]) > 0 {
			list.Documents = append(list.Documents, render.Option{Value: d.Slug, Label: d.Title})
		}
	}
	for _, d := range in.docs { // each document's clauses, in the registry's order
		g := render.OptionGroup{Label: d.Title, Lang: otherLang(d, lang)}
		for _, s := range list.Commitments {
			if s.DocSlug == d.Slug && s.Clause != "" && !slices.ContainsFunc(g.Options, func(o render.Option) bool { return o.Value == s.Clause }) {
				g.Options = append(g.Options, render.Option{Value: s.Clause, Label: s.ClauseLabel, Lang: g.Lang})
			}
		}
		if len(g.Options) > 0 {
			list.Clauses = append(list.Clauses, g)
		}
	}
	for _, k := range []string{track.Target, track.Disclosure, track.Institution} {
		list.Kinds = append(list.Kinds, render.Option{Value: k, Label: kindLabel(tr, k)})
	}
	for _, c := range list.Counts {
		list.Statuses = append(list.Statuses, render.Option{Value: c.Status, Label: c.Label})
	}
	for y := range years {
		list.Years = append(list.Years, y)
	}
	slices.Sort(list.Years)
	m.pages = append(m.pages, page{"commitments/index.html", "/commitments/", "commitments", list})

	for _, c := range in.commitments {
		s := v.summaries[string(c.row.ID)]
		p := render.CommitmentView{
			Page: base(s.Indicator, "/commitments/"+s.ID+"/", "commitments", home, render.Crumb{Title: tr.T("nav.all_commitments"), Path: "/commitments/"}),
			C:    s, Meaning: tr.T("status.meaning." + s.Status), Text: string(c.row.Text), Responsible: string(c.row.Responsible), Note: string(c.row.Note), Cadence: c.cadence,
			Scope: string(c.row.Scope), JSON: link("/data/commitments.json"),
		}
		if c.row.Reading != "" || c.row.Kind == track.Target && c.eval.HasTarget { // a direction alone is never judged: no reading
			p.Reading = tr.T("reading.words." + cmp.Or(string(c.eval.Reading), string(track.Level)))
		}
		if !c.eval.Made.IsZero() && c.row.Kind != track.Disclosure {
			p.Made = tr.Date(c.eval.Made)
		}
		p.Page.Description = s.Explanation
		p.Evidence = evidence(in, c, link)
		for _, o := range c.context {
			p.Context = append(p.Context, observedRow(c, o, tr))
		}
		for i, pub := range c.pubs {
			ev := c.eval.Publications[i]
			st := ev.Judge(in.asOfDay)
			label := st.LabelIn(lang)
			if ev.Scope != "" && ev.Scope != c.eval.Scope {
				label += tr.T("publication.other_scope", "scope", ev.Scope)
			}
			p.Publications = append(p.Publications, render.PublicationRow{Period: string(pub.Period), Due: pub.Due.Text, Published: pub.Published.Text,
				Status: string(st), StatusLabel: label, URL: safeURL(string(pub.URL)), Note: string(pub.Note)})
		}
		if c.row.Kind == track.Target || len(c.obs) > 0 {
			spec := charts.ProgressSpec{Table: tr, Indicator: s.Indicator, Unit: string(c.row.Unit), Target: c.eval.Target, HasTarget: c.eval.HasTarget}
			if !c.eval.Deadline.None() {
				spec.Deadline, spec.DeadlineLabel = c.eval.Deadline.Last(), c.eval.Deadline.StringIn(lang)
			}
			for _, o := range c.eval.Observations {
				series := o.Scope
				if c.eval.Reading == track.Cumulative && o.Period.Year != c.eval.Deadline.Year {
					// Another year's running total is not a step on this year's way.
					series = strings.TrimSpace(o.Scope + " " + tr.T("chart.year_total", "y", strconv.Itoa(o.Period.Year)))
				}
				spec.Points = append(spec.Points, charts.Point{At: o.Period.End(), Label: o.Period.LabelIn(lang), Value: o.Value, Sample: o.Sample, Series: series})
			}
			for _, pt := range c.result.Path {
				label := tr.Date(pt.At)
				if pt.At.Month() == 12 && pt.At.Day() == 31 {
					label = tr.T("date.year_end", "y", strconv.Itoa(pt.At.Year()))
				}
				spec.Path = append(spec.Path, charts.Point{At: pt.At, Label: label, Value: pt.Value})
			}
			if len(spec.Points) > 0 {
				ch, err := charts.Progress("chart-progress", spec)
				if err != nil {
					return fmt.Errorf("the chart of %s: %w", s.ID, err)
				}
				ch.Data = link("/data/commitments.json")
				e.publishChart(&ch, "/commitments/"+s.ID+"/", p.Page.Title)
				p.Chart, p.Page.Charts = &ch, true
			}
		}
		for _, rel := range c.related {
			if r, ok := v.summaries[rel]; ok {
				p.Related = append(p.Related, r)
			}
		}
		m.pages = append(m.pages, page{"commitments/" + s.ID + "/index.html", "/commitments/" + s.ID + "/", "commitment", p})
	}
	return nil
}

// timeline groups the commitments by deadline year.
func timeline(cs []*commitment, tr *i18n.Table, link func(string) string) []render.DeadlineYear {
	by := map[int][]*commitment{}
	for _, c := range cs {
		by[c.eval.Deadline.Year] = append(by[c.eval.Deadline.Year], c)
	}
	var out []render.DeadlineYear
	for _, y := range slices.Sorted(func(yield func(int) bool) {
		for y := range by {
			if !yield(y) {
				return
			}
		}
	}) {
		label := tr.T("date.year", "y", strconv.Itoa(y))
		if y == 0 {
			label = tr.T("date.none")
		}
		out = append(out, render.DeadlineYear{Year: y, Label: label, Counts: countStatuses(by[y], tr, filterURL(link("/commitments/"), "year", strconv.Itoa(y))), Total: len(by[y])})
	}
	if len(out) > 0 && out[0].Year == 0 { // undated last
		out = append(out[1:], out[0])
	}
	return out
}

// evidence lists a commitment's observations, oldest period first: the
// progress rows and the values metrics computed.
func evidence(in *input, c *commitment, link func(string) string) []render.EvidenceRow {
	tr, lang := in.tr, in.cfg.Language
	type row struct {
		render.EvidenceRow
		p value.Period
	}
	var rows []row
	for _, o := range c.obs {
		rows = append(rows, row{observedRow(c, o, tr), o.Period})
	}
	for _, dv := range c.derived {
		title := dv.metric.Title
		if title == "" {
			title = dv.metric.ID
		}
		rows = append(rows, row{render.EvidenceRow{Period: dv.Period.LabelIn(lang), Value: display(strconv.FormatFloat(roundTo(dv.Value, 2), 'f', -1, 64), data.Number) + string(c.row.Unit),
			Source: tr.T("evidence.computed", "dataset", datasetTitle(dv.dataset, in.tr)), SourceURL: link("/data/" + dv.dataset.ID + "/"), Note: tr.T("evidence.inputs", "metric", title, "inputs", dv.Inputs), Sample: dv.sample,
			Baseline: dv.Period.End().Before(c.eval.Made)}, dv.Period})
	}
	slices.SortStableFunc(rows, func(a, b row) int { return periodOrder(a.p, b.p) })
	out := make([]render.EvidenceRow, len(rows))
	for i, r := range rows {
		out[i] = r.EvidenceRow
	}
	return out
}

// periodOrder orders periods by their end, the longer after the shorter.
func periodOrder(a, b value.Period) int {
	return cmp.Or(a.End().Compare(b.End()), b.Start().Compare(a.Start()))
}

// latest lists the newest observations across all commitments.
func latest(cs []*commitment, views commitmentViews, n int, tr *i18n.Table) []render.EvidenceRow {
	type row struct {
		render.EvidenceRow
		p value.Period
	}
	var rows []row
	for _, c := range cs {
		for _, o := range c.obs {
			s := views.summaries[string(c.row.ID)]
			rows = append(rows, row{render.EvidenceRow{Commitment: s.Indicator, URL: s.URL, Period: o.Period.LabelIn(tr.Lang), Scope: o.Observation.Scope,
				Value: observed(c, o.ProgressRow, tr), Source: string(o.Source), SourceURL: safeURL(string(o.SourceURL)), Sample: c.sample}, o.Period})
		}
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		return cmp.Or(periodOrder(b.p, a.p), cmp.Compare(a.Commitment, b.Commitment))
	})
	var out []render.EvidenceRow
	for _, r := range rows[:min(n, len(rows))] {
		out = append(out, r.EvidenceRow)
	}
	return out
}

// observed writes an observation as the site shows it: a number with its
// unit, or done / not done for an institution.
// observedRow is a row of progress.csv as the commitment page shows it.
func observedRow(c *commitment, o observation, tr *i18n.Table) render.EvidenceRow {
	r := render.EvidenceRow{Period: o.Period.LabelIn(tr.Lang), Scope: o.Observation.Scope, Value: observed(c, o.ProgressRow, tr),
		Source: string(o.Source), SourceURL: safeURL(string(o.SourceURL)), SourceType: string(o.SourceType), Note: string(o.Note), Sample: c.sample,
		Baseline: o.Period.End().Before(c.eval.Made)}
	if !o.Observation.Published.IsZero() {
		r.Known = o.Observation.Published.Format(time.DateOnly)
	}
	return r
}

func observed(c *commitment, o kinds.ProgressRow, tr *i18n.Table) string {
	if o.Unit != "" { // a context row counting something else
		return display(o.Value.Text, data.Number) + string(o.Unit)
	}
	if c.row.Kind == track.Institution {
		if o.Value.Value >= 1 {
			return tr.T("evidence.done")
		}
		return tr.T("evidence.not_done")
	}
	return display(o.Value.Text, data.Number) + string(c.row.Unit)
}

func roundTo(v float64, digits int) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', digits, 64), 64)
	return r
}

// safeURL keeps only http and https addresses as links (the data layer has
// checked them already; this keeps the rule where the link is made).
func safeURL(u string) string {
	if len(u) > 7 && (u[:7] == "http://" || len(u) > 8 && u[:8] == "https://") {
		return u
	}
	return ""
}

// addStatusChanges gives each commitment page its status changes in the
// site's recent builds. It runs last in compute: the builds of earlier
// commits are read meanwhile, and it waits for them.
func addStatusChanges(m *model, lang string) {
	all, _ := m.statusHistory()
	changes := map[string][]render.StatusChange{}
	for _, ch := range all {
		changes[ch.id] = append(changes[ch.id], render.StatusChange{Date: ch.when.Format(time.DateOnly),
			From: string(ch.from.Status), To: string(ch.to.Status), FromLabel: ch.from.Status.LabelIn(lang), ToLabel: ch.to.Status.LabelIn(lang)})
	}
	for i := range m.pages {
		if v, ok := m.pages[i].view.(render.CommitmentView); ok && len(changes[v.C.ID]) > 0 {
			v.Changes = changes[v.C.ID]
			m.pages[i].view = v
		}
	}
}

// otherLang is the language a document is written in when it is not the
// site's, lang; "" when it is (its text then needs no lang of its own).
func otherLang(d *policy.Document, lang string) string {
	if d.Language == "" || d.Language == lang {
		return ""
	}
	return d.Language
}
