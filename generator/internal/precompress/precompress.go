package precompress

import (
	"fmt"
	"io"
	"path"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
)

// MinSize is the smallest file that gets copies: below it the copy saves
// too little to be worth a file (and hosts send small files as they are).
const MinSize = 1024

// MaxBrotli is the largest file that gets a .br copy as well as a .gz:
// everything a browser loads for a page (pages, CSS, JavaScript, the search
// index) is far smaller; a larger file is a download, whose .br would cost
// 9× the time of its .gz to be 10% smaller.
const MaxBrotli = 4 << 20

const (
	gzipLevel     = 6
	brotliQuality = 5
)

// text are the extensions of the text formats a site publishes; formats
// that are compressed already (.xlsx, .png, .woff2, .zip) are not among them.
var text = map[string]bool{
	".html": true, ".htm": true, ".css": true, ".js": true, ".mjs": true, ".map": true,
	".json": true, ".jsonld": true, ".webmanifest": true, ".xml": true, ".csv": true,
	".tsv": true, ".svg": true, ".txt": true, ".md": true, ".ics": true,
}

// Suffixes are the copies a file of that name and size gets, ".gz" first:
// none for a small file or one not in a text format, ".gz" alone for one
// larger than MaxBrotli.
func Suffixes(name string, size int64) []string {
	switch {
	case size < MinSize || !text[strings.ToLower(path.Ext(name))]:
		return nil
	case size > MaxBrotli:
		return []string{".gz"}
	}
	return []string{".gz", ".br"}
}

// Compress reads src once and writes its copy in the format of each of
// suffixes (".gz", ".br") to the writer at the same index of dst. The copies
// are the same bytes for the same input: the gzip header holds no name and
// no time.
func Compress(dst []io.Writer, suffixes []string, src io.Reader) error {
	if len(dst) != len(suffixes) {
		return fmt.Errorf("precompress: %d writers for %d suffixes", len(dst), len(suffixes))
	}
	encs := make([]encoder, 0, len(suffixes))
	defer func() {
		for _, e := range encs {
			e.release()
		}
	}()
	ws := make([]io.Writer, 0, len(suffixes))
	for i, s := range suffixes {
		e, err := newEncoder(s, dst[i])
		if err != nil {
			return err
		}
		encs = append(encs, e)
		ws = append(ws, e.w)
	}
	buf := bufs.Get().(*[]byte)
	defer bufs.Put(buf)
	if _, err := io.CopyBuffer(io.MultiWriter(ws...), src, *buf); err != nil {
		return err
	}
	for _, e := range encs {
		if err := e.w.Close(); err != nil {
			return err
		}
	}
	return nil
}

// An encoder is a pooled gzip or brotli writer; release returns it.
type encoder struct {
	w       io.WriteCloser
	release func()
}

// The encoders keep large tables: they are reused from file to file.
var (
	gzips   = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(nil, gzipLevel); return w }}
	brotlis = sync.Pool{New: func() any { return brotli.NewWriterLevel(nil, brotliQuality) }}
	bufs    = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}
)

func newEncoder(suffix string, w io.Writer) (encoder, error) {
	switch suffix {
	case ".gz":
		z := gzips.Get().(*gzip.Writer)
		z.Reset(w)
		return encoder{z, func() { gzips.Put(z) }}, nil
	case ".br":
		b := brotlis.Get().(*brotli.Writer)
		b.Reset(w)
		return encoder{b, func() { brotlis.Put(b) }}, nil
	}
	return encoder{}, fmt.Errorf("precompress: unknown suffix %q", suffix)
}
