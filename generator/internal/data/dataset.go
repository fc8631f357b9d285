package data

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"gongkai/generator/internal/diag"
)

// Dataset is a validated table: one CSV file (or workbook, or Parquet
// file), or a folder of them with the same columns.
type Dataset struct {
	ID          string
	Kind        *Kind // nil for a generic dataset
	Title       string
	Description string
	Sample      bool     // the data is sample data (示例数据), not real figures
	Updated     string   // when the data last changed (YYYY-MM-DD), as its publisher declares; empty if not declared
	Frequency   string   // how often it is updated (accrualPeriodicity, e.g. R/P1Y), as its publisher declares
	Sources     []Source // where the data comes from, as its schema file declares
	Files       []*File
	Schema      Schema
	Columns     []Column // one per schema field, in schema order
	Rows        int
	Preview     [][]Cell // the first rows, for the dataset page
	// Subtotals counts the rows of a hierarchy (Schema.Hierarchy) that are
	// the sum of rows under them: kept, but left out of sums (IsSubtotal).
	Subtotals int
	// Totals counts the total rows (合计) left out of the dataset.
	Totals int

	fsys      fs.FS
	opts      Options
	refs      []reference // values of foreign key columns, checked once every dataset is read
	statsPass bool        // scan gathers column statistics (the first, validating read)
	// store keeps the valid rows after the first read, so the pages,
	// metrics and downloads that go through them again (Each) do not read
	// and parse the files again; nil for one too large to keep
	// (Limits.MaxKeptBytes), which is read again each time.
	store *store
	// unread: the dataset was taken from a snapshot (see Snapshots), and
	// its rows go into store when first asked for (rows); mu guards both.
	unread bool
	mu     sync.Mutex
	// sum is the dataset's Digest once worked out, while it is unchanged.
	sum    [32]byte
	summed bool
	// inferred holds what inferring the schema reported, until read adds
	// it to the dataset's own messages (see LoadReusing).
	inferred []diag.Diagnostic
	// schemaFile is the path of the schema file beside the data, which
	// may not exist; stamp is its and the files' stamp taken before they
	// were read, which Unchanged checks they still have.
	schemaFile, stamp string
}

// File is one source file of a dataset.
type File struct {
	Path       string
	Sheet      string // the worksheet read, in a workbook (.xlsx); HeaderLine and lines are then its rows
	Encoding   string
	Delimiter  string
	HeaderLine int
	Rows       int
	Bytes      int64
	columns    []int // for each header cell, the index of its schema field (-1: ignored)
	// missingRequired is set when the header lacks a required column (reported once, at the header).
	missingRequired bool
	unmapped        []int    // schema fields no header cell names: missing in every row
	subtotals       []int    // the lines of the rows that are subtotals of the hierarchy, in order
	names           []string // a Parquet file's columns, which its positions name (see diag.Pos)
}

// Parquet reports whether the file is a Parquet file: it has no encoding,
// delimiter or header line, and its lines are its rows.
func (f *File) Parquet() bool { return isParquet(f.Path) }

// Source is where a dataset's data comes from (Frictionless "sources").
type Source struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
	Email string `json:"email,omitempty"`
}

// Column is a schema field with what the data holds.
type Column struct {
	Field
	Header string // the header as written in the (first) file
	Stats  Stats
}

// Label is the column's name for people, in the words staff wrote: its
// schema's title, else its header as written in the (first) file, else —
// a column no file has — its first other name when alias is set (the
// Chinese name of a built-in kind's column, for a site in Chinese), else
// its name.
func (c *Column) Label(alias bool) string {
	switch {
	case c.Title != "":
		return c.Title
	case c.Header != "":
		return c.Header
	case alias && len(c.Aliases) > 0:
		return c.Aliases[0]
	}
	return c.Name
}

// HeadedByNames reports whether the files head some column by its name
// (year, stage…) rather than by another of its names (年度, 阶段…): a column
// no file has is then labelled by its name too, in the files' language.
func (d *Dataset) HeadedByNames() bool {
	for _, c := range d.Columns {
		if c.Header != "" && strings.EqualFold(c.Header, c.Name) && len(c.Aliases) > 0 {
			return true
		}
	}
	return false
}

