package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestDataPackageIsValid checks /datapackage.json of the bundled site
// against the Frictionless rules: a tabular data package whose resources
// have valid, unique names, relative paths, the size and SHA-256 of the
// published files, a Table Schema whose fields match the file's header, whose
// types are Frictionless types every value conforms to, and whose keys name
// existing fields and resources.
func TestDataPackageIsValid(t *testing.T) {
	out := buildBundled(t)
	var dp struct {
		Profile   string `json:"profile"`
		Licenses  []map[string]string
		Sources   []map[string]string
		Resources []struct {
			Name, Path, Profile, Format, Mediatype, Encoding, Hash string
			Bytes                                                  int64
			Sample                                                 bool
			Sources                                                []map[string]string
			Schema                                                 struct {
				Fields []struct {
					Name, Type, Format      string
					TrueValues, FalseValues []string
				}
				PrimaryKey  []string `json:"primaryKey"`
				ForeignKeys []struct {
					Fields    []string
					Reference struct {
						Resource string
						Fields   []string
					}
				} `json:"foreignKeys"`
			}
		}
	}
	if err := json.Unmarshal(out["datapackage.json"], &dp); err != nil {
		t.Fatal(err)
	}
	if dp.Profile != "tabular-data-package" || len(dp.Resources) < 8 || len(dp.Licenses) == 0 || dp.Licenses[0]["title"] == "" {
		t.Fatalf("package: profile %q, %d resources, licenses %v", dp.Profile, len(dp.Resources), dp.Licenses)
	}
	// Sources (Frictionless): each has a title; a path is a web address.
	// Every resource of the bundled site says where its data comes from,
	// sample data that it is made up.
	sourcesOK := func(ss []map[string]string) bool {
		for _, s := range ss {
			if s["title"] == "" || s["path"] != "" && !strings.HasPrefix(s["path"], "https://") && !strings.HasPrefix(s["path"], "http://") {
				return false
			}
		}
		return len(ss) > 0
	}
	if !sourcesOK(dp.Sources) {
		t.Errorf("package sources %v", dp.Sources)
	}
	for _, r := range dp.Resources {
		if !sourcesOK(r.Sources) || r.Sample && !strings.Contains(r.Sources[0]["title"], "示例数据") {
			t.Errorf("resource %s: sources %v", r.Name, r.Sources)
		}
	}
	name := regexp.MustCompile(`^[-a-z0-9._/]+$`)
	types := map[string]bool{"string": true, "number": true, "integer": true, "boolean": true, "date": true, "year": true}
	fieldsOf := map[string][]string{}
	for _, r := range dp.Resources {
		for _, f := range r.Schema.Fields {
			fieldsOf[r.Name] = append(fieldsOf[r.Name], f.Name)
		}
	}
	seen := map[string]bool{}
	for _, r := range dp.Resources {
		if !name.MatchString(r.Name) || seen[r.Name] {
			t.Errorf("resource name %q is not a valid unique name", r.Name)
		}
		seen[r.Name] = true
		file, ok := out[r.Path]
		if !ok || r.Profile != "tabular-data-resource" || r.Format != "csv" || r.Mediatype != "text/csv" || r.Encoding != "utf-8" {
			t.Errorf("%s: path %q (published: %v), profile %q, format %q", r.Name, r.Path, ok, r.Profile, r.Format)
			continue
		}
		sum := sha256.Sum256(file)
		if r.Bytes != int64(len(file)) || r.Hash != "sha256:"+hex.EncodeToString(sum[:]) {
			t.Errorf("%s: bytes %d and hash %s do not match the file (%d bytes)", r.Name, r.Bytes, r.Hash, len(file))
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", r.Path, err)
		}
		if !slices.Equal(rows[0], fieldsOf[r.Name]) {
			t.Errorf("%s: header %v, schema fields %v", r.Name, rows[0], fieldsOf[r.Name])
		}
		for i, f := range r.Schema.Fields {
			if !types[f.Type] {
				t.Errorf("%s.%s: type %q", r.Name, f.Name, f.Type)
			}
			for _, row := range rows[1:] {
				if v := row[i]; v != "" && !conforms(v, f.Type, f.TrueValues, f.FalseValues) {
					t.Errorf("%s.%s: %q is not a %s", r.Name, f.Name, v, f.Type)
					break
				}
			}
		}
		for _, k := range r.Schema.PrimaryKey {
			if !slices.Contains(fieldsOf[r.Name], k) {
				t.Errorf("%s: primary key %q is not a field", r.Name, k)
			}
		}
		for _, fk := range r.Schema.ForeignKeys {
			target, ok := fieldsOf[fk.Reference.Resource]
			if !ok || !slices.Contains(target, fk.Reference.Fields[0]) || !slices.Contains(fieldsOf[r.Name], fk.Fields[0]) {
				t.Errorf("%s: foreign key %v → %s.%v does not name existing fields", r.Name, fk.Fields, fk.Reference.Resource, fk.Reference.Fields)
			}
		}
	}
}

