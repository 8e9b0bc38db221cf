package feeds

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"newsmark/articles"
	"newsmark/model"
	"newsmark/store"
)

// Defaults of a Cache.
const (
	DefaultRetention   = 90 * 24 * time.Hour
	DefaultConcurrency = 4
	DefaultPrefetch    = 10
)

// Cache is the offline copy of the subscribed feeds, kept in the store:
// its Library opens without the network, Refresh fills it.
type Cache struct {
	DB     *store.DB
	Client *http.Client
	// Retention is how long an item is kept after it was first fetched;
	// items with notes are never pruned. Zero means DefaultRetention; a
	// negative one keeps every item (the config's keep_days = 0).
	Retention time.Duration
	// Concurrency is how many feeds Refresh fetches at once.
	Concurrency int
	// Prefetch is how many new summary-only items per feed have their page
	// fetched during Refresh, so that they read offline; the others are
	// fetched when opened.
	Prefetch int
}

// NewCache is a Cache with the default retention, concurrency and prefetch.
func NewCache(db *store.DB, c *http.Client) *Cache {
	return &Cache{DB: db, Client: c, Retention: DefaultRetention, Concurrency: DefaultConcurrency, Prefetch: DefaultPrefetch}
}

// Library lists the cached items, newest first, without the network; an
// article several feeds carry is listed once. The tags of subs go to the
// items of their feed. A feed whose last refresh
// failed gives a Problem with its one-line reason; its items stay listed.
func (c *Cache) Library(ctx context.Context, subs []Subscription) (articles.Library, error) {
	tags := map[string][]string{}
	for _, s := range subs {
		tags[s.URL] = s.Tags
	}
	items, err := c.DB.FeedItems(ctx)
	if err != nil {
		return articles.Library{}, err
	}
	var lib articles.Library
	seen := map[string]bool{}
	for _, it := range items {
		// The same story in two feeds is one article (one ID, one set of notes).
		if seen[it.ArticleID] {
			continue
		}
		seen[it.ArticleID] = true
		lib.Entries = append(lib.Entries, c.entry(ctx, it, tags[it.Feed]))
	}
	feeds, err := c.DB.Feeds(ctx)
	if err != nil {
		return articles.Library{}, err
	}
	for _, f := range feeds {
		if f.LastError != "" {
			lib.Problems = append(lib.Problems, articles.Problem{Path: f.URL, Reason: f.LastError})
		}
	}
	return lib, nil
}

// Subscribed reads the feeds file (SubscriptionsPath) and opens the cached
// library of its feeds, without the network. Bad lines of the file are
// Problems of the library. With no subscriptions the library is empty:
// the caller then shows what it shows without feeds.
func (c *Cache) Subscribed(ctx context.Context) (articles.Library, []Subscription, error) {
	path, err := SubscriptionsPath()
	if err != nil {
		return articles.Library{}, nil, err
	}
	subs, probs, err := LoadSubscriptions(path)
	if err != nil || len(subs) == 0 {
		return articles.Library{Problems: probs}, nil, err
	}
	lib, err := c.Library(ctx, subs)
	lib.Problems = append(probs, lib.Problems...)
	return lib, subs, err
}

// Unread is the set of article IDs of unread cached items.
func (c *Cache) Unread(ctx context.Context) (map[string]bool, error) {
	items, err := c.DB.FeedItems(ctx)
	if err != nil {
		return nil, err
	}
	unread := map[string]bool{}
	for _, it := range items {
		if !it.Read {
			unread[it.ArticleID] = true
		}
	}
	return unread, nil
}

// SetRead marks the cached items with article ID id read or unread.
func (c *Cache) SetRead(ctx context.Context, id string, read bool) error {
	return c.DB.SetItemRead(ctx, id, read)
}

// Remove forgets the feed at url and its unread items (those with notes
// stay). It returns how many items went.
func (c *Cache) Remove(ctx context.Context, url string) (int, error) {
	n, err := c.DB.RemoveFeed(ctx, url)
	if errors.Is(err, store.ErrNoFeed) {
		return 0, nil
	}
	return n, err
}

// Prune deletes items older than the retention, except those with notes;
// with a negative retention it deletes nothing.
func (c *Cache) Prune(ctx context.Context) (int, error) {
	r := c.Retention
	if r < 0 {
		return 0, nil
	}
	if r == 0 {
		r = DefaultRetention
	}
	return c.DB.PruneFeedItems(ctx, time.Now().Add(-r))
}

