package content

import (
	"bytes"
	"strings"
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		fm       string
		fmLine   int
		body     string
		bodyLine int
		errLine  int
	}{
		{"plain", "---\ntitle: a\n---\nbody\n", "title: a\n", 2, "body\n", 4, 0},
		{"no front matter", "# hi\n", "", 0, "# hi\n", 1, 0},
		{"bom", "\xEF\xBB\xBF---\ntitle: a\n---\nx", "title: a\n", 2, "x", 4, 0},
		{"blank lines first", "\n  \n---\ntitle: a\n---\n", "title: a\n", 4, "", 6, 0},
		{"crlf", "---\r\ntitle: a\r\n---\r\nbody", "title: a\r\n", 2, "body", 4, 0},
		{"dots close", "---\ntitle: a\n...\nb", "title: a\n", 2, "b", 4, 0},
		{"empty front matter", "---\n---\nb", "", 2, "b", 3, 0},
		{"trailing spaces on fence", "--- \ntitle: a\n---  \nb", "title: a\n", 2, "b", 4, 0},
		{"not closed", "---\ntitle: a\nbody without end\n", "", 0, "", 0, 1},
		{"not closed after blank", "\n---\ntitle: a\n", "", 0, "", 0, 2},
		{"toml", "+++\ntitle = 'a'\n+++\n", "", 0, "", 0, 1},
		{"dash rule later is body", "text\n---\nmore", "", 0, "text\n---\nmore", 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := SplitFrontMatter([]byte(tt.src))
			if tt.errLine != 0 {
				se, ok := err.(*SplitError)
				if !ok {
					t.Fatalf("want error at line %d, got %v", tt.errLine, err)
				}
				if se.Line != tt.errLine {
					t.Errorf("error line %d, want %d", se.Line, tt.errLine)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(s.FrontMatter) != tt.fm || s.FrontMatterLine != tt.fmLine || string(s.Body) != tt.body || s.BodyLine != tt.bodyLine {
				t.Errorf("got fm=%q@%d body=%q@%d", s.FrontMatter, s.FrontMatterLine, s.Body, s.BodyLine)
			}
		})
	}
}

// FuzzSplitFrontMatter checks that splitting never panics, that an error
// points at a line of the file, and that the parts are pieces of the input at
// the lines they claim.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{"---\ntitle: a\n---\nbody", "\xEF\xBB\xBF\n---\n---\n", "---\n", "+++\n", "", "a\n---\nb", "---\r\nx: 1\r\n...\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := SplitFrontMatter(src)
		lines := bytes.Count(src, []byte("\n")) + 1
		if err != nil {
			se, ok := err.(*SplitError)
			if !ok || se.Line < 1 || se.Line > lines || se.Col < 1 {
				t.Fatalf("bad error %v for %q", err, src)
			}
			return
		}
		trimmed := bytes.TrimPrefix(src, bom)
		if !bytes.HasSuffix(trimmed, s.Body) {
			t.Fatalf("body %q is not the end of the input %q", s.Body, src)
		}
		if s.BodyLine < 1 || s.BodyLine > lines+1 {
			t.Fatalf("body line %d outside 1..%d", s.BodyLine, lines+1)
		}
		if want := strings.Count(string(trimmed[:len(trimmed)-len(s.Body)]), "\n") + 1; want != s.BodyLine {
			t.Fatalf("body line %d, but the body starts on line %d", s.BodyLine, want)
		}
		if s.FrontMatter != nil {
			// The front matter ends just before the closing fence line, which ends just before the body.
			head := trimmed[:len(trimmed)-len(s.Body)]
			head = head[:bytes.LastIndexByte(head[:len(head)-1], '\n')+1]
			if !bytes.HasSuffix(head, s.FrontMatter) {
				t.Fatalf("front matter %q is not followed by the closing fence in %q", s.FrontMatter, src)
			}
			start := len(head) - len(s.FrontMatter)
			if got := strings.Count(string(trimmed[:start]), "\n") + 1; got != s.FrontMatterLine {
				t.Fatalf("front matter starts on line %d, reported %d", got, s.FrontMatterLine)
			}
		}
	})
}
