package publish

import (
	"cmp"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gongkai/generator/internal/data"
)

// Resource is a dataset as published: its CSV download, with the size and
// SHA-256 of the bytes written.
type Resource struct {
	Dataset     *data.Dataset
	Title       string // as the site shows it (a built-in kind's in the site's language); empty: the dataset's own
	Description string // as the catalogues give it (see Describe); empty: the dataset's own
	Path        string // "data/<id>.csv", relative to the site's root
	Bytes       int64
	SHA256      string // hex
	Updated     string // YYYY-MM-DD: when the data last changed (declared, else its last commit); empty: not known
	// Shapes is what ScanShapes finds in the dataset, when the caller has
	// it (kept from an earlier build); nil: DataPackage reads the rows.
	Shapes *Shapes
}

// Package describes the site's datasets for /datapackage.json.
type Package struct {
	Title, Description string
	Homepage           string // the site's address
	License            struct{ Name, URL string }
	Publisher, Email   string        // the configured publisher and contact; empty: none (no contributor is named)
	Keywords           []string      // the site's keywords ([catalog] keywords)
	Sources            []data.Source // where the site's texts come from
	Resources          []Resource
	Text               FieldText // descriptions written in the site's language
}

// FieldText is what datapackage.json and the catalogues say in words, in
// the site's language; an empty one is said in Chinese.
type FieldText struct {
	Date   string // a date column some of whose values are a year and month, or a year
	USCC   string // a 统一社会信用代码 column
	Period string // a period column
	Sample string // the source of a sample dataset
	// Described describes a dataset that describes itself nowhere, from
	// its title, rows and columns' names.
	Described func(title string, rows int, columns []string) string
	// True and False are how the downloads write a boolean (是, 否).
	True, False string
	// Aliases: a column no file heads is named by its first other name
	// (the Chinese name of a built-in kind's column), for a site in Chinese.
	Aliases bool
}

// or is t with every empty text set to Chinese.
func (t FieldText) or() FieldText {
	if t.Date == "" {
		t.Date = "日期，写作 YYYY-MM-DD、YYYY-MM 或 YYYY"
	}
	if t.USCC == "" {
		t.USCC = "统一社会信用代码（GB 32100-2015），校验位已核对"
	}
	if t.Period == "" {
		t.Period = "所属期：年（2025）、半年（2025-H1）、季度（2025-Q3）、月（2025-09）、年初至某月（2025-01/2025-09）或日（2025-09-30）"
	}
	if t.Sample == "" {
		t.Sample = "示例数据：为演示编造的数字，不是真实数字"
	}
	if t.Described == nil {
		t.Described = func(title string, rows int, columns []string) string {
			return title + "，共" + strconv.Itoa(rows) + "行，各列为：" + strings.Join(columns, "、") + "。"
		}
	}
	if t.True == "" || t.False == "" {
		t.True, t.False = "是", "否"
	}
	return t
}

// namePattern is what Frictionless allows as a resource name.
var namePattern = regexp.MustCompile(`^[-a-z0-9._/]+$`)

// resourceName is the dataset id where Frictionless allows it; an id with
// Chinese characters gets a stable ASCII name (its title keeps the words).
func resourceName(id string) string {
	if namePattern.MatchString(id) {
		return id
	}
	sum := sha1.Sum([]byte(id))
	return "dataset-" + hex.EncodeToString(sum[:6])
}

// The written forms of values that the downloads' Table Schemas declare
// as patterns (Frictionless patterns are XML Schema regular expressions,
// matched against the whole value; these mean the same in JavaScript and Go).
const (
	// a value of a date column that holds years and months as well as days
	partialDatePattern = `[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?`
	// a period (value.Period.String): 2025, 2025-H1, 2025-Q3, 2025-09, 2025-01/2025-09, 2025-09-30
	periodPattern = `[0-9]{4}(-(H[12]|Q[1-4]|[0-9]{2}(-[0-9]{2})?|[0-9]{2}/[0-9]{4}-[0-9]{2}))?`
	// a 统一社会信用代码 (GB 32100-2015): 18 characters of digits and capitals without I, O, S, V, Z
	usccPattern = `[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}`
)

type dpConstraints struct {
	Required bool   `json:"required,omitempty"`
	Unique   bool   `json:"unique,omitempty"`
	Enum     []any  `json:"enum,omitempty"`
	Pattern  string `json:"pattern,omitempty"`
	Minimum  any    `json:"minimum,omitempty"` // a json.Number: 0 is a constraint too
	Maximum  any    `json:"maximum,omitempty"`
}

