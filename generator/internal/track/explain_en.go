package track

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// en writes the sentences in English. Numbers get thousands separators
// (12,000); a unit is the registry's, as staff wrote it, after a space when
// it is a word (16 days) and straight after the number otherwise (5.5%).
type en struct {
	c Commitment
}

// plain writes a target or a bound with thousands separators, to two
// decimals (see number): 12,000, 1,234.5, -3.35, 5 million.
func (e en) plain(v float64) string { return e.c.number(v, true, true) }

// num writes a value with its unit, rounded for people (see number): 16
// days, 33%, 3.35 per 10,000 people, 8,178, 4.1 million.
func (e en) num(v float64) string { return e.c.number(v, false, true) + e.unit() }

// tnum writes a target or a bound with its unit.
func (e en) tnum(v float64) string { return e.plain(v) + e.unit() }

// unit is the commitment's unit as it follows a number: a space before a
// unit that starts with a letter, other than a Chinese one (人, 个/万人).
func (e en) unit() string {
	u := e.c.Unit
	r, _ := utf8.DecodeRuneInString(u)
	if u != "" && unicode.IsLetter(r) && !unicode.Is(unicode.Han, r) {
		return " " + u
	}
	return u
}

func (e en) deadline() string { return e.c.Deadline.StringIn("en") }

func (e en) period(o Observation) string { return o.Period.LabelIn("en") }

// goal: the target is at least 5 per 10,000 people by 2015.
func (e en) goal() string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("the target is to have it done by %s", e.deadline())
	}
	return fmt.Sprintf("the target is %s by %s", e.bound(), e.deadline())
}

// bound is the target with the comparator in words: at least 5, at most
// 10%, exactly 100%, about 5.5% (5.23%–5.78%), 5–6%.
func (e en) bound() string {
	switch e.c.Comparator {
	case "<=":
		return "at most " + e.target()
	case "==":
		return "exactly " + e.target()
	case "≈", "range":
		return e.target()
	}
	return "at least " + e.target()
}

// target writes the target: 5 per 10,000 people; about 5.5% (5.23–5.78%); 5–6%.
func (e en) target() string {
	switch e.c.Comparator {
	case "≈":
		return fmt.Sprintf("about %s (%s–%s)", e.tnum(e.c.Target), e.plain(e.c.Target-e.c.Tolerance), e.tnum(e.c.Target+e.c.Tolerance))
	case "range":
		return e.plain(e.c.Target) + "–" + e.tnum(e.c.TargetMax)
	}
	return e.tnum(e.c.Target)
}

// short is how a value misses the target: below, above, not equal to.
func (e en) short(v float64) string {
	switch e.c.Comparator {
	case "<=":
		return "above"
	case "==":
		return "not equal to"
	case "≈", "range":
		if v > e.c.Target {
			return "above"
		}
	}
	return "below"
}

// value writes an observation, starting with a capital: The 2015 value was
// 3.35 per 10,000 people; The 2015 value for Guangzhou was …; Done in 2015.
func (e en) value(o Observation) string {
	if e.c.Kind == Institution {
		done := "Done"
		if o.Value < 1 {
			done = "Not yet done"
		}
		if o.Scope != "" {
			return fmt.Sprintf("%s for %s as of %s", done, o.Scope, e.period(o))
		}
		return fmt.Sprintf("%s as of %s", done, e.period(o))
	}
	if o.Scope != "" {
		return fmt.Sprintf("The %s value for %s was %s", e.period(o), o.Scope, e.num(o.Value))
	}
	return fmt.Sprintf("The %s value was %s", e.period(o), e.num(o.Value))
}

// inner is value(o) inside a sentence: the first letter lower case.
func (e en) inner(o Observation) string {
	s := e.value(o)
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func (e en) achieved(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s, within the deadline (%s).", e.value(o), e.deadline())
	}
	return fmt.Sprintf("%s, meeting the target of %s, within the deadline (%s).", e.value(o), e.target(), e.deadline())
}

func (e en) achievedBefore(o Observation) string {
	return fmt.Sprintf("There is no value for the deadline's own period (%s); the latest before it: %s, meeting the target of %s.", e.deadline(), e.inner(o), e.target())
}

func (e en) achievedLate(o Observation, unknown bool) string {
	v := e.value(o)
	if unknown {
		v = fmt.Sprintf("No value was found for the deadline (%s); later, %s", e.deadline(), e.inner(o))
	}
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s, after the deadline (%s).", v, e.deadline())
	}
	return fmt.Sprintf("%s, meeting the target of %s, but after the deadline (%s).", v, e.target(), e.deadline())
}

func (e en) missed(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s; the deadline (%s) has passed.", e.value(o), e.deadline())
	}
	return fmt.Sprintf("%s, %s the target of %s; the deadline has passed.", e.value(o), e.short(o.Value), e.target())
}

func (e en) overdue(upTo []Observation, r Reading) string {
	need := fmt.Sprintf("for %d or later", e.c.Deadline.Year)
	if r == Rate || r == Cumulative {
		need = fmt.Sprintf("for the whole of %d", e.c.Deadline.Year)
	}
	s := fmt.Sprintf("The deadline (%s) has passed, but no value was found %s", e.deadline(), need)
	if len(upTo) > 0 {
		o := upTo[len(upTo)-1]
		s += "; the latest: " + e.inner(o)
		if e.c.Kind != Institution && !e.c.meets(o.Value) {
			s += ", short of the target of " + e.target()
		}
		if r == Level && !recent(o, e.c.Deadline.Last()) {
			s += ", more than a year before the deadline, too early to stand for the level at the deadline"
		}
	}
	return s + "."
}

