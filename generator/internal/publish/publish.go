package publish

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"
)

// Sitemap returns a sitemaps.org sitemap listing the pages at the given site
// paths ("/policy/"), made absolute with baseURL, in sorted order, each with
// the date lastmod gives it (YYYY-MM-DD), if any.
func Sitemap(baseURL string, paths []string, lastmod map[string]string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range sorted(paths) {
		b.WriteString("  <url><loc>")
		_ = xml.EscapeText(&b, []byte(Absolute(baseURL, p))) // writes to memory: cannot fail
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
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + Absolute(baseURL, "/sitemap.xml") + "\n")
}

// Absolute joins a base URL ending in "/" and a site path starting with "/".
func Absolute(baseURL, sitePath string) string {
	return strings.TrimSuffix(baseURL, "/") + sitePath
}

func sorted(paths []string) []string {
	out := slices.Clone(paths)
	slices.Sort(out)
	return slices.Compact(out)
}
