// Package searchindex builds, at build time, the index the theme's search
// page loads: a MiniSearch index (version 7, serialization version 2) made
// exactly as MiniSearch's addAll would make it in the browser with the
// theme's tokenizer, so a phone loads the index instead of building it.
// Tokenize is the Go twin of the tokenizer in the theme's search.js; the
// browser tests hold the two to the same tokens.
package searchindex

import (
	"encoding/json"
	"regexp"
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
func isMark(r rune) bool { return strings.ContainsRune("“”‘’「」『』《》〈〉·", r) }

var words = regexp.MustCompile(`[\x{3400}-\x{9fff}\x{f900}-\x{faff}]+|[a-z0-9][a-z0-9._-]*`)

// Tokenize cuts text as search.js does: lowercase; quotation marks between
// Chinese characters dropped; words of letters and digits kept whole; runs
// of Chinese cut into overlapping pairs (a single character stays whole).
func Tokenize(text string) []string {
	text = dropMarks(toLower(text))
	var out []string
	for _, p := range words.FindAllString(text, -1) {
		r, _ := utf8.DecodeRuneInString(p)
		if !isHan(r) {
			out = append(out, p)
			continue
		}
		chars := []rune(p)
		if len(chars) == 1 {
			out = append(out, p)
			continue
		}
		for i := 0; i+1 < len(chars); i++ {
			out = append(out, string(chars[i:i+2]))
		}
	}
	return out
}

// toLower lowercases as JavaScript's toLowerCase does where it matters here:
// that is strings.ToLower but for U+0130 İ, which JavaScript lowers to i and
// a combining dot (Unicode's special casing) and so splits the word there.
func toLower(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, "\u0130", "i\u0307"))
}

// dropMarks leaves out every run of marks with a Chinese character on both sides.
func dropMarks(s string) string {
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
func Build(fields []string, docs []Doc) ([]byte, error) {
	type posting = map[string]int // short document id → term count
	index := map[string][]posting{}
	avg := make([]float64, len(fields))
	avgSet := make([]bool, len(fields))
	documentIDs := make(map[string]int, len(docs))
	fieldLength := make(map[string][]any, len(docs))
	stored := make(map[string]map[string]string, len(docs))
	for n, d := range docs {
		id := strconv.Itoa(n)
		documentIDs[id] = n
		if len(d.Stored) > 0 {
			s := map[string]string{}
			for k, v := range d.Stored {
				if v != "" {
					s[k] = v
				}
			}
			stored[id] = s
		}
		var lengths []any // a field left out leaves a hole, as in a JavaScript array
		for f, text := range d.Fields {
			if text == "" {
				continue // left out, as a field the document does not have
			}
			tokens := Tokenize(text)
			unique := map[string]bool{}
			for _, t := range tokens {
				unique[t] = true
			}
			for len(lengths) <= f {
				lengths = append(lengths, nil)
			}
			lengths[f] = len(unique)
			// As MiniSearch keeps it: a running mean over the documents so far.
			count := float64(n)
			total := float64(avg[f]*count) + float64(len(unique))
			avg[f], avgSet[f] = total/(count+1), true
			for _, t := range tokens {
				p := index[t]
				if p == nil {
					p = make([]posting, len(fields))
					index[t] = p
				}
				if p[f] == nil {
					p[f] = posting{}
				}
				p[f][id]++
			}
		}
		fieldLength[id] = lengths
	}
	terms := make([]string, 0, len(index))
	for t := range index {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	entries := make([][2]any, 0, len(terms))
	for _, t := range terms {
		byField := map[string]map[string]int{}
		for f, p := range index[t] {
			if p != nil {
				byField[strconv.Itoa(f)] = p
			}
		}
		entries = append(entries, [2]any{t, byField})
	}
	avgOut := []any{}
	for f := range fields {
		if avgSet[f] {
			avgOut = append(avgOut, avg[f])
		} else {
			avgOut = append(avgOut, nil)
		}
	}
	// The fields in their order, as MiniSearch writes them.
	ids := []string{}
	for i, f := range fields {
		name, _ := json.Marshal(f)
		ids = append(ids, string(name)+":"+strconv.Itoa(i))
	}
	fieldIDsJSON := json.RawMessage("{" + strings.Join(ids, ",") + "}")
	return json.Marshal(struct {
		DocumentCount        int                          `json:"documentCount"`
		NextID               int                          `json:"nextId"`
		DocumentIDs          map[string]int               `json:"documentIds"`
		FieldIDs             json.RawMessage              `json:"fieldIds"`
		FieldLength          map[string][]any             `json:"fieldLength"`
		AverageFieldLength   []any                        `json:"averageFieldLength"`
		StoredFields         map[string]map[string]string `json:"storedFields"`
		DirtCount            int                          `json:"dirtCount"`
		Index                [][2]any                     `json:"index"`
		SerializationVersion int                          `json:"serializationVersion"`
	}{len(docs), len(docs), documentIDs, fieldIDsJSON, fieldLength, avgOut, stored, 0, entries, 2})
}
