package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"newsmark/model"
	"newsmark/sanitize"
)

// m002Feeds is the offline feed cache: one row per subscribed feed (its
// validators for conditional GET and its last error), one per item, and one
// per article body. Items are keyed by (feed, guid); article_id is the
// model.Article ID that highlights refer to, and keys the body (plain text,
// from the feed or the fetched page), which lives in its own table so that
// listing thousands of items never reads article text. authors and links
// are JSON arrays; times are in timeFormat (times.go).
// Items are not deleted with their feed row: removing a feed deletes its
// unread items only.
var m002Feeds = Migration{Version: 2, Name: "feeds", SQL: `
CREATE TABLE feed_state (
	url           TEXT PRIMARY KEY,
	title         TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_error    TEXT NOT NULL DEFAULT '',
	fetched_at    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE feed_items (
	feed       TEXT    NOT NULL,
	guid       TEXT    NOT NULL,
	article_id TEXT    NOT NULL,
	url        TEXT    NOT NULL DEFAULT '',
	title      TEXT    NOT NULL DEFAULT '',
	source     TEXT    NOT NULL DEFAULT '',
	date       TEXT    NOT NULL DEFAULT '',
	dated      INTEGER NOT NULL DEFAULT 0,
	authors    TEXT    NOT NULL DEFAULT '[]',
	summary    TEXT    NOT NULL DEFAULT '',
	read       INTEGER NOT NULL DEFAULT 0,
	fetched_at TEXT    NOT NULL,
	PRIMARY KEY (feed, guid)
);
CREATE INDEX feed_items_article ON feed_items(article_id);
CREATE INDEX feed_items_date ON feed_items(date);
CREATE TABLE feed_articles (
	article_id TEXT PRIMARY KEY,
	body       TEXT NOT NULL,
	links      TEXT NOT NULL DEFAULT '[]'
);
`}

// FeedState is the cached state of one feed.
type FeedState struct {
	URL, Title         string
	ETag, LastModified string // validators for the next conditional GET
	LastError          string // one line; "" when the last refresh worked
	FetchedAt          time.Time
	Items, Unread      int
}

// FeedItem is one cached feed item.
type FeedItem struct {
	Feed, GUID string
	ArticleID  string
	URL, Title string
	Source     string
	Date       time.Time
	Dated      bool // Date came from the feed (else it is the fetch time until the page gives one)
	Authors    []string
	Summary    string
	Body       string // plain text; "" until the page is fetched
	Links      []model.Link
	Read       bool
	Starred    bool // kept whatever the retention (m006)
	FetchedAt  time.Time
}

// Feed is the cached state of the feed at url; ok is false if there is none.
func (d *DB) Feed(ctx context.Context, url string) (fs FeedState, ok bool, err error) {
	list, err := d.feeds(ctx, `WHERE f.url = ?`, url)
	if err != nil || len(list) == 0 {
		return fs, false, err
	}
	return list[0], true, nil
}

// Feeds lists the cached feeds with their item counts, by URL.
func (d *DB) Feeds(ctx context.Context) ([]FeedState, error) {
	return d.feeds(ctx, ``)
}

// FeedStates lists the cached feeds as Feeds does, without their item
// counts (two counts a feed over every item): the reader counts the items
// it lists itself.
func (d *DB) FeedStates(ctx context.Context) ([]FeedState, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT url, title, last_error, fetched_at FROM feed_state ORDER BY url`)
	if err != nil {
		return nil, d.Wrap("read feeds", err)
	}
	defer rows.Close()
	var out []FeedState
	for rows.Next() {
		var f FeedState
		var at string
		if err := rows.Scan(&f.URL, &f.Title, &f.LastError, &at); err != nil {
			return nil, d.Wrap("read feeds", err)
		}
		f.FetchedAt = scanTime(at)
		f.Title, f.LastError = sanitize.Line(f.Title), sanitize.Line(f.LastError)
		out = append(out, f)
	}
	return out, d.Wrap("read feeds", rows.Err())
}

func (d *DB) feeds(ctx context.Context, where string, args ...any) ([]FeedState, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT f.url, f.title, f.etag, f.last_modified, f.last_error, f.fetched_at,
		(SELECT count(*) FROM feed_items i WHERE i.feed = f.url),
		(SELECT count(*) FROM feed_items i WHERE i.feed = f.url AND NOT i.read)
		FROM feed_state f `+where+` ORDER BY f.url`, args...)
	if err != nil {
		return nil, d.Wrap("read feeds", err)
	}
	defer rows.Close()
	var out []FeedState
	for rows.Next() {
		var f FeedState
		var at string
		if err := rows.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &f.LastError, &at, &f.Items, &f.Unread); err != nil {
			return nil, d.Wrap("read feeds", err)
		}
		f.FetchedAt = scanTime(at)
		// Shown in the feeds list and status bar: sanitized as all stored text.
		f.Title, f.LastError = sanitize.Line(f.Title), sanitize.Line(f.LastError)
		out = append(out, f)
	}
	return out, d.Wrap("read feeds", rows.Err())
}

