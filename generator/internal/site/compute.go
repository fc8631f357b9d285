package site

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"time"

	"gongkai/generator/internal/config"
	"gongkai/generator/internal/content"
	"gongkai/generator/internal/data"
	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/history"
	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/render"
	"gongkai/generator/internal/searchindex"
	"gongkai/generator/internal/track"
)

// model is the site ready to render: every view, by output file.
type model struct {
	cfg     config.Config
	history map[string]time.Time // when files were last committed (nil outside git)
	commits []history.Commit     // the commits that touched the source, newest first
	// statusHistory is the changes of commitments' statuses between the
	// builds of earlier commits and this one (see statusHistory); it waits
	// for those builds to be read.
	statusHistory func() ([]statusChange, []registered)
	baseURL       string
	asOf          string
	asOfDay       time.Time
	pages         []page
	datasets      []*data.Dataset   // written as downloads
	commitments   []*commitment     // written as /data/commitments.json
	files         []file            // other files, written as they are
	searchDocs    []searchindex.Doc // what /search/ finds
	sources       []data.Source     // where the policy texts come from
	// err is the first dataset a page could not read again (Dataset.Each):
	// the build stops rather than publish a site without that page.
	err error
	tr  *i18n.Table // the interface's words in the site's language
}

// fail records that the pages at path could not read their data; the
// first failure stops the build.
func (m *model) fail(path string, err error) {
	if err != nil && m.err == nil {
		m.err = fmt.Errorf("%s could not be made: %w", path, err)
	}
}

// file is a file of the site made in compute, such as the search index.
type file struct {
	name string
	data []byte
}

// page is one HTML file to render.
type page struct {
	file string // output path, e.g. "policy/decision/index.html"
	path string // site path, e.g. "/policy/decision/"; empty = not in the sitemap
	kind string // layout
	view any
}

