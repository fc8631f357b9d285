// Package benchrun times whole processes for the benchmark commands
// (benchpages, benchincr): wall time, CPU time and peak memory of a run,
// and the medians of several.
package benchrun

import (
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

// Measure is what one run of a process cost.
type Measure struct {
	Wall, CPU time.Duration
	PeakMiB   float64 // the most memory it held resident
}

// Run runs argv in dir and measures it; a failed run is an error holding
// what the process printed to its standard error.
func Run(dir string, argv ...string) (Measure, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Measure{}, fmt.Errorf("%s in %s: %w\n%s", strings.Join(argv, " "), dir, err, stderr.String())
	}
	m := Measure{Wall: wall, CPU: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.PeakMiB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
	}
	return m, nil
}

// Median is the median of each measure of ms, taken separately.
func Median(ms []Measure) Measure {
	pick := func(get func(Measure) float64) float64 {
		v := make([]float64, len(ms))
		for i, m := range ms {
			v[i] = get(m)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	return Measure{
		Wall:    time.Duration(pick(func(m Measure) float64 { return float64(m.Wall) })),
		CPU:     time.Duration(pick(func(m Measure) float64 { return float64(m.CPU) })),
		PeakMiB: pick(func(m Measure) float64 { return m.PeakMiB }),
	}
}
