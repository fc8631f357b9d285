package site

import (
	"fmt"
	"net/url"

	"gongkai/generator/internal/config"
	"gongkai/generator/internal/diag"
)

// checkAddress says what the site's addresses lack for publishing: a base
// URL on this computer (at severity sev: a build warns, a check fails) and
// a missing site id (a warning: the feed then makes its ids from the title).
func checkAddress(in *input, opts Options, sev diag.Severity, diags *diag.List) {
	cfg := in.cfg
	if config.LocalAddress(cfg.BaseURL) {
		pos, what := diag.Pos{File: config.File, Line: cfg.BaseURLLine}, "base_url "
		switch {
		case opts.BaseURL != "":
			pos, what = diag.Pos{File: "--base-url"}, ""
		case cfg.BaseURLLine == 0:
			what = "base_url (the default: site.toml does not set it) "
		}
		diags.Add(diag.Diagnostic{Pos: pos, Severity: sev, Message: fmt.Sprintf("%s%q is this computer's own address: "+
			"the canonical links, sitemap.xml, robots.txt and feed.xml would send readers and search engines to their own computers. "+
			"Set base_url in site.toml to the address the site is published at (e.g. \"https://gongkai.example.gov.cn/\"), or build with --base-url ADDRESS",
			what, cfg.BaseURL)})
	}
	if cfg.ID == "" {
		host := "www.example.gov.cn"
		if u, err := url.Parse(cfg.BaseURL); err == nil && !config.LocalAddress(cfg.BaseURL) {
			host = u.Hostname()
		}
		diags.Warnf(diag.Pos{File: config.File}, "site.toml has no id, so the feed's entries get ids made from the site's title, "+
			"which change if the title does and feed readers then show every entry again: add an id, set once and never changed, "+
			"e.g. id = \"tag:%s,%d:\" (a domain you have and the year you had it)", host, in.asOfDay.Year())
	}
}
