package site

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"gongkai/generator/internal/config"
	"gongkai/generator/internal/content"
	"gongkai/generator/internal/data"
	"gongkai/generator/internal/data/value"
	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/history"
	"gongkai/generator/internal/i18n"
	"gongkai/generator/internal/kinds"
	"gongkai/generator/internal/linkcheck"
	"gongkai/generator/internal/policy"
	"gongkai/generator/internal/publish"
	"gongkai/generator/internal/render"
	"gongkai/generator/internal/track"
)

// Sink receives output files by slash-separated path under the output folder.
type Sink = render.Sink

// Options are the build settings given on the command line; each overrides site.toml.
type Options struct {
	AsOf    string    // "today" for statuses, YYYY-MM-DD; empty = site.toml's as_of, else Today
	BaseURL string    // the published address, checked as base_url is (config.BaseURL); empty = site.toml's base_url
	Today   time.Time // the build date, used when no as_of is set anywhere
	Drafts  bool      // publish the pages whose front matter says draft: true (to preview them)
	// Preview: the build is a preview on this computer (gongkai serve; a
	// Builder with Serve sets it), whose links may be made from the served
	// address (BaseURL "/"): BaseURL is taken as it is, and nothing warns
	// that the address is local.
	Preview bool
	// Stats: time the stages, pages and datasets (Report.Stats).
	Stats bool
	// Progress, when set, is told as each stage starts and as pages are
	// written; it is called from the build's goroutine only.
	Progress func(Progress)
	// Cache is the build cache's folder (CacheFolder of the output), where
	// the datasets' downloads are kept for the next build, which takes
	// those of unchanged datasets from it (see cache.go). Empty: none.
	Cache string
	// Version names the gongkai that builds, as precisely as its program
	// (its version and a digest of its executable): the cache gives one
	// gongkai only what that same gongkai made. Empty: no cache.
	Version string

	// What a Builder gives its builds:
	// reuse keeps what one build read for the next, which reads again only
	// the files that changed.
	reuse *Reuse
	// history is the commits that touched the source's files, newest
	// first, with the files each changed (paths relative to the source
	// folder; see package history); nil when the source is not in a git
	// repository, and the site then gives no such dates.
	history []history.Commit
	// past returns the builds of earlier commits, newest first (see
	// PastBuilds): the feed announces the commitments whose status changed
	// from one to the next, and from the newest to this build. A build calls
	// it once its own files are read and checked, in the background while it
	// makes its pages — not sooner, so two readings of large data do not
	// run at once; nil: no past builds.
	past func() []PastBuild
}

// Reuse is what a build keeps for the next one: datasets, pages and the
// policy documents parsed from them. The zero value is ready; use it for one
// build at a time.
type Reuse struct {
	data    data.Reuse
	content content.Reuse
	docs    map[*content.Page]reusedDoc
	metrics map[metricKey]metricResult
	pages   map[string]pageSum // the last build's pages, when they are not kept in the build cache (gongkai serve)
}

// metricKey is a metric run over a dataset: a dataset taken from the last
// build is the same data, so the metric gives the same numbers. The key
// holds the dataset itself, so it is not freed (and its address given to
// another) while the result is kept.
type metricKey struct {
	d    *data.Dataset
	spec string // the metric's settings
}

type metricResult struct {
	points []track.MetricPoint
	err    error
}

type reusedDoc struct {
	doc   *policy.Document
	diags []diag.Diagnostic
}

// ConfigError is a problem with the settings (site.toml or options), as
// opposed to the content: the CLI exits 2 for it.
type ConfigError struct {
	Diagnostics []diag.Diagnostic
}

func (e *ConfigError) Error() string {
	var lines []string
	for _, d := range e.Diagnostics {
		lines = append(lines, d.String())
	}
	return strings.Join(lines, "\n")
}

// Report is what a successful build tells its caller.
type Report struct {
	Warnings []diag.Diagnostic
	Files    int
	Stats    *Stats // with Options.Stats
}

// input is everything a build reads, loaded and parsed.
type input struct {
	cfg         config.Config
	asOf        string
	asOfDay     time.Time // asOf as a day
	commitments []*commitment
	pages       []*content.Page
	drafts      []*content.Page // left out: draft: true, and the build was not asked for drafts
	docs        []*policy.Document
	datasets    []*data.Dataset
	theme       *render.Theme
	tr          *i18n.Table          // the interface's words in the site's language
	reuse       *Reuse               // Options.reuse
	history     map[string]time.Time // when each file was last committed (Options.History); nil outside git
	commits     []history.Commit     // Options.history
	past        func() []PastBuild   // Options.past
	kept        *results             // what the last builds worked out from their datasets; nil: none
}

