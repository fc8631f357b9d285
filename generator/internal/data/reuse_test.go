package data

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gongkai/generator/internal/diag"
)

// dataWriter returns a func writing a file under dir/data, with a later
// modification time than the file it replaces, even on a coarse clock.
func dataWriter(t *testing.T, dir string) func(name, text string) {
	return func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, "data", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Duration(len(text)) * time.Second)
		if err := os.Chtimes(p, later, later); err != nil {
			t.Fatal(err)
		}
	}
}

// loadByID loads the datasets of fsys with reuse, and returns them by id
// with what loading them reported, one message a line.
func loadByID(t *testing.T, fsys fs.FS, opts Options, reuse *Reuse) (map[string]*Dataset, string) {
	t.Helper()
	var diags diag.List
	sets, err := LoadReusing(fsys, opts, reuse, &diags)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*Dataset{}
	for _, d := range sets {
		byID[d.ID] = d
	}
	var lines []string
	for _, d := range diags.Sorted() {
		lines = append(lines, d.String())
	}
	return byID, strings.Join(lines, "\n")
}

// TestLoadReusing: a second Load takes the datasets whose files did not
// change from the first, with their warnings; it reads again one whose file
// or schema file changed; it never keeps one with errors; and references
// between datasets are checked again each time.
func TestLoadReusing(t *testing.T) {
	dir := t.TempDir()
	write := dataWriter(t, dir)
	write("cities.csv", "code,name\n4401,广州\n4403,深圳\n")
	write("empty.csv", "a,b\n")
	write("people.csv", "city,n\n4401,3\n")
	write("people.schema.json", `{"fields": [{"name": "city", "type": "string"}, {"name": "n", "type": "integer"}], "foreignKeys": [{"fields": ["city"], "reference": {"resource": "cities", "fields": ["code"]}}]}`)
	reuse := &Reuse{}
	fsys := os.DirFS(dir)
	load := func() (map[string]*Dataset, string) { return loadByID(t, fsys, DefaultOptions(), reuse) }
	first, msgs := load()
	if !strings.Contains(msgs, "data/empty.csv:1:1: warning: the file has a header but no rows") {
		t.Fatalf("first load: %s", msgs)
	}
	second, msgs2 := load()
	for id, d := range first {
		if second[id] != d {
			t.Errorf("%s was read again although nothing changed", id)
		}
	}
	if msgs2 != msgs {
		t.Errorf("the reused datasets' messages: %q, want %q", msgs2, msgs)
	}

	write("cities.csv", "code,name\n4401,广州\n") // 4403 goes: no reference breaks
	third, msgs3 := load()
	if third["cities"] == first["cities"] || third["cities"].Rows != 1 {
		t.Error("the changed file was not read again")
	}
	if third["people"] != first["people"] {
		t.Error("an unchanged dataset was read again")
	}
	if msgs3 != msgs {
		t.Errorf("messages %q", msgs3)
	}

	write("cities.csv", "code,name\n4403,深圳\n") // now people's 4401 has nothing to refer to
	_, msgs4 := load()
	if !strings.Contains(msgs4, `data/people.csv:2:1:`) || !strings.Contains(msgs4, "4401") {
		t.Errorf("a reference broken by another file's change is not reported: %s", msgs4)
	}

	write("people.schema.json", `{"fields": [{"name": "city", "type": "string"}, {"name": "n", "type": "year"}]}`)
	fifth, msgs5 := load()
	if fifth["people"] == first["people"] || !strings.Contains(msgs5, `data/people.csv:2:`) {
		t.Errorf("a changed schema file did not make the dataset be read again: %s", msgs5)
	}
	_, msgs6 := load()
	if msgs6 != msgs5 {
		t.Errorf("a dataset with errors must be read again, reporting them again: %q, want %q", msgs6, msgs5)
	}
}

// TestLoadReusingKinds: a kind's dataset is taken from the last Load when the
// kinds are the same (in another slice, as each build makes its options
// anew), and read again when its file turns from a generic dataset into a
// kind's or back, or when its kind changes.
func TestLoadReusingKinds(t *testing.T) {
	fsys := fstest.MapFS{"data/ledger.csv": {Data: []byte("a\n1\n")}}
	ledger := Kind{ID: "ledger", Path: "data/ledger.csv", Title: "Ledger", Schema: func() Schema {
		return Schema{Fields: []Field{{Name: "a", Type: Integer}}}
	}}
	reuse := &Reuse{}
	read := func(kinds ...Kind) *Dataset {
		t.Helper()
		opts := DefaultOptions()
		opts.Kinds = kinds
		var diags diag.List
		sets, err := LoadReusing(fsys, opts, reuse, &diags)
		if err != nil || diags.HasErrors() || len(sets) != 1 || sets[0].ID != "ledger" {
			t.Fatalf("%v %v %v", sets, err, diags.Sorted())
		}
		return sets[0]
	}
	generic := read()
	if generic.Kind != nil {
		t.Fatal("a file no kind claims is a generic dataset")
	}
	first := read(ledger)
	if first == generic || first.Kind == nil || first.Title != "Ledger" {
		t.Errorf("the file a kind claims was not read again as the kind's: %+v", first)
	}
	if again := read(ledger); again != first {
		t.Error("the same kind in another slice made the dataset be read again")
	}
	renamed := ledger
	renamed.Title = "Renamed"
	if d := read(renamed); d == first || d.Title != "Renamed" {
		t.Errorf("a changed kind did not make the dataset be read again: %q", d.Title)
	}
	if d := read(); d.Kind != nil {
		t.Error("a file no longer claimed kept its kind")
	}
}
