package history

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Repo reads earlier states of a folder from its git repository: which
// commits changed it, and its files as each of those commits left them.
// Close it when done.
type Repo struct {
	dir string

	mu        sync.Mutex // one read of the object store at a time
	cat       *exec.Cmd
	in        io.WriteCloser
	out       *bufio.Reader
	cache     map[string][]byte // small blobs already read, by object id
	bytesRead int64             // bytes read from the object store
}

// Revision is a commit and its commit time.
type Revision struct {
	Commit string
	Time   time.Time
}

// Open returns the repository holding dir, or nil and no error when dir is
// not in one (or git is not installed): there is then no history to read.
func Open(dir string) (*Repo, error) {
	if _, err := git(dir, "rev-parse", "--verify", "-q", "HEAD"); err != nil {
		if errors.Is(err, errNoHistory) {
			return nil, nil
		}
		return nil, err
	}
	return &Repo{dir: dir, cache: map[string][]byte{}}, nil
}

// Revisions returns the last n commits that changed any of the paths
// (relative to the folder), newest first.
func (r *Repo) Revisions(n int, paths ...string) ([]Revision, error) {
	out, err := git(r.dir, append([]string{"log", "-n", strconv.Itoa(n), "--format=%H %cI", "--"}, paths...)...)
	if err != nil {
		return nil, err
	}
	var revs []Revision
	for line := range strings.Lines(string(out)) {
		commit, when, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		t, err := time.Parse(time.RFC3339, when)
		if err != nil {
			return nil, err
		}
		revs = append(revs, Revision{Commit: commit, Time: t})
	}
	return revs, nil
}

