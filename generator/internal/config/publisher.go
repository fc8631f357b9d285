package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// checkPublisher checks the addresses of [publisher]: the filing sites'
// links must be web addresses, the contacts an email or a web address or a
// site path.
func checkPublisher(line func(key string) int, p Publisher, at func(line, col int, format string, args ...any)) {
	for _, u := range []struct{ key, val, what string }{
		{"icp_url", p.ICPURL, "the MIIT filing site, https://beian.miit.gov.cn/"},
		{"public_security_url", p.PublicSecURL, "the number's record on the filing site, https://beian.mps.gov.cn/…"},
	} {
		if u.val != "" && !isWebURL(u.val) {
			at(line("publisher."+u.key), 1, "publisher %s %q must be an http:// or https:// address: %s", u.key, u.val, u.what)
		}
	}
	for _, c := range []struct{ key, val string }{{"error_report", p.ErrorReport}, {"feedback", p.Feedback}} {
		if c.val != "" && ContactHref(c.val) == "" {
			at(line("publisher."+c.key), 1, "publisher %s %q must be an email address (wangzhan@example.gov.cn), a form's address (https://…) or a page of the site (/feedback/)", c.key, c.val)
		}
	}
	if p.PublicSecURL != "" && p.PublicSec == "" {
		at(line("publisher.public_security_url"), 1, "publisher public_security_url is set but public_security is not: write the number it links to, e.g. \"粤公网安备 44010402000001号\"")
	}
}

// ContactHref is the link a contact setting makes: mailto: for an email
// address, the address itself for a web address or a site path; "" when it
// is none of these.
func ContactHref(v string) string {
	switch {
	case isEmail(v):
		return "mailto:" + v
	case isWebURL(v), isSitePath(v):
		return v
	}
	return ""
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t\n")
}

func isEmail(e string) bool {
	return strings.Count(e, "@") == 1 && !strings.HasPrefix(e, "@") && !strings.HasSuffix(e, "@") && !strings.ContainsAny(e, " <>:/")
}

// isSitePath reports whether s is a path on the site, such as /about/#contact.
func isSitePath(s string) bool {
	return strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") && !strings.ContainsAny(s, " \t\n\\")
}

// A Segment is a run of a text setting: plain text, or words linking to Href.
type Segment struct {
	Text string
	Href string // "" for plain text; a site path ("/about/#id") or a web or mailto: address
}

// link is a Markdown-style link, [words](target), in a text setting.
// The target may hold one level of parentheses, as addresses do.
var link = regexp.MustCompile(`\[([^\[\]]+)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)`)

// Segments cuts a text setting into plain text and links. Targets are taken
// as written; CheckLinks says which are not acceptable.
func Segments(text string) []Segment {
	var out []Segment
	last := 0
	for _, m := range link.FindAllStringSubmatchIndex(text, -1) {
		if m[0] > last {
			out = append(out, Segment{Text: text[last:m[0]]})
		}
		out = append(out, Segment{Text: text[m[2]:m[3]], Href: text[m[4]:m[5]]})
		last = m[1]
	}
	if last < len(text) {
		out = append(out, Segment{Text: text[last:]})
	}
	return out
}

// CheckLinks describes every link of a text setting whose target is not a
// site path, a web address or a mailto: address.
func CheckLinks(text string) []string {
	var out []string
	for _, s := range Segments(text) {
		if s.Href == "" && strings.Contains(s.Text, "](") {
			out = append(out, fmt.Sprintf("%q holds a link that is not written [words](address) with no spaces in the address", s.Text))
		}
		if s.Href == "" {
			continue
		}
		if !isSitePath(s.Href) && !isWebURL(s.Href) && !(strings.HasPrefix(s.Href, "mailto:") && isEmail(s.Href[len("mailto:"):])) {
			out = append(out, fmt.Sprintf("link [%s](%s) must go to a page of the site (/about/), an http:// or https:// address or mailto:", s.Text, s.Href))
		}
	}
	return out
}
