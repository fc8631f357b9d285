package content

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"maps"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"gongkai/generator/internal/diag"
)

// MaxFileSize is the largest Markdown file accepted. A policy document is
// about 60 KB; anything near this size is a mistake, not a page.
const MaxFileSize = 2 << 20

// maxNesting is the deepest block nesting accepted (quotes and lists), so a
// pathological file cannot make the build crawl.
const maxNesting = 32

// Page is one Markdown file under content/.
type Page struct {
	Path     string // file path relative to the source folder, e.g. "content/policy/decision.md"
	Section  string // the folder under content/ ("policy"), or "" for top-level pages
	Meta     Meta
	BodyLine int // file line where the Markdown after the front matter starts

	basePath string // prefix of site links, e.g. "/portal/"
	// body is the Markdown after the front matter, as Parse read it. A
	// page loaded from a folder holds no body: it is read again from its
	// file (source) each time it is rendered, and must still be the file
	// that was loaded (sum), so the memory a build needs does not grow
	// with the text of its pages, only with their number.
	body   []byte
	source func() ([]byte, error)
	sum    [sha256.Size]byte
}

// Parse reads one page, reporting every front matter problem into diags. It
// returns nil when the page cannot be used.
func Parse(filePath string, src []byte, diags *diag.List) *Page {
	pos := func(line, col int) diag.Pos { return diag.Pos{File: filePath, Line: line, Col: col} }
	if len(src) > MaxFileSize {
		diags.Errorf(pos(1, 1), "file is %d bytes; pages are limited to %d bytes: split it into several pages", len(src), MaxFileSize)
		return nil
	}
	if !utf8.Valid(src) {
		off := firstInvalidUTF8(src)
		l, c := diag.LineCol(src, off)
		diags.Errorf(pos(l, c), "text is not UTF-8: save the file as UTF-8 (in Notepad: Save As → Encoding: UTF-8)")
		return nil
	}
	if l := nestingTooDeep(src); l > 0 {
		diags.Errorf(pos(l, 1), "quotes or lists are nested more than %d levels deep", maxNesting)
		return nil
	}
	split, err := SplitFrontMatter(src)
	if err != nil {
		se := err.(*SplitError)
		diags.Errorf(pos(se.Line, se.Col), "%s", se.Msg)
		return nil
	}
	if l := tooManyMarks(split.Body, maxMarks); l > 0 {
		diags.Errorf(pos(split.BodyLine+l-1, 1), "this paragraph has more than %d * and _ marks, which take the Markdown reader too long: split the paragraph, or write \\* and \\_ where they are not emphasis", maxMarks)
		return nil
	}
	p := &Page{Path: filePath, body: split.Body, BodyLine: split.BodyLine}
	if dir := path.Dir(strings.TrimPrefix(filePath, "content/")); dir != "." {
		p.Section = strings.SplitN(dir, "/", 2)[0]
	}
	if split.FrontMatter == nil {
		diags.Errorf(pos(1, 1), `page has no front matter: start the file with "---", a line "title: …", and "---"`)
		return nil
	}
	meta, errs := DecodeMeta(split.FrontMatter)
	for _, e := range errs {
		diags.Errorf(pos(split.FrontMatterLine+e.Line-1, e.Col), "%s", e.Msg)
	}
	if len(errs) > 0 {
		return nil
	}
	if strings.TrimSpace(meta.Title) == "" {
		diags.Errorf(pos(split.FrontMatterLine, 1), "front matter has no title: add a line \"title: …\"")
		return nil
	}
	if meta.Slug == "" {
		meta.Slug = strings.TrimSuffix(path.Base(filePath), ".md")
	}
	p.Meta = meta
	return p
}

// Load reads every page under content/ in fsys, in path order. Links in the
// pages to site paths ("/method/") get basePath in front ("/portal/method/"),
// so pages work wherever the site is published. Problems in the pages go to
// diags; a failure to read the folder itself is returned.
func Load(fsys fs.FS, basePath string, diags *diag.List) ([]*Page, error) {
	return LoadReusing(fsys, basePath, nil, diags)
}

