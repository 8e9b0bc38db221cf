//go:build unix

package benchcpu

import (
	"crypto/sha256"
	"testing"
	"time"
)

// TestCPUTimeGrowsWithWork: busy work shows in CPUTime, or every
// benchmark's CPU figure would silently vanish. The deadline is only a
// bound on a broken clock: a loaded machine slows the loop, not the check.
func TestCPUTimeGrowsWithWork(t *testing.T) {
	start := CPUTime()
	if start <= 0 {
		t.Fatalf("CPUTime = %v at start, want the time spent so far", start)
	}
	sum := sha256.Sum256(nil)
	for deadline := time.Now().Add(30 * time.Second); CPUTime()-start < 5*time.Millisecond; {
		if time.Now().After(deadline) {
			t.Fatalf("CPUTime grew by %v over 30s of busy work", CPUTime()-start)
		}
		for range 10000 {
			sum = sha256.Sum256(sum[:])
		}
	}
}
