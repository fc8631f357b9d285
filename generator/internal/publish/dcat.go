package publish

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/data/value"
)

// Catalog is the site's datasets as the catalogues describe them:
// /catalog.jsonld (DCAT-AP), /data.json (Project Open Data) and the
// schema.org description on each dataset's page.
type Catalog struct {
	BaseURL            string
	Title, Description string // the site's
	Language           string // BCP 47, e.g. zh-CN
	// Publisher publishes the data: the configured [publisher] name, else
	// the site's title; Email is their contact, empty when not configured.
	Publisher, Email string
	License          struct{ Name, URL string }
	Spatial          string // the place the data covers, e.g. 广东省; empty: not said
	// BureauCode and ProgramCode are Project Open Data's US federal fields:
	// /data.json is written only with them.
	BureauCode, ProgramCode []string
	// AsOf is the build's day: /data.json's modified date of a dataset
	// whose date is not known (its schema requires one; never the clock).
	AsOf     string
	Datasets []Entry
}

// Entry is one dataset as the catalogues describe it.
type Entry struct {
	ID, Title     string
	Description   string   // never the title alone (see Describe)
	Keywords      []string // see Keywords
	Modified      string   // YYYY-MM-DD; empty: not known
	Page          string   // the dataset's page, a site path
	Distributions []Distribution
	Start, End    string // the period the data covers, YYYY-MM-DD (see Coverage); empty: not known
	Frequency     string // accrualPeriodicity (R/P1Y); empty if not declared
	Variables     []Variable
}

// Distribution is one file a dataset is published as (DCAT's word).
type Distribution struct {
	Path      string // a site path, /data/budgets.csv
	MediaType string // text/csv
	Format    string // CSV
	Bytes     int64  // 0: not known
}

// Variable is a column as the catalogues describe it (schema.org
// variableMeasured).
type Variable struct {
	Name        string // as the downloads head it
	Description string
	Unit        string
	Min, Max    string // a numeric column's smallest and largest value
}

// Distributions are the files every dataset is published as (an .xlsx when
// it fits an Excel sheet).
func Distributions(d *data.Dataset) []Distribution {
	out := []Distribution{
		{Path: "/data/" + d.ID + ".csv", MediaType: "text/csv", Format: "CSV"},
		{Path: "/data/" + d.ID + ".json", MediaType: "application/json", Format: "JSON"},
	}
	if FitsXLSX(d) {
		out = append(out, Distribution{Path: "/data/" + d.ID + ".xlsx", MediaType: XLSXType, Format: "XLSX"})
	}
	return out
}

// Variables describes a dataset's columns, headed as the downloads head them.
func Variables(d *data.Dataset, text FieldText) []Variable {
	headers := Headers(d, text.or())
	var out []Variable
	for i, c := range d.Columns {
		v := Variable{Name: headers[i], Unit: c.Unit}
		if d.Kind == nil { // a built-in kind's descriptions are for the staff who write its files
			v.Description = c.Description
		}
		if c.Type.IsNumeric() && c.Stats.Count > 0 {
			v.Min, v.Max = c.Stats.Min, c.Stats.Max
		}
		out = append(out, v)
	}
	return out
}

// Coverage is the period a dataset's rows cover, as first and last days
// (YYYY-MM-DD): from its first year or period column (年度, 所属期), else
// its first date column; empty when it has none or they hold no value.
func Coverage(d *data.Dataset) (start, end string) {
	col := slices.IndexFunc(d.Columns, func(c data.Column) bool { return c.Type == data.Year || c.Type == data.Period })
	if col < 0 {
		col = slices.IndexFunc(d.Columns, func(c data.Column) bool { return c.Type == data.Date })
	}
	if col < 0 || d.Columns[col].Stats.Count == 0 {
		return "", ""
	}
	c := d.Columns[col]
	switch c.Type {
	case data.Year:
		return c.Stats.Min + "-01-01", c.Stats.Max + "-12-31"
	case data.Date: // the smallest and largest value as text: YYYY, YYYY-MM or YYYY-MM-DD
		first, err1 := value.ParseDate(c.Stats.Min, []string{"iso", "yearmonth", "year"})
		last, err2 := value.ParseDate(c.Stats.Max, []string{"iso", "yearmonth", "year"})
		if err1 != nil || err2 != nil {
			return "", ""
		}
		return datePeriod(first).Start().Format(time.DateOnly), datePeriod(last).End().Format(time.DateOnly)
	}
	var lo, hi time.Time // a period column has no statistics: read its values
	_ = d.Each(func(_ string, _ int, cells []data.Cell) error {
		if cells[col].Missing {
			return nil
		}
		p, err := value.ParsePeriod(cells[col].Text)
		if err != nil {
			return nil
		}
		if lo.IsZero() || p.Start().Before(lo) {
			lo = p.Start()
		}
		if p.End().After(hi) {
			hi = p.End()
		}
		return nil
	})
	if lo.IsZero() {
		return "", ""
	}
	return lo.Format(time.DateOnly), hi.Format(time.DateOnly)
}

