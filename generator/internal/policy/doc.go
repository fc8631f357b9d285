// Package policy gives the policy documents their structure: sections, clauses
// and nested items, each with the stable anchor id citizens link to.
//
// A policy document is a Markdown page under content/policy/ whose body keeps
// the original's numbering, and the numbering makes the anchors. A "## "
// heading opens section k (<slug>-s<k>). A paragraph that starts with a
// marker — 1. 1、 1） （一） （1） ① or a decimal 2.3.1, with or without a
// space after it — opens a clause; a marker of another style inside a clause
// opens a nested item, to any depth, as written (一、（一）1.（1）①).
//
// The document's clause style is the one not seen nested inside another
// (（一） 1. 2. （二）: 1. is inside （一）), or else its first marker's. Its
// clauses are numbered one of two ways, recognised from the text:
//
//   - on through the whole document (the bundled Decision): <slug>-<n>,
//     items <slug>-<n>.<m>, deeper items <slug>-<n>.<m>.<p>;
//   - from 1 again in each section (a 政府工作报告's （一） under every 一、),
//     when more sections open with clause 1 than go on from the section
//     before: <slug>-<k>-<n>, items <slug>-<k>-<n>.<m>.
//
// A section whose only list is numbered in another style (the 民生实事 1.–7.
// of a report whose clauses are （一）) numbers it from 1: <slug>-<k>-<n>.
// Decimal clauses are named as written: <slug>-1.1, <slug>-2.3.1.
//
// Paragraphs without a marker continue the clause or item before them, with
// two exceptions that make passages of the section: paragraphs before its
// first clause (<slug>-s<k>-intro, with any list that follows them before a
// clause: <slug>-s<k>-intro.<n>), and paragraphs after its last item when
// the section ends with items or a list (<slug>-s<k>-closing). A passage is
// a Clause without a marker, so it renders, links and carries commitments
// like a clause. Paragraphs before the first section are the preamble
// (<slug>-preamble) and paragraphs after a thematic break ("***") the
// closing (<slug>-closing).
//
// Numbering that skips or repeats is an error at its line, so an anchor can
// never silently point at the wrong clause.
package policy
