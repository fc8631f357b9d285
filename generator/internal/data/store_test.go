package data

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"gongkai/generator/internal/diag"
)

// everyRow is each row Each hands out, with every part of every cell.
func everyRow(t *testing.T, d *Dataset) []string {
	t.Helper()
	var out []string
	err := d.Each(func(file string, line int, cells []Cell) error {
		row := fmt.Sprintf("%s:%d", file, line)
		for _, c := range cells {
			row += fmt.Sprintf(" %q/%v/%v/%v/%q", c.Text, c.Num, c.Missing, c.Invalid, c.Written)
		}
		out = append(out, row)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameFromStore checks that the rows Each gives from memory are the rows it
// gives reading the files again.
func sameFromStore(t *testing.T, name string, d *Dataset) {
	t.Helper()
	if d.store == nil {
		t.Errorf("%s: not kept", name)
		return
	}
	kept := everyRow(t, d)
	s := d.store
	d.store = nil
	read := everyRow(t, d)
	d.store = s
	if len(kept) != len(read) || len(kept) != d.Rows {
		t.Errorf("%s: %d rows kept, %d read, %d in the dataset", name, len(kept), len(read), d.Rows)
		return
	}
	for i := range kept {
		if kept[i] != read[i] {
			t.Errorf("%s: row %d kept as\n%s\nread as\n%s", name, i+1, kept[i], read[i])
			return
		}
	}
}

// TestStoreKeepsEveryCell: the rows kept after the first read are the
// rows in the files, cell for cell — for every file of the corpus that
// reads without errors, and for a dataset of several files with numbers
// written with thousands separators and in another unit, missing values,
// runs of one value, and columns of so many values that they are kept as
// text.
func TestStoreKeepsEveryCell(t *testing.T) {
	err := filepath.WalkDir("testdata/corpus", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var diags diag.List
		sets, err := Load(fstest.MapFS{"data/x.csv": {Data: src}}, DefaultOptions(), &diags)
		if err == nil && !diags.HasErrors() && len(sets) == 1 {
			sameFromStore(t, p, sets[0])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"data/ledger/empty.csv": {Data: []byte("部门,编码,名称,金额(万元)\n")}}
	for f := range 3 {
		var b strings.Builder
		b.WriteString("部门,编码,名称,金额(万元)\n")
		for i := range 3000 {
			amount := fmt.Sprintf("\"%d,%03d.%02d\"", 1+i%7, i%1000, i%100)
			switch i % 500 {
			case 7:
				amount = "1.5亿元" // 15000 万元, written otherwise
			case 8:
				amount = ""
			}
			name := "名称" + fmt.Sprint(i%40)
			if f == 2 {
				name = fmt.Sprint("名称", i) // a value of its own in every row
			}
			fmt.Fprintf(&b, "部门%d,%d,%s,%s\n", i/300, 208+i%3, name, amount)
		}
		fsys[fmt.Sprintf("data/ledger/%d.csv", f)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	opts := DefaultOptions()
	opts.Kinds = []Kind{{ID: "ledger", Path: "data/ledger", Folder: true, Title: "ledger", Schema: func() Schema {
		return Schema{Fields: []Field{{Name: "部门", Type: String}, {Name: "编码", Type: String}, {Name: "名称", Type: String},
			{Name: "金额", Type: Number, Unit: "万元"}}}
	}}}
	var diags diag.List
	sets, err := Load(fsys, opts, &diags)
	if err != nil || diags.HasErrors() || len(sets) != 1 {
		t.Fatalf("%d datasets: %v\n%v", len(sets), err, diags.Err())
	}
	d := sets[0]
	sameFromStore(t, "ledger", d)
	if name, amount := &d.store.cols[2], &d.store.cols[3]; name.inText || !amount.inText {
		t.Errorf("名称 kept as text: %v, 金额 kept as text: %v", name.inText, amount.inText)
	}
	if len(d.store.written) == 0 {
		t.Error("no number written in another unit")
	}
}

// TestStoreSize: a budget's rows are kept in a few dozen bytes each, and a
// dataset that would take more than MaxKeptBytes is not kept.
func TestStoreSize(t *testing.T) {
	var b strings.Builder
	b.WriteString("年度,阶段,部门,科目编码,科目名称,金额(万元)\n")
	const rows = 100_000
	for i := range rows {
		fmt.Fprintf(&b, "%d,%s,部门%d,2080%03d,科目%d,\"%d,%03d.%02d\"\n", 2011+i%6, []string{"预算", "决算"}[i/3%2], i/200, i%50, i%50, 1+i%97, i%1000, i%100)
	}
	schema := `{"fields": [{"name": "年度", "type": "year"}, {"name": "阶段", "type": "string"}, {"name": "部门", "type": "string"},
		{"name": "科目编码", "type": "string", "format": "code"}, {"name": "科目名称", "type": "string"}, {"name": "金额", "type": "number", "unit": "万元"}]}`
	fsys := fstest.MapFS{"data/budgets.csv": {Data: []byte(b.String())}, "data/budgets.schema.json": {Data: []byte(schema)}}
	var diags diag.List
	sets, err := Load(fsys, DefaultOptions(), &diags)
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v\n%v", err, diags.Err())
	}
	if s := sets[0].store; s == nil || s.size() > 48*rows {
		t.Errorf("%d bytes a row", sets[0].store.size()/rows)
	}
	opts := DefaultOptions()
	opts.Limits.MaxKeptBytes = 1 << 20
	if sets, err := Load(fsys, opts, &diags); err != nil || sets[0].store != nil || sets[0].Rows != rows {
		t.Errorf("kept in more than MaxKeptBytes (%v)", err)
	}
}
