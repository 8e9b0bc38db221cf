//go:build unix

package ui

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) the test process has used so far.
// The machine that records BENCHMARKS.md is shared, so wall time overstates
// cost; CPU time is what a background Cmd costs the machine (GC included).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
