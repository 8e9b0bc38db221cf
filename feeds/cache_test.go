package feeds

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"

	"newsmark/articles"
	"newsmark/fetch/fetchtest"
	"newsmark/store"
)

func openCache(t *testing.T) *Cache {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return NewCache(db, testClient())
}

// refresh runs a refresh through RefreshAsync and returns the final
// progress of each feed, checking that each reported "fetching" first.
func refresh(t *testing.T, c *Cache, subs []Subscription) map[string]Progress {
	t.Helper()
	final := map[string]Progress{}
	fetching := map[string]bool{}
	last := 0
	for p := range c.RefreshAsync(context.Background(), subs) {
		if p.Total != len(subs) || p.Done < last {
			t.Errorf("progress counts %d/%d after %d", p.Done, p.Total, last)
		}
		last = p.Done
		if p.State == RefreshFetching {
			fetching[p.Feed] = true
			continue
		}
		if !fetching[p.Feed] {
			t.Errorf("%s finished without reporting fetching", p.Feed)
		}
		final[p.Feed] = p
	}
	if last != len(subs) || len(final) != len(subs) {
		t.Errorf("%d of %d feeds finished, %d reported", last, len(subs), len(final))
	}
	return final
}

func TestCacheRefreshStoresFeedsAndReportsBadOnes(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	c := openCache(t)
	c.Concurrency = 3
	u := func(p string) string { return site.URL + p }
	subs := []Subscription{
		{URL: u("/rss.xml"), Name: "Harbour", Tags: []string{"deals"}},
		{URL: u("/atom.xml")},
		{URL: u("/feed.json")},
		{URL: u("/status/404")},
		{URL: u("/status/500")},
		{URL: u("/malformed.xml")},
		{URL: u("/pages/kestrel.html")},
		{URL: u("/baditem.xml")},
	}
	final := refresh(t, c, subs)
	wantErr := map[string]string{
		u("/status/404"):         "HTTP 404 Not Found",
		u("/status/500"):         "HTTP 500 Internal Server Error",
		u("/malformed.xml"):      "malformed XML: line 6: element <item> closed by </channel>",
		u("/pages/kestrel.html"): "not a feed: the server sent an HTML page",
	}
	for url, p := range final {
		if want, bad := wantErr[url]; bad {
			if p.State != RefreshFailed || p.Err == nil || p.Err.Error() != want {
				t.Errorf("%s: %v %v, want failed with %q", url, p.State, p.Err, want)
			}
		} else if p.State != RefreshUpdated || p.Err != nil {
			t.Errorf("%s: %v %v, want updated", url, p.State, p.Err)
		}
	}
	if p := final[u("/rss.xml")]; len(p.New) != 3 || p.Title != "Harbour" || p.New[0].Meta.Source != "Harbour" {
		t.Errorf("rss: %d new, title %q", len(p.New), p.Title)
	}
	if p := final[u("/baditem.xml")]; len(p.New) != 1 || len(p.Problems) != 1 {
		t.Errorf("baditem: %d new, problems %v", len(p.New), p.Problems)
	}

	lib, err := c.Library(context.Background(), subs)
	if err != nil {
		t.Fatal(err)
	}
	// rss 3 + atom 2 + json 2 + baditem 1, where the Kestrel page is in all
	// four feeds and listed once.
	if len(lib.Entries) != 5 {
		t.Errorf("library has %d entries, want 5", len(lib.Entries))
	}
	var reasons []string
	for _, p := range lib.Problems {
		reasons = append(reasons, p.String())
	}
	sort.Strings(reasons)
	if len(reasons) != 4 || reasons[0] != u("/malformed.xml")+": malformed XML: line 6: element <item> closed by </channel>" {
		t.Errorf("library problems: %q", reasons)
	}
	for i := 1; i < len(lib.Entries); i++ {
		if lib.Entries[i].Meta.Date.After(lib.Entries[i-1].Meta.Date) {
			t.Errorf("library not newest first at %d", i)
		}
	}
	k := entryByTitle(t, lib, "Port authority")
	if k.Meta.Source != "Harbour" || len(k.Meta.Tags) != 1 || k.Meta.Tags[0] != "deals" {
		t.Errorf("cached meta: source %q tags %q", k.Meta.Source, k.Meta.Tags)
	}
}