// SaveFeed records a successful fetch of a feed (its title, validators and
// time, clearing its error) and stores its items. An item already cached
// keeps its read flag and fetched body; its title, summary and (if dated)
// date follow the feed. It returns the items that were not cached before.
func (d *DB) SaveFeed(ctx context.Context, fs FeedState, items []FeedItem) (added []FeedItem, err error) {
	err = d.Write(ctx, "save feed "+fs.URL, func(tx *sql.Tx) error {
		added = nil
		if _, err := tx.ExecContext(ctx, `INSERT INTO feed_state(url, title, etag, last_modified, last_error, fetched_at)
			VALUES (?, ?, ?, ?, '', ?)
			ON CONFLICT(url) DO UPDATE SET title = excluded.title, etag = excluded.etag,
				last_modified = excluded.last_modified, last_error = '', fetched_at = excluded.fetched_at`,
			fs.URL, fs.Title, fs.ETag, fs.LastModified, fmtTime(fs.FetchedAt)); err != nil {
			return err
		}
		for _, it := range items {
			// The same story met in another feed keeps its read and star
			// marks: they belong to the article, not to the row.
			res, err := tx.ExecContext(ctx, `INSERT INTO feed_items(feed, guid, article_id, url, title, source, date, dated,
				authors, summary, fetched_at, read, starred) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
				coalesce((SELECT max(read) FROM feed_items WHERE article_id = ?), 0),
				coalesce((SELECT max(starred) FROM feed_items WHERE article_id = ?), 0))
				ON CONFLICT(feed, guid) DO NOTHING`,
				fs.URL, it.GUID, it.ArticleID, it.URL, it.Title, it.Source, fmtTime(it.Date), it.Dated,
				jsonText(it.Authors), it.Summary, fmtTime(it.FetchedAt), it.ArticleID, it.ArticleID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				if it.Body != "" {
					if _, err := tx.ExecContext(ctx, `INSERT INTO feed_articles(article_id, body, links) VALUES (?, ?, ?)
						ON CONFLICT(article_id) DO NOTHING`, it.ArticleID, it.Body, jsonText(it.Links)); err != nil {
						return err
					}
				}
				added = append(added, it)
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE feed_items SET title = ?, source = ?, summary = ?,
				date = CASE WHEN ? THEN ? ELSE date END, dated = dated OR ?
				WHERE feed = ? AND guid = ?`,
				it.Title, it.Source, it.Summary, it.Dated, fmtTime(it.Date), it.Dated, fs.URL, it.GUID); err != nil {
				return err
			}
		}
		return nil
	})
	return added, err
}

// TouchFeed records a fetch that found the feed unchanged (304), clearing
// its error.
func (d *DB) TouchFeed(ctx context.Context, url string, at time.Time) error {
	return d.Write(ctx, "save feed "+url, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO feed_state(url, fetched_at) VALUES (?, ?)
			ON CONFLICT(url) DO UPDATE SET last_error = '', fetched_at = excluded.fetched_at`, url, fmtTime(at))
		return err
	})
}

// SetFeedError records a failed fetch of a feed; its cached items stay.
func (d *DB) SetFeedError(ctx context.Context, url, reason string, at time.Time) error {
	return d.Write(ctx, "save feed "+url, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO feed_state(url, last_error, fetched_at) VALUES (?, ?, ?)
			ON CONFLICT(url) DO UPDATE SET last_error = excluded.last_error, fetched_at = excluded.fetched_at`,
			url, reason, fmtTime(at))
		return err
	})
}

// FeedItems lists the cached items, newest first, without their Body and
// Links (FeedItem has them): the list of a library does not need them.
func (d *DB) FeedItems(ctx context.Context) ([]FeedItem, error) {
	return d.feedItems(ctx, `SELECT `+itemCols+`, '', '[]' FROM feed_items
		ORDER BY date DESC, fetched_at DESC, rowid`)
}

// FeedCount is how many item rows the cache holds (a story two feeds
// carry counts twice): a size to make room for before FeedList.
func (d *DB) FeedCount(ctx context.Context) (int, error) {
	var n int
	err := d.sql.QueryRowContext(ctx, `SELECT count(*) FROM feed_items`).Scan(&n)
	return n, d.Wrap("read feed items", err)
}

// listQuery reads the items in FeedItems' order, which feed_items_list
// gives without a sort (m010), and only what a list row and the marks
// need. modernc costs a few locked driver calls and two allocations a
// column a row, so the text comes as one JSON array a row (json_array
// escapes what it must and copies the rest), read by listRow; url is null
// when it is the article ID (feeds.Item.ID), authors when "[]". read and
// starred come as one number.
const listQuery = `SELECT json_array(feed, article_id, nullif(url, article_id), title, source, date, nullif(authors, '[]')),
	read | (starred << 1) FROM feed_items ORDER BY date DESC, fetched_at DESC, rowid`

// listQuery's fields, in its array's order.
const (
	lFeed = iota
	lID
	lURL
	lTitle
	lSource
	lDate
	lAuthors
	lFields
)

// FeedList calls fn with each cached item as a library lists it, newest
// first: FeedItems' order, with only what a list row and the marks need
// (no GUID, summary, body, links or fetch time), read in one pass for the
// reader's start. fn gets the same FeedItem each time, filled again: it
// may keep the strings, not the pointer. A feed's URL and source are one
// string for all its items.
func (d *DB) FeedList(ctx context.Context, fn func(*FeedItem)) error {
	rows, err := d.sql.QueryContext(ctx, listQuery)
	if err != nil {
		return d.Wrap("read feed items", err)
	}
	defer rows.Close()
	var (
		it     FeedItem
		row    string
		marks  int64
		f      [lFields]string
		null   [lFields]bool
		shared = map[string]string{} // feed URLs and sources as read → sanitized, a few hundred
	)
	for rows.Next() {
		if err := rows.Scan(&row, &marks); err != nil {
			return d.Wrap("read feed items", err)
		}
		if !listRow(row, f[:], null[:]) {
			return d.Wrap("read feed items", fmt.Errorf("unexpected row %.80q", row))
		}
		// Stored text is sanitized on read, as everywhere; a feed's URL
		// and source once.
		it.Feed, it.Source = sanitizeOnce(shared, f[lFeed]), sanitizeOnce(shared, f[lSource])
		it.ArticleID, it.Title = sanitize.Line(f[lID]), sanitize.Line(f[lTitle])
		it.URL = it.ArticleID
		if !null[lURL] {
			it.URL = sanitize.Line(f[lURL])
		}
		it.Date = scanTime(f[lDate])
		it.Authors = nil
		if a := f[lAuthors]; a != "" {
			json.Unmarshal([]byte(a), &it.Authors)
			for i := range it.Authors {
				it.Authors[i] = sanitize.Line(it.Authors[i])
			}
		}
		it.Read, it.Starred = marks&1 != 0, marks&2 != 0
		fn(&it)
	}
	return d.Wrap("read feed items", rows.Err())
}

// sanitizeOnce is sanitize.Line(s), the same string each time s is met.
func sanitizeOnce(seen map[string]string, s string) string {
	if t, ok := seen[s]; ok {
		return t
	}
	t := sanitize.Line(s)
	seen[s] = t
	return t
}

// listRow reads a JSON array of strings and nulls as json_array writes it
// (no spaces) into out, and which were null into null: a string without
// escapes is a slice of s, not a copy. It reports false for anything else.
func listRow(s string, out []string, null []bool) bool {
	if len(s) < 2 || s[0] != '[' {
		return false
	}
	i := 1
	for k := range out {
		if k > 0 {
			if i >= len(s) || s[i] != ',' {
				return false
			}
			i++
		}
		switch {
		case strings.HasPrefix(s[i:], "null"):
			out[k], null[k] = "", true
			i += len("null")
		case i < len(s) && s[i] == '"':
			j, escaped := i+1, false
			for ; j < len(s) && s[j] != '"'; j++ {
				if s[j] == '\\' {
					escaped = true
					j++ // the escaped byte, maybe a quote
				}
			}
			if j >= len(s) {
				return false
			}
			out[k], null[k] = s[i+1:j], false
			if escaped {
				out[k] = unescapeJSON(out[k])
			}
			i = j + 1
		default:
			return false
		}
	}
	return i == len(s)-1 && s[i] == ']'
}

// unescapeJSON is the text of a JSON string's inside with escapes; other
// bytes are copied as they are (invalid UTF-8 too: sanitize repairs it as
// it does for a column read as text).
func unescapeJSON(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch c = s[i]; c {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, n := hexRune(s[i+1:])
			if n == 0 {
				b.WriteByte(c)
				continue
			}
			i += n
			if utf16.IsSurrogate(r) && strings.HasPrefix(s[i+1:], "\\u") {
				if r2, n2 := hexRune(s[i+3:]); n2 > 0 && utf16.DecodeRune(r, r2) != utf8.RuneError {
					r, i = utf16.DecodeRune(r, r2), i+2+n2
				}
			}
			b.WriteRune(r)
		default: // " \ /
			b.WriteByte(c)
		}
	}
	return b.String()
}

// hexRune reads the four hex digits of a \u escape; n is 0 if there are
// not four.
func hexRune(s string) (r rune, n int) {
	if len(s) < 4 {
		return 0, 0
	}
	v, err := strconv.ParseUint(s[:4], 16, 32)
	if err != nil {
		return 0, 0
	}
	return rune(v), 4
}

// FeedItem is the cached item with articleID, with its body if there is one
// yet; ok is false if there is none. A story several feeds carry is the
// row FeedItems lists first (the newest), so that it opens under the title
// and byline the library showed, not another feed's.
func (d *DB) FeedItem(ctx context.Context, articleID string) (it FeedItem, ok bool, err error) {
	list, err := d.feedItems(ctx, `SELECT `+itemCols+`, coalesce(a.body, ''), coalesce(a.links, '[]')
		FROM feed_items LEFT JOIN feed_articles a USING (article_id)
		WHERE article_id = ? ORDER BY date DESC, fetched_at DESC, feed_items.rowid LIMIT 1`, articleID)
	if err != nil || len(list) == 0 {
		return it, false, err
	}
	return list[0], true, nil
}

const itemCols = `feed, guid, article_id, url, title, source, date, dated, authors, summary, read, starred, fetched_at`

func (d *DB) feedItems(ctx context.Context, query string, args ...any) ([]FeedItem, error) {
	rows, err := d.sql.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, d.Wrap("read feed items", err)
	}
	defer rows.Close()
	var out []FeedItem
	for rows.Next() {
		var it FeedItem
		var date, authors, links, at string
		if err := rows.Scan(&it.Feed, &it.GUID, &it.ArticleID, &it.URL, &it.Title, &it.Source, &date, &it.Dated,
			&authors, &it.Summary, &it.Read, &it.Starred, &at, &it.Body, &links); err != nil {
			return nil, d.Wrap("read feed items", err)
		}
		it.Date, it.FetchedAt = scanTime(date), scanTime(at)
		json.Unmarshal([]byte(authors), &it.Authors)
		json.Unmarshal([]byte(links), &it.Links)
		sanitizeItem(&it)
		out = append(out, it)
	}
	return out, d.Wrap("read feed items", rows.Err())
}

// SaveItemArticle stores the fetched page of the items with a.ID: its body
// and links, its authors where the feed named none, and its date for
// undated items.
func (d *DB) SaveItemArticle(ctx context.Context, a model.Article) error {
	return d.Write(ctx, "save article "+a.ID, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO feed_articles(article_id, body, links) VALUES (?, ?, ?)
			ON CONFLICT(article_id) DO UPDATE SET body = excluded.body, links = excluded.links`,
			a.ID, a.Body, jsonText(a.Links)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE feed_items SET
			authors = CASE WHEN authors = '[]' THEN ? ELSE authors END,
			date = CASE WHEN dated OR ? = '' THEN date ELSE ? END
			WHERE article_id = ?`,
			jsonText(a.Authors), fmtTime(a.Date), fmtTime(a.Date), a.ID)
		return err
	})
}

// SetItemRead sets the read flag of the items with articleID.
func (d *DB) SetItemRead(ctx context.Context, articleID string, read bool) error {
	return d.SetItemsRead(ctx, []string{articleID}, read)
}

// SetItemsRead sets the read flag of the items with these article IDs, in
// one transaction (the undo of marking a feed read).
func (d *DB) SetItemsRead(ctx context.Context, articleIDs []string, read bool) error {
	return d.Write(ctx, "mark read", func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `UPDATE feed_items SET read = ? WHERE article_id = ?`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, id := range articleIDs {
			if _, err := st.ExecContext(ctx, read, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// MarkFeedRead marks read every article the feed at url carries (in every
// feed that carries it too: read belongs to the article), and returns the
// IDs of those that were unread, so that the caller can undo it. An empty
// url marks every cached item read.
func (d *DB) MarkFeedRead(ctx context.Context, url string) (ids []string, err error) {
	err = d.Write(ctx, "mark read", func(tx *sql.Tx) error {
		ids = nil
		q := `SELECT DISTINCT article_id FROM feed_items WHERE NOT read`
		args := []any{}
		if url != "" {
			q += ` AND feed = ?`
			args = append(args, url)
		}
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if url == "" {
			_, err = tx.ExecContext(ctx, `UPDATE feed_items SET read = 1 WHERE NOT read`)
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE feed_items SET read = 1 WHERE NOT read AND article_id IN
			(SELECT article_id FROM feed_items WHERE feed = ?)`, url)
		return err
	})
	return ids, err
}

