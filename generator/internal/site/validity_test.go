package site

import (
	"encoding/xml"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

// TestSitemapAndFeedValid holds sitemap.xml to the sitemaps.org schema
// (xmllint, testdata/schemas/sitemap.xsd) and feed.xml to Atom's RELAX NG
// schema (jing, testdata/schemas/atom.rnc), for the bundled site and for a
// small one published under a Chinese path with Chinese dataset names
// and a feed of their commits. Beyond the schemas: every address is a URI
// (RFC 3986: ASCII, percent-encoded) that leads back to the page; the feed
// has the site's xml:lang, ids made from the site's id, and what the
// schema's Schematron rules (which jing does not check) ask: an author,
// and a link to each entry's page.
func TestSitemapAndFeedValid(t *testing.T) {
	xmllint := tool(t, "xmllint", "libxml2-utils")
	jing := tool(t, "jing", "jing")
	fsys := fstest.MapFS{
		"site.toml":             {Data: []byte("title = \"测试\"\nbase_url = \"https://example.org/门户/\"\nid = \"tag:example.org,2026:gk/\"\n")},
		"data/社会组织/广州市.csv":     {Data: []byte("名称,类型\n甲协会,社会团体\n")},
		"data/预算 2025.csv":      {Data: []byte("a,b\n1,2\n")},
		"content/policy/doc.md": {Data: []byte("---\ntitle: 文件\nslug: doc\n---\n\n## 一、目标\n\n1.甲。\n")},
	}
	themeFiles(t, fsys)
	day := func(s string) time.Time { d, _ := time.Parse(time.RFC3339, s); return d }
	small := buildWith(t, fsys, map[string]time.Time{"data/社会组织/广州市.csv": day("2025-03-04T10:00:00+08:00"), "data/预算 2025.csv": day("2025-05-06T10:00:00+08:00")})

	for _, s := range []struct {
		name, base, id string
		out            memSink
	}{
		{"small", "https://example.org/门户/", "tag:example.org,2026:gk/", small},
		{"bundled", "https://gd-shgov.example/", "tag:gd-shgov.example,2011:", buildBundled(t)},
	} {
		dir := t.TempDir()
		for _, name := range []string{"sitemap.xml", "feed.xml"} {
			if err := os.WriteFile(filepath.Join(dir, name), s.out[name], 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if out, err := exec.Command(xmllint, "--noout", "--schema", "testdata/schemas/sitemap.xsd", filepath.Join(dir, "sitemap.xml")).CombinedOutput(); err != nil {
			t.Errorf("%s: sitemap.xml is not valid: %v\n%s", s.name, err, out)
		}
		if out, err := exec.Command(jing, "-c", "testdata/schemas/atom.rnc", filepath.Join(dir, "feed.xml")).CombinedOutput(); err != nil {
			t.Errorf("%s: feed.xml is not valid Atom: %v\n%s", s.name, err, out)
		}

		var sitemap struct {
			Locs []string `xml:"url>loc"`
		}
		if err := xml.Unmarshal(s.out["sitemap.xml"], &sitemap); err != nil {
			t.Fatal(err)
		}
		for _, loc := range sitemap.Locs {
			checkURI(t, s.name, loc, s.base, s.out)
		}

		var feed struct {
			Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
			ID      string   `xml:"id"`
			Author  string   `xml:"author>name"`
			Links   []string `xml:"link>href"`
			Entries []struct {
				ID   string `xml:"id"`
				Link struct {
					Href string `xml:"href,attr"`
					Rel  string `xml:"rel,attr"`
				} `xml:"link"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(s.out["feed.xml"], &feed); err != nil {
			t.Fatal(err)
		}
		if feed.Lang != "zh-CN" || feed.ID != s.id || feed.Author == "" {
			t.Errorf("%s: feed xml:lang %q, id %q, author %q", s.name, feed.Lang, feed.ID, feed.Author)
		}
		if s.name == "small" && len(feed.Entries) != 2 {
			t.Errorf("%s: %d entries, want one for each commit of a dataset", s.name, len(feed.Entries))
		}
		seen := map[string]bool{}
		for _, e := range feed.Entries {
			if !strings.HasPrefix(e.ID, s.id) || seen[e.ID] || !isASCII(e.ID) {
				t.Errorf("%s: entry id %q is not the site's own, or not unique, or not a URI", s.name, e.ID)
			}
			seen[e.ID] = true
			if e.Link.Rel != "" && e.Link.Rel != "alternate" {
				t.Errorf("%s: entry %s has no link to its page", s.name, e.ID)
			}
			checkURI(t, s.name, e.Link.Href, s.base, s.out)
		}
	}
}

// checkURI: loc is an ASCII URI under base that leads to a page of out.
func checkURI(t *testing.T, site, loc, base string, out memSink) {
	t.Helper()
	u, err := url.Parse(loc)
	if err != nil || !isASCII(loc) || u.Scheme != "https" || u.RawQuery != "" {
		t.Errorf("%s: %q is not a URI (%v)", site, loc, err)
		return
	}
	path, ok := strings.CutPrefix(u.Scheme+"://"+u.Host+u.Path, base)
	if !ok {
		t.Errorf("%s: %q is not under %s", site, loc, base)
		return
	}
	if _, exists := out[path+"index.html"]; !exists && path != "" {
		t.Errorf("%s: %q leads to no page (%s)", site, loc, path)
	}
}

func isASCII(s string) bool {
	return utf8.ValidString(s) && strings.IndexFunc(s, func(r rune) bool { return r > 0x7e || r < 0x21 }) < 0
}

// tool finds an external program a test needs, or skips the test saying how
// to install it (fails it in CI, which installs it: GONGKAI_REQUIRE_BROWSER).
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		msg := name + " not found: install it with `apt-get install -y " + pkg + "` (.ci/run does)"
		if os.Getenv("GONGKAI_REQUIRE_BROWSER") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}