// conforms reports whether a CSV value is of a Frictionless type (default formats).
func conforms(v, typ string, trueValues, falseValues []string) bool {
	switch typ {
	case "integer":
		_, err := strconv.ParseInt(v, 10, 64)
		return err == nil
	case "number":
		_, err := strconv.ParseFloat(v, 64)
		return err == nil
	case "year":
		_, err := time.Parse("2006", v)
		return err == nil
	case "date":
		_, err := time.Parse(time.DateOnly, v)
		return err == nil
	case "boolean":
		return slices.Contains(trueValues, v) || slices.Contains(falseValues, v)
	}
	return true
}

// TestDataJSONHasEveryRequiredField: with a publisher and its email set,
// /data.json is a Project Open Data v1.1 catalogue whose every dataset has
// every required field; without an email there is no /data.json (a
// catalogue with no way to reach anyone would mislead harvesters).
func TestDataJSONHasEveryRequiredField(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                {Data: []byte("title = \"测试\"\nbase_url = \"https://example.org/portal/\"\n[license]\nname = \"CC BY 4.0\"\nurl = \"https://creativecommons.org/licenses/by/4.0/\"\n[publisher]\nname = \"某某厅\"\nemail = \"opendata@example.org\"\n")},
		"content/policy/doc.md":    {Data: []byte("---\ntitle: 文件\nslug: doc\n---\n\n## 一、目标\n\n1.甲。\n")},
		"data/budgets/2013.csv":    {Data: []byte("年度,阶段,部门,科目编码,科目名称,金额(万元)\n2013,预算,甲厅,208,社会保障和就业,1\n2015,预算,甲厅,208,社会保障和就业,1\n")},
		"data/budgets.schema.json": {Data: []byte(`{"sample": true, "accrualPeriodicity": "R/P1Y", "updated": "2016-01-05"}`)},
		"data/预算/quick.csv":        {Data: []byte("名称,数值\n甲,1\n")},
	}
	themeFiles(t, fsys)
	out := memSink{}
	if _, err := Build(fsys, fixedOpts, out); err != nil {
		t.Fatal(err)
	}
	var cat struct {
		Type       string `json:"@type"`
		ConformsTo string `json:"conformsTo"`
		Dataset    []map[string]any
	}
	if err := json.Unmarshal(out["data.json"], &cat); err != nil {
		t.Fatalf("%v\n%s", err, out["data.json"])
	}
	if cat.Type != "dcat:Catalog" || cat.ConformsTo != "https://project-open-data.cio.gov/v1.1/schema" || len(cat.Dataset) != 2 {
		t.Fatalf("catalogue %s, %s, %d datasets", cat.Type, cat.ConformsTo, len(cat.Dataset))
	}
	for _, d := range cat.Dataset {
		for _, key := range []string{"title", "description", "modified", "identifier", "accessLevel", "landingPage", "license"} {
			if s, _ := d[key].(string); s == "" {
				t.Errorf("%v: no %s", d["title"], key)
			}
		}
		if _, err := time.Parse(time.DateOnly, d["modified"].(string)); err != nil {
			t.Errorf("%v: modified %v", d["title"], d["modified"])
		}
		if kw, _ := d["keyword"].([]any); len(kw) == 0 {
			t.Errorf("%v: no keyword", d["title"])
		}
		pub, _ := d["publisher"].(map[string]any)
		cp, _ := d["contactPoint"].(map[string]any)
		if pub["name"] != "某某厅" || cp["fn"] != "某某厅" || cp["hasEmail"] != "mailto:opendata@example.org" {
			t.Errorf("%v: publisher %v, contact %v", d["title"], pub, cp)
		}
		dists, _ := d["distribution"].([]any)
		for _, x := range dists {
			dist := x.(map[string]any)
			u, _ := dist["downloadURL"].(string)
			if !strings.HasPrefix(u, "https://example.org/portal/data/") || dist["mediaType"] == "" {
				t.Errorf("%v: distribution %v", d["title"], dist)
			}
			if _, ok := out[strings.TrimPrefix(u, "https://example.org/portal/")]; !ok {
				t.Errorf("%v: %s is not published", d["title"], u)
			}
		}
		if len(dists) != 2 {
			t.Errorf("%v: %d distributions", d["title"], len(dists))
		}
	}
	if b := cat.Dataset[0]; b["temporal"] != "2013-01-01/2015-12-31" || b["accrualPeriodicity"] != "R/P1Y" || b["modified"] != "2016-01-05" || !strings.Contains(b["description"].(string), "示例数据") {
		t.Errorf("budgets: temporal %v, frequency %v, modified %v, description %v", b["temporal"], b["accrualPeriodicity"], b["modified"], b["description"])
	}
	if _, ok := buildBundled(t)["data.json"]; ok {
		t.Error("the bundled site, which names no contact, has a data.json")
	}
}
