package serve

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/site"
)

func TestFileName(t *testing.T) {
	for p, want := range map[string]string{
		"/": "index.html", "/commitments/": "commitments/index.html", "/data/x.csv": "data/x.csv",
		"/a//b/": "a/b/index.html", "/../etc/passwd": "", "/.git/config": "", "/.env": "", "/a/../../x": "",
		"/assets/.hidden": "", "/a\\..\\b": "", "relative": "",
	} {
		got, ok := fileName(p)
		if want == "" && ok || want != "" && got != want {
			t.Errorf("fileName(%q) = %q, %v; want %q", p, got, ok, want)
		}
	}
}

func TestOverlayEscapesMessages(t *testing.T) {
	s := New()
	s.Fail([]string{`data/x.csv:2:3: "</code><script>alert(1)</script>" is not a number`})
	page := string(s.inject([]byte("<html><head><title>t</title></head><body><p>页</p></body></html>")))
	for _, want := range []string{`<script src="/__gongkai/live.js" defer></script></head>`, `id="gongkai-errors"`, `&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;`, "<p>页</p>"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s:\n%s", want, page)
		}
	}
	if strings.Contains(page, "<script>alert") {
		t.Errorf("a message became markup:\n%s", page)
	}
	s.Publish(NewSite())
	if strings.Contains(string(s.inject([]byte("<head></head><body></body>"))), "gongkai-errors") {
		t.Error("the overlay stays after a good build")
	}
}

