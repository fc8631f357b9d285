package site

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/data/value"
	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/publish"
	"gongkai/generator/internal/render"
)

// typeName is a column type in the words the site uses (the table's
// type.<type>: 文本, 整数… / text, whole number…).
func typeName(tr *i18n.Table, t data.Type) string { return tr.T("type." + string(t)) }

// datasetSummaries sums up every dataset as the catalogue lists it.
func datasetSummaries(in *input, link func(string) string) []render.DatasetSummary {
	var sums []render.DatasetSummary
	for _, d := range in.datasets {
		s := datasetSummary(d, in.tr, link)
		s.Columns, s.Files = len(d.Columns), len(d.Files)
		freshness(in, d, &s)
		sums = append(sums, s)
	}
	return sums
}

// datasetSummary sums up a dataset for a page that shows or links to it:
// its page and its downloads — the .xlsx only when the dataset fits an
// Excel sheet (see publish.FitsXLSX; write writes it then).
func datasetSummary(d *data.Dataset, tr *i18n.Table, link func(string) string) render.DatasetSummary {
	s := render.DatasetSummary{ID: d.ID, Title: datasetTitle(d, tr), URL: link("/data/" + d.ID + "/"),
		CSV: link("/data/" + d.ID + ".csv"), JSON: link("/data/" + d.ID + ".json"), Rows: d.Rows, Sample: d.Sample}
	if publish.FitsXLSX(d) {
		s.XLSX = link("/data/" + d.ID + ".xlsx")
	}
	return s
}

// computeData adds the catalogue and one page per dataset, with links to
// the pages of the families that show them.
func computeData(e *env) error {
	in, m, sums, base, link := e.in, e.m, e.sums, e.base, e.link
	m.datasets = in.datasets
	tr := in.tr
	home := e.homeCrumb()
	index := render.DataIndexView{Page: base(tr.T("nav.data"), "/data/", "data", home), Datasets: sums}
	for _, d := range in.datasets {
		if f := owner(d.ID); f != nil && f.topic != "" && d.Rows > 0 {
			index.Topics = append(index.Topics, render.Option{Value: link("/" + f.id + "/"), Label: tr.T(f.topic)})
		}
	}
	m.pages = append(m.pages, page{"data/index.html", "/data/", "data-index", index})
	cat := catalogOf(in.cfg, in.tr, in.history, in.asOf, in.datasets)
	for i, d := range in.datasets {
		path := "/data/" + d.ID + "/"
		v := render.DatasetView{
			Page:        base(sums[i].Title, path, "data", home, render.Crumb{Title: tr.T("nav.data"), Path: "/data/"}),
			Dataset:     sums[i],
			Description: d.Description,
			Updated:     d.Updated,
			Sources:     sourceLinks(d.Sources),
			Inferred:    d.Schema.Inferred,
		}
		if in.history != nil {
			v.Committed = tr.T("dataset.not_committed")
			if t, ok := lastCommit(in.history, d); ok {
				v.Committed = t.Format(time.DateOnly)
			}
		}
		v.Page.Description = d.Description
		v.Page.Alternates = []render.Alternate{
			{Type: "text/csv", Href: sums[i].CSV, Title: tr.T("dataset.alternate", "title", sums[i].Title, "format", "CSV")},
			{Type: "application/json", Href: sums[i].JSON, Title: tr.T("dataset.alternate", "title", sums[i].Title, "format", "JSON")},
		}
		if x := sums[i].XLSX; x != "" {
			v.Page.Alternates = append(v.Page.Alternates, render.Alternate{Type: publish.XLSXType, Href: x, Title: tr.T("dataset.alternate", "title", sums[i].Title, "format", "Excel")})
		}
		v.Page.JSONLD = datasetJSONLD(cat, cat.Datasets[i])
		for _, f := range d.Files {
			fi := render.FileInfo{Path: f.Path, Encoding: f.Encoding, Delimiter: delimiterName(tr, f.Delimiter), HeaderLine: f.HeaderLine, Rows: f.Rows, Size: size(f.Bytes, tr)}
			if f.Sheet != "" { // a workbook: no encoding or delimiter, but the sheet read
				fi.Encoding, fi.Delimiter = tr.T("dataset.workbook", "sheet", f.Sheet), "—"
			}
			if f.Parquet() { // no encoding, delimiter or header line: its columns are named in it
				fi.Encoding, fi.Delimiter = tr.T("dataset.parquet"), "—"
			}
			v.Files = append(v.Files, fi)
		}
		for _, c := range d.Columns {
			ci := render.ColumnInfo{Name: c.Label(strings.HasPrefix(in.cfg.Language, "zh") && !d.HeadedByNames()), Type: typeName(tr, c.Type), Unit: c.Unit, Count: c.Stats.Count, Missing: c.Stats.Missing}
			if ci.Name != c.Name {
				ci.Key = c.Name
			}
			lo, hi := display(c.Stats.Min, c.Type), display(c.Stats.Max, c.Type)
			if lo != "" && lo != hi {
				ci.Range = lo + " – " + hi
			} else if lo != "" {
				ci.Range = lo
			}
			if ci.Range == "" && !c.Stats.Many && len(c.Stats.Distinct) > 0 && len(c.Stats.Distinct) <= 8 {
				values := make([]string, len(c.Stats.Distinct))
				for k, x := range c.Stats.Distinct {
					values[k] = shown(x, c.Type, tr)
				}
				ci.Values = strings.Join(values, tr.T("search.list_sep"))
			}
			v.Columns = append(v.Columns, ci)
			v.PreviewHeader = append(v.PreviewHeader, ci.Name)
		}
		for _, row := range d.Preview {
			cells := make([]string, len(row))
			for j, c := range row {
				cells[j] = shown(c.Text, d.Columns[j].Type, tr)
				if c.Written != "" { // as the file writes it (3.5亿); the downloads give the number in the column's unit
					cells[j] = c.Written
				}
				if c.Missing {
					cells[j] = "—"
				}
			}
			v.Preview = append(v.Preview, cells)
		}
		m.pages = append(m.pages, page{"data/" + d.ID + "/index.html", path, "dataset", v})
	}
	return nil
}

