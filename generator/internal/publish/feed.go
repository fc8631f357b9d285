package publish

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/xml"
	"fmt"
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

// FeedSite is what the feed says about the site it is the feed of.
type FeedSite struct {
	Title   string
	BaseURL string // the published address, ending in "/": the feed's links
	Lang    string // the language of its titles and summaries (BCP 47), its xml:lang
	// ID is the site's id, set once in site.toml (config.SiteID): a tag URI
	// ("tag:gd-shgov.example,2011:") or a UUID URN. The feed's and its
	// entries' ids are made from it, never from BaseURL, so they stay the
	// same when the site moves (RFC 4287 4.2.6). Empty: made from Title.
	ID string
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
// MaxFeedEntries), in the site's language. Its own time is the newest
// entry's, so the same inputs give the same feed. Its links are URIs (see
// URI); its ids are the site's (see FeedSite.ID and EntryID).
func Feed(site FeedSite, entries []FeedEntry) ([]byte, error) {
	entries = slices.Clone(entries)
	slices.SortStableFunc(entries, func(a, b FeedEntry) int {
		if c := b.Updated.Compare(a.Updated); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
	entries = entries[:min(len(entries), MaxFeedEntries)]
	siteID := site.ID
	if siteID == "" {
		siteID = TitleID(site.Title)
	}
	feed := struct {
		XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
		Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
		Title   string      `xml:"title"`
		ID      string      `xml:"id"`
		Links   []atomLink  `xml:"link"`
		Updated string      `xml:"updated"`
		Author  string      `xml:"author>name"`
		Entries []atomEntry `xml:"entry"`
	}{Lang: site.Lang, Title: site.Title, ID: siteID, Author: site.Title,
		Links: []atomLink{{Href: URI(site.BaseURL, "/feed.xml"), Rel: "self", Type: "application/atom+xml"}, {Href: URI(site.BaseURL, "/")}}}
	// With nothing dated the feed keeps a fixed time rather than the clock's.
	feed.Updated = time.Unix(0, 0).UTC().Format(time.RFC3339)
	if len(entries) > 0 {
		feed.Updated = entries[0].Updated.Format(time.RFC3339)
	}
	for _, e := range entries {
		feed.Entries = append(feed.Entries, atomEntry{Title: e.Title, ID: EntryID(siteID, e.Path, e.Updated), Link: atomLink{Href: URI(site.BaseURL, e.Path)},
			Updated: e.Updated.Format(time.RFC3339), Summary: e.Summary})
	}
	b, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(b, '\n')...), nil
}

// EntryID is the Atom id of the entry announcing that the page at sitePath
// changed at t, made from the site's id and never from its address:
//
//   - under a tag URI, the page's path and the time, readable:
//     tag:gd-shgov.example,2011:commitments/decision-37/#20210304T100000+0800
//     (a "/" is put between an id that ends in neither ":" nor "/" and the path);
//   - under a UUID URN, a UUID of its own, made from the site's UUID, the
//     path and the time (a name-based UUID, RFC 9562 version 5).
func EntryID(siteID, sitePath string, t time.Time) string {
	name := escapePath(strings.TrimPrefix(sitePath, "/")) + "#" + t.Format("20060102T150405Z0700")
	if ns, ok := strings.CutPrefix(siteID, "urn:uuid:"); ok {
		if id, err := nameUUID(ns, name); err == nil {
			return "urn:uuid:" + id
		}
	}
	if !strings.HasSuffix(siteID, ":") && !strings.HasSuffix(siteID, "/") {
		siteID += "/"
	}
	return siteID + name
}

// TitleID is the id a site without one gets: a UUID URN made from its title
// (in a namespace of gongkai's own), the same for every build and wherever
// the site is published, until the title changes.
func TitleID(title string) string {
	id, _ := nameUUID(titleNamespace, title) // titleNamespace is a valid UUID
	return "urn:uuid:" + id
}

// titleNamespace is the namespace of TitleID's UUIDs, drawn at random once.
const titleNamespace = "5b0d3f3e-7c1a-4f55-9a0e-2f6c1d8b9e47"

// nameUUID is the name-based UUID (version 5, SHA-1) of name in the
// namespace ns, a UUID written 8-4-4-4-12 (RFC 9562 5.5).
func nameUUID(ns, name string) (string, error) {
	raw, err := hex.DecodeString(strings.ReplaceAll(ns, "-", ""))
	if err != nil || len(raw) != 16 {
		return "", fmt.Errorf("%q is not a UUID", ns)
	}
	h := sha1.New()
	h.Write(raw)
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // the RFC's variant
	x := hex.EncodeToString(u)
	return x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:], nil
}
