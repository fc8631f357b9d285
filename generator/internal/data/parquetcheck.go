package data

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/snappy"
	"github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
	"github.com/pierrec/lz4/v4"
)

// parquet-go trusts the sizes a file declares: a string in a page header
// whose length says 2 GB, a page whose size does, a list of a billion
// elements in the footer are each allocated before the bytes are found
// missing, so a damaged file of a few kilobytes can take gigabytes of
// memory. Before parquet-go reads them, the footer and every page header
// are read here from bytes of known length, and their sizes checked
// against the file: what a file says it holds must fit in the file, and a
// page's values in its row group. What is left to trust is bounded by the
// limits below.

const (
	maxFooterBytes     = 64 << 20  // the file's metadata, which says where its pages are
	maxPageHeaderBytes = 1 << 20   // a page's header, statistics included
	maxPageBytes       = 256 << 20 // a page, uncompressed: writers make pages of about 1 MB
	maxPageValues      = 1 << 26   // values in a page
	maxNesting         = 32        // structures within structures, in the metadata
)

// errCutShort is a Thrift structure that needs more bytes than there are.
var errCutShort = errors.New("cut short")

// readFooter reads the file's metadata (its footer) and checks its
// structure, before parquet-go decodes it.
func readFooter(ra io.ReaderAt, size int64) ([]byte, error) {
	if size < 12 {
		return nil, errors.New("the file is too short to hold its metadata")
	}
	tail := make([]byte, 8)
	if _, err := ra.ReadAt(tail, size-8); err != nil {
		return nil, err
	}
	if string(tail[4:]) != "PAR1" {
		return nil, fmt.Errorf("it does not end with PAR1")
	}
	n := int64(binary.LittleEndian.Uint32(tail))
	if n > size-12 || n > maxFooterBytes {
		return nil, fmt.Errorf("its metadata says it is %d bytes long, in a file of %d bytes", n, size)
	}
	footer := make([]byte, n)
	if _, err := ra.ReadAt(footer, size-8-n); err != nil {
		return nil, err
	}
	if _, err := compactStruct(footer); err != nil {
		return nil, fmt.Errorf("its metadata is %w", err)
	}
	return footer, nil
}

// parquetTextBytes is about the size of a Parquet file's table as text —
// what its row groups say their values take uncompressed, near what a CSV
// file of the table takes — for deciding whether to keep its rows in
// memory (see Dataset.rows); if the file cannot say, more than any size
// that is kept.
func parquetTextBytes(fsys fs.FS, p string) int64 {
	const unknown = math.MaxInt64 / 4
	f, err := fsys.Open(p)
	if err != nil {
		return unknown
	}
	defer f.Close()
	fi, err := f.Stat()
	ra, ok := f.(io.ReaderAt)
	if err != nil || !ok {
		return unknown
	}
	footer, err := readFooter(ra, fi.Size())
	var md format.FileMetaData
	if err != nil || thrift.Unmarshal(new(thrift.CompactProtocol), footer, &md) != nil {
		return unknown
	}
	var n int64
	for _, rg := range md.RowGroups {
		if rg.TotalByteSize < 0 || rg.TotalByteSize > unknown {
			return unknown
		}
		n += rg.TotalByteSize
	}
	return min(n, unknown)
}

// checkPages reads the header of every page of every column chunk and
// checks what it says against the file: the page fits in its chunk and the
// chunk in the file, its size is within the limits and its values within
// its row group's rows. A file that is whole but cannot be read here (an
// unknown compression) is an unreadable error.
func checkPages(ra io.ReaderAt, size int64, md *format.FileMetaData) error {
	for g, rg := range md.RowGroups {
		for _, cc := range rg.Columns {
			m := &cc.MetaData
			if cc.FilePath != "" {
				return unreadable(fmt.Sprintf("column %q is kept in another file (%s): write the table into one file", joinPath(m.PathInSchema), cc.FilePath))
			}
			if c := parquet.LookupCompressionCodec(m.Codec); c.String() == "UNSUPPORTED" {
				return unreadable(fmt.Sprintf("column %q is compressed with %s, which gongkai cannot read: write the file with Snappy, Zstd or Gzip compression, or none", joinPath(m.PathInSchema), m.Codec))
			}
			start := m.DataPageOffset
			if m.DictionaryPageOffset != 0 {
				start = m.DictionaryPageOffset
			}
			if start < 4 || m.TotalCompressedSize < 0 || start+m.TotalCompressedSize > size-8 || start+m.TotalCompressedSize < start {
				return fmt.Errorf("row group %d says its column %q is at bytes %d to %d, outside the file's %d bytes", g+1, joinPath(m.PathInSchema), start, start+m.TotalCompressedSize, size)
			}
			if err := checkChunk(ra, start, start+m.TotalCompressedSize, rg.NumRows, m.Codec); err != nil {
				return fmt.Errorf("row group %d, column %q: %w", g+1, joinPath(m.PathInSchema), err)
			}
		}
	}
	return nil
}

