package e2e

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/serve"
	"gongkai/generator/internal/site"
)

// TestLiveReloadInBrowser is a person editing data/progress.csv with the
// preview open: the page changes by itself and keeps its scroll position; a
// mistake shows its file, line and column over the page; the fix removes it.
func TestLiveReloadInBrowser(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, f := range repoSite(t, nil) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan string, 1), make(chan error, 1)
	go func() {
		done <- serve.Run(ctx, serve.Options{Root: dir, Addr: "127.0.0.1:0", Log: io.Discard, Ready: func(a string) { ready <- a },
			Build: func(*serve.Site) (*serve.Site, []string, bool) {
				out := serve.NewSite()
				_, err := site.Build(root.FS(), site.Options{AsOf: "2026-01-01", BaseURL: "/", Preview: true}, out)
				var ds *diag.Errors
				switch {
				case err == nil:
					return out, nil, true
				case errors.As(err, &ds):
					var msgs []string
					for _, d := range ds.List {
						msgs = append(msgs, d.String())
					}
					return nil, msgs, false
				default:
					return nil, []string{err.Error()}, false
				}
			}})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	base := "http://" + <-ready
	b := newBrowser(t, 1280, 700)
	page := base + "/commitments/social-organizations-1-orgs-per-10k/"
	if err := chromedp.Do(b.ctx, chromedp.Navigate(page), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`window.scrollTo(0, 300); true`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // the page opens its event stream

	// waitFor polls the page (which reloads under it) until js is true.
	waitFor := func(what, js string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			if ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("%s: not seen within 15 s", what)
	}
	progress := filepath.Join(dir, "data", "progress.csv")
	orig, err := os.ReadFile(progress)
	if err != nil {
		t.Fatal(err)
	}
	// A row of four cells, padded to the file's columns.
	columns := strings.Count(string(orig[:bytes.IndexByte(orig, '\n')]), ",") + 1
	edit := func(row string) {
		t.Helper()
		row += strings.Repeat(",", columns-4) + "\n"
		if err := os.WriteFile(progress, append(append([]byte(nil), orig...), row...), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	edit("social-organizations-1-orgs-per-10k,2014,4.21,测试来源")
	waitFor("the new figure", `document.body.textContent.includes("4.21")`)
	if y, err := chromedp.Run(b.ctx, chromedp.Evaluate[float64](`window.scrollY`)); err != nil || y < 250 {
		t.Errorf("after the reload the page is scrolled to %v, want about 300 (%v)", y, err)
	}

	edit("social-organizations-1-orgs-per-10k,2014,\"4,x\",测试来源")
	waitFor("the errors over the page", `!!document.getElementById("gongkai-errors") && document.getElementById("gongkai-errors").textContent.includes("data/progress.csv:")`)
	if text, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("h1").textContent`)); err != nil || !strings.Contains(text, "每万人拥有社会组织数") {
		t.Errorf("the last good page is not under the errors: %q %v", text, err)
	}

	edit("social-organizations-1-orgs-per-10k,2014,4.22,测试来源")
	waitFor("the fixed page without errors", `!document.getElementById("gongkai-errors") && document.body.textContent.includes("4.22")`)
	// A reload cuts off what the page was still loading, its event stream
	// first: those requests end as aborted, which is no fault here.
	b.mu.Lock()
	b.errors = slices.DeleteFunc(b.errors, func(e string) bool { return strings.HasSuffix(e, "net::ERR_ABORTED") })
	b.mu.Unlock()
	b.checkCleanAt(t, base)
}
