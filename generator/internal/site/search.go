package site

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/policy"
	"gongkai/generator/internal/render"
	"gongkai/generator/internal/searchindex"
)

// searchDoc is one thing /search/ can find.
type searchDoc struct {
	ID    int    `json:"id"`
	Kind  string `json:"kind"` // in the site's language: 条款, 承诺, 数据集, 社会组织
	Title string `json:"title"`
	Text  string `json:"text,omitempty"`
	URL   string `json:"url"`
	// In is shown with the title but not searched: a clause's document,
	// whose title would otherwise match every clause in it.
	In string `json:"in,omitempty"`
	// Sample: the thing is sample data, or judged from it (示例数据).
	Sample bool `json:"sample,omitempty"`
	// Roster: one row of a dataset's list (an organisation, a body that
	// reports), which the search page lists after the clauses,
	// commitments and datasets, folded.
	Roster bool `json:"roster,omitempty"`
}

// maxSearchOrgs bounds the organisations in the search index, which every
// search page loads: past it they are found in the cities' lists.
const maxSearchOrgs = 5000

// computeSearch adds /search/ and the documents it searches, written as
// /search/index.json: what each family gives (see family.search), in the
// navigation's order — clauses, commitments, datasets and the rows of
// those whose family lists them (organisations).
func computeSearch(e *env) error {
	in, m, tr := e.in, e.m, e.tr
	var docs []searchDoc
	add := func(kind, title, text, url string) *searchDoc {
		docs = append(docs, searchDoc{ID: len(docs), Kind: kind, Title: title, Text: text, URL: url})
		return &docs[len(docs)-1]
	}
	for _, f := range byNav() {
		if f.search == nil || !f.active(in.datasets) {
			continue
		}
		if err := f.search(e, add); err != nil {
			return err
		}
	}
	m.searchDocs = searchDocuments(docs, tr)
	m.files = append(m.files, file{"search/index.json", searchindex.Build(searchFields, m.searchDocs)})
	v := render.SearchView{Page: e.base(tr.T("nav.search"), "/search/", "search", e.homeCrumb()), Index: e.link("/search/index.json"), Count: len(docs),
		Placeholder: in.cfg.Search.Placeholder, Commitments: len(in.commitments) > 0}
	var err error
	if v.Synonyms, v.Folds, err = searchWords(docs, in.cfg.Search.Synonyms, tr); err != nil {
		return err
	}
	v.Kinds, v.Hint = searchKinds(docs, tr)
	v.Orgs = slices.ContainsFunc(docs, func(d searchDoc) bool { return d.Kind == tr.T("search.kind_organization") })
	for _, d := range in.docs {
		v.Documents = append(v.Documents, render.Crumb{Title: d.Title, Path: e.link("/policy/" + d.Slug + "/")})
	}
	v.Page.Search = true
	e.add("search/index.html", "/search/", "search", v)
	return nil
}

// searchWords gives the search page, as JSON, the abbreviations it
// writes out — the translation table's (search.abbreviations, one a line:
// they belong to a language) with the site's own added ([search] synonyms
// in site.toml) — and the line each roster kind the index holds is folded
// under (search.fold_organization, …; search.fold for another kind).
// Either is "" when there is none.
func searchWords(docs []searchDoc, site map[string][]string, tr *i18n.Table) (synonyms, folds string, err error) {
	theme, err := searchindex.ParseSynonyms(tr.T("search.abbreviations"))
	if err != nil {
		return "", "", fmt.Errorf("search.abbreviations of the %s translation table: %w", tr.Lang, err)
	}
	if syn := theme.Merge(site); len(syn) > 0 {
		b, _ := json.Marshal(syn) // keys sorted: the same page every build
		synonyms = string(b)
	}
	lines := map[string]string{}
	for _, d := range docs {
		if !d.Roster || lines[d.Kind] != "" {
			continue
		}
		switch d.Kind {
		case tr.T("search.kind_organization"):
			lines[d.Kind] = tr.T("search.fold_organization")
		case tr.T("search.kind_annual_report"):
			lines[d.Kind] = tr.T("search.fold_annual_report")
		default:
			lines[d.Kind] = tr.T("search.fold")
		}
	}
	if len(lines) > 0 {
		b, _ := json.Marshal(lines)
		folds = string(b)
	}
	return synonyms, folds, nil
}

