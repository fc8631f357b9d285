package data

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// The parts of a workbook (.xlsx, a ZIP of XML parts) every sheet needs:
// which sheets there are and where, the shared table of strings most text
// cells point into, and the number formats that say whether a number cell
// shows a date. A sheet's rows are read in sheet.go.
// numFmt is what a number format shows a number as.
type numFmt uint8

const (
	fmtNumber numFmt = iota
	fmtDate          // a date, maybe with a time
	fmtTime          // a time of day or a duration
)

// openSheet opens the workbook at p and its first visible worksheet. A
// workbook that cannot be read is reported to probs (at its first cell) and
// gives errStop.
func openSheet(fsys fs.FS, p string, size int64, lim Limits, probs *problems) (*sheetReader, error) {
	f, err := fsys.Open(p)
	if err != nil {
		probs.errorf(1, 1, "cannot read the file: %v", unwrapPathErr(err))
		return nil, errStop
	}
	ra, ok := f.(io.ReaderAt)
	if !ok { // a file system whose files cannot be read at an offset: read it whole
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			probs.errorf(1, 1, "cannot read the file: %v", unwrapPathErr(err))
			return nil, errStop
		}
		ra, size, f = bytes.NewReader(b), int64(len(b)), nil
	}
	s := &sheetReader{probs: probs, lim: lim}
	part, msg := s.open(ra, size)
	if msg != "" {
		probs.errorf(1, 1, "%s", msg)
		if f != nil {
			f.Close()
		}
		return nil, errStop
	}
	s.part, s.dec = closers{part, f}, xml.NewDecoder(part)
	probs.sheet = s.name
	return s, nil
}

// open reads the workbook's parts every sheet needs (readWorkbook), warns
// of other sheets with data, and opens the first visible sheet; or says
// why it cannot.
func (s *sheetReader) open(ra io.ReaderAt, size int64) (io.ReadCloser, string) {
	const resave = "open it in Excel and save it again as an Excel workbook (.xlsx), or as CSV UTF-8"
	magic := make([]byte, 4)
	if _, err := ra.ReadAt(magic, 0); err != nil || string(magic) != "PK\x03\x04" {
		if bytes.Equal(magic, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
			return nil, "the workbook is protected by a password, or is an old Excel 97–2003 file renamed to .xlsx: open it in Excel and save it without a password as an Excel workbook (.xlsx), or as CSV UTF-8"
		}
		return nil, "not an Excel workbook (.xlsx files are ZIP packages, and this one is not): " + resave
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, fmt.Sprintf("the workbook is damaged (%v): %s", err, resave)
	}
	sheetPath, others, err := s.readWorkbook(zr)
	if err != nil {
		return nil, fmt.Sprintf("the workbook is damaged (%v): %s", err, resave)
	}
	if sheetPath == "" {
		return nil, "the workbook has no visible worksheet: a dataset is the first visible sheet of a workbook"
	}
	for _, o := range others {
		if hasCells(zr, o.path) {
			s.probs.warnf(1, 1, "this sheet is not read: a workbook's first visible sheet (%s) is its dataset; give each other table a workbook of its own, or hide sheets of notes (隐藏工作表)", s.name)
			s.probs.list[len(s.probs.list)-1].sheet = o.name
		}
	}
	part, err := openPart(zr, sheetPath)
	if err != nil {
		return nil, fmt.Sprintf("the workbook is damaged (%v): %s", err, resave)
	}
	return part, ""
}

// closers closes the sheet's part and the file beneath it.
type closers struct {
	part io.Closer
	file fs.File // nil when the file was read whole
}

func (c closers) Close() error {
	err := c.part.Close()
	if c.file != nil {
		err = errors.Join(err, c.file.Close())
	}
	return err
}

// Close releases the workbook.
func (s *sheetReader) Close() error { return s.part.Close() }

// namedPart is a worksheet of the workbook: its name and its part's path.
type namedPart struct{ name, path string }

// readWorkbook reads what every sheet needs: the workbook's sheets, its
// shared strings and its cells' number formats. It returns the part of the
// first visible worksheet, whose name it keeps, and the other visible ones.
func (s *sheetReader) readWorkbook(zr *zip.Reader) (string, []namedPart, error) {
	wbPath := "xl/workbook.xml"
	var root xRels
	if err := readPart(zr, "_rels/.rels", &root); err == nil {
		if t := root.target("_rels/.rels", "/officeDocument"); t != "" {
			wbPath = t
		}
	}
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
			ID    string `xml:"id,attr"` // r:id
		} `xml:"sheets>sheet"`
	}
	if err := readPart(zr, wbPath, &wb); err != nil {
		return "", nil, err
	}
	s.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	var rels xRels
	if err := readPart(zr, relsPath, &rels); err != nil {
		return "", nil, err
	}
	var first string
	var others []namedPart
	for _, sh := range wb.Sheets {
		r := rels.byID(sh.ID)
		if sh.State == "hidden" || sh.State == "veryHidden" || r == nil || !strings.HasSuffix(r.Type, "/worksheet") {
			continue // hidden on purpose, or a chart sheet
		}
		p := resolve(relsPath, r.Target)
		if first == "" {
			first, s.name = p, sh.Name
			continue
		}
		others = append(others, namedPart{sh.Name, p})
	}
	if first == "" {
		return "", nil, nil
	}
	if t := rels.target(relsPath, "/sharedStrings"); t != "" {
		if err := s.readSharedStrings(zr, t); err != nil {
			return "", nil, err
		}
	}
	if t := rels.target(relsPath, "/styles"); t != "" {
		var st struct {
			NumFmts []struct {
				ID   int    `xml:"numFmtId,attr"`
				Code string `xml:"formatCode,attr"`
			} `xml:"numFmts>numFmt"`
			Xfs []struct {
				NumFmt int `xml:"numFmtId,attr"`
			} `xml:"cellXfs>xf"`
		}
		if err := readPart(zr, t, &st); err != nil {
			return "", nil, err
		}
		custom := map[int]string{}
		for _, nf := range st.NumFmts {
			custom[nf.ID] = nf.Code
		}
		for _, xf := range st.Xfs {
			s.formats = append(s.formats, formatOf(xf.NumFmt, custom))
		}
	}
	return first, others, nil
}

