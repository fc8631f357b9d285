package content

import (
	"slices"
	"strings"
	"testing"

	"gongkai/generator/internal/diag"
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
