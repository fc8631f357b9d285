package data

import (
	"testing"
	"testing/fstest"

	"gongkai/generator/internal/diag"
)

// TestBind binds the registry kinds through gocsv and checks that gocsv's
// traps cannot happen: "1,234" is 1234 (not 1.234), a blank is missing (not
// 0), Chinese headers map to the fields, and positions are physical lines.
func TestBind(t *testing.T) {
	fsys := fstest.MapFS{
		"data/commitments.csv": {Data: []byte("编号,文件,条款,类型,指标,原文,比较,目标值,单位,截止\n" +
			"a-1,decision,decision-1,target,甲,原文甲,>=,\"1,234\",人,2015\n" +
			"\n" + // a blank line: the next row is on line 4
			"a-2,decision,decision-2,institution,乙,原文乙,,,,2012年6月30日\n")},
		"data/progress.csv": {Data: []byte("commitment,year,value,source\na-1,2012,\"1,000.5\",报道\n")},
	}
	var diags diag.List
	sets, err := Load(fsys, DefaultOptions(), &diags)
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags.Sorted())
	}
	byID := map[string]*Dataset{}
	for _, d := range sets {
		byID[d.ID] = d
	}
	cs, err := Bind[CommitmentRow](byID["commitments"])
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("%d rows", len(cs))
	}
	if cs[0].Target.Value != 1234 || cs[0].Target.Text != "1234" || !cs[0].Target.Valid || cs[0].Pos != (Pos{"data/commitments.csv", 2}) {
		t.Errorf("row 1: %+v", cs[0])
	}
	if cs[1].Target.Valid || cs[1].Target.Value != 0 || cs[1].Deadline.Text != "2012-06-30" || cs[1].Deadline.Year() != 2012 || cs[1].Pos.Line != 4 || cs[1].Kind != "institution" {
		t.Errorf("row 2: %+v", cs[1])
	}
	ps, err := Bind[ProgressRow](byID["progress"])
	if err != nil || len(ps) != 1 || ps[0].Value.Value != 1000.5 || ps[0].Year.Period.Year != 2012 || ps[0].Commitment != "a-1" {
		t.Errorf("progress: %+v %v", ps, err)
	}
}