// compute turns the loaded input into views.
func compute(in *input) *model {
	var ignored diag.List // pages were checked in load; rendering Markdown here reports nothing new
	site := &render.Site{
		Title: in.cfg.Title, Description: in.cfg.Description, Lang: in.cfg.Language,
		BasePath: in.cfg.BasePath(), BaseURL: in.cfg.BaseURL, AsOf: in.asOf,
		LicenseName: in.cfg.License.Name, LicenseURL: in.cfg.License.URL,
	}
	portalSite(site, in.cfg)
	link := func(p string) string { return site.BasePath + p[1:] }
	m := &model{tr: in.tr, cfg: in.cfg, history: in.history, commits: in.commits, baseURL: in.cfg.BaseURL, asOf: in.asOf, asOfDay: in.asOfDay}
	m.statusHistory = sync.OnceValues(func() ([]statusChange, []registered) {
		var past []PastBuild
		if in.past != nil {
			past = in.past()
		}
		return statusHistory(in.commitments, in.asOf, past)
	})
	for _, d := range in.docs {
		if d.SourceURL != "" && !slices.ContainsFunc(m.sources, func(s data.Source) bool { return s.Path == d.SourceURL }) {
			m.sources = append(m.sources, data.Source{Title: sourceTitle(d, in.tr), Path: d.SourceURL})
		}
	}
	add := func(file, path, kind string, view any) { m.pages = append(m.pages, page{file, path, kind, view}) }
	base := func(title, path, section string, crumbs ...render.Crumb) render.Page {
		return render.Page{Site: site, Title: title, Path: path, Section: section, Crumbs: crumbs}
	}

	var home, policyIndex *content.Page
	var others []*content.Page
	for _, p := range in.pages {
		switch {
		case isHome(p):
			home = p
		case isSectionIndex(p):
			policyIndex = p
		case p.Section == "":
			others = append(others, p)
		}
	}
	slices.SortStableFunc(others, func(a, b *content.Page) int {
		return cmp.Or(cmp.Compare(a.Meta.Weight, b.Meta.Weight), cmp.Compare(a.Meta.Slug, b.Meta.Slug))
	})

	tr, lang := in.tr, in.cfg.Language
	policyTitle := tr.T("nav.policy")
	if policyIndex != nil {
		policyTitle = policyIndex.Meta.Title
	}
	homeCrumb := render.Crumb{Title: tr.T("nav.home"), Path: "/"}
	site.Nav = []render.NavItem{{Key: "home", Title: tr.T("nav.home"), Path: "/"}, {Key: "policy", Title: tr.T("nav.policy"), Path: "/policy/"}}
	if len(in.commitments) > 0 {
		site.Nav = append(site.Nav, render.NavItem{Key: "commitments", Title: tr.T("nav.commitments"), Path: "/commitments/"})
	}
	site.Nav = append(site.Nav, render.NavItem{Key: "data", Title: tr.T("nav.data"), Path: "/data/"})
	cv := computeCommitments(in, m, base, link)
	m.commitments = in.commitments
	for _, p := range others {
		site.Nav = append(site.Nav, render.NavItem{Key: p.Meta.Slug, Title: p.Meta.Title, Path: pagePath(p)})
	}
	hasMethod := slices.ContainsFunc(others, isMethod)
	if !hasMethod {
		site.Nav = append(site.Nav, render.NavItem{Key: "method", Title: tr.T("nav.method"), Path: methodPath})
	}
	site.Nav = append(site.Nav, render.NavItem{Key: "search", Title: tr.T("nav.search"), Path: "/search/"})

	summaries := make([]render.DocSummary, len(in.docs))
	for i, d := range in.docs {
		summaries[i] = render.DocSummary{
			Number: i + 1, Slug: d.Slug, Title: d.Title, Lang: otherLang(d, lang), URL: link("/policy/" + d.Slug + "/"),
			DocumentNumber: d.DocumentNumber, Completeness: d.Completeness, CompletenessNote: d.CompletenessNote,
			Sections: len(d.Sections), Clauses: d.ClauseCount(), SourcePage: d.SourcePage,
			Score: countStatuses(cv.byDoc[d.Slug], lang), Commitments: len(cv.byDoc[d.Slug]),
		}
	}

	hv := render.HomeView{Page: base("", "/", "home"), PolicyTitle: policyTitle, Documents: summaries,
		Total: len(in.commitments), Counts: countStatuses(in.commitments, lang), Timeline: timeline(in.commitments, tr), Latest: latest(in.commitments, cv, 6, tr)}
	if hv.Total > 0 {
		hv.Chart = statusChart("chart-home-status", hv.Counts, link("/data/commitments.json"), tr)
		hv.Page.Charts = hv.Chart != nil
	}
	sums := datasetSummaries(in, link)
	timeliness(in, &hv, sums, link)
	if home != nil {
		hv.Intro = home.HTML(&ignored)
		hv.Description = home.Meta.Summary
	}
	add("index.html", "/", "home", hv)

	pv := render.PolicyIndexView{Page: base(policyTitle, "/policy/", "policy", homeCrumb), Documents: summaries}
	if policyIndex != nil {
		pv.Intro = policyIndex.HTML(&ignored)
		pv.Description = policyIndex.Meta.Summary
	}
	add("policy/index.html", "/policy/", "policy-index", pv)

	for i, d := range in.docs {
		path := "/policy/" + d.Slug + "/"
		dv := render.DocumentView{
			Page: base(d.Title, path, "policy", homeCrumb, render.Crumb{Title: policyTitle, Path: "/policy/"}),
			Doc:  d, Lang: cmp.Or(d.Language, lang), DocLang: otherLang(d, lang), PolicyTitle: policyTitle, Summary: summaries[i], Badges: cv.badges[d.Slug],
		}
		if i > 0 {
			dv.Prev = &summaries[i-1]
		}
		if i+1 < len(summaries) {
			dv.Next = &summaries[i+1]
		}
		add("policy/"+d.Slug+"/index.html", path, "document", dv)
	}
	for _, p := range others {
		path := pagePath(p)
		cv := render.ContentView{Page: base(p.Meta.Title, path, p.Meta.Slug, homeCrumb), Body: p.HTML(&ignored)}
		cv.Description = p.Meta.Summary
		if isMethod(p) {
			cv.Method = methodRules(tr)
		}
		cv.Contact = path == "/about/"
		add(path[1:]+"index.html", path, "page", cv)
	}
	if !hasMethod {
		add(methodPath[1:]+"index.html", methodPath, "page", methodPage(base, tr))
	}
	computeData(in, m, sums, base, link)
	computeCommittees(in, m, base, link, cv)
	computeBudgets(in, m, base, link, cv)
	computeOrganizations(in, m, base, link, cv)
	computeSearch(in, m, base, link, cv)
	addStatusChanges(m, lang)
	add("404.html", "", "404", render.NotFoundView{Page: base(tr.T("notfound.title"), "/404.html", "")})
	return m
}

// timeliness fills in the overview's account of what was due to be made
// public: disclosure commitments with a publication due and not on record,
// and datasets past the update date their publishers declare.
func timeliness(in *input, hv *render.HomeView, sums []render.DatasetSummary, link func(string) string) {
	for _, c := range in.commitments {
		if c.row.Kind != track.Disclosure {
			continue
		}
		hv.Disclosures++
		if c.result.Status == track.Overdue || c.result.Status == track.Partial {
			hv.LateDisclosures = append(hv.LateDisclosures, summarize(in, c, link))
		}
	}
	for _, s := range sums {
		if s.Frequency == "" {
			continue
		}
		hv.Scheduled++
		if s.Overdue > 0 {
			hv.LateDatasets = append(hv.LateDatasets, s)
		}
	}
	slices.SortStableFunc(hv.LateDatasets, func(a, b render.DatasetSummary) int { return cmp.Compare(b.Overdue, a.Overdue) })
}
