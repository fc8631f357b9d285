// Command gongkai builds a government transparency portal from policy text,
// commitments and disclosed data. See DESIGN.md for the commands and their
// exit statuses.
package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target unless GOGC says otherwise.
// Reading a large CSV file makes many short-lived values; collecting half as
// often saves about 15% of the time for about 50% more peak memory (about
// 120 MB for a 1,000,000-row file). The data package's benchmarks run with
// the same setting.
const gcPercent = 200

// memoryLimit is the heap the garbage collector keeps under, collecting
// more often as it nears it, unless GOMEMLIMIT says otherwise. With
// gcPercent alone the heap grows to three times what the build holds: the
// validating read of 3,000,000 budget rows holds some 470 MB at its height
// (the rows kept, and what finding the subtotals needs), and the heap grew
// to 1.4 GB; with the limit the build peaks under 900 MB, in the same
// time. A site whose data needs more than the limit still builds, with
// the collector at work more often (it never takes more than half the
// time); GOMEMLIMIT=2GiB gives it room.
const memoryLimit = 768 << 20

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
