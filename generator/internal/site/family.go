package site

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"gongkai/generator/internal/content"
	"gongkai/generator/internal/data"
	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/render"
)

// A family is a kind of page the site makes, and the data it makes them
// from: the policy texts, the commitments, the data catalogue, budgets…
// Everything that depends on which families a site has derives from the
// families list: the paths the site reserves, the navigation, the topic
// links of /data/, the layouts a theme must provide, and what /search/
// finds. A new kind of data is a kind (package kinds), a family here and
// its layouts.
type family struct {
	id      string   // its first path segment, reserved for it (/budgets/…); "" owns none
	layouts []string // the layouts its pages render with
	// kinds are the datasets it shows: the family makes pages (and the
	// theme must have its layouts) only when one of them has rows; none:
	// always.
	kinds []string
	topic string // the table key of its link among /data/'s topics; "" none
	nav   int    // its place in the navigation, from 1; 0: not in it
	// make adds its pages to e. Families make theirs in the list's order,
	// which is the order of the sitemap: a later family may use what an
	// earlier one made (the commitments' views). An error stops the build.
	make func(e *env) error
	// navItems are its entries in the navigation; nil: one, to /id/,
	// titled nav.<id>.
	navItems func(e *env) []render.NavItem
	// search adds what /search/ finds of it; families are asked in the
	// navigation's order.
	search func(e *env, add addDoc) error
	// searchRows adds what /search/ finds in the rows of d, one of its
	// kinds, right after the entry of the dataset itself.
	searchRows func(e *env, d *data.Dataset, add addDoc) error
}

// addDoc adds a document to the search index and returns it, for fields
// beyond its kind, title, text and address.
type addDoc func(kind, title, text, url string) *searchDoc

// families are the site's page families, in the order they make their
// pages. (They are set in init: their functions refer to the list.)
var families []family

func init() {
	families = []family{
		{id: "commitments", layouts: []string{"commitments", "commitment"}, kinds: []string{"commitments"}, nav: 3,
			make: computeCommitments, search: searchCommitments},
		{id: "", layouts: []string{"home", "embed"}, nav: 1, make: computeHome,
			navItems: func(e *env) []render.NavItem {
				return []render.NavItem{{Key: "home", Title: e.tr.T("nav.home"), Path: "/"}}
			}},
		{id: "policy", layouts: []string{"policy-index", "document", "scorecard"}, nav: 2, make: computePolicy, search: searchClauses},
		{id: "", layouts: []string{"page"}, nav: 5, make: computePages, navItems: pagesNav},
		{id: "data", layouts: []string{"data-index", "dataset"}, nav: 4, make: computeData, search: searchDatasets},
		{id: "committees", layouts: []string{"committees", "committees-city"}, kinds: []string{"committees"}, topic: "topics.committees", make: computeCommittees},
		{id: "budgets", layouts: []string{"budgets", "budget-departments"}, kinds: []string{"budgets"}, topic: "topics.budgets", make: computeBudgets},
		{id: "organizations", layouts: []string{"organizations", "org-list"}, kinds: []string{"organizations"}, topic: "topics.organizations",
			make: computeOrganizations, searchRows: searchOrganizations},
		{id: "annual-reports", layouts: []string{"annual-reports"}, kinds: []string{"annual-reports"}, topic: "topics.annual_reports",
			make: computeAnnualReports, searchRows: searchAnnualReports},
		{id: "search", layouts: []string{"search"}, nav: 6, make: computeSearch},
		{id: "", layouts: []string{"404"}, make: func(e *env) error {
			page := e.base(e.tr.T("notfound.title"), "/404.html", "")
			page.Stray = true
			e.add("404.html", "", "404", render.NotFoundView{Page: page})
			return nil
		}},
	}
	for _, f := range families {
		if f.id != "" {
			reservedPaths[f.id] = true
		}
	}
}