// ItemIDs lists the article IDs of the cached items, newest first, each
// once (a story two feeds carry is one article).
func (c *Cache) ItemIDs(ctx context.Context) ([]string, error) {
	items, err := c.DB.FeedItems(ctx)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(items))
	seen := make(map[string]bool, len(items))
	for _, it := range items {
		if !seen[it.ArticleID] {
			seen[it.ArticleID] = true
			ids = append(ids, it.ArticleID)
		}
	}
	return ids, nil
}

// Stored is the cached item with article ID id as the cache holds it: no
// page is fetched and the item stays read or unread as it was, so that the
// index can read the cache in the background. ok is false when the item
// is gone or its text was never fetched (it is indexed once it is read).
func (c *Cache) Stored(ctx context.Context, id string) (a model.Article, ok bool, err error) {
	it, ok, err := c.DB.FeedItem(ctx, id)
	if err != nil || !ok || it.Body == "" {
		return model.Article{}, false, err
	}
	return ItemArticle(it), true, nil
}

// ItemArticle is a cached item as an article (the reader's and the
// index's view of it); the body is segmented only
// when there is one (FeedItems leaves it out of lists).
func ItemArticle(it store.FeedItem) model.Article {
	a := model.Article{
		ID: it.ArticleID, Title: it.Title, Source: it.Source, Date: it.Date,
		Authors: it.Authors, URL: it.URL, Links: it.Links, Body: it.Body,
	}
	if a.Body != "" {
		articles.Segment(&a)
	}
	return a
}

// entry is a cached item as a library entry. Loading it marks it read and
// reads its body from the cache, else fetches its page (with ctx) and
// stores it, so that it reads offline next time.
func (c *Cache) entry(ctx context.Context, it store.FeedItem, tags []string) articles.Entry {
	meta := ItemArticle(it)
	meta.Tags = tags
	return articles.NewEntry(meta, func() (model.Article, error) { return c.LoadContext(ctx, articles.Entry{Meta: meta}) })
}

// LoadContext is e.Load for an entry of the cache's Library, with ctx for
// the page fetch (cancel it to abandon the fetch, e.g. on esc). It marks the
// item read. When the page cannot be fetched it gives the feed's summary
// with a *SummaryOnly error, and the item stays unread.
func (c *Cache) LoadContext(ctx context.Context, e articles.Entry) (model.Article, error) {
	a, err := c.article(ctx, e.Meta.ID, e.Meta.Tags)
	keepListed(&a, e.Meta)
	if err != nil {
		return a, err
	}
	// A failed write of the read flag must not hide the article.
	_ = c.DB.SetItemRead(ctx, e.Meta.ID, true)
	return a, nil
}

// keepListed gives a the title, source and byline its library entry
// showed: the item's own, whichever feed's row or page the text came from
// (the README: the item's title wins).
func keepListed(a *model.Article, listed model.Article) {
	if a.ID == "" {
		return
	}
	if listed.Title != "" {
		a.Title = listed.Title
	}
	if listed.Source != "" {
		a.Source = listed.Source
	}
	if len(listed.Authors) > 0 {
		a.Authors = listed.Authors
	}
}

// article is the full article of a cached item, fetching its page if the
// cache has no body yet.
func (c *Cache) article(ctx context.Context, id string, tags []string) (model.Article, error) {
	if ctx.Err() != nil {
		return model.Article{}, errors.New(id + ": cancelled")
	}
	it, ok, err := c.DB.FeedItem(ctx, id)
	if err != nil {
		return model.Article{}, err
	}
	if !ok {
		return model.Article{}, errors.New(id + ": no longer in the feed cache")
	}
	meta := ItemArticle(it)
	meta.Tags = tags
	if it.Body != "" {
		return meta, nil
	}
	a, err := fullArticle(ctx, c.Client, meta, it.Dated)
	if err != nil {
		return summaryArticle(meta, it.Summary, err) // not cached: the page is fetched when next opened
	}
	if err := c.DB.SaveItemArticle(ctx, a); err != nil {
		return a, nil // readable now, just not cached
	}
	return a, nil
}

// RefreshState is where a feed is in a refresh.
type RefreshState int

// The states a Progress reports, in order for one feed.
const (
	RefreshFetching  RefreshState = iota // the request is under way
	RefreshUpdated                       // fetched and stored; New holds the items new in the cache
	RefreshUnchanged                     // 304 Not Modified: the cache stays
	RefreshFailed                        // Err says why in one line; the cached items stay
)

func (s RefreshState) String() string {
	return [...]string{"fetching", "updated", "unchanged", "failed"}[s]
}