func (e en) noData(before []Observation) string {
	if len(before) > 0 {
		return fmt.Sprintf("No data yet since the document was issued (before it: %s); %s.", e.inner(before[len(before)-1]), e.goal())
	}
	return fmt.Sprintf("No data yet; %s.", e.goal())
}

func (e en) noDataFor(year int) string {
	return fmt.Sprintf("No data for %d yet; %s.", year, e.goal())
}

func (e en) metEarly(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s; the deadline is %s.", e.value(o), e.deadline())
	}
	return fmt.Sprintf("%s, already meeting the target of %s; the deadline (%s) has not come yet, and the value at the deadline decides.", e.value(o), e.target(), e.deadline())
}

func (e en) inProgress(o Observation) string {
	return fmt.Sprintf("There is only one value so far (%s) and no baseline, so no pace line can be drawn; %s.", e.inner(o), e.goal())
}

func (e en) trajectory(s Status, latest Observation, want float64, fromLabel string, start float64) string {
	word := "on or ahead of"
	if s == Behind {
		word = "behind"
	}
	return fmt.Sprintf("%s, %s the %s needed by then to finish on time (a straight line from %s for %s to %s by %s).",
		e.value(latest), word, e.num(want), e.num(start), fromLabel, e.tnum(e.c.Target), e.deadline())
}

func (e en) rateSoFar(s Status, o Observation) string {
	word := "in line with"
	if s == Behind {
		word = "not in line with"
	}
	return fmt.Sprintf("%s, %s the target of %s; the deadline (%s) has not passed, and the value for the whole year decides.", e.value(o), word, e.bound(), e.deadline())
}

func (e en) cumulativeSoFar(s Status, o Observation, want, share float64) string {
	word := "at or above"
	if s == Behind {
		word = "behind"
	}
	return fmt.Sprintf("%s, %s the %s expected by then at an even pace (%s%% of the target of %s for the whole year).",
		e.value(o), word, e.num(want), strconv.FormatFloat(roundTo(share*100, 1), 'f', -1, 64), e.tnum(e.c.Target))
}

func (e en) achievedUndated(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s (the text sets no deadline).", e.value(o))
	}
	return fmt.Sprintf("%s, meeting the target of %s (the text sets no deadline).", e.value(o), e.target())
}

func (e en) inProgressUndated(o Observation) string {
	if e.c.Kind == Institution {
		return fmt.Sprintf("%s; the text sets no deadline, so it cannot be overdue.", e.value(o))
	}
	return fmt.Sprintf("%s, not yet meeting the target of %s; the text sets no deadline, so it cannot be overdue.", e.value(o), e.target())
}

func (e en) undatedNoData(before []Observation) string {
	if len(before) > 0 {
		return fmt.Sprintf("The text sets no deadline; there are only values from before the document was issued (%s), which cannot show that it was carried out.", e.inner(before[len(before)-1]))
	}
	return "The text sets no deadline; no data yet."
}

func (e en) untargeted(o *Observation) string {
	s := "The text gives a direction but no target that can be checked; the values are listed, not judged"
	if w, ok := map[string]string{"up": "an increase", "down": "a decrease"}[e.c.Comparator]; ok {
		s = "The text asks only for " + w + ", with no target that can be checked; the values are listed, not judged"
	}
	if o != nil {
		s += "; the latest: " + e.inner(*o)
	}
	return s + "."
}

// covers names what the commitment covers: the commitment covers Guangdong.
func (e en) covers() string {
	if e.c.Scope == "" {
		return "the commitment covers a different scope"
	}
	return "the commitment covers " + e.c.Scope
}

func (e en) narrowerOnly(narrower, own string) string {
	return fmt.Sprintf("Only data for a narrower scope meet the target. %s But %s. %s", narrower, e.covers(), own)
}

func (e en) otherScope(other []Observation) string {
	return fmt.Sprintf(" There are also data for %s (%s), but %s, so they cannot decide it.", strings.Join(scopes(other), ", "), e.inner(latest(other)), e.covers())
}

func (e en) sampleNote() string {
	return " (The data used include sample data, not real figures.)"
}

// times writes a count of publications: 1 publication, 4 publications.
func times(n int) string {
	if n == 1 {
		return "1 publication"
	}
	return strconv.Itoa(n) + " publications"
}

func (e en) publications(n map[PubStatus]int, others []string, otherMade int) string {
	s := fmt.Sprintf("Of the %s due, %d on time, %d late, %d with no record found", times(n[OnTime]+n[Late]+n[Missing]), n[OnTime], n[Late], n[Missing])
	if n[NotDue] > 0 {
		s += fmt.Sprintf("; %d not yet due", n[NotDue])
	}
	if otherMade > 0 {
		s += fmt.Sprintf("; not counted: %s for %s, as %s", times(otherMade), strings.Join(others, ", "), e.covers())
	}
	return s + "."
}

func (e en) onlyOtherPublications(others []string, otherMade int) string {
	own := "the commitment's own scope"
	if e.c.Scope != "" {
		own = e.c.Scope
	}
	were := "were"
	if otherMade == 1 {
		were = "was"
	}
	return fmt.Sprintf("Only %s for %s %s found, but %s; no publication for %s was found.", times(otherMade), strings.Join(others, ", "), were, e.covers(), own)
}

func (e en) noPublicationUndated() string {
	return "The text sets no deadline; no publication that should have been made was found."
}

func (e en) noPublication() string {
	return fmt.Sprintf("Publication was due from %s; that deadline has passed, but no publication at all was found.", e.deadline())
}

func (e en) firstPublicationDue() string {
	return fmt.Sprintf("The first publication is due by %s, which has not come yet.", e.deadline())
}
