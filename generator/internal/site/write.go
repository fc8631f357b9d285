package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"gongkai/generator/internal/data"
	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/publish"
	"gongkai/generator/internal/render"
)

// write renders every page and the machine-readable files into out, in a
// fixed order, and returns how many files it wrote.
func write(m *model, theme *render.Theme, out Sink, rec *recorder, cache *downloadCache, pages *pageCache) (int, error) {
	n := 0
	static, err := theme.CopyStatic(countingSink{out, &n})
	if err != nil {
		return n, err
	}
	counted := staticGuard{countingSink{out, &n}, static}
	if err := renderPages(m.pages, theme, counted, rec, &m.told, pages); err != nil {
		return n, err
	}
	var paths []string
	for _, p := range m.pages {
		if p.path != "" && p.path != "/404.html" {
			paths = append(paths, p.path)
		}
	}
	pkg := publish.Package{Title: m.cfg.Title, Description: m.cfg.Description, Homepage: m.baseURL, Sources: m.sources,
		Publisher: m.cfg.Publisher.Name, Email: m.cfg.Publisher.Email, Keywords: m.cfg.Catalog.Keywords}
	pkg.License.Name, pkg.License.URL = m.cfg.License.Name, m.cfg.License.URL
	pkg.Text = fieldText(m.cfg, m.tr)
	cat := catalogOf(m.cfg, m.tr, m.history, m.asOf, m.datasets)
	for i, d := range m.datasets {
		start := time.Now()
		res, err := cache.write(downloadsOf(m, d, pkg.Text), counted)
		if err != nil {
			return n, err
		}
		shapes, _ := keptResult(m.kept, d, "download shapes", func() (publish.Shapes, error) { return publish.ScanShapes(d), nil })
		res.Shapes = &shapes
		rec.took("dataset", d.ID, time.Since(start))
		pkg.Resources = append(pkg.Resources, res)
		pkg.Resources[len(pkg.Resources)-1].Description = cat.Datasets[i].Description
		cat.Datasets[i].Distributions[0].Bytes = res.Bytes // the CSV's
	}
	if len(m.commitments) > 0 {
		b, err := commitmentsJSON(m)
		if err != nil {
			return n, err
		}
		if err := counted.Put("data/commitments.json", b); err != nil {
			return n, err
		}
	}
	for _, f := range m.files {
		if err := counted.Put(f.name, f.data); err != nil {
			return n, err
		}
	}
	if m.cfg.Catalog.POD.Set() { // a US federal catalogue: see publish.DataJSON
		dj, err := publish.DataJSON(cat)
		if err != nil {
			return n, err
		}
		if err := counted.Put("data.json", dj); err != nil {
			return n, err
		}
	}
	dcat, err := publish.DCAT(cat)
	if err != nil {
		return n, err
	}
	if err := counted.Put("catalog.jsonld", dcat); err != nil {
		return n, err
	}
	dp, err := publish.DataPackage(pkg)
	if err != nil {
		return n, err
	}
	if err := counted.Put("datapackage.json", dp); err != nil {
		return n, err
	}
	feed, err := publish.Feed(publish.FeedSite{Title: m.cfg.Title, BaseURL: m.baseURL, Lang: m.cfg.Language, ID: m.cfg.ID}, feedEntries(m))
	if err != nil {
		return n, err
	}
	if err := counted.Put("feed.xml", feed); err != nil {
		return n, err
	}
	if err := counted.Put("sitemap.xml", publish.Sitemap(m.baseURL, paths, lastmods(m, paths))); err != nil {
		return n, err
	}
	if _, own := static["robots.txt"]; own {
		return n, nil // the site's own static/robots.txt: published as it is
	}
	if err := counted.Put("robots.txt", publish.Robots(m.baseURL)); err != nil {
		return n, err
	}
	return n, nil
}

// staticGuard refuses to write over a file copied from static/: a page or
// download that gongkai makes at the same path is an error at the static
// file, where the fix is (rename or remove it), rather than one of the two
// silently winning.
type staticGuard struct {
	Sink
	static map[string]string // output path → the file it was copied from
}

func (g staticGuard) claim(name string) error {
	from, ok := g.static[name]
	if !ok {
		return nil
	}
	return &diag.Errors{List: []diag.Diagnostic{{Pos: diag.Pos{File: from}, Severity: diag.Error,
		Message: fmt.Sprintf("gongkai makes %s itself (a page, download or index of the site), so this file cannot be published at the same address: rename or move it", name)}}}
}

func (g staticGuard) Put(name string, data []byte) error {
	if err := g.claim(name); err != nil {
		return err
	}
	return g.Sink.Put(name, data)
}

func (g staticGuard) PutStream(name string, write func(io.Writer) error) error {
	if err := g.claim(name); err != nil {
		return err
	}
	return g.Sink.PutStream(name, write)
}