// SetItemStarred stars or unstars the items with articleID; it reports
// whether any item has that ID.
func (d *DB) SetItemStarred(ctx context.Context, articleID string, starred bool) (found bool, err error) {
	err = d.Write(ctx, "star", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE feed_items SET starred = ? WHERE article_id = ?`, starred, articleID)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		found = n > 0
		return nil
	})
	return found, err
}

// noNotes is true for an item no highlight (even one in the undo window)
// refers to, by article ID or by URL.
const noNotes = `NOT EXISTS (SELECT 1 FROM highlights h
	WHERE h.article_id = feed_items.article_id OR (feed_items.url != '' AND h.locator = feed_items.url))`

// PruneFeedItems deletes items fetched before cutoff, except those with
// notes and starred ones, and returns how many went.
func (d *DB) PruneFeedItems(ctx context.Context, cutoff time.Time) (int, error) {
	var n int64
	err := d.Write(ctx, "prune feed items", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM feed_items WHERE fetched_at < ? AND NOT starred AND `+noNotes, fmtTime(cutoff))
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return dropOrphanArticles(ctx, tx)
	})
	return int(n), err
}

// ErrNoFeed is RemoveFeed's answer for a URL the cache does not know.
var ErrNoFeed = errors.New("no such feed in the cache")

