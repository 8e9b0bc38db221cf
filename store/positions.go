package store

import (
	"context"
	"database/sql"
	"errors"
)

// The reading_positions table (m005Positions): where the reader left each
// article. The UI reads it when an article opens and writes it when the
// reader leaves one, each in a tea.Cmd.

// ReadingPosition is where the reader left the article with this ID, or
// under this locator (a URL or path; "" matches none) when the ID has none:
// the byte offset into its body of the first line that was on screen. ok
// is false when nothing is kept.
func (d *DB) ReadingPosition(ctx context.Context, id, locator string) (offset int, ok bool, err error) {
	err = d.sql.QueryRowContext(ctx, `SELECT byte_offset FROM reading_positions
		WHERE article_id = ? OR (locator <> '' AND locator = ?)
		ORDER BY article_id = ? DESC, updated DESC LIMIT 1`, id, locator, id).Scan(&offset)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, d.Wrap("read reading position", err)
	}
	return max(offset, 0), true, nil
}

// SetReadingPosition keeps offset as where the reader left the article
// (by ID and locator; an older row under the same locator, an earlier text
// of the same file, goes). Offset 0, the top, keeps nothing.
func (d *DB) SetReadingPosition(ctx context.Context, id, locator string, offset int) error {
	return d.Write(ctx, "save reading position", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM reading_positions WHERE article_id = ? OR (locator <> '' AND locator = ?)`,
			id, locator)
		if err != nil || offset <= 0 {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO reading_positions (article_id, locator, byte_offset, updated)
			VALUES (?, ?, ?, ?)`, id, locator, offset, fmtTime(Now()))
		return err
	})
}
