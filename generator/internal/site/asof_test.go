package site

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

// TestBundledVerdictsUseOnlyWhatWasKnown rebuilds the bundled site as of
// several days and checks, in /data/commitments.json, that no verdict and no
// page uses an observation or a publication that could not be known that day:
// every observation listed counts from a day on or before the as-of day, the
// period a verdict rests on is one of them, and no publication after the
// as-of day is on record.
func TestBundledVerdictsUseOnlyWhatWasKnown(t *testing.T) {
	root, err := os.OpenRoot(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for _, asOf := range []string{"2011-06-30", "2016-06-30", "2026-12-02"} {
		t.Run(asOf, func(t *testing.T) {
			opts := fixedOpts
			opts.AsOf = asOf
			out := memSink{}
			if _, err := Build(root.FS(), opts, out); err != nil {
				t.Fatal(err)
			}
			var reg struct {
				AsOf        string `json:"as_of"`
				Commitments []struct {
					ID           string `json:"id"`
					Status       string `json:"status"`
					DecidedBy    string `json:"decided_by"`
					Explanation  string `json:"explanation"`
					Observations []struct {
						Period, Known string
						Baseline      bool
					} `json:"observations"`
					Publications []struct{ Published, Status string } `json:"publications"`
				} `json:"commitments"`
			}
			if err := json.Unmarshal(out["data/commitments.json"], &reg); err != nil {
				t.Fatal(err)
			}
			day, _ := time.Parse(time.DateOnly, asOf)
			observed := 0
			for _, c := range reg.Commitments {
				periods := map[string]bool{}
				for _, o := range c.Observations {
					k, err := time.Parse(time.DateOnly, o.Known)
					if err != nil || k.After(day) {
						t.Errorf("%s: observation for %s known %q, after the as-of day", c.ID, o.Period, o.Known)
					}
					periods[o.Period] = !o.Baseline
					observed++
				}
				if c.DecidedBy != "" && !periods[c.DecidedBy] {
					t.Errorf("%s is %s on %q, which is not one of its known observations after the document: %v", c.ID, c.Status, c.DecidedBy, periods)
				}
				for _, p := range c.Publications {
					if p.Published > asOf {
						t.Errorf("%s: a publication of %s on record as of %s", c.ID, p.Published, asOf)
					}
				}
			}
			if observed == 0 && asOf > "2016" {
				t.Error("no observation at all: the test checks nothing")
			}
		})
	}
	// The cases issue 11 saw: life expectancy as of 2011-06-30 had the 2015
	// figure and was achieved; community-committees-9 was achieved late on a
	// figure for 2016 as of 2016-06-30.
	opts := fixedOpts
	opts.AsOf = "2011-06-30"
	out := memSink{}
	if _, err := Build(root.FS(), opts, out); err != nil {
		t.Fatal(err)
	}
	if page := string(out["commitments/decision-7-life-expectancy/index.html"]); strings.Contains(page, "77.1") || strings.Contains(page, "status-achieved") {
		t.Error("as of 2011-06-30, the life-expectancy page shows the 2015 figure or a verdict on it")
	}
	opts.AsOf = "2016-06-30"
	out = memSink{}
	if _, err := Build(root.FS(), opts, out); err != nil {
		t.Fatal(err)
	}
	if page := string(out["commitments/community-committees-9-disclosure-compliance-rate/index.html"]); strings.Contains(page, "2016年实际值") || strings.Contains(page, `<th scope="row">2016年`) {
		t.Error("as of 2016-06-30, community-committees-9 is judged on a figure for 2016")
	}
}
