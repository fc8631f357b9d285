package seed

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// SourceURL is the page the scrape was taken from, as named in its footer.
const SourceURL = "https://www.bwwdw.com/article/a1sw.html"

// Completeness values, as written to the content files' front matter.
const (
	Complete  = "complete"  // Complete means the source holds the whole document.
	Truncated = "truncated" // Truncated means the source stops partway through the document.
	Missing   = "missing"   // Missing means the source holds none of the document's text.
)

// catalog lists the package's documents in table-of-contents order.
var catalog = []struct{ slug, title string }{
	{"decision", "中共广东省委 广东省人民政府关于加强社会建设的决定"},
	{"service-government", "关于加快推进社会体制改革建设服务型政府的实施意见"},
	{"social-organizations", "关于加强社会组织管理的实施意见"},
	{"population", "关于加强我省人口服务和管理的实施意见"},
	{"social-work-talent", "关于加强社会工作人才队伍建设的实施意见"},
	{"informatization", "关于加强社会建设信息化的实施意见"},
	{"community-committees", "关于加强城市社区居民委员会规范化建设的实施意见"},
	{"village-committees", "关于加强和改进村民委员会建设的实施意见"},
}

// Document is one document of the package as it stands in the source.
type Document struct {
	Slug           string   // Slug names the content file (<slug>.md).
	Title          string   // Title is the document's title line, unrepaired.
	Weight         int      // Weight is the 1-based position in the table of contents.
	TOCPage        int      // TOCPage is the page number the table of contents gives.
	DocumentNumber string   // DocumentNumber is the repaired number other documents cite it by, or "".
	Paragraphs     []string // Paragraphs are the raw source paragraphs after the title, unrepaired and unjoined.
	Complete       bool     // Complete reports whether the source holds the whole document.
}

// Completeness returns Complete, Truncated (some text, not all) or Missing (no text).
func (d Document) Completeness() string {
	switch {
	case d.Complete:
		return Complete
	case len(d.Paragraphs) == 0:
		return Missing
	default:
		return Truncated
	}
}

var tocEntry = regexp.MustCompile(`\s*([^…]+?)…+(\d+)`)

// Split cuts the scrape src into the package's eight documents in table-of-contents order.
//
// It expects exactly the scrape's layout: a four-paragraph site header, the
// collapsed table of contents, the documents (each opening with its title
// line, in table-of-contents order) and the two-paragraph footer; anything
// else is an error. A document whose title never appears gets no paragraphs.
// Documents may only be missing from the end; the source then stops early, so
// the last document present is marked incomplete along with the missing ones.
func Split(src string) ([]Document, error) {
	if !utf8.ValidString(src) {
		return nil, fmt.Errorf("seed: source is not valid UTF-8")
	}
	if strings.HasPrefix(src, "\uFEFF") {
		return nil, fmt.Errorf("seed: source starts with a byte order mark")
	}
	if strings.Contains(src, "\r") {
		return nil, fmt.Errorf("seed: source has CR line endings")
	}
	paras, err := paragraphs(src)
	if err != nil {
		return nil, err
	}
	if len(paras) < 7 {
		return nil, fmt.Errorf("seed: source has %d paragraphs, too few for header, contents and footer", len(paras))
	}

	// Site header: package title, 更新时间…, 说明…, package title again.
	if paras[0] != paras[3] || !strings.HasPrefix(paras[1], "更新时间") || !strings.HasPrefix(paras[2], "说明") {
		return nil, fmt.Errorf("seed: unexpected site header %q", paras[:4])
	}
	// Footer: 本文来源:<url>, Top.
	n := len(paras)
	if paras[n-2] != "本文来源:"+SourceURL || paras[n-1] != "Top" {
		return nil, fmt.Errorf("seed: unexpected footer %q", paras[n-2:])
	}

	docs, err := parseTOC(paras[4])
	if err != nil {
		return nil, err
	}

	body := paras[5 : n-2]
	cur := -1
	for i, p := range body {
		if j := titleIndex(docs, p); j >= 0 {
			if j <= cur {
				return nil, fmt.Errorf("seed: title %q out of table-of-contents order", p)
			}
			cur = j
			continue
		}
		if cur < 0 {
			return nil, fmt.Errorf("seed: body paragraph %d precedes every document title: %q", i, p)
		}
		docs[cur].Paragraphs = append(docs[cur].Paragraphs, p)
	}

	last := -1
	for i := range docs {
		if len(docs[i].Paragraphs) > 0 {
			if last != i-1 {
				return nil, fmt.Errorf("seed: document %q is missing before %q", docs[i-1].Title, docs[i].Title)
			}
			last = i
		}
	}
	if last < 0 {
		return nil, fmt.Errorf("seed: no document text found")
	}
	for i := range docs {
		docs[i].Complete = i < last || (i == last && last == len(docs)-1)
	}

	if err := findDocumentNumbers(docs); err != nil {
		return nil, err
	}
	return docs, nil
}

