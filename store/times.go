package store

import "time"

// timeFormat is how every table stores a time: UTC, fixed width, to the
// millisecond, so that stored times sort and compare as text (the feed
// cache's prune and the highlights' undo window compare them in SQL).
// m003Times brought the highlights written before it (RFC 3339 with a
// variable fraction) to this form.
const timeFormat = "2006-01-02T15:04:05.000Z"

// fmtTime is t as stored; the zero time is "".
func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeFormat)
}

// scanTime reads a stored time. It accepts any RFC 3339 time, with or
// without a fraction, so that a value written before m003Times reads the
// same; "" or garbage is the zero time.
func scanTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// Now is the current time as the store keeps it: UTC, to the millisecond.
// A time taken with Now reads back equal after a round trip.
func Now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }
