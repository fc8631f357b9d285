package site

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongkai/generator/internal/charts"
	"gongkai/generator/internal/data"
	"gongkai/generator/internal/kinds"
	"gongkai/generator/internal/render"
	"gongkai/generator/internal/track"
)

// The annual reports on government information disclosure: /annual-reports/
// says which bodies published each year's report on time, late or not at
// all, with the format's key figures across years; /annual-reports/<body>/
// gives one body's reports as published. A report counts from the day it
// was published, so a build as of an earlier day shows only what was
// public then.

// annualReportsView is /annual-reports/ (Body nil) and each body's page.
type annualReportsView struct {
	render.Page
	Dataset render.DatasetSummary
	Years   []int // the report years, oldest first
	Bodies  []arBody
	Figures []arFigures // by year, oldest first
	Chart   *charts.Chart
	Body    *arBody      // a body's page: the body
	Reports []arReport   // a body's page: its reports, newest first
	Units   int          // how many bodies the dataset has
	Index   string       // the address of /annual-reports/
	Sample  bool         // the data is sample data
	Unit    string       // the unit of the counts: 件
	Late    []arYearCell // reports published late or not found, for the overview
}

// arBody is a body, with its statutory duty judged as a disclosure commitment.
type arBody struct {
	Name, URL   string
	Status      string // the duty's status id
	StatusLabel string
	Explanation string
	Years       []arYearCell // by the view's Years
}

// arYearCell is how one year's report of a body was published.
type arYearCell struct {
	Body        string
	Year        int
	Status      string // on-time, late, missing, not-due
	StatusLabel string
	Published   string // YYYY-MM-DD, or ""
	Due         string
	URL         string // the report's own address, if given
}

// arFigures are the key figures of one year, summed over the reports on record.
type arFigures struct {
	Year                                   int
	Reports                                string // "3 / 3"
	New, Granted, Partly, Review, Lawsuits string
	Corrected                              string // reviews and suits that corrected the body
}

// arReport is one published report on a body's page.
type arReport struct {
	Year      int
	Cell      arYearCell
	Tables    []arTable
	Given     int // how many of the format's numbers the report gives
	Complete  int
	Anchor    string
	Published string
}

// arTable is a table of a report as the format prints it.
type arTable struct {
	Span    int // how many columns a row has, with its item
	Heading string
	Caption string
	Head1   []arHead // the first header row
	Head2   []string // the second, under the grouped columns; nil when none
	Rows    []arRow
}

type arHead struct {
	Text             string
	Colspan, Rowspan int
}

type arRow struct {
	Group string // set on the first row of a group: the group's heading row
	Item  string
	Cells []string
}

