package site

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"gongkai/generator/internal/config"
	"gongkai/generator/internal/data"
	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/kinds"
	"gongkai/generator/internal/policy"
	"gongkai/generator/internal/track"
)

// commitment is a registry row joined with its document, its evidence and
// its verdict.
type commitment struct {
	row     kinds.CommitmentRow
	doc     *policy.Document
	obs     []observation // known by the as-of day
	context []observation // figures on another definition: shown beside the evidence, never judging
	derived []derived     // observations computed by a metric, known by the as-of day
	pubs    []kinds.DisclosureRow
	eval    track.Commitment
	result  track.Result
	sample  bool // the registry or its evidence is sample data
	related []string
	cadence string // how often a disclosure is made, in words (每年); empty: no cadence
	target  track.TargetSpec
}

// observation is a row of progress.csv and what the rules read of it.
type observation struct {
	kinds.ProgressRow
	track.Observation
}

// loadCommitments binds the registry and its evidence, checks them against
// the policy text, and evaluates every commitment as of asOf.
func loadCommitments(in *input, asOf time.Time, diags *diag.List) []*commitment {
	byID := map[string]*data.Dataset{}
	for _, d := range in.datasets {
		byID[d.ID] = d
	}
	reg := byID["commitments"]
	if reg == nil {
		return nil
	}
	rows, err := data.Bind[kinds.CommitmentRow](reg)
	if err != nil {
		diags.Errorf(diag.Pos{File: reg.Files[0].Path}, "%v", err)
		return nil
	}
	docs := map[string]*policy.Document{}
	for _, d := range in.docs {
		docs[d.Slug] = d
	}
	var out []*commitment
	index := map[string]*commitment{}
	for _, r := range rows {
		c := &commitment{row: r, sample: reg.Sample}
		at := func(col string, format string, args ...any) {
			diags.Errorf(r.Pos.At(), "column %s: %s", col, fmt.Sprintf(format, args...))
		}
		c.doc = docs[string(r.Document)]
		switch {
		case c.doc == nil:
			if d := in.draft(string(r.Document)); d != "" {
				at("document", "%q is a draft (draft: true in %s), so it is not published and neither can its commitments be: publish it, or build with --drafts to preview", r.Document, d)
				break
			}
			at("document", "%q is not a policy document: the documents are %s", r.Document, docSlugs(in.docs))
		default:
			text, ok := c.doc.Anchor(string(r.Clause))
			switch {
			case !ok:
				at("clause", "%q is not a clause of %s: %s", r.Clause, r.Document, c.doc.IDHint(string(r.Clause)))
			case !strings.Contains(squeeze(text), squeeze(string(r.Text))):
				at("text", "the quoted words do not occur in %s: copy them exactly from the published text", r.Clause)
			}
		}
		var made time.Time
		if c.doc != nil && c.doc.Date != "" {
			made, _ = time.Parse(time.DateOnly, c.doc.Date)
		}
		var deadline track.Deadline // none when the text sets none: the commitment is judged without one
		if r.Deadline != "" {
			var err error
			if deadline, err = track.ParseDeadlineText(string(r.Deadline), made); err != nil {
				at("deadline", "%v", err)
			}
		}
		var target track.TargetSpec
		switch string(r.Kind) {
		case track.Target:
			if r.Comparator == "up" || r.Comparator == "down" {
				if r.Target != "" {
					at("target", "comparator %s (%s) is for a text that gives only a direction: leave target empty", r.Comparator, map[string]string{"up": "提高", "down": "降低"}[string(r.Comparator)])
				}
				break
			}
			if r.Target == "" || r.Comparator == "" {
				at("target", "a target commitment needs a comparator (>=, <=, ==, 左右 or 区间) and a target number, or up/down (提高/降低) when the text gives only a direction")
				break
			}
			var err error
			if target, err = track.ParseTarget(string(r.Target), string(r.Comparator), string(r.Unit), reg.Schema.Numbers); err != nil {
				at("target", "%v", err)
			}
		case track.Disclosure, track.Institution:
			if r.Target != "" {
				at("target", "a %s commitment has no target number: leave target empty", r.Kind)
			}
		}
		var reading track.Reading
		if r.Reading != "" {
			var ok bool
			switch reading, ok = track.ParseReading(string(r.Reading)); {
			case !ok:
				at("reading", "%q is not a reading: write level (水平), rate (当期), cumulative (累计) or once (达到即可), or leave it empty", r.Reading)
			case r.Kind == track.Disclosure:
				at("reading", "a disclosure commitment is judged by its publications: leave reading empty")
			case (reading == track.Rate || reading == track.Cumulative) && deadline.None():
				at("reading", "%s is for a target of one year: give the deadline year", r.Reading)
			}
		}
		c.target = target
		c.eval = track.Commitment{
			Kind: string(r.Kind), Comparator: string(r.Comparator), Unit: string(r.Unit), Deadline: deadline, Reading: reading, Scope: string(r.Scope),
			Target: target.Value, TargetMax: target.Max, Tolerance: target.Tolerance, HasTarget: r.Target != "" && r.Kind == track.Target,
			Baseline: r.Baseline.Value, HasBaseline: r.Baseline.Valid, BaselineYear: int(r.BaselineYear.Value), Made: made,
			Lang: in.cfg.Language,
		}
		c.related = strings.Fields(string(r.Related))
		out = append(out, c)
		index[string(r.ID)] = c
	}
	for _, c := range out {
		for _, rel := range c.related {
			if index[rel] == nil {
				diags.Errorf(c.row.Pos.At(), "column related: %q is not a commitment id", rel)
			} else if !slices.Contains(index[rel].related, string(c.row.ID)) {
				diags.Warnf(c.row.Pos.At(), "column related: %s lists %s, but %s does not list %s back", c.row.ID, rel, rel, c.row.ID)
			}
		}
	}
	if d := byID["progress"]; d != nil {
		rows, err := data.Bind[kinds.ProgressRow](d)
		if err != nil {
			diags.Errorf(diag.Pos{File: d.Files[0].Path}, "%v", err)
		}
		for _, r := range rows {
			c := index[string(r.Commitment)]
			if c == nil {
				continue
			}
			o := track.Observation{Period: r.Year.Period, Value: r.Value.Value, Scope: string(r.Scope), Sample: d.Sample}
			if r.Published.Valid {
				if o.Published, err = time.Parse(time.DateOnly, r.Published.Text); err != nil {
					diags.Errorf(r.Pos.At(), "column published: %q is not a day: write it like 2016-05-20", r.Published.Text)
					continue
				}
				if o.Published.Before(o.Period.Start()) {
					diags.Errorf(r.Pos.At(), "column published: %s is before the period %s began: a value cannot be published before the period it describes", r.Published.Text, o.Period.Label())
				}
			}
			if p := o.Period; c.row.Kind == track.Target && c.row.Reading == "" && p.Day == 0 && p.From == 1 && p.To > 1 && p.To < 12 {
				diags.Warnf(r.Pos.At(), "column year: %s is a total for the year so far, but %s is read as a level (no reading in the registry): give it the reading 累计 (a total for the year) or 当期 (a rate for the year), or 水平 to keep this reading",
					p.Label(), c.row.ID)
			}
			if !o.KnownBy(asOf) {
				continue // not yet known on the as-of day: as if not yet written
			}
			if r.Role == "context" {
				c.context = append(c.context, observation{ProgressRow: r, Observation: o})
				continue
			}
			if r.Unit != "" && r.Unit != c.row.Unit {
				diags.Errorf(diag.Pos{File: r.Pos.File, Line: r.Pos.Line}, "column unit: %s is not the unit of %s (%s): a value that judges a commitment is in its unit; a figure in another unit is context — write 参考 in 用途",
					r.Unit, r.Commitment, cmp.Or(string(c.row.Unit), "none"))
			}
			c.obs = append(c.obs, observation{ProgressRow: r, Observation: o})
			c.eval.Observations = append(c.eval.Observations, o)
			c.sample = c.sample || d.Sample
		}
	}
	if d := byID["disclosures"]; d != nil {
		rows, err := data.Bind[kinds.DisclosureRow](d)
		if err != nil {
			diags.Errorf(diag.Pos{File: d.Files[0].Path}, "%v", err)
		}
		for _, r := range rows {
			c := index[string(r.Commitment)]
			if c == nil {
				continue
			}
			if c.row.Kind != track.Disclosure {
				diags.Errorf(r.Pos.At(), "column commitment: %s is a %s commitment; disclosures.csv is for disclosure commitments", r.Commitment, c.row.Kind)
				continue
			}
			due, _ := time.Parse(time.DateOnly, r.Due.Text)
			p := track.Publication{Period: string(r.Period), Due: due, Scope: string(r.Scope), Sample: d.Sample}
			if r.Published.Valid {
				p.Published, _ = time.Parse(time.DateOnly, r.Published.Text)
				if p.Published.After(asOf) {
					// Not yet published on the as-of day.
					p.Published, r.Published, r.URL = time.Time{}, data.DateText{}, ""
				}
			}
			c.pubs = append(c.pubs, r)
			c.eval.Publications = append(c.eval.Publications, p)
			c.sample = c.sample || d.Sample
		}
	}
	for _, c := range out {
		expectPublications(c, asOf, in.tr, diags)
	}
	measure(in, out, byID, diags)
	return out
}

