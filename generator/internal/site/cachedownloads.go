package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"gongkai/generator/internal/publish"
)

// write writes dl's downloads into out as dl.write does, taking them from
// the cache when it holds them and keeping them there when not. Without a
// cache (nil), or when the dataset's files changed since they were read,
// it is dl.write.
//
// Into the staging folder (a fileSink), a download taken from the cache is
// a hard link to it, and one written anew goes into the cache as a hard
// link to the staged file: neither is written twice, and a file unchanged
// from the published site stays that file (see stagingSink). Into memory
// (tests), the files are written into the cache and copied out of it.
func (c *downloadCache) write(dl downloads, out Sink) (publish.Resource, error) {
	if c == nil {
		return dl.write(out)
	}
	key, ok := dl.key(c.version)
	if !ok {
		return dl.write(out)
	}
	res := dl.resource()
	e, hit := c.lookup(key, dl.names())
	switch {
	case hit:
		c.hits++
	case diskSink(out) != nil:
		var files recordSink
		files.Sink = out
		r, err := dl.write(&files)
		if err != nil {
			return r, err
		}
		e, ok = c.adopt(key, files.files, diskSink(out).File)
		if !ok || !dl.d.Unchanged() {
			c.forget(key)
			return r, nil
		}
		c.use(key)
		return r, nil
	default:
		var ioErr, err error
		e, ioErr, err = c.store(key, func(s Sink) error {
			var err error
			res, err = dl.write(s)
			return err
		})
		switch {
		case err != nil && ioErr != nil: // the cache's own trouble: do without it
			return dl.write(out)
		case err != nil:
			return res, err
		case ioErr != nil || !dl.d.Unchanged():
			// No manifest, or one made from files that changed while
			// the downloads were written: the files are what this build
			// publishes, but not for the next to take.
			c.forget(key)
			return putFiles(out, c, e, res)
		}
	}
	c.use(key)
	return putFiles(out, c, e, res)
}

// putFiles hands the files of the entry e to out, and returns res with the
// CSV's size and digest.
func putFiles(out Sink, c *downloadCache, e cacheEntry, res publish.Resource) (publish.Resource, error) {
	for _, f := range e.Files {
		if err := putFile(out, f.Name, c.blobPath(f.SHA256)); err != nil {
			return res, err
		}
		if f.Name == res.Path {
			res.Bytes, res.SHA256 = f.Bytes, f.SHA256
		}
	}
	return res, nil
}

// names are the files dl.write writes, in order.
func (dl downloads) names() []string {
	base := "data/" + dl.d.ID
	names := []string{base + ".csv"}
	if publish.FitsXLSX(dl.d) {
		names = append(names, base+".xlsx")
	}
	if dl.json {
		names = append(names, base+".json")
	}
	return names
}

// downloadsKey is what a cache key sums: every field of downloads, each
// as a value (the dataset by the digest of what it is read from, the words'
// function by what it says of this dataset), and gongkai's version.
type downloadsKey struct {
	Format  string
	Version string
	Dataset string // data.Dataset.Digest
	ID      string
	Title   string
	Updated string
	Dated   string // the .xlsx's date: Updated, else the build's
	JSON    bool
	Text    fieldTextKey
}

// fieldTextKey is publish.FieldText as values.
type fieldTextKey struct {
	Date, USCC, Period, Sample string
	Described                  string // what Described says of the dataset
	True, False                string
	Aliases                    bool
}

// key is the cache key of dl's downloads as version of gongkai writes
// them; false when the dataset's files cannot be summed up, or changed
// since they were read.
func (dl downloads) key(version string) (string, bool) {
	sum, ok := dl.d.Digest()
	if !ok {
		return "", false
	}
	t := dl.text
	described := ""
	if t.Described != nil {
		described = t.Described(dl.title, dl.d.Rows, publish.Headers(dl.d, t))
	}
	k := downloadsKey{Format: cacheFormat, Version: version, Dataset: hex.EncodeToString(sum[:]), ID: dl.d.ID,
		Title: dl.title, Updated: dl.updated, Dated: cmp.Or(dl.updated, dl.asOf), JSON: dl.json,
		Text: fieldTextKey{Date: t.Date, USCC: t.USCC, Period: t.Period, Sample: t.Sample, Described: described,
			True: t.True, False: t.False, Aliases: t.Aliases}}
	b, err := json.Marshal(k)
	if err != nil {
		return "", false
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:]), true
}

