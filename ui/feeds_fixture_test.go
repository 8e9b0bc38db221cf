package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"newsmark/feeds"
	"newsmark/fetch"
	"newsmark/notes"
	"newsmark/store"
)

// fixtureFeeds are three subscriptions whose items carry their text, put
// in the cache as a refresh would have stored them: the reader opens them
// without the network. Tidewater has three items, Ledger two (one of them
// Tidewater's story too), Quiet one, already read; Broken Wire none, its
// last refresh failed.
var fixtureFeeds = []struct {
	sub   feeds.Subscription
	title string
	items []string // titles; an item of the same title in two feeds is one story
}{
	{feeds.Subscription{URL: "https://tidewater.example/rss", Name: "Tidewater", Tags: []string{"deals"}}, "Tidewater Deals Wire",
		[]string{"Corran Steel and Ibis Rail agree depot venture", "Pelham Biotech takes 15% of Ostara Labs", "Maribel Foods buys Quayside Bakeries"}},
	{feeds.Subscription{URL: "https://ledger.example/atom", Tags: []string{"deals", "energy"}}, "Northern Ledger",
		[]string{"Halvorsen Wind and Suryan Power form offshore venture", "Maribel Foods buys Quayside Bakeries"}},
	{feeds.Subscription{URL: "https://quiet.example/feed", Name: "Quiet Wire"}, "Quiet Wire",
		[]string{"Tallis Ports reports a steady quarter"}},
	{feeds.Subscription{URL: "https://broken.example/feed", Name: "Broken Wire", Tags: []string{"energy"}}, "", nil},
}

// fixtureError is why the fixture's Broken Wire failed its last refresh.
const fixtureError = "HTTP 404 Not Found"

// fixtureFetched is when the fixture's feeds were last refreshed.
var fixtureFetched = time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)

// feedCache is the fixture's cache in a fresh database, and its
// subscriptions in the feeds file's order.
func feedCache(t testing.TB) (*feeds.Cache, []feeds.Subscription) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(filepath.Join(t.TempDir(), "newsmark.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := feeds.NewCache(db, fetch.NewClient("test"))
	var subs []feeds.Subscription
	n := 0
	for fi, f := range fixtureFeeds {
		subs = append(subs, f.sub)
		var items []store.FeedItem
		for _, title := range f.items {
			n++
			id := "https://news.example/" + slug(title)
			items = append(items, store.FeedItem{GUID: fmt.Sprint(fi, "-", title), ArticleID: id, URL: id, Title: title,
				Source: f.title, Date: fixtureFetched.Add(-time.Duration(n) * time.Hour), Dated: true,
				Body:      title + ". The companies said so in a statement on Monday, and the deal needs no approval.",
				FetchedAt: fixtureFetched})
		}
		if len(items) == 0 {
			if err := c.DB.SetFeedError(ctx, f.sub.URL, fixtureError, fixtureFetched); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if _, err := c.DB.SaveFeed(ctx, store.FeedState{URL: f.sub.URL, Title: f.title, FetchedAt: fixtureFetched}, items); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.DB.SetItemRead(ctx, "https://news.example/"+slug("Tallis Ports reports a steady quarter"), true); err != nil {
		t.Fatal(err)
	}
	return c, subs
}

func slug(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[i] = '-'
		}
	}
	return string(b)
}

// feedsOptions are Options with the fixture's cache listed, as newsmark
// with subscriptions and no arguments runs.
func feedsOptions(t testing.TB) Options {
	c, subs := feedCache(t)
	return Options{Theme: Dark, Annotate: fixtureAnnotations, Now: func() time.Time { return fixtureFetched.Add(time.Hour) },
		Notes: notes.New(c.DB), Web: &Web{Client: c.Client, Cache: c, Subs: subs, ListCache: true}}
}

// feedsDriver runs the fixture's program at w×h.
func feedsDriver(t testing.TB, w, h int) *driver {
	t.Helper()
	d := &driver{t: t, m: New(feedsOptions(t))}
	d.run(d.m.Init())
	d.send(resize(w, h))
	return d
}

// unreadStored is how many items the fixture's cache holds unread.
func unreadStored(t testing.TB, d *driver) int {
	t.Helper()
	u, err := d.m.net.opts.Cache.Unread(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(u)
}