// datePeriod is the period a date names: a year, a month or a day.
func datePeriod(d value.Date) value.Period {
	switch {
	case d.Month == 0:
		return value.YearPeriod(d.Year)
	case d.Day == 0:
		return value.Period{Year: d.Year, From: d.Month, To: d.Month}
	}
	return value.Period{Year: d.Year, From: d.Month, To: d.Month, Day: d.Day}
}

// DataJSON returns /data.json: the datasets in the Project Open Data
// metadata schema v1.1 (DCAT-US), which US federal harvesters read. The
// schema requires bureauCode and programCode, which only a US federal
// agency has: without them (Catalog.BureauCode) the site writes no
// /data.json, and /catalog.jsonld serves every other harvester.
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
		BureauCode         []string `json:"bureauCode"`
		ProgramCode        []string `json:"programCode"`
		License            string   `json:"license,omitempty"`
		LandingPage        string   `json:"landingPage"`
		Spatial            string   `json:"spatial,omitempty"`
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
		ds := dataset{Type: "dcat:Dataset", Title: d.Title, Description: d.Description, Keyword: d.Keywords,
			Modified: cmp.Or(d.Modified, c.AsOf), Publisher: org{"org:Organization", c.Publisher}, ContactPoint: contact{"vcard:Contact", c.Publisher, "mailto:" + c.Email},
			Identifier: page, AccessLevel: "public", BureauCode: c.BureauCode, ProgramCode: c.ProgramCode, License: c.License.URL, LandingPage: page,
			Spatial: c.Spatial, AccrualPeriodicity: d.Frequency, Language: []string{c.Language}}
		if d.Start != "" {
			ds.Temporal = d.Start + "/" + d.End
		}
		for _, dl := range d.Distributions {
			ds.Distribution = append(ds.Distribution, dist{"dcat:Distribution", Absolute(c.BaseURL, dl.Path), dl.MediaType, dl.Format})
		}
		out.Dataset = append(out.Dataset, ds)
	}
	return json.MarshalIndent(out, "", "  ")
}

// The vocabularies /catalog.jsonld uses, as its inline @context: the
// catalogue is read without fetching anything.
var dcatContext = map[string]string{
	"dcat":  "http://www.w3.org/ns/dcat#",
	"dct":   "http://purl.org/dc/terms/",
	"foaf":  "http://xmlns.com/foaf/0.1/",
	"vcard": "http://www.w3.org/2006/vcard/ns#",
	"skos":  "http://www.w3.org/2004/02/skos/core#",
	"xsd":   "http://www.w3.org/2001/XMLSchema#",
}

// euFrequency names an update frequency (R/P1Y) in the EU frequency
// vocabulary DCAT-AP uses; a frequency it has no name for is left out.
var euFrequency = map[string]string{
	"R/P1D": "DAILY", "R/P1W": "WEEKLY", "R/P2W": "BIWEEKLY", "R/P1M": "MONTHLY", "R/P2M": "BIMONTHLY",
	"R/P3M": "QUARTERLY", "R/P4M": "ANNUAL_3", "R/P6M": "ANNUAL_2", "R/P1Y": "ANNUAL", "R/P2Y": "BIENNIAL", "R/P3Y": "TRIENNIAL",
}

// euLanguage names a site language in the EU language vocabulary.
func euLanguage(lang string) string {
	switch strings.ToLower(strings.SplitN(lang, "-", 2)[0]) {
	case "zh":
		return "ZHO"
	case "en":
		return "ENG"
	}
	return ""
}

