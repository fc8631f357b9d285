package site

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"time"
)

// Stats is what a build's stages cost, and what cost most within them
// (gongkai build --stats prints it, as Hugo prints its template metrics).
type Stats struct {
	Stages  []StageStats
	Slowest []ItemTime // the pages and datasets that took longest, slowest first
	// Cached of Datasets had their downloads taken from the build cache.
	Cached, Datasets int
	// PagesTaken of Pages were the last build's, unchanged (see pageCache).
	PagesTaken, Pages int
}

// StageStats is one stage of the build (see Build).
type StageStats struct {
	Name      string
	Took      time.Duration
	CPU       time.Duration // processor time on every core (0 where the system does not tell it)
	Allocated uint64        // bytes allocated during the stage
	Heap      uint64        // bytes of live and not yet collected objects when it ended
}

// ItemTime is the time one page or dataset took to make.
type ItemTime struct {
	Kind string // "page" (made from its layout) or "dataset" (its downloads written)
	Name string // the page's output file, or the dataset's id
	Took time.Duration
}

// Progress is what a build tells as it goes, for a long build on a
// terminal: the stage it is in and, while writing, how many pages of how
// many are out.
type Progress struct {
	Stage       string
	Done, Total int
}

// slowestKept is how many of the slowest pages and datasets Stats keeps.
const slowestKept = 10

// recorder times the stages of one build and keeps its slowest items. A
// nil recorder records nothing.
type recorder struct {
	progress func(Progress)
	stats    *Stats

	stage   string
	started time.Time
	cpu     time.Duration
	alloc   uint64

	mu      sync.Mutex // for slowest, written by the page workers
	slowest []ItemTime
}

func newRecorder(stats bool, progress func(Progress)) *recorder {
	if !stats && progress == nil {
		return nil
	}
	r := &recorder{progress: progress}
	if stats {
		r.stats = &Stats{}
	}
	return r
}

// begin ends the current stage and starts the named one ("" ends the last).
func (r *recorder) begin(name string) {
	if r == nil {
		return
	}
	if r.stats != nil {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		cpu := cpuTime()
		if r.stage != "" {
			r.stats.Stages = append(r.stats.Stages, StageStats{Name: r.stage, Took: time.Since(r.started), CPU: cpu - r.cpu, Allocated: m.TotalAlloc - r.alloc, Heap: m.HeapAlloc})
		}
		r.alloc, r.cpu = m.TotalAlloc, cpu
	}
	r.stage, r.started = name, time.Now()
	if name != "" && r.progress != nil {
		r.progress(Progress{Stage: name})
	}
}

// done tells how many of total pages are written.
func (r *recorder) done(n, total int) {
	if r != nil && r.progress != nil {
		r.progress(Progress{Stage: r.stage, Done: n, Total: total})
	}
}

// tookPage records the time a page took to make, from start, when items are timed.
func (r *recorder) tookPage(file string, start time.Time) {
	if r.timing() {
		r.took("page", file, time.Since(start))
	}
}

// timing reports whether items are timed.
func (r *recorder) timing() bool { return r != nil && r.stats != nil }

// took records an item's time, keeping the slowest.
func (r *recorder) took(kind, name string, d time.Duration) {
	if !r.timing() {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.slowest) == slowestKept && d <= r.slowest[slowestKept-1].Took {
		return
	}
	i, _ := slices.BinarySearchFunc(r.slowest, d, func(it ItemTime, d time.Duration) int { return cmp.Compare(d, it.Took) })
	r.slowest = slices.Insert(r.slowest, i, ItemTime{kind, name, d})
	if len(r.slowest) > slowestKept {
		r.slowest = r.slowest[:slowestKept]
	}
}

// result ends the last stage and returns the stats (nil when not asked for).
func (r *recorder) result() *Stats {
	if r == nil || r.stats == nil {
		return nil
	}
	r.begin("")
	r.stats.Slowest = r.slowest
	return r.stats
}

// pages records how many of the pages were taken from the last build.
func (r *recorder) pages(taken, pages int) {
	if r.timing() {
		r.stats.PagesTaken, r.stats.Pages = taken, pages
	}
}

// downloads records how many of the datasets' downloads came from the cache.
func (r *recorder) downloads(cached, datasets int) {
	if r.timing() {
		r.stats.Cached, r.stats.Datasets = cached, datasets
	}
}
