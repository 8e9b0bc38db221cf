package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"newsmark/model"
)

// This file holds the SQL of the index (tables in m003_index.go). What goes
// in the rows — identity anchors, amounts in dollars, which articles are
// stale — is decided by package index; the store only keeps and reads them.

// IndexDoc is one article and its annotations, as the index writes them.
type IndexDoc struct {
	Article model.Article
	// Hash identifies the content that was annotated; Version the annotator.
	Hash, Version string
	Entities      []IndexEntity
	Quotes        []model.Quote
	Ventures      []IndexVenture
	Keys          []IndexKey // identity evidence the article gives
	// IfHash, when set, writes the doc only while the stored article still
	// has that hash, so that a rebuild never undoes a newer Add.
	IfHash string
	// ReplacePath deletes the other articles with the same Path: a file
	// whose text changed has a new ID.
	ReplacePath bool
}

// IndexEntity is an entity with its identity anchor ("" for non-companies).
type IndexEntity struct {
	model.Entity
	Anchor string
}

// IndexVenture is a venture with its parties' anchors (aligned with
// Parties) and its first amount in US dollars (0: none known).
type IndexVenture struct {
	model.Venture
	Anchors   []string
	AmountUSD float64
}

// IndexKey says that a name form or ticker (Key) belongs to Anchor; N is
// how many company mentions across the library say so (IndexKeyCounts).
type IndexKey struct {
	Key, Anchor string
	N           int
}

// IndexState is what the index holds about one article.
type IndexState struct {
	Hash, Version string
	Seen          time.Time // when it was first indexed
}

// IndexPutResult counts what IndexPut did with its docs.
type IndexPutResult struct {
	Added, Updated, Unchanged, Skipped int
}

// idxTime is the index's time format: RFC 3339 in UTC, second precision,
// fixed width, so that times sort as text.
func idxTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func idxParseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// listSep joins list columns. Article text reaches the store sanitised, so
// it holds no control characters; one inside an item is made a space.
const listSep = "\x1f"

func joinList(l []string) string {
	if len(l) == 0 {
		return ""
	}
	clean := l
	for i, s := range l {
		if strings.Contains(s, listSep) {
			if &clean[0] == &l[0] {
				clean = append([]string(nil), l...)
			}
			clean[i] = strings.ReplaceAll(s, listSep, " ")
		}
	}
	return strings.Join(clean, listSep)
}

func splitList(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, listSep)
}

// spanBlob encodes spans compactly: per span the start's distance from the
// previous start (zig-zag varint: spans may overlap or go back) and the
// length (varint). A mention list costs about 3 bytes a span.
func spanBlob(spans []model.Span) []byte {
	if len(spans) == 0 {
		return nil
	}
	b := make([]byte, 0, 3*len(spans))
	prev := 0
	for _, s := range spans {
		b = binary.AppendVarint(b, int64(s.Start-prev))
		b = binary.AppendUvarint(b, uint64(max(s.End-s.Start, 0)))
		prev = s.Start
	}
	return b
}

// blobSpans decodes spanBlob; at most limit spans (limit < 0: all).
func blobSpans(b []byte, limit int) []model.Span {
	out := []model.Span{}
	prev := 0
	for len(b) > 0 && limit != 0 {
		d, n := binary.Varint(b)
		if n <= 0 {
			break
		}
		l, m := binary.Uvarint(b[n:])
		if m <= 0 {
			break
		}
		b = b[n+m:]
		start := prev + int(d)
		out = append(out, model.Span{Start: start, End: start + int(l)})
		prev = start
		limit--
	}
	return out
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
		return bumpGeneration(ctx, tx)
	})
	return res, err
}

