package data

import (
	"encoding/csv"
	"strings"
)

// splitter splits one chunk of CSV text into records exactly as encoding/csv
// does with FieldsPerRecord -1 and strict quotes: the same fields, the same
// field positions and the same errors at the same places (FuzzSplitter holds
// it to that). It works on the chunk as one string, so a field is a substring
// of it rather than a new allocation: on a million-row file that is a million
// allocations the garbage collector never sees. Only a quoted field with a
// doubled quote or a line break inside is built anew.
type splitter struct {
	text  string
	delim byte
	line  int // lines read so far
	// The record just read: its fields, each field's 1-based byte column,
	// the line it starts on, and the fields that start on a later line (a
	// quoted field before them spans lines; rare) with their lines.
	fields  []string
	cols    []int
	recLine int
	later   []laterField
}

// laterField is a field of the record that starts on a line after the
// record's first.
type laterField struct{ field, line int }

// line is the line field i of the record just read starts on.
func (s *splitter) fieldLine(i int) int {
	line := s.recLine
	for _, l := range s.later {
		if l.field <= i {
			line = l.line
		}
	}
	return line
}

func newSplitter(text string, delim rune) *splitter {
	return &splitter{text: text, delim: byte(delim)}
}

// readLine returns the next line with its line break. encoding/csv turns a
// final "\r\n" into "\n" (lineEnd counts both as one break) and drops a "\r"
// at the very end of the text. ok is false at the end.
func (s *splitter) readLine() (line string, ok bool) {
	if s.text == "" {
		return "", false
	}
	if i := strings.IndexByte(s.text, '\n'); i >= 0 {
		line, s.text = s.text[:i+1], s.text[i+1:]
	} else {
		line, s.text = strings.TrimSuffix(s.text, "\r"), ""
	}
	s.line++
	return line, true
}

// lineEnd is the length of the line break ending line: 0, 1 ("\n") or 2 ("\r\n").
func lineEnd(line string) int {
	n := len(line)
	switch {
	case n >= 2 && line[n-2] == '\r' && line[n-1] == '\n':
		return 2
	case n >= 1 && line[n-1] == '\n':
		return 1
	}
	return 0
}

// only reports whether line is nothing but its line break.
func only(line string) bool { return len(line) == lineEnd(line) }

// next reads the next record. It returns false at the end of the text; an
// error is shaped like encoding/csv's (*csv.ParseError) and the record is
// then dropped, as encoding/csv drops it.
func (s *splitter) next() (bool, error) {
	s.fields, s.cols, s.later = s.fields[:0], s.cols[:0], s.later[:0]
	var line string
	for {
		var ok bool
		if line, ok = s.readLine(); !ok {
			return false, nil
		}
		if !only(line) {
			break // encoding/csv skips empty lines
		}
	}
	// posLine follows encoding/csv's field position, which (unlike the line
	// count) does not move on to an empty last line.
	recLine, posLine, col := s.line, s.line, 1
	s.recLine = recLine
	for {
		if line == "" || line[0] != '"' {
			// An unquoted field: a substring, no copy. Fields are short, so
			// one pass byte by byte beats searching twice.
			i := 0
			for i < len(line) && line[i] != s.delim && line[i] != '"' {
				i++
			}
			if i < len(line) && line[i] == '"' {
				return true, &csv.ParseError{StartLine: recLine, Line: s.line, Column: col + i, Err: csv.ErrBareQuote}
			}
			if i == len(line) {
				s.add(line[:len(line)-lineEnd(line)], posLine, col)
				return true, nil
			}
			s.add(line[:i], posLine, col)
			line, col = line[i+1:], col+i+1
			continue
		}
		// A quoted field.
		fieldLine, fieldCol := posLine, col
		line, col = line[1:], col+1
		var b strings.Builder
		built := false // b holds the field so far: it has a "" or spans lines
		for {
			i := strings.IndexByte(line, '"')
			if i < 0 {
				if line == "" {
					return true, &csv.ParseError{StartLine: recLine, Line: posLine, Column: col, Err: csv.ErrQuote}
				}
				// The field goes on past this line: keep it, with "\n" for its break.
				built = true
				b.WriteString(line[:len(line)-lineEnd(line)])
				if lineEnd(line) > 0 {
					b.WriteByte('\n')
				}
				col += len(line) - max(lineEnd(line)-1, 0)
				next, _ := s.readLine()
				if line = next; line != "" {
					posLine, col = posLine+1, 1
				}
				continue
			}
			run := line[:i]
			line, col = line[i+1:], col+i+1
			if line != "" && line[0] == '"' { // `""` is a quote
				built = true
				b.WriteString(run)
				b.WriteByte('"')
				line, col = line[1:], col+1
				continue
			}
			field := run
			if built {
				b.WriteString(run)
				field = b.String()
			}
			switch {
			case line != "" && line[0] == s.delim: // `",` ends the field
				s.add(field, fieldLine, fieldCol)
				line, col = line[1:], col+1
			case only(line): // `"` then the line break ends the record
				s.add(field, fieldLine, fieldCol)
				return true, nil
			default:
				return true, &csv.ParseError{StartLine: recLine, Line: s.line, Column: col - 1, Err: csv.ErrQuote}
			}
			break
		}
	}
}

func (s *splitter) add(field string, line, col int) {
	if line != s.recLine && (len(s.later) == 0 || s.later[len(s.later)-1].line != line) {
		s.later = append(s.later, laterField{len(s.fields), line})
	}
	s.fields, s.cols = append(s.fields, field), append(s.cols, col)
}
