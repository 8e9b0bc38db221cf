package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"newsmark/model"
	"newsmark/sanitize"
)

// The highlights table (m001Highlights) holds the reader's highlights and
// notes; package notes decides what goes in and how highlights are placed
// on an article, this file is the SQL. A row with deleted set is in the undo
// window: every read but RestoreHighlight's skips it.

// ErrNoHighlight is a highlight ID that is not stored (or not in the state
// the call needs: deleted for RestoreHighlight, live for the others).
var ErrNoHighlight = errors.New("highlight not found")

const highlightCols = `id, article_id, locator, title, source, author, article_date, text, prefix, suffix,
	start_byte, end_byte, note, tags, created, updated, orphan`

type scanner interface{ Scan(dest ...any) error }

func scanHighlight(r scanner) (model.Highlight, error) {
	var h model.Highlight
	var date, tags, created, updated string
	err := r.Scan(&h.ID, &h.ArticleID, &h.Locator, &h.Title, &h.Source, &h.Author, &date, &h.Text, &h.Prefix,
		&h.Suffix, &h.Start, &h.End, &h.Note, &tags, &created, &updated, &h.Orphan)
	if err != nil {
		return h, err
	}
	h.Date, h.Created, h.Updated = scanTime(date), scanTime(created), scanTime(updated)
	if tags != "" && tags != "[]" {
		json.Unmarshal([]byte(tags), &h.Tags)
	}
	sanitizeHighlight(&h)
	return h, nil
}

// AddHighlight stores h as a new highlight and returns its ID. When it
// returns a nil error the row is committed.
func (d *DB) AddHighlight(ctx context.Context, h model.Highlight) (int64, error) {
	var id int64
	err := d.Write(ctx, "save highlight", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO highlights (article_id, locator, title, source, author,
			article_date, text, prefix, suffix, start_byte, end_byte, note, tags, created, updated, orphan)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			h.ArticleID, h.Locator, h.Title, h.Source, h.Author, fmtTime(h.Date), h.Text, h.Prefix, h.Suffix,
			h.Start, h.End, h.Note, jsonText(h.Tags), fmtTime(h.Created), fmtTime(h.Updated), h.Orphan)
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// Highlight is the live highlight id.
func (d *DB) Highlight(ctx context.Context, id int64) (model.Highlight, error) {
	h, err := scanHighlight(d.sql.QueryRowContext(ctx,
		`SELECT `+highlightCols+` FROM highlights WHERE id = ? AND deleted IS NULL`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return h, fmt.Errorf("highlight %d: %w", id, ErrNoHighlight)
	}
	return h, d.Wrap("read highlight", err)
}

// updateHighlight runs one UPDATE on a live (or, with deleted, a deleted)
// highlight and returns the row as stored afterwards.
func (d *DB) updateHighlight(ctx context.Context, op string, id int64, deleted bool, set string, args ...any) (model.Highlight, error) {
	var h model.Highlight
	cond := ` AND deleted IS NULL`
	if deleted {
		cond = ` AND deleted IS NOT NULL`
	}
	err := d.Write(ctx, op, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE highlights SET `+set+` WHERE id = ?`+cond, append(args, id)...)
		if err != nil {
			return err
		}
		if c, _ := res.RowsAffected(); c == 0 {
			return fmt.Errorf("highlight %d: %w", id, ErrNoHighlight)
		}
		h, err = scanHighlight(tx.QueryRowContext(ctx, `SELECT `+highlightCols+` FROM highlights WHERE id = ?`, id))
		return err
	})
	return h, err
}

// SetHighlightNote replaces the note of highlight id, updated at.
func (d *DB) SetHighlightNote(ctx context.Context, id int64, note string, at time.Time) (model.Highlight, error) {
	return d.updateHighlight(ctx, "save note", id, false, `note = ?, updated = ?`, note, fmtTime(at))
}

// SetHighlightTags replaces the tags of highlight id, updated at.
func (d *DB) SetHighlightTags(ctx context.Context, id int64, tags []string, at time.Time) (model.Highlight, error) {
	return d.updateHighlight(ctx, "save tags", id, false, `tags = ?, updated = ?`, jsonText(tags), fmtTime(at))
}

// DeleteHighlight hides highlight id (deleted at) and returns it as it was.
func (d *DB) DeleteHighlight(ctx context.Context, id int64, at time.Time) (model.Highlight, error) {
	return d.updateHighlight(ctx, "delete highlight", id, false, `deleted = ?`, fmtTime(at))
}

// RestoreHighlight brings the deleted highlight id back unchanged.
func (d *DB) RestoreHighlight(ctx context.Context, id int64) (model.Highlight, error) {
	return d.updateHighlight(ctx, "undo delete", id, true, `deleted = NULL`)
}

// PurgeDeletedHighlights drops the highlights deleted before cutoff: they
// are past their undo window.
func (d *DB) PurgeDeletedHighlights(ctx context.Context, cutoff time.Time) error {
	return d.Write(ctx, "purge deleted highlights", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM highlights WHERE deleted IS NOT NULL AND deleted < ?`, fmtTime(cutoff))
		return err
	})
}

