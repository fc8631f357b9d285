package data

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// TestParquetPagesHoldWhatTheySay: a compressed page that holds more
// bytes uncompressed than its header says — a few kilobytes that say 1 KB
// and uncompress to megabytes (or gigabytes) — is an error at the file
// before parquet-go uncompresses it without a limit, with every codec
// gongkai reads, in pages of both versions; the same file with true sizes
// reads.
func TestParquetPagesHoldWhatTheySay(t *testing.T) {
	values := make([]string, 50_000) // 850 KB of text, which compresses to kilobytes
	for i := range values {
		values[i] = "公开" + strconv.Itoa(i%10)
	}
	for _, codec := range []compress.Codec{&parquet.Snappy, &parquet.Gzip, &parquet.Zstd, &parquet.Brotli, &parquet.Lz4Raw} {
		for _, version := range []int{1, 2} {
			t.Run(fmt.Sprintf("%s/v%d", codec, version), func(t *testing.T) {
				pq := parquetWith(t, codec, version, values)
				sets, got := load(t, fstest.MapFS{"data/x.parquet": {Data: pq}}, DefaultOptions())
				if got != "" || len(sets) != 1 || sets[0].Rows != len(values) {
					t.Fatalf("the file as written: %q", got)
				}
				_, got = load(t, fstest.MapFS{"data/x.parquet": {Data: declareLess(t, pq, 1024)}}, DefaultOptions())
				want := "bytes long uncompressed, and holds more"
				if codec == &parquet.Lz4Raw {
					want = "holds more than the 1024 bytes its header says"
				}
				if !strings.HasPrefix(got, `data/x.parquet: the Parquet file is damaged or cut short (row group 1, column "v": the page at byte `) || !strings.Contains(got, want) {
					t.Errorf("got %q, want a message at the file that the page %s", got, want)
				}
			})
		}
	}
}

// parquetWith is a Parquet file of one string column, v, of values,
// compressed with codec, in data pages of version (1 or 2), without a
// dictionary or statistics (which would hold the longest value twice).
func parquetWith(t *testing.T, codec compress.Codec, version int, values []string) []byte {
	t.Helper()
	type row struct {
		V string `parquet:"v,plain"`
	}
	var buf bytes.Buffer
	w := parquet.NewGenericWriter[row](&buf, parquet.Compression(codec), parquet.DataPageVersion(version), parquet.DataPageStatistics(false))
	rows := make([]row, len(values))
	for i, v := range values {
		rows[i].V = v
	}
	if _, err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// declareLess rewrites the page headers of a file of one column chunk so
// that each page says it is at most n bytes long uncompressed, and moves
// the metadata's offsets to match.
func declareLess(t *testing.T, pq []byte, n int32) []byte {
	t.Helper()
	size := int(binary.LittleEndian.Uint32(pq[len(pq)-8:]))
	var md format.FileMetaData
	if err := thrift.Unmarshal(new(thrift.CompactProtocol), pq[len(pq)-8-size:len(pq)-8], &md); err != nil {
		t.Fatal(err)
	}
	if len(md.RowGroups) != 1 || len(md.RowGroups[0].Columns) != 1 {
		t.Fatalf("%d row groups", len(md.RowGroups))
	}
	m := &md.RowGroups[0].Columns[0].MetaData
	start := m.DataPageOffset
	if m.DictionaryPageOffset != 0 {
		start = min(start, m.DictionaryPageOffset)
	}
	end := start + m.TotalCompressedSize
	out := append([]byte(nil), pq[:start]...)
	for off := start; off < end; {
		var h format.PageHeader
		hn, err := readPageHeader(bytes.NewReader(pq), off, end, &h)
		if err != nil {
			t.Fatal(err)
		}
		h.UncompressedPageSize = min(h.UncompressedPageSize, n)
		b, err := thrift.Marshal(new(thrift.CompactProtocol), &h)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b...)
		out = append(out, pq[off+int64(hn):off+int64(hn)+int64(h.CompressedPageSize)]...)
		off += int64(hn) + int64(h.CompressedPageSize)
	}
	m.TotalCompressedSize = int64(len(out)) - start
	m.TotalUncompressedSize = min(m.TotalUncompressedSize, int64(n))
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), &md)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, footer...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(footer)))
	return append(out, "PAR1"...)
}
