package site

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestClauseCoverage: each clause of a document that makes commitments says
// how many, linking to the list filtered to it; a clause that makes none
// says nothing; the list offers every such clause as a filter and marks
// each row with its clause.
func TestClauseCoverage(t *testing.T) {
	out := buildBundled(t)
	rows := bundledRegistry(t)
	want := map[string]int{} // commitments by "doc/clause"
	for _, r := range rows[1:] {
		want[r[1]+"/"+r[2]]++
	}
	checked := 0
	for key, n := range want {
		doc, clause, _ := strings.Cut(key, "/")
		page, ok := out["policy/"+doc+"/index.html"]
		if !ok {
			continue
		}
		node := findAll(parseHTML(t, page), func(x *html.Node) bool { return attr(x, "id") == clause })
		if len(node) != 1 {
			continue // a registry row on a part of the document, not a clause
		}
		counts := findAll(node[0], hasClass("badges-count"))
		if len(counts) == 0 {
			t.Errorf("%s %s: no count of its %d commitments", doc, clause, n)
			continue
		}
		var b strings.Builder
		if err := html.Render(&b, counts[0]); err != nil {
			t.Fatal(err)
		}
		text := b.String()
		if !strings.Contains(text, "本条有 "+strconv.Itoa(n)+" 项") {
			t.Errorf("%s %s: %q, want %d commitments", doc, clause, text, n)
		}
		links := findAll(counts[0], func(x *html.Node) bool { return x.Data == "a" })
		if len(links) != 1 || attr(links[0], "href") != "/commitments/?clause="+clause {
			t.Errorf("%s %s: the count does not link to the list filtered to the clause", doc, clause)
		}
		checked++
	}
	if checked < 20 {
		t.Fatalf("only %d clauses checked", checked)
	}
	// A clause without commitments says nothing.
	doc := parseHTML(t, out["policy/decision/index.html"])
	for _, c := range findAll(doc, hasClass("clause")) {
		if want["decision/"+attr(c, "id")] == 0 && len(findAll(c, hasClass("badges-count"))) > 0 {
			// a nested item's count sits in its own clause element
			if own := findAll(c, func(x *html.Node) bool { return x.Parent == c && hasClass("badges-count")(x) }); len(own) > 0 {
				t.Errorf("decision %s makes no commitment but shows a count", attr(c, "id"))
			}
		}
	}
	// The list: a clause filter with each clause, and rows marked with theirs.
	list := string(out["commitments/index.html"])
	for key := range want {
		_, clause, _ := strings.Cut(key, "/")
		if !strings.Contains(list, `<option value="`+clause+`">`) || !strings.Contains(list, `data-clause="`+clause+`"`) {
			t.Errorf("/commitments/: no filter option or row for clause %s", clause)
		}
	}
}

// TestSourceTypeShown: a figure from a secondary source (二手 in
// progress.csv's 来源类型) is marked so beside its source on the
// commitment page; one without a type is not marked.
func TestSourceTypeShown(t *testing.T) {
	out := buildBundled(t)
	page := string(out["commitments/decision-7-life-expectancy/index.html"])
	if !strings.Contains(page, `class="source-type source-secondary"`) || !strings.Contains(page, "二手来源") {
		t.Error("the life-expectancy figures, from reposted reports, are not marked as secondary sources")
	}
	if strings.Contains(string(out["commitments/decision-14-full-assessment/index.html"]), "source-type") {
		t.Error("sample figures without a source type are marked")
	}
}

// TestContextFigures: a figure on another definition (用途 参考 in
// progress.csv) is shown under its own heading on the commitment page and
// flagged in commitments.json, and never judges the commitment: 8178
// 持证社工 is not the number of 专业社会工作者 the promise counts.
func TestContextFigures(t *testing.T) {
	out := buildBundled(t)
	page := string(out["commitments/social-work-talent-5-professional-social-workers/index.html"])
	i := strings.Index(page, "口径不同的相关数字")
	if i < 0 || !strings.Contains(page[i:], "8,178") {
		t.Fatal("the 8178 持证社工 figure is not shown as a related figure on another definition")
	}
	verdict := page[strings.Index(page, "verdict status-box"):i]
	if strings.Contains(verdict, "8178") || strings.Contains(verdict, "8,178") {
		t.Error("the verdict cites a figure on another definition")
	}
	if !strings.Contains(string(out["data/commitments.json"]), `"context": true`) {
		t.Error("commitments.json does not flag the context figure")
	}
}
