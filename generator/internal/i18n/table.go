package i18n

import (
	"bytes"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pelletier/go-toml/v2"

	"gongkai/generator/internal/data/value"
)

// Table is the interface text of one language. Its methods are safe to call
// from several goroutines at once.
type Table struct {
	Lang  string            // BCP 47, e.g. zh-CN or en
	text  map[string]string // key → text with {placeholders}
	where map[string]string // key → the file that gave its text

	mu     sync.Mutex
	failed map[string]error // keys T could not give, and why
}

// File is one translation file: its text and the name messages give it
// (e.g. i18n/en.toml or themes/civic/i18n/en.toml).
type File struct {
	Name string
	Src  []byte
}

// Parse makes the table of lang from its files, the one that wins first
// (the site's own, then its theme's, then the built-in one): a key's text
// is the first file's that has it. want, when not nil, is every key the
// interface uses (the built-in reference table's): a key of it that no
// file gives is an error naming the key and the table, as is a file that
// is not a TOML table of strings.
func Parse(lang string, files []File, want []string) (*Table, error) {
	t := &Table{Lang: lang, text: map[string]string{}, where: map[string]string{}, failed: map[string]error{}}
	for _, f := range slices.Backward(files) {
		var raw map[string]any
		if err := toml.NewDecoder(bytes.NewReader(f.Src)).Decode(&raw); err != nil {
			return nil, &Error{File: f.Name, Err: err}
		}
		if err := flatten("", raw, func(k, v string) { t.text[k], t.where[k] = v, f.Name }); err != nil {
			return nil, &Error{File: f.Name, Err: err}
		}
	}
	var gone []string
	for _, k := range want {
		if _, ok := t.text[k]; !ok {
			gone = append(gone, k)
		}
	}
	if len(gone) > 0 {
		name := "i18n/" + lang + ".toml"
		if len(files) > 0 {
			name = files[0].Name
		}
		return nil, &Error{File: name, Err: fmt.Errorf("the %s table has no text for %s: add %s to i18n/%s.toml (no text is taken from another language)", lang, quoteAll(gone), plural(len(gone), "this key", "these keys"), lang)}
	}
	return t, nil
}

func quoteAll(keys []string) string {
	if len(keys) > 8 {
		return strings.Join(quote(keys[:8]), ", ") + fmt.Sprintf(" and %d more", len(keys)-8)
	}
	return strings.Join(quote(keys), ", ")
}

func quote(keys []string) []string {
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = strconv.Quote(k)
	}
	return q
}

func plural(n int, one, more string) string {
	if n == 1 {
		return one
	}
	return more
}

// flatten walks a decoded TOML table: nested tables give dotted keys, as
// Hugo's do ([status] achieved = "…" is status.achieved).
func flatten(prefix string, m map[string]any, put func(k, v string)) error {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		key := prefix + k
		switch v := m[k].(type) {
		case string:
			put(key, v)
		case map[string]any:
			if err := flatten(key+".", v, put); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s: a text must be a string in quotes, got %v", key, v)
		}
	}
	return nil
}

// Keys is every key of the table, sorted.
func (t *Table) Keys() []string { return slices.Sorted(maps.Keys(t.text)) }

// Has reports whether the table has a text for key.
func (t *Table) Has(key string) bool { _, ok := t.text[key]; return ok }

// Error is a problem with a translation file or a missing key.
type Error struct {
	File string // e.g. i18n/en.toml, or themes/default/i18n/en.toml for the built-in one
	Err  error
}

