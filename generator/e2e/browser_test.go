package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"gongkai/generator/internal/site"
)

// chromium finds the browser, or skips the test saying how to install it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	const msg = "headless Chromium not found: install it with `apt-get install -y chromium` (CI does)"
	if os.Getenv("GONGKAI_REQUIRE_BROWSER") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// serveBundled serves the repository's site on 127.0.0.1, built once for
// every test that reads it (none changes it).
func serveBundled(t *testing.T) *httptest.Server {
	t.Helper()
	bundled.once.Do(func() {
		fsys, err := readRepoSite(nil)
		if err == nil {
			bundled.srv, bundled.dir, err = buildAndServe(fsys, "")
		}
		bundled.err = err
	})
	if bundled.err != nil {
		t.Fatal(bundled.err)
	}
	return bundled.srv
}

var bundled struct {
	once sync.Once
	srv  *httptest.Server
	dir  string // the built site's folder
	err  error
}

// TestMain closes the shared server and removes its files.
func TestMain(m *testing.M) {
	code := m.Run()
	if bundled.srv != nil {
		bundled.srv.Close()
		os.RemoveAll(bundled.dir)
	}
	os.Exit(code)
}

// serveSite builds the repository's site with extra files added (e.g. data
// files) and serves it on 127.0.0.1.
func serveSite(t *testing.T, extra map[string]string) *httptest.Server {
	t.Helper()
	srv, _, err := buildAndServe(repoSite(t, extra), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

// buildAndServe builds the site in fsys into a new folder under dir ("":
// the system's temporary folder) and serves it.
func buildAndServe(fsys fs.FS, dir string) (*httptest.Server, string, error) {
	dest, err := os.MkdirTemp(dir, "gongkai-e2e-")
	if err != nil {
		return nil, "", err
	}
	public, err := buildSite(fsys, dest)
	if err != nil {
		return nil, dest, err
	}
	return httptest.NewServer(http.FileServer(http.Dir(public))), dest, nil
}

// buildSite builds the site in fsys into dir/public and returns that folder.
func buildSite(fsys fs.FS, dir string) (string, error) {
	public := filepath.Join(dir, "public")
	return public, site.Publish(public, func(out site.Sink) error {
		_, err := site.Build(fsys, site.Options{AsOf: "2026-01-01", BaseURL: "http://127.0.0.1/"}, out)
		return err
	})
}

// repoSite is the repository's site (settings, content, data, theme and the
// files the theme takes from its npm packages) with extra files added.
func repoSite(t *testing.T, extra map[string]string) fstest.MapFS {
	t.Helper()
	fsys, err := readRepoSite(extra)
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

func readRepoSite(extra map[string]string) (fstest.MapFS, error) {
	fsys := fstest.MapFS{}
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, "../../"))
		if d.IsDir() {
			if rel == "public" || rel == "node_modules" || rel == "generator" || strings.HasPrefix(d.Name(), ".") && p != "../.." {
				return fs.SkipDir
			}
			return nil
		}
		if rel == "site.toml" || strings.HasPrefix(rel, "content/") || strings.HasPrefix(rel, "themes/") || strings.HasPrefix(rel, "data/") {
			data, err := os.ReadFile(p)
			fsys[rel] = &fstest.MapFile{Data: data}
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	toml, err := os.ReadFile("../../themes/default/theme.toml")
	if err != nil {
		return nil, err
	}
	for _, m := range regexp.MustCompile(`(?m)^from = "([^"]+)"`).FindAllSubmatch(toml, -1) {
		data, err := os.ReadFile(filepath.Join("../../themes/default", string(m[1])))
		if err != nil {
			return nil, fmt.Errorf("%v: run `npm ci` in themes/default (make test does it)", err)
		}
		fsys["themes/default/"+string(m[1])] = &fstest.MapFile{Data: data}
	}
	for name, data := range extra {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys, nil
}

// browser starts headless Chromium with the flags this closed network needs
// and records console errors, exceptions and every requested URL.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	errors   []string
	requests []string
}

func newBrowser(t *testing.T, width, height int) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	b := &browser{}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx, chromedp.WithListener(b.record))
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	b.ctx = ctx
	if err := chromedp.Do(ctx); err != nil { // starts the browser; chromedp enables the network and runtime events
		t.Fatal(err)
	}
	// The window size alone is not the page's: headless Chromium keeps a
	// wider minimum window (500 px). Emulate the device's screen instead.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatal(err)
	}
	// Record every Content-Security-Policy violation the page reports.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`,
	}); err != nil {
		t.Fatal(err)
	}
	return b
}

