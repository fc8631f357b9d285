package benchrun

import (
	"strings"
	"testing"
	"time"
)

func TestMedianTakesEachMeasureAlone(t *testing.T) {
	got := Median([]Measure{{3 * time.Second, 1 * time.Second, 50}, {1 * time.Second, 5 * time.Second, 10}, {2 * time.Second, 3 * time.Second, 90}})
	if want := (Measure{2 * time.Second, 3 * time.Second, 50}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestRunTellsAFailure(t *testing.T) {
	if _, err := Run(t.TempDir(), "sh", "-c", "echo broken >&2; exit 3"); err == nil || !strings.Contains(err.Error(), "broken") {
		t.Errorf("got %v", err)
	}
	m, err := Run(t.TempDir(), "sh", "-c", "true")
	if err != nil || m.Wall <= 0 || m.PeakMiB <= 0 {
		t.Errorf("got %+v, %v", m, err)
	}
}
