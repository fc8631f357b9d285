package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	defaulttheme "gongkai/themes/default"
)

// memSink keeps output files in memory.
type memSink map[string]string

func (m memSink) Put(name string, data []byte) error { m[name] = string(data); return nil }
func (m memSink) PutStream(name string, write func(io.Writer) error) error {
	var b strings.Builder
	err := write(&b)
	m[name] = b.String()
	return err
}

// TestThemeOverrideOrder: a file of the site's layouts/ or static/ wins over
// the one of themes/<name>/, which wins over the built-in theme's; every
// other file comes from the built-in theme, so a site needs no theme folder.
func TestThemeOverrideOrder(t *testing.T) {
	site := fstest.MapFS{
		"layouts/base.html":                        {Data: []byte(`<main>{{block "main" .}}{{end}}</main>`)},
		"layouts/404.html":                         {Data: []byte(`{{define "main"}}site 404{{end}}`)},
		"static/assets/favicon.svg":                {Data: []byte("site favicon")},
		"static/google0123456789abcdef.html":       {Data: []byte("google-site-verification")},
		"static/.DS_Store":                         {Data: []byte("litter")},
		"themes/default/theme.toml":                {Data: []byte("")}, // no npm files: see TestThemeVendorFiles
		"themes/default/layouts/404.html":          {Data: []byte(`{{define "main"}}theme 404{{end}}`)},
		"themes/default/layouts/page.html":         {Data: []byte(`{{define "main"}}theme page{{end}}`)},
		"themes/default/static/assets/favicon.svg": {Data: []byte("theme favicon")},
		"themes/default/static/assets/site.css":    {Data: []byte("theme css")},
	}
	th, err := LoadTheme(site, "default", "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	for kind, want := range map[string]string{"404": "<main>site 404</main>", "page": "<main>theme page</main>"} {
		got, err := th.Page(kind+".html", kind, nil)
		if err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want %q", kind, got, err, want)
		}
	}
	// The search page's layout is the built-in one.
	src, err := fs.ReadFile(defaulttheme.FS(), "layouts/search.html")
	if err != nil {
		t.Fatal(err)
	}
	builtIn := template.Must(template.New("search.html").Funcs(funcs).Funcs(textFuncs(th.Table())).Parse(string(src)))
	if got, want := th.pages["search"].Lookup("main").Tree.Root.String(), builtIn.Lookup("main").Tree.Root.String(); got != want {
		t.Errorf("search layout is not the built-in one:\n%s", got)
	}

	out := memSink{}
	if _, err := th.CopyStatic(out); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"assets/favicon.svg":          "site favicon",
		"google0123456789abcdef.html": "google-site-verification",
		"assets/site.css":             "theme css",
	} {
		if out[name] != want {
			t.Errorf("%s = %q, want %q", name, out[name], want)
		}
	}
	if _, ok := out["assets/site.js"]; !ok {
		t.Errorf("the built-in theme's site.js is not copied: %v", slices.Sorted(maps.Keys(out)))
	}
	if _, ok := out[".DS_Store"]; ok {
		t.Error("a dot file of static/ is copied")
	}
}

// TestThemeWithoutFolder: with no themes/ folder the built-in theme gives
// every layout; another theme's name must be a folder.
func TestThemeWithoutFolder(t *testing.T) {
	if _, err := LoadTheme(fstest.MapFS{"site.toml": {}}, "default", "zh-CN"); err != nil && !strings.Contains(err.Error(), "npm") {
		t.Fatalf("the built-in theme does not load: %v", err)
	}
	_, err := LoadTheme(fstest.MapFS{"site.toml": {}}, "civic", "zh-CN")
	var te *ThemeError
	if !errors.As(err, &te) || te.File != "themes/civic" || !strings.Contains(te.Err.Error(), `there is no theme "civic"`) {
		t.Errorf("got %v", err)
	}
}

