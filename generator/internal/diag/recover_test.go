package diag

import (
	"strings"
	"testing"
)

func TestRecover(t *testing.T) {
	var l List
	func() {
		defer Recover(Pos{File: "content/a.md"}, &l)
		var m map[string]int
		m["x"] = 1 // panics
	}()
	if err := l.Err(); err == nil || !strings.HasPrefix(err.Error(), "content/a.md:1:1: internal error") {
		t.Fatalf("got %v", err)
	}
}