type dpField struct {
	Name        string         `json:"name"`
	Title       string         `json:"title,omitempty"`
	Type        string         `json:"type"`
	Format      string         `json:"format,omitempty"`
	Description string         `json:"description,omitempty"`
	Unit        string         `json:"unit,omitempty"` // not in the specification: Table Schema allows more properties
	TrueValues  []string       `json:"trueValues,omitempty"`
	FalseValues []string       `json:"falseValues,omitempty"`
	DecimalChar string         `json:"decimalChar,omitempty"`
	Constraints *dpConstraints `json:"constraints,omitempty"`
}

type dpForeignKey struct {
	Fields    []string `json:"fields"`
	Reference struct {
		Resource string   `json:"resource"`
		Fields   []string `json:"fields"`
	} `json:"reference"`
}

type dpSchema struct {
	Fields      []dpField      `json:"fields"`
	PrimaryKey  []string       `json:"primaryKey,omitempty"`
	ForeignKeys []dpForeignKey `json:"foreignKeys,omitempty"`
	MissingVals []string       `json:"missingValues"`
}

type dpLicense struct {
	Name  string `json:"name,omitempty"`
	Path  string `json:"path,omitempty"`
	Title string `json:"title"`
}

type dpContributor struct {
	Title string `json:"title"`
	Email string `json:"email,omitempty"`
	Role  string `json:"role"`
}

type dpResource struct {
	Name        string        `json:"name"`
	Title       string        `json:"title,omitempty"`
	Description string        `json:"description,omitempty"`
	Path        string        `json:"path"`
	Profile     string        `json:"profile"`
	Format      string        `json:"format"`
	MediaType   string        `json:"mediatype"`
	Encoding    string        `json:"encoding"`
	Bytes       int64         `json:"bytes"`
	Hash        string        `json:"hash"`
	Schema      dpSchema      `json:"schema"`
	Licenses    []dpLicense   `json:"licenses,omitempty"`
	Sample      bool          `json:"sample,omitempty"`  // not in the specification: says the rows are sample data
	Updated     string        `json:"updated,omitempty"` // not in the specification: when the data last changed
	Sources     []data.Source `json:"sources,omitempty"`
	Frequency   string        `json:"accrualPeriodicity,omitempty"` // DCAT's term: how often it is updated
}

// DataPackage returns /datapackage.json: a Frictionless (Tabular) Data
// Package with every dataset's CSV download as a tabular resource, its size
// and SHA-256, and a Table Schema that says what the file holds, so that
// Table Schema implementations cast every row:
//
//   - types as the CSV writes them: numbers plain ("1234.5", decimalChar
//     "."), years, booleans as the site's words (trueValues 是, falseValues
//     否), dates as date, yearmonth or year when every value has that form,
//     otherwise text with the pattern of the forms it holds;
//   - every constraint declared for a column (required, unique, enum,
//     pattern, minimum, maximum), primaryKey and foreignKeys, with enum
//     values and patterns as the CSV writes them (a formula-like text gets
//     its leading "'");
//   - a missing value as the CSV writes it: an empty cell.
func DataPackage(p Package) ([]byte, error) {
	out := struct {
		Profile      string          `json:"profile"`
		Title        string          `json:"title,omitempty"`
		Description  string          `json:"description,omitempty"`
		Homepage     string          `json:"homepage,omitempty"`
		Keywords     []string        `json:"keywords,omitempty"`
		Contributors []dpContributor `json:"contributors,omitempty"`
		Licenses     []dpLicense     `json:"licenses,omitempty"`
		Sources      []data.Source   `json:"sources,omitempty"`
		Resources    []dpResource    `json:"resources"`
	}{Profile: "tabular-data-package", Title: p.Title, Description: p.Description, Homepage: p.Homepage, Keywords: p.Keywords, Sources: p.Sources, Resources: []dpResource{}}
	if p.License.Name != "" {
		out.Licenses = []dpLicense{{Path: p.License.URL, Title: p.License.Name}}
	}
	if p.Publisher != "" {
		out.Contributors = []dpContributor{{Title: p.Publisher, Email: p.Email, Role: "publisher"}}
	}
	text := p.Text.or()
	names := map[string]string{}
	for _, r := range p.Resources {
		names[r.Dataset.ID] = resourceName(r.Dataset.ID)
	}
	for _, r := range p.Resources {
		d := r.Dataset
		res := dpResource{Name: names[d.ID], Title: cmp.Or(r.Title, d.Title), Description: cmp.Or(r.Description, d.Description), Path: r.Path, Profile: "tabular-data-resource",
			Format: "csv", MediaType: "text/csv", Encoding: "utf-8", Bytes: r.Bytes, Hash: "sha256:" + r.SHA256,
			Sample: d.Sample, Updated: r.Updated, Frequency: d.Frequency, Sources: d.Sources, Schema: dpSchema{MissingVals: []string{""}}}
		if d.Sample && len(res.Sources) == 0 {
			res.Sources = []data.Source{{Title: text.Sample}}
		}
		shape := r.Shapes
		if shape == nil {
			s := ScanShapes(d)
			shape = &s
		}
		res.Schema.Fields = schemaFields(d, *shape, text)
		res.Schema.PrimaryKey = headersOf(d, d.Schema.PrimaryKey, text)
		for _, fk := range d.Schema.ForeignKeys {
			k := dpForeignKey{Fields: headersOf(d, fk.Fields, text)}
			k.Reference.Resource, k.Reference.Fields = names[fk.Reference], fk.Ref
			if fk.Reference == d.ID {
				k.Reference.Resource = "" // Table Schema's name for the table itself
			}
			if ref := byID(p.Resources, fk.Reference); ref != nil {
				k.Reference.Fields = headersOf(ref, fk.Ref, text)
			}
			res.Schema.ForeignKeys = append(res.Schema.ForeignKeys, k)
		}
		out.Resources = append(out.Resources, res)
	}
	return json.MarshalIndent(out, "", "  ")
}

