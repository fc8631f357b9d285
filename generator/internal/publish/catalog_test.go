package publish

import (
	"regexp"
	"testing"
)

// TestXSDPattern: a built-in kind's Go pattern is published as the same
// pattern in XML Schema's syntax, which Frictionless uses: no anchors (the
// whole value must match) and no non-capturing groups.
func TestXSDPattern(t *testing.T) {
	for in, want := range map[string]string{
		`^[0-9]{3}(?:[0-9]{2}(?:[0-9]{2})?)?$`: `[0-9]{3}([0-9]{2}([0-9]{2})?)?`,
		`^[a-z0-9]+(?:-[a-z0-9]+)*$`:           `[a-z0-9]+(-[a-z0-9]+)*`,
		`^\(?:x\)$`:                            `\(?:x\)`,
	} {
		if got := xsdPattern(in); got != want {
			t.Errorf("xsdPattern(%q) = %q, want %q", in, got, want)
		}
		// Matching the whole value, both mean the same.
		goRE, xsd := regexp.MustCompile(in), regexp.MustCompile(`^(?:`+xsdPattern(in)+`)$`)
		for _, s := range []string{"208", "20802", "2080201", "2080", "a-b", "a--b", "(?:x)", ":x)"} {
			if goRE.MatchString(s) != xsd.MatchString(s) {
				t.Errorf("%q: %q and %q disagree on %q", in, goRE, xsd, s)
			}
		}
	}
}

// TestPublishedPatternsMatchWrittenForms: the patterns declared for a
// period, a 统一社会信用代码 and a date column of mixed forms accept every
// form the downloads write and nothing else.
func TestPublishedPatternsMatchWrittenForms(t *testing.T) {
	for pattern, cases := range map[string]map[string]bool{
		periodPattern:      {"2025": true, "2025-H1": true, "2025-Q3": true, "2025-09": true, "2025-01/2025-09": true, "2025-09-30": true, "2025Q3": false, "2025-H3": false, "25": false},
		usccPattern:        {"91440300MA5DC5AG8X": true, "91440300MA5DC5AG8I": false, "9144030": false},
		partialDatePattern: {"2015": true, "2015-03": true, "2015-03-04": true, "2015/03/04": false},
	} {
		re := regexp.MustCompile(`^(?:` + pattern + `)$`)
		for s, want := range cases {
			if re.MatchString(s) != want {
				t.Errorf("%s matches %q: %v, want %v", pattern, s, !want, want)
			}
		}
	}
}

func TestInterval(t *testing.T) {
	for _, tc := range []struct{ start, end, want string }{
		{"2011-01-01", "2016-12-31", "2011/2016"},
		{"2013-01-01", "2013-12-31", "2013"},
		{"2012-03-04", "2016-12-31", "2012-03-04/2016-12-31"},
	} {
		if got := interval(tc.start, tc.end); got != tc.want {
			t.Errorf("interval(%s, %s) = %s, want %s", tc.start, tc.end, got, tc.want)
		}
	}
}