func bumpGeneration(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE idx_meta SET value = value + 1 WHERE key = 'generation'`)
	return err
}

// indexWriter holds the statements of one IndexPut transaction, prepared
// once for the whole batch.
type indexWriter struct {
	ctx                                    context.Context
	tx                                     *sql.Tx
	state, insert, update, version, byPath *sql.Stmt
	entity, quote, venture, key            *sql.Stmt
	clear                                  []*sql.Stmt
}

const articleCols = `id, title, source, date, seen, url, path, hash, version, caption, authors, contributors, tags, links,
	paragraphs, sentences, body`

func newIndexWriter(ctx context.Context, tx *sql.Tx) (*indexWriter, error) {
	w := &indexWriter{ctx: ctx, tx: tx}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var s *sql.Stmt
		s, err = tx.PrepareContext(ctx, q)
		return s
	}
	w.state = prep(`SELECT n, hash, version FROM idx_articles WHERE id = ?`)
	w.insert = prep(`INSERT INTO idx_articles(` + articleCols + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.update = prep(`UPDATE idx_articles SET title = ?, source = ?, date = ?, url = ?, path = ?, hash = ?, version = ?,
		caption = ?, authors = ?, contributors = ?, tags = ?, links = ?, paragraphs = ?, sentences = ?, body = ? WHERE n = ?`)
	w.version = prep(`UPDATE idx_articles SET version = ? WHERE n = ?`)
	w.byPath = prep(`DELETE FROM idx_articles WHERE path = ? AND id != ?`)
	w.entity = prep(`INSERT INTO idx_entities(article, ord, eid, kind, subkind, text, canonical, cue, value, unit, per,
		anchor, meta, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.quote = prep(`INSERT INTO idx_quotes(article, ord, speaker, speaker_id, start_byte, end_byte, text)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	w.venture = prep(`INSERT INTO idx_ventures(article, ord, date, kind, status, name, parties, party_ids, anchors,
		amounts, amount_usd, stake, location, headcount, timeframe, summary, evidence)
		VALUES (?, ?, (SELECT CASE WHEN date != '' THEN date ELSE seen END FROM idx_articles WHERE n = ?),
		?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.key = prep(`INSERT OR IGNORE INTO idx_keys(article, key, anchor) VALUES (?, ?, ?)`)
	for _, t := range []string{"idx_entities", "idx_quotes", "idx_ventures", "idx_keys"} {
		w.clear = append(w.clear, prep(`DELETE FROM `+t+` WHERE article = ?`))
	}
	if err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *indexWriter) close() {
	for _, s := range append([]*sql.Stmt{w.state, w.insert, w.update, w.version, w.byPath, w.entity, w.quote, w.venture, w.key}, w.clear...) {
		if s != nil {
			s.Close()
		}
	}
}

func (w *indexWriter) put(doc *IndexDoc, seen time.Time, res *IndexPutResult) error {
	a := &doc.Article
	var n int64
	var hash, version string
	err := w.state.QueryRowContext(w.ctx, a.ID).Scan(&n, &hash, &version)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	switch {
	case doc.IfHash != "" && (!found || hash != doc.IfHash):
		res.Skipped++
		return nil
	case found && hash == doc.Hash && version == doc.Version:
		res.Unchanged++
		return nil
	}
	if doc.ReplacePath && a.Path != "" {
		if _, err := w.byPath.ExecContext(w.ctx, a.Path, a.ID); err != nil {
			return err
		}
	}
	paras, sents := spanBlob(a.Paragraphs), spanBlob(a.Sentences)
	switch {
	case !found:
		r, err := w.insert.ExecContext(w.ctx, a.ID, a.Title, a.Source, idxTime(a.Date), idxTime(seen), a.URL, a.Path,
			doc.Hash, doc.Version, a.Caption, joinList(a.Authors), joinList(a.Contributors), joinList(a.Tags),
			jsonText(a.Links), paras, sents, a.Body)
		if err != nil {
			return err
		}
		if n, err = r.LastInsertId(); err != nil {
			return err
		}
		res.Added++
	case hash != doc.Hash:
		if _, err := w.update.ExecContext(w.ctx, a.Title, a.Source, idxTime(a.Date), a.URL, a.Path, doc.Hash, doc.Version,
			a.Caption, joinList(a.Authors), joinList(a.Contributors), joinList(a.Tags), jsonText(a.Links),
			paras, sents, a.Body, n); err != nil {
			return err
		}
		res.Updated++
	default:
		if _, err := w.version.ExecContext(w.ctx, doc.Version, n); err != nil {
			return err
		}
		res.Updated++
	}
	if found {
		for _, s := range w.clear {
			if _, err := s.ExecContext(w.ctx, n); err != nil {
				return err
			}
		}
	}
	return w.children(n, doc)
}

func (w *indexWriter) children(n int64, doc *IndexDoc) error {
	ctx := w.ctx
	for i, e := range doc.Entities {
		meta := ""
		if len(e.MetaMentions) > 0 {
			meta = jsonText(e.MetaMentions)
		}
		if _, err := w.entity.ExecContext(ctx, n, i, e.ID, string(e.Kind), string(e.Subkind), e.Text, e.Canonical, e.Cue,
			e.Value, e.Unit, e.Per, e.Anchor, meta, spanBlob(e.Mentions)); err != nil {
			return err
		}
	}
	for i, q := range doc.Quotes {
		if _, err := w.quote.ExecContext(ctx, n, i, q.Speaker, q.SpeakerID, q.Start, q.End, q.Text); err != nil {
			return err
		}
	}
	for i, v := range doc.Ventures {
		if _, err := w.venture.ExecContext(ctx, n, i, n, string(v.Kind), v.Status, v.Name, joinList(v.Parties),
			joinList(v.PartyIDs), joinList(v.Anchors), joinList(v.Amounts), v.AmountUSD, v.Stake, v.Location,
			v.Headcount, v.Timeframe, v.Summary, spanBlob(v.Evidence)); err != nil {
			return err
		}
	}
	for _, k := range doc.Keys {
		if _, err := w.key.ExecContext(ctx, n, k.Key, k.Anchor); err != nil {
			return err
		}
	}
	return nil
}

// IndexStates reports what the index holds for each of ids that it has.
func (d *DB) IndexStates(ctx context.Context, ids []string) (map[string]IndexState, error) {
	out := make(map[string]IndexState, len(ids))
	const chunk = 500
	for len(ids) > 0 {
		part := ids[:min(chunk, len(ids))]
		ids = ids[len(part):]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := d.sql.QueryContext(ctx, `SELECT id, hash, version, seen FROM idx_articles WHERE id IN (?`+
			strings.Repeat(", ?", len(part)-1)+`)`, args...)
		if err != nil {
			return nil, d.Wrap("read index", err)
		}
		for rows.Next() {
			var id, seen string
			var st IndexState
			if err := rows.Scan(&id, &st.Hash, &st.Version, &seen); err != nil {
				rows.Close()
				return nil, d.Wrap("read index", err)
			}
			st.Seen = idxParseTime(seen)
			out[id] = st
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, d.Wrap("read index", err)
		}
	}
	return out, nil
}

// IndexCounts counts the indexed articles and those whose rows were made
// by another annotator version than version.
func (d *DB) IndexCounts(ctx context.Context, version string) (total, stale int, err error) {
	err = d.sql.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE version != ?) FROM idx_articles`, version).
		Scan(&total, &stale)
	return total, stale, d.Wrap("read index", err)
}

// IndexStored is an article as the index keeps it.
type IndexStored struct {
	Article model.Article
	IndexState
}

// IndexStale returns up to limit articles whose rows were made by another
// annotator version than version, in the order they were first indexed.
func (d *DB) IndexStale(ctx context.Context, version string, limit int) ([]IndexStored, error) {
	return d.indexArticles(ctx, `WHERE version != ? ORDER BY n LIMIT ?`, version, limit)
}

// IndexArticle is the stored article with id; ok is false if there is none.
func (d *DB) IndexArticle(ctx context.Context, id string) (s IndexStored, ok bool, err error) {
	list, err := d.indexArticles(ctx, `WHERE id = ?`, id)
	if err != nil || len(list) == 0 {
		return s, false, err
	}
	return list[0], true, nil
}

func (d *DB) indexArticles(ctx context.Context, where string, args ...any) ([]IndexStored, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT `+articleCols+` FROM idx_articles `+where, args...)
	if err != nil {
		return nil, d.Wrap("read index", err)
	}
	defer rows.Close()
	var out []IndexStored
	for rows.Next() {
		var s IndexStored
		a := &s.Article
		var date, seen, authors, contributors, tags, links string
		var paras, sents []byte
		if err := rows.Scan(&a.ID, &a.Title, &a.Source, &date, &seen, &a.URL, &a.Path, &s.Hash, &s.Version, &a.Caption,
			&authors, &contributors, &tags, &links, &paras, &sents, &a.Body); err != nil {
			return nil, d.Wrap("read index", err)
		}
		a.Date, s.Seen = idxParseTime(date), idxParseTime(seen)
		a.Authors, a.Contributors, a.Tags = nilIfEmpty(splitList(authors)), nilIfEmpty(splitList(contributors)), nilIfEmpty(splitList(tags))
		if links != "[]" {
			json.Unmarshal([]byte(links), &a.Links)
		}
		if len(paras) > 0 {
			a.Paragraphs = blobSpans(paras, -1)
		}
		if len(sents) > 0 {
			a.Sentences = blobSpans(sents, -1)
		}
		out = append(out, s)
	}
	return out, d.Wrap("read index", rows.Err())
}

func nilIfEmpty(l []string) []string {
	if len(l) == 0 {
		return nil
	}
	return l
}

// IndexAnnotations reads back the stored annotations of the article with
// id, as they were written, and the anchors of its entities (by entity ID).
func (d *DB) IndexAnnotations(ctx context.Context, id string) (ann model.Annotations, anchors map[string]string, ok bool, err error) {
	var n int64
	err = d.sql.QueryRowContext(ctx, `SELECT n FROM idx_articles WHERE id = ?`, id).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return ann, nil, false, nil
	}
	if err != nil {
		return ann, nil, false, d.Wrap("read index", err)
	}
	anchors = map[string]string{}
	ann.Entities, err = d.indexEntities(ctx, n, anchors)
	if err == nil {
		ann.Quotes, err = d.indexQuotes(ctx, n)
	}
	if err == nil {
		ann.Ventures, err = d.indexVentures(ctx, n)
	}
	return ann, anchors, err == nil, d.Wrap("read index", err)
}

func (d *DB) indexEntities(ctx context.Context, n int64, anchors map[string]string) ([]model.Entity, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT eid, kind, subkind, text, canonical, cue, value, unit, per, anchor, meta,
		mentions FROM idx_entities WHERE article = ? ORDER BY ord`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.Entity{}
	for rows.Next() {
		var e model.Entity
		var kind, subkind, anchor, meta string
		var mentions []byte
		if err := rows.Scan(&e.ID, &kind, &subkind, &e.Text, &e.Canonical, &e.Cue, &e.Value, &e.Unit, &e.Per, &anchor,
			&meta, &mentions); err != nil {
			return nil, err
		}
		e.Kind, e.Subkind = model.EntityKind(kind), model.FigureKind(subkind)
		e.Mentions = blobSpans(mentions, -1)
		e.MetaMentions = []model.MetaMention{}
		if meta != "" {
			json.Unmarshal([]byte(meta), &e.MetaMentions)
		}
		if anchor != "" {
			anchors[e.ID] = anchor
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (d *DB) indexQuotes(ctx context.Context, n int64) ([]model.Quote, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT speaker, speaker_id, start_byte, end_byte, text FROM idx_quotes
		WHERE article = ? ORDER BY ord`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.Quote{}
	for rows.Next() {
		var q model.Quote
		if err := rows.Scan(&q.Speaker, &q.SpeakerID, &q.Start, &q.End, &q.Text); err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

func (d *DB) indexVentures(ctx context.Context, n int64) ([]model.Venture, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT kind, status, name, parties, party_ids, amounts, stake, location,
		headcount, timeframe, summary, evidence FROM idx_ventures WHERE article = ? ORDER BY ord`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.Venture{}
	for rows.Next() {
		var v model.Venture
		var kind, parties, ids, amounts string
		var evidence []byte
		if err := rows.Scan(&kind, &v.Status, &v.Name, &parties, &ids, &amounts, &v.Stake, &v.Location, &v.Headcount,
			&v.Timeframe, &v.Summary, &evidence); err != nil {
			return nil, err
		}
		v.Kind = model.VentureKind(kind)
		v.Parties, v.PartyIDs, v.Amounts = splitList(parties), splitList(ids), splitList(amounts)
		v.Evidence = blobSpans(evidence, -1)
		out = append(out, v)
	}
	return out, rows.Err()
}

// IndexVentureRow is one venture of the library with its article, as the
// deal tracker reads it: no evidence beyond the first span.
type IndexVentureRow struct {
	ArticleID, Title, Source, URL, Path string
	Ord                                 int
	// Date is the article's date, else when it was first indexed.
	Date               time.Time
	Kind, Status, Name string
	Parties, Anchors   []string
	Amounts            []string
	AmountUSD          float64
	Stake, Location    string
	Summary            string
	Evidence           model.Span // the first evidence span
	HasEvidence        bool
}

// rowsQuerier is a *sql.DB or a *sql.Tx.
type rowsQuerier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// IndexDealData reads, in one read transaction (so that they agree), the
// index's generation, every venture oldest first, and the summed identity
// evidence: all the deal tracker needs.
func (d *DB) IndexDealData(ctx context.Context) (gen int64, ventures []IndexVentureRow, keys []IndexKey, err error) {
	tx, err := d.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, nil, nil, d.Wrap("read index", err)
	}
	defer tx.Rollback()
	if err = tx.QueryRowContext(ctx, `SELECT value FROM idx_meta WHERE key = 'generation'`).Scan(&gen); err != nil {
		return 0, nil, nil, d.Wrap("read index", err)
	}
	if ventures, err = d.indexVentureRows(ctx, tx, time.Time{}); err != nil {
		return 0, nil, nil, err
	}
	keys, err = d.indexKeyCounts(ctx, tx)
	return gen, ventures, keys, err
}

// IndexVentures lists every venture dated since since (zero: all), oldest
// first.
func (d *DB) IndexVentures(ctx context.Context, since time.Time) ([]IndexVentureRow, error) {
	return d.indexVentureRows(ctx, d.sql, since)
}

func (d *DB) indexVentureRows(ctx context.Context, q rowsQuerier, since time.Time) ([]IndexVentureRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.title, a.source, a.url, a.path, v.ord, v.date, v.kind, v.status,
		v.name, v.parties, v.anchors, v.amounts, v.amount_usd, v.stake, v.location, v.summary, v.evidence
		FROM idx_ventures v JOIN idx_articles a ON a.n = v.article WHERE v.date >= ? ORDER BY v.date, a.n, v.ord`,
		idxTime(since))
	if err != nil {
		return nil, d.Wrap("read ventures", err)
	}
	defer rows.Close()
	var out []IndexVentureRow
	for rows.Next() {
		var r IndexVentureRow
		var date, parties, anchors, amounts string
		var evidence []byte
		if err := rows.Scan(&r.ArticleID, &r.Title, &r.Source, &r.URL, &r.Path, &r.Ord, &date, &r.Kind, &r.Status,
			&r.Name, &parties, &anchors, &amounts, &r.AmountUSD, &r.Stake, &r.Location, &r.Summary, &evidence); err != nil {
			return nil, d.Wrap("read ventures", err)
		}
		r.Date = idxParseTime(date)
		r.Parties, r.Anchors, r.Amounts = splitList(parties), splitList(anchors), splitList(amounts)
		if ev := blobSpans(evidence, 1); len(ev) == 1 {
			r.Evidence, r.HasEvidence = ev[0], true
		}
		out = append(out, r)
	}
	return out, d.Wrap("read ventures", rows.Err())
}

// IndexKeyCounts lists the identity evidence of the whole library, summed.
func (d *DB) IndexKeyCounts(ctx context.Context) ([]IndexKey, error) {
	return d.indexKeyCounts(ctx, d.sql)
}

func (d *DB) indexKeyCounts(ctx context.Context, q rowsQuerier) ([]IndexKey, error) {
	rows, err := q.QueryContext(ctx, `SELECT key, anchor, n FROM idx_key_counts`)
	if err != nil {
		return nil, d.Wrap("read index keys", err)
	}
	defer rows.Close()
	var out []IndexKey
	for rows.Next() {
		var k IndexKey
		if err := rows.Scan(&k.Key, &k.Anchor, &k.N); err != nil {
			return nil, d.Wrap("read index keys", err)
		}
		out = append(out, k)
	}
	return out, d.Wrap("read index keys", rows.Err())
}

// IndexGeneration is a number that changes whenever the index is written
// (by any process): what was derived from it under another number is stale.
func (d *DB) IndexGeneration(ctx context.Context) (int64, error) {
	var g int64
	err := d.sql.QueryRowContext(ctx, `SELECT value FROM idx_meta WHERE key = 'generation'`).Scan(&g)
	return g, d.Wrap("read index", err)
}

// IndexRemove deletes the articles with ids and all their rows, and
// returns how many there were.
func (d *DB) IndexRemove(ctx context.Context, ids []string) (int, error) {
	var n int64
	err := d.Write(ctx, "remove from index", func(tx *sql.Tx) error {
		n = 0
		for _, id := range ids {
			r, err := tx.ExecContext(ctx, `DELETE FROM idx_articles WHERE id = ?`, id)
			if err != nil {
				return err
			}
			k, _ := r.RowsAffected()
			n += k
		}
		if n == 0 {
			return nil
		}
		return bumpGeneration(ctx, tx)
	})
	return int(n), err
}

// IndexHit is one full-text match: the article, its bm25 rank (lower is
// better), its sentences and body, and the byte spans of the body that
// matched (empty when only the title did).
type IndexHit struct {
	ID, Title, Source, URL, Path string
	Date                         time.Time
	Rank                         float64
	Body                         string
	Sentences                    []model.Span
	Matches                      []model.Span
}

// Highlight markers: control bytes, which sanitised text never holds.
const (
	markOpen  = "\x01"
	markClose = "\x02"
)

// IndexSearch runs an FTS5 query (match, already in FTS5 syntax) and
// returns the best limit articles, best first. A query FTS5 cannot parse
// gives an error wrapping the driver's message.
func (d *DB) IndexSearch(ctx context.Context, match string, limit int) ([]IndexHit, error) {
	rows, err := d.sql.QueryContext(ctx, `WITH m AS (
			SELECT rowid AS n, rank, highlight(idx_fts, 1, char(1), char(2)) AS marked
			FROM idx_fts WHERE idx_fts MATCH ? ORDER BY rank LIMIT ?)
		SELECT a.id, a.title, a.source, a.date, a.url, a.path, m.rank, m.marked, a.sentences
		FROM m JOIN idx_articles a ON a.n = m.n ORDER BY m.rank`, match, limit)
	if err != nil {
		return nil, d.Wrap("search", err)
	}
	defer rows.Close()
	var out []IndexHit
	for rows.Next() {
		var h IndexHit
		var date, marked string
		var sents []byte
		if err := rows.Scan(&h.ID, &h.Title, &h.Source, &date, &h.URL, &h.Path, &h.Rank, &marked, &sents); err != nil {
			return nil, d.Wrap("search", err)
		}
		h.Date = idxParseTime(date)
		h.Body, h.Matches = unmark(marked)
		h.Sentences = blobSpans(sents, -1)
		out = append(out, h)
	}
	return out, d.Wrap("search", rows.Err())
}

// unmark removes highlight's markers and returns the text and the byte
// spans (into the text without markers) they enclosed.
func unmark(s string) (string, []model.Span) {
	if !strings.Contains(s, markOpen) {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	var spans []model.Span
	start := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case markOpen[0]:
			start = b.Len()
		case markClose[0]:
			if start >= 0 {
				spans = append(spans, model.Span{Start: start, End: b.Len()})
				start = -1
			}
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), spans
}

// IndexCheck runs SQLite's and FTS5's integrity checks on the index and
// compares idx_key_counts with the evidence it sums; it returns the first
// problem found.
func (d *DB) IndexCheck(ctx context.Context) error {
	var res string
	if err := d.sql.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return d.Wrap("check index", err)
	}
	if res != "ok" {
		return errors.New("integrity_check: " + res)
	}
	if _, err := d.sql.ExecContext(ctx, `INSERT INTO idx_fts(idx_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		return d.Wrap("check full-text index", err)
	}
	var bad int
	err := d.sql.QueryRowContext(ctx, `WITH sums AS (SELECT key, anchor, count(*) AS n FROM idx_keys GROUP BY key, anchor)
		SELECT (SELECT count(*) FROM (SELECT * FROM sums EXCEPT SELECT key, anchor, n FROM idx_key_counts))
			+ (SELECT count(*) FROM (SELECT key, anchor, n FROM idx_key_counts EXCEPT SELECT * FROM sums))`).Scan(&bad)
	if err != nil {
		return d.Wrap("check index", err)
	}
	if bad > 0 {
		return errors.New("idx_key_counts differs from idx_keys in " + strconv.Itoa(bad) + " rows")
	}
	return nil
}
