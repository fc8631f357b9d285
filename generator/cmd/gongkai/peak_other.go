//go:build !unix

package main

// peakMemory is 0: this system's peak is not read.
func peakMemory() uint64 { return 0 }
