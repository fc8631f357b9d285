package data

import "gongkai/generator/internal/diag"

// Kind is a kind of dataset with a schema in Go: its files live at a fixed
// path under data/, and Load claims them (Options.Kinds) instead of reading
// them as generic datasets. The built-in kinds are in package kinds.
type Kind struct {
	ID     string // dataset id, e.g. "cities"
	Path   string // "data/cities.csv" for a file, "data/cities" for a folder of files
	Folder bool   // the dataset is every CSV file in the folder, concatenated
	Title  string // shown on the site
	Schema func() Schema
	// Check, when set, checks what the schema cannot say, across the rows
	// of a dataset read without errors (a report's totals against their
	// parts…), reporting to diags at the rows' lines. An error means the
	// dataset could not be read again.
	Check func(d *Dataset, diags *diag.List) error
}
