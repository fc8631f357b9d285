package e2e

import (
	"bytes"
	"encoding/base64"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// TestChartsReadOnAPhone: at 360 px and at 1366 px, every text a chart draws
// (axis labels, target and deadline labels, a lone value's number, the
// sample notice) lies inside the chart — none is cut off at an edge — and
// the missed target's chart shows the target and the lone value labelled.
func TestChartsReadOnAPhone(t *testing.T) {
	t.Parallel()
	srv := serveBundled(t)
	for _, width := range []int{360, 1366} {
		b := newBrowser(t, width, 900)
		for _, path := range []string{"/commitments/decision-14-full-assessment/", "/commitments/decision-7-life-expectancy/",
			"/commitments/social-work-talent-7-private-agencies/", "/committees/", "/budgets/"} {
			if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+path), chromedp.ScrollIntoView(chromedp.CSS(".chart-box")), chromedp.WaitReady(chromedp.CSS(".chart-box svg")), chromedp.Sleep(300*time.Millisecond)); err != nil {
				t.Fatal(err)
			}
			clipped, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".chart-box")].flatMap(box => {
				const r = box.getBoundingClientRect();
				return [...box.querySelectorAll("svg text")].filter(t => {
					const q = t.getBoundingClientRect();
					return q.width > 0 && (q.left < r.left - 0.5 || q.right > r.right + 0.5 || q.top < r.top - 0.5 || q.bottom > r.bottom + 0.5);
				}).map(t => box.id + ": " + t.textContent);
			})`))
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range clipped {
				t.Errorf("%d px %s: text past the chart's edge: %s", width, path, c)
			}
		}
		if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+"/commitments/decision-14-full-assessment/"), chromedp.ScrollIntoView(chromedp.CSS(".chart-box")), chromedp.WaitReady(chromedp.CSS(".chart-box svg")), chromedp.Sleep(300*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		text, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("#chart-progress svg").textContent`))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"目标 100%", "33%", "100"} {
			if !strings.Contains(text, want) {
				t.Errorf("%d px: the missed target's chart does not show %q: %s", width, want, text)
			}
		}
		b.checkClean(t, srv)
	}
}

// TestChartImageAndCSV: a chart's "save as image" button downloads a PNG of
// it, drawn in the browser under the page's Content-Security-Policy; its CSV
// link gives the drawn numbers.
func TestChartImageAndCSV(t *testing.T) {
	t.Parallel()
	srv := serveBundled(t)
	b := newBrowser(t, 1280, 900)
	var (
		mu    sync.Mutex
		begun *cdpbrowser.EventDownloadWillBegin
		done  = make(chan struct{}, 1)
	)
	if err := chromedp.ListenBrowser(b.ctx, func(ev any) {
		if ev, ok := ev.(*cdpbrowser.EventDownloadWillBegin); ok {
			mu.Lock()
			begun = ev
			mu.Unlock()
			select {
			case done <- struct{}{}:
			default:
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	events := true
	if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: t.TempDir(), EventsEnabled: &events}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+"/commitments/decision-14-full-assessment/"), chromedp.ScrollIntoView(chromedp.CSS(".chart-box")), chromedp.WaitVisible(chromedp.CSS(`button[data-chart-image="chart-progress"]`)),
		chromedp.Click(chromedp.CSS(`button[data-chart-image="chart-progress"]`))); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("no download after clicking 保存为图片")
	}
	mu.Lock()
	ev := begun
	mu.Unlock()
	if ev.SuggestedFilename != "chart-progress.png" {
		t.Errorf("downloaded as %q", ev.SuggestedFilename)
	}
	png, ok := strings.CutPrefix(ev.URL, "data:image/png;base64,")
	raw, err := base64.StdEncoding.DecodeString(png)
	if !ok || err != nil || len(raw) < 5000 || !strings.HasPrefix(string(raw), "\x89PNG") {
		t.Errorf("not a drawn PNG: %.60s… (%d bytes, %v)", ev.URL, len(raw), err)
	}
	csv, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`fetch(document.querySelector('a[href$="/chart-progress.csv"]').href).then(r => r.text())`,
		chromedp.EvalAwaitPromise))
	if err != nil || !strings.Contains(csv, "实际值,2016年,33,%") {
		t.Errorf("chart CSV %q (%v)", csv, err)
	}
	b.checkClean(t, srv) // no CSP violation, no script error, nothing from another host
}

