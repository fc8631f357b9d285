// Package policy gives the policy documents their structure: sections, clauses
// and nested items, each with the stable anchor id citizens link to.
//
// A policy document is a Markdown page under content/policy/ whose body keeps
// the original's numbering. A "## " heading opens a section (<slug>-s<k>); a
// paragraph that starts with a clause marker ("5.", "3、", "（五）") opens a
// clause (<slug>-<n>, n counted continuously through the document whatever the
// marker); a marker of another style inside a clause opens a nested item
// (<slug>-<n>.<m>); paragraphs without a marker continue what came before.
// Paragraphs before the first section are the preamble (<slug>-preamble) and
// paragraphs after a thematic break ("***") the closing (<slug>-closing).
// Numbering that skips or repeats is an error at its line, so an anchor can
// never silently point at the wrong clause.
package policy
