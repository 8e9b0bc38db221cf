package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"
	"unicode"

	"newsmark/model"
	"newsmark/sanitize"
)

// The reader's corrections (m007_corrections.go). Which entries replace
// which, and what a file of them looks like, is package corrections'
// business; the store keeps the rows, counts the revision and marks the
// indexed articles a change may touch, in the transaction that makes it.

// Correction is one stored correction.
type Correction struct {
	ID      int64 // 0 until stored
	Entry   model.UserEntry
	Created time.Time
}

// CorrectionsChange is what ChangeCorrections did.
type CorrectionsChange struct {
	Revision int64        // the list's revision after the change
	Added    []Correction // the corrections added, with their IDs
	Removed  []Correction // the corrections removed, as they were
	Touched  int          // indexed articles marked for re-annotation
}

// Corrections returns every correction, oldest first, and the revision of
// the list, read together.
func (d *DB) Corrections(ctx context.Context) ([]Correction, int64, error) {
	tx, err := d.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, d.Wrap("read corrections", err)
	}
	defer tx.Rollback()
	rev, err := correctionsRevision(ctx, tx)
	if err != nil {
		return nil, 0, d.Wrap("read corrections", err)
	}
	if out, ok, err := correctionsJoined(ctx, tx); err != nil || ok {
		return out, rev, d.Wrap("read corrections", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, action, kind, name, other, article_id, created FROM corrections ORDER BY id`)
	if err != nil {
		return nil, 0, d.Wrap("read corrections", err)
	}
	defer rows.Close()
	var out []Correction
	for rows.Next() {
		c, err := scanCorrection(rows)
		if err != nil {
			return nil, 0, d.Wrap("read corrections", err)
		}
		out = append(out, c)
	}
	return out, rev, d.Wrap("read corrections", rows.Err())
}

type rowScanner interface{ Scan(dest ...any) error }

// correctionsJoined reads every correction as one string SQLite joins, a
// unit separator between fields and a record separator between rows: a
// process starts by reading the whole list, and row by row the driver's
// per-column work cost 10,000 corrections three times the time. ok is
// false when the string does not split as it should (a separator in a
// name, put there by another program): the caller reads row by row.
func correctionsJoined(ctx context.Context, tx *sql.Tx) (out []Correction, ok bool, err error) {
	var joined sql.NullString
	// The rows joined in the order of the rowid they are read in (an
	// aggregate's own ORDER BY sorts them again); the IDs are checked.
	err = tx.QueryRowContext(ctx, `SELECT group_concat(id || char(31) || action || char(31) || kind || char(31) ||
		name || char(31) || other || char(31) || article_id || char(31) || created, char(30))
		FROM (SELECT * FROM corrections ORDER BY id)`).Scan(&joined)
	if err != nil || !joined.Valid {
		return nil, err == nil, err
	}
	n := strings.Count(joined.String, "\x1e") + 1
	out = make([]Correction, 0, n)
	var f [7]string
	for rec := range strings.SplitSeq(joined.String, "\x1e") {
		for i := range f {
			cut, rest, found := strings.Cut(rec, "\x1f")
			if found != (i < len(f)-1) {
				return nil, false, nil
			}
			f[i], rec = cut, rest
		}
		id, perr := strconv.ParseInt(f[0], 10, 64)
		if perr != nil || (len(out) > 0 && id <= out[len(out)-1].ID) {
			return nil, false, nil
		}
		c, _ := scanCorrection(fieldsRow{id, f[1:]})
		out = append(out, c)
	}
	return out, true, nil
}

// fieldsRow is a joined correction's fields as scanCorrection reads them.
type fieldsRow struct {
	id     int64
	fields []string
}

func (r fieldsRow) Scan(dest ...any) error {
	*dest[0].(*int64) = r.id
	for i, f := range r.fields {
		*dest[i+1].(*string) = f
	}
	return nil
}

func scanCorrection(r rowScanner) (Correction, error) {
	var c Correction
	var action, kind, created string
	err := r.Scan(&c.ID, &action, &kind, &c.Entry.Name, &c.Entry.Other, &c.Entry.ArticleID, &created)
	c.Entry.Action, c.Entry.Kind = model.UserAction(action), model.EntityKind(kind)
	// The file may have been edited by another program: names are one line.
	c.Entry.Name, c.Entry.Other = sanitize.Line(c.Entry.Name), sanitize.Line(c.Entry.Other)
	c.Entry.ArticleID = sanitize.Line(c.Entry.ArticleID)
	c.Created = scanTime(created)
	return c, err
}

// CorrectionsRevision is the list's revision: it changes with every change
// of the list, so a process that holds the list knows when to read it again.
func (d *DB) CorrectionsRevision(ctx context.Context) (int64, error) {
	rev, err := correctionsRevision(ctx, d.sql)
	return rev, d.Wrap("read corrections", err)
}

func correctionsRevision(ctx context.Context, q querier) (int64, error) {
	var rev int64
	err := q.QueryRowContext(ctx, `SELECT value FROM corrections_meta WHERE key = 'revision'`).Scan(&rev)
	return rev, err
}

// ChangeCorrections removes the corrections with the IDs in remove and adds
// those in add, in one transaction that also bumps the revision and marks
// for re-annotation (idx_redo) every indexed article the change may touch:
// for an entry about every article, those whose title or body holds one of
// its names (full-text search: a phrase match finds the name whatever its
// case or accents, a superset of where the annotator will find it); for an
// entry about one article, that article. An added correction with an ID
// (one put back by undo) keeps it and its time; the others get new IDs,
// after every existing one, and Created if it is zero.
func (d *DB) ChangeCorrections(ctx context.Context, add []Correction, remove []int64) (CorrectionsChange, error) {
	var ch CorrectionsChange
	err := d.Write(ctx, "save corrections", func(tx *sql.Tx) error {
		ch = CorrectionsChange{}
		touch := correctionTouch{names: map[string]bool{}, ids: map[string]bool{}}
		for _, id := range remove {
			c, err := scanCorrection(tx.QueryRowContext(ctx,
				`SELECT id, action, kind, name, other, article_id, created FROM corrections WHERE id = ?`, id))
			if err == sql.ErrNoRows {
				continue // gone already (another process, or removed twice)
			}
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM corrections WHERE id = ?`, id); err != nil {
				return err
			}
			ch.Removed = append(ch.Removed, c)
			touch.add(c.Entry)
		}
		ins, err := tx.PrepareContext(ctx, `INSERT INTO corrections(id, action, kind, name, other, article_id, created)
			VALUES (?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		now := Now()
		for _, c := range add {
			if c.Created.IsZero() {
				c.Created = now
			}
			var id any // NULL: the next id
			if c.ID != 0 {
				id = c.ID
			}
			e := c.Entry
			r, err := ins.ExecContext(ctx, id, string(e.Action), string(e.Kind), e.Name, e.Other, e.ArticleID, fmtTime(c.Created))
			if err != nil {
				return err
			}
			if c.ID, err = r.LastInsertId(); err != nil {
				return err
			}
			ch.Added = append(ch.Added, c)
			touch.add(e)
		}
		if len(ch.Added)+len(ch.Removed) == 0 {
			ch.Revision, err = correctionsRevision(ctx, tx)
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE corrections_meta SET value = value + 1 WHERE key = 'revision'`); err != nil {
			return err
		}
		if ch.Revision, err = correctionsRevision(ctx, tx); err != nil {
			return err
		}
		ch.Touched, err = touch.mark(ctx, tx, ch.Revision)
		return err
	})
	return ch, err
}

