package publish

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/idna"
)

// Sitemap returns a sitemaps.org sitemap listing the pages at the given site
// paths ("/policy/"), made absolute with baseURL as URIs (see URI), in sorted
// order, each with the date lastmod gives it (YYYY-MM-DD), if any.
func Sitemap(baseURL string, paths []string, lastmod map[string]string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range sorted(paths) {
		b.WriteString("  <url><loc>")
		_ = xml.EscapeText(&b, []byte(URI(baseURL, p))) // writes to memory: cannot fail
		b.WriteString("</loc>")
		if d := lastmod[p]; d != "" {
			b.WriteString("<lastmod>" + d + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// Robots returns a robots.txt that allows everything and names the sitemap.
func Robots(baseURL string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + URI(baseURL, "/sitemap.xml") + "\n")
}

// Absolute joins a base URL ending in "/" and a site path starting with "/",
// as they are written: an IRI when either holds Chinese, as pages may link.
func Absolute(baseURL, sitePath string) string {
	return strings.TrimSuffix(baseURL, "/") + sitePath
}

// URI joins a base URL ending in "/" and a site path starting with "/" into
// a URI as RFC 3986 writes it, for files that machines read (the sitemap,
// robots.txt, the feed): the host in ASCII (an internationalised domain name
// in its xn-- form) and every byte of the path that a URI cannot hold as it
// is percent-encoded as UTF-8 (/organizations/广州市/ →
// /organizations/%E5%B9%BF%E5%B7%9E%E5%B8%82/). Escapes already in the
// base URL are kept.
func URI(baseURL, sitePath string) string {
	abs := Absolute(baseURL, sitePath)
	u, err := url.Parse(abs)
	if err != nil || u.Host == "" {
		return escapePath(abs) // not a full address (a preview's "/"): the path alone
	}
	host := u.Host
	if ascii, err := idna.Lookup.ToASCII(u.Hostname()); err == nil && ascii != u.Hostname() {
		host = strings.Replace(host, u.Hostname(), ascii, 1)
	}
	return u.Scheme + "://" + host + escapePath(abs[len(u.Scheme+"://"+u.Host):])
}

// escapePath percent-encodes the bytes of an absolute path (with any query
// or fragment) that RFC 3986 does not allow in one as they are: everything
// but unreserved characters, sub-delimiters, ":", "@", "/", "?", "#" and
// the "%" of a valid escape.
func escapePath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~!$&'()*+,;=:@/?#", c) >= 0:
			b.WriteByte(c)
		case c == '%' && i+2 < len(p) && ishex(p[i+1]) && ishex(p[i+2]):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func ishex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func sorted(paths []string) []string {
	out := slices.Clone(paths)
	slices.Sort(out)
	return slices.Compact(out)
}