// euFileType names a download's format in the EU file-type vocabulary.
var euFileType = map[string]string{"CSV": "CSV", "JSON": "JSON", "XLSX": "XLSX"}

// DCAT returns /catalog.jsonld: the site's datasets as a DCAT catalogue in
// JSON-LD, following DCAT-AP 3 (the EU application profile that national
// portals and CKAN harvest): each dataset with its title, description,
// keywords, publisher, contact point, the period and place it covers, how
// often it is updated, its landing page and its downloads (media type,
// format, licence, size). Literals carry the site's language; nothing in
// it needs a federal field, and its @context is inline.
func DCAT(c Catalog) ([]byte, error) {
	lang := func(s string) map[string]string { return map[string]string{"@value": s, "@language": c.Language} }
	typed := func(s, typ string) map[string]string { return map[string]string{"@value": s, "@type": typ} }
	ref := func(iri string) map[string]string { return map[string]string{"@id": iri} }
	publisher := map[string]any{"@id": Absolute(c.BaseURL, "/#publisher"), "@type": []string{"foaf:Agent", "foaf:Organization"}, "foaf:name": lang(c.Publisher)}
	var license map[string]any
	if c.License.URL != "" {
		license = map[string]any{"@id": c.License.URL, "@type": "dct:LicenseDocument"}
		if c.License.Name != "" {
			license["dct:title"] = c.License.Name
		}
	}
	catalog := map[string]any{
		"@context":      dcatContext,
		"@id":           Absolute(c.BaseURL, "/data/"),
		"@type":         "dcat:Catalog",
		"dct:title":     lang(c.Title),
		"dct:publisher": publisher,
		"foaf:homepage": map[string]any{"@id": Absolute(c.BaseURL, "/"), "@type": "foaf:Document"},
	}
	description := c.Description
	if description == "" || description == c.Title {
		var titles []string
		for _, d := range c.Datasets {
			titles = append(titles, d.Title)
		}
		description = c.Title + ": " + strings.Join(titles, "; ")
	}
	catalog["dct:description"] = lang(description)
	if code := euLanguage(c.Language); code != "" {
		catalog["dct:language"] = map[string]any{"@id": "http://publications.europa.eu/resource/authority/language/" + code, "@type": "dct:LinguisticSystem"}
	}
	if license != nil {
		catalog["dct:license"] = license
	}
	var contact map[string]any
	if c.Email != "" {
		contact = map[string]any{"@type": []string{"vcard:Kind", "vcard:Organization"}, "vcard:fn": c.Publisher, "vcard:hasEmail": ref("mailto:" + c.Email)}
	}
	var modified string
	datasets := []map[string]any{}
	for _, d := range c.Datasets {
		page := Absolute(c.BaseURL, d.Page)
		ds := map[string]any{
			"@id":              page + "#dataset",
			"@type":            "dcat:Dataset",
			"dct:identifier":   page,
			"dct:title":        lang(d.Title),
			"dct:description":  lang(d.Description),
			"dct:publisher":    ref(publisher["@id"].(string)),
			"dct:creator":      ref(publisher["@id"].(string)),
			"dcat:landingPage": map[string]any{"@id": page, "@type": "foaf:Document"},
		}
		var kws []map[string]string
		for _, k := range d.Keywords {
			kws = append(kws, lang(k))
		}
		if len(kws) > 0 {
			ds["dcat:keyword"] = kws
		}
		if contact != nil {
			ds["dcat:contactPoint"] = contact
		}
		if d.Modified != "" {
			ds["dct:modified"] = typed(d.Modified, "xsd:date")
			modified = max(modified, d.Modified)
		}
		if d.Start != "" {
			ds["dct:temporal"] = map[string]any{"@type": "dct:PeriodOfTime", "dcat:startDate": typed(d.Start, "xsd:date"), "dcat:endDate": typed(d.End, "xsd:date")}
		}
		if c.Spatial != "" {
			ds["dct:spatial"] = map[string]any{"@type": "dct:Location", "skos:prefLabel": lang(c.Spatial)}
		}
		if f, ok := euFrequency[d.Frequency]; ok {
			ds["dct:accrualPeriodicity"] = map[string]any{"@id": "http://publications.europa.eu/resource/authority/frequency/" + f, "@type": "dct:Frequency"}
		}
		var dists []map[string]any
		for _, dl := range d.Distributions {
			u := Absolute(c.BaseURL, dl.Path)
			dist := map[string]any{
				"@id":            page + "#" + strings.ToLower(dl.Format),
				"@type":          "dcat:Distribution",
				"dct:title":      dl.Format,
				"dcat:accessURL": ref(u), "dcat:downloadURL": ref(u),
				"dcat:mediaType": map[string]any{"@id": "https://www.iana.org/assignments/media-types/" + dl.MediaType, "@type": "dct:MediaType"},
			}
			if ft, ok := euFileType[dl.Format]; ok {
				dist["dct:format"] = map[string]any{"@id": "http://publications.europa.eu/resource/authority/file-type/" + ft, "@type": "dct:MediaTypeOrExtent"}
			}
			if license != nil {
				dist["dct:license"] = ref(c.License.URL)
			}
			if dl.Bytes > 0 {
				dist["dcat:byteSize"] = typed(strconv.FormatInt(dl.Bytes, 10), "xsd:nonNegativeInteger")
			}
			dists = append(dists, dist)
		}
		if len(dists) > 0 {
			ds["dcat:distribution"] = dists
		}
		datasets = append(datasets, ds)
	}
	catalog["dcat:dataset"] = datasets
	if modified != "" {
		catalog["dct:modified"] = typed(modified, "xsd:date")
	}
	return json.MarshalIndent(catalog, "", "  ")
}

