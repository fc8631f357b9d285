package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// jnode is a JSON value with the byte offset it starts at, so problems in a
// sidecar file can be reported at their line and column. encoding/json's
// decoder reports no positions for unknown keys or wrong types; this does.
type jnode struct {
	off   int
	kind  byte // '{', '[', '"', 'n' (number), 'b' (bool), '0' (null)
	str   string
	num   json.Number
	b     bool
	keys  []string
	koffs []int
	vals  []*jnode
}

// parseJSON parses src into a tree of jnodes.
func parseJSON(src []byte) (*jnode, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	n, err := parseValue(dec, src)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, &jsonError{int(dec.InputOffset()), "unexpected text after the end of the JSON object"}
	}
	return n, nil
}

type jsonError struct {
	off int
	msg string
}

func (e *jsonError) Error() string { return e.msg }

func parseValue(dec *json.Decoder, src []byte) (*jnode, error) {
	off := skipSpace(src, int(dec.InputOffset()))
	tok, err := dec.Token()
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, &jsonError{int(se.Offset), "not valid JSON: " + se.Error()}
		}
		return nil, &jsonError{off, "not valid JSON: " + err.Error()}
	}
	n := &jnode{off: off}
	switch t := tok.(type) {
	case json.Delim:
		n.kind = byte(t)
		if t == '{' {
			for dec.More() {
				koff := skipSpace(src, int(dec.InputOffset()))
				kt, err := dec.Token()
				if err != nil {
					return nil, &jsonError{koff, "not valid JSON: " + err.Error()}
				}
				k, _ := kt.(string)
				v, err := parseValue(dec, src)
				if err != nil {
					return nil, err
				}
				n.keys, n.koffs, n.vals = append(n.keys, k), append(n.koffs, koff), append(n.vals, v)
			}
		} else {
			for dec.More() {
				v, err := parseValue(dec, src)
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, v)
			}
		}
		if _, err := dec.Token(); err != nil { // the closing delimiter
			return nil, &jsonError{int(dec.InputOffset()), "not valid JSON: " + err.Error()}
		}
	case string:
		n.kind, n.str = '"', t
	case json.Number:
		n.kind, n.num = 'n', t
	case bool:
		n.kind, n.b = 'b', t
	case nil:
		n.kind = '0'
	}
	return n, nil
}

// skipSpace moves past whitespace and a separator so an offset points at the value itself.
func skipSpace(src []byte, off int) int {
	for off < len(src) && strings.IndexByte(" \t\r\n,:", src[off]) >= 0 {
		off++
	}
	return off
}

func (n *jnode) kindName() string {
	switch n.kind {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "text"
	case 'n':
		return "a number"
	case 'b':
		return "true or false"
	default:
		return "null"
	}
}

// expect checks n is of the kind wanted.
func (n *jnode) expect(kind byte, what string) error {
	if n.kind != kind {
		return &jsonError{n.off, fmt.Sprintf("%s must be %s, not %s", what, (&jnode{kind: kind}).kindName(), n.kindName())}
	}
	return nil
}

// strings reads a string or a list of strings (Frictionless allows both for keys).
func (n *jnode) strings(what string) ([]string, error) {
	if n.kind == '"' {
		return []string{n.str}, nil
	}
	if n.kind != '[' {
		return nil, &jsonError{n.off, what + " must be text or a list of texts"}
	}
	var out []string
	for _, v := range n.vals {
		if err := v.expect('"', what); err != nil {
			return nil, err
		}
		out = append(out, v.str)
	}
	return out, nil
}