// searchClauses adds every clause of every policy document.
func searchClauses(e *env, add addDoc) error {
	for _, d := range e.in.docs {
		var walk func(c *policy.Clause)
		walk = func(c *policy.Clause) {
			add(e.tr.T("search.kind_clause"), c.Marker+c.Title, c.Text, e.link("/policy/"+d.Slug+"/")+"#"+c.ID).In = d.Title
			for _, it := range c.Items {
				walk(it)
			}
		}
		for _, s := range d.Sections {
			for _, c := range s.Clauses {
				walk(c)
			}
		}
	}
	return nil
}

// searchCommitments adds every commitment, found by its words, target,
// deadline, status and id.
func searchCommitments(e *env, add addDoc) error {
	for _, c := range e.in.commitments {
		s := e.cv.summaries[string(c.row.ID)]
		add(e.tr.T("search.kind_commitment"), s.Indicator, string(c.row.Text)+" "+s.Target+" "+s.Deadline+" "+s.StatusLabel+" "+s.ID, s.URL).Sample = s.Sample
	}
	return nil
}

// searchDatasets adds every dataset, each followed by what its family
// finds in its rows.
func searchDatasets(e *env, add addDoc) error {
	for _, d := range e.in.datasets {
		var cols string
		for _, c := range d.Columns {
			cols += c.Name + " "
		}
		add(e.tr.T("search.kind_dataset"), datasetTitle(d, e.tr), d.Description+" "+cols+d.ID, e.link("/data/"+d.ID+"/")).Sample = d.Sample
		if f := owner(d.ID); f != nil && f.searchRows != nil && d.Rows > 0 {
			row := func(kind, title, text, url string) *searchDoc {
				doc := add(kind, title, text, url)
				doc.Roster = true
				return doc
			}
			if err := f.searchRows(e, d, row); err != nil {
				return err
			}
		}
	}
	return nil
}

// searchOrganizations adds the organisations, up to maxSearchOrgs: past
// it they are found in the cities' lists.
func searchOrganizations(e *env, d *data.Dataset, add addDoc) error {
	if d.Rows > maxSearchOrgs {
		return nil
	}
	col := d.ColumnIndex()
	return d.Each(func(_ string, _ int, cells []data.Cell) error {
		name, code, city := cells[col["name"]].Text, cells[col["credit_code"]].Text, cells[col["city"]].Text
		add(e.tr.T("search.kind_organization"), name, code+" "+city+" "+cells[col["grade"]].Text, e.link(cityPath("organizations", city))+"?q="+code).Sample = d.Sample
		return nil
	})
}

// storedRunes is how much of a document's text the index gives back: the
// search page shows the part around the match, so a clause that
// names the query late in a long paragraph still shows it.
const storedRunes = 600

// searchFields are the fields of a search document that are searched.
var searchFields = []string{"title", "text"}

// searchDocuments are the documents of /search/index.json (see package
// searchindex): searched by title and text, each giving back its kind,
// title, link, document, whether it is a roster's row (roster "1") and the
// start of its text.
func searchDocuments(docs []searchDoc, tr *i18n.Table) []searchindex.Doc {
	out := make([]searchindex.Doc, len(docs))
	for i, d := range docs {
		snippet := d.Text
		if r := []rune(snippet); len(r) > storedRunes {
			snippet = string(r[:storedRunes]) + "…"
		}
		sample, roster := "", ""
		if d.Sample {
			sample = tr.T("sample.badge")
		}
		if d.Roster {
			roster = "1"
		}
		out[i] = searchindex.Doc{Fields: []string{d.Title, d.Text},
			Stored: map[string]string{"kind": d.Kind, "title": d.Title, "text": snippet, "url": d.URL, "in": d.In, "sample": sample, "roster": roster}}
	}
	return out
}

// SearchDocuments returns what the site's search finds, in the order of its
// index, with the fields searched (title, text) in full: for measuring how
// well other ways of indexing them would find things.
func SearchDocuments(src fs.FS, opts Options) ([]searchindex.Doc, error) {
	var diags diag.List
	in, err := load(src, opts, nil, &diags)
	if err != nil {
		return nil, err
	}
	validate(in, &diags)
	if err := diags.Err(); err != nil {
		return nil, err
	}
	judge(in)
	m, err := compute(in)
	if err != nil {
		return nil, err
	}
	return m.searchDocs, nil
}