// delimiterName says in words which delimiter a file uses.
func delimiterName(tr *i18n.Table, d string) string {
	key, ok := map[string]string{`","`: "comma", `";"`: "semicolon", "tab": "tab"}[d]
	if !ok {
		return ""
	}
	return tr.T("delimiter." + key)
}

// shown is a value as a page shows it: display's, and a boolean in the
// site's words (是/否), as the downloads write it.
func shown(text string, t data.Type, tr *i18n.Table) string {
	if t == data.Boolean {
		return tr.T(map[bool]string{true: "datapackage.true", false: "datapackage.false"}[text == "true"])
	}
	return display(text, t)
}

// display formats a value for reading: numbers get thousands separators.
func display(text string, t data.Type) string {
	if t != data.Number && t != data.Integer || text == "" {
		return text
	}
	return value.GroupThousands(text, ",")
}

// datasetTitle is a dataset's title; a built-in kind's own title (承诺登记表)
// is said in the site's language (the table's datasets.<id>), a title the
// site gives its dataset stays as written.
func datasetTitle(d *data.Dataset, tr *i18n.Table) string {
	if d.Kind != nil && d.Title == d.Kind.Title {
		return tr.T("datasets." + d.Kind.ID)
	}
	if d.Title != "" {
		return d.Title
	}
	return d.ID
}

func size(n int64, tr *i18n.Table) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	default:
		return tr.T("dataset.bytes", "n", strconv.FormatInt(n, 10))
	}
}

// datasetJSONLD describes a dataset for search engines: a schema.org
// Dataset (publish.SchemaOrg), as the catalogues describe it.
func datasetJSONLD(cat publish.Catalog, e publish.Entry) template.JS {
	b, err := publish.SchemaOrg(cat, e)
	if err != nil {
		return ""
	}
	return template.JS(b) //nolint:gosec // JSON from encoding/json, which escapes <, > and &
}

// lastCommit is when the dataset's files (and its schema file) were last
// committed.
func lastCommit(history map[string]time.Time, d *data.Dataset) (time.Time, bool) {
	var last time.Time
	for _, f := range d.Files {
		for _, p := range []string{f.Path, data.SidecarPath(f.Path)} {
			if t, ok := history[p]; ok && t.After(last) {
				last = t
			}
		}
	}
	return last, !last.IsZero()
}

// freshness fills in when a dataset with a declared update frequency is due
// to be updated, counted from its last change — the date its publisher
// declares, else its files' last commit — and how late it is on the as-of
// date. Without either date it is not known, and nothing is said.
func freshness(in *input, d *data.Dataset, s *render.DatasetSummary) {
	f, ok := data.ParseFrequency(d.Frequency)
	if !ok {
		return
	}
	s.Frequency = frequencyWords(f, in.tr)
	last, err := time.Parse(time.DateOnly, d.Updated)
	if err != nil {
		var committed bool
		if last, committed = lastCommit(in.history, d); !committed {
			return
		}
	}
	due := f.Next(last)
	s.Due = due.Format(time.DateOnly)
	asOf := in.asOfDay
	if asOf.After(due) {
		s.Overdue = int(asOf.Sub(due).Hours() / 24)
	}
}

// sourceLinks are a dataset's sources as the page links them: only web
// addresses become links (safeURL).
func sourceLinks(sources []data.Source) []render.Link {
	var out []render.Link
	for _, s := range sources {
		out = append(out, render.Link{Title: s.Title, URL: safeURL(s.Path)})
	}
	return out
}
