package benchcpu

import (
	"testing"
	"time"
)

// Report reports the CPU time per op the process has spent since start (a
// CPUTime taken before the loop) as cpu-ms/op. Off unix, where CPUTime is
// not measured, it reports nothing.
func Report(b *testing.B, start time.Duration) {
	if used := CPUTime() - start; used > 0 && b.N > 0 {
		b.ReportMetric(float64(used)/float64(b.N)/1e6, "cpu-ms/op")
	}
}

// Throughput reports bytes processed since start per second of CPU time as
// cpu-MB/s. Off unix it reports nothing.
func Throughput(b *testing.B, start time.Duration, bytes int64) {
	if used := CPUTime() - start; used > 0 {
		b.ReportMetric(float64(bytes)/used.Seconds()/1e6, "cpu-MB/s")
	}
}
