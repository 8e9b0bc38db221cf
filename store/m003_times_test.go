package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// TestTimesMigration: a database whose highlights were written in the old
// time format (RFC 3339, a fraction of 0 to 9 digits) opens with every time
// in the one format, reads back the same times (cut to the millisecond),
// and its undo window compares deleted times correctly.
func TestTimesMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	old, err := open(path, config{busyTimeout: time.Second, migrations: migrations[:2]})
	if err != nil {
		t.Fatal(err)
	}
	rows := []struct{ text, date, created, updated string }{
		{"whole seconds", "2025-06-11T00:00:00Z", "2026-03-10T09:15:00Z", "2026-03-10T09:15:00Z"},
		{"half a second", "", "2026-03-10T09:15:00.5Z", "2026-03-10T09:16:00.25Z"},
		{"nanoseconds", "2025-06-11T00:00:00Z", "2026-03-10T09:15:00.123456789Z", "2026-03-10T09:15:00.999999999Z"},
	}
	err = old.Write(ctx, "insert", func(tx *sql.Tx) error {
		for _, r := range rows {
			if _, err := tx.ExecContext(ctx, `INSERT INTO highlights(article_id, text, start_byte, end_byte, article_date, created, updated)
				VALUES ('a1', ?, 0, 1, ?, ?, ?)`, r.text, r.date, r.created, r.updated); err != nil {
				return err
			}
		}
		// Deleted half a second apart within the same second: as old text,
		// "…:00Z" sorts after "…:00.5Z".
		_, err := tx.ExecContext(ctx, `INSERT INTO highlights(article_id, text, start_byte, end_byte, created, updated, deleted)
			VALUES ('a1', 'deleted first', 0, 1, '2026-03-01T08:00:00Z', '2026-03-01T08:00:00Z', '2026-03-01T08:00:00Z'),
			       ('a1', 'deleted later', 0, 1, '2026-03-01T08:00:00Z', '2026-03-01T08:00:00Z', '2026-03-01T08:00:00.5Z')`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()

	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.Version(ctx); v != Latest() {
		t.Fatalf("version %d, want %d", v, Latest())
	}
	stored := map[string][3]string{}
	q, err := db.SQL().Query(`SELECT text, article_date, created, updated FROM highlights WHERE deleted IS NULL`)
	if err != nil {
		t.Fatal(err)
	}
	for q.Next() {
		var text string
		var v [3]string
		q.Scan(&text, &v[0], &v[1], &v[2])
		stored[text] = v
	}
	q.Close()
	want := map[string][3]string{
		"whole seconds": {"2025-06-11T00:00:00.000Z", "2026-03-10T09:15:00.000Z", "2026-03-10T09:15:00.000Z"},
		"half a second": {"", "2026-03-10T09:15:00.500Z", "2026-03-10T09:16:00.250Z"},
		"nanoseconds":   {"2025-06-11T00:00:00.000Z", "2026-03-10T09:15:00.123Z", "2026-03-10T09:15:00.999Z"},
	}
	for text, w := range want {
		if stored[text] != w {
			t.Errorf("%s: stored %q, want %q", text, stored[text], w)
		}
	}

	hs, err := db.Highlights(ctx)
	if err != nil || len(hs) != 3 {
		t.Fatalf("%d highlights, %v", len(hs), err)
	}
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	for _, h := range hs {
		w := want[h.Text]
		if !h.Created.Equal(at(w[1])) || !h.Updated.Equal(at(w[2])) || (w[0] == "") != h.Date.IsZero() {
			t.Errorf("%s reads back as date %v created %v updated %v", h.Text, h.Date, h.Created, h.Updated)
		}
	}

	// The purge drops what was deleted before the cutoff, and only that.
	if err := db.PurgeDeletedHighlights(ctx, at("2026-03-01T08:00:00.25Z")); err != nil {
		t.Fatal(err)
	}
	var left string
	if err := db.SQL().QueryRow(`SELECT text FROM highlights WHERE deleted IS NOT NULL`).Scan(&left); err != nil || left != "deleted later" {
		t.Errorf("after the purge: %q, %v", left, err)
	}
}

// TestStoredTimesSortAsText: the one format sorts as text as the times do.
func TestStoredTimesSortAsText(t *testing.T) {
	t.Parallel()
	base := time.Date(2026, 3, 10, 9, 15, 0, 0, time.UTC)
	prev := ""
	for _, d := range []time.Duration{0, time.Millisecond, 500 * time.Millisecond, time.Second, time.Hour} {
		s := fmtTime(base.Add(d))
		if s <= prev || len(s) != len(timeFormat) {
			t.Errorf("%q after %q", s, prev)
		}
		if got := scanTime(s); !got.Equal(base.Add(d)) {
			t.Errorf("%q reads back as %v", s, got)
		}
		prev = s
	}
}
