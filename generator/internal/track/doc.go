// Package track decides whether each commitment was kept, and says why in
// one sentence built from the numbers.
//
// Language. The sentence, and the names of statuses, readings and
// publication statuses, are in Chinese, or in English when the commitment's
// Lang (a site's language, "en") says so: LabelIn, StringIn and
// value.Period.LabelIn give the names in a language, while Label and String
// stay Chinese. The verdict never depends on the language. Explanations are
// written by a sentences value, one per language (explain_zh.go,
// explain_en.go). A unit is data, as staff wrote it in the registry; in
// English a number has thousands separators and a unit that is a word
// follows it after a space (12,000 people, 5.5%).
//
// It holds the status rules of the design (published on the site's method
// page) as pure functions: no I/O, no clock — "today" is the as-of date the
// caller passes, so a build is reproducible.
//
// Known as of. An observation is for a period (a year, half, quarter, month,
// the year to a month, or a day) and counts only from the day it could be
// known: its publication date when given, otherwise the last day of its
// period. Observations and publications not known on the as-of day are not
// used, so a build as of an earlier day sees only what was known then.
//
// What decides. Values for periods that ended before the commitment was
// made (its document's date) are its starting point, never evidence. A
// deadline given as a year means the end of that year; it passes the day
// after. How a target is decided is its Reading:
//
//	level       the value for the deadline's period, else the latest value up to the deadline
//	rate        only the value for the deadline's year (增长率, 占比 in a year)
//	cumulative  only the whole year's value; within the year the value so far
//	            against the elapsed share of the year (新增就业 for a year)
//	once        any value up to the deadline that meets it (设立, 出台; institutions)
//
// The statuses:
//
//	achieved       the deciding value meets the target
//	achieved-late  it does not, and a value for a period after the deadline does (level, once)
//	partial        only evidence of a narrower scope meets it; or some due publications made, others not found
//	missed         the deadline has passed and the deciding value, or a later one, falls short
//	overdue        the deadline has passed and no record decides it
//	on-track       not yet due: the latest value is on or ahead of the pace (or already meets the target)
//	behind         not yet due: the latest value is short of the pace
//	in-progress    not yet due: one value and no starting point, so no pace can be drawn
//	no-data        not yet due and nothing observed
//
// Scope. Evidence of another scope than the commitment's (a city for a
// province-wide promise) shows progress and can make it partial, never
// achieved.
//
// A disclosure commitment is judged by its expected publications, each
// on-time, late, missing (no record found once due) or not-due: achieved
// when every due one was on time, achieved-late when some were late and none
// is missing, partial when some are missing and others made, overdue when
// none due was found or its deadline passed with no record, and no-data when
// none is due yet. An institution commitment is a target of "set up" (an
// observation of 1 means done).
package track
