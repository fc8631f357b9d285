package kinds

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/diag"
)

// options are data's default settings with the built-in kinds, as the site
// reads its data.
func options() data.Options {
	o := data.DefaultOptions()
	o.Kinds = All
	return o
}

// load reads fsys and returns the datasets and every message, one a line.
func load(t *testing.T, fsys fs.FS, opts data.Options) ([]*data.Dataset, string) {
	t.Helper()
	var diags diag.List
	sets, err := data.Load(fsys, opts, &diags)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, d := range diags.Sorted() {
		lines = append(lines, d.String())
	}
	return sets, strings.Join(lines, "\n")
}

// sumAmounts adds the amount of every row Each gives that is not a subtotal.
func sumAmounts(t *testing.T, d *data.Dataset, field string) float64 {
	t.Helper()
	fi := slices.IndexFunc(d.Schema.Fields, func(f data.Field) bool { return f.Name == field })
	sum := 0.0
	err := d.Each(func(file string, line int, cells []data.Cell) error {
		if !d.IsSubtotal(file, line) {
			sum += cells[fi].Num
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}
