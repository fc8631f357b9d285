package data

import (
	"bytes"
	"encoding/gob"

	"gongkai/generator/internal/diag"
)

// Snapshots keep, from one build to the next, what reading a dataset found
// — its columns' statistics, preview, row counts, the shape of its files,
// the foreign key values to check and the problems reported — by the
// dataset's Digest, so that a build whose dataset is byte for byte the one
// read before takes that instead of reading and checking every row again.
// Its rows are then read only when something asks for them (Each), once:
// a site whose pages, metrics and downloads of a large dataset are all
// kept (see package site's build cache) never reads it.
//
// A Snapshots is given the digest alone; the caller's store keys it with
// gongkai's version too, since what a reading finds is gongkai's code.
// Get may be called from several goroutines at once, Put too.
type Snapshots interface {
	Get(digest [32]byte) ([]byte, bool)
	Put(digest [32]byte, b []byte)
}

// snapshotFormat changes whenever snapshot does.
const snapshotFormat = "gongkai dataset snapshot 1"

// snapshot is what read and the kind's check found, in a form gob encodes.
type snapshot struct {
	Format    string
	Columns   []snapColumn
	Rows      int
	Subtotals int
	Totals    int
	Preview   [][]Cell
	Files     []snapFile
	Refs      []snapRef
	Diags     []diag.Diagnostic // what reading and checking it reported (warnings only: one with errors is not kept)
}

type snapColumn struct {
	Header string
	Stats  Stats // last and nums only serve the reading
}

type snapFile struct {
	Path, Sheet, Encoding, Delimiter string
	HeaderLine, Rows                 int
	Columns                          []int
	Unmapped, Subtotals              []int
	Names                            []string
}

type snapRef struct {
	FK    ForeignKey
	Value string
	Pos   diag.Pos
}

// snap encodes what reading d found, with the problems it reported.
func (d *Dataset) snap(ds []diag.Diagnostic) ([]byte, error) {
	s := snapshot{Format: snapshotFormat, Rows: d.Rows, Subtotals: d.Subtotals, Totals: d.Totals, Preview: d.Preview, Diags: ds}
	for _, c := range d.Columns {
		s.Columns = append(s.Columns, snapColumn{Header: c.Header, Stats: c.Stats})
	}
	for _, f := range d.Files {
		s.Files = append(s.Files, snapFile{Path: f.Path, Sheet: f.Sheet, Encoding: f.Encoding, Delimiter: f.Delimiter,
			HeaderLine: f.HeaderLine, Rows: f.Rows, Columns: f.columns, Unmapped: f.unmapped, Subtotals: f.subtotals, Names: f.names})
	}
	for _, r := range d.refs {
		s.Refs = append(s.Refs, snapRef{FK: r.fk, Value: r.value, Pos: r.pos})
	}
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(&s)
	return b.Bytes(), err
}

// restore sets d up as the snapshot b says reading it found, leaving its
// rows to be read when asked for, and returns the problems reading it
// reported. false, and d unchanged, when b is not a snapshot of d's files.
func (d *Dataset) restore(b []byte) ([]diag.Diagnostic, bool) {
	var s snapshot
	if gob.NewDecoder(bytes.NewReader(b)).Decode(&s) != nil || s.Format != snapshotFormat ||
		len(s.Columns) != len(d.Schema.Fields) || len(s.Files) != len(d.Files) {
		return nil, false
	}
	for i, f := range s.Files {
		if f.Path != d.Files[i].Path || len(f.Columns) == 0 && f.Rows > 0 {
			return nil, false
		}
	}
	d.Columns = make([]Column, len(s.Columns))
	for i, c := range s.Columns {
		d.Columns[i] = Column{Field: d.Schema.Fields[i], Header: c.Header, Stats: c.Stats}
	}
	d.Rows, d.Subtotals, d.Totals, d.Preview = s.Rows, s.Subtotals, s.Totals, s.Preview
	for i, f := range s.Files {
		file := d.Files[i]
		file.Sheet, file.Encoding, file.Delimiter, file.HeaderLine, file.Rows = f.Sheet, f.Encoding, f.Delimiter, f.HeaderLine, f.Rows
		// Non-nil: the header is mapped, and a later reading takes it as it is (scan).
		file.columns = append(make([]int, 0, len(f.Columns)), f.Columns...)
		file.unmapped, file.subtotals, file.names = f.Unmapped, f.Subtotals, f.Names
	}
	for _, r := range s.Refs {
		d.refs = append(d.refs, reference{fk: r.FK, value: r.Value, pos: r.Pos})
	}
	d.unread = true
	return s.Diags, true
}

// rows is the store of d's rows, reading them first when d was restored
// from a snapshot; nil when they are not kept (too large, or the files
// changed since), and Each reads the files instead.
func (d *Dataset) rows() *store {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.unread {
		d.unread = false
		d.store = d.readRows()
	}
	return d.store
}

// readRows reads the valid rows of every file into a store, as the first
// reading kept them.
func (d *Dataset) readRows() *store {
	if d.opts.Limits.MaxKeptBytes <= 0 {
		return nil
	}
	s := newStore(len(d.Schema.Fields))
	cells := make([]Cell, len(d.Schema.Fields))
	for fi, file := range d.Files {
		probs := file.problems(0)
		err := d.scan(file, probs, func(r *row, cells []Cell, bad bool) {
			if s != nil && !bad && !r.total {
				s = s.keep(fi, r.line, cells, d.opts.Limits.MaxKeptBytes)
			}
		}, cells)
		if err != nil || probs.hasErrors() || s == nil {
			return nil // Each reads the files, and says what is wrong
		}
	}
	if s.n != d.Rows {
		return nil
	}
	return s.kept(d.opts.Limits.MaxKeptBytes)
}
