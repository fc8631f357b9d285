package data

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"gongkai/generator/internal/diag"
)

// hierTally gathers, during the validating read, what finding the subtotals
// of a hierarchy needs (see Hierarchy): for every row with a code, its
// group, code, place and numbers — about 32 bytes a row, 32 MB for a million
// rows, let go once the read is done. Rows come in runs of a few groups
// (the rows of two groups may alternate), so most rows find their group
// without a map look-up.
type hierTally struct {
	code   int   // the field of the codes
	label  int   // the field naming them; -1: none
	groups []int // GroupBy's fields
	nums   []int // the numeric fields whose values subtotals must add up to

	groupIDs, codes, labels interned
	groupVals               [][]string // by group id
	recent                  [4]int32   // the groups of the rows added last; -1: none
	nodes                   []hnode
	sums                    []float64 // len(nums) per node; NaN: no value
	decs                    []uint8   // per numeric field, the most decimals a value is written with: its precision
	totals                  []hierTotal
	key                     []byte
}

// hnode is a row with a code.
type hnode struct {
	group, code, label int32 // interned; label -1: none
	file, line, col    int32 // col: the code cell's byte column
}

// hierTotal is a total row.
type hierTotal struct {
	group     []string // the group values it names; "" matches every value
	file      int32
	line, col int32
	values    []float64
	ok        bool // its numbers are valid, so it can be checked
}

// interned keeps one copy of each string and numbers them.
type interned struct {
	ids  map[string]int32
	strs []string
}

// id numbers s, adding it when it is new.
func (t *interned) id(s string) int32 {
	if id, ok := t.ids[s]; ok {
		return id
	}
	return t.add(s)
}

// add numbers a string id has not seen.
func (t *interned) add(s string) int32 {
	if t.ids == nil {
		t.ids = map[string]int32{}
	}
	id := int32(len(t.strs))
	s = strings.Clone(s)
	t.ids[s], t.strs = id, append(t.strs, s)
	return id
}

// newHierTally returns a tally for the schema's hierarchy, or nil. bytes,
// the size of the files, sizes its lists: a row of a code hierarchy takes
// some 60 to 100 bytes, and growing a list of a million rows step by step
// copies it many times over.
func newHierTally(s *Schema, bytes int64) *hierTally {
	code := s.hierarchyCode()
	if code < 0 {
		return nil
	}
	t := &hierTally{code: code, label: -1, recent: [4]int32{-1, -1, -1, -1}}
	for i, f := range s.Fields {
		switch {
		case f.Name == s.Hierarchy.Label:
			t.label = i
		case slices.Contains(s.Hierarchy.GroupBy, f.Name):
			t.groups = append(t.groups, i)
		case i != code && (f.Type == Number || f.Type == Integer):
			t.nums = append(t.nums, i)
		}
	}
	t.decs = make([]uint8, len(t.nums))
	rows := int(min(bytes/64, 1<<24))
	t.nodes, t.sums = make([]hnode, 0, rows), make([]float64, 0, rows*len(t.nums))
	return t
}

// groupValues are a row's group values (copies); missing values are "".
func (t *hierTally) groupValues(cells []Cell) []string {
	vals := make([]string, len(t.groups))
	for i, g := range t.groups {
		if !cells[g].Missing {
			vals[i] = strings.Clone(cells[g].value())
		}
	}
	return vals
}

// group numbers a row's group.
func (t *hierTally) group(cells []Cell) int32 {
	for i, g := range t.recent {
		if g >= 0 && t.sameGroup(cells, t.groupVals[g]) {
			copy(t.recent[1:i+1], t.recent[:i]) // the most recent first
			t.recent[0] = g
			return g
		}
	}
	t.key = t.key[:0]
	for _, g := range t.groups {
		if !cells[g].Missing {
			t.key = append(t.key, cells[g].value()...)
		}
		t.key = append(t.key, 0)
	}
	g, ok := t.groupIDs.ids[string(t.key)] // no copy of the key for a look-up
	if !ok {
		g = t.groupIDs.add(string(t.key))
		var vals []string // the values are in the key's one copy
		if key := t.groupIDs.strs[g]; key != "" {
			vals = strings.Split(key[:len(key)-1], "\x00")
		}
		t.groupVals = append(t.groupVals, vals)
	}
	copy(t.recent[1:], t.recent[:len(t.recent)-1])
	t.recent[0] = g
	return g
}

