//go:build !unix

package benchcpu

import "time"

// CPUTime is not measured off unix: it is 0, and Report and Throughput
// then leave their figure out.
func CPUTime() time.Duration { return 0 }
