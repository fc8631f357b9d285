package publish

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/generator/internal/data"
)

// WriteCSV writes a dataset as CSV for download, for programs: UTF-8
// without a byte order mark (as datapackage.json declares it; the
// frictionless libraries and many other CSV readers read a BOM into the
// first column's name), CRLF line ends, one header row of the columns' names, and the
// values as validated (numbers exact, in the column's unit; dates as
// YYYY-MM-DD; a missing value as an empty cell). Excel opens a BOM-less
// UTF-8 CSV as its local code page and garbles Chinese text, so people who
// use Excel get the .xlsx download instead (WriteXLSX).
//
// A dataset with subtotal rows (a code hierarchy: 类 above 款 above 项) gets
// a column "小计" saying 是 on each of them and 否 on the others, so whoever
// sums the file can leave them out as the site does. Sample data gets a
// last column "示例数据" saying so on every row.
//
// A text cell that a spreadsheet would run as a formula — one starting with
// "=", "+", "-", "@", a tab or a carriage return — is prefixed with "'" (OWASP's
// advice against CSV injection), and so is such a header label (Headers).
// Numbers are never changed: -5 stays -5.
func WriteCSV(w io.Writer, d *data.Dataset, text FieldText) error {
	text = text.or()
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	header := downloadHeader(d, text)
	if err := cw.Write(header); err != nil {
		return err
	}
	subtotals := hasSubtotals(d)
	record := make([]string, len(header))
	if d.Sample {
		record[len(record)-1] = "是：示例数据，不是真实数字"
	}
	err := d.Each(func(file string, line int, cells []data.Cell) error {
		if subtotals {
			record[len(cells)] = "否"
			if d.IsSubtotal(file, line) {
				record[len(cells)] = "是"
			}
		}
		for i, c := range cells {
			switch {
			case c.Missing:
				record[i] = ""
			case d.Columns[i].Type.IsNumeric():
				record[i] = c.Text
			case d.Columns[i].Type == data.Boolean:
				record[i] = text.False
				if c.Text == "true" {
					record[i] = text.True
				}
			default:
				record[i] = neutralize(c.Text)
			}
		}
		return cw.Write(record)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// Headers are the downloads' column names: each column's label, in the
// words staff wrote (its schema title, else its header in the files, else
// its name); a label two columns share gives way to the name. A label a
// spreadsheet would run as a formula (=SUM(1+1)) is neutralised as the
// CSV's text cells are, here, so that the CSV's header, the .xlsx's and
// datapackage.json's field names stay the same.
func Headers(d *data.Dataset, text FieldText) []string {
	out := make([]string, len(d.Columns))
	seen := map[string]bool{}
	alias := text.Aliases && !d.HeadedByNames()
	for i := range d.Columns {
		c := &d.Columns[i]
		out[i] = c.Label(alias)
		if seen[out[i]] {
			out[i] = c.Name
		}
		seen[out[i]] = true
	}
	for i := range out {
		out[i] = neutralize(out[i])
	}
	return out
}

// downloadHeader is the header row of the CSV and .xlsx downloads: the
// columns' Headers, then 小计 for a dataset with subtotal rows and 示例数据
// for sample data, which say so on every row, where a spreadsheet shows it.
func downloadHeader(d *data.Dataset, text FieldText) []string {
	header := Headers(d, text)
	if hasSubtotals(d) {
		header = append(header, SubtotalColumn)
	}
	if d.Sample {
		header = append(header, "示例数据")
	}
	return header
}

// SubtotalColumn is the column the downloads add to a dataset with subtotal
// rows: 是 on each, 否 on the others.
const SubtotalColumn = "小计"

// hasSubtotals reports whether the downloads mark subtotal rows.
func hasSubtotals(d *data.Dataset) bool { return d.Schema.Hierarchy != nil && d.Subtotals > 0 }

// neutralize defuses text a spreadsheet would evaluate as a formula.
func neutralize(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// jsonField describes a column in the JSON download.
type jsonField struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
	Type  string `json:"type"`
	Unit  string `json:"unit,omitempty"`
}

// WriteJSON writes a dataset as JSON for download: an object with the
// dataset's id, title, fields and rows; each row an object keyed by field
// name, numbers as JSON numbers with their exact decimal value, booleans as
// true/false, a missing value as null.
//
// title is the dataset's title as the site shows it (in the site's
// language for a built-in kind); empty: the dataset's own.
func WriteJSON(w io.Writer, d *data.Dataset, title string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	head := struct {
		ID      string      `json:"id"`
		Title   string      `json:"title,omitempty"`
		Sample  bool        `json:"sample,omitempty"`
		Note    string      `json:"note,omitempty"`
		Updated string      `json:"updated,omitempty"`
		Fields  []jsonField `json:"fields"`
	}{ID: d.ID, Title: cmp.Or(title, d.Title), Sample: d.Sample, Updated: d.Updated}
	if d.Sample {
		head.Note = "示例数据：本数据集为演示用的示例数据，不是真实数字。"
	}
	keys := make([][]byte, len(d.Columns))
	for i, c := range d.Columns {
		f := jsonField{Name: c.Name, Title: c.Title, Type: string(c.Type), Unit: c.Unit}
		if l := c.Label(false); f.Title == "" && l != c.Name {
			f.Title = l // as the CSV download names it
		}
		head.Fields = append(head.Fields, f)
		keys[i], _ = json.Marshal(c.Name)
	}
	hb, err := json.Marshal(head)
	if err != nil {
		return err
	}
	bw.Write(hb[:len(hb)-1]) // reopen the object to append the rows
	bw.WriteString(`,"rows":[`)
	first := true
	subtotals := hasSubtotals(d)
	if subtotals {
		head.Fields = append(head.Fields, jsonField{Name: SubtotalColumn, Title: "小计行（求和时不计）", Type: string(data.Boolean)})
	}
	err = d.Each(func(file string, line int, cells []data.Cell) error {
		if !first {
			bw.WriteByte(',')
		}
		first = false
		bw.WriteString("\n{")
		for i, c := range cells {
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.Write(keys[i])
			bw.WriteByte(':')
			switch t := d.Columns[i].Type; {
			case c.Missing:
				bw.WriteString("null")
			case t.IsNumeric(), t == data.Boolean:
				bw.WriteString(c.Text)
			case plainJSON(c.Text):
				bw.WriteByte('"')
				bw.WriteString(c.Text)
				bw.WriteByte('"')
			default:
				b, err := json.Marshal(c.Text) // escapes <, > and & too
				if err != nil {
					return err
				}
				bw.Write(b)
			}
		}
		if subtotals {
			bw.WriteString(`,"` + SubtotalColumn + `":`)
			bw.WriteString(strconv.FormatBool(d.IsSubtotal(file, line)))
		}
		bw.WriteByte('}')
		return nil
	})
	if err != nil {
		return err
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// plainJSON reports whether json.Marshal writes s as it is, between quotes:
// valid UTF-8 without a character it escapes (a control character, ", \, <,
// >, &, U+2028, U+2029). Most cells are, and writing them directly spares
// an allocation per cell of a million rows.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			return false
		}
	}
	return utf8.ValidString(s)
}
