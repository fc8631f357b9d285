package site

import (
	"html"
	"html/template"
	"slices"
	"strings"

	"gongkai/generator/internal/config"
	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/policy"
	"gongkai/generator/internal/render"
)

// What the site says about its own portal comes from site.toml, never from
// the theme: the footer's paragraph, the note on reposted texts, who runs the
// site and how to reach them, the search box's examples.

// portalSite fills in the parts of every page that site.toml gives.
func portalSite(s *render.Site, cfg config.Config) {
	s.Footer = settingHTML(cfg.Footer.Text, s.BasePath)
	s.RepostNote = settingHTML(cfg.Policy.RepostNote, s.BasePath)
	p := cfg.Publisher
	s.Publisher = render.Publisher{
		Sponsor: p.Sponsor, Organizer: p.Organizer, SiteCode: p.SiteCode,
		ICP: p.ICP, PublicSecurity: p.PublicSec, PublicSecurityURL: p.PublicSecURL,
		ErrorReport: contactLink(p.ErrorReport, s.BasePath), Feedback: contactLink(p.Feedback, s.BasePath),
	}
	if p.ICP != "" {
		s.Publisher.ICPURL = p.ICPURL
	}
}

// settingHTML writes a text setting as HTML: its text escaped, its
// [words](target) links made, a site path with the base path in front.
func settingHTML(text, basePath string) template.HTML {
	var b strings.Builder
	for _, seg := range config.Segments(text) {
		if seg.Href == "" {
			b.WriteString(html.EscapeString(seg.Text))
			continue
		}
		b.WriteString(`<a href="` + html.EscapeString(rebase(seg.Href, basePath)) + `">` + html.EscapeString(seg.Text) + `</a>`)
	}
	return template.HTML(b.String()) // every piece escaped above
}

// contactLink is the link a contact setting makes, with the base path in
// front of a site path; "" when the setting is empty.
func contactLink(v, basePath string) string {
	return rebase(config.ContactHref(v), basePath)
}

// rebase puts the base path in front of a site path ("/about/").
func rebase(href, basePath string) string {
	if strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "//") {
		return strings.TrimSuffix(basePath, "/") + href
	}
	return href
}

// searchKinds names what the search finds, in the words of its hint:
// 政策条款、承诺、数据集和社会组织 (only the kinds the index holds).
func searchKinds(docs []searchDoc, tr *i18n.Table) (list string, hint string) {
	var kinds []string
	for _, d := range docs {
		if !slices.Contains(kinds, d.Kind) {
			kinds = append(kinds, d.Kind)
		}
	}
	if len(kinds) == 0 {
		return "", tr.T("search.hint_any")
	}
	named := make([]string, len(kinds))
	for i, k := range kinds {
		named[i] = k
		if k == tr.T("search.kind_clause") {
			named[i] = tr.T("search.kind_clause_long")
		}
	}
	hint = tr.T("search.hint", "what", named[0])
	if len(named) > 1 {
		hint = tr.T("search.hint", "what", strings.Join(named[:len(named)-1], tr.T("search.list_sep"))+tr.T("search.list_and")+named[len(named)-1])
	}
	return strings.Join(kinds, tr.T("search.list_sep")), hint
}

// sourceTitle names where a policy document's text comes from, in
// datapackage.json's sources: a repost says so.
func sourceTitle(d *policy.Document, tr *i18n.Table) string {
	if d.Repost {
		return tr.T("sources.repost")
	}
	return tr.T("sources.original")
}

// policySectionTitle is the title of the policy section: content/policy/_index.md's, else 政策文件.
func policySectionTitle(in *input) string {
	for _, p := range in.pages {
		if isSectionIndex(p) {
			return p.Meta.Title
		}
	}
	return in.tr.T("nav.policy")
}
