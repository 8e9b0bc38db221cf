package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/adrg/xdg"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"newsmark/sanitize"
)

// Sentinels callers branch on: each failure wrapped by DB (Open, Write, Check)
// matches one of them with errors.Is when that is its cause.
var (
	ErrLocked   = errors.New("database is locked by another program")
	ErrReadOnly = errors.New("database is read-only")
	ErrCorrupt  = errors.New("database file is corrupt or not a newsmark database (left as it is)")
	// ErrTooNew is a database written by a newer newsmark: it is never downgraded.
	ErrTooNew = errors.New("database was written by a newer newsmark")
)

// FileName is the database's name inside the data directory.
const FileName = "newsmark.db"

// EnvDataDir names the environment variable that moves the data directory.
const EnvDataDir = "NEWSMARK_DATA_DIR"

// DefaultPath is where the database lives: in dataDir (from --data-dir) if
// set, else in $NEWSMARK_DATA_DIR, else $XDG_DATA_HOME/newsmark/newsmark.db.
func DefaultPath(dataDir string) string {
	if dataDir == "" {
		dataDir = os.Getenv(EnvDataDir)
	}
	if dataDir == "" {
		dataDir = filepath.Join(xdg.DataHome, "newsmark")
	}
	return filepath.Join(dataDir, FileName)
}

// DB is an open database. It is safe for concurrent use, and several
// processes may open the same file at once (WAL, busy timeout, and write
// transactions that take the write lock when they begin).
type DB struct {
	sql      *sql.DB
	path     string
	readOnly bool
}

type config struct {
	busyTimeout time.Duration
	migrations  []Migration
}

// Option changes how Open opens a database.
type Option func(*config)

// WithBusyTimeout sets how long a statement waits for another process's
// write lock before failing with ErrLocked (default 5 s).
func WithBusyTimeout(d time.Duration) Option {
	return func(c *config) { c.busyTimeout = d }
}

// Open opens (creating it and its directory if needed) the database at path
// and brings its schema up to date. Nothing already stored is overwritten: a
// file that is not a SQLite database gives ErrCorrupt and is left alone, and
// a database from a newer newsmark gives ErrTooNew. A file this process may
// not write is opened read-only when its schema is current: DB.ReadOnly
// reports it and every DB.Write fails with ErrReadOnly.
func Open(path string, opts ...Option) (*DB, error) {
	cfg := config{busyTimeout: 5 * time.Second, migrations: migrations}
	for _, o := range opts {
		o(&cfg)
	}
	return open(path, cfg)
}

// open retries while the database is locked: when several processes open a
// new database together, switching it to WAL and the first reads can fail
// with SQLITE_BUSY at once instead of waiting on the busy handler.
func open(path string, cfg config) (*DB, error) {
	deadline := time.Now().Add(cfg.busyTimeout)
	for {
		d, err := openOnce(path, cfg)
		if err == nil || !errors.Is(err, ErrLocked) || time.Now().After(deadline) {
			return d, err
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func openOnce(path string, cfg config) (*DB, error) {
	if path == "" {
		return nil, errors.New("open database: empty path")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return nil, &Error{Op: "open", Path: path, Err: denied("cannot create its folder")}
		}
		return nil, classify("open", path, err)
	}
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		// Not a database at all: say what it is. Opening a FIFO to read
		// its header would wait for a writer forever.
		what := "not a regular file, not a database file"
		switch t := fi.Mode().Type(); {
		case fi.IsDir():
			what = "is a folder, not a database file"
		case t&fs.ModeNamedPipe != 0:
			what = "is a named pipe (FIFO), not a database file"
		case t&fs.ModeSocket != 0:
			what = "is a socket, not a database file"
		case t&fs.ModeDevice != 0:
			what = "is a device, not a database file"
		}
		return nil, &Error{Op: "open", Path: path, Err: errors.New(what)}
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	ro := !writable(path)
	d, err := openWith(path, dsn(path, cfg.busyTimeout, ro, false), ro, cfg)
	if ro && err != nil && !errors.Is(err, ErrTooNew) && !errors.Is(err, ErrCorrupt) {
		// A WAL database in a directory we may not write has no -shm file
		// to read through; as the directory is frozen for us, reading the
		// file as immutable is the way left.
		if d2, err2 := openWith(path, dsn(path, cfg.busyTimeout, ro, true), ro, cfg); err2 == nil {
			return d2, nil
		}
	}
	return d, err
}

func openWith(path, dsn string, ro bool, cfg config) (*DB, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, classify("open", path, err)
	}
	d := &DB{sql: db, path: path, readOnly: ro}
	if err := d.migrate(context.Background(), cfg.migrations); err != nil {
		db.Close()
		return nil, err
	}
	return d, nil
}

// dsn builds the connection string. Write transactions BEGIN IMMEDIATE
// (_txlock) so that two processes queue on the busy timeout instead of one
// failing when it upgrades a read lock.
func dsn(path string, busy time.Duration, readOnly, immutable bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.FormatInt(busy.Milliseconds(), 10)+")")
	q.Add("_pragma", "foreign_keys(1)")
	if readOnly {
		q.Set("mode", "ro")
		if immutable {
			q.Set("immutable", "1")
		}
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", Opaque: (&url.URL{Path: path}).EscapedPath(), RawQuery: q.Encode()}
	return u.String()
}

var sqliteHeader = []byte("SQLite format 3\x00")

// checkHeader refuses a non-empty file that is not SQLite before the driver
// gets a chance to write to it (setting WAL mode writes the header).
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if errors.Is(err, fs.ErrPermission) {
		// Not read-only: it cannot be read at all.
		return &Error{Op: "open", Path: path, Err: denied("this user may not read it")}
	}
	if err != nil {
		return classify("open", path, err)
	}
	defer f.Close()
	buf := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, buf)
	if n == 0 && (err == io.EOF) {
		return nil // an empty file is an empty database
	}
	if err != nil || string(buf) != string(sqliteHeader) {
		return &Error{Op: "open", Path: path, Kind: ErrCorrupt, Err: errors.New("no SQLite header")}
	}
	return nil
}

