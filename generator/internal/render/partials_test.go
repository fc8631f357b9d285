package render

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	defaulttheme "gongkai/themes/default"
)

// maxLayoutLine is the longest line, in characters, a built-in layout or
// partial may have: a longer one is split with {{- and -}} so that the
// pages stay as they are.
const maxLayoutLine = 200

// layoutProblems lists, as file:line: problem, the lines of the .html files
// under layouts/ in fsys that are longer than maxLayoutLine or hold more
// than one table row; files is how many files it read.
func layoutProblems(fsys fs.FS) (problems []string, files int, err error) {
	row := regexp.MustCompile(`<tr[\s>]`)
	err = fs.WalkDir(fsys, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files++
		for i, line := range strings.Split(string(src), "\n") {
			if n := utf8.RuneCountInString(line); n > maxLayoutLine {
				problems = append(problems, fmt.Sprintf("%s:%d: %d characters", p, i+1, n))
			}
			if n := len(row.FindAllString(line, -1)); n > 1 {
				problems = append(problems, fmt.Sprintf("%s:%d: %d table rows", p, i+1, n))
			}
		}
		return nil
	})
	return problems, files, err
}

// TestLayoutLines: no line of a built-in layout or partial is longer than
// 200 characters, and each table row starts a line of its own.
func TestLayoutLines(t *testing.T) {
	problems, files, err := layoutProblems(defaulttheme.FS())
	if err != nil {
		t.Fatal(err)
	}
	if files < len(builtInLayouts())+2 { // base.html, every page layout, partials
		t.Fatalf("read only %d layout files", files)
	}
	for _, p := range problems {
		t.Error(p)
	}

	// The check finds what it is for.
	fits, long := strings.Repeat("é", maxLayoutLine), strings.Repeat("é", maxLayoutLine+1)
	problems, _, err = layoutProblems(fstest.MapFS{
		"layouts/a.html":          {Data: []byte(fits + "\n<tr><td>1</td></tr>\n")},
		"layouts/partials/b.html": {Data: []byte("x\n" + long + "\n<tr>\n</tr><tr class=\"a\"><td>2</td></tr><tr>\n")},
	})
	if want := []string{"layouts/partials/b.html:2: 201 characters", "layouts/partials/b.html:4: 2 table rows"}; err != nil || fmt.Sprint(problems) != fmt.Sprint(want) {
		t.Errorf("on known lines: %q, %v; want %q", problems, err, want)
	}
}

// partialsSite is a site whose base and 404 layouts show what the partials
// named in show write; files add to it or replace its files.
func partialsSite(show string, files map[string]string) fstest.MapFS {
	site := fstest.MapFS{
		"themes/default/theme.toml": {Data: []byte("")}, // no npm files: see TestThemeVendorFiles
		"layouts/base.html":         {Data: []byte(`{{block "main" .}}{{end}}`)},
		"layouts/404.html":          {Data: []byte(`{{define "main"}}` + show + `{{end}}`)},
	}
	for name, src := range files {
		site[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return site
}

// render404 loads the theme of site and renders its 404 page with the
// status badge's view.
func render404(t *testing.T, site fstest.MapFS) string {
	t.Helper()
	th, err := LoadTheme(site, "default", "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	page, err := th.Page("404.html", "404", map[string]string{"Status": "achieved", "StatusLabel": "已实现"})
	if err != nil {
		t.Fatal(err)
	}
	return string(page)
}

// TestPartialsOverride: the partials are looked up file by file like every
// layout: a site's layouts/partials/<file>.html wins over its theme's, which
// wins over the built-in one; a site or theme may add partial files, whose
// definitions win over the built-in ones whatever the file is called; a
// legacy single layouts/partials.html still works and wins over all of them.
func TestPartialsOverride(t *testing.T) {
	const show = `{{template "sample-badge"}}|{{template "status" .}}`
	builtIn := ` <span class="badge badge-warn">示例数据</span>|<span class="status status-achieved">已实现</span>`
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"built-in", nil, builtIn},
		{"site's own", map[string]string{
			"layouts/partials/sample.html": `{{define "sample-badge"}}site badge{{end}}`,
		}, `site badge|<span class="status status-achieved">已实现</span>`},
		{"theme's", map[string]string{
			"themes/default/layouts/partials/sample.html": `{{define "sample-badge"}}theme badge{{end}}`,
		}, `theme badge|<span class="status status-achieved">已实现</span>`},
		{"site's over theme's", map[string]string{
			"layouts/partials/sample.html":                `{{define "sample-badge"}}site badge{{end}}`,
			"themes/default/layouts/partials/sample.html": `{{define "sample-badge"}}theme badge{{end}}`,
			"themes/default/layouts/partials/status.html": `{{define "status"}}theme {{.Status}}{{end}}`,
		}, `site badge|theme achieved`},
		{"a new file of the site, named before the built-in one", map[string]string{
			"layouts/partials/a.html": `{{define "status"}}site {{.StatusLabel}}{{end}}`,
		}, ` <span class="badge badge-warn">示例数据</span>|site 已实现`},
		{"an editor's file is no partial", map[string]string{
			"layouts/partials/.#sample.html": `{{define "sample-badge"}}`,
			"layouts/partials/notes.txt":     `{{define "status"}}`,
		}, builtIn},
		{"legacy partials.html of the site", map[string]string{
			"layouts/partials.html":        `{{define "status"}}legacy {{.Status}}{{end}}{{define "sample-badge"}}legacy badge{{end}}`,
			"layouts/partials/sample.html": `{{define "sample-badge"}}site badge{{end}}`,
		}, `legacy badge|legacy achieved`},
		{"legacy partials.html of the theme", map[string]string{
			"themes/default/layouts/partials.html": `{{define "status"}}legacy {{.Status}}{{end}}`,
		}, ` <span class="badge badge-warn">示例数据</span>|legacy achieved`},
	} {
		if got := render404(t, partialsSite(show, c.files)); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}

	// A site's partials file replaces the built-in one of its name whole:
	// what it leaves out is gone.
	th, err := LoadTheme(partialsSite(`{{template "sample-notice" "dataset.sample"}}`, map[string]string{
		"layouts/partials/sample.html": `{{define "sample-badge"}}site badge{{end}}`,
	}), "default", "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := th.Page("404.html", "404", nil); err == nil || !strings.Contains(err.Error(), `no such template "sample-notice"`) {
		t.Errorf("the built-in sample-notice is still there: %v", err)
	}

	// A partial that does not parse is reported with its path.
	_, err = LoadTheme(partialsSite("", map[string]string{"themes/default/layouts/partials/broken.html": `{{define "x"}}`}), "default", "zh-CN")
	var te *ThemeError
	if !errors.As(err, &te) || te.File != "themes/default/layouts/partials/broken.html" {
		t.Errorf("got %v", err)
	}
}
