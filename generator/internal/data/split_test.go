package data

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

// splitAll reads every record with the splitter.
func splitAll(text string, delim rune) (recs [][]string, pos [][2]int, errs []string) {
	s := newSplitter(text, delim)
	for {
		ok, err := s.next()
		if !ok {
			return
		}
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		recs = append(recs, slices.Clone(s.fields))
		for i := range s.fields {
			pos = append(pos, [2]int{s.fieldLine(i), s.cols[i]})
		}
	}
}

// csvAll reads every record with encoding/csv, the reference.
func csvAll(text string, delim rune) (recs [][]string, pos [][2]int, errs []string) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.FieldsPerRecord = delim, -1
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		recs = append(recs, rec)
		for i := range rec {
			l, c := r.FieldPos(i)
			pos = append(pos, [2]int{l, c})
		}
	}
}

// FuzzSplitter holds the splitter to encoding/csv's behaviour on any text:
// the same records, field positions and errors.
func FuzzSplitter(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n", "a,\"b,c\"\r\n\"x\"\"y\",z\r\n", "\"multi\nline\",1\n2,3", "a,b\"c\n", "\"unclosed\n1,2\n", "\"a\"b,c\n",
		"\n\n,\n\"\"\n", "a\r\n\r\nb\r", "\"a\r\nb\",c\r\n", "x,\"y\"\n\"", "\"\"\"\",\"\n\"\n",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, semicolon bool) {
		delim := ','
		if semicolon {
			delim = ';'
		}
		gr, gp, ge := splitAll(text, delim)
		wr, wp, we := csvAll(text, delim)
		if !slices.EqualFunc(gr, wr, slices.Equal) || !slices.Equal(gp, wp) || !slices.Equal(ge, we) {
			t.Fatalf("%q:\nsplitter %q %v %v\ncsv      %q %v %v", text, gr, gp, ge, wr, wp, we)
		}
	})
}

// BenchmarkSplitter splits budget rows as the workers do, a chunk at a time.
func BenchmarkSplitter(b *testing.B) {
	var sb strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&sb, "%d,预算,广东省民政厅,2080201,行政运行,\"%d,%03d.%02d\"\n", 2011+i%5, i%997+1, i%1000, i%100)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		sp := newSplitter(text, ',')
		for {
			if ok, err := sp.next(); !ok || err != nil {
				break
			}
		}
	}
}
