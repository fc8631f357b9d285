package data

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"gongkai/generator/internal/data/value"
	"gongkai/generator/internal/diag"
)

// Options are the site's settings for reading data.
type Options struct {
	Limits        Limits
	Numbers       value.NumberFormat // how numbers are written, from site.toml
	MissingValues []string           // tokens that mean "no value" in every dataset, besides blank
	Kinds         []Kind             // the kinds whose files Load claims, in the order it lists them; nil: none, every CSV is a generic dataset
}

// DefaultOptions returns the settings used when site.toml gives none: ","
// groups thousands, "." is the decimal mark, only a blank cell is missing.
// It has no kinds: the site adds its built-in ones (package kinds).
func DefaultOptions() Options {
	return Options{Limits: DefaultLimits(), Numbers: value.NumberFormat{Group: ",", Decimal: "."}}
}

// Load finds and reads every dataset under data/ in fsys. Problems in the
// files go to diags; an error means the folder itself could not be read.
func Load(fsys fs.FS, opts Options, diags *diag.List) ([]*Dataset, error) {
	return LoadReusing(fsys, opts, nil, diags)
}

// Reuse keeps the datasets of one Load for the next Load of the same source,
// which takes a dataset whose files, schema file and settings have not
// changed (same sizes and modification times) instead of reading it again:
// gongkai serve rebuilds after every edit, which mostly touches one file.
// The zero value is ready; use it for one Load at a time.
type Reuse struct {
	prev map[string]reused // by dataset id
	// Snapshots, when set, keep what reading each dataset found for a
	// later build, in another process (see Snapshots); not cloned.
	Snapshots Snapshots
}

type reused struct {
	sig   string
	d     *Dataset
	diags []diag.Diagnostic // what reading it reported (warnings: a dataset with errors is not kept)
}

// contentIDer is a file's Sys in a file system that knows its files by
// their contents (git's object ids: history.Blob, for a commit's files or
// for files unchanged since the index), where modification times mean
// nothing.
type contentIDer interface{ ContentID() string }

// Clone returns a Reuse holding what r holds, for a Load that must not
// change r (reading another commit's files while r serves this build).
func (r *Reuse) Clone() *Reuse {
	if r == nil {
		return &Reuse{}
	}
	return &Reuse{prev: maps.Clone(r.prev)}
}

// signature sums up what a dataset is read from: its kind (nil: a generic
// dataset), the settings, its files and its schema file. Of opts.Kinds only
// the dataset's own kind counts, by its id, path and title: its Schema, a
// func, cannot be compared, and one id names one schema.
func signature(fsys fs.FS, opts Options, k *Kind, paths []string, sidecar string) string {
	var b strings.Builder
	opts.Kinds = nil
	if k != nil {
		fmt.Fprintf(&b, "%s\x00%s\x00%t\x00%s", k.ID, k.Path, k.Folder, k.Title)
	}
	fmt.Fprintf(&b, "\x00%+v\n", opts)
	for _, p := range append(slices.Clip(paths), sidecar) {
		if fi, err := fs.Stat(fsys, p); err == nil {
			// Known contents say it all, the same in any file system;
			// otherwise size and time stand for them.
			if c, ok := fi.Sys().(contentIDer); ok {
				fmt.Fprintf(&b, "%s\x00=%s\n", p, c.ContentID())
			} else {
				fmt.Fprintf(&b, "%s\x00%d\x00%d\n", p, fi.Size(), fi.ModTime().UnixNano())
			}
		} else {
			fmt.Fprintf(&b, "%s\x00-\n", p)
		}
	}
	return b.String()
}

