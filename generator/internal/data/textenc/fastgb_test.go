package textenc

import (
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"os"
	"testing"
	"testing/iotest"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// decodeWith reads src through a transformer, in pieces as small as one byte
// when tiny is set.
func decodeWith(t transform.Transformer, src []byte, tiny bool) ([]byte, error) {
	var r io.Reader = bytes.NewReader(src)
	if tiny {
		r = iotest.OneByteReader(r)
	}
	return io.ReadAll(transform.NewReader(r, t))
}

// FuzzGBDecoder checks the table-driven decoder against x/text's on any
// bytes: the same output, whole or one byte at a time.
func FuzzGBDecoder(f *testing.F) {
	for _, p := range []string{"../testdata/corpus/x-text/sunzi-bingfa-simplified-gbk.txt", "../testdata/corpus/x-text/candide-gb18030.txt"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b[:min(len(b), 4096)])
		}
	}
	for _, s := range []string{"\x81\x30\x81\x30", "\xb9\xe3\xd6\xdd,1\n", "\x80\xff\x81", "\xa1\xa1\xfe\xfe\x81\x7f", "a\xb9"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		done := make(chan string, 1)
		go func() {
			want, errWant := decodeWith(simplifiedchinese.GB18030.NewDecoder(), src, false)
			for _, tiny := range []bool{false, true} {
				got, err := decodeWith(newGBDecoder(), src, tiny)
				if !bytes.Equal(got, want) || (err == nil) != (errWant == nil) {
					done <- fmt.Sprintf("tiny=%v: %q → %q (%v), x/text gives %q (%v)", tiny, src, got, err, want, errWant)
					return
				}
			}
			done <- ""
		}()
		select {
		case msg := <-done:
			if msg != "" {
				t.Fatal(msg)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("decoding %d bytes %q did not finish", len(src), src)
		}
	})
}

func TestGBDecoderOnTheCorpus(t *testing.T) {
	for _, p := range []string{"../testdata/corpus/x-text/sunzi-bingfa-simplified-gbk.txt", "../testdata/corpus/x-text/candide-gb18030.txt", "../testdata/corpus/x-text/sunzi-bingfa-traditional-big5.txt"} {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := decodeWith(simplifiedchinese.GB18030.NewDecoder(), src, false)
		got, _ := decodeWith(newGBDecoder(), src, false)
		if !bytes.Equal(got, want) {
			t.Errorf("%s decodes differently", p)
		}
	}
}

// TestGBDecoderMatchesXText compares the two decoders on thousands of
// samples of real GB18030 text (with four-byte sequences) with random bytes
// overwritten, whole and one byte at a time.
func TestGBDecoderMatchesXText(t *testing.T) {
	seed, err := os.ReadFile("../testdata/corpus/x-text/candide-gb18030.txt")
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := os.ReadFile("../testdata/corpus/x-text/sunzi-bingfa-simplified-gbk.txt")
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(2))
	for i := range 3000 {
		text := seed
		if i%2 == 1 {
			text = gbk
		}
		n := rng.Intn(300)
		src := make([]byte, n)
		copy(src, text[rng.Intn(len(text)-400):])
		for range rng.Intn(5) {
			if n > 0 {
				src[rng.Intn(n)] = byte(rng.Intn(256))
			}
		}
		want, _ := decodeWith(simplifiedchinese.GB18030.NewDecoder(), src, false)
		for _, tiny := range []bool{false, true} {
			if got, _ := decodeWith(newGBDecoder(), src, tiny); !bytes.Equal(got, want) {
				t.Fatalf("tiny=%v: %q → %q, x/text gives %q", tiny, src, got, want)
			}
		}
	}
}
