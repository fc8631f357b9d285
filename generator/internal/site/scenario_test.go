package site

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"gongkai/generator/internal/diag"
)

// TestScenarios runs every testdata/scenarios/*.txtar archive. An archive holds
// a small site (site.toml, content/…, data/…; the default theme is added unless
// the archive has its own themes/) and what the build must produce:
//
//	want/errors         the exact input errors and warnings, one per line (the build fails, exit 1)
//	want/config-errors  the exact settings errors (exit 2)
//	want/warnings       the exact warnings of a build that succeeds
//	want/files          the exact list of output files
//	want/public/PATH    lines that must occur in output file PATH; "!text" must not occur
//
// A successful build with no want/errors, want/config-errors or want/warnings
// must have no warnings either. A new bug becomes a new archive.
func TestScenarios(t *testing.T) {
	files, _ := filepath.Glob("testdata/scenarios/*.txtar")
	if len(files) == 0 {
		t.Fatal("no scenarios found")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			want := map[string]string{}
			ownTheme := false
			for _, f := range ar.Files {
				if name, ok := strings.CutPrefix(f.Name, "want/"); ok {
					want[name] = string(f.Data)
					continue
				}
				ownTheme = ownTheme || strings.HasPrefix(f.Name, "themes/")
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			if !ownTheme {
				themeFiles(t, fsys)
			}
			out := memSink{}
			report, err := Build(fsys, fixedOpts, out)
			var inputErrs *diag.Errors
			var cfgErr *ConfigError
			switch {
			case want["errors"] != "":
				if !errors.As(err, &inputErrs) {
					t.Fatalf("want input errors, got %v", err)
				}
				compareLines(t, "errors", want["errors"], lines(inputErrs.List))
				return
			case want["config-errors"] != "":
				if !errors.As(err, &cfgErr) {
					t.Fatalf("want settings errors, got %v", err)
				}
				compareLines(t, "config errors", want["config-errors"], lines(cfgErr.Diagnostics))
				return
			case err != nil:
				t.Fatalf("build failed:\n%v", err)
			}
			compareLines(t, "warnings", want["warnings"], lines(report.Warnings))
			if w, ok := want["files"]; ok {
				compareLines(t, "files", w, out.names())
			}
			for name, w := range want {
				path, ok := strings.CutPrefix(name, "public/")
				if !ok {
					continue
				}
				got, exists := out[path]
				if !exists {
					t.Errorf("no output file %s", path)
					continue
				}
				for _, l := range strings.Split(strings.TrimSpace(w), "\n") {
					if neg, isNeg := strings.CutPrefix(l, "!"); isNeg {
						if strings.Contains(string(got), neg) {
							t.Errorf("%s contains %q", path, neg)
						}
					} else if !strings.Contains(string(got), l) {
						t.Errorf("%s does not contain %q", path, l)
					}
				}
			}
		})
	}
}

func lines(ds []diag.Diagnostic) []string {
	out := []string{}
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

func compareLines(t *testing.T, what, want string, got []string) {
	t.Helper()
	w := slices.DeleteFunc(strings.Split(strings.TrimSpace(want), "\n"), func(s string) bool { return s == "" })
	if !slices.Equal(w, got) {
		t.Errorf("%s:\ngot\n  %s\nwant\n  %s", what, strings.Join(got, "\n  "), strings.Join(w, "\n  "))
	}
}
