// Package seed converts the scraped 1+7 source text into policy Markdown,
// applying exactly the repairs the design allows.
//
// The source is a web scrape of Guangdong's 2011 "1+7" social-construction
// policy package (source.txt, embedded byte for byte). Split cuts it into the
// eight documents named by its table of contents, dropping the scrape site's
// header, the collapsed table of contents and the footer. Rejoin mends
// paragraphs that page breaks split mid-sentence, Repair fixes the scrape's
// character damage (臵 for 置, ?2011? for 〔2011〕 in document numbers, ASCII
// punctuation in Chinese text) and Markdown renders one document as a content
// file. No other change is made to the text.
//
// The package backs a one-off importer (cmd/seed2md) kept for provenance; the
// files it writes are committed and then owned by hand.
package seed

import (
	"bytes"
	_ "embed"
)

//go:embed source.txt
var source []byte

// Source returns a copy of the embedded scrape, byte for byte as received.
func Source() []byte { return bytes.Clone(source) }
