package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"unsafe"

	"gongkai/generator/internal/data/textenc"
)

// Reading a file after its header runs on every core:
//
//	cut     one goroutine decodes the text and cuts it into chunks of about
//	        chunkBytes that end at a record boundary (a line break outside quotes)
//	work    one worker per core splits its chunk into rows, checks their
//	        shape and parses and validates every cell
//	collect the caller's goroutine takes the chunks back in file order and
//	        hands each row to fn, so statistics, keys and downloads see the
//	        rows exactly as they are in the file
//
// Chunks are bounded in number, so memory stays flat whatever the file's size.

// chunkBytes is the size chunks are cut at.
const chunkBytes = 1 << 20

// chunk is a run of whole records and the line its first byte is on.
type chunk struct {
	seq       int
	text      []byte
	startLine int
	// rows are records already read, before text: one read while looking
	// for the header (see scanner.pending), or a workbook's rows, with the
	// problems found reading them.
	rows  []row
	probs []problem
	// detached is set when text is the file's bytes as they are (but for
	// its first decoded bytes, from before the header's end): the worker
	// decodes or validates it (see scanner.detach).
	detached *textenc.Detached
	decoded  int
}

// parsed is a chunk read into rows.
type parsed struct {
	seq    int
	n      int      // rows
	width  int      // cells per row (schema fields)
	hwidth int      // cells per row in the file (header cells)
	cells  []Cell   // n × width
	lines  []int    // n
	pos    []int    // n × hwidth: the byte column of each cell in the file
	bad    []bool   // n: the row has a problem (reported)
	total  []bool   // n: the row is a total row of the hierarchy (see Hierarchy)
	probs  problems // problems found in the chunk
	stats  []Stats  // per schema field, over the chunk's valid rows (on the statistics pass)
	broken bool     // the chunk's text is not UTF-8: reading stops before it
}

// parsedPool recycles chunk buffers: a file of any size reuses a handful.
var parsedPool = sync.Pool{New: func() any { return new(parsed) }}

// scan reads one file of the dataset, calling fn for every data row with its
// cells in schema order. bad is true when a cell of the row has a problem
// (already reported).
func (d *Dataset) scan(file *File, probs *problems, fn func(r *row, cells []Cell, bad bool), _ []Cell) error {
	var known *Schema
	if !d.Schema.Inferred {
		known = &d.Schema
	}
	sc, err := openScanner(d.fsys, file.Path, d.opts.Limits, known, probs)
	if err != nil {
		return err
	}
	defer sc.Close()
	if file.columns == nil { // the first reading: later ones read the same, maybe at the same time (Each)
		file.Encoding, file.Delimiter, file.HeaderLine = string(sc.Enc), delimName(sc.Delim), sc.HLine
		if sc.sheet != nil {
			file.Sheet, file.Encoding, file.Delimiter = sc.sheet.name, "", ""
		}
		if isParquet(file.Path) {
			file.Encoding, file.Delimiter, file.names = "", "", sc.Header
		}
		if !d.mapHeader(file, sc, probs) {
			return errStop
		}
	}
	chunks, results := make(chan chunk, 2), make(chan *parsed, 2)
	stop := make(chan struct{})
	var cutErr error
	go func() {
		defer close(chunks)
		defer recoverInto(&cutErr)
		cutErr = sc.cut(chunks, stop)
	}()
	workers := max(runtime.GOMAXPROCS(0), 1)
	var wg sync.WaitGroup
	var workErr error
	var once sync.Once
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				var err error
				recoverInto(&err)
				if err != nil {
					once.Do(func() { workErr = err })
				}
			}()
			for c := range chunks {
				p := d.work(c, file, sc)
				select {
				case results <- p:
				case <-stop:
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Collect in file order.
	waiting := map[int]*parsed{}
	next := 0
	var r row
	broken := false
	for p := range results {
		if broken {
			continue // drain: the workers finish the chunks they hold
		}
		waiting[p.seq] = p
		for waiting[next] != nil {
			p := waiting[next]
			delete(waiting, next)
			next++
			for _, q := range p.probs.list {
				probs.add(q.sev, q.line, q.byteCol, "%s", q.msg)
			}
			for i := range p.stats {
				d.Columns[i].Stats.merge(p.stats[i], d.Columns[i].Type)
			}
			probs.dropped += p.probs.dropped
			if p.broken {
				broken = true
				close(stop)
				break
			}
			for i := range p.n {
				r.line, r.pos, r.total = p.lines[i], p.pos[i*p.hwidth:(i+1)*p.hwidth], p.total[i]
				fn(&r, p.cells[i*p.width:(i+1)*p.width], p.bad[i])
			}
			parsedPool.Put(p)
		}
	}
	if broken {
		return errStop
	}
	close(stop)
	if workErr != nil {
		return workErr
	}
	return cutErr
}

// recoverInto turns a panic in a reading goroutine into an error, so a bug
// is reported against the file instead of crashing the build.
func recoverInto(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("internal error while reading (please report it to the gongkai developers): %v", r)
	}
}

