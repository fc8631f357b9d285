package seed

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func markdownFiles(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, d := range splitSource(t) {
		files[d.Slug] = string(Markdown(d))
	}
	return files
}

// frontMatter splits a content file into its front-matter lines and body.
func frontMatter(t *testing.T, file string) ([]string, string) {
	t.Helper()
	rest, ok := strings.CutPrefix(file, "---\n")
	if !ok {
		t.Fatalf("file does not open with ---: %q", file[:min(len(file), 40)])
	}
	fm, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		t.Fatalf("front matter not closed")
	}
	return strings.Split(fm, "\n"), body
}

func TestMarkdownFrontMatter(t *testing.T) {
	files := markdownFiles(t)
	want := map[string]string{
		"decision": `title: 中共广东省委 广东省人民政府关于加强社会建设的决定
slug: decision
weight: 1
document_number: 粤发〔2011〕17号
source_url: https://www.bwwdw.com/article/a1sw.html
source_page: 2
completeness: complete`,
		"service-government": `title: 关于加快推进社会体制改革建设服务型政府的实施意见
slug: service-government
weight: 2
source_url: https://www.bwwdw.com/article/a1sw.html
source_page: 20
completeness: complete`,
		"community-committees": `title: 关于加强城市社区居民委员会规范化建设的实施意见
slug: community-committees
weight: 7
source_url: https://www.bwwdw.com/article/a1sw.html
source_page: 48
completeness: truncated
completeness_note: 源文本在第三部分第（十一）条之后中断，本文件其余部分不在源文本中。`,
		"village-committees": `title: 关于加强和改进村民委员会建设的实施意见
slug: village-committees
weight: 8
source_url: https://www.bwwdw.com/article/a1sw.html
source_page: 54
completeness: missing
completeness_note: 源文本中没有本文件的正文，仅在目录中列有其标题。`,
	}
	for slug, fm := range want {
		lines, _ := frontMatter(t, files[slug])
		if got := strings.Join(lines, "\n"); got != fm {
			t.Errorf("%s front matter:\n%s\nwant:\n%s", slug, got, fm)
		}
	}
	if files["village-committees"] != "---\n"+want["village-committees"]+"\n---\n" {
		t.Errorf("village-committees.md is not front matter only: %q", files["village-committees"])
	}
	keys := regexp.MustCompile(`^(title|slug|weight|document_number|source_url|source_page|completeness|completeness_note): \S`)
	for slug, f := range files {
		lines, _ := frontMatter(t, f)
		for _, l := range lines {
			if !keys.MatchString(l) {
				t.Errorf("%s: bad front-matter line %q", slug, l)
			}
		}
	}
}

func TestMarkdownBody(t *testing.T) {
	for slug, f := range markdownFiles(t) {
		if !utf8.ValidString(f) || strings.HasPrefix(f, "\uFEFF") || strings.Contains(f, "\r") {
			t.Errorf("%s: not BOM-less UTF-8 with LF", slug)
		}
		if !strings.HasSuffix(f, "\n") || strings.HasSuffix(f, "\n\n") {
			t.Errorf("%s: does not end with exactly one newline", slug)
		}
		_, body := frontMatter(t, f)
		if body == "" {
			continue
		}
		body, ok := strings.CutPrefix(body, "\n")
		if !ok {
			t.Errorf("%s: no blank line after front matter", slug)
		}
		breaks := 0
		for i, p := range strings.Split(strings.TrimSuffix(body, "\n"), "\n\n") {
			switch {
			case p == "" || strings.Contains(p, "\n"):
				t.Errorf("%s: paragraph %d is empty or hard-wrapped: %q", slug, i, p)
			case p == "***":
				breaks++
			case strings.HasPrefix(p, "## "):
				if !IsHeading(p[3:]) {
					t.Errorf("%s: heading %q is not a section heading", slug, p)
				}
			default:
				if strings.ContainsAny(p[:1], "#>-*+|") || strings.ContainsAny(p, "<[*_`\\") || listStart.MatchString(p) {
					t.Errorf("%s: paragraph %d would be Markdown syntax: %q", slug, i, p)
				}
				if sectionHeading.MatchString(p) {
					t.Errorf("%s: unmarked heading-like paragraph %q", slug, p)
				}
			}
		}
		wantBreaks := 0
		if slug == "service-government" {
			wantBreaks = 1
			if !strings.HasSuffix(body, "\n\n***\n\n本《实施意见》按照粤发〔2011〕17号文的相关要求组织实施。其中，选择佛山市顺德区作为社会体制综合改革试点，在重点领域和关键环节先行先试，各地结合实际选择改革重点。\n") {
				t.Errorf("service-government does not end with *** and its closing paragraph")
			}
		}
		if breaks != wantBreaks {
			t.Errorf("%s: %d thematic breaks, want %d", slug, breaks, wantBreaks)
		}
	}
}

func TestMarkdownDeterministic(t *testing.T) {
	for _, d := range splitSource(t) {
		if !bytes.Equal(Markdown(d), Markdown(d)) {
			t.Errorf("%s: Markdown is not deterministic", d.Slug)
		}
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1.重大意义。", "1.重大意义。"},
		{"1、明确党委。", "1、明确党委。"},
		{"——注重民生。", "——注重民生。"},
		{"“1+7”与市-区-社区", "“1+7”与市-区-社区"},
		{"1. 列表", "1\\. 列表"},
		{"#标题", "\\#标题"},
		{">引用", "\\>引用"},
		{"-项", "\\-项"},
		{"+项", "\\+项"},
		{"|表", "\\|表"},
		{"a*b_c`d\\e<f[g", "a\\*b\\_c\\`d\\\\e\\<f\\[g"},
	}
	for _, tt := range tests {
		if got := escapeMarkdown(tt.in); got != tt.want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestYAMLScalar(t *testing.T) {
	tests := []struct{ in, want string }{
		{"粤发〔2011〕17号", "粤发〔2011〕17号"},
		{"https://www.bwwdw.com/article/a1sw.html", "https://www.bwwdw.com/article/a1sw.html"},
		{"中共广东省委 广东省人民政府关于加强社会建设的决定", "中共广东省委 广东省人民政府关于加强社会建设的决定"},
		{"a: b", `"a: b"`},
		{"yes", `"yes"`},
		{"12", `"12"`},
		{"", `""`},
		{"-x", `"-x"`},
	}
	for _, tt := range tests {
		if got := yamlScalar(tt.in); got != tt.want {
			t.Errorf("yamlScalar(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
