package kinds

import (
	"testing"
	"testing/fstest"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/diag"
)

// TestBind binds the registry kinds through gocsv and checks that gocsv's
// traps cannot happen: "1,000.5" is 1000.5 (not 1.0005), a blank is missing
// (not 0), Chinese headers and values map to the fields and their canonical
// values (制度 is institution), and positions are physical lines. The
// registry's target and deadline stay as written, for track.ParseTarget and
// track.ParseDeadlineText.
func TestBind(t *testing.T) {
	fsys := fstest.MapFS{
		"data/commitments.csv": {Data: []byte("编号,文件,条款,类型,指标,原文,比较,目标值,单位,截止\n" +
			"a-1,decision,decision-1,target,甲,原文甲,>=,\"1,234\",人,2015\n" +
			"\n" + // a blank line: the next row is on line 4
			"a-2,decision,decision-2,制度,乙,原文乙,,,,2012年6月30日\n")},
		"data/progress.csv": {Data: []byte("commitment,year,value,source\na-1,2012,\"1,000.5\",报道\n")},
	}
	var diags diag.List
	sets, err := data.Load(fsys, options(), &diags)
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags.Sorted())
	}
	byID := map[string]*data.Dataset{}
	for _, d := range sets {
		byID[d.ID] = d
	}
	cs, err := data.Bind[CommitmentRow](byID["commitments"])
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("%d rows", len(cs))
	}
	if cs[0].Target != "1,234" || cs[0].Comparator != ">=" || cs[0].Pos != (data.Pos{File: "data/commitments.csv", Line: 2}) {
		t.Errorf("row 1: %+v", cs[0])
	}
	if cs[1].Target != "" || cs[1].Deadline != "2012年6月30日" || cs[1].Pos.Line != 4 || cs[1].Kind != "institution" {
		t.Errorf("row 2: %+v", cs[1])
	}
	ps, err := data.Bind[ProgressRow](byID["progress"])
	if err != nil || len(ps) != 1 || ps[0].Value.Value != 1000.5 || ps[0].Year.Period.Year != 2012 || ps[0].Commitment != "a-1" {
		t.Errorf("progress: %+v %v", ps, err)
	}
}
