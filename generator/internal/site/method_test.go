package site

import (
	"testing"

	"gongkai/generator/internal/track"
)

// TestMethodCoversTheRules fails when a status or a reading is added to the
// rules without a sentence saying what it means on /method/.
func TestMethodCoversTheRules(t *testing.T) {
	m := methodRules()
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
		if !ok || readingMeanings[reading] == "" || reading.Label() == "" {
			t.Errorf("reading %q: no meaning on /method/", r)
		}
	}
	if len(m.Readings) != len(readingMeanings) {
		t.Errorf("method lists %d readings, %d have meanings", len(m.Readings), len(readingMeanings))
	}
}
