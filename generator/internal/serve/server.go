// Package serve previews a site while it is edited: it holds the last good
// build in memory, serves it on a local address, tells open pages to reload
// after each rebuild (Server-Sent Events), and lays the errors of a failed
// rebuild over every page while the last good build stays underneath.
package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Site is a built site held in memory; it is the sink a build writes to.
// A download larger than spillSize (a dataset's CSV, JSON or workbook) is
// held in a temporary file instead, removed from its folder as soon as it
// is made: its space is freed when the site is (a rebuild holds two sites
// at once, and at a million rows their downloads are hundreds of MB).
type Site struct {
	mu    sync.Mutex
	files map[string][]byte
	big   map[string]*os.File
	last  *Site // the site served while this one is built (NewSiteAfter)
}

// spillSize is the size above which a streamed file of a site is kept on
// disk, not in memory.
const spillSize = 1 << 20

// NewSite returns an empty site.
func NewSite() *Site { return &Site{files: map[string][]byte{}, big: map[string]*os.File{}} }

// NewSiteAfter returns an empty site, to be built while last (nil: none)
// is served: a build into it may take unchanged pages from last (Previous).
func NewSiteAfter(last *Site) *Site {
	s := NewSite()
	s.last = last
	return s
}

// Previous is the file name of the site served while this one is built,
// when it holds it in memory.
func (s *Site) Previous(name string) ([]byte, bool) {
	s.mu.Lock()
	last := s.last
	s.mu.Unlock()
	if last == nil {
		return nil, false
	}
	return last.get(name)
}

// forget lets go of the site served while this one was built.
func (s *Site) forget() {
	s.mu.Lock()
	s.last = nil
	s.mu.Unlock()
}

// Put implements the build's sink.
func (s *Site) Put(name string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.big, name)
	s.files[name] = bytes.Clone(data)
	return nil
}

// PutStream implements the build's sink.
func (s *Site) PutStream(name string, write func(io.Writer) error) error {
	w := &spill{keep: path.Ext(name) == ".html"} // pages get the live-reload script added
	if err := write(w); err != nil {
		if w.f != nil {
			w.f.Close()
		}
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.files, name)
	delete(s.big, name)
	if w.f != nil {
		s.big[name] = w.f
	} else {
		s.files[name] = w.buf.Bytes()
	}
	return nil
}

// spill holds what is written in memory up to spillSize, then in a
// temporary file (unless keep: always in memory).
type spill struct {
	keep bool
	buf  bytes.Buffer
	f    *os.File
}

func (w *spill) Write(p []byte) (int, error) {
	if w.f == nil && !w.keep && w.buf.Len()+len(p) > spillSize {
		f, err := os.CreateTemp("", "gongkai-serve-*")
		if err != nil {
			w.keep = true // no temporary folder to write to: memory it is
			return w.buf.Write(p)
		}
		os.Remove(f.Name()) // the open file stays readable (on Windows the name stays until the file is closed)
		if _, err := f.Write(w.buf.Bytes()); err != nil {
			f.Close()
			return 0, err
		}
		w.f, w.buf = f, bytes.Buffer{}
	}
	if w.f != nil {
		return w.f.Write(p)
	}
	return w.buf.Write(p)
}

func (s *Site) get(name string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.files[name]
	return b, ok
}

// open returns a file of the site kept on disk, and its size.
func (s *Site) open(name string) (*io.SectionReader, bool) {
	s.mu.Lock()
	f, ok := s.big[name]
	s.mu.Unlock()
	if !ok {
		return nil, false
	}
	info, err := f.Stat()
	if err != nil {
		return nil, false
	}
	return io.NewSectionReader(f, 0, info.Size()), true
}

// Server serves the last good build. It is safe for concurrent use.
type Server struct {
	site    atomic.Pointer[Site]
	errors  atomic.Pointer[[]string] // the failed rebuild's messages; nil after a good one
	mu      sync.Mutex
	clients map[chan string]bool
	version atomic.Int64
	quit    chan struct{} // closed when the server shuts down: event streams end
	once    sync.Once
	// LocalOnly answers only requests that name this computer in their Host
	// header (localhost, 127.0.0.1, [::1]): a page of another site whose name
	// a DNS rebinding attack points at 127.0.0.1 cannot read the portal being
	// edited. Run sets it when it listens on a loopback address; set it
	// before serving.
	LocalOnly bool
}

// New returns a server with nothing built yet.
func New() *Server { return &Server{clients: map[chan string]bool{}, quit: make(chan struct{})} }

// endStreams ends the open event streams, which never end by themselves.
func (s *Server) endStreams() { s.once.Do(func() { close(s.quit) }) }

// Publish makes site the one served, clears the errors and reloads open pages.
func (s *Server) Publish(site *Site) {
	s.site.Store(site)
	s.errors.Store(nil)
	s.notify()
}

