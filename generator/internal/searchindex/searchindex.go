// Package searchindex builds, at build time, the index the theme's search
// page loads: a MiniSearch index (version 7, serialization version 2) made
// exactly as MiniSearch's addAll would make it in the browser with the
// theme's tokenizer, so a phone loads the index instead of building it.
// Tokenize is the Go twin of the tokenizer in the theme's search.js; the
// browser tests hold the two to the same tokens. Synonyms is the table of
// abbreviations the page writes out when it searches (低保 → 最低生活保障).
package searchindex

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Doc is one thing the search finds: Fields are searched (in the order of
// Build's fields; "" = the document has no such field) and Stored are given
// back with each result.
type Doc struct {
	Fields []string
	Stored map[string]string // values "" are left out
}

// isHan reports the characters search.js treats as Chinese: U+3400–U+9FFF
// and U+F900–U+FAFF.
func isHan(r rune) bool { return r >= 0x3400 && r <= 0x9fff || r >= 0xf900 && r <= 0xfaff }

// isMark reports the quotation and title marks dropped between Chinese
// characters (“三公”经费 is 三公经费).
func isMark(r rune) bool { return strings.ContainsRune(marks, r) }

const marks = "“”‘’「」『』《》〈〉·"

// Tokenize cuts text as search.js does: lowercase; quotation marks between
// Chinese characters dropped; words of letters and digits kept whole; runs
// of Chinese cut into overlapping pairs (a single character stays whole).
func Tokenize(text string) []string { return appendTokens(nil, text) }

// appendTokens appends the tokens of text to out. It is search.js's
// tokenize in one pass: its regular expression picks runs of Chinese
// characters, and words of a-z or 0-9 followed by a-z, 0-9, ".", "_" or "-".
func appendTokens(out []string, text string) []string {
	text = dropMarks(toLower(text))
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c < utf8.RuneSelf && isWordStart(c):
			j := i + 1
			for j < len(text) && isWordByte(text[j]) {
				j++
			}
			out = append(out, text[i:j])
			i = j
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isHan(r) {
				i += size
				continue
			}
			// A run of Chinese: pairs of neighbours, each a substring.
			prev, j := i, i+size
			for j < len(text) {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !isHan(r) {
					break
				}
				out = append(out, text[prev:j+n])
				prev, j = j, j+n
			}
			if prev == i { // a single character stays whole
				out = append(out, text[i:j])
			}
			i = j
		}
	}
	return out
}

func isWordStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
func isWordByte(c byte) bool  { return isWordStart(c) || c == '.' || c == '_' || c == '-' }

// toLower lowercases as JavaScript's toLowerCase does where it matters here:
// that is strings.ToLower but for U+0130 İ, which JavaScript lowers to i and
// a combining dot (Unicode's special casing) and so splits the word there.
func toLower(s string) string {
	if strings.Contains(s, "\u0130") {
		s = strings.ReplaceAll(s, "\u0130", "i\u0307")
	}
	return strings.ToLower(s)
}

// dropMarks leaves out every run of marks with a Chinese character on both sides.
func dropMarks(s string) string {
	if !strings.ContainsAny(s, marks) {
		return s
	}
	rs := []rune(s)
	out := rs[:0:0]
	for i := 0; i < len(rs); i++ {
		if isMark(rs[i]) && i > 0 && isHan(rs[i-1]) {
			j := i
			for j < len(rs) && isMark(rs[j]) {
				j++
			}
			if j < len(rs) && isHan(rs[j]) {
				i = j - 1
				continue
			}
		}
		out = append(out, rs[i])
	}
	return string(out)
}