// Reuse keeps the pages of one Load for the next, which takes a page whose
// file reads the same instead of parsing it again (gongkai serve rebuilds
// after every edit). The zero value is ready; use it for one Load at a time.
type Reuse struct {
	prev map[string]reusedPage // by path
}

type reusedPage struct {
	key   [sha256.Size]byte // of the base path and the file's bytes
	page  *Page
	diags []diag.Diagnostic // what parsing it reported
}

// LoadReusing is Load taking unchanged pages from reuse (nil: none) and
// keeping the ones it parses there for the next call. The files are read
// and parsed on every core, and the pages come back in path order.
func LoadReusing(fsys fs.FS, basePath string, reuse *Reuse, diags *diag.List) ([]*Page, error) {
	var files []string
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "content" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			if p == "content" {
				return err
			}
			diags.Errorf(diag.Pos{File: p}, "cannot read: %v", unwrapPath(err))
			return nil
		}
		if Litter(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := fs.Stat(fsys, p)
			if err != nil {
				diags.Errorf(diag.Pos{File: p}, "is a link to a file outside the project folder, or to nothing: gongkai reads only files inside the project, so copy the file here instead")
				return nil
			}
			mode = info.Mode().Type()
		}
		if !mode.IsRegular() {
			// A pipe would make the build wait for ever, a device read without end.
			diags.Errorf(diag.Pos{File: p}, "is not a file but a %s: gongkai reads only ordinary files; remove it", diag.FileKind(mode))
			return nil
		}
		if !strings.HasSuffix(p, ".md") {
			diags.Warnf(diag.Pos{File: p}, "not a Markdown (.md) file; it is not published")
			return nil
		}
		files = append(files, p)
		return nil
	})
	loaded := make([]reusedPage, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(max(runtime.GOMAXPROCS(0), 1), len(files)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				loaded[i] = loadPage(fsys, files[i], basePath, reuse)
			}
		})
	}
	wg.Wait()
	var pages []*Page
	kept := map[string]reusedPage{}
	for i, r := range loaded {
		diags.Add(r.diags...)
		if r.page == nil {
			continue
		}
		pages = append(pages, r.page)
		if !slices.ContainsFunc(r.diags, func(d diag.Diagnostic) bool { return d.Severity == diag.Error }) {
			kept[files[i]] = r
		}
	}
	if reuse != nil {
		reuse.prev = kept
	}
	return pages, err
}

// loadPage reads and parses one page, or takes it from reuse when its file
// reads the same. The page holds no body (see Page).
func loadPage(fsys fs.FS, p, basePath string, reuse *Reuse) reusedPage {
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		var own diag.List
		own.Errorf(diag.Pos{File: p}, "cannot read: %v", unwrapPath(err))
		return reusedPage{diags: own.Sorted()}
	}
	sum := sha256.Sum256(src)
	key := sha256.Sum256(append([]byte(basePath+"\x00"), sum[:]...))
	if r, ok := reuse.get(p); ok && r.key == key {
		return r
	}
	var own diag.List
	pg := parseSafely(p, src, basePath, &own)
	if pg != nil {
		pg.body, pg.sum = nil, sum
		pg.source = func() ([]byte, error) { return fs.ReadFile(fsys, p) }
	}
	return reusedPage{key: key, page: pg, diags: own.Sorted()}
}

// Clone returns a Reuse holding what r holds, for a Load that must not change r.
func (r *Reuse) Clone() *Reuse {
	if r == nil {
		return &Reuse{}
	}
	return &Reuse{prev: maps.Clone(r.prev)}
}

func (r *Reuse) get(path string) (reusedPage, bool) {
	if r == nil {
		return reusedPage{}, false
	}
	p, ok := r.prev[path]
	return p, ok
}

