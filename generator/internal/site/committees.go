package site

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"gongkai/generator/internal/charts"
	"gongkai/generator/internal/data"
	"gongkai/generator/internal/render"
)

// tally counts committees and what is known of them.
type tally struct {
	n                         int
	direct, directKnown       int
	compliant, compliantKnown int
	localSum                  float64
	localN                    int
	stale                     int
}

func (t *tally) add(direct, compliant, local data.Cell, stale bool) {
	t.n++
	if !direct.Missing {
		t.directKnown++
		if direct.Text == "true" {
			t.direct++
		}
	}
	if !compliant.Missing {
		t.compliantKnown++
		if compliant.Text == "true" {
			t.compliant++
		}
	}
	if !local.Missing {
		t.localSum += local.Num
		t.localN++
	}
	if stale {
		t.stale++
	}
}

func share(part, whole int) float64 {
	if whole == 0 {
		return math.NaN()
	}
	return 100 * float64(part) / float64(whole)
}

func pct(v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", v)
}

// computeCommittees adds /committees/: committee transparency by year and city.
func computeCommittees(e *env) error {
	in, m, base, link, cv := e.in, e.m, e.base, e.link, e.cv
	d, col := in.dataset("committees")
	if d == nil {
		return nil
	}
	type key struct {
		year int
		kind string
	}
	type place struct {
		year           int
		city, district string
	}
	byYear := map[key]*tally{}
	byCity := map[string]map[string]*tally{}
	byDistrict := map[place]map[string]*tally{} // every year, for the cities' pages
	latest := int(d.Columns[col["year"]].Stats.MaxNum)
	err := d.Each(func(_ string, _ int, cells []data.Cell) error {
		year, kind := int(cells[col["year"]].Num), cells[col["kind"]].Text
		stale := false
		if last := cells[col["last_disclosure"]]; kind == "村委会" && !last.Missing {
			// Village affairs are disclosed at least quarterly: at the end of
			// the year the last disclosure should be under three months old.
			t, err := time.Parse(time.DateOnly, last.Text)
			stale = err == nil && t.Before(time.Date(year, 10, 1, 0, 0, 0, 0, time.UTC))
		}
		k := key{year, kind}
		if byYear[k] == nil {
			byYear[k] = &tally{}
		}
		direct, open, local := cells[col["direct_election"]], cells[col["disclosure_compliant"]], cells[col["local_members_ratio"]]
		byYear[k].add(direct, open, local, stale)
		city := cells[col["city"]].Text
		if year == latest {
			if byCity[city] == nil {
				byCity[city] = map[string]*tally{"居委会": {}, "村委会": {}}
			}
			byCity[city][kind].add(direct, open, local, stale)
		}
		pl := place{year, city, cells[col["district"]].Text}
		if byDistrict[pl] == nil {
			byDistrict[pl] = map[string]*tally{"居委会": {}, "村委会": {}}
		}
		byDistrict[pl][kind].add(direct, open, local, stale)
		return nil
	})
	if err != nil {
		return err
	}
	tr := in.tr
	home := render.Crumb{Title: tr.T("nav.home"), Path: "/"}
	v := render.CommitteesView{
		Page:        base(datasetTitle(d, in.tr), "/committees/", "data", home, render.Crumb{Title: tr.T("nav.data"), Path: "/data/"}),
		Dataset:     datasetSummary(d, in.tr, link),
		Description: d.Description, LatestYear: latest,
	}
	var years []int
	for k := range byYear {
		if !slices.Contains(years, k.year) {
			years = append(years, k.year)
		}
	}
	slices.Sort(years)
	get := func(y int, kind string) *tally {
		if t := byYear[key{y, kind}]; t != nil {
			return t
		}
		return &tally{}
	}
	directC, directV, openC, openV := make([]float64, len(years)), make([]float64, len(years)), make([]float64, len(years)), make([]float64, len(years))
	for i, y := range years {
		c, vi := get(y, "居委会"), get(y, "村委会")
		directC[i], directV[i] = share(c.direct, c.directKnown), share(vi.direct, vi.directKnown)
		openC[i], openV[i] = share(c.compliant, c.compliantKnown), share(vi.compliant, vi.compliantKnown)
		local := math.NaN()
		if c.localN > 0 {
			local = c.localSum / float64(c.localN)
		}
		v.Years = append(v.Years, render.CommitteeYear{Year: y, Community: c.n, Village: vi.n,
			CommunityDirect: pct(directC[i]), VillageDirect: pct(directV[i]), CommunityLocal: pct(local),
			CommunityCompliant: pct(openC[i]), VillageCompliant: pct(openV[i])})
		if y == latest {
			v.Stale, v.Villages = vi.stale, vi.n
		}
	}
	community, village := tr.T("committees.series_community"), tr.T("committees.col_village")
	direct, err := charts.Lines(tr, "chart-direct", tr.T("committees.chart_direct"), "%", years, []charts.Series{{Name: community, Values: directC}, {Name: village, Values: directV}},
		map[string]float64{tr.T("committees.target_community", "value", "40%", "year", "2015"): 40, tr.T("committees.target_community", "value", "70%", "year", "2020"): 70}, d.Sample)
	if err != nil {
		return err
	}
	direct.Data = v.Dataset.CSV
	e.publishChart(&direct, "/committees/", v.Page.Title)
	v.DirectChart = &direct
	open, err := charts.Lines(tr, "chart-open", tr.T("committees.chart_open"), "%", years, []charts.Series{{Name: community, Values: openC}, {Name: village, Values: openV}},
		map[string]float64{tr.T("committees.target", "value", "70%", "year", "2015"): 70}, d.Sample)
	if err != nil {
		return err
	}
	open.Data = v.Dataset.CSV
	e.publishChart(&open, "/committees/", v.Page.Title)
	v.OpenChart = &open
	v.Page.Charts = v.DirectChart != nil || v.OpenChart != nil
	cities := make([]string, 0, len(byCity))
	for c := range byCity {
		cities = append(cities, c)
	}
	slices.Sort(cities)
	for _, c := range cities {
		row := committeeRow(c, byCity[c])
		row.URL = link(cityPath("committees", c))
		v.Cities = append(v.Cities, row)
	}
	v.Measures = cv.measuredBy(in, d)
	m.pages = append(m.pages, page{"committees/index.html", "/committees/", "committees", v})

	// Each city's districts, every year, on a page of its own.
	places := slices.Collect(maps.Keys(byDistrict))
	slices.SortFunc(places, func(a, b place) int {
		return cmp.Or(cmp.Compare(a.city, b.city), cmp.Compare(b.year, a.year), cmp.Compare(a.district, b.district))
	})
	for i := 0; i < len(places); {
		city := places[i].city
		path := cityPath("committees", city)
		cvw := render.CommitteeCityView{Page: base(tr.T("committees.city_title", "city", city), path, "data", home, render.Crumb{Title: tr.T("committees.crumb"), Path: "/committees/"}),
			Dataset: v.Dataset, City: city, LatestYear: latest}
		for ; i < len(places) && places[i].city == city; i++ {
			row := committeeRow(places[i].district, byDistrict[places[i]])
			row.Year = places[i].year
			cvw.Districts = append(cvw.Districts, row)
			if len(cvw.Years) == 0 || cvw.Years[len(cvw.Years)-1] != row.Year {
				cvw.Years = append(cvw.Years, row.Year)
			}
		}
		m.pages = append(m.pages, page{path[1:] + "index.html", path, "committees-city", cvw})
	}
	return nil
}

// committeeRow sums up a place's committees of both kinds.
func committeeRow(name string, t map[string]*tally) render.CommitteeCity {
	c, v := t["居委会"], t["村委会"]
	return render.CommitteeCity{City: name, Community: c.n, Village: v.n,
		CommunityDirect: pct(share(c.direct, c.directKnown)), VillageDirect: pct(share(v.direct, v.directKnown)),
		CommunityCompliant: pct(share(c.compliant, c.compliantKnown)), VillageCompliant: pct(share(v.compliant, v.compliantKnown)),
		Stale: v.stale}
}

// measuredBy is the commitments with observations computed from d.
func (cv commitmentViews) measuredBy(in *input, d *data.Dataset) []render.CommitmentSummary {
	var out []render.CommitmentSummary
	for _, c := range in.commitments {
		for _, dv := range c.derived {
			if dv.dataset == d {
				out = append(out, cv.summaries[string(c.row.ID)])
				break
			}
		}
	}
	return out
}
