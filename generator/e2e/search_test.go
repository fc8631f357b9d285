package e2e

import (
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// searchFor opens /search/?q=query, as a search box on any page sends it,
// and waits until the results are shown.
func searchFor(t *testing.T, b *browser, base, query string) {
	t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(base+"/search/?q="+url.QueryEscape(query)), chromedp.WaitReady(chromedp.CSS("#search-results"))); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](`document.querySelector(".search-status").textContent.includes("“`+query+`”")`)); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// TestSearchResultsInBrowser: clauses and commitments come first and the
// roster's organisations after them, folded under a line saying how many;
// every result can be reached with the "more" buttons; the query's words
// are marked in titles and snippets, and a snippet shows the match.
func TestSearchResultsInBrowser(t *testing.T) {
	t.Parallel()
	srv := serveBundled(t)
	b := newBrowser(t, 1280, 900)

	searchFor(t, b, srv.URL, "养老")
	got, err := chromedp.Run(b.ctx, chromedp.Evaluate[map[string]any](`(() => {
		const main = [...document.querySelectorAll("#search-results > li")];
		const folds = [...document.querySelectorAll("#search-rosters details.search-fold")];
		return {
			first: main[0].querySelector("a").getAttribute("href"),
			kinds: main.map(li => li.querySelector(".badge").textContent).join(" "),
			clauses: main.filter(li => li.querySelector("a").getAttribute("href").startsWith("/policy/")).length,
			folds: folds.map(d => d.querySelector("summary").textContent + (d.open ? " open" : "")).join("|"),
			foldKinds: [...new Set([...document.querySelectorAll("#search-rosters li .badge:not(.badge-warn)")].map(b => b.textContent))].join(" "),
			status: document.querySelector(".search-status").textContent,
			titleMarks: main[0].querySelector("a").innerHTML,
			marks: [...document.querySelectorAll("#search-results mark")].map(m => m.textContent + m.children.length).filter(t => t !== "养老0").length,
			snippetsMarked: main.filter(li => li.querySelector("p mark")).length,
			main: main.length,
		};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got["first"] != "/commitments/decision-9-elderly-care-beds/" || strings.Contains(got["kinds"].(string), "社会组织") || got["clauses"].(float64) != 9 {
		t.Errorf("养老: the list starts %v, holds %v, %v clauses; want the commitment on 养老床位 first and the 9 clauses, no organisation", got["first"], got["kinds"], got["clauses"])
	}
	fold := regexp.MustCompile(`^还有 (\d+) 个社会组织$`).FindStringSubmatch(got["folds"].(string))
	if fold == nil || got["foldKinds"] != "社会组织" {
		t.Fatalf("养老: the organisations are not folded under one closed 还有 N 个社会组织: %q, kinds %q", got["folds"], got["foldKinds"])
	}
	orgs, _ := strconv.Atoi(fold[1])
	if want := "“养老”：找到 " + strconv.Itoa(int(got["main"].(float64))+orgs) + " 条。"; got["status"] != want {
		t.Errorf("养老: status %q, want %q (the list and the folded organisations)", got["status"], want)
	}
	if got["titleMarks"] != `每千名老人拥有<mark>养老</mark>床位数` || got["marks"].(float64) != 0 || got["snippetsMarked"] != got["main"] {
		t.Errorf("养老: title %v; %v marks other than 养老; %v of %v snippets show a mark", got["titleMarks"], got["marks"], got["snippetsMarked"], got["main"])
	}

	// Opening the fold and pressing "more" until it is gone shows every
	// organisation, and each press takes the reader to the first one added.
	shown, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => {
		const fold = document.querySelector("#search-rosters details");
		fold.open = true;
		const first = fold.querySelectorAll("li").length;
		let presses = 0, focused = true, button;
		while ((button = fold.querySelector("button.search-more")) && presses < 100) {
			const before = fold.querySelectorAll("li").length;
			button.click();
			presses++;
			focused = focused && document.activeElement === fold.querySelectorAll("li")[before].querySelector("a");
		}
		return first + " " + fold.querySelectorAll("li").length + " " + presses + " " + focused;
	})()`))
	if want := "50 " + strconv.Itoa(orgs) + " " + strconv.Itoa((orgs-1)/50) + " true"; err != nil || shown != want {
		t.Errorf("养老's organisations: first shown, shown after every press, presses, focus moved = %q, want %q (%v)", shown, want, err)
	}

	// The results as shown, marks, fold and buttons included, pass axe-core
	// (TestAccessibility checks the page before the results come).
	axe, err := os.ReadFile("../../themes/default/node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core is not installed (make test installs the theme's packages): %v", err)
	}
	violations, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](string(axe)+`;axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
		.then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => v.id + ": " + v.help + " " + v.nodes[0].target.join(" ")))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("养老's results: %s", v)
	}

	// The main list pages the same way: 社会 finds more than 50 clauses,
	// commitments and datasets.
	searchFor(t, b, srv.URL, "社会")
	paging, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => {
		const list = document.getElementById("search-results");
		const first = list.children.length;
		const label = document.querySelector("#search-results + button.search-more").textContent;
		let button;
		while ((button = document.querySelector("#search-results + button.search-more"))) button.click();
		const all = list.children.length, rosters = document.querySelectorAll("#search-rosters li").length;
		const n = +document.querySelector(".search-status").textContent.match(/找到 (\d+) 条/)[1];
		const folded = [...document.querySelectorAll("#search-rosters summary")].reduce((s, x) => s + +x.textContent.match(/\d+/)[0], 0);
		return [first, label, all + folded === n, [...list.children].every(li => !li.querySelector(".badge").textContent.includes("社会组织"))].join(" ");
	})()`))
	if err != nil || !regexp.MustCompile(`^50 再显示 50 条（还有 \d+ 条） true true$`).MatchString(paging) {
		t.Errorf("社会: first shown, the more button, every result reachable, no organisation in the list = %q (%v)", paging, err)
	}

	// 低保, typed over it: the status says what else was searched, the
	// snippet shows and marks 最低生活保障, and 社会's buttons are gone.
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(() => {
		const q = document.getElementById("q");
		for (const typed of ["社会", "低保"]) {
			q.value = typed;
			q.dispatchEvent(new Event("input"));
		}
		return true;
	})()`)); err != nil {
		t.Fatal(err)
	}
	if left, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll("button.search-more, #search-rosters details").length`)); err != nil || left != 0 {
		t.Errorf("after typing 低保 over 社会, %d of its buttons and folds are left (%v)", left, err)
	}
	dibao, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => {
		const li = [...document.querySelectorAll("#search-results > li")].find(li => li.querySelector('a[href="/policy/decision/#decision-9"]'));
		return document.querySelector(".search-status").textContent + " | " + (li ? [...li.querySelectorAll("p mark")].map(m => m.textContent).join(",") : "not listed");
	})()`))
	if err != nil || !strings.HasPrefix(dibao, "“低保”（也查找了“最低生活保障”）：找到 2 条。 | 最低生活保障") {
		t.Errorf("低保: %q (%v)", dibao, err)
	}
	b.checkClean(t, srv)

	// On a phone the open fold does not scroll sideways.
	phone := newBrowser(t, 375, 800)
	searchFor(t, phone, srv.URL, "养老")
	wide, err := chromedp.Run(phone.ctx, chromedp.Evaluate[int](`(() => { document.querySelector("#search-rosters details").open = true; return document.documentElement.scrollWidth; })()`))
	if err != nil || wide > 375 {
		t.Errorf("/search/?q=养老 scrolls sideways on a 375px phone: %d px wide (%v)", wide, err)
	}
}

// TestSearchSynonymsInBrowser: a site adds to the theme's synonyms in
// site.toml, and both are searched; a title written to break out of the
// page is marked as text, never markup.
func TestSearchSynonymsInBrowser(t *testing.T) {
	t.Parallel()
	settings, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	srv := serveSite(t, map[string]string{
		"site.toml":            string(settings) + "\n[search.synonyms]\n\"低保\" = [\"救助台账\"]\n",
		"data/aid.csv":         "名称,户数\n甲,1\n",
		"data/aid.schema.json": `{"title": "<img src=x onerror=alert(1)>社区救助台账", "fields": [{"name": "名称", "type": "string"}, {"name": "户数", "type": "integer"}]}`,
	})
	b := newBrowser(t, 1280, 900)
	searchFor(t, b, srv.URL, "低保")
	got, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => {
		const items = [...document.querySelectorAll("#search-results > li")];
		const aid = items.find(li => li.querySelector('a[href="/data/aid/"]'));
		return [document.querySelector(".search-status").textContent,
			items.some(li => li.querySelector('a[href="/policy/decision/#decision-9"]')),
			aid ? aid.querySelector("a").innerHTML : "not listed",
			document.querySelectorAll('img[src="x"]').length].join(" | ");
	})()`))
	want := "“低保”（也查找了“最低生活保障”、“救助台账”）：找到 3 条。 | true | &lt;img src=x onerror=alert(1)&gt;社区<mark>救助台账</mark> | 0"
	if err != nil || got != want {
		t.Errorf("低保 with the site's synonym:\n got %q\nwant %q (%v)", got, want, err)
	}
	b.checkClean(t, srv)
}
