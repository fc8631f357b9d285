package site

import (
	"bytes"
	"encoding/csv"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/net/html"
)

// repoRoot is the bundled site: the repository root.
const repoRoot = "../../.."

// memSink keeps output files in memory.
type memSink map[string][]byte

func (m memSink) Put(name string, data []byte) error {
	m[name] = slices.Clone(data)
	return nil
}

func (m memSink) PutStream(name string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	m[name] = b.Bytes()
	return nil
}

func (m memSink) names() []string { return slices.Sorted(maps.Keys(m)) }

// fixedOpts builds as of a fixed day, so tests never depend on the clock.
var fixedOpts = Options{AsOf: "2026-01-01", Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}

// buildBundled builds the repository's own site into memory.
func buildBundled(t *testing.T) memSink {
	t.Helper()
	root, err := os.OpenRoot(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	out := memSink{}
	if _, err := Build(root.FS(), fixedOpts, out); err != nil {
		t.Fatalf("bundled site does not build:\n%v", err)
	}
	return out
}

// themeFiles adds the default theme from the repository to a MapFS site.
func themeFiles(t *testing.T, fsys fstest.MapFS) {
	t.Helper()
	dir := filepath.Join(repoRoot, "themes", "default")
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, "node_modules") {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, p)
		key := filepath.ToSlash(rel)
		if _, ok := fsys[key]; ok {
			return nil
		}
		data, err := os.ReadFile(p)
		fsys[key] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	addVendorFiles(t, fsys, dir, "themes/default")
}

// addVendorFiles adds the npm files theme.toml names (node_modules is skipped
// above: it holds thousands of files the site never uses).
func addVendorFiles(t *testing.T, fsys fstest.MapFS, dir, key string) {
	t.Helper()
	toml, err := os.ReadFile(filepath.Join(dir, "theme.toml"))
	if err != nil {
		return
	}
	for _, m := range regexp.MustCompile(`(?m)^from = "([^"]+)"`).FindAllSubmatch(toml, -1) {
		data, err := os.ReadFile(filepath.Join(dir, string(m[1])))
		if err != nil {
			t.Fatalf("%v: run `npm ci` in themes/default (make test does it)", err)
		}
		fsys[key+"/"+string(m[1])] = &fstest.MapFile{Data: data}
	}
}

// findAll returns the elements under n matching pred, in document order.
func findAll(n *html.Node, pred func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && pred(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return slices.Contains(strings.Fields(attr(n, "class")), class) }
}

// textContent is the text of n as a browser's textContent gives it, leaving
// out the site's own additions marked data-ui (commitment badges).
func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "data-ui" }) {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func parseHTML(t *testing.T, data []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// bundledRegistry is the bundled site's data/commitments.csv, row by row,
// its header first.
func bundledRegistry(t *testing.T) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot, "data", "commitments.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