// source copies the repository's site into a temporary folder, without the
// theme's npm packages but the files the theme takes from them.
func source(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	repo := "../../.."
	for _, rel := range []string{"site.toml", "content", "data", "themes"} {
		err := filepath.WalkDir(filepath.Join(repo, rel), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			r, _ := filepath.Rel(repo, p)
			if d.IsDir() {
				if d.Name() == "node_modules" || d.Name() == "images" {
					return filepath.SkipDir
				}
				return os.MkdirAll(filepath.Join(dir, r), 0o755)
			}
			return copyFile(p, filepath.Join(dir, r))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	toml, err := os.ReadFile(filepath.Join(repo, "themes/default/theme.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`(?m)^from = "([^"]+)"`).FindAllSubmatch(toml, -1) {
		from := filepath.Join(repo, "themes/default", string(m[1]))
		to := filepath.Join(dir, "themes/default", string(m[1]))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := copyFile(from, to); err != nil {
			t.Skipf("the theme's npm packages are not installed (make test installs them): %v", err)
		}
	}
	return dir
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// start runs the server on a free port over dir and returns its address, a
// channel of its reload events and a function that stops it.
func start(t testing.TB, dir string, poll time.Duration) (string, <-chan string, func()) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	builder := site.NewBuilder(dir, root.FS(), site.BuilderOptions{Serve: true})
	t.Cleanup(func() { builder.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Root: dir, Addr: "127.0.0.1:0", Poll: poll, Log: testLog(t), Ready: func(a string) { ready <- a },
			Build: func(*Site) (*Site, []string, bool) {
				out := NewSite()
				_, err := builder.Build(site.Options{AsOf: "2026-01-01", BaseURL: "/", Preview: true}, out)
				if err == nil {
					return out, nil, true
				}
				var ds *diag.Errors
				var msgs []string
				if e, ok := err.(*diag.Errors); ok {
					ds = e
					for _, d := range ds.List {
						msgs = append(msgs, d.String())
					}
				} else {
					msgs = []string{err.Error()}
				}
				return nil, msgs, false
			}})
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	resp, err := http.Get("http://" + addr + Prefix + "events")
	if err != nil {
		t.Fatal(err)
	}
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if line, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- line
			}
		}
		close(events)
	}()
	if ev := <-events; ev != "hello" {
		t.Fatalf("first event %q", ev)
	}
	stop := func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("serve did not stop within 5 s of being told to")
		}
		resp.Body.Close()
		root.Close()
	}
	return "http://" + addr, events, stop
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func waitReload(t testing.TB, events <-chan string) {
	t.Helper()
	select {
	case ev := <-events:
		if ev != "reload" {
			t.Fatalf("event %q, want reload", ev)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("no reload event within 15 s of the change")
	}
}

// watchModes are the two ways serve learns of changes: told by the system,
// and looking every so often (--poll).
var watchModes = []struct {
	name string
	poll time.Duration
}{{"notify", 0}, {"poll", 200 * time.Millisecond}}

// TestServeEditBreakFix edits a CSV and sees the new page and a reload; breaks
// it and sees the errors over pages that still load; fixes it and sees the
// errors gone. Then it asks for files outside the site.
func TestServeEditBreakFix(t *testing.T) {
	for _, mode := range watchModes {
		t.Run(mode.name, func(t *testing.T) {
			dir := source(t)
			if err := os.WriteFile(filepath.Join(dir, ".env"), []byte("SECRET=1\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			url, events, stop := start(t, dir, mode.poll)
			defer stop()
			if code, body := get(t, url+"/"); code != 200 || !strings.Contains(body, Prefix+"live.js") {
				t.Fatalf("home: %d, live reload script missing", code)
			}

			csv := filepath.Join(dir, "data", "预览", "quick.csv")
			if err := os.MkdirAll(filepath.Dir(csv), 0o755); err != nil { // a folder made while serving
				t.Fatal(err)
			}
			if err := os.WriteFile(csv, []byte("名称,数值\n甲,17\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			waitReload(t, events)
			if code, body := get(t, url+"/data/预览-quick/"); code != 200 || !strings.Contains(body, "17") {
				t.Fatalf("the new dataset's page: %d", code)
			}

			if err := os.WriteFile(csv, []byte("名称,数值\n甲,17\n乙,1,7\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			waitReload(t, events)
			code, body := get(t, url+"/commitments/")
			if code != 200 || !strings.Contains(body, `id="gongkai-errors"`) || !strings.Contains(body, "data/预览/quick.csv:3:") {
				t.Fatalf("after breaking the file: %d, overlay with the file and line missing", code)
			}
			if !strings.Contains(body, "全部承诺") {
				t.Fatal("the last good page is not under the overlay")
			}

			if err := os.WriteFile(csv, []byte("名称,数值\n甲,17\n乙,17\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			waitReload(t, events)
			if _, body := get(t, url+"/commitments/"); strings.Contains(body, "gongkai-errors") {
				t.Fatal("the overlay stays after the fix")
			}

			for _, p := range []string{"/../etc/passwd", "/.git/config", "/.env", "/%2e%2e/%2e%2e/etc/passwd", "/site.toml", "/content/policy/decision.md"} {
				req, _ := http.NewRequest("GET", url+p, nil)
				req.URL.Opaque = p // as sent, not cleaned by the client
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 404 || strings.Contains(string(b), "SECRET") || strings.Contains(string(b), "root:") {
					t.Errorf("%s: %d, want 404 and nothing of the file", p, resp.StatusCode)
				}
			}
		})
	}
}

// TestServeSaveByRename: an editor that saves by writing a temporary file
// in the page's folder and renaming it over the page (gedit and Go's
// renameio name it .about.md…, others about.md…) makes one rebuild, which
// shows the new text.
func TestServeSaveByRename(t *testing.T) {
	for _, mode := range watchModes {
		t.Run(mode.name, func(t *testing.T) {
			dir := source(t)
			url, events, stop := start(t, dir, mode.poll)
			defer stop()
			page := filepath.Join(dir, "content", "about.md")
			orig, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			for i, pattern := range []string{".about.md.*", "about.md.*"} {
				f, err := os.CreateTemp(filepath.Dir(page), pattern)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := fmt.Fprintf(f, "%s\n第%d次改名保存的正文。\n", orig, i+1); err != nil {
					t.Fatal(err)
				}
				if err := f.Close(); err != nil {
					t.Fatal(err)
				}
				if err := os.Rename(f.Name(), page); err != nil {
					t.Fatal(err)
				}
				waitReload(t, events)
				if code, body := get(t, url+"/about/"); code != 200 || !strings.Contains(body, fmt.Sprintf("第%d次改名保存的正文。", i+1)) {
					t.Fatalf("%s: /about/ after the save: %d, the new text missing", pattern, code)
				}
				select {
				case ev := <-events:
					t.Fatalf("%s: a second event %q after one save", pattern, ev)
				case <-time.After(20 * Quiet):
				}
			}
		})
	}
}

// BenchmarkEditToReload is the time from saving data/progress.csv of the
// bundled site to the reload event of the rebuilt site.
func BenchmarkEditToReload(b *testing.B) {
	dir := source(b)
	url, events, stop := start(b, dir, 0)
	defer stop()
	_ = url
	path := filepath.Join(dir, "data", "progress.csv")
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		text := orig
		if i%2 == 1 {
			text = append([]byte(nil), orig...)
			text = append(text, "\n"...)
		}
		if err := os.WriteFile(path, text, 0o644); err != nil {
			b.Fatal(err)
		}
		waitReload(b, events)
	}
}

// testLog is where serve reports, shown with -v.
func testLog(t testing.TB) io.Writer {
	if testing.Verbose() {
		return os.Stderr
	}
	return io.Discard
}

func TestRelevantChanges(t *testing.T) {
	root := filepath.FromSlash("/site")
	for name, want := range map[string]bool{
		"site.toml": true, "data/progress.csv": true, "data/预算/2013.csv": true, "content/policy/decision.md": true,
		"themes/default/layouts/base.html": true, "data": true,
		"data/~$progress.xlsx": false, "data/.~lock.progress.csv#": false, "content/.decision.md.swp": false,
		"data/progress.csv~": false, "themes/default/node_modules/echarts/index.js": false,
		"public/index.html": false, ".public.staging/x": false, "README.md": false, ".git/index": false,
	} {
		if got := relevant(root, filepath.Join(root, filepath.FromSlash(name))); got != want {
			t.Errorf("relevant(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestWatchLimitMessage(t *testing.T) {
	err := limitHint(fmt.Errorf("inotify_add_watch: %w", syscall.ENOSPC))
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "max_user_watches") || !strings.Contains(err.Error(), "--poll") {
		t.Errorf("limit reached: %v", err)
	}
	if other := errors.New("x"); limitHint(other) != other {
		t.Error("other errors are changed")
	}
}

// TestServeProbes: what an attacker's page or a crafted link sends to the
// preview server. A request naming another host is refused (DNS
// rebinding); a folder's redirect stays on this host however the path is
// written; paths out of the site name nothing.
func TestServeProbes(t *testing.T) {
	site := NewSite()
	site.Put("index.html", []byte("<!doctype html><title>首页</title>"))
	site.Put("commitments/index.html", []byte("<!doctype html><title>全部承诺</title>"))
	srv := New()
	srv.LocalOnly = true
	srv.Publish(site)
	do := func(host, target string) *http.Response {
		req := httptest.NewRequest("GET", "http://x"+target, nil)
		req.Host = host
		req.URL.Opaque = "" // the path as sent
		req.RequestURI = target
		u, _ := url.ParseRequestURI(target)
		req.URL = u
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec.Result()
	}
	for _, host := range []string{"127.0.0.1:1313", "localhost:1313", "[::1]:1313", "LOCALHOST", "127.0.0.2:80"} {
		if r := do(host, "/"); r.StatusCode != 200 {
			t.Errorf("Host %s: %d, want 200", host, r.StatusCode)
		}
	}
	for _, host := range []string{"evil.example:1313", "evil.example", "192.168.1.5:1313", "127.0.0.1.evil.example", ""} {
		if r := do(host, "/"); r.StatusCode != http.StatusMisdirectedRequest {
			t.Errorf("Host %q: %d, want 421", host, r.StatusCode)
		}
	}
	for target, want := range map[string]string{
		"/commitments":          "/commitments/",
		"//commitments":         "/commitments/",
		"///commitments":        "/commitments/",
		"/commitments?status=x": "/commitments/?status=x",
	} {
		r := do("127.0.0.1:1313", target)
		loc := r.Header.Get("Location")
		if r.StatusCode != http.StatusMovedPermanently || loc != want {
			t.Errorf("%s: %d to %q, want 301 to %q", target, r.StatusCode, loc, want)
		}
	}
	// Without LocalOnly (--bind to share the site) any name is answered.
	srv.LocalOnly = false
	if r := do("portal.lan:1313", "/"); r.StatusCode != 200 {
		t.Errorf("shared: %d", r.StatusCode)
	}
}

// TestServeOutsideGit: a site in a folder that is not a git repository (every
// new site before its first commit) is served, and serves its pages after
// an edit — no past builds to read, and no panic reaching for them.
func TestServeOutsideGit(t *testing.T) {
	dir := source(t)
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		t.Fatal("the test's folder is a git repository")
	}
	if out, err := exec.Command("git", "-C", dir, "rev-parse", "--git-dir").CombinedOutput(); err == nil {
		t.Fatalf("the test's folder is inside a git repository: %s", out)
	}
	url, events, stop := start(t, dir, 0)
	defer stop()
	if code, body := get(t, url+"/commitments/"); code != 200 || !strings.Contains(body, "全部承诺") {
		t.Fatalf("first build: %d", code)
	}
	about := filepath.Join(dir, "content/about.md")
	src, err := os.ReadFile(about)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(about, append(src, "\n改过一句。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	waitReload(t, events)
	if code, body := get(t, url+"/about/"); code != 200 || !strings.Contains(body, "改过一句") {
		t.Errorf("after an edit: %d", code)
	}
}

// TestNoDirectoryListing: a folder of the site with no index.html is a 404,
// never a list of its files (as http.FileServer would give); a folder with
// one serves it.
func TestNoDirectoryListing(t *testing.T) {
	site := NewSite()
	site.Put("index.html", []byte("<!doctype html><title>首页</title>"))
	site.Put("404.html", []byte("<!doctype html><title>页面不存在</title>"))
	site.Put("assets/site.css", []byte("body{}"))
	site.Put("assets/fonts/a.woff2", []byte("font"))
	site.Put("data/x/index.html", []byte("<!doctype html><title>数据集</title>"))
	site.Put("data/x.csv", []byte("a\n1\n"))
	srv := New()
	srv.Publish(site)
	for _, target := range []string{"/assets/", "/assets", "/assets/fonts/", "/assets//", "/data/"} {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1:1313"+target, nil))
		body := rec.Body.String()
		if rec.Code != http.StatusNotFound || !strings.Contains(body, "页面不存在") {
			t.Errorf("%s: %d, want 404 and the site's 404 page:\n%s", target, rec.Code, body)
		}
		for _, name := range []string{"site.css", "fonts", "a.woff2", "x.csv", "index.html"} {
			if strings.Contains(body, name) {
				t.Errorf("%s lists %s:\n%s", target, name, body)
			}
		}
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1:1313/data/x/", nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "数据集") {
		t.Errorf("/data/x/: %d, want its index.html", rec.Code)
	}
}
