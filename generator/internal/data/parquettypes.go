package data

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/format"

	"gongkai/generator/internal/data/value"
)

// How the values of each Parquet type become cells, as the CSV path would
// read the table written out by the program that made the file:
//
//	INT32, INT64, INT(n, signed)   a number: its digits (unsigned read as unsigned)
//	FLOAT, DOUBLE                  a number: the shortest decimal that reads back as the value (0.1, not 0.1000000000000000055…); NaN and infinities are errors
//	DECIMAL(p, s)                  a number: its exact decimal, with its s decimals (1234.50)
//	DATE                           a date: 2013-03-15
//	TIMESTAMP, INT96               a date when at midnight (2013-03-15), else the date and time (2013-03-15 08:30:00.25); one adjusted to UTC is written in UTC
//	TIME                           text: 08:30:00
//	BOOLEAN                        true or false, a 是/否 column
//	STRING, ENUM, JSON, UUID       text, whatever it looks like (a column of them holding only numbers is a code: 0201 keeps its zero)
//	BYTE_ARRAY without a type      text, as older Hive, Impala and Spark write strings, when it is UTF-8
//	null                           an empty cell, missing as a blank CSV cell is
//
// Lists, maps, structs, BSON, INTERVAL, geometries, variants and raw
// fixed-length bytes are not values a table's cell can hold: a column of
// them is an error naming it.

// parquetColumn is how the values of a column of a Parquet file are
// written as cells.
type parquetColumn struct {
	name    string
	kind    cellKind // what a non-null value of the column is
	integer bool     // the values are whole numbers (an INT column)
	text    bool     // declared as text (STRING…): a column of only digits is a code
	// clock is set once a timestamp with a time of day has been read: the
	// column is then text, not dates (a date has no time of day).
	clock bool
	// What inferring the column's type saw (see see): values, whole
	// numbers among them, whether every whole number could be a year, an
	// integer of 16 digits or more (an id), and whether every text is
	// written as a number.
	seen, whole           int
	notYear, long, notNum bool
	// format appends a value's text as a cell's to dst, or says why it
	// cannot.
	format func(dst []byte, v parquet.Value) ([]byte, string)
}

