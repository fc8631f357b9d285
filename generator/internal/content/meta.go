package content

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Meta is the front matter of a page. Every key staff may write is a field here;
// any other key is an error.
type Meta struct {
	Title      string // title: the page's title (required)
	ShortTitle string // short_title: a policy document's short name, beside each row of lists (《决定》); defaults to title
	Slug       string // slug: the last part of the page's URL; defaults to the file name
	Weight     int    // weight: position in lists, smaller first
	Summary    string // summary: one or two sentences shown in lists and search results
	Draft      bool   // draft: true keeps the page out of the site unless the build is given --drafts
	NoMenu     bool   // menu: false keeps a page of content/ out of the navigation (it is in by default)
	LastMod    string // lastmod: the day the page last changed, YYYY-MM-DD (the sitemap and feed use it)

	// The keys below describe policy documents (content/policy/).
	Date             string // date: the day the page was published, YYYY-MM-DD; for a policy document the day it was issued: values for periods before it are baseline, never evidence
	DateNote         string // date_note: how sure the date is, when it is not the issue date itself (e.g. 印发日期未找到，不早于此日)
	Issuer           string // issuer: the body that issued it, e.g. 中共广东省委 广东省人民政府
	Repost           bool   // repost: true when the text is taken from a repost, not the official original (false by default)
	Language         string // language: the language the text is written in (BCP 47, e.g. zh-CN); empty = the site's
	DocumentNumber   string // document_number: the official number, e.g. 粤发〔2011〕17号
	SourceURL        string // source_url: where the published text was taken from (http or https)
	SourcePage       int    // source_page: the page of the source's table of contents
	Completeness     string // completeness: complete, truncated or missing
	CompletenessNote string // completeness_note: what is missing, in plain words
}

// Completeness values a policy document may declare.
const (
	Complete  = "complete"
	Truncated = "truncated"
	Missing   = "missing"
)

// MetaError is a front matter problem at a line and column of the front matter
// (1-based, relative to its first line).
type MetaError struct {
	Line, Col int
	Msg       string
}

func (e *MetaError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

var slugRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// DecodeMeta decodes YAML front matter strictly into Meta. It walks the YAML
// syntax tree itself rather than letting a decoder guess types: strings are
// taken as written, numbers must be plain decimal integers, and every problem
// in the block is returned, each at its own line and column.
func DecodeMeta(fm []byte) (Meta, []*MetaError) {
	var m Meta
	if len(strings.TrimSpace(string(fm))) == 0 {
		return m, nil
	}
	// Front matter holds "key: value" lines: brackets nested deeper than any
	// value needs are refused before the YAML parser spends time and memory
	// on them (100,000 levels took it 50 s and 15 GB).
	if line, col := flowTooDeep(fm, maxFlowDepth); line > 0 {
		return m, []*MetaError{{line, col, fmt.Sprintf("brackets are nested more than %d levels deep: front matter holds \"key: value\" lines", maxFlowDepth)}}
	}
	if m, ok := decodePlain(fm); ok {
		return m, nil
	}
	return decodeYAML(fm)
}

// decodeYAML is DecodeMeta with the YAML parser.
func decodeYAML(fm []byte) (Meta, []*MetaError) {
	var m Meta
	file, err := parser.ParseBytes(fm, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil {
			p := ye.GetToken().Position
			return m, []*MetaError{{p.Line, p.Column, "front matter is not valid YAML: " + ye.GetMessage()}}
		}
		return m, []*MetaError{{1, 1, "front matter is not valid YAML"}}
	}
	if len(file.Docs) != 1 || file.Docs[0].Body == nil {
		if len(file.Docs) > 1 {
			return m, []*MetaError{{1, 1, `front matter holds more than one YAML document; keep it to "key: value" lines`}}
		}
		return m, nil
	}
	body := file.Docs[0].Body
	mapping, ok := body.(*ast.MappingNode)
	if !ok {
		if mv, isPair := body.(*ast.MappingValueNode); isPair {
			mapping = &ast.MappingNode{Values: []*ast.MappingValueNode{mv}}
		} else {
			p := body.GetToken().Position
			return m, []*MetaError{{p.Line, p.Column, `front matter must be "key: value" lines`}}
		}
	}
	var errs []*MetaError
	seen := map[string]int{}
	for _, kv := range mapping.Values {
		kp := kv.Key.GetToken().Position
		key := kv.Key.GetToken().Value
		if prev, dup := seen[key]; dup {
			errs = append(errs, &MetaError{kp.Line, kp.Column, fmt.Sprintf("%q is given twice (first on line %d of the front matter)", key, prev)})
			continue
		}
		seen[key] = kp.Line
		if err := m.set(key, nodeValue{kv.Value}); err != nil {
			if err.Line == 0 {
				err.Line, err.Col = kp.Line, kp.Column
			}
			errs = append(errs, err)
		}
	}
	return m, errs
}

// metaValue is a value of front matter: a node of the YAML tree, or the
// plain text of a simple line (plainValue).
type metaValue interface {
	// text is the value as written, when it is one line of text.
	text() (string, *MetaError)
	// err is a problem with the value, at its place.
	err(msg string) *MetaError
}

// nodeValue is a value of the YAML tree.
type nodeValue struct{ n ast.Node }

func (v nodeValue) text() (string, *MetaError) {
	var s string
	err := scalarString(v.n, &s)
	return s, err
}
func (v nodeValue) err(msg string) *MetaError { return valueErr(v.n, msg) }

// plainValue is the value of a simple line, whose place DecodeMeta finds
// with the YAML parser when there is a problem with it.
type plainValue string

func (v plainValue) text() (string, *MetaError) { return string(v), nil }
func (v plainValue) err(msg string) *MetaError  { return &MetaError{Msg: msg} }

// decodePlain decodes front matter whose every line is "key: value" with
// a value the YAML parser would read as the text written — most front
// matter — without the parser, which takes ten times as long. ok is false
// for anything else (quotes, lists, comments, a key given twice…) and for a
// value set refuses: DecodeMeta then parses it, and says where the
// problem is.
func decodePlain(fm []byte) (m Meta, ok bool) {
	seen := map[string]bool{}
	for line := range strings.Lines(string(fm)) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" {
			continue
		}
		colon := strings.IndexByte(line, ':')
		if colon <= 0 || colon+1 == len(line) || line[colon+1] != ' ' {
			return m, false
		}
		key := line[:colon]
		for i := range len(key) {
			if c := key[i]; (c < 'a' || c > 'z') && c != '_' {
				return m, false
			}
		}
		value := strings.TrimRight(strings.TrimLeft(line[colon+1:], " "), " ")
		if !plainScalar(value) || seen[key] {
			return m, false
		}
		seen[key] = true
		if m.set(key, plainValue(value)) != nil {
			return m, false
		}
	}
	return m, true
}

