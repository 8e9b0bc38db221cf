package store

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"newsmark/model"
)

func feedItem(guid string, fetched time.Time) FeedItem {
	return FeedItem{GUID: guid, ArticleID: "https://w.example/" + guid, URL: "https://w.example/" + guid,
		Title: "Item " + guid, Date: fetched, Dated: true, Authors: []string{"A. Writer"}, Summary: "s", FetchedAt: fetched}
}

func TestFeedCache(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	fs := FeedState{URL: "https://w.example/rss", Title: "Wire", ETag: `"v1"`, FetchedAt: now}

	added, err := db.SaveFeed(ctx, fs, []FeedItem{feedItem("a", now), feedItem("b", now.Add(time.Hour))})
	if err != nil || len(added) != 2 {
		t.Fatalf("first save: %d added, %v", len(added), err)
	}
	if err := db.SetItemRead(ctx, "https://w.example/a", true); err != nil {
		t.Fatal(err)
	}
	page := model.Article{ID: "https://w.example/a", Body: "Full text.", Links: []model.Link{{Text: "x", URL: "https://x.example"}}}
	if err := db.SaveItemArticle(ctx, page); err != nil {
		t.Fatal(err)
	}
	// The same items again plus a new one: only the new one is added; read
	// flags and fetched bodies stay; the feed's new title is taken.
	a2 := feedItem("a", now)
	a2.Title = "Item a, corrected"
	fs.Title, fs.ETag = "Wire 2", `"v2"`
	added, err = db.SaveFeed(ctx, fs, []FeedItem{a2, feedItem("b", now), feedItem("c", now.Add(2*time.Hour))})
	if err != nil || len(added) != 1 || added[0].GUID != "c" {
		t.Fatalf("second save: %+v, %v", added, err)
	}
	items, err := db.FeedItems(ctx)
	if err != nil || len(items) != 3 {
		t.Fatalf("items: %d, %v", len(items), err)
	}
	if items[0].GUID != "c" || items[2].GUID != "a" {
		t.Errorf("not newest first: %s %s %s", items[0].GUID, items[1].GUID, items[2].GUID)
	}
	if items[2].Body != "" {
		t.Error("FeedItems loads bodies")
	}
	a, ok, err := db.FeedItem(ctx, "https://w.example/a")
	if err != nil || !ok || !a.Read || a.Body != "Full text." || a.Title != "Item a, corrected" || len(a.Links) != 1 || a.Authors[0] != "A. Writer" {
		t.Errorf("item a = %+v %v", a, err)
	}

	if err := db.SetFeedError(ctx, fs.URL, "HTTP 500 Internal Server Error", now.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	st, ok, err := db.Feed(ctx, fs.URL)
	if err != nil || !ok || st.LastError != "HTTP 500 Internal Server Error" || st.ETag != `"v2"` || st.Items != 3 || st.Unread != 2 || st.Title != "Wire 2" {
		t.Errorf("feed after error = %+v %v", st, err)
	}
	if err := db.TouchFeed(ctx, fs.URL, now.Add(4*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if st, _, _ := db.Feed(ctx, fs.URL); st.LastError != "" || !st.FetchedAt.Equal(now.Add(4*time.Hour)) {
		t.Errorf("feed after 304 = %+v", st)
	}
}

func TestPruneAndRemoveKeepNotes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	old := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	recent := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	fs := FeedState{URL: "https://w.example/rss", FetchedAt: recent}
	var items []FeedItem
	for _, it := range []FeedItem{feedItem("old", old), feedItem("noted", old), feedItem("new", recent),
		feedItem("read", recent), feedItem("unread-noted", recent)} {
		it.Body = "Text of " + it.GUID
		items = append(items, it)
	}
	_, err := db.SaveFeed(ctx, fs, items)
	if err != nil {
		t.Fatal(err)
	}
	db.SetItemRead(ctx, "https://w.example/read", true)
	for _, id := range []string{"https://w.example/noted", "https://w.example/unread-noted"} {
		if err := db.Write(ctx, "note", func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO highlights(article_id, locator, text, start_byte, end_byte, created, updated)
				VALUES (?, ?, 'x', 0, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`, id, id)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	n, err := db.PruneFeedItems(ctx, recent.AddDate(0, 0, -90))
	if err != nil || n != 1 {
		t.Fatalf("pruned %d, %v; want 1 (old, without notes)", n, err)
	}
	n, err = db.RemoveFeed(ctx, fs.URL)
	if err != nil || n != 1 {
		t.Fatalf("remove deleted %d items, %v; want 1 (new: unread, no notes)", n, err)
	}
	items, _ = db.FeedItems(ctx)
	left := map[string]bool{}
	for _, it := range items {
		left[it.GUID] = true
	}
	if len(left) != 3 || !left["noted"] || !left["read"] || !left["unread-noted"] {
		t.Errorf("left: %v", left)
	}
	var bodies int
	db.SQL().QueryRow(`SELECT count(*) FROM feed_articles`).Scan(&bodies)
	if bodies != 3 {
		t.Errorf("%d article bodies left, want those of the 3 items left", bodies)
	}
	if it, _, _ := db.FeedItem(ctx, "https://w.example/noted"); it.Body != "Text of noted" {
		t.Errorf("noted item body %q", it.Body)
	}
	if _, ok, _ := db.Feed(ctx, fs.URL); ok {
		t.Error("the feed row is still there")
	}
	if _, err := db.RemoveFeed(ctx, "https://nope.example/"); !errors.Is(err, ErrNoFeed) {
		t.Errorf("removing an unknown feed: %v", err)
	}
}

// TestMarkReadAndStar: a feed marked read reads its articles in every feed
// that carries them and gives the IDs it changed (for undo); marking all
// gives the rest; a star keeps an old item from retention and from its
// feed's removal, and a story met again in another feed keeps its marks.
func TestMarkReadAndStar(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	old := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	a := FeedState{URL: "https://a.example/rss", FetchedAt: old}
	b := FeedState{URL: "https://b.example/rss", FetchedAt: old}
	if _, err := db.SaveFeed(ctx, a, []FeedItem{feedItem("x", old), feedItem("shared", old)}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveFeed(ctx, b, []FeedItem{feedItem("y", old)}); err != nil {
		t.Fatal(err)
	}
	ids, err := db.MarkFeedRead(ctx, a.URL)
	if err != nil || len(ids) != 2 {
		t.Fatalf("MarkFeedRead(a) = %v, %v; want x and shared", ids, err)
	}
	// b now carries the shared story too: it comes in read.
	if _, err := db.SaveFeed(ctx, b, []FeedItem{feedItem("y", old), feedItem("shared", old)}); err != nil {
		t.Fatal(err)
	}
	unread := map[string]bool{}
	items, _ := db.FeedItems(ctx)
	for _, it := range items {
		if !it.Read {
			unread[it.GUID] = true
		}
	}
	if len(unread) != 1 || !unread["y"] {
		t.Fatalf("unread after marking a read: %v, want only y", unread)
	}
	if ids, err := db.MarkFeedRead(ctx, ""); err != nil || len(ids) != 1 || ids[0] != "https://w.example/y" {
		t.Fatalf("MarkFeedRead(all) = %v, %v", ids, err)
	}
	if err := db.SetItemsRead(ctx, []string{"https://w.example/x", "https://w.example/y"}, false); err != nil {
		t.Fatal(err)
	}
	if st, _, _ := db.Feed(ctx, a.URL); st.Unread != 1 {
		t.Fatalf("a has %d unread after the undo, want 1 (x)", st.Unread)
	}

	if found, err := db.SetItemStarred(ctx, "https://w.example/x", true); err != nil || !found {
		t.Fatalf("star x: %v %v", found, err)
	}
	if found, _ := db.SetItemStarred(ctx, "https://w.example/nothing", true); found {
		t.Fatal("starred an item that is not cached")
	}
	n, err := db.PruneFeedItems(ctx, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || n != 3 {
		t.Fatalf("pruned %d, %v; want 3 (all but the starred x)", n, err)
	}
	it, ok, _ := db.FeedItem(ctx, "https://w.example/x")
	if !ok || !it.Starred {
		t.Fatalf("starred item after the prune: %+v %v", it, ok)
	}
	if n, err := db.RemoveFeed(ctx, a.URL); err != nil || n != 0 {
		t.Fatalf("removing a took %d items, %v; the starred unread x stays", n, err)
	}
	if _, ok, _ := db.FeedItem(ctx, "https://w.example/x"); !ok {
		t.Fatal("the starred item went with its feed")
	}
}

// TestFeedList: the reader's start reads every item as FeedItems lists it
// (the same order, the same fields but those it leaves out), whatever the
// item: with or without a URL, authors, read and star marks, a story in two
// feeds, ties on the date and on the fetch time, stored text to sanitize.
// The order comes from the index, not a sort.
func TestFeedList(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	day := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	a := FeedState{URL: "https://a.example/rss", Title: "Wire A", FetchedAt: day}
	b := FeedState{URL: "https://b.example/rss", Title: "Wire B", FetchedAt: day.Add(time.Hour)}
	noURL := feedItem("guid-only", day)
	noURL.URL, noURL.ArticleID, noURL.Authors = "", a.URL+"#guid-only", nil
	dirty := feedItem("dirty", day.Add(-time.Hour))
	dirty.Title, dirty.Authors = "Line one\nline\x1b[31m two", []string{"B. Writer", "C.\tWriter"}
	otherURL := feedItem("moved", day.Add(-2*time.Hour))
	otherURL.URL = "https://w.example/moved-here"
	undated := feedItem("undated", time.Time{})
	undated.Dated, undated.FetchedAt = false, day
	// Every byte, and the text JSON has to escape, read as a column reads it.
	var every []byte
	for c := range 256 {
		every = append(every, byte(c))
	}
	bytes := feedItem("bytes", day.Add(-3*time.Hour))
	bytes.Title, bytes.Authors = string(every), []string{`Ann "Quote" O\'Neil`, "Zoë 🦉"}
	quoted := feedItem(`quo"ted\path`, day.Add(-4*time.Hour))
	quoted.Title = `null","x` + "\u0041 \\ é 🦉 \xff\xfe tab\tend"
	items := []FeedItem{feedItem("x", day), feedItem("tie", day), noURL, dirty, otherURL, undated, feedItem("shared", day),
		bytes, quoted}
	for i := range items {
		items[i].Source = a.Title
	}
	items[len(items)-1].Source = "Wire \"A\"\n"
	if _, err := db.SaveFeed(ctx, a, items); err != nil {
		t.Fatal(err)
	}
	later := feedItem("shared", day)
	later.Source, later.FetchedAt = b.Title, day.Add(time.Hour) // same date, fetched later: listed first
	if _, err := db.SaveFeed(ctx, b, []FeedItem{later, feedItem("y", day.Add(time.Minute))}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetItemRead(ctx, "https://w.example/x", true); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"https://w.example/x", "https://w.example/tie"} {
		if _, err := db.SetItemStarred(ctx, id, true); err != nil {
			t.Fatal(err)
		}
	}

	want, err := db.FeedItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []FeedItem
	if err := db.FeedList(ctx, func(it *FeedItem) { got = append(got, *it) }); err != nil {
		t.Fatal(err)
	}
	if n, err := db.FeedCount(ctx); err != nil || n != len(want) {
		t.Errorf("FeedCount = %d, %v; want %d", n, err, len(want))
	}
	if len(got) != len(want) {
		t.Fatalf("FeedList gave %d items, FeedItems %d", len(got), len(want))
	}
	for i, w := range want {
		w.GUID, w.Dated, w.Summary, w.FetchedAt, w.Links = "", false, "", time.Time{}, nil // not read for a list
		if len(w.Authors) == 0 {
			w.Authors = nil // "[]" reads as an empty list, FeedList leaves it nil
		}
		if !reflect.DeepEqual(got[i], w) {
			t.Errorf("item %d:\n got %+v\nwant %+v", i, got[i], w)
		}
	}

	rows, err := db.SQL().QueryContext(ctx, `EXPLAIN QUERY PLAN `+listQuery)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if p := strings.Join(plan, "; "); !strings.Contains(p, "feed_items_list") || strings.Contains(p, "TEMP B-TREE") {
		t.Errorf("the list is sorted, not read in index order: %s", p)
	}
}
