package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"gongkai/generator/internal/precompress"
)

// A precompressor is a Sink that can write precompressed copies (.gz, .br)
// beside the text files it receives, for static hosts that serve them:
// Publish's does. Build turns the copies on or off as site.toml's
// [output] precompress says, before it writes anything.
type precompressor interface {
	setPrecompress(on bool)
}

// copies makes the .gz and .br copies of the staged text files (see
// package precompress), on every core, while the build goes on.
//
// A file unchanged from the previous site takes that site's copies, linked
// as the file is, when they are its copies: they have its modification
// time, which every copy is given. Only the files that changed are
// compressed, so a rebuild after a one-file edit compresses one file.
//
// A copy is made under tmp and moved beside its file when the build has
// succeeded (place), unless the build wrote a file of that name itself (a
// site's own static/app.js.gz), which wins.
type copies struct {
	root, prev, tmp string
	tmpMade         bool
	jobs            chan job
	workers         sync.WaitGroup
	stop            atomic.Bool // the build failed: drop the work left
	next            atomic.Int64

	mu   sync.Mutex
	made []copyFile
	err  error

	placed int // copies beside the site's files once place is done
}

// job is a staged file to compress into the copies of suffixes.
type job struct {
	name     string
	suffixes []string
}

// copyFile is a copy ready under tmp ("": already in place) for name.
type copyFile struct {
	name, tmp string
}

func newCopies(root, prev string) *copies {
	return &copies{root: root, prev: prev, tmp: filepath.Join(root, ".gongkai-precompress")}
}

// add takes a staged file of size bytes; same is the previous site's file
// when it has the same bytes, else nil.
func (c *copies) add(name string, size int64, same fs.FileInfo) error {
	suffixes := precompress.Suffixes(name, size)
	if len(suffixes) == 0 {
		return nil
	}
	if !c.tmpMade { // emptied: a failed build's copies may be links to the published ones
		if err := os.RemoveAll(c.tmp); err != nil {
			return err
		}
		if err := os.MkdirAll(c.tmp, 0o755); err != nil {
			return err
		}
		c.tmpMade = true
	}
	var todo []string
	for _, suffix := range suffixes {
		ok, err := c.reuse(name+suffix, same)
		if err != nil {
			return err
		}
		if !ok {
			todo = append(todo, suffix)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	if c.jobs == nil {
		c.jobs = make(chan job, 256)
		for range max(runtime.GOMAXPROCS(0), 1) {
			c.workers.Go(c.work)
		}
	}
	c.jobs <- job{name, todo}
	return nil
}

// reuse takes the previous site's copy at name for an unchanged file
// (same), when that is a copy of it: it has its modification time.
func (c *copies) reuse(name string, same fs.FileInfo) (bool, error) {
	if same == nil {
		return false, nil
	}
	from := filepath.Join(c.prev, filepath.FromSlash(name))
	fi, err := os.Lstat(from)
	if err != nil || !fi.Mode().IsRegular() || !fi.ModTime().Equal(same.ModTime()) {
		return false, nil
	}
	if st, err := os.Lstat(filepath.Join(c.root, filepath.FromSlash(name))); err == nil && os.SameFile(st, fi) {
		c.done(copyFile{name: name})
		return true, nil
	}
	tmp := c.tmpName()
	if err := linkOrCopy(from, tmp, fi); err != nil {
		return false, err
	}
	c.done(copyFile{name, tmp})
	return true, nil
}

func (c *copies) tmpName() string {
	return filepath.Join(c.tmp, strconv.FormatInt(c.next.Add(1), 10))
}

func (c *copies) done(f copyFile) {
	c.mu.Lock()
	c.made = append(c.made, f)
	c.mu.Unlock()
}

func (c *copies) fail(err error) {
	c.mu.Lock()
	if c.err == nil {
		c.err = err
	}
	c.mu.Unlock()
	c.stop.Store(true)
}

// work compresses the files it is given until there are none left.
func (c *copies) work() {
	for j := range c.jobs {
		if c.stop.Load() {
			continue
		}
		if err := c.compress(j); err != nil {
			c.fail(err)
		}
	}
}

// compress makes the copies of a staged file, each with the file's
// modification time; a copy no smaller than the file is left out.
func (c *copies) compress(j job) error {
	src, err := os.Open(filepath.Join(c.root, filepath.FromSlash(j.name)))
	if err != nil {
		return err
	}
	defer src.Close()
	fi, err := src.Stat()
	if err != nil {
		return err
	}
	files := make([]*os.File, len(j.suffixes))
	dst := make([]io.Writer, len(j.suffixes))
	defer func() {
		for _, f := range files {
			if f != nil {
				f.Close()
				os.Remove(f.Name())
			}
		}
	}()
	for i := range j.suffixes {
		if files[i], err = os.OpenFile(c.tmpName(), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644); err != nil {
			return err
		}
		dst[i] = files[i]
	}
	if err := precompress.Compress(dst, j.suffixes, stoppable{src, &c.stop}); err != nil {
		return compressError(j.name, err)
	}
	for i, f := range files {
		size, err := f.Seek(0, io.SeekCurrent)
		if err == nil {
			err = f.Close()
		}
		if err != nil {
			return compressError(j.name, err)
		}
		files[i] = nil
		if size >= fi.Size() {
			os.Remove(f.Name())
			continue
		}
		if err := os.Chtimes(f.Name(), fi.ModTime(), fi.ModTime()); err != nil {
			return compressError(j.name, err)
		}
		c.done(copyFile{j.name + j.suffixes[i], f.Name()})
	}
	return nil
}

func compressError(name string, err error) error {
	if errors.Is(err, errStopped) {
		return err
	}
	return fmt.Errorf("compress %s: %w", name, err)
}

// errStopped ends the work of a build that failed.
var errStopped = errors.New("the build stopped")

// stoppable reads r until stop is set.
type stoppable struct {
	r    io.Reader
	stop *atomic.Bool
}

func (s stoppable) Read(p []byte) (int, error) {
	if s.stop.Load() {
		return 0, errStopped
	}
	return s.r.Read(p)
}

// wait lets the work end: all of it, or (abort) what is under way.
func (c *copies) wait(abort bool) error {
	if abort {
		c.stop.Store(true)
	}
	if c.jobs != nil {
		close(c.jobs)
		c.workers.Wait()
	}
	return c.err
}

// place waits for every copy and moves each beside its file, unless the
// build wrote a file of that name; written gets the copies' names.
func (c *copies) place(written map[string]bool) error {
	if err := c.wait(false); err != nil {
		return err
	}
	for _, f := range c.made {
		switch {
		case written[f.name] && f.tmp != "":
			os.Remove(f.tmp)
		case written[f.name]:
		case f.tmp != "":
			if err := os.Rename(f.tmp, filepath.Join(c.root, filepath.FromSlash(f.name))); err != nil {
				return err
			}
			fallthrough
		default:
			written[f.name] = true
			c.placed++
		}
	}
	return nil
}