func TestCacheConditionalGetAndOffline(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	c := openCache(t)
	subs := []Subscription{{URL: site.URL + "/etag/rss.xml"}, {URL: site.URL + "/atom.xml"}}
	final := refresh(t, c, subs)
	for _, p := range final {
		if p.State != RefreshUpdated {
			t.Fatalf("first refresh of %s: %v %v", p.Feed, p.State, p.Err)
		}
	}
	// Prefetch fetched the summary-only items' pages during the refresh.
	if site.Count("/pages/kestrel.html") == 0 || site.Count("/pages/nodate.html") != 1 {
		t.Error("pages not prefetched")
	}
	// Second refresh: ETag (If-None-Match) and Last-Modified
	// (If-Modified-Since) both give 304, and the cache stays.
	final = refresh(t, c, subs)
	for _, p := range final {
		if p.State != RefreshUnchanged || len(p.New) != 0 {
			t.Errorf("second refresh of %s: %v, %d new", p.Feed, p.State, len(p.New))
		}
	}
	if n := site.Status(304); n != 2 {
		t.Errorf("304 responses: %d, want 2", n)
	}

	// Offline: the library and the prefetched articles still read.
	site.Close()
	lib, err := c.Library(context.Background(), subs)
	if err != nil || len(lib.Entries) != 4 { // the Kestrel page is in both feeds
		t.Fatalf("offline library: %d entries, %v", len(lib.Entries), err)
	}
	unread, _ := c.Unread(context.Background())
	if len(unread) != 4 { // the kestrel page is in both feeds: one article ID
		t.Errorf("unread = %v", unread)
	}
	e := entryByTitle(t, lib, "Port authority")
	a, err := e.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "eastern shore") || len(a.Paragraphs) != 3 {
		t.Errorf("offline article: %d paragraphs, body %q", len(a.Paragraphs), a.Body)
	}
	unread, _ = c.Unread(context.Background())
	if unread[e.Meta.ID] || len(unread) != 3 {
		t.Errorf("opening did not mark read: %v", unread)
	}
	if err := c.SetRead(context.Background(), e.Meta.ID, false); err != nil {
		t.Fatal(err)
	}
	if unread, _ = c.Unread(context.Background()); !unread[e.Meta.ID] {
		t.Error("SetRead(false) did not mark unread")
	}
	// An undated item took its page's date on prefetch.
	d := entryByTitle(t, lib, "Undated entry")
	if d.Meta.Date.Format("2006-01-02") != "2026-02-27" {
		t.Errorf("undated item date %v, want the page's", d.Meta.Date)
	}
	// A feed that cannot be reached keeps its items and gets a reason.
	final = refresh(t, c, subs)
	for _, p := range final {
		if p.State != RefreshFailed || !strings.Contains(p.Err.Error(), "connect") {
			t.Errorf("offline refresh of %s: %v %v", p.Feed, p.State, p.Err)
		}
	}
	lib, _ = c.Library(context.Background(), subs)
	if len(lib.Entries) != 4 || len(lib.Problems) != 2 {
		t.Errorf("after failed refresh: %d entries, problems %v", len(lib.Entries), lib.Problems)
	}
}

