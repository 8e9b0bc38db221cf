//go:build !unix

package ui

import "time"

// cpuTime is not measured off unix; the CPU figure is then left out.
func cpuTime() time.Duration { return 0 }