// LoadReusing is Load taking unchanged datasets from reuse (nil: none) and
// keeping the ones it reads there for the next call.
func LoadReusing(fsys fs.FS, opts Options, reuse *Reuse, diags *diag.List) ([]*Dataset, error) {
	files, err := findFiles(fsys, diags)
	if err != nil {
		return nil, err
	}
	var sets []*Dataset
	byID := map[string]*Dataset{}
	add := func(d *Dataset) {
		if prev, dup := byID[d.ID]; dup {
			diags.Errorf(filePos(d.Files[0].Path), "this file and %s both make the dataset %q (file names that differ only in case, spaces or punctuation): rename one", prev.Files[0].Path, d.ID)
			return
		}
		byID[d.ID] = d
		sets = append(sets, d)
	}
	next := map[string]reused{}
	sigs := map[*Dataset]string{} // datasets to read, and keep for next time unless they have errors
	kept := map[*Dataset]bool{}   // datasets taken from last time
	// fromBefore returns the dataset read last time from the same inputs.
	fromBefore := func(id, sig string) (*Dataset, bool) {
		if reuse == nil {
			return nil, false
		}
		r, ok := reuse.prev[id]
		if !ok || r.sig != sig {
			return nil, false
		}
		diags.Add(r.diags...)
		next[id] = r
		kept[r.d] = true
		return r.d, true
	}
	claimed := map[string]bool{}
	for i := range opts.Kinds {
		k := &opts.Kinds[i]
		var paths []string
		for _, f := range files {
			// A kind's file may be a workbook or a Parquet file: data/progress.xlsx for data/progress.csv.
			if k.Folder && strings.HasPrefix(f, k.Path+"/") || !k.Folder && stem(f) == stem(k.Path) {
				paths = append(paths, f)
				claimed[f] = true
			}
		}
		if len(paths) == 0 {
			continue
		}
		if !k.Folder && len(paths) > 1 {
			diags.Errorf(filePos(paths[1]), "this file and %s both make the dataset %q: keep one of them", paths[0], k.ID)
			paths = paths[:1]
		}
		meta := strings.TrimSuffix(k.Path, ".csv") + ".schema.json"
		sig := signature(fsys, opts, k, paths, meta)
		if d, ok := fromBefore(k.ID, sig); ok {
			add(d)
			continue
		}
		d := newDataset(fsys, opts, k.ID, paths, meta)
		sigs[d] = sig
		d.Kind, d.Title, d.Schema = k, k.Title, k.Schema()
		d.Schema.Numbers, d.Schema.MissingValues = opts.Numbers, slices.Concat(opts.MissingValues, d.Schema.MissingValues)
		if sc, found, errs := readSidecar(fsys, meta, opts, true); len(errs) > 0 {
			diags.Add(errs...)
			sigs[d] = "" // read it, but do not keep it: its schema file is wrong
		} else if found {
			d.Sample, d.Updated, d.Frequency, d.Sources = sc.sample, sc.updated, sc.frequency, sc.sources
			if sc.title != "" {
				d.Title = sc.title
			}
			d.Description = sc.description
		}
		add(d)
	}
	for _, f := range files {
		if claimed[f] {
			continue
		}
		id, ok := datasetID(f)
		if !ok {
			diags.Errorf(filePos(f), "the file name is not valid UTF-8 text (it was probably made on a system using another encoding): rename the file")
			continue
		}
		sig := signature(fsys, opts, nil, []string{f}, SidecarPath(f))
		if d, ok := fromBefore(id, sig); ok {
			add(d)
			continue
		}
		d := newDataset(fsys, opts, id, []string{f}, SidecarPath(f))
		sc, found, errs := loadSidecar(fsys, f, opts)
		diags.Add(errs...)
		if len(errs) > 0 {
			continue
		}
		own := &diag.List{}
		if found {
			d.Schema, d.Title, d.Description, d.Sample, d.Updated, d.Frequency, d.Sources = sc.schema, sc.title, sc.description, sc.sample, sc.updated, sc.frequency, sc.sources
		} else if !d.infer(own) {
			diags.Add(own.Sorted()...)
			continue
		}
		sigs[d] = sig
		d.inferred = own.Sorted()
		add(d)
	}
	for _, d := range sets {
		if kept[d] {
			continue // with its messages, added above
		}
		sig := sigs[d]
		own := &diag.List{}
		own.Add(d.inferred...)
		d.inferred = nil
		var snaps Snapshots
		if reuse != nil && sig != "" {
			snaps = reuse.Snapshots
		}
		own.Add(d.readOrRestore(snaps)...)
		ds := own.Sorted()
		diags.Add(ds...)
		if sig != "" && !own.HasErrors() {
			next[d.ID] = reused{sig: sig, d: d, diags: ds}
		}
	}
	if reuse != nil {
		reuse.prev = next
	}
	checkReferences(sets, diags, reuse != nil)
	return sets, nil
}

