package store

import (
	"context"
	"database/sql"
	"time"

	"newsmark/sanitize"
)

// WatchItem is a company the reader follows (table in m006_watchlist.go).
type WatchItem struct {
	Company string // the index's identity of the company
	Name    string // the name the reader saw when following it
	Added   time.Time
}

// Follow adds company to the watchlist under name; following a company
// already followed keeps its first name and date. It reports whether the
// company is new to the list.
func (d *DB) Follow(ctx context.Context, company, name string, at time.Time) (bool, error) {
	var added bool
	err := d.Write(ctx, "follow a company", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO watchlist(company, name, added) VALUES (?, ?, ?)
			ON CONFLICT(company) DO NOTHING`, company, name, fmtTime(at))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		added = n > 0
		return err
	})
	return added, err
}

// Unfollow takes company off the watchlist and reports whether it was on it.
func (d *DB) Unfollow(ctx context.Context, company string) (bool, error) {
	var removed bool
	err := d.Write(ctx, "unfollow a company", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM watchlist WHERE company = ?`, company)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		removed = n > 0
		return err
	})
	return removed, err
}

// Watchlist lists the followed companies, in the order they were followed.
// Names are sanitized: another program may have written the file.
func (d *DB) Watchlist(ctx context.Context) ([]WatchItem, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT company, name, added FROM watchlist ORDER BY added, rowid`)
	if err != nil {
		return nil, d.Wrap("read the watchlist", err)
	}
	defer rows.Close()
	var out []WatchItem
	for rows.Next() {
		var w WatchItem
		var added string
		if err := rows.Scan(&w.Company, &w.Name, &added); err != nil {
			return nil, d.Wrap("read the watchlist", err)
		}
		w.Name, w.Added = sanitize.Line(w.Name), scanTime(added)
		out = append(out, w)
	}
	return out, d.Wrap("read the watchlist", rows.Err())
}
