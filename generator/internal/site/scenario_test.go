package site

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/xuri/excelize/v2"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/tools/txtar"

	"gongkai/generator/internal/data/parquettest"
	"gongkai/generator/internal/diag"
)

// TestScenarios runs every testdata/scenarios/*.txtar archive. An archive holds
// a small site (site.toml, content/…, data/…; the default theme is added unless
// the archive has its own themes/) and what the build must produce:
//
//	want/errors         the exact input errors and warnings, one per line (the build fails, exit 1)
//	want/config-errors  the exact settings errors (exit 2)
//	want/warnings       the exact warnings of a build that succeeds
//	want/files          the exact list of output files
//	want/public/PATH    lines that must occur in output file PATH; "!text" must not occur
//
// An archive whose site.toml sets as_of is built as of that day, others as of
// 2026-01-01. A successful build with no want/errors, want/config-errors or want/warnings
// must have no warnings either. The warnings every archive without a
// published base_url or an id would have (addressWarning) count only in an
// archive whose want/ files name them. A new bug becomes a new archive.
func TestScenarios(t *testing.T) {
	files, _ := filepath.Glob("testdata/scenarios/*.txtar")
	if len(files) == 0 {
		t.Fatal("no scenarios found")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			want := map[string]string{}
			ownTheme := false
			for _, f := range ar.Files {
				if name, ok := strings.CutPrefix(f.Name, "want/"); ok {
					want[name] = string(f.Data)
					continue
				}
				ownTheme = ownTheme || strings.HasPrefix(f.Name, "themes/")
				name, data := transform(t, f.Name, f.Data)
				fsys[name] = &fstest.MapFile{Data: data}
			}
			if !ownTheme {
				themeFiles(t, fsys)
			}
			out := memSink{}
			opts := fixedOpts
			if cfg, ok := fsys["site.toml"]; ok && bytes.Contains(cfg.Data, []byte("as_of")) {
				opts.AsOf = "" // the archive fixes its own day
			}
			report, err := Build(fsys, opts, out)
			if !addressWarning.MatchString(strings.Join(slices.Collect(maps.Values(want)), "\n")) {
				report.Warnings = slices.DeleteFunc(report.Warnings, func(d diag.Diagnostic) bool { return addressWarning.MatchString(d.Message) })
				if list, ok := errors.AsType[*diag.Errors](err); ok {
					list.List = slices.DeleteFunc(list.List, func(d diag.Diagnostic) bool { return addressWarning.MatchString(d.Message) })
				}
			}
			if *dump != "" {
				dumpScenario(t, filepath.Join(*dump, filepath.Base(file)), out, report, err)
			}
			var inputErrs *diag.Errors
			var cfgErr *ConfigError
			switch {
			case want["errors"] != "":
				if !errors.As(err, &inputErrs) {
					t.Fatalf("want input errors, got %v", err)
				}
				compareLines(t, "errors", want["errors"], lines(inputErrs.List))
				return
			case want["config-errors"] != "":
				if !errors.As(err, &cfgErr) {
					t.Fatalf("want settings errors, got %v", err)
				}
				compareLines(t, "config errors", want["config-errors"], lines(cfgErr.Diagnostics))
				return
			case err != nil:
				t.Fatalf("build failed:\n%v", err)
			}
			compareLines(t, "warnings", want["warnings"], lines(report.Warnings))
			if w, ok := want["files"]; ok {
				compareLines(t, "files", w, out.names())
			}
			for name, w := range want {
				path, ok := strings.CutPrefix(name, "public/")
				if !ok {
					continue
				}
				got, exists := out[path]
				if !exists {
					t.Errorf("no output file %s", path)
					continue
				}
				for _, l := range strings.Split(strings.TrimSpace(w), "\n") {
					if neg, isNeg := strings.CutPrefix(l, "!"); isNeg {
						if strings.Contains(string(got), neg) {
							t.Errorf("%s contains %q", path, neg)
						}
					} else if !strings.Contains(string(got), l) {
						t.Errorf("%s does not contain %q", path, l)
					}
				}
			}
		})
	}
}

// addressWarning is what checkAddress warns of: a base URL on this
// computer, no site id.
var addressWarning = regexp.MustCompile(`is this computer's own address|has no id`)

var dump = flag.String("dump", "", "write each scenario's output files and messages under this folder")

// dumpScenario writes what a scenario produced, for writing its want/ files.
func dumpScenario(t *testing.T, dir string, out memSink, report Report, err error) {
	t.Helper()
	for name, data := range out {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if e := os.MkdirAll(filepath.Dir(p), 0o755); e != nil {
			t.Fatal(e)
		}
		if e := os.WriteFile(p, data, 0o644); e != nil {
			t.Fatal(e)
		}
	}
	msgs := lines(report.Warnings)
	if err != nil {
		msgs = append(msgs, err.Error())
	}
	if e := os.MkdirAll(dir, 0o755); e != nil {
		t.Fatal(e)
	}
	if e := os.WriteFile(filepath.Join(dir, "messages.txt"), []byte(strings.Join(msgs, "\n")+"\n"), 0o644); e != nil {
		t.Fatal(e)
	}
}

