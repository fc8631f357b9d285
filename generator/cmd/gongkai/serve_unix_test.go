//go:build unix

package main

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestServeListensOnLoopbackByDefault: gongkai serve without --bind listens
// on 127.0.0.1 only, so other computers on the network cannot see a site
// being edited, and says so in the address it reports. It stops on Ctrl-C
// (SIGINT, sent to this process once serve has said where it listens).
func TestServeListensOnLoopbackByDefault(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/about.md": "---\ntitle: 关于\n---\n正文。\n"})
	s := startServe(t, dir)
	host, _, err := net.SplitHostPort(s.addr)
	if err != nil || host != "127.0.0.1" {
		t.Errorf("serve listens on %s, want 127.0.0.1", s.addr)
	}
	if resp, err := http.Get("http://" + s.addr + "/about/"); err != nil || resp.StatusCode != 200 {
		t.Errorf("the reported address does not serve the site: %v", err)
	} else {
		resp.Body.Close()
	}

	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-s.done:
		if code != exitOK {
			t.Errorf("exit %d after Ctrl-C\n%s", code, s.errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on Ctrl-C")
	}
	if strings.Contains(s.errOut.String(), "other computers") {
		t.Errorf("warned of sharing the site without --bind:\n%s", s.errOut.String())
	}
}

// TestServeReadsAFolderReplaced: a folder of content/ renamed and made
// anew while serving is read as it is now (serve keeps the folders it reads
// open during a build, and forgets them before the next).
func TestServeReadsAFolderReplaced(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/notices/n1.md": "---\ntitle: 通知\n---\n旧的正文。\n"})
	s := startServe(t, dir)
	defer func() {
		syscall.Kill(syscall.Getpid(), syscall.SIGINT)
		<-s.done
	}()
	if body := s.get(t, "/notices/n1/"); !strings.Contains(body, "旧的正文") {
		t.Fatalf("first build: %s", body)
	}
	notices := filepath.Join(dir, "content", "notices")
	if err := os.Rename(notices, notices+"-old"); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(notices, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(notices, "n1.md"), []byte("---\ntitle: 通知\n---\n新的正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		select {
		case code := <-s.done:
			t.Fatalf("serve ended with exit %d:\n%s", code, s.errOut.String())
		default:
		}
		if strings.Contains(s.get(t, "/notices/n1/"), "新的正文") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the new folder's page was not served in 20 s:\n%s", s.errOut.String())
		}
	}
	if !strings.Contains(s.get(t, "/notices-old/n1/"), "旧的正文") {
		t.Errorf("the renamed folder's page is not served")
	}
}

// served is a gongkai serve running in this process.
type served struct {
	addr   string
	done   chan int
	errOut *syncBuffer
}

// startServe runs gongkai serve on dir at a free port of 127.0.0.1 and
// waits until it says where it listens.
func startServe(t *testing.T, dir string) served {
	t.Helper()
	out, w := io.Pipe()
	s := served{done: make(chan int, 1), errOut: &syncBuffer{}}
	go func() {
		s.done <- run([]string{"serve", "-s", dir, "--port", "0"}, w, s.errOut)
		w.Close()
	}()
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var line string
	select {
	case line = <-lines:
	case code := <-s.done:
		t.Fatalf("serve ended with exit %d before serving:\n%s", code, s.errOut.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	m := regexp.MustCompile(`^serving .* at http://([^/]+)/ `).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("serve reported %q", line)
	}
	s.addr = m[1]
	return s
}

// get is the body served at path, "" when there is none.
func (s served) get(t *testing.T, path string) string {
	resp, err := http.Get("http://" + s.addr + path)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return ""
	}
	return string(b)
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
