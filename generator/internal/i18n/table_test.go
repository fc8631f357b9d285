package i18n

import (
	"strings"
	"testing"
	"time"
)

func TestTable(t *testing.T) {
	files := []File{
		{Name: "i18n/en.toml", Src: []byte("[nav]\nhome = \"Start\"\n")},
		{Name: "themes/default/i18n/en.toml", Src: []byte("number.thousands = \",\"\ndate.day = \"{d} {month} {y}\"\nmonth.12 = \"December\"\n[nav]\nhome = \"Home\"\ndata = \"Data\"\n[c]\nn = \"{n} rows\"\nraw = \"Showing {shown}\"\nlink_html = \"<a href=\\\"{u}\\\">{t}</a>\"\n")},
	}
	tr, err := Parse("en", files, []string{"nav.home", "nav.data"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ got, want string }{
		{tr.T("nav.home"), "Start"}, // the site's file wins
		{tr.T("nav.data"), "Data"},  // the theme's fills in the rest
		{tr.T("c.n", "n", 12000), "12,000 rows"},
		{tr.T("c.raw"), "Showing {shown}"}, // no values: a script fills it
		{tr.Date(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)), "31 December 2025"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if h, err := tr.HTML("c.link_html", "u", "/a?b=1&c=2", "t", "<1+7>"); err != nil || string(h) != `<a href="/a?b=1&amp;c=2">&lt;1&#43;7&gt;</a>` {
		t.Errorf("HTML: %q, %v", h, err)
	}
	if tr.Err() != nil {
		t.Fatal(tr.Err())
	}
	tr.T("nav.nowhere")
	if err := tr.Err(); err == nil || !strings.Contains(err.Error(), `"nav.nowhere"`) || !strings.Contains(err.Error(), "en table") {
		t.Errorf("a missing key: %v", err)
	}
}

// A key the reference table has and the language's lacks stops the build,
// naming the key and the table: no text comes from another language.
func TestMissingKey(t *testing.T) {
	_, err := Parse("fr", []File{{Name: "i18n/fr.toml", Src: []byte("[nav]\nhome = \"Accueil\"\n")}}, []string{"nav.home", "nav.data"})
	if err == nil || !strings.Contains(err.Error(), `"nav.data"`) || !strings.Contains(err.Error(), "fr table") || !strings.HasPrefix(err.Error(), "i18n/fr.toml: ") {
		t.Errorf("got %v", err)
	}
	if _, err := Parse("en", []File{{Name: "i18n/en.toml", Src: []byte("home = 3\n")}}, nil); err == nil || !strings.Contains(err.Error(), "home") {
		t.Errorf("a number for a text: %v", err)
	}
}
