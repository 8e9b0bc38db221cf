package store

import (
	"context"
	"testing"
)

// TestReadingPositions: a position is kept by article ID, found again by
// locator when the text (so the ID) changed, replaced by the next save of
// the same article, forgotten at the top, and survives closing the file.
func TestReadingPositions(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	get := func(id, loc string) (int, bool) {
		t.Helper()
		off, ok, err := db.ReadingPosition(ctx, id, loc)
		if err != nil {
			t.Fatal(err)
		}
		return off, ok
	}
	if _, ok := get("a1", "/news/a.txt"); ok {
		t.Fatal("a position before any was saved")
	}
	if err := db.SetReadingPosition(ctx, "a1", "/news/a.txt", 1200); err != nil {
		t.Fatal(err)
	}
	if off, ok := get("a1", ""); !ok || off != 1200 {
		t.Fatalf("by ID: %d %v, want 1200", off, ok)
	}
	// The file was edited: a new ID, the same path.
	if off, ok := get("a2", "/news/a.txt"); !ok || off != 1200 {
		t.Fatalf("by locator: %d %v, want 1200", off, ok)
	}
	if err := db.SetReadingPosition(ctx, "a2", "/news/a.txt", 800); err != nil {
		t.Fatal(err)
	}
	var rows int
	db.SQL().QueryRow(`SELECT count(*) FROM reading_positions`).Scan(&rows)
	if off, _ := get("a2", "/news/a.txt"); off != 800 || rows != 1 {
		t.Fatalf("after the second save: %d with %d rows, want 800 in one row", off, rows)
	}
	if _, ok := get("b", "/news/b.txt"); ok {
		t.Fatal("another article found a position")
	}
	db.Close()
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if off, ok, err := again.ReadingPosition(ctx, "a2", ""); err != nil || !ok || off != 800 {
		t.Fatalf("after reopening: %d %v %v", off, ok, err)
	}
	if err := again.SetReadingPosition(ctx, "a2", "/news/a.txt", 0); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := again.ReadingPosition(ctx, "a2", "/news/a.txt"); ok {
		t.Fatal("a position at the top was kept")
	}
}
