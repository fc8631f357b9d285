package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/rootfs"
	"gongkai/generator/internal/site"
	"gongkai/generator/internal/starter"
)

// version is set at link time by the Makefile (-X main.version=…).
var version = ""

// Exit statuses (a contract: CI and tests outside the project rely on them).
const (
	exitOK    = 0 // built (warnings allowed)
	exitInput = 1 // the input has errors, all printed
	exitUsage = 2 // usage or configuration error
)

const usage = `gongkai builds a transparency portal from policy text, commitments and data.

Usage:
  gongkai build [-s SOURCE] [-d DEST] [--as-of YYYY-MM-DD] [--base-url URL] [--drafts] [--stats] [--no-cache]
  gongkai check [-s SOURCE] [--as-of YYYY-MM-DD] [--format text|json|github]
  gongkai serve [-s SOURCE] [--bind 127.0.0.1] [--port 1313] [--poll DURATION] [--drafts]
  gongkai new DIR
  gongkai version

SOURCE (default ".") holds site.toml, content/ and data/, and may hold layouts/, static/
and themes/ (the default theme is built in); DEST defaults to SOURCE/public.
new writes a starter portal into DIR, a new or empty folder. Hugo's spellings work too:
server for serve, --baseURL for --base-url, -D and --buildDrafts for --drafts.
check also checks the drafts (pages with draft: true), which build and serve leave out.
build --stats prints what each stage took (time, memory) and the slowest pages and
datasets; on a terminal, build shows its progress. build keeps the datasets' downloads
in a cache beside DEST (.public.cache for public; safe to delete) and takes those of
unchanged datasets from it; --no-cache writes them all anew.
Exit status: 0 built, 1 the input has errors, 2 usage or configuration error.
`

// run is the whole CLI; it never panics out.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "gongkai: internal error (please report it to the gongkai developers): %v\n", r)
			code = exitInput
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return build(args[1:], stdout, stderr)
	case "check":
		return check(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "gongkai", versionString())
		return exitOK
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "serve", "server": // server: Hugo's name for it
		return serveCmd(args[1:], stdout, stderr)
	case "new":
		return newCmd(args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "gongkai: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
}

type common struct {
	source, asOf string
	drafts       bool
}

// draftFlags adds --drafts and Hugo's -D and --buildDrafts for it.
func draftFlags(fs *flag.FlagSet, c *common) {
	fs.BoolVar(&c.drafts, "drafts", false, "also publish the pages whose front matter says draft: true, to preview them")
	fs.BoolVar(&c.drafts, "D", false, "the same as --drafts (Hugo's spelling)")
	fs.BoolVar(&c.drafts, "buildDrafts", false, "the same as --drafts (Hugo's spelling)")
}

func newFlags(name string, stderr io.Writer, c *common) *flag.FlagSet {
	fs := flag.NewFlagSet("gongkai "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.source, "s", ".", "source folder holding site.toml, content/ and data/")
	fs.StringVar(&c.asOf, "as-of", "", "the date statuses are computed for, YYYY-MM-DD (default: site.toml's as_of, else today)")
	return fs
}

