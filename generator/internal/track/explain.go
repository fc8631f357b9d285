package track

import (
	"math"
	"strconv"
	"strings"

	"gongkai/generator/internal/data/value"
)

// sentences writes the sentence that explains each status from the
// numbers, in one language. Each method is named for the case it explains;
// zh and en are the two languages.
type sentences interface {
	// value writes one observation: 2015年实际值为3.35个/万人.
	value(o Observation) string
	achieved(o Observation) string
	// achievedBefore: no value for the deadline's period; the latest before it meets.
	achievedBefore(o Observation) string
	// achievedLate: first met after the deadline; unknown when no value
	// could say whether it was met at the deadline.
	achievedLate(o Observation, unknown bool) string
	missed(o Observation) string
	// overdue: the deadline has passed and no value decides.
	overdue(upTo []Observation, r Reading) string
	noData(before []Observation) string
	// noDataFor: a rate or total for a year with no value for that year yet.
	noDataFor(year int) string
	// metEarly: the target is met before the deadline, which still decides.
	metEarly(o Observation) string
	inProgress(o Observation) string
	// trajectory: a level against the straight line from its start.
	trajectory(s Status, latest Observation, want float64, fromLabel string, start float64) string
	// rateSoFar: a rate for the year, judged on the value so far.
	rateSoFar(s Status, o Observation) string
	// cumulativeSoFar: a total for the year, against the elapsed share of it.
	cumulativeSoFar(s Status, o Observation, want, share float64) string
	achievedUndated(o Observation) string
	inProgressUndated(o Observation) string
	// undatedNoData: no deadline and no value since the document was made.
	undatedNoData(before []Observation) string
	// untargeted: a target with no number, only a direction; latest is nil
	// when there is no value.
	untargeted(latest *Observation) string

	// narrowerOnly: only evidence of a narrower scope meets the target;
	// narrower and own explain the two verdicts.
	narrowerOnly(narrower, own string) string
	// otherScope is added when evidence of another scope cannot decide.
	otherScope(other []Observation) string
	// sampleNote is added when sample data went into the verdict.
	sampleNote() string

	// publications sums up a disclosure's due publications, n by status.
	publications(n map[PubStatus]int, others []string, otherMade int) string
	// onlyOtherPublications: none due found, only some of another scope.
	onlyOtherPublications(others []string, otherMade int) string
	noPublicationUndated() string
	// noPublication: the deadline has passed and nothing was published.
	noPublication() string
	// firstPublicationDue: the first publication is not yet due.
	firstPublicationDue() string
}

// sentencesFor is the writer of c's sentences, in c's language.
func sentencesFor(c Commitment) sentences {
	if english(c.Lang) {
		return en{c}
	}
	return zh{c}
}

// roundTo rounds half away from zero at digits decimals, as people do:
// 5.225 is 5.23 although its nearest binary value is a little below it.
func roundTo(v float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(v*p*(1+1e-12)) / p
}

// Numbers in the sentences are rounded for people, as the unit decides: a
// share (%) to one decimal (32.986111111111114% is 33%), a large count in
// 万 and 亿 in Chinese (8178人, 41万人, 1.04亿) and in millions and billions
// in English, anything else to two decimals. A value that would then read
// as one of the targets it is not equal to (99.96% as 100%, below a target
// of 100%) keeps the digits that tell them apart. A target is written as
// the text sets it, to two decimals, in 万 or 亿 only when that is exact
// (50000人 is 5万人). The evidence table and the downloads keep every digit.

// number writes v (without its unit) for people, in English when en is
// set and in Chinese otherwise; target says v is a target or a bound of one.
func (c Commitment) number(v float64, target, en bool) string {
	sep := ""
	if en {
		sep = ","
	}
	dec := func(x float64, d int) string {
		return value.GroupThousands(strconv.FormatFloat(roundTo(x, d), 'f', -1, 64), sep)
	}
	if !target {
		if w, ok := c.scaled(v, false, en); ok {
			return w
		}
		d := 2
		if c.Unit == "%" || c.Unit == "％" {
			d = 1
		}
		for ; d < 4 && c.readsAsTarget(v, roundTo(v, d)); d++ {
		}
		return dec(v, d)
	}
	if w, ok := c.scaled(v, true, en); ok {
		return w
	}
	return dec(v, 2)
}

// readsAsTarget tells whether v, shown as shown, reads as one of the
// commitment's targets or bounds that it is not.
func (c Commitment) readsAsTarget(v, shown float64) bool {
	refs := []float64{c.Target}
	switch c.Comparator {
	case "≈":
		refs = append(refs, c.Target-c.Tolerance, c.Target+c.Tolerance)
	case "range":
		refs = append(refs, c.TargetMax)
	}
	for _, r := range refs {
		if v != r && shown == roundTo(r, 2) {
			return true
		}
	}
	return false
}

// scaled writes a large count in 万 or 亿 (millions or billions in
// English), ok false when v is not one: a share, a rate (个/万人), a unit
// already in 万, or less than 10000 (a million in English). A target is
// scaled only when that is exact; a value to three significant digits,
// unless it would then read as a target it is not.
func (c Commitment) scaled(v float64, target, en bool) (string, bool) {
	u := c.Unit
	if u == "%" || u == "％" || strings.Contains(u, "/") || strings.HasPrefix(u, "万") || strings.HasPrefix(u, "亿") {
		return "", false
	}
	type scale struct {
		by   float64
		word string
	}
	scales := []scale{{1e8, "亿"}, {1e4, "万"}}
	if en {
		scales = []scale{{1e9, " billion"}, {1e6, " million"}}
	}
	for _, sc := range scales {
		if math.Abs(v) < sc.by {
			continue
		}
		x := v / sc.by
		if target {
			if x != roundTo(x, 2) {
				return "", false
			}
			return strconv.FormatFloat(x, 'f', -1, 64) + sc.word, true
		}
		d := 2
		switch a := math.Abs(x); {
		case a >= 100:
			d = 0
		case a >= 10:
			d = 1
		}
		if c.readsAsTarget(v, roundTo(x, d)*sc.by) {
			return "", false
		}
		return strconv.FormatFloat(roundTo(x, d), 'f', -1, 64) + sc.word, true
	}
	return "", false
}
