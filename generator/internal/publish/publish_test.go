package publish

import "testing"

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
