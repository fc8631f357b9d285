package textenc

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// gbDecoder decodes GB18030 with a lookup table for the two-byte (GBK)
// sequences that make up nearly all Chinese text, and hands anything else —
// four-byte sequences, invalid bytes, a sequence cut at the end of the input —
// to x/text's decoder, whose output it therefore matches byte for byte (the
// table is built from that decoder). It is about three times faster on
// Chinese text, which is what Chinese Excel saves.
type gbDecoder struct {
	slow transform.Transformer
}

func newGBDecoder() transform.Transformer {
	gbOnce.Do(buildGBTable)
	return &gbDecoder{slow: simplifiedchinese.GB18030.NewDecoder()}
}

// gbTable maps a two-byte sequence (lead 0x81–0xFE, trail 0x40–0xFE) to its
// character, or 0 when x/text decodes it otherwise (as an error, say).
var (
	gbOnce  sync.Once
	gbTable []uint32 // the character's UTF-8 bytes, low byte first, and their count in the top byte
)

func gbIndex(lead, trail byte) int { return int(lead-0x81)*191 + int(trail-0x40) }

func buildGBTable() {
	gbTable = make([]uint32, 126*191)
	dec := simplifiedchinese.GB18030.NewDecoder()
	var dst [8]byte
	for lead := 0x81; lead <= 0xFE; lead++ {
		for trail := 0x40; trail <= 0xFE; trail++ {
			if trail == 0x7F {
				continue
			}
			nDst, nSrc, err := dec.Transform(dst[:], []byte{byte(lead), byte(trail)}, true)
			dec.Reset()
			if err != nil || nSrc != 2 {
				continue
			}
			r, size := utf8.DecodeRune(dst[:nDst])
			if size != nDst || r == utf8.RuneError || size > 3 {
				continue
			}
			v := uint32(size) << 24
			for i := range size {
				v |= uint32(dst[i]) << (8 * i)
			}
			gbTable[gbIndex(byte(lead), byte(trail))] = v
		}
	}
}

// Transform implements transform.Transformer.
func (d *gbDecoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		b := src[nSrc]
		if b < 0x80 {
			// ASCII, a byte at a time: in CSV its runs are short (numbers,
			// delimiters), shorter than a call to copy pays for.
			if nDst == len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = b
			nDst++
			nSrc++
			continue
		}
		if nSrc+1 < len(src) {
			if t := src[nSrc+1]; b != 0x80 && b != 0xFF && t >= 0x40 && t != 0x7F && t != 0xFF {
				if v := gbTable[gbIndex(b, t)]; v != 0 {
					if len(dst)-nDst < 3 {
						return nDst, nSrc, transform.ErrShortDst
					}
					out := dst[nDst : nDst+3]
					out[0], out[1], out[2] = byte(v), byte(v>>8), byte(v>>16)
					nDst += int(v >> 24)
					nSrc += 2
					continue
				}
			}
		}
		// Anything else — a four-byte sequence, an invalid byte, a sequence cut
		// at the end of src — is x/text's to decode, from here to the end of src.
		m, k, err := d.slow.Transform(dst[nDst:], src[nSrc:], atEOF)
		return nDst + m, nSrc + k, err
	}
	return nDst, nSrc, nil
}

// Reset implements transform.Transformer.
func (d *gbDecoder) Reset() { d.slow.Reset() }