// record keeps what the page reports; it runs on chromedp's reader goroutine, so it only appends.
func (b *browser) record(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value))
			}
			b.errors = append(b.errors, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		b.errors = append(b.errors, "exception: "+ev.ExceptionDetails.Text)
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
	case *network.EventLoadingFailed:
		b.errors = append(b.errors, "failed to load: "+ev.ErrorText)
	case *page.EventJavascriptDialogOpening:
		b.errors = append(b.errors, "a dialog opened (script ran): "+ev.Message)
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			b.errors = append(b.errors, "HTTP "+ev.Response.StatusText+" for "+ev.Response.URL)
		}
	}
}

// checkClean fails the test for any console error, CSP violation or request to another host.
func (b *browser) checkClean(t *testing.T, srv *httptest.Server) {
	t.Helper()
	b.checkCleanAt(t, srv.URL)
}

// checkCleanAt is checkClean for a site served at base.
func (b *browser) checkCleanAt(t *testing.T, base string) {
	t.Helper()
	if csp, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`window.__csp || []`)); err != nil || len(csp) > 0 {
		t.Errorf("Content-Security-Policy violations: %v %v", csp, err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errors {
		t.Errorf("browser reported: %s", e)
	}
	own, _ := url.Parse(base)
	if len(b.requests) == 0 {
		t.Error("no requests recorded")
	}
	for _, r := range b.requests {
		u, err := url.Parse(r)
		if err != nil || u.Host != own.Host {
			t.Errorf("request to another host: %s", r)
		}
	}
}

func TestHomeAndDocumentInBrowser(t *testing.T) {
	t.Parallel()
	srv := serveBundled(t)
	b := newBrowser(t, 1280, 900)

	if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	docCards, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll(".doc-card").length`))
	if err != nil {
		t.Fatal(err)
	}
	if docCards != 8 {
		t.Errorf("home lists %d documents, want 8", docCards)
	}
	// The seal's two characters are laid out inside it, each a character
	// high: written vertically (writing-mode), WenQuanYi's glyphs had 1.3
	// px of height and were drawn below the seal.
	type box struct{ Top, Bottom, Left, Right, TextTop, TextBottom, TextLeft, TextRight, Font float64 }
	seal, err := chromedp.Run(b.ctx, chromedp.Evaluate[box](`(() => {
		const s = document.querySelector(".seal"), r = document.createRange();
		r.selectNodeContents(s);
		const a = s.getBoundingClientRect(), t = r.getBoundingClientRect();
		return {Top: a.top, Bottom: a.bottom, Left: a.left, Right: a.right,
			TextTop: t.top, TextBottom: t.bottom, TextLeft: t.left, TextRight: t.right,
			Font: parseFloat(getComputedStyle(s).fontSize)};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if seal.TextTop < seal.Top-1 || seal.TextBottom > seal.Bottom+1 || seal.TextLeft < seal.Left-1 || seal.TextRight > seal.Right+1 ||
		seal.TextBottom-seal.TextTop < 1.5*seal.Font {
		t.Errorf("the seal's characters are not laid out inside it, two lines high: %+v", seal)
	}

	// Following a clause link scrolls the clause into view and highlights it.
	type geometry struct {
		Top, ScrollY, InnerHeight float64
		Target, Background        string
	}
	if err := chromedp.Do(b.ctx,
		chromedp.Navigate(srv.URL+"/policy/decision/#decision-37"),
		chromedp.WaitReady(chromedp.CSS("#decision-37")),
		chromedp.Sleep(200*time.Millisecond),
	); err != nil {
		t.Fatal(err)
	}
	geo, err := chromedp.Run(b.ctx, chromedp.Evaluate[geometry](`(() => {
		const el = document.getElementById("decision-37");
		const r = el.getBoundingClientRect();
		return {Top: r.top, ScrollY: window.scrollY, InnerHeight: window.innerHeight,
			Target: document.querySelector(":target")?.id ?? "", Background: getComputedStyle(el).backgroundColor};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if geo.Target != "decision-37" || geo.ScrollY <= 0 || geo.Top < 0 || geo.Top > geo.InnerHeight/2 {
		t.Errorf("clause 37 not scrolled into view: %+v", geo)
	}
	if geo.Background == "rgba(0, 0, 0, 0)" {
		t.Errorf("targeted clause is not highlighted: %+v", geo)
	}

	// The clause link appears when it has keyboard focus. A headless window
	// never has the OS focus, so emulate a focused page for :focus to apply.
	if _, err := chromedp.Call(b.ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.ctx, chromedp.Focus(chromedp.CSS(`a.anchor[href="#decision-5"]`))); err != nil {
		t.Fatal(err)
	}
	// The link fades in (a transition of a fraction of a second, longer on
	// a busy machine): its opacity is read until it is 1, for 3 s at most.
	var opacity string
	for end := time.Now().Add(3 * time.Second); opacity != "1" && time.Now().Before(end); {
		time.Sleep(50 * time.Millisecond)
		if opacity, err = chromedp.Run(b.ctx, chromedp.Evaluate[string](`getComputedStyle(document.activeElement).opacity`)); err != nil {
			t.Fatal(err)
		}
	}
	if opacity != "1" {
		t.Errorf("focused clause link has opacity %s, want 1", opacity)
	}
	b.checkClean(t, srv)
}

// hostile is a label written to break out of a page, used as a commitment's indicator.
const hostile = "</script><img src=x onerror=alert(1)>__f__alert(1)__f__"

func TestCommitmentChartsInBrowser(t *testing.T) {
	t.Parallel()
	srv := serveSite(t, map[string]string{
		"data/commitments.csv": "id,document,clause,kind,indicator,text,comparator,target,unit,deadline,baseline,baseline_year,responsible,measure,related,note\n" +
			"x-1,decision,decision-37,target,\"" + strings.ReplaceAll(hostile, `"`, `""`) + "\",全省实现每万人中有5名社工的目标,>=,5,\"" + strings.ReplaceAll(hostile, `"`, `""`) + "\",2015,,,,,,\n",
		"data/progress.csv":    "commitment,year,value,source,source_url,note\nx-1,2012,3.35,\"" + strings.ReplaceAll(hostile, `"`, `""`) + "\",,\n",
		"data/disclosures.csv": "commitment,period,due,published,url,note\n",
	})
	b := newBrowser(t, 1280, 900)
	for _, path := range []string{"/commitments/x-1/", "/"} { // /committees/ is drawn in TestCommitteesInBrowser
		if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+path), chromedp.ScrollIntoView(chromedp.CSS(".chart-box")), chromedp.WaitReady(chromedp.CSS(".chart-box svg")), chromedp.Sleep(300*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		drawn, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`!!document.querySelector(".chart-box svg, .chart-box canvas")`))
		if err != nil || !drawn {
			t.Errorf("%s: chart not drawn (%v)", path, err)
		}
		injected, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll('img[src="x"]').length`))
		if err != nil || injected != 0 {
			t.Errorf("%s: the hostile label became markup (%d img elements, %v)", path, injected, err)
		}
		inline, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`[...document.scripts].filter(s => !s.src && s.type !== "application/json").length`))
		if err != nil || inline != 0 {
			t.Errorf("%s: %d inline executable scripts", path, inline)
		}
	}
	// The label is on the page as text.
	text, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body.textContent`))
	if err != nil || !strings.Contains(text, "onerror=alert(1)") {
		t.Errorf("hostile label not shown as text: %v", err)
	}
	// A point's tooltip names its period, and showing it breaks no CSP rule
	// (ECharts' HTML tooltips carry style attributes that style-src 'self'
	// refuses; checkClean reads the violations).
	if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+"/commitments/x-1/"), chromedp.ScrollIntoView(chromedp.CSS(".chart-box")), chromedp.WaitReady(chromedp.CSS(".chart-box svg")), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	before, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelector("#chart-progress svg").textContent.split("2012年").length`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](goLive, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`echarts.getInstanceByDom(document.getElementById("chart-progress")).dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: 0}) || true`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.ctx, chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	after, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelector("#chart-progress svg").textContent.split("2012年").length`))
	if err != nil || after <= before {
		t.Errorf("the tooltip does not name the period 2012年 (%v)", err)
	}
	b.checkClean(t, srv)
}

