package site

import (
	"html/template"
	"sync"
	"testing"
)

type sumInner struct {
	Names []string
	Score float64
}

// Two types of the same kind and value: a template may call a method of one.
type (
	sumNameA string
	sumNameB string
)

type sumView struct {
	Title string
	Body  template.HTML
	Inner *sumInner
	Tags  map[string]int
	Any   any
	Fn    func() string
	Next  *sumView
	note  string // unexported: a template cannot read it, but what it holds is summed all the same
}

func newSumView() sumView {
	tags := map[string]int{}
	for i, k := range []string{"甲", "乙", "丙", "丁", "戊"} {
		tags[k] = i
	}
	return sumView{Title: "标题", Body: "<p>正文</p>", Inner: &sumInner{Names: []string{"a", "b"}, Score: 1.5}, Tags: tags, Any: 3, note: "n"}
}

// TestViewSums: two views hold the same values, whatever their pointers
// and their maps' order, when and only when their sums are the same; a
// view holding a function, or holding itself, has no sum.
func TestViewSums(t *testing.T) {
	// A fresh viewSums for each view: one keeps a pointer's sum by its
	// address, which a view freed here could hand to the next.
	sum := func(v any) [32]byte {
		t.Helper()
		var vs viewSums
		s, ok := vs.sum(v)
		if !ok {
			t.Fatalf("no sum for %+v", v)
		}
		return s
	}
	base := sum(newSumView())
	if sum(newSumView()) != base {
		t.Error("two views of the same values, at other addresses, sum up differently")
	}
	reordered := newSumView()
	reordered.Tags = map[string]int{"戊": 4, "丁": 3, "丙": 2, "乙": 1, "甲": 0}
	if sum(reordered) != base {
		t.Error("a map's order changes the sum")
	}
	for name, change := range map[string]func(v *sumView){
		"a title":                  func(v *sumView) { v.Title = "标题2" },
		"markup":                   func(v *sumView) { v.Body = "<p>正文。</p>" },
		"a name in a pointed list": func(v *sumView) { v.Inner.Names[1] = "c" },
		"a number":                 func(v *sumView) { v.Inner.Score = 1.25 },
		"a map value":              func(v *sumView) { v.Tags["丙"] = 9 },
		"a map key":                func(v *sumView) { delete(v.Tags, "丙"); v.Tags["己"] = 2 },
		"an int as a float":        func(v *sumView) { v.Any = 3.0 },
		"an int as another type":   func(v *sumView) { v.Any = int64(3) },
		"a nil list for an empty":  func(v *sumView) { v.Inner.Names = nil },
		"an unexported field":      func(v *sumView) { v.note = "m" },
		"a nil pointer":            func(v *sumView) { v.Inner = nil },
	} {
		v := newSumView()
		change(&v)
		if sum(v) == base {
			t.Errorf("changing %s leaves the sum as it was", name)
		}
	}
	if sum(sumView{Any: sumNameA("x")}) == sum(sumView{Any: sumNameB("x")}) {
		t.Error("values of two types alike sum up alike")
	}
	if a, b := (sumView{Inner: &sumInner{}}), (sumView{Inner: &sumInner{Names: []string{}}}); sum(a) == sum(b) {
		t.Error("a nil list and an empty one sum up alike")
	}

	var vs viewSums
	withFn := newSumView()
	withFn.Fn = func() string { return "x" }
	if _, ok := vs.sum(withFn); ok {
		t.Error("a view holding a function has a sum")
	}
	loop := newSumView()
	loop.Next = &loop
	if _, ok := vs.sum(loop); ok {
		t.Error("a view holding itself has a sum")
	}
	if _, ok := vs.sum(&withFn); ok {
		t.Error("a pointer to a view holding a function has a sum")
	}

	// A value many views point to is summed once, from any goroutine.
	shared := &sumInner{Names: []string{"共享"}}
	var wg sync.WaitGroup
	sums := make([][32]byte, 16)
	for i := range sums {
		wg.Go(func() {
			s, ok := vs.sum(sumView{Inner: shared})
			if !ok {
				t.Error("no sum for a shared pointer")
			}
			sums[i] = s
		})
	}
	wg.Wait()
	for _, s := range sums[1:] {
		if s != sums[0] {
			t.Fatal("the same view sums up differently in different goroutines")
		}
	}
}