// Stats summarise a column's values.
type Stats struct {
	Count    int     // non-missing values
	Missing  int     // missing values
	Min, Max string  // smallest and largest value as text (numbers, dates, years)
	MinNum   float64 // smallest number
	MaxNum   float64 // largest number
	Distinct []string
	Many     bool      // more than maxDistinct different values
	last     string    // the value added last, to skip the search for runs of one value
	nums     []float64 // for numeric columns, the values of Distinct
}

const maxDistinct = 20

// statKind is how statistics treat a column's values: as numbers, as
// dates, or as text. Work it out once per column, not per cell (a Type is a
// string).
type statKind byte

const (
	statText statKind = iota
	statNumber
	statDate
)

func (t Type) statKind() statKind {
	switch {
	case t.IsNumeric():
		return statNumber
	case t == Date:
		return statDate
	}
	return statText
}

func (s *Stats) add(c *Cell, k statKind) {
	if c.Missing {
		s.Missing++
		return
	}
	s.Count++
	switch k {
	case statNumber:
		if s.Count == 1 || c.Num < s.MinNum {
			s.MinNum, s.Min = c.Num, c.value()
		}
		if s.Count == 1 || c.Num > s.MaxNum {
			s.MaxNum, s.Max = c.Num, c.value()
		}
	case statDate:
		if s.Min == "" || c.Text < s.Min {
			s.Min = c.Text
		}
		if c.Text > s.Max {
			s.Max = c.Text
		}
	}
	if s.Many || c.Text == s.last {
		return
	}
	s.last = c.Text
	// A short list searched in order beats a map here: at most maxDistinct
	// values, and comparing stops at the first difference. Numbers compare
	// by value, so "1,234" and "1234" are one value and need no copy.
	numeric := k == statNumber
	if numeric && slices.Contains(s.nums, c.Num) || !numeric && slices.Contains(s.Distinct, c.Text) {
		return
	}
	if len(s.Distinct) == maxDistinct {
		s.Many, s.Distinct, s.nums = true, nil, nil
		return
	}
	// A copy: the cell's text is part of its chunk's, which it would keep
	// in memory for as long as the statistics live.
	s.Distinct = append(s.Distinct, strings.Clone(c.value()))
	if numeric {
		s.nums = append(s.nums, c.Num)
	}
}

// merge adds the statistics of the rows after s's to s, as if add had been
// called for each of them in turn. The texts it keeps are copies, so o's
// chunk of the file can be let go.
func (s *Stats) merge(o Stats, t Type) {
	if o.Count > 0 {
		switch {
		case t.IsNumeric():
			if s.Count == 0 || o.MinNum < s.MinNum {
				s.MinNum, s.Min = o.MinNum, strings.Clone(o.Min)
			}
			if s.Count == 0 || o.MaxNum > s.MaxNum {
				s.MaxNum, s.Max = o.MaxNum, strings.Clone(o.Max)
			}
		case t == Date:
			if s.Min == "" || o.Min < s.Min {
				s.Min = strings.Clone(o.Min)
			}
			if o.Max > s.Max {
				s.Max = strings.Clone(o.Max)
			}
		}
	}
	s.Count += o.Count
	s.Missing += o.Missing
	if s.Many {
		return
	}
	if o.Many {
		s.Many, s.Distinct = true, nil
		return
	}
	for i, v := range o.Distinct {
		if t.IsNumeric() && slices.Contains(s.nums, o.nums[i]) || !t.IsNumeric() && slices.Contains(s.Distinct, v) {
			continue
		}
		if len(s.Distinct) == maxDistinct {
			s.Many, s.Distinct, s.nums = true, nil, nil
			return
		}
		s.Distinct = append(s.Distinct, v)
		if t.IsNumeric() {
			s.nums = append(s.nums, o.nums[i])
		}
	}
}

