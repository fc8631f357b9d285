package parquettest

import (
	"bytes"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/compress/snappy"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/encoding"
)

// FromCSV returns a Parquet file holding the table of text, rowsPerGroup
// rows to a row group (0: one row group).
func FromCSV(text []byte, rowsPerGroup int) ([]byte, error) {
	records, err := csv.NewReader(bytes.NewReader(text)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, fmt.Errorf("no header")
	}
	var out bytes.Buffer
	w, err := NewWriter(&out, records[0], rowsPerGroup)
	if err != nil {
		return nil, err
	}
	for _, rec := range records[1:] {
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Writer writes a Parquet file a row at a time, for files too large to
// hold as text.
type Writer struct {
	cols []column
	w    *parquet.Writer
	n    int
}

// NewWriter starts a Parquet file on out whose columns the header cells
// ("name:type") declare, rowsPerGroup rows to a row group (0: one).
func NewWriter(out io.Writer, header []string, rowsPerGroup int) (*Writer, error) {
	cols := make([]column, len(header))
	fields := make([]parquet.Field, len(cols))
	for i, h := range header {
		name, typ, ok := strings.Cut(h, ":")
		if !ok {
			return nil, fmt.Errorf("header cell %q: want name:type", h)
		}
		c, err := newColumn(typ)
		if err != nil {
			return nil, fmt.Errorf("column %q: %w", name, err)
		}
		cols[i] = c
		fields[i] = field{c.node, name}
	}
	schema := parquet.NewSchema("table", group(fields))
	opts := []parquet.WriterOption{schema, parquet.Compression(&snappy.Codec{})}
	if rowsPerGroup > 0 {
		opts = append(opts, parquet.MaxRowsPerRowGroup(int64(rowsPerGroup)))
	}
	return &Writer{cols: cols, w: parquet.NewWriter(out, opts...)}, nil
}

// Write adds a row: its cells as the CSV text has them ("" is null).
func (w *Writer) Write(rec []string) error {
	w.n++
	row := make(parquet.Row, 0, len(w.cols))
	for i, c := range w.cols {
		cell := ""
		if i < len(rec) {
			cell = rec[i]
		}
		v, err := c.value(cell)
		if err != nil {
			return fmt.Errorf("row %d, column %d: %w", w.n, i+1, err)
		}
		def := 1
		if c.required || v.IsNull() {
			def = 0
		}
		row = append(row, v.Level(0, def, i))
	}
	_, err := w.w.WriteRows([]parquet.Row{row})
	return err
}

// Close writes the file's last row group and its metadata.
func (w *Writer) Close() error { return w.w.Close() }

// group is a parquet group whose fields keep their order (parquet.Group,
// a map, sorts them by name).
type group []parquet.Field

func (g group) ID() int                           { return 0 }
func (g group) String() string                    { return "group" }
func (g group) Type() parquet.Type                { return parquet.Group{}.Type() }
func (g group) Optional() bool                    { return false }
func (g group) Repeated() bool                    { return false }
func (g group) Required() bool                    { return true }
func (g group) Leaf() bool                        { return false }
func (g group) Fields() []parquet.Field           { return g }
func (g group) Encoding() encoding.Encoding       { return nil }
func (g group) Compression() compress.Codec       { return nil }
func (g group) GoType() reflect.Type              { return reflect.TypeFor[map[string]any]() }
func (f field) Name() string                      { return f.name }
func (f field) Value(reflect.Value) reflect.Value { return reflect.Value{} }

// field is a named node of a group.
type field struct {
	parquet.Node
	name string
}

// column is how one column's cells become values.
type column struct {
	node     parquet.Node
	required bool
	value    func(cell string) (parquet.Value, error)
}

func newColumn(typ string) (column, error) {
	required := strings.HasSuffix(typ, "!")
	typ = strings.TrimSuffix(typ, "!")
	base, arg, _ := strings.Cut(strings.TrimSuffix(typ, ")"), "(")
	var c column
	var leaf parquet.Node
	switch base {
	case "string", "enum", "json", "binary":
		leaf = map[string]parquet.Node{"string": parquet.String(), "enum": parquet.Enum(), "json": parquet.JSON(), "binary": parquet.Leaf(parquet.ByteArrayType)}[base]
		c.value = func(s string) (parquet.Value, error) { return parquet.ByteArrayValue([]byte(s)), nil }
	case "uuid":
		leaf = parquet.UUID()
		c.value = func(s string) (parquet.Value, error) {
			b, err := hex.DecodeString(strings.ReplaceAll(s, "-", ""))
			if err != nil || len(b) != 16 {
				return parquet.Value{}, fmt.Errorf("%q is not a UUID", s)
			}
			return parquet.FixedLenByteArrayValue(b), nil
		}
	case "fixed":
		n, _ := strconv.Atoi(arg)
		leaf = parquet.Leaf(parquet.FixedLenByteArrayType(n))
		c.value = func(s string) (parquet.Value, error) {
			b, err := hex.DecodeString(s)
			return parquet.FixedLenByteArrayValue(b), err
		}
	case "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64":
		bits, _ := strconv.Atoi(strings.TrimLeft(base, "uint"))
		if strings.HasPrefix(base, "u") {
			leaf = parquet.Uint(bits)
		} else {
			leaf = parquet.Int(bits)
		}
		c.value = func(s string) (parquet.Value, error) {
			if strings.HasPrefix(base, "u") {
				n, err := strconv.ParseUint(s, 10, bits)
				if bits == 64 {
					return parquet.Int64Value(int64(n)), err
				}
				return parquet.Int32Value(int32(n)), err
			}
			n, err := strconv.ParseInt(s, 10, bits)
			if bits == 64 {
				return parquet.Int64Value(n), err
			}
			return parquet.Int32Value(int32(n)), err
		}
	case "float", "double":
		if base == "float" {
			leaf = parquet.Leaf(parquet.FloatType)
		} else {
			leaf = parquet.Leaf(parquet.DoubleType)
		}
		c.value = func(s string) (parquet.Value, error) {
			f, err := strconv.ParseFloat(s, 64)
			if base == "float" {
				return parquet.FloatValue(float32(f)), err
			}
			return parquet.DoubleValue(f), err
		}
	case "decimal":
		parts := strings.Split(arg, ";")
		if len(parts) < 2 {
			return c, fmt.Errorf("decimal(P;S) needs a precision and a scale")
		}
		p, _ := strconv.Atoi(parts[0])
		scale, _ := strconv.Atoi(parts[1])
		phys := parquet.Type(parquet.FixedLenByteArrayType(16))
		switch {
		case len(parts) > 2 && parts[2] == "bytes":
			phys = parquet.ByteArrayType
		case p <= 9:
			phys = parquet.Int32Type
		case p <= 18:
			phys = parquet.Int64Type
		}
		leaf = parquet.Decimal(scale, p, phys)
		c.value = func(s string) (parquet.Value, error) {
			r, ok := new(big.Rat).SetString(s)
			if !ok {
				return parquet.Value{}, fmt.Errorf("%q is not a number", s)
			}
			r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil)))
			if !r.IsInt() {
				return parquet.Value{}, fmt.Errorf("%q has more than %d decimals", s, scale)
			}
			n := r.Num()
			switch phys.Kind() {
			case parquet.Int32:
				return parquet.Int32Value(int32(n.Int64())), nil
			case parquet.Int64:
				return parquet.Int64Value(n.Int64()), nil
			case parquet.ByteArray:
				return parquet.ByteArrayValue(twos(n, 0)), nil
			}
			return parquet.FixedLenByteArrayValue(twos(n, 16)), nil
		}
	case "date":
		leaf = parquet.Date()
		c.value = func(s string) (parquet.Value, error) {
			t, err := time.Parse(time.DateOnly, s)
			return parquet.Int32Value(int32(t.Unix() / 86400)), err
		}
	case "timestamp", "timestamptz":
		unit := map[string]parquet.TimeUnit{"ms": parquet.Millisecond, "us": parquet.Microsecond, "ns": parquet.Nanosecond}[arg]
		if unit == nil {
			return c, fmt.Errorf("timestamp(%s): want ms, us or ns", arg)
		}
		leaf = parquet.TimestampAdjusted(unit, base == "timestamptz")
		c.value = func(s string) (parquet.Value, error) {
			t, err := parseTime(s)
			return parquet.Int64Value(t.UnixNano() / unit.Duration().Nanoseconds()), err
		}
	case "int96":
		leaf = parquet.Leaf(parquet.Int96Type)
		c.value = func(s string) (parquet.Value, error) {
			t, err := parseTime(s)
			day := t.Unix()/86400 + 2440588 // the Julian day
			nanos := uint64(t.UnixNano() - t.Unix()/86400*86400*1e9)
			return parquet.Int96Value(deprecated.Int96{uint32(nanos), uint32(nanos >> 32), uint32(day)}), err
		}
	case "time":
		leaf = parquet.Time(parquet.Millisecond)
		c.value = func(s string) (parquet.Value, error) {
			t, err := time.Parse(time.TimeOnly, s)
			return parquet.Int32Value(int32(t.Hour()*3600000 + t.Minute()*60000 + t.Second()*1000)), err
		}
	case "bool":
		leaf = parquet.Leaf(parquet.BooleanType)
		c.value = func(s string) (parquet.Value, error) {
			b, err := strconv.ParseBool(s)
			return parquet.BooleanValue(b), err
		}
	case "list", "struct", "repeated", "bson":
		switch base {
		case "list":
			leaf = parquet.List(parquet.String())
		case "struct":
			leaf = group{field{parquet.Optional(parquet.String()), "inner"}}
		case "repeated":
			leaf = parquet.Repeated(parquet.String())
		case "bson":
			leaf = parquet.BSON()
		}
		c.value = func(s string) (parquet.Value, error) {
			if s != "" {
				return parquet.Value{}, fmt.Errorf("a %s column can only be empty here", base)
			}
			return parquet.NullValue(), nil
		}
		if base == "repeated" {
			return column{node: leaf, value: c.value}, nil // REPEATED, not OPTIONAL
		}
		return column{node: parquet.Optional(leaf), value: c.value}, nil
	default:
		return c, fmt.Errorf("unknown type %q", typ)
	}
	if required {
		c.node, c.required = parquet.Required(leaf), true
	} else {
		c.node = parquet.Optional(leaf)
	}
	conv := c.value
	c.value = func(s string) (parquet.Value, error) {
		if s == "" && !required {
			return parquet.NullValue(), nil
		}
		if s == "" {
			return parquet.ZeroValue(leaf.Type().Kind()), nil
		}
		return conv(s)
	}
	return c, nil
}

// parseTime reads "2013-03-15 08:30:00" or "2013-03-15" as UTC.
func parseTime(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateTime, s); err == nil {
		return t, nil
	}
	return time.Parse(time.DateOnly, s)
}

// twos writes n big-endian in two's complement, in size bytes (0: as few as hold it).
func twos(n *big.Int, size int) []byte {
	if size == 0 {
		size = n.BitLen()/8 + 1
	}
	m := new(big.Int).Set(n)
	if n.Sign() < 0 {
		m.Add(m, new(big.Int).Lsh(big.NewInt(1), uint(size*8)))
	}
	b := m.Bytes()
	return append(bytes.Repeat([]byte{0}, size-len(b)), b...)
}
