// Command seed2md writes the 1+7 policy documents as content/policy/<slug>.md
// from the scrape embedded in package seed.
//
// It is a one-off importer kept for provenance: the files it writes are
// committed and from then on edited by hand, so rerunning it overwrites those
// edits. Output is deterministic.
//
// Usage:
//
//	go run ./generator/cmd/seed2md -o content/policy
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"gongkai/generator/internal/policy/seed"
)

func main() {
	out := flag.String("o", "content/policy", "directory to write <slug>.md files into")
	flag.Parse()
	if flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: seed2md [-o dir]")
		os.Exit(2)
	}
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "seed2md:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	docs, err := seed.Split(string(seed.Source()))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, d := range docs {
		path := filepath.Join(dir, d.Slug+".md")
		if err := os.WriteFile(path, seed.Markdown(d), 0o644); err != nil {
			return err
		}
		fmt.Printf("%s\t%s\t%d paragraphs\n", path, d.Completeness(), len(d.Paragraphs))
	}
	return nil
}
