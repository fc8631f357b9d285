package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBaseURLs: --base-url is held to base_url's rules (exit 2 for what is
// not a full web address); an address on this computer makes build warn and
// check — what CI runs — fail (exit 1), naming the setting; a site without
// an id is told to add one, in both.
func TestBaseURLs(t *testing.T) {
	good := writeSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n"})
	local := writeSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n",
		"site.toml": "title = \"测试\"\nas_of = \"2026-01-01\"\nbase_url = \"http://localhost:1313/\"\nid = \"tag:example.org,2026:\"\n"})
	noID := writeSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n",
		"site.toml": "title = \"测试\"\nas_of = \"2026-01-01\"\nbase_url = \"https://example.org/\"\n"})
	const own = "is this computer's own address"
	for _, tt := range []struct {
		args           []string
		code           int
		stderr, absent string
	}{
		{[]string{"build", "-s", good, "--base-url", "/"}, 2, `--base-url:1:1: "/" is a relative address`, ""},
		{[]string{"build", "-s", good, "--base-url", "javascript:alert(1)//"}, 2, `--base-url:1:1: "javascript:alert(1)//" is a javascript: address`, ""},
		{[]string{"build", "-s", good, "--base-url", "https://example.org/?x=1"}, 2, "holds a query", ""},
		{[]string{"build", "-s", good, "--base-url", "https://gongkai.example.org/portal"}, 0, "", "warning"},
		{[]string{"build", "-s", good, "--base-url", "http://127.0.0.1:8080/"}, 0, `--base-url:1:1: warning: "http://127.0.0.1:8080/" ` + own, ""},
		{[]string{"build", "-s", local}, 0, `site.toml:3:1: warning: base_url "http://localhost:1313/" ` + own, ""},
		{[]string{"check", "-s", local}, 1, `site.toml:3:1: base_url "http://localhost:1313/" ` + own, ""},
		{[]string{"check", "-s", good}, 0, "", own},
		{[]string{"check", "-s", noID}, 0, "site.toml:1:1: warning: site.toml has no id", ""},
	} {
		code, _, errOut := runCLI(tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.stderr) || tt.absent != "" && strings.Contains(errOut, tt.absent) {
			t.Errorf("gongkai %v: exit %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.stderr)
		}
	}
	sitemap, err := os.ReadFile(filepath.Join(good, "public", "sitemap.xml"))
	if err != nil || !strings.Contains(string(sitemap), "<loc>http://127.0.0.1:8080/about/</loc>") {
		t.Errorf("the last build's sitemap: %v\n%s", err, sitemap)
	}
}
