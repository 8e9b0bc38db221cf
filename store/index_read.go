package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"newsmark/model"
	"slices"
	"strconv"
	"strings"
	"time"
)

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
		rows, err := d.sql.QueryContext(ctx, `SELECT id, hash, version, seen, `+redoCol+` FROM idx_articles WHERE id IN (?`+
			strings.Repeat(", ?", len(part)-1)+`)`, args...)
		if err != nil {
			return nil, d.Wrap("read index", err)
		}
		for rows.Next() {
			var id, seen string
			var st IndexState
			if err := rows.Scan(&id, &st.Hash, &st.Version, &seen, &st.Redo); err != nil {
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
	// The articles of version a correction marked for re-annotation.
	redoCountQuery = `SELECT count(*) FROM idx_redo JOIN idx_articles ON n = article WHERE version = ?`
	// redoCol says whether the article of the row has a mark.
	redoCol = `EXISTS (SELECT 1 FROM idx_redo WHERE article = n)`
	// "version != ?" as two ranges of the version index, oldest first.
	// The rowid of the window-th newest match (see IndexSearch).
	searchWindowQuery = `SELECT rowid FROM idx_fts WHERE idx_fts MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2`
	staleQuery        = `SELECT ` + readCols + ` FROM idx_articles WHERE n IN (
		SELECT n FROM (
			SELECT n FROM idx_articles INDEXED BY idx_articles_version WHERE version < ?1
			UNION SELECT n FROM idx_articles INDEXED BY idx_articles_version WHERE version > ?1
			UNION SELECT article FROM idx_redo)
		ORDER BY n LIMIT ?2) ORDER BY n`
)

// IndexCounts counts the indexed articles and the stale ones: those whose
// rows were made by another annotator version than version, or that a
// correction marked for re-annotation.
func (d *DB) IndexCounts(ctx context.Context, version string) (total, stale int, err error) {
	if err := d.sql.QueryRowContext(ctx, redoCountQuery, version).Scan(&stale); err != nil {
		return 0, 0, d.Wrap("read index", err)
	}
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

// IndexStale returns up to limit stale articles (see IndexCounts), in the
// order they were first indexed.
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
const readCols = `id, title, source, date, seen, url, path, hash, version, ` + redoCol + `, caption, authors,
	contributors, tags, links, paragraphs, sentences, body`

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
		if err := rows.Scan(&a.ID, &a.Title, &a.Source, &date, &seen, &a.URL, &a.Path, &s.Hash, &s.Version, &s.Redo, &a.Caption,
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
	var hasRoles bool
	err = d.sql.QueryRowContext(ctx, `SELECT n, figures, roles FROM idx_articles WHERE id = ?`, id).Scan(&n, &figures, &hasRoles)
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
	if err == nil && hasRoles {
		var roles map[int64][]model.Role
		roles, err = d.indexRoles(ctx, d.sql, []int64{n})
		ann.Roles = append([]model.Role{}, roles[n]...)
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
	rows, err := d.sql.QueryContext(ctx, `SELECT speaker, speaker_id, start_byte, end_byte, text, cue FROM idx_quotes
		WHERE article = ? ORDER BY ord`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.Quote{}
	for rows.Next() {
		var q model.Quote
		if err := rows.Scan(&q.Speaker, &q.SpeakerID, &q.Start, &q.End, &q.Text, &q.Cue); err != nil {
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
			Summary: f[cardSummary], Evidence: blobSpans([]byte(f[cardEvidence]), -1), Cue: f[cardCue],
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
		if r, ok := ventureRow(card); ok {
			out = append(out, r)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, d.Wrap("read ventures", err)
	}
	return sortVentureRows(out), nil
}

// ventureRow unpacks a venture card as the deal tracker reads it.
func ventureRow(card []byte) (IndexVentureRow, bool) {
	f, usd, ok := readCard(card)
	if !ok {
		return IndexVentureRow{}, false
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
	return r, true
}

// sortVentureRows orders venture rows oldest first (stable).
func sortVentureRows(out []IndexVentureRow) []IndexVentureRow {
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
	return sorted
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