// Fail keeps the last good build and shows messages (one "path:line:col:
// message" each) over every page until the next Publish.
func (s *Server) Fail(messages []string) {
	s.errors.Store(&messages)
	s.notify()
}

// notify tells every open page to reload.
func (s *Server) notify() {
	v := fmt.Sprint(s.version.Add(1))
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- v:
		default: // a page that is not reading gets the next one
		}
	}
}

// Prefix is where the server's own files live; no built site uses it.
const Prefix = "/__gongkai/"

//go:embed live.js
var liveJS []byte

//go:embed live.css
var liveCSS []byte

// ServeHTTP serves the built site, the live-reload script and its events.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	if s.LocalOnly && !localHost(r.Host) {
		http.Error(w, "gongkai serve answers only to localhost, 127.0.0.1 and [::1]; to show the site to other computers, start it with --bind", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case Prefix + "events":
		s.events(w, r)
		return
	case Prefix + "live.js":
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(liveJS)
		return
	case Prefix + "live.css":
		h.Set("Content-Type", "text/css; charset=utf-8")
		w.Write(liveCSS)
		return
	}
	name, ok := fileName(r.URL.Path)
	site := s.site.Load()
	if site == nil {
		site = NewSite()
	}
	if ok {
		if big, ok := site.open(name); ok {
			h.Set("Content-Type", contentType(name))
			http.ServeContent(w, r, "", time.Time{}, big)
			return
		}
	}
	var body []byte
	if ok {
		body, ok = site.get(name)
		if !ok && path.Ext(name) == "" {
			// /commitments/x → /commitments/x/, as a static host would.
			if _, dir := site.get(name + "/index.html"); dir {
				// From the clean name, never the path as asked: //x/ would
				// send the browser to the host x.
				to := &url.URL{Path: "/" + name + "/", RawQuery: r.URL.RawQuery}
				http.Redirect(w, r, to.String(), http.StatusMovedPermanently)
				return
			}
		}
	}
	status := http.StatusOK
	if !ok {
		status, name = http.StatusNotFound, "404.html"
		if body, ok = site.get(name); !ok {
			msg := "页面不存在。"
			if s.site.Load() == nil {
				msg = "网站还没有生成成功：改正下面列出的问题后，本页会自动刷新。"
			}
			body = []byte(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>gongkai</title></head><body><p>` + msg + `</p></body></html>`)
		}
	}
	ctype := contentType(name)
	if strings.HasPrefix(ctype, "text/html") {
		body = s.inject(body)
	}
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(body)
	}
}

// localHost reports whether a request's Host names this computer.
func localHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport // no port
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// fileName maps a URL path to a file of the built site: "/" and "/a/" are
// their index.html. Paths with a segment that starts with a dot — "..",
// ".git", ".env" — name nothing; the site is served from memory, so nothing
// outside it can be reached.
func fileName(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	if strings.HasSuffix(p, "/") {
		name = strings.TrimPrefix(path.Join(name, "index.html"), "/")
	}
	return name, name != "" && name != "."
}

// types are the content types of the files a site has; others come from
// the system's table.
var types = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".csv":  "text/csv; charset=utf-8",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".xml":  "application/xml; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".svg":  "image/svg+xml",
	".png":  "image/png",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// inject adds the live-reload script to a page and, after a failed rebuild,
// the errors over it. The messages are escaped: they quote the input.
func (s *Server) inject(page []byte) []byte {
	head := `<link rel="stylesheet" href="` + Prefix + `live.css"><script src="` + Prefix + `live.js" defer></script>`
	var overlay string
	if errs := s.errors.Load(); errs != nil {
		var b strings.Builder
		b.WriteString(`<div id="gongkai-errors" role="alert"><h2>重新生成失败，以下是需要修改的地方（页面仍是上一次成功生成的内容）</h2><ol>`)
		for _, m := range *errs {
			b.WriteString("<li><code>" + html.EscapeString(m) + "</code></li>")
		}
		b.WriteString("</ol></div>")
		overlay = b.String()
	}
	out := make([]byte, 0, len(page)+len(head)+len(overlay))
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		i = 0
	}
	out = append(append(append(out, page[:i]...), head...), page[i:]...)
	if overlay != "" {
		j := bytes.LastIndex(out, []byte("</body>"))
		if j < 0 {
			j = len(out)
		}
		out = append(out[:j:j], append([]byte(overlay), out[j:]...)...)
	}
	return out
}

// events streams "reload" events to a page until it goes away.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan string, 1)
	s.mu.Lock()
	s.clients[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	fmt.Fprintf(w, "retry: 1000\nevent: hello\ndata: %d\n\n", s.version.Load())
	flusher.Flush()
	for {
		select {
		case v := <-c:
			fmt.Fprintf(w, "event: reload\ndata: %s\n\n", v)
			flusher.Flush()
		case <-r.Context().Done():
			return
		case <-s.quit:
			return
		}
	}
}
