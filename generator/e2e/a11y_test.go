package e2e

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// a11yPages are the kinds of page a citizen meets: every layout once.
var a11yPages = []string{
	"/", "/policy/", "/policy/decision/", "/commitments/", "/commitments/decision-37-social-workers-per-10k/",
	"/commitments/service-government-13-sangong-spending/", "/data/", "/data/budgets/", "/budgets/",
	"/organizations/", "/organizations/广州市/", "/committees/", "/committees/广州市/", "/annual-reports/", "/annual-reports/广东省人力资源和社会保障厅/",
	"/search/?q=养老", "/method/", "/about/",
}

// TestAccessibility runs axe-core (the theme's development dependency, never
// published) on every kind of page, against WCAG 2.1 A and AA: a violation
// that axe rates serious or critical fails the test; lesser ones are logged.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	axe, err := os.ReadFile("../../themes/default/node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core is not installed (make test installs the theme's packages): %v", err)
	}
	srv := serveBundled(t)
	b := newBrowser(t, 1280, 900)
	for _, path := range a11yPages {
		if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+path), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](string(axe)+";true")); err != nil {
			t.Fatalf("%s: loading axe: %v", path, err)
		}
		raw, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
			.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
				nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + ": " + n.failureSummary)}))))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: axe: %v", path, err)
		}
		var violations []struct {
			ID, Impact, Help string
			Nodes            []string
		}
		if err := json.Unmarshal([]byte(raw), &violations); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, v := range violations {
			msg := path + ": " + v.ID + " (" + v.Impact + "): " + v.Help + "\n    " + strings.Join(v.Nodes, "\n    ")
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Error(msg)
			} else {
				t.Log(msg)
			}
		}
	}
}
