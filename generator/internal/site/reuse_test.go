package site

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gongkai/generator/internal/diag"
)

// TestReuseEqualsFreshBuild edits the bundled site the way a person with
// gongkai serve open would — a CSV, a policy document, a mistake and its fix
// — and checks that each build that reuses the last one's reading gives
// exactly the files, warnings and errors of a build from scratch.
func TestReuseEqualsFreshBuild(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, top := range []string{"site.toml", "content", "data"} {
		err := filepath.WalkDir(filepath.Join(repoRoot, top), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(repoRoot, p)
			b, err := os.ReadFile(p)
			fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	themeFiles(t, fsys)
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, f := range fsys {
		write(name, f.Data)
	}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	src := os.DirFS(dir)
	reuse := &Reuse{}
	build := func(opts Options) (memSink, string) {
		out := memSink{}
		report, err := Build(src, opts, out)
		var msgs []string
		for _, d := range report.Warnings {
			msgs = append(msgs, d.String())
		}
		var errs *diag.Errors
		if errors.As(err, &errs) {
			for _, d := range errs.List {
				msgs = append(msgs, d.String())
			}
		} else if err != nil {
			msgs = append(msgs, err.Error())
		}
		return out, strings.Join(msgs, "\n")
	}
	same := func(step string) {
		t.Helper()
		opts := fixedOpts
		opts.reuse = reuse
		got, gotMsgs := build(opts)
		want, wantMsgs := build(fixedOpts)
		if gotMsgs != wantMsgs {
			t.Fatalf("%s: messages with reuse\n%s\nfrom scratch\n%s", step, gotMsgs, wantMsgs)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d files with reuse, %d from scratch", step, len(got), len(want))
		}
		for name, w := range want {
			if !bytes.Equal(got[name], w) {
				t.Fatalf("%s: %s differs from a build from scratch", step, name)
			}
		}
	}
	same("first build")
	same("nothing changed")

	// Later modification times, so a coarse clock cannot hide the edits.
	touch := func(name string) {
		later := time.Now().Add(time.Hour)
		if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), later, later); err != nil {
			t.Fatal(err)
		}
	}
	progress := read("data/progress.csv")
	write("data/progress.csv", append(append([]byte(nil), progress...), "social-organizations-1-orgs-per-10k,2014,4.21,测试来源,,\n"...))
	touch("data/progress.csv")
	same("a figure added")

	doc := read("content/policy/decision.md")
	write("content/policy/decision.md", bytes.Replace(doc, []byte("社会"), []byte("社會"), 1))
	same("a word of the Decision changed")

	write("data/progress.csv", append(append([]byte(nil), progress...), "social-organizations-1-orgs-per-10k,2014,\"4,x\",测试来源,,\n"...))
	same("a mistake")
	write("content/policy/decision.md", append([]byte("---\ntitle: [\n"), doc...))
	same("two mistakes")

	write("data/progress.csv", progress)
	write("content/policy/decision.md", doc)
	touch("data/progress.csv")
	same("both fixed")
}
