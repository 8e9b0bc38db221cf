package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"newsmark/model"
)

// The index's SQL (tables in m003_index.go): the types and the writes here,
// the reads in index_read.go, full-text search and the integrity check in
// index_search.go, how rows are packed in index_codec.go. What goes in the
// rows — identity anchors, amounts in dollars, which articles are stale —
// is decided by package index; the store only keeps and reads them.

// IndexDoc is one article and its annotations, as the index writes them.
type IndexDoc struct {
	Article model.Article
	// Hash identifies the content that was annotated; Version the annotator.
	Hash, Version string
	Entities      []IndexEntity
	Quotes        []model.Quote
	Ventures      []IndexVenture
	// Roles are the annotations' roles: nil when the annotator does not
	// look for roles (idx_articles.roles 0), else its list, maybe empty.
	Roles []model.Role
	// IfHash, when set, writes the doc only while the stored article still
	// has that hash, so that a rebuild never undoes a newer Add.
	IfHash string
	// ReplacePath deletes the other articles with the same Path: a file
	// whose text changed has a new ID.
	ReplacePath bool
	// Corrections is the revision of the reader's corrections the
	// annotations were made with (CorrectionsRevision; 0 for none). A
	// doc made with an older list than the database holds is written but
	// stays marked for re-annotation (idx_redo); one at least as new as
	// the mark clears it.
	Corrections int64
}

// IndexEntity is an entity with its identity anchor ("" for non-companies)
// and the evidence it gives: keys (name forms, tickers) that belong to
// its anchor.
type IndexEntity struct {
	model.Entity
	Anchor string
	Keys   []string
}

// IndexVenture is a venture with its parties' anchors (aligned with
// Parties) and its first amount in US dollars (0: none known).
type IndexVenture struct {
	model.Venture
	Anchors   []string
	AmountUSD float64
}

// IndexKey says that a name form or ticker (Key) belongs to Anchor; N is
// how many company entities across the library say so (IndexKeyCounts).
type IndexKey struct {
	Key, Anchor string
	N           int
}

// IndexState is what the index holds about one article.
type IndexState struct {
	Hash, Version string
	// Redo: a correction made since it was annotated may change its
	// annotations (idx_redo).
	Redo bool
	Seen time.Time // when it was first indexed
}

// IndexPutResult counts what IndexPut did with its docs.
type IndexPutResult struct {
	Added, Updated, Unchanged, Skipped int
}

// IndexPut writes docs in one transaction: each article's row and all its
// annotation rows are replaced together, so a reader (or a process killed
// half-way) sees either the old annotations or the new ones, never a mix.
// A doc whose hash and version are already stored is left alone. seen is
// the time recorded for articles new to the index.
func (d *DB) IndexPut(ctx context.Context, docs []IndexDoc, seen time.Time) (IndexPutResult, error) {
	var res IndexPutResult
	err := d.Write(ctx, "write index", func(tx *sql.Tx) error {
		res = IndexPutResult{}
		w, err := newIndexWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		for i := range docs {
			if err := w.put(&docs[i], seen, &res); err != nil {
				return err
			}
		}
		if res.Added+res.Updated == 0 {
			return nil
		}
		if err := w.flushFTS(); err != nil {
			return err
		}
		if err := w.applyCounts(); err != nil {
			return err
		}
		return bumpGeneration(ctx, tx)
	})
	return res, err
}