func (d *DB) highlights(ctx context.Context, where string, args ...any) ([]model.Highlight, error) {
	const op = "list highlights"
	rows, err := d.sql.QueryContext(ctx, `SELECT `+highlightCols+` FROM highlights WHERE deleted IS NULL`+where, args...)
	if err != nil {
		return nil, d.Wrap(op, err)
	}
	defer rows.Close()
	var out []model.Highlight
	for rows.Next() {
		h, err := scanHighlight(rows)
		if err != nil {
			return nil, d.Wrap(op, err)
		}
		out = append(out, h)
	}
	return out, d.Wrap(op, rows.Err())
}

// Highlights is every live highlight, oldest first.
func (d *DB) Highlights(ctx context.Context) ([]model.Highlight, error) {
	return d.highlights(ctx, ` ORDER BY created, id`)
}

// ArticleHighlights is the live highlights stored under article ID id, or
// under locator (a URL or path; "" matches none), in no particular order.
func (d *DB) ArticleHighlights(ctx context.Context, id, locator string) ([]model.Highlight, error) {
	return d.highlights(ctx, ` AND (article_id = ? OR (locator <> '' AND locator = ?))`, id, locator)
}

// LocatorHighlights is the live highlights stored under any of locators,
// in no particular order.
func (d *DB) LocatorHighlights(ctx context.Context, locators []string) ([]model.Highlight, error) {
	if len(locators) == 0 {
		return nil, nil
	}
	args := make([]any, len(locators))
	for i, l := range locators {
		args[i] = l
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(locators)), ",")
	return d.highlights(ctx, ` AND locator IN (`+marks+`)`, args...)
}

// SavePlacements stores where highlights were found again in their
// article's current text: article ID, locator, text, context, offsets and
// the orphan flag of each.
func (d *DB) SavePlacements(ctx context.Context, hs []model.Highlight) error {
	return d.Write(ctx, "re-attach highlights", func(tx *sql.Tx) error {
		for _, h := range hs {
			_, err := tx.ExecContext(ctx, `UPDATE highlights SET article_id = ?, locator = ?, text = ?, prefix = ?,
				suffix = ?, start_byte = ?, end_byte = ?, orphan = ? WHERE id = ?`,
				h.ArticleID, h.Locator, h.Text, h.Prefix, h.Suffix, h.Start, h.End, h.Orphan, h.ID)
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// HighlightCount is how many live highlights are stored under one article
// ID and locator.
type HighlightCount struct {
	ArticleID, Locator string
	N                  int
}

// CountHighlights counts the live highlights by article ID and locator.
func (d *DB) CountHighlights(ctx context.Context) ([]HighlightCount, error) {
	const op = "count highlights"
	rows, err := d.sql.QueryContext(ctx,
		`SELECT article_id, locator, count(*) FROM highlights WHERE deleted IS NULL GROUP BY article_id, locator`)
	if err != nil {
		return nil, d.Wrap(op, err)
	}
	defer rows.Close()
	var out []HighlightCount
	for rows.Next() {
		var c HighlightCount
		if err := rows.Scan(&c.ArticleID, &c.Locator, &c.N); err != nil {
			return nil, d.Wrap(op, err)
		}
		out = append(out, c)
	}
	return out, d.Wrap(op, rows.Err())
}

// sanitizeHighlight passes every string of a stored highlight through the
// sanitizer: the file may have been edited by another program or shared by
// a colleague, and whatever reads a highlight (the Notes tab, newsmark
// notes, every export) may print it on a terminal. Text newsmark wrote
// itself is clean already, so this changes nothing for it.
func sanitizeHighlight(h *model.Highlight) {
	for _, p := range []*string{&h.Title, &h.Source, &h.Author, &h.Text, &h.Prefix, &h.Suffix, &h.Note} {
		*p = sanitize.Text(*p)
	}
	for _, p := range []*string{&h.ArticleID, &h.Locator} {
		*p = sanitize.Line(*p)
	}
	for i := range h.Tags {
		h.Tags[i] = sanitize.Line(h.Tags[i])
	}
}
