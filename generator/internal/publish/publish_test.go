package publish

import "testing"

func TestSitemap(t *testing.T) {
	got := string(Sitemap("https://example.org/portal/", []string{"/policy/", "/", "/policy/a&b/", "/"}))
	want := `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.org/portal/</loc></url>
  <url><loc>https://example.org/portal/policy/</loc></url>
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
