package data

import (
	"math"
	"strings"
)

// store keeps a dataset's valid rows after the first, validating read, so
// that the pages, metrics, charts, search and downloads that go through
// them again (Each) walk memory instead of reading and parsing the files
// once each: a dataset is read once per build.
//
// It keeps them column by column, not as cells (a Cell is 56 bytes, and
// its text would keep its file's text in memory): a column of few
// different values — years, stages, departments, subject codes, cities —
// keeps each value once and two bytes per row; any other — amounts,
// names, credit codes — keeps its values' bytes one after the other and
// where each ends. A million budget rows take about 35 MB. A dataset whose
// store grows past Limits.MaxKeptBytes is not kept: Each reads its files
// again, and memory stays bounded whatever the size of the data.
type store struct {
	cols  []storeColumn
	lines []int32 // each row's line in its file
	ends  []int   // for each of the dataset's files, the rows up to its end
	// written holds Cell.Written of the few cells whose number was written
	// in another unit than its column's, by row × width + column, in order.
	written []writtenCell
	n       int // rows
}

type writtenCell struct {
	at   int
	text string
}

// storeColumn is one column of a store: a dictionary of its values and a
// code per row, until it has too many different values for that to pay
// (dictionaryPays), then its text.
type storeColumn struct {
	// dictionary mode
	dict    []string  // the different values
	dictNum []float64 // each value's number (Cell.Num)
	index   map[string]uint16
	codes   []uint16 // per row: 0 for a missing value, else its index in dict + 1
	last    uint16   // the code added last: runs of one value skip the map
	bytes   int64    // what dict, dictNum and index take
	// text mode (inText): per row
	inText  bool
	text    []byte    // the values, one after the other, while the rows are added
	str     string    // text, once every row is added
	ends    []uint32  // where each row's value ends in text
	nums    []float64 // each row's number; nil while every one is 0
	missing []uint64  // a bit per row: the value is missing
}

// maxDict is the most values a column keeps in a dictionary: its codes
// are two bytes, and 0 says missing.
const maxDict = math.MaxUint16 - 1

func newStore(width int) *store { return &store{cols: make([]storeColumn, width)} }

// keep adds a valid row as add does, and returns the store — or nil once
// it takes more than max bytes: the rows are then not kept.
func (s *store) keep(file, line int, cells []Cell, max int64) *store {
	s.add(file, line, cells)
	if s.n%4096 == 0 && s.size() > max {
		return nil
	}
	return s
}

// kept finishes the store once every row is added, and returns it — or
// nil when it takes more than max bytes.
func (s *store) kept(max int64) *store {
	s.finish()
	if s.size() > max {
		return nil
	}
	return s
}

// add keeps a valid row of the file with index file, read at line.
func (s *store) add(file, line int, cells []Cell) {
	for len(s.ends) <= file {
		s.ends = append(s.ends, s.n)
	}
	for i := range cells {
		c := &cells[i]
		s.cols[i].add(c, s.n)
		if c.Written != "" {
			s.written = append(s.written, writtenCell{s.n*len(s.cols) + i, strings.Clone(c.Written)})
		}
	}
	s.lines = append(s.lines, int32(line))
	s.n++
	s.ends[file] = s.n
}

// add keeps the cell of row n (every row before it is kept).
func (c *storeColumn) add(cell *Cell, n int) {
	if c.inText {
		c.addText(cell, n)
		return
	}
	if cell.Missing {
		c.codes = append(c.codes, 0)
		return
	}
	if c.last != 0 && cell.grouped == 0 && cell.Text == c.dict[c.last-1] && cell.Num == c.dictNum[c.last-1] {
		c.codes = append(c.codes, c.last)
		return
	}
	v := cell.value()
	code, ok := c.index[v]
	switch {
	case ok && c.dictNum[code-1] != cell.Num: // never for a column of one type; kept exact all the same
		c.toText()
		c.addText(cell, n)
		return
	case !ok && !c.dictionaryPays(n):
		c.toText()
		c.addText(cell, n)
		return
	case !ok:
		if c.index == nil {
			c.index = map[string]uint16{}
		}
		v = strings.Clone(v) // not the file's text, which it would keep in memory
		c.dict, c.dictNum = append(c.dict, v), append(c.dictNum, cell.Num)
		c.bytes += int64(len(v)) + 16 + 8 + 40 // the text, its header, its number, its entry in index
		code = uint16(len(c.dict))
		c.index[v] = code
	}
	c.codes = append(c.codes, code)
	c.last = code
}

