package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"gongkai/generator/internal/diag"
	"gongkai/generator/internal/rootfs"
	"gongkai/generator/internal/serve"
	"gongkai/generator/internal/site"
)

// serveCmd builds the site into memory, serves it with live reload and
// rebuilds it after every change, until Ctrl-C.
func serveCmd(args []string, stdout, stderr io.Writer) int {
	var c common
	var bind string
	var port int
	var poll time.Duration
	fs := newFlags("serve", stderr, &c)
	fs.StringVar(&bind, "bind", "127.0.0.1", "the address to listen on; only this computer can see the site unless it is changed")
	fs.IntVar(&port, "port", 1313, "the port to listen on (0: any free port)")
	draftFlags(fs, &c)
	fs.DurationVar(&poll, "poll", 0, "look for changes this often (e.g. 1s) instead of being told by the system: for network drives and container mounts")
	if err := parse(fs, args); err != nil {
		return exitUsage
	}
	if port < 0 || port > 65535 {
		fmt.Fprintf(stderr, "gongkai serve: --port must be between 0 and 65535, not %d\n", port)
		return exitUsage
	}
	if ip := net.ParseIP(bind); bind != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(stderr, "gongkai serve: warning: listening on %s lets other computers on the network see the site as you edit it\n", bind)
	}
	root, closeRoot, code := openSource(c.source, stderr)
	if code != exitOK {
		return code
	}
	defer closeRoot()
	// A rebuild reads again only the files that changed; the builds of
	// earlier commits are read once, during the first build that succeeds:
	// commits made while serving show on the next start.
	files := rootfs.FS(root)
	builder := site.NewBuilder(c.source, files, site.BuilderOptions{Warn: stderr, Serve: true})
	defer builder.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := serve.Run(ctx, serve.Options{
		Root: c.source,
		Addr: net.JoinHostPort(bind, strconv.Itoa(port)),
		Poll: poll,
		Log:  stderr,
		Build: func(last *serve.Site) (*serve.Site, []string, bool) {
			files.Forget()                  // a folder renamed or replaced since the last build is read as it is now
			out := serve.NewSiteAfter(last) // its unchanged pages are taken from last's

			// Links from the served address, whatever base_url the site publishes at.
			report, err := builder.Build(site.Options{AsOf: c.asOf, BaseURL: "/", Today: time.Now(), Drafts: c.drafts}, out)
			msgs := diagLines(report.Warnings)
			ds, _ := classify(err)
			switch {
			case err == nil:
				return out, msgs, true
			case ds == nil:
				return nil, append(msgs, err.Error()), false
			}
			return nil, append(msgs, diagLines(ds)...), false
		},
		Ready: func(addr string) {
			fmt.Fprintf(stdout, "serving %s at http://%s/ — edits reload the page; Ctrl-C stops\n", c.source, addr)
		},
	})
	if err != nil {
		fmt.Fprintln(stderr, "gongkai serve:", err)
		return exitInput
	}
	return exitOK
}

func diagLines(ds []diag.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}
