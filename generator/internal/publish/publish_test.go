package publish

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSitemap: sorted, each page once, its date when known, and every
// address a URI: text escaped for XML, the path percent-encoded as UTF-8.
func TestSitemap(t *testing.T) {
	got := string(Sitemap("https://example.org/portal/", []string{"/policy/", "/", "/policy/a&b/", "/", "/organizations/广州市/"}, map[string]string{"/policy/": "2021-03-04"}))
	want := `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.org/portal/</loc></url>
  <url><loc>https://example.org/portal/organizations/%E5%B9%BF%E5%B7%9E%E5%B8%82/</loc></url>
  <url><loc>https://example.org/portal/policy/</loc><lastmod>2021-03-04</lastmod></url>
  <url><loc>https://example.org/portal/policy/a&amp;b/</loc></url>
</urlset>
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestURI: what a URI cannot hold is percent-encoded as UTF-8 (RFC 3986),
// what it can is kept, escapes are not escaped twice, and a Chinese domain
// name is written in ASCII.
func TestURI(t *testing.T) {
	for _, tt := range []struct{ base, path, want string }{
		{"https://example.org/", "/data/预算/", "https://example.org/data/%E9%A2%84%E7%AE%97/"},
		{"https://example.org/门户/", "/a b/", "https://example.org/%E9%97%A8%E6%88%B7/a%20b/"},
		{"https://example.org/%E9%97%A8/", "/x/", "https://example.org/%E9%97%A8/x/"},
		{"https://example.org/", "/a(1)+b;c=d:e@f~g_h.i-j/", "https://example.org/a(1)+b;c=d:e@f~g_h.i-j/"},
		{"https://example.org/", `/"<>\^{|}%/`, "https://example.org/%22%3C%3E%5C%5E%7B%7C%7D%25/"},
		{"http://政府.中国:8080/", "/", "http://xn--mxtq1m.xn--fiqs8s:8080/"},
		{"/", "/data/预算/", "/data/%E9%A2%84%E7%AE%97/"},
	} {
		if got := URI(tt.base, tt.path); got != tt.want {
			t.Errorf("URI(%q, %q) = %q, want %q", tt.base, tt.path, got, tt.want)
		}
	}
}

func TestRobots(t *testing.T) {
	want := "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n"
	if got := string(Robots("https://example.org/")); got != want {
		t.Errorf("got %q", got)
	}
}

func TestNeutralize(t *testing.T) {
	tests := map[string]string{
		"=1+1": "'=1+1", "+cmd": "'+cmd", "-2+3": "'-2+3", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "省民政厅": "省民政厅", "": "", "a=b": "a=b",
	}
	for in, want := range tests {
		if got := neutralize(in); got != want {
			t.Errorf("neutralize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFeed: the feed parses as Atom, in the site's language, lists entries
// newest first with absolute links, escapes text, takes its own time from
// the newest entry, and makes its ids from the site's id, not its address.
func TestFeed(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.RFC3339, s); return d }
	entries := []FeedEntry{
		{Title: "甲 <b>", Path: "/data/a/", Updated: day("2021-03-04T10:00:00+08:00")},
		{Title: "乙", Path: "/data/预算/", Updated: day("2022-05-06T10:00:00+08:00"), Summary: "x & y"},
	}
	site := FeedSite{Title: "门户 <&>", BaseURL: "https://example.org/portal/", Lang: "zh-CN", ID: "tag:example.org,2021:"}
	b, err := Feed(site, entries)
	if err != nil {
		t.Fatal(err)
	}
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
			Summary string `xml:"summary"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &feed); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if feed.Title != "门户 <&>" || feed.Lang != "zh-CN" || feed.ID != "tag:example.org,2021:" || feed.Updated != "2022-05-06T10:00:00+08:00" || len(feed.Entries) != 2 {
		t.Fatalf("feed %+v", feed)
	}
	if !bytes.Contains(b, []byte(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">`)) {
		t.Errorf("xml:lang is not written as such:\n%s", b)
	}
	if e := feed.Entries[0]; e.Title != "乙" || e.Link.Href != "https://example.org/portal/data/%E9%A2%84%E7%AE%97/" || e.Summary != "x & y" ||
		e.ID != "tag:example.org,2021:data/%E9%A2%84%E7%AE%97/#20220506T100000+0800" {
		t.Errorf("first entry %+v", e)
	}
	if e := feed.Entries[1]; e.Title != "甲 <b>" || e.ID != "tag:example.org,2021:data/a/#20210304T100000+0800" {
		t.Errorf("second entry %+v", e)
	}
	if !bytes.Contains(b, []byte("甲 &lt;b&gt;")) {
		t.Error("text is not escaped")
	}
	// The site moves: the ids stay.
	site.BaseURL = "https://new.example.org/"
	moved, err := Feed(site, entries)
	if err != nil {
		t.Fatal(err)
	}
	ids := regexp.MustCompile(`<id>[^<]*</id>`)
	if a, b := ids.FindAllString(string(b), -1), ids.FindAllString(string(moved), -1); !slices.Equal(a, b) {
		t.Errorf("the ids changed with the address:\n%v\n%v", a, b)
	}
	// Without an id of its own, the site's title gives it one.
	site.ID = ""
	untitled, _ := Feed(site, entries)
	if want := "<id>" + TitleID("门户 <&>") + "</id>"; !bytes.Contains(untitled, []byte(want)) || !strings.HasPrefix(TitleID("x"), "urn:uuid:") {
		t.Errorf("a site without an id: want %s in\n%s", want, untitled)
	}
}

// TestEntryID: under a tag URI, the path and the time (after a "/" when the
// id ends in neither ":" nor "/"); under a UUID URN, a name-based UUID.
func TestEntryID(t *testing.T) {
	at := time.Date(2021, 3, 4, 10, 0, 0, 0, time.FixedZone("", 8*3600))
	for _, tt := range []struct{ site, want string }{
		{"tag:example.org,2021:", "tag:example.org,2021:commitments/a/#20210304T100000+0800"},
		{"tag:example.org,2021:portal", "tag:example.org,2021:portal/commitments/a/#20210304T100000+0800"},
		{"tag:example.org,2021:portal/", "tag:example.org,2021:portal/commitments/a/#20210304T100000+0800"},
		{"urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8", "urn:uuid:" + mustUUID(t, "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "commitments/a/#20210304T100000+0800")},
	} {
		if got := EntryID(tt.site, "/commitments/a/", at); got != tt.want {
			t.Errorf("EntryID(%q) = %q, want %q", tt.site, got, tt.want)
		}
	}
}

// TestNameUUID: RFC 9562's own example of a version 5 UUID, and Python's
// uuid5 for a Chinese name in gongkai's title namespace.
func TestNameUUID(t *testing.T) {
	if got := mustUUID(t, "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com"); got != "2ed6657d-e927-568b-95e1-2665a8aea6a2" {
		t.Errorf("got %s", got)
	}
	if got := TitleID("门户"); got != "urn:uuid:d371c9ae-33dd-5db7-8127-aab4af15d601" {
		t.Errorf("got %s", got)
	}
	if _, err := nameUUID("not-a-uuid", "x"); err == nil {
		t.Error("no error for a namespace that is no UUID")
	}
}

func mustUUID(t *testing.T, ns, name string) string {
	t.Helper()
	id, err := nameUUID(ns, name)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
