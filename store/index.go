package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
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
	// IfHash, when set, writes the doc only while the stored article still
	// has that hash, so that a rebuild never undoes a newer Add.
	IfHash string
	// ReplacePath deletes the other articles with the same Path: a file
	// whose text changed has a new ID.
	ReplacePath bool
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
	entity, quote, venture, dated                   *sql.Stmt
	clear                                           []*sql.Stmt
	counts                                          map[[2]string]int // (key, anchor) → change
	// pending are the articles inserted but not yet in idx_fts.
	pending []int64
}

const articleCols = `id, title, source, date, seen, url, path, hash, version, caption, authors, contributors, tags, links,
	figures, paragraphs, sentences, body`

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
	w.state = prep(`SELECT n, hash, version FROM idx_articles WHERE id = ?`)
	w.insert = prep(`INSERT INTO idx_articles(` + articleCols + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.update = prep(`UPDATE idx_articles SET title = ?, source = ?, date = ?, url = ?, path = ?, hash = ?, version = ?,
		caption = ?, authors = ?, contributors = ?, tags = ?, links = ?, figures = ?, paragraphs = ?, sentences = ?, body = ?
		WHERE n = ?`)
	w.version = prep(`UPDATE idx_articles SET version = ?, figures = ? WHERE n = ?`)
	w.byPath = prep(byPathQuery)
	w.oldKeys = prep(`SELECT anchor, keys FROM idx_entities WHERE article = ? AND keys != ''`)
	w.entity = prep(`INSERT INTO idx_entities(article, ord, eid, kind, subkind, text, canonical, cue, value, unit, per,
		anchor, keys, meta, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.quote = prep(`INSERT INTO idx_quotes(article, ord, speaker, speaker_id, start_byte, end_byte, text)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	w.venture = prep(`INSERT INTO idx_ventures(article, ord, date, kind, anchors, amount_usd, card)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	w.dated = prep(`SELECT CASE WHEN date != '' THEN date ELSE seen END FROM idx_articles WHERE n = ?`)
	for _, t := range []string{"idx_entities", "idx_quotes", "idx_ventures"} {
		w.clear = append(w.clear, prep(`DELETE FROM `+t+` WHERE article = ?`))
	}
	if err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *indexWriter) close() {
	for _, s := range append([]*sql.Stmt{w.state, w.insert, w.update, w.version, w.byPath, w.oldKeys, w.entity,
		w.quote, w.venture, w.dated}, w.clear...) {
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
	switch {
	case !found:
		r, err := w.insert.ExecContext(w.ctx, a.ID, a.Title, a.Source, idxTime(a.Date), idxTime(seen), a.URL, a.Path,
			doc.Hash, doc.Version, a.Caption, joinList(a.Authors), joinList(a.Contributors), joinList(a.Tags),
			jsonText(a.Links), figures, paras, sents, a.Body)
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
			figures, paras, sents, a.Body, n); err != nil {
			return err
		}
		res.Updated++
	default:
		if _, err := w.version.ExecContext(w.ctx, doc.Version, figures, n); err != nil {
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
	return w.children(n, doc)
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
		if _, err := w.quote.ExecContext(ctx, n, i, q.Speaker, q.SpeakerID, q.Start, q.End, q.Text); err != nil {
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

// Fields of a venture card, in order. Lists are joined by listSep; the
// evidence is a spanBlob; the amount is 8 bytes.
const (
	cardArticleID = iota
	cardTitle
	cardSource
	cardURL
	cardPath
	cardDate
	cardKind
	cardStatus
	cardName
	cardParties
	cardPartyIDs
	cardAnchors
	cardAmounts
	cardStake
	cardLocation
	cardHeadcount
	cardTimeframe
	cardSummary
	cardEvidence
	cardOrd
	cardFields
)

// ventureCard packs a venture with what the deal tracker shows of its
// article: each field length-prefixed, then the amount in dollars.
func ventureCard(a *model.Article, date string, ord int, v *IndexVenture) []byte {
	f := [cardFields]string{
		cardArticleID: a.ID, cardTitle: a.Title, cardSource: a.Source, cardURL: a.URL, cardPath: a.Path, cardDate: date,
		cardKind: string(v.Kind), cardStatus: v.Status, cardName: v.Name, cardParties: joinList(v.Parties),
		cardPartyIDs: joinList(v.PartyIDs), cardAnchors: joinList(v.Anchors), cardAmounts: joinList(v.Amounts),
		cardStake: v.Stake, cardLocation: v.Location, cardHeadcount: v.Headcount, cardTimeframe: v.Timeframe,
		cardSummary: v.Summary, cardEvidence: string(spanBlob(v.Evidence)), cardOrd: strconv.Itoa(ord),
	}
	n := 8
	for _, s := range f {
		n += len(s) + 2
	}
	b := make([]byte, 0, n)
	for _, s := range f {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.AmountUSD))
}

// readCard unpacks ventureCard; ok is false for a damaged card. The
// strings share one copy of the card.
func readCard(card []byte) (f [cardFields]string, usd float64, ok bool) {
	s := string(card)
	for i := range f {
		l, n := binary.Uvarint(card)
		if n <= 0 || uint64(len(card)-n) < l {
			return f, 0, false
		}
		start := len(s) - len(card) + n
		f[i] = s[start : start+int(l)]
		card = card[n+int(l):]
	}
	if len(card) < 8 {
		return f, 0, false
	}
	return f, math.Float64frombits(binary.LittleEndian.Uint64(card)), true
}

// figureBlob packs the figures of entities (with their place in the list):
// a count, then per figure its place, its strings (length-prefixed), its
// value (8 bytes) and its mentions (spanBlob, length-prefixed). About 30
// bytes a figure, where a row costs a hundred and a write of its own.
func figureBlob(entities []IndexEntity) []byte {
	var b []byte
	count := 0
	for i := range entities {
		e := &entities[i].Entity
		if !packed(e) {
			continue
		}
		count++
		b = binary.AppendUvarint(b, uint64(i))
		meta := ""
		if len(e.MetaMentions) > 0 {
			meta = jsonText(e.MetaMentions)
		}
		for _, s := range []string{e.ID, string(e.Kind), string(e.Subkind), e.Text, e.Canonical, e.Cue, e.Unit, e.Per, meta} {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(e.Value))
		m := spanBlob(e.Mentions)
		b = binary.AppendUvarint(b, uint64(len(m)))
		b = append(b, m...)
	}
	if count == 0 {
		return nil
	}
	return append(binary.AppendUvarint(nil, uint64(count)), b...)
}

// placedEntity is an entity with its place in the annotation's list.
type placedEntity struct {
	ord int
	e   model.Entity
}

// blobFigures unpacks figureBlob; a damaged blob gives what could be read.
func blobFigures(b []byte) []placedEntity {
	count, n := binary.Uvarint(b)
	if n <= 0 {
		return nil
	}
	b = b[n:]
	uv := func() (uint64, bool) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, false
		}
		b = b[n:]
		return v, true
	}
	str := func() (string, bool) {
		l, ok := uv()
		if !ok || l > uint64(len(b)) {
			return "", false
		}
		s := string(b[:l])
		b = b[l:]
		return s, true
	}
	out := make([]placedEntity, 0, count)
	for range count {
		ord, ok := uv()
		if !ok {
			break
		}
		var f [9]string
		for i := range f {
			if f[i], ok = str(); !ok {
				return out
			}
		}
		if len(b) < 8 {
			return out
		}
		e := model.Entity{ID: f[0], Kind: model.EntityKind(f[1]), Subkind: model.FigureKind(f[2]), Text: f[3],
			Canonical: f[4], Cue: f[5], Unit: f[6], Per: f[7], MetaMentions: []model.MetaMention{}}
		if f[8] != "" {
			json.Unmarshal([]byte(f[8]), &e.MetaMentions)
		}
		e.Value = math.Float64frombits(binary.LittleEndian.Uint64(b))
		b = b[8:]
		m, ok := str()
		if !ok {
			return out
		}
		e.Mentions = blobSpans([]byte(m), -1)
		out = append(out, placedEntity{ord: int(ord), e: e})
	}
	return out
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

// Queries on idx_articles must never scan it: its rows hold the bodies, so
// a scan reads the whole library (TestIndexQueriesUseIndexes checks).
const (
	// path != '' lets SQLite use the partial index on path.
	byPathQuery = `SELECT n FROM idx_articles WHERE path = ? AND path != '' AND id != ?`
	countsQuery = `SELECT version, count(*) FROM idx_articles GROUP BY version`
	// "version != ?" as two ranges of the version index, oldest first.
	// The rowid of the window-th newest match (see IndexSearch).
	searchWindowQuery = `SELECT rowid FROM idx_fts WHERE idx_fts MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2`
	staleQuery        = `SELECT ` + readCols + ` FROM idx_articles WHERE n IN (
		SELECT n FROM (
			SELECT n FROM idx_articles INDEXED BY idx_articles_version WHERE version < ?1
			UNION ALL SELECT n FROM idx_articles INDEXED BY idx_articles_version WHERE version > ?1)
		ORDER BY n LIMIT ?2) ORDER BY n`
)

// IndexCounts counts the indexed articles and those whose rows were made
// by another annotator version than version.
func (d *DB) IndexCounts(ctx context.Context, version string) (total, stale int, err error) {
	rows, err := d.sql.QueryContext(ctx, countsQuery)
	if err != nil {
		return 0, 0, d.Wrap("read index", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v string
		var n int
		if err := rows.Scan(&v, &n); err != nil {
			return 0, 0, d.Wrap("read index", err)
		}
		total += n
		if v != version {
			stale += n
		}
	}
	return total, stale, d.Wrap("read index", rows.Err())
}

// IndexStored is an article as the index keeps it.
type IndexStored struct {
	Article model.Article
	IndexState
}

// IndexStale returns up to limit articles whose rows were made by another
// annotator version than version, in the order they were first indexed.
func (d *DB) IndexStale(ctx context.Context, version string, limit int) ([]IndexStored, error) {
	return d.readArticles(ctx, staleQuery, version, limit)
}

// IndexArticle is the stored article with id; ok is false if there is none.
func (d *DB) IndexArticle(ctx context.Context, id string) (s IndexStored, ok bool, err error) {
	list, err := d.indexArticles(ctx, `WHERE id = ?`, id)
	if err != nil || len(list) == 0 {
		return s, false, err
	}
	return list[0], true, nil
}

// readCols are the columns of an article as IndexStored holds it.
const readCols = `id, title, source, date, seen, url, path, hash, version, caption, authors, contributors, tags, links,
	paragraphs, sentences, body`

func (d *DB) indexArticles(ctx context.Context, where string, args ...any) ([]IndexStored, error) {
	return d.readArticles(ctx, `SELECT `+readCols+` FROM idx_articles `+where, args...)
}

// readArticles runs query, which selects readCols, and reads its rows.
func (d *DB) readArticles(ctx context.Context, query string, args ...any) ([]IndexStored, error) {
	rows, err := d.sql.QueryContext(ctx, query, args...)
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
	var figures []byte
	err = d.sql.QueryRowContext(ctx, `SELECT n, figures FROM idx_articles WHERE id = ?`, id).Scan(&n, &figures)
	if errors.Is(err, sql.ErrNoRows) {
		return ann, nil, false, nil
	}
	if err != nil {
		return ann, nil, false, d.Wrap("read index", err)
	}
	anchors = map[string]string{}
	ann.Entities, err = d.indexEntities(ctx, n, blobFigures(figures), anchors)
	if err == nil {
		ann.Quotes, err = d.indexQuotes(ctx, n)
	}
	if err == nil {
		ann.Ventures, err = d.indexVentures(ctx, n)
	}
	return ann, anchors, err == nil, d.Wrap("read index", err)
}

// indexEntities reads article n's entity rows and puts the packed figures
// back in their places.
func (d *DB) indexEntities(ctx context.Context, n int64, figures []placedEntity, anchors map[string]string) ([]model.Entity, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT ord, eid, kind, subkind, text, canonical, cue, value, unit, per, anchor,
		meta, mentions FROM idx_entities WHERE article = ? ORDER BY ord`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.Entity{}
	fi := 0
	for rows.Next() {
		var ord int
		var e model.Entity
		var kind, subkind, anchor, meta string
		var mentions []byte
		if err := rows.Scan(&ord, &e.ID, &kind, &subkind, &e.Text, &e.Canonical, &e.Cue, &e.Value, &e.Unit, &e.Per, &anchor,
			&meta, &mentions); err != nil {
			return nil, err
		}
		for fi < len(figures) && figures[fi].ord < ord {
			out = append(out, figures[fi].e)
			fi++
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
	for ; fi < len(figures); fi++ {
		out = append(out, figures[fi].e)
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
	rows, err := d.sql.QueryContext(ctx, `SELECT card FROM idx_ventures WHERE article = ? ORDER BY ord`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.Venture{}
	for rows.Next() {
		var card []byte
		if err := rows.Scan(&card); err != nil {
			return nil, err
		}
		f, _, ok := readCard(card)
		if !ok {
			return nil, errors.New("damaged venture card")
		}
		out = append(out, model.Venture{
			Kind: model.VentureKind(f[cardKind]), Status: f[cardStatus], Name: f[cardName],
			Parties: splitList(f[cardParties]), PartyIDs: splitList(f[cardPartyIDs]), Amounts: splitList(f[cardAmounts]),
			Stake: f[cardStake], Location: f[cardLocation], Headcount: f[cardHeadcount], Timeframe: f[cardTimeframe],
			Summary: f[cardSummary], Evidence: blobSpans([]byte(f[cardEvidence]), -1),
		})
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
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
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
	// One column, in key order (article, ord), sorted by date in Go: the
	// database sorting the rows cost more than reading them.
	query := `SELECT card FROM idx_ventures`
	var args []any
	if !since.IsZero() {
		query += ` WHERE date >= ?`
		args = append(args, idxTime(since))
	}
	var count int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM idx_ventures`).Scan(&count); err != nil {
		return nil, d.Wrap("read ventures", err)
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, d.Wrap("read ventures", err)
	}
	defer rows.Close()
	out := make([]IndexVentureRow, 0, count)
	var card sql.RawBytes // readCard copies it once, into one string
	for rows.Next() {
		if err := rows.Scan(&card); err != nil {
			return nil, d.Wrap("read ventures", err)
		}
		f, usd, ok := readCard(card)
		if !ok {
			continue
		}
		ord, _ := strconv.Atoi(f[cardOrd])
		r := IndexVentureRow{ArticleID: f[cardArticleID], Title: f[cardTitle], Source: f[cardSource], URL: f[cardURL],
			Path: f[cardPath], Ord: ord, Date: idxParseTime(f[cardDate]), Kind: f[cardKind], Status: f[cardStatus],
			Name: f[cardName], Parties: splitList(f[cardParties]), Anchors: splitList(f[cardAnchors]),
			Amounts: splitList(f[cardAmounts]), AmountUSD: usd, Stake: f[cardStake], Location: f[cardLocation],
			Summary: f[cardSummary]}
		if ev := blobSpans([]byte(f[cardEvidence]), 1); len(ev) == 1 {
			r.Evidence, r.HasEvidence = ev[0], true
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, d.Wrap("read ventures", err)
	}
	// Sort positions, not the rows themselves (they are large).
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return out[i].Date.Compare(out[j].Date) })
	sorted := make([]IndexVentureRow, len(out))
	for i, j := range order {
		sorted[i] = out[j]
	}
	return sorted, nil
}

// IndexVentureSpan is the dates of the oldest and the newest venture.
func (d *DB) IndexVentureSpan(ctx context.Context) (oldest, newest time.Time, err error) {
	var lo, hi sql.NullString
	err = d.sql.QueryRowContext(ctx, `SELECT min(date), max(date) FROM idx_ventures`).Scan(&lo, &hi)
	return idxParseTime(lo.String), idxParseTime(hi.String), d.Wrap("read ventures", err)
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
			err := w.state.QueryRowContext(ctx, id).Scan(&a, new(string), new(string))
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
// returns the best limit articles, best first. When more than window
// articles match (window > 0), only the window most recently indexed of
// them are ranked: bm25 must score every candidate, a few microseconds
// each, and a word in every story would otherwise cost a scan of the
// library. A query FTS5 cannot parse gives an error wrapping the driver's
// message.
func (d *DB) IndexSearch(ctx context.Context, match string, limit, window int) ([]IndexHit, error) {
	from := int64(0)
	if window > 0 {
		err := d.sql.QueryRowContext(ctx, searchWindowQuery, match, window-1).Scan(&from)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, d.Wrap("search", err)
		}
	}
	rows, err := d.sql.QueryContext(ctx, `WITH m AS (
			SELECT rowid AS n, rank, highlight(idx_fts, 1, char(1), char(2)) AS marked
			FROM idx_fts WHERE idx_fts MATCH ? AND rowid >= ? ORDER BY rank LIMIT ?)
		SELECT a.id, a.title, a.source, a.date, a.url, a.path, m.rank, m.marked, a.sentences
		FROM m JOIN idx_articles a ON a.n = m.n ORDER BY m.rank`, match, from, limit)
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

// IndexTermDocs says in how many articles each term occurs (terms as the
// full-text index keeps them: lower case, accents folded); a prefix term
// counts every word it begins, so the answer is an upper bound.
func (d *DB) IndexTermDocs(ctx context.Context, terms []string, prefix []bool) ([]int, error) {
	out := make([]int, len(terms))
	for i, t := range terms {
		var n sql.NullInt64
		var err error
		if i < len(prefix) && prefix[i] {
			err = d.sql.QueryRowContext(ctx, `SELECT sum(doc) FROM idx_fts_vocab WHERE term >= ? AND term < ?`,
				t, t+"\U0010FFFF").Scan(&n)
		} else {
			err = d.sql.QueryRowContext(ctx, `SELECT doc FROM idx_fts_vocab WHERE term = ?`, t).Scan(&n)
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, d.Wrap("search", err)
		}
		out[i] = int(n.Int64)
	}
	return out, nil
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
// compares idx_key_counts with the evidence the entities give; it returns
// the first problem found.
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
	// The counts must be the sums of the evidence the entities give.
	sums := map[[2]string]int{}
	rows, err := d.sql.QueryContext(ctx, `SELECT anchor, keys FROM idx_entities WHERE keys != ''`)
	if err != nil {
		return d.Wrap("check index", err)
	}
	for rows.Next() {
		var anchor, keys string
		if err := rows.Scan(&anchor, &keys); err != nil {
			rows.Close()
			return d.Wrap("check index", err)
		}
		for _, k := range splitList(keys) {
			sums[[2]string{k, anchor}]++
		}
	}
	rows.Close()
	counts, err := d.IndexKeyCounts(ctx)
	if err != nil {
		return err
	}
	for _, c := range counts {
		if sums[[2]string{c.Key, c.Anchor}] != c.N {
			return fmt.Errorf("idx_key_counts says %d for %q → %q, the entities give %d", c.N, c.Key, c.Anchor, sums[[2]string{c.Key, c.Anchor}])
		}
		delete(sums, [2]string{c.Key, c.Anchor})
	}
	for k, n := range sums {
		return fmt.Errorf("idx_key_counts lacks %q → %q, which %d entities give", k[0], k[1], n)
	}
	return nil
}
