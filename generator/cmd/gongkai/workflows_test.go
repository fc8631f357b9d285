package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// TestPublishingWorkflows: the CI files shipped for departments are valid
// YAML, pin every action to a full commit (with the version in a comment)
// and the build image to a patch version, fetch the whole history (dates come
// from it), annotate problems in the data and build with the site's address.
func TestPublishingWorkflows(t *testing.T) {
	pinned := regexp.MustCompile(`^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$`)
	for file, wants := range map[string][]string{
		"../../../.github/workflows/publish.yml": {"fetch-depth: 0", "./bin/gongkai check --format github", `make build BASE_URL="${{ steps.pages.outputs.base_url }}/"`, "go-version-file: go.mod"},
		"../../../.gitlab-ci.yml":                {`GIT_DEPTH: "0"`, "./bin/gongkai check", `make build BASE_URL="$CI_PAGES_URL/"`, "image: golang:1.26.8-bookworm"},
	} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := yaml.Unmarshal(src, &doc); err != nil {
			t.Errorf("%s: %v", file, err)
		}
		uses := 0
		for i, line := range strings.Split(string(src), "\n") {
			if strings.Contains(line, "uses:") {
				uses++
				if !pinned.MatchString(line) {
					t.Errorf("%s:%d: not pinned to a commit with its version: %s", file, i+1, strings.TrimSpace(line))
				}
			}
		}
		if strings.HasSuffix(file, "publish.yml") && uses < 5 {
			t.Errorf("%s: %d actions, want checkout, setup-go, setup-node, configure/upload/deploy pages", file, uses)
		}
		for _, w := range wants {
			if !strings.Contains(string(src), w) {
				t.Errorf("%s lacks %s", file, w)
			}
		}
	}
}
