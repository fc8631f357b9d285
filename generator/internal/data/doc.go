// Package data reads the CSV files, Excel workbooks and Parquet files under
// data/ into validated datasets.
//
// Staff export CSV from Excel, so a file may be UTF-8 (with or without a BOM),
// GB18030 or UTF-16; may use ",", ";" or tab; may carry a title row above the
// header, blank rows and columns at the end, units in header names ("金额(万元)")
// and numbers with thousands separators or percent signs. This package reads
// all of that by declared rules (see package value) and refuses what it cannot
// read with a message naming the file, line, column, header and raw value.
//
// Every file is read as a stream, once: validation remembers only what it
// must (keys for uniqueness and references, a short preview, column
// statistics), and the valid rows are kept column by column in a few dozen
// bytes each (see store.go), so the pages, metrics and downloads that go
// through them again (Dataset.Each) walk memory instead of parsing the
// files again. A dataset too large to keep (Limits.MaxKeptBytes) is read
// again from its files each time, in memory that does not grow with its rows.
//
// A workbook (.xlsx) is read as the CSV Excel would save from its first
// visible sheet, through the same reader (see sheet.go), but each cell's
// value comes from its type: numbers and dates are what the cells hold, not
// what their formats show, and every message names its cell (Sheet1!C7).
//
// A Parquet file (.parquet), as DuckDB, Spark or BigQuery write one, is read
// the same way (see parquet.go): its columns' names are the header, its rows
// the records and each value's text comes from its Parquet type; it is read
// a row group and a batch of rows at a time, and every message names its row
// and column (data/x.parquet: row 3, column "金额").
//
// A Kind (Options.Kinds) is a dataset at a fixed path with a schema in Go,
// which may accept English and Chinese header names; the site's built-in
// kinds are in package kinds. Any other file is a generic dataset whose schema
// is inferred, or declared in a Frictionless Table Schema sidecar
// NAME.schema.json.
package data