// sameGroup reports whether a row's group values are vals.
func (t *hierTally) sameGroup(cells []Cell, vals []string) bool {
	for i, g := range t.groups {
		c := &cells[g]
		if c.Missing && vals[i] != "" || !c.Missing && (c.grouped != 0 || c.Text != vals[i]) {
			return false
		}
	}
	return true
}

// numbers appends a row's numeric values to sums, minding their decimals.
// ok is false when one is invalid.
func (t *hierTally) numbers(sums []float64, cells []Cell) (_ []float64, ok bool) {
	ok = true
	for j, n := range t.nums {
		c := &cells[n]
		v := c.Num
		switch {
		case c.Invalid:
			v, ok = math.NaN(), false
		case c.Missing:
			v = math.NaN()
		default:
			t.decs[j] = max(t.decs[j], decimals(c.Text)) // thousands separators come before the point
		}
		sums = append(sums, v)
	}
	return sums, ok
}

// decimals counts the digits after the decimal point of an exact decimal.
func decimals(s string) uint8 {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return uint8(min(len(s)-i-1, 12))
	}
	return 0
}

// add keeps a valid row.
func (t *hierTally) add(fi int, file *File, r *row, cells []Cell) {
	if cells[t.code].Missing {
		return // no code: not part of the hierarchy
	}
	n := hnode{group: t.group(cells), code: t.codes.id(cells[t.code].value()), label: -1,
		file: int32(fi), line: int32(r.line), col: int32(file.col(r, t.code))}
	if t.label >= 0 && !cells[t.label].Missing {
		n.label = t.labels.id(cells[t.label].value())
	}
	t.nodes = append(t.nodes, n)
	t.sums, _ = t.numbers(t.sums, cells)
}

// addTotal keeps a total row.
func (t *hierTally) addTotal(fi int, file *File, r *row, cells []Cell, bad bool) {
	tr := hierTotal{group: t.groupValues(cells), file: int32(fi), line: int32(r.line), col: int32(file.col(r, t.code))}
	var ok bool
	tr.values, ok = t.numbers(nil, cells)
	tr.ok = ok && !bad
	t.totals = append(t.totals, tr)
}

// sum is numbers added up, with how many values went into them: each may
// have been rounded by half its last digit.
type sum struct {
	v     []float64
	count int
}

func (t *hierTally) newSum() *sum { return &sum{v: make([]float64, len(t.nums))} }

// addNode adds node i's numbers.
func (t *hierTally) addNode(s *sum, i int32) {
	k := len(t.nums)
	for j := range k {
		s.v[j] += t.sums[int(i)*k+j] // NaN stays NaN
	}
	s.count++
}

// addSum adds o's numbers.
func (s *sum) addSum(o *sum) {
	for j := range s.v {
		s.v[j] += o.v[j]
	}
	s.count += o.count
}

// code is one code of a group: its rows (usually one), their sums, and the
// codes directly under it.
type code struct {
	nodes []int32
	sum   sum
	kids  []int // indexes in the group's codes
	top   bool  // no other code of the group is its prefix
}

