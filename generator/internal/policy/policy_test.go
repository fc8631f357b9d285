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