// schemaFields is the Table Schema of a dataset's CSV download: one field
// per column as WriteCSV writes it, then the columns it adds.
func schemaFields(d *data.Dataset, shape Shapes, text FieldText) []dpField {
	headers := Headers(d, text)
	var fields []dpField
	for i, c := range d.Columns {
		f := dpField{Name: headers[i], Unit: c.Unit}
		if d.Kind == nil { // a declared or inferred schema's own words; a built-in kind's describe the files staff write, not the download
			f.Description = c.Description
		}
		note := ""
		switch c.Type {
		case data.Integer, data.Year, data.Boolean:
			f.Type = string(c.Type)
			if c.Type == data.Boolean {
				f.TrueValues, f.FalseValues = []string{text.True}, []string{text.False}
			}
		case data.Number:
			f.Type, f.DecimalChar = "number", "." // whatever [data] decimal says of the files, the download writes "."
		case data.Date:
			switch shape.Dates[i] {
			case dateFull:
				f.Type = "date"
			case dateYearMonth:
				f.Type = "yearmonth"
			case dateYear:
				f.Type = "year"
			default:
				f.Type, note = "string", text.Date
			}
		case data.URL:
			f.Type, f.Format = "string", "uri"
		case data.USCC:
			f.Type, note = "string", text.USCC
		case data.Period:
			f.Type, note = "string", text.Period
		default:
			f.Type = "string"
		}
		f.Constraints = constraintsOf(&c.Field, f.Type, shape.Dates[i] == dateMixed, shape.Neutralized[i])
		f.Description = joinNotes(f.Description, note)
		if headers[i] != c.Name { // the JSON download keys it by its name
			f.Description = joinNotes(f.Description, "JSON: "+c.Name)
		}
		fields = append(fields, f)
	}
	if hasSubtotals(d) {
		fields = append(fields, dpField{Name: SubtotalColumn, Type: "boolean", TrueValues: []string{"是"}, FalseValues: []string{"否"},
			Description: "是：这一行是下级各行的小计（如类、款），求和时不计，否则会重复计算", Constraints: &dpConstraints{Required: true}})
	}
	if d.Sample {
		fields = append(fields, dpField{Name: "示例数据", Type: "string", Description: "每一行都注明：本数据集为示例数据，不是真实数字", Constraints: &dpConstraints{Required: true}})
	}
	return fields
}

// constraintsOf are a column's constraints as its download's Table Schema
// declares them, or nil: the declared ones, in the form the CSV writes the
// values (typ is the field's Frictionless type), and the pattern of a
// column whose type Frictionless has no name for (a period, a
// 统一社会信用代码, a date column of mixed forms).
func constraintsOf(f *data.Field, typ string, mixedDates, neutralized bool) *dpConstraints {
	c := dpConstraints{Required: f.Required, Unique: f.Unique}
	numeric := typ == "number" || typ == "integer" || typ == "year"
	for _, v := range f.Enum {
		switch {
		case numeric:
			if _, err := strconv.ParseFloat(v, 64); err == nil {
				c.Enum = append(c.Enum, json.Number(v))
			}
		case typ == "boolean":
			c.Enum = append(c.Enum, v == "true")
		default:
			c.Enum = append(c.Enum, neutralize(v))
		}
	}
	if numeric {
		if f.Minimum != nil {
			c.Minimum = json.Number(strconv.FormatFloat(*f.Minimum, 'f', -1, 64))
		}
		if f.Maximum != nil {
			c.Maximum = json.Number(strconv.FormatFloat(*f.Maximum, 'f', -1, 64))
		}
	}
	if f.Pattern != nil && typ == "string" {
		c.Pattern = strings.TrimSuffix(strings.TrimPrefix(f.Pattern.String(), "^(?:"), ")$")
		if c.Pattern == f.Pattern.String() { // a built-in kind's, written in Go's syntax
			c.Pattern = xsdPattern(c.Pattern)
		}
	}
	switch {
	case c.Pattern != "":
	case f.Type == data.Period:
		c.Pattern = periodPattern
	case f.Type == data.USCC:
		c.Pattern = usccPattern
	case f.Type == data.Date && mixedDates:
		c.Pattern = partialDatePattern
	}
	if c.Pattern != "" && neutralized {
		c.Pattern = "'?(" + c.Pattern + ")" // some values start as a formula would, and the CSV writes them after a "'"
	}
	if !c.Required && !c.Unique && c.Enum == nil && c.Pattern == "" && c.Minimum == nil && c.Maximum == nil {
		return nil
	}
	return &c
}

