package publish

import (
	"cmp"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"strings"

	"gongkai/generator/internal/data"
)

// Resource is a dataset as published: its CSV download, with the size and
// SHA-256 of the bytes written.
type Resource struct {
	Dataset *data.Dataset
	Title   string // as the site shows it (a built-in kind's in the site's language); empty: the dataset's own
	Path    string // "data/<id>.csv", relative to the site's root
	Bytes   int64
	SHA256  string // hex
	Updated string // YYYY-MM-DD: when the data last changed (declared, else its last commit); empty: not known
}

// Package describes the site's datasets for /datapackage.json.
type Package struct {
	Title, Description string
	Homepage           string // the site's address
	License            struct{ Name, URL string }
	Sources            []data.Source // where the site's texts come from
	Resources          []Resource
	Text               FieldText // descriptions written in the site's language
}

// FieldText is what datapackage.json says in words, in the site's
// language; an empty one is said in Chinese.
type FieldText struct {
	Date   string // a date column some of whose values are a year and month, or a year
	USCC   string // a 统一社会信用代码 column
	Period string // a period column
	Sample string // the source of a sample dataset
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

type dpField struct {
	Name        string   `json:"name"`
	Title       string   `json:"title,omitempty"`
	Type        string   `json:"type"`
	Format      string   `json:"format,omitempty"`
	Description string   `json:"description,omitempty"`
	Unit        string   `json:"unit,omitempty"` // not in the specification: Table Schema allows more properties
	TrueValues  []string `json:"trueValues,omitempty"`
	FalseValues []string `json:"falseValues,omitempty"`
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

// DataPackage returns /datapackage.json: a Frictionless Data Package with
// every dataset's CSV download as a tabular resource, its Table Schema, size
// and SHA-256.
func DataPackage(p Package) ([]byte, error) {
	out := struct {
		Profile     string        `json:"profile"`
		Title       string        `json:"title,omitempty"`
		Description string        `json:"description,omitempty"`
		Homepage    string        `json:"homepage,omitempty"`
		Licenses    []dpLicense   `json:"licenses,omitempty"`
		Sources     []data.Source `json:"sources,omitempty"`
		Resources   []dpResource  `json:"resources"`
	}{Profile: "tabular-data-package", Title: p.Title, Description: p.Description, Homepage: p.Homepage, Sources: p.Sources, Resources: []dpResource{}}
	if p.License.Name != "" {
		out.Licenses = []dpLicense{{Path: p.License.URL, Title: p.License.Name}}
	}
	text := p.Text.or()
	names := map[string]string{}
	for _, r := range p.Resources {
		names[r.Dataset.ID] = resourceName(r.Dataset.ID)
	}
	for _, r := range p.Resources {
		d := r.Dataset
		res := dpResource{Name: names[d.ID], Title: cmp.Or(r.Title, d.Title), Description: d.Description, Path: r.Path, Profile: "tabular-data-resource",
			Format: "csv", MediaType: "text/csv", Encoding: "utf-8", Bytes: r.Bytes, Hash: "sha256:" + r.SHA256,
			Sample: d.Sample, Updated: r.Updated, Frequency: d.Frequency, Sources: d.Sources, Schema: dpSchema{MissingVals: []string{""}}}
		if d.Sample && len(res.Sources) == 0 {
			res.Sources = []data.Source{{Title: text.Sample}}
		}
		full := fullDates(d)
		headers := Headers(d, text)
		for i, c := range d.Columns {
			f := dpField{Name: headers[i], Unit: c.Unit}
			switch c.Type {
			case data.Integer, data.Number, data.Year, data.Boolean:
				f.Type = string(c.Type)
				if c.Type == data.Boolean {
					f.TrueValues, f.FalseValues = []string{text.True}, []string{text.False}
				}
			case data.Date:
				f.Type = "date"
				if !full[i] { // some values are a year and month, or a year
					f.Type, f.Description = "string", text.Date
				}
			case data.URL:
				f.Type, f.Format = "string", "uri"
			case data.USCC:
				f.Type, f.Description = "string", text.USCC
			case data.Period:
				f.Type, f.Description = "string", text.Period
			default:
				f.Type = "string"
			}
			if headers[i] != c.Name { // the JSON download keys it by its name
				f.Description = strings.TrimPrefix(f.Description+"; JSON: "+c.Name, "; ")
			}
			res.Schema.Fields = append(res.Schema.Fields, f)
		}
		if hasSubtotals(d) {
			res.Schema.Fields = append(res.Schema.Fields, dpField{Name: SubtotalColumn, Type: "boolean", TrueValues: []string{"是"}, FalseValues: []string{"否"},
				Description: "是：这一行是下级各行的小计（如类、款），求和时不计，否则会重复计算"})
		}
		if d.Sample {
			res.Schema.Fields = append(res.Schema.Fields, dpField{Name: "示例数据", Type: "string", Description: "每一行都注明：本数据集为示例数据，不是真实数字"})
		}
		res.Schema.PrimaryKey = headersOf(d, d.Schema.PrimaryKey, text)
		for _, fk := range d.Schema.ForeignKeys {
			k := dpForeignKey{Fields: headersOf(d, fk.Fields, text)}
			k.Reference.Resource, k.Reference.Fields = names[fk.Reference], fk.Ref
			if ref := byID(p.Resources, fk.Reference); ref != nil {
				k.Reference.Fields = headersOf(ref, fk.Ref, text)
			}
			res.Schema.ForeignKeys = append(res.Schema.ForeignKeys, k)
		}
		out.Resources = append(out.Resources, res)
	}
	return json.MarshalIndent(out, "", "  ")
}

// fullDates reports, for each date column, whether every value is a whole
// date (YYYY-MM-DD); a column that holds a year-month or a year is not a
// Frictionless date.
func fullDates(d *data.Dataset) []bool {
	full := make([]bool, len(d.Columns))
	any := false
	for i, c := range d.Columns {
		full[i] = c.Type == data.Date
		any = any || full[i]
	}
	if !any {
		return full
	}
	_ = d.Each(func(_ string, _ int, cells []data.Cell) error {
		for i, c := range cells {
			if full[i] && !c.Missing && len(c.Text) != len("2006-01-02") {
				full[i] = false
			}
		}
		return nil
	})
	return full
}

// CatalogDataset is a dataset as /data.json lists it.
type CatalogDataset struct {
	Title, Description string
	Keywords           []string
	Modified           string // YYYY-MM-DD
	Page               string // the dataset's page, a site path: its identifier and landing page
	CSV, JSON          string // site paths of the downloads
	Temporal           string // e.g. 2011-01-01/2016-12-31; empty if unknown
	Frequency          string // accrualPeriodicity; empty if not declared
}

// Catalog is the site's datasets for /data.json.
type Catalog struct {
	BaseURL          string
	Publisher, Email string
	License          string // the licence's address
	Datasets         []CatalogDataset
}

// DataJSON returns /data.json: a DCAT catalogue in the Project Open Data
// metadata schema v1.1, which national open-data harvesters read.
func DataJSON(c Catalog) ([]byte, error) {
	type dist struct {
		Type        string `json:"@type"`
		DownloadURL string `json:"downloadURL"`
		MediaType   string `json:"mediaType"`
		Format      string `json:"format"`
	}
	type org struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	type contact struct {
		Type     string `json:"@type"`
		FN       string `json:"fn"`
		HasEmail string `json:"hasEmail"`
	}
	type dataset struct {
		Type               string   `json:"@type"`
		Title              string   `json:"title"`
		Description        string   `json:"description"`
		Keyword            []string `json:"keyword"`
		Modified           string   `json:"modified"`
		Publisher          org      `json:"publisher"`
		ContactPoint       contact  `json:"contactPoint"`
		Identifier         string   `json:"identifier"`
		AccessLevel        string   `json:"accessLevel"`
		License            string   `json:"license,omitempty"`
		LandingPage        string   `json:"landingPage"`
		Temporal           string   `json:"temporal,omitempty"`
		AccrualPeriodicity string   `json:"accrualPeriodicity,omitempty"`
		Language           []string `json:"language"`
		Distribution       []dist   `json:"distribution"`
	}
	out := struct {
		Context     string    `json:"@context"`
		Type        string    `json:"@type"`
		ConformsTo  string    `json:"conformsTo"`
		DescribedBy string    `json:"describedBy"`
		Dataset     []dataset `json:"dataset"`
	}{"https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld", "dcat:Catalog", "https://project-open-data.cio.gov/v1.1/schema",
		"https://project-open-data.cio.gov/v1.1/schema/catalog.json", []dataset{}}
	for _, d := range c.Datasets {
		page := Absolute(c.BaseURL, d.Page)
		out.Dataset = append(out.Dataset, dataset{Type: "dcat:Dataset", Title: d.Title, Description: d.Description, Keyword: d.Keywords,
			Modified: d.Modified, Publisher: org{"org:Organization", c.Publisher}, ContactPoint: contact{"vcard:Contact", c.Publisher, "mailto:" + c.Email},
			Identifier: page, AccessLevel: "public", License: c.License, LandingPage: page, Temporal: d.Temporal, AccrualPeriodicity: d.Frequency,
			Language: []string{"zh-CN"},
			Distribution: []dist{
				{"dcat:Distribution", Absolute(c.BaseURL, d.CSV), "text/csv", "CSV"},
				{"dcat:Distribution", Absolute(c.BaseURL, d.JSON), "application/json", "JSON"},
			}})
	}
	return json.MarshalIndent(out, "", "  ")
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
