package diag

import "testing"

func TestDiagnosticString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos{File: "content/a.md", Line: 3, Col: 7}, Error, "bad"}, "content/a.md:3:7: bad"},
		{Diagnostic{Pos{File: "data/x.csv", Line: 0, Col: 0}, Error, "empty file"}, "data/x.csv:1:1: empty file"},
		{Diagnostic{Pos{File: "content/a.md", Line: 2, Col: 1}, Warning, "raw HTML"}, "content/a.md:2:1: warning: raw HTML"},
		{Diagnostic{Pos{File: "data/预算.xlsx", Sheet: "Sheet1", Line: 7, Col: 3}, Error, "bad"}, "data/预算.xlsx:Sheet1!C7: bad"},
		{Diagnostic{Pos{File: "data/x.xlsx", Sheet: "预算表", Line: 12, Col: 28}, Error, "bad"}, "data/x.xlsx:预算表!AB12: bad"},
		{Diagnostic{Pos{File: "data/x.xlsx", Sheet: "2013 预算's", Line: 0, Col: 0}, Warning, "empty"}, "data/x.xlsx:'2013 预算''s'!A1: warning: empty"},
		{Diagnostic{Pos{File: "data/x.parquet", Rows: true, Line: 3, Col: 2, Column: "金额(万元)"}, Error, "bad"}, `data/x.parquet: row 3, column "金额(万元)": bad`},
		{Diagnostic{Pos{File: "data/x.parquet", Rows: true, Line: 12}, Warning, "bad"}, "data/x.parquet: row 12: warning: bad"},
		{Diagnostic{Pos{File: "data/x.parquet", Rows: true}, Error, "damaged"}, "data/x.parquet: damaged"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestListSortedAndErr(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list must not be an error")
	}
	l.Warnf(Pos{File: "b.md", Line: 1, Col: 1}, "w")
	if l.Err() != nil || l.HasErrors() {
		t.Fatal("warnings alone must not be an error")
	}
	l.Errorf(Pos{File: "b.md", Line: 9, Col: 2}, "second")
	l.Errorf(Pos{File: "a.md", Line: 10, Col: 1}, "first")
	l.Errorf(Pos{File: "a.md", Line: 10, Col: 1}, "first") // duplicates are reported once
	got := l.Err().Error()
	want := "a.md:10:1: first\nb.md:1:1: warning: w\nb.md:9:2: second"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestLineCol(t *testing.T) {
	src := []byte("ab\n标题: x\n")
	tests := []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {9, 2, 3}, {100, 3, 1}, {-5, 1, 1},
	}
	for _, tt := range tests {
		l, c := LineCol(src, tt.off)
		if l != tt.line || c != tt.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}

// TestCursorMatchesLineCol: the cursor gives LineCol's answer for every
// character boundary, asked in order and backwards.
func TestCursorMatchesLineCol(t *testing.T) {
	src := []byte("第一行\nsecond line\n\n第四，行\n")
	c := NewCursor(src)
	offsets := []int{0, 3, 9, 10, 15, 22, 23, 26, 32, 6, 0, len(src), len(src) + 5, -1}
	for _, off := range offsets {
		wl, wc := LineCol(src, off)
		if gl, gc := c.LineCol(off); gl != wl || gc != wc {
			t.Errorf("offset %d: cursor %d:%d, LineCol %d:%d", off, gl, gc, wl, wc)
		}
	}
}