// finish finds the subtotals once every row is read, marks them in the
// files and reports them, with the totals, to diags.
func (t *hierTally) finish(d *Dataset, diags *diag.List) {
	if t == nil {
		return
	}
	r := &hierReport{d: d, t: t, codeName: d.columnName(t.code), warned: make([]int, len(d.Files))}
	for _, f := range d.Files {
		r.probs = append(r.probs, f.problems(d.opts.Limits.MaxProblems))
	}
	type scope struct{ group, file int32 }
	tops := map[scope]*sum{} // the sums of each group's top codes, per file
	order, starts := t.sorted()
	var codes []code
	for g := range len(starts) - 1 {
		codes = t.tree(codes[:0], order[starts[g]:starts[g+1]])
		for _, c := range codes {
			if c.top {
				for _, i := range c.nodes {
					k := scope{t.nodes[i].group, t.nodes[i].file}
					if tops[k] == nil {
						tops[k] = t.newSum()
					}
					t.addNode(tops[k], i)
				}
			}
			if len(c.kids) > 0 {
				r.subtotal(codes, c)
			}
		}
	}
	// In order, so the sums are the same in every build.
	scopes := slices.SortedFunc(maps.Keys(tops), func(a, b scope) int {
		return cmp.Or(cmp.Compare(a.group, b.group), cmp.Compare(a.file, b.file))
	})
	for _, tr := range t.totals {
		rows, found := t.newSum(), false
		if !slices.Contains(tr.group, "") { // one group: no need to look at every other
			if g, ok := t.groupIDs.ids[strings.Join(tr.group, "\x00")+"\x00"]; ok && tops[scope{g, tr.file}] != nil {
				rows.addSum(tops[scope{g, tr.file}])
				found = true
			}
		} else {
			// Blank group columns: the total is checked only when they
			// leave one group of its file, as a file of one group's rows
			// does; several would be a guess at which rows it totals.
			n := 0
			for _, k := range scopes {
				if k.file == tr.file && matches(tr.group, t.groupVals[k.group]) {
					rows.addSum(tops[k])
					n++
				}
			}
			found = n == 1
		}
		r.total(tr, rows, found)
	}
	for i, f := range d.Files {
		if n := r.warned[i] - maxHierWarnings; n > 0 {
			r.probs[i].warnf(f.HeaderLine, 1, "…and %d more subtotal and total rows in this file, also left out of every sum (only the first %d are listed)", n, maxHierWarnings)
		}
		slices.Sort(f.subtotals)
		r.probs[i].flush(d.fsys, diags)
	}
}

// sorted lists the nodes by group, then code, then place in the files, with
// where each group starts in the list (and its end). Counting puts them in
// groups; the codes are ranked once, so sorting a group compares numbers.
func (t *hierTally) sorted() (order []int32, starts []int) {
	byCode := make([]int32, len(t.codes.strs))
	for i := range byCode {
		byCode[i] = int32(i)
	}
	slices.SortFunc(byCode, func(a, b int32) int { return strings.Compare(t.codes.strs[a], t.codes.strs[b]) })
	rank := make([]int32, len(byCode))
	for r, c := range byCode {
		rank[c] = int32(r)
	}
	starts = make([]int, len(t.groupVals)+1)
	for i := range t.nodes {
		starts[t.nodes[i].group+1]++
	}
	for g := range t.groupVals {
		starts[g+1] += starts[g]
	}
	// Each node's key is its code's rank above its index (nodes were added in
	// file order, so the index keeps that order for one code): sorting the
	// keys of a group sorts it by code, then place, with no comparison function.
	keys := make([]uint64, len(t.nodes))
	next := slices.Clone(starts)
	for i := range t.nodes {
		g := t.nodes[i].group
		keys[next[g]] = uint64(rank[t.nodes[i].code])<<32 | uint64(i)
		next[g]++
	}
	order = make([]int32, len(t.nodes))
	for g := range t.groupVals {
		slices.Sort(keys[starts[g]:starts[g+1]])
	}
	for i, k := range keys {
		order[i] = int32(uint32(k))
	}
	return order, starts
}

// tree builds the codes of one group (its nodes, sorted by code) into a
// tree, appended to codes: each code's parent is the longest other code
// that is its prefix.
func (t *hierTally) tree(codes []code, nodes []int32) []code {
	k := len(t.nums)
	for i := 0; i < len(nodes); {
		j := i + 1
		for j < len(nodes) && t.nodes[nodes[j]].code == t.nodes[nodes[i]].code {
			j++
		}
		c := code{nodes: nodes[i:j], sum: sum{v: t.sums[int(nodes[i])*k : int(nodes[i]+1)*k], count: 1}}
		if j > i+1 { // the code again: its rows add up
			c.sum = *t.newSum()
			for _, n := range c.nodes {
				t.addNode(&c.sum, n)
			}
		}
		codes = append(codes, c)
		i = j
	}
	// Sorted, a code's descendants follow it directly: a stack of the codes
	// that are prefixes of the current one finds each parent.
	var stack []int
	for i := range codes {
		s := t.codes.strs[t.nodes[codes[i].nodes[0]].code]
		for len(stack) > 0 && !strings.HasPrefix(s, t.codes.strs[t.nodes[codes[stack[len(stack)-1]].nodes[0]].code]) {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			p := stack[len(stack)-1]
			codes[p].kids = append(codes[p].kids, i)
		} else {
			codes[i].top = true
		}
		stack = append(stack, i)
	}
	return codes
}

