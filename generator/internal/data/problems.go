package data

import (
	"bufio"
	"fmt"
	"io/fs"
	"slices"
	"unicode/utf8"

	"gongkai/generator/internal/data/textenc"
	"gongkai/generator/internal/diag"
)

// problem is a diagnostic whose column is still a byte offset in the decoded
// line, as encoding/csv and textenc report it.
type problem struct {
	line, byteCol int
	inChars       bool // byteCol is a column in characters already
	sev           diag.Severity
	msg           string
	sheet         string // in a workbook, a sheet other than the one read
}

// problems collects the diagnostics of one file, up to a limit.
type problems struct {
	path string
	// sheet is the worksheet read, in a workbook (.xlsx): lines are its
	// rows and columns its columns (see diag.Pos).
	sheet string
	// names are a Parquet file's columns: lines are its rows (0: the file
	// as a whole) and columns the columns' numbers (see diag.Pos).
	names   []string
	max     int
	list    []problem
	dropped int
}

// problems is a list for the problems of the file.
func (f *File) problems(max int) *problems {
	return &problems{path: f.Path, sheet: f.Sheet, names: f.names, max: max}
}

func (p *problems) add(sev diag.Severity, line, byteCol int, format string, args ...any) {
	if p.max > 0 && len(p.list) >= p.max {
		p.dropped++
		return
	}
	p.list = append(p.list, problem{line: line, byteCol: byteCol, sev: sev, msg: fmt.Sprintf(format, args...)})
}

func (p *problems) errorf(line, byteCol int, format string, args ...any) {
	p.add(diag.Error, line, byteCol, format, args...)
}

// errorfChars is errorf with a column counted in characters already.
func (p *problems) errorfChars(line, col int, format string, args ...any) {
	n := len(p.list)
	p.add(diag.Error, line, col, format, args...)
	if len(p.list) > n {
		p.list[n].inChars = true
	}
}

func (p *problems) warnf(line, byteCol int, format string, args ...any) {
	p.add(diag.Warning, line, byteCol, format, args...)
}

// cellf reports an error in the cell of the header's column col (from 0),
// named header, on line at byteCol: `column C "金额": …`. In a Parquet
// file the position names the column, and the message is said alone.
func (p *problems) cellf(line, byteCol, col int, header, format string, args ...any) {
	if isParquet(p.path) {
		p.errorf(line, col+1, format, args...)
		return
	}
	p.errorf(line, byteCol, "column %s %q: "+format, append([]any{columnLetter(col), header}, args...)...)
}

// fileErrorf reports an error about the file as a whole.
func (p *problems) fileErrorf(format string, args ...any) {
	line := 1
	if isParquet(p.path) {
		line = 0 // the file, not its first row
	}
	p.errorf(line, 1, format, args...)
}

// pos is the position of a problem's line and column (in characters).
func (p *problems) pos(sheet string, line, col int) diag.Pos {
	if !isParquet(p.path) {
		return diag.Pos{File: p.path, Sheet: sheet, Line: line, Col: col}
	}
	return rowPos(p.path, p.names, line, col)
}

// filePos is the position of a data file as a whole.
func filePos(path string) diag.Pos { return diag.Pos{File: path, Rows: isParquet(path)} }

// rowPos is the position of a row of a Parquet file (0: the file) and of
// its column col (from 1; 0: the row), named from names.
func rowPos(path string, names []string, line, col int) diag.Pos {
	pos := diag.Pos{File: path, Rows: true, Line: max(line, 0)}
	if line > 0 && col >= 1 && col <= len(names) {
		pos.Col, pos.Column = col, names[col-1]
	}
	return pos
}

func (p *problems) hasErrors() bool {
	return slices.ContainsFunc(p.list, func(q problem) bool { return q.sev == diag.Error })
}

// flush converts byte columns to character columns and reports into diags.
// Columns need the text of the lines concerned, so the file is read again —
// only when there are problems, so the happy path pays nothing.
func (p *problems) flush(fsys fs.FS, diags *diag.List) {
	if len(p.list) == 0 {
		return
	}
	cols := p.charColumns(fsys)
	for i, q := range p.list {
		sheet := p.sheet
		if q.sheet != "" {
			sheet = q.sheet
		}
		diags.Add(diag.Diagnostic{Pos: p.pos(sheet, q.line, cols[i]), Severity: q.sev, Message: q.msg})
	}
	if p.dropped > 0 {
		last := p.list[len(p.list)-1]
		// Placed just after the last listed problem, so it sorts last.
		pos := p.pos(p.sheet, last.line, cols[len(cols)-1]+1)
		if pos.Rows { // the row's, not its next column's
			pos.Col, pos.Column = cols[len(cols)-1]+1, ""
		}
		diags.Add(diag.Diagnostic{Pos: pos, Severity: diag.Error,
			Message: fmt.Sprintf("…and %d more problems in this file (only the first %d are listed)", p.dropped, len(p.list))})
	}
}

// charColumns returns, for each problem, its 1-based column in characters
// (in a workbook or a Parquet file, the cell's column).
func (p *problems) charColumns(fsys fs.FS) []int {
	cols := make([]int, len(p.list))
	want := map[int][]int{} // line → indexes of problems on it
	for i, q := range p.list {
		cols[i] = max(q.byteCol, 1)
		if q.byteCol > 1 && !q.inChars && !isWorkbook(p.path) && !isParquet(p.path) {
			want[q.line] = append(want[q.line], i)
		}
	}
	if len(want) == 0 {
		return cols
	}
	f, err := fsys.Open(p.path)
	if err != nil {
		return cols
	}
	defer f.Close()
	r, _, err := textenc.NewReader(f)
	if err != nil {
		return cols
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for line := 1; sc.Scan() && len(want) > 0; line++ {
		idx, ok := want[line]
		if !ok {
			continue
		}
		text := sc.Bytes()
		for _, i := range idx {
			b := min(p.list[i].byteCol-1, len(text))
			cols[i] = utf8.RuneCount(text[:b]) + 1
		}
		delete(want, line)
	}
	return cols
}