// TestThemeVendorFiles: theme.toml's npm files come from the theme folder's
// node_modules/; one that no place has stops the build with how to get it.
func TestThemeVendorFiles(t *testing.T) {
	site := fstest.MapFS{
		"themes/default/theme.toml":                  {Data: []byte("[[vendor]]\nfrom = \"node_modules/lib/lib.min.js\"\nto = \"assets/vendor/lib.js\"\n")},
		"themes/default/node_modules/lib/lib.min.js": {Data: []byte("lib")},
	}
	th, err := LoadTheme(site, "default", "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	out := memSink{}
	if _, err := th.CopyStatic(out); err != nil || out["assets/vendor/lib.js"] != "lib" {
		t.Fatalf("vendor file not copied: %v %v", err, slices.Sorted(maps.Keys(out)))
	}

	delete(site, "themes/default/node_modules/lib/lib.min.js")
	_, err = LoadTheme(site, "default", "zh-CN")
	var te *ThemeError
	if !errors.As(err, &te) || te.File != "themes/default/theme.toml" ||
		!strings.Contains(te.Err.Error(), "themes/default/node_modules/lib/lib.min.js is missing: install the theme's packages with `npm ci` in themes/default") {
		t.Errorf("got %v", err)
	}

	// Without a theme folder, a binary built without the npm files says how
	// to build one with them.
	err = missingVendor([]layer{{site: true}, {builtIn: true}}, "node_modules/lib/lib.min.js")
	if !strings.Contains(err.Error(), "not in this gongkai binary") || !strings.Contains(err.Error(), "make build") {
		t.Errorf("got %v", err)
	}
}

// TestTemplateErrorsArePositioned: a layout that does not parse, and one
// that fails as a page is made, are reported at their own file, line and
// column (not at base.html, which every page starts from).
func TestTemplateErrorsArePositioned(t *testing.T) {
	site := fstest.MapFS{"layouts/page.html": {Data: []byte("{{define \"main\"}}\n<p>\n{{if}}\n{{end}}")}}
	_, err := LoadTheme(site, "default", "zh-CN", "page")
	var te *ThemeError
	if !errors.As(err, &te) || te.File != "layouts/page.html" || te.Line != 3 || !strings.Contains(te.Error(), "layouts/page.html:3:1: missing value for if") {
		t.Errorf("a parse error: got %v", err)
	}

	site["layouts/page.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<p>\n  {{.Nope}}\n{{end}}")}
	th, err := LoadTheme(site, "default", "zh-CN", "page")
	if err != nil {
		t.Fatal(err)
	}
	_, err = th.Page("about/index.html", "page", ContentView{Page: Page{Site: &Site{}}})
	if !errors.As(err, &te) || te.File != "layouts/page.html" || te.Line != 3 || te.Col < 3 || !strings.Contains(te.Error(), "can't evaluate field Nope") || !strings.Contains(te.Error(), "about/index.html") {
		t.Errorf("an execution error: got %v", err)
	}
}

// TestCacheKey: cached's key is one string for each different template and
// key values, whatever the values hold.
func TestCacheKey(t *testing.T) {
	keys := [][]any{
		{}, {nil}, {""}, {"a"}, {"a", "b"}, {"ab"}, {"a\x00sb"}, {"a\x00s1:b"}, {true}, {false}, {"true"},
		{1}, {"1"}, {int64(1)}, {uint(1)}, {[]Crumb{{"首页", "/"}}}, {[]Crumb{{"首页/", ""}}},
		{[]Crumb{{"首页", "/"}, {"通知", "/n/"}}}, {[]Crumb{{"首页", "/"}}, "x"}, {[]string{"首页", "/"}},
	}
	seen := map[string]string{}
	for _, name := range []string{"site-header", "site-header\x00"} {
		for _, k := range keys {
			got := cacheKey(name, k)
			what := fmt.Sprintf("%q %#v", name, k)
			if other, ok := seen[got]; ok {
				t.Errorf("%s and %s have the same key %q", what, other, got)
			}
			seen[got] = what
			if again := cacheKey(name, k); again != got {
				t.Errorf("%s: key %q, then %q", what, got, again)
			}
		}
	}
}
