package config

import (
	"slices"
	"strings"
	"testing"
)

func TestCatalogSettings(t *testing.T) {
	base := "title = \"t\"\nbase_url = \"https://example.org/\"\n"
	cfg, ds := Parse([]byte(base + "[catalog]\nkeywords = [\"社会建设\", \"广东\"]\nspatial = \"广东省\"\n"))
	if len(ds) > 0 || !slices.Equal(cfg.Catalog.Keywords, []string{"社会建设", "广东"}) || cfg.Catalog.Spatial != "广东省" || cfg.Catalog.POD.Set() {
		t.Fatalf("%+v %v", cfg.Catalog, ds)
	}
	cfg, ds = Parse([]byte(base + "[publisher]\nname = \"某厅\"\nemail = \"a@example.org\"\n[catalog.pod]\nbureau_code = [\"015:11\"]\nprogram_code = [\"015:001\"]\n"))
	if len(ds) > 0 || !cfg.Catalog.POD.Set() {
		t.Fatalf("%+v %v", cfg.Catalog.POD, ds)
	}
	for _, tc := range []struct{ toml, want string }{
		{"[catalog]\nkeywords = [\"\"]\n", "site.toml:4:1: catalog.keywords has an empty keyword"},
		{"[publisher]\nname = \"某厅\"\nemail = \"a@example.org\"\n[catalog.pod]\nbureau_code = [\"015:11\"]\n", "site.toml:6:1: catalog.pod needs program_code too"},
		{"[publisher]\nname = \"某厅\"\nemail = \"a@example.org\"\n[catalog.pod]\nbureau_code = [\"15:11\"]\nprogram_code = [\"015:001\"]\n", `site.toml:7:1: catalog.pod.bureau_code "15:11" must be written like "015:11"`},
		{"[catalog.pod]\nbureau_code = [\"015:11\"]\nprogram_code = [\"015:001\"]\n", "site.toml:3:1: catalog.pod needs [publisher] name and email"},
		{"[catalog]\nplace = \"x\"\n", `unknown setting "catalog.place"`},
	} {
		_, ds := Parse([]byte(base + tc.toml))
		var got []string
		for _, d := range ds {
			got = append(got, d.String())
		}
		if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, tc.want) }) {
			t.Errorf("%q: got %q, want %q", tc.toml, got, tc.want)
		}
	}
}
