package e2e

import (
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// wideTable is a dataset with many long columns, the worst case for a phone.
var wideTable = "年度,部门名称,科目编码,科目名称,预算金额(万元),决算金额(万元),说明\n" +
	strings.Repeat("2013,广东省人力资源和社会保障厅,2080201,社会保障和就业支出行政运行,\"12,345.6\",\"12,000\",这是一段很长的说明文字用来检查表格在手机上是否会撑破页面\n", 30)

// manyDepartments is a budget with more departments than /budgets/ shows,
// so the site has pages of all departments (the budget-departments layout).
func manyDepartments() string {
	var b strings.Builder
	b.WriteString("年度,阶段,部门,科目编码,科目名称,金额(万元)\n")
	for i := range 120 { // the page details the latest year with final accounts
		for _, stage := range []string{"预算", "决算"} {
			fmt.Fprintf(&b, "2017,%s,广东省某某厅直属第%03d号事业单位管理服务中心,2080208,基层政权和社区建设,%d\n", stage, i, 1000+i)
		}
	}
	return b.String()
}

// phoneWidths are the narrowest phones in use: 320 px (iPhone SE, 1st
// generation), 360 px (most Android phones) and 390 px (recent iPhones).
var phoneWidths = []int{320, 360, 390}

// phonePages is one page of every layout of the default theme; the test
// fails when the theme gains a layout that is not here.
var phonePages = map[string]string{
	"home":               "/",
	"policy-index":       "/policy/",
	"document":           "/policy/decision/", // and every other document: read from /policy/
	"scorecard":          "/policy/decision/scorecard/",
	"page":               "/about/",
	"404":                "/404.html",
	"embed":              "/embed/commitments/decision-14-full-assessment/chart-progress/",
	"data-index":         "/data/",
	"dataset":            "/data/wide/",
	"commitments":        "/commitments/",
	"commitment":         "/commitments/social-organizations-1-orgs-per-10k/",
	"budgets":            "/budgets/",
	"budget-departments": "/budgets/departments/",
	"organizations":      "/organizations/",
	"org-list":           "/organizations/" + url.PathEscape("广州市") + "/",
	"committees":         "/committees/",
	"committees-city":    "/committees/" + url.PathEscape("广州市") + "/",
	"annual-reports":     "/annual-reports/",
	"section":            "/notices/",
	"search":             "/search/?q=" + url.QueryEscape("养老"),
}

// phoneSiteFiles are the files added to the bundled site so that every
// layout has a page: a wide table, many departments' budgets, a section of
// notices (test data, not the portal's).
func phoneSiteFiles() map[string]string {
	files := map[string]string{"data/wide.csv": wideTable, "data/budgets/2017.csv": manyDepartments(),
		"content/notices/_index.md": "---\ntitle: 通知公告\n---\n测试用的通知公告栏目。\n"}
	for i := range 3 {
		files[fmt.Sprintf("content/notices/notice-%d.md", i)] = fmt.Sprintf("---\ntitle: 关于公开2024年部门决算和“三公”经费决算的通知（第%d号，测试）\ndate: 2025-0%d-10\nsummary: 各部门于规定时间内公开决算。\n---\n正文。\n", i+1, i+1)
	}
	return files
}

// overflowJS finds what makes the page wider than the screen: the element
// reaching furthest right that no scrolling frame of its own (a table's
// .table-wrap) holds. It returns the page's width, the screen's and that element.
const overflowJS = `(() => {
	const vw = document.documentElement.clientWidth;
	if (document.documentElement.scrollWidth <= vw) return {Page: document.documentElement.scrollWidth, Screen: vw, Widest: ""};
	const framed = el => {
		for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
			if (getComputedStyle(p).overflowX !== "visible") return true;
		}
		return false;
	};
	let worst = null, right = vw;
	for (const el of document.body.querySelectorAll("*")) {
		const r = el.getBoundingClientRect();
		if (r.width > 0 && r.right > right + 0.5 && !framed(el)) { worst = el; right = r.right; }
	}
	if (!worst) { // a line of text overflows its box: the innermost box it overflows
		for (const el of document.body.querySelectorAll("*")) {
			if (el.scrollWidth > el.clientWidth + 0.5 && el.clientWidth > 0 && !framed(el) && getComputedStyle(el).overflowX === "visible") worst = el;
		}
		right = worst ? worst.getBoundingClientRect().left + worst.scrollWidth : right;
	}
	let name = "";
	if (worst) {
		name = worst.tagName.toLowerCase() + (worst.id ? "#" + worst.id : "") +
			[...worst.classList].map(c => "." + c).join("") +
			" (" + Math.round(worst.getBoundingClientRect().width) + " px wide, right edge at " + Math.round(right) + " px: “" +
			(worst.textContent || "").trim().slice(0, 30) + "”)";
	}
	return {Page: document.documentElement.scrollWidth, Screen: vw, Widest: name};
})()`

type overflow struct {
	Page, Screen int
	Widest       string
}

// TestPhoneLayout opens one page of every layout, and every policy
// document, on emulated 320, 360 and 390 px phones: no page scrolls
// sideways (a table may scroll inside its own frame). A failure names the
// page and the element that widens it.
func TestPhoneLayout(t *testing.T) {
	t.Parallel()
	layouts, err := os.ReadDir("../../themes/default/layouts")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range layouts {
		if name, ok := strings.CutSuffix(l.Name(), ".html"); ok && name != "base" && phonePages[name] == "" {
			t.Errorf("layout %s has no page in phonePages: add one", name)
		}
	}
	srv := serveSite(t, phoneSiteFiles())
	paths := slices.Sorted(func(yield func(string) bool) {
		for _, p := range phonePages {
			if !yield(p) {
				return
			}
		}
	})
	paths = append(paths, "/annual-reports/"+url.PathEscape("广东省民政厅")+"/")
	for _, width := range phoneWidths {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			b := newBrowser(t, width, 740) // a browser for each width: each has a minute
			if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+"/policy/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatal(err)
			}
			docs, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".doc-card :is(h2, h3) a")].map(a => a.getAttribute("href"))`))
			if err != nil || len(docs) < 8 {
				t.Fatalf("policy documents on /policy/: %v (%v)", docs, err)
			}
			// Each page in the normal text size, then in the larger one (the
			// header's 大字 button, kept in localStorage) older readers choose.
			for _, large := range []bool{false, true} {
				size := ""
				if large {
					size = " in larger text"
					if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`localStorage.setItem("gongkai-large-text", "1"), true`)); err != nil {
						t.Fatal(err)
					}
				}
				for _, path := range append(paths, docs...) {
					if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+path), chromedp.WaitReady(chromedp.CSS("main"))); err != nil {
						t.Fatalf("%s: %v", path, err)
					}
					got, err := chromedp.Run(b.ctx, chromedp.Evaluate[overflow](overflowJS))
					if err != nil {
						t.Fatal(err)
					}
					if got.Screen != width {
						t.Fatalf("%s: the screen is %d px wide, not the emulated %d", path, got.Screen, width)
					}
					if got.Page > width {
						t.Errorf("%s scrolls sideways on a %d px phone%s: %d px wide; widest: %s", path, width, size, got.Page, got.Widest)
					}
				}
			}
			b.checkClean(t, srv)
		})
	}
}

// TestPhoneFirstScreen is a citizen opening the site on a phone: the home
// page and /commitments/ show how many promises have each status without
// scrolling; each count opens the list filtered to that status; on
// /commitments/ every promise's status is on the screen's width (a card,
// not a table scrolled sideways); a clause's ¶ link covers none of its
// text; the header's search box fits and searches.
func TestPhoneFirstScreen(t *testing.T) {
	t.Parallel()
	srv := serveBundled(t)
	b := newBrowser(t, 360, 740)
	for _, screen := range []struct{ width, height int }{{320, 740}, {360, 740}, {390, 844}} {
		if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(int64(screen.width), int64(screen.height))); err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/", "/commitments/"} {
			if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+path), chromedp.WaitReady(chromedp.CSS("main"))); err != nil {
				t.Fatal(err)
			}
			below, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("main .counts li")]
				.filter(li => li.getBoundingClientRect().bottom > innerHeight || li.getBoundingClientRect().right > innerWidth)
				.map(li => li.textContent.trim() + " at y = " + Math.round(li.getBoundingClientRect().bottom))`))
			if err != nil {
				t.Fatal(err)
			}
			if len(below) > 0 {
				t.Errorf("%s on a %d×%d phone: status counts off the first screen: %v", path, screen.width, screen.height, below)
			}
		}
		// Every row's status badge is within the screen's width, not in a frame scrolled sideways.
		off, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`[...document.querySelectorAll("#commitment-table tbody tr")]
			.filter(tr => { const r = tr.querySelector("td .status").getBoundingClientRect(); return r.left < 0 || r.right > innerWidth || r.width === 0; }).length`))
		if err != nil || off != 0 {
			t.Errorf("/commitments/ at %d px: %d statuses outside the screen (%v)", screen.width, off, err)
		}
	}

	// A count is a link to the list of the commitments with that status.
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(360, 740), chromedp.Navigate(srv.URL+"/"), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
		t.Fatal(err)
	}
	type count struct {
		Href string
		N    int
	}
	counts, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]count](`[...document.querySelectorAll("main .counts a.count")].map(a => ({Href: a.getAttribute("href"), N: +a.querySelector("strong").textContent}))`))
	if err != nil || len(counts) < 3 {
		t.Fatalf("status counts on the home page: %v (%v)", counts, err)
	}
	for _, c := range counts {
		if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+c.Href), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
			t.Fatal(err)
		}
		shown, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => {
			const rows = [...document.querySelectorAll("#commitment-table tbody tr")].filter(r => !r.hidden);
			const statuses = [...new Set(rows.map(r => r.dataset.status))];
			return rows.length + " " + statuses.join(",") + " " + document.querySelector('select[name="status"]').value;
		})()`))
		status := strings.TrimPrefix(c.Href, "/commitments/?status=")
		if want := fmt.Sprintf("%d %s %s", c.N, status, status); err != nil || shown != want {
			t.Errorf("%s shows (rows, statuses, filter) %q, want %q (%v)", c.Href, shown, want, err)
		}
	}

	// The ¶ link of a clause is beside its first line, not over its text.
	if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+"/policy/decision/"), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
		t.Fatal(err)
	}
	covered, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".doc-body .clause")].flatMap(clause => {
		const a = clause.querySelector(":scope > .anchor").getBoundingClientRect();
		const range = document.createRange();
		range.selectNodeContents(clause.querySelector(":scope > p"));
		const hit = [...range.getClientRects()].some(r => r.width > 0 && r.left < a.right - 1 && a.left < r.right - 1 && r.top < a.bottom - 1 && a.top < r.bottom - 1);
		return hit || a.right > innerWidth ? [clause.id] : [];
	})`))
	if err != nil || len(covered) > 0 {
		t.Errorf("at 360 px the ¶ link covers the text of (or leaves the screen at) clauses %v (%v)", covered, err)
	}

	// The header's search box: named for screen readers, wide enough to type
	// into at 320 px, and sends the query to /search/?q=.
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(320, 740), chromedp.Navigate(srv.URL+"/commitments/"), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
		t.Fatal(err)
	}
	box, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => {
		const input = document.querySelector("header form[role=search] input[name=q]");
		const label = document.querySelector('label[for="' + input.id + '"]');
		const r = input.getBoundingClientRect(), f = input.form.getBoundingClientRect();
		return (label ? label.textContent.trim() : "no label") + " " + Math.round(r.width) + " " + (f.right <= innerWidth);
	})()`))
	var label, fits string
	var inputWidth int
	if _, scanErr := fmt.Sscanf(box, "%s %d %s", &label, &inputWidth, &fits); err != nil || scanErr != nil || label == "no" || inputWidth < 150 || fits != "true" {
		t.Errorf("header search box at 320 px (label, input width, fits): %q (%v)", box, err)
	}
	if err := chromedp.Do(b.ctx,
		chromedp.SendKeys(chromedp.CSS(`header input[name="q"]`), "养老\n"),
		chromedp.WaitReady(chromedp.CSS(`#search-results`)),
	); err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.pathname + decodeURIComponent(location.search)`))
	if err != nil || loc != "/search/?q=养老" {
		t.Errorf("the header's search went to %q, want /search/?q=养老 (%v)", loc, err)
	}
	b.checkClean(t, srv)
}
