package searchindex

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseSynonyms(t *testing.T) {
	got, err := ParseSynonyms("# 简称 = 全称\n低保 = 最低生活保障\n\n 三公 = 三公经费、出国出境，公务接待, 公务用车、 \n低保 = 最低生活保障、低保\n")
	want := Synonyms{"低保": {"最低生活保障"}, "三公": {"三公经费", "出国出境", "公务接待", "公务用车"}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ParseSynonyms = %q, %v; want %q", got, err, want)
	}
	if got, err := ParseSynonyms(""); err != nil || len(got) != 0 {
		t.Errorf("an empty table: %v, %v", got, err)
	}
	for _, bad := range []string{"低保 最低生活保障", "= 最低生活保障", "低保 = 、", "低保 =\n"} {
		if _, err := ParseSynonyms("医保 = 医疗保险\n" + bad); err == nil || !strings.HasPrefix(err.Error(), "line 2: ") {
			t.Errorf("ParseSynonyms(%q): %v, want an error at line 2", bad, err)
		}
	}
}

func TestMergeSynonyms(t *testing.T) {
	theme := Synonyms{"低保": {"最低生活保障"}, "社工": {"社会工作者"}}
	got := theme.Merge(map[string][]string{"低保": {"救助", "最低生活保障"}, "义工": {"志愿者"}})
	want := Synonyms{"低保": {"最低生活保障", "救助"}, "社工": {"社会工作者"}, "义工": {"志愿者"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Merge = %q, want %q", got, want)
	}
	if len(theme["低保"]) != 1 {
		t.Errorf("Merge changed the table it was called on: %q", theme)
	}
}
