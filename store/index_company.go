package store

import (
	"context"
	"database/sql"
	"time"

	"newsmark/model"
)

// The index's reads for company pages and the daily brief: the mentions
// of a company's anchors across the library, the details of a set of
// articles (text, names, quotes, roles, ventures), and the articles of a
// period. Sets of articles and anchors are passed as one JSON array
// (json_each), so a set of any size is one statement.

// IndexArticleRef is an indexed article's row number and metadata, without
// its text.
type IndexArticleRef struct {
	N                                   int64
	ArticleID, Title, Source, URL, Path string
	// Date is the article's date, else when it was first indexed.
	Date time.Time
}

// IndexMention is a company entity of one article, found by its anchor,
// with its article.
type IndexMention struct {
	IndexArticleRef
	EntityID, Text, Canonical, Anchor string
	Mentions                          []model.Span
	MetaMentions                      int // how many times the title, caption or byline name it
}

// refCols are an IndexArticleRef's columns of idx_articles a.
const refCols = `a.n, a.id, a.title, a.source, ` + `(CASE WHEN a.date != '' THEN a.date ELSE a.seen END)` + `, a.url, a.path`

func scanRef(r *IndexArticleRef, date *string) []any {
	return []any{&r.N, &r.ArticleID, &r.Title, &r.Source, date, &r.URL, &r.Path}
}

// anchorMentionsQuery finds the entities of a set of articles by primary
// key, keeps those of the anchors, and reads their articles by row number.
const anchorMentionsQuery = `SELECT ` + refCols + `, e.eid, e.text, e.canonical, e.anchor, e.mentions, e.meta
	FROM idx_entities e JOIN idx_articles a ON a.n = e.article
	WHERE e.article IN (SELECT value FROM json_each(?2)) AND e.anchor IN (SELECT value FROM json_each(?1))`

// IndexAnchorMentions lists the company entities of the articles ns
// whose anchor is one of anchors, each with its article, in no particular
// order.
func (d *DB) IndexAnchorMentions(ctx context.Context, anchors []string, ns []int64) ([]IndexMention, error) {
	if len(anchors) == 0 || len(ns) == 0 {
		return nil, nil
	}
	rows, err := d.sql.QueryContext(ctx, anchorMentionsQuery, jsonText(anchors), jsonText(ns))
	if err != nil {
		return nil, d.Wrap("read index", err)
	}
	return d.scanMentions(rows)
}

// scanMentions reads rows of refCols followed by an entity's id, text,
// canonical name, anchor, mention spans and meta, and closes them.
func (d *DB) scanMentions(rows *sql.Rows) ([]IndexMention, error) {
	defer rows.Close()
	var out []IndexMention
	for rows.Next() {
		var m IndexMention
		var date, meta string
		var mentions []byte
		args := append(scanRef(&m.IndexArticleRef, &date), &m.EntityID, &m.Text, &m.Canonical, &m.Anchor, &mentions, &meta)
		if err := rows.Scan(args...); err != nil {
			return nil, d.Wrap("read index", err)
		}
		m.Date = idxParseTime(date)
		m.Mentions = blobSpans(mentions, -1)
		if meta != "" {
			m.MetaMentions = countMeta(meta)
		}
		out = append(out, m)
	}
	return out, d.Wrap("read index", rows.Err())
}

// IndexDated is an article's row number and date (its own, else when it
// was first indexed).
type IndexDated struct {
	N    int64
	Date time.Time
}

// anchorArticles is the set of articles with an entity of one of the
// anchors (?1, a JSON list), from the anchor index alone.
const anchorArticles = `SELECT article FROM idx_entities INDEXED BY idx_entities_anchor
	WHERE anchor != '' AND anchor IN (SELECT value FROM json_each(?1))`

