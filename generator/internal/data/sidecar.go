package data

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"time"

	"gongkai/generator/internal/data/value"
	"gongkai/generator/internal/diag"
)

// sidecar is a Frictionless Table Schema declared beside a CSV file as
// NAME.schema.json, with gongkai's few additions: a dataset "title",
// "description" and "sample" (true when the data is sample data, 示例数据), a
// field "unit" and "hierarchy" (codes that nest, see Hierarchy), and the
// string formats "code" and "uscc".
type sidecar struct {
	schema             Schema
	title, description string
	sample             bool
	updated            string // YYYY-MM-DD: when the data last changed, as its publisher declares
	frequency          string // accrualPeriodicity, e.g. R/P1Y
	sources            []Source
	hasFields          bool
	hierOff            int // where the hierarchy is declared, for messages
}

// SidecarPath is the schema file declared for a CSV file or workbook.
func SidecarPath(csvPath string) string { return stem(csvPath) + ".schema.json" }

// loadSidecar reads the schema declared beside csvPath, if there is one.
func loadSidecar(fsys fs.FS, csvPath string, opts Options) (sidecar, bool, []diag.Diagnostic) {
	return readSidecar(fsys, SidecarPath(csvPath), opts, false)
}

// readSidecar reads a schema file. With metaOnly (a built-in kind, whose
// columns are fixed) it may only describe the dataset, not declare fields.
func readSidecar(fsys fs.FS, p string, opts Options, metaOnly bool) (sidecar, bool, []diag.Diagnostic) {
	src, err := fs.ReadFile(fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		return sidecar{}, false, nil
	}
	fail := func(off int, msg string) (sidecar, bool, []diag.Diagnostic) {
		line, col := diag.LineCol(src, off)
		return sidecar{}, true, []diag.Diagnostic{{Pos: diag.Pos{File: p, Line: line, Col: col}, Message: msg}}
	}
	if err != nil {
		return fail(0, "cannot read: "+unwrapPathErr(err).Error())
	}
	root, err := parseJSON(src)
	if err != nil {
		var je *jsonError
		errors.As(err, &je)
		return fail(je.off, je.msg)
	}
	var sc sidecar
	sc.schema = Schema{Numbers: opts.Numbers, MissingValues: slices.Clone(opts.MissingValues)}
	var errs []diag.Diagnostic
	report := func(err error) {
		var je *jsonError
		if errors.As(err, &je) {
			line, col := diag.LineCol(src, je.off)
			errs = append(errs, diag.Diagnostic{Pos: diag.Pos{File: p, Line: line, Col: col}, Message: je.msg})
		}
	}
	if err := root.expect('{', "the schema"); err != nil {
		report(err)
		return sc, true, errs
	}
	for i, k := range root.keys {
		v := root.vals[i]
		var err error
		switch k {
		case "fields", "primaryKey", "foreignKeys", "missingValues":
			if metaOnly {
				err = &jsonError{root.koffs[i], fmt.Sprintf("the columns of this built-in dataset are fixed: its schema file may only describe it (title, description, sample, updated, accrualPeriodicity, sources), not %q", k)}
				break
			}
			switch k {
			case "fields":
				err = sc.fields(v)
			case "primaryKey":
				sc.schema.PrimaryKey, err = v.strings("primaryKey")
			case "foreignKeys":
				err = sc.foreignKeys(v)
			case "missingValues":
				sc.schema.MissingValues, err = v.strings("missingValues")
			}
		case "title":
			if err = v.expect('"', "title"); err == nil {
				sc.title = v.str
			}
		case "description":
			if err = v.expect('"', "description"); err == nil {
				sc.description = v.str
			}
		case "sample":
			if err = v.expect('b', "sample"); err == nil {
				sc.sample = v.b
			}
		case "updated":
			if err = v.expect('"', "updated"); err == nil {
				if _, perr := time.Parse(time.DateOnly, v.str); perr != nil {
					err = &jsonError{v.off, fmt.Sprintf("updated %q must be a date written YYYY-MM-DD", v.str)}
				}
				sc.updated = v.str
			}
		case "accrualPeriodicity":
			if err = v.expect('"', "accrualPeriodicity"); err == nil {
				if _, ok := ParseFrequency(v.str); !ok {
					err = &jsonError{v.off, fmt.Sprintf("accrualPeriodicity %q must be how often the data is updated, written R/P1Y (yearly), R/P6M (every six months), R/P3M, R/P1M, R/P1W or R/P1D", v.str)}
				}
				sc.frequency = v.str
			}
		case "sources":
			sc.sources, err = readSources(v)
		case "$schema":
		default:
			err = &jsonError{root.koffs[i], fmt.Sprintf("unknown key %q; a schema has fields, primaryKey, foreignKeys, missingValues, title, description, sample, updated, accrualPeriodicity and sources", k)}
		}
		if err != nil {
			report(err)
		}
	}
	sc.hasFields = len(sc.schema.Fields) > 0
	if !metaOnly && len(sc.schema.Fields) == 0 && len(errs) == 0 {
		report(&jsonError{root.off, `the schema has no "fields": list the columns, e.g. "fields": [{"name": "年度", "type": "year"}]`})
	}
	for _, k := range sc.schema.PrimaryKey {
		if sc.schema.Field(k) == nil {
			report(&jsonError{root.off, fmt.Sprintf("primaryKey names %q, which is not one of the fields", k)})
		}
	}
	if err := sc.checkHierarchy(); err != nil {
		report(err)
	}
	return sc, true, errs
}

