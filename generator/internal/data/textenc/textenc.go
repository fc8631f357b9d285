package textenc

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names a detected encoding.
type Encoding string

// The encodings NewReader can detect.
const (
	UTF8    Encoding = "UTF-8"
	UTF8BOM Encoding = "UTF-8 with BOM"
	GB18030 Encoding = "GB18030"
	UTF16LE Encoding = "UTF-16LE"
	UTF16BE Encoding = "UTF-16BE"
)

// Error is a decoding problem at a 1-based line and 1-based byte column of the
// decoded text (the caller converts to characters).
type Error struct {
	Line, Col int // Col counts bytes of the decoded text
	CharCol   int // the column in characters, when known (0 otherwise)
	Msg       string
}

// Error returns "line:col: message", ready to be prefixed with a file path.
func (e *Error) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

// sampleSize is how much of a file detection looks at.
const sampleSize = 64 << 10

// Messages, in the words of the person who exported the file. The position is
// in the Error, so they do not repeat it.
const (
	saveAsUTF8 = "in Excel use 另存为 → CSV UTF-8 (逗号分隔) and try again"

	msgUnknown = "the file is neither UTF-8 nor Chinese GB18030 text " +
		"(bytes that look like another code page, e.g. Latin-1, Big5 or Cyrillic, start on this line): " + saveAsUTF8
	msgUTF8 = "this line is not UTF-8 text although the lines before it are: " +
		"it may have been pasted from a file in another encoding (such as GBK); " + saveAsUTF8
	msgGB18030 = "this line is not valid GB18030/GBK text: " +
		"it may have been pasted from a file in another encoding; " + saveAsUTF8
	msgUTF16 = "this line is not valid UTF-16 text (a broken or cut-off character, or U+FFFD): " +
		"the file may be damaged; " + saveAsUTF8
)

// NewReader sniffs the first bytes of r (up to 64 KiB, read through a
// bufio.Reader) and returns a reader of UTF-8 text with the BOM removed and
// line endings normalised, and the encoding it chose. If the sample is in no
// encoding it accepts, the error is an *Error at the first line that is not
// UTF-8; an error reading r is returned as it is.
func NewReader(r io.Reader) (*Reader, Encoding, error) {
	return newReaderSample(r, sampleSize)
}

// newReaderSample is NewReader with a sample of n bytes: tests use small
// samples to reach what follows the sample with little input.
func newReaderSample(r io.Reader, n int) (*Reader, Encoding, error) {
	br := bufio.NewReaderSize(r, n)
	sample, err := br.Peek(n)
	atEOF := false
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		atEOF = true
	default:
		return nil, "", err
	}
	enc, bom, derr := detect(sample, atEOF)
	if derr != nil {
		return nil, "", derr
	}
	crOnly := isCROnly(sample[bom:], enc)
	if _, err := br.Discard(bom); err != nil {
		return nil, "", err
	}
	var (
		src io.Reader = br
		msg           = msgUTF8
	)
	switch enc {
	case GB18030:
		src = newBlockDecoder(br, newGBDecoder())
		msg = msgGB18030
	case UTF16LE:
		src = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder())
		msg = msgUTF16
	case UTF16BE:
		src = transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder())
		msg = msgUTF16
	}
	return newDecoded(src, enc == UTF8 || enc == UTF8BOM, crOnly, msg), enc, nil
}
