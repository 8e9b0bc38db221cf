package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/adrg/xdg"
)

func openTemp(t testing.TB, opts ...Option) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sub", "dir", FileName)
	db, err := Open(path, opts...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func insertRaw(ctx context.Context, db *DB, text string) error {
	return db.Write(ctx, "insert", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO highlights(article_id, text, start_byte, end_byte, created, updated)
			VALUES ('a1', ?, 0, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`, text)
		return err
	})
}

func countRows(t *testing.T, db *DB) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM highlights`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDefaultPath(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_DATA_HOME", home)
	t.Setenv(EnvDataDir, "")
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	if got, want := DefaultPath(""), filepath.Join(home, "newsmark", "newsmark.db"); got != want {
		t.Errorf("DefaultPath() = %q, want %q", got, want)
	}
	t.Setenv(EnvDataDir, "/env/dir")
	if got := DefaultPath(""); got != "/env/dir/newsmark.db" {
		t.Errorf("with %s: %q", EnvDataDir, got)
	}
	if got := DefaultPath("/flag/dir"); got != "/flag/dir/newsmark.db" {
		t.Errorf("--data-dir beats the environment: %q", got)
	}
}

func TestOpenCreatesDirectoryWALAndSchema(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not created: %v", err)
	}
	var mode string
	var fk, syncMode int
	conn := db.SQL()
	if err := conn.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	if err := conn.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v", fk, err)
	}
	if err := conn.QueryRow(`PRAGMA synchronous`).Scan(&syncMode); err != nil || syncMode != 1 {
		t.Errorf("synchronous = %d, %v; want 1 (NORMAL)", syncMode, err)
	}
	v, err := db.Version(ctx)
	if err != nil || v != Latest() {
		t.Errorf("Version = %d, %v; want %d", v, err, Latest())
	}
	if err := insertRaw(ctx, db, "kept"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Reopening migrates nothing and keeps the row.
	db2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if n := countRows(t, db2); n != 1 {
		t.Errorf("after reopen: %d rows, want 1", n)
	}
}

func TestMigrationsAreNumberedInOrder(t *testing.T) {
	if err := checkOrder(migrations); err != nil {
		t.Fatal(err)
	}
	bad := []Migration{{Version: 1, Name: "a", SQL: "SELECT 1"}, {Version: 3, Name: "c", SQL: "SELECT 1"}}
	if err := checkOrder(bad); err == nil {
		t.Error("a gap in versions was accepted")
	}
}

// TestMigrateFromOlderVersion opens a database written by an older newsmark
// (only the first migrations) and checks that a newer one upgrades it in
// place and keeps every row.
func TestMigrateFromOlderVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	old, err := open(path, config{busyTimeout: time.Second, migrations: migrations})
	if err != nil {
		t.Fatal(err)
	}
	if err := insertRaw(ctx, old, "from the old version"); err != nil {
		t.Fatal(err)
	}
	old.Close()

	newer := append(append([]Migration{}, migrations...),
		Migration{Version: len(migrations) + 1, Name: "feeds", SQL: `CREATE TABLE feeds (url TEXT PRIMARY KEY, etag TEXT);
			ALTER TABLE highlights ADD COLUMN colour TEXT NOT NULL DEFAULT 'yellow';`})
	db, err := open(path, config{busyTimeout: time.Second, migrations: newer})
	if err != nil {
		t.Fatalf("migrate: %v", err)
	}
	defer db.Close()
	if v, _ := db.Version(ctx); v != len(newer) {
		t.Errorf("version %d, want %d", v, len(newer))
	}
	var text, colour string
	if err := db.SQL().QueryRow(`SELECT text, colour FROM highlights`).Scan(&text, &colour); err != nil {
		t.Fatal(err)
	}
	if text != "from the old version" || colour != "yellow" {
		t.Errorf("row after migration: %q %q", text, colour)
	}
	var names []string
	rows, err := db.SQL().Query(`SELECT name FROM schema_version ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	var want []string
	for _, m := range newer {
		want = append(want, m.Name)
	}
	if got := strings.Join(names, ","); got != strings.Join(want, ",") {
		t.Errorf("schema_version names = %s", got)
	}
}

func TestFailedMigrationRollsBack(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	broken := append(append([]Migration{}, migrations...),
		Migration{Version: len(migrations) + 1, Name: "broken", SQL: `CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);`})
	if _, err := open(path, config{busyTimeout: time.Second, migrations: broken}); err == nil {
		t.Fatal("a failing migration was reported as applied")
	}
	db, err := Open(path)
	if err != nil {
		t.Fatalf("reopen after failed migration: %v", err)
	}
	defer db.Close()
	if v, _ := db.Version(ctx); v != Latest() {
		t.Errorf("version %d, want %d", v, Latest())
	}
	var n int
	db.SQL().QueryRow(`SELECT count(*) FROM sqlite_master WHERE name='half'`).Scan(&n)
	if n != 0 {
		t.Error("the failed migration left a table behind")
	}
}

func TestNewerDatabaseIsNotTouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	newer := append(append([]Migration{}, migrations...),
		Migration{Version: len(migrations) + 1, Name: "future", SQL: `CREATE TABLE future (x)`})
	db, err := open(path, config{busyTimeout: time.Second, migrations: newer})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(path)
	if !errors.Is(err, ErrTooNew) {
		t.Fatalf("Open of a newer database: %v, want ErrTooNew", err)
	}
}

func TestCorruptFileIsReportedAndKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	garbage := bytes.Repeat([]byte("this is not a database\n"), 300)
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open: %v, want ErrCorrupt", err)
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, path) {
		t.Errorf("error should be one line naming the file: %q", msg)
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, garbage) {
		t.Error("the corrupt file was changed")
	}
}

// TestDamagedDatabase has a valid header but damaged pages: the damage is
// reported as ErrCorrupt and the file is not replaced.
func TestDamagedDatabase(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	for i := 0; i < 50; i++ {
		if err := insertRaw(ctx, db, strings.Repeat("x", 200)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.SQL().Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 100; i < len(b); i++ {
		b[i] = byte(i * 7)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open of a damaged database: %v, want ErrCorrupt", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, b) {
		t.Error("the damaged file was changed")
	}
}

func TestLockedDatabase(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	// Another program holds the write lock (an open write transaction).
	holder, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`INSERT INTO highlights(article_id, text, start_byte, end_byte, created, updated) VALUES ('x','y',0,1,'','')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	short, err := Open(path, WithBusyTimeout(50*time.Millisecond))
	if err != nil {
		t.Fatalf("opening while another holds the write lock must still work for reading: %v", err)
	}
	defer short.Close()
	err = insertRaw(ctx, short, "blocked")
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("write while locked: %v, want ErrLocked", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "locked") || strings.Contains(msg, "\n") {
		t.Errorf("message %q", msg)
	}
	tx.Rollback()
	if err := insertRaw(ctx, short, "after"); err != nil {
		t.Errorf("write after the lock is released: %v", err)
	}
}

func TestTwoHandlesWriteAtOnce(t *testing.T) {
	ctx := context.Background()
	a, path := openTemp(t)
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	for _, db := range []*DB{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				errs <- insertRaw(ctx, db, "row")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := countRows(t, b); n != 200 {
		t.Errorf("%d rows, want 200", n)
	}
}

// TestConcurrentFirstOpen starts several handles on a database that does not
// exist yet, as two newsmark processes started together would: all of them
// open it, and the schema is created once.
func TestConcurrentFirstOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", FileName)
	var wg sync.WaitGroup
	dbs := make([]*DB, 6)
	errs := make([]error, len(dbs))
	for i := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dbs[i], errs[i] = Open(path)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("handle %d: %v", i, err)
		}
		defer dbs[i].Close()
	}
	var n int
	dbs[0].SQL().QueryRow(`SELECT count(*) FROM schema_version`).Scan(&n)
	if n != Latest() {
		t.Errorf("%d schema_version rows, want %d", n, Latest())
	}
}

// A path that is not a file gets a reason that says so, not "corrupt", and
// opening it never blocks (a FIFO would wait for a writer forever).
func TestOpenRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "newsmark.db")
	os.Mkdir(folder, 0o755)
	_, err := Open(folder)
	if err == nil || errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
	fifo := filepath.Join(dir, "pipe.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() { _, err := Open(fifo); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("FIFO: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Open blocked on a FIFO")
	}
}
