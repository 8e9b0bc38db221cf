package feeds

import (
	"context"
	"slices"
	"time"

	"newsmark/articles"
	"newsmark/store"
)

// FeedInfo is one subscription as the feeds view lists it: its line of the
// feeds file and what the cache knows of it.
type FeedInfo struct {
	Subscription
	Title     string    // the feed's own title once fetched; "" before
	FetchedAt time.Time // the last refresh, failed or not; zero: never
	LastError string    // one line; "" when the last refresh worked
}

// Name is what the feeds view calls the feed: the subscription's name,
// else the feed's title, else its URL.
func (f FeedInfo) Name() string {
	switch {
	case f.Subscription.Name != "":
		return f.Subscription.Name
	case f.Title != "":
		return f.Title
	}
	return f.URL
}

// Snapshot is the cache as the reader opens it, read in one pass: the
// library, which feeds carry each story, and the read and star marks.
type Snapshot struct {
	// Library is every cached story once, newest first, as Library lists
	// them but without a loader: the reader loads each through the cache
	// (LoadContext) with a context of its own.
	Library articles.Library
	// Feeds are the subscriptions, in the file's order.
	Feeds []FeedInfo
	// ItemFeeds are the feeds (URLs) that carry each story, by article ID,
	// each once.
	ItemFeeds map[string][]string
	// Unread and Starred hold the article IDs of unread and starred stories.
	Unread, Starred map[string]bool
}

// Snapshot reads the cache for the reader without the network (see
// Snapshot). The tags of subs go to the items of their feed, as in Library.
func (c *Cache) Snapshot(ctx context.Context, subs []Subscription) (Snapshot, error) {
	n, err := c.DB.FeedCount(ctx)
	if err != nil {
		return Snapshot{}, err
	}
	states, err := c.DB.FeedStates(ctx)
	if err != nil {
		return Snapshot{}, err
	}
	tags := make(map[string][]string, len(subs))
	for _, s := range subs {
		tags[s.URL] = s.Tags
	}
	s := Snapshot{ItemFeeds: make(map[string][]string, n), Unread: make(map[string]bool, n), Starred: map[string]bool{}}
	s.Library.Entries = make([]articles.Entry, 0, n)
	// Most stories are in one feed: their lists of feeds are slices of one
	// array, each one long and full, so that a second feed's append copies
	// it out (n is a size, not a promise: rows added since get their own).
	firstFeeds := make([]string, n)
	err = c.DB.FeedList(ctx, func(it *store.FeedItem) {
		if !it.Read {
			s.Unread[it.ArticleID] = true
		}
		if it.Starred {
			s.Starred[it.ArticleID] = true
		}
		if fs, seen := s.ItemFeeds[it.ArticleID]; seen {
			if !slices.Contains(fs, it.Feed) {
				s.ItemFeeds[it.ArticleID] = append(fs, it.Feed)
			}
			return // the same story in two feeds is one article
		}
		if len(firstFeeds) == 0 {
			firstFeeds = make([]string, 1)
		}
		firstFeeds[0] = it.Feed
		s.ItemFeeds[it.ArticleID], firstFeeds = firstFeeds[:1:1], firstFeeds[1:]
		// The entry is filled where it lies (ItemArticle, no body): an
		// Article is 320 bytes, copied twice on the way otherwise.
		s.Library.Entries = append(s.Library.Entries, articles.Entry{})
		m := &s.Library.Entries[len(s.Library.Entries)-1].Meta
		m.ID, m.Title, m.Source, m.Date, m.Authors, m.URL = it.ArticleID, it.Title, it.Source, it.Date, it.Authors, it.URL
		m.Tags = tags[it.Feed]
	})
	if err != nil {
		return Snapshot{}, err
	}
	byURL := make(map[string]store.FeedState, len(states))
	for _, st := range states {
		byURL[st.URL] = st
		if st.LastError != "" {
			s.Library.Problems = append(s.Library.Problems, articles.Problem{Path: st.URL, Reason: st.LastError})
		}
	}
	s.Feeds = make([]FeedInfo, len(subs))
	for i, sub := range subs {
		st := byURL[sub.URL]
		s.Feeds[i] = FeedInfo{Subscription: sub, Title: st.Title, FetchedAt: st.FetchedAt, LastError: st.LastError}
	}
	return s, nil
}

// MarkFeedRead marks read every story of the feed at url (everything when
// url is ""), and returns the article IDs it changed, for an undo.
func (c *Cache) MarkFeedRead(ctx context.Context, url string) ([]string, error) {
	return c.DB.MarkFeedRead(ctx, url)
}

// SetReadAll sets the read flag of the stories with these article IDs.
func (c *Cache) SetReadAll(ctx context.Context, ids []string, read bool) error {
	return c.DB.SetItemsRead(ctx, ids, read)
}

// SetStarred stars or unstars the story with article ID id; a starred
// story is never pruned. It reports whether the cache holds the story.
func (c *Cache) SetStarred(ctx context.Context, id string, starred bool) (bool, error) {
	return c.DB.SetItemStarred(ctx, id, starred)
}
