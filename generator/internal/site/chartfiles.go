package site

import (
	"bytes"
	"encoding/csv"
	"html"
	"strconv"
	"strings"

	"gongkai/generator/internal/charts"
	"gongkai/generator/internal/publish"
	"gongkai/generator/internal/render"
)

// publishChart gives a chart of the page at sitePath (e.g.
// "/commitments/x/", titled pageTitle) what a reader takes away: its own
// CSV of exactly the numbers it draws, written beside the page as
// <chart id>.csv, and a line saying how to cite it (site, page, address,
// as-of date).
func (e *env) publishChart(ch *charts.Chart, sitePath, pageTitle string) {
	if ch == nil {
		return
	}
	if len(ch.Rows) > 1 {
		name := sitePath[1:] + ch.ID + ".csv"
		e.m.files = append(e.m.files, file{name, chartCSV(ch.Rows)})
		ch.CSV = e.link("/" + name)
	}
	date := e.in.asOf
	if !e.in.asOfDay.IsZero() {
		date = e.tr.Date(e.in.asOfDay)
	}
	ch.Cite = e.tr.T("chart.cite", "site", e.site.Title, "page", pageTitle, "url", publish.Absolute(e.in.cfg.BaseURL, sitePath), "date", date)
	e.embedChart(ch, sitePath, pageTitle)
}

// embedChart adds the chart's page alone, /embed/<page>/<chart id>/, for
// journalists and other sites to show in a frame: the chart, its caption,
// CSV and citation, a link back, and no site header or footer; the same
// Content-Security-Policy as every page. It is not in the sitemap.
func (e *env) embedChart(ch *charts.Chart, sitePath, pageTitle string) {
	path := "/embed" + sitePath + ch.ID + "/"
	embedded := *ch // the embed page's chart links back instead of to itself
	embedded.Embed = ""
	ch.Embed = e.link(path)
	v := render.EmbedView{Page: e.base(pageTitle, path, ""), Chart: &embedded, Source: e.link(sitePath),
		Code: `<iframe src="` + publish.Absolute(e.in.cfg.BaseURL, path) + `" title="` + html.EscapeString(pageTitle) + `" width="100%" height="480" style="border:0"></iframe>`}
	v.Page.Charts, v.Page.Embed, v.Page.Description = true, true, ch.Summary
	e.add(path[1:]+"index.html", "", "embed", v)
}

// chartCSV writes rows as CSV with a byte-order mark, so Excel reads the
// Chinese as UTF-8. A text that a spreadsheet would run as a formula (a
// series named "=HYPERLINK(…)") gets a leading apostrophe; numbers stay.
func chartCSV(rows [][]string) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	for _, row := range rows {
		safe := make([]string, len(row))
		for i, cell := range row {
			safe[i] = cell
			if _, err := strconv.ParseFloat(cell, 64); err != nil && cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				safe[i] = "'" + cell
			}
		}
		_ = w.Write(safe) // a bytes.Buffer does not fail
	}
	w.Flush()
	return b.Bytes()
}
