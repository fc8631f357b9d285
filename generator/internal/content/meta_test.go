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

// plainSeeds are front matter the fast path takes, or must leave to the
// YAML parser: numbers, dates, booleans and words YAML reads specially,
// signs at the start, comments, colons, quotes, nulls, a key twice.
var plainSeeds = []string{
	"title: 关于加强社会建设的决定\nslug: decision\nweight: 3\n",
	"title: Notice 12\ndate: 2011-07-22\nlastmod: 2011-07-22T09:30:00+08:00\ndraft: false\nmenu: true\n",
	"title: a  b   c   \nsummary: C# and F#, a:b, x - y, 100%\n",
	"title: yes\nsummary: no\nshort_title: on\n",
	"title: 010\nsummary: 0x1F\nissuer: 1e3\ndocument_number: .inf\ndate_note: .5\n",
	"title: null\n", "title: ~\n", "title: Null\n", "title: NULL\n",
	"title: \"quoted\"\n", "title: 'single'\n", "title: - dash\n", "title: [a, b]\n", "title: {a: b}\n",
	"title: a: b\n", "title: a #comment\n", "title: a:\n", "title: &anchor a\n", "title: *alias\n", "title: !!str a\n",
	"title: |\n  block\n", "title: >\n  folded\n", "title: %x\n", "title: @x\n", "title: `x\n", "title: ?x\n", "title: ,x\n",
	"title: a\ntitle: b\n", "# comment\ntitle: a\n", "title: a\n---\nslug: b\n", " title: indented\n", "title:\n",
	"title: a\r\n", "title: a\tb\n", "title: a\n\nslug: b-c\n", "title: x\nslug: Not_A_Slug\n", "title: x\nweight: +3\n",
	"title: x\nunknown: 1\n", "title: x\nsource_url: https://www.gd.gov.cn/a?b=c\n", "title: x\nlanguage: zh-CN\n",
	"title: x\ncompleteness: truncated\ncompleteness_note: 缺第三章\n", "title: =\n", "title: <<\n", "title: x=y\n",
	"title: \u00a0x\n", "title: x\u0085y\n", "title: \ufeffx\n", "title: a\\nb\n", "title: x\nrepost: True\n",
	"title: a\u2028b\n", "title: a\u2029b\n", "title: x\u3000\n", "title: \u3000x\n", "title: a\u00a0#b\n", "title: 通知：第1号\n", "title: x:\u00a0y\n",
}

// TestPlainFrontMatter: front matter the fast path decodes comes out as
// the YAML parser decodes it, and it takes the simple lines most front
// matter has.
func TestPlainFrontMatter(t *testing.T) {
	taken := 0
	for _, fm := range plainSeeds {
		if samePlain(t, fm) {
			taken++
		}
	}
	if taken < 5 {
		t.Errorf("the fast path took %d of %d seeds", taken, len(plainSeeds))
	}
	if _, ok := decodePlain([]byte(plainSeeds[0])); !ok {
		t.Errorf("the fast path does not take %q", plainSeeds[0])
	}
}

// samePlain fails the test if the fast path decodes fm otherwise than the
// YAML parser, and reports whether it took it.
func samePlain(t *testing.T, fm string) bool {
	t.Helper()
	if line, _ := flowTooDeep([]byte(fm), maxFlowDepth); line > 0 {
		return false // refused before either is asked
	}
	m, ok := decodePlain([]byte(fm))
	if !ok {
		return false
	}
	want, errs := decodeYAML([]byte(fm))
	if len(errs) > 0 {
		t.Fatalf("the fast path decoded %q, which the YAML parser refuses: %s", fm, errs[0].Msg)
	}
	if m != want {
		t.Fatalf("the fast path decoded %q as\n%+v\nthe YAML parser as\n%+v", fm, m, want)
	}
	return true
}

func FuzzPlainFrontMatter(f *testing.F) {
	for _, s := range plainSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, fm string) {
		samePlain(t, fm)
	})
}