// cut sends the text after the header as chunks of whole records.
func (s *scanner) cut(out chan<- chunk, stop <-chan struct{}) error {
	if s.typed != nil {
		return s.cutTyped(out, stop)
	}
	s.count.limit = 0 // the cutter bounds records itself
	seq, line := 0, max(s.nextLine, s.HLine+1)
	send := func(c chunk) bool {
		c.seq = seq
		seq++
		select {
		case out <- c:
			return true
		case <-stop:
			return false
		}
	}
	if s.pending != nil {
		if !send(chunk{rows: []row{s.pendingRow()}, startLine: line}) {
			return nil
		}
		s.pending = nil
	}
	src := io.Reader(s.br)
	var dt *textenc.Detached
	var carry []byte
	decoded := 0 // carry[:decoded] is text from before the detach
	if d, ok := s.detach(); ok {
		dt, src, carry, decoded = &d, d.Raw, d.Text, len(d.Text)
	}
	for {
		block := getBlock(len(carry) + chunkBytes)[:len(carry)]
		copy(block, carry)
		n, err := io.ReadFull(src, block[len(carry):cap(block)])
		block = block[:len(carry)+n]
		eof := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !eof {
			s.report(err)
			return errStop
		}
		cut := len(block)
		if !eof {
			cut = recordBoundary(block)
		}
		if cut < 0 { // no record ends in the block: one record longer than a chunk
			if int64(len(block)) > s.lim.MaxRecordBytes {
				s.probs.errorf(line, 1, "the row starting on this line is longer than %s: most likely a quote (\") in it is never closed, which makes the rest of the file one cell", humanBytes(s.lim.MaxRecordBytes))
				return errStop
			}
			carry = block
			continue
		}
		// Keep the unfinished record before the block goes to a worker, which
		// returns it to the pool once it has read it.
		carry = append(carry[:0], block[cut:]...)
		if cut > 0 {
			lines := bytes.Count(block[:cut], []byte("\n"))
			pre := min(decoded, cut)
			decoded -= pre
			if !send(chunk{text: block[:cut], startLine: line, detached: dt, decoded: pre}) {
				return nil
			}
			line += lines
		} else {
			putBlock(block)
		}
		if eof {
			return nil
		}
	}
}

// pendingRow is the record read while looking for the header that is data.
func (s *scanner) pendingRow() row {
	return row{cells: s.pending, line: s.pendingLine, pos: s.pendingPos, kinds: s.pendingKinds}
}

// typedChunkRows is how many rows of a workbook or Parquet file go to a
// worker at a time.
const typedChunkRows = 2048

