package publish

import (
	"encoding/xml"
	"slices"
	"strings"
	"time"
)

// FeedEntry is one update the Atom feed announces.
type FeedEntry struct {
	Title   string
	Path    string // the page it links to, a site path
	Updated time.Time
	Summary string
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Link    atomLink `xml:"link"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary,omitempty"`
}

// MaxFeedEntries is how many entries the feed keeps, the newest: feed readers
// fetch it often, and a reader who missed more can read the pages.
const MaxFeedEntries = 100

// Feed returns /feed.xml: an Atom feed of the entries, newest first (at most
// MaxFeedEntries). Its own time is the newest entry's, so the same inputs
// give the same feed.
func Feed(title, baseURL string, entries []FeedEntry) ([]byte, error) {
	entries = slices.Clone(entries)
	slices.SortStableFunc(entries, func(a, b FeedEntry) int {
		if c := b.Updated.Compare(a.Updated); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
	entries = entries[:min(len(entries), MaxFeedEntries)]
	feed := struct {
		XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
		Title   string      `xml:"title"`
		ID      string      `xml:"id"`
		Links   []atomLink  `xml:"link"`
		Updated string      `xml:"updated"`
		Author  string      `xml:"author>name"`
		Entries []atomEntry `xml:"entry"`
	}{Title: title, ID: Absolute(baseURL, "/"), Author: title,
		Links: []atomLink{{Href: Absolute(baseURL, "/feed.xml"), Rel: "self", Type: "application/atom+xml"}, {Href: Absolute(baseURL, "/")}}}
	// With nothing dated the feed keeps a fixed time rather than the clock's.
	feed.Updated = time.Unix(0, 0).UTC().Format(time.RFC3339)
	if len(entries) > 0 {
		feed.Updated = entries[0].Updated.Format(time.RFC3339)
	}
	for _, e := range entries {
		url := Absolute(baseURL, e.Path)
		feed.Entries = append(feed.Entries, atomEntry{Title: e.Title, ID: url + "#" + e.Updated.Format("20060102T150405Z0700"), Link: atomLink{Href: url},
			Updated: e.Updated.Format(time.RFC3339), Summary: e.Summary})
	}
	b, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(b, '\n')...), nil
}