// computeAnnualReports adds /annual-reports/ and a page per body.
func computeAnnualReports(e *env) error {
	in, tr, lang := e.in, e.tr, e.in.cfg.Language
	d, _ := in.dataset("annual-reports")
	all, err := kinds.ReadAnnualReports(d)
	if err != nil {
		return err
	}
	var reports []*kinds.AnnualReport // those public by the as-of day
	var names []string
	minYear, maxYear := 0, 0
	for _, r := range all {
		if !slices.Contains(names, r.Body) {
			names = append(names, r.Body)
		}
		if minYear == 0 || r.Year < minYear {
			minYear = r.Year
		}
		if r.Published.After(in.asOfDay) {
			continue
		}
		reports = append(reports, r)
	}
	// Every year from the first on record to the last whose report was due
	// by the as-of day, or the latest public by then: a report published
	// later is not known yet, nor is its year.
	for _, r := range reports {
		maxYear = max(maxYear, r.Year)
	}
	for y := max(maxYear, minYear-1) + 1; !kinds.AnnualReportDue(y).After(in.asOfDay); y++ {
		maxYear = y
	}
	var years []int
	for y := minYear; y <= maxYear; y++ {
		years = append(years, y)
	}
	find := func(body string, year int) *kinds.AnnualReport {
		for _, r := range reports {
			if r.Body == body && r.Year == year {
				return r
			}
		}
		return nil
	}
	index := "/annual-reports/"
	home := e.homeCrumb()
	sum := datasetSummary(d, tr, e.link)
	v := annualReportsView{Page: e.base(sum.Title, index, "data", home, render.Crumb{Title: tr.T("nav.data"), Path: "/data/"}),
		Dataset: sum, Years: years, Units: len(names), Index: e.link(index), Sample: d.Sample, Unit: tr.T("ar.unit")}
	v.Description = d.Description
	bodies := make([]arBody, len(names))
	for i, name := range names {
		b := arBody{Name: name, URL: e.link(cityPath("annual-reports", name))}
		duty := track.Commitment{Kind: track.Disclosure, Deadline: deadlineOf(kinds.AnnualReportDue(minYear)), Lang: lang}
		for _, y := range years {
			cell := arYearCell{Body: name, Year: y, Due: kinds.AnnualReportDue(y).Format(time.DateOnly)}
			p := track.Publication{Period: strconv.Itoa(y), Due: kinds.AnnualReportDue(y), Sample: d.Sample}
			if r := find(name, y); r != nil {
				p.Published = r.Published
				cell.Published, cell.URL = r.Published.Format(time.DateOnly), safeURL(r.URL)
			}
			st := p.Judge(in.asOfDay)
			cell.Status, cell.StatusLabel = string(st), st.LabelIn(lang)
			b.Years = append(b.Years, cell)
			duty.Publications = append(duty.Publications, p)
			if st == track.Late || st == track.Missing {
				v.Late = append(v.Late, cell)
			}
		}
		res := track.Evaluate(duty, in.asOfDay)
		b.Status, b.StatusLabel, b.Explanation = string(res.Status), res.Status.LabelIn(lang), res.Explanation
		bodies[i] = b
	}
	v.Bodies = bodies
	// Key figures by year, over the reports on record.
	series := make([]charts.Series, len(names))
	for i, name := range names {
		series[i] = charts.Series{Name: name, Values: make([]float64, len(years))}
	}
	for j, y := range years {
		f := arFigures{Year: y}
		var got []*kinds.AnnualReport
		for i, name := range names {
			series[i].Values[j] = math.NaN()
			if r := find(name, y); r != nil {
				got = append(got, r)
				if n, ok := r.Value(kinds.ARRequests, kinds.ARNew, kinds.ARSum); ok {
					series[i].Values[j] = n
				}
			}
		}
		f.Reports = tr.T("ar.reports_of", "n", strconv.Itoa(len(got)), "of", strconv.Itoa(len(names)))
		// total sums the cells (item, column) of table over the reports on record.
		total := func(table string, cells ...[2]string) string {
			s, any := 0.0, false
			for _, r := range got {
				for _, c := range cells {
					if x, ok := r.Value(table, c[0], c[1]); ok {
						s, any = s+x, true
					}
				}
			}
			if !any {
				return "—"
			}
			return display(plainNum(s), data.Number)
		}
		direct, afterReview := "行政诉讼/未经复议直接起诉", "行政诉讼/复议后起诉"
		f.New = total(kinds.ARRequests, [2]string{kinds.ARNew, kinds.ARSum})
		f.Granted = total(kinds.ARRequests, [2]string{kinds.ARGranted, kinds.ARSum})
		f.Partly = total(kinds.ARRequests, [2]string{kinds.ARPartly, kinds.ARSum})
		f.Review = total(kinds.ARAppeals, [2]string{kinds.ARReview, kinds.ARSum})
		f.Lawsuits = total(kinds.ARAppeals, [2]string{direct, kinds.ARSum}, [2]string{afterReview, kinds.ARSum})
		f.Corrected = total(kinds.ARAppeals, [2]string{kinds.ARReview, kinds.ARCorrected}, [2]string{direct, kinds.ARCorrected}, [2]string{afterReview, kinds.ARCorrected})
		v.Figures = append(v.Figures, f)
	}
	if len(reports) > 0 {
		ch, err := charts.Lines(tr, "chart-ar-new", tr.T("ar.chart_new"), tr.T("ar.unit"), years, series, nil, d.Sample)
		if err != nil {
			return err
		}
		ch.Data = sum.CSV
		e.publishChart(&ch, index, v.Page.Title)
		v.Chart, v.Page.Charts = &ch, true
	}
	e.add("annual-reports/index.html", index, "annual-reports", v)

	// A page per body: its duty and its reports as published, newest first.
	for i := range bodies {
		b := &bodies[i]
		path := cityPath("annual-reports", b.Name)
		bv := annualReportsView{Page: e.base(b.Name+tr.T("ar.body_suffix"), path, "data", home, render.Crumb{Title: sum.Title, Path: index}),
			Dataset: sum, Years: years, Body: b, Index: e.link(index), Sample: d.Sample, Unit: v.Unit}
		for j := len(years) - 1; j >= 0; j-- {
			r := find(b.Name, years[j])
			rv := arReport{Year: years[j], Cell: b.Years[j], Anchor: "y" + strconv.Itoa(years[j])}
			if r != nil {
				rv.Tables = reportTables(r, tr.T("ar.col_item"))
				rv.Given, rv.Complete = len(r.Values), kinds.AnnualReportCells()
			}
			bv.Reports = append(bv.Reports, rv)
		}
		e.add(path[1:]+"index.html", path, "annual-reports", bv)
	}
	return nil
}

