package site

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBuild is the whole pipeline over the bundled site, into memory.
func BenchmarkBuild(b *testing.B) {
	root, err := os.OpenRoot(repoRoot)
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	for b.Loop() {
		if _, err := Build(root.FS(), fixedOpts, memSink{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPublish is a full build of the bundled site onto disk, with the
// atomic swap, as `gongkai build` does it after the first build.
func BenchmarkPublish(b *testing.B) {
	root, err := os.OpenRoot(repoRoot)
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	dest := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		err := Publish(dest, func(out Sink) error {
			_, err := Build(root.FS(), fixedOpts, out)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
