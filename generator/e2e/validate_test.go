package e2e

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongkai/generator/internal/starter"
)

// validators is the folder of the HTML validators' npm packages
// (html-validate and vnu-jar, the Nu Html Checker), installed by make test.
const validators = "validators"

// TestHTMLValid runs two HTML validators over one page of every layout of
// the bundled site (phonePages, with the data that gives every layout a
// page) and over every page of the starter portal `gongkai new` writes, and
// fails on any error either reports, naming the page, line and rule:
//
//   - html-validate with its recommended rules, less the few its config
//     file (validators/.htmlvalidate.cjs) turns off, each with the reason;
//   - the Nu Html Checker (vnu.jar, the W3C's validator, which needs Java),
//     reading the pages over HTTP: its errors; its warnings (advice such
//     as "Article lacks heading") are printed, not failed on.
func TestHTMLValid(t *testing.T) {
	t.Parallel()
	htmlValidate := validatorPath(t, "node_modules/.bin/html-validate")
	vnu := validatorPath(t, "node_modules/vnu-jar/build/dist/vnu.jar")

	// Each page as a file for html-validate, and its address for the Nu
	// checker, which reads it over HTTP as a browser would.
	var pages, addresses []string
	bundled, err := buildSite(repoSite(t, phoneSiteFiles()), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(bundled)))
	defer srv.Close()
	for _, p := range append(slices.Sorted(maps.Values(phonePages)), "/annual-reports/"+url.PathEscape("广东省民政厅")+"/") {
		pages = append(pages, pageFile(t, bundled, p))
		addresses = append(addresses, srv.URL+p)
	}

	own, err := buildSite(starter.FS(), t.TempDir())
	if err != nil {
		t.Fatalf("the starter portal: %v", err)
	}
	ownSrv := httptest.NewServer(http.FileServer(http.Dir(own)))
	defer ownSrv.Close()
	err = filepath.WalkDir(own, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
			rel, _ := filepath.Rel(own, p)
			addresses = append(addresses, ownSrv.URL+"/"+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("html-validate", func(t *testing.T) {
		report := filepath.Join(t.TempDir(), "report.json")
		cfg, _ := filepath.Abs(filepath.Join(validators, ".htmlvalidate.cjs"))
		out, err := exec.Command(htmlValidate, append([]string{"--config", cfg, "--formatter", "json=" + report}, pages...)...).CombinedOutput()
		if exit := (*exec.ExitError)(nil); err != nil && (!errors.As(err, &exit) || exit.ExitCode() != 1) {
			t.Fatalf("html-validate: %v\n%s", err, out)
		}
		data, readErr := os.ReadFile(report)
		var files []struct {
			FilePath string
			Messages []struct {
				RuleID            string
				Severity, Line    int
				Column            int
				Message, Selector string
			}
		}
		if readErr != nil || json.Unmarshal(data, &files) != nil {
			t.Fatalf("html-validate wrote no report (%v)\n%s", readErr, out)
		}
		for _, f := range files {
			for _, m := range f.Messages {
				t.Errorf("%s:%d:%d: %s (%s, at %s)", f.FilePath, m.Line, m.Column, m.Message, m.RuleID, m.Selector)
			}
		}
		if err != nil && len(files) == 0 {
			t.Errorf("html-validate failed and reported nothing: %v\n%s", err, out)
		}
		t.Logf("html-validate: %d pages, %d with errors", len(pages), len(files))
	})

	t.Run("nu", func(t *testing.T) {
		java, err := exec.LookPath("java")
		if err != nil {
			require(t, "Java not found, which the Nu Html Checker needs: install it with `apt-get install -y default-jre-headless` (.ci/run does)")
		}
		// The checker reads no address on this computer unless told it may.
		cmd := exec.Command(java, append([]string{"-Dnu.validator.servlet.allow-forbidden-hosts=true", "-jar", vnu, "--format", "json", "--stdout"}, addresses...)...)
		out, err := cmd.Output()
		if exit := (*exec.ExitError)(nil); err != nil && (!errors.As(err, &exit) || exit.ExitCode() != 1) {
			t.Fatalf("vnu.jar: %v\n%s", err, out)
		}
		var report struct {
			Messages []struct {
				Type, SubType, URL, Message string
				LastLine, FirstColumn       int
			}
		}
		if err := json.Unmarshal(out, &report); err != nil {
			t.Fatalf("vnu.jar's report: %v\n%s", err, out)
		}
		errs := 0
		warnings := map[string][]string{} // message → where
		for _, m := range report.Messages {
			where := fmt.Sprintf("%s:%d:%d", m.URL, m.LastLine, m.FirstColumn)
			switch {
			case m.Type == "error" || m.Type == "non-document-error":
				errs++
				t.Errorf("%s: %s", where, m.Message)
			case m.SubType == "warning":
				warnings[m.Message] = append(warnings[m.Message], where)
			}
		}
		if err != nil && errs == 0 {
			t.Errorf("vnu.jar failed and reported no error: %v\n%s", err, out)
		}
		t.Logf("Nu Html Checker: %d pages, %d errors, %d kinds of warning", len(addresses), errs, len(warnings))
		for _, msg := range slices.Sorted(maps.Keys(warnings)) {
			t.Logf("warning ×%d: %s (first at %s)", len(warnings[msg]), msg, warnings[msg][0])
		}
	})
}

// validatorPath is the absolute path of a file of the validators' npm
// packages, or skips (fails in CI) saying how to install them.
func validatorPath(t *testing.T, rel string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(validators, rel))
	if err == nil {
		_, err = os.Stat(p)
	}
	if err != nil {
		require(t, "the HTML validators are not installed: run `make test` (npm ci in generator/e2e/validators)")
	}
	return p
}

// require skips the test for a missing program, saying how to install it,
// or fails it where every program must be there (CI sets GONGKAI_REQUIRE_BROWSER).
func require(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("GONGKAI_REQUIRE_BROWSER") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// pageFile is the file of the built site in dir that is served at a site
// path such as "/policy/" or "/search/?q=…".
func pageFile(t *testing.T, dir, sitePath string) string {
	t.Helper()
	u, err := url.Parse(sitePath)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, filepath.FromSlash(u.Path))
	if strings.HasSuffix(u.Path, "/") {
		name = filepath.Join(name, "index.html")
	}
	if _, err := os.Stat(name); err != nil {
		t.Fatalf("%s: no page: %v", sitePath, err)
	}
	return name
}
