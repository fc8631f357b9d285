package config

import (
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	cfg, ds := Parse([]byte("title = \"公开\"\nbase_url = \"https://example.org/portal/\"\nas_of = \"2026-01-31\"\n[license]\nname = \"CC BY 4.0\"\n"))
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	if cfg.Title != "公开" || cfg.BasePath() != "/portal/" || cfg.AsOf != "2026-01-31" || cfg.Language != "zh-CN" || cfg.License.Name != "CC BY 4.0" {
		t.Errorf("got %+v", cfg)
	}
}

// TestParseOutput: the precompressed copies are on unless [output] turns
// them off.
func TestParseOutput(t *testing.T) {
	for src, want := range map[string]bool{"": true, "[output]\nprecompress = true\n": true, "[output]\nprecompress = false\n": false} {
		cfg, ds := Parse([]byte(src))
		if len(ds) != 0 || cfg.Output.Precompress != want {
			t.Errorf("%q: precompress %v, want %v (%v)", src, cfg.Output.Precompress, want, ds)
		}
	}
	checkErrors(t, []struct{ src, want string }{{"[output]\nprecompress = \"no\"\n", "site.toml:2:"}})
}

// TestParseSynonyms: a site adds to the theme's abbreviations in [search]
// synonyms, as a table or inline.
func TestParseSynonyms(t *testing.T) {
	for _, src := range []string{
		"[search]\nplaceholder = \"例如：低保\"\n[search.synonyms]\n\"低保\" = [\"最低生活保障\"]\n\"三公\" = [\"公务接待\", \"公务用车\"]\n",
		"[search]\nsynonyms = { \"低保\" = [\"最低生活保障\"], \"三公\" = [\"公务接待\", \"公务用车\"] }\n",
	} {
		cfg, ds := Parse([]byte(src))
		if len(ds) != 0 {
			t.Fatalf("%q: %v", src, ds)
		}
		if s := cfg.Search.Synonyms; len(s) != 2 || !slices.Equal(s["低保"], []string{"最低生活保障"}) || !slices.Equal(s["三公"], []string{"公务接待", "公务用车"}) {
			t.Errorf("%q: synonyms %q", src, s)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"title = \"a\"\ntitel = \"b\"\n", `site.toml:2:1: unknown setting "titel"`},
		{"[license]\nname = \"x\"\nlink = \"y\"\n", `site.toml:3:1: unknown setting "license.link"`},
		{"title = \"a\nx", "site.toml:1:"},
		{"base_url = \"example.org\"\n", "site.toml:1:1: base_url"},
		{"title = \"a\"\nas_of = \"2026/1/31\"\n", "site.toml:2:1: as_of"},
		{"theme = \"../x\"\n", "site.toml:1:1: theme"},
		{"[search]\nsynonyms = [\"低保\"]\n", "site.toml:2:"},
		{"[search.synonyms]\n\"低保\" = \"最低生活保障\"\n", "site.toml:2:"},
		{"[search.synonyms]\n\"低保\" = [\"最低生活保障\"]\n\"医保\" = []\n", `site.toml:3:1: search.synonyms "医保"`},
		{"[search.synonyms]\n\"\" = [\"x\"]\n", `site.toml:2:1: search.synonyms ""`},
		{"[search]\nsynonyms = { \"低保\" = [\"最低生活保障\", \" \"] }\n", `site.toml:2:1: search.synonyms "低保"`},
	}
	checkErrors(t, tests)
}

// checkErrors parses each source and wants its first error to start with want.
func checkErrors(t *testing.T, tests []struct{ src, want string }) {
	t.Helper()
	for _, tt := range tests {
		_, ds := Parse([]byte(tt.src))
		if len(ds) == 0 {
			t.Errorf("%q: no error", tt.src)
			continue
		}
		if got := ds[0].String(); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%q: got %q, want prefix %q", tt.src, got, tt.want)
		}
	}
}

