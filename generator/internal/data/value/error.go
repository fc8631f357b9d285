package value

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is a problem with one cell's text, for the person who typed it.
type Error struct {
	// Offset is the 0-based rune offset in the cell text where the problem is.
	Offset int
	// Msg is a plain sentence quoting what was found and saying what would be
	// accepted; it does not name the file, line or column.
	Msg string
}

// Error returns the message.
func (e *Error) Error() string { return e.Msg }

// errorf returns an *Error at rune offset off.
func errorf(off int, format string, args ...any) *Error {
	return &Error{Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// trimSpace removes surrounding white space (including tabs, U+00A0 and
// U+3000) and reports how many runes were removed at the front, so that
// offsets into the trimmed text can be turned into offsets into s.
func trimSpace(s string) (t string, lead int) {
	t = strings.TrimLeftFunc(s, unicode.IsSpace)
	lead = utf8.RuneCountInString(s[:len(s)-len(t)])
	return strings.TrimRightFunc(t, unicode.IsSpace), lead
}

// maxQuoted is how many runes of a cell an error message quotes.
const maxQuoted = 40

// quote returns s in double quotes for a message: cut short after maxQuoted
// runes, with characters a reader cannot see shown as <U+XXXX>.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	n := 0
	for i, r := range s {
		if n == maxQuoted {
			b.WriteString("…")
			break
		}
		n++
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				fmt.Fprintf(&b, "<byte %02X>", s[i])
				continue
			}
		}
		if invisible(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
			continue
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// invisible reports whether r cannot be seen in a cell: control characters,
// format characters such as U+200B ZERO WIDTH SPACE and U+FEFF (a byte order
// mark), and white space other than the plain space.
func invisible(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || (r != ' ' && unicode.IsSpace(r))
}

// checkText reports text that cannot be read at all: bytes that are not
// UTF-8, or an invisible character other than white space. off is the rune
// offset of t in the cell.
func checkText(t string, off int) *Error {
	n := 0
	for i, r := range t {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(t[i:]); size == 1 {
				return errorf(off+n, "the text has a byte (%02X) that is not valid UTF-8: the file may be in another encoding, or the cell was damaged", t[i])
			}
		}
		if invisible(r) && !unicode.IsSpace(r) {
			return errorf(off+n, "%s contains an invisible character, %s: delete it and type the value again", quote(t), charName(r))
		}
		n++
	}
	return nil
}

// charName names an invisible character for a message.
func charName(r rune) string {
	switch r {
	case '\t':
		return "a tab"
	case '\n', '\r':
		return "a line break"
	case 0:
		return "a NUL character (U+0000)"
	case 0x200B:
		return "a zero-width space (U+200B)"
	case 0xFEFF:
		return "a byte order mark (U+FEFF)"
	case 0x00AD:
		return "a soft hyphen (U+00AD)"
	}
	return fmt.Sprintf("U+%04X", r)
}

// fullWidthOffset is the distance from a full-width form (U+FF01–U+FF5E) to
// the ASCII character it stands for.
const fullWidthOffset = 0xFF01 - '!'

// isFullWidth reports whether r is a full-width form of an ASCII character,
// or the ideographic space.
func isFullWidth(r rune) bool {
	return (r >= 0xFF01 && r <= 0xFF5E) || r == 0x3000
}

// foldWidth maps full-width forms to ASCII and leaves other runes alone. It
// maps rune to rune, so rune offsets are the same before and after folding.
func foldWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - fullWidthOffset
	case r == 0x3000:
		return ' '
	}
	return r
}

// hasFullWidth reports whether s has any rune foldWidth would change.
func hasFullWidth(s string) bool {
	for _, r := range s {
		if isFullWidth(r) {
			return true
		}
	}
	return false
}

// foldString returns s with full-width forms folded to ASCII; it allocates
// only when there is something to fold.
func foldString(s string) string {
	if !hasFullWidth(s) {
		return s
	}
	return strings.Map(foldWidth, s)
}

// list joins items as "a, b or c".
func list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