func (sc *sidecar) fields(v *jnode) error {
	if err := v.expect('[', "fields"); err != nil {
		return err
	}
	for _, fn := range v.vals {
		if err := fn.expect('{', "each field"); err != nil {
			return err
		}
		f := Field{Type: String}
		var hier *Hierarchy // declared on this field
		var nf *value.NumberFormat
		format := ""
		for i, k := range fn.keys {
			fv := fn.vals[i]
			var err error
			switch k {
			case "name", "title", "description", "type", "format", "unit", "groupChar", "decimalChar":
				if err = fv.expect('"', k); err != nil {
					return err
				}
			}
			switch k {
			case "name":
				f.Name = normalizeHeader(fv.str)
			case "title":
				f.Title = fv.str
			case "description":
				f.Description = fv.str
			case "type":
				switch fv.str {
				case "string", "number", "integer", "boolean", "date", "year":
					f.Type = Type(fv.str)
				case "any":
					f.Type = String
				default:
					return &jsonError{fv.off, fmt.Sprintf("type %q is not supported; use string, number, integer, boolean, date or year", fv.str)}
				}
			case "format":
				format = fv.str
			case "unit":
				f.Unit = fv.str
			case "groupChar", "decimalChar":
				if nf == nil {
					c := sc.schema.Numbers
					nf = &c
				}
				if k == "groupChar" {
					nf.Group = fv.str
				} else {
					nf.Decimal = fv.str
				}
			case "bareNumber":
				if err = fv.expect('b', k); err != nil {
					return err
				}
				f.AnySuffix = !fv.b
			case "constraints":
				err = constraints(&f, fv)
			case "hierarchy":
				err = sc.hierarchy(fv)
				hier = sc.schema.Hierarchy
			default:
				return &jsonError{fn.koffs[i], fmt.Sprintf("unknown field key %q; a field has name, title, description, type, format, unit, constraints, groupChar, decimalChar, bareNumber and hierarchy", k)}
			}
			if err != nil {
				return err
			}
		}
		if f.Name == "" {
			return &jsonError{fn.off, `a field has no "name": give the column's header as it is written in the CSV file`}
		}
		if err := applyFormat(&f, format, fn.off); err != nil {
			return err
		}
		f.Numbers = nf
		if hier != nil {
			if f.Type != String && f.Type != Code {
				return &jsonError{sc.hierOff, fmt.Sprintf("the codes of a hierarchy are compared as text (208 holds 20802): declare the field %q as \"type\": \"string\", \"format\": \"code\"", f.Name)}
			}
			hier.Code = f.Name
		}
		if sc.schema.Field(f.Name) != nil {
			return &jsonError{fn.off, fmt.Sprintf("the field %q is declared twice", f.Name)}
		}
		sc.schema.Fields = append(sc.schema.Fields, f)
	}
	return nil
}

func applyFormat(f *Field, format string, off int) error {
	if format == "" || format == "default" {
		return nil
	}
	switch {
	case f.Type == String && format == "uri":
		f.Type = URL
	case f.Type == String && format == "code":
		f.Type = Code
	case f.Type == String && format == "uscc":
		f.Type = USCC
	case f.Type == Date && format == "any":
		f.DateFormats = defaultDateFormats
	case f.Type == Date:
		for _, df := range strings.Split(format, ",") {
			df = strings.TrimSpace(df)
			if !slices.Contains([]string{"iso", "slash", "chinese", "year", "yearmonth", "excel"}, df) {
				return &jsonError{off, fmt.Sprintf("date format %q is not supported; use any of iso, slash, chinese, year, yearmonth, excel (comma-separated)", df)}
			}
			f.DateFormats = append(f.DateFormats, df)
		}
	default:
		return &jsonError{off, fmt.Sprintf("format %q is not supported for type %s", format, f.Type)}
	}
	return nil
}