// Litter reports whether a file or folder name is editor or OS litter that is
// never content: hidden files, Office lock files, backups and swap files.
func Litter(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".tmp") || strings.EqualFold(name, "Thumbs.db") ||
		strings.EqualFold(name, "desktop.ini")
}

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// nestingTooDeep returns the first line whose leading quote or list markers
// nest deeper than maxNesting, or 0. A line of only "-", "*" or "+" is a
// thematic break, not nesting.
func nestingTooDeep(src []byte) int {
	for i, line := range lines(src) {
		rest := bytes.TrimLeft(line, ">-*+ \t")
		lead := line[:len(line)-len(rest)]
		depth := len(lead) - bytes.Count(lead, []byte(" ")) - bytes.Count(lead, []byte("\t"))
		isBreak := len(bytes.TrimSpace(rest)) == 0 && bytes.IndexByte(lead, '>') < 0
		if depth > maxNesting && !isBreak {
			return i + 1
		}
	}
	return 0
}

// lines yields the lines of b (split at "\n", as strings.Split splits) with
// their index, without copying them.
func lines(b []byte) iter.Seq2[int, []byte] {
	return func(yield func(int, []byte) bool) {
		for i := 0; ; i++ {
			line, rest, more := bytes.Cut(b, []byte("\n"))
			if !yield(i, line) || !more {
				return
			}
			b = rest
		}
	}
}

// maxMarks is how many emphasis marks (* and _) one paragraph may hold. The
// Markdown reader matches them in time that grows with the square of their
// number in a paragraph: 80,000 took 14 s, 5,000 take about 50 ms, and no
// paragraph of prose has that many.
const maxMarks = 5000

// tooManyMarks finds the first paragraph (lines between blank lines) with
// more than limit unescaped * and _, giving its first line (1-based in body);
// 0 when there is none.
func tooManyMarks(body []byte, limit int) (line int) {
	if bytes.Count(body, []byte("*"))+bytes.Count(body, []byte("_")) <= limit {
		return 0 // no paragraph can have more than the whole page
	}
	start, n := 1, 0
	for i, l := range lines(body) {
		if len(bytes.TrimSpace(l)) == 0 {
			start, n = i+2, 0
			continue
		}
		for j := 0; j < len(l); j++ {
			switch l[j] {
			case '\\':
				j++ // an escaped mark is text
			case '*', '_':
				if n++; n > limit {
					return start
				}
			}
		}
	}
	return 0
}

// parseSafely parses one file, turning a panic into an error naming the file.
func parseSafely(p string, src []byte, basePath string, diags *diag.List) (pg *Page) {
	defer diag.Recover(diag.Pos{File: p}, diags)
	if pg = Parse(p, src, diags); pg != nil {
		pg.basePath = basePath
	}
	return pg
}

// BodySum is a SHA-256 of everything its rendered body (HTML, Blocks)
// and what rendering it reports depend on besides gongkai's code: the
// page's path and section, where its body starts, the site's base path and
// the bytes of its file (or of the body Parse read).
func (p *Page) BodySum() [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%q %q %d %q %t\n", p.Path, p.Section, p.BodyLine, p.basePath, p.source != nil)
	if p.source != nil {
		h.Write(p.sum[:])
	} else {
		h.Write(p.body)
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// markdownText is the page's Markdown after the front matter: the body
// Parse read, or the file read again and checked to be the one loaded.
func (p *Page) markdownText() ([]byte, error) {
	if p.body != nil || p.source == nil {
		return p.body, nil
	}
	src, err := p.source()
	if err != nil {
		return nil, fmt.Errorf("cannot read the page again to publish it: %v", unwrapPath(err))
	}
	if sha256.Sum256(src) != p.sum {
		return nil, errors.New("the page changed while the site was being built: build again")
	}
	split, err := SplitFrontMatter(src)
	if err != nil { // it did not when loaded, and the bytes are the same
		return nil, err
	}
	return split.Body, nil
}