// checkChunk checks the page headers of the column chunk in the bytes
// [off, end), whose row group holds rows rows, and that each page, which
// codec compresses, is no larger uncompressed than its header says.
func checkChunk(ra io.ReaderAt, off, end, rows int64, codec format.CompressionCodec) error {
	values := int64(0)
	for off < end {
		var h format.PageHeader
		n, err := readPageHeader(ra, off, end, &h)
		if err != nil {
			return fmt.Errorf("the page at byte %d: %w", off, err)
		}
		switch {
		case h.CompressedPageSize < 0 || int64(h.CompressedPageSize) > end-off-int64(n):
			return fmt.Errorf("the page at byte %d says it is %d bytes long, past the end of its column", off, h.CompressedPageSize)
		case h.UncompressedPageSize < 0 || h.UncompressedPageSize > maxPageBytes:
			return fmt.Errorf("the page at byte %d says it is %d bytes long uncompressed; pages are limited to %s", off, h.UncompressedPageSize, humanBytes(maxPageBytes))
		}
		var pageValues int64
		switch {
		case h.DataPageHeader.Valid:
			pageValues = int64(h.DataPageHeader.V.NumValues)
		case h.DataPageHeaderV2.Valid:
			v2 := h.DataPageHeaderV2.V
			pageValues = int64(v2.NumValues)
			if v2.DefinitionLevelsByteLength < 0 || v2.RepetitionLevelsByteLength < 0 ||
				int64(v2.DefinitionLevelsByteLength)+int64(v2.RepetitionLevelsByteLength) > int64(h.CompressedPageSize) {
				return fmt.Errorf("the page at byte %d says its levels are longer than the page", off)
			}
		case h.DictionaryPageHeader.Valid:
			if d := int64(h.DictionaryPageHeader.V.NumValues); d < 0 || d > maxPageValues || d > 8*int64(h.UncompressedPageSize)+8 {
				return fmt.Errorf("the dictionary at byte %d says it holds %d values in %d bytes", off, d, h.UncompressedPageSize)
			}
		}
		if values += pageValues; pageValues < 0 || pageValues > maxPageValues || values > rows {
			return fmt.Errorf("the page at byte %d says it holds %d values, more than its row group's %d rows", off, pageValues, rows)
		}
		if err := checkUncompressed(ra, off+int64(n), &h, codec); err != nil {
			return fmt.Errorf("the page at byte %d %w", off, err)
		}
		off += int64(n) + int64(h.CompressedPageSize)
	}
	return nil
}

// checkUncompressed checks that the page whose header is h, and whose
// data starts at off, holds no more bytes uncompressed than h says.
// parquet-go decompresses a page without a limit, into as much memory as
// it takes: a page of a few kilobytes of zeros can say 1 KB and hold
// gigabytes. Snappy says its length at the start; the others are
// decompressed here, into nothing, up to a byte more than the header says.
func checkUncompressed(ra io.ReaderAt, off int64, h *format.PageHeader, codec format.CompressionCodec) error {
	if codec == format.Uncompressed {
		return nil
	}
	skip, declared := int64(0), int64(h.UncompressedPageSize)
	if h.DataPageHeaderV2.Valid { // its levels are never compressed
		v2 := h.DataPageHeaderV2.V
		if v2.IsCompressed.Valid && !v2.IsCompressed.V {
			return nil
		}
		skip = int64(v2.DefinitionLevelsByteLength) + int64(v2.RepetitionLevelsByteLength)
		declared -= skip
	}
	src := make([]byte, int64(h.CompressedPageSize)-skip)
	if _, err := ra.ReadAt(src, off+skip); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	var got int64
	switch codec {
	case format.Snappy:
		n, err := snappy.DecodedLen(src)
		if err != nil {
			return fmt.Errorf("cannot be uncompressed (%w)", err)
		}
		got = int64(n)
	case format.Lz4Raw:
		dst := make([]byte, declared)
		n, err := lz4.UncompressBlock(src, dst)
		if err != nil {
			return fmt.Errorf("holds more than the %d bytes its header says, or is damaged (%w)", declared, err)
		}
		got = int64(n)
	default:
		var r io.Reader
		var err error
		switch codec {
		case format.Gzip:
			r, err = gzip.NewReader(bytes.NewReader(src))
		case format.Zstd:
			var z *zstd.Decoder
			if z, err = zstd.NewReader(bytes.NewReader(src), zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true)); err == nil {
				defer z.Close()
				r = z
			}
		case format.Brotli:
			r = brotli.NewReader(bytes.NewReader(src))
		default:
			return nil // refused before (checkPages)
		}
		if err == nil {
			got, err = io.Copy(io.Discard, io.LimitReader(r, declared+1))
		}
		if err != nil {
			return fmt.Errorf("cannot be uncompressed (%w)", err)
		}
	}
	if got > declared {
		return fmt.Errorf("says it is %d bytes long uncompressed, and holds more", declared)
	}
	return nil
}

