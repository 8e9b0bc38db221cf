package store

import (
	"testing"
	"time"
)

// parsed is a stored time as time.Parse reads it, which scanTime's own
// reading of timeFormat must match exactly (zero for what it refuses).
func parsed(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// TestScanTimeReadsAsParse: every stored time, and every near miss of
// the format, reads as time.Parse reads it.
func TestScanTimeReadsAsParse(t *testing.T) {
	t.Parallel()
	cases := []string{
		"2026-03-10T09:15:00.000Z", "2026-03-10T09:15:00.999Z", "2024-02-29T23:59:59.001Z", "0001-01-01T00:00:00.000Z",
		"9999-12-31T23:59:59.999Z", "2026-12-31T00:00:00.500Z",
		// out of range: time.Parse refuses them, time.Date would not
		"2026-02-29T00:00:00.000Z", "2026-04-31T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-00-10T00:00:00.000Z",
		"2026-01-00T00:00:00.000Z", "2026-01-01T24:00:00.000Z", "2026-01-01T23:60:00.000Z", "2026-01-01T23:59:60.000Z",
		// not the format: left to time.Parse
		"2026-03-10T09:15:00Z", "2026-03-10T09:15:00.5Z", "2026-03-10T09:15:00.000+01:00", "2026-03-10 09:15:00.000Z",
		"2026-03-10T09:15:00,000Z", "2026-03-1xT09:15:00.000Z", "2026-03-10T09:15:00.0a0Z", "-026-03-10T09:15:00.000Z",
		"", "garbage", "2026-03-10T09:15:00.000z",
	}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 2000 { // every day of five years and a half, at odd times
		cases = append(cases, fmtTime(base.Add(time.Duration(i)*(24*time.Hour+37*time.Minute+11*time.Second+7*time.Millisecond))))
	}
	for _, s := range cases {
		if got, want := scanTime(s), parsed(s); got != want {
			t.Errorf("scanTime(%q) = %v, time.Parse reads %v", s, got, want)
		}
	}
}