// paragraphs returns the non-blank lines of src; each must stand alone between blank lines.
func paragraphs(src string) ([]string, error) {
	var out []string
	prevBlank := true
	for i, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(line) == "" {
			prevBlank = true
			continue
		}
		if !prevBlank {
			return nil, fmt.Errorf("seed: line %d continues a paragraph without a blank line", i+1)
		}
		if line != strings.TrimSpace(line) {
			return nil, fmt.Errorf("seed: line %d has leading or trailing white space", i+1)
		}
		out = append(out, line)
		prevBlank = false
	}
	return out, nil
}

// parseTOC reads the collapsed table of contents and checks it names the catalog's titles in order.
func parseTOC(line string) ([]Document, error) {
	ms := tocEntry.FindAllStringSubmatchIndex(line, -1)
	if len(ms) != len(catalog) {
		return nil, fmt.Errorf("seed: table of contents has %d entries, want %d: %q", len(ms), len(catalog), line)
	}
	docs := make([]Document, len(ms))
	end := 0
	for i, m := range ms {
		if m[0] != end {
			return nil, fmt.Errorf("seed: unparsed table-of-contents text %q", line[end:m[0]])
		}
		end = m[1]
		title := line[m[2]:m[3]]
		if title != catalog[i].title {
			return nil, fmt.Errorf("seed: table-of-contents entry %d is %q, want %q", i+1, title, catalog[i].title)
		}
		page, err := strconv.Atoi(line[m[4]:m[5]])
		if err != nil {
			return nil, fmt.Errorf("seed: table-of-contents page for %q: %v", title, err)
		}
		docs[i] = Document{Slug: catalog[i].slug, Title: title, Weight: i + 1, TOCPage: page}
	}
	if end != len(line) {
		return nil, fmt.Errorf("seed: unparsed table-of-contents text %q", line[end:])
	}
	return docs, nil
}

func titleIndex(docs []Document, p string) int {
	for i, d := range docs {
		if p == d.Title {
			return i
		}
	}
	return -1
}

// findDocumentNumbers sets each document's number from the other documents'
// citations of it, 《title》(number), and requires all citations to agree.
func findDocumentNumbers(docs []Document) error {
	for i := range docs {
		cite := regexp.MustCompile(`《` + regexp.QuoteMeta(strings.ReplaceAll(docs[i].Title, " ", "")) + `》（([^）]*)）`)
		for j, other := range docs {
			if j == i {
				continue
			}
			for _, p := range other.Paragraphs {
				for _, m := range cite.FindAllStringSubmatch(Repair(p), -1) {
					num := m[1]
					if !docNumber.MatchString(num) {
						return fmt.Errorf("seed: %s cites %q with %q, not a document number", other.Slug, docs[i].Title, num)
					}
					if docs[i].DocumentNumber != "" && docs[i].DocumentNumber != num {
						return fmt.Errorf("seed: %q cited as both %s and %s", docs[i].Title, docs[i].DocumentNumber, num)
					}
					docs[i].DocumentNumber = num
				}
			}
		}
	}
	return nil
}

// docNumber matches a repaired document number such as 粤发〔2011〕17号.
var docNumber = regexp.MustCompile(`^\p{Han}+〔\d{4}〕\d+号$`)