// readPageHeader reads and checks the page header at off, before end,
// into h, and returns its length.
func readPageHeader(ra io.ReaderAt, off, end int64, h *format.PageHeader) (int, error) {
	for size := int64(256); ; size *= 16 {
		size = min(size, end-off, maxPageHeaderBytes)
		buf := make([]byte, size)
		if _, err := ra.ReadAt(buf, off); err != nil && !errors.Is(err, io.EOF) {
			return 0, err
		}
		n, err := compactStruct(buf)
		if errors.Is(err, errCutShort) && size < min(end-off, maxPageHeaderBytes) {
			continue // a longer header than read: read more
		}
		if err != nil {
			return 0, fmt.Errorf("its header is %w", err)
		}
		if err := thrift.Unmarshal(new(thrift.CompactProtocol), buf[:n], h); err != nil {
			return 0, fmt.Errorf("its header cannot be read (%w)", err)
		}
		return n, nil
	}
}

// unreadable says why a file that is not damaged cannot be read.
type unreadable string

func (u unreadable) Error() string { return string(u) }

// joinPath names a column by its path in the schema: a, or s.a in a group.
func joinPath(p []string) string { return strings.Join(p, ".") }

// compactStruct checks the Thrift compact-protocol structure at the start
// of b and returns its length: every field well formed, nesting at most
// maxNesting deep, and no string, list, set or map longer than the bytes
// left could hold, so that decoding it allocates no more than b's size in
// elements.
func compactStruct(b []byte) (int, error) {
	c := compactChecker{b: b}
	err := c.structure(0)
	return c.off, err
}

type compactChecker struct {
	b   []byte
	off int
}

func (c *compactChecker) left() uint64 { return uint64(len(c.b) - c.off) }

func (c *compactChecker) skip(n uint64) error {
	if n > c.left() {
		return errCutShort
	}
	c.off += int(n)
	return nil
}

func (c *compactChecker) byte1() (byte, error) {
	if c.off >= len(c.b) {
		return 0, errCutShort
	}
	c.off++
	return c.b[c.off-1], nil
}

func (c *compactChecker) varint() (uint64, error) {
	var v uint64
	for shift := 0; shift < 70; shift += 7 {
		b, err := c.byte1()
		if err != nil {
			return 0, err
		}
		v |= uint64(b&0x7F) << shift
		if b < 0x80 {
			return v, nil
		}
	}
	return 0, errors.New("damaged (a number of more than 64 bits)")
}

func (c *compactChecker) structure(depth int) error {
	if depth > maxNesting {
		return errors.New("damaged (structures nested too deep)")
	}
	for {
		h, err := c.byte1()
		if err != nil {
			return err
		}
		if h == 0 {
			return nil // the end of the structure
		}
		if h>>4 == 0 { // the field's number follows, in full
			if _, err := c.varint(); err != nil {
				return err
			}
		}
		if err := c.value(h&0x0F, depth, true); err != nil {
			return err
		}
	}
}

// value checks one value of the compact type t; a boolean field holds its
// value in its type, a boolean element of a list takes a byte.
func (c *compactChecker) value(t byte, depth int, field bool) error {
	switch t {
	case 1, 2:
		if !field {
			return c.skip(1)
		}
		return nil
	case 3:
		return c.skip(1)
	case 4, 5, 6:
		_, err := c.varint()
		return err
	case 7:
		return c.skip(8)
	case 8:
		n, err := c.varint()
		if err != nil {
			return err
		}
		return c.skip(n)
	case 9, 10: // list, set
		h, err := c.byte1()
		if err != nil {
			return err
		}
		n := uint64(h >> 4)
		if n == 15 {
			if n, err = c.varint(); err != nil {
				return err
			}
		}
		if n > c.left() { // every element takes a byte at least
			return errCutShort
		}
		for range n {
			if err := c.value(h&0x0F, depth+1, false); err != nil {
				return err
			}
		}
		return nil
	case 11: // map
		n, err := c.varint()
		if err != nil || n == 0 {
			return err
		}
		kv, err := c.byte1()
		if err != nil {
			return err
		}
		if n > c.left()/2 {
			return errCutShort
		}
		for range n {
			if err := c.value(kv>>4, depth+1, false); err != nil {
				return err
			}
			if err := c.value(kv&0x0F, depth+1, false); err != nil {
				return err
			}
		}
		return nil
	case 12:
		return c.structure(depth + 1)
	}
	return fmt.Errorf("damaged (a value of unknown type %d)", t)
}