// transform applies the encodings an archive file name asks for, so fixtures
// in other encodings stay readable UTF-8 in the archive:
//
//	data/x.csv@gb18030   the text encoded as GB18030
//	data/x.csv@utf16le   UTF-16 little-endian with a BOM (also @utf16be)
//	data/x.csv@bom       a UTF-8 byte order mark added
//	data/x.csv@crlf      line ends made CRLF (also @cr for old Mac files)
//	data/x.csv@escaped   Go escapes such as \x00 and \xb9 turned into bytes
//	data/x.csv@noeol     the final line break removed
//	data/x.xlsx@xlsx     the text, CSV, made an Excel workbook (see workbookOf)
//	data/x.parquet@parquet  the text, CSV whose header names each column's Parquet
//	                     type ("金额:decimal(12;2)", see parquettest), made a Parquet
//	                     file, two rows to a row group
//
// Several apply left to right: data/x.csv@crlf@gb18030.
func transform(t *testing.T, name string, data []byte) (string, []byte) {
	t.Helper()
	parts := strings.Split(name, "@")
	for _, op := range parts[1:] {
		var err error
		switch op {
		case "gb18030":
			data, err = simplifiedchinese.GB18030.NewEncoder().Bytes(data)
		case "utf16le":
			data, err = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(data)
		case "utf16be":
			data, err = unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes(data)
		case "bom":
			data = append([]byte("\xEF\xBB\xBF"), data...)
		case "crlf":
			data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		case "cr":
			data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r"))
		case "noeol":
			data = bytes.TrimSuffix(data, []byte("\n"))
		case "xlsx":
			data, err = workbookOf(data)
		case "parquet":
			data, err = parquettest.FromCSV(data, 2)
		case "escaped":
			var s string
			s, err = strconv.Unquote(`"` + strings.ReplaceAll(strings.TrimSuffix(string(data), "\n"), "\n", `\n`) + `\n"`)
			data = []byte(s)
		default:
			t.Fatalf("%s: unknown transform @%s", name, op)
		}
		if err != nil {
			t.Fatalf("%s: @%s: %v", name, op, err)
		}
	}
	return parts[0], data
}

// workbookOf makes CSV text an .xlsx workbook as Excel saves one, its sheet
// Sheet1: a cell that is a plain number (no leading zero, no separators) is
// a number cell (shown #,##0.00 when it has decimals), a YYYY-MM-DD day is
// a date cell (shown as a Chinese date), anything else a text cell; a row
// with text in its first cell only (a title, 单位：万元) is merged across the
// table's width, as a report's title is.
func workbookOf(text []byte) ([]byte, error) {
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1
	records, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	f := excelize.NewFile()
	defer f.Close()
	money, err := f.NewStyle(&excelize.Style{NumFmt: 4})
	if err != nil {
		return nil, err
	}
	chinese := `yyyy"年"m"月"d"日"`
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &chinese})
	if err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return nil, err
	}
	width := 0
	for _, rec := range records {
		width = max(width, len(rec))
	}
	plain := regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`)
	for i, rec := range records {
		row := make([]any, len(rec))
		filled := 0
		for j, c := range rec {
			switch day, dateErr := time.Parse(time.DateOnly, c); {
			case c == "":
				continue
			case plain.MatchString(c):
				n, _ := strconv.ParseFloat(c, 64)
				if strings.Contains(c, ".") {
					row[j] = excelize.Cell{StyleID: money, Value: n}
				} else {
					row[j] = n
				}
			case dateErr == nil:
				row[j] = excelize.Cell{StyleID: date, Value: day}
			default:
				row[j] = c
			}
			filled++
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, row); err != nil {
			return nil, err
		}
		if filled == 1 && rec[0] != "" && width > 1 {
			last, _ := excelize.CoordinatesToCellName(width, i+1)
			if err := sw.MergeCell(cell, last); err != nil {
				return nil, err
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = f.Write(&b)
	return b.Bytes(), err
}

func lines(ds []diag.Diagnostic) []string {
	out := []string{}
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

func compareLines(t *testing.T, what, want string, got []string) {
	t.Helper()
	w := slices.DeleteFunc(strings.Split(strings.TrimSpace(want), "\n"), func(s string) bool { return s == "" })
	if !slices.Equal(w, got) {
		t.Errorf("%s:\ngot\n  %s\nwant\n  %s", what, strings.Join(got, "\n  "), strings.Join(w, "\n  "))
	}
}