// cutTyped sends a workbook's or Parquet file's rows after the header as
// chunks of rows, reading them in order, with the problems of the cells it
// could not read; the workers parse and check the cells.
func (s *scanner) cutTyped(out chan<- chunk, stop <-chan struct{}) error {
	probs := &problems{path: s.path, sheet: s.probs.sheet, names: s.probs.names}
	s.typed.reportTo(probs) // the collector reports to s.probs meanwhile
	defer s.typed.reportTo(s.probs)
	c := chunk{rows: make([]row, 0, typedChunkRows)}
	if s.pending != nil {
		c.rows = append(c.rows, s.pendingRow())
		s.pending = nil
	}
	for seq := 0; ; {
		rec, line, err := s.typed.read()
		if err == nil {
			c.rows = append(c.rows, row{cells: rec, line: line, pos: s.typed.columns(len(rec)), kinds: s.typed.cellKinds()})
		}
		end := err != nil && !errors.Is(err, errSkipRecord)
		if end || len(c.rows) >= typedChunkRows {
			c.seq, c.probs = seq, probs.list
			seq++
			probs.list = nil
			select {
			case out <- c:
			case <-stop:
				return nil
			}
			c = chunk{rows: make([]row, 0, typedChunkRows)}
		}
		if end {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// recordBoundary returns the index just after the last line break in b that
// is outside quotes, or -1. b starts outside quotes; in CSV every quote either
// opens or closes a quoted cell or is one of a doubled pair, so the parity of
// the quotes before a line break says whether it ends a record.
func recordBoundary(b []byte) int {
	quotes := bytes.Count(b, []byte(`"`))
	for end := len(b); ; {
		i := bytes.LastIndexByte(b[:end], '\n')
		if i < 0 {
			return -1
		}
		quotes -= bytes.Count(b[i:end], []byte(`"`))
		if quotes%2 == 0 {
			return i + 1
		}
		end = i
	}
}

// blockPool recycles the byte blocks the cutter reads into.
var blockPool sync.Pool

func getBlock(n int) []byte {
	if b, ok := blockPool.Get().(*[]byte); ok && cap(*b) >= n {
		return (*b)[:0]
	}
	return make([]byte, 0, n)
}

func putBlock(b []byte) {
	b = b[:0]
	blockPool.Put(&b)
}

func grow(s []Cell, n int) []Cell {
	if cap(s) < n {
		return make([]Cell, 0, n)
	}
	return s
}

func growInts(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, 0, n)
	}
	return s
}

// work reads one chunk: rows, their shape, and every cell.
func (d *Dataset) work(c chunk, file *File, sc *scanner) *parsed {
	width, hwidth := len(d.Schema.Fields), len(sc.Header)
	rows := bytes.Count(c.text, []byte("\n")) + 2 + len(c.rows)
	textual := make([]bool, hwidth) // the columns whose control characters checkCells must look for
	for col, fi := range file.columns {
		textual[col] = fi < 0 || !d.Schema.Fields[fi].parsedStrictly()
	}
	kinds := make([]statKind, width)
	for i := range kinds {
		kinds[i] = d.Schema.Fields[i].Type.statKind()
	}
	p := parsedPool.Get().(*parsed)
	*p = parsed{seq: c.seq, width: width, hwidth: hwidth, probs: *file.problems(d.opts.Limits.MaxProblems),
		cells: grow(p.cells[:0], rows*width), lines: growInts(p.lines[:0], rows), pos: growInts(p.pos[:0], rows*hwidth), bad: p.bad[:0], total: p.total[:0]}
	codeCol := file.column(d.Schema.hierarchyCode()) // where a total row says 合计, if the codes nest
	var typed *typedFields                           // a workbook's or Parquet file's cells are read by their types
	if sc.typed != nil {
		typed = newTypedFields(d.Schema.Fields)
	}
	if d.statsPass {
		p.stats = make([]Stats, width)
	}
	handle := func(rec []string, r *row) {
		if allBlank(rec) {
			return // blank rows and rows of only delimiters, as Excel leaves them
		}
		if !checkWidth(&p.probs, sc.Header, sc.Delim, rec, r) {
			return
		}
		r.cells = rec[:len(sc.Header)]
		if !checkCells(&p.probs, sc.Header, d.opts.Limits, textual, r) {
			return
		}
		base := len(p.cells)
		p.cells = p.cells[:base+width]
		for _, fi := range file.unmapped {
			p.cells[base+fi] = Cell{Missing: true}
		}
		bad := file.missingRequired
		total := codeCol >= 0 && isTotalRow(r.cells, codeCol)
		for col, fi := range file.columns {
			if fi < 0 {
				continue
			}
			cell := &p.cells[base+fi]
			if total && (col == codeCol || blank(r.cells[col])) {
				// A total row's code says 合计 or nothing, and it may leave
				// the group's columns blank: it is no row of the dataset.
				*cell = Cell{Missing: true}
				continue
			}
			field := &d.Schema.Fields[fi]
			if r.kinds != nil {
				field = typed.field(field, fi, r.kinds[col])
			}
			msg := parseInto(cell, r.cells[col], field, &d.Schema)
			if !d.statsPass {
				cell.settle() // the cell leaves the package: its text must be the value
			}
			if msg != "" {
				p.probs.cellf(r.line, r.pos[col], col, sc.Header[col], "%s", msg)
				bad, cell.Invalid = true, true
			}
		}
		if p.stats != nil && !bad && !total {
			for i := range width {
				p.stats[i].add(&p.cells[base+i], kinds[i])
			}
		}
		p.lines = append(p.lines, r.line)
		p.pos = append(p.pos, r.pos[:hwidth]...)
		p.bad = append(p.bad, bad)
		p.total = append(p.total, total)
		p.n++
	}
	for _, q := range c.probs {
		p.probs.add(q.sev, q.line, q.byteCol, "%s", q.msg)
	}
	for i := range c.rows {
		handle(c.rows[i].cells, &c.rows[i])
	}
	if len(c.text) == 0 {
		return p
	}
	text := c.text
	if dt := c.detached; dt != nil {
		if dt.Decode != nil {
			text = dt.Decode(append([]byte(nil), c.text[:c.decoded]...), c.text[c.decoded:])
			putBlock(c.text) // decoded into new memory: the raw bytes are done with
		}
		// As the decoder would: the text before the first place that cannot
		// be decoded is not read as rows, and reading stops there.
		if bad := dt.Invalid(text); bad >= 0 {
			col := bad - bytes.LastIndexByte(text[:bad], '\n')
			p.probs.errorf(c.startLine+bytes.Count(text[:bad], []byte("\n")), col, "%s", dt.Msg)
			p.broken = true
			return p
		}
	}
	// One string per chunk: every field is a substring of it. The chunk's
	// bytes are never written again (the cutter reads each chunk into a
	// block of its own and only decoded-away blocks go back to the pool), so
	// the string needs no copy.
	str := unsafe.String(unsafe.SliceData(text), len(text))
	sp := newSplitter(str, sc.Delim)
	var r row
	for {
		ok, err := sp.next()
		if !ok {
			return p
		}
		if err != nil {
			if pe := (*csv.ParseError)(nil); errors.As(err, &pe) {
				pe.StartLine += c.startLine - 1
				pe.Line += c.startLine - 1
				reportQuote(&p.probs, pe)
				if errors.Is(pe.Err, csv.ErrQuote) && pe.Line != pe.StartLine {
					return p
				}
				continue
			}
		}
		rec := sp.fields
		r.pos = append(r.pos[:0], sp.cols...)
		r.line = sp.recLine + c.startLine - 1
		handle(rec, &r)
	}
}
