package value

import "testing"

func TestPeriodLabels(t *testing.T) {
	tests := []struct{ in, zh, en string }{
		{"2025", "2025年", "2025"},
		{"2025-H1", "2025年上半年", "H1 2025"},
		{"2025-H2", "2025年下半年", "H2 2025"},
		{"2025Q3", "2025年第三季度", "Q3 2025"},
		{"2025-09", "2025年9月", "September 2025"},
		{"2025年1—9月", "2025年1—9月", "January–September 2025"},
		{"2025-09-30", "2025年9月30日", "30 September 2025"},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Label(); got != tt.zh {
			t.Errorf("%s: Label %q, want %q", tt.in, got, tt.zh)
		}
		for _, lang := range []string{"", "zh-CN", "zh"} {
			if got := p.LabelIn(lang); got != tt.zh {
				t.Errorf("%s: LabelIn(%q) %q, want %q", tt.in, lang, got, tt.zh)
			}
		}
		for _, lang := range []string{"en", "en-GB", "EN"} {
			if got := p.LabelIn(lang); got != tt.en {
				t.Errorf("%s: LabelIn(%q) %q, want %q", tt.in, lang, got, tt.en)
			}
		}
	}
}
