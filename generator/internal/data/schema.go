package data

import (
	"regexp"
	"slices"
	"strings"

	"gongkai/generator/internal/data/value"
)

// Type is the type of a column's values.
type Type string

// The column types. They follow Frictionless Table Schema where it has a name
// for the type; Code and USCC are gongkai's own.
const (
	String  Type = "string"  // text, kept as written
	Code    Type = "code"    // an identifier kept as text: leading zeros stay ("0123")
	Integer Type = "integer" // a whole number
	Number  Type = "number"  // a decimal number, possibly with a unit
	Year    Type = "year"    // a year such as 2015
	Date    Type = "date"    // a calendar date (or year-month or year where the format allows)
	Boolean Type = "boolean" // 是/否, true/false
	URL     Type = "url"     // an http or https address (gongkai's name for Frictionless string format "uri")
	USCC    Type = "uscc"    // a 统一社会信用代码, check character verified (GB 32100-2015)
	Period  Type = "period"  // the period a value is for: a year, half, quarter, month, months to date or day (value.ParsePeriod)
)

// IsNumeric reports whether values of t are numbers in the downloads.
func (t Type) IsNumeric() bool { return t == Integer || t == Number || t == Year }

// Field declares one column.
type Field struct {
	Name        string   // canonical name, used in downloads and by code
	Aliases     []string // other header names accepted, e.g. Chinese ones; matched after NFC and trimming
	Title       string   // name shown on the site; defaults to the header as written
	Description string
	Type        Type
	Unit        string // unit of the values, e.g. "万元" or "%"; cells may carry a unit of the same family and are scaled to it
	Required    bool
	Unique      bool
	Enum        []string
	Synonyms    map[string]string // other words staff write for a value (以上 for >=): read as that value
	Pattern     *regexp.Regexp
	PatternHint string              // the form Pattern requires, in words, for messages
	Valid       func(s string) bool // a faster check of the same form, for built-in kinds
	Minimum     *float64
	Maximum     *float64
	DateFormats []string            // accepted written forms of dates (see value.ParseDate); empty = iso, slash, chinese
	Numbers     *value.NumberFormat // how this column writes numbers, when it differs from the schema's
	AnySuffix   bool                // text around a number is allowed and dropped (Frictionless bareNumber: false)
}

// ForeignKey says values of Fields must exist in the Reference dataset's Ref fields.
type ForeignKey struct {
	Fields    []string
	Reference string // dataset id
	Ref       []string
}

// Schema declares a table's columns and keys.
type Schema struct {
	Fields        []Field
	PrimaryKey    []string
	ForeignKeys   []ForeignKey
	MissingValues []string           // cell texts that mean "no value" besides blank
	Numbers       value.NumberFormat // how numbers are written
	Inferred      bool               // the schema was inferred from the data, not declared
	Hierarchy     *Hierarchy         // the codes of a column nest (类 → 款 → 项): subtotal and total rows are found and left out of sums
}

// Field returns the field with the canonical name, or nil.
func (s *Schema) Field(name string) *Field {
	for i := range s.Fields {
		if s.Fields[i].Name == name {
			return &s.Fields[i]
		}
	}
	return nil
}

// match finds the field a header cell names: its canonical name, one of its
// aliases, or an alias with the unit written in the header ("金额(万元)").
func (s *Schema) match(header string) int {
	h := normalizeHeader(header)
	bare, _ := value.UnitFromHeader(h)
	for i, f := range s.Fields {
		for _, n := range append([]string{f.Name}, f.Aliases...) {
			n = normalizeHeader(n)
			if strings.EqualFold(n, h) || strings.EqualFold(n, bare) {
				return i
			}
		}
	}
	return -1
}

// namesColumns reports whether a row is the header of a table of this
// schema: it names two of its fields (the one field of a one-field schema).
func (s *Schema) namesColumns(rec []string) bool {
	named := map[int]bool{}
	for _, c := range rec {
		if !blank(c) {
			if i := s.match(c); i >= 0 {
				named[i] = true
			}
		}
	}
	return len(named) >= min(2, len(s.Fields))
}

// names lists what headers a field accepts, for messages.
func (f *Field) names() string {
	return strings.Join(slices.Concat([]string{f.Name}, f.Aliases), " / ")
}

// parsedStrictly reports whether every value of the field goes through a
// parser that refuses control characters (numbers, years, dates, 是/否).
func (f *Field) parsedStrictly() bool {
	switch f.Type {
	case Integer, Number, Year, Date, Boolean:
		return true
	}
	return false
}

// allowed lists a field's values for a message, each with the words staff
// may write for it: ">= (以上, 不低于), <= (以下, 不超过)".
func (f *Field) allowed() string {
	var out []string
	for _, v := range f.Enum {
		var words []string
		for w, to := range f.Synonyms {
			if to == v {
				words = append(words, w)
			}
		}
		slices.Sort(words)
		if len(words) > 0 {
			v += " (" + strings.Join(words, ", ") + ")"
		}
		out = append(out, v)
	}
	return strings.Join(out, ", ")
}
