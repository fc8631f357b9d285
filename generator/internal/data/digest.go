package data

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// digestFormat names how Digest sums a dataset up; change it when Digest
// changes what it sums, so no digest of the old form is taken for a new one.
const digestFormat = "gongkai dataset digest 1"

// Digest is a SHA-256 of everything a reading of the dataset depends on
// besides gongkai itself: the path and bytes of each of its files and of
// its schema file (or that there is none), its kind (by id, path and
// title: its schema and checks are gongkai's code) and the reading
// settings. Two datasets with the same digest, read by the same gongkai,
// are the same dataset, whatever their files' modification times.
//
// ok is false when a file cannot be read, or changed since the dataset
// was read (its size, modification time or content id is not the one
// taken before reading it): the bytes summed would then not be the ones
// read, and the digest would name data the dataset does not hold.
func (d *Dataset) Digest() (sum [32]byte, ok bool) {
	if !d.Unchanged() {
		return sum, false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.summed { // the files have the stamp they had when summed
		return d.sum, true
	}
	paths := d.paths()
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", digestFormat)
	if k := d.Kind; k != nil {
		fmt.Fprintf(h, "kind %q %q %t %q\n", k.ID, k.Path, k.Folder, k.Title)
	}
	opts := d.opts
	opts.Kinds = nil // a func-holding list: the dataset's own kind is above
	fmt.Fprintf(h, "settings %+v\n", opts)
	for _, p := range paths {
		fsum, n, err := fileSum(d.fsys, p)
		if err != nil {
			return sum, false
		}
		fmt.Fprintf(h, "file %q %d %x\n", p, n, fsum)
	}
	switch fsum, n, err := fileSum(d.fsys, d.schemaFile); {
	case err == nil:
		fmt.Fprintf(h, "schema %q %d %x\n", d.schemaFile, n, fsum)
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(h, "schema %q none\n", d.schemaFile)
	default:
		return sum, false
	}
	if !d.Unchanged() {
		return sum, false // changed while being summed
	}
	copy(sum[:], h.Sum(nil))
	d.sum, d.summed = sum, true
	return sum, true
}

// fileSum is the SHA-256 of a file's bytes, and their number.
func fileSum(fsys fs.FS, name string) ([]byte, int64, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return nil, 0, err
	}
	return h.Sum(nil), n, nil
}

// Unchanged reports whether the dataset's files and schema file have the
// sizes and modification times (and content ids) they had when it was
// read: whether what was made from the dataset since is what its files
// hold now.
func (d *Dataset) Unchanged() bool {
	return d.stamp != "" && d.fsys != nil && stamp(d.fsys, append(d.paths(), d.schemaFile)) == d.stamp
}

func (d *Dataset) paths() []string {
	paths := make([]string, len(d.Files))
	for i, f := range d.Files {
		paths[i] = f.Path
	}
	return paths
}

// stamp sums up the files' sizes and modification times, and their content
// ids where fsys knows them. Unlike signature it holds the times even then:
// a content id (git's, taken when the build started) does not see an edit
// made while the site is being built.
func stamp(fsys fs.FS, paths []string) string {
	var b strings.Builder
	for _, p := range paths {
		fi, err := fs.Stat(fsys, p)
		if err != nil {
			fmt.Fprintf(&b, "%q -\n", p)
			continue
		}
		fmt.Fprintf(&b, "%q %d %d", p, fi.Size(), fi.ModTime().UnixNano())
		if c, ok := fi.Sys().(contentIDer); ok {
			fmt.Fprintf(&b, " %s", c.ContentID())
		}
		b.WriteByte('\n')
	}
	return b.String()
}