// denied is a permission error said in words: what this user may not do.
// It matches fs.ErrPermission.
type denied string

func (d denied) Error() string        { return "permission denied: " + string(d) }
func (d denied) Is(target error) bool { return target == fs.ErrPermission }

// writable reports whether this process may write path (and its directory,
// where SQLite keeps the -wal and -shm files). A missing file is writable if
// its directory is.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err == nil {
		f.Close()
	} else if !errors.Is(err, os.ErrNotExist) {
		return false
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".newsmark-probe-*")
	if err != nil {
		return false
	}
	tmp.Close()
	os.Remove(tmp.Name())
	return true
}

// Path is the database file's path.
func (d *DB) Path() string { return d.path }

// ReadOnly reports whether the database was opened read-only.
func (d *DB) ReadOnly() bool { return d.readOnly }

// SQL is the database handle for reads. Writes go through Write.
func (d *DB) SQL() *sql.DB { return d.sql }

// Close closes the database.
func (d *DB) Close() error { return d.sql.Close() }

// Write runs fn in a write transaction and commits it: when Write returns nil
// the change is in the WAL and survives the process being killed. Errors are
// wrapped by Wrap under op (e.g. "save highlight").
func (d *DB) Write(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	if d.readOnly {
		return &Error{Op: op, Path: d.path, Kind: ErrReadOnly, Err: errors.New("opened read-only")}
	}
	tx, err := d.sql.BeginTx(ctx, nil)
	if err != nil {
		return d.Wrap(op, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return d.Wrap(op, err)
	}
	if err := tx.Commit(); err != nil {
		return d.Wrap(op, err)
	}
	return nil
}

// Wrap gives err the operation and path as context and, when SQLite says the
// database is locked, read-only or corrupt, the matching sentinel. It returns
// nil for nil and leaves errors already wrapped by store alone.
func (d *DB) Wrap(op string, err error) error {
	return classify(op, d.path, err)
}

// Error is a database failure: Kind is one of the sentinels, or nil.
type Error struct {
	Op   string
	Path string
	Kind error
	Err  error
}

// Error is one line: what was being done, which file, and why.
func (e *Error) Error() string {
	if e.Kind != nil {
		return fmt.Sprintf("%s: %s: %v", e.Op, sanitize.Quote(e.Path), e.Kind)
	}
	return fmt.Sprintf("%s: %s: %v", e.Op, sanitize.Quote(e.Path), e.Err)
}

// Unwrap lets errors.Is find both the sentinel and the driver's error.
func (e *Error) Unwrap() []error {
	if e.Kind == nil {
		return []error{e.Err}
	}
	return []error{e.Kind, e.Err}
}

func classify(op, path string, err error) error {
	if err == nil {
		return nil
	}
	var se *Error
	if errors.As(err, &se) {
		return err
	}
	e := &Error{Op: op, Path: path, Err: err}
	var le *sqlite.Error
	switch {
	case errors.As(err, &le):
		switch le.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			e.Kind = ErrLocked
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
			e.Kind = ErrReadOnly
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			e.Kind = ErrCorrupt
		case sqlite3.SQLITE_CANTOPEN:
			if !writable(path) {
				e.Kind = ErrReadOnly
			}
		}
	case errors.Is(err, os.ErrPermission):
		e.Kind = ErrReadOnly
	}
	return e
}