// correctionTouch gathers what a change of the list is about: names, for
// entries about every article, and article IDs.
type correctionTouch struct {
	names map[string]bool
	ids   map[string]bool
}

func (t *correctionTouch) add(e model.UserEntry) {
	if e.ArticleID != "" {
		t.ids[e.ArticleID] = true
		return
	}
	for _, n := range []string{e.Name, e.Other} {
		if hasWordRune(n) {
			t.names[n] = true
		}
	}
}

// hasWordRune reports whether s holds a letter or digit: a name without
// one has no word for full-text search to find (nor the annotator a name).
func hasWordRune(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// touchChunk is how many phrases one full-text query ORs together.
const touchChunk = 100

// mark marks the articles of the change for re-annotation at rev and
// returns how many rows it wrote.
func (t *correctionTouch) mark(ctx context.Context, tx *sql.Tx, rev int64) (int, error) {
	const upsert = ` ON CONFLICT(article) DO UPDATE SET revision = excluded.revision`
	n := 0
	exec := func(q string, args ...any) error {
		r, err := tx.ExecContext(ctx, q, args...)
		if err != nil {
			return err
		}
		k, _ := r.RowsAffected()
		n += int(k)
		return nil
	}
	for id := range t.ids {
		if err := exec(`INSERT INTO idx_redo(article, revision) SELECT n, ? FROM idx_articles WHERE id = ?`+upsert, rev, id); err != nil {
			return n, err
		}
	}
	phrases := make([]string, 0, len(t.names))
	for name := range t.names {
		phrases = append(phrases, `"`+strings.ReplaceAll(name, `"`, `""`)+`"`)
	}
	for len(phrases) > 0 {
		part := phrases[:min(touchChunk, len(phrases))]
		phrases = phrases[len(part):]
		if err := exec(`INSERT INTO idx_redo(article, revision) SELECT rowid, ? FROM idx_fts WHERE idx_fts MATCH ?`+upsert,
			rev, strings.Join(part, " OR ")); err != nil {
			return n, err
		}
	}
	return n, nil
}