// reference is a value that must exist in another dataset, at a line and
// byte column of a file.
type reference struct {
	fk    ForeignKey
	value string
	pos   diag.Pos
}

// keyIndex remembers where each key value was first seen, for duplicate checks.
type keyIndex struct {
	fields []int
	name   string
	seen   map[string]diag.Pos
}

// read reads every file of the dataset once: it validates the cells, fills
// the column statistics and the preview, and checks keys. Problems go to diags.
func (d *Dataset) read(diags *diag.List) {
	for i := range d.Schema.Fields {
		d.Columns = append(d.Columns, Column{Field: d.Schema.Fields[i]})
	}
	var keys []*keyIndex
	for i, f := range d.Schema.Fields {
		if f.Unique {
			keys = append(keys, &keyIndex{fields: []int{i}, name: f.Name, seen: map[string]diag.Pos{}})
		}
	}
	if pk := d.Schema.PrimaryKey; len(pk) > 0 && !(len(pk) == 1 && d.Schema.Field(pk[0]) != nil && d.Schema.Field(pk[0]).Unique) {
		idx := make([]int, len(pk))
		for i, n := range pk {
			idx[i] = d.fieldIndex(n)
		}
		keys = append(keys, &keyIndex{fields: idx, name: strings.Join(pk, " + "), seen: map[string]diag.Pos{}})
	}
	fkCols := map[int][]ForeignKey{}
	for _, fk := range d.Schema.ForeignKeys {
		if len(fk.Fields) == 1 {
			fkCols[d.fieldIndex(fk.Fields[0])] = append(fkCols[d.fieldIndex(fk.Fields[0])], fk)
		}
	}
	var size int64
	for _, file := range d.Files {
		if file.Parquet() { // compressed: its table takes several times its size
			size += parquetTextBytes(d.fsys, file.Path)
			continue
		}
		size += file.Bytes
	}
	var stored *store
	if d.opts.Limits.MaxKeptBytes > 0 {
		stored = newStore(len(d.Schema.Fields))
	}
	tally := newHierTally(&d.Schema, size) // nil without a hierarchy
	for fi, file := range d.Files {
		probs := file.problems(d.opts.Limits.MaxProblems)
		cells := make([]Cell, len(d.Schema.Fields))
		d.statsPass = true // the workers keep the statistics, merged in file order by scan
		err := d.scan(file, probs, func(r *row, cells []Cell, bad bool) {
			if r.total {
				if tally != nil {
					tally.addTotal(fi, file, r, cells, bad)
				}
				return
			}
			d.checkKeys(keys, fkCols, file, probs, r, cells)
			if bad {
				return
			}
			if tally != nil {
				tally.add(fi, file, r, cells)
			}
			d.Rows++
			file.Rows++
			if stored != nil {
				stored = stored.keep(fi, r.line, cells, d.opts.Limits.MaxKeptBytes) // nil: too large to keep, read again
			}
			if len(d.Preview) < d.opts.Limits.PreviewRows {
				kept := append([]Cell(nil), cells...)
				for i := range kept {
					kept[i].settle()
				}
				d.Preview = append(d.Preview, kept)
			}
		}, cells)
		d.statsPass = false
		if err != nil && !errors.Is(err, errStop) {
			probs.fileErrorf("cannot read the file: %v", err)
		}
		if err == nil && file.Rows == 0 && !probs.hasErrors() {
			what := "a header"
			if file.Parquet() {
				what = "columns"
			}
			probs.warnf(file.HeaderLine, 1, "the file has %s but no rows: it is published empty", what)
		}
		probs.flush(d.fsys, diags)
	}
	if stored != nil {
		stored = stored.kept(d.opts.Limits.MaxKeptBytes)
	}
	d.store = stored
	tally.finish(d, diags)
}

