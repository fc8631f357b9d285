package searchindex

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Synonyms maps an abbreviation to the words texts write it as (低保 →
// 最低生活保障): a query holding the abbreviation also finds the texts
// that hold one of the words. The theme's search.js searches with it.
type Synonyms map[string][]string

// ParseSynonyms reads a table of abbreviations written one a line,
//
//	低保 = 最低生活保障
//	三公 = 三公经费、出国出境、公务接待、公务用车
//
// the words after "=" separated by "、", "，" or ","; blank lines and lines
// starting with # are left out. A line without "=" or without a word is
// an error naming its line (1-based).
func ParseSynonyms(text string) (Synonyms, error) {
	out := Synonyms{}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, words, ok := strings.Cut(line, "=")
		key = strings.TrimSpace(key)
		var list []string
		for _, w := range strings.FieldsFunc(words, func(r rune) bool { return r == '、' || r == '，' || r == ',' }) {
			if w = strings.TrimSpace(w); w != "" {
				list = append(list, w)
			}
		}
		if !ok || key == "" || len(list) == 0 {
			return nil, fmt.Errorf("line %d: %q: write an abbreviation, =, and the words it stands for, e.g. 低保 = 最低生活保障", n+1, line)
		}
		out.Add(key, list...)
	}
	return out, nil
}

// Add adds words to what key stands for, each once and in order; a word
// equal to the key is left out.
func (s Synonyms) Add(key string, words ...string) {
	for _, w := range words {
		if w != key && !slices.Contains(s[key], w) {
			s[key] = append(s[key], w)
		}
	}
}

// Merge returns the table with every entry of more added (a key both have
// gets the words of both, s's first).
func (s Synonyms) Merge(more map[string][]string) Synonyms {
	out := Synonyms{}
	for _, k := range slices.Sorted(maps.Keys(s)) {
		out.Add(k, s[k]...)
	}
	for _, k := range slices.Sorted(maps.Keys(more)) {
		out.Add(strings.TrimSpace(k), more[k]...)
	}
	return out
}
