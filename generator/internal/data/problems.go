package data

import (
	"bufio"
	"fmt"
	"io"
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
	sev           diag.Severity
	msg           string
}

// problems collects the diagnostics of one file, up to a limit.
type problems struct {
	path    string
	max     int
	list    []problem
	dropped int
}

func (p *problems) add(sev diag.Severity, line, byteCol int, format string, args ...any) {
	if p.max > 0 && len(p.list) >= p.max {
		p.dropped++
		return
	}
	p.list = append(p.list, problem{line, byteCol, sev, fmt.Sprintf(format, args...)})
}

func (p *problems) errorf(line, byteCol int, format string, args ...any) {
	p.add(diag.Error, line, byteCol, format, args...)
}

func (p *problems) warnf(line, byteCol int, format string, args ...any) {
	p.add(diag.Warning, line, byteCol, format, args...)
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
		diags.Add(diag.Diagnostic{Pos: diag.Pos{File: p.path, Line: q.line, Col: cols[i]}, Severity: q.sev, Message: q.msg})
	}
	if p.dropped > 0 {
		last := p.list[len(p.list)-1]
		// Placed just after the last listed problem, so it sorts last.
		diags.Add(diag.Diagnostic{Pos: diag.Pos{File: p.path, Line: last.line, Col: cols[len(cols)-1] + 1}, Severity: diag.Error,
			Message: fmt.Sprintf("…and %d more problems in this file (only the first %d are listed)", p.dropped, len(p.list))})
	}
}

// charColumns returns, for each problem, its 1-based column in characters.
func (p *problems) charColumns(fsys fs.FS) []int {
	cols := make([]int, len(p.list))
	want := map[int][]int{} // line → indexes of problems on it
	for i, q := range p.list {
		cols[i] = max(q.byteCol, 1)
		if q.byteCol > 1 {
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
	// A file whose encoding cannot be told was refused at a line whose start
	// is UTF-8 text (see textenc): its characters are counted as they are.
	var r io.Reader = f
	if dec, _, err := textenc.NewReader(f); err == nil {
		r = dec
	} else if f2, err := fsys.Open(p.path); err == nil {
		defer f2.Close()
		r = f2
	} else {
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