func build(args []string, stdout, stderr io.Writer) int {
	var c common
	var dest, baseURL string
	var stats, noCache bool
	fs := newFlags("build", stderr, &c)
	fs.BoolVar(&stats, "stats", false, "print what each stage took (time, memory) and the slowest pages and datasets")
	fs.BoolVar(&noCache, "no-cache", false, "write every download anew, neither taking files from the build cache (.DEST.cache beside DEST) nor keeping them there")
	fs.StringVar(&dest, "d", "", "output folder (default SOURCE/public)")
	fs.StringVar(&baseURL, "base-url", "", "the address the site is published at (default: site.toml's base_url)")
	fs.StringVar(&baseURL, "baseURL", "", "the same as --base-url (Hugo's spelling)")
	draftFlags(fs, &c)
	if err := parse(fs, args); err != nil {
		return exitUsage
	}
	if dest == "" {
		dest = filepath.Join(c.source, "public")
	}
	src, closeRoot, code := openSource(c.source, stderr)
	if code != exitOK {
		return code
	}
	defer closeRoot()
	start := time.Now()
	builder := site.NewBuilder(c.source, rootfs.FS(src), site.BuilderOptions{Warn: stderr})
	defer builder.Close()
	var report site.Report
	progress := newProgress(stderr)
	opts := site.Options{AsOf: c.asOf, BaseURL: baseURL, Today: time.Now(), Drafts: c.drafts, Stats: stats, Progress: progress.show}
	if !noCache {
		opts.Cache, opts.Version = site.CacheFolder(dest), buildID()
	}
	var sink site.Sink
	err := site.Publish(dest, func(out site.Sink) error {
		var err error
		sink = out
		report, err = builder.Build(opts, out)
		return err
	})
	progress.clear()
	printDiagnostics(stderr, report.Warnings)
	if report.Stats != nil {
		printStats(stdout, report.Stats)
	}
	if code := reportError(stderr, err); code != exitOK {
		return code
	}
	copies := ""
	if n := site.Copies(sink); n > 0 {
		copies = fmt.Sprintf(" (and %d compressed copies, .gz and .br)", n)
	}
	fmt.Fprintf(stdout, "built %d files%s into %s in %s\n", report.Files, copies, dest, time.Since(start).Round(time.Millisecond))
	return exitOK
}

// newCmd writes the starter portal into a new or empty folder.
func newCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gongkai new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gongkai new DIR  (writes a starter portal into DIR, a new or empty folder)")
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	dir := fs.Arg(0)
	if err := starter.Write(dir); err != nil {
		if errors.Is(err, starter.ErrNotEmpty) {
			fmt.Fprintf(stderr, "gongkai new: %s already holds files: give a new or empty folder (nothing was written)\n", dir)
		} else {
			fmt.Fprintln(stderr, "gongkai new:", err)
		}
		return exitUsage
	}
	fmt.Fprintf(stdout, "wrote a starter portal into %s; preview it with\n  gongkai serve -s %s\n", dir, dir)
	return exitOK
}

func check(args []string, stdout, stderr io.Writer) int {
	var c common
	var format string
	fs := newFlags("check", stderr, &c)
	fs.StringVar(&format, "format", "text", "how to print problems: text, json or github (workflow annotations)")
	if err := parse(fs, args); err != nil {
		return exitUsage
	}
	if format != "text" && format != "json" && format != "github" {
		fmt.Fprintf(stderr, "gongkai check: --format must be text, json or github, not %q\n", format)
		return exitUsage
	}
	src, closeRoot, code := openSource(c.source, stderr)
	if code != exitOK {
		return code
	}
	defer closeRoot()
	report, err := site.Check(rootfs.FS(src), site.Options{AsOf: c.asOf, Today: time.Now(), Drafts: true})
	ds, code := classify(err)
	switch {
	case err == nil:
		ds = report.Warnings
	case ds == nil:
		fmt.Fprintln(stderr, "gongkai:", err)
		return code
	}
	switch format {
	case "json":
		writeJSON(stdout, ds, code == exitOK)
	case "github":
		for _, d := range ds {
			kind := "error"
			if d.Severity == diag.Warning {
				kind = "warning"
			}
			if d.Pos.Sheet != "" { // a workbook has no lines to annotate: the cell leads the message
				fmt.Fprintf(stdout, "::%s file=%s::%s\n", kind, d.Pos.File, escapeAnnotation(d.Pos.Cell()+": "+d.Message))
				continue
			}
			if d.Pos.Rows { // nor has a Parquet file: its row and column lead the message
				msg := d.Message
				if r := d.Pos.Record(); r != "" {
					msg = r + ": " + msg
				}
				fmt.Fprintf(stdout, "::%s file=%s::%s\n", kind, d.Pos.File, escapeAnnotation(msg))
				continue
			}
			fmt.Fprintf(stdout, "::%s file=%s,line=%d,col=%d::%s\n", kind, d.Pos.File, max(d.Pos.Line, 1), max(d.Pos.Col, 1), escapeAnnotation(d.Message))
		}
	default:
		printDiagnostics(stderr, ds)
		if code == exitOK {
			fmt.Fprintln(stdout, "no problems found")
		}
	}
	return code
}

