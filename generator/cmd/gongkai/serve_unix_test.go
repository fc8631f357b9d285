//go:build unix

package main

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
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
	out, w := io.Pipe()
	var errOut bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"serve", "-s", dir, "--port", "0"}, w, &errOut)
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
	case code := <-done:
		t.Fatalf("serve ended with exit %d before serving:\n%s", code, errOut.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	m := regexp.MustCompile(`^serving .* at http://([^/]+)/ `).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("serve reported %q", line)
	}
	host, _, err := net.SplitHostPort(m[1])
	if err != nil || host != "127.0.0.1" {
		t.Errorf("serve listens on %s, want 127.0.0.1", m[1])
	}
	if resp, err := http.Get("http://" + m[1] + "/about/"); err != nil || resp.StatusCode != 200 {
		t.Errorf("the reported address does not serve the site: %v", err)
	} else {
		resp.Body.Close()
	}

	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d after Ctrl-C\n%s", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on Ctrl-C")
	}
	if strings.Contains(errOut.String(), "other computers") {
		t.Errorf("warned of sharing the site without --bind:\n%s", errOut.String())
	}
}
