package site

import (
	"cmp"

	"slices"
	"sync"
	"time"

	"gongkai/generator/internal/config"
	"gongkai/generator/internal/content"
	"gongkai/generator/internal/data"
	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/history"
	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/policy"
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
	dated         []datedPage       // the site's own pages whose front matter gives a date or lastmod
	tr            *i18n.Table       // the interface's words in the site's language
	kept          *results          // input.kept
	// told is what rendering the pages' Markdown reported: what is not
	// published (raw HTML, unsafe links), and a page that could not be
	// read again.
	told diag.List
}

// datedPage is a page of content/ dated in its front matter: the sitemap
// takes its lastmod (else its date) over the git history's, and the feed
// announces it.
type datedPage struct {
	path, title, summary string
	date, lastmod        string // YYYY-MM-DD, "" when not given
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

// contentPage is the view of a page of content/, whose Body is rendered
// from its Markdown as the page is written: a site of thousands of pages
// never holds all their text.
type contentPage struct {
	view render.ContentView
	md   *content.Page
}

// compute turns the loaded input into views: each page family makes its
// pages (see families).
func compute(in *input) (*model, error) {
	site := &render.Site{
		Title: in.cfg.Title, Description: in.cfg.Description, Lang: in.cfg.Language,
		BasePath: in.cfg.BasePath(), BaseURL: in.cfg.BaseURL, AsOf: in.asOf,
		LicenseName: in.cfg.License.Name, LicenseURL: in.cfg.License.URL,
	}
	portalSite(site, in.cfg)
	m := &model{tr: in.tr, kept: in.kept, cfg: in.cfg, history: in.history, commits: in.commits, baseURL: in.cfg.BaseURL, asOf: in.asOf, asOfDay: in.asOfDay}
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
	e := &env{in: in, m: m, site: site, tr: in.tr,
		cv: commitmentViews{summaries: map[string]render.CommitmentSummary{}, byDoc: map[string][]*commitment{}, badges: map[string]map[string][]render.Badge{}}}
	for _, p := range in.pages {
		switch {
		case isHome(p):
			e.home = p
		case isSectionIndex(p):
			e.policyIndex = p
		case p.Section == "":
			e.others = append(e.others, p)
		case p.Section != policy.Folder:
			e.section(p.Section).add(p)
		}
	}
	slices.SortStableFunc(e.others, func(a, b *content.Page) int {
		return cmp.Or(cmp.Compare(a.Meta.Weight, b.Meta.Weight), cmp.Compare(a.Meta.Slug, b.Meta.Slug))
	})
	e.sums = datasetSummaries(in, e.link)
	m.commitments = in.commitments
	if err := makePages(e); err != nil {
		return nil, err
	}
	addStatusChanges(m, in.cfg.Language) // last: it waits for the past builds, read meanwhile
	return m, nil
}

// policyTitle is the title of the policy section: content/policy/_index.md's, else the table's.
func (e *env) policyTitle() string {
	if e.policyIndex != nil {
		return e.policyIndex.Meta.Title
	}
	return e.tr.T("nav.policy")
}

// docSummaries sums up the policy documents, with their commitments' statuses.
func (e *env) docSummaries() []render.DocSummary {
	if e.summaries != nil || len(e.in.docs) == 0 {
		return e.summaries
	}
	lang := e.in.cfg.Language
	e.summaries = make([]render.DocSummary, len(e.in.docs))
	for i, d := range e.in.docs {
		e.summaries[i] = render.DocSummary{
			Number: i + 1, Slug: d.Slug, Title: d.Title, Lang: otherLang(d, lang), URL: e.link("/policy/" + d.Slug + "/"),
			DocumentNumber: d.DocumentNumber, Completeness: d.Completeness, CompletenessNote: d.CompletenessNote,
			Sections: len(d.Sections), Clauses: d.ClauseCount(), SourcePage: d.SourcePage,
			Score: countStatuses(e.cv.byDoc[d.Slug], e.tr, filterURL(e.link("/commitments/"), "doc", d.Slug)), Commitments: len(e.cv.byDoc[d.Slug]),
		}
	}
	return e.summaries
}

// computeHome adds the home page: the documents, the statuses and what was due.
func computeHome(e *env) error {
	in, tr := e.in, e.tr
	hv := render.HomeView{Page: e.base("", "/", "home"), PolicyTitle: e.policyTitle(), Documents: e.docSummaries(),
		Total: len(in.commitments), Counts: countStatuses(in.commitments, tr, e.link("/commitments/")), Timeline: timeline(in.commitments, tr, e.link), Latest: latest(in.commitments, e.cv, 6, tr)}
	if hv.Total > 0 {
		hv.Chart = statusChart("chart-home-status", hv.Counts, e.link("/data/commitments.json"), tr)
		e.publishChart(hv.Chart, "/", in.cfg.Title)
		hv.Page.Charts = hv.Chart != nil
	}
	timeliness(in, &hv, e.sums, e.link)
	if e.home != nil {
		hv.Intro = e.home.HTML(&e.m.told)
		hv.Description = e.home.Meta.Summary
	}
	e.add("index.html", "/", "home", hv)
	return nil
}

// computePolicy adds /policy/ and one page per document.
func computePolicy(e *env) error {
	policyTitle, summaries := e.policyTitle(), e.docSummaries()
	pv := render.PolicyIndexView{Page: e.base(policyTitle, "/policy/", "policy", e.homeCrumb()), Documents: summaries,
		Legend: countStatuses(e.in.commitments, e.tr, e.link("/commitments/"))}
	if e.policyIndex != nil {
		pv.Intro = e.policyIndex.HTML(&e.m.told)
		pv.Description = e.policyIndex.Meta.Summary
	}
	e.add("policy/index.html", "/policy/", "policy-index", pv)
	for i, d := range e.in.docs {
		path := "/policy/" + d.Slug + "/"
		dv := render.DocumentView{
			Page: e.base(d.Title, path, "policy", e.homeCrumb(), render.Crumb{Title: policyTitle, Path: "/policy/"}),
			Doc:  d, Lang: cmp.Or(d.Language, e.in.cfg.Language), DocLang: otherLang(d, e.in.cfg.Language), PolicyTitle: policyTitle,
			Summary: summaries[i], Badges: e.cv.badges[d.Slug],
		}
		if i > 0 {
			dv.Prev = &summaries[i-1]
		}
		if i+1 < len(summaries) {
			dv.Next = &summaries[i+1]
		}
		if cs := e.cv.byDoc[d.Slug]; len(cs) > 0 {
			card := path + "scorecard/"
			dv.Scorecard = e.link(card)
			sv := render.ScorecardView{
				Page: e.base(e.tr.T("scorecard.title", "doc", d.Title), card, "policy", e.homeCrumb(), render.Crumb{Title: policyTitle, Path: "/policy/"}, render.Crumb{Title: d.Title, Path: path}),
				Doc:  d, DocLang: dv.DocLang, PolicyTitle: policyTitle, Summary: summaries[i],
			}
			for _, c := range cs {
				sv.Commitments = append(sv.Commitments, e.cv.summaries[string(c.row.ID)])
			}
			e.add("policy/"+d.Slug+"/scorecard/index.html", card, "scorecard", sv)
		}
		e.add("policy/"+d.Slug+"/index.html", path, "document", dv)
	}
	return nil
}

// computePages adds the site's own pages (content/*.md) and, unless one of
// them is it, /method/.
func computePages(e *env) error {
	for _, p := range e.others {
		e.addContentPage(p, pagePath(p))
	}
	if !slices.ContainsFunc(e.others, isMethod) {
		e.add(methodPath[1:]+"index.html", methodPath, "page", methodPage(e.base, e.tr))
	}
	computeSections(e)
	return nil
}

// addContentPage adds a page of content/ at path, under crumbs after the
// home page's.
func (e *env) addContentPage(p *content.Page, path string, crumbs ...render.Crumb) {
	section := p.Meta.Slug
	if p.Section != "" {
		section = p.Section
	}
	cv := render.ContentView{Page: e.base(p.Meta.Title, path, section, append([]render.Crumb{e.homeCrumb()}, crumbs...)...)}
	cv.Description, cv.Date, cv.LastMod = p.Meta.Summary, p.Meta.Date, p.Meta.LastMod
	if isMethod(p) {
		cv.Method = methodRules(e.tr)
	}
	cv.Contact = path == "/about/"
	e.add(path[1:]+"index.html", path, "page", contentPage{cv, p})
	if p.Meta.Date != "" || p.Meta.LastMod != "" {
		e.m.dated = append(e.m.dated, datedPage{path, p.Meta.Title, p.Meta.Summary, p.Meta.Date, p.Meta.LastMod})
	}
}

// pagesNav are the navigation's entries of the site's own pages, /method/
// and the sections (one entry each, never their pages).
func pagesNav(e *env) []render.NavItem {
	var items []render.NavItem
	for _, p := range e.others {
		if !p.Meta.NoMenu {
			items = append(items, render.NavItem{Key: p.Meta.Slug, Title: p.Meta.Title, Path: pagePath(p)})
		}
	}
	for _, s := range e.sections {
		items = append(items, render.NavItem{Key: s.name, Title: s.title(), Path: "/" + s.name + "/"})
	}
	if !slices.ContainsFunc(e.others, isMethod) {
		items = append(items, render.NavItem{Key: "method", Title: e.tr.T("nav.method"), Path: methodPath})
	}
	return items
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