func TestDisclosurePagesInBrowser(t *testing.T) {
	t.Parallel()
	srv := serveBundled(t)
	b := newBrowser(t, 1280, 900)
	for path, charts := range map[string]int{"/committees/": 2, "/budgets/": 3, "/organizations/": 1} {
		if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+path), chromedp.ScrollIntoView(chromedp.CSS(".chart-box")), chromedp.WaitReady(chromedp.CSS(".chart-box svg")), chromedp.Sleep(300*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		// The charts are drawn one after another, off the page's main
		// thread: wait up to 5 s for the last.
		drawn, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`(async () => {
			for (let i = 0; i < 50 && document.querySelectorAll(".chart-box svg").length < `+strconv.Itoa(charts)+`; i++) await new Promise(r => setTimeout(r, 100));
			return document.querySelectorAll(".chart-box svg").length;
		})()`, chromedp.EvalAwaitPromise))
		if err != nil || drawn != charts {
			t.Errorf("%s: %d charts drawn, want %d (%v)", path, drawn, charts, err)
		}
		sample, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.body.textContent.includes("示例数据")`))
		if err != nil || !sample {
			t.Errorf("%s does not say its data is sample data", path)
		}
	}
	b.checkClean(t, srv)
}

// TestOrganizationListFilters types into a city list's search box and picks a
// grade: the rows shown are the ones that match, and the address keeps the
// choice so the filtered view can be linked; the form's submit button takes
// the reader to the rows.
func TestOrganizationListFilters(t *testing.T) {
	t.Parallel()
	srv := serveBundled(t)
	b := newBrowser(t, 1280, 900)
	city := srv.URL + "/organizations/%E5%B9%BF%E5%B7%9E%E5%B8%82/"
	if err := chromedp.Do(b.ctx, chromedp.Navigate(city), chromedp.WaitVisible(chromedp.CSS(`form.filters`))); err != nil {
		t.Fatal(err)
	}
	count := func(js string) int {
		n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](js))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	all := count(`document.querySelectorAll("#org-table tbody tr").length`)
	// The first organisation's credit code finds exactly that row.
	code, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("#org-table tbody tr code").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.CSS(`form.filters input[name="q"]`), code)); err != nil {
		t.Fatal(err)
	}
	if n := count(`[...document.querySelectorAll("#org-table tbody tr")].filter(r => !r.hidden).length`); n != 1 {
		t.Errorf("searching for %s shows %d of %d rows, want 1", code, n, all)
	}
	// Clearing the search and choosing 4A shows exactly the 4A rows.
	want := count(`[...document.querySelectorAll("#org-table tbody tr")].filter(r => r.dataset.grade === "4A").length`)
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(() => {
		const form = document.querySelector("form.filters");
		form.elements.q.value = "";
		form.elements.grade.value = "4A";
		return form.dispatchEvent(new Event("change"));
	})()`)); err != nil {
		t.Fatal(err)
	}
	shown := count(`[...document.querySelectorAll("#org-table tbody tr")].filter(r => !r.hidden).length`)
	if want == 0 || shown != want || shown == all {
		t.Errorf("grade 4A shows %d rows, want %d of %d", shown, want, all)
	}
	loc, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.search`))
	if err != nil || loc != "?grade=4A" {
		t.Errorf("address keeps %q, want ?grade=4A", loc)
	}
	// The form's button (Enter does the same) keeps the page and its
	// choice, and brings the rows up the screen: on a phone, where the
	// form fills the first screen, to its top.
	for _, width := range []int64{1280, 360} {
		if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(width, 740)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`scrollTo(0, 0), true`)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS(`form.filters button[type="submit"]`))); err != nil {
			t.Fatal(err)
		}
		after, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => {
			const top = document.getElementById("org-table").getBoundingClientRect().top;
			// scrollIntoView scrolls by whole pixels: a table at 477.9 px
			// ends 0.1 px above the top, which is at the top.
			return location.pathname + location.search + " " + (top > -1 && top <= innerHeight / 2) + " " +
				[...document.querySelectorAll("#org-table tbody tr")].filter(r => !r.hidden).length;
		})()`))
		if want := fmt.Sprintf("/organizations/%%E5%%B9%%BF%%E5%%B7%%9E%%E5%%B8%%82/?grade=4A true %d", shown); err != nil || after != want {
			t.Errorf("at %d px, after the filter's button (address, rows up the screen, rows shown): %q, want %q (%v)", width, after, want, err)
		}
	}
	b.checkClean(t, srv)
}

