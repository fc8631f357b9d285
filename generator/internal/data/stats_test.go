package data

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// TestStatsMergeEqualsAdd: statistics gathered chunk by chunk and merged in
// order equal those gathered row by row, for columns with a few distinct
// values (listed), more than maxDistinct (Many), numbers written two ways
// ("1,234" and "1234" are one value) and missing cells.
func TestStatsMergeEqualsAdd(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		typ      Type
		distinct int
	}{{String, 3}, {String, 7}, {String, maxDistinct}, {String, maxDistinct + 1}, {Number, 6}, {Number, 40}, {Date, 9}} {
		var cells []Cell
		for range 500 {
			k := rng.IntN(tc.distinct)
			c := Cell{Text: "v" + strconv.Itoa(k)}
			switch tc.typ {
			case Number:
				c.Num = float64(1000 + k)
				c.Text = strconv.Itoa(1000 + k)
				if rng.IntN(2) == 0 {
					c.Text, c.grouped = "1,"+c.Text[1:], ','
				}
			case Date:
				c.Text = "2015-01-" + strconv.Itoa(10+k)
			}
			if rng.IntN(10) == 0 {
				c = Cell{Missing: true}
			}
			cells = append(cells, c)
		}
		var whole Stats
		for _, c := range cells {
			whole.add(&c, tc.typ.statKind())
		}
		var merged Stats
		for start := 0; start < len(cells); {
			end := min(len(cells), start+1+rng.IntN(60))
			var part Stats
			for _, c := range cells[start:end] {
				part.add(&c, tc.typ.statKind())
			}
			merged.merge(part, tc.typ)
			start = end
		}
		name := string(tc.typ) + "/" + strconv.Itoa(tc.distinct)
		if whole.Count != merged.Count || whole.Missing != merged.Missing || whole.Min != merged.Min || whole.Max != merged.Max ||
			whole.Many != merged.Many || !slices.Equal(whole.Distinct, merged.Distinct) {
			t.Errorf("%s: merged %+v, row by row %+v", name, merged, whole)
		}
		if want := tc.distinct > maxDistinct; whole.Many != want {
			t.Errorf("%s: Many = %v, want %v", name, whole.Many, want)
		}
		if !whole.Many && len(whole.Distinct) != tc.distinct {
			t.Errorf("%s: %d distinct values listed, want %d: %v", name, len(whole.Distinct), tc.distinct, whole.Distinct)
		}
	}
}
