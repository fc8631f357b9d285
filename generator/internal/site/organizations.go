package site

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"time"

	"gongkai/generator/internal/charts"
	"gongkai/generator/internal/data"
	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/render"
)

// orgsPerPage bounds a city's list page, so tens of thousands of
// organisations never make one huge page.
const orgsPerPage = 400

// gradeOrder is the grading scale, best first.
var gradeOrder = []string{"5A", "4A", "3A", "2A", "1A", ""}

func gradeName(g string, tr *i18n.Table) string {
	if g == "" {
		return tr.T("orgs.unrated")
	}
	return g
}

// computeOrganizations adds /organizations/ and the cities' lists.
func computeOrganizations(e *env) error {
	in, m, base, link, cv := e.in, e.m, e.base, e.link, e.cv
	d, col := in.dataset("organizations")
	if d == nil {
		return nil
	}
	asOf := in.asOfDay
	type counts struct{ n, assessed, high int }
	byGrade, byType, byCity := map[string]int{}, map[string]*counts{}, map[string]*counts{}
	orgsByCity := map[string][]render.Org{}
	var expiring []render.Org
	expired := 0
	err := d.Each(func(_ string, _ int, cells []data.Cell) error {
		text := func(name string) string {
			if c := cells[col[name]]; !c.Missing {
				return c.Text
			}
			return ""
		}
		o := render.Org{Code: text("credit_code"), Name: text("name"), Type: text("type"), City: text("city"), Grade: text("grade"), RatedYear: text("rated_year"), ValidUntil: text("valid_until")}
		byGrade[o.Grade]++
		for _, g := range []struct {
			m   map[string]*counts
			key string
		}{{byType, o.Type}, {byCity, o.City}} {
			if g.m[g.key] == nil {
				g.m[g.key] = &counts{}
			}
			c := g.m[g.key]
			c.n++
			if o.Grade != "" {
				c.assessed++
				if o.Grade >= "3A" {
					c.high++
				}
			}
		}
		orgsByCity[o.City] = append(orgsByCity[o.City], o)
		if until, err := time.Parse(time.DateOnly, o.ValidUntil); err == nil {
			switch {
			case until.Before(asOf):
				expired++
			case until.Before(asOf.AddDate(1, 0, 0)):
				expiring = append(expiring, o)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Residents per city, from the population dataset's latest year.
	residents, popYear := map[string]float64{}, 0
	if pop, pcol := in.dataset("population"); pop != nil {
		ci, yi, ni := pcol["city"], pcol["year"], pcol["population"]
		err := pop.Each(func(_ string, _ int, cells []data.Cell) error {
			y := int(cells[yi].Num)
			if y > popYear {
				popYear, residents = y, map[string]float64{}
			}
			if y == popYear {
				residents[cells[ci].Text] = cells[ni].Num
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	tr := in.tr
	home := render.Crumb{Title: tr.T("nav.home"), Path: "/"}
	sum := datasetSummary(d, in.tr, link)
	v := render.OrganizationsView{Page: base(datasetTitle(d, in.tr), "/organizations/", "data", home, render.Crumb{Title: tr.T("nav.data"), Path: "/data/"}),
		Dataset: sum, Description: d.Description, Total: d.Rows, PopYear: popYear}
	var bars []charts.Bar
	for _, g := range gradeOrder {
		v.Grades = append(v.Grades, render.OrgGroup{Name: gradeName(g, tr), Count: byGrade[g]})
		bars = append(bars, charts.Bar{Label: gradeName(g, tr), Value: float64(byGrade[g])})
	}
	grades, err := charts.Bars(tr, "chart-grades", tr.T("orgs.grades_caption"), bars)
	if err != nil {
		return err
	}
	grades.Sample = d.Sample
	grades.Data = v.Dataset.CSV
	e.publishChart(&grades, "/organizations/", v.Page.Title)
	v.GradeChart = &grades
	v.Page.Charts = true
	group := func(name string, c *counts) render.OrgGroup {
		return render.OrgGroup{Name: name, Count: c.n, Assessed: pct(share(c.assessed, c.n)), High: pct(share(c.high, c.n))}
	}
	for _, t := range slices.Sorted(maps.Keys(byType)) {
		v.Types = append(v.Types, group(t, byType[t]))
	}
	for _, c := range slices.Sorted(maps.Keys(byCity)) {
		g := group(c, byCity[c])
		g.URL = link(cityPath("organizations", c))
		if r := residents[c]; r > 0 {
			g.Per10k = strconv.FormatFloat(float64(byCity[c].n)/r*10000, 'f', 2, 64)
		}
		v.Cities = append(v.Cities, g)
	}
	slices.SortFunc(expiring, func(a, b render.Org) int {
		return cmp.Or(cmp.Compare(a.ValidUntil, b.ValidUntil), cmp.Compare(a.Name, b.Name))
	})
	v.Expiring, v.Expired, v.AsOf = expiring, expired, in.asOf
	v.Measures = cv.measuredBy(in, d)
	m.pages = append(m.pages, page{"organizations/index.html", "/organizations/", "organizations", v})

	// Each city's organisations, in pages of orgsPerPage.
	for _, c := range slices.Sorted(maps.Keys(byCity)) {
		orgs := orgsByCity[c]
		slices.SortFunc(orgs, func(a, b render.Org) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Code, b.Code)) })
		types, grades := map[string]bool{}, map[string]bool{}
		for _, o := range orgs {
			types[o.Type], grades[o.Grade] = true, true
		}
		var gradeList []string
		for _, g := range gradeOrder {
			if grades[g] {
				gradeList = append(gradeList, g)
			}
		}
		paths := paginate(len(orgs), orgsPerPage, cityPath("organizations", c))
		for p, path := range paths {
			lv := render.OrgListView{Page: base(pageTitle(tr.T("orgs.city_caption", "city", c), p, tr), path, "data", home, render.Crumb{Title: tr.T("orgs.col_orgs"), Path: "/organizations/"}),
				Dataset: sum, City: c, Orgs: orgs[p*orgsPerPage : min(len(orgs), (p+1)*orgsPerPage)],
				Types: slices.Sorted(maps.Keys(types)), Grades: gradeList, Pages: pager(paths, p, link)}
			m.pages = append(m.pages, page{path[1:] + "index.html", path, "org-list", lv})
		}
	}
	return nil
}

// paginate is the paths of the pages that n items need at per a page: first,
// then first+"2/", first+"3/", ….
func paginate(n, per int, first string) []string {
	paths := []string{first}
	for p := 2; p <= (n+per-1)/per; p++ {
		paths = append(paths, first+strconv.Itoa(p)+"/")
	}
	return paths
}

// pager links the pages of paths around the current one: the first and
// the last, and the two on either side of the current, which has no link;
// a run of pages left out is one Crumb with neither title nor path (shown
// as "…"). So a list of thousands of pages links at most nine from each,
// not all of them from every one. Nil for a single page.
func pager(paths []string, current int, link func(string) string) []render.Crumb {
	if len(paths) < 2 {
		return nil
	}
	const around = 2
	var crumbs []render.Crumb
	shown := func(i int) bool { return i == 0 || i == len(paths)-1 || (i >= current-around && i <= current+around) }
	for i := 0; i < len(paths); i++ {
		if !shown(i) {
			j := i
			for j < len(paths) && !shown(j) {
				j++
			}
			if j-i > 1 { // a gap of one page shows the page instead
				crumbs = append(crumbs, render.Crumb{})
				i = j - 1
				continue
			}
		}
		c := render.Crumb{Title: strconv.Itoa(i + 1)}
		if i != current {
			c.Path = link(paths[i])
		}
		crumbs = append(crumbs, c)
	}
	return crumbs
}

// pageTitle numbers the pages after the first: "…（第2页）".
func pageTitle(title string, p int, tr *i18n.Table) string {
	if p == 0 {
		return title
	}
	return tr.T("pager.title", "title", title, "page", strconv.Itoa(p+1))
}

// cityPath is a city's page under a section, e.g. /organizations/广州市/
// (dataset ids keep Chinese readable too); a name that makes no id is "other".
func cityPath(section, city string) string {
	id, ok := data.ID(city)
	if !ok {
		id = "other"
	}
	return "/" + section + "/" + id + "/"
}
