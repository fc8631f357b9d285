package textenc

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// detect chooses the encoding of a file from its first bytes (see the package
// doc) and returns it with the length of its byte order mark. atEOF reports
// whether sample is the whole file.
func detect(sample []byte, atEOF bool) (Encoding, int, error) {
	switch {
	case bytes.HasPrefix(sample, []byte{0xEF, 0xBB, 0xBF}):
		return UTF8BOM, 3, nil
	case bytes.HasPrefix(sample, []byte{0xFF, 0xFE}):
		return UTF16LE, 2, nil
	case bytes.HasPrefix(sample, []byte{0xFE, 0xFF}):
		return UTF16BE, 2, nil
	}
	end := len(sample)
	if !atEOF {
		end = completeUTF8(sample)
	}
	bad := invalidUTF8(sample[:end])
	if bad < 0 {
		return UTF8, 0, nil
	}
	if countGB(sample).chinese() {
		if decoded, ok := decodeGB18030(sample, atEOF); ok {
			i := bytes.Index(decoded, replacement)
			if i < 0 {
				return GB18030, 0, nil
			}
			// Chinese text with a broken sequence: point at it, not at line 1.
			return "", 0, errorAt(decoded, i, isCROnly(sample, GB18030), msgGB18030)
		}
	}
	msg := msgUnknown
	crOnly := isCROnly(sample, UTF8)
	if lineStart := lastLineBreak(sample[:bad], crOnly) + 1; !isASCII(sample[:lineStart]) {
		// The lines before hold UTF-8 characters: the file is UTF-8 with a
		// line in another encoding pasted in.
		msg = msgUTF8
	}
	return "", 0, errorAt(sample, bad, crOnly, msg)
}

// errorAt returns an *Error at offset i of text, whose lines end in CR if
// crOnly and in LF otherwise.
func errorAt(text []byte, i int, crOnly bool, msg string) *Error {
	before := text[:i]
	lf := byte('\n')
	if crOnly {
		lf = '\r'
	}
	// The line before i is UTF-8 text (decoded, or before the first byte
	// that is not UTF-8), so its characters can be counted too.
	start := lastLineBreak(before, crOnly) + 1
	return &Error{
		Line:    1 + bytes.Count(before, []byte{lf}),
		Col:     i - start + 1,
		CharCol: utf8.RuneCount(before[start:]) + 1,
		Msg:     msg,
	}
}

