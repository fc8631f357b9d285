package value

import (
	"errors"
	"strings"
	"testing"
)

// publishedCodes are 统一社会信用代码 printed on business licences and in
// public records; 91350100M000100Y43 is the example most often cited.
var publishedCodes = []string{
	"91350100M000100Y43",
	"911100001000079554",
	"91330100799655058B",
	"9144030071526726XG",
	"91110000802100433B",
	"91310000MA1FL1MMXL",
	"91110108551385082Q",
}

// TestUSCCStandard checks the alphabet and weights against their definition
// in GB 32100-2015: 31 characters (digits and capitals without I, O, S, V,
// Z), and weight i = 3^i mod 31.
func TestUSCCStandard(t *testing.T) {
	var want []byte
	for c := byte('0'); c <= '9'; c++ {
		want = append(want, c)
	}
	for c := byte('A'); c <= 'Z'; c++ {
		if !strings.ContainsRune("IOSVZ", rune(c)) {
			want = append(want, c)
		}
	}
	if string(want) != usccAlphabet || len(usccAlphabet) != 31 {
		t.Errorf("alphabet %q, want %q", usccAlphabet, want)
	}
	// The check character of 91350100M000100Y4? worked by hand: the values
	// are 9 1 3 5 0 1 0 0 21 0 0 0 1 0 0 30 4, and with weights 3^i mod 31
	// the sum is 9·1 + 1·3 + 3·9 + 5·27 + 0 + 1·26 + 0 + 0 + 21·20 + 0 + 0
	// + 0 + 1·8 + 0 + 0 + 30·30 + 4·28 = 1640; 1640 mod 31 = 28; 31 - 28 = 3.
	w := 1
	sum := 0
	for _, c := range "91350100M000100Y4" {
		sum += strings.IndexRune(usccAlphabet, c) * w
		w = w * 3 % 31
	}
	if sum != 1640 || 31-sum%31 != 3 {
		t.Errorf("worked example: sum %d, check %d; want 1640, 3", sum, 31-sum%31)
	}
	for _, code := range publishedCodes {
		if err := CheckUSCC(code); err != nil {
			t.Errorf("CheckUSCC(%q) = %v, want nil", code, err)
		}
	}
}

// TestUSCCMutations checks that every single-character change to a
// published code, and every swap of two different neighbours among the
// first 17, is caught: 31 is prime and no weight is 0, so the standard
// promises this.
func TestUSCCMutations(t *testing.T) {
	for _, code := range publishedCodes {
		for i := range code {
			for _, c := range usccAlphabet {
				if byte(c) == code[i] {
					continue
				}
				m := code[:i] + string(c) + code[i+1:]
				if CheckUSCC(m) == nil {
					t.Errorf("CheckUSCC(%q) = nil for a changed character %d of %s", m, i+1, code)
				}
			}
			if i+1 < usccLen-1 && code[i] != code[i+1] {
				m := code[:i] + code[i+1:i+2] + code[i:i+1] + code[i+2:]
				if CheckUSCC(m) == nil {
					t.Errorf("CheckUSCC(%q) = nil for swapped characters %d and %d of %s", m, i+1, i+2, code)
				}
			}
		}
	}
}

func TestCheckUSCCErrors(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		msg    string
	}{
		{"91350100M000100Y44", 17, `"91350100M000100Y44" is not a valid 统一社会信用代码: check character is "4" but should be "3": the code has a typo`},
		{"91350100M000100Y53", 17, `check character is "3" but should be "6"`},
		{"911100001000079555", 17, `check character is "5" but should be "4"`},
		{"91350100m000100Y43", 8, `"m" at position 9 is a lowercase letter: these codes use capital letters, so write "M"`},
		{"91350100O000100Y43", 8, `"O" at position 9 is never used in these codes (they have no I, O, S, V or Z): check whether it should be "0"`},
		{"9135010IM000100Y43", 7, `check whether it should be "1"`},
		{"91350100M000100V43", 15, `"V" at position 16 is never used`},
		{"91350100M000100Y4-", 17, `"-" at position 18 is not allowed: these codes have only digits and capital letters`},
		{"91350100Ｍ000100Y43", 8, `is a full-width character: type it in half-width (半角) as "M"`},
		{"9135 0100M000100Y43", 4, "space or an invisible character at position 5"},
		{"91350100M000100Y4", 17, `"91350100M000100Y4" has 17 characters, but a 统一社会信用代码 has 18`},
		{"91350100M000100Y433", 18, "has 19 characters"},
		{"110108000000016", 15, "old business registration number"},
		{"9.11100001000079E+17", 0, "Excel turned into a number in scientific notation"},
		{"", 0, "the code is empty"},
		{"  ", 0, "the code is empty"},
		{"\t91350100M000100Y44", 18, "check character"},
		{"91350100M000100Y4\xff", 17, "not valid UTF-8"},
	}
	for _, tt := range tests {
		err := CheckUSCC(tt.in)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("CheckUSCC(%q) = %v, want an *Error", tt.in, err)
			continue
		}
		if !strings.Contains(e.Msg, tt.msg) || e.Offset != tt.offset {
			t.Errorf("CheckUSCC(%q) error at %d:\n  %s\nwant at %d:\n  %s", tt.in, e.Offset, e.Msg, tt.offset, tt.msg)
		}
	}
	if err := CheckUSCC("  91350100M000100Y43\u3000"); err != nil {
		t.Errorf("surrounding spaces: %v", err)
	}
}
