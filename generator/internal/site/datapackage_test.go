package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dlclark/regexp2"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"gongkai/generator/internal/starter"
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
				PrimaryKey  []string         `json:"primaryKey"`
				ForeignKeys []foreignKeyJSON `json:"foreignKeys"`
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
		if bytes.HasPrefix(file, []byte("\uFEFF")) { // the frictionless libraries read it into the first header
			t.Errorf("%s: starts with a byte order mark, but is declared utf-8", r.Path)
		}
		rows, err := csv.NewReader(bytes.NewReader(file)).ReadAll()
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

// foreignKeyJSON is a foreign key as a Table Schema writes it.
type foreignKeyJSON struct {
	Fields    []string
	Reference struct {
		Resource string
		Fields   []string
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

// The official schemas the catalogues are held to, kept in
// testdata/schemas/ (their sources are in the README there), each under
// the address it is published at, so their references resolve offline.
var officialSchemas = map[string]string{
	// Frictionless Data Package v1: the profile datapackage.json names
	// ("tabular-data-package") and the dictionary it refers to.
	"https://specs.frictionlessdata.io/schemas/tabular-data-package.json": "frictionless-v1/tabular-data-package.json",
	"https://specs.frictionlessdata.io/schemas/schemas/dictionary.json":   "frictionless-v1/dictionary.json",
	// Frictionless Data Package v2.
	"https://datapackage.org/profiles/2.0/datapackage.json": "frictionless-v2/datapackage.json",
	// Project Open Data v1.1 (DCAT-US).
	"https://project-open-data.cio.gov/v1.1/schema/catalog.json":      "pod-v1.1/catalog.json",
	"https://project-open-data.cio.gov/v1.1/schema/dataset.json":      "pod-v1.1/dataset.json",
	"https://project-open-data.cio.gov/v1.1/schema/distribution.json": "pod-v1.1/distribution.json",
	"https://project-open-data.cio.gov/v1.1/schema/organization.json": "pod-v1.1/organization.json",
	"https://project-open-data.cio.gov/v1.1/schema/vcard.json":        "pod-v1.1/vcard.json",
}

// The schemas by the name tests give them.
const (
	frictionlessV1 = "https://specs.frictionlessdata.io/schemas/tabular-data-package.json"
	frictionlessV2 = "https://datapackage.org/profiles/2.0/datapackage.json"
	podV11         = "https://project-open-data.cio.gov/v1.1/schema/catalog.json"
)

// ecmaRegexp is a JSON Schema pattern as the schemas mean it: ECMA 262
// (the Frictionless schemas use lookaheads, which Go's regexp lacks).
type ecmaRegexp regexp2.Regexp

func (re *ecmaRegexp) MatchString(s string) bool {
	ok, err := (*regexp2.Regexp)(re).MatchString(s)
	return err == nil && ok
}

func (re *ecmaRegexp) String() string { return (*regexp2.Regexp)(re).String() }

// validateOfficial holds a JSON document to the official schema at url,
// formats asserted, and returns every violation, one per line.
func validateOfficial(t *testing.T, url string, doc []byte) error {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	c.UseRegexpEngine(func(s string) (jsonschema.Regexp, error) {
		re, err := regexp2.Compile(s, regexp2.ECMAScript)
		return (*ecmaRegexp)(re), err
	})
	for _, u := range slices.Sorted(maps.Keys(officialSchemas)) {
		f, err := os.Open(filepath.Join("testdata", "schemas", officialSchemas[u]))
		if err != nil {
			t.Fatal(err)
		}
		sch, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", officialSchemas[u], err)
		}
		if err := c.AddResource(u, sch); err != nil {
			t.Fatal(err)
		}
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile %s: %v", url, err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(inst)
}

// TestDataPackageMeetsFrictionlessSchemas holds /datapackage.json of the
// bundled site, of the English starter and of a site declaring every
// constraint to the official Frictionless Data Package v1 (tabular) and
// v2 JSON Schemas.
func TestDataPackageMeetsFrictionlessSchemas(t *testing.T) {
	for name, out := range map[string]memSink{"bundled": buildBundled(t), "starter-en": buildStarter(t, "en"), "constraints": buildConstraintsSite(t)} {
		for _, url := range []string{frictionlessV1, frictionlessV2} {
			if err := validateOfficial(t, url, out["datapackage.json"]); err != nil {
				t.Errorf("%s: datapackage.json against %s:\n%v", name, url, err)
			}
		}
	}
}

// constraintsSite declares every constraint a schema file may in a
// dataset whose values take every form the download writes: numbers in
// another unit and with thousands separators, a declared missing value,
// booleans 是/否, dates of mixed forms, formula-like text, a foreign key.
var constraintsSite = fstest.MapFS{
	"site.toml": {Data: []byte(`title = "约束测试"
description = "一个声明了各种约束的数据集。"
base_url = "https://example.org/portal/"
[license]
name = "CC BY 4.0"
url = "https://creativecommons.org/licenses/by/4.0/"
[publisher]
name = "某某厅"
email = "opendata@example.org"
[catalog]
keywords = ["社会组织", "登记"]
spatial = "广东省"
`)},
	"content/policy/doc.md": {Data: []byte("---\ntitle: 文件\nslug: doc\n---\n\n## 一、目标\n\n1.甲。\n")},
	"data/units.csv":        {Data: []byte("代码,名称\nA01,甲单位\nA02,乙单位\n")},
	"data/units.schema.json": {Data: []byte(`{"title": "单位", "description": "登记单位的代码和名称。",
 "fields": [{"name": "代码", "type": "string", "constraints": {"required": true, "unique": true, "pattern": "A[0-9]{2}"}},
            {"name": "名称", "type": "string"}],
 "primaryKey": ["代码"]}`)},
	"data/registry.csv": {Data: []byte("编号,单位,类别,金额(万元),人数,年度,登记日期,在册,代号,网址\n" +
		"XY001,A01,甲类,\"1,234.5\",3,2013,2013-05-06,是,-abc,https://example.org/a\n" +
		"XY002,A02,=其他,0.01亿元,NA,2014,2014-07,否,xyz,\n" +
		"XY003,A01,乙类,NA,12,2015,,是,,https://example.org/%E4%B8%AD\n")},
	"data/registry.schema.json": {Data: []byte(`{"title": "登记表", "description": "各单位登记的项目、金额和人数。",
 "missingValues": ["", "NA"],
 "fields": [
  {"name": "编号", "type": "string", "format": "code", "description": "项目的登记编号", "constraints": {"required": true, "unique": true, "pattern": "[A-Z]{2}[0-9]{3}"}},
  {"name": "单位", "type": "string", "constraints": {"required": true}},
  {"name": "类别", "type": "string", "constraints": {"required": true, "enum": ["甲类", "乙类", "=其他"]}},
  {"name": "金额", "type": "number", "unit": "万元", "groupChar": ",", "decimalChar": ".", "constraints": {"minimum": 0, "maximum": 10000}},
  {"name": "人数", "type": "integer", "constraints": {"minimum": 1, "maximum": 100}},
  {"name": "年度", "type": "year", "constraints": {"required": true}},
  {"name": "登记日期", "type": "date", "format": "iso,yearmonth"},
  {"name": "在册", "type": "boolean", "constraints": {"required": true}},
  {"name": "代号", "type": "string", "constraints": {"pattern": "-?[a-z]+"}},
  {"name": "网址", "type": "string", "format": "uri"}],
 "primaryKey": ["编号"],
 "foreignKeys": [{"fields": ["单位"], "reference": {"resource": "units", "fields": ["代码"]}}]}`)},
}

// buildConstraintsSite builds constraintsSite into memory.
func buildConstraintsSite(t *testing.T) memSink {
	t.Helper()
	fsys := maps.Clone(constraintsSite)
	themeFiles(t, fsys)
	out := memSink{}
	if _, err := Build(fsys, fixedOpts, out); err != nil {
		t.Fatalf("the constraints site does not build:\n%v", err)
	}
	return out
}

// buildStarter builds the starter portal `gongkai new` writes, in the
// language given.
func buildStarter(t *testing.T, language string) memSink {
	t.Helper()
	fsys := fstest.MapFS{}
	src := starter.FS()
	err := fs.WalkDir(src, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, name)
		if name == "site.toml" {
			data = regexp.MustCompile(`(?m)^language = .*$`).ReplaceAll(data, []byte(`language = "`+language+`"`))
		}
		fsys[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	themeFiles(t, fsys)
	out := memSink{}
	if _, err := Build(fsys, fixedOpts, out); err != nil {
		t.Fatalf("the starter does not build:\n%v", err)
	}
	return out
}

// TestDataPackagePublishesDeclaredConstraints: every constraint a schema
// file declares is in the resource's published Table Schema, in the form
// the CSV writes the values (an enum value or pattern allowing for the
// "'" before formula-like text), with the keys; the types say what the
// CSV holds.
func TestDataPackagePublishesDeclaredConstraints(t *testing.T) {
	out := buildConstraintsSite(t)
	type field struct {
		Name, Type, Format, DecimalChar string
		TrueValues, FalseValues         []string
		Constraints                     map[string]any
	}
	type schema struct {
		Fields        []field
		PrimaryKey    []string         `json:"primaryKey"`
		MissingValues []string         `json:"missingValues"`
		ForeignKeys   []foreignKeyJSON `json:"foreignKeys"`
	}
	var dp struct {
		Keywords     []string
		Contributors []map[string]string
		Resources    []struct {
			Name, Title, Description string
			Schema                   schema
		}
	}
	if err := json.Unmarshal(out["datapackage.json"], &dp); err != nil {
		t.Fatal(err)
	}
	published := map[string]schema{}
	for _, r := range dp.Resources {
		published[r.Name] = r.Schema
		if r.Description == "" || r.Description == r.Title {
			t.Errorf("%s: description %q repeats the title", r.Name, r.Description)
		}
	}
	if !slices.Equal(dp.Keywords, []string{"社会组织", "登记"}) || len(dp.Contributors) != 1 || dp.Contributors[0]["title"] != "某某厅" || dp.Contributors[0]["role"] != "publisher" {
		t.Errorf("keywords %v, contributors %v", dp.Keywords, dp.Contributors)
	}
	for _, id := range []string{"registry", "units"} {
		var declared schema
		if err := json.Unmarshal(constraintsSite["data/"+id+".schema.json"].Data, &declared); err != nil {
			t.Fatal(err)
		}
		got := published[id]
		byName := map[string]field{}
		for _, f := range got.Fields {
			byName[strings.TrimSuffix(f.Name, "(万元)")] = f
		}
		for _, want := range declared.Fields {
			f, ok := byName[want.Name]
			if !ok {
				t.Errorf("%s: field %s is not published", id, want.Name)
				continue
			}
			for key, w := range want.Constraints {
				g := f.Constraints[key]
				switch key {
				case "enum":
					var ws []any
					for _, v := range w.([]any) {
						ws = append(ws, neutralized(v.(string)))
					}
					w = ws
				case "pattern":
					if p, _ := g.(string); p == "'?("+w.(string)+")" {
						g = w // some values are written after a "'"
					}
				}
				if fmt.Sprint(g) != fmt.Sprint(w) {
					t.Errorf("%s.%s: constraint %s published as %v, declared %v", id, want.Name, key, g, w)
				}
			}
		}
		if !slices.Equal(got.PrimaryKey, declared.PrimaryKey) || !slices.Equal(got.MissingValues, []string{""}) {
			t.Errorf("%s: primaryKey %v, missingValues %q", id, got.PrimaryKey, got.MissingValues)
		}
		if len(got.ForeignKeys) != len(declared.ForeignKeys) {
			t.Errorf("%s: %d foreign keys published, %d declared", id, len(got.ForeignKeys), len(declared.ForeignKeys))
		}
	}
	reg := published["registry"]
	fk := reg.ForeignKeys[0]
	if !slices.Equal(fk.Fields, []string{"单位"}) || fk.Reference.Resource != "units" || !slices.Equal(fk.Reference.Fields, []string{"代码"}) {
		t.Errorf("foreign key %+v", fk)
	}
	types := map[string]string{}
	for _, f := range reg.Fields {
		types[f.Name] = f.Type + "/" + f.Format + "/" + f.DecimalChar + "/" + strings.Join(f.TrueValues, "") + strings.Join(f.FalseValues, "")
	}
	want := map[string]string{"编号": "string///", "金额(万元)": "number//./", "人数": "integer///", "年度": "year///",
		"登记日期": "string///", "在册": "boolean///是否", "网址": "string/uri//"}
	for name, w := range want {
		if types[name] != w {
			t.Errorf("registry.%s: type/format/decimalChar/trueValues falseValues %q, want %q", name, types[name], w)
		}
	}
	for _, f := range reg.Fields {
		if f.Name == "登记日期" && f.Constraints["pattern"] == nil {
			t.Error("registry.登记日期 holds days and months, but its pattern does not say so")
		}
	}
}

// neutralized is a text as the CSV writes it.
func neutralized(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// validators is the path of the validators' script (testdata/validators,
// installed by make test); a missing install skips the test locally and
// fails it in CI.
func validators(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "validators"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = os.Stat(filepath.Join(dir, "node_modules", "datapackage"))
	if err == nil {
		_, err = exec.LookPath("node")
	}
	if err != nil {
		msg := "the catalogue validators are not installed: run `make test` (npm ci in generator/internal/site/testdata/validators; needs Node.js)"
		if os.Getenv("CI") != "" || os.Getenv("GONGKAI_REQUIRE_BROWSER") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return filepath.Join(dir, "validate.mjs")
}

// runValidator runs validate.mjs with args and decodes its report.
func runValidator(t *testing.T, script string, report any, args ...string) {
	t.Helper()
	cmd := exec.Command("node", append([]string{script}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s %v: %v\n%s", filepath.Base(script), args, err, stderr.Bytes())
	}
	if err := json.Unmarshal(b, report); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
}

// writeOut writes the named output files (and every file under data/) to
// a folder, as a web server would serve them.
func writeOut(t *testing.T, out memSink, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for name, b := range out {
		if !slices.Contains(names, name) && !strings.HasPrefix(name, "data/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestDataPackageCastsWithFrictionless loads /datapackage.json with the
// frictionless JavaScript libraries (datapackage-js and tableschema-js,
// the Table Schema implementation the ecosystem's tools build on) and
// casts every row of every resource: each value to its field's type, each
// declared constraint checked, unique and primary keys unique, foreign keys
// resolved. Any row that does not cast fails the test, on the bundled
// site, the English starter and a site declaring every constraint.
func TestDataPackageCastsWithFrictionless(t *testing.T) {
	script := validators(t)
	for name, out := range map[string]memSink{"bundled": buildBundled(t), "starter-en": buildStarter(t, "en"), "constraints": buildConstraintsSite(t)} {
		var report struct {
			Valid     bool
			Errors    []string
			Resources []struct {
				Name   string
				Rows   int
				Errors []string
			}
		}
		runValidator(t, script, &report, "package", writeOut(t, out, "datapackage.json"))
		if !report.Valid || len(report.Errors) > 0 {
			t.Errorf("%s: datapackage.json is not a valid descriptor: %v", name, report.Errors)
		}
		var dp struct{ Resources []struct{ Name, Path string } }
		if err := json.Unmarshal(out["datapackage.json"], &dp); err != nil {
			t.Fatal(err)
		}
		if len(report.Resources) != len(dp.Resources) {
			t.Errorf("%s: %d resources loaded of %d", name, len(report.Resources), len(dp.Resources))
		}
		for i, r := range report.Resources {
			rows := bytes.Count(out[dp.Resources[i].Path], []byte("\n")) - 1 // no value of these files spans lines
			for _, e := range r.Errors {
				t.Errorf("%s: %s: %s", name, r.Name, e)
			}
			if len(r.Errors) == 0 && r.Rows != rows {
				t.Errorf("%s: %s: %d rows cast, the CSV has %d", name, r.Name, r.Rows, rows)
			}
		}
	}
}
