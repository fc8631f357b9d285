package site

import (
	"bytes"
	"fmt"
	"gongkai/generator/internal/rootfs"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// stagingSink writes output files under root, the staging folder, and
// remembers them. A file whose bytes are those of the previous site's file
// at the same path (under prev, the published folder) is that file, hard
// linked: it keeps its modification time, so rsync, object stores and CDN
// uploads move only what changed, and it is never written at all.
//
// Files under root may therefore be the published site's own. A file is
// written in place only when no other name links to it (see private), and
// otherwise replaced by a new one; nothing under prev is ever written.
type stagingSink struct {
	root, prev string
	written    map[string]bool
	dirs       map[string]bool
	copies     *copies // the .gz and .br copies; nil: none
}

// setPrecompress implements precompressor.
func (s *stagingSink) setPrecompress(on bool) {
	if !on {
		s.copies = nil
	} else if s.copies == nil {
		s.copies = newCopies(s.root, s.prev)
	}
}

// Put implements Sink.
func (s *stagingSink) Put(name string, data []byte) error {
	full, err := s.claim(name)
	if err != nil {
		return err
	}
	same := s.previous(name)
	if same != nil && (same.Size() != int64(len(data)) || !sameBytes(s.prevFile(name), data)) {
		same = nil
	}
	if same != nil {
		err = s.keep(name, full, same)
	} else {
		err = writeNew(full, data)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return s.compress(name, int64(len(data)), same)
}

// PutStream implements Sink. While the stream's bytes match the previous
// site's file, they are only compared with it, piece by piece; the file is
// written from the first difference on (after the bytes that matched, read
// back from the previous file), so an unchanged download of any size is
// read once and never held in memory or written.
func (s *stagingSink) PutStream(name string, write func(io.Writer) error) error {
	full, err := s.claim(name)
	if err != nil {
		return err
	}
	old := s.previous(name)
	d := &diffWriter{full: full}
	if old != nil {
		if d.old, err = rootfs.Open(s.prevFile(name)); err != nil {
			old = nil
		}
	}
	err = write(d)
	if err == nil {
		err = d.end(old)
	}
	if d.old != nil {
		d.old.Close()
	}
	if d.f != nil {
		if cerr := d.f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if d.f != nil { // written: it differs from the previous file
		old = nil
	} else if err := s.keep(name, full, old); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return s.compress(name, d.n, old)
}

// compress hands a file to the copies, if the build makes them: unchanged
// (same is the previous site's file) or written anew.
func (s *stagingSink) compress(name string, size int64, same fs.FileInfo) error {
	if s.copies == nil {
		return nil
	}
	return s.copies.add(name, size, same)
}

// claim checks name is a new, clean path in the output and makes its folder.
func (s *stagingSink) claim(name string) (string, error) {
	clean := path.Clean(name)
	if clean != name || path.IsAbs(name) || strings.HasPrefix(name, "../") || name == ".." || name == "." {
		return "", fmt.Errorf("write %q: not a clean path inside the output folder", name)
	}
	if s.written[name] {
		return "", fmt.Errorf("write %s: two outputs have the same path", name)
	}
	s.written[name] = true
	full := filepath.Join(s.root, filepath.FromSlash(name))
	if dir := filepath.Dir(full); !s.dirs[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", fmt.Errorf("write %s: %w", name, err)
		}
		s.dirs[dir] = true
	}
	return full, nil
}

// previous is the previous site's regular file at name; nil when it has none.
func (s *stagingSink) previous(name string) fs.FileInfo {
	fi, err := os.Lstat(s.prevFile(name))
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	return fi
}

// prevFile is where the previous site has the file name.
func (s *stagingSink) prevFile(name string) string {
	return filepath.Join(s.prev, filepath.FromSlash(name))
}

// keep makes full the previous site's file at name, whose bytes the build
// wrote again.
func (s *stagingSink) keep(name, full string, old fs.FileInfo) error {
	return linkOrCopy(s.prevFile(name), full, old)
}

// linkOrCopy makes to the file from, whose information is fi: a hard link
// (nothing to do when it is one already), or on a file system without them
// a copy with from's modification time.
func linkOrCopy(from, to string, fi fs.FileInfo) error {
	if st, err := os.Lstat(to); err == nil {
		if os.SameFile(st, fi) {
			return nil
		}
		if err := os.Remove(to); err != nil {
			return err
		}
	}
	if err := os.Link(from, to); err == nil {
		return nil
	}
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	if err := dst.Close(); err != nil {
		return err
	}
	return os.Chtimes(to, time.Time{}, fi.ModTime())
}

// writeNew writes data to full: in place when the file there is the
// staging folder's own, else as a new file.
func writeNew(full string, data []byte) error {
	f, err := create(full)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// create opens full for writing from the start: the file there when no
// other name links to it (overwriting a file is faster than making one),
// else a new file in its place, so that the published site, which may link
// to it, is never written.
func create(full string) (*os.File, error) {
	if fi, err := os.Lstat(full); err == nil && !private(fi) {
		if err := os.Remove(full); err != nil {
			return nil, err
		}
	}
	return os.Create(full)
}

// sameBytes reports whether the file at name holds data (of its size); a
// file that cannot be read does not.
func sameBytes(name string, data []byte) bool {
	f, err := rootfs.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := chunks.Get().(*[]byte)
	defer chunks.Put(buf)
	for len(data) > 0 {
		n, err := io.ReadFull(f, (*buf)[:min(len(*buf), len(data))])
		if err != nil || !bytes.Equal((*buf)[:n], data[:n]) {
			return false
		}
		data = data[n:]
	}
	return true
}

var chunks = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// diffWriter is a streamed output compared with the previous site's file
// (old) as it comes; f, the staged file, is made at the first difference.
type diffWriter struct {
	full string
	old  *os.File // the previous site's file; nil: none
	f    *os.File // the staged file, once the output differs
	n    int64    // bytes written to the stream
}

func (d *diffWriter) Write(p []byte) (int, error) {
	done := 0
	if d.f == nil {
		if done = d.match(p); done == len(p) {
			return done, nil
		}
		if err := d.diverge(); err != nil {
			return done, err
		}
	}
	m, err := d.f.Write(p[done:])
	d.n += int64(m)
	return done + m, err
}

// match compares p with the previous file's next bytes, a piece at a time,
// and returns the length of the pieces that matched.
func (d *diffWriter) match(p []byte) int {
	if d.old == nil {
		return 0
	}
	buf := chunks.Get().(*[]byte)
	defer chunks.Put(buf)
	done := 0
	for done < len(p) {
		part := p[done:min(len(p), done+len(*buf))]
		if m, _ := io.ReadFull(d.old, (*buf)[:len(part)]); m < len(part) || !bytes.Equal((*buf)[:m], part) {
			break
		}
		done += len(part)
		d.n += int64(len(part))
	}
	return done
}

// diverge makes the staged file, holding the bytes that matched.
func (d *diffWriter) diverge() error {
	f, err := create(d.full)
	if err != nil {
		return err
	}
	d.f = f
	if d.old != nil && d.n > 0 {
		_, err = io.Copy(f, io.NewSectionReader(d.old, 0, d.n))
	}
	return err
}

// end finishes the stream: if every byte matched, the output is the
// previous file (old) when it has no more bytes, and else the bytes that
// matched, written out.
func (d *diffWriter) end(old fs.FileInfo) error {
	if d.f != nil || (d.old != nil && old != nil && d.n == old.Size()) {
		return nil
	}
	return d.diverge()
}