// searchAnnualReports adds each body that reports, found by its name.
func searchAnnualReports(e *env, d *data.Dataset, add addDoc) error {
	all, err := kinds.ReadAnnualReports(d)
	if err != nil {
		return err
	}
	var seen []string
	for _, r := range all {
		if slices.Contains(seen, r.Body) {
			continue
		}
		seen = append(seen, r.Body)
		add(e.tr.T("search.kind_annual_report"), r.Body+e.tr.T("ar.body_suffix"), datasetTitle(d, e.tr), e.link(cityPath("annual-reports", r.Body))).Sample = d.Sample
	}
	return nil
}

// deadlineOf is a day as a deadline.
func deadlineOf(t time.Time) track.Deadline {
	return track.Deadline{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// reportTables lays a report out as the format prints its tables: the
// proactive table as one table per group of the 条例's clauses, the others
// with their grouped columns and rows.
func reportTables(r *kinds.AnnualReport, itemHeader string) []arTable {
	cell := func(table, item, column string) string {
		if v, ok := r.Value(table, item, column); ok {
			return display(plainNum(v), data.Number)
		}
		return "—"
	}
	var out []arTable
	for i := range kinds.AnnualReportFormat {
		t := &kinds.AnnualReportFormat[i]
		if t.Columns == nil { // rows with their own columns: a table per group
			for j := 0; j < len(t.Rows); {
				g := t.Rows[j].Group
				cols := t.Cols(t.Rows[j])
				tab := arTable{Heading: t.Heading, Caption: g, Head1: heads(itemHeader, cols), Span: len(cols) + 1}
				for ; j < len(t.Rows) && t.Rows[j].Group == g; j++ {
					row := arRow{Item: t.Rows[j].Item}
					for _, c := range cols {
						row.Cells = append(row.Cells, cell(t.Name, t.Rows[j].Item, c))
					}
					tab.Rows = append(tab.Rows, row)
				}
				if j > len(tab.Rows) { // not the table's first group
					tab.Heading = ""
				}
				out = append(out, tab)
			}
			continue
		}
		tab := arTable{Heading: t.Heading, Head1: heads(itemHeader, t.Columns), Span: len(t.Columns) + 1}
		for _, c := range t.Columns {
			if k := strings.Index(c, "/"); k >= 0 {
				tab.Head2 = append(tab.Head2, c[k+1:])
			}
		}
		group := ""
		for _, rw := range t.Rows {
			row := arRow{Item: rw.Item}
			if k := strings.LastIndex(rw.Item, "/"); k >= 0 {
				row.Item = rw.Item[k+1:]
				if g := rw.Item[:k]; g != group {
					row.Group, group = g, g
				}
			} else {
				group = ""
			}
			for _, c := range t.Columns {
				row.Cells = append(row.Cells, cell(t.Name, rw.Item, c))
			}
			tab.Rows = append(tab.Rows, row)
		}
		out = append(out, tab)
	}
	return out
}

// heads is the first header row: the item column, then each column, the
// columns under a common heading ("法人或其他组织/商业企业") joined under it.
func heads(item string, cols []string) []arHead {
	grouped := slices.ContainsFunc(cols, func(c string) bool { return strings.Contains(c, "/") })
	rows := 1
	if grouped {
		rows = 2
	}
	out := []arHead{{Text: item, Rowspan: rows}}
	for _, c := range cols {
		k := strings.Index(c, "/")
		if k < 0 {
			out = append(out, arHead{Text: c, Rowspan: rows})
			continue
		}
		if last := &out[len(out)-1]; last.Rowspan == 1 && last.Text == c[:k] {
			last.Colspan++
			continue
		}
		out = append(out, arHead{Text: c[:k], Colspan: 1, Rowspan: 1})
	}
	return out
}
