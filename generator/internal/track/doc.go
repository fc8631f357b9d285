// Package track decides whether each commitment was kept, and says why in
// one Chinese sentence built from the numbers.
//
// It holds the status rules of the design (published on the site's method
// page) as pure functions: no I/O, no clock — "today" is the as-of date the
// caller passes, so a build is reproducible.
//
// A target commitment is judged by its observations against the target and
// the deadline. Observations are dated by the end of their year: a figure
// "for 2015" counts as known on 2015-12-31. A deadline given as a year means
// the end of that year; the deadline passes the day after it.
//
//	achieved       some observation dated on or before the deadline meets the target
//	achieved-late  the first observation that meets the target is dated after the deadline
//	missed         the deadline has passed, none meets, and there is one for the deadline year or later
//	overdue        the deadline has passed and there is none for the deadline year or later
//	on-track       not yet due: the latest observation is on or ahead of the straight line
//	               from the baseline (or the first observation) to the target at the deadline
//	behind         not yet due: the latest observation is short of that line
//	in-progress    not yet due: one observation and no baseline, so no line can be drawn
//	no-data        not yet due and nothing observed
//
// A disclosure commitment is judged by its expected publications, each
// on-time, late, missing (due date passed, not published) or not-due: the
// commitment is achieved when every due one was on time, achieved-late when
// some were late and none is missing, overdue when any is missing or when
// its deadline has passed with no publication on record, and no-data when
// none is due yet. An institution commitment is a target of "set up" (an
// observation of 1 means done).
package track
