package data

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"gongkai/generator/internal/data/value"
)

// Cell is one value of a dataset.
type Cell struct {
	Text    string  // the value: an exact decimal in the column's unit for numbers, YYYY-MM-DD for dates, "true"/"false" for booleans, the trimmed text otherwise
	Num     float64 // the value of a number, integer or year
	Missing bool    // blank, or a declared missing-value token
	Invalid bool    // the cell breaks its column's rules (the problem is reported)
	// Written is the cell as written when its number was scaled to the
	// column's unit (3.5亿 in a column of 万元, whose Text is 35000): pages
	// show it as written, downloads hold Text. "" otherwise.
	Written string
	// grouped, when set, is the thousands separator Text still holds: the
	// first, validating read keeps numbers as written ("1,234.5") and leaves
	// out the separators only where a value is kept (see value), sparing a
	// million allocations on a million-row file. Every Cell handed out of
	// this package has grouped 0.
	grouped byte
}

// value is the cell's exact text with any thousands separators left out.
func (c *Cell) value() string {
	if c.grouped == 0 {
		return c.Text
	}
	return strings.ReplaceAll(c.Text, string(c.grouped), "")
}

// settle makes Text the exact value, for cells leaving the validating read.
func (c *Cell) settle() {
	if c.grouped != 0 {
		c.Text, c.grouped = c.value(), 0
	}
}

// missingLike are texts people write for "no value".
var missingLike = map[string]bool{"NA": true, "N/A": true, "NULL": true, "NONE": true, "-": true, "—": true, "--": true, ".": true, "无": true, "空": true, "缺": true}

// defaultDateFormats are the written forms of dates accepted unless a column declares others.
var defaultDateFormats = []string{"iso", "slash", "chinese"}

// parseCell reads raw as a value of field f under schema s. The returned
// message, when not empty, says in plain words what is wrong and what would
// be accepted; the caller adds the position and the column's name.
func parseCell(raw string, f *Field, s *Schema) (Cell, string) {
	var c Cell
	msg := parseInto(&c, raw, f, s)
	c.settle()
	return c, msg
}

// parseInto is parseCell into *c, leaving the thousands separators of a
// plain number in Text (see Cell.grouped). Writing in place spares copying
// the cell on a path taken for every cell of every file.
func parseInto(c *Cell, raw string, f *Field, s *Schema) string {
	*c = Cell{}
	t := trimCell(raw)
	if t == "" || len(s.MissingValues) > 0 && value.IsMissing(t, s.MissingValues) {
		c.Missing = true
		if f.Required {
			if t == "" {
				return "the cell is blank, but this column must have a value in every row"
			}
			return fmt.Sprintf("is %q, which means \"no value\", but this column must have a value in every row", t)
		}
		return ""
	}
	switch f.Type {
	case Integer, Number:
		nf := &s.Numbers
		if f.Numbers != nil {
			nf = f.Numbers
		}
		text, num, grouped, ok := fastNumberIn(t, nf)
		if !ok {
			n, err := value.ParseNumber(t, *nf)
			if err != nil {
				if missingLike[strings.ToUpper(t)] {
					return fmt.Sprintf("%q is not a number; if it means \"no value\", leave the cell empty, or declare %q as a missing value (missing_values in site.toml, or missingValues in the schema file)", t, t)
				}
				return errText(err)
			}
			if f.AnySuffix {
				n.Suffix = ""
			}
			var msg string
			if text, msg = applyUnit(n, f); msg != "" {
				return msg
			}
			num = n.Float
			if text != n.Decimal { // scaled to the column's unit
				num, _ = strconv.ParseFloat(text, 64)
				c.Written = t
			}
		}
		if f.Type == Integer && strings.Contains(text, ".") {
			return fmt.Sprintf("%q is not a whole number", t)
		}
		c.Text, c.Num, c.grouped = text, num, grouped
		if f.Minimum != nil && c.Num < *f.Minimum {
			return fmt.Sprintf("%q is below the smallest value allowed here, %s", t, fmtNum(*f.Minimum))
		}
		if f.Maximum != nil && c.Num > *f.Maximum {
			return fmt.Sprintf("%q is above the largest value allowed here, %s", t, fmtNum(*f.Maximum))
		}
	case Year:
		if y, ok := plainYear(t); ok { // the common case, without the general date parser
			c.Text, c.Num = t, float64(y)
			break
		}
		d, err := value.ParseDate(strings.TrimSuffix(t, "年"), []string{"year"})
		if err != nil {
			return fmt.Sprintf("%q is not a year: write it with four digits, like 2015", t)
		}
		c.Text, c.Num = d.String(), float64(d.Year)
	case Date:
		formats := f.DateFormats
		if len(formats) == 0 {
			formats = defaultDateFormats
		}
		d, err := value.ParseDate(t, formats)
		if err != nil {
			return errText(err)
		}
		c.Text = d.String()
	case Boolean:
		switch strings.ToLower(t) {
		case "是", "true", "yes", "y":
			c.Text = "true"
		case "否", "false", "no", "n":
			c.Text = "false"
		default:
			return fmt.Sprintf("%q is not 是 or 否", t)
		}
	case URL:
		u, err := url.Parse(t)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Sprintf("%q is not a web address: write it in full, starting with http:// or https://", clip(t))
		}
		c.Text = t
	case Period:
		if y, ok := plainYear(t); ok {
			c.Text, c.Num = t, float64(y)
			break
		}
		p, err := value.ParsePeriod(t)
		if err != nil {
			return errText(err)
		}
		c.Text, c.Num = p.String(), float64(p.Year)
	case USCC:
		if err := value.CheckUSCC(t); err != nil {
			return errText(err)
		}
		c.Text = t
	case Code:
		c.Text = value.NormalizeCode(t)
	default:
		c.Text = t
	}
	if v, ok := f.Synonyms[c.Text]; ok {
		c.Text = v
	}
	if len(f.Enum) > 0 && !slices.Contains(f.Enum, c.Text) {
		return fmt.Sprintf("%q is not one of the allowed values: %s", clip(t), f.allowed())
	}
	if f.Valid != nil && !f.Valid(c.Text) || f.Valid == nil && f.Pattern != nil && !f.Pattern.MatchString(c.Text) {
		hint := f.PatternHint
		if hint == "" {
			hint = "the pattern " + strings.TrimSuffix(strings.TrimPrefix(f.Pattern.String(), "^(?:"), ")$")
		}
		return fmt.Sprintf("%q is not in the form this column requires: %s", clip(t), hint)
	}
	return ""
}