// SchemaOrg returns a dataset's description for search engines, the
// JSON-LD on its page: a schema.org Dataset with its creator and publisher
// (the configured publisher, else the site), keywords, the period and place
// it covers, its columns as PropertyValues with their units, the catalogue
// it belongs to and its downloads.
func SchemaOrg(c Catalog, d Entry) ([]byte, error) {
	abs := func(p string) string { return Absolute(c.BaseURL, p) }
	org := map[string]any{"@type": "Organization", "name": c.Publisher}
	if c.Email != "" {
		org["email"] = c.Email
	}
	ld := map[string]any{
		"@context":              "https://schema.org",
		"@type":                 "Dataset",
		"name":                  d.Title,
		"description":           d.Description,
		"url":                   abs(d.Page),
		"identifier":            d.ID,
		"isAccessibleForFree":   true,
		"inLanguage":            c.Language,
		"creator":               org,
		"publisher":             org,
		"includedInDataCatalog": map[string]any{"@type": "DataCatalog", "name": c.Title, "url": abs("/data/")},
	}
	if len(d.Keywords) > 0 {
		ld["keywords"] = d.Keywords
	}
	if c.License.URL != "" {
		ld["license"] = c.License.URL
	}
	if d.Modified != "" {
		ld["dateModified"] = d.Modified
	}
	if d.Start != "" {
		ld["temporalCoverage"] = interval(d.Start, d.End)
	}
	if c.Spatial != "" {
		ld["spatialCoverage"] = map[string]any{"@type": "Place", "name": c.Spatial}
	}
	var vars []map[string]any
	for _, v := range d.Variables {
		pv := map[string]any{"@type": "PropertyValue", "name": v.Name}
		if v.Description != "" {
			pv["description"] = v.Description
		}
		if v.Unit != "" {
			pv["unitText"] = v.Unit
		}
		if json.Valid([]byte(v.Min)) && json.Valid([]byte(v.Max)) {
			pv["minValue"], pv["maxValue"] = json.Number(v.Min), json.Number(v.Max)
		}
		vars = append(vars, pv)
	}
	if len(vars) > 0 {
		ld["variableMeasured"] = vars
	}
	var dists []map[string]any
	for _, dl := range d.Distributions {
		dists = append(dists, map[string]any{"@type": "DataDownload", "encodingFormat": dl.MediaType, "contentUrl": abs(dl.Path)})
	}
	ld["distribution"] = dists
	return json.Marshal(ld) // escapes <, > and &: the text cannot end the script element
}

// interval writes a period as ISO 8601: whole years as 2011/2016, else days.
func interval(start, end string) string {
	if strings.HasSuffix(start, "-01-01") && strings.HasSuffix(end, "-12-31") {
		start, end = start[:4], end[:4]
		if start == end {
			return start
		}
	}
	return start + "/" + end
}
