//go:build unix

package ui

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) the test process has used so
// far. The machine that records BENCHMARKS.md is shared by other work
// whose load swings wall time several-fold; CPU time is what the program
// itself spends.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
