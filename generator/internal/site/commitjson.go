package site

import (
	"encoding/json"
	"strconv"
	"strings"
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
	Target       json.RawMessage   `json:"target"`
	Unit         string            `json:"unit"`
	Deadline     string            `json:"deadline"`
	Baseline     json.RawMessage   `json:"baseline"`
	BaselineYear json.RawMessage   `json:"baseline_year"`
	Responsible  string            `json:"responsible"`
	Measure      string            `json:"measure"`
	Related      []string          `json:"related"`
	Note         string            `json:"note"`
	Cadence      string            `json:"cadence,omitempty"`
	Status       string            `json:"status"`
	Explanation  string            `json:"explanation"`
	Sample       bool              `json:"sample"`
	Observations []observationJSON `json:"observations"`
	Publications []publicationJSON `json:"publications,omitempty"`
}

type observationJSON struct {
	Year      int             `json:"year"`
	Value     json.RawMessage `json:"value"`
	Source    string          `json:"source"`
	SourceURL string          `json:"source_url,omitempty"`
}

type publicationJSON struct {
	Period    string `json:"period"`
	Due       string `json:"due"`
	Published string `json:"published,omitempty"`
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
	asOf := mustDay(m.asOf)
	for _, c := range m.commitments {
		r := c.row
		j := commitmentJSON{
			ID: string(r.ID), Document: string(r.Document), Clause: string(r.Clause), Kind: string(r.Kind), Indicator: string(r.Indicator),
			Text: string(r.Text), Comparator: string(r.Comparator), Target: rawNumber(r.Target.Text, r.Target.Valid), Unit: string(r.Unit),
			Deadline: r.Deadline.Text, Baseline: rawNumber(r.Baseline.Text, r.Baseline.Valid), BaselineYear: rawNumber(r.BaselineYear.Text, r.BaselineYear.Valid),
			Responsible: string(r.Responsible), Measure: string(r.Measure), Related: strings.Fields(string(r.Related)), Note: string(r.Note), Cadence: string(r.Cadence),
			Status: string(c.result.Status), Explanation: c.result.Explanation, Sample: c.sample || c.result.Sample,
			Observations: []observationJSON{},
		}
		if j.Related == nil {
			j.Related = []string{}
		}
		for _, o := range c.obs {
			j.Observations = append(j.Observations, observationJSON{Year: int(o.Year.Value), Value: rawNumber(o.Value.Text, o.Value.Valid), Source: string(o.Source), SourceURL: safeURL(string(o.SourceURL))})
		}
		for _, d := range c.derived {
			j.Observations = append(j.Observations, observationJSON{Year: d.Year, Value: json.RawMessage(strconv.FormatFloat(d.Value, 'f', -1, 64)),
				Source: "metric " + d.metric.ID + ": " + d.Inputs})
		}
		for i, p := range c.pubs {
			j.Publications = append(j.Publications, publicationJSON{Period: string(p.Period), Due: p.Due.Text, Published: p.Published.Text,
				Status: string(c.eval.Publications[i].Judge(asOf)), URL: safeURL(string(p.URL)), Inferred: c.eval.Publications[i].Inferred})
		}
		out.Commitments = append(out.Commitments, j)
	}
	b, err := json.MarshalIndent(out, "", " ")
	return append(b, '\n'), err
}