// checkKeys reports duplicate keys and remembers foreign key values of a row.
// It runs on rows with problems elsewhere too, so one mistake does not hide another.
func (d *Dataset) checkKeys(keys []*keyIndex, fkCols map[int][]ForeignKey, file *File, probs *problems, r *row, cells []Cell) {
	for _, k := range keys {
		key, skip := keyOf(cells, k.fields)
		if skip {
			continue
		}
		if prev, dup := k.seen[key]; dup {
			probs.errorf(r.line, file.col(r, k.fields[0]), "%s %q appears twice: also on %s; each row needs its own %s", k.name, key, lineOf(prev), k.name)
			continue
		}
		k.seen[key] = file.pos(r.line, 0)
	}
	for i, fks := range fkCols {
		if cells[i].Missing || cells[i].Invalid {
			continue
		}
		for _, fk := range fks {
			d.refs = append(d.refs, reference{fk: fk, value: cells[i].value(), pos: file.pos(r.line, file.col(r, i))})
		}
	}
}

// lineOf names the line of a file a row is on, for messages: "line 12 of
// data/x.csv", or "row 12 of data/x.xlsx" in a workbook or a Parquet file.
func lineOf(p diag.Pos) string {
	if p.Sheet != "" || p.Rows {
		return fmt.Sprintf("row %d of %s", p.Line, p.File)
	}
	return fmt.Sprintf("line %d of %s", p.Line, p.File)
}

func (d *Dataset) fieldIndex(name string) int {
	for i, f := range d.Schema.Fields {
		if f.Name == name {
			return i
		}
	}
	return -1
}

func keyOf(cells []Cell, fields []int) (string, bool) {
	parts := make([]string, len(fields))
	for i, f := range fields {
		if f < 0 || cells[f].Missing || cells[f].Invalid {
			return "", true
		}
		parts[i] = cells[f].value()
	}
	return strings.Join(parts, " + "), false
}

// pos is the position of a line of the file and a byte column on it (in
// a workbook, of a row and a column; in a Parquet file, of a row and a
// column, named).
func (f *File) pos(line, col int) diag.Pos {
	if f.Parquet() {
		return rowPos(f.Path, f.names, line, col)
	}
	return diag.Pos{File: f.Path, Sheet: f.Sheet, Line: line, Col: col}
}

// col is the byte column of field fi's cell in row r, or 1.
func (f *File) col(r *row, fi int) int {
	for c, x := range f.columns {
		if x == fi && c < len(r.pos) {
			return r.pos[c]
		}
	}
	return 1
}

// mapHeader matches the header cells to the schema's fields. Every required
// field must be present; a header cell that names no field is an error for a
// declared schema.
func (d *Dataset) mapHeader(file *File, sc *scanner, probs *problems) bool {
	file.columns = make([]int, len(sc.Header))
	ok := true
	used := map[int]string{}
	for i, h := range sc.Header {
		fi := d.Schema.match(h)
		file.columns[i] = fi
		if fi < 0 {
			probs.errorf(sc.HLine, 1, "column %s %q is not a column of %s: the columns are %s", columnLetter(i), h, d.describe(), d.columnList())
			ok = false
			continue
		}
		if prev, dup := used[fi]; dup {
			probs.errorf(sc.HLine, 1, "columns %q and %q both name %q", prev, h, d.Schema.Fields[fi].Name)
			ok = false
			continue
		}
		used[fi] = h
		if d.Columns[fi].Header == "" {
			d.Columns[fi].Header = h
		}
	}
	if !d.checkUnits(file, sc, probs) {
		ok = false
	}
	for fi, f := range d.Schema.Fields {
		if _, present := used[fi]; !present {
			file.unmapped = append(file.unmapped, fi)
		}
		if _, present := used[fi]; !present && f.Required {
			probs.errorf(sc.HLine, 1, "the header has no column %s, which %s requires", f.names(), d.describe())
			ok, file.missingRequired = false, true
		}
	}
	return ok
}

func (d *Dataset) describe() string {
	if d.Kind != nil {
		return "the " + d.Kind.ID + " dataset"
	}
	return "this dataset's schema"
}

func (d *Dataset) columnList() string {
	var names []string
	for _, f := range d.Schema.Fields {
		names = append(names, f.names())
	}
	return strings.Join(names, ", ")
}

