package seed

import "testing"

func TestRepair(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Rule 1: 臵 → 置.
		{"zhi", "优先位臵,实施", "优先位置，实施"},
		{"zhi alone", "臵", "置"},
		// Rule 2: ?2011? in document numbers → 〔2011〕.
		{"doc number", "(粤发?2011?17号)精神", "（粤发〔2011〕17号）精神"},
		{"doc number central", "(中发?2011?11号),加强", "（中发〔2011〕11号），加强"},
		{"doc number bare", "按照粤发?2011?17号文", "按照粤发〔2011〕17号文"},
		{"not doc number without 号", "发?2011?17", "发？2011?17"},
		{"not doc number without han", "x?2011?17号", "x?2011?17号"},
		// Rule 4: ASCII punctuation next to Chinese.
		{"comma", "社会建设,创新", "社会建设，创新"},
		{"semicolon", "早发多发;特别是", "早发多发；特别是"},
		{"colon", "如下:一是", "如下：一是"},
		{"parens", "县(市、区)", "县（市、区）"},
		{"question", "是否?", "是否？"},
		{"bang", "好!", "好！"},
		{"after closing quote", "“一站式”,集中", "“一站式”，集中"},
		{"before book title", "落实,《广东省》", "落实，《广东省》"},
		{"after percent", "90%;探索", "90%；探索"},
		{"chinese group", "(2011-2020年)", "（2011-2020年）"},
		{"chinese group in context", "规划(2011-2020年)》(暂名)", "规划（2011-2020年）》（暂名）"},
		{"ascii group", "(2011-2020)", "(2011-2020)"},
		{"ascii comma", "1,000", "1,000"},
		{"ascii colon", "01:48:01", "01:48:01"},
		// Left alone.
		{"decimal", "达76.8岁", "达76.8岁"},
		{"clause marker", "1.重大意义。", "1.重大意义。"},
		{"plus", "“1+7”政策", "“1+7”政策"},
		{"plus social work", "“社工+志愿者”模式", "“社工+志愿者”模式"},
		{"hyphen", "“市-区-社区”", "“市-区-社区”"},
		{"percent", "达到70%,无线", "达到70%，无线"},
		{"url", "本文来源:https://www.bwwdw.com/article/a1sw.html", "本文来源：https://www.bwwdw.com/article/a1sw.html"},
		{"url with punctuation", "见https://x.cn/a?b=1,2;c:(d)!", "见https://x.cn/a?b=1,2;c:(d)!"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Repair(tt.in); got != tt.want {
				t.Errorf("Repair(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// allowed maps each rune Repair may change to the runes it may become.
var allowed = map[rune]string{
	'臵': "置",
	',': "，",
	';': "；",
	':': "：",
	'(': "（",
	')': "）",
	'?': "？〔〕",
	'!': "！",
}

// TestRepairChangesOnlyAllowedRunes walks every repaired string of the real
// source rune by rune: a rune may differ only if it is one of 臵 , ; : ( ) ? !
// and becomes its allowed replacement.
func TestRepairChangesOnlyAllowedRunes(t *testing.T) {
	docs := splitSource(t)
	counts := map[string]int{}
	for _, d := range docs {
		ins := append([]string{d.Title}, d.Paragraphs...)
		ins = append(ins, Rejoin(d.Paragraphs)...)
		for _, in := range ins {
			out := Repair(in)
			a, b := []rune(in), []rune(out)
			if len(a) != len(b) {
				t.Fatalf("%s: Repair changed rune count %d → %d in %q", d.Slug, len(a), len(b), in)
			}
			for i := range a {
				if a[i] == b[i] {
					continue
				}
				ok := false
				for _, r := range allowed[a[i]] {
					ok = ok || r == b[i]
				}
				if !ok {
					t.Errorf("%s: rune %d %q became %q in %q", d.Slug, i, a[i], b[i], in)
				}
			}
		}
		for _, p := range append([]string{d.Title}, d.Paragraphs...) {
			a, b := []rune(p), []rune(Repair(p))
			for i := range a {
				if a[i] != b[i] {
					counts[string(a[i])+"→"+string(b[i])]++
				}
			}
		}
	}
	t.Logf("repairs over titles and paragraphs: %v", counts)
	want := map[string]int{"臵→置": 30, "?→〔": 8, "?→〕": 8}
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("%s repairs = %d, want %d", k, counts[k], n)
		}
	}
	if counts["?→？"] != 0 || counts["!→！"] != 0 {
		t.Errorf("unexpected ？/！ repairs: %v", counts)
	}
}
