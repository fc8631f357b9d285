package textenc

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// encode encodes UTF-8 text s with e, failing the test if it cannot.
func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q with %v: %v", s, e, err)
	}
	return b
}

func gb(t testing.TB, s string) []byte { return encode(t, simplifiedchinese.GB18030, s) }

func utf16le(t testing.TB, s string) []byte {
	return append([]byte{0xFF, 0xFE}, encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), s)...)
}

func utf16be(t testing.TB, s string) []byte {
	return append([]byte{0xFE, 0xFF}, encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), s)...)
}

// decode runs input through NewReader and reads it to the end. wrapIn wraps
// the source (to cut its reads); wrapOut wraps the Reader (to read it in small
// pieces). Either may be nil.
func decode(input []byte, wrapIn, wrapOut func(io.Reader) io.Reader) (Encoding, []byte, error) {
	var src io.Reader = bytes.NewReader(input)
	if wrapIn != nil {
		src = wrapIn(src)
	}
	return decodeFrom(src, wrapOut)
}

func decodeFrom(src io.Reader, wrapOut func(io.Reader) io.Reader) (Encoding, []byte, error) {
	return decodeSample(src, sampleSize, wrapOut)
}

// readers are the ways a test reads its input: all at once, and cut into pieces
// on the source side or on the reading side.
var readers = []struct {
	name            string
	wrapIn, wrapOut func(io.Reader) io.Reader
}{
	{"whole", nil, nil},
	{"OneByteReader(src)", iotest.OneByteReader, nil},
	{"HalfReader(src)", iotest.HalfReader, nil},
	{"DataErrReader(src)", iotest.DataErrReader, nil},
	{"OneByteReader(out)", nil, iotest.OneByteReader},
	{"HalfReader(both)", iotest.HalfReader, iotest.HalfReader},
}

// want is the expected result of decoding: the encoding and text, or an
// *Error at a line and column after the text before it.
type want struct {
	enc       Encoding
	text      string
	line, col int // an *Error is expected when line > 0
	msg       string
}

