package textenc

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// corpusDir holds real files written by other projects (see its MANIFEST.md),
// kept in the repository beside the data package's tests, so these tests run
// in every clone.
const corpusDir = "../testdata/corpus"

// readCorpus returns a corpus file.
func readCorpus(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCorpus(t *testing.T) {
	// text computes the expected text from the corpus, nil for an error.
	tests := []struct {
		file string
		text func(t *testing.T) string
		want want
	}{
		{"csvkit/test_utf8_bom.csv", func(t *testing.T) string { return string(readCorpus(t, "csvkit/test_utf8_bom.csv")[3:]) }, want{enc: UTF8BOM}},
		{"frictionless-py/bom.csv", func(t *testing.T) string { return "id,name\n1,english\n2,中国人\n" }, want{enc: UTF8BOM}},
		{"csvw/syntax/test-utf8-bom.csv", func(t *testing.T) string { return string(readCorpus(t, "csvw/syntax/test-utf8-bom.csv")[3:]) }, want{enc: UTF8BOM}},
		{"csvw/syntax/test-utf16-bom.csv", func(t *testing.T) string { return string(readCorpus(t, "csvw/syntax/test-utf8-bom.csv")[3:]) }, want{enc: UTF16LE}},
		{"csvkit/test_utf16_little.csv", func(t *testing.T) string { return "a,b,c\n1,2,3\n4,5,ʤ" }, want{enc: UTF16LE}},
		{"csvkit/test_utf16_big.csv", func(t *testing.T) string { return "a,b,c\n1,2,3\n4,5,ʤ" }, want{enc: UTF16BE}},
		{"x-text/sunzi-bingfa-simplified-gbk.txt", func(t *testing.T) string {
			return string(readCorpus(t, "x-text/sunzi-bingfa-simplified-utf-8.txt"))
		}, want{enc: GB18030}},
		{"x-text/sunzi-bingfa-simplified-utf-8.txt", func(t *testing.T) string {
			return string(readCorpus(t, "x-text/sunzi-bingfa-simplified-utf-8.txt"))
		}, want{enc: UTF8}},
		{"csvkit/mac_newlines.csv", func(t *testing.T) string { return "a,b,c\n1,2,3\n\"Once upon\na time\",5,6\n" }, want{enc: UTF8}},
		{"csvkit/empty.csv", func(t *testing.T) string { return "\n" }, want{enc: UTF8}},
		{"frictionless-py/empty.csv", func(t *testing.T) string { return "" }, want{enc: UTF8}},
		{"frictionless-py/encoding-issue-274.csv", func(t *testing.T) string {
			return string(readCorpus(t, "frictionless-py/encoding-issue-274.csv"))
		}, want{enc: UTF8}},
		{"frictionless-py/table.csv", func(t *testing.T) string { return string(readCorpus(t, "frictionless-py/table.csv")) }, want{enc: UTF8}},

		{"frictionless-py/latin1.csv", nil, want{line: 3, col: 3, msg: "neither UTF-8 nor"}},
		{"frictionless-js/encodings/iso8859.csv", nil, want{line: 2, col: 2, msg: "neither UTF-8 nor"}},
		{"frictionless-js/sample-cyrillic-encoding.csv", nil, want{line: 1, col: 1, msg: "neither UTF-8 nor"}},
		{"frictionless-py/table-infer-iso-8859-7.csv", nil, want{line: 2, col: 6, msg: "neither UTF-8 nor"}},
		// Three lines of English, then Big5.
		{"x-text/sunzi-bingfa-traditional-big5.txt", nil, want{line: 4, col: 1, msg: "neither UTF-8 nor"}},
		// Valid GB18030, but French: refused on purpose (see the package doc).
		// Line 17 holds the first accent: "TROUVÉES", É as 81 30 87 37.
		{"x-text/candide-gb18030.txt", nil, want{line: 17, col: 17, msg: "neither UTF-8 nor"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			input := readCorpus(t, tt.file)
			w := tt.want
			if tt.text != nil {
				w.text = tt.text(t)
			}
			check(t, input, w)
		})
	}
}

// TestCorpusAll reads every corpus file: none may panic, and a file either
// decodes or fails with an *Error inside it.
func TestCorpusAll(t *testing.T) {
	readCorpus(t, "MANIFEST.md")
	err := filepath.WalkDir(corpusDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".md") {
			return err
		}
		input, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		enc, out, err := decode(input, nil, nil)
		var e *Error
		switch {
		case err == nil:
			t.Logf("%-50s %-15s %6d → %6d bytes", strings.TrimPrefix(path, corpusDir+"/"), enc, len(input), len(out))
		case errors.As(err, &e) && e.Line >= 1 && e.Col >= 1 && e.Line <= bytes.Count(input, []byte{'\n'})+bytes.Count(input, []byte{'\r'})+1:
			t.Logf("%-50s error %d:%d", strings.TrimPrefix(path, corpusDir+"/"), e.Line, e.Col)
		default:
			t.Errorf("%s: %v", path, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPlausibility records the level-1 share the GB18030 rule measures on the
// corpus and on this package's fixtures (the numbers in detect.go's comment).
func TestPlausibility(t *testing.T) {
	tests := []struct {
		name    string
		input   func(t *testing.T) []byte
		chinese bool
	}{
		{"x-text/sunzi-bingfa-simplified-gbk.txt", corpus("x-text/sunzi-bingfa-simplified-gbk.txt"), true},
		{"x-text/sunzi-bingfa-traditional-big5.txt", corpus("x-text/sunzi-bingfa-traditional-big5.txt"), false},
		{"x-text/candide-gb18030.txt", corpus("x-text/candide-gb18030.txt"), false},
		{"frictionless-js/sample-cyrillic-encoding.csv", corpus("frictionless-js/sample-cyrillic-encoding.csv"), false},
		{"frictionless-py/table-infer-iso-8859-7.csv", corpus("frictionless-py/table-infer-iso-8859-7.csv"), false},
		{"frictionless-js/encodings/iso8859.csv", corpus("frictionless-js/encodings/iso8859.csv"), false},
		{"frictionless-py/latin1.csv", corpus("frictionless-py/latin1.csv"), false},
		{"fixture budgetCSV", func(t *testing.T) []byte { return gb(t, budgetCSV) }, true},
		{"fixture TestSplitCharacters", func(t *testing.T) []byte { return gb(t, "名称,金额,𠀀,€\r\n北京,堃,镕\r\n") }, true},
		{"fixture names with GBK-only hanzi", func(t *testing.T) []byte { return gb(t, "姓名,单位\n朱镕基,国务院\n王堃,财政局\n") }, true},
	}
	for _, tt := range tests {
		input := tt.input(t)
		if len(input) > sampleSize {
			input = input[:sampleSize]
		}
		c := countGB(input)
		decoded, _ := decodeGB18030(input, true)
		t.Logf("%-45s level-1 %4d of %4d = %3.0f%%  (punctuation %4d, four-byte %4d, U+FFFD %4d)",
			tt.name, c.level1, c.level1+c.other, 100*float64(c.level1)/float64(max(1, c.level1+c.other)),
			c.punct, c.fourByte, bytes.Count(decoded, replacement))
		if c.chinese() != tt.chinese {
			t.Errorf("%s: chinese() = %v, want %v", tt.name, c.chinese(), tt.chinese)
		}
	}
}

func corpus(name string) func(t *testing.T) []byte {
	return func(t *testing.T) []byte { return readCorpus(t, name) }
}

// TestCSV reads decoded text with encoding/csv, as the data package does.
func TestCSV(t *testing.T) {
	records := func(t *testing.T, input []byte) ([][]string, error) {
		t.Helper()
		r, _, err := NewReader(bytes.NewReader(input))
		if err != nil {
			return nil, err
		}
		return csv.NewReader(r).ReadAll()
	}
	t.Run("GB18030 equals its UTF-8 twin", func(t *testing.T) {
		want, err := csv.NewReader(strings.NewReader(budgetCSV)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		got, err := records(t, gb(t, budgetCSV))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, %v, want %q", got, err, want)
		}
	})
	t.Run("CR-only", func(t *testing.T) {
		got, err := records(t, readCorpus(t, "csvkit/mac_newlines.csv"))
		want := [][]string{{"a", "b", "c"}, {"1", "2", "3"}, {"Once upon\na time", "5", "6"}}
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, %v, want %q", got, err, want)
		}
	})
	t.Run("the *Error reaches the caller", func(t *testing.T) {
		input := append([]byte(strings.Repeat("名称,金额\n", 8000)+"北京,"), gb(t, "上海\n")...) // not "一": D2 BB happens to be valid UTF-8
		_, err := records(t, input)
		var e *Error
		if !errors.As(err, &e) || e.Line != 8001 || e.Col != 8 {
			t.Errorf("got %v, want an *Error at 8001:8", err)
		}
	})
}
