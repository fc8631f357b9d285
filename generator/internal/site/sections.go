package site

import (
	"cmp"
	"path"
	"slices"

	"gongkai/generator/internal/content"
	"gongkai/generator/internal/render"
)

// A section is a folder of content pages, content/<name>/ (notices, news,
// 政策解读…): each page is published at /<name>/<slug>/ and listed, newest
// first, on /<name>/ and the pages after it (/<name>/2/, …). The navigation
// holds the section, never its pages, so a portal of thousands of notices
// does not put thousands of links on every page. content/<name>/_index.md,
// if any, gives the list its title and an introduction.
type section struct {
	name  string
	index *content.Page // content/<name>/_index.md, or nil
	pages []*content.Page
}

// sectionPerPage is how many pages a section's list shows at a time.
const sectionPerPage = 30

// isIndexPage reports whether p is a folder's _index.md.
func isIndexPage(p *content.Page) bool { return path.Base(p.Path) == "_index.md" }

// section is the section name, made when first asked for.
func (e *env) section(name string) *section {
	for _, s := range e.sections {
		if s.name == name {
			return s
		}
	}
	s := &section{name: name}
	e.sections = append(e.sections, s)
	slices.SortFunc(e.sections, func(a, b *section) int { return cmp.Compare(a.name, b.name) })
	return s
}

func (s *section) add(p *content.Page) {
	if isIndexPage(p) {
		s.index = p
		return
	}
	s.pages = append(s.pages, p)
}

// title is the section's name as its list shows it: its _index.md's title,
// else the folder's name.
func (s *section) title() string {
	if s.index != nil {
		return s.index.Meta.Title
	}
	return s.name
}

// newestFirst orders a section's pages: by date (lastmod, else date) newest
// first, undated last, then by weight and slug.
func newestFirst(a, b *content.Page) int {
	da, db := cmp.Or(a.Meta.LastMod, a.Meta.Date), cmp.Or(b.Meta.LastMod, b.Meta.Date)
	return cmp.Or(cmp.Compare(db, da), cmp.Compare(a.Meta.Weight, b.Meta.Weight), cmp.Compare(a.Meta.Slug, b.Meta.Slug))
}

// computeSections adds each section's pages and its list.
func computeSections(e *env) {
	for _, s := range e.sections {
		slices.SortStableFunc(s.pages, newestFirst)
		first := "/" + s.name + "/"
		crumb := render.Crumb{Title: s.title(), Path: first}
		var items []render.SectionItem
		for _, p := range s.pages {
			path := pagePath(p)
			e.addContentPage(p, path, crumb)
			items = append(items, render.SectionItem{Title: p.Meta.Title, URL: e.link(path), Date: cmp.Or(p.Meta.LastMod, p.Meta.Date), Summary: p.Meta.Summary})
		}
		paths := paginate(len(items), sectionPerPage, first)
		for i, lp := range paths {
			v := render.SectionView{Page: e.base(pageTitle(s.title(), i, e.tr), lp, s.name, e.homeCrumb()),
				Items: items[i*sectionPerPage : min(len(items), (i+1)*sectionPerPage)], Pages: pager(paths, i, e.link), Count: len(items)}
			if s.index != nil && i == 0 {
				v.Body, v.Description = s.index.HTML(&e.m.told), s.index.Meta.Summary
			}
			e.add(lp[1:]+"index.html", lp, "section", v)
		}
	}
}
