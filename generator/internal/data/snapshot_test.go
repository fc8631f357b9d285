package data

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// memSnapshots keeps snapshots in memory, counting what is asked of it.
type memSnapshots struct {
	mu         sync.Mutex
	m          map[[32]byte][]byte
	gets, hits int
}

func (s *memSnapshots) Get(k [32]byte) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gets++
	b, ok := s.m[k]
	if ok {
		s.hits++
	}
	return b, ok
}

func (s *memSnapshots) Put(k [32]byte, b []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[[32]byte][]byte{}
	}
	s.m[k] = b
}

// reading is everything a reading of a dataset gives its users: what the
// pages show, its files' shapes, its rows through Each (with their file,
// line and whether each is a subtotal) and what was reported.
func reading(t *testing.T, d *Dataset) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "%s rows %d subtotals %d totals %d\npreview %#v\n", d.ID, d.Rows, d.Subtotals, d.Totals, d.Preview)
	for _, c := range d.Columns {
		s := c.Stats
		fmt.Fprintf(&b, "column %s %q %d %d %q %q %v %v %q %t\n", c.Name, c.Header, s.Count, s.Missing, s.Min, s.Max, s.MinNum, s.MaxNum, s.Distinct, s.Many)
	}
	for _, f := range d.Files {
		fmt.Fprintf(&b, "file %s %q %q %q %d %d %v %v %v %q\n", f.Path, f.Sheet, f.Encoding, f.Delimiter, f.HeaderLine, f.Rows, f.columns, f.unmapped, f.subtotals, f.names)
	}
	err := d.Each(func(file string, line int, cells []Cell) error {
		fmt.Fprintf(&b, "%s:%d %t %#v\n", file, line, d.IsSubtotal(file, line), cells)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestSnapshots: a Load given the snapshots of an earlier one — in
// another process: nothing else is shared — takes every unchanged dataset
// from them without reading it (its rows are read when first asked for),
// and what the datasets give is the same as when read: statistics,
// preview, files, rows, subtotals, warnings; references between datasets
// are checked again, so an edit of the referenced dataset finds a value
// that the unchanged one refers to and it no longer has. A snapshot that
// is not one is read past.
func TestSnapshots(t *testing.T) {
	dir := t.TempDir()
	write := dataWriter(t, dir)
	write("ledger/2013.csv", "部门,编码,名称,金额\n甲厅,,合计,3.00\n甲厅,208,社会保障和就业支出,3.00\n甲厅,2080201,行政运行,1.00\n甲厅,2080208,基层政权和社区建设,2.00\n")
	write("cities.csv", "code,name\n4401,广州\n4403,深圳\n")
	write("people.csv", "city,n,day\n4401,3,2015-01-02\n4403,,2016-03-04\n")
	write("people.schema.json", `{"fields": [{"name": "city", "type": "string"}, {"name": "n", "type": "integer"}, {"name": "day", "type": "date"}], "foreignKeys": [{"fields": ["city"], "reference": {"resource": "cities", "fields": ["code"]}}]}`)
	write("empty.csv", "a,b\n")
	write("bad.csv", "a,b\nx,1\n")
	write("bad.schema.json", `{"fields": [{"name": "a", "type": "integer"}, {"name": "b", "type": "string"}]}`)
	opts := DefaultOptions()
	opts.Kinds = []Kind{ledger}
	fsys := os.DirFS(dir)
	load := func(snaps Snapshots) (map[string]*Dataset, string) {
		return loadByID(t, fsys, opts, &Reuse{Snapshots: snaps})
	}
	snaps := &memSnapshots{}
	read, readMsgs := load(snaps)
	if _, ok := read["bad"]; !ok || len(snaps.m) != len(read)-1 { // bad.csv has an error
		t.Fatalf("%d snapshots kept of %d datasets, one with an error", len(snaps.m), len(read))
	}
	for _, want := range []string{"合计", "subtotal of 2080201", "no rows", "data/bad.csv:2:1"} {
		if !strings.Contains(readMsgs, want) {
			t.Fatalf("the first reading did not report %q:\n%s", want, readMsgs)
		}
	}

	taken, takenMsgs := load(snaps)
	if snaps.hits != len(snaps.m) {
		t.Errorf("%d of %d snapshots taken", snaps.hits, len(snaps.m))
	}
	if takenMsgs != readMsgs {
		t.Errorf("messages from snapshots:\n%s\nwant, as read:\n%s", takenMsgs, readMsgs)
	}
	for id, d := range taken {
		if id == "bad" {
			continue
		}
		// cities is read all the same: people's references are checked against its rows.
		if id != "cities" && (!d.unread || d.store != nil) {
			t.Errorf("%s was read, not taken from its snapshot", id)
		}
		if got, want := reading(t, d), reading(t, read[id]); got != want {
			t.Errorf("%s taken from its snapshot:\n%s\nwant, as read:\n%s", id, got, want)
		}
		if !d.RowsKept() {
			t.Errorf("%s: its rows, once read, are not kept", id)
		}
	}

	write("cities.csv", "code,name\n4403,深圳\n")
	_, msgs := load(snaps)
	if want := `data/people.csv:2:1: city "4401" does not exist in cities`; !strings.Contains(msgs, want) {
		t.Errorf("after an edit of cities.csv, people.csv (from its snapshot) is not checked against it:\n%s", msgs)
	}

	for k := range snaps.m {
		snaps.m[k] = []byte("not a snapshot")
	}
	garbled, msgs := load(snaps)
	if strings.Contains(msgs, "panic") || garbled["people"].unread {
		t.Errorf("a garbled snapshot was taken:\n%s", msgs)
	}
	if got, want := reading(t, garbled["ledger"]), reading(t, read["ledger"]); got != want {
		t.Errorf("read past a garbled snapshot:\n%s\nwant:\n%s", got, want)
	}
	if !reflect.DeepEqual(garbled["people"].Columns[1].Stats.Distinct, read["people"].Columns[1].Stats.Distinct) {
		t.Error("statistics differ after a garbled snapshot")
	}
}
