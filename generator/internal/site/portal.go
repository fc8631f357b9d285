package site

import (
	"html"
	"html/template"
	"slices"
	"strings"

	"gongkai/generator/internal/config"
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
func searchKinds(docs []searchDoc) (list string, hint string) {
	var kinds []string
	for _, d := range docs {
		if !slices.Contains(kinds, d.Kind) {
			kinds = append(kinds, d.Kind)
		}
	}
	if len(kinds) == 0 {
		return "", "查找本站内容"
	}
	named := make([]string, len(kinds))
	for i, k := range kinds {
		named[i] = k
		if k == "条款" {
			named[i] = "政策条款"
		}
	}
	hint = "查找" + named[0]
	if len(named) > 1 {
		hint = "查找" + strings.Join(named[:len(named)-1], "、") + "和" + named[len(named)-1]
	}
	return strings.Join(kinds, "、"), hint
}

// sourceTitle names where a policy document's text comes from, in
// datapackage.json's sources: a repost says so.
func sourceTitle(d *policy.Document) string {
	if d.Repost {
		return "政策原文的网上转载"
	}
	return "政策原文"
}

// policySectionTitle is the title of the policy section: content/policy/_index.md's, else 政策文件.
func policySectionTitle(in *input) string {
	for _, p := range in.pages {
		if isSectionIndex(p) {
			return p.Meta.Title
		}
	}
	return "政策文件"
}
