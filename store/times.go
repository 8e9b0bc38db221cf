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
// same; "" or garbage is the zero time. A value in timeFormat is read
// without time.Parse: the reader's start reads 20,000 of them.
func scanTime(s string) time.Time {
	if t, ok := scanFormat(s); ok {
		return t
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// scanFormat reads s in timeFormat; ok is false for anything else, or for
// a value time.Parse would refuse (a month, day, hour, minute or second
// out of range), which scanTime then leaves to time.Parse.
func scanFormat(s string) (t time.Time, ok bool) {
	// 2006-01-02T15:04:05.000Z
	if len(s) != len(timeFormat) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
		s[19] != '.' || s[23] != 'Z' {
		return t, false
	}
	var v [7]int
	for i, f := range [7][2]int{{0, 4}, {5, 7}, {8, 10}, {11, 13}, {14, 16}, {17, 19}, {20, 23}} {
		for _, c := range []byte(s[f[0]:f[1]]) {
			if c < '0' || c > '9' {
				return t, false
			}
			v[i] = v[i]*10 + int(c-'0')
		}
	}
	if v[1] < 1 || v[1] > 12 || v[2] < 1 || v[3] > 23 || v[4] > 59 || v[5] > 59 {
		return t, false
	}
	t = time.Date(v[0], time.Month(v[1]), v[2], v[3], v[4], v[5], v[6]*int(time.Millisecond), time.UTC)
	return t, t.Day() == v[2] // not 31 April, which time.Date would make 1 May
}

// Now is the current time as the store keeps it: UTC, to the millisecond.
// A time taken with Now reads back equal after a round trip.
func Now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }
