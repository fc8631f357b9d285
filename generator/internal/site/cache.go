package site

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The build cache keeps what a build made that is slow to make again — each
// dataset's downloads — in a folder beside the output (CacheFolder), for the
// next build into the same folder. After one CSV file is edited, the next
// build writes the downloads of that dataset only, and links the others'
// files from the cache into place. The cache's files are the staged files
// themselves, hard linked (adopt), so a download is written once, and one
// unchanged from the published site stays that site's file (stagingSink).
//
// The cache is content-addressed: an entry is found by a SHA-256 of
// everything the files are made from (see downloads.key) — gongkai's
// version, the bytes of the dataset's files and schema file, the reading
// settings, and the title, dates and words the downloads carry — never by
// file names or times, so a hit is the file a build without the cache would
// write. Each file of an entry is stored once under its own SHA-256 (a
// blob), and an entry's manifest lists them with their size and the
// modification time they were stored with: a blob that is missing or was
// written since (a different size or time) makes the entry a miss, as does
// a manifest that cannot be read. Nothing in the cache is ever an error:
// deleting the folder, or any file in it, only makes the next build slower.
//
// The cache keeps the entries the last two builds used (keepBuilds) and
// deletes the rest when a build has written its downloads, so it holds about
// two sites' downloads at most — files that the output and the staging
// folder hold anyway, as hard links, so the cache takes little room of its
// own. Nothing writes into a file that has other links (see create).
//
// Layout of CacheFolder(dest):
//
//	CACHEDIR.TAG                   marks the folder as a cache for backup tools
//	downloads/entries/<key>.json   a manifest: the files of one dataset's downloads
//	downloads/blobs/<sha256>       a file's bytes
//	downloads/builds.json          the keys each of the last builds used, newest first
//	downloads/tmp/                 files being written
type downloadCache struct {
	dir     string   // the downloads folder
	version string   // Options.Version
	used    []string // the entries this build used, by key
	hits    int      // of them, those it found
	// fresh are the blobs this build stored or checked, by SHA-256: a
	// file with the bytes of one of them is not stored again, so two
	// entries sharing a file do not keep replacing it.
	fresh map[string]cachedFile
}

// keepBuilds is how many builds' entries the cache keeps: two, so that
// taking an edit back finds the files made before it.
const keepBuilds = 2

// cacheFormat changes whenever the cache's layout or keys change.
const cacheFormat = "gongkai build cache 1"

// CacheFolder is the build cache of a site built into dest:
// ".<dest>.cache" beside it, as its staging folder and lock are.
func CacheFolder(dest string) string {
	dest = filepath.Clean(dest)
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".cache")
}

// cacheTag marks a cache folder (https://bford.info/cachedir/).
const cacheTag = "Signature: 8a477f597d28d172789f06886806bc55\n" +
	"# This folder is gongkai's build cache (see gongkai's README): deleting it is safe.\n"

// openCache opens the cache in folder for a build by gongkai version,
// making the folder if need be. It returns nil — no cache — when either is
// empty or the folder cannot be made.
func openCache(folder, version string) *downloadCache {
	if folder == "" || version == "" {
		return nil
	}
	c := &downloadCache{dir: filepath.Join(folder, "downloads"), version: version, fresh: map[string]cachedFile{}}
	for _, d := range []string{"entries", "blobs", "tmp"} {
		if err := os.MkdirAll(filepath.Join(c.dir, d), 0o755); err != nil {
			return nil
		}
	}
	tag := filepath.Join(folder, "CACHEDIR.TAG")
	if _, err := os.Stat(tag); err != nil {
		_ = os.WriteFile(tag, []byte(cacheTag), 0o644)
	}
	c.clearTmp() // what a build that stopped half-way left
	return c
}

// cacheEntry is the manifest of one dataset's downloads.
type cacheEntry struct {
	Format string       `json:"format"`
	Key    string       `json:"key"`
	Files  []cachedFile `json:"files"` // in the order they are written
}

// cachedFile is one file of an entry: its path in the output, and its blob.
type cachedFile struct {
	Name    string `json:"name"`
	SHA256  string `json:"sha256"`
	Bytes   int64  `json:"bytes"`
	ModTime int64  `json:"mtime"` // the blob's modification time when stored, in ns since 1970
}

