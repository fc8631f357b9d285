package seed

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

func splitSource(t *testing.T) []Document {
	t.Helper()
	docs, err := Split(string(Source()))
	if err != nil {
		t.Fatalf("Split: %v", err)
	}
	return docs
}

func TestSourceIsTheScrape(t *testing.T) {
	sum := sha256.Sum256(Source())
	if got := hex.EncodeToString(sum[:]); got != "fe3cf3983e7c4fdd9461c255d09de97616b066e762ebcd46c1e6314b4d9b3cbb" {
		t.Errorf("embedded source sha256 = %s", got)
	}
}

func TestSplit(t *testing.T) {
	docs := splitSource(t)
	want := []struct {
		slug, title  string
		page         int
		completeness string
		number       string
	}{
		{"decision", "中共广东省委 广东省人民政府关于加强社会建设的决定", 2, Complete, "粤发〔2011〕17号"},
		{"service-government", "关于加快推进社会体制改革建设服务型政府的实施意见", 20, Complete, ""},
		{"social-organizations", "关于加强社会组织管理的实施意见", 26, Complete, ""},
		{"population", "关于加强我省人口服务和管理的实施意见", 31, Complete, ""},
		{"social-work-talent", "关于加强社会工作人才队伍建设的实施意见", 36, Complete, ""},
		{"informatization", "关于加强社会建设信息化的实施意见", 42, Complete, ""},
		{"community-committees", "关于加强城市社区居民委员会规范化建设的实施意见", 48, Truncated, ""},
		{"village-committees", "关于加强和改进村民委员会建设的实施意见", 54, Missing, ""},
	}
	if len(docs) != len(want) {
		t.Fatalf("Split found %d documents, want %d", len(docs), len(want))
	}
	withText := 0
	for i, w := range want {
		d := docs[i]
		if d.Slug != w.slug || d.Title != w.title || d.TOCPage != w.page || d.Weight != i+1 ||
			d.Completeness() != w.completeness || d.DocumentNumber != w.number {
			t.Errorf("document %d = {%s %q page %d weight %d %s %q}, want {%s %q page %d weight %d %s %q}",
				i+1, d.Slug, d.Title, d.TOCPage, d.Weight, d.Completeness(), d.DocumentNumber,
				w.slug, w.title, w.page, i+1, w.completeness, w.number)
		}
		if len(d.Paragraphs) > 0 {
			withText++
		}
	}
	if withText != 7 {
		t.Errorf("%d documents have text, want 7", withText)
	}
	// First and last paragraphs pin the boundaries.
	if p := docs[0].Paragraphs[0]; !strings.HasPrefix(p, "为深入贯彻党的十七大") {
		t.Errorf("decision starts with %q", p)
	}
	if p := docs[6].Paragraphs[len(docs[6].Paragraphs)-1]; !strings.HasPrefix(p, "(十一)加强社区居委会工作人员培训。") {
		t.Errorf("community-committees ends with %q", p)
	}
	if p := docs[1].Paragraphs[len(docs[1].Paragraphs)-1]; !strings.HasPrefix(p, "本《实施意见》") {
		t.Errorf("service-government ends with %q", p)
	}
}

// TestSplitNoLeaks checks that no header, contents or footer text reaches a document.
func TestSplitNoLeaks(t *testing.T) {
	leaks := []string{"更新时间", "阅读量", "说明:", "文档下载", "“1+7”政策体系", "……", "本文来源", "bwwdw", "http"}
	docs := splitSource(t)
	for _, d := range docs {
		for i, p := range d.Paragraphs {
			for _, l := range leaks {
				if strings.Contains(p, l) {
					t.Errorf("%s paragraph %d contains %q: %q", d.Slug, i, l, p)
				}
			}
			if p == "Top" {
				t.Errorf("%s paragraph %d is the footer's Top", d.Slug, i)
			}
			if titleIndex(docs, p) >= 0 {
				t.Errorf("%s paragraph %d is a document title: %q", d.Slug, i, p)
			}
		}
	}
}

func TestSplitErrors(t *testing.T) {
	src := string(Source())
	tests := []struct {
		name string
		src  string
	}{
		{"empty", ""},
		{"crlf", strings.ReplaceAll(src, "\n", "\r\n")},
		{"bom", "\uFEFF" + src},
		{"no header", src[strings.Index(src, "中共广东省委 广东省人民政府关于加强社会建设的决定……"):]},
		{"no footer", src[:strings.Index(src, "本文来源")]},
		{"other footer", strings.Replace(src, "a1sw.html", "other.html", 1)},
		{"toc entry missing", strings.Replace(src, "关于加强社会组织管理的实施意见……………………………26 ", "", 1)},
		{"toc title changed", strings.Replace(src, "关于加强社会组织管理的实施意见………", "关于加强社会组织的实施意见………", 1)},
		{"title out of order", strings.Replace(src, "\n关于加强社会组织管理的实施意见\n", "\n关于加强社会组织管理的实施意见\n\n中共广东省委 广东省人民政府关于加强社会建设的决定\n", 1)},
		{"document missing in the middle", strings.Replace(src, "\n关于加强社会组织管理的实施意见\n", "\n", 1)},
		{"text before first title", strings.Replace(src, "\n中共广东省委 广东省人民政府关于加强社会建设的决定\n", "\n前言。\n\n中共广东省委 广东省人民政府关于加强社会建设的决定\n", 1)},
		{"multi-line paragraph", strings.Replace(src, "作如下决定。\n\n一、", "作如下决定。\n一、", 1)},
		{"invalid utf-8", src + "\xff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.src == src {
				t.Fatal("mutation did not change the source")
			}
			if _, err := Split(tt.src); err == nil {
				t.Error("Split succeeded, want error")
			}
		})
	}
}