// Progress reports one step of a refresh for one feed.
type Progress struct {
	Feed  string // the feed's URL
	Title string // the subscription's name, else the feed's title once known
	State RefreshState
	// New are the entries the refresh added (RefreshUpdated), newest first
	// as the feed lists them.
	New []articles.Entry
	// Problems are the feed's items that could not be used.
	Problems []articles.Problem
	Err      error
	// Done of Total feeds have finished (this one included when it is).
	Done, Total int
}

// RefreshAsync runs Refresh in the background and sends its progress on
// the returned channel, which is closed when the refresh is over. The
// reader must drain the channel (or cancel ctx and then drain it).
func (c *Cache) RefreshAsync(ctx context.Context, subs []Subscription) <-chan Progress {
	ch := make(chan Progress, len(subs)*2+1)
	go func() {
		defer close(ch)
		c.Refresh(ctx, subs, func(p Progress) { ch <- p })
	}()
	return ch
}

// Refresh fetches the subscribed feeds, Concurrency at a time, with
// conditional GET, stores their items, prefetches the pages of a few new
// ones (after reporting the feed), then prunes items past the retention. report is called for every
// step, never concurrently. A failing feed is recorded with its reason and
// the others go on; cancelling ctx stops the fetches under way.
func (c *Cache) Refresh(ctx context.Context, subs []Subscription, report func(Progress)) {
	var mu sync.Mutex
	done := 0
	send := func(p Progress, finished bool) {
		mu.Lock()
		defer mu.Unlock()
		if finished {
			done++
		}
		p.Done, p.Total = done, len(subs)
		report(p)
	}
	n := c.Concurrency
	if n <= 0 {
		n = DefaultConcurrency
	}
	sem := make(chan struct{}, n)
	var wg sync.WaitGroup
	for _, s := range subs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			c.refreshOne(ctx, s, send)
		}()
	}
	wg.Wait()
	if ctx.Err() == nil {
		c.Prune(ctx)
	}
}

func (c *Cache) refreshOne(ctx context.Context, s Subscription, send func(Progress, bool)) {
	p := Progress{Feed: s.URL, Title: s.Name, State: RefreshFetching}
	send(p, false)
	fail := func(err error) {
		p.State, p.Err = RefreshFailed, err
		if ctx.Err() == nil { // a cancelled refresh is not the feed's fault
			c.DB.SetFeedError(ctx, s.URL, err.Error(), time.Now())
		}
		send(p, true)
	}
	st, _, err := c.DB.Feed(ctx, s.URL)
	if err != nil {
		fail(err)
		return
	}
	f, err := FetchFeed(ctx, c.Client, s.URL, st.ETag, st.LastModified)
	if err != nil {
		fail(err)
		return
	}
	if p.Title == "" {
		p.Title = st.Title
	}
	if f.NotModified {
		if err := c.DB.TouchFeed(ctx, s.URL, f.FetchedAt); err != nil {
			fail(err)
			return
		}
		p.State = RefreshUnchanged
		send(p, true)
		return
	}
	if p.Title == "" {
		p.Title = f.Title
	}
	items := make([]store.FeedItem, 0, len(f.Items))
	for _, it := range f.Items {
		m := it.Meta(f.URL, p.Title, f.FetchedAt)
		items = append(items, store.FeedItem{
			GUID: it.GUID, ArticleID: m.ID, URL: m.URL, Title: m.Title, Source: m.Source, Date: m.Date,
			Dated: !it.Date.IsZero(), Authors: m.Authors, Summary: it.Summary, Body: m.Body, Links: m.Links,
			FetchedAt: f.FetchedAt,
		})
	}
	added, err := c.DB.SaveFeed(ctx, store.FeedState{
		URL: s.URL, Title: f.Title, ETag: f.ETag, LastModified: f.LastModified, FetchedAt: f.FetchedAt,
	}, items)
	if err != nil {
		fail(err)
		return
	}
	p.State, p.Problems = RefreshUpdated, f.Problems
	for _, it := range added {
		p.New = append(p.New, c.entry(ctx, it, s.Tags))
	}
	send(p, true)
	c.prefetch(ctx, added, s.Tags)
}

// prefetch fetches and caches the pages of up to Prefetch summary-only
// items. Failures are left for when the item is opened.
func (c *Cache) prefetch(ctx context.Context, added []store.FeedItem, tags []string) {
	n := 0
	for _, it := range added {
		if n >= c.Prefetch || ctx.Err() != nil {
			return
		}
		if it.Body == "" && it.URL != "" {
			n++
			c.article(ctx, it.ArticleID, tags)
		}
	}
}
