package config

import (
	"net"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// BaseURL checks an address the site is to be published at, as site.toml's
// base_url or `gongkai build --base-url` gives it, and returns it ending in
// "/" (a path without one gets it: "https://example.gov.cn/portal" is the
// folder /portal/). problem says what is wrong with it, "" when nothing
// is: the address must be a full http:// or https:// address with a host,
// and hold no user name, password, query (?…) or fragment (#…), since
// every link, the sitemap, robots.txt and the feed are made from it.
func BaseURL(s string) (normalized, problem string) {
	if strings.IndexFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f }) >= 0 {
		return s, "holds spaces or control characters"
	}
	u, err := url.Parse(s)
	switch {
	case s == "":
		return s, "is empty"
	case err != nil:
		return s, "is not an address"
	case u.Scheme == "":
		return s, "is a relative address, not a full one starting with https:// or http://"
	case u.Scheme != "http" && u.Scheme != "https":
		return s, "is a " + u.Scheme + ": address, not an https:// or http:// one"
	case u.Opaque != "" || u.Host == "" || u.Hostname() == "":
		return s, "has no host after " + u.Scheme + "://"
	case u.User != nil:
		return s, "holds a user name or password"
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(s, "#"):
		return s, "holds a query (?…) or fragment (#…)"
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, ""
}

// LocalAddress reports whether the base URL names this computer rather than
// a published site: its host is localhost (or a name under .localhost), a
// loopback address (127.0.0.0/8, ::1) or the unspecified address (0.0.0.0,
// ::). Such an address is right for a preview (gongkai serve) and wrong in
// a published site's canonical links, sitemap, robots.txt and feed, which
// would send every reader and search engine to their own computer.
func LocalAddress(base string) bool {
	u, err := url.Parse(base)
	if err != nil {
		return false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}

// SiteID checks the site's id (site.toml's id) and says what is wrong with
// it, "" when nothing is. The feed's ids are made from it (see
// publish.Feed), so it must be one no other site uses, and never change:
//
//   - a tag URI (RFC 4151) of a domain or email address the site's owner
//     had on a day, with an optional specific part: "tag:gd-shgov.example,2011:",
//     "tag:www.example.gov.cn,2025-06:portal/";
//   - or a UUID URN, as `gongkai new` writes one at random:
//     "urn:uuid:6f1c27a4-…".
func SiteID(id string) string {
	if uuidURN.MatchString(id) {
		return ""
	}
	m := tagURI.FindStringSubmatch(id)
	if m == nil {
		return `must be a tag URI of a domain you have and the year you had it, like "tag:www.example.gov.cn,2025:", or a UUID URN ("urn:uuid:…")`
	}
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(m[1])]
	if _, err := time.Parse(layout, m[1]); err != nil {
		return "has no real date after the comma: write YYYY, YYYY-MM or YYYY-MM-DD"
	}
	return ""
}

var (
	uuidURN = regexp.MustCompile(`^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	// tagURI is RFC 4151's tagURI without a fragment (the feed adds its
	// own): "tag:" authorityName "," date ":" specific.
	tagURI = regexp.MustCompile(`^tag:` +
		`(?:[A-Za-z0-9._-]+@)?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*` +
		`,([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?):` +
		`(?:[A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*$`)
)