// TestSearchInBrowser searches the bundled site for Chinese words and finds
// the clauses and commitments that hold them — “三公”经费 too, whose quotation
// marks do not break the phrase; the query is kept in the address, so a
// search can be linked.
func TestSearchInBrowser(t *testing.T) {
	t.Parallel()
	srv := serveBundled(t)
	b := newBrowser(t, 1280, 900)
	for query, want := range map[string]string{
		"社工":   `a[href="/commitments/decision-37-social-workers-per-10k/"]`,
		"直选":   `a[href="/commitments/decision-12-direct-election-rate/"]`,
		"养老床位": `a[href="/commitments/decision-9-elderly-care-beds/"]`,
		"三公经费": `a[href="/commitments/service-government-13-sangong-spending/"]`,
		// No text holds every pair (it says 积分制入户): the clause comes
		// first among those holding some of them.
		"积分入户": `li:first-child a[href="/policy/population/#population-2"]`,
		// The texts say 最低生活保障 and 出国出境、公务接待、公务用车: the
		// theme's synonyms write the abbreviations out.
		"低保": `a[href="/policy/decision/#decision-9"]`,
		"三公": `li:first-child a[href="/commitments/service-government-13-sangong-spending/"]`,
	} {
		if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+"/search/?q="+url.QueryEscape(query)), chromedp.WaitVisible(chromedp.CSS("#search-results li"))); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		found, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`!!document.querySelector('#search-results `+want+`')`))
		if err != nil || !found {
			t.Errorf("searching %s does not list %s (%v)", query, want, err)
		}
		if query == "三公经费" || query == "三公" {
			continue // the policy text says 出国出境、公务接待、公务用车等经费: only the commitment names it so
		}
		clauses, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('#search-results li')].filter(li => li.querySelector('a').getAttribute('href').startsWith('/policy/')).length`))
		if err != nil || clauses == 0 {
			t.Errorf("searching %s finds no policy clause (%v)", query, err)
		}
	}
	// 外务工 skips a character of 外来务工: nothing holds every pair, and
	// the clause comes first among those holding some of them.
	if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+"/search/?q="+url.QueryEscape("外务工")), chromedp.WaitVisible(chromedp.CSS("#search-results li"))); err != nil {
		t.Fatal(err)
	}
	status, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector(".search-status").textContent`))
	if err != nil || !strings.Contains(status, "没有同时含有全部字词的内容") {
		t.Errorf("the status after 外务工 does not say no result holds every term: %q (%v)", status, err)
	}
	if first, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("#search-results li a").getAttribute("href")`)); err != nil || first != "/policy/population/#population-3" {
		t.Errorf("searching 外务工 lists %q first, want the clause on 外来务工人员 (%v)", first, err)
	}
	// Typing a new query shows its results and keeps it in the address.
	search, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => {
		const q = document.getElementById("q");
		q.value = "养老";
		q.dispatchEvent(new Event("input"));
		return decodeURIComponent(location.search) + " " + document.querySelectorAll("#search-results li").length;
	})()`))
	if err != nil || !strings.HasPrefix(search, "?q=养老 ") || strings.HasSuffix(search, " 0") {
		t.Errorf("typing 养老: address and results %q (%v)", search, err)
	}
	// The organisations of the sample roster say they are sample data; the
	// real policy clauses do not.
	marks, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => {
		const items = [...document.querySelectorAll("#search-results li, #search-rosters li")];
		const marked = kind => items.filter(li => li.querySelector(".badge").textContent === kind && li.querySelector(".badge-warn")).length;
		const all = kind => items.filter(li => li.querySelector(".badge").textContent === kind).length;
		return marked("社会组织") + "/" + all("社会组织") + " " + marked("条款") + "/" + all("条款");
	})()`))
	var orgMarked, orgs, clauseMarked, clauses int
	if _, err := fmt.Sscanf(marks, "%d/%d %d/%d", &orgMarked, &orgs, &clauseMarked, &clauses); err != nil || orgs == 0 || orgMarked != orgs || clauseMarked != 0 {
		t.Errorf("示例数据 marks in the results for 养老 (marked/all organisations, marked/all clauses): %q (%v)", marks, err)
	}
	b.checkClean(t, srv)
}
