package data

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"

	"gongkai/generator/internal/data/value"
	"gongkai/generator/internal/diag"
)

// Bind reads a dataset's valid rows into structs of type T with gocsv, which
// maps columns to fields by their csv tags. gocsv never sees a cell as staff
// wrote it: it gets each column's validated value (an exact decimal, an ISO
// date, trimmed text; "" when missing) under the column's canonical name, and
// the fields' own types (Text, Decimal, DateText, Pos) take it from there. So
// gocsv's traps — "1,234" read as 1.234, a blank read as 0, record numbers
// reported as lines — cannot happen. A field tagged `csv:"_pos"` of type Pos
// receives the file and line the row came from (in a workbook, the sheet
// and row; in a Parquet file, the row).
func Bind[T any](d *Dataset) ([]T, error) {
	header := []string{"_pos"}
	for _, c := range d.Columns {
		header = append(header, c.Name)
	}
	rows := [][]string{header}
	err := d.Each(func(file string, line int, cells []Cell) error {
		rec := make([]string, 0, len(cells)+1)
		at := file
		if p := d.Pos(file, line); p.Sheet != "" {
			at += "\x00" + p.Sheet // NUL: in no path or sheet name
		}
		rec = append(rec, at+":"+strconv.Itoa(line))
		for _, c := range cells {
			if c.Missing {
				rec = append(rec, "")
			} else {
				rec = append(rec, c.Text)
			}
		}
		rows = append(rows, rec)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []T
	if err := gocsv.UnmarshalDecoder(decoded(rows), &out); err != nil {
		return nil, fmt.Errorf("bind %s: %w", d.ID, err)
	}
	return out, nil
}

// decoded hands gocsv rows already read and validated.
type decoded [][]string

func (d decoded) GetCSVRows() ([][]string, error) { return d, nil }

// Text is a validated text value; empty when the cell is missing.
type Text string

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (t *Text) UnmarshalCSV(s string) error { *t = Text(s); return nil }

// Decimal is a validated number: its exact decimal text and its value.
type Decimal struct {
	Text  string  // exact decimal, e.g. "1234.5"; empty when missing
	Value float64 // the number
	Valid bool    // false when the cell is missing
}

// UnmarshalCSV implements gocsv.TypeUnmarshaller; s is an exact decimal
// produced by validation, never text as staff wrote it.
func (d *Decimal) UnmarshalCSV(s string) error {
	if s == "" {
		*d = Decimal{}
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("internal error: %q is not a validated decimal", s)
	}
	*d = Decimal{Text: s, Value: v, Valid: true}
	return nil
}

// DateText is a validated date, year-month or year: "2015", "2015-06", "2015-06-30".
type DateText struct {
	Text  string
	Valid bool
}

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (d *DateText) UnmarshalCSV(s string) error { *d = DateText{Text: s, Valid: s != ""}; return nil }

// Year is the year of the date.
func (d DateText) Year() int {
	y, _ := strconv.Atoi(strings.SplitN(d.Text, "-", 2)[0])
	return y
}

// PeriodText is a validated period (see value.ParsePeriod): its canonical
// text, such as "2025", "2025-Q3" or "2025-09", and the period.
type PeriodText struct {
	Text   string
	Period value.Period
	Valid  bool
}

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (p *PeriodText) UnmarshalCSV(s string) error {
	if s == "" {
		*p = PeriodText{}
		return nil
	}
	per, err := value.ParsePeriod(s)
	if err != nil {
		return fmt.Errorf("internal error: %q is not a validated period", s)
	}
	*p = PeriodText{Text: s, Period: per, Valid: true}
	return nil
}

// Pos is the file and line a bound row came from; in a workbook, its sheet
// and row; in a Parquet file, its row.
type Pos struct {
	File  string
	Line  int
	Sheet string
}

// At is the position of the row's start, for messages about it.
func (p Pos) At() diag.Pos {
	return diag.Pos{File: p.File, Sheet: p.Sheet, Line: p.Line, Rows: isParquet(p.File)}
}

// UnmarshalCSV implements gocsv.TypeUnmarshaller for the "_pos" column.
func (p *Pos) UnmarshalCSV(s string) error {
	i := strings.LastIndexByte(s, ':')
	line, err := strconv.Atoi(s[i+1:])
	if i < 0 || err != nil {
		return fmt.Errorf("internal error: bad position %q", s)
	}
	file, sheet, _ := strings.Cut(s[:i], "\x00")
	*p = Pos{File: file, Line: line, Sheet: sheet}
	return nil
}