// parquetColumnOf says how a column's values are written, or why a
// dataset cannot hold them.
func parquetColumnOf(c *parquet.Column) (*parquetColumn, string) {
	const oneValue = "a cell of a dataset holds one value, as a CSV cell does"
	if !c.Leaf() {
		var lt format.LogicalTypeValue
		if l := c.Type().LogicalType(); l != nil {
			lt = l.Value
		}
		switch lt.(type) {
		case *format.ListType:
			return nil, "holds lists (LIST): " + oneValue + "; join each list into text (array_to_string in DuckDB, concat_ws in Spark) or leave the column out"
		case *format.MapType:
			return nil, "holds maps (MAP): " + oneValue + "; give each key a column of its own or leave the column out"
		case *format.VariantType:
			return nil, "holds VARIANT values: " + oneValue + "; cast it to a type of its own or leave the column out"
		}
		fields := fmt.Sprintf("%d fields", len(c.Columns()))
		if len(c.Columns()) == 1 {
			fields = "one field"
		}
		return nil, fmt.Sprintf("holds records of %s (a STRUCT): %s; give each field a column of its own (SELECT s.* in DuckDB, s.* in Spark) or leave the column out", fields, oneValue)
	}
	if c.Repeated() {
		return nil, "holds lists (a REPEATED column): " + oneValue + "; join each list into text or leave the column out"
	}
	t := c.Type()
	pc := &parquetColumn{name: c.Name(), kind: cellText}
	var lt format.LogicalTypeValue
	if l := t.LogicalType(); l != nil {
		lt = l.Value
	}
	kind := t.Kind()
	switch l := lt.(type) {
	case *format.StringType, *format.EnumType, *format.JsonType:
		pc.text, pc.format = true, textValue(false)
	case *format.NullType: // every value is null
		pc.text, pc.format = true, textValue(false)
	case *format.UUIDType:
		pc.text = true
		pc.format = func(dst []byte, v parquet.Value) ([]byte, string) {
			if b := v.ByteArray(); len(b) == 16 {
				return appendUUID(dst, b), ""
			}
			return dst, "the UUID is not 16 bytes long: " + rewrite
		}
	case *format.IntType:
		pc.kind, pc.integer, pc.format = cellNumber, true, intValue(kind, l.IsSigned)
	case *format.DecimalType:
		pc.kind, pc.format = cellNumber, decimalValue(kind, int(l.Scale))
	case *format.DateType:
		pc.kind, pc.format = cellDate, func(dst []byte, v parquet.Value) ([]byte, string) {
			return appendTime(dst, time.Unix(int64(v.Int32())*86400, 0).UTC(), nil)
		}
	case *format.TimestampType:
		if l.Unit.Value == nil {
			return nil, "holds timestamps of no known unit: " + rewrite
		}
		unit := l.Unit.Value.Duration()
		pc.kind, pc.format = cellDate, func(dst []byte, v parquet.Value) ([]byte, string) {
			return appendTime(dst, sinceEpoch(v.Int64(), unit), &pc.clock)
		}
	case *format.TimeType:
		if l.Unit.Value == nil {
			return nil, "holds times of no known unit: " + rewrite
		}
		pc.format = timeOfDay(kind, l.Unit.Value.Duration())
	case nil:
		switch kind {
		case parquet.Boolean:
			pc.kind = cellBool
			pc.format = func(dst []byte, v parquet.Value) ([]byte, string) { return strconv.AppendBool(dst, v.Boolean()), "" }
		case parquet.Int32, parquet.Int64:
			pc.kind, pc.integer, pc.format = cellNumber, true, intValue(kind, true)
		case parquet.Float, parquet.Double:
			pc.kind, pc.format = cellNumber, floatValue(kind)
		case parquet.Int96:
			pc.kind, pc.format = cellDate, func(dst []byte, v parquet.Value) ([]byte, string) { return appendInt96(dst, v.Int96(), &pc.clock) }
		case parquet.ByteArray:
			pc.format = textValue(true)
		default:
			if ct := t.ConvertedType(); ct != nil && *ct == deprecated.Interval {
				return nil, "holds INTERVAL values: convert them to a number of days or seconds, or to text, or leave the column out"
			}
			return nil, fmt.Sprintf("holds raw bytes (%s with no type): a dataset publishes numbers, text and dates; convert it to text (hex, base64) or leave the column out", t)
		}
	default:
		return nil, fmt.Sprintf("holds %s values, which a dataset cannot publish as numbers, text or dates: convert the column to text (CAST(… AS VARCHAR)) or leave it out", t)
	}
	return pc, ""
}

// see takes a value of the column (its text, trimmed, not missing) into
// what inferring its type needs; nf is how a text writes numbers. It is
// guess.add for a column whose type is known, at a fraction of its cost.
func (c *parquetColumn) see(t string, nf *value.NumberFormat) {
	c.seen++
	switch {
	case c.kind == cellNumber && !strings.Contains(t, "."):
		c.whole++
		if y, err := strconv.ParseInt(t, 10, 64); err != nil || y < 1900 || y > 2100 {
			c.notYear = true
		}
		c.long = c.long || len(t) >= 16 && t[0] != '-'
	case c.kind == cellText && c.text && !c.notNum:
		if _, _, _, ok := fastNumberIn(t, nf); !ok {
			n, err := value.ParseNumber(t, *nf)
			c.notNum = err != nil || !unitLike(n.Suffix) || grade.MatchString(n.Suffix)
		}
	}
}

