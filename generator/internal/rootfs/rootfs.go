// Package rootfs is os.Root.FS opening files with fewer system calls.
//
// os.Root opens "content/notices/p1.md" a folder at a time: three openat
// and two close calls before the file's own. FS keeps each folder it reads
// a file from open, so a file is one openat from its folder: the folders
// are held until Forget, which gongkai serve calls before each build, so
// that a folder renamed or replaced between builds is opened anew.
//
// On Linux, os.Root opens a file for reading, puts it in non-blocking mode
// (two fcntl calls), tries to add it to the runtime's poller (epoll refuses
// a regular file) and puts it back (two more): five system calls of the
// ten a small file's reading takes, paid for every page read to load it,
// read again to render it, and every published file compared with the
// page made anew. Opened non-blocking from the start, a regular file skips
// the four fcntl calls; reads of regular files never block in either mode.
package rootfs

import (
	"io"
	"io/fs"
	"os"
	"path"
	"runtime"
	"strings"
	"sync"
)

// FS returns the files of root as root.FS does, with the same guarantee:
// nothing outside root is reached, through links or "..".
func FS(root *os.Root) *Files {
	return &Files{root: root, fs: root.FS()}
}

// Files is the fs.FS of FS. Its methods are safe for concurrent use, but
// Forget, which must not run while files are read.
type Files struct {
	root *os.Root
	fs   fs.FS // root.FS(), for everything but opening files

	mu      sync.Mutex
	folders map[string]*os.Root // by slash path, each opened once
}

// Forget closes the folders kept open: files read after it see the folders
// as they are then.
func (r *Files) Forget() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, f := range r.folders {
		if f != nil { // nil: the folder could not be opened
			f.Close()
		}
	}
	r.folders = nil
}

// open opens name for reading from its folder, kept open; through the
// whole root when the folder cannot be opened, or the file cannot be from
// it (a link to elsewhere in the root, which the folder's own root refuses).
func (r *Files) open(name string) (*os.File, error) {
	if dir, base := path.Split(name); dir != "" {
		if folder := r.folder(strings.TrimSuffix(dir, "/")); folder != nil {
			if f, err := folder.OpenFile(base, os.O_RDONLY|nonBlocking, 0); err == nil {
				return f, nil
			}
		}
	}
	return r.root.OpenFile(name, os.O_RDONLY|nonBlocking, 0)
}

// folder is the folder dir of the root, opened on first use; nil when it
// cannot be.
func (r *Files) folder(dir string) *os.Root {
	r.mu.Lock()
	defer r.mu.Unlock()
	if f, ok := r.folders[dir]; ok {
		return f
	}
	f, err := r.root.OpenRoot(dir)
	if err != nil {
		f = nil
	}
	if r.folders == nil {
		r.folders = map[string]*os.Root{}
	}
	r.folders[dir] = f
	return f
}

// Open opens name for reading.
func (r *Files) Open(name string) (fs.File, error) {
	if !validPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return r.open(name)
}

// ReadFile reads the whole of name.
func (r *Files) ReadFile(name string) ([]byte, error) {
	if !validPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	f, err := r.open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAll(f)
}

// ReadDir lists the folder name, sorted by name.
func (r *Files) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(r.fs, name) }

// Stat describes name, following a link inside the root.
func (r *Files) Stat(name string) (fs.FileInfo, error) { return fs.Stat(r.fs, name) }

// Lstat describes name itself.
func (r *Files) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(r.fs, name) }

// ReadLink gives the destination of the link name.
func (r *Files) ReadLink(name string) (string, error) { return fs.ReadLink(r.fs, name) }

// Open opens the file at name (a path of the operating system, outside any
// root) for reading, as os.Open does with the system calls FS saves.
func Open(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|nonBlocking, 0)
}

// readAll reads f to its end, sized by its length when it tells one.
func readAll(f *os.File) ([]byte, error) {
	size := 512
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() < 1<<30 {
		size = int(fi.Size()) + 1 // one more to see the end at once
	}
	b := make([]byte, 0, size)
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// validPath is os.Root.FS's test of a name.
func validPath(name string) bool {
	if !fs.ValidPath(name) {
		return false
	}
	return runtime.GOOS != "windows" || !strings.ContainsAny(name, `\:`)
}