// RemoveFeed deletes a feed and its unread items without notes or a star;
// read, starred and noted items stay in the library. It returns how many items went.
func (d *DB) RemoveFeed(ctx context.Context, url string) (int, error) {
	var n int64
	err := d.Write(ctx, "remove feed "+url, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM feed_items WHERE feed = ? AND NOT read AND NOT starred AND `+noNotes, url)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		res, err = tx.ExecContext(ctx, `DELETE FROM feed_state WHERE url = ?`, url)
		if err != nil {
			return err
		}
		if gone, _ := res.RowsAffected(); gone == 0 && n == 0 {
			return ErrNoFeed
		}
		return dropOrphanArticles(ctx, tx)
	})
	return int(n), err
}

// dropOrphanArticles deletes the bodies no item refers to any more.
func dropOrphanArticles(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM feed_articles WHERE article_id NOT IN (SELECT article_id FROM feed_items)`)
	return err
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return "[]"
	}
	return string(b)
}

// sanitizeItem passes a cached item's text through the sanitizer (see
// sanitizeHighlight): what the feed sent was sanitized before it was
// stored, so this only matters for a file changed by another program.
func sanitizeItem(it *FeedItem) {
	for _, p := range []*string{&it.Title, &it.Source, &it.URL, &it.ArticleID, &it.Feed, &it.GUID} {
		*p = sanitize.Line(*p)
	}
	it.Summary, it.Body = sanitize.Text(it.Summary), sanitize.Text(it.Body)
	for i := range it.Authors {
		it.Authors[i] = sanitize.Line(it.Authors[i])
	}
	for i := range it.Links {
		it.Links[i].Text, it.Links[i].URL = sanitize.Line(it.Links[i].Text), sanitize.Line(it.Links[i].URL)
	}
}