// lastLineBreak returns the offset of the last line break in text, or -1.
func lastLineBreak(text []byte, crOnly bool) int {
	if crOnly {
		return bytes.LastIndexByte(text, '\r')
	}
	return bytes.LastIndexByte(text, '\n')
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// decodeGB18030 decodes sample as GB18030 and reports whether x/text could.
// x/text never reports an invalid sequence: it writes U+FFFD instead, so the
// caller must look for U+FFFD. (GB18030 can encode U+FFFD itself, as
// 84 31 A4 37, but no Chinese spreadsheet writes it; it is refused too.)
func decodeGB18030(sample []byte, atEOF bool) ([]byte, bool) {
	// A GB18030 sequence of n bytes decodes to at most max(n, 3) UTF-8 bytes.
	dst := make([]byte, 3*len(sample)+utf8.UTFMax)
	n, _, err := simplifiedchinese.GB18030.NewDecoder().Transform(dst, sample, atEOF)
	// ErrShortSrc: a sequence cut by the end of the sample.
	return dst[:n], err == nil || err == transform.ErrShortSrc
}

// gbCounts counts the multi-byte sequences of a GB18030 sample by kind.
type gbCounts struct {
	// level1 counts GB2312 level-1 hanzi: lead B0–D7, trail A1–FE.
	level1 int
	// other counts every other two-byte sequence but punctuation: level-2
	// hanzi, GBK extensions, and GB2312 rows A4–A9 (kana, Greek, Cyrillic,
	// pinyin, box drawing), rare in Chinese data but where Big5's commonest
	// hanzi and French accents land.
	other int
	// punct counts GB2312 rows A1–A3: punctuation, numbered items, full-width
	// ASCII. Chinese text has them, but so does Big5.
	punct int
	// fourByte counts four-byte sequences: rare hanzi, non-Chinese letters.
	fourByte int
}

// countGB walks sample as GB18030 and counts its multi-byte sequences.
func countGB(sample []byte) gbCounts {
	var c gbCounts
	for i := 0; i < len(sample); {
		b := sample[i]
		if b <= 0x80 || b == 0xFF || i+1 == len(sample) {
			i++
			continue
		}
		t := sample[i+1]
		switch {
		case '0' <= t && t <= '9':
			c.fourByte++
			i += 4
			continue
		case 0xA1 <= b && b <= 0xA3:
			c.punct++
		case 0xB0 <= b && b <= 0xD7 && 0xA1 <= t && t <= 0xFE:
			c.level1++
		default:
			c.other++
		}
		i += 2
	}
	return c
}

// chinese reports whether the counts look like Chinese text.
//
// Measured on the corpus by TestPlausibility (first 64 KiB; level-1 hanzi of
// the two-byte sequences that are not punctuation, and the U+FFFD x/text writes):
//
//	x-text/sunzi-bingfa-simplified-gbk.txt        5871 of 6103 = 96%   U+FFFD    0   Chinese prose, GBK
//	x-text/sunzi-bingfa-traditional-big5.txt      1028 of 6103 = 17%   U+FFFD 3508   Big5
//	frictionless-py/table-infer-iso-8859-7.csv       4 of   17 = 24%   U+FFFD    2   Greek
//	frictionless-js/sample-cyrillic-encoding.csv     2 of   16 = 12%   U+FFFD    5   windows-1251
//	frictionless-js/encodings/iso8859.csv            0 of    5 =  0%   U+FFFD    0   Latin-1 ("Réunion")
//	frictionless-py/latin1.csv                       0 of    1 =  0%   U+FFFD    1   Latin-1 ("©")
//	x-text/candide-gb18030.txt                       0 of  568 =  0%   U+FFFD    0   French, valid GB18030
//
// and on this package's GB18030 fixtures, made with x/text's encoder: a budget
// table 44 of 46 = 96%; names with 镕 and 堃 (GBK, not GB2312) 13 of 15 = 87%;
// a row made dense with 堃, 镕, 𠀀 and € on purpose 6 of 8 = 75%.
// Counting GB2312 rows A4–A9 against level-1, rather than neither way, takes
// Big5 from 36% to 17% and leaves the Chinese files unchanged. 70% leaves a
// margin on both sides. Below 4 sequences a ratio says little, so all of them
// must be level-1: a Latin-1 letter before an ASCII letter ("é" + "u") decodes
// as a GBK extension character, never as level-1.
func (c gbCounts) chinese() bool {
	hanzi := c.level1 + c.other
	if hanzi >= 4 {
		return c.level1*10 >= hanzi*7
	}
	return hanzi > 0 && c.level1 == hanzi
}

// isCROnly reports whether sample, in encoding enc, holds a CR and no LF: the
// line endings of old Mac Excel.
func isCROnly(sample []byte, enc Encoding) bool {
	if enc != UTF16LE && enc != UTF16BE {
		// In UTF-8 and GB18030, bytes 0A and 0D are never part of another character.
		return bytes.IndexByte(sample, '\r') >= 0 && bytes.IndexByte(sample, '\n') < 0
	}
	hi, lo := 0, 1 // byte offsets of the high and low byte of a code unit
	if enc == UTF16LE {
		hi, lo = 1, 0
	}
	cr := false
	for i := 0; i+1 < len(sample); i += 2 {
		if sample[i+hi] != 0 {
			continue
		}
		switch sample[i+lo] {
		case '\n':
			return false
		case '\r':
			cr = true
		}
	}
	return cr
}
