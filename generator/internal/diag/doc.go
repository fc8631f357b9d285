// Package diag records problems found in a site's inputs, each at a file, line and column.
//
// Every stage of the build reports into one List instead of stopping at the first
// problem, so staff see all of their mistakes at once. A Diagnostic prints as
// "path:line:col: message" (path relative to the source folder, line and column
// 1-based), the form editors and CI annotations can jump to; a cell of a
// workbook prints as Excel names it (data/x.xlsx:Sheet1!C7), a value of a
// Parquet file, which has rows but no lines, by its row and column
// (data/x.parquet: row 3, column "金额").
//
// diag imports nothing internal: every other package may depend on it.
package diag