func (e *Error) Error() string { return e.File + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// T is the text of key with its {placeholders} filled from args, given as
// name, value pairs: T("count", "n", 3). A key the table lacks gives
// "{key}" and is remembered: Err then names it.
func (t *Table) T(key string, args ...any) string {
	s, err := t.Lookup(key, args...)
	if err != nil {
		t.mu.Lock()
		t.failed[key] = err
		t.mu.Unlock()
		return "{" + key + "}"
	}
	return s
}

// Lookup is T, but a missing key is an error instead.
func (t *Table) Lookup(key string, args ...any) (string, error) {
	s, ok := t.text[key]
	if !ok {
		return "", t.missingErr(key)
	}
	out, err := fill(s, args, func(v any) string { return t.str(v) })
	if err != nil {
		return "", t.fillErr(key, err)
	}
	return out, nil
}

// HTML is the text of key as HTML: the table's text is markup the theme
// wrote (a key ending in _html), and each argument is escaped unless it is
// already template.HTML.
func (t *Table) HTML(key string, args ...any) (template.HTML, error) {
	s, ok := t.text[key]
	if !ok {
		return "", t.missingErr(key)
	}
	out, err := fill(s, args, func(v any) string {
		if h, ok := v.(template.HTML); ok {
			return string(h)
		}
		return EscapeHTML(t.str(v))
	})
	if err != nil {
		return "", t.fillErr(key, err)
	}
	return template.HTML(out), nil //nolint:gosec // the table's own markup; every argument escaped above
}

func (t *Table) fillErr(key string, err error) error {
	return &Error{File: t.where[key], Err: fmt.Errorf("%s: %w", key, err)}
}

func (t *Table) missingErr(key string) error {
	file := "i18n/" + t.Lang + ".toml"
	return &Error{File: file, Err: fmt.Errorf("the %s table has no text for %q: add it to i18n/%s.toml", t.Lang, key, t.Lang)}
}

// Err is the first problem T met, by key: a key the table does not have
// (naming the key and the table), or a placeholder given no value.
func (t *Table) Err() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.failed) == 0 {
		return nil
	}
	return t.failed[slices.Sorted(maps.Keys(t.failed))[0]]
}

// str writes a placeholder's value: integers with the language's
// thousands separator, dates as T's Date.
func (t *Table) str(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return t.Int(v)
	case time.Time:
		return t.Date(v)
	case template.HTML:
		return string(v)
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

// fill replaces each {name} of s with its value from args (name, value
// pairs). A name with no value is an error, unless no args are given at
// all; "{{" is a literal "{".
func fill(s string, args []any, str func(any) string) (string, error) {
	if len(args)%2 != 0 {
		return "", fmt.Errorf("placeholders come in name, value pairs: got %d arguments", len(args))
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		b.WriteString(s[:i])
		if strings.HasPrefix(s[i:], "{{") {
			b.WriteByte('{')
			s = s[i+2:]
			continue
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s[i:])
			return b.String(), nil
		}
		name, found := s[i+1:i+j], false
		for k := 0; k < len(args); k += 2 {
			if args[k] == name {
				b.WriteString(str(args[k+1]))
				found = true
				break
			}
		}
		switch {
		case !found && len(args) == 0:
			// A text asked for whole, such as one a script fills in:
			// its placeholders stay as written.
			b.WriteString("{" + name + "}")
		case !found:
			return "", fmt.Errorf("no value for the placeholder {%s}", name)
		}
		s = s[i+j+1:]
	}
}

// Int writes n with the table's number.thousands separator (none in
// Chinese: 12000; "," in English: 12,000).
func (t *Table) Int(n int) string {
	return value.GroupThousands(strconv.Itoa(n), t.text["number.thousands"])
}

// Date writes a day as the language does: 2025年12月31日, 31 December 2025.
func (t *Table) Date(d time.Time) string { return t.dateAs("date.day", d) }

// Month writes a month as the language does: 2025年12月, December 2025.
func (t *Table) Month(d time.Time) string { return t.dateAs("date.month", d) }

func (t *Table) dateAs(key string, d time.Time) string {
	return t.T(key, "y", strconv.Itoa(d.Year()), "m", strconv.Itoa(int(d.Month())), "d", strconv.Itoa(d.Day()),
		"month", t.T("month."+strconv.Itoa(int(d.Month()))))
}

// htmlEscaper escapes text as html/template does in text and quoted
// attributes, so a value filled into an _html text reads byte for byte as
// the same value written by the template itself.
var htmlEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// EscapeHTML escapes s for HTML text or a quoted attribute, as html/template does.
func EscapeHTML(s string) string { return htmlEscaper.Replace(s) }
