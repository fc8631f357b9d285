package site

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// arSite is a small site with the annual reports of two bodies: 甲局
// published its 2022 report on time and its 2023 report late (2024-02-10);
// 乙局 published only its 2022 report.
func arSite(t *testing.T) map[string]string {
	t.Helper()
	row := func(year, body, published string, n int) string {
		return year + "," + body + "," + published + ",,依申请公开,一、本年新收政府信息公开申请数量,自然人," + strings.Repeat("1", n) + "\n"
	}
	return map[string]string{
		"data/annual-reports/甲局.csv": "年度,机关,公布日期,网址,表,项目,栏目,数值\n" +
			row("2022", "甲局", "2023-01-20", 1) + row("2023", "甲局", "2024-02-10", 2),
		"data/annual-reports/乙局.csv": "年度,机关,公布日期,网址,表,项目,栏目,数值\n" + row("2022", "乙局", "2023-01-30", 1),
	}
}

func buildAsOf(t *testing.T, files map[string]string, asOf string) memSink {
	t.Helper()
	day, _ := time.Parse(time.DateOnly, asOf)
	out := memSink{}
	if _, err := Build(smallSite(t, files), Options{AsOf: asOf, Today: day}, out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAnnualReportsPages: /annual-reports/ judges each body's statutory
// duty from the publication dates, counting only the reports public by the
// as-of day, and each body's page gives its reports as published.
func TestAnnualReportsPages(t *testing.T) {
	statusOf := func(out memSink, body string) string {
		page := string(out["annual-reports/index.html"])
		i := strings.Index(page, ">"+body+"</a>")
		if i < 0 {
			t.Fatalf("/annual-reports/ does not list %s", body)
		}
		rest := page[i:]
		j := strings.Index(rest, `class="status status-`)
		return rest[j+len(`class="status status-`) : j+strings.Index(rest[j:], `">`)]
	}
	out := buildAsOf(t, arSite(t), "2024-03-01")
	if got := statusOf(out, "甲局"); got != "achieved-late" {
		t.Errorf("甲局 published one report late: its duty is %q, want achieved-late", got)
	}
	if got := statusOf(out, "乙局"); got != "partial" {
		t.Errorf("乙局's 2023 report was not found: its duty is %q, want partial", got)
	}
	body := string(out["annual-reports/"+"甲局"+"/index.html"])
	for _, want := range []string{"2023年度报告", "2024-02-10", "逾期公开", "三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量"} {
		if !strings.Contains(body, want) {
			t.Errorf("甲局's page lacks %q", want)
		}
	}
	if !strings.Contains(string(out["data/index.html"]), `href="/annual-reports/"`) {
		t.Error("/data/ does not link to /annual-reports/")
	}
	if !strings.Contains(string(out["search/index.json"]), url.PathEscape("甲局")) && !strings.Contains(string(out["search/index.json"]), "甲局") {
		t.Error("the search does not find the bodies")
	}

	// As of 2024-02-01, 甲局's 2023 report was not yet public: it is not
	// found, and its figures are nowhere.
	out = buildAsOf(t, arSite(t), "2024-02-01")
	if got := statusOf(out, "甲局"); got != "partial" {
		t.Errorf("as of 2024-02-01 甲局's 2023 report was not yet public: its duty is %q, want partial", got)
	}
	body = string(out["annual-reports/"+"甲局"+"/index.html"])
	if strings.Contains(body, "2024-02-10") || strings.Contains(body, ">11<") {
		t.Error("as of 2024-02-01, 甲局's page shows the report published on 2024-02-10")
	}
}

// TestAnnualReportsKnownYears: a year whose report was neither due nor
// public by the as-of day is not shown, though the data holds it.
func TestAnnualReportsKnownYears(t *testing.T) {
	out := buildAsOf(t, arSite(t), "2023-06-01")
	page := string(out["annual-reports/index.html"])
	if !strings.Contains(page, "2022年度") || strings.Contains(page, "2023年度") {
		t.Error("as of 2023-06-01 the page should show 2022 only (2023's report was due 2024-01-31 and published 2024-02-10)")
	}
	// Before the first report was due nothing is known: no figures table.
	out = buildAsOf(t, arSite(t), "2022-06-01")
	if page := string(out["annual-reports/index.html"]); strings.Contains(page, "主要数字") || strings.Contains(page, "2022年度") {
		t.Error("as of 2022-06-01, before any report was due, the page shows years or figures")
	}
}

// TestAnnualReportsOnlyWithData: a site without annual reports has no such
// pages, topic or search kind.
func TestAnnualReportsOnlyWithData(t *testing.T) {
	out := buildAsOf(t, nil, "2024-03-01")
	for name := range out {
		if strings.HasPrefix(name, "annual-reports/") {
			t.Fatalf("a site without annual reports has %s", name)
		}
	}
	if strings.Contains(string(out["data/index.html"]), "/annual-reports/") {
		t.Error("/data/ links to annual reports the site does not have")
	}
}
