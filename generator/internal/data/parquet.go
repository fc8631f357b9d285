package data

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"unsafe"

	"github.com/parquet-go/parquet-go"
)

// A Parquet file (.parquet) in data/ — what DuckDB, Spark, BigQuery, pandas
// and most data engines write — is a dataset as the same table saved as CSV
// is. Its columns' names are the header and its rows the records, so all
// that follows the reading is the CSV path; as in a workbook (sheet.go),
// each value is written as text by its type (a number as its exact
// decimal, a DATE as 2013-03-15, a null as an empty cell) and read back by
// its column's rules as a typed cell. There are no title rows to skip and
// no lines: messages name the row and the column, data/x.parquet: row 3,
// column "金额". How each Parquet type is written is in parquettypes.go.
//
// The rows are read a row group at a time and a batch at a time, so memory
// holds a page or so of each column, never the file. parquet-go trusts the
// sizes a file declares, so they are checked first (parquetcheck.go), and
// it panics on some damaged files, so every call into it is behind a
// recover that reports the file as damaged.

// parquetBatch is how many rows are read from the file at a time.
const parquetBatch = 256

// isParquet reports whether a data file is a Parquet file.
func isParquet(p string) bool { return strings.EqualFold(path.Ext(p), ".parquet") }

// parquetReader reads the rows of a Parquet file as records.
type parquetReader struct {
	file  *parquet.File
	under io.Closer // the file beneath; nil when it was read whole
	cols  []*parquetColumn
	group int          // the next row group to read
	rows  parquet.Rows // the row group being read; nil between groups
	left  int64        // rows of that group still to come
	buf   []parquet.Row
	i, n  int // buf[i:n] are the rows read and not yet handed out
	row   int // the row read last, from 1
	done  bool
	kinds []cellKind // of every record's cells: each column's (a null is an empty cell of any kind)
	cols1 []int      // 1, 2, 3, …: the positions of a record's cells
	// text holds the text of the cells handed out lately, which are
	// strings over it: it is appended to, never written over, and a new
	// block is started when it is full, so a batch of rows costs a few
	// allocations rather than one per cell. recs holds the cells of the
	// records to come, each record a slice of it.
	text  []byte
	recs  []string
	probs *problems
}

// textBlock is the size of the blocks of text cells are cut from.
const textBlock = 64 << 10

// openParquet opens the Parquet file at p and reads its schema. A file
// that is not Parquet, is damaged, or has columns a dataset cannot hold is
// reported to probs (at the file) and gives errStop.
func openParquet(fsys fs.FS, p string, size int64, probs *problems) (*parquetReader, error) {
	f, err := fsys.Open(p)
	if err != nil {
		probs.fileErrorf("cannot read the file: %v", unwrapPathErr(err))
		return nil, errStop
	}
	r := &parquetReader{under: f, probs: probs}
	ra, ok := f.(io.ReaderAt)
	if !ok { // a file system whose files cannot be read at an offset: read it whole
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			probs.fileErrorf("cannot read the file: %v", unwrapPathErr(err))
			return nil, errStop
		}
		ra, size, r.under = bytes.NewReader(b), int64(len(b)), nil
	}
	if msgs := r.open(ra, size); len(msgs) > 0 {
		for _, m := range msgs {
			probs.fileErrorf("%s", m)
		}
		r.Close()
		return nil, errStop
	}
	return r, nil
}

// rewrite is what to do with a damaged file.
const rewrite = "write it again from the program that made it (COPY … TO 'x.parquet' in DuckDB, df.write.parquet in Spark)"

// damaged says that the file cannot be read, and why.
func damaged(why any) string {
	return fmt.Sprintf("the Parquet file is damaged or cut short (%v): %s", why, rewrite)
}

// open reads the file's footer and schema, or says why it cannot.
func (r *parquetReader) open(ra io.ReaderAt, size int64) (msgs []string) {
	defer func() {
		if v := recover(); v != nil {
			msgs = []string{damaged(v)}
		}
	}()
	magic := make([]byte, 4)
	if n, _ := ra.ReadAt(magic, 0); n < 4 || string(magic) != "PAR1" {
		if string(magic) == "PARE" {
			return []string{"the Parquet file is encrypted: gongkai publishes data as it is, so write it without encryption"}
		}
		return []string{"not a Parquet file (Parquet files start with PAR1, and this one does not): write it again as Parquet, or name it for what it is (.csv, .xlsx)"}
	}
	if _, err := readFooter(ra, size); err != nil {
		return []string{damaged(err)}
	}
	f, err := parquet.OpenFile(ra, size, parquet.SkipPageIndex(true), parquet.SkipBloomFilters(true))
	if err != nil {
		return []string{damaged(err)}
	}
	r.file = f
	for _, c := range f.Root().Columns() {
		pc, why := parquetColumnOf(c)
		if why != "" {
			msgs = append(msgs, fmt.Sprintf("column %q %s", c.Name(), why))
			continue
		}
		r.cols = append(r.cols, pc)
		r.kinds = append(r.kinds, pc.kind)
	}
	if len(msgs) == 0 && len(r.cols) == 0 {
		msgs = append(msgs, "the Parquet file has no columns: a dataset needs at least one")
	}
	if len(msgs) > 0 {
		return msgs
	}
	if err := checkPages(ra, size, f.Metadata()); err != nil {
		if u, ok := errors.AsType[unreadable](err); ok {
			return []string{string(u)}
		}
		return []string{damaged(err)}
	}
	return nil
}

// names are the names of the file's columns, in order.
func (r *parquetReader) names() []string {
	out := make([]string, len(r.cols))
	for i, c := range r.cols {
		out[i] = c.name
	}
	return out
}