// Queries on a company's articles in a period [?2, ?3): they read two
// covering indexes, never the rows, which hold the bodies (a company named
// in most of a library would cost a read of each). The dated index is
// walked from the newest (or the oldest) end and stops at the limit.
const (
	anchorDatedWhere = `FROM idx_articles INDEXED BY idx_articles_dated WHERE n IN (` + anchorArticles + `)
		AND ` + articleDated + ` >= ?2 AND ` + articleDated + ` < ?3`
	anchorNewestQuery = `SELECT n, ` + articleDated + ` ` + anchorDatedWhere + ` ORDER BY ` + articleDated + ` DESC, n DESC LIMIT ?4`
	anchorOldestQuery = `SELECT ` + articleDated + ` ` + anchorDatedWhere + ` ORDER BY ` + articleDated + ` LIMIT 1`
	anchorCountQuery  = `SELECT count(*) ` + anchorDatedWhere
)

// IndexAnchorDated reads, in one read transaction, the articles with an
// entity whose anchor is one of anchors, dated in [since, until) (a zero
// until is open): the newest limit of them (all when limit <= 0), newest
// first, how many there are, and the oldest one's date.
func (d *DB) IndexAnchorDated(ctx context.Context, anchors []string, since, until time.Time, limit int) (
	newest []IndexDated, total int, oldest time.Time, err error) {
	if len(anchors) == 0 {
		return nil, 0, time.Time{}, nil
	}
	tx, err := d.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, time.Time{}, d.Wrap("read index", err)
	}
	defer tx.Rollback()
	end := "\uffff"
	if !until.IsZero() {
		end = idxTime(until)
	}
	args := []any{jsonText(anchors), idxTime(since), end}
	if err := tx.QueryRowContext(ctx, anchorCountQuery, args...).Scan(&total); err != nil {
		return nil, 0, time.Time{}, d.Wrap("read index", err)
	}
	if total == 0 {
		return nil, 0, time.Time{}, nil
	}
	var first string
	if err := tx.QueryRowContext(ctx, anchorOldestQuery, args...).Scan(&first); err != nil {
		return nil, 0, time.Time{}, d.Wrap("read index", err)
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := tx.QueryContext(ctx, anchorNewestQuery, append(args, limit)...)
	if err != nil {
		return nil, 0, time.Time{}, d.Wrap("read index", err)
	}
	defer rows.Close()
	for rows.Next() {
		var x IndexDated
		var date string
		if err := rows.Scan(&x.N, &date); err != nil {
			return nil, 0, time.Time{}, d.Wrap("read index", err)
		}
		x.Date = idxParseTime(date)
		newest = append(newest, x)
	}
	return newest, total, idxParseTime(first), d.Wrap("read index", rows.Err())
}

// IndexAnchorHit is an article with an entity of an anchor.
type IndexAnchorHit struct {
	N      int64
	Anchor string
}

// anchorHitsQuery lists articles by anchor from the anchor index alone.
const anchorHitsQuery = `SELECT DISTINCT article, anchor FROM idx_entities INDEXED BY idx_entities_anchor
	WHERE anchor != '' AND anchor IN (SELECT value FROM json_each(?1))`

// IndexAnchorHits lists every article with an entity whose anchor is one
// of anchors, with that anchor (an article with two comes twice).
func (d *DB) IndexAnchorHits(ctx context.Context, anchors []string) ([]IndexAnchorHit, error) {
	if len(anchors) == 0 {
		return nil, nil
	}
	rows, err := d.sql.QueryContext(ctx, anchorHitsQuery, jsonText(anchors))
	if err != nil {
		return nil, d.Wrap("read index", err)
	}
	defer rows.Close()
	var out []IndexAnchorHit
	for rows.Next() {
		var h IndexAnchorHit
		if err := rows.Scan(&h.N, &h.Anchor); err != nil {
			return nil, d.Wrap("read index", err)
		}
		out = append(out, h)
	}
	return out, d.Wrap("read index", rows.Err())
}