// downloads is everything a dataset's downloads are made from: write reads
// nothing else, and the build cache keys them by all of it (see key).
type downloads struct {
	d       *data.Dataset
	title   string            // the dataset's title, as the site shows it
	updated string            // when it last changed, YYYY-MM-DD (lastModified); "" when not known
	asOf    string            // the build's date: the .xlsx's date when updated is not known
	json    bool              // write the JSON download (the registry's is written with the statuses instead)
	text    publish.FieldText // the words the downloads use, in the site's language
}

// downloadsOf is what d's downloads are made from in the site m.
func downloadsOf(m *model, d *data.Dataset, text publish.FieldText) downloads {
	return downloads{d: d, title: datasetTitle(d, m.tr), updated: lastModified(m, d), asOf: m.asOf,
		json: !(d.ID == "commitments" && len(m.commitments) > 0), text: text}
}

// resource is the CSV download as datapackage.json describes it, but for
// its size and digest, which only writing it tells.
func (dl downloads) resource() publish.Resource {
	return publish.Resource{Dataset: dl.d, Title: dl.title, Path: "data/" + dl.d.ID + ".csv", Updated: dl.updated}
}

// write writes a dataset's downloads: the CSV, the .xlsx — none when the
// dataset does not fit an Excel sheet (validate warned, and its page says
// so) — and the JSON. It returns the CSV as datapackage.json describes it.
func (dl downloads) write(out Sink) (publish.Resource, error) {
	d, text := dl.d, dl.text
	res := dl.resource()
	err := out.PutStream(res.Path, func(w io.Writer) error {
		h := sha256.New()
		cw := &countWriter{w: io.MultiWriter(w, h)}
		if err := publish.WriteCSV(cw, d, text); err != nil {
			return err
		}
		res.Bytes, res.SHA256 = cw.n, hex.EncodeToString(h.Sum(nil))
		return nil
	})
	if err != nil {
		return res, err
	}
	if publish.FitsXLSX(d) {
		updated := cmp.Or(dl.updated, dl.asOf)
		err := out.PutStream("data/"+d.ID+".xlsx", func(w io.Writer) error { return publish.WriteXLSX(w, d, dl.title, updated, text) })
		if err != nil {
			return res, err
		}
	}
	if !dl.json {
		return res, nil // the registry's JSON carries the statuses: write writes it
	}
	return res, out.PutStream("data/"+d.ID+".json", func(w io.Writer) error { return publish.WriteJSON(w, d, dl.title) })
}

// renderPages renders the pages on every core and hands them to out in
// order, each as soon as it and those before it are made, while the next
// are being made: the output does not depend on the scheduling, and only a
// window of rendered pages is held at once. What rendering their Markdown
// reports goes to told. A page the cache has (nil: none) is taken from it.
func renderPages(pages []page, theme *render.Theme, out Sink, rec *recorder, told *diag.List, cache *pageCache) error {
	type result struct {
		html  []byte
		err   error
		diags []diag.Diagnostic
	}
	makePage := func(p page) result {
		start := time.Now()
		defer rec.tookPage(p.file, start)
		view, summed := cache.sum(p)
		if summed {
			if html, said, taken := cache.take(p, view); taken {
				return result{html: html, diags: said}
			}
		}
		var d diag.List
		html, err := renderPage(p, theme, &d)
		said := d.Sorted()
		if summed && err == nil && !d.HasErrors() {
			cache.note(p, view, html, said)
		}
		return result{html, err, said}
	}
	// A worker takes a batch of pages at a time: handed over one by one,
	// the pages woke a sleeping thread each (10,000 pages: 87,000 context
	// switches).
	const batch = 8
	workers := max(runtime.GOMAXPROCS(0), 1)
	batches := (len(pages) + batch - 1) / batch
	window := 2 * workers                  // batches made and not yet out
	slots := make([]chan []result, window) // batch b's results go to slot b % window
	free := make(chan struct{}, window)    // a batch is started only when the one window before it is out
	for i := range slots {
		slots[i] = make(chan []result, 1)
		free <- struct{}{}
	}
	var next atomic.Int64
	done := make(chan struct{})
	defer close(done)
	for range workers {
		go func() {
			for {
				select {
				case <-free:
				case <-done:
					return
				}
				b := int(next.Add(1) - 1)
				if b >= batches {
					return
				}
				rs := make([]result, 0, batch)
				for _, p := range pages[b*batch : min((b+1)*batch, len(pages))] {
					rs = append(rs, makePage(p))
				}
				slots[b%window] <- rs
			}
		}()
	}
	for b := range batches {
		for j, r := range <-slots[b%window] {
			i := b*batch + j
			told.Add(r.diags...)
			if r.err != nil {
				return r.err
			}
			if err := out.Put(pages[i].file, r.html); err != nil {
				return err
			}
			if i%256 == 255 || i == len(pages)-1 {
				rec.done(i+1, len(pages))
			}
		}
		free <- struct{}{}
	}
	return nil
}

