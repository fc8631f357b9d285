package content

import (
	"bytes"
	"fmt"
)

// Split is a Markdown file cut into its front matter and its body. Line
// numbers are 1-based lines of the original file, so positions found inside
// either part can be reported against the file staff edit.
type Split struct {
	// FrontMatter is the YAML between the opening and closing "---" lines, or nil when the file has none.
	FrontMatter []byte
	// FrontMatterLine is the file line of the first byte of FrontMatter.
	FrontMatterLine int
	// Body is everything after the closing line (or the whole file without its BOM).
	Body []byte
	// BodyLine is the file line of the first byte of Body.
	BodyLine int
}

// SplitError is a front matter problem at a line of the file.
type SplitError struct {
	Line, Col int
	Msg       string
}

func (e *SplitError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

var bom = []byte("\xEF\xBB\xBF")

// SplitFrontMatter separates YAML front matter from the Markdown body.
//
// A UTF-8 byte order mark and blank lines before the opening "---" are
// allowed. The front matter ends at the first line that is exactly "---" or
// "..." (trailing spaces and CR allowed); a file whose front matter is never
// closed is an error rather than a page with its body swallowed. TOML front
// matter ("+++") is refused with a message saying what to write instead.
func SplitFrontMatter(src []byte) (Split, error) {
	src = bytes.TrimPrefix(src, bom)
	line := 1
	rest := src
	for len(rest) > 0 {
		l, next := cutLine(rest)
		if len(bytes.TrimSpace(l)) != 0 {
			break
		}
		rest = next
		line++
	}
	first, afterFirst := cutLine(rest)
	switch string(trimLineEnd(first)) {
	case "---":
	case "+++":
		return Split{}, &SplitError{line, 1, `front matter must be YAML between "---" lines; TOML ("+++") is not supported`}
	default:
		return Split{Body: src, BodyLine: 1}, nil
	}
	openLine := line
	fmStart := afterFirst
	line++
	fmLine := line
	rest = afterFirst
	for len(rest) > 0 {
		l, next := cutLine(rest)
		if t := string(trimLineEnd(l)); t == "---" || t == "..." {
			fm := fmStart[:len(fmStart)-len(rest)]
			bodyLine := line
			if bytes.HasSuffix(l, []byte("\n")) {
				bodyLine++
			}
			return Split{FrontMatter: fm, FrontMatterLine: fmLine, Body: next, BodyLine: bodyLine}, nil
		}
		rest = next
		line++
	}
	return Split{}, &SplitError{openLine, 1, `front matter opened here is never closed: add a line "---" after its last key`}
}

// cutLine returns the first line of b including its "\n" and the rest.
func cutLine(b []byte) (line, rest []byte) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i+1], b[i+1:]
	}
	return b, nil
}

// trimLineEnd drops the line break and trailing blanks of a line.
func trimLineEnd(l []byte) []byte {
	return bytes.TrimRight(l, " \t\r\n")
}