// dataset is the dataset with the id, and a column's index by name; nil when
// the site has no such dataset or it has no rows.
func (in *input) dataset(id string) (*data.Dataset, map[string]int) {
	for _, d := range in.datasets {
		if d.ID == id && d.Rows > 0 {
			return d, d.ColumnIndex()
		}
	}
	return nil, nil
}

// Build runs the whole pipeline over src and writes the site to out, in
// stages: load (the settings, pages, data and theme) → check (what spans
// files: the commitments against the text and their evidence, page
// addresses) → judge (every commitment's status) → past (the builds of
// earlier commits, read in the background from here on) → compute (each
// page family's pages) → write (every page rendered, and the data files)
// → links (every internal link goes somewhere). A stage that fails stops
// the build, and nothing is published: input problems come back together
// as a *diag.Errors and settings or theme problems as a *ConfigError, each
// at its file and line; any other error is wrapped with its stage's name.
func Build(src fs.FS, opts Options, out Sink) (Report, error) {
	var diags diag.List
	rec := newRecorder(opts.Stats, opts.Progress)
	rec.begin("load")
	kept := openResults(opts.Cache, opts.Version)
	done := false
	defer func() { kept.finish(done) }()
	in, err := loadWithTheme(src, opts, kept, &diags)
	if err != nil {
		return Report{}, stage("load", err)
	}
	rec.begin("check")
	validate(in, &diags)
	if !opts.Preview {
		checkAddress(in, opts, diag.Warning, &diags)
	}
	if err := diags.Err(); err != nil {
		return Report{}, stage("check", err)
	}
	rec.begin("judge")
	judge(in)
	if in.past != nil {
		in.past = later(in.past)
		defer in.past() // even when a later stage fails: the reading ends before the build does
	}
	rec.begin("compute")
	site, err := compute(in)
	if err != nil {
		return Report{}, stage("compute", err)
	}
	rec.begin("write")
	if p, ok := out.(precompressor); ok { // Publish's sink: its .gz and .br copies are a setting
		p.setPrecompress(in.cfg.Output.Precompress)
	}
	links := linkcheck.New(in.cfg.BasePath()) // every internal link must go somewhere
	cache := openCache(opts.Cache, opts.Version)
	pages := openPages(kept, opts.reuse, in.theme, out)
	defer func() { pages.finish(done) }()
	n, err := write(site, in.theme, linkSink{out, links}, rec, cache, pages)
	cache.finish(err == nil)
	rec.pages(pages.hitCount(), len(site.pages))
	rec.downloads(cache.hitCount(), len(site.datasets))
	diags.Add(site.told.Sorted()...)
	if err == nil {
		err = diags.Err() // a page of content/ that could not be read again
	}
	if err == nil {
		err = in.tr.Err() // a word the Go code asked the table for and did not get
	}
	if err != nil {
		return Report{}, stage("write", themed(err, in.cfg.Theme))
	}
	rec.begin("links")
	if err := checkLinks(links, in); err != nil {
		return Report{}, stage("links", err)
	}
	done = true
	return Report{Warnings: diags.Sorted(), Files: n, Stats: rec.result()}, nil
}

// stage wraps an error of the named stage, unless it is a problem reported
// at its place (in the input, the settings or the theme), which speaks for
// itself.
func stage(name string, err error) error {
	if _, ok := errors.AsType[*diag.Errors](err); ok {
		return err
	}
	if _, ok := errors.AsType[*ConfigError](err); ok {
		return err
	}
	return fmt.Errorf("%s: %w", name, err)
}

// themed is a problem of the theme's as a settings error, any other error
// as it is.
func themed(err error, theme string) error {
	_, te := errors.AsType[*render.ThemeError](err)
	_, ie := errors.AsType[*i18n.Error](err)
	if te || ie {
		return themeConfigError(err, theme)
	}
	return err
}

// Check runs load and validate only, writing nothing. It is what CI runs
// before publishing, so a base URL on this computer is an error here, not
// the warning Build gives.
func Check(src fs.FS, opts Options) (Report, error) {
	var diags diag.List
	in, err := loadWithTheme(src, opts, nil, &diags)
	if err != nil {
		return Report{}, err
	}
	validate(in, &diags)
	checkAddress(in, opts, diag.Error, &diags)
	for _, p := range slices.Concat(in.pages, in.drafts) {
		if p.Section != policy.Folder || isSectionIndex(p) { // a document's text was read in load
			p.Check(&diags) // what a build tells as it renders the page
		}
	}
	if err := diags.Err(); err != nil {
		return Report{}, err
	}
	return Report{Warnings: diags.Sorted()}, nil
}