func writeJSON(w io.Writer, ds []diag.Diagnostic, ok bool) {
	type item struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Col      int    `json:"col"`
		Cell     string `json:"cell,omitempty"`   // in a workbook: Sheet1!C7 (line is the row, col the column)
		Row      int    `json:"row,omitempty"`    // in a Parquet file: the row (line is the row too; 0: the whole file)
		Column   string `json:"column,omitempty"` // in a Parquet file: the column's name (col is its number)
		Severity string `json:"severity"`
		Message  string `json:"message"`
	}
	out := struct {
		OK       bool   `json:"ok"`
		Problems []item `json:"problems"`
	}{OK: ok, Problems: []item{}}
	for _, d := range ds {
		sev := "error"
		if d.Severity == diag.Warning {
			sev = "warning"
		}
		var cell string
		if d.Pos.Sheet != "" {
			cell = d.Pos.Cell()
		}
		row := 0
		if d.Pos.Rows {
			row = d.Pos.Line
		}
		out.Problems = append(out.Problems, item{d.Pos.File, max(d.Pos.Line, 1), max(d.Pos.Col, 1), cell, row, d.Pos.Column, sev, d.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}

// escapeAnnotation escapes a message for a workflow command.
func escapeAnnotation(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return errors.New("extra arguments")
	}
	return nil
}

// openSource opens the source folder as a root nothing can escape from.
func openSource(dir string, stderr io.Writer) (*os.Root, func(), int) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		fmt.Fprintf(stderr, "gongkai: cannot open source folder %s: %v\n", dir, errors.Unwrap(err))
		return nil, nil, exitUsage
	}
	return root, func() { root.Close() }, exitOK
}

func printDiagnostics(w io.Writer, ds []diag.Diagnostic) {
	for _, d := range ds {
		fmt.Fprintln(w, d.String())
	}
}

// classify is what a build's error means: its diagnostics (input or
// settings problems; none for any other error) and the exit status.
func classify(err error) (ds []diag.Diagnostic, code int) {
	var inputErrs *diag.Errors
	var cfgErr *site.ConfigError
	switch {
	case err == nil:
		return nil, exitOK
	case errors.As(err, &inputErrs):
		return inputErrs.List, exitInput
	case errors.As(err, &cfgErr):
		return cfgErr.Diagnostics, exitUsage
	}
	return nil, exitInput
}

// reportError prints err and returns the exit status it means.
func reportError(stderr io.Writer, err error) int {
	ds, code := classify(err)
	switch {
	case err == nil:
	case ds == nil:
		fmt.Fprintln(stderr, "gongkai:", err)
	case code == exitInput:
		printDiagnostics(stderr, ds)
		fmt.Fprintf(stderr, "gongkai: %d problem(s) in the input; nothing was published, the previous site is unchanged\n", countErrors(ds))
	default:
		printDiagnostics(stderr, ds)
	}
	return code
}

func countErrors(ds []diag.Diagnostic) int {
	n := 0
	for _, d := range ds {
		if d.Severity == diag.Error {
			n++
		}
	}
	return n
}

// buildID names this program for the build cache: its version and a
// SHA-256 of its executable, so that a gongkai built from other code — whose
// version may read the same, as a developer's does — never takes the files
// another made. Empty, and no cache, when the executable cannot be read.
func buildID() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return versionString() + "+" + hex.EncodeToString(h.Sum(nil))
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
