package config

import (
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

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"title = \"a\"\ntitel = \"b\"\n", `site.toml:2:1: unknown setting "titel"`},
		{"[license]\nname = \"x\"\nlink = \"y\"\n", `site.toml:3:1: unknown setting "license.link"`},
		{"title = \"a\nx", "site.toml:1:"},
		{"base_url = \"example.org\"\n", "site.toml:1:1: base_url"},
		{"title = \"a\"\nas_of = \"2026/1/31\"\n", "site.toml:2:1: as_of"},
		{"theme = \"../x\"\n", "site.toml:1:1: theme"},
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
