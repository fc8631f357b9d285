package seed

import (
	"regexp"
	"strings"
)

// sectionHeading matches a section heading such as 一、加强社会建设的重大意义和总体要求.
var sectionHeading = regexp.MustCompile(`^[一二三四五六七八九十]+、`)

// terminalPunct lists the marks that may end a paragraph, full-width and as the scrape left them.
const terminalPunct = "。；：！？”…;:!?"

// IsHeading reports whether paragraph p is a section heading (一、… with no terminal punctuation).
func IsHeading(p string) bool {
	return sectionHeading.MatchString(p) && !terminated(p)
}

func terminated(p string) bool {
	p = strings.TrimSpace(p)
	return p != "" && strings.ContainsRune(terminalPunct, []rune(p)[len([]rune(p))-1])
}

// Rejoin mends paragraphs split mid-sentence by page breaks: a paragraph that
// is not a heading and does not end in terminal punctuation is joined, with
// nothing between, to the paragraph after it unless that is a heading.
func Rejoin(paragraphs []string) []string {
	var out []string
	for i := 0; i < len(paragraphs); i++ {
		p := paragraphs[i]
		for !IsHeading(p) && !terminated(p) && i+1 < len(paragraphs) && !IsHeading(paragraphs[i+1]) {
			i++
			p += paragraphs[i]
		}
		out = append(out, p)
	}
	return out
}