// readOrRestore reads d and runs its kind's check, returning the problems
// they report — or takes what they found from its snapshot, when snaps
// holds one of the same files. A reading without errors is kept there.
func (d *Dataset) readOrRestore(snaps Snapshots) []diag.Diagnostic {
	sum, keyed := [32]byte{}, false
	if snaps != nil {
		sum, keyed = d.Digest()
	}
	if keyed {
		if b, ok := snaps.Get(sum); ok {
			if ds, ok := d.restore(b); ok {
				return ds
			}
		}
	}
	own := &diag.List{}
	d.read(own)
	if k := d.Kind; k != nil && k.Check != nil && !own.HasErrors() {
		if err := k.Check(d, own); err != nil {
			own.Errorf(filePos(d.Files[0].Path), "%v", err)
		}
	}
	ds := own.Sorted()
	if keyed && !own.HasErrors() && d.Unchanged() {
		if b, err := d.snap(ds); err == nil {
			snaps.Put(sum, b)
		}
	}
	return ds
}

func newDataset(fsys fs.FS, opts Options, id string, paths []string, schemaFile string) *Dataset {
	d := &Dataset{ID: id, fsys: fsys, opts: opts, schemaFile: schemaFile, stamp: stamp(fsys, append(slices.Clip(paths), schemaFile))}
	for _, p := range paths {
		size := int64(0)
		if fi, err := fs.Stat(fsys, p); err == nil {
			size = fi.Size()
		}
		d.Files = append(d.Files, &File{Path: p, Bytes: size})
	}
	return d
}

// stem is a path without its extension: data/progress for data/progress.csv.
func stem(p string) string { return strings.TrimSuffix(p, path.Ext(p)) }

// findFiles lists the CSV files, workbooks and Parquet files under data/, in path order, reporting links
// out of the project and files that are not data.
func findFiles(fsys fs.FS, diags *diag.List) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "data" {
				if errors.Is(err, fs.ErrNotExist) {
					return fs.SkipAll
				}
				return err
			}
			diags.Errorf(filePos(p), "cannot read: %v", unwrapPathErr(err))
			return nil
		}
		name := d.Name()
		if p != "data" && litter(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if d.Type()&fs.ModeSymlink != 0 {
			if info, err = fs.Stat(fsys, p); err != nil {
				diags.Errorf(filePos(p), "is a link to a file outside the project folder, or to nothing: gongkai reads only files inside the project, so copy the file here instead")
				return nil
			}
		}
		if err == nil && !info.Mode().IsRegular() {
			// A pipe would make the build wait for ever, a device read without end.
			diags.Errorf(filePos(p), "is not a file but a %s: gongkai reads only ordinary files; remove it", diag.FileKind(info.Mode()))
			return nil
		}
		lower := strings.ToLower(name)
		switch {
		case strings.HasSuffix(lower, ".csv"), strings.HasSuffix(lower, ".xlsx"), strings.HasSuffix(lower, ".parquet"):
			if err == nil && info.Size() == 0 {
				// Skipping it would silently take a published dataset off the site.
				diags.Errorf(filePos(p), "the file is empty (0 bytes, perhaps half-saved): save it again with its data, or delete it to stop publishing its dataset")
				return nil
			}
			out = append(out, p)
		case strings.HasSuffix(lower, ".schema.json"), strings.HasSuffix(lower, ".md"), lower == "readme.txt":
		case strings.HasSuffix(lower, ".xls"), strings.HasSuffix(lower, ".et"):
			diags.Warnf(filePos(p), "old Excel 97–2003 (and WPS .et) workbooks are not read: save it as an Excel workbook (另存为 → Excel 工作簿 .xlsx) or as CSV UTF-8 next to it")
		case strings.HasSuffix(lower, ".xlsm"), strings.HasSuffix(lower, ".xlsb"), strings.HasSuffix(lower, ".ods"):
			diags.Warnf(filePos(p), "only Excel workbooks (.xlsx), CSV and Parquet files are read: save it as an Excel workbook (另存为 → Excel 工作簿 .xlsx) or as CSV UTF-8 next to it")
		default:
			diags.Warnf(filePos(p), "not a CSV file, Excel workbook (.xlsx) or Parquet file: it is not published")
		}
		return nil
	})
	return out, err
}

