package content

import (
	"strings"
	"testing"
)

func TestDecodeMeta(t *testing.T) {
	m, errs := DecodeMeta([]byte("title: no\nslug: a-b\nweight: 3\nsummary: 1.10\nsource_url: https://example.org/x\ncompleteness: truncated\n"))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	want := Meta{Title: "no", Slug: "a-b", Weight: 3, Summary: "1.10", SourceURL: "https://example.org/x", Completeness: "truncated"}
	if m != want {
		t.Errorf("got %+v\nwant %+v", m, want)
	}
}

func TestDecodeMetaProvenance(t *testing.T) {
	m, errs := DecodeMeta([]byte("title: 决定\ndate: 2011-07-01\nissuer: 中共广东省委 广东省人民政府\nrepost: true\n"))
	if len(errs) != 0 || m.Date != "2011-07-01" || m.Issuer != "中共广东省委 广东省人民政府" || !m.Repost {
		t.Errorf("got %+v %v", m, errs)
	}
	if m, _ := DecodeMeta([]byte("title: a\n")); m.Repost {
		t.Error("a text is the official original unless it says repost: true")
	}
}

func TestDecodeMetaQuotedAndBlock(t *testing.T) {
	m, errs := DecodeMeta([]byte("title: \"第一: 总则\"\nsummary: >\n  两行\n  文字\n"))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if m.Title != "第一: 总则" || m.Summary != "两行 文字" {
		t.Errorf("got %+v", m)
	}
}

func TestDecodeMetaErrors(t *testing.T) {
	tests := []struct {
		src       string
		line, col int
		contains  string
	}{
		{"title: a\nweight: 010\n", 2, 9, "whole number"},
		{"title: a\nweight: 1.5\n", 2, 9, "whole number"},
		{"title: a\ncolour: red\n", 2, 1, `unknown front matter key "colour"`},
		{"title: a\ntitle: b\n", 2, 1, "given twice"},
		{"title: [a, b]\n", 1, 8, "single line of text"},
		{"title: a\nslug: About Us\n", 2, 7, "lowercase"},
		{"title: a\nrepost: yes\n", 2, 9, "repost must be true"},
		{"title: a\ndate: 2011-7-1\n", 2, 7, "written like 2011-07-22"},
		{"title: a\nsource_url: javascript:alert(1)\n", 2, 13, "http"},
		{"title: a\ncompleteness: partly\n", 2, 15, "complete, truncated, missing"},
		{"title: a\n  bad: indent\n", 1, 8, "not valid YAML"},
		{"- a\n- b\n", 1, 1, "key: value"},
	}
	for _, tt := range tests {
		_, errs := DecodeMeta([]byte(tt.src))
		if len(errs) == 0 {
			t.Errorf("%q: no error", tt.src)
			continue
		}
		e := errs[0]
		if e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Msg, tt.contains) {
			t.Errorf("%q: got %d:%d %q, want %d:%d containing %q", tt.src, e.Line, e.Col, e.Msg, tt.line, tt.col, tt.contains)
		}
	}
}

func TestDecodeMetaReportsEveryError(t *testing.T) {
	_, errs := DecodeMeta([]byte("colour: red\nweight: x\nsize: 3\n"))
	if len(errs) != 3 {
		t.Fatalf("got %d errors, want 3: %v", len(errs), errs)
	}
}