// TestPositionsFromTheParser: lines come from the TOML parser's own key
// positions, so two metrics with one id are told apart (the second is the
// mistake), a key is found in its own table, and a dotted key counts.
func TestPositionsFromTheParser(t *testing.T) {
	src := "title = \"a\"\n\n[[metric]]\nid = \"m\"\ndataset = \"d\"\n\n[[metric]]\n# the same id again\nid = \"m\"\ndataset = \"d\"\n\n[[metric]]\nid = \"n\"\n\n[license]\nname = \"x\"\nurl = \"cc\"\n"
	cfg, ds := Parse([]byte(src))
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{
		`site.toml:9:1: each [[metric]] needs its own id of lowercase letters, digits and hyphens (got "m")`,
		`site.toml:12:1: metric "n" needs a dataset`,
		`site.toml:17:1: license url "cc" must be an http:// or https:// address`,
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(cfg.Metrics) != 3 || cfg.Metrics[0].Line != 4 || cfg.Metrics[1].Line != 9 || cfg.Metrics[2].Line != 13 {
		t.Errorf("metric lines %+v", cfg.Metrics)
	}
	if p := keyPositions([]byte("a.b = 1\n[t]\nc = 2\n")); p.line("a.b") != 1 || p.line("t.c") != 3 || p.line("t.x") != 2 || p.line("zz") != 1 {
		t.Errorf("positions %v", p)
	}
}

// TestBaseURL: site.toml's base_url and --base-url take the same addresses
// (config.BaseURL): full http(s) addresses, given their final "/"; a
// relative address, another scheme, a user, a query or fragment are
// refused, each saying why.
func TestBaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.gov.cn/":        "https://example.gov.cn/",
		"https://example.gov.cn":         "https://example.gov.cn/",
		"http://example.gov.cn/portal":   "http://example.gov.cn/portal/",
		"https://example.gov.cn/门户/":     "https://example.gov.cn/门户/",
		"http://127.0.0.1:1313/":         "http://127.0.0.1:1313/",
		"https://[2001:db8::1]:8443/gk/": "https://[2001:db8::1]:8443/gk/",
	} {
		if got, problem := BaseURL(in); got != want || problem != "" {
			t.Errorf("BaseURL(%q) = %q, %q; want %q", in, got, problem, want)
		}
	}
	for in, want := range map[string]string{
		"/":                          "relative",
		"portal/":                    "relative",
		"//example.gov.cn/":          "relative",
		"javascript:alert(1)//":      "javascript:",
		"ftp://example.gov.cn/":      "ftp:",
		"https:///x/":                "no host",
		"https://u:p@example.org/":   "user name",
		"https://example.org/?a=1":   "query",
		"https://example.org/#top":   "fragment",
		"https://example.org/a b/":   "spaces",
		"":                           "empty",
		"https://example.org:x/":     "not an address",
		"https://example.org/\n":     "control",
		"HTTPS://EXAMPLE.ORG/ok/ \t": "spaces",
	} {
		if _, problem := BaseURL(in); !strings.Contains(problem, want) {
			t.Errorf("BaseURL(%q): problem %q, want one saying %q", in, problem, want)
		}
	}
	cfg, ds := Parse([]byte("base_url = \"https://example.org/portal\"\n"))
	if len(ds) != 0 || cfg.BaseURL != "https://example.org/portal/" || cfg.BasePath() != "/portal/" || cfg.BaseURLLine != 1 {
		t.Errorf("base_url without its final /: %+v %v", cfg, ds)
	}
	checkErrors(t, []struct{ src, want string }{
		{"title = \"a\"\nbase_url = \"/\"\n", `site.toml:2:1: base_url "/" is a relative address`},
		{"base_url = \"javascript:alert(1)//\"\n", `site.toml:1:1: base_url "javascript:alert(1)//" is a javascript: address`},
	})
}

// TestLocalAddress: this computer's own addresses, and only those.
func TestLocalAddress(t *testing.T) {
	for _, local := range []string{"http://127.0.0.1:1313/", "http://127.8.9.10/", "http://localhost/", "http://LOCALHOST.:8080/",
		"http://gongkai.localhost/", "http://[::1]:1313/", "http://0.0.0.0/", "http://[::]/"} {
		if !LocalAddress(local) {
			t.Errorf("%s is not local", local)
		}
	}
	for _, published := range []string{"https://example.gov.cn/", "http://192.168.1.10/", "http://10.0.0.1/portal/", "https://localhost.example.org/", "http://[2001:db8::1]/"} {
		if LocalAddress(published) {
			t.Errorf("%s is local", published)
		}
	}
}

// TestSiteID: a tag URI (RFC 4151) of a domain or email and a real date,
// or a UUID URN.
func TestSiteID(t *testing.T) {
	for _, ok := range []string{"tag:gd-shgov.example,2011:", "tag:www.example.gov.cn,2025-06:portal/", "tag:opendata@example.gov.cn,2025-06-30:",
		"urn:uuid:6f1c27a4-3b5e-4d2a-9c1e-0a2b3c4d5e6f", "tag:example.org,2021:a%20b/c?d"} {
		if problem := SiteID(ok); problem != "" {
			t.Errorf("SiteID(%q): %s", ok, problem)
		}
	}
	for _, bad := range []string{"gd-shgov", "https://example.org/", "tag:example.org:", "tag:example.org,21:", "tag:example.org,2011-13:",
		"tag:-example.org,2011:", "tag:example.org,2011:#x", "tag:example.org,2011:a b", "urn:uuid:1234", "tag:例子.中国,2011:"} {
		if SiteID(bad) == "" {
			t.Errorf("SiteID(%q) accepted", bad)
		}
	}
	cfg, ds := Parse([]byte("title = \"a\"\nid = \"tag:example.org,2021:\"\n"))
	if len(ds) != 0 || cfg.ID != "tag:example.org,2021:" {
		t.Errorf("id: %+v %v", cfg, ds)
	}
	checkErrors(t, []struct{ src, want string }{{"title = \"a\"\nid = \"gd\"\n", `site.toml:2:1: id "gd" must be a tag URI`}})
}
