package data

import (
	"errors"
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
	// badDates are values written as dates that are not days of the
	// calendar (2012-02-30, 2012-13-01), with where they are.
	badDates  int
	badDateAt []badNumber
	// others are the first values that are neither numbers, nor written
	// like numbers, nor written like dates (NA, -, 待定), with where they are.
	others  []badNumber
	nOthers int
	// missingLike counts values written as no value (NA, -, NULL) that are
	// not declared as missing values: errors in a column of numbers or dates.
	missingLike int
	code        bool // a value with leading zeros or too many digits for a number
	suffixes    map[string]int
	inYearRange bool
}

var (
	numberLike = regexp.MustCompile(`(?i)^[+-]?(?:[0-9]+(?:[.,][0-9]*)+|[0-9.]+e[+-]?[0-9]+|nan|inf|-inf|infinity|0x[0-9a-f]+|\([0-9.,]+\)|[0-9.,]+-)$`)
	dateLike   = regexp.MustCompile(`^[0-9]{4}(?:[-/.][0-9]{1,2}[-/.][0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日)$`)
	// grade is a number with one capital letter after it: 5A, 3B — a grade
	// or class (景区等级, 社会组织评估等级), not a quantity in a unit.
	grade        = regexp.MustCompile(`^[A-Z]$`)
	errNotNumber = errors.New("not a number")
	errNotDate   = errors.New("not a date")
)

// mayBeNumber reports whether t has a digit (of any width), without which
// it is no number, or is one of the words numberLike calls a number
// written wrongly (NaN, Inf), whose messages say so.
func mayBeNumber(t string) bool {
	return strings.IndexFunc(t, unicode.IsDigit) >= 0 ||
		(strings.Trim(t, "+-nNaAiIfFtTyY().,") == "" && numberLike.MatchString(t)) // NaN, inf, (.), …
}

// codeDigits reports whether t is digits with a leading zero (0201, with a
// sign or not) or 16 digits or more: a code, whose digits must be kept.
func codeDigits(t string) bool {
	if len(t) >= 16 && allDigits(t) {
		return true
	}
	if t != "" && (t[0] == '+' || t[0] == '-') {
		t = t[1:]
	}
	return len(t) >= 2 && t[0] == '0' && allDigits(t[1:])
}

// allDigits reports whether t is ASCII digits only (and not empty).
func allDigits(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return t != ""
}

// mayBeDate reports whether t has what every date of defaultDateFormats
// has — a "-", "/" or 年, full-width or not — or looks like a date
// written with dots (2013.3.15), whose message says how to write it.
func mayBeDate(t string) bool {
	return strings.ContainsAny(t, "-/年－／") || (strings.ContainsAny(t, ".．") && dateLike.MatchString(t))
}

// unitLike reports whether the text after a number can be a unit ("%",
// "万元", "km") rather than more of a value ("/18/2010").
func unitLike(s string) bool {
	return utf8.RuneCountInString(s) <= 8 && !strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsSpace(r) || (r < 0x80 && unicode.IsPunct(r) && r != '%')
	})
}

func (g *guess) add(t string, line, col int, nf value.NumberFormat) {
	g.n++
	if codeDigits(t) {
		g.code = true
	}
	// Most cells of a text column are neither numbers nor dates, and
	// parsing them as such only to be told so (in words) took most of a
	// large file's reading: a cell that cannot be one is not parsed as one.
	var n value.Number
	err := errNotNumber
	maybeNumber, maybeDate := mayBeNumber(t), mayBeDate(t)
	if maybeNumber {
		n, err = value.ParseNumber(t, nf)
	}
	if err == nil && (!unitLike(n.Suffix) || grade.MatchString(n.Suffix)) {
		err = errNotNumber
	}
	dateErr := errNotDate
	if maybeDate {
		_, dateErr = value.ParseDate(t, defaultDateFormats)
	}
	switch {
	case err != nil && maybeNumber && numberLike.MatchString(t):
		if len(g.badNumberAt) < 10 {
			g.badNumberAt = append(g.badNumberAt, badNumber{line, col, t, errText(err)})
		}
		g.badNumbers++
	case dateErr != nil && maybeDate && dateLike.MatchString(t):
		if len(g.badDateAt) < 10 {
			g.badDateAt = append(g.badDateAt, badNumber{line, col, t, errText(dateErr)})
		}
		g.badDates++
	case err != nil && dateErr != nil:
		if missingLike[strings.ToUpper(t)] {
			g.missingLike++
		}
		if len(g.others) < 10 {
			g.others = append(g.others, badNumber{line, col, t, ""})
		}
		g.nOthers++
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
	}
	if dateErr == nil {
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
	}
	return f, ""
}

