package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Migration is one step of the schema. Version numbers start at 1 and have no
// gaps; SQL may hold several statements and runs in one transaction together
// with the schema_version row that records it.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

const versionTable = `CREATE TABLE IF NOT EXISTS schema_version (
	version INTEGER PRIMARY KEY,
	name    TEXT NOT NULL,
	applied TEXT NOT NULL
)`

// Version is the schema version of the database: the last migration applied.
func (d *DB) Version(ctx context.Context) (int, error) {
	v, err := version(ctx, d.sql)
	return v, d.Wrap("read schema version", err)
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func version(ctx context.Context, q querier) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'`).Scan(&n)
	if err != nil || n == 0 {
		return 0, err
	}
	var v sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT max(version) FROM schema_version`).Scan(&v); err != nil {
		return 0, err
	}
	return int(v.Int64), nil
}

// migrate applies the migrations the database has not seen, each in its own
// write transaction. The version is read again inside each transaction, so a
// second process migrating at the same time waits on the lock and then finds
// the work done.
func (d *DB) migrate(ctx context.Context, list []Migration) error {
	if err := checkOrder(list); err != nil {
		return err
	}
	latest := 0
	if len(list) > 0 {
		latest = list[len(list)-1].Version
	}
	cur, err := version(ctx, d.sql)
	if err != nil {
		return d.Wrap("open", err)
	}
	if cur > latest {
		return &Error{Op: "open", Path: d.path, Kind: ErrTooNew,
			Err: fmt.Errorf("schema version %d, this newsmark knows up to %d", cur, latest)}
	}
	if cur == latest {
		return nil
	}
	if d.readOnly {
		return &Error{Op: "open", Path: d.path, Kind: ErrReadOnly,
			Err: fmt.Errorf("schema version %d needs upgrading to %d", cur, latest)}
	}
	for _, m := range list {
		if m.Version <= cur {
			continue
		}
		err := d.Write(ctx, fmt.Sprintf("migrate to version %d (%s)", m.Version, m.Name), func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, versionTable); err != nil {
				return err
			}
			now, err := version(ctx, tx)
			if err != nil || now >= m.Version {
				return err // another process got there first
			}
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO schema_version(version, name, applied) VALUES (?, ?, ?)`,
				m.Version, m.Name, fmtTime(time.Now()))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func checkOrder(list []Migration) error {
	for i, m := range list {
		if m.Version != i+1 {
			return fmt.Errorf("store: migration %q has version %d, want %d (versions run 1, 2, 3… in order)", m.Name, m.Version, i+1)
		}
		if m.SQL == "" || m.Name == "" {
			return errors.New("store: migration " + fmt.Sprint(m.Version) + " needs a name and SQL")
		}
	}
	return nil
}
