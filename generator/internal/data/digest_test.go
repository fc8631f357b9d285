package data

import (
	"reflect"
	"testing"
	"testing/fstest"
	"time"
)

// TestDigest: a dataset's digest changes with the bytes of any of its files
// or of its schema file (added, changed or removed), with its kind and with
// each reading setting; not with the files' modification times; and there
// is none once a file changed after the dataset was read.
func TestDigest(t *testing.T) {
	base := func() fstest.MapFS {
		return fstest.MapFS{
			"data/people.csv":         {Data: []byte("city,n\n广州,3\n深圳,4\n")},
			"data/people.schema.json": {Data: []byte(`{"title": "人口", "fields": [{"name": "city", "type": "string"}, {"name": "n", "type": "integer"}]}`)},
			"data/budgets/2014.csv":   {Data: []byte("年度,阶段,部门,科目编码,科目名称,金额(万元)\n2014,预算,甲厅,20501,教育管理事务,3000\n")},
			"data/budgets/2015.csv":   {Data: []byte("年度,阶段,部门,科目编码,科目名称,金额(万元)\n2015,预算,甲厅,20501,教育管理事务,3100\n")},
		}
	}
	budgets := Kind{ID: "budgets", Path: "data/budgets", Folder: true, Title: "预算", Schema: func() Schema {
		return Schema{Fields: []Field{{Name: "年度", Type: Year}, {Name: "阶段", Type: String}, {Name: "部门", Type: String},
			{Name: "科目编码", Type: String}, {Name: "科目名称", Type: String}, {Name: "金额(万元)", Type: Number}}}
	}}
	opts := DefaultOptions()
	opts.Kinds = []Kind{budgets}
	digests := func(fsys fstest.MapFS, opts Options) map[string][32]byte {
		t.Helper()
		sets, msgs := load(t, fsys, opts)
		if msgs != "" {
			t.Fatalf("the test's data has problems:\n%s", msgs)
		}
		out := map[string][32]byte{}
		for _, d := range sets {
			sum, ok := d.Digest()
			if !ok {
				t.Fatalf("%s: no digest of a dataset whose files did not change", d.ID)
			}
			out[d.ID] = sum
		}
		return out
	}
	want := digests(base(), opts)
	if len(want) != 2 {
		t.Fatalf("datasets: %v", want)
	}
	same := func(name string, got map[string][32]byte, id string) {
		t.Helper()
		if got[id] != want[id] {
			t.Errorf("%s: the digest of %s changed", name, id)
		}
	}
	changed := func(name string, got map[string][32]byte, id string) {
		t.Helper()
		if got[id] == want[id] {
			t.Errorf("%s: the digest of %s did not change", name, id)
		}
	}

	fsys := base()
	fsys["data/people.csv"].ModTime = time.Now()
	fsys["data/budgets/2014.csv"].ModTime = time.Now()
	got := digests(fsys, opts)
	same("new modification times", got, "people")
	same("new modification times", got, "budgets")

	fsys = base()
	fsys["data/people.csv"].Data = []byte("city,n\n广州,3\n深圳,5\n")
	got = digests(fsys, opts)
	changed("a cell", got, "people")
	same("another dataset's cell", got, "budgets")

	fsys = base()
	fsys["data/budgets/2015.csv"].Data = []byte("年度,阶段,部门,科目编码,科目名称,金额(万元)\n2015,预算,甲厅,20501,教育管理事务,3101\n")
	changed("a cell of a folder's second file", digests(fsys, opts), "budgets")

	fsys = base()
	fsys["data/budgets/2016.csv"] = &fstest.MapFile{Data: []byte("年度,阶段,部门,科目编码,科目名称,金额(万元)\n2016,预算,甲厅,20501,教育管理事务,3200\n")}
	changed("a file added to a folder", digests(fsys, opts), "budgets")

	fsys = base()
	fsys["data/people.schema.json"].Data = []byte(`{"title": "常住人口", "fields": [{"name": "city", "type": "string"}, {"name": "n", "type": "integer"}]}`)
	changed("the schema file", digests(fsys, opts), "people")

	fsys = base()
	fsys["data/budgets.schema.json"] = &fstest.MapFile{Data: []byte(`{"title": "部门预算"}`)}
	changed("a kind's schema file added", digests(fsys, opts), "budgets")

	fsys = base()
	delete(fsys, "data/people.schema.json")
	changed("the schema file removed", digests(fsys, opts), "people")

	renamed := opts
	renamed.Kinds = []Kind{budgets}
	renamed.Kinds[0].Title = "部门预算"
	changed("the kind's title", digests(base(), renamed), "budgets")

	// Every reading setting counts: each field of Options (but Kinds)
	// set to another value changes the digest.
	settings := []func(*Options){
		func(o *Options) { o.Limits.MaxFileBytes++ },
		func(o *Options) { o.Limits.MaxCellBytes++ },
		func(o *Options) { o.Limits.MaxRecordBytes++ },
		func(o *Options) { o.Limits.MaxColumns++ },
		func(o *Options) { o.Limits.MaxProblems++ },
		func(o *Options) { o.Limits.PreviewRows++ },
		func(o *Options) { o.Limits.MaxKeptBytes++ },
		func(o *Options) { o.Numbers.Group = " " },
		func(o *Options) { o.Numbers.Decimal = ","; o.Numbers.Group = "." },
		func(o *Options) { o.Numbers.FullWidth = !o.Numbers.FullWidth },
		func(o *Options) { o.Numbers.ParenNegative = !o.Numbers.ParenNegative },
		func(o *Options) { o.MissingValues = []string{"NA"} },
	}
	if n := leafFields(reflect.TypeFor[Options]()) - 1; len(settings) != n { // - Kinds
		t.Fatalf("Options has %d settings, the test changes %d: add the new one here", n, len(settings))
	}
	for i, set := range settings {
		o := opts
		set(&o)
		if got := digests(base(), o); got["people"] == want["people"] {
			t.Errorf("setting %d: the digest did not change", i)
		}
	}

	// A file changed after the dataset was read: no digest.
	fsys = base()
	sets, _ := load(t, fsys, opts)
	fsys["data/people.csv"].Data = []byte("city,n\n广州,3\n深圳,6\n")
	fsys["data/people.csv"].ModTime = time.Now()
	for _, d := range sets {
		if _, ok := d.Digest(); ok == (d.ID == "people") {
			t.Errorf("%s: Digest ok = %t after people.csv changed", d.ID, ok)
		}
		if d.Unchanged() == (d.ID == "people") {
			t.Errorf("%s: Unchanged = %t after people.csv changed", d.ID, d.Unchanged())
		}
	}
}

