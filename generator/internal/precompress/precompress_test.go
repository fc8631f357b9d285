package precompress

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
)

func TestSuffixes(t *testing.T) {
	tests := []struct {
		name string
		size int64
		want []string
	}{
		{"index.html", 5000, []string{".gz", ".br"}},
		{"assets/site.CSS", 5000, []string{".gz", ".br"}},
		{"catalog.jsonld", MinSize, []string{".gz", ".br"}},
		{"robots.txt", MinSize - 1, nil},
		{"data/budgets.csv", MaxBrotli, []string{".gz", ".br"}},
		{"data/budgets.csv", MaxBrotli + 1, []string{".gz"}},
		{"data/budgets.xlsx", 5000, nil},
		{"assets/logo.png", 5000, nil},
		{"assets/font.woff2", 5000, nil},
		{"data/budgets.csv.gz", 5000, nil},
		{"LICENSE", 5000, nil},
	}
	for _, tt := range tests {
		if got := Suffixes(tt.name, tt.size); !slices.Equal(got, tt.want) {
			t.Errorf("Suffixes(%q, %d) = %q, want %q", tt.name, tt.size, got, tt.want)
		}
	}
}

// TestCompressRoundTrip: each copy decompresses to the input, and the same
// input gives the same copies (pooled encoders carry nothing over).
func TestCompressRoundTrip(t *testing.T) {
	inputs := []string{"", "<p>政策公开</p>\n", strings.Repeat("年份,金额(万元)\n2013,12.5\n", 40000)}
	var first [][]byte
	for round := range 2 {
		for i, in := range inputs {
			var gz, br bytes.Buffer
			if err := Compress([]io.Writer{&gz, &br}, []string{".gz", ".br"}, strings.NewReader(in)); err != nil {
				t.Fatal(err)
			}
			got := append(gz.Bytes()[:len(gz.Bytes()):len(gz.Bytes())], br.Bytes()...)
			zr, err := gzip.NewReader(&gz)
			if err != nil {
				t.Fatal(err)
			}
			for format, r := range map[string]io.Reader{"gzip": zr, "brotli": brotli.NewReader(bytes.NewReader(br.Bytes()))} {
				if out, err := io.ReadAll(r); err != nil || string(out) != in {
					t.Errorf("input %d: %s copy gives %d bytes, want %d (%v)", i, format, len(out), len(in), err)
				}
			}
			if round == 0 {
				first = append(first, got)
			} else if !bytes.Equal(first[i], got) {
				t.Errorf("input %d: two compressions differ", i)
			}
		}
	}
	if err := Compress([]io.Writer{io.Discard}, []string{".zst"}, strings.NewReader("x")); err == nil {
		t.Error("an unknown suffix is no error")
	}
}
