package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// lighthousePages are the pages a citizen opens first, each a layout of its
// own: the home page, the list, a commitment with a chart and a dataset.
var lighthousePages = []string{"/", "/commitments/", "/commitments/decision-14-full-assessment/", "/data/budgets/"}

// TestLighthouse runs Lighthouse (generator/e2e/lighthouse, installed by
// make test) with its mobile defaults — a slow phone on a slow network —
// on the bundled site served plainly (no compression, as the weakest host
// would), and fails when a page's score is below 95 for performance or
// accessibility. Lighthouse's simulated phone scales the CPU time the
// browser takes here, so one run's performance score moves by a few points
// (measured: 93–98 for /commitments/ in five runs; 69–94 before the theme
// named a Chinese font the machine has). Lighthouse's own advice is the
// median of several runs: a page whose first run is below 98, within that
// noise of 95, is run twice more and its median counts; a median under 95
// is measured again after a pause (a shared machine slows down for a
// minute or so at times: in one CI run / scored 82, 93 and 79, with a total
// blocking time of 710 ms, and 98 minutes later), and the later median
// counts. It runs alone,
// before the parallel browser tests, so their load does not skew its
// timings; make test runs it on its own before every other package's
// tests, which go test would otherwise run beside it.
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
		// Accessibility does not vary from run to run (axe on the same
		// page), and takes half of a run: it is measured in the first.
		first := runLighthouse(t, bin, browser, srv.URL+page, "performance,accessibility")
		perf := []lighthouseReport{first}
		if c := first.Categories["performance"]; c.Score == nil || *c.Score < clearPass {
			for range lighthouseRuns - 1 {
				perf = append(perf, runLighthouse(t, bin, browser, srv.URL+page, "performance"))
			}
			// A shared machine has spells of a minute or so when it runs at
			// a fraction of its speed (Lighthouse's benchmark index, its own
			// measure of the CPU, drops with them): a page whose median is
			// below 95 is measured once more, a while later, and the later
			// median counts. A page that is slow fails both.
			if scores, median := perfMedian(perf); median < 95 {
				t.Logf("%s: performance %d (runs %v, benchmark index %v): measuring again in %v", page, median, scores, benchmarkIndexes(perf), lighthousePause)
				time.Sleep(lighthousePause)
				perf = perf[:0]
				for range lighthouseRuns {
					perf = append(perf, runLighthouse(t, bin, browser, srv.URL+page, "performance"))
				}
			}
		}
		checkLighthouse(t, page, "performance", perf)
		checkLighthouse(t, page, "accessibility", []lighthouseReport{first})
	}
}

// checkLighthouse fails the test when the median of the runs' scores in
// the category cat is below 95, listing that run's weak audits.
func checkLighthouse(t *testing.T, page, cat string, runs []lighthouseReport) {
	t.Helper()
	var scores []int
	for _, r := range runs {
		c, ok := r.Categories[cat]
		if !ok || c.Score == nil {
			t.Fatalf("%s: no %s score", page, cat)
		}
		scores = append(scores, int(*c.Score*100+0.5))
	}
	median := medianRun(scores)
	t.Logf("%s: %s %d (runs %v, benchmark index %v)", page, cat, scores[median], scores, benchmarkIndexes(runs))
	if scores[median] < 95 {
		t.Errorf("%s: %s %d, below 95 (runs %v); the median run's weak audits:", page, cat, scores[median], scores)
		for id, a := range runs[median].Audits {
			if a.Score != nil && *a.Score < 0.9 {
				t.Logf("  %s: %s %s", id, a.Title, a.DisplayValue)
			}
		}
	}
}

// lighthouseRuns is how many times a page is measured when its first run
// is under clearPass; the median counts. lighthousePause is the wait
// before a page is measured again.
const (
	lighthouseRuns  = 3
	clearPass       = 0.98
	lighthousePause = 20 * time.Second
)

// perfMedian is the performance scores of runs, and their median.
func perfMedian(runs []lighthouseReport) ([]int, int) {
	var scores []int
	for _, r := range runs {
		if c := r.Categories["performance"]; c.Score != nil {
			scores = append(scores, int(*c.Score*100+0.5))
		}
	}
	if len(scores) == 0 {
		return nil, 0
	}
	return scores, scores[medianRun(scores)]
}

// benchmarkIndexes is each run's benchmark index: how fast Lighthouse
// found the machine's CPU as it started.
func benchmarkIndexes(runs []lighthouseReport) []int {
	var out []int
	for _, r := range runs {
		out = append(out, int(r.Environment.BenchmarkIndex))
	}
	return out
}

type lighthouseReport struct {
	Environment struct {
		BenchmarkIndex float64 `json:"benchmarkIndex"`
	} `json:"environment"`
	Categories map[string]struct {
		Score *float64 `json:"score"`
	} `json:"categories"`
	Audits map[string]struct {
		Title        string   `json:"title"`
		Score        *float64 `json:"score"`
		DisplayValue string   `json:"displayValue"`
	} `json:"audits"`
}

// runLighthouse measures one address once, in the categories named.
func runLighthouse(t *testing.T, bin, browser, url, categories string) lighthouseReport {
	t.Helper()
	report := filepath.Join(t.TempDir(), "report.json")
	cmd := exec.Command(bin, url, "--quiet", "--chrome-flags=--headless --no-sandbox --disable-gpu",
		"--only-categories="+categories, "--disable-full-page-screenshot", "--output=json", "--output-path="+report)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+browser)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: lighthouse: %v\n%s", url, err, out)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var r lighthouseReport
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	return r
}

// medianRun is the index of the median of scores (the lower middle one of
// an even count).
func medianRun(scores []int) int {
	order := make([]int, len(scores))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return scores[order[a]] < scores[order[b]] })
	return order[(len(order)-1)/2]
}

func TestMedianRun(t *testing.T) {
	for _, c := range []struct {
		scores []int
		want   int
	}{{[]int{75, 94, 91}, 91}, {[]int{100}, 100}, {[]int{96, 93}, 93}, {[]int{90, 99, 95, 97, 80}, 95}} {
		if got := c.scores[medianRun(c.scores)]; got != c.want {
			t.Errorf("median of %v = %d, want %d", c.scores, got, c.want)
		}
	}
}
