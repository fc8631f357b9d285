package config

import (
	"reflect"
	"testing"
)

func TestPublisherSettings(t *testing.T) {
	cfg, ds := Parse([]byte(`title = "某市政务公开"
[publisher]
sponsor = "某市人民政府办公室"
icp = "粤ICP备12345678号"
error_report = "jiucuo@example.gov.cn"
feedback = "/feedback/"
[footer]
text = "见[关于本站](/about/#fixes)。"
`))
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	p := cfg.Publisher
	if p.Sponsor != "某市人民政府办公室" || p.ICP != "粤ICP备12345678号" || p.ICPURL != "https://beian.miit.gov.cn/" {
		t.Errorf("publisher %+v: want the sponsor, the ICP number and the MIIT site by default", p)
	}
	if got := ContactHref(p.ErrorReport); got != "mailto:jiucuo@example.gov.cn" {
		t.Errorf("error_report links to %q", got)
	}
	if got := ContactHref(p.Feedback); got != "/feedback/" {
		t.Errorf("feedback links to %q", got)
	}
	if cfg.Footer.Text != "见[关于本站](/about/#fixes)。" {
		t.Errorf("footer text %q", cfg.Footer.Text)
	}
}

func TestSegments(t *testing.T) {
	tests := []struct {
		text string
		want []Segment
	}{
		{"没有链接。", []Segment{{Text: "没有链接。"}}},
		{"见[关于本站](/about/#text-repairs)。", []Segment{{Text: "见"}, {Text: "关于本站", Href: "/about/#text-repairs"}, {Text: "。"}}},
		{"[维基](https://zh.wikipedia.org/wiki/A_(B))", []Segment{{Text: "维基", Href: "https://zh.wikipedia.org/wiki/A_(B)"}}},
		{"[a](/x/)[b](/y/)", []Segment{{Text: "a", Href: "/x/"}, {Text: "b", Href: "/y/"}}},
	}
	for _, tt := range tests {
		if got := Segments(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

func TestPortalSettingErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"[publisher]\nname = \"x\"\nsponser = \"y\"\n", `site.toml:3:1: unknown setting "publisher.sponser"`},
		{"[publisher]\nicp = \"粤ICP备1号\"\nicp_url = \"beian.miit.gov.cn\"\n", `site.toml:3:1: publisher icp_url "beian.miit.gov.cn" must be an http:// or https:// address`},
		{"[publisher]\npublic_security = \"粤公网安备 1号\"\npublic_security_url = \"ftp://x\"\n", `site.toml:3:1: publisher public_security_url "ftp://x" must be`},
		{"[publisher]\nfeedback = \"写信给我们\"\n", `site.toml:2:1: publisher feedback "写信给我们" must be an email address`},
		{"[publisher]\nerror_report = \"//evil.example/\"\n", `site.toml:2:1: publisher error_report "//evil.example/" must be`},
		{"[footer]\ntext = \"[x](javascript:alert(1))\"\n", `site.toml:2:1: footer.text: link [x](javascript:alert(1)) must go to a page of the site`},
		{"[policy]\nrepost_note = \"[x](x.html)\"\n", `site.toml:2:1: policy.repost_note: link [x](x.html) must go`},
		{"[search]\nhint = \"x\"\n", `site.toml:2:1: unknown setting "search.hint"`},
		// The licence's url is found in [license], not in another table before it.
		{"[publisher]\nicp = \"粤ICP备1号\"\nicp_url = \"https://beian.miit.gov.cn/\"\n[license]\nname = \"x\"\nurl = \"cc\"\n", `site.toml:6:1: license url "cc"`},
	}
	checkErrors(t, tests)
}
