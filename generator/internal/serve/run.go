package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// Options say what Run serves and how.
type Options struct {
	Root string        // the source folder, watched for changes
	Addr string        // host:port to listen on
	Poll time.Duration // look for changes this often instead of being told (0: be told)
	// Build builds the site into a new Site (NewSiteAfter last, the site
	// served, nil at first); on failure it returns the messages to show,
	// one "path:line:col: message" each.
	Build func(last *Site) (site *Site, messages []string, ok bool)
	Log   io.Writer         // where rebuilds and their errors are reported
	Ready func(addr string) // called with the address once it is served
}

// Run builds the site, serves it and rebuilds it after every change until
// ctx ends; then it stops the server cleanly.
func Run(ctx context.Context, o Options) error {
	srv := New()
	verb := "built"
	rebuild := func() {
		start := time.Now()
		site, messages, ok := o.Build(srv.site.Load())
		if site != nil {
			site.forget() // the site served is not kept by the next: each is freed once replaced
		}
		for _, m := range messages {
			fmt.Fprintln(o.Log, m)
		}
		if !ok {
			srv.Fail(messages)
			fmt.Fprintf(o.Log, "gongkai serve: the build failed (%d problems); the pages show them until they are fixed\n", len(messages))
			return
		}
		srv.Publish(site)
		fmt.Fprintf(o.Log, "gongkai serve: %s in %s\n", verb, time.Since(start).Round(time.Millisecond))
	}
	watch, err := Watch(o.Root, o.Poll)
	if err != nil && o.Poll == 0 {
		// Without notifications, look every second instead.
		fmt.Fprintf(o.Log, "gongkai serve: %v; looking for changes every second instead\n", err)
		o.Poll = time.Second
		watch, err = Watch(o.Root, o.Poll)
	}
	if err != nil {
		return err
	}
	rebuild()
	verb = "rebuilt"
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return err
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && tcp.IP.IsLoopback() {
		srv.LocalOnly = true
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	hs.RegisterOnShutdown(srv.endStreams)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	if o.Ready != nil {
		o.Ready(ln.Addr().String())
	}

	changes := make(chan struct{}, 1)
	changed := func() {
		select {
		case changes <- struct{}{}:
		default: // a rebuild is already due
		}
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	watched := make(chan error, 1)
	go func() { watched <- watch(watchCtx, changed) }()
	for {
		select {
		case <-changes:
			rebuild()
		case err := <-watched:
			if err != nil && o.Poll == 0 {
				// Notifications stopped (too many folders, say): look every second instead.
				fmt.Fprintf(o.Log, "gongkai serve: %v; looking for changes every second instead\n", err)
				o.Poll = time.Second
				if watch, err = Watch(o.Root, o.Poll); err == nil {
					go func() { watched <- watch(watchCtx, changed) }()
				}
			}
		case err := <-served:
			return err
		case <-ctx.Done():
			shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			return hs.Close()
		}
	}
}
