package site

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// workReport is a city government work report (政府工作报告) as such reports
// are written: （一）（二）… again in every section, the year's targets as a
// "1. " list (typed with a space) ahead of the first clause, nested 1、 and
// （1）, a 民生实事 list with a closing paragraph, a section without numbered
// clauses, and a closing after "***".
const workReport = `---
title: 2025年某市人民政府工作报告
slug: report
date: 2025-01-15
---

各位代表：

现在，我代表市人民政府，向大会报告工作，请予审议。

## 一、2024年工作回顾

过去一年，面对复杂严峻的外部环境，全市经济运行稳中向好。

（一）经济运行稳中有进。地区生产总值增长5.2%。

（二）民生保障持续加强。城镇新增就业3.1万人。

## 二、2025年主要目标和重点任务

今年经济社会发展的主要预期目标是：

1. 地区生产总值增长5.5%左右。

2. 城镇新增就业3万人以上。

（一）着力扩大有效需求。重点抓好以下工作：

1. 扩大消费。开展消费促进活动100场以上。

2. 扩大有效投资。实施重点项目200个。

（二）着力保障和改善民生。

1、稳定就业。

（1）开展职业技能培训2万人次。

（2）新增公益性岗位500个。

2、办好教育。新建改扩建中小学10所。

## 三、2025年民生实事

1. 新增托位2000个。

2. 改造老旧小区120个。

3. 新建社区食堂30个。

以上民生实事由市政府统筹推进，每季度向社会公开办理进度。

## 四、加强政府自身建设

坚持依法行政，政府工作报告确定的目标任务在年底前全部公开办理结果。

***

各位代表！让我们团结一心，为全面完成今年目标任务而努力奋斗！
`

// workReportIDs are the anchors the work report must get, in page order.
var workReportIDs = []string{
	"report-preamble",
	"report-s1", "report-s1-intro", "report-1-1", "report-1-2",
	"report-s2", "report-s2-intro", "report-s2-intro.1", "report-s2-intro.2",
	"report-2-1", "report-2-1.1", "report-2-1.2",
	"report-2-2", "report-2-2.1", "report-2-2.1.1", "report-2-2.1.2", "report-2-2.2",
	"report-s3", "report-3-1", "report-3-2", "report-3-3", "report-s3-closing",
	"report-s4", "report-s4-intro",
	"report-closing",
}

// TestGoldenWorkReport publishes a work report as written — its anchors
// (<slug>-<section>-<n> where clause numbers restart in each section), its
// text character for character, and the whole page against its golden copy.
// Refresh it with: go test ./generator/internal/site -run Golden -update
func TestGoldenWorkReport(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                {Data: []byte("title = \"测试\"\nbase_url = \"https://example.org/\"\nid = \"tag:example.org,2026:\"\n")},
		"content/policy/report.md": {Data: []byte(workReport)},
	}
	themeFiles(t, fsys)
	out := memSink{}
	report, err := Build(fsys, fixedOpts, out)
	if err != nil {
		t.Fatalf("the work report does not build:\n%v", err)
	}
	if len(report.Warnings) > 0 {
		t.Errorf("warnings: %v", lines(report.Warnings))
	}
	got := out["policy/report/index.html"]

	root := parseHTML(t, got)
	bodies := findAll(root, hasClass("doc-body"))
	if len(bodies) != 1 {
		t.Fatalf("%d document bodies", len(bodies))
	}
	var ids []string
	for _, m := range regexp.MustCompile(`\sid="(report-[^"]+)"`).FindAllStringSubmatch(string(got), -1) {
		ids = append(ids, m[1])
	}
	if !slices.Equal(ids, workReportIDs) {
		t.Errorf("anchors:\ngot  %s\nwant %s", strings.Join(ids, " "), strings.Join(workReportIDs, " "))
	}

	// The body is the text as written: every paragraph, its numbers included,
	// in order — nothing turned into a list, dropped or moved.
	_, body, _ := strings.Cut(strings.TrimPrefix(workReport, "---\n"), "---\n")
	var want strings.Builder
	for _, l := range strings.Split(body, "\n") {
		if l != "***" {
			want.WriteString(strings.TrimPrefix(l, "## "))
		}
	}
	if g, w := stripSpace(textContent(bodies[0])), stripSpace(want.String()); g != w {
		gr, wr := []rune(g), []rune(w)
		i := 0
		for i < len(gr) && i < len(wr) && gr[i] == wr[i] {
			i++
		}
		t.Errorf("published text differs from the source at character %d:\npublished …%s…\nsource    …%s…", i, excerpt(gr, i), excerpt(wr, i))
	}

	compareGolden(t, "work-report.html.golden", got)
}
