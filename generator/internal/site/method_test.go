package site

import (
	"testing"
	"testing/fstest"

	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/render"

	"gongkai/generator/internal/track"
)

// TestMethodCoversTheRules fails when a status or a reading is added to the
// rules without a sentence saying what it means on /method/.
func TestMethodCoversTheRules(t *testing.T) {
	tr := testTable(t, "zh-CN")
	m := methodRules(tr)
	if len(m.Statuses) != len(track.Statuses) {
		t.Fatalf("method lists %d statuses, the rules have %d", len(m.Statuses), len(track.Statuses))
	}
	for _, s := range m.Statuses {
		if s.Label == "" || s.Meaning == "" || s.Color == "" {
			t.Errorf("status %s: label %q, colour %q, meaning %q: each must be set", s.Status, s.Label, s.Color, s.Meaning)
		}
	}
	for _, r := range []string{"level", "rate", "cumulative", "once", "水平", "当期", "累计", "达到即可"} {
		reading, ok := track.ParseReading(r)
		if !ok || !tr.Has("reading.meaning."+string(reading)) || !tr.Has("reading.words."+string(reading)) || reading.Label() == "" {
			t.Errorf("reading %q: no meaning on /method/", r)
		}
	}
	for _, st := range track.Statuses {
		if !tr.Has("status.meaning." + string(st)) {
			t.Errorf("status %s: no status.meaning.%s in the table", st, st)
		}
	}
}

// testTable is the built-in theme's table of lang.
func testTable(t *testing.T, lang string) *i18n.Table {
	t.Helper()
	tr, err := render.LoadTable(fstest.MapFS{}, "default", lang)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}
