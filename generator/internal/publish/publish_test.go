package publish

import (
	"bytes"
	"encoding/xml"
	"testing"
	"time"
)

func TestSitemap(t *testing.T) {
	got := string(Sitemap("https://example.org/portal/", []string{"/policy/", "/", "/policy/a&b/", "/"}, map[string]string{"/policy/": "2021-03-04"}))
	want := `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.org/portal/</loc></url>
  <url><loc>https://example.org/portal/policy/</loc><lastmod>2021-03-04</lastmod></url>
  <url><loc>https://example.org/portal/policy/a&amp;b/</loc></url>
</urlset>
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
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

// TestFeed: the feed parses as Atom, lists entries newest first with absolute
// links, escapes text, and takes its own time from the newest entry.
func TestFeed(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.RFC3339, s); return d }
	b, err := Feed("门户 <&>", "https://example.org/portal/", []FeedEntry{
		{Title: "甲 <b>", Path: "/data/a/", Updated: day("2021-03-04T10:00:00+08:00")},
		{Title: "乙", Path: "/data/b/", Updated: day("2022-05-06T10:00:00+08:00"), Summary: "x & y"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Title   string   `xml:"title"`
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
	if feed.Title != "门户 <&>" || feed.Updated != "2022-05-06T10:00:00+08:00" || len(feed.Entries) != 2 {
		t.Fatalf("feed %+v", feed)
	}
	if e := feed.Entries[0]; e.Title != "乙" || e.Link.Href != "https://example.org/portal/data/b/" || e.Summary != "x & y" {
		t.Errorf("first entry %+v", e)
	}
	if e := feed.Entries[1]; e.Title != "甲 <b>" || e.ID == feed.Entries[0].ID {
		t.Errorf("second entry %+v", e)
	}
	if !bytes.Contains(b, []byte("甲 &lt;b&gt;")) {
		t.Error("text is not escaped")
	}
}