// judge gives every commitment its verdict as of the as-of day: the stage
// after the input checked clean (check stops before it).
func judge(in *input) {
	for _, c := range in.commitments {
		c.result = track.Evaluate(c.eval, in.asOfDay)
	}
}

// maxExpected bounds the publications a cadence expects of one commitment
// (fifty years of monthly ones).
const maxExpected = 600

// expectPublications adds, for a disclosure commitment with a cadence, every
// publication the cadence expects up to the first not yet due — the first
// due at the deadline — that disclosures.csv does not list (a row whose due
// date is the expected one stands for it). They count as missing once due,
// and the site says no record was found rather than that they were not made.
func expectPublications(c *commitment, asOf time.Time, tr *i18n.Table, diags *diag.List) {
	r := c.row
	if r.Cadence == "" {
		return
	}
	at := func(format string, args ...any) {
		diags.Errorf(r.Pos.At(), "column cadence: "+format, args...)
	}
	f, ok := data.ParseCadence(string(r.Cadence))
	switch {
	case !ok:
		at("%q is not a cadence: write 每年, 每半年, 每季度 or 每月 (or R/P1Y, R/P6M, R/P3M, R/P1M)", r.Cadence)
		return
	case r.Kind != track.Disclosure:
		at("only disclosure commitments have a cadence; this one's kind is %s", r.Kind)
		return
	case c.eval.Deadline.None():
		at("a cadence needs a deadline: the day the first publication is due")
		return
	}
	c.cadence = frequencyWords(f, tr)
	listed := map[string]bool{}
	for _, p := range c.eval.Publications {
		if p.Scope == "" || p.Scope == c.eval.Scope { // a narrower record does not stand for the expected one
			listed[p.Due.Format(time.DateOnly)] = true
		}
	}
	first := c.eval.Deadline.Last()
	for k := 0; k < maxExpected; k++ {
		due := f.Nth(first, k)
		if !listed[due.Format(time.DateOnly)] {
			c.pubs = append(c.pubs, kinds.DisclosureRow{Period: data.Text(tr.T("disclosure.inferred", "cadence", c.cadence, "n", strconv.Itoa(k+1))),
				Due: data.DateText{Text: due.Format(time.DateOnly), Valid: true}, Note: data.Text(tr.T("disclosure.not_found"))})
			c.eval.Publications = append(c.eval.Publications, track.Publication{Period: string(c.pubs[len(c.pubs)-1].Period), Due: due, Inferred: true})
		}
		if due.After(asOf) {
			break
		}
	}
	// In order of due date, listed and expected alike.
	order := make([]int, len(c.pubs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return c.eval.Publications[a].Due.Compare(c.eval.Publications[b].Due) })
	pubs, evals := make([]kinds.DisclosureRow, len(order)), make([]track.Publication, len(order))
	for i, j := range order {
		pubs[i], evals[i] = c.pubs[j], c.eval.Publications[j]
	}
	c.pubs, c.eval.Publications = pubs, evals
}