// TestOptionsPrintByValue: Digest prints Options with %+v, which prints a
// pointer, map or func as an address, or in no fixed order; so Options
// (but Kinds, left out) must hold none.
func TestOptionsPrintByValue(t *testing.T) {
	var check func(path string, typ reflect.Type)
	check = func(path string, typ reflect.Type) {
		switch typ.Kind() {
		case reflect.Pointer, reflect.Map, reflect.Func, reflect.Chan, reflect.Interface, reflect.UnsafePointer:
			t.Errorf("%s is a %s: Digest would print it by address or in no fixed order; give it a value type or sum it up explicitly", path, typ.Kind())
		case reflect.Struct:
			for f := range typ.Fields() {
				if path == "Options" && f.Name == "Kinds" {
					continue
				}
				check(path+"."+f.Name, f.Type)
			}
		case reflect.Slice, reflect.Array:
			check(path+"[]", typ.Elem())
		}
	}
	check("Options", reflect.TypeFor[Options]())
}

// leafFields counts the fields of a struct, counting a struct field's own.
func leafFields(typ reflect.Type) int {
	n := 0
	for f := range typ.Fields() {
		if f.Type.Kind() == reflect.Struct {
			n += leafFields(f.Type)
		} else {
			n++
		}
	}
	return n
}
