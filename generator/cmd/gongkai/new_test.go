package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongkai/generator/internal/starter"
)

// TestNewBuildsWithoutWarnings: `gongkai new` writes a portal that builds at
// once, with the built-in theme, an id of its own and one warning: its
// base_url is this computer's, which check (CI) refuses; with the
// published address it builds without a warning and checks clean.
func TestNewBuildsWithoutWarnings(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mysite")
	code, out, errOut := runCLI("new", dir)
	if code != 0 || errOut != "" || !strings.Contains(out, "gongkai serve -s "+dir) {
		t.Fatalf("new: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "themes")); !os.IsNotExist(err) {
		t.Error("the starter has a themes/ folder: the theme is built in")
	}
	settings := filepath.Join(dir, "site.toml")
	toml, err := os.ReadFile(settings)
	if err != nil {
		t.Fatal(err)
	}
	id := regexp.MustCompile(`(?m)^id = "(urn:uuid:[0-9a-f-]{36})"$`).FindSubmatch(toml)
	if id == nil || string(id[1]) == "urn:uuid:00000000-0000-4000-8000-000000000000" {
		t.Errorf("the new site has no id of its own:\n%s", toml)
	}
	other := filepath.Join(t.TempDir(), "other")
	if _, _, errOut := runCLI("new", other); errOut != "" {
		t.Fatal(errOut)
	}
	if toml2, _ := os.ReadFile(filepath.Join(other, "site.toml")); id != nil && bytes.Contains(toml2, id[1]) {
		t.Error("two new sites have the same id")
	}
	const local = `site.toml:13:1: warning: base_url "http://127.0.0.1:1313/" is this computer's own address`
	code, out, errOut = runCLI("build", "-s", dir)
	if code != 0 || !strings.HasPrefix(errOut, local) || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("build: exit %d, want 0 and a warning about base_url only\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCLI("check", "-s", dir); code != 1 || !strings.HasPrefix(errOut, strings.Replace(local, "warning: ", "", 1)) {
		t.Errorf("check of a site at this computer's address: exit %d, want 1\n%s%s", code, out, errOut)
	}
	published := bytes.Replace(toml, []byte(`base_url = "http://127.0.0.1:1313/"`), []byte(`base_url = "https://gongkai.example.gov.cn/"`), 1)
	if err := os.WriteFile(settings, published, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI("build", "-s", dir)
	if code != 0 || errOut != "" {
		t.Fatalf("build: exit %d, want 0 and no warnings\n%s%s", code, out, errOut)
	}
	for _, page := range []string{"index.html", "about/index.html", "method/index.html", "policy/report/index.html",
		"commitments/report-new-jobs/index.html", "data/kindergartens/index.html", "assets/vendor/echarts.min.js", "assets/favicon.svg"} {
		if _, err := os.Stat(filepath.Join(dir, "public", page)); err != nil {
			t.Errorf("no %s: %v", page, err)
		}
	}
	doc, _ := os.ReadFile(filepath.Join(dir, "public", "policy", "report", "index.html"))
	for _, anchor := range []string{`id="report-s2-intro"`, `id="report-1-1"`, `id="report-2-3"`, `id="report-3-2"`} {
		if !bytes.Contains(doc, []byte(anchor)) {
			t.Errorf("the sample document has no %s", anchor)
		}
	}
	if code, out, errOut := runCLI("check", "-s", dir); code != 0 || errOut != "" {
		t.Errorf("check: exit %d\n%s%s", code, out, errOut)
	}
}

// TestStarterIsNeutral: every word of the starter is about itself, never
// about the bundled portal.
func TestStarterIsNeutral(t *testing.T) {
	err := fs.WalkDir(starter.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(starter.FS(), p)
		for _, word := range []string{"广东", "粤", "1+7", "Guangdong"} {
			if bytes.Contains(data, []byte(word)) {
				t.Errorf("%s mentions %s", p, word)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNewRefusesNonEmptyFolder: `gongkai new` writes only into a new or
// empty folder, and touches nothing in another.
func TestNewRefusesNonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := runCLI("new", dir); code != 0 {
		t.Fatalf("an empty folder is refused: %s", errOut)
	}
	busy := t.TempDir()
	if err := os.WriteFile(filepath.Join(busy, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI("new", busy)
	if code != 2 || out != "" || !strings.Contains(errOut, busy+" already holds files: give a new or empty folder") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	entries, _ := os.ReadDir(busy)
	if len(entries) != 1 {
		t.Errorf("wrote into a folder that was not empty: %v", entries)
	}
	for _, args := range [][]string{{"new"}, {"new", "a", "b"}} {
		if code, _, errOut := runCLI(args...); code != 2 || !strings.Contains(errOut, "usage: gongkai new DIR") {
			t.Errorf("gongkai %v: exit %d\n%s", args, code, errOut)
		}
	}
}