// IndexRowNumbers maps the article IDs the index holds among ids to their
// row numbers (from the index on id alone).
func (d *DB) IndexRowNumbers(ctx context.Context, ids []string) (map[string]int64, error) {
	out := make(map[string]int64, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := d.sql.QueryContext(ctx, `SELECT id, n FROM idx_articles WHERE id IN (SELECT value FROM json_each(?))`, jsonText(ids))
	if err != nil {
		return nil, d.Wrap("read index", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var n int64
		if err := rows.Scan(&id, &n); err != nil {
			return nil, d.Wrap("read index", err)
		}
		out[id] = n
	}
	return out, d.Wrap("read index", rows.Err())
}

// countMeta counts the meta mentions of a JSON list without decoding it.
func countMeta(meta string) int {
	n := 0
	for i := 0; i < len(meta); i++ {
		if meta[i] == '{' {
			n++
		}
	}
	return n
}

// IndexName is a person or company entity of an article.
type IndexName struct {
	Article                 int64 // set by IndexCompanyNames only
	EntityID                string
	Kind                    model.EntityKind
	Text, Canonical, Anchor string
	Mentions                []model.Span
}

// Name is the entity's display name: canonical if known, else its text.
func (n IndexName) Name() string {
	if n.Canonical != "" {
		return n.Canonical
	}
	return n.Text
}

// IndexDetail is what a company page reads of one article beyond its
// metadata.
type IndexDetail struct {
	Body      string
	Sentences []model.Span
	// HasRoles says the annotator looked for roles: Roles is the text's
	// own word, even when empty.
	HasRoles bool
	Names    []IndexName // people and companies, in the annotations' order
	Quotes   []model.Quote
	Roles    []model.Role
	Ventures []IndexVentureRow
}

// IndexDetails reads, in one read transaction, the details of the
// articles with row numbers ns.
func (d *DB) IndexDetails(ctx context.Context, ns []int64) (map[int64]*IndexDetail, error) {
	out := make(map[int64]*IndexDetail, len(ns))
	if len(ns) == 0 {
		return out, nil
	}
	tx, err := d.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, d.Wrap("read index", err)
	}
	defer tx.Rollback()
	set := jsonText(ns)
	get := func(n int64) *IndexDetail {
		if out[n] == nil {
			out[n] = &IndexDetail{}
		}
		return out[n]
	}
	each := func(query string, scan func(rows *sql.Rows) error) error {
		rows, err := tx.QueryContext(ctx, query, set)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	in := ` IN (SELECT value FROM json_each(?))`
	err = each(`SELECT n, sentences, body, roles FROM idx_articles WHERE n`+in, func(rows *sql.Rows) error {
		var n int64
		var sents []byte
		var body string
		var roles bool
		if err := rows.Scan(&n, &sents, &body, &roles); err != nil {
			return err
		}
		dt := get(n)
		dt.Body, dt.HasRoles = body, roles
		if len(sents) > 0 {
			dt.Sentences = blobSpans(sents, -1)
		}
		return nil
	})
	if err == nil {
		err = each(`SELECT article, eid, kind, text, canonical, anchor, mentions FROM idx_entities
			WHERE article`+in+` AND kind IN ('person', 'company') ORDER BY article, ord`, func(rows *sql.Rows) error {
			var n int64
			var e IndexName
			var kind string
			var mentions []byte
			if err := rows.Scan(&n, &e.EntityID, &kind, &e.Text, &e.Canonical, &e.Anchor, &mentions); err != nil {
				return err
			}
			e.Kind, e.Mentions = model.EntityKind(kind), blobSpans(mentions, -1)
			dt := get(n)
			dt.Names = append(dt.Names, e)
			return nil
		})
	}
	if err == nil {
		err = each(`SELECT article, speaker, speaker_id, start_byte, end_byte, text FROM idx_quotes
			WHERE article`+in+` ORDER BY article, ord`, func(rows *sql.Rows) error {
			var n int64
			var q model.Quote
			if err := rows.Scan(&n, &q.Speaker, &q.SpeakerID, &q.Start, &q.End, &q.Text); err != nil {
				return err
			}
			dt := get(n)
			dt.Quotes = append(dt.Quotes, q)
			return nil
		})
	}
	if err == nil {
		var roles map[int64][]model.Role
		if roles, err = d.indexRoles(ctx, tx, ns); err == nil {
			for n, rs := range roles {
				get(n).Roles = rs
			}
		}
	}
	if err == nil {
		err = each(`SELECT article, card FROM idx_ventures WHERE article`+in+` ORDER BY article, ord`, func(rows *sql.Rows) error {
			var n int64
			var card []byte
			if err := rows.Scan(&n, &card); err != nil {
				return err
			}
			if r, ok := ventureRow(card); ok {
				dt := get(n)
				dt.Ventures = append(dt.Ventures, r)
			}
			return nil
		})
	}
	if err != nil {
		return nil, d.Wrap("read index", err)
	}
	return out, nil
}

// indexRoles reads the roles of the articles ns, in their order.
func (d *DB) indexRoles(ctx context.Context, q rowsQuerier, ns []int64) (map[int64][]model.Role, error) {
	rows, err := q.QueryContext(ctx, `SELECT article, person, person_id, company, company_id, title, start_byte, end_byte
		FROM idx_roles WHERE article IN (SELECT value FROM json_each(?)) ORDER BY article, ord`, jsonText(ns))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]model.Role{}
	for rows.Next() {
		var n int64
		var r model.Role
		if err := rows.Scan(&n, &r.Person, &r.PersonID, &r.Company, &r.CompanyID, &r.Title, &r.Evidence.Start,
			&r.Evidence.End); err != nil {
			return nil, err
		}
		out[n] = append(out[n], r)
	}
	return out, rows.Err()
}

// datedQuery lists the articles dated in [since, until), by the dated
// index (articleDated).
const datedQuery = `SELECT n FROM idx_articles INDEXED BY idx_articles_dated
	WHERE ` + articleDated + ` >= ?1 AND ` + articleDated + ` < ?2`

// IndexPeriod lists the articles dated (their date, else when they were
// first indexed) in [since, until) — a zero until is open — with the
// company entities each names.
func (d *DB) IndexPeriod(ctx context.Context, since, until time.Time) ([]IndexMention, error) {
	end := "\uffff"
	if !until.IsZero() {
		end = idxTime(until)
	}
	rows, err := d.sql.QueryContext(ctx, `WITH p AS (`+datedQuery+`)
		SELECT `+refCols+`, coalesce(e.eid, ''), coalesce(e.text, ''), coalesce(e.canonical, ''), coalesce(e.anchor, ''),
			e.mentions, coalesce(e.meta, '')
		FROM p JOIN idx_articles a ON a.n = p.n
		LEFT JOIN idx_entities e ON e.article = p.n AND e.anchor != ''`, idxTime(since), end)
	if err != nil {
		return nil, d.Wrap("read index", err)
	}
	return d.scanMentions(rows)
}

// IndexCompanyNames lists every company entity's anchor and names across
// the library, one row per entity (the company lookup of `newsmark
// company NAME` reads it).
func (d *DB) IndexCompanyNames(ctx context.Context) ([]IndexName, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT article, anchor, text, canonical FROM idx_entities WHERE anchor != ''`)
	if err != nil {
		return nil, d.Wrap("read index", err)
	}
	defer rows.Close()
	var out []IndexName
	for rows.Next() {
		e := IndexName{Kind: model.Company}
		if err := rows.Scan(&e.Article, &e.Anchor, &e.Text, &e.Canonical); err != nil {
			return nil, d.Wrap("read index", err)
		}
		out = append(out, e)
	}
	return out, d.Wrap("read index", rows.Err())
}