// loadWithTheme is load, and the theme the settings name.
func loadWithTheme(src fs.FS, opts Options, kept *results, diags *diag.List) (*input, error) {
	in, err := load(src, opts, kept, diags)
	if err != nil {
		return nil, err
	}
	layouts := requiredLayouts(in.datasets)
	if slices.ContainsFunc(in.pages, func(p *content.Page) bool { return p.Section != "" && p.Section != policy.Folder }) {
		layouts = append(layouts, "section") // a theme without sections needs no section layout
	}
	if in.theme, err = render.LoadTheme(src, in.cfg.Theme, in.cfg.Language, layouts...); err != nil {
		return nil, themeConfigError(err, in.cfg.Theme)
	}
	return in, nil
}

// themeConfigError is a problem with the theme as a settings error.
func themeConfigError(err error, theme string) error {
	d := diag.Diagnostic{Pos: diag.Pos{File: "themes/" + theme}, Message: err.Error()}
	if te, ok := errors.AsType[*render.ThemeError](err); ok {
		d = diag.Diagnostic{Pos: diag.Pos{File: te.File, Line: te.Line, Col: te.Col}, Message: te.Err.Error()}
	} else if ie, ok := errors.AsType[*i18n.Error](err); ok {
		d = diag.Diagnostic{Pos: diag.Pos{File: ie.File}, Message: ie.Err.Error()}
	}
	return &ConfigError{[]diag.Diagnostic{d}}
}

// load reads the settings, every page and every dataset, taking what
// reading a dataset found from kept (nil: none) when it holds it.
func load(src fs.FS, opts Options, kept *results, diags *diag.List) (*input, error) {
	cfg, cds, err := config.Load(src)
	if err != nil {
		return nil, &ConfigError{[]diag.Diagnostic{{Pos: diag.Pos{File: config.File}, Message: "cannot read site.toml: is this a gongkai site folder? (" + errors.Unwrap(err).Error() + ")"}}}
	}
	switch base, problem := config.BaseURL(opts.BaseURL); {
	case opts.BaseURL == "":
	case opts.Preview:
		cfg.BaseURL = opts.BaseURL
	case problem != "":
		cds = append(cds, diag.Diagnostic{Pos: diag.Pos{File: "--base-url"}, Message: fmt.Sprintf(
			"%q %s: give the address the site is published at, like https://gongkai.example.gov.cn/", opts.BaseURL, problem)})
	default:
		cfg.BaseURL = base
	}
	asOf := opts.AsOf
	if asOf == "" {
		asOf = cfg.AsOf
	}
	if asOf == "" {
		asOf = opts.Today.Format(time.DateOnly)
	}
	if _, err := time.Parse(time.DateOnly, asOf); err != nil {
		cds = append(cds, diag.Diagnostic{Pos: diag.Pos{File: "--as-of"}, Message: fmt.Sprintf("as-of date %q must be written YYYY-MM-DD", asOf)})
	}
	if len(cds) > 0 {
		return nil, &ConfigError{cds}
	}
	tr, err := render.LoadTable(src, cfg.Theme, cfg.Language)
	if err != nil {
		return nil, themeConfigError(err, cfg.Theme)
	}
	var reuse *Reuse
	var dataReuse *data.Reuse
	var contentReuse *content.Reuse
	if opts.reuse != nil {
		reuse, dataReuse, contentReuse = opts.reuse, &opts.reuse.data, &opts.reuse.content
		dataReuse.Snapshots = nil
		if kept != nil {
			dataReuse.Snapshots = snapshots{kept}
		}
	}
	pages, err := content.LoadReusing(src, cfg.BasePath(), contentReuse, diags)
	if err != nil {
		return nil, fmt.Errorf("load content: %w", err)
	}
	var drafts []*content.Page
	if !opts.Drafts {
		pages, drafts = unpublished(pages)
	}
	datasets, err := data.LoadReusing(src, dataOptions(cfg.Data), dataReuse, diags)
	if err != nil {
		return nil, fmt.Errorf("load data: %w", err)
	}
	asOfDay, _ := time.Parse(time.DateOnly, asOf)
	in := &input{cfg: cfg, tr: tr, asOf: asOf, asOfDay: asOfDay, pages: pages, drafts: drafts, datasets: datasets, commits: opts.history, past: opts.past, reuse: opts.reuse, kept: kept}
	if opts.history != nil {
		in.history = history.LastChanges(opts.history)
	}
	docs := map[*content.Page]reusedDoc{}
	for _, p := range pages {
		if p.Section != policy.Folder || isSectionIndex(p) {
			continue
		}
		// A page taken from the last build is the same text: so is its document.
		r, ok := reuse.doc(p)
		if !ok {
			var own diag.List
			r = reusedDoc{doc: parseDocument(p, &own), diags: own.Sorted()}
			if own.HasErrors() {
				diags.Add(r.diags...) // not kept: read again next time
				continue
			}
		}
		diags.Add(r.diags...)
		docs[p] = r
		if r.doc != nil {
			in.docs = append(in.docs, r.doc)
		}
	}
	if reuse != nil {
		reuse.docs = docs
	}
	policy.Sort(in.docs)
	return in, nil
}

