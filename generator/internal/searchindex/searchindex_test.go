package searchindex

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestTokenize(t *testing.T) {
	for in, want := range map[string][]string{
		"养老床位":            {"养老", "老床", "床位"},
		"社":               {"社"},
		"“三公”经费":          {"三公", "公经", "经费"},
		"《条例》规定":          {"条例", "例规", "规定"},
		"“社工”":            {"社工"}, // no Chinese character before the opening mark
		"Decision-37 每万人": {"decision-37", "每万", "万人"},
		"3.35个/万人，40%":    {"3.35", "个", "万人", "40"},
		"A·B 甲·乙":         {"a", "b", "甲乙"},
		"":                nil,
		"-x_y ._ok 9.":    {"x_y", "ok", "9."},
		"𠀀字":              {"字"}, // outside the ranges search.js treats as Chinese
		"ＡＢＣ１２３ 全角":       {"全角"},
		"社会组织\n等级评估":      {"社会", "会组", "组织", "等级", "级评", "评估"},
		"社“”会":            {"社会"},
		"社“ 会":            {"社", "会"},
		"İstanbul":        {"i", "stanbul"}, // as JavaScript lowercases it
	} {
		if got := Tokenize(in); !slices.Equal(got, want) {
			t.Errorf("Tokenize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBuild checks the index's parts against what MiniSearch's addAll keeps:
// per document the number of distinct terms of each field (a field the
// document lacks is a hole), their running mean, term counts per field and
// document, and the stored fields without empty ones.
func TestBuild(t *testing.T) {
	b := Build([]string{"title", "text"}, []Doc{
		{Fields: []string{"养老床位", "养老床位 养老"}, Stored: map[string]string{"url": "/a/", "in": ""}},
		{Fields: []string{"直选", ""}, Stored: map[string]string{"url": "/b/"}},
		{Fields: []string{"养老", "三公 三公 三公"}},
	})
	var got struct {
		DocumentCount      int                          `json:"documentCount"`
		DocumentIDs        map[string]int               `json:"documentIds"`
		FieldIDs           map[string]int               `json:"fieldIds"`
		FieldLength        map[string][]*int            `json:"fieldLength"`
		AverageFieldLength []float64                    `json:"averageFieldLength"`
		StoredFields       map[string]map[string]string `json:"storedFields"`
		Index              [][2]json.RawMessage         `json:"index"`
		Version            int                          `json:"serializationVersion"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.DocumentCount != 3 || got.DocumentIDs["2"] != 2 || got.FieldIDs["text"] != 1 || got.Version != 2 {
		t.Errorf("header: %s", b)
	}
	if l := got.FieldLength["1"]; len(l) != 1 || *l[0] != 1 {
		t.Errorf("fieldLength of a document without text: %v", l)
	}
	if l := got.FieldLength["0"]; len(l) != 2 || *l[0] != 3 || *l[1] != 3 { // 养老 老床 床位 (养老 again is not new)
		t.Errorf("fieldLength of the first document: %v", l)
	}
	// Titles have 3, 1 and 1 distinct terms: mean 5/3. Texts 3, none, 1:
	// MiniSearch's running mean counts every document before, with or
	// without the field, so the third gives (3·2 + 1) / 3.
	if got.AverageFieldLength[0] != 5.0/3 || got.AverageFieldLength[1] != 7.0/3 {
		t.Errorf("averageFieldLength %v", got.AverageFieldLength)
	}
	if got.StoredFields["0"]["url"] != "/a/" || len(got.StoredFields["0"]) != 1 || got.StoredFields["2"] != nil {
		t.Errorf("storedFields %v", got.StoredFields)
	}
	postings := map[string]map[string]map[string]int{}
	for _, e := range got.Index {
		var term string
		var p map[string]map[string]int
		if json.Unmarshal(e[0], &term) != nil || json.Unmarshal(e[1], &p) != nil {
			t.Fatalf("index entry %s", e)
		}
		postings[term] = p
	}
	if postings["养老"]["1"]["0"] != 2 || postings["养老"]["0"]["2"] != 1 || postings["三公"]["1"]["2"] != 3 || postings["直选"]["1"] != nil {
		t.Errorf("postings %v", postings)
	}
}