// litter reports editor and OS files that are never data.
func litter(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".tmp") || strings.EqualFold(name, "Thumbs.db") ||
		strings.EqualFold(name, "desktop.ini")
}

// ID turns a name into the readable, lowercase, hyphenated form used in
// addresses: "Report 2013%" → "report-2013", "广州市" → "广州市".
func ID(name string) (string, bool) { return datasetID("data/" + name + ".csv") }

// datasetID turns a path under data/ into a dataset id: the path without
// ".csv", ".xlsx" or ".parquet", "/" replaced by "-", letters lowercased, and runs of spaces and
// punctuation made one "-". Chinese names stay readable: data/预算 2013.csv → 预算-2013.
func datasetID(p string) (string, bool) {
	rel := strings.TrimPrefix(p, "data/")
	rel = rel[:len(rel)-len(path.Ext(rel))]
	if !utf8.ValidString(rel) {
		return "", false
	}
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKC.String(rel) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "", false
	}
	return b.String(), true
}

// checkReferences reports values of foreign keys that the referenced dataset
// does not have.
func checkReferences(sets []*Dataset, diags *diag.List, keep bool) {
	byID := map[string]*Dataset{}
	for _, d := range sets {
		byID[d.ID] = d
	}
	values := map[string]map[string]bool{} // "dataset.field" → values
	for _, d := range sets {
		probs := map[string]*problems{}
		var order []string
		for _, r := range d.refs {
			p := probs[r.pos.File]
			if p == nil {
				p = &problems{path: r.pos.File, sheet: r.pos.Sheet, max: d.opts.Limits.MaxProblems}
				for _, f := range d.Files {
					if f.Path == r.pos.File {
						p = f.problems(d.opts.Limits.MaxProblems)
					}
				}
				probs[r.pos.File] = p
				order = append(order, r.pos.File)
			}
			target, ok := byID[r.fk.Reference]
			if !ok {
				p.errorf(r.pos.Line, r.pos.Col, "%s refers to the dataset %q, which does not exist (add data/%s.csv)", r.fk.Fields[0], r.fk.Reference, r.fk.Reference)
				continue
			}
			key := r.fk.Reference + "." + r.fk.Ref[0]
			if values[key] == nil {
				values[key] = target.values(r.fk.Ref[0])
			}
			if !values[key][r.value] {
				p.errorf(r.pos.Line, r.pos.Col, "%s %q does not exist in %s (column %s): check the spelling, or add it there first", r.fk.Fields[0], r.value, target.ID, r.fk.Ref[0])
			}
		}
		for _, f := range order {
			probs[f].flush(d.fsys, diags)
		}
		if !keep { // kept for the next check when the dataset may be reused
			d.refs = nil
		}
	}
}

// values returns every value of a column, reading the dataset again.
func (d *Dataset) values(field string) map[string]bool {
	out := map[string]bool{}
	fi := d.fieldIndex(field)
	if fi < 0 {
		return out
	}
	_ = d.Each(func(_ string, _ int, cells []Cell) error {
		if !cells[fi].Missing {
			out[cells[fi].Text] = true
		}
		return nil
	})
	return out
}

// String names the dataset for messages.
func (d *Dataset) String() string { return fmt.Sprintf("dataset %s", d.ID) }
