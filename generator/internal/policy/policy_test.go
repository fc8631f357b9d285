package policy

import (
	"strings"
	"testing"

	"gongkai/generator/internal/content"
	"gongkai/generator/internal/diag"
)

func parse(t *testing.T, body string) (*Document, *diag.List) {
	t.Helper()
	var d diag.List
	p := content.Parse("content/policy/doc.md", []byte("---\ntitle: 文件\nslug: doc\n---\n"+body), &d)
	if p == nil {
		t.Fatal(d.Sorted())
	}
	return Parse(p, &d), &d
}

func TestHanNumber(t *testing.T) {
	tests := map[string]int{"一": 1, "九": 9, "十": 10, "十一": 11, "二十": 20, "二十八": 28, "九十九": 99, "一百": 100, "一百零": 0, "": 0, "十十": 20}
	for in, want := range tests {
		got, ok := HanNumber(in)
		if want == 0 && ok || want != 0 && got != want {
			t.Errorf("HanNumber(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
}

func TestStructureAndAnchors(t *testing.T) {
	doc, d := parse(t, `前言第一段。

## 一、总体要求

1.重大意义。正文。

续段。

2.指导思想。正文。

## 二、具体措施

3.回到正文。

***

结语。
`)
	if d.HasErrors() {
		t.Fatal(d.Sorted())
	}
	var ids []string
	for _, s := range doc.Sections {
		ids = append(ids, s.ID)
		for _, c := range s.Clauses {
			ids = append(ids, c.ID)
			for _, it := range c.Items {
				ids = append(ids, it.ID)
			}
		}
	}
	got := strings.Join(ids, " ")
	want := "doc-s1 doc-1 doc-2 doc-s2 doc-3"
	if got != want || len(doc.Preamble) != 1 || len(doc.Closing) != 1 {
		t.Errorf("ids %q (want %q), preamble %d, closing %d", got, want, len(doc.Preamble), len(doc.Closing))
	}
	c1 := doc.Sections[0].Clauses[0]
	if c1.Title != "重大意义" || len(c1.Paragraphs) != 2 {
		t.Errorf("clause 1: title %q, %d paragraphs", c1.Title, len(c1.Paragraphs))
	}
	if !strings.HasPrefix(string(c1.Paragraphs[0]), `<p><strong class="clause-lead">1.重大意义。</strong>正文。</p>`) {
		t.Errorf("lead not marked: %s", c1.Paragraphs[0])
	}
}

func TestNestedItems(t *testing.T) {
	doc, d := parse(t, "## 一、培养\n\n（一）甲。\n\n（二）乙。\n\n1、子一。\n\n2、子二。\n\n（三）丙。\n")
	if d.HasErrors() {
		t.Fatal(d.Sorted())
	}
	cs := doc.Clauses()
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	if got := strings.Join(ids, " "); got != "doc-1 doc-2 doc-2.1 doc-2.2 doc-3" {
		t.Errorf("got %s", got)
	}
	if doc.ClauseCount() != 3 {
		t.Errorf("clause count %d", doc.ClauseCount())
	}
}

func TestNumberingErrors(t *testing.T) {
	tests := []struct{ body, want string }{
		{"## 一、甲\n\n1.一。\n\n3.三。\n", "content/policy/doc.md:9:1: clause 3. comes after clause 1: expected clause 2"},
		{"## 一、甲\n\n1.一。\n\n## 三、丙\n", "content/policy/doc.md:9:1: section \"三、丙\" is numbered 3 but is section 2"},
		{"## 一、甲\n\n（一）一。\n\n1、甲。\n\n3、丙。\n", "content/policy/doc.md:11:1: item 3、 in clause （一）: expected item 2"},
		{"1.一。\n", "content/policy/doc.md:5:1: clause 1. comes before the first"},
		{"### 小标题\n", "content/policy/doc.md:5:1: only \"## \" section headings"},
		{"", "content/policy/doc.md:5:1: the document has no text"},
	}
	for _, tt := range tests {
		_, d := parse(t, tt.body)
		if err := d.Err(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("body %q: got %v, want %q", tt.body, err, tt.want)
		}
	}
}

func TestCompleteness(t *testing.T) {
	var d diag.List
	p := content.Parse("content/policy/v.md", []byte("---\ntitle: 村\ncompleteness: missing\n---\n"), &d)
	doc := Parse(p, &d)
	if err := d.Err(); err == nil || !strings.Contains(err.Error(), "completeness_note") {
		t.Errorf("missing note not reported: %v", err)
	}
	if doc.HasText() {
		t.Error("a missing document has no text")
	}
	d = diag.List{}
	p = content.Parse("content/policy/v.md", []byte("---\ntitle: 村\ncompleteness: missing\ncompleteness_note: 源文本没有正文。\n---\n正文\n"), &d)
	Parse(p, &d)
	if err := d.Err(); err == nil || !strings.Contains(err.Error(), "content/policy/v.md:6:1: completeness is \"missing\" but the document has text") {
		t.Errorf("got %v", err)
	}
}

func TestAnchor(t *testing.T) {
	doc, d := parse(t, "前言。\n\n## 一、甲\n\n（一）第一条。正文。\n\n续段。\n\n1、小项。\n\n***\n\n结语。\n")
	if d.HasErrors() {
		t.Fatal(d.Sorted())
	}
	tests := map[string]string{
		"doc-preamble": "前言。", "doc-1": "（一）第一条。正文。续段。1、小项。", "doc-1.1": "1、小项。", "doc-closing": "结语。",
	}
	for id, want := range tests {
		if got, ok := doc.Anchor(id); !ok || got != want {
			t.Errorf("Anchor(%q) = %q, %v; want %q", id, got, ok, want)
		}
	}
	if _, ok := doc.Anchor("doc-9"); ok {
		t.Error("doc-9 does not exist")
	}
}

func TestMarkers(t *testing.T) {
	tests := []struct {
		text       string
		kind       markerKind
		depth, n   int
		written    string
		lead       string
		notAMarker bool
	}{
		{text: "1.重大意义。", kind: arabicDot, depth: 1, n: 1, written: "1.", lead: "1."},
		{text: "12．甲", kind: arabicDot, depth: 1, n: 12, written: "12．", lead: "12．"},
		{text: "1. 地区生产总值增长5.5%左右。", kind: arabicDot, depth: 1, n: 1, written: "1.", lead: "1. "},
		{text: "3、甲", kind: arabicDun, depth: 1, n: 3, written: "3、", lead: "3、"},
		{text: "（十一）甲", kind: hanParen, depth: 1, n: 11, written: "（十一）", lead: "（十一）"},
		{text: "(二) 甲", kind: hanParen, depth: 1, n: 2, written: "(二)", lead: "(二) "},
		{text: "（3）甲", kind: arabicParen, depth: 1, n: 3, written: "（3）", lead: "（3）"},
		{text: "2）甲", kind: arabicClose, depth: 1, n: 2, written: "2）", lead: "2）"},
		{text: "4) 甲", kind: arabicClose, depth: 1, n: 4, written: "4)", lead: "4) "},
		{text: "③甲", kind: circled, depth: 1, n: 3, written: "③", lead: "③"},
		{text: "2.3.1 甲", kind: decimal, depth: 3, n: 1, written: "2.3.1", lead: "2.3.1 "},
		{text: "1.2总体目标", kind: decimal, depth: 2, n: 2, written: "1.2", lead: "1.2"},
		{text: "——注重民生。", notAMarker: true},
		{text: "一、总则", notAMarker: true},
		{text: "2025年，甲。", notAMarker: true},
	}
	for _, tt := range tests {
		m, ok := parseMarker(tt.text)
		switch {
		case tt.notAMarker && ok:
			t.Errorf("%q: read as marker %+v", tt.text, m)
		case tt.notAMarker:
		case !ok || m.style != (style{tt.kind, tt.depth}) || m.n != tt.n || m.text != tt.written || m.lead != tt.lead:
			t.Errorf("%q: got %+v, %v; want kind %d depth %d n %d %q %q", tt.text, m, ok, tt.kind, tt.depth, tt.n, tt.written, tt.lead)
		}
	}
	for n := 1; n <= 120; n++ {
		if got, ok := HanNumber(hanNumeral(n)); (n < 101 || n%100 >= 10) && (!ok || got != n) {
			t.Errorf("HanNumber(hanNumeral(%d)) = %d (%q)", n, got, hanNumeral(n))
		}
	}
}

// ids lists a document's anchor ids, space-separated.
func ids(doc *Document) string { return strings.Join(doc.IDs(), " ") }

// workReport is a 政府工作报告: （一） again in each section, the year's
// targets as a "1. " list before the first clause, nested 1、 and （1）, a
// 民生实事 list with a closing paragraph, a section without clauses.
const workReport = `各位代表：

## 一、工作回顾

过去一年，经济运行稳中向好。

（一）经济稳中有进。

（二）民生持续改善。

## 二、主要目标和重点任务

主要预期目标是：

1. 地区生产总值增长5.5%左右。

2. 城镇新增就业3万人以上。

（一）扩大有效需求。重点抓好：

1. 扩大消费。

2. 扩大投资。

（二）保障和改善民生。

1、稳定就业。

（1）培训2万人次。

（2）新增岗位500个。

2、办好教育。

## 三、民生实事

1. 新增托位2000个。

2. 改造老旧小区120个。

以上民生实事每季度向社会公开办理进度。

## 四、政府自身建设

年底前全部公开办理结果。

***

各位代表！
`

func TestRestartedNumbering(t *testing.T) {
	doc, d := parse(t, workReport)
	if d.HasErrors() {
		t.Fatal(d.Sorted())
	}
	want := "doc-preamble doc-s1 doc-s1-intro doc-1-1 doc-1-2 " +
		"doc-s2 doc-s2-intro doc-s2-intro.1 doc-s2-intro.2 doc-2-1 doc-2-1.1 doc-2-1.2 doc-2-2 doc-2-2.1 doc-2-2.1.1 doc-2-2.1.2 doc-2-2.2 " +
		"doc-s3 doc-3-1 doc-3-2 doc-s3-closing doc-s4 doc-s4-intro doc-closing"
	if got := ids(doc); got != want {
		t.Errorf("ids\ngot  %s\nwant %s", got, want)
	}
	if n := doc.ClauseCount(); n != 6 {
		t.Errorf("clause count %d, want 6 (passages do not count)", n)
	}
	anchors := map[string]string{
		"doc-s1-intro":   "过去一年，经济运行稳中向好。",
		"doc-s2-intro":   "主要预期目标是：1. 地区生产总值增长5.5%左右。2. 城镇新增就业3万人以上。",
		"doc-s2-intro.1": "1. 地区生产总值增长5.5%左右。",
		"doc-2-2.1":      "1、稳定就业。（1）培训2万人次。（2）新增岗位500个。",
		"doc-3-2":        "2. 改造老旧小区120个。",
		"doc-s3-closing": "以上民生实事每季度向社会公开办理进度。",
		"doc-s3":         "1. 新增托位2000个。2. 改造老旧小区120个。以上民生实事每季度向社会公开办理进度。",
		"doc-s4-intro":   "年底前全部公开办理结果。",
		"doc-s4":         "年底前全部公开办理结果。",
		"doc-closing":    "各位代表！",
		"doc-2-2.1.2":    "（2）新增岗位500个。",
		"doc-s2-intro.2": "2. 城镇新增就业3万人以上。",
		"doc-1-1":        "（一）经济稳中有进。",
		"doc-2-1":        "（一）扩大有效需求。重点抓好：1. 扩大消费。2. 扩大投资。",
	}
	for id, want := range anchors {
		if got, ok := doc.Anchor(id); !ok || got != want {
			t.Errorf("Anchor(%q) = %q, %v; want %q", id, got, ok, want)
		}
	}
	labels := map[string]string{"doc-s3": "三、民生实事", "doc-2-2.1.1": "（1）培训2万人次", "doc-s3-closing": "以上民生实事每季度向社会公开办理进度", "doc-preamble": "前言", "doc-x": "doc-x"}
	for id, want := range labels {
		if got := doc.Label(id); got != want {
			t.Errorf("Label(%q) = %q, want %q", id, got, want)
		}
	}
	for _, id := range doc.IDs() {
		if _, ok := doc.Anchor(id); !ok {
			t.Errorf("IDs lists %s, which Anchor does not know", id)
		}
	}
	lead := doc.Sections[2].Clauses[0].Paragraphs[0]
	if string(lead) != "<p><strong class=\"clause-lead\">1. 新增托位2000个。</strong></p>\n" {
		t.Errorf("lead of a \"1. \" clause: %s", lead)
	}
}

func TestDecimalNumbering(t *testing.T) {
	doc, d := parse(t, "## 一、目标\n\n1.1 甲。\n\n1.2 乙。\n\n## 二、任务\n\n2.1 丙。\n\n2.1.1 丁。\n\n2.1.2 戊。\n\n2.2 己。\n")
	if d.HasErrors() {
		t.Fatal(d.Sorted())
	}
	if got, want := ids(doc), "doc-s1 doc-1.1 doc-1.2 doc-s2 doc-2.1 doc-2.1.1 doc-2.1.2 doc-2.2"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// Decimals under numbered clauses nest as written, too.
	doc, d = parse(t, "## 一、目标\n\n1.甲。\n\n1.1 子甲。\n\n1.2 子乙。\n\n2.乙。\n\n2.1 子丙。\n")
	if d.HasErrors() {
		t.Fatal(d.Sorted())
	}
	if got, want := ids(doc), "doc-s1 doc-1 doc-1.1 doc-1.2 doc-2 doc-2.1"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestSectionPassages(t *testing.T) {
	// A paragraph after the last clause of the document's own numbering
	// continues it (the bundled Decision's clause 4); after a list that ends
	// the section it is the section's closing.
	doc, d := parse(t, "## 一、甲\n\n1.基本原则。\n\n——注重民生。\n\n## 二、乙\n\n2.丙。\n\n（一）子一。\n\n（二）子二。\n\n以上各项年底前完成。\n")
	if d.HasErrors() {
		t.Fatal(d.Sorted())
	}
	if got, want := ids(doc), "doc-s1 doc-1 doc-s2 doc-2 doc-2.1 doc-2.2 doc-s2-closing"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got, _ := doc.Anchor("doc-1"); got != "1.基本原则。——注重民生。" {
		t.Errorf("doc-1: %q", got)
	}
	if got, _ := doc.Anchor("doc-2.2"); got != "（二）子二。" {
		t.Errorf("doc-2.2 holds %q: the closing paragraph is the section's", got)
	}
	if c := doc.Sections[1].Clauses[1]; c.Numbered() || c.ID != "doc-s2-closing" || c.Text != "以上各项年底前完成。" {
		t.Errorf("closing passage: %+v", c)
	}
}

func TestClauseStyle(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"first marker decides without other clues",
			"## 一、甲\n\n1.一。\n\n（一）子。\n\n2.二。\n", "doc-s1 doc-1 doc-1.1 doc-2"},
		{"a style seen inside another is not the clauses' style",
			"## 一、甲\n\n引言：\n\n1. 目标一。\n\n（一）甲。\n\n1. 子一。\n\n（二）乙。\n", "doc-s1 doc-s1-intro doc-s1-intro.1 doc-1 doc-1.1 doc-2"},
		{"a list after the opening paragraph, before clauses of another style, is the passage's",
			"## 一、甲\n\n主要目标是：\n\n1. 目标一。\n\n（一）甲。\n\n（二）乙。\n", "doc-s1 doc-s1-intro doc-s1-intro.1 doc-1 doc-2"},
		{"a section numbering only its own list counts from 1",
			"## 一、甲\n\n（一）甲。\n\n（二）乙。\n\n## 二、实事\n\n1. 一。\n\n2. 二。\n\n## 三、丙\n\n（三）丙。\n", "doc-s1 doc-1 doc-2 doc-s2 doc-2-1 doc-2-2 doc-s3 doc-3"},
	}
	for _, tt := range tests {
		doc, d := parse(t, tt.body)
		if d.HasErrors() {
			t.Errorf("%s: %v", tt.name, d.Sorted())
			continue
		}
		if got := ids(doc); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestRestartedNumberingErrors(t *testing.T) {
	tests := []struct{ body, want string }{
		{"## 一、甲\n\n（一）一。\n\n（二）二。\n\n## 二、乙\n\n（一）一。\n\n（三）三。\n\n## 三、丙\n\n（一）一。\n",
			"content/policy/doc.md:15:1: clause （三） comes after clause 1: expected clause 2 (numbers start again in each section)"},
		{"## 一、甲\n\n（一）一。\n\n## 二、乙\n\n（一）一。\n\n## 三、丙\n\n（一）一。\n\n## 四、丁\n\n（二）二。\n",
			"content/policy/doc.md:19:1: clause （二） opens section 4: expected clause 1 (numbers start again in each section)"},
		{"## 一、甲\n\n（一）一。\n\n（二）二。\n\n## 二、乙\n\n（三）三。\n\n## 三、丙\n\n（一）一。\n",
			"content/policy/doc.md:17:1: clause （一） comes after clause 3: expected clause 4 (numbers run on through the whole document; to number each section from 1, start every section at 1)"},
		{"## 一、甲\n\n（一）甲。\n\n## 二、实事\n\n1. 一。\n\n3. 三。\n",
			"content/policy/doc.md:13:1: clause 3. comes after clause 1: expected clause 2 (this section's 1. clauses are numbered from 1)"},
		{"## 一、甲\n\n（二）一。\n", "content/policy/doc.md:7:1: clause （二） is the first clause of the document: expected clause 1"},
		{"## 一、甲\n\n引言。\n\n1. 一。\n\n3. 三。\n\n（一）甲。\n",
			"content/policy/doc.md:11:1: item 3. in the opening paragraphs of section 1: expected item 2"},
		{"## 一、甲\n\n1.一。\n\n（一）子。\n\n（1）孙。\n\n（3）孙。\n",
			"content/policy/doc.md:13:1: item （3） in item （一）: expected item 2"},
	}
	for _, tt := range tests {
		_, d := parse(t, tt.body)
		if err := d.Err(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("body %q:\ngot  %v\nwant %q", tt.body, err, tt.want)
		}
	}
}

func TestIDHint(t *testing.T) {
	doc, d := parse(t, workReport)
	if d.HasErrors() {
		t.Fatal(d.Sorted())
	}
	tests := map[string]string{
		"doc-1.1": "did you mean doc-2-1.1? (see the links on the document's page)",
		"doc-9":   "clause ids look like doc-1-1 … doc-3-2 (see the links on the document's page)",
		"doc-2":   "did you mean doc-1-2 or doc-2-2 or doc-3-2? (see the links on the document's page)",
	}
	for id, want := range tests {
		if got := doc.IDHint(id); got != want {
			t.Errorf("IDHint(%q) = %q, want %q", id, got, want)
		}
	}
	one, _ := parse(t, "## 一、目标\n\n1.甲。\n")
	if got := one.IDHint("doc-9"); got != "clause ids look like doc-1 (see the links on the document's page)" {
		t.Errorf("one clause: %q", got)
	}
	none, _ := parse(t, "## 一、目标\n\n正文。\n")
	if got := none.IDHint("doc-1"); got != "its anchors are doc-s1, doc-s1-intro (see the links on the document's page)" {
		t.Errorf("no clauses: %q", got)
	}
}