// field is the inferred schema field of the column headed header, from
// its type and, for what the type leaves open, the values seen, by the
// rules that infer a CSV column's type (guess.field): an INT column of
// 2013, 2014 headed 年度 is a year, one headed 科目编码 a code, a unit in
// the header is the numbers' unit, a column of text only ever written as
// numbers is a code.
func (c *parquetColumn) field(header string) Field {
	name, unit := value.UnitFromHeader(header)
	if !unitLike(unit) { // "预算数(2013年)" names a year, not a unit
		name, unit = header, ""
	}
	f := Field{Name: header, Title: header, Type: String}
	switch c.kind {
	case cellNumber:
		yearish := strings.Contains(name, "年") || strings.EqualFold(name, "year")
		switch {
		case c.integer && (c.long || codeName(name)):
			f.Type = Code // values of a FLOAT, DOUBLE or DECIMAL column are numbers, however many digits they have
		case unit != "":
			f.Type, f.Unit = Number, unit
		case c.seen > 0 && c.whole == c.seen && yearish && !c.notYear:
			f.Type = Year
		case c.whole == c.seen && (c.seen > 0 || c.integer):
			f.Type = Integer
		default:
			f.Type = Number
		}
	case cellDate:
		f.Type = Date
		if c.clock {
			f.Type = String
		}
	case cellBool:
		f.Type = Boolean
	default:
		if c.text && c.seen > 0 && !c.notNum {
			f.Type = Code
		}
	}
	return f
}

// textValue writes text values; binary (BYTE_ARRAY without a type) may
// hold anything, and is text only when it is UTF-8.
func textValue(binary bool) func(dst []byte, v parquet.Value) ([]byte, string) {
	return func(dst []byte, v parquet.Value) ([]byte, string) {
		b := v.ByteArray()
		if !utf8.Valid(b) {
			if binary {
				return dst, "holds binary data, not text: convert the column to text (hex, base64) or leave it out"
			}
			return dst, "the text is not UTF-8, as Parquet requires: " + rewrite
		}
		return append(dst, b...), ""
	}
}

// intValue writes integers of the physical kind, signed or not.
func intValue(kind parquet.Kind, signed bool) func(dst []byte, v parquet.Value) ([]byte, string) {
	return func(dst []byte, v parquet.Value) ([]byte, string) {
		switch {
		case kind == parquet.Int32 && signed:
			return strconv.AppendInt(dst, int64(v.Int32()), 10), ""
		case kind == parquet.Int32:
			return strconv.AppendUint(dst, uint64(uint32(v.Int32())), 10), ""
		case signed:
			return strconv.AppendInt(dst, v.Int64(), 10), ""
		}
		return strconv.AppendUint(dst, uint64(v.Int64()), 10), ""
	}
}

// floatValue writes FLOAT and DOUBLE values as the shortest decimal that
// reads back as the value.
func floatValue(kind parquet.Kind) func(dst []byte, v parquet.Value) ([]byte, string) {
	return func(dst []byte, v parquet.Value) ([]byte, string) {
		f, bits := v.Double(), 64
		if kind == parquet.Float {
			f, bits = float64(v.Float()), 32
		}
		switch {
		case math.IsNaN(f):
			return dst, "holds NaN (not a number): write null where there is no value"
		case math.IsInf(f, 0):
			return dst, "holds an infinite number: write null where there is no value, or the number"
		case f == 0:
			return append(dst, '0'), "" // not -0
		}
		return strconv.AppendFloat(dst, f, 'f', -1, bits), ""
	}
}