func bumpGeneration(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE idx_meta SET value = value + 1 WHERE key = 'generation'`)
	return err
}

// indexWriter holds the statements of one write transaction, prepared
// once for the whole batch, and the change to idx_key_counts, summed over
// the batch (many articles give the same evidence) and applied at its end.
type indexWriter struct {
	ctx                                             context.Context
	tx                                              *sql.Tx
	state, insert, update, version, byPath, oldKeys *sql.Stmt
	entity, quote, venture, dated, role             *sql.Stmt
	redoDone, redoMark                              *sql.Stmt
	clear                                           []*sql.Stmt
	revision                                        int64             // of the corrections, as the transaction sees it
	counts                                          map[[2]string]int // (key, anchor) → change
	// pending are the articles inserted but not yet in idx_fts.
	pending []int64
}

const articleCols = `id, title, source, date, seen, url, path, hash, version, caption, authors, contributors, tags, links,
	figures, paragraphs, sentences, body, roles`

func newIndexWriter(ctx context.Context, tx *sql.Tx) (*indexWriter, error) {
	w := &indexWriter{ctx: ctx, tx: tx, counts: map[[2]string]int{}}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var s *sql.Stmt
		s, err = tx.PrepareContext(ctx, q)
		return s
	}
	w.state = prep(`SELECT n, hash, version, coalesce((SELECT revision FROM idx_redo WHERE article = n), 0)
		FROM idx_articles WHERE id = ?`)
	w.redoDone = prep(`DELETE FROM idx_redo WHERE article = ? AND revision <= ?`)
	w.redoMark = prep(`INSERT INTO idx_redo(article, revision) VALUES (?, ?)
		ON CONFLICT(article) DO UPDATE SET revision = max(revision, excluded.revision)`)
	w.insert = prep(`INSERT INTO idx_articles(` + articleCols + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.update = prep(`UPDATE idx_articles SET title = ?, source = ?, date = ?, url = ?, path = ?, hash = ?, version = ?,
		caption = ?, authors = ?, contributors = ?, tags = ?, links = ?, figures = ?, paragraphs = ?, sentences = ?, body = ?,
		roles = ? WHERE n = ?`)
	w.version = prep(`UPDATE idx_articles SET version = ?, figures = ?, roles = ? WHERE n = ?`)
	w.byPath = prep(byPathQuery)
	w.oldKeys = prep(`SELECT anchor, keys FROM idx_entities WHERE article = ? AND keys != ''`)
	w.entity = prep(`INSERT INTO idx_entities(article, ord, eid, kind, subkind, text, canonical, cue, value, unit, per,
		anchor, keys, meta, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.quote = prep(`INSERT INTO idx_quotes(article, ord, speaker, speaker_id, start_byte, end_byte, text, cue)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	w.venture = prep(`INSERT INTO idx_ventures(article, ord, date, kind, anchors, amount_usd, card)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	w.dated = prep(`SELECT CASE WHEN date != '' THEN date ELSE seen END FROM idx_articles WHERE n = ?`)
	w.role = prep(`INSERT INTO idx_roles(article, ord, person, person_id, company, company_id, title, start_byte, end_byte)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	for _, t := range []string{"idx_entities", "idx_quotes", "idx_ventures", "idx_roles"} {
		w.clear = append(w.clear, prep(`DELETE FROM `+t+` WHERE article = ?`))
	}
	if err == nil {
		w.revision, err = correctionsRevision(ctx, tx)
	}
	if err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *indexWriter) close() {
	for _, s := range append([]*sql.Stmt{w.state, w.insert, w.update, w.version, w.byPath, w.oldKeys, w.entity,
		w.quote, w.venture, w.dated, w.role, w.redoDone, w.redoMark}, w.clear...) {
		if s != nil {
			s.Close()
		}
	}
}

// flushFTS adds the pending articles to the full-text index in one
// statement. It runs before any update or delete of an article row too,
// whose triggers would otherwise take out of idx_fts a row not yet in it.
func (w *indexWriter) flushFTS() error {
	if len(w.pending) == 0 {
		return nil
	}
	_, err := w.tx.ExecContext(w.ctx, `INSERT INTO idx_fts(rowid, title, body)
		SELECT n, title, body FROM idx_articles WHERE n IN (SELECT value FROM json_each(?))`, jsonText(w.pending))
	w.pending = w.pending[:0]
	return err
}

// forget takes the evidence of article n's entities out of the counts,
// before its rows are replaced or deleted.
func (w *indexWriter) forget(n int64) error {
	rows, err := w.oldKeys.QueryContext(w.ctx, n)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var anchor, keys string
		if err := rows.Scan(&anchor, &keys); err != nil {
			return err
		}
		for _, k := range splitList(keys) {
			w.counts[[2]string{k, anchor}]--
		}
	}
	return rows.Err()
}

// applyCounts writes the batch's change to idx_key_counts.
func (w *indexWriter) applyCounts() error {
	if len(w.counts) == 0 {
		return nil
	}
	up, err := w.tx.PrepareContext(w.ctx, `INSERT INTO idx_key_counts(key, anchor, n) VALUES (?, ?, ?)
		ON CONFLICT(key, anchor) DO UPDATE SET n = n + excluded.n`)
	if err != nil {
		return err
	}
	defer up.Close()
	negative := false
	for k, delta := range w.counts {
		if delta == 0 {
			continue
		}
		negative = negative || delta < 0
		if _, err := up.ExecContext(w.ctx, k[0], k[1], delta); err != nil {
			return err
		}
	}
	w.counts = map[[2]string]int{}
	if !negative {
		return nil
	}
	_, err = w.tx.ExecContext(w.ctx, `DELETE FROM idx_key_counts WHERE n <= 0`)
	return err
}

func (w *indexWriter) put(doc *IndexDoc, seen time.Time, res *IndexPutResult) error {
	a := &doc.Article
	var n, redo int64
	var hash, version string
	err := w.state.QueryRowContext(w.ctx, a.ID).Scan(&n, &hash, &version, &redo)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	switch {
	case doc.IfHash != "" && (!found || hash != doc.IfHash):
		res.Skipped++
		return nil
	case found && hash == doc.Hash && version == doc.Version && (redo == 0 || doc.Corrections < redo):
		// current, or the doc is no newer than the correction that
		// wants it redone
		res.Unchanged++
		return nil
	}
	if found || doc.ReplacePath {
		if err := w.flushFTS(); err != nil {
			return err
		}
	}
	if doc.ReplacePath && a.Path != "" {
		if err := w.deleteByPath(a.Path, a.ID); err != nil {
			return err
		}
	}
	paras, sents := spanBlob(a.Paragraphs), spanBlob(a.Sentences)
	figures := figureBlob(doc.Entities)
	roles := doc.Roles != nil
	switch {
	case !found:
		r, err := w.insert.ExecContext(w.ctx, a.ID, a.Title, a.Source, idxTime(a.Date), idxTime(seen), a.URL, a.Path,
			doc.Hash, doc.Version, a.Caption, joinList(a.Authors), joinList(a.Contributors), joinList(a.Tags),
			jsonText(a.Links), figures, paras, sents, a.Body, roles)
		if err != nil {
			return err
		}
		if n, err = r.LastInsertId(); err != nil {
			return err
		}
		w.pending = append(w.pending, n)
		res.Added++
	case hash != doc.Hash:
		if _, err := w.update.ExecContext(w.ctx, a.Title, a.Source, idxTime(a.Date), a.URL, a.Path, doc.Hash, doc.Version,
			a.Caption, joinList(a.Authors), joinList(a.Contributors), joinList(a.Tags), jsonText(a.Links),
			figures, paras, sents, a.Body, roles, n); err != nil {
			return err
		}
		res.Updated++
	default:
		if _, err := w.version.ExecContext(w.ctx, doc.Version, figures, roles, n); err != nil {
			return err
		}
		res.Updated++
	}
	if found {
		if err := w.forget(n); err != nil {
			return err
		}
		for _, s := range w.clear {
			if _, err := s.ExecContext(w.ctx, n); err != nil {
				return err
			}
		}
	}
	if err := w.redo(n, found, doc.Corrections); err != nil {
		return err
	}
	return w.children(n, doc)
}

// redo keeps article n's mark for re-annotation in step with a doc made
// with corrections revision rev: a mark as old as rev or older is done;
// a doc made with an older list than the database's is marked, so that a
// process with the current list annotates it again.
func (w *indexWriter) redo(n int64, found bool, rev int64) error {
	if found {
		if _, err := w.redoDone.ExecContext(w.ctx, n, rev); err != nil {
			return err
		}
	}
	if rev < w.revision {
		_, err := w.redoMark.ExecContext(w.ctx, n, w.revision)
		return err
	}
	return nil
}

// deleteByPath deletes the articles with path other than id.
func (w *indexWriter) deleteByPath(path, id string) error {
	rows, err := w.byPath.QueryContext(w.ctx, path, id)
	if err != nil {
		return err
	}
	var ns []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		ns = append(ns, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range ns {
		if err := w.forget(n); err != nil {
			return err
		}
		if _, err := w.tx.ExecContext(w.ctx, `DELETE FROM idx_articles WHERE n = ?`, n); err != nil {
			return err
		}
	}
	return nil
}

// packed reports whether an entity is kept in the article's figure blob
// rather than in a row of its own.
func packed(e *model.Entity) bool { return e.Kind == model.Figure }

func (w *indexWriter) children(n int64, doc *IndexDoc) error {
	ctx := w.ctx
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if packed(&e.Entity) {
			continue
		}
		meta := ""
		if len(e.MetaMentions) > 0 {
			meta = jsonText(e.MetaMentions)
		}
		if _, err := w.entity.ExecContext(ctx, n, i, e.ID, string(e.Kind), string(e.Subkind), e.Text, e.Canonical, e.Cue,
			e.Value, e.Unit, e.Per, e.Anchor, joinList(e.Keys), meta, spanBlob(e.Mentions)); err != nil {
			return err
		}
		for _, k := range e.Keys {
			w.counts[[2]string{k, e.Anchor}]++
		}
	}
	for i, q := range doc.Quotes {
		if _, err := w.quote.ExecContext(ctx, n, i, q.Speaker, q.SpeakerID, q.Start, q.End, q.Text, q.Cue); err != nil {
			return err
		}
	}
	for i, r := range doc.Roles {
		if _, err := w.role.ExecContext(ctx, n, i, r.Person, r.PersonID, r.Company, r.CompanyID, r.Title,
			r.Evidence.Start, r.Evidence.End); err != nil {
			return err
		}
	}
	if len(doc.Ventures) == 0 {
		return nil
	}
	var date string
	if err := w.dated.QueryRowContext(ctx, n).Scan(&date); err != nil {
		return err
	}
	for i := range doc.Ventures {
		v := &doc.Ventures[i]
		card := ventureCard(&doc.Article, date, i, v)
		if _, err := w.venture.ExecContext(ctx, n, i, date, string(v.Kind), joinList(v.Anchors), v.AmountUSD, card); err != nil {
			return err
		}
	}
	return nil
}

// IndexRemove deletes the articles with ids and all their rows, and
// returns how many there were.
func (d *DB) IndexRemove(ctx context.Context, ids []string) (int, error) {
	var n int
	err := d.Write(ctx, "remove from index", func(tx *sql.Tx) error {
		n = 0
		w, err := newIndexWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		for _, id := range ids {
			var a int64
			err := w.state.QueryRowContext(ctx, id).Scan(&a, new(string), new(string), new(int64))
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return err
			}
			if err := w.forget(a); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM idx_articles WHERE n = ?`, a); err != nil {
				return err
			}
			n++
		}
		if n == 0 {
			return nil
		}
		if err := w.applyCounts(); err != nil {
			return err
		}
		return bumpGeneration(ctx, tx)
	})
	return n, err
}