// lookup returns the entry of key, when it lists the files names, in that
// order, and their blobs are all as stored.
func (c *downloadCache) lookup(key string, names []string) (cacheEntry, bool) {
	var e cacheEntry
	b, err := os.ReadFile(c.entryPath(key))
	if err != nil {
		return e, false
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if dec.Decode(&e) != nil || e.Format != cacheFormat || e.Key != key || len(e.Files) != len(names) {
		return e, false
	}
	for i, f := range e.Files {
		if f.Name != names[i] || !c.intact(f) {
			return e, false
		}
	}
	for _, f := range e.Files {
		c.fresh[f.SHA256] = f
	}
	return e, true
}

// intact reports whether f's blob is there, as it was stored.
func (c *downloadCache) intact(f cachedFile) bool {
	if !isSHA256(f.SHA256) {
		return false
	}
	fi, err := os.Lstat(c.blobPath(f.SHA256))
	return err == nil && fi.Mode().IsRegular() && fi.Size() == f.Bytes && fi.ModTime().UnixNano() == f.ModTime
}

func isSHA256(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil && len(s) == 2*sha256.Size && strings.ToLower(s) == s
}

// store runs write with a Sink that writes into the cache, and keeps what
// it wrote as the entry of key. An error of the cache's own (a full disk)
// is ioErr, and write's error err: the caller writes the files itself then.
func (c *downloadCache) store(key string, write func(Sink) error) (e cacheEntry, ioErr, err error) {
	s := &blobSink{c: c}
	if err := write(s); err != nil {
		return e, s.ioErr, err
	}
	e = cacheEntry{Format: cacheFormat, Key: key, Files: s.files}
	b, err := json.Marshal(e)
	if err == nil {
		err = c.writeAtomic(c.entryPath(key), b)
	}
	return e, err, nil // the files are stored; the manifest perhaps not
}

// adopt keeps the files a build wrote into the staging folder — where says
// where each is — as the entry of key: each becomes a blob as a hard link
// to the staged file (or a copy, where links cannot be made). false when a
// file is not there as written, or cannot be kept.
func (c *downloadCache) adopt(key string, files []cachedFile, where func(name string) string) (cacheEntry, bool) {
	e := cacheEntry{Format: cacheFormat, Key: key}
	for _, f := range files {
		path := where(f.Name)
		fi, err := os.Lstat(path)
		if err != nil || !fi.Mode().IsRegular() || fi.Size() != f.Bytes {
			return e, false
		}
		if prev, ok := c.fresh[f.SHA256]; ok && c.intact(prev) {
			f.ModTime = prev.ModTime // the same bytes, stored or checked by this build
			e.Files = append(e.Files, f)
			continue
		}
		tmp := filepath.Join(c.dir, "tmp", "link-"+rand.Text())
		if linkOrCopy(path, tmp, fi) != nil {
			return e, false
		}
		blob := c.blobPath(f.SHA256)
		if os.Rename(tmp, blob) != nil && (os.RemoveAll(blob) != nil || os.Rename(tmp, blob) != nil) {
			os.Remove(tmp)
			return e, false
		}
		if fi, err = os.Lstat(blob); err != nil || fi.Size() != f.Bytes {
			return e, false
		}
		f.ModTime = fi.ModTime().UnixNano()
		c.fresh[f.SHA256] = f
		e.Files = append(e.Files, f)
	}
	b, err := json.Marshal(e)
	if err != nil || c.writeAtomic(c.entryPath(key), b) != nil {
		return e, false
	}
	return e, true
}

// forget deletes the entry of key, if it was stored.
func (c *downloadCache) forget(key string) { _ = os.Remove(c.entryPath(key)) }

// blobSink writes files into the cache's blobs, noting each.
type blobSink struct {
	c     *downloadCache
	files []cachedFile
	ioErr error // the first error writing into the cache
}

// Put implements Sink.
func (s *blobSink) Put(name string, data []byte) error {
	return s.PutStream(name, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// PutStream implements Sink.
func (s *blobSink) PutStream(name string, write func(io.Writer) error) error {
	f, err := s.c.createTemp("blob-")
	if err != nil {
		s.ioErr = err
		return err
	}
	defer os.Remove(f.Name()) // once renamed, a no-op
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(ioErrWriter{f, &s.ioErr}, h)}
	err = write(cw)
	if cerr := f.Close(); err == nil && cerr != nil {
		s.ioErr, err = cerr, cerr
	}
	if err != nil {
		return err
	}
	file := cachedFile{Name: name, SHA256: hex.EncodeToString(h.Sum(nil)), Bytes: cw.n}
	if prev, ok := s.c.fresh[file.SHA256]; ok && s.c.intact(prev) {
		file.ModTime = prev.ModTime // the same bytes, stored or checked by this build
		s.files = append(s.files, file)
		return nil
	}
	blob := s.c.blobPath(file.SHA256)
	if err := os.Rename(f.Name(), blob); err != nil {
		// Something that is no file in the blob's place: make way.
		if os.RemoveAll(blob) != nil || os.Rename(f.Name(), blob) != nil {
			s.ioErr = err
			return err
		}
	}
	fi, err := os.Stat(blob)
	if err != nil {
		s.ioErr = err
		return err
	}
	file.ModTime = fi.ModTime().UnixNano()
	s.c.fresh[file.SHA256] = file
	s.files = append(s.files, file)
	return nil
}

// ioErrWriter notes the first error of writing to w.
type ioErrWriter struct {
	w   io.Writer
	err *error
}

func (e ioErrWriter) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil && *e.err == nil {
		*e.err = err
	}
	return n, err
}

// use notes that this build used the entry of key.
func (c *downloadCache) use(key string) { c.used = append(c.used, key) }

// hitCount is how many entries this build found; 0 without a cache.
func (c *downloadCache) hitCount() int {
	if c == nil {
		return 0
	}
	return c.hits
}

// finish ends the build's use of the cache. When the build wrote all its
// downloads (ok), it records the entries the build used and deletes those
// neither it nor the build before it used, and the blobs no entry kept
// lists; a build that failed half-way changes nothing but its unfinished
// files, so that it does not make the next build forget what the last one
// used. Errors are left: what could not be deleted, the next build tries
// again.
func (c *downloadCache) finish(ok bool) {
	if c == nil {
		return
	}
	if !ok {
		c.clearTmp()
		return
	}
	var builds [][]string
	if b, err := os.ReadFile(filepath.Join(c.dir, "builds.json")); err != nil || json.Unmarshal(b, &builds) != nil {
		builds = nil // none recorded: this build's are kept
	}
	builds = append([][]string{c.used}, builds...)
	builds = builds[:min(len(builds), keepBuilds)]
	if b, err := json.Marshal(builds); err == nil {
		_ = c.writeAtomic(filepath.Join(c.dir, "builds.json"), b)
	}
	kept := map[string]bool{}
	for _, keys := range builds {
		for _, k := range keys {
			kept[k] = true
		}
	}
	blobs := map[string]bool{}
	entries, _ := os.ReadDir(filepath.Join(c.dir, "entries"))
	for _, e := range entries {
		key, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || !kept[key] {
			_ = os.RemoveAll(filepath.Join(c.dir, "entries", e.Name()))
			continue
		}
		var entry cacheEntry
		if b, err := os.ReadFile(c.entryPath(key)); err == nil && json.Unmarshal(b, &entry) == nil {
			for _, f := range entry.Files {
				blobs[f.SHA256] = true
			}
		}
	}
	files, _ := os.ReadDir(filepath.Join(c.dir, "blobs"))
	for _, f := range files {
		if !blobs[f.Name()] {
			_ = os.RemoveAll(filepath.Join(c.dir, "blobs", f.Name()))
		}
	}
	c.clearTmp()
}

func (c *downloadCache) clearTmp() {
	tmp, _ := os.ReadDir(filepath.Join(c.dir, "tmp"))
	for _, f := range tmp {
		_ = os.RemoveAll(filepath.Join(c.dir, "tmp", f.Name()))
	}
}

func (c *downloadCache) entryPath(key string) string {
	return filepath.Join(c.dir, "entries", key+".json")
}

func (c *downloadCache) blobPath(sum string) string { return filepath.Join(c.dir, "blobs", sum) }

// writeAtomic writes a small file whole or not at all.
func (c *downloadCache) writeAtomic(name string, data []byte) error {
	return writeAtomic(filepath.Join(c.dir, "tmp"), name, data)
}

// writeAtomic writes a small file whole or not at all, through a file in
// the folder tmp.
func writeAtomic(tmp, name string, data []byte) error {
	f, err := createTemp(tmp, "meta-")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}

// createTemp creates a new file in the cache's tmp folder.
func (c *downloadCache) createTemp(prefix string) (*os.File, error) {
	return createTemp(filepath.Join(c.dir, "tmp"), prefix)
}

// createTemp creates a new file in the folder dir with the permissions
// os.Create gives (0666 less the umask), as the files the staging folder
// writes have: a blob linked into the output is its file.
func createTemp(dir, prefix string) (*os.File, error) {
	for {
		name := filepath.Join(dir, prefix+rand.Text())
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
}
