package data

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Hierarchy declares that the codes of one column nest, as the functional
// classification's do: 类 208 holds 款 20802, which holds 项 2080201. A table
// exported from Excel keeps the 类 and 款 rows above the 项 rows, and a 合计
// row; summing every row counts each amount two or three times. So, within a
// group of rows (the same values of GroupBy):
//
//   - a row whose code is a proper prefix of another row's code is a subtotal:
//     it stays in the dataset (and its downloads) but is left out of every sum
//     (see Dataset.IsSubtotal), with a warning at its line; if its numbers are
//     not the sum of the rows directly under it, beyond rounding, that is an
//     error at its line naming both numbers;
//   - a row whose code cell is blank or a total word (合计, 总计, 小计, 总额…)
//     and that says such a word in a cell is a total row: it is not a row of
//     the dataset at all, with a warning at its line; its numbers must be the
//     sum of the top rows of its group in its file (when it leaves the group
//     columns blank, they must leave one group of the file, else it is not
//     checked).
//
// A row with a real code is never taken for a total, whatever its name says,
// and a row with a blank code and no total word stays what the schema makes of
// it (an error where the code is required): no real row is dropped unseen.
type Hierarchy struct {
	Code    string   // the field holding the codes
	GroupBy []string // the fields whose values make a group (a year, a department…); none: one group
	Label   string   // the field naming each code (科目名称), quoted in messages; optional
}

// hierarchyCode is the index of the field whose codes nest, or -1.
func (s *Schema) hierarchyCode() int {
	if s.Hierarchy == nil {
		return -1
	}
	for i := range s.Fields {
		if s.Fields[i].Name == s.Hierarchy.Code {
			return i
		}
	}
	return -1
}

// column is the header column of field fi in this file, or -1.
func (f *File) column(fi int) int {
	if fi < 0 {
		return -1
	}
	for c, x := range f.columns {
		if x == fi {
			return c
		}
	}
	return -1
}

// isTotalRow reports whether a row, as written, is a total row: its code cell
// (at column codeCol) is blank or a total word, and some cell says one.
func isTotalRow(cells []string, codeCol int) bool {
	if codeCol < 0 || codeCol >= len(cells) {
		return false
	}
	if code := cells[codeCol]; !blank(code) {
		return isTotalWord(code)
	}
	return slices.ContainsFunc(cells, isTotalWord)
}

// totalWords are the words an export writes on a total row; totalPrefixes
// the words that may come before them ("支出合计", "预算总额").
var (
	totalWords    = []string{"合计", "总计", "小计", "总额"}
	totalPrefixes = []string{"", "本年", "支出", "收入", "预算", "决算", "本年支出", "本年收入", "本年预算", "财政拨款", "部门", "单位", "全部", "总"}
)

// isTotalWord reports whether a cell says 合计, 总计, 小计 or 总额, however
// spaced ("合　　计"), maybe after one of totalPrefixes or before a remark in
// brackets ("合计（万元）"). A subject's name that merely contains the word
// (工资总额调整) is not one.
func isTotalWord(cell string) bool {
	if !hasNonASCII(cell) {
		return false // codes and numbers, the most cells by far
	}
	t := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, cell)
	if i := strings.IndexAny(t, "(（"); i > 0 && (strings.HasSuffix(t, ")") || strings.HasSuffix(t, "）")) {
		t = t[:i]
	}
	for _, w := range totalWords {
		if rest, ok := strings.CutSuffix(t, w); ok {
			return slices.Contains(totalPrefixes, rest)
		}
	}
	return false
}

// hasNonASCII reports whether s has a byte outside ASCII.
func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// IsSubtotal reports whether the row at line of file (as Each gives them) is
// a subtotal of the dataset's hierarchy: a 类 or 款 row restating the sum of
// the rows under it. Every sum over the dataset must leave it out; counts of
// rows should too. It is false for every row of a dataset without a
// hierarchy. Total rows (合计) never reach Each.
func (d *Dataset) IsSubtotal(file string, line int) bool {
	for _, f := range d.Files {
		if f.Path == file {
			_, found := slices.BinarySearch(f.subtotals, line)
			return found
		}
	}
	return false
}

// columnName is a field's header as written in the files, else its name.
func (d *Dataset) columnName(fi int) string {
	if fi < len(d.Columns) && d.Columns[fi].Header != "" {
		return d.Columns[fi].Header
	}
	return d.Schema.Fields[fi].Name
}

// hierarchy reads a field's "hierarchy": true (the whole file is one group)
// or {"groupBy": ["年度", "部门"], "label": "科目名称"}.
func (sc *sidecar) hierarchy(v *jnode) error {
	if sc.schema.Hierarchy != nil {
		return &jsonError{v.off, "only one field may declare a hierarchy: the codes of one column nest"}
	}
	sc.hierOff = v.off
	h := &Hierarchy{}
	switch v.kind {
	case 'b':
		if !v.b {
			return nil
		}
	case '{':
		for i, k := range v.keys {
			var err error
			switch k {
			case "groupBy":
				h.GroupBy, err = v.vals[i].strings("groupBy")
			case "label":
				if err = v.vals[i].expect('"', "label"); err == nil {
					h.Label = normalizeHeader(v.vals[i].str)
				}
			default:
				err = &jsonError{v.koffs[i], fmt.Sprintf("unknown key %q in hierarchy; use groupBy (the columns whose rows are summed apart, e.g. [\"年度\", \"部门\"]) and label (the column naming each code)", k)}
			}
			if err != nil {
				return err
			}
		}
		for i, g := range h.GroupBy {
			h.GroupBy[i] = normalizeHeader(g)
		}
	default:
		return &jsonError{v.off, fmt.Sprintf(`hierarchy must be true or an object such as {"groupBy": ["年度", "部门"], "label": "科目名称"}, not %s`, v.kindName())}
	}
	sc.schema.Hierarchy = h
	return nil
}

// checkHierarchy checks that the columns a hierarchy names are fields.
func (sc *sidecar) checkHierarchy() error {
	h := sc.schema.Hierarchy
	if h == nil {
		return nil
	}
	for _, n := range append(slices.Clip(h.GroupBy), h.Label) {
		if n != "" && sc.schema.Field(n) == nil {
			return &jsonError{sc.hierOff, fmt.Sprintf("the hierarchy names %q, which is not one of the fields", n)}
		}
		if n == h.Code {
			return &jsonError{sc.hierOff, fmt.Sprintf("the hierarchy's groupBy and label name other columns than the codes' own (%q)", n)}
		}
	}
	return nil
}
