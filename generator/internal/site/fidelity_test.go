package site

import (
	"strings"
	"testing"
	"unicode"

	"gongkai/generator/internal/policy/seed"
)

// stripSpace removes all whitespace: the comparison is character for
// character, ignoring how the text is broken into lines and paragraphs.
func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestPublishedTextIsFaithful proves that the text of every published policy
// page — its title and body — equals the scraped source with exactly the
// allowed repairs applied: nothing dropped, nothing added, nothing reworded.
func TestPublishedTextIsFaithful(t *testing.T) {
	docs, err := seed.Split(string(seed.Source()))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 8 {
		t.Fatalf("source has %d documents, want 8", len(docs))
	}
	out := buildBundled(t)
	withText := 0
	for _, d := range docs {
		page, ok := out["policy/"+d.Slug+"/index.html"]
		if !ok {
			t.Errorf("%s: no page published", d.Slug)
			continue
		}
		root := parseHTML(t, page)
		titles := findAll(root, hasClass("doc-title"))
		bodies := findAll(root, hasClass("doc-body"))
		if len(titles) != 1 {
			t.Fatalf("%s: %d titles", d.Slug, len(titles))
		}
		if len(d.Paragraphs) == 0 {
			if len(bodies) != 0 {
				t.Errorf("%s: the source has no text, but the page has a body", d.Slug)
			}
			if !strings.Contains(string(page), "本文件正文缺失") {
				t.Errorf("%s: page does not say the text is missing", d.Slug)
			}
			continue
		}
		withText++
		if len(bodies) != 1 {
			t.Fatalf("%s: %d bodies", d.Slug, len(bodies))
		}
		want := stripSpace(seed.Repair(d.Title + strings.Join(d.Paragraphs, "")))
		got := stripSpace(textContent(titles[0]) + textContent(bodies[0]))
		if got != want {
			g, w := []rune(got), []rune(want)
			i := 0
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			t.Errorf("%s: published text differs from the repaired source at character %d:\npublished …%s…\nsource    …%s…",
				d.Slug, i, excerpt(g, i), excerpt(w, i))
		}
		if !d.Complete && !strings.Contains(string(page), "原文到此中断") {
			t.Errorf("%s: the source ends early but the page does not say so", d.Slug)
		}
	}
	if withText != 7 {
		t.Errorf("%d documents with text, want 7", withText)
	}
}

func excerpt(r []rune, i int) string {
	lo, hi := max(i-15, 0), min(i+15, len(r))
	return string(r[lo:hi])
}
