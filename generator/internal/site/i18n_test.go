package site

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"

	"gongkai/generator/internal/render"
)

// TestInterfaceLanguage builds the same small site in English and in
// Chinese (testdata/scenarios/i18n-en.txtar, i18n-zh.txtar) and looks for
// the other language in the interface. In the English build no Han
// character may stand in a page outside an element whose lang is zh-*
// (text written in Chinese, such as a document's body or a quote of its
// clause), attributes included; in any other file a run of Han must be one
// the site's own files hold (content, data), never the interface's. In the
// Chinese build no sentence of the en table may appear on any page.
func TestInterfaceLanguage(t *testing.T) {
	t.Run("en", func(t *testing.T) {
		fsys, out := buildArchive(t, "testdata/scenarios/i18n-en.txtar")
		own, cells := hanRuns(fsys, "content/", "data/"), hanRuns(fsys, "data/")
		for _, name := range out.names() {
			data := out[name]
			if strings.HasPrefix(name, "assets/vendor/") {
				continue // ECharts' and MiniSearch's own files, not the interface
			}
			if strings.HasSuffix(name, ".html") {
				checkHTMLLang(t, name, data, cells)
				continue
			}
			if strings.HasSuffix(name, ".xlsx") {
				data = unzipped(t, data) // a ZIP of XML: its sheets' text, not its bytes
			}
			for _, run := range hanPattern.FindAllString(string(data), -1) {
				if !own[run] && !containedIn(run, own) {
					t.Errorf("%s: %q is Chinese and not the site's own text", name, run)
				}
			}
		}
	})
	t.Run("zh", func(t *testing.T) {
		_, out := buildArchive(t, "testdata/scenarios/i18n-zh.txtar")
		en, err := render.LoadTable(fstest.MapFS{}, "default", "en")
		if err != nil {
			t.Fatal(err)
		}
		var phrases []string
		for _, k := range en.Keys() {
			for _, p := range placeholder.Split(en.T(k), -1) {
				p = strings.TrimSpace(tagPattern.ReplaceAllString(p, ""))
				// A sentence or phrase of words, not a name both use (CSV, JSON, datapackage.json).
				if strings.Count(p, " ") >= 1 && len(p) >= 10 {
					phrases = append(phrases, p)
				}
			}
		}
		if len(phrases) < 100 {
			t.Fatalf("only %d English phrases to look for", len(phrases))
		}
		for _, name := range out.names() {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			text := string(out[name])
			for _, p := range phrases {
				if strings.Contains(text, p) {
					t.Errorf("%s: English interface text %q in the Chinese site", name, p)
				}
			}
		}
	})
}

var (
	hanPattern  = regexp.MustCompile(`\p{Han}+`)
	placeholder = regexp.MustCompile(`\{\w+\}`)
	tagPattern  = regexp.MustCompile(`<[^>]*>`)
)

// buildArchive builds the site an archive holds, with the default theme.
func buildArchive(t *testing.T, file string) (fstest.MapFS, memSink) {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	site := maps.Clone(fsys)
	themeFiles(t, fsys)
	out := memSink{}
	opts := fixedOpts
	opts.AsOf = ""
	if _, err := Build(fsys, opts, out); err != nil {
		t.Fatal(err)
	}
	return site, out
}

// hanRuns is every run of Han characters in the site's own files under
// the folders.
func hanRuns(fsys fs.FS, folders ...string) map[string]bool {
	runs := map[string]bool{}
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !slices.ContainsFunc(folders, func(f string) bool { return strings.HasPrefix(p, f) }) {
			return err
		}
		data, _ := fs.ReadFile(fsys, p)
		for _, r := range hanPattern.FindAllString(string(data), -1) {
			runs[r] = true
		}
		return nil
	})
	return runs
}

// containedIn reports whether run is part of one of the site's own runs
// (a snippet cut from a longer text).
func containedIn(run string, own map[string]bool) bool {
	for o := range own {
		if strings.Contains(o, run) {
			return true
		}
	}
	return false
}

// checkHTMLLang reports Han characters in text or attributes outside an
// element whose lang is zh-*. A data cell is the data's own words, in
// whatever language it was written: Han that the site's data files hold
// (cells) may stand anywhere.
func checkHTMLLang(t *testing.T, name string, data []byte, cells map[string]bool) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var walk func(n *html.Node, lang string)
	walk = func(n *html.Node, lang string) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "lang" {
					lang = a.Val
				}
			}
			for _, a := range n.Attr {
				if hasHan(a.Val) && !isZh(lang) && !(n.Data == "script" && a.Key == "type") {
					t.Errorf("%s: <%s %s=%q> is Chinese in an element of lang %q", name, n.Data, a.Key, a.Val, lang)
				}
			}
		}
		if n.Type == html.TextNode && hasHan(n.Data) && !isZh(lang) && !onlyFrom(n.Data, cells) {
			t.Errorf("%s: text %q is Chinese in an element of lang %q (in <%s>)", name, strings.TrimSpace(n.Data), lang, parentName(n))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, lang)
		}
	}
	walk(doc, "")
}

// onlyFrom reports whether every run of Han in s is one of runs.
func onlyFrom(s string, runs map[string]bool) bool {
	for _, r := range hanPattern.FindAllString(s, -1) {
		if !runs[r] {
			return false
		}
	}
	return true
}

func isZh(lang string) bool { return lang == "zh" || strings.HasPrefix(lang, "zh-") }

func hasHan(s string) bool {
	return slices.ContainsFunc([]rune(s), func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

func parentName(n *html.Node) string {
	if n.Parent == nil {
		return ""
	}
	return path.Base(n.Parent.Data)
}

// unzipped is what an .xlsx workbook says: its sheets (their names and
// cells), one after the other — not the fonts of its theme, which name
// East Asian typefaces in every workbook.
func unzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out []byte
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") && f.Name != "xl/workbook.xml" && f.Name != "xl/sharedStrings.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(append(out, part...), '\n')
	}
	return out
}
