package site

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"gongkai/generator/internal/searchindex"
)

// TestSearchRosters: the rows of a roster (organisations, bodies that
// report) are marked roster, so the search page lists them after the
// clauses, commitments and datasets, folded; nothing else is; and a
// document gives back enough of its text to show where a late match is.
func TestSearchRosters(t *testing.T) {
	docs := bundledSearch(t)
	rosters := map[string]int{}
	long := false
	for _, d := range docs {
		kind, roster := d.Stored["kind"], d.Stored["roster"]
		switch kind {
		case "社会组织", "年度报告":
			if roster != "1" {
				t.Fatalf("%s %q is not marked roster", kind, d.Stored["title"])
			}
			rosters[kind]++
		default:
			if roster != "" {
				t.Fatalf("%s %q is marked roster", kind, d.Stored["title"])
			}
		}
		if text := []rune(d.Stored["text"]); len(text) > storedRunes+1 {
			t.Fatalf("%q gives back %d characters of its text", d.Stored["title"], len(text))
		} else if len(text) > 200 {
			long = true
		}
	}
	if rosters["社会组织"] == 0 || rosters["年度报告"] == 0 {
		t.Errorf("roster rows by kind: %v", rosters)
	}
	if !long {
		t.Error("no document gives back more than 200 characters of its text: a match late in a clause cannot be shown")
	}
}

// TestSearchSynonymsOnPage: the search page carries, as JSON, the
// language's abbreviations with the site's own added ([search] synonyms in
// site.toml: a key both have gets both lists), and the line each roster
// kind it holds is folded under — none for kinds it does not hold.
func TestSearchSynonymsOnPage(t *testing.T) {
	attr := func(page, name string) string {
		i := strings.Index(page, name+`="`)
		if i < 0 {
			return ""
		}
		v := page[i+len(name)+2:]
		return html.UnescapeString(v[:strings.IndexByte(v, '"')])
	}
	out := buildAsOf(t, map[string]string{"site.toml": "title = \"测试\"\n[search.synonyms]\n\"低保\" = [\"<b>\"]\n\"试点\" = [\"先行先试\"]\n"}, "2026-01-01")
	page := string(out["search/index.html"])
	var got map[string][]string
	if err := json.Unmarshal([]byte(attr(page, "data-synonyms")), &got); err != nil ||
		!slices.Equal(got["低保"], []string{"最低生活保障", "<b>"}) || !slices.Equal(got["试点"], []string{"先行先试"}) || len(got["三公"]) == 0 {
		t.Errorf("data-synonyms %q: %v", attr(page, "data-synonyms"), err)
	}
	if strings.Contains(page, "\"<b>") {
		t.Error("a synonym is written into the page unescaped")
	}
	if folds := attr(page, "data-folds"); folds != "" {
		t.Errorf("a site without rosters has fold lines: %q", folds)
	}

	// An English site has no abbreviations unless it gives some.
	out = buildAsOf(t, map[string]string{"site.toml": "title = \"Test\"\nlanguage = \"en\"\n"}, "2026-01-01")
	if strings.Contains(string(out["search/index.html"]), "data-synonyms=") {
		t.Error("an English site carries abbreviations it did not give")
	}

	// The bundled site folds its organisations and its bodies' annual reports.
	root, err := os.OpenRoot(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	bundled := memSink{}
	if _, err := Build(root.FS(), fixedOpts, bundled); err != nil {
		t.Fatal(err)
	}
	var folds map[string]string
	if err := json.Unmarshal([]byte(attr(string(bundled["search/index.html"]), "data-folds")), &folds); err != nil ||
		folds["社会组织"] != "还有 {n} 个社会组织" || folds["年度报告"] != "还有 {n} 个机关的年度报告" || len(folds) != 2 {
		t.Errorf("data-folds of the bundled site: %q (%v)", folds, err)
	}
}

// TestSearchAbbreviationsError: a table of abbreviations a site's
// translation file gets wrong stops the build, naming the key and line.
func TestSearchAbbreviationsError(t *testing.T) {
	_, err := Build(smallSite(t, map[string]string{"i18n/zh-CN.toml": "[search]\nabbreviations = \"\"\"\n低保 = 最低生活保障\n医保\n\"\"\"\n"}), fixedOpts, memSink{})
	if err == nil || !strings.Contains(err.Error(), "search.abbreviations") || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a line without = in search.abbreviations: %v", err)
	}
}

// TestThemeSynonyms: the built-in Chinese table writes out the common
// abbreviations, and each in a word the bundled policy texts or
// commitments actually use.
func TestThemeSynonyms(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot, "themes/default/i18n/zh-CN.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var zh struct {
		Search struct {
			Abbreviations string `toml:"abbreviations"`
		} `toml:"search"`
	}
	if err := toml.Unmarshal(src, &zh); err != nil {
		t.Fatal(err)
	}
	table, err := searchindex.ParseSynonyms(zh.Search.Abbreviations)
	if err != nil {
		t.Fatalf("search.abbreviations: %v", err)
	}
	for _, k := range []string{"低保", "社工", "三公", "医保", "养老金"} {
		if len(table[k]) == 0 {
			t.Errorf("the theme's synonyms do not write out %s", k)
		}
	}
	docs := bundledSearch(t)
	var all strings.Builder
	for _, d := range docs {
		if d.Stored["roster"] == "" {
			all.WriteString(d.Fields[0] + "\n" + d.Fields[1] + "\n")
		}
	}
	text := all.String()
	for k, words := range table {
		if !slices.ContainsFunc(words, func(w string) bool { return strings.Contains(text, w) }) {
			t.Errorf("%s = %q: none of its words is in the bundled texts", k, words)
		}
	}
}

// bundledSearch is what the bundled site's search finds.
func bundledSearch(t *testing.T) []searchindex.Doc {
	t.Helper()
	root, err := os.OpenRoot(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	docs, err := SearchDocuments(root.FS(), fixedOpts)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}