func constraints(f *Field, v *jnode) error {
	if err := v.expect('{', "constraints"); err != nil {
		return err
	}
	for i, k := range v.keys {
		cv := v.vals[i]
		var err error
		switch k {
		case "required", "unique":
			if err = cv.expect('b', k); err == nil {
				if k == "required" {
					f.Required = cv.b
				} else {
					f.Unique = cv.b
				}
			}
		case "enum":
			f.Enum, err = cv.strings("enum")
		case "pattern":
			if err = cv.expect('"', k); err == nil {
				var re *regexp.Regexp
				if re, err = regexp.Compile("^(?:" + cv.str + ")$"); err != nil {
					err = &jsonError{cv.off, fmt.Sprintf("pattern %q is not a valid regular expression: %v", cv.str, err)}
				}
				f.Pattern = re
			}
		case "minimum", "maximum":
			if err = cv.expect('n', k); err == nil {
				x, _ := cv.num.Float64()
				if k == "minimum" {
					f.Minimum = &x
				} else {
					f.Maximum = &x
				}
			}
		default:
			err = &jsonError{v.koffs[i], fmt.Sprintf("constraint %q is not supported; use required, unique, enum, pattern, minimum, maximum", k)}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// readSources reads Frictionless "sources": [{"title": …, "path": …, "email": …}],
// each with a title, a path that is a web address and an email that looks like one.
func readSources(v *jnode) ([]Source, error) {
	if err := v.expect('[', "sources"); err != nil {
		return nil, err
	}
	var out []Source
	for _, sv := range v.vals {
		if err := sv.expect('{', "each source"); err != nil {
			return nil, err
		}
		var s Source
		for i, key := range sv.keys {
			val := sv.vals[i]
			if err := val.expect('"', key); err != nil {
				return nil, err
			}
			switch key {
			case "title":
				s.Title = val.str
			case "path":
				if !strings.HasPrefix(val.str, "https://") && !strings.HasPrefix(val.str, "http://") {
					return nil, &jsonError{val.off, fmt.Sprintf("a source's path %q must be a web address starting with http:// or https://", val.str)}
				}
				s.Path = val.str
			case "email":
				if !strings.Contains(val.str, "@") {
					return nil, &jsonError{val.off, fmt.Sprintf("a source's email %q is not an email address", val.str)}
				}
				s.Email = val.str
			default:
				return nil, &jsonError{sv.koffs[i], fmt.Sprintf("unknown key %q in a source; use title, path and email", key)}
			}
		}
		if s.Title == "" {
			return nil, &jsonError{sv.off, "a source needs a title: who published the data, or where it was found"}
		}
		out = append(out, s)
	}
	return out, nil
}

func (sc *sidecar) foreignKeys(v *jnode) error {
	if err := v.expect('[', "foreignKeys"); err != nil {
		return err
	}
	for _, fk := range v.vals {
		if err := fk.expect('{', "each foreign key"); err != nil {
			return err
		}
		var k ForeignKey
		for i, key := range fk.keys {
			var err error
			switch key {
			case "fields":
				k.Fields, err = fk.vals[i].strings("fields")
			case "reference":
				ref := fk.vals[i]
				if err = ref.expect('{', "reference"); err != nil {
					return err
				}
				for j, rk := range ref.keys {
					switch rk {
					case "resource":
						if err = ref.vals[j].expect('"', "resource"); err == nil {
							k.Reference = ref.vals[j].str
						}
					case "fields":
						k.Ref, err = ref.vals[j].strings("fields")
					default:
						err = &jsonError{ref.koffs[j], fmt.Sprintf("unknown key %q in reference; use resource and fields", rk)}
					}
					if err != nil {
						return err
					}
				}
			default:
				err = &jsonError{fk.koffs[i], fmt.Sprintf("unknown key %q in a foreign key; use fields and reference", key)}
			}
			if err != nil {
				return err
			}
		}
		if len(k.Fields) != 1 || len(k.Ref) != 1 || k.Reference == "" {
			return &jsonError{fk.off, `a foreign key needs one column in "fields" and a "reference" naming a dataset ("resource") and one column ("fields"); keys over several columns are not supported`}
		}
		if sc.schema.Field(k.Fields[0]) == nil {
			return &jsonError{fk.off, fmt.Sprintf("the foreign key names %q, which is not one of the fields", k.Fields[0])}
		}
		sc.schema.ForeignKeys = append(sc.schema.ForeignKeys, k)
	}
	return nil
}
