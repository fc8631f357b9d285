package data

// Limits bound what one file may hold, so a mistake such as an unclosed quote
// or a 1 GB export produces a clear message instead of a stalled build.
type Limits struct {
	MaxFileBytes   int64 // largest file read
	MaxCellBytes   int   // longest single cell
	MaxRecordBytes int64 // longest single row: an unclosed quote makes the rest of the file one row
	MaxColumns     int   // widest header
	MaxProblems    int   // problems reported per file before the rest are counted only
	PreviewRows    int   // rows kept for the dataset page's preview
	// MaxKeptBytes bounds the memory a dataset's rows are kept in after
	// its first read (see Dataset.Each); a dataset that needs more is read
	// again from its files each time. 0: none is kept.
	MaxKeptBytes int64
}

// DefaultLimits returns the limits used unless site.toml says otherwise.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:   2 << 30,
		MaxCellBytes:   64 << 10,
		MaxRecordBytes: 16 << 20,
		MaxColumns:     500,
		MaxProblems:    100,
		PreviewRows:    20,
		MaxKeptBytes:   256 << 20, // about 7,000,000 budget rows
	}
}
