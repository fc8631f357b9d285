package site

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"gongkai/generator/internal/track"
)

// commitmentJSON is one commitment in /data/commitments.json: the registry
// columns, the computed status and its explanation, and the observations.
type commitmentJSON struct {
	ID           string            `json:"id"`
	Document     string            `json:"document"`
	Clause       string            `json:"clause"`
	Kind         string            `json:"kind"`
	Indicator    string            `json:"indicator"`
	Text         string            `json:"text"`
	Comparator   string            `json:"comparator"`
	Target       json.RawMessage   `json:"target"`               // for a range, its lower end
	TargetMax    *float64          `json:"target_max,omitempty"` // for comparator range
	Tolerance    *float64          `json:"tolerance,omitempty"`  // for comparator ≈
	Unit         string            `json:"unit"`
	Deadline     string            `json:"deadline"`
	Baseline     json.RawMessage   `json:"baseline"`
	BaselineYear json.RawMessage   `json:"baseline_year"`
	Responsible  string            `json:"responsible"`
	Measure      string            `json:"measure"`
	Related      []string          `json:"related"`
	Note         string            `json:"note"`
	Cadence      string            `json:"cadence,omitempty"`
	Scope        string            `json:"scope,omitempty"`
	Reading      string            `json:"reading"`
	Made         string            `json:"document_date,omitempty"`
	Status       string            `json:"status"`
	DecidedBy    string            `json:"decided_by,omitempty"`
	Explanation  string            `json:"explanation"`
	Sample       bool              `json:"sample"`
	Observations []observationJSON `json:"observations"`
	Publications []publicationJSON `json:"publications,omitempty"`
}

type observationJSON struct {
	Year      int             `json:"year"`
	Period    string          `json:"period"`          // 2025, 2025-Q3, 2025-09, 2025-01/2025-09, 2025-09-30
	Known     string          `json:"known"`           // the day it counts from: its publication date, else its period's end
	Scope     string          `json:"scope,omitempty"` // when not the commitment's own
	Baseline  bool            `json:"baseline,omitempty"`
	Value     json.RawMessage `json:"value"`
	Source    string          `json:"source"`
	SourceURL string          `json:"source_url,omitempty"`
	Context   bool            `json:"context,omitempty"` // a figure on another definition, which does not judge the commitment
}

type publicationJSON struct {
	Period    string `json:"period"`
	Due       string `json:"due"`
	Published string `json:"published,omitempty"`
	Scope     string `json:"scope,omitempty"`
	Status    string `json:"status"`
	URL       string `json:"url,omitempty"`
	// Inferred: expected by the commitment's cadence, and on no record.
	Inferred bool `json:"inferred,omitempty"`
}

// rawNumber writes an exact decimal as a JSON number, or null.
func rawNumber(text string, valid bool) json.RawMessage {
	if !valid || text == "" {
		return json.RawMessage("null")
	}
	return json.RawMessage(text)
}

// commitmentsJSON is /data/commitments.json: {"as_of": …, "commitments": […]}.
func commitmentsJSON(m *model) ([]byte, error) {
	out := struct {
		AsOf        string           `json:"as_of"`
		Commitments []commitmentJSON `json:"commitments"`
	}{AsOf: m.asOf, Commitments: []commitmentJSON{}}
	asOf := m.asOfDay
	for _, c := range m.commitments {
		r := c.row
		j := commitmentJSON{
			ID: string(r.ID), Document: string(r.Document), Clause: string(r.Clause), Kind: string(r.Kind), Indicator: string(r.Indicator),
			Text: string(r.Text), Comparator: string(r.Comparator), Target: rawNumber(c.target.Text, c.eval.HasTarget), Unit: string(r.Unit),
			Deadline: c.eval.Deadline.ISO(), Baseline: rawNumber(r.Baseline.Text, r.Baseline.Valid), BaselineYear: rawNumber(r.BaselineYear.Text, r.BaselineYear.Valid),
			Responsible: string(r.Responsible), Measure: string(r.Measure), Related: strings.Fields(string(r.Related)), Note: string(r.Note), Cadence: string(r.Cadence),
			Scope: string(r.Scope), Reading: string(c.eval.Reading), Status: string(c.result.Status), DecidedBy: c.result.Decided,
			Explanation: c.result.Explanation, Sample: c.sample || c.result.Sample,
			Observations: []observationJSON{},
		}
		if c.target.Range {
			j.TargetMax = &c.target.Max
		}
		if r.Comparator == "≈" {
			j.Tolerance = &c.target.Tolerance
		}
		if j.Related == nil {
			j.Related = []string{}
		}
		if j.Reading == "" && r.Kind != "disclosure" {
			j.Reading = string(track.Level)
			if r.Kind == track.Institution {
				j.Reading = string(track.Once)
			}
		}
		if !c.eval.Made.IsZero() {
			j.Made = c.eval.Made.Format(time.DateOnly)
		}
		for _, o := range c.obs {
			j.Observations = append(j.Observations, observationJSON{Year: o.Period.Year, Period: o.Period.String(), Known: o.Known().Format(time.DateOnly),
				Scope: o.Observation.Scope, Baseline: o.Period.End().Before(c.eval.Made),
				Value: rawNumber(o.ProgressRow.Value.Text, o.ProgressRow.Value.Valid), Source: string(o.Source), SourceURL: safeURL(string(o.SourceURL))})
		}
		for _, o := range c.context {
			j.Observations = append(j.Observations, observationJSON{Year: o.Period.Year, Period: o.Period.String(), Known: o.Known().Format(time.DateOnly),
				Scope: o.Observation.Scope, Value: rawNumber(o.ProgressRow.Value.Text, o.ProgressRow.Value.Valid), Source: string(o.Source),
				SourceURL: safeURL(string(o.SourceURL)), Context: true})
		}
		for _, d := range c.derived {
			j.Observations = append(j.Observations, observationJSON{Year: d.Period.Year, Period: d.Period.String(), Known: d.Period.End().Format(time.DateOnly),
				Baseline: d.Period.End().Before(c.eval.Made), Value: json.RawMessage(strconv.FormatFloat(d.Value, 'f', -1, 64)),
				Source: "metric " + d.metric.ID + ": " + d.Inputs})
		}
		for i, p := range c.pubs {
			j.Publications = append(j.Publications, publicationJSON{Period: string(p.Period), Due: p.Due.Text, Published: p.Published.Text, Scope: string(p.Scope),
				Status: string(c.eval.Publications[i].Judge(asOf)), URL: safeURL(string(p.URL)), Inferred: c.eval.Publications[i].Inferred})
		}
		out.Commitments = append(out.Commitments, j)
	}
	b, err := json.MarshalIndent(out, "", " ")
	return append(b, '\n'), err
}
