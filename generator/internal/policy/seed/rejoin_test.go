package seed

import (
	"reflect"
	"strings"
	"testing"
)

func TestRejoin(t *testing.T) {
	tests := []struct {
		name     string
		in, want []string
	}{
		{"mid-sentence joined",
			[]string{"构建经济发展与扩大就业、产业转型升级", "与劳动者素质提升相互促进的机制。"},
			[]string{"构建经济发展与扩大就业、产业转型升级与劳动者素质提升相互促进的机制。"}},
		{"short tail joined",
			[]string{"6、推进事业单位改革。实行信息全面公", "开。", "三、创新社区和社会组织管理体制,增强社会自治功能"},
			[]string{"6、推进事业单位改革。实行信息全面公开。", "三、创新社区和社会组织管理体制,增强社会自治功能"}},
		{"heading not joined",
			[]string{"一、加强社会建设的重大意义和总体要求", "1.重大意义。社会建设是……。"},
			[]string{"一、加强社会建设的重大意义和总体要求", "1.重大意义。社会建设是……。"}},
		{"never joined onto a heading",
			[]string{"断在中间", "二、加快发展社会事业,着力保障改善民生"},
			[]string{"断在中间", "二、加快发展社会事业,着力保障改善民生"}},
		{"continuation starting with 一 is not a heading",
			[]string{"坚持改革创新与依法行政有机统", "一,通过先试点后推广的方式。"},
			[]string{"坚持改革创新与依法行政有机统一,通过先试点后推广的方式。"}},
		{"terminated not joined",
			[]string{"4.基本原则。", "——注重民生、服务为先。"},
			[]string{"4.基本原则。", "——注重民生、服务为先。"}},
		{"ascii terminal before repair",
			[]string{"对符合条件的;", "一律送院;", "如下:", "是否?", "好!"},
			[]string{"对符合条件的;", "一律送院;", "如下:", "是否?", "好!"}},
		{"closing quote terminal",
			[]string{"构建“社工引领志愿者”", "下一段。"},
			[]string{"构建“社工引领志愿者”", "下一段。"}},
		{"three pages", []string{"甲", "乙", "丙。"}, []string{"甲乙丙。"}},
		{"last paragraph unterminated kept", []string{"完整。", "残缺"}, []string{"完整。", "残缺"}},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Rejoin(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Rejoin(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestRejoinSource lists every join made in the real source and checks that
// none involves a heading and that each joined paragraph ends terminated.
func TestRejoinSource(t *testing.T) {
	joins := 0
	for _, d := range splitSource(t) {
		out := Rejoin(d.Paragraphs)
		if strings.Join(out, "") != strings.Join(d.Paragraphs, "") {
			t.Errorf("%s: Rejoin lost or added text", d.Slug)
		}
		i := 0
		for _, p := range out {
			var parts []string
			for rest := p; rest != ""; i++ {
				parts = append(parts, d.Paragraphs[i])
				rest = strings.TrimPrefix(rest, d.Paragraphs[i])
			}
			for k := 1; k < len(parts); k++ {
				joins++
				l, r := []rune(parts[k-1]), []rune(parts[k])
				t.Logf("join %2d %-20s …%s | %s…", joins, d.Slug, string(l[max(0, len(l)-8):]), string(r[:min(8, len(r))]))
				if IsHeading(parts[k-1]) || IsHeading(parts[k]) {
					t.Errorf("%s: join involves a heading: %q + %q", d.Slug, parts[k-1], parts[k])
				}
			}
			if len(parts) > 1 && !terminated(p) {
				t.Errorf("%s: joined paragraph still unterminated: %q", d.Slug, p)
			}
		}
	}
	if joins != 37 {
		t.Errorf("got %d joins, want 37", joins)
	}
}
