package textenc

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"
)

// replacement is U+FFFD in UTF-8, what x/text writes for a sequence it cannot decode.
var replacement = []byte("\uFFFD")

// bufSize is the size of a Reader's buffer of checked text.
const bufSize = 32 << 10

// maxEmptyReads is how many reads returning nothing a Reader tolerates in a row.
const maxEmptyReads = 100

// Reader reads UTF-8 text decoded and checked by NewReader. It returns the text
// before the first place it cannot decode, then an *Error for that place.
type Reader struct {
	src    io.Reader // UTF-8 text: the file itself, or x/text's decoder over it
	utf8   bool      // src is the file: validate it; otherwise scan src for U+FFFD
	crOnly bool      // turn every CR not followed by LF into LF
	msg    string    // the Error message for text that does not decode

	buf   []byte
	r, w  int   // buf[r:w] is checked text not yet returned
	carry int   // buf[w:w+carry] is text not yet checked: a cut character, a CR before a possible LF
	line  int   // line of the byte after buf[:w], from 1
	col   int   // bytes of that line in buf[:w] and before
	err   error // returned once buf[r:w] is drained
}

// newDecoded returns a Reader of the text src decodes.
func newDecoded(src io.Reader, validate, crOnly bool, msg string) *Reader {
	return &Reader{src: src, utf8: validate, crOnly: crOnly, msg: msg, buf: make([]byte, bufSize), line: 1}
}

// Read reads decoded UTF-8 text into p. After the text before a place that
// cannot be decoded it returns an *Error, and keeps returning it.
func (r *Reader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for r.r == r.w {
		if r.err != nil {
			return 0, r.err
		}
		r.fill()
	}
	n := copy(p, r.buf[r.r:r.w])
	r.r += n
	return n, nil
}

// fill reads the next chunk from src and checks it. It is called when buf[r:w]
// is empty; on return buf[r:w] holds text, or err is set, or the chunk was all
// carried over (part of a character, or a CR) to be checked with the next.
func (r *Reader) fill() {
	n := copy(r.buf, r.buf[r.w:r.w+r.carry])
	r.r, r.w, r.carry = 0, 0, 0

	var readErr error
	for empty := 0; ; empty++ {
		m, err := r.src.Read(r.buf[n:])
		n += m
		if err != nil {
			readErr = err
			break
		}
		if m > 0 {
			break
		}
		if empty == maxEmptyReads {
			readErr = io.ErrNoProgress
			break
		}
	}
	atEOF := errors.Is(readErr, io.EOF)
	chunk := r.buf[:n]

	end := n
	if !atEOF {
		end = completeUTF8(chunk) // leave a character cut by this read for the next
	}
	var bad int
	if r.utf8 {
		bad = invalidUTF8(chunk[:end])
	} else {
		bad = bytes.Index(chunk[:end], replacement)
	}
	switch {
	case bad >= 0:
		end = bad
	case r.crOnly && !atEOF && end > 0 && chunk[end-1] == '\r':
		end-- // a CR at the end of the chunk may be the first half of a CRLF
	}
	text := chunk[:end]
	if r.crOnly {
		translateCR(text)
	}
	if lines := bytes.Count(text, []byte{'\n'}); lines > 0 {
		r.line += lines
		r.col = len(text) - 1 - bytes.LastIndexByte(text, '\n')
	} else {
		r.col += len(text)
	}
	r.w = end

	switch {
	case bad >= 0:
		r.err = &Error{Line: r.line, Col: r.col + 1, Msg: r.msg}
	case readErr != nil:
		r.err = readErr
	default:
		r.carry = n - end
	}
}

// translateCR turns every CR in text not followed by LF into LF. A CR at the
// end of text is followed by something other than LF, or by nothing.
func translateCR(text []byte) {
	for i := 0; ; i++ {
		j := bytes.IndexByte(text[i:], '\r')
		if j < 0 {
			return
		}
		i += j
		if i+1 == len(text) || text[i+1] != '\n' {
			text[i] = '\n'
		}
	}
}

// completeUTF8 returns the length of b without a UTF-8 character cut by its
// end: a start byte followed by fewer continuation bytes than it announces.
func completeUTF8(b []byte) int {
	n := len(b)
	for i := n - 1; i >= 0 && i > n-utf8.UTFMax; i-- {
		c := b[i]
		if c < utf8.RuneSelf {
			return n
		}
		if c >= 0xC0 { // a start byte; continuation bytes are 10xxxxxx
			if utf8.FullRune(b[i:]) {
				return n
			}
			return i
		}
	}
	return n
}

// InvalidUTF8 returns the offset of the first byte of b that does not begin
// a valid UTF-8 character, or -1.
func InvalidUTF8(b []byte) int { return invalidUTF8(b) }

// invalidUTF8 returns the offset of the first byte of b that does not begin a
// valid UTF-8 character, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRune(b[i:])
		if size == 1 { // U+FFFD written in UTF-8 has size 3
			return i
		}
		i += size
	}
	return -1 // not reached: utf8.Valid said otherwise
}