// decimalValue writes DECIMAL values, stored as integers of the physical
// kind or as big-endian two's complement bytes, with their scale.
func decimalValue(kind parquet.Kind, scale int) func(dst []byte, v parquet.Value) ([]byte, string) {
	return func(dst []byte, v parquet.Value) ([]byte, string) {
		start := len(dst)
		switch kind {
		case parquet.Int32:
			dst = strconv.AppendInt(dst, int64(v.Int32()), 10)
		case parquet.Int64:
			dst = strconv.AppendInt(dst, v.Int64(), 10)
		default:
			b := v.ByteArray()
			if len(b) > 32 {
				return dst, fmt.Sprintf("the decimal is %d bytes long; 32 hold any decimal of 76 digits: %s", len(b), rewrite)
			}
			u := new(big.Int).SetBytes(b)
			if len(b) > 0 && b[0]&0x80 != 0 {
				u.Sub(u, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
			}
			dst = u.Append(dst, 10)
		}
		return scale10(dst, start, scale), ""
	}
}

// scale10 rewrites the integer written in dst[start:] (a "-" first when
// negative) as a decimal of scale digits after the point: 123450 with
// scale 2 is 1234.50.
func scale10(dst []byte, start, scale int) []byte {
	digits := start
	if dst[start] == '-' {
		digits++
	}
	switch {
	case strings.Trim(string(dst[digits:]), "0") == "":
		dst = append(dst[:start], '0') // not -0
		digits = start
	case scale < 0:
		for range -scale {
			dst = append(dst, '0')
		}
		return dst
	}
	if scale <= 0 {
		return dst
	}
	if n := len(dst) - digits; n <= scale { // leading zeros: 5 with scale 2 is 0.05
		pad := scale - n + 1
		dst = append(dst, make([]byte, pad)...)
		copy(dst[digits+pad:], dst[digits:len(dst)-pad])
		for i := range pad {
			dst[digits+i] = '0'
		}
	}
	point := len(dst) - scale
	dst = append(dst, 0)
	copy(dst[point+1:], dst[point:len(dst)-1])
	dst[point] = '.'
	return dst
}

// sinceEpoch is the time n units after 1970-01-01 UTC.
func sinceEpoch(n int64, unit time.Duration) time.Time {
	per := int64(time.Second / unit) // units in a second
	sec, frac := n/per, n%per
	if frac < 0 {
		sec, frac = sec-1, frac+per
	}
	return time.Unix(sec, frac*int64(unit)).UTC()
}

// appendTime writes a date (2013-03-15), or a date and time when it has a
// time of day (2013-03-15 08:30:00, with its fraction of a second), and
// then sets *clock.
func appendTime(dst []byte, t time.Time, clock *bool) ([]byte, string) {
	if y := t.Year(); y < 1 || y > 9999 {
		return dst, fmt.Sprintf("holds a day in the year %d, which no table can mean: correct it, or write null", y)
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.AppendFormat(dst, time.DateOnly), ""
	}
	if clock != nil {
		*clock = true
	}
	return t.AppendFormat(dst, "2006-01-02 15:04:05.999999999"), ""
}

// julianEpoch is the Julian day of 1970-01-01.
const julianEpoch = 2440588

// appendInt96 writes a legacy INT96 timestamp (nanoseconds of the day,
// then the Julian day), as Spark and Impala wrote them.
func appendInt96(dst []byte, i deprecated.Int96, clock *bool) ([]byte, string) {
	nanos := uint64(i[1])<<32 | uint64(i[0])
	if nanos >= uint64(24*time.Hour) {
		return dst, "the INT96 timestamp's time of day is longer than a day: " + rewrite
	}
	day := int64(i[2]) - julianEpoch
	return appendTime(dst, time.Unix(day*86400, int64(nanos)).UTC(), clock)
}

// timeOfDay writes TIME values: 08:30:00, with a fraction of a second if
// there is one.
func timeOfDay(kind parquet.Kind, unit time.Duration) func(dst []byte, v parquet.Value) ([]byte, string) {
	return func(dst []byte, v parquet.Value) ([]byte, string) {
		n := v.Int64()
		if kind == parquet.Int32 {
			n = int64(v.Int32())
		}
		d := time.Duration(n) * unit
		if n < 0 || d >= 24*time.Hour || n > int64(24*time.Hour/unit) {
			return dst, "holds a time of day outside 00:00–24:00: " + rewrite
		}
		return time.Unix(0, int64(d)).UTC().AppendFormat(dst, "15:04:05.999999999"), ""
	}
}
