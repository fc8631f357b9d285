package data

import (
	"os"
	"runtime/debug"
	"testing"
)

func TestMain(m *testing.M) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200) // as the gongkai command runs (cmd/gongkai: gcPercent)
	}
	os.Exit(m.Run())
}
