package track

import "math"

// sentences writes the sentence that explains each status from the
// numbers, in one language. Each method is named for the case it explains;
// zh and en are the two languages.
type sentences interface {
	// value writes one observation: 2015年实际值为3.35个/万人.
	value(o Observation) string
	achieved(o Observation) string
	// achievedBefore: no value for the deadline's period; the latest before it meets.
	achievedBefore(o Observation) string
	achievedLate(o Observation) string
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
