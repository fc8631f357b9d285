package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// lighthousePages are the pages a citizen opens first, each a layout of its
// own: the home page, the list, a commitment with a chart and a dataset.
var lighthousePages = []string{"/", "/commitments/", "/commitments/decision-14-full-assessment/", "/data/budgets/"}

// TestLighthouse runs Lighthouse (generator/e2e/lighthouse, installed by
// make test) with its mobile defaults — a slow phone on a slow network —
// on the bundled site served plainly (no compression, as the weakest host
// would), and fails below 95 for performance or accessibility. It runs
// alone, before the parallel browser tests, so their load does not skew
// its timings.
func TestLighthouse(t *testing.T) {
	bin, err := filepath.Abs("lighthouse/node_modules/.bin/lighthouse")
	if err == nil {
		_, err = os.Stat(bin)
	}
	if err != nil {
		const msg = "Lighthouse is not installed: run `make test` (npm ci in generator/e2e/lighthouse)"
		if os.Getenv("GONGKAI_REQUIRE_BROWSER") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	browser := chromium(t)
	srv := serveBundled(t)
	for _, page := range lighthousePages {
		report := filepath.Join(t.TempDir(), "report.json")
		cmd := exec.Command(bin, srv.URL+page, "--quiet", "--chrome-flags=--headless --no-sandbox --disable-gpu",
			"--only-categories=performance,accessibility", "--output=json", "--output-path="+report)
		cmd.Env = append(os.Environ(), "CHROME_PATH="+browser)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: lighthouse: %v\n%s", page, err, out)
		}
		data, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		var r struct {
			Categories map[string]struct {
				Score *float64 `json:"score"`
			} `json:"categories"`
			Audits map[string]struct {
				Title        string   `json:"title"`
				Score        *float64 `json:"score"`
				DisplayValue string   `json:"displayValue"`
			} `json:"audits"`
		}
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		for _, cat := range []string{"performance", "accessibility"} {
			c, ok := r.Categories[cat]
			if !ok || c.Score == nil {
				t.Errorf("%s: no %s score", page, cat)
				continue
			}
			score := int(*c.Score*100 + 0.5)
			t.Logf("%s: %s %d", page, cat, score)
			if score < 95 {
				t.Errorf("%s: %s %d, below 95", page, cat, score)
				for id, a := range r.Audits {
					if a.Score != nil && *a.Score < 0.9 {
						t.Logf("  %s: %s %s", id, a.Title, a.DisplayValue)
					}
				}
			}
		}
	}
}
