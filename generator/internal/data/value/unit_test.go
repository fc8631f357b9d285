package value

import "testing"

func TestScale(t *testing.T) {
	tests := []struct {
		dec, from, to string
		want          string
		ok            bool
	}{
		{"3.5", "亿元", "万元", "35000", true},
		{"12", "万", "", "120000", true},
		{"12", "万元", "元", "120000", true},
		{"120000", "元", "万元", "12", true},
		{"1234.5", "元", "万元", "0.12345", true},
		{"1", "元", "亿元", "0.00000001", true},
		{"-3.5", "亿元", "万元", "-35000", true},
		{"0.5", "万亿元", "亿元", "5000", true},
		{"7", "千元", "万元", "0.7", true},
		{"2", "百万元", "万元", "200", true},
		{"3.5", "亿", "元", "350000000", true},
		{"12", "万", "人", "120000", true},
		{"1.5", "万人", "人", "15000", true},
		{"2", "万人次", "人次", "20000", true},
		{"3", "万个", "个", "30000", true},
		{"4", "万户", "户", "40000", true},
		{"5", "万件", "件", "50000", true},
		{"45", "%", "", "0.45", true},
		{"45", "%", "‰", "450", true},
		{"12.50", "元", "元", "12.5", true},
		{"007", "元", "元", "7", true},
		{".5", "万", "", "5000", true},
		{"-0.0001", "元", "万元", "-0.00000001", true},
		{"-0", "万元", "元", "0", true},
		{"99999999999999999999.99", "亿元", "元", "9999999999999999999999000000", true},

		{"1", "万元", "人", "", false},
		{"1", "人", "户", "", false},
		{"1", "%", "元", "", false},
		{"1", "美元", "元", "", false},
		{"1", "元", "公斤", "", false},
		{"1,234", "元", "万元", "", false},
		{"1e3", "元", "万元", "", false},
		{"", "元", "万元", "", false},
		{"5.", "元", "万元", "", false},
		{"-", "元", "万元", "", false},
		{"1.2.3", "元", "万元", "", false},
	}
	for _, tt := range tests {
		got, ok := Scale(tt.dec, tt.from, tt.to)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Scale(%q, %q, %q) = %q, %v; want %q, %v", tt.dec, tt.from, tt.to, got, ok, tt.want, tt.ok)
		}
	}
}

// TestScaleRoundTrip checks that scaling there and back gives the
// canonical value.
func TestScaleRoundTrip(t *testing.T) {
	units := []string{"", "万", "亿", "元", "千元", "万元", "百万元", "亿元", "万亿元"}
	for _, dec := range []string{"0", "1", "-1", "3.5", "0.001", "123456789.987654321"} {
		for _, a := range units {
			for _, b := range units {
				there, ok1 := Scale(dec, a, b)
				back, ok2 := Scale(there, b, a)
				if !ok1 || !ok2 || back != dec {
					t.Errorf("Scale(%q, %q, %q) = %q; back = %q", dec, a, b, there, back)
				}
			}
		}
	}
}

func TestUnitFromHeader(t *testing.T) {
	tests := []struct {
		h, name, unit string
	}{
		{"金额(万元)", "金额", "万元"},
		{"金额（万元）", "金额", "万元"},
		{"人数（人）", "人数", "人"},
		{"比例(%)", "比例", "%"},
		{"比例（％）", "比例", "%"},
		{"金额 (万元) ", "金额", "万元"},
		{"金额（单位：万元）", "金额", "万元"},
		{"金额(单位:万元)", "金额", "万元"},
		{"金额(万元）", "金额", "万元"},
		{"预算数(2013年)", "预算数", "2013年"},
		{"支出(一般)(万元)", "支出(一般)", "万元"},
		{"金额", "金额", ""},
		{"金额(万元)合计", "金额(万元)合计", ""},
		{"(万元)", "(万元)", ""},
		{"金额()", "金额()", ""},
		{"金额(万(元))", "金额(万(元))", ""},
		{"金额)", "金额)", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		name, unit := UnitFromHeader(tt.h)
		if name != tt.name || unit != tt.unit {
			t.Errorf("UnitFromHeader(%q) = %q, %q; want %q, %q", tt.h, name, unit, tt.name, tt.unit)
		}
	}
}