// renderPage renders one page, with its Markdown when it has any, whose
// problems go to diags.
func renderPage(p page, theme *render.Theme, diags *diag.List) ([]byte, error) {
	view := p.view
	if cp, ok := view.(contentPage); ok {
		cp.view.Body = cp.md.HTML(diags)
		if diags.HasErrors() {
			return nil, nil // told
		}
		view = cp.view
	}
	return theme.Page(p.file, p.kind, view)
}

// lastmods dates the pages for the sitemap from the git history: a dataset's
// page by its files' last commit, every other page — made from the policy
// text, the registry, the data and the theme together — by the last commit
// of any of them. Outside git there are no dates. A page whose front matter
// gives lastmod (else date) is dated by it, in git or not.
func lastmods(m *model, paths []string) map[string]string {
	out := lastCommits(m, paths)
	for _, p := range m.dated {
		if out == nil {
			out = map[string]string{}
		}
		out[p.path] = cmp.Or(p.lastmod, p.date)
	}
	return out
}

// lastCommits dates the pages from the git history, as lastmods says.
func lastCommits(m *model, paths []string) map[string]string {
	if m.history == nil {
		return nil
	}
	var latest time.Time
	for _, t := range m.history {
		if t.After(latest) {
			latest = t
		}
	}
	out := map[string]string{}
	for _, p := range paths {
		out[p] = latest.Format(time.DateOnly)
	}
	for _, d := range m.datasets {
		if t, ok := lastCommit(m.history, d); ok {
			out["/data/"+d.ID+"/"] = t.Format(time.DateOnly)
		} else {
			delete(out, "/data/"+d.ID+"/") // not committed yet: no date to give
		}
	}
	return out
}

// lastModified is when a dataset last changed, YYYY-MM-DD: the date its
// publisher declares, else its files' last commit; empty when neither is known.
func lastModified(m *model, d *data.Dataset) string {
	if d.Updated != "" {
		return d.Updated
	}
	if t, ok := lastCommit(m.history, d); ok {
		return t.Format(time.DateOnly)
	}
	return ""
}

// feedEntries announces the changes of commitments' statuses (see
// statusEntries) and every update of a dataset: each commit that changed its
// files or its schema file (git), else the date its publisher declares; a
// dataset with neither is not in the feed. The feed keeps the newest.
func feedEntries(m *model) []publish.FeedEntry {
	out := statusEntries(m)
	tr := m.tr
	for _, p := range m.dated { // a page its front matter dates: a notice, a news item
		when, _ := time.Parse(time.DateOnly, cmp.Or(p.lastmod, p.date))
		out = append(out, publish.FeedEntry{Title: p.title, Path: p.path, Updated: when, Summary: p.summary})
	}
	for _, d := range m.datasets {
		title := datasetTitle(d, m.tr)
		sample := ""
		if d.Sample {
			sample = tr.T("feed.sample")
		}
		files := map[string]bool{}
		for _, f := range d.Files {
			files[f.Path], files[data.SidecarPath(f.Path)] = true, true
		}
		latest := true
		for _, c := range m.commits {
			var changed []string
			for _, f := range c.Files {
				if files[f] {
					changed = append(changed, f)
				}
			}
			if len(changed) == 0 {
				continue
			}
			summary := tr.T("feed.files_changed", "title", title, "files", strings.Join(changed, tr.T("search.list_sep")))
			if latest { // what the site publishes now
				summary = tr.T("feed.updated_files", "title", title, "rows", d.Rows, "files", strings.Join(changed, tr.T("search.list_sep")))
				latest = false
			}
			out = append(out, publish.FeedEntry{Title: tr.T("feed.updated_title", "title", title), Path: "/data/" + d.ID + "/", Updated: c.Time, Summary: summary + sample})
		}
		if latest && d.Updated != "" { // not in git: the date its publisher declares
			when, _ := time.Parse(time.DateOnly, d.Updated)
			out = append(out, publish.FeedEntry{Title: tr.T("feed.updated_title", "title", title), Path: "/data/" + d.ID + "/", Updated: when,
				Summary: tr.T("feed.updated", "title", title, "rows", d.Rows) + sample})
		}
	}
	return out
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

type countingSink struct {
	Sink
	n *int
}

func (c countingSink) Put(name string, data []byte) error {
	*c.n++
	return c.Sink.Put(name, data)
}

func (c countingSink) PutStream(name string, write func(io.Writer) error) error {
	*c.n++
	return c.Sink.PutStream(name, write)
}