func TestCacheRemoveAndOpenOnDemand(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	c := openCache(t)
	c.Prefetch = 0
	subs := []Subscription{{URL: site.URL + "/rss.xml"}}
	refresh(t, c, subs)
	if n := site.Count("/pages/kestrel.html"); n != 0 {
		t.Fatalf("prefetch 0 fetched %d pages", n)
	}
	lib, _ := c.Library(context.Background(), subs)
	k := entryByTitle(t, lib, "Kestrel")
	if _, err := k.Load(); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Load(); err != nil {
		t.Fatal(err)
	}
	if n := site.Count("/pages/kestrel.html"); n != 1 {
		t.Errorf("page fetched %d times on two opens, want once (then cached)", n)
	}
	// A note on an unread item keeps it when the feed is removed.
	port := entryByTitle(t, lib, "Port authority").Meta
	err := c.DB.Write(context.Background(), "note", func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO highlights(article_id, locator, text, start_byte, end_byte, created, updated)
			VALUES (?, ?, 'x', 0, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`, port.ID, port.URL)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	n, err := c.Remove(context.Background(), site.URL+"/rss.xml")
	if err != nil || n != 1 { // Bellhaven: unread, no notes
		t.Fatalf("removed %d items, %v", n, err)
	}
	lib, _ = c.Library(context.Background(), nil)
	if len(lib.Entries) != 2 {
		t.Errorf("left %d entries, want the read one and the noted one", len(lib.Entries))
	}
}

func TestCacheLoadContextCancels(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	c := openCache(t)
	c.Prefetch = 0
	subs := []Subscription{{URL: site.URL + "/rss.xml"}}
	refresh(t, c, subs)
	lib, _ := c.Library(context.Background(), subs)
	e := entryByTitle(t, lib, "Kestrel")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.LoadContext(ctx, e); err == nil || !strings.HasSuffix(err.Error(), ": cancelled") {
		t.Fatalf("err = %v, want cancelled", err)
	}
	if unread, _ := c.Unread(context.Background()); !unread[e.Meta.ID] {
		t.Error("a cancelled open marked the item read")
	}
	a, err := c.LoadContext(context.Background(), e)
	if err != nil || !strings.Contains(a.Body, "joint venture") {
		t.Fatalf("after cancel: %v", err)
	}
}

func TestCacheSubscribed(t *testing.T) {
	site := fetchtest.NewSite(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	c := openCache(t)
	lib, subs, err := c.Subscribed(context.Background())
	if err != nil || len(subs) != 0 || len(lib.Entries) != 0 {
		t.Fatalf("no feeds file: %v %v %v", lib, subs, err)
	}
	path, _ := SubscriptionsPath()
	os.WriteFile(path, []byte(site.URL+"/rss.xml \"~Wire\" deals\nquery:x\n"), 0o644)
	lib, subs, err = c.Subscribed(context.Background())
	if err != nil || len(subs) != 1 || len(lib.Entries) != 0 || len(lib.Problems) != 1 {
		t.Fatalf("before a refresh: %d entries, %v, %v", len(lib.Entries), lib.Problems, err)
	}
	refresh(t, c, subs)
	lib, _, _ = c.Subscribed(context.Background())
	if len(lib.Entries) != 3 || lib.Entries[0].Meta.Tags[0] != "deals" || lib.Problems[0].String() != "feeds:2: not an http or https URL: query:x" {
		t.Errorf("after a refresh: %d entries, %v", len(lib.Entries), lib.Problems)
	}
}

// An item whose page cannot be fetched (offline) reads as the feed's
// summary, with a *SummaryOnly error saying why; it stays unread and is not
// cached, so its page is fetched when it is next opened online.
func TestOfflineItemReadsAsItsSummary(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	c := openCache(t)
	c.Prefetch = 0 // nothing but the feed is cached
	subs := []Subscription{{URL: site.URL + "/rss.xml"}}
	refresh(t, c, subs)
	f, err := FetchFeed(context.Background(), testClient(), site.URL+"/rss.xml", "", "")
	if err != nil {
		t.Fatal(err)
	}
	site.Close()

	lib, _ := c.Library(context.Background(), subs)
	k := entryByTitle(t, lib, "Kestrel")
	a, err := k.Load()
	var so *SummaryOnly
	if !errors.As(err, &so) || !strings.Contains(err.Error(), "showing the feed's summary") {
		t.Fatalf("offline load: err %v, want a SummaryOnly", err)
	}
	if a.Body != "The two companies will put $1.2 billion into a plant." || len(a.Sentences) != 1 || a.Title == "" {
		t.Fatalf("offline article: title %q, body %q, %d sentences", a.Title, a.Body, len(a.Sentences))
	}
	if unread, _ := c.Unread(context.Background()); !unread[k.Meta.ID] {
		t.Error("an item read from its summary was marked read")
	}
	if it, _, _ := c.DB.FeedItem(context.Background(), k.Meta.ID); it.Body != "" {
		t.Errorf("the summary was cached as the article: %q", it.Body)
	}

	// The same for an item of a feed opened by URL, not cached.
	for _, it := range f.Items {
		if it.Content != "" {
			continue
		}
		a, err := it.Entry(context.Background(), testClient(), f).Load()
		if !errors.As(err, &so) || a.Body != it.Summary {
			t.Errorf("%s: body %q, err %v", it.Title, a.Body, err)
		}
	}
	// A cancelled fetch is no reason to show the summary.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.LoadContext(ctx, k); err == nil || errors.As(err, &so) {
		t.Errorf("cancelled load: %v", err)
	}
}

// TestCacheStoredReadsWithoutSideEffects: the index reads the cache in the
// background through ItemIDs and Stored, which never fetch a page and
// never mark an item read.
func TestCacheStoredReadsWithoutSideEffects(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	c := openCache(t)
	c.Prefetch = 0
	subs := []Subscription{{URL: site.URL + "/rss.xml"}}
	refresh(t, c, subs)
	ctx := context.Background()
	ids, err := c.ItemIDs(ctx)
	lib, _ := c.Library(ctx, subs)
	if err != nil || len(ids) != len(lib.Entries) {
		t.Fatalf("ItemIDs: %v, %v; the library lists %d", ids, err, len(lib.Entries))
	}
	k := entryByTitle(t, lib, "Kestrel").Meta
	if _, ok, err := c.Stored(ctx, k.ID); ok || err != nil {
		t.Errorf("an item whose page was never fetched: ok %v, %v", ok, err)
	}
	if n := site.Count("/pages/kestrel.html"); n != 0 {
		t.Errorf("Stored fetched the page %d times", n)
	}
	if _, err := c.LoadContext(ctx, articles.Entry{Meta: k}); err != nil {
		t.Fatal(err)
	}
	c.SetRead(ctx, k.ID, false)
	a, ok, err := c.Stored(ctx, k.ID)
	if !ok || err != nil || a.ID != k.ID || a.Body == "" || len(a.Sentences) == 0 {
		t.Fatalf("after the page was fetched: %+v, %v, %v", a.ID, ok, err)
	}
	if unread, _ := c.Unread(ctx); !unread[k.ID] {
		t.Error("Stored marked the item read")
	}
	if _, ok, err := c.Stored(ctx, "no-such-item"); ok || err != nil {
		t.Errorf("a missing item: %v, %v", ok, err)
	}
}

// TestCachePruneRetention: a negative retention (the config's keep_days =
// 0) keeps every item, however old; zero is the 90-day default, which
// prunes an item first fetched a year ago.
func TestCachePruneRetention(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := openCache(t)
	old := time.Now().AddDate(-1, 0, 0)
	item := store.FeedItem{Feed: "https://w.example/rss", GUID: "old", ArticleID: "https://w.example/old",
		URL: "https://w.example/old", Title: "Old item", Date: old, Dated: true, Summary: "s", FetchedAt: old}
	if _, err := c.DB.SaveFeed(ctx, store.FeedState{URL: item.Feed, FetchedAt: old}, []store.FeedItem{item}); err != nil {
		t.Fatal(err)
	}
	c.Retention = -1
	if n, err := c.Prune(ctx); err != nil || n != 0 {
		t.Fatalf("never prune: pruned %d (%v)", n, err)
	}
	c.Retention = 0
	if n, err := c.Prune(ctx); err != nil || n != 1 {
		t.Fatalf("the default retention: pruned %d (%v), want the year-old item", n, err)
	}
}
