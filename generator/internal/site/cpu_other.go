//go:build !unix

package site

import "time"

// cpuTime is 0 where the system does not tell it to Go's syscall package.
func cpuTime() time.Duration { return 0 }
