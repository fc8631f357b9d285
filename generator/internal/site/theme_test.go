package site

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestBuiltInThemeBuildsBundledSiteAlike: the bundled site builds byte for
// byte the same whether its theme comes from themes/default or from the
// binary (the same site without its themes/ folder).
func TestBuiltInThemeBuildsBundledSiteAlike(t *testing.T) {
	bare := t.TempDir()
	for _, dir := range []string{"content", "data"} {
		if err := os.CopyFS(filepath.Join(bare, dir), os.DirFS(filepath.Join(repoRoot, dir))); err != nil {
			t.Fatal(err)
		}
	}
	settings, err := os.ReadFile(filepath.Join(repoRoot, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bare, "site.toml"), settings, 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(bare)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	builtIn := memSink{}
	if _, err := Build(root.FS(), fixedOpts, builtIn); err != nil {
		t.Fatalf("the bundled site without themes/ does not build:\n%v", err)
	}
	folder := buildBundled(t)
	if len(folder) < 100 {
		t.Fatalf("only %d files built", len(folder))
	}
	for _, name := range slices.Sorted(maps.Keys(folder)) {
		if !bytes.Equal(folder[name], builtIn[name]) {
			t.Errorf("%s differs between the theme folder and the built-in theme", name)
		}
	}
	for name := range builtIn {
		if _, ok := folder[name]; !ok {
			t.Errorf("%s is built only with the built-in theme", name)
		}
	}
}