// reservedPaths are the first path segments the site itself uses, which
// a content page's slug cannot take: the families' and the theme's.
var reservedPaths = map[string]bool{"assets": true, "index": true, "embed": true}

// active says whether the family makes pages for the datasets.
func (f *family) active(datasets []*data.Dataset) bool {
	return len(f.kinds) == 0 || slices.ContainsFunc(datasets, func(d *data.Dataset) bool {
		return d.Rows > 0 && slices.Contains(f.kinds, d.ID)
	})
}

// owner is the family that shows the dataset with the id, or nil.
func owner(id string) *family {
	for i := range families {
		if slices.Contains(families[i].kinds, id) {
			return &families[i]
		}
	}
	return nil
}

// requiredLayouts are the layouts the theme must provide for the
// families that make pages from the datasets.
func requiredLayouts(datasets []*data.Dataset) []string {
	var out []string
	for i := range families {
		if families[i].active(datasets) {
			out = append(out, families[i].layouts...)
		}
	}
	return out
}

// byNav are the families in the navigation, in its order.
func byNav() []*family {
	var out []*family
	for i := range families {
		if families[i].nav > 0 {
			out = append(out, &families[i])
		}
	}
	slices.SortStableFunc(out, func(a, b *family) int { return cmp.Compare(a.nav, b.nav) })
	return out
}

// env is what a family makes its pages from: the input, loaded, checked
// and judged, and the site as far as it is made.
type env struct {
	in   *input
	m    *model
	site *render.Site
	tr   *i18n.Table
	cv   commitmentViews         // the commitments' views, made by their family
	sums []render.DatasetSummary // every dataset, as the catalogue lists it

	home, policyIndex *content.Page   // content/index.md and content/policy/_index.md, if any
	others            []*content.Page // the other content pages, in their menu order
	sections          []*section      // content/<name>/ folders of pages (not policy/), by name
	summaries         []render.DocSummary
}

// add adds a page: its output file, its site path ("" keeps it out of the
// sitemap), its layout and its view.
func (e *env) add(file, path, layout string, view any) {
	e.m.pages = append(e.m.pages, page{file, path, layout, view})
}

// base is the part every page view shares.
func (e *env) base(title, path, section string, crumbs ...render.Crumb) render.Page {
	return render.Page{Site: e.site, Title: title, Path: path, Section: section, Crumbs: crumbs}
}

// link is the address of a site path under the base path.
func (e *env) link(p string) string { return e.site.BasePath + p[1:] }

// homeCrumb is the first step of every page's breadcrumbs.
func (e *env) homeCrumb() render.Crumb { return render.Crumb{Title: e.tr.T("nav.home"), Path: "/"} }

// makePages runs every active family, then fills in the navigation.
func makePages(e *env) error {
	for i := range families {
		f := &families[i]
		if f.kinds != nil && !f.active(e.in.datasets) {
			continue
		}
		if err := f.make(e); err != nil {
			where := "/" + f.id + "/"
			if f.id == "" {
				where = f.layouts[0] + " pages"
			}
			return within(err, where+" could not be made")
		}
	}
	for _, f := range byNav() {
		if !f.active(e.in.datasets) || f.id == "commitments" && len(e.in.commitments) == 0 {
			continue
		}
		if f.navItems != nil {
			e.site.Nav = append(e.site.Nav, f.navItems(e)...)
			continue
		}
		e.site.Nav = append(e.site.Nav, render.NavItem{Key: f.id, Title: e.tr.T("nav." + f.id), Path: "/" + f.id + "/"})
	}
	return nil
}

// within says what a problem stopped: a positioned problem keeps its
// place and says it in its message; any other error is wrapped.
func within(err error, what string) error {
	if de, ok := errors.AsType[*diag.Errors](err); ok {
		out := &diag.Errors{List: slices.Clone(de.List)}
		for i := range out.List {
			out.List[i].Message += " — " + what
		}
		return out
	}
	return fmt.Errorf("%s: %w", what, err)
}