// check decodes input every way in readers and compares with w.
func check(t *testing.T, input []byte, w want) {
	t.Helper()
	for _, rd := range readers {
		enc, out, err := decode(input, rd.wrapIn, rd.wrapOut)
		if w.line == 0 {
			if err != nil {
				t.Fatalf("%s: unexpected error: %v", rd.name, err)
			}
			if enc != w.enc {
				t.Errorf("%s: encoding %q, want %q", rd.name, enc, w.enc)
			}
			if !bytes.Equal(out, []byte(w.text)) {
				t.Fatalf("%s: text differs from the expected at byte %d (got %d bytes, want %d)\n got: %.200q\nwant: %.200q",
					rd.name, firstDiff(out, []byte(w.text)), len(out), len(w.text), out, w.text)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: got error %v (%T), want an *Error at %d:%d", rd.name, err, err, w.line, w.col)
		}
		if e.Line != w.line || e.Col != w.col {
			t.Errorf("%s: error at %d:%d, want %d:%d: %v", rd.name, e.Line, e.Col, w.line, w.col, e)
		}
		if w.msg != "" && !strings.Contains(e.Msg, w.msg) {
			t.Errorf("%s: message %q does not contain %q", rd.name, e.Msg, w.msg)
		}
		if w.enc != "" && enc != w.enc {
			t.Errorf("%s: encoding %q, want %q", rd.name, enc, w.enc)
		}
		if !bytes.HasPrefix([]byte(w.text), out) {
			t.Errorf("%s: text before the error is not a prefix of the expected text:\n got: %.200q\nwant: %.200q", rd.name, out, w.text)
		}
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// A budget table as Chinese Excel writes it: level-1 and level-2 hanzi, full-width
// punctuation, 镕 and 堃 (GBK, not GB2312) and 𠀀 (a four-byte GB18030 sequence).
const budgetCSV = "科目编码,科目名称,金额（万元）,负责人\r\n" +
	"201,一般公共服务支出,\"1,234.5\",朱镕基\r\n" +
	"205,教育支出,678,王堃\r\n" +
	"208,社会保障和就业支出,90.1,𠀀\r\n" +
	"213,农林水支出,45%,—\r\n"

func TestNewReader(t *testing.T) {
	long := strings.Repeat("北京市,东城区,12345.67,备注说明文字\n", 3000) // about 150 KiB, longer than the sample
	tests := []struct {
		name  string
		input []byte
		want  want
	}{
		{"empty", nil, want{enc: UTF8, text: ""}},
		{"only a newline", []byte("\n"), want{enc: UTF8, text: "\n"}},
		{"ASCII", []byte("a,b\n1,2\n"), want{enc: UTF8, text: "a,b\n1,2\n"}},
		{"UTF-8 Chinese", []byte(budgetCSV), want{enc: UTF8, text: budgetCSV}},
		{"UTF-8 U+FFFD is a character", []byte("a,\uFFFD\n"), want{enc: UTF8, text: "a,\uFFFD\n"}},
		{"UTF-8 BOM", []byte("\xEF\xBB\xBF名称,值\n甲,1\n"), want{enc: UTF8BOM, text: "名称,值\n甲,1\n"}},
		{"UTF-8 BOM only", []byte("\xEF\xBB\xBF"), want{enc: UTF8BOM, text: ""}},
		{"UTF-8 BOM then not UTF-8", []byte("\xEF\xBB\xBF名称,值\n甲,\xB1\xB1\n"),
			want{enc: UTF8BOM, text: "名称,值\n甲,", line: 2, col: 5, msg: "not UTF-8"}},
		{"UTF-8 cut at the end of the file", []byte("a,\xE4\xB8"), want{text: "a,", line: 1, col: 3, msg: "neither UTF-8 nor"}},

		{"CRLF unchanged", []byte("a,b\r\n1,2\r\n"), want{enc: UTF8, text: "a,b\r\n1,2\r\n"}},
		{"CR-only", []byte("a,b\r1,2\r"), want{enc: UTF8, text: "a,b\n1,2\n"}},
		{"CR-only keeps a CRLF after the sample", []byte(strings.Repeat("甲,乙\r", 10000) + "a\rb\r\nc\r"),
			want{enc: UTF8, text: strings.Repeat("甲,乙\n", 10000) + "a\nb\r\nc\n"}},
		{"CRLF after the sample in a CR-only file", []byte(strings.Repeat("甲,乙\r", 10000) + "a\r\n"),
			want{enc: UTF8, text: strings.Repeat("甲,乙\n", 10000) + "a\r\n"}},
		{"lone CR in a CRLF file is data", []byte("a\r\n\"b\rc\"\r\n"), want{enc: UTF8, text: "a\r\n\"b\rc\"\r\n"}},
		{"lone CR in an LF file is data", []byte("a\nb\rc\n"), want{enc: UTF8, text: "a\nb\rc\n"}},
		{"CR-only error line counts CRs", []byte("a\rb\rCaf\xE9\r"), want{line: 3, col: 4, msg: "neither UTF-8 nor"}},
		{"CR-only later error", append([]byte(strings.Repeat("甲,乙\r", 10000)), "丙,\xFF\r"...),
			want{enc: UTF8, text: strings.Repeat("甲,乙\n", 10000) + "丙,", line: 10001, col: 5, msg: "not UTF-8"}},
		{"CR-only error in the sample", []byte("甲,乙\r丙,\xFF\r"), want{line: 2, col: 5, msg: "not UTF-8"}},

		{"GB18030 budget", gb(t, budgetCSV), want{enc: GB18030, text: budgetCSV}},
		{"GB18030 longer than the sample", gb(t, "名称,区,金额,备注\n"+long+"𠀀,堃,镕\n"),
			want{enc: GB18030, text: "名称,区,金额,备注\n" + long + "𠀀,堃,镕\n"}},
		{"GB18030 CR-only", gb(t, "名称,金额\r北京,1\r"), want{enc: GB18030, text: "名称,金额\n北京,1\n"}},
		{"GB18030 euro as 0x80 (code page 936)", append(gb(t, "名称,金额\n北京,"), 0x80, '\n'), want{enc: GB18030, text: "名称,金额\n北京,€\n"}},
		{"GB18030 invalid in the sample", append(gb(t, "名称,金额\n北京市,"), 0xFF, '\n'),
			want{line: 2, col: 11, msg: "not valid GB18030"}},
		{"GB18030 CR-only invalid in the sample", append(gb(t, "名称,金额\r北京市,"), 0xFF, '\r'),
			want{line: 2, col: 11, msg: "not valid GB18030"}},
		{"GB18030 invalid after the sample", append(gb(t, "名称,区,金额,备注\n"+long+"上海,"), 0xB1, '\n'),
			want{enc: GB18030, text: "名称,区,金额,备注\n" + long + "上海,", line: 3002, col: 8, msg: "not valid GB18030"}},
		{"GB18030 cut at the end", append(gb(t, "名称,区,金额,备注\n"+long+"上海,"), 0xB1),
			want{enc: GB18030, text: "名称,区,金额,备注\n" + long + "上海,", line: 3002, col: 8, msg: "not valid GB18030"}},
		{"GB18030 U+FFFD written in the file", gb(t, "名称,金额\n北京,\uFFFD\n"), want{line: 2, col: 8, msg: "not valid GB18030"}},
		{"GB18030 with only symbols", gb(t, "a,b\n１,２\n"), want{line: 2, col: 1, msg: "neither UTF-8 nor"}},
		{"GB18030 of French", gb(t, "nom,ville\nRené,Besançon\n"), want{line: 2, col: 4, msg: "neither UTF-8 nor"}},

		{"UTF-8 with a GBK row in the sample", append([]byte("名称,金额\n北京,1\n"), gb(t, "上海,2\n")...),
			want{line: 3, col: 1, msg: "not UTF-8 text although"}},
		{"ASCII with a GBK row in the sample", append([]byte("name,amount\nBeijing,1\n"), gb(t, "上海,2\n")...),
			want{enc: GB18030, text: "name,amount\nBeijing,1\n上海,2\n"}},
		{"UTF-8 with a GBK row after 70 KiB on line 3",
			append([]byte("名称,说明\n北京,"+strings.Repeat("说明文字", 6000)+"\n上海,"), gb(t, "第三行\n")...),
			want{enc: UTF8, text: "名称,说明\n北京," + strings.Repeat("说明文字", 6000) + "\n上海,", line: 3, col: 8, msg: "not UTF-8"}},
		{"UTF-8 with a GBK row after 3000 lines", append([]byte("名称,区,金额,备注\n"+long+"上海,"), gb(t, "浦东\n")...),
			want{enc: UTF8, text: "名称,区,金额,备注\n" + long + "上海,", line: 3002, col: 8, msg: "not UTF-8"}},

		{"UTF-16LE", utf16le(t, budgetCSV), want{enc: UTF16LE, text: budgetCSV}},
		{"UTF-16BE", utf16be(t, budgetCSV), want{enc: UTF16BE, text: budgetCSV}},
		{"UTF-16LE BOM only", []byte{0xFF, 0xFE}, want{enc: UTF16LE, text: ""}},
		{"UTF-16LE CR-only", utf16le(t, "a\rb\r"), want{enc: UTF16LE, text: "a\nb\n"}},
		{"UTF-16LE U+0A0D is not a line break", utf16le(t, "a\rb\u0A0D\r"), want{enc: UTF16LE, text: "a\nb\u0A0D\n"}},
		{"UTF-16BE odd length", append(utf16be(t, "a,b\n1,2\n"), 'x'), want{enc: UTF16BE, text: "a,b\n1,2\n", line: 3, col: 1, msg: "UTF-16"}},
		{"UTF-16LE unpaired surrogate", append(utf16le(t, "a,b\n1,"), 0x00, 0xD8, '2', 0, '\n', 0),
			want{enc: UTF16LE, text: "a,b\n1,", line: 2, col: 3, msg: "UTF-16"}},
		{"UTF-16LE long", utf16le(t, long), want{enc: UTF16LE, text: long}},

		{"Latin-1", []byte("id,name\n1,Caf\xE9\n"), want{line: 2, col: 6, msg: "neither UTF-8 nor"}},
		{"Latin-1 letter before a letter", []byte("name\nR\xE9union\n"), want{line: 2, col: 2}},
		{"windows-1251", []byte("\xed\xee\xec\xe5\xf0,1\n"), want{line: 1, col: 1}},
		{"Big5", []byte("\xa4\xa4\xa4\xe5,\xb4\xfa\xb8\xd5\n"), want{line: 1, col: 1}}, // 中文,測試
		{"ISO-8859-7", []byte("id,name\n1,\xcb\xe5\xf9\xed\n"), want{line: 2, col: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tt.input, tt.want) })
	}
}

// TestSplitCharacters cuts a multi-byte character at every place a read can cut it.
func TestSplitCharacters(t *testing.T) {
	text := "名称,金额,𠀀,€\r\n北京,堃,镕\r\n"
	inputs := map[Encoding][]byte{UTF8: []byte(text), GB18030: gb(t, text), UTF16LE: utf16le(t, text), UTF16BE: utf16be(t, text)}
	for enc, input := range inputs {
		for cut := range len(input) {
			src := io.MultiReader(bytes.NewReader(input[:cut]), bytes.NewReader(input[cut:]))
			r, got, err := NewReader(src)
			if err != nil || got != enc {
				t.Fatalf("%s cut at %d: NewReader = %q, %v", enc, cut, got, err)
			}
			out, err := io.ReadAll(r)
			if err != nil || string(out) != text {
				t.Fatalf("%s cut at %d: got %q, %v", enc, cut, out, err)
			}
		}
	}
}

// TestSplitAfterSample cuts text after the sample at every byte of a character:
// the Reader, not detection, has to carry the cut character.
func TestSplitAfterSample(t *testing.T) {
	prefix := strings.Repeat("名称,金额\n", 8000)
	text := prefix + "𠀀,镕\n"
	for _, enc := range []Encoding{UTF8, GB18030} {
		input := []byte(text)
		if enc == GB18030 {
			input = gb(t, text)
		}
		for cut := len(input) - 8; cut < len(input); cut++ {
			src := io.MultiReader(bytes.NewReader(input[:cut]), bytes.NewReader(input[cut:]))
			r, got, err := NewReader(src)
			if err != nil || got != enc {
				t.Fatalf("%s cut at %d: NewReader = %q, %v", enc, cut, got, err)
			}
			out, err := io.ReadAll(r)
			if err != nil || string(out) != text {
				t.Fatalf("%s cut at %d: %v, text equal: %v", enc, cut, err, string(out) == text)
			}
		}
	}
}

// TestErrorIsSticky checks that Read keeps returning the same *Error.
func TestErrorIsSticky(t *testing.T) {
	r, _, err := NewReader(strings.NewReader("a\nb\xFF"))
	if err == nil {
		t.Fatal("NewReader accepted invalid UTF-8")
	}
	if r != nil {
		t.Fatal("NewReader returned a Reader with an error")
	}
	r, _, err = NewReader(io.MultiReader(strings.NewReader(strings.Repeat("a\n", 40000)), strings.NewReader("b\xFF")))
	if err != nil {
		t.Fatal(err)
	}
	_, err1 := io.Copy(io.Discard, r)
	n, err2 := r.Read(make([]byte, 10))
	if n != 0 || err1 == nil || err1 != err2 {
		t.Fatalf("first error %v, then %d, %v", err1, n, err2)
	}
	if got, want := err1.Error(), "40001:2: "+msgUTF8; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// TestReadError checks that an error reading the file is returned as it is.
func TestReadError(t *testing.T) {
	boom := errors.New("boom")
	if _, _, err := NewReader(iotest.ErrReader(boom)); err != boom {
		t.Errorf("NewReader: got %v, want %v", err, boom)
	}
	r, _, err := NewReader(io.MultiReader(strings.NewReader(strings.Repeat("名", 30000)), iotest.ErrReader(boom)))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != boom || !utf8.Valid(out) {
		t.Errorf("got %v and valid UTF-8 %v, want %v", err, utf8.Valid(out), boom)
	}
}

// TestMemory checks that memory does not grow with the size of the file.
func TestMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 2 × 64 MB")
	}
	row := "110101,北京市东城区,12345.67,一般公共服务支出\n"
	for _, tt := range []struct {
		name string
		row  []byte
	}{{"UTF-8", []byte(row)}, {"GB18030", gb(t, row)}} {
		small := testing.AllocsPerRun(1, func() { readRepeated(t, tt.row, 1<<20) })
		large := testing.AllocsPerRun(1, func() { readRepeated(t, tt.row, 64<<20) })
		// Allocations, not bytes: every allocation of the Reader is of fixed size.
		// A reader that allocated per chunk would make thousands more for 64 MB;
		// a few more come and go with the runtime's own work.
		if large > small+16 {
			t.Errorf("%s: %v allocations for 1 MB, %v for 64 MB", tt.name, small, large)
		}
	}
}

func readRepeated(t *testing.T, row []byte, size int) {
	r, _, err := NewReader(io.LimitReader(&repeater{row: row}, int64(size/len(row)*len(row))))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, struct{ io.Reader }{r}); err != nil {
		t.Fatal(err)
	}
}

// repeater reads row over and over.
type repeater struct {
	row []byte
	off int
}

func (r *repeater) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.row[r.off:])
		n += c
		r.off = (r.off + c) % len(r.row)
	}
	return n, nil
}