// Build returns the serialized index of docs, searched by fields, as
// MiniSearch.loadJSON reads it. Document i has id i.
func Build(fields []string, docs []Doc) []byte {
	// posting is a document holding a term, and how many times.
	type posting struct{ doc, count int }
	index := map[string][][]posting{} // term → field → postings in document order
	avg := make([]float64, len(fields))
	avgSet := make([]bool, len(fields))
	lengths := make([][]int, len(docs)) // -1: the document lacks the field
	var tokens []string
	for n, d := range docs {
		lengths[n] = make([]int, 0, len(fields))
		for f, text := range d.Fields {
			if text == "" {
				lengths[n] = append(lengths[n], -1) // left out, as a field the document does not have
				continue
			}
			tokens = appendTokens(tokens[:0], text)
			unique := 0
			for _, t := range tokens {
				p := index[t]
				if p == nil {
					p = make([][]posting, len(fields))
					index[t] = p
				}
				if last := len(p[f]) - 1; last >= 0 && p[f][last].doc == n {
					p[f][last].count++
					continue
				}
				p[f] = append(p[f], posting{n, 1})
				unique++
			}
			lengths[n] = append(lengths[n], unique)
			// As MiniSearch keeps it: a running mean over the documents so far.
			count := float64(n)
			total := float64(avg[f]*count) + float64(unique)
			avg[f], avgSet[f] = total/(count+1), true
		}
	}

	var b bytes.Buffer
	// Strings and finite numbers always marshal.
	str := func(s string) { q, _ := json.Marshal(s); b.Write(q) }
	num := func(i int) { b.WriteString(strconv.Itoa(i)) }
	key := func(i int) { b.WriteByte('"'); num(i); b.WriteString(`":`) }
	comma := func(i int) {
		if i > 0 {
			b.WriteByte(',')
		}
	}
	b.WriteString(`{"documentCount":`)
	num(len(docs))
	b.WriteString(`,"nextId":`)
	num(len(docs))
	b.WriteString(`,"documentIds":{`)
	for n := range docs {
		comma(n)
		key(n)
		num(n)
	}
	b.WriteString(`},"fieldIds":{`)
	for i, f := range fields {
		comma(i)
		str(f)
		b.WriteByte(':')
		num(i)
	}
	b.WriteString(`},"fieldLength":{`)
	for n, ls := range lengths {
		comma(n)
		key(n)
		b.WriteByte('[')
		// A field the document lacks is a hole in MiniSearch's array: null,
		// and nothing after the last field it has.
		for len(ls) > 0 && ls[len(ls)-1] < 0 {
			ls = ls[:len(ls)-1]
		}
		for i, l := range ls {
			comma(i)
			if l < 0 {
				b.WriteString("null")
			} else {
				num(l)
			}
		}
		b.WriteByte(']')
	}
	b.WriteString(`},"averageFieldLength":[`)
	for f := range fields {
		comma(f)
		if !avgSet[f] {
			b.WriteString("null")
			continue
		}
		v, _ := json.Marshal(avg[f])
		b.Write(v)
	}
	b.WriteString(`],"storedFields":{`)
	written := 0
	for n, d := range docs {
		keys := make([]string, 0, len(d.Stored))
		for k, v := range d.Stored {
			if v != "" {
				keys = append(keys, k)
			}
		}
		if len(keys) == 0 {
			continue
		}
		slices.Sort(keys)
		comma(written)
		written++
		key(n)
		b.WriteByte('{')
		for i, k := range keys {
			comma(i)
			str(k)
			b.WriteByte(':')
			str(d.Stored[k])
		}
		b.WriteByte('}')
	}
	b.WriteString(`},"dirtCount":0,"index":[`)
	for i, t := range slices.Sorted(maps.Keys(index)) {
		comma(i)
		b.WriteByte('[')
		str(t)
		b.WriteString(",{")
		written := 0
		for f, ps := range index[t] {
			if len(ps) == 0 {
				continue
			}
			comma(written)
			written++
			key(f)
			b.WriteByte('{')
			for j, p := range ps {
				comma(j)
				key(p.doc)
				num(p.count)
			}
			b.WriteByte('}')
		}
		b.WriteString("}]")
	}
	b.WriteString(`],"serializationVersion":2}`)
	return b.Bytes()
}
