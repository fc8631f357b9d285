package site

import (
	"strings"
	"time"

	"gongkai/generator/internal/config"
	"gongkai/generator/internal/data"
	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/publish"
)

// fieldText is what the downloads and catalogues say in words, in the
// site's language.
func fieldText(cfg config.Config, tr *i18n.Table) publish.FieldText {
	return publish.FieldText{Date: tr.T("datapackage.date"), USCC: tr.T("datapackage.uscc"), Period: tr.T("datapackage.period"), Sample: tr.T("datapackage.sample"),
		Described: func(title string, rows int, columns []string) string {
			return tr.T("datapackage.described", "title", title, "rows", rows, "columns", strings.Join(columns, tr.T("search.list_sep")))
		},
		True: tr.T("datapackage.true"), False: tr.T("datapackage.false"), Aliases: strings.HasPrefix(cfg.Language, "zh")}
}

// catalogOf describes the site's datasets for the catalogues
// (/catalog.jsonld, /data.json) and the JSON-LD of the datasets' pages:
// one description, so they never disagree. A dataset's modified date is
// the date its publisher declares, else its files' last commit (git); the
// catalogue's publisher is the configured one, else the site.
func catalogOf(cfg config.Config, tr *i18n.Table, history map[string]time.Time, asOf string, datasets []*data.Dataset) publish.Catalog {
	c := publish.Catalog{BaseURL: cfg.BaseURL, Title: cfg.Title, Description: cfg.Description, Language: cfg.Language,
		Publisher: cfg.Publisher.Name, Email: cfg.Publisher.Email, Spatial: cfg.Catalog.Spatial, AsOf: asOf,
		BureauCode: cfg.Catalog.POD.BureauCode, ProgramCode: cfg.Catalog.POD.ProgramCode}
	if c.Publisher == "" {
		c.Publisher = cfg.Title
	}
	c.License.Name, c.License.URL = cfg.License.Name, cfg.License.URL
	text := fieldText(cfg, tr)
	for _, d := range datasets {
		title := datasetTitle(d, tr)
		e := publish.Entry{ID: d.ID, Title: title, Description: publish.Describe(d, title, text), Keywords: publish.Keywords(d, cfg.Catalog.Keywords, text),
			Modified: d.Updated, Page: "/data/" + d.ID + "/", Distributions: publish.Distributions(d), Frequency: d.Frequency, Variables: publish.Variables(d, text)}
		if d.Sample && !strings.Contains(e.Description, tr.T("sample.badge")) {
			e.Description += tr.T("sample.description")
		}
		if t, ok := lastCommit(history, d); ok && e.Modified == "" {
			e.Modified = t.Format(time.DateOnly)
		}
		e.Start, e.End = publish.Coverage(d)
		c.Datasets = append(c.Datasets, e)
	}
	return c
}