// ColumnIndex is the index of each column in a row's cells, by the
// column's name.
func (d *Dataset) ColumnIndex() map[string]int {
	col := make(map[string]int, len(d.Columns))
	for i, c := range d.Columns {
		col[c.Name] = i
	}
	return col
}

// Pos is the position of a line of one of d's files (in a workbook or a
// Parquet file, of a row), as Each hands them out, for messages about the
// row; line 0 is the file as a whole.
func (d *Dataset) Pos(file string, line int) diag.Pos {
	for _, f := range d.Files {
		if f.Path == file {
			return f.pos(line, 0)
		}
	}
	return diag.Pos{File: file, Line: line, Rows: isParquet(file)}
}

// Place gives each diagnostic at a line of d's files, whose column is
// not known, the column where its field's cell starts on that line
// (fields[i] for ds[i]), reading those files again once: for the checks
// of a kind, which see rows but not where their cells are (Kind.Check).
// A diagnostic in a workbook gets its sheet too, so it prints as the cell,
// and one in a Parquet file its column's name.
func (d *Dataset) Place(ds []diag.Diagnostic, fields []string) []diag.Diagnostic {
	want := map[string]map[int][]int{} // file → line → indexes into ds
	for i, x := range ds {
		if x.Pos.Line > 0 && x.Pos.Col == 0 && d.fieldIndex(fields[i]) >= 0 {
			if want[x.Pos.File] == nil {
				want[x.Pos.File] = map[int][]int{}
			}
			want[x.Pos.File][x.Pos.Line] = append(want[x.Pos.File][x.Pos.Line], i)
		}
	}
	out := slices.Clone(ds)
	for _, f := range d.Files {
		lines := want[f.Path]
		if lines == nil {
			continue
		}
		_ = d.scan(f, f.problems(0), func(r *row, _ []Cell, _ bool) {
			for _, i := range lines[r.line] {
				out[i].Pos.Col = f.col(r, d.fieldIndex(fields[i]))
			}
		}, nil)
	}
	for i := range out {
		for _, f := range d.Files {
			if p := out[i].Pos; p.File == f.Path && p.Sheet == "" && (f.Sheet != "" || f.Parquet()) {
				out[i].Pos = f.pos(p.Line, p.Col)
			}
		}
	}
	return out
}

// RowsKept reports whether the rows are kept in memory (see Each), so that
// the texts of their cells can be kept at no cost. Those of a dataset read
// again from its files each hold their part of the files in memory: copy
// the few kept (strings.Clone).
func (d *Dataset) RowsKept() bool { return d.rows() != nil }

// Each calls fn for every valid row of the dataset, in file order: it is
// how pages, metrics, charts, search and downloads go through the rows.
// The rows come from memory, where the first read kept them (see store);
// a dataset too large to keep (Limits.MaxKeptBytes) is read again from its
// files. cells is reused between calls; the texts of its cells are never
// changed and may be kept (but see RowsKept). Once the dataset is loaded,
// several readings may run at once (a past build's metrics, taking this
// build's dataset, beside this build's downloads).
func (d *Dataset) Each(fn func(file string, line int, cells []Cell) error) error {
	if s := d.rows(); s != nil {
		return s.each(d.Files, fn)
	}
	cells := make([]Cell, len(d.Schema.Fields))
	for _, file := range d.Files {
		probs := file.problems(0)
		var ferr error
		err := d.scan(file, probs, func(r *row, cells []Cell, bad bool) {
			if ferr == nil && !bad && !r.total {
				ferr = fn(file.Path, r.line, cells)
			}
		}, cells)
		if ferr != nil {
			return ferr
		}
		if err != nil || probs.hasErrors() {
			return &diag.Errors{List: []diag.Diagnostic{{Pos: filePos(file.Path), Severity: diag.Error,
				Message: "the file changed while the site was being built (it no longer reads as it did a moment ago): build again once it is saved"}}}
		}
	}
	return nil
}