// plainScalar reports whether YAML reads v, after "key: ", as the text v
// itself: one line of printable characters that starts with none of YAML's
// signs, holds no ": " or " #" and does not end with ":", and is no word
// that YAML reads as nothing (null, ~). Numbers, true and dates are read
// as written (see scalarString).
func plainScalar(v string) bool {
	if v == "" || strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(v[0])) ||
		strings.Contains(v, ": ") || strings.Contains(v, " #") || strings.HasSuffix(v, ":") {
		return false
	}
	switch v {
	case "null", "Null", "NULL", "~":
		return false
	}
	for _, r := range v {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError || r == '\ufeff' || r >= 0x80 && r < 0xa0 {
			return false
		}
	}
	return true
}

// set decodes one key's value into m.
func (m *Meta) set(key string, v metaValue) *MetaError {
	switch key {
	case "title":
		return setText(v, &m.Title)
	case "short_title":
		return setText(v, &m.ShortTitle)
	case "slug":
		if err := setText(v, &m.Slug); err != nil {
			return err
		}
		if !slugRE.MatchString(m.Slug) {
			return v.err(fmt.Sprintf("slug %q must be lowercase letters, digits and single hyphens, like \"about-us\"", m.Slug))
		}
	case "weight":
		return scalarInt(v, key, &m.Weight)
	case "summary":
		return setText(v, &m.Summary)
	case "date", "lastmod":
		raw, err := v.text()
		if err != nil {
			return err
		}
		day, ok := dayOf(raw)
		if !ok {
			return v.err(fmt.Sprintf("%s %q must be a day written like 2011-07-22 (a time after it, as in 2011-07-22T09:30:00+08:00, is allowed and not used)", key, raw))
		}
		if key == "date" {
			m.Date = day
		} else {
			m.LastMod = day
		}
	case "draft":
		return scalarBool(v, &m.Draft, "draft must be true (not published yet) or false")
	case "menu":
		var in bool
		err := scalarBool(v, &in, "menu must be true (the page is in the navigation, the default) or false")
		m.NoMenu = !in
		return err
	case "date_note":
		return setText(v, &m.DateNote)
	case "issuer":
		return setText(v, &m.Issuer)
	case "repost":
		return scalarBool(v, &m.Repost, "repost must be true (the text is taken from a repost) or false (the official original)")
	case "language":
		if err := setText(v, &m.Language); err != nil {
			return err
		}
		if !langTag.MatchString(m.Language) {
			return v.err(fmt.Sprintf("language %q must be a language tag like zh-CN or en (the language the text is written in)", m.Language))
		}
	case "document_number":
		return setText(v, &m.DocumentNumber)
	case "source_url":
		if err := setText(v, &m.SourceURL); err != nil {
			return err
		}
		if u, err := url.Parse(m.SourceURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return v.err(fmt.Sprintf("source_url %q must be a full http:// or https:// address", m.SourceURL))
		}
	case "source_page":
		return scalarInt(v, key, &m.SourcePage)
	case "completeness":
		if err := setText(v, &m.Completeness); err != nil {
			return err
		}
		switch m.Completeness {
		case Complete, Truncated, Missing:
		default:
			return v.err(fmt.Sprintf("completeness %q must be one of complete, truncated, missing", m.Completeness))
		}
	case "completeness_note":
		return setText(v, &m.CompletenessNote)
	default:
		return &MetaError{Msg: fmt.Sprintf("unknown front matter key %q; known keys: title, short_title, slug, weight, summary, draft, menu, date, lastmod, date_note, issuer, repost, language, document_number, source_url, source_page, completeness, completeness_note", key)}
	}
	return nil
}