// fastNumberIn is fastNumber under a number format, when the format's marks
// are single characters. With "." for decimals, a number with thousands
// separators comes back as written with grouped set to the separator, and no
// copy is made.
func fastNumberIn(t string, nf *value.NumberFormat) (text string, f float64, grouped byte, ok bool) {
	if len(nf.Group) > 1 || len(nf.Decimal) != 1 {
		return "", 0, 0, false
	}
	g := byte(0)
	if nf.Group != "" {
		g = nf.Group[0]
	}
	if nf.Decimal[0] == '.' && g != 0 && strings.IndexByte(t, g) >= 0 {
		if f, cut, ok := scanNumber(t, g, '.'); ok {
			return t[:len(t)-cut], f, g, true
		}
		return "", 0, 0, false
	}
	text, f, ok = fastNumber(t, g, nf.Decimal[0])
	return text, f, 0, ok
}

// applyUnit scales a number written with a unit to the column's unit, where
// the column declares one and the two are of the same family.
func applyUnit(n value.Number, f *Field) (string, string) {
	switch {
	case n.Suffix == "" || n.Suffix == f.Unit:
		return n.Decimal, ""
	case f.Unit == "":
		return "", fmt.Sprintf("%q carries the unit %q, but this column declares no unit: write the number alone, or name the unit in the header, like \"%s(%s)\"", n.Decimal+n.Suffix, n.Suffix, f.Name, n.Suffix)
	}
	if dec, ok := value.Scale(n.Decimal, n.Suffix, f.Unit); ok {
		return dec, ""
	}
	return "", fmt.Sprintf("%q is in %q, which cannot be converted to this column's unit %q", n.Decimal+n.Suffix, n.Suffix, f.Unit)
}

func errText(err error) string {
	if ve, ok := err.(*value.Error); ok {
		return ve.Msg
	}
	return err.Error()
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// plainYear reads four ASCII digits from 1900 to 2100.
func plainYear(t string) (int, bool) {
	if len(t) != 4 {
		return 0, false
	}
	y := 0
	for i := range 4 {
		if t[i] < '0' || t[i] > '9' {
			return 0, false
		}
		y = y*10 + int(t[i]-'0')
	}
	return y, y >= 1900 && y <= 2100
}

// trimCell trims the spaces around a cell, quickly when there are none.
func trimCell(s string) string {
	if s == "" || !spaceAtStart(s) && !spaceAtEnd(s) {
		return s
	}
	return strings.TrimFunc(s, isSpace)
}

// spaceAtStart and spaceAtEnd look for the spaces isSpace trims by their
// UTF-8 bytes: ASCII space and controls, U+00A0 (C2 A0), U+3000 (E3 80 80).
func spaceAtStart(s string) bool {
	return s[0] <= ' ' || strings.HasPrefix(s, "\u00a0") || strings.HasPrefix(s, "\u3000")
}

func spaceAtEnd(s string) bool {
	return s[len(s)-1] <= ' ' || strings.HasSuffix(s, "\u00a0") || strings.HasSuffix(s, "\u3000")
}

// isSpace reports the spaces trimmed around cells: ASCII, full-width and no-break spaces.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == 0xA0 || r == 0x3000
}