// Tree returns the files under paths (relative to the folder) as the commit
// left them, as a read-only file system rooted at the folder. Files are read
// from the repository when opened. Symbolic links and submodules are left out.
func (r *Repo) Tree(commit string, paths ...string) (fs.FS, error) {
	out, err := git(r.dir, append([]string{"ls-tree", "-r", "-z", "-l", commit, "--"}, paths...)...)
	if err != nil {
		return nil, err
	}
	t := &tree{repo: r, files: map[string]treeFile{}, dirs: map[string][]fs.DirEntry{".": nil}}
	for rec := range strings.SplitSeq(string(out), "\x00") {
		// "<mode> SP <type> SP <object> SP+ <size> TAB <path>"
		meta, name, ok := strings.Cut(rec, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 4 || f[1] != "blob" || f[0] == "120000" || !fs.ValidPath(name) {
			continue
		}
		size, err := strconv.ParseInt(f[3], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("git ls-tree: %q", rec)
		}
		tf := treeFile{name: path.Base(name), id: f[2], size: size}
		t.files[name] = tf
		t.add(name, tf)
	}
	for _, entries := range t.dirs {
		slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
	return t, nil
}

// Close ends the repository's reader. A nil Repo is closed.
func (r *Repo) Close() error {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cat == nil {
		return nil
	}
	r.in.Close()
	err := r.cat.Wait()
	r.cat = nil
	return err
}

// BytesRead is how many bytes of files the repository has read from git so
// far: what reusing unchanged files spares shows here.
func (r *Repo) BytesRead() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.bytesRead
}

// cacheMax is the largest blob kept once read: a file that did not change
// between two commits is then read from git once.
const cacheMax = 4 << 20

// read returns the bytes of a blob.
func (r *Repo) read(id string, size int64) ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if b, ok := r.cache[id]; ok {
		return b, nil
	}
	if r.cat == nil {
		cmd := exec.Command("git", "-C", r.dir, "cat-file", "--batch")
		cmd.Env = append(cmd.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
		in, err := cmd.StdinPipe()
		if err != nil {
			return nil, err
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			return nil, err
		}
		if err := cmd.Start(); err != nil {
			return nil, err
		}
		r.cat, r.in, r.out = cmd, in, bufio.NewReaderSize(out, 1<<16)
	}
	if _, err := io.WriteString(r.in, id+"\n"); err != nil {
		return nil, err
	}
	header, err := r.out.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	f := strings.Fields(header)
	if len(f) != 3 || f[0] != id || f[1] != "blob" || f[2] != strconv.FormatInt(size, 10) {
		return nil, fmt.Errorf("git cat-file: unexpected %q for %s", strings.TrimSpace(header), id)
	}
	b := make([]byte, size+1) // and the line break after it
	if _, err := io.ReadFull(r.out, b); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	b = b[:size:size]
	r.bytesRead += size
	if size <= cacheMax {
		r.cache[id] = b
	}
	return b, nil
}

// tree is the file system Repo.Tree returns.
type tree struct {
	repo  *Repo
	files map[string]treeFile
	dirs  map[string][]fs.DirEntry
}

type treeFile struct {
	name string
	id   string // the blob's object id
	size int64
	dir  bool
}

// add records a file and the folders above it.
func (t *tree) add(name string, f fs.DirEntry) {
	for {
		parent := path.Dir(name)
		_, known := t.dirs[parent]
		t.dirs[parent] = append(t.dirs[parent], f)
		if known || parent == "." {
			return
		}
		name, f = parent, treeFile{name: path.Base(parent), dir: true}
	}
}

func (t *tree) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if f, ok := t.files[name]; ok {
		return &treeReader{treeFile: f, repo: t.repo, path: name}, nil
	}
	if entries, ok := t.dirs[name]; ok {
		return &treeDir{treeFile: treeFile{name: path.Base(name), dir: true}, entries: entries}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// Stat answers from the tree, reading no file.
func (t *tree) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	if f, ok := t.files[name]; ok {
		return f, nil
	}
	if _, ok := t.dirs[name]; ok {
		return treeFile{name: path.Base(name), dir: true}, nil
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

// treeFile is its own fs.FileInfo and fs.DirEntry.
func (f treeFile) Name() string { return f.name }
func (f treeFile) Size() int64  { return f.size }
func (f treeFile) Mode() fs.FileMode {
	if f.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (f treeFile) ModTime() time.Time         { return time.Time{} }
func (f treeFile) IsDir() bool                { return f.dir }
func (f treeFile) Type() fs.FileMode          { return f.Mode().Type() }
func (f treeFile) Info() (fs.FileInfo, error) { return f, nil }

// Sys is the file's Blob.
func (f treeFile) Sys() any { return Blob(f.id) }

// Blob is what Sys returns for a file of a Tree: the object id of its bytes,
// the same for the same bytes in any commit.
type Blob string

// ContentID is the object id: files with the same id hold the same bytes
// (a file's modification time means nothing in a Tree).
func (b Blob) ContentID() string { return string(b) }

// treeReader is an open file of a Tree: its bytes are read from git on the
// first Read, so opening a file to look at it costs nothing.
type treeReader struct {
	treeFile
	repo *Repo
	path string
	r    *bytes.Reader
}

func (f *treeReader) Stat() (fs.FileInfo, error) { return f.treeFile, nil }
func (f *treeReader) Close() error               { return nil }

func (f *treeReader) Read(p []byte) (int, error) {
	if f.r == nil {
		b, err := f.repo.read(f.id, f.size)
		if err != nil {
			return 0, &fs.PathError{Op: "read", Path: f.path, Err: err}
		}
		f.r = bytes.NewReader(b)
	}
	return f.r.Read(p)
}

type treeDir struct {
	treeFile
	entries []fs.DirEntry
	off     int
}

func (d *treeDir) Stat() (fs.FileInfo, error) { return d.treeFile, nil }
func (d *treeDir) Close() error               { return nil }
func (d *treeDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errors.New("is a directory")}
}

func (d *treeDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	if n > 0 && n < len(rest) {
		rest = rest[:n]
	}
	d.off += len(rest)
	return slices.Clone(rest), nil
}

// WithContentIDs returns fsys (the folder's files as they are now) with the
// object id, as a Blob in Sys, of every file under paths that reads the same
// as git's index has it — so a file unchanged since a commit has the same
// content id here as in that commit's Tree. Files changed since, or not in
// the index, have none.
func (r *Repo) WithContentIDs(fsys fs.FS, paths ...string) (fs.FS, error) {
	staged, err := git(r.dir, append([]string{"ls-files", "-s", "-z", "--"}, paths...)...)
	if err != nil {
		return nil, err
	}
	changed, err := git(r.dir, append([]string{"diff", "--name-only", "--relative", "-z", "--"}, paths...)...)
	if err != nil {
		return nil, err
	}
	ids := map[string]string{}
	for rec := range strings.SplitSeq(string(staged), "\x00") {
		// "<mode> SP <object> SP <stage> TAB <path>"
		meta, name, ok := strings.Cut(rec, "\t")
		f := strings.Fields(meta)
		if ok && len(f) == 3 && f[0] != "120000" && f[2] == "0" {
			ids[name] = f[1]
		}
	}
	for name := range strings.SplitSeq(string(changed), "\x00") {
		delete(ids, name)
	}
	return &idFS{fsys, ids}, nil
}

// idFS is fsys whose Stat reports content ids.
type idFS struct {
	fsys fs.FS
	ids  map[string]string
}

func (f *idFS) Open(name string) (fs.File, error)          { return f.fsys.Open(name) }
func (f *idFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(f.fsys, name) }
func (f *idFS) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(f.fsys, name) }

func (f *idFS) Stat(name string) (fs.FileInfo, error) {
	fi, err := fs.Stat(f.fsys, name)
	if id, ok := f.ids[name]; ok && err == nil && fi.Mode().IsRegular() {
		return idInfo{fi, Blob(id)}, nil
	}
	return fi, err
}

type idInfo struct {
	fs.FileInfo
	id Blob
}

func (i idInfo) Sys() any { return i.id }
