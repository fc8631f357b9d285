package data

import (
	"testing"

	"gongkai/generator/internal/data/value"
)

// FuzzFastNumber checks fastNumber against value.ParseNumber: whenever the
// fast path accepts a cell, the general parser reads the same exact decimal
// and the same float, with no unit.
func FuzzFastNumber(f *testing.F) {
	for _, s := range []string{"1,234.56", "1,000.50", "2,000.00", "0", "-12", "007", "12.50", "1,23", "123,456,789.123", "-0", ".5", "1e3", "1.2.3", "9999999999999999"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, europe bool) {
		nf := value.NumberFormat{Group: ",", Decimal: "."}
		group, dec := byte(','), byte('.')
		if europe {
			nf, group, dec = value.NumberFormat{Group: ".", Decimal: ","}, '.', ','
		}
		text, fl, ok := fastNumber(s, group, dec)
		if !ok {
			return
		}
		n, err := value.ParseNumber(s, nf)
		if err != nil {
			t.Fatalf("fastNumber(%q) = %q, but ParseNumber fails: %v", s, text, err)
		}
		if n.Decimal != text || n.Float != fl || n.Suffix != "" {
			t.Fatalf("fastNumber(%q) = %q %v; ParseNumber = %q %v %q", s, text, fl, n.Decimal, n.Float, n.Suffix)
		}
		// The validating read's form: the text as written, less what the
		// cell's value leaves out.
		kept, fl2, grouped, ok := fastNumberIn(s, &nf)
		c := Cell{Text: kept, grouped: grouped}
		if !ok || c.value() != text || fl2 != fl {
			t.Fatalf("fastNumberIn(%q) = %q (grouped %q) %v %v; want %q %v", s, kept, grouped, fl2, ok, text, fl)
		}
	})
}

func TestFastNumber(t *testing.T) {
	tests := []struct {
		in   string
		text string
		ok   bool
	}{
		{"1,234.56", "1234.56", true}, {"12000", "12000", true}, {"-3.5", "-3.5", true}, {"0", "0", true},
		{"0.25", "0.25", true}, {"1,234,567", "1234567", true},
		{"007", "", false}, {"12.50", "12.5", true}, {"1,000.00", "1000", true}, {"0.0", "0", true}, {"-0.50", "-0.5", true}, {"-0.00", "", false}, {"1,23", "", false}, {"12,5", "", false}, {"-0", "", false},
		{"1e3", "", false}, {"45%", "", false}, {"", "", false}, {"1234567890123456", "", false},
	}
	for _, tt := range tests {
		text, _, ok := fastNumber(tt.in, ',', '.')
		if ok != tt.ok || text != tt.text {
			t.Errorf("fastNumber(%q) = %q, %v; want %q, %v", tt.in, text, ok, tt.text, tt.ok)
		}
	}
}
