package textenc

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// FuzzReader reads arbitrary bytes. mode chooses a prefix (so that detection
// may have chosen an encoding and line-ending mode before the fuzzed bytes) and
// the sample size (small samples leave the fuzzed bytes to the Reader's checks).
func FuzzReader(f *testing.F) {
	row := "名称,金额,备注\n北京,1,无\n"
	prefixes := [][]byte{nil, []byte(row), []byte(crOnly(row)), gb(f, row), gb(f, crOnly(row))}
	sizes := []int{16, 100, sampleSize}

	for _, s := range []string{
		"", "\n", "\r", "a,b\r\n1,2\r\n", "a\rb\r\nc", budgetCSV, "a,\xE9\n", "名称\n\xB1\xB1\n", "\xEF\xBB\xBF名称\n",
		"\xFF\xFE", "\xFE\xFF\x00", "\xFF\xFEa\x00\x00\xD8\n\x00", "\xE4\xB8", "\r\xE4\xB8\xAD\r", "\x81\x30\x81\x30",
		string(gb(f, budgetCSV)), string(utf16le(f, budgetCSV)), string(utf16be(f, budgetCSV)),
	} {
		for mode := range len(prefixes) * len(sizes) {
			f.Add(uint8(mode), []byte(s))
		}
	}

	f.Fuzz(func(t *testing.T, mode uint8, data []byte) {
		prefix := prefixes[int(mode)%len(prefixes)]
		size := sizes[int(mode)/len(prefixes)%len(sizes)]
		whole := bytes.NewReader(append(bytes.Clone(prefix), data...))
		enc, out, err := decodeSample(whole, size, nil)
		// The same, with data read one byte at a time and the Reader read in halves.
		split := io.MultiReader(bytes.NewReader(prefix), iotest.OneByteReader(bytes.NewReader(data)))
		enc1, out1, err1 := decodeSample(split, size, iotest.HalfReader)
		if enc != enc1 || !bytes.Equal(out, out1) || !sameError(err, err1) {
			t.Fatalf("reading in small pieces changes the result: %q %v vs %q %v", enc, err, enc1, err1)
		}
		if !utf8.Valid(out) {
			t.Fatalf("output is not UTF-8: %q", out)
		}
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v is a %T, want *Error", err, err)
		}
		if e.Line < 1 || e.Col < 1 {
			t.Fatalf("error at %d:%d", e.Line, e.Col)
		}
		if enc == "" {
			return // from detection: no text was returned
		}
		// The Reader returns the text up to the error: its end is the error's position.
		if line, col := 1+bytes.Count(out, []byte{'\n'}), len(out)-bytes.LastIndexByte(out, '\n'); e.Line != line || e.Col != col {
			t.Fatalf("error at %d:%d, but the text before it ends at %d:%d", e.Line, e.Col, line, col)
		}
	})
}

func crOnly(s string) string { return string(bytes.ReplaceAll([]byte(s), []byte{'\n'}, []byte{'\r'})) }

// decodeSample is decodeFrom with a sample of n bytes.
func decodeSample(src io.Reader, n int, wrapOut func(io.Reader) io.Reader) (Encoding, []byte, error) {
	r, enc, err := newReaderSample(src, n)
	if err != nil {
		return enc, nil, err
	}
	var out io.Reader = r
	if wrapOut != nil {
		out = wrapOut(out)
	}
	b, err := io.ReadAll(out)
	return enc, b, err
}

func sameError(a, b error) bool {
	var ea, eb *Error
	if errors.As(a, &ea) && errors.As(b, &eb) {
		return *ea == *eb
	}
	return a == b
}