// validate checks what spans files: unique page addresses, and the
// commitments against the policy text and their evidence.
func validate(in *input, diags *diag.List) {
	if !diags.HasErrors() { // the registry is checked against the text only once its files read cleanly
		in.commitments = loadCommitments(in, in.asOfDay, diags)
	}
	for _, d := range in.datasets {
		if !publish.FitsXLSX(d) {
			f := d.Files[0]
			diags.Warnf(d.Pos(f.Path, 0), "%s has %d rows, more than an Excel sheet holds (%d below its header): it gets no .xlsx download, and its page says so; the CSV and JSON downloads have every row",
				d, d.Rows, publish.MaxXLSXRows)
		}
	}
	seen := map[string]string{}
	for _, p := range in.pages {
		if p.Section != "" && p.Section != policy.Folder {
			if _, dup := seen["/"+p.Section+"/"]; !dup {
				seen["/"+p.Section+"/"] = "content/" + p.Section + "/"
			}
		}
	}
	for _, p := range in.pages {
		if isSectionIndex(p) || isHome(p) || isIndexPage(p) {
			continue
		}
		url := pagePath(p)
		switch {
		case p.Section == "" && reservedPaths[p.Meta.Slug]:
			diags.Errorf(diag.Pos{File: p.Path}, "slug %q is used by the site itself (%s); choose another", p.Meta.Slug, url)
			continue
		case p.Section != "" && p.Section != policy.Folder && reservedPaths[p.Section]:
			diags.Errorf(diag.Pos{File: p.Path}, "the folder content/%s/ would be published at /%s/, which the site itself uses: rename the folder", p.Section, p.Section)
			continue
		case p.Section != "" && p.Section != policy.Folder && strings.Count(p.Path, "/") > 2:
			diags.Errorf(diag.Pos{File: p.Path}, "pages go in content/ or one folder below it (content/%s/), not deeper: move the file up", p.Section)
			continue
		case p.Section != "" && p.Section != policy.Folder && allDigits(p.Meta.Slug):
			diags.Errorf(diag.Pos{File: p.Path}, "slug %q is a number, which the section's list uses for its pages (/%s/2/…): choose a slug with a letter in it", p.Meta.Slug, p.Section)
			continue
		}
		if prev, dup := seen[url]; dup {
			diags.Errorf(diag.Pos{File: p.Path}, "this page and %s both publish %s: give one of them another slug", prev, url)
			continue
		}
		seen[url] = p.Path
	}
}

// allDigits reports whether s is a number written in digits.
func allDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// dataOptions turns the [data] settings into reading rules.
func dataOptions(c config.Data) data.Options {
	o := data.DefaultOptions()
	o.Numbers = value.NumberFormat{Group: c.Thousands, Decimal: c.Decimal, FullWidth: c.FullWidth, ParenNegative: c.ParenNegatives}
	o.MissingValues = c.MissingValues
	o.Limits.MaxFileBytes = int64(c.MaxFileMB) << 20
	o.Limits.MaxKeptBytes = int64(c.KeepMB) << 20
	o.Kinds = kinds.All
	return o
}

func isHome(p *content.Page) bool { return p.Path == "content/index.md" }

func isSectionIndex(p *content.Page) bool { return p.Path == "content/policy/_index.md" }

// pagePath is the site path a content page is published at.
func pagePath(p *content.Page) string {
	if p.Section == "" {
		return "/" + p.Meta.Slug + "/"
	}
	return "/" + p.Section + "/" + p.Meta.Slug + "/"
}

func (r *Reuse) doc(p *content.Page) (reusedDoc, bool) {
	if r == nil {
		return reusedDoc{}, false
	}
	d, ok := r.docs[p]
	return d, ok
}

func parseDocument(p *content.Page, diags *diag.List) *policy.Document {
	defer diag.Recover(diag.Pos{File: p.Path}, diags)
	return policy.Parse(p, diags)
}

// unpublished takes the drafts (draft: true) out of pages.
func unpublished(pages []*content.Page) (published, drafts []*content.Page) {
	for _, p := range pages {
		if p.Meta.Draft {
			drafts = append(drafts, p)
		} else {
			published = append(published, p)
		}
	}
	return published, drafts
}

// draft names the file of the draft policy document slug, "" when there is none.
func (in *input) draft(slug string) string {
	for _, p := range in.drafts {
		if p.Section == policy.Folder && p.Meta.Slug == slug {
			return p.Path
		}
	}
	return ""
}