// derived is an observation a metric computed from a dataset.
type derived struct {
	track.MetricPoint
	metric  config.Metric
	dataset *data.Dataset
	sample  bool // computed from sample data (the dataset's or the per dataset's)
}

// measure computes the metrics of site.toml and gives each commitment whose
// measure names one the observations it computes.
func measure(in *input, cs []*commitment, byID map[string]*data.Dataset, diags *diag.List) {
	metrics := map[string]config.Metric{}
	points := map[string][]track.MetricPoint{}
	// Results kept from the last build for the same datasets and settings.
	var kept map[metricKey]metricResult
	next := map[metricKey]metricResult{}
	if in.reuse != nil {
		kept = in.reuse.metrics
		defer func() { in.reuse.metrics = next }()
	}
	computeMetric := func(tm track.Metric, d *data.Dataset) ([]track.MetricPoint, error) {
		key := metricKey{d: d, spec: fmt.Sprintf("%#v", tm)}
		r, ok := kept[key]
		if !ok {
			r.points, r.err = keptResult(in.kept, d, "metric "+key.spec, func() ([]track.MetricPoint, error) { return computeMetric(tm, d) })
		}
		next[key] = r
		return r.points, r.err
	}
	for _, m := range in.cfg.Metrics {
		metrics[m.ID] = m
		pos := diag.Pos{File: config.File, Line: m.Line, Col: 1}
		d := byID[m.Dataset]
		if d == nil {
			diags.Errorf(pos, "metric %q: there is no dataset %q", m.ID, m.Dataset)
			continue
		}
		tm := track.Metric{ID: m.ID, Title: m.Title, Dataset: m.Dataset, Year: m.Year, Snapshot: m.Snapshot, Value: m.Value, Column: m.Column, Where: m.Where,
			SeriesColumn: m.SeriesColumn, Numerator: m.Numerator, Denominator: m.Denominator, Scale: m.Scale, Group: m.Group, Match: m.Match}
		pts, err := computeMetric(tm, d)
		sample := d.Sample
		if err == nil && m.Per != nil {
			per := byID[m.Per.Dataset]
			if per == nil {
				diags.Errorf(pos, "metric %q: per: there is no dataset %q", m.ID, m.Per.Dataset)
				continue
			}
			den, perr := computeMetric(track.Metric{ID: m.ID, Dataset: m.Per.Dataset, Year: m.Per.Year, Value: "sum", Column: m.Per.Column}, per)
			if perr != nil {
				diags.Errorf(pos, "metric %q: per: %v", m.ID, perr)
				continue
			}
			pts = track.Per(pts, den, m.Dataset, m.Per.Dataset+"."+m.Per.Column, m.Scale)
			sample = sample || per.Sample
		}
		var rowErr *track.RowError
		switch {
		case errors.As(err, &rowErr):
			diags.Errorf(d.Pos(rowErr.File, rowErr.Line), "column %s: %s", rowErr.Column, rowErr.Msg)
			continue
		case err != nil:
			diags.Errorf(pos, "metric %q: %v", m.ID, err)
			continue
		}
		points[m.ID] = pts
		for _, c := range cs {
			if string(c.row.Measure) != m.ID {
				continue
			}
			for _, p := range pts {
				o := track.Observation{Period: p.Period, Value: p.Value, Sample: sample}
				if !o.KnownBy(in.asOfDay) {
					continue
				}
				c.derived = append(c.derived, derived{MetricPoint: p, metric: m, dataset: d, sample: sample})
				c.eval.Observations = append(c.eval.Observations, o)
			}
			c.sample = c.sample || sample
		}
	}
	for _, c := range cs {
		if m := string(c.row.Measure); m != "" {
			if _, ok := metrics[m]; !ok {
				diags.Errorf(c.row.Pos.At(), "column measure: %q is not a metric declared in site.toml ([[metric]] id)", m)
			}
		}
	}
}

// computeMetric checks the metric against the dataset's columns and runs it.
func computeMetric(tm track.Metric, d *data.Dataset) ([]track.MetricPoint, error) {
	var cols []string
	for _, c := range d.Columns {
		cols = append(cols, c.Name)
	}
	if problem := tm.Check(cols); problem != "" {
		return nil, errors.New(problem)
	}
	index := map[string]int{}
	for i, c := range cols {
		index[c] = i
	}
	return tm.Compute(func(fn func(string, int, track.MetricRow) error) error {
		return d.Each(func(file string, line int, cells []data.Cell) error {
			if d.IsSubtotal(file, line) {
				return nil // a 类 or 款 row restating the rows under it: counted once, in them
			}
			return fn(file, line, func(col string) (string, float64, bool) {
				c := cells[index[col]]
				return c.Text, c.Num, c.Missing
			})
		})
	})
}

// squeeze drops white space, so a quote matches however the text is broken into lines.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func docSlugs(docs []*policy.Document) string {
	var s []string
	for _, d := range docs {
		s = append(s, d.Slug)
	}
	return strings.Join(s, ", ")
}
