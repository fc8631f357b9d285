package seed

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// closingPrefix opens a paragraph about the document itself (本《实施意见》…), which
// closes the document rather than continuing its last clause.
const closingPrefix = "本《"

// clauseMarker matches the marker that opens a clause paragraph: （十一）, 1. or 1、.
var clauseMarker = regexp.MustCompile(`^(（[一二三四五六七八九十]+）|\d+[.、])`)

// Markdown renders d as a content file: YAML front matter, then the repaired,
// rejoined paragraphs with section headings as level-2 headings and a
// thematic break before a closing paragraph.
func Markdown(d Document) []byte {
	paras := Rejoin(d.Paragraphs)
	for i, p := range paras {
		paras[i] = Repair(p)
	}

	var b bytes.Buffer
	b.WriteString("---\n")
	field(&b, "title", Repair(d.Title))
	field(&b, "slug", d.Slug)
	fmt.Fprintf(&b, "weight: %d\n", d.Weight)
	if d.DocumentNumber != "" {
		field(&b, "document_number", d.DocumentNumber)
	}
	field(&b, "source_url", SourceURL)
	fmt.Fprintf(&b, "source_page: %d\n", d.TOCPage)
	field(&b, "completeness", d.Completeness())
	if note := completenessNote(d.Completeness(), paras); note != "" {
		field(&b, "completeness_note", note)
	}
	b.WriteString("---\n")

	closed := false
	for _, p := range paras {
		b.WriteString("\n")
		switch {
		case IsHeading(p):
			b.WriteString("## " + p + "\n")
			continue
		case !closed && strings.HasPrefix(p, closingPrefix):
			b.WriteString("***\n\n")
			closed = true
		}
		b.WriteString(escapeMarkdown(p) + "\n")
	}
	return b.Bytes()
}

// completenessNote says in one Chinese sentence what the source lacks, or "" if nothing.
func completenessNote(completeness string, paras []string) string {
	switch completeness {
	case Missing:
		return "源文本中没有本文件的正文，仅在目录中列有其标题。"
	case Truncated:
		section, clause := "", ""
		for _, p := range paras {
			if IsHeading(p) {
				section, _, _ = strings.Cut(p, "、")
			} else if m := clauseMarker.FindString(p); m != "" {
				clause = strings.TrimRight(m, ".、")
			}
		}
		if section == "" || clause == "" {
			return "源文本在本文件结束之前中断，其余部分不在源文本中。"
		}
		return fmt.Sprintf("源文本在第%s部分第%s条之后中断，本文件其余部分不在源文本中。", section, clause)
	}
	return ""
}

// field writes one front-matter line, quoting the value only if YAML needs it.
func field(b *bytes.Buffer, key, value string) {
	fmt.Fprintf(b, "%s: %s\n", key, yamlScalar(value))
}

// yamlScalar returns value as a plain YAML scalar when that reads back as the
// same string, and double-quoted otherwise.
func yamlScalar(value string) string {
	if plainSafe(value) {
		return value
	}
	return strconv.Quote(value)
}

var yamlSpecial = regexp.MustCompile(`(?i)^(~|null|true|false|yes|no|on|off|y|n|[-+]?(\.inf|\.nan|[0-9][0-9_.:eExXoObB+-]*))$`)

func plainSafe(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || yamlSpecial.MatchString(s) {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") || strings.ContainsAny(s, "\n\t\\") {
		return false
	}
	return true
}

// markdownInline lists characters that are Markdown syntax anywhere in a paragraph.
const markdownInline = "\\<[*_`"

// listStart matches an ordered-list marker: digits, then . or ), then a space or the end.
var listStart = regexp.MustCompile(`^(\d+)([.)])( |$)`)

// escapeMarkdown backslash-escapes characters that would be Markdown syntax at
// their position and leaves everything else alone; the 1+7 text needs none.
func escapeMarkdown(p string) string {
	var b strings.Builder
	for _, r := range p {
		if strings.ContainsRune(markdownInline, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	s := b.String()
	if m := listStart.FindStringSubmatchIndex(s); m != nil {
		return s[:m[4]] + "\\" + s[m[4]:]
	}
	if s != "" && strings.ContainsAny(s[:1], "#>-+|") {
		return "\\" + s
	}
	return s
}
