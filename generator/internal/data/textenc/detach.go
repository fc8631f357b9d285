package textenc

import (
	"bytes"
	"errors"
	"io"
	"slices"

	"golang.org/x/text/transform"
)

// Detached is what is left of a file whose reading a caller takes over after
// its first lines, to cut the rest into chunks and decode or validate them in
// parallel. Line breaks and quotes are the same bytes in the file as in the
// text, and never part of a longer character in UTF-8 or GB18030, so the
// file's bytes can be cut into records before they are decoded.
type Detached struct {
	// Text is decoded text that comes first: read by the Reader but not yet
	// returned.
	Text []byte
	// Raw is the rest of the file, as it is.
	Raw io.Reader
	// Decode appends the text of a run of whole records of Raw to dst
	// (GB18030); nil when Raw is UTF-8 text already, which Invalid still has
	// to check.
	Decode func(dst, raw []byte) []byte
	// Msg is the Error message for text that does not decode.
	Msg string
}

// Invalid returns the offset in text (Decode's output, or the file's bytes
// when Decode is nil) of the first place that could not be decoded, or -1 —
// the same place a Reader would stop at.
func (d *Detached) Invalid(text []byte) int {
	if d.Decode == nil {
		return invalidUTF8(text)
	}
	return bytes.Index(text, replacement)
}

// Detach hands what is left of the file to the caller (see Detached). ok is
// false — and the Reader goes on as before — for UTF-16, for CR-only line
// ends (which Read turns into LF) and after an error.
func (r *Reader) Detach() (d Detached, ok bool) {
	if r.crOnly || r.err != nil && !errors.Is(r.err, io.EOF) {
		return d, false
	}
	done := r.err != nil // the file was read to its end already
	switch src := r.src.(type) {
	case *blockDecoder:
		d = Detached{Text: r.buf[r.r:r.w], Raw: io.MultiReader(bytes.NewReader(src.raw[src.i:src.n]), src.src), Msg: r.msg,
			Decode: decodeGB}
		if r.carry > 0 || done && src.i < src.n {
			return Detached{}, false // not reached: a decoder's output is whole characters
		}
	default:
		if !r.utf8 {
			return d, false
		}
		d = Detached{Text: r.buf[r.r : r.w+r.carry], Raw: r.src, Msg: r.msg}
		// The Reader checked Text; the caller checks it again with Raw.
		d.Raw, d.Text = io.MultiReader(bytes.NewReader(d.Text), r.src), nil
	}
	r.r, r.w, r.carry = 0, 0, 0
	return d, true
}

// decodeGB appends the text of GB18030 bytes to dst. Invalid bytes become
// U+FFFD, as in a Reader.
func decodeGB(dst, raw []byte) []byte {
	t := newGBDecoder()
	dst = slices.Grow(dst, len(raw)*3/2+8) // two bytes become three, mostly
	for {
		nDst, nSrc, err := t.Transform(dst[len(dst):cap(dst)], raw, true)
		dst, raw = dst[:len(dst)+nDst], raw[nSrc:]
		if err == nil || len(raw) == 0 {
			return dst
		}
		dst = slices.Grow(dst, len(raw)*3+8) // ErrShortDst: room for the worst case
	}
}

// blockDecoder decodes src with t block by block, keeping the bytes it has
// read but not decoded (a character cut by a read) where Detach finds them.
type blockDecoder struct {
	src  io.Reader
	t    transform.Transformer
	raw  []byte
	i, n int // raw[i:n] is read, not decoded
	eof  bool
}

func newBlockDecoder(src io.Reader, t transform.Transformer) *blockDecoder {
	return &blockDecoder{src: src, t: t, raw: make([]byte, bufSize)}
}

func (b *blockDecoder) Read(p []byte) (int, error) {
	for {
		if b.i < b.n || b.eof {
			nDst, nSrc, err := b.t.Transform(p, b.raw[b.i:b.n], b.eof)
			b.i += nSrc
			switch {
			case nDst > 0:
				return nDst, nil
			case b.eof && b.i == b.n:
				return 0, io.EOF
			case errors.Is(err, transform.ErrShortDst):
				return 0, io.ErrShortBuffer
			case err != nil && !errors.Is(err, transform.ErrShortSrc):
				return 0, err
			}
		}
		b.n = copy(b.raw, b.raw[b.i:b.n])
		b.i = 0
		m, err := b.src.Read(b.raw[b.n:])
		b.n += m
		if errors.Is(err, io.EOF) {
			b.eof = true
		} else if err != nil {
			return 0, err
		}
	}
}
