package textenc

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchCSV returns about size bytes of a budget table in UTF-8.
func benchCSV(size int) []byte {
	units := []string{"北京市东城区财政局", "上海市浦东新区发展和改革委员会", "广州市教育局", "国务院办公厅", "王堃工作室", "朱镕基研究会"}
	items := []string{"一般公共服务支出", "教育支出", "社会保障和就业支出", "农林水支出", "交通运输支出", "住房保障支出"}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.WriteString("统一社会信用代码,单位名称,支出功能分类科目,金额（万元）,日期,备注\r\n")
	for b.Len() < size {
		fmt.Fprintf(&b, "11110000%010d,%s,%s,%d.%02d,2013年%d月%d日,%s\r\n",
			rng.IntN(1e9), units[rng.IntN(len(units))], items[rng.IntN(len(items))],
			rng.IntN(1e6), rng.IntN(100), 1+rng.IntN(12), 1+rng.IntN(28), items[rng.IntN(len(items))])
	}
	return []byte(b.String())
}

func benchDecode(b *testing.B, input []byte, want Encoding) {
	b.SetBytes(int64(len(input)))
	for b.Loop() {
		r, enc, err := NewReader(bytes.NewReader(input))
		if err != nil || enc != want {
			b.Fatal(enc, err)
		}
		if _, err := io.Copy(io.Discard, struct{ io.Reader }{r}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUTF8 measures decoding (checking) about 8 MB of UTF-8 CSV.
func BenchmarkUTF8(b *testing.B) { benchDecode(b, benchCSV(8<<20), UTF8) }

// BenchmarkGB18030 measures decoding about 8 MB (as UTF-8) of GB18030 CSV;
// MB/s are of GB18030 input.
func BenchmarkGB18030(b *testing.B) { benchDecode(b, gb(b, string(benchCSV(8<<20))), GB18030) }

// BenchmarkCSV compares encoding/csv reading the raw bytes with reading through a Reader.
func BenchmarkCSV(b *testing.B) {
	input := benchCSV(8 << 20)
	read := func(b *testing.B, wrap func(io.Reader) io.Reader) {
		b.SetBytes(int64(len(input)))
		for b.Loop() {
			cr := csv.NewReader(wrap(bytes.NewReader(input)))
			cr.ReuseRecord = true
			for {
				_, err := cr.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.Run("raw", func(b *testing.B) { read(b, func(r io.Reader) io.Reader { return r }) })
	b.Run("textenc", func(b *testing.B) {
		read(b, func(r io.Reader) io.Reader {
			tr, _, err := NewReader(r)
			if err != nil {
				b.Fatal(err)
			}
			return tr
		})
	})
}