// TestChartsLoadWhenNeeded: a page with a chart below the first screen is
// read without ECharts — the browser neither fetches nor runs it — until
// the reader scrolls near the chart, when it is fetched and the chart drawn
// in a worker; ECharts runs on the page only once the reader points at it.
func TestChartsLoadWhenNeeded(t *testing.T) {
	t.Parallel()
	srv := serveBundled(t)
	b := newBrowser(t, 360, 740)
	if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+"/commitments/decision-14-full-assessment/"), chromedp.WaitReady(chromedp.CSS("body")), chromedp.Sleep(800*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	fetched := func() bool {
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, r := range b.requests {
			if strings.HasSuffix(r, "/echarts.min.js") {
				return true
			}
		}
		return false
	}
	loaded, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`typeof window.echarts !== "undefined"`))
	if err != nil || loaded || fetched() {
		t.Fatalf("ECharts was fetched (%v) or run (%v) before the reader came near a chart (%v)", fetched(), loaded, err)
	}
	if err := chromedp.Do(b.ctx, chromedp.ScrollIntoView(chromedp.CSS(".chart-box")), chromedp.WaitReady(chromedp.CSS("#chart-progress svg"))); err != nil {
		t.Fatalf("the chart was not drawn once scrolled to: %v", err)
	}
	if !fetched() {
		t.Error("the chart is drawn, but ECharts was not seen fetched")
	}
	// It was drawn off the page's main thread, as a picture: ECharts has
	// not run on the page. Pointing at the chart makes it live.
	live := `typeof window.echarts !== "undefined" && !!echarts.getInstanceByDom(document.getElementById("chart-progress"))`
	if loaded, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](live)); err != nil || loaded {
		t.Errorf("the chart is drawn by ECharts on the page (%v) before the reader points at it (%v)", loaded, err)
	}
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](goLive, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	if loaded, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](live)); err != nil || !loaded {
		t.Errorf("pointing at the chart did not make it live (%v)", err)
	}
	b.checkClean(t, srv)
}

// goLive points at every chart of the page (a pointerover event, as a mouse
// or a finger makes) and waits, up to 5 s, until ECharts draws each live.
const goLive = `(async () => {
	const boxes = [...document.querySelectorAll(".chart-box")];
	boxes.forEach(b => b.dispatchEvent(new PointerEvent("pointerover", {bubbles: true})));
	for (let i = 0; i < 50 && !(window.echarts && boxes.every(b => echarts.getInstanceByDom(b))); i++) await new Promise(r => setTimeout(r, 100));
	return true;
})()`

// TestChartTooltipsUnderCSP hovers every chart of every page of the bundled
// site that has one (embeds repeat them) and shows each series' tooltip:
// the tooltips must appear — drawn in the chart, as text — and the page's
// Content-Security-Policy must report no violation (ECharts' HTML tooltips
// are markup with style attributes, which it refuses).
func TestChartTooltipsUnderCSP(t *testing.T) {
	t.Parallel()
	srv := serveBundled(t)
	var pages []string
	root := filepath.Join(bundled.dir, "public")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if strings.HasPrefix(rel, "embed/") {
			return nil
		}
		if data, err := os.ReadFile(p); err == nil && bytes.Contains(data, []byte("data-chart=")) {
			pages = append(pages, "/"+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
		}
		return nil
	})
	if err != nil || len(pages) < 10 {
		t.Fatalf("%d chart pages (%v)", len(pages), err)
	}
	b := newBrowser(t, 1280, 900)
	tips := 0
	for _, path := range pages {
		if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+path), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
		// Bring each chart near the screen so it is drawn, then show the
		// tooltip of the first item of every series and move the mouse over it.
		shown, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`(async () => {
			const boxes = [...document.querySelectorAll(".chart-box")];
			for (const box of boxes) { box.scrollIntoView(); await new Promise(r => setTimeout(r, 150)); }
			await (`+goLive+`);
			const out = [];
			for (const box of boxes) {
				const chart = window.echarts && echarts.getInstanceByDom(box);
				if (!chart) { out.push(box.id + ": not drawn"); continue; }
				box.scrollIntoView();
				const before = box.querySelector("svg").textContent;
				const series = chart.getOption().series || [];
				let grew = false;
				for (let s = 0; s < series.length; s++) {
					chart.dispatchAction({type: "showTip", seriesIndex: s, dataIndex: 0});
					await new Promise(r => setTimeout(r, 60));
					if (box.querySelector("svg").textContent.length > before.length) grew = true;
					chart.dispatchAction({type: "hideTip"});
				}
				const r = box.getBoundingClientRect();
				for (const f of [0.25, 0.5, 0.75]) {
					const opts = {bubbles: true, clientX: r.left + r.width * f, clientY: r.top + r.height / 2};
					box.querySelector("svg").dispatchEvent(new MouseEvent("mousemove", opts));
					await new Promise(r => setTimeout(r, 30));
				}
				out.push(box.id + (grew ? ": tip" : ": no tip"));
			}
			return out;
		})()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, s := range shown {
			switch {
			case strings.HasSuffix(s, ": tip"):
				tips++
			default:
				t.Errorf("%s %s", path, s)
			}
		}
		b.checkClean(t, srv)
	}
	t.Logf("%d pages, %d charts' tooltips shown, no CSP violation", len(pages), tips)
}
