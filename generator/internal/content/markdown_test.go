package content

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"gongkai/generator/internal/diag"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// TestNumberedLinesInPolicyDocuments checks that in a policy document a line
// starting "1. " or "1) " is text — the original's clause marker, kept as
// written and at its line — and starts a paragraph of its own even right
// under another line (items pasted one per line), while other pages keep
// Markdown's ordered lists.
func TestNumberedLinesInPolicyDocuments(t *testing.T) {
	body := "---\ntitle: 报告\n---\n\n1. 地区生产总值增长5.5%左右。\n\n2) 城镇新增就业3万人以上。\n\n- 甲\n- 乙\n\n前文\n3. 另起一段。\n（一）也另起一段，增长\n3.5%的数字不是编号。\n"
	tests := []struct {
		path  string
		kinds []BlockKind
		texts []string
	}{
		{"content/policy/report.md", []BlockKind{Paragraph, Paragraph, Other, Paragraph, Paragraph, Paragraph},
			[]string{"1. 地区生产总值增长5.5%左右。", "2) 城镇新增就业3万人以上。", "", "前文", "3. 另起一段。", "（一）也另起一段，增长3.5%的数字不是编号。"}},
		{"content/policy/_index.md", []BlockKind{Other, Other, Other, Paragraph}, nil},
		{"content/about.md", []BlockKind{Other, Other, Other, Paragraph}, nil},
	}
	for _, tt := range tests {
		var d diag.List
		p := Parse(tt.path, []byte(body), &d)
		blocks := p.Blocks(&d)
		var kinds []BlockKind
		var texts []string
		for _, b := range blocks {
			kinds = append(kinds, b.Kind)
			texts = append(texts, b.Text)
		}
		if !slices.Equal(kinds, tt.kinds) {
			t.Errorf("%s: block kinds %v, want %v", tt.path, kinds, tt.kinds)
			continue
		}
		if tt.texts != nil && strings.Join(texts, "|") != strings.Join(tt.texts, "|") {
			t.Errorf("%s: texts %q, want %q", tt.path, texts, tt.texts)
		}
		if tt.texts != nil {
			if blocks[0].Line != 5 || blocks[1].Line != 7 {
				t.Errorf("%s: lines %d, %d; want 5, 7", tt.path, blocks[0].Line, blocks[1].Line)
			}
			if got := string(blocks[0].HTML); got != "<p>1. 地区生产总值增长5.5%左右。</p>\n" {
				t.Errorf("%s: rendered %q", tt.path, got)
			}
		}
	}
}

// FuzzParserFor: a text parserFor reads without GFM's autolinks renders
// the same with them, for policy documents and other pages alike.
func FuzzParserFor(f *testing.F) {
	for _, seed := range []string{
		"# 标题\n\n正文 *强调* _下划线_ ~删除~ (括号) 联系人：办公室\n\n- 一\n- 二\n",
		"1. 地区生产总值增长5.5%左右。\n2) 第二条\n\n| 年 | 值 |\n|---|---|\n| 2020 | 1 |\n",
		"a *b* (c) ~~d~~ [x](/y/) ![i](/i.png) `code` <b>raw</b>\n- [ ] task\n",
		"见 gd.gov.cn 或 ww.example 或 mail at example.org ，電話 020-1234\n",
		"  * (foo_bar_) ~baz~\n\n> quote (x)\n\n```\nhttp\n```\n",
		"来信请寄 office@gd.gov.cn 办公室\n",
		"网址 www.gd.gov.cn 或 https://www.gd.gov.cn/ (ftp://x.cn)\n",
	} {
		f.Add(seed)
	}
	render := func(p parser.Parser, src []byte) string {
		ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]int{}}))
		var b bytes.Buffer
		if err := markdown.Renderer().Render(&b, src, p.Parse(text.NewReader(src), parser.WithContext(ctx))); err != nil {
			return "error: " + err.Error()
		}
		return b.String()
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // Parse refuses the page
		}
		src := []byte(s)
		for _, numbering := range []bool{false, true} {
			with := markdown.Parser()
			if numbering {
				with = policyMarkdown.Parser()
			}
			p := parserFor(src, numbering)
			if p == with {
				continue
			}
			if got, want := render(p, src), render(with, src); got != want {
				t.Errorf("numbering %v: %q renders\n%s\nwithout autolinks, and with them\n%s", numbering, s, got, want)
			}
		}
	})
}