// xRels is a part's relationships.
type xRels struct {
	Rels []xRel `xml:"Relationship"`
}

type xRel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

func (r *xRels) byID(id string) *xRel {
	for i := range r.Rels {
		if r.Rels[i].ID == id {
			return &r.Rels[i]
		}
	}
	return nil
}

// target is the part the first relationship of the type (its URI's end) points to.
func (r *xRels) target(relsPath, typ string) string {
	for _, x := range r.Rels {
		if strings.HasSuffix(x.Type, typ) {
			return resolve(relsPath, x.Target)
		}
	}
	return ""
}

// resolve turns a relationship's target into a path in the package: targets
// are relative to the folder of the part the relationships belong to (the
// folder above _rels/), or absolute.
func resolve(relsPath, target string) string {
	if t, ok := strings.CutPrefix(target, "/"); ok {
		return t
	}
	return path.Join(path.Dir(path.Dir(relsPath)), target)
}

func openPart(zr *zip.Reader, name string) (io.ReadCloser, error) {
	for _, f := range zr.File {
		if f.Name == name || strings.EqualFold(f.Name, name) {
			return f.Open()
		}
	}
	return nil, fmt.Errorf("it has no part %s", name)
}

func readPart(zr *zip.Reader, name string, v any) error {
	rc, err := openPart(zr, name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// hasCells reports whether a worksheet holds a value anywhere.
func hasCells(zr *zip.Reader, name string) bool {
	rc, err := openPart(zr, name)
	if err != nil {
		return false
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return false
		}
		if t, ok := tok.(xml.StartElement); ok && (t.Name.Local == "v" || t.Name.Local == "is") {
			return true
		}
	}
}

// readSharedStrings reads the workbook's table of strings: each item's
// text, its runs of formatting joined, without the phonetic guides (rPh)
// some East Asian editions add. A text longer than a cell may be is not
// kept (s.long): the cells that show it are errors.
func (s *sheetReader) readSharedStrings(zr *zip.Reader, name string) error {
	rc, err := openPart(zr, name)
	if err != nil {
		return err
	}
	defer rc.Close()
	var b strings.Builder
	dec := xml.NewDecoder(rc)
	inText, phonetic, long := false, 0, false
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				b.Reset()
				long = false
			case "rPh":
				phonetic++
			case "t":
				inText = phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if long {
					if s.long == nil {
						s.long = map[int]bool{}
					}
					s.long[len(s.strs)] = true
				}
				s.strs = append(s.strs, unescapeX(b.String()))
			case "rPh":
				phonetic--
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText && !long {
				if long = s.tooLong(b.Len() + len(t)); long {
					b.Reset()
				} else {
					b.Write(t)
				}
			}
		}
	}
}

// tooLong reports whether n bytes of text are more than a cell may hold.
func (s *sheetReader) tooLong(n int) bool { return s.lim.MaxCellBytes > 0 && n > s.lim.MaxCellBytes }

// tooLongMsg says that a cell holds more text than a cell may.
func (s *sheetReader) tooLongMsg() string {
	limit := humanBytes(int64(s.lim.MaxCellBytes))
	return fmt.Sprintf("the cell holds more than %s of text; cells are limited to %s", limit, limit)
}

// unescapeX decodes the _xHHHH_ escapes OOXML writes for characters XML
// cannot hold (a carriage return is _x000D_; a literal "_x" is _x005F_x).
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "_x")
		if i < 0 || len(s) < i+7 || s[i+6] != '_' {
			b.WriteString(s)
			return b.String()
		}
		n, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
		if err != nil {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteRune(rune(n))
		s = s[i+7:]
	}
}

// formatOf says what a number format shows: Excel's built-in formats by
// number (the Chinese editions' dates and times among them), a custom one
// by its code.
func formatOf(id int, custom map[int]string) numFmt {
	switch {
	case id >= 14 && id <= 17, id == 22, id >= 27 && id <= 31, id == 36, id >= 50 && id <= 54, id == 57, id == 58:
		return fmtDate
	case id >= 18 && id <= 21, id >= 32 && id <= 35, id >= 45 && id <= 47, id == 55, id == 56:
		return fmtTime
	}
	code, ok := custom[id]
	if !ok {
		return fmtNumber
	}
	// Only the first section (positive numbers) says what a number is; the
	// quoted text, [colours and locales], \escaped and _ or * padded
	// characters say nothing about it.
	var b strings.Builder
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
			if bracket { // [h], [mm], [ss]: elapsed time
				b.WriteByte(c | 0x20)
			}
		case c == '"':
			quoted = true
		case c == '[':
			bracket = true
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == ';':
			i = len(code)
		default:
			b.WriteByte(c | 0x20) // lower case, for letters
		}
	}
	k := b.String()
	if strings.Contains(k, "general") {
		return fmtNumber
	}
	hms := strings.ContainsAny(k, "hs")
	switch {
	case strings.ContainsAny(k, "yd"), strings.Contains(k, "m") && !hms:
		return fmtDate
	case hms:
		return fmtTime
	}
	return fmtNumber
}