// recordSink passes files on to Sink, noting each one's SHA-256 and size.
type recordSink struct {
	Sink
	files []cachedFile
}

// PutStream implements Sink.
func (r *recordSink) PutStream(name string, write func(io.Writer) error) error {
	h := sha256.New()
	var n int64
	err := r.Sink.PutStream(name, func(w io.Writer) error {
		cw := &countWriter{w: io.MultiWriter(w, h)}
		err := write(cw)
		n = cw.n
		return err
	})
	if err == nil {
		r.files = append(r.files, cachedFile{Name: name, SHA256: hex.EncodeToString(h.Sum(nil)), Bytes: n})
	}
	return err
}

// Put implements Sink.
func (r *recordSink) Put(name string, data []byte) error {
	return r.PutStream(name, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// A fileSink is a Sink whose files are on disk: the staging folder. The
// build cache links files into it and out of it rather than copy them.
type fileSink interface {
	Sink
	// PutFile takes the file at path as the output file name. The file
	// must never be written to afterwards (the cache's never are): the
	// output may be the same file.
	PutFile(name, path string) error
	// File is where the output file name, once put, is on disk.
	File(name string) string
}

// A sinkWrapper passes the files it is given on to another Sink, doing
// its own work on the way (counting them, checking them).
type sinkWrapper interface {
	unwrap() Sink
	PutFile(name, path string) error
}

// diskSink is the fileSink out passes its files to; nil when they are kept
// in memory.
func diskSink(out Sink) fileSink {
	for {
		if f, ok := out.(fileSink); ok {
			return f
		}
		w, ok := out.(sinkWrapper)
		if !ok {
			return nil
		}
		out = w.unwrap()
	}
}

// putFile hands the file at path to out as its output file name: by
// PutFile where out has it, else streamed.
func putFile(out Sink, name, path string) error {
	switch o := out.(type) {
	case fileSink:
		return o.PutFile(name, path)
	case sinkWrapper:
		return o.PutFile(name, path)
	}
	return out.PutStream(name, func(w io.Writer) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	})
}

// PutFile implements fileSink: the file itself, hard linked — unless the
// published site's file at name is that file already, which is then kept
// as an unchanged file is, with its precompressed copies.
func (s *stagingSink) PutFile(name, path string) error {
	full, err := s.claim(name)
	if err != nil {
		return err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	same := s.previous(name)
	if same != nil && !os.SameFile(same, fi) {
		same = nil
	}
	if same != nil {
		err = s.keep(name, full, same)
	} else {
		err = linkOrCopy(path, full, fi)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return s.compress(name, fi.Size(), same)
}

// File implements fileSink.
func (s *stagingSink) File(name string) string {
	return filepath.Join(s.root, filepath.FromSlash(name))
}

func (c countingSink) unwrap() Sink { return c.Sink }

// PutFile implements sinkWrapper.
func (c countingSink) PutFile(name, path string) error {
	*c.n++
	return putFile(c.Sink, name, path)
}

func (g staticGuard) unwrap() Sink { return g.Sink }

// PutFile implements sinkWrapper.
func (g staticGuard) PutFile(name, path string) error {
	if err := g.claim(name); err != nil {
		return err
	}
	return putFile(g.Sink, name, path)
}

func (s linkSink) unwrap() Sink { return s.Sink }

// PutFile implements sinkWrapper. A file taken whole is a download, never
// a page.
func (s linkSink) PutFile(name, path string) error {
	s.check.File(name)
	return putFile(s.Sink, name, path)
}