// maxFlowDepth is how deep front matter may nest [ ] and { }: no key takes
// a list, so a few levels are already more than a page needs.
const maxFlowDepth = 8

// flowTooDeep finds where [ and { first nest deeper than limit, as a
// 1-based line and column; 0, 0 when they do not. Quotes and comments are
// not told apart: no title needs brackets nested that deep, and a quote
// mark cannot then hide a bomb from the count.
func flowTooDeep(fm []byte, limit int) (line, col int) {
	depth := 0
	line = 1
	for _, r := range string(fm) {
		col++
		switch r {
		case '\n':
			line, col = line+1, 0
		case '[', '{':
			if depth++; depth > limit {
				return line, col
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return 0, 0
}

// scalarBool stores a scalar written true or false; anything else is an
// error saying what the key means (rule), with what was written.
func scalarBool(v metaValue, dst *bool, rule string) *MetaError {
	raw, err := v.text()
	if err != nil {
		return err
	}
	switch raw {
	case "true", "false":
		*dst = raw == "true"
		return nil
	}
	return v.err(fmt.Sprintf("%s, got %q", rule, raw))
}

// dayOf reads a front matter date: a day (2011-07-22), or a day with a time
// as Hugo writes it (2011-07-22T09:30:00+08:00, 2011-07-22 09:30:00). It
// returns the day as written, in YYYY-MM-DD: the time and zone are not used.
func dayOf(s string) (string, bool) {
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05", time.DateTime, "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

// setText stores a value's text in dst.
func setText(v metaValue, dst *string) *MetaError {
	s, err := v.text()
	if err == nil {
		*dst = s
	}
	return err
}

// scalarString stores a scalar's text exactly as written: `no` stays "no",
// `1.10` stays "1.10".
func scalarString(v ast.Node, dst *string) *MetaError {
	switch n := v.(type) {
	case *ast.AnchorNode, *ast.AliasNode, *ast.TagNode:
		return valueErr(v, "YAML anchors (&), aliases (*) and tags (!!) are not used in front matter: write the value itself (in quotes if it starts with & * ! or another sign)")
	case nil, *ast.NullNode:
		*dst = ""
	case *ast.StringNode:
		*dst = n.Value
	case *ast.LiteralNode:
		*dst = strings.TrimRight(n.Value.Value, "\n")
	case ast.ScalarNode:
		*dst = v.GetToken().Value
	default:
		return valueErr(v, "expected a single line of text here, not a list or a nested block")
	}
	return nil
}

// scalarInt accepts only plain decimal whole numbers, so `010` cannot silently become 8.
func scalarInt(v metaValue, key string, dst *int) *MetaError {
	raw, err := v.text()
	if err != nil {
		return err
	}
	n, aerr := strconv.Atoi(raw)
	if aerr != nil || (len(raw) > 1 && raw[0] == '0') || strings.HasPrefix(raw, "+") {
		return v.err(fmt.Sprintf("%s must be a whole number written like 3 or 12, got %q", key, raw))
	}
	*dst = n
	return nil
}

func valueErr(v ast.Node, msg string) *MetaError {
	if v == nil || v.GetToken() == nil {
		return &MetaError{Msg: msg}
	}
	p := v.GetToken().Position
	return &MetaError{p.Line, p.Column, msg}
}

// langTag is the shape of a BCP 47 language tag: zh-CN, en, zh-Hant-TW.
var langTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