// dictionaryPays reports whether a column keeps a new value in its
// dictionary at row n: while it has room, and unless most rows so far
// brought a value of their own.
func (c *storeColumn) dictionaryPays(n int) bool {
	return len(c.dict) < maxDict && (len(c.dict) < 1024 || len(c.dict) < n/2)
}

// toText turns a column kept as a dictionary into text.
func (c *storeColumn) toText() {
	c.inText = true
	dict, nums, codes := c.dict, c.dictNum, c.codes
	c.dict, c.dictNum, c.index, c.codes, c.bytes = nil, nil, nil, nil, 0
	for i, code := range codes {
		if code == 0 {
			c.addText(&Cell{Missing: true}, i)
			continue
		}
		c.addText(&Cell{Text: dict[code-1], Num: nums[code-1]}, i)
	}
}

func (c *storeColumn) addText(cell *Cell, n int) {
	switch {
	case cell.Missing:
		for len(c.missing) <= n/64 {
			c.missing = append(c.missing, 0)
		}
		c.missing[n/64] |= 1 << (n % 64)
	case cell.grouped != 0: // the value without its thousands separators
		for i := range len(cell.Text) {
			if cell.Text[i] != cell.grouped {
				c.text = append(c.text, cell.Text[i])
			}
		}
	default:
		c.text = append(c.text, cell.Text...)
	}
	c.ends = append(c.ends, uint32(len(c.text)))
	if cell.Num != 0 && c.nums == nil {
		c.nums = make([]float64, n, cap(c.ends))
	}
	if c.nums != nil {
		c.nums = append(c.nums, cell.Num)
	}
}

// finish ends the adding of rows: the store is read only from here on, by
// any number of readings at once.
func (s *store) finish() {
	for i := range s.cols {
		c := &s.cols[i]
		c.index = nil
		c.str, c.text = string(c.text), nil
	}
}

// size is about how many bytes the store takes.
func (s *store) size() int64 {
	n := int64(cap(s.lines))*4 + int64(cap(s.written))*24
	for i := range s.cols {
		c := &s.cols[i]
		n += c.bytes + int64(cap(c.codes))*2 + int64(cap(c.text)+len(c.str)) +
			int64(cap(c.ends))*4 + int64(cap(c.nums))*8 + int64(cap(c.missing))*8
	}
	return n
}

// each calls fn for every row of the store, in order, with the path of
// each row's file. cells is reused between calls.
func (s *store) each(files []*File, fn func(file string, line int, cells []Cell) error) error {
	cells := make([]Cell, len(s.cols))
	w, row := 0, 0 // w: the next cell with a Written text
	for fi, end := range s.ends {
		for ; row < end; row++ {
			for i := range s.cols {
				s.cols[i].cell(row, &cells[i])
			}
			for ; w < len(s.written) && s.written[w].at < (row+1)*len(s.cols); w++ {
				cells[s.written[w].at-row*len(s.cols)].Written = s.written[w].text
			}
			if err := fn(files[fi].Path, int(s.lines[row]), cells); err != nil {
				return err
			}
		}
	}
	return nil
}

// cell sets *cell to the column's cell of row i.
func (c *storeColumn) cell(i int, cell *Cell) {
	*cell = Cell{}
	if !c.inText {
		code := c.codes[i]
		if code == 0 {
			cell.Missing = true
			return
		}
		cell.Text, cell.Num = c.dict[code-1], c.dictNum[code-1]
		return
	}
	if i/64 < len(c.missing) && c.missing[i/64]&(1<<(i%64)) != 0 {
		cell.Missing = true
		return
	}
	start := uint32(0)
	if i > 0 {
		start = c.ends[i-1]
	}
	cell.Text = c.str[start:c.ends[i]]
	if c.nums != nil {
		cell.Num = c.nums[i]
	}
}
