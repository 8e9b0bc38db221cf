package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"newsmark/model"
	"strings"
	"time"
)

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
