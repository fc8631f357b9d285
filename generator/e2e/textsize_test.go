package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// largeTextPages are the pages checked with larger text: the widest tables,
// the longest words and the header's navigation.
var largeTextPages = []string{"/", "/policy/decision/", "/commitments/", "/commitments/social-organizations-1-orgs-per-10k/", "/method/", "/budgets/", "/organizations/%E5%B9%BF%E5%B7%9E%E5%B8%82/", "/data/budgets/", "/search/", "/404.html"}

// TestLargerText checks the header's larger-text control (适老化): it is
// there with a script, it enlarges every page, the choice is kept across
// pages, and no page scrolls sideways with larger text or with text at 200%.
// GONGKAI_SCREENSHOTS=DIR keeps a screenshot of each page and width there.
func TestLargerText(t *testing.T) {
	t.Parallel()
	srv := serveBundled(t)
	shots := os.Getenv("GONGKAI_SCREENSHOTS")
	for _, width := range []int{360, 1280} {
		b := newBrowser(t, width, 900)
		rootSize := `parseFloat(getComputedStyle(document.documentElement).fontSize)`
		if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+"/method/"), chromedp.WaitVisible(chromedp.CSS("button.text-size"))); err != nil {
			t.Fatal(err)
		}
		before, err := chromedp.Run(b.ctx, chromedp.Evaluate[float64](rootSize))
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS("button.text-size"))); err != nil {
			t.Fatal(err)
		}
		type state struct {
			Size    float64
			Pressed string
		}
		read := `({Size: ` + rootSize + `, Pressed: document.querySelector("button.text-size").getAttribute("aria-pressed")})`
		after, err := chromedp.Run(b.ctx, chromedp.Evaluate[state](read))
		if err != nil {
			t.Fatal(err)
		}
		if after.Size < before*1.25 || after.Pressed != "true" {
			t.Errorf("%dpx: larger text: root font %.0fpx → %+v, want larger and the button pressed", width, before, after)
		}
		for _, path := range largeTextPages {
			if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+path), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatal(err)
			}
			kept, err := chromedp.Run(b.ctx, chromedp.Evaluate[state](read))
			if err != nil {
				t.Fatal(err)
			}
			if kept != after {
				t.Errorf("%dpx %s: larger text not kept from page to page: %+v, want %+v", width, path, kept, after)
			}
			for _, scale := range []string{"", "200%"} {
				// 200%: text at twice its normal size (WCAG 1.4.4), set
				// through the CSSOM, which the page's CSP allows.
				wide, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.documentElement.style.fontSize = "`+scale+`";
					document.documentElement.scrollWidth <= window.innerWidth ? "" :
					[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest(".table-wrap"))
						.map(e => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ")[0] : "") + " " + Math.round(e.getBoundingClientRect().right) + "px").slice(0, 3).join(", ") || "?"`))
				if err != nil {
					t.Fatal(err)
				}
				if wide != "" {
					t.Errorf("%dpx %s: scrolls sideways with text at %s (%s)", width, path, map[string]string{"": "150%", "200%": "200%"}[scale], wide)
				}
				if shots != "" {
					png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
					if err != nil {
						t.Fatal(err)
					}
					name := strings.Trim(strings.ReplaceAll(path, "/", "_"), "_")
					if name == "" {
						name = "home"
					}
					file := filepath.Join(shots, name+"-"+map[string]string{"": "large", "200%": "200"}[scale]+"-"+map[int]string{360: "360", 1280: "1280"}[width]+".png")
					if err := os.WriteFile(file, png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		// Pressing again goes back to the normal size, on later pages too.
		if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS("button.text-size")), chromedp.Navigate(srv.URL+"/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
		back, err := chromedp.Run(b.ctx, chromedp.Evaluate[state](read))
		if err != nil {
			t.Fatal(err)
		}
		if back.Size != before || back.Pressed != "false" {
			t.Errorf("%dpx: after pressing again: %+v, want %.0fpx and not pressed", width, back, before)
		}
		b.checkClean(t, srv)
	}
}
