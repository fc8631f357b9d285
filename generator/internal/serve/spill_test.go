package serve

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// TestLargeDownloadsAreKeptOnDisk: a streamed download over spillSize is
// held in a temporary file, not in memory, and that file has no name in
// the temporary folder (nothing is left behind); it is served whole, in
// ranges and to HEAD like any file. A large page stays in memory, where the
// live-reload script is added to it.
func TestLargeDownloadsAreKeptOnDisk(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	csv := bytes.Repeat([]byte("城市,金额\n广州市,12.5\n"), spillSize/20)
	page := append([]byte("<!doctype html><html><head><title>大</title></head><body>"), bytes.Repeat([]byte("<p>行</p>"), spillSize/8)...)
	site := NewSite()
	for name, b := range map[string][]byte{"data/budgets.csv": csv, "data/big/index.html": page} {
		if err := site.PutStream(name, func(w io.Writer) error {
			for len(b) > 0 {
				n := min(len(b), 4096)
				if _, err := w.Write(b[:n]); err != nil {
					return err
				}
				b = b[n:]
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if _, inMemory := site.files["data/budgets.csv"]; inMemory || site.big["data/budgets.csv"] == nil {
		t.Fatal("the large download is held in memory")
	}
	if _, inMemory := site.files["data/big/index.html"]; !inMemory {
		t.Fatal("the large page is not in memory")
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("files left in the temporary folder: %v", left)
	}
	srv := New()
	srv.Publish(site)
	get := func(method, target, rangeHdr string) *http.Response {
		req := httptest.NewRequest(method, target, nil)
		if rangeHdr != "" {
			req.Header.Set("Range", rangeHdr)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec.Result()
	}
	res := get("GET", "/data/budgets.csv", "")
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !bytes.Equal(body, csv) || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("GET: %d, %d bytes of %d, %q", res.StatusCode, len(body), len(csv), res.Header.Get("Content-Type"))
	}
	res = get("GET", "/data/budgets.csv", "bytes=0-5")
	body, _ = io.ReadAll(res.Body)
	if res.StatusCode != http.StatusPartialContent || string(body) != "城市" {
		t.Errorf("range: %d %q", res.StatusCode, body)
	}
	res = get("HEAD", "/data/budgets.csv", "")
	body, _ = io.ReadAll(res.Body)
	if res.StatusCode != 200 || len(body) != 0 || res.ContentLength != int64(len(csv)) {
		t.Errorf("HEAD: %d, %d bytes, length %d", res.StatusCode, len(body), res.ContentLength)
	}
	res = get("GET", "/data/big/", "")
	body, _ = io.ReadAll(res.Body)
	if !bytes.Contains(body, []byte(Prefix+"live.js")) {
		t.Error("the large page has no live-reload script")
	}
}