// read returns the next row as a record, its number (the first row is 1)
// and the kinds of its cells (r.kinds); io.EOF after the last;
// errSkipRecord after reporting a value that cannot be written as a cell
// (the row is left out); errStop when the rest of the file cannot be read.
func (r *parquetReader) read() (rec []string, row int, err error) {
	defer func() {
		if v := recover(); v != nil {
			r.probs.errorf(0, 0, "after row %d: %s", r.row, damaged(v))
			rec, row, err = nil, 0, errStop
		}
	}()
	for r.i >= r.n {
		if r.done {
			return nil, 0, io.EOF
		}
		if err := r.fill(); err != nil {
			return nil, 0, err
		}
	}
	values := r.buf[r.i]
	r.i++
	r.row++
	if len(values) != len(r.cols) {
		r.probs.errorf(0, 0, "row %d has %d values for %d columns: %s", r.row, len(values), len(r.cols), damaged("its columns hold different numbers of rows"))
		return nil, 0, errStop
	}
	w := len(r.cols)
	if len(r.recs) < w {
		r.recs = make([]string, parquetBatch*w)
	}
	rec, r.recs = r.recs[:w:w], r.recs[w:]
	if cap(r.text)-len(r.text) < textBlock/16 {
		r.text = make([]byte, 0, textBlock) // the cells handed out keep the last block
	}
	bad := false
	for i, v := range values {
		if v.Column() != i {
			r.probs.errorf(0, 0, "row %d: %s", r.row, damaged("its values are out of order"))
			return nil, 0, errStop
		}
		if v.IsNull() {
			continue // an empty cell, as in a CSV file
		}
		start := len(r.text)
		var msg string
		if r.text, msg = r.cols[i].format(r.text, v); msg != "" {
			r.probs.errorf(r.row, i+1, "%s", msg)
			r.text, bad = r.text[:start], true
			continue
		}
		if n := len(r.text) - start; n > 0 {
			// The bytes are never written again: see text.
			rec[i] = unsafe.String(&r.text[start], n)
		}
	}
	if bad {
		return nil, r.row, errSkipRecord
	}
	return rec, r.row, nil
}

// fill reads the next batch of rows into r.buf, going on to the next row
// group at the end of one.
func (r *parquetReader) fill() error {
	if r.rows == nil {
		groups := r.file.RowGroups()
		if r.group >= len(groups) {
			r.done = true
			return nil
		}
		g := groups[r.group]
		r.rows, r.left = g.Rows(), g.NumRows()
		r.group++
	}
	if r.buf == nil {
		r.buf = make([]parquet.Row, parquetBatch)
	}
	n, err := r.rows.ReadRows(r.buf)
	r.i, r.n = 0, n
	r.left -= int64(n)
	end := errors.Is(err, io.EOF) || n == 0 && err == nil
	switch {
	case err != nil && !end:
		r.probs.errorf(0, 0, "after row %d: %s", r.row+n, damaged(err))
		return errStop
	case r.left < 0 || end && r.left > 0:
		says := r.file.RowGroups()[r.group-1].NumRows()
		r.probs.errorf(0, 0, "%s", damaged(fmt.Sprintf("row group %d says it holds %d rows, and holds %d", r.group, says, says-r.left)))
		return errStop
	case end:
		err := r.rows.Close()
		r.rows = nil
		if err != nil {
			r.probs.errorf(0, 0, "after row %d: %s", r.row+n, damaged(err))
			return errStop
		}
	}
	return nil
}

func (r *parquetReader) cellKinds() []cellKind { return r.kinds }

func (r *parquetReader) reportTo(p *problems) { r.probs = p }

// columns are the positions of a record's first n cells: their columns'
// numbers. The slice is shared and never written.
func (r *parquetReader) columns(n int) []int {
	if len(r.cols1) < n {
		r.cols1 = make([]int, n) // a new slice: those handed out stay as they are
		for i := range r.cols1 {
			r.cols1[i] = i + 1
		}
	}
	return r.cols1[:n:n]
}

// Close releases the file.
func (r *parquetReader) Close() (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%s", damaged(v))
		}
	}()
	if r.rows != nil {
		err = r.rows.Close()
		r.rows = nil
	}
	if r.under != nil {
		err = errors.Join(err, r.under.Close())
		r.under = nil
	}
	return err
}

// setColumns takes a Parquet file's column names as its header: there are
// no title rows to skip and no header line, but the names must be there
// and differ, as a header's.
func (s *scanner) setColumns(names []string) error {
	if len(names) > s.lim.MaxColumns {
		s.probs.fileErrorf("the file has %d columns; at most %d are accepted", len(names), s.lim.MaxColumns)
		return errStop
	}
	header := make([]string, len(names))
	seen := map[string]string{}
	bad := false
	for i, n := range names {
		h := normalizeHeader(n)
		header[i] = h
		key := strings.ToLower(h)
		if h == "" {
			s.probs.fileErrorf("column %d has no name: give every column a name", i+1)
			bad = true
			continue
		}
		if prev, dup := seen[key]; dup {
			s.probs.fileErrorf("columns %q and %q have the same name (names are compared ignoring case and runs of spaces): give every column its own name", prev, n)
			bad = true
			continue
		}
		seen[key] = n
	}
	s.Header, s.HLine, s.probs.names = header, 0, header
	if bad {
		return errStop
	}
	return nil
}

// appendUUID writes 16 bytes as a UUID: 8-4-4-4-12 hex digits.
func appendUUID(dst, b []byte) []byte {
	h := hex.EncodeToString(b)
	return append(dst, h[:8]+"-"+h[8:12]+"-"+h[12:16]+"-"+h[16:20]+"-"+h[20:]...)
}
