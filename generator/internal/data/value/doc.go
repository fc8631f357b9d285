// Package value parses the text of one CSV cell into a typed value by declared rules, never by guessing.
//
// Every function here is pure: it reads a string and the rules a column
// declares (a [NumberFormat], a list of date forms, a list of missing-value
// tokens) and returns a value or an [*Error]. Nothing is inferred from the
// data itself: "1,234" is one thousand two hundred and thirty-four only in a
// column whose format says a comma groups thousands, and "(1,234)" is negative
// only in a column that declares accounting negatives.
//
// Errors are written for the staff who typed the cell, not for programmers.
// An [Error] says what was found, quoted, and what would be accepted:
//
//	"12,5" is not a number: a comma here groups thousands and cannot be a decimal comma, so write "12.5" or "12,500"
//
// Its Offset is the 0-based rune offset in the cell text where the problem
// is. The caller adds the file, line, column and header name, so messages
// never repeat them.
//
// Decisions worth knowing:
//
//   - Surrounding white space is ignored everywhere, including tabs,
//     no-break spaces (U+00A0) and ideographic spaces (U+3000).
//   - Invisible characters (zero-width spaces, byte order marks, control
//     characters) inside a cell are an error naming the character, never
//     removed silently.
//   - Numbers are exact: [Number].Decimal is canonical decimal text
//     (no grouping, no leading zeros, no trailing fractional zeros, no
//     negative zero), so equal values have equal text. [Scale] moves the
//     decimal point in that text without floating point.
//   - ".5" is read as 0.5; "5." is an error, because a trailing decimal mark
//     is more often a typo than a style.
//   - Leading zeros in a number ("007") are accepted and dropped. Codes whose
//     leading zeros matter are kept as text with [NormalizeCode].
//   - NaN, infinities, hexadecimal and scientific notation are errors; the
//     last says how to stop Excel from writing wide numbers that way.
package value