// maxHierWarnings is how many subtotal and total rows are listed per file;
// the rest are counted in one more warning.
const maxHierWarnings = 50

// hierReport reports what finish finds, file by file.
type hierReport struct {
	d        *Dataset
	t        *hierTally
	codeName string // the codes' column, as its header says
	probs    []*problems
	warned   []int // subtotal and total rows listed, per file
}

// subtotal marks and reports the rows of a code with codes under it.
func (r *hierReport) subtotal(codes []code, c code) {
	t, d := r.t, r.d
	kids := t.newSum()
	for _, k := range c.kids {
		kids.addSum(&codes[k].sum)
	}
	under := r.kidList(codes, c)
	for _, i := range c.nodes {
		n := &t.nodes[i]
		d.Files[n.file].subtotals = append(d.Files[n.file].subtotals, int(n.line))
		d.Subtotals++
		if r.warned[n.file]++; r.warned[n.file] <= maxHierWarnings {
			r.probs[n.file].warnf(int(n.line), int(n.col), "%s %s is the subtotal of %s: it is left out of every sum, so nothing is counted twice",
				r.codeName, r.named(n), under)
		}
	}
	n := &t.nodes[c.nodes[0]]
	for j, num := range t.nums {
		if t.differ(&c.sum, kids, j) {
			r.probs[n.file].errorf(int(n.line), int(n.col), "%s %s says %s %s, but the rows under it (%s) add up to %s: correct this subtotal or the rows under it",
				r.codeName, r.named(n), d.columnName(num), t.format(c.sum.v[j], j), under, t.format(kids.v[j], j))
		}
	}
}

// total reports a total row and checks it against the rows it totals.
func (r *hierReport) total(tr hierTotal, rows *sum, found bool) {
	t, d, f := r.t, r.d, int(tr.file)
	d.Totals++
	if r.warned[f]++; r.warned[f] <= maxHierWarnings {
		r.probs[f].warnf(int(tr.line), int(tr.col), "this row is a total (合计), not a row of data: it is left out of the dataset and of every sum")
	}
	if !found || !tr.ok {
		return // nothing to total, or a mistake already reported
	}
	self := &sum{v: tr.values, count: 1}
	for j, num := range t.nums {
		if t.differ(self, rows, j) {
			r.probs[f].errorf(int(tr.line), int(tr.col), "this total (合计) says %s %s, but the rows it totals add up to %s: a row may be missing, or the total is wrong",
				d.columnName(num), t.format(tr.values[j], j), t.format(rows.v[j], j))
		}
	}
}

// differ reports whether a's value j is not b's, beyond what rounding can
// explain: every value written to the column's precision (the most decimals
// any of its values has: 2 for 1,012.48) may be off by half its last digit,
// 0.005 万元 for amounts in 万元 with two decimals.
func (t *hierTally) differ(a, b *sum, j int) bool {
	x, y := a.v[j], b.v[j]
	if math.IsNaN(x) || math.IsNaN(y) {
		return false // a missing value: nothing to compare
	}
	slack := 0.5 * math.Pow10(-int(t.decs[j])) * float64(a.count+b.count)
	return math.Abs(x-y) > slack+1e-9*math.Max(math.Abs(x), 1)
}

// format writes value j of a row to the column's precision.
func (t *hierTally) format(v float64, j int) string {
	return strconv.FormatFloat(v, 'f', int(t.decs[j]), 64)
}

// matches reports whether a total's group values (blank: any) name a group.
func matches(total, group []string) bool {
	for i, v := range total {
		if v != "" && v != group[i] {
			return false
		}
	}
	return true
}

// named is a node's code and, when the schema names codes, its name: 208 “社会保障和就业支出”.
func (r *hierReport) named(n *hnode) string {
	s := r.t.codes.strs[n.code]
	if n.label >= 0 {
		s += " “" + r.t.labels.strs[n.label] + "”"
	}
	return s
}

// kidList names the codes directly under c: "20802, 20805", shortened past five.
func (r *hierReport) kidList(codes []code, c code) string {
	var names []string
	for i, k := range c.kids {
		if i == 5 {
			names = append(names, fmt.Sprintf("… (%d in all)", len(c.kids)))
			break
		}
		names = append(names, r.t.codes.strs[r.t.nodes[codes[k].nodes[0]].code])
	}
	return strings.Join(names, ", ")
}