// mostly tells what a column that is not all of one type mostly holds —
// "numbers" or "dates", when at least four in five of its values (and at
// least four values), leaving out words for "no value", are, or are written
// like, them; "" otherwise. Such a
// column is never published as text without a word: the cells that are not
// numbers or dates are errors (guess.mistakes).
func (g *guess) mostly() string {
	n := g.n - g.missingLike // words for "no value" count for neither side
	switch {
	case n < 4:
		return ""
	case g.num < g.n && (g.num+g.badNumbers)*5 >= n*4:
		return "numbers"
	case g.date < g.n && (g.date+g.badDates)*5 >= n*4:
		return "dates"
	}
	return ""
}

// infer reads a generic dataset's file once to infer its schema. It returns
// false when the file cannot be read (the problems are reported).
func (d *Dataset) infer(diags *diag.List) (ok bool) {
	file := d.Files[0]
	probs := file.problems(d.opts.Limits.MaxProblems)
	defer probs.flush(d.fsys, diags)
	sc, err := openScanner(d.fsys, file.Path, d.opts.Limits, nil, probs)
	if err != nil {
		return false
	}
	defer sc.Close()
	d.Schema = Schema{Numbers: d.opts.Numbers, MissingValues: d.opts.MissingValues, Inferred: true}
	guesses := make([]guess, len(sc.Header))
	pq, _ := sc.typed.(*parquetReader) // whose columns' types say most of what guesses would
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
			nf := d.Schema.Numbers
			if r.kinds != nil && r.kinds[i] == cellNumber {
				nf = plainNumbers // a workbook's number, whatever the site's rules for writing them
			}
			if pq != nil {
				pq.cols[i].see(t, &nf)
				continue
			}
			guesses[i].add(t, r.line, r.pos[i], nf)
		}
	}
	if probs.hasErrors() {
		return false
	}
	defer func() { ok = !probs.hasErrors() }()
	for i, h := range sc.Header {
		g := guesses[i]
		if pq != nil { // the file's types say what its columns hold
			d.Schema.Fields = append(d.Schema.Fields, pq.cols[i].field(h))
			continue
		}
		what := g.mostly()
		if what == "" && g.badNumbers > 0 && g.badNumbers+g.num == g.n {
			what = "numbers"
		}
		if what != "" {
			// A column of numbers (or dates) with some cells that are not:
			// publishing it as text would hide the mistake, and taking the
			// odd cells as missing would be a guess, so each is an error.
			bad, more := g.badDateAt, g.badDates-len(g.badDateAt)
			if what == "numbers" {
				bad, more = g.badNumberAt, g.badNumbers-len(g.badNumberAt)
			}
			for _, b := range bad {
				probs.errorf(b.line, b.col, "column %s %q: %s (the column holds %s; if these cells are right as they are, declare the column's rules in %s)", columnLetter(i), h, b.msg, what, SidecarPath(file.Path))
			}
			for _, b := range g.others {
				if b.line == sc.HLine+1 && what == "numbers" && unitLike(b.text) {
					// A second header row of units, as Excel reports have.
					probs.errorf(b.line, b.col, "column %s %q: %q under the header looks like the column's unit, in a second header row: put it in the column's name, like \"%s(%s)\", and delete the row", columnLetter(i), h, b.text, h, b.text)
					continue
				}
				probs.errorf(b.line, b.col, "column %s %q: %q is not one of the %s the rest of the column holds: correct it, leave the cell blank if there is no value, declare words such as NA as missing values (missing_values in site.toml or the file's %s), or declare the column as text there", columnLetter(i), h, b.text, what, SidecarPath(file.Path))
			}
			more += g.nOthers - len(g.others)
			if more > 0 {
				probs.errorf(sc.HLine, 1, "column %s %q: %d more values like these are not %s", columnLetter(i), h, more, what)
			}
			continue
		}
		f, warn := guesses[i].field(h)
		if warn != "" {
			probs.warnf(sc.HLine, 1, "column %s %q %s", columnLetter(i), h, warn)
		}
		if (f.Type == Number || f.Type == Integer) && f.Unit == "" {
			f.Unit = sc.unit // the table's unit, said above its header, for the numbers that name none
		}
		d.Schema.Fields = append(d.Schema.Fields, f)
	}
	d.Title = sc.Title
	return true
}
