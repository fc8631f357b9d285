// Package rootfs is os.Root.FS opening files with fewer system calls.
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
	"runtime"
	"strings"
)

// FS returns the files of root as root.FS does, with the same guarantee:
// nothing outside root is reached, through links or "..".
func FS(root *os.Root) fs.FS {
	return &rootFS{root: root, fs: root.FS()}
}

type rootFS struct {
	root *os.Root
	fs   fs.FS // root.FS(), for everything but opening files
}

// Open opens name for reading.
func (r *rootFS) Open(name string) (fs.File, error) {
	if !validPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return r.root.OpenFile(name, os.O_RDONLY|nonBlocking, 0)
}

// ReadFile reads the whole of name.
func (r *rootFS) ReadFile(name string) ([]byte, error) {
	if !validPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	f, err := r.root.OpenFile(name, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f)
}

// ReadDir lists the folder name, sorted by name.
func (r *rootFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(r.fs, name) }

// Stat describes name, following a link inside the root.
func (r *rootFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(r.fs, name) }

// Lstat describes name itself.
func (r *rootFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(r.fs, name) }

// ReadLink gives the destination of the link name.
func (r *rootFS) ReadLink(name string) (string, error) { return fs.ReadLink(r.fs, name) }

// Open opens the file at name (a path of the operating system, outside any
// root) for reading, as os.Open does with the system calls FS saves.
func Open(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|nonBlocking, 0)
}

// ReadAll reads f to its end, sized by its length when it tells one.
func ReadAll(f *os.File) ([]byte, error) {
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
