package site

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// federalSite is constraintsSite published by a US federal agency: with
// [catalog.pod] it also writes /data.json.
func federalSite(t *testing.T) memSink {
	t.Helper()
	fsys := maps.Clone(constraintsSite)
	fsys["site.toml"] = &fstest.MapFile{Data: append(slices.Clone(constraintsSite["site.toml"].Data),
		"[catalog.pod]\nbureau_code = [\"015:11\"]\nprogram_code = [\"015:001\"]\n"...)}
	fsys["data/budgets/2013.csv"] = &fstest.MapFile{Data: []byte("年度,阶段,部门,科目编码,科目名称,金额(万元)\n2013,预算,甲厅,208,社会保障和就业,1\n2015,预算,甲厅,208,社会保障和就业,1\n")}
	fsys["data/budgets.schema.json"] = &fstest.MapFile{Data: []byte(`{"sample": true, "accrualPeriodicity": "R/P1Y", "updated": "2016-01-05"}`)}
	fsys["data/预算/quick.csv"] = &fstest.MapFile{Data: []byte("名称,数值\n甲,1\n")}
	themeFiles(t, fsys)
	out := memSink{}
	if _, err := Build(fsys, fixedOpts, out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDataJSONOnlyForFederalPublishers: /data.json is Project Open Data
// v1.1, whose schema requires the US federal bureauCode and programCode.
// With [catalog.pod] the site writes it, and it passes the official schema;
// without, there is none — not even with a publisher's email — since a
// data.json that fails its schema is refused by the harvesters that read it
// (catalog.jsonld serves every other one).
func TestDataJSONOnlyForFederalPublishers(t *testing.T) {
	out := federalSite(t)
	if err := validateOfficial(t, podV11, out["data.json"]); err != nil {
		t.Errorf("data.json against Project Open Data v1.1:\n%v\n%s", err, out["data.json"])
	}
	var cat struct {
		Dataset []struct {
			Title, Description, Modified, Temporal, AccrualPeriodicity, Spatial string
			Keyword, BureauCode, ProgramCode, Language                          []string
			Publisher                                                           map[string]string
			Distribution                                                        []map[string]string
		}
	}
	if err := json.Unmarshal(out["data.json"], &cat); err != nil {
		t.Fatal(err)
	}
	if len(cat.Dataset) != 4 {
		t.Fatalf("%d datasets", len(cat.Dataset))
	}
	for _, d := range cat.Dataset {
		if d.Description == d.Title || !slices.Contains(d.Keyword, "社会组织") || d.Publisher["name"] != "某某厅" || d.Spatial != "广东省" ||
			!slices.Equal(d.BureauCode, []string{"015:11"}) || !slices.Equal(d.Language, []string{"zh-CN"}) {
			t.Errorf("%s: description %q, keywords %v, publisher %v, spatial %q, bureau %v, language %v", d.Title, d.Description, d.Keyword, d.Publisher, d.Spatial, d.BureauCode, d.Language)
		}
		if _, err := time.Parse(time.DateOnly, d.Modified); err != nil {
			t.Errorf("%s: modified %q", d.Title, d.Modified)
		}
		for _, dist := range d.Distribution {
			if _, ok := out[strings.TrimPrefix(dist["downloadURL"], "https://example.org/portal/")]; !ok {
				t.Errorf("%s: %s is not published", d.Title, dist["downloadURL"])
			}
		}
	}
	if b := cat.Dataset[0]; b.Temporal != "2013-01-01/2015-12-31" || b.AccrualPeriodicity != "R/P1Y" || b.Modified != "2016-01-05" || !strings.Contains(b.Description, "示例数据") {
		t.Errorf("budgets: temporal %v, frequency %v, modified %v, description %v", b.Temporal, b.AccrualPeriodicity, b.Modified, b.Description)
	}
	if _, ok := buildConstraintsSite(t)["data.json"]; ok {
		t.Error("a site with a publisher's email but no [catalog.pod] has a data.json")
	}
	if _, ok := buildBundled(t)["data.json"]; ok {
		t.Error("the bundled site has a data.json")
	}
}

// TestDCATCatalogPassesSHACL holds /catalog.jsonld to DCAT-AP 3.0.1: the
// official SHACL shapes (testdata/schemas/dcat-ap-3.0.1) by
// rdf-validate-shacl, after jsonld.js has expanded it in safe mode (a term
// the context does not define, which a JSON-LD processor would silently
// drop, is an error). Every result, even a warning, fails the test.
func TestDCATCatalogPassesSHACL(t *testing.T) {
	script := validators(t)
	shapes, err := filepath.Abs(filepath.Join("testdata", "schemas", "dcat-ap-3.0.1", "dcat-ap-SHACL.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]memSink{"bundled": buildBundled(t), "starter-en": buildStarter(t, "en"), "constraints": buildConstraintsSite(t), "federal": federalSite(t)} {
		var report struct {
			Conforms bool
			Errors   []string
			Triples  int
			Results  []struct{ Severity, Focus, Path, Message string }
		}
		dir := writeOut(t, out, "catalog.jsonld")
		runValidator(t, script, &report, "dcat", filepath.Join(dir, "catalog.jsonld"), shapes)
		for _, e := range report.Errors {
			t.Errorf("%s: %s", name, e)
		}
		for _, r := range report.Results {
			t.Errorf("%s: %s %s %s: %s", name, r.Severity, r.Focus, r.Path, r.Message)
		}
		if !report.Conforms && len(report.Results) == 0 && len(report.Errors) == 0 || report.Triples < 50 {
			t.Errorf("%s: conforms %v with %d triples", name, report.Conforms, report.Triples)
		}
	}
}

// TestCatalogsDescribe: the DCAT catalogue and the datasets' JSON-LD say
// what the settings and the data say — the configured publisher (not the
// site's title), the site's keywords and the columns' titles, the period
// from the year column, the place, each column as a PropertyValue with its
// unit — and no description merely repeats its title.
func TestCatalogsDescribe(t *testing.T) {
	out := buildConstraintsSite(t)
	var cat struct {
		Publisher struct {
			Name map[string]string `json:"foaf:name"`
		} `json:"dct:publisher"`
		Dataset []map[string]json.RawMessage `json:"dcat:dataset"`
	}
	if err := json.Unmarshal(out["catalog.jsonld"], &cat); err != nil {
		t.Fatal(err)
	}
	if cat.Publisher.Name["@value"] != "某某厅" || len(cat.Dataset) != 2 {
		t.Fatalf("publisher %v, %d datasets", cat.Publisher.Name, len(cat.Dataset))
	}
	for _, d := range cat.Dataset {
		if string(d["dct:title"]) == string(d["dct:description"]) || d["dcat:keyword"] == nil || d["dct:spatial"] == nil || d["dcat:contactPoint"] == nil {
			t.Errorf("dataset %s: description %s, keywords %s, spatial %s", d["dct:title"], d["dct:description"], d["dcat:keyword"], d["dct:spatial"])
		}
	}
	var reg map[string]json.RawMessage
	for _, d := range cat.Dataset {
		if strings.Contains(string(d["@id"]), "/data/registry/") {
			reg = d
		}
	}
	if !strings.Contains(string(reg["dct:temporal"]), `"2013-01-01"`) || !strings.Contains(string(reg["dct:temporal"]), `"2015-12-31"`) {
		t.Errorf("registry: temporal %s", reg["dct:temporal"])
	}

	script := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindSubmatch(out["data/registry/index.html"])
	if script == nil {
		t.Fatal("the dataset's page has no JSON-LD")
	}
	var ld struct {
		Type, Name, Description, TemporalCoverage string
		Creator, Publisher                        map[string]string
		SpatialCoverage                           map[string]string
		Keywords                                  []string
		VariableMeasured                          []map[string]any
	}
	if err := json.Unmarshal(script[1], &ld); err != nil {
		t.Fatal(err)
	}
	if ld.Name != "登记表" || ld.Description == ld.Name || ld.Creator["name"] != "某某厅" || ld.Publisher["name"] != "某某厅" ||
		ld.TemporalCoverage != "2013/2015" || ld.SpatialCoverage["name"] != "广东省" || !slices.Contains(ld.Keywords, "登记") || !slices.Contains(ld.Keywords, "金额(万元)") {
		t.Errorf("JSON-LD: %s", script[1])
	}
	var amount map[string]any
	for _, v := range ld.VariableMeasured {
		if v["@type"] != "PropertyValue" {
			t.Errorf("variableMeasured %v is not a PropertyValue", v)
		}
		if v["name"] == "金额(万元)" {
			amount = v
		}
	}
	if amount["unitText"] != "万元" || amount["minValue"] != 100.0 || amount["maxValue"] != 1234.5 {
		t.Errorf("variableMeasured 金额: %v", amount)
	}
	// Without [publisher], the site publishes its data.
	page := string(buildBundled(t)["data/budgets/index.html"])
	if !strings.Contains(page, `"publisher":{"@type":"Organization","name":"广东社会建设“1+7”政策公开"}`) || !strings.Contains(page, `"temporalCoverage":"2011/2016"`) {
		t.Errorf("bundled budgets page JSON-LD:\n%s", regexp.MustCompile(`<script type="application/ld\+json">.*?</script>`).FindString(page))
	}
}