// xsdPattern writes an anchored Go regular expression of the kinds' simple
// sort (classes, counts, groups) as a Frictionless pattern: unanchored, as
// XML Schema matches the whole value, and with plain groups for Go's
// non-capturing ones, which XML Schema lacks (matching is the same).
func xsdPattern(goRE string) string {
	p := strings.TrimSuffix(strings.TrimPrefix(goRE, "^"), "$")
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '\\' && i+1 < len(p) {
			b.WriteString(p[i : i+2])
			i++
			continue
		}
		if strings.HasPrefix(p[i:], "(?:") {
			b.WriteByte('(')
			i += 2
			continue
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

func joinNotes(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "; " + b
}

// DateShape is the form every value of a date column has in the download.
type DateShape byte

const (
	dateNone      DateShape = iota // no value
	dateFull                       // YYYY-MM-DD
	dateYearMonth                  // YYYY-MM
	dateYear                       // YYYY
	dateMixed                      // more than one of these
)

// Shapes is what a pass over a dataset's rows finds that its schema does
// not say: the form of each date column's values, and which text columns
// have a value the CSV writes after a "'" (see neutralize). It depends on
// the dataset's rows alone.
type Shapes struct {
	Dates       []DateShape
	Neutralized []bool
}

// ScanShapes reads the rows once, if any column needs it.
func ScanShapes(d *data.Dataset) Shapes {
	s := Shapes{Dates: make([]DateShape, len(d.Columns)), Neutralized: make([]bool, len(d.Columns))}
	need := false
	for _, c := range d.Columns {
		need = need || c.Type == data.Date || c.Pattern != nil || c.Type == data.Period || c.Type == data.USCC
	}
	if !need {
		return s
	}
	_ = d.Each(func(_ string, _ int, cells []data.Cell) error {
		for i, c := range cells {
			if c.Missing {
				continue
			}
			t := d.Columns[i].Type
			if t == data.Date {
				form := map[int]DateShape{10: dateFull, 7: dateYearMonth, 4: dateYear}[len(c.Text)]
				switch {
				case s.Dates[i] == dateNone:
					s.Dates[i] = form
				case s.Dates[i] != form:
					s.Dates[i] = dateMixed
				}
			}
			if !t.IsNumeric() && t != data.Boolean && !s.Neutralized[i] && neutralize(c.Text) != c.Text {
				s.Neutralized[i] = true
			}
		}
		return nil
	})
	for i, c := range d.Columns {
		if c.Type == data.Date && s.Dates[i] == dateNone {
			s.Dates[i] = dateFull // no value at all: any type casts an empty column
		}
	}
	return s
}

// headersOf are the CSV headers of the named columns of d.
func headersOf(d *data.Dataset, names []string, text FieldText) []string {
	headers := Headers(d, text)
	var out []string
	for _, n := range names {
		h := n
		for i, c := range d.Columns {
			if c.Name == n {
				h = headers[i]
			}
		}
		out = append(out, h)
	}
	return out
}

// byID is the dataset of the resource with the id, or nil.
func byID(rs []Resource, id string) *data.Dataset {
	for _, r := range rs {
		if r.Dataset.ID == id {
			return r.Dataset
		}
	}
	return nil
}

// Describe is a dataset's description for the catalogues: its own (the
// schema's description), else one made from its title, rows and columns,
// never its title alone.
func Describe(d *data.Dataset, title string, text FieldText) string {
	if d.Description != "" && d.Description != title {
		return d.Description
	}
	text = text.or()
	return text.Described(title, d.Rows, Headers(d, text))
}

// Keywords are a dataset's keywords: the site's, then its columns' titles
// as the downloads head them, each once.
func Keywords(d *data.Dataset, site []string, text FieldText) []string {
	var out []string
	for _, k := range slices.Concat(site, Headers(d, text.or())) {
		if k = strings.TrimSpace(k); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}
