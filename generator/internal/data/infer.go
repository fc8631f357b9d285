package data

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai/generator/internal/data/value"
	"gongkai/generator/internal/diag"
)

// guess tracks, for one column, which types every value so far could be.
type guess struct {
	n, num, integer, date, boolean int
	// badNumbers are values that look like numbers but are not readable as
	// numbers by the site's rules ("12,5", "1e3", "123,,456"), with where they are.
	badNumbers  int
	badNumberAt []badNumber
	code        bool // a value with leading zeros or too many digits for a number
	suffixes    map[string]int
	inYearRange bool
	notNumbers  []int // lines of the first values that are not numbers
}

var (
	leadingZero  = regexp.MustCompile(`^[+-]?0[0-9]+$|^[0-9]{16,}$`)
	numberLike   = regexp.MustCompile(`(?i)^[+-]?(?:[0-9]+(?:[.,][0-9]*)+|[0-9.]+e[+-]?[0-9]+|nan|inf|-inf|infinity|0x[0-9a-f]+|\([0-9.,]+\)|[0-9.,]+-)$`)
	errNotNumber = errors.New("not a number")
)

// unitLike reports whether the text after a number can be a unit ("%",
// "万元", "km") rather than more of a value ("/18/2010").
func unitLike(s string) bool {
	return utf8.RuneCountInString(s) <= 8 && !strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsSpace(r) || (r < 0x80 && unicode.IsPunct(r) && r != '%')
	})
}

func (g *guess) add(t string, line, col int, nf value.NumberFormat) {
	g.n++
	if leadingZero.MatchString(t) {
		g.code = true
	}
	n, err := value.ParseNumber(t, nf)
	if err == nil && !unitLike(n.Suffix) {
		err = errNotNumber
	}
	if err != nil && numberLike.MatchString(t) {
		if len(g.badNumberAt) < 10 {
			g.badNumberAt = append(g.badNumberAt, badNumber{line, col, t, errText(err)})
		}
		g.badNumbers++
	}
	if err == nil {
		g.num++
		if g.suffixes == nil {
			g.suffixes = map[string]int{}
		}
		g.suffixes[n.Suffix]++
		if !strings.Contains(n.Decimal, ".") && n.Suffix == "" {
			g.integer++
			if g.integer == 1 {
				g.inYearRange = true
			}
			if n.Float < 1900 || n.Float > 2100 {
				g.inYearRange = false
			}
		}
	} else if len(g.notNumbers) < 3 {
		g.notNumbers = append(g.notNumbers, line)
	}
	if _, err := value.ParseDate(t, defaultDateFormats); err == nil {
		g.date++
	}
	switch strings.ToLower(t) {
	case "是", "否", "true", "false":
		g.boolean++
	}
}

// codeNames are words in a header that name an identifier, whose digits are
// kept as text (never summed, never written with thousands separators).
var codeNames = []string{"编码", "代码", "编号", "代号", "序号", "邮编", "邮政编码", "电话", "号码", "code", "id", "no."}

func codeName(header string) bool {
	h := strings.ToLower(header)
	for _, w := range codeNames {
		if strings.Contains(h, w) && (w != "id" || h == "id" || strings.HasSuffix(h, "_id") || strings.HasSuffix(h, " id")) {
			return true
		}
	}
	return false
}

// badNumber is a value that looks like a number but does not read as one.
type badNumber struct {
	line, col int
	text, msg string
}

// field decides the column's type from what was seen.
func (g *guess) field(header string) (Field, string) {
	name, unit := value.UnitFromHeader(header)
	if !unitLike(unit) { // "预算数(2013年)" names a year, not a unit
		name, unit = header, ""
	}
	f := Field{Name: header, Title: header, Type: String}
	yearish := strings.Contains(name, "年") || strings.EqualFold(name, "year")
	switch {
	case g.n == 0:
	case g.num == g.n && (g.code || codeName(name)):
		f.Type = Code
	case g.num == g.n:
		suffix, one := "", len(g.suffixes) == 1
		for s := range g.suffixes {
			suffix = s
		}
		switch {
		case unit != "":
			f.Type, f.Unit = Number, unit
		case one && suffix != "":
			f.Type, f.Unit = Number, suffix
		case !one:
			return f, "mixes numbers written with different units; it is published as text: name the unit in the header, like \"金额(万元)\", so values are converted to it"
		case g.integer == g.n && yearish && g.inYearRange:
			f.Type = Year
		case g.integer == g.n:
			f.Type = Integer
		default:
			f.Type = Number
		}
	case g.date == g.n:
		f.Type = Date
	case g.boolean == g.n:
		f.Type = Boolean
	case g.n >= 5 && g.num*10 >= g.n*8:
		lines := make([]string, len(g.notNumbers))
		for i, l := range g.notNumbers {
			lines[i] = fmt.Sprint(l)
		}
		return f, fmt.Sprintf("looks like a column of numbers, but the values on lines %s are not numbers, so it is published as text: fix those cells, or declare the column's type in a .schema.json file", strings.Join(lines, ", "))
	}
	return f, ""
}

// infer reads a generic dataset's file once to infer its schema. It returns
// false when the file cannot be read (the problems are reported).
func (d *Dataset) infer(diags *diag.List) (ok bool) {
	file := d.Files[0]
	probs := &problems{path: file.Path, max: d.opts.Limits.MaxProblems}
	defer probs.flush(d.fsys, diags)
	sc, err := openScanner(d.fsys, file.Path, d.opts.Limits, nil, probs)
	if err != nil {
		return false
	}
	defer sc.Close()
	d.Schema = Schema{Numbers: d.opts.Numbers, MissingValues: d.opts.MissingValues, Inferred: true}
	guesses := make([]guess, len(sc.Header))
	var r row
	for {
		err := sc.next(&r)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return false
		}
		for i, c := range r.cells {
			t := strings.TrimFunc(c, isSpace)
			if t == "" || value.IsMissing(t, d.Schema.MissingValues) {
				continue
			}
			guesses[i].add(t, r.line, r.pos[i], d.Schema.Numbers)
		}
	}
	if probs.hasErrors() {
		return false
	}
	defer func() { ok = !probs.hasErrors() }()
	for i, h := range sc.Header {
		if g := guesses[i]; g.badNumbers > 0 && g.badNumbers+g.num == g.n {
			// A column of numbers with some written wrongly: publishing it as
			// text would hide the mistake, so each one is an error.
			for _, b := range g.badNumberAt {
				probs.errorf(b.line, b.col, "column %s %q: %s (the column holds numbers; if these cells are right as they are, declare the column's rules in %s)", columnLetter(i), h, b.msg, SidecarPath(file.Path))
			}
			if g.badNumbers > len(g.badNumberAt) {
				probs.errorf(sc.HLine, 1, "column %s %q: %d more values like these are not numbers", columnLetter(i), h, g.badNumbers-len(g.badNumberAt))
			}
			continue
		}
		f, warn := guesses[i].field(h)
		if warn != "" {
			probs.warnf(sc.HLine, 1, "column %s %q %s", columnLetter(i), h, warn)
		}
		d.Schema.Fields = append(d.Schema.Fields, f)
	}
	d.Title = sc.Title
	return true
}
