package data

import (
	"fmt"

	"gongkai/generator/internal/data/value"
)

// checkUnits refuses a file whose numbers are in another unit than the
// declared schema takes, said in a header ("金额(元)") or above it
// ("单位：元"): read as they are, 元 would count as 万元, 10,000 times too much.
// Units of another family, or unknown ones, are not a unit of the column.
func (d *Dataset) checkUnits(file *File, sc *scanner, probs *problems) bool {
	if d.Schema.Inferred {
		return true
	}
	ok := true
	for col, fi := range file.columns {
		if fi < 0 || col >= len(sc.Header) {
			continue
		}
		f := &d.Schema.Fields[fi]
		if f.Unit == "" || (f.Type != Number && f.Type != Integer) {
			continue
		}
		name, u := value.UnitFromHeader(sc.Header[col])
		line, at, said := sc.HLine, 1, ""
		if u == "" {
			u, line, at, said = sc.unit, sc.unitLine, sc.unitCol, fmt.Sprintf(" (%q)", "单位："+sc.unit)
			name = sc.Header[col]
		}
		if u == "" || u == f.Unit {
			continue
		}
		if _, same := value.Scale("1", u, f.Unit); !same {
			continue
		}
		probs.errorf(line, at, "the file gives column %s %q in %s%s, but %s takes it in %s: convert the numbers to %s and write the header as %s(%s)",
			columnLetter(col), sc.Header[col], u, said, d.describe(), f.Unit, f.Unit, name, f.Unit)
		ok = false
	}
	return ok
}
