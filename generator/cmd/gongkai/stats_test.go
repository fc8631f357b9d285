package main

import (
	"regexp"
	"strings"
	"testing"

	"gongkai/generator/internal/site"
)

// TestBuildStatsFlag: build --stats prints each stage's time and memory,
// the peak and the slowest pages; without it, or in a pipe, nothing of the
// kind, and no progress line (the tests' stderr is not a terminal).
func TestBuildStatsFlag(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n正文。\n"})
	code, out, errOut := runCLI("build", "-s", dir, "--stats")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, stage := range []string{"load", "check", "judge", "compute", "write", "links", "total"} {
		if !regexp.MustCompile(`(?m)^` + stage + ` +[0-9.]+(µs|ms|s)\b`).MatchString(out) {
			t.Errorf("no time for %s in\n%s", stage, out)
		}
	}
	for _, want := range []string{"heap after", "peak memory (resident): ", "slowest:", "page  about/index.html"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(errOut, "\r") {
		t.Errorf("a progress line outside a terminal: %q", errOut)
	}
	_, out, _ = runCLI("build", "-s", dir)
	if strings.Contains(out, "slowest") || strings.Contains(out, "stage") {
		t.Errorf("stats without --stats:\n%s", out)
	}
}

// TestProgressLine: on a terminal the stage and the pages written replace
// each other on one line, at most ten times a second but always the last,
// and the line is cleared at the end.
func TestProgressLine(t *testing.T) {
	var b strings.Builder
	p := &progress{w: &b}
	p.show(site.Progress{Stage: "load"})
	p.show(site.Progress{Stage: "write", Done: 256, Total: 1000})
	p.show(site.Progress{Stage: "write", Done: 512, Total: 1000}) // too soon: not shown
	p.show(site.Progress{Stage: "write", Done: 1000, Total: 1000})
	p.clear()
	want := "\r\x1b[Kload…\r\x1b[Kwrite: 1000 / 1000 pages\r\x1b[K"
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}
	var none *progress // not a terminal
	none.show(site.Progress{Stage: "load"})
	none.clear()
	if newProgress(&strings.Builder{}) != nil {
		t.Error("progress on a writer that is not a terminal")
	}
}
