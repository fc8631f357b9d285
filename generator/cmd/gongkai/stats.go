package main

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"gongkai/generator/internal/site"
)

// cpuText is a stage's processor time, "-" where the system does not tell it.
func cpuText(d time.Duration) string {
	if d <= 0 {
		return "-"
	}
	return d.Round(time.Millisecond).String()
}

// printStats prints what each stage of a build took and the slowest pages
// and datasets (build --stats).
func printStats(w io.Writer, s *site.Stats) {
	fmt.Fprintf(w, "%-8s %10s %10s %10s %11s\n", "stage", "time", "cpu", "allocated", "heap after")
	var total, cpu time.Duration
	for _, st := range s.Stages {
		fmt.Fprintf(w, "%-8s %10s %10s %10s %11s\n", st.Name, st.Took.Round(time.Millisecond), cpuText(st.CPU), mib(st.Allocated), mib(st.Heap))
		total += st.Took
		cpu += st.CPU
	}
	fmt.Fprintf(w, "%-8s %10s %10s\n", "total", total.Round(time.Millisecond), cpuText(cpu))
	if peak := peakMemory(); peak > 0 {
		fmt.Fprintf(w, "peak memory (resident): %s\n", mib(peak))
	}
	if s.Datasets > 0 {
		fmt.Fprintf(w, "downloads: %d of %d datasets taken from the build cache\n", s.Cached, s.Datasets)
	}
	if s.Pages > 0 {
		fmt.Fprintf(w, "pages: %d of %d unchanged since the last build, taken from it\n", s.PagesTaken, s.Pages)
	}
	if len(s.Slowest) > 0 {
		fmt.Fprintln(w, "slowest:")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, it := range s.Slowest {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", it.Took.Round(time.Microsecond*100), it.Kind, it.Name)
		}
		tw.Flush()
	}
}

func mib(b uint64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

// progress shows a build's stage and pages written on one line of a
// terminal, at most ten times a second; elsewhere (a CI log, a pipe) it
// shows nothing.
type progress struct {
	w    io.Writer
	last time.Time
	on   bool // the line holds something to clear
}

func newProgress(stderr io.Writer) *progress {
	f, ok := stderr.(*os.File)
	if !ok {
		return nil
	}
	if info, err := f.Stat(); err != nil || info.Mode()&os.ModeCharDevice == 0 || os.Getenv("TERM") == "dumb" {
		return nil
	}
	return &progress{w: stderr}
}

func (p *progress) show(pr site.Progress) {
	if p == nil || (pr.Total > 0 && pr.Done < pr.Total && time.Since(p.last) < 100*time.Millisecond) {
		return
	}
	p.last = time.Now()
	line := pr.Stage + "…"
	if pr.Total > 0 {
		line = fmt.Sprintf("%s: %d / %d pages", pr.Stage, pr.Done, pr.Total)
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s", line)
	p.on = true
}

func (p *progress) clear() {
	if p != nil && p.on {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
