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
