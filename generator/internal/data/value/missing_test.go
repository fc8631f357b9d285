package value

import "testing"

func TestIsMissing(t *testing.T) {
	declared := []string{"NA", "N/A", "NULL", "-", "—", "."}
	tests := []struct {
		in     string
		tokens []string
		want   bool
	}{
		{"", nil, true},
		{"   ", nil, true},
		{"\u00a0\u3000\t", nil, true},
		{"NA", nil, false},
		{"-", nil, false},
		{"—", nil, false},
		{".", nil, false},
		{"0", declared, false},
		{"NA", declared, true},
		{" N/A ", declared, true},
		{"NULL", declared, true},
		{"null", declared, false},
		{"-", declared, true},
		{"—", declared, true},
		{".", declared, true},
		{"NA.", declared, false},
		{"x", []string{" x "}, true},
		{"x", []string{""}, false},
	}
	for _, tt := range tests {
		if got := IsMissing(tt.in, tt.tokens); got != tt.want {
			t.Errorf("IsMissing(%q, %q) = %v, want %v", tt.in, tt.tokens, got, tt.want)
		}
	}
}

func TestNormalizeCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0123", "0123"},
		{" 0123 ", "0123"},
		{"\u00a0001\u3000", "001"},
		{"00003", "00003"},
		{"2130101", "2130101"},
		{"ab c", "ab c"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeCode(tt.in); got != tt.want {
			t.Errorf("NormalizeCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
