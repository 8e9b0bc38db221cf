package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/feeds"
	"newsmark/fetch"
	"newsmark/internal/benchcpu"
	"newsmark/model"
	"newsmark/store"
)

// The feeds view at the scale: 200 subscriptions, 20,000 cached
// items (100 a feed, a third of them read, every tenth story carried by a
// second feed), at 160x45.
const (
	benchFeeds    = 200
	benchPerFeed  = 100
	benchBodyText = "The two companies said the deal needs no approval and closes in the second quarter."
)

// benchSubs are the 200 subscriptions, tagged in five groups.
func benchSubs() []feeds.Subscription {
	subs := make([]feeds.Subscription, benchFeeds)
	for i := range subs {
		subs[i] = feeds.Subscription{URL: fmt.Sprintf("https://wire%03d.example/rss", i), Name: fmt.Sprintf("Wire %03d", i),
			Tags: []string{fmt.Sprintf("group%d", i%5)}}
	}
	return subs
}

// benchSnapshot is the cache's snapshot as Snapshot reads it, built in
// memory for the benchmarks of the update loop.
func benchSnapshot() feeds.Snapshot {
	subs := benchSubs()
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	s := feeds.Snapshot{ItemFeeds: map[string][]string{}, Unread: map[string]bool{}, Starred: map[string]bool{}}
	for i, sub := range subs {
		s.Feeds = append(s.Feeds, feeds.FeedInfo{Subscription: sub, Title: sub.Name, FetchedAt: day})
		for j := range benchPerFeed {
			id := fmt.Sprintf("https://wire%03d.example/story/%d", i, j)
			s.ItemFeeds[id] = []string{sub.URL}
			if j%10 == 0 { // also in the next feed
				s.ItemFeeds[id] = append(s.ItemFeeds[id], subs[(i+1)%len(subs)].URL)
			}
			if j%3 != 0 {
				s.Unread[id] = true
			}
			s.Library.Entries = append(s.Library.Entries, benchEntry(id, sub.Name, day.Add(-time.Duration(i*benchPerFeed+j)*time.Minute)))
		}
	}
	return s
}

// benchFeedsModel is the program with the snapshot listed and the feeds
// view open, the cursor on its third feed.
func benchFeedsModel(b *testing.B) Model {
	b.Helper()
	m := New(Options{Theme: Dark, Web: &Web{Subs: benchSubs(), ListCache: true}})
	m.cacheLoaded(cacheLoadedMsg{snap: benchSnapshot()})
	mm, _ := m.Update(resize(160, 45))
	m = mm.(Model)
	for _, k := range []string{"F", "j", "j", "j", "j"} {
		mm, _ = m.Update(keyPress(k))
		m = mm.(Model)
	}
	return m
}

// BenchmarkFeedsViewKey is one key in the feeds view and the frame after
// it: j moves to the next feed, the library beside lists that feed's items
// out of 20,000 (k comes back, so every round moves).
func BenchmarkFeedsViewKey(b *testing.B) {
	m := benchFeedsModel(b)
	keys := []tea.KeyPressMsg{keyPress("j"), keyPress("k")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		mm, _ := m.Update(keys[i%2])
		m = mm.(Model)
		_ = m.View()
		i++
	}
}

// BenchmarkFeedsViewMarkRead is A's result landing (a feed's 67 unread
// items marked read, the counts kept) and the frame after it.
func BenchmarkFeedsViewMarkRead(b *testing.B) {
	m := benchFeedsModel(b)
	f, _ := m.feeds.selectedFeed()
	var ids []string
	for id, fs := range benchSnapshot().ItemFeeds {
		if fs[0] == f.URL && m.marks.isUnread(id) {
			ids = append(ids, id)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		m.feedMarked(feedMarkedMsg{name: f.Name(), ids: ids})
		_ = m.View()
		for _, id := range ids { // unread again for the next round
			m.marks.setUnread(id, true)
		}
		m.undo.entries = nil
	}
}

// BenchmarkFeedsLoadApply is the cache read at start landing on the update
// loop: 20,000 items listed (their marks and the 200 feeds' counts were
// made in the Cmd).
func BenchmarkFeedsLoadApply(b *testing.B) {
	snap := benchSnapshot()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		msg := prepareCache(snap, nil) // in the Cmd: BenchmarkFeedsLoadSnapshot
		m := New(Options{Theme: Dark, Web: &Web{Subs: benchSubs(), ListCache: true}})
		m.width, m.height = 160, 45
		b.StartTimer()
		m.cacheLoaded(msg)
	}
}

// BenchmarkFeedsLoadSnapshot is the cache read at start in its Cmd, off
// the update loop: Snapshot over a real database of 200 feeds and 20,000
// items, and the marks and entries made ready for the loop.
func BenchmarkFeedsLoadSnapshot(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(filepath.Join(b.TempDir(), "newsmark.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	c := feeds.NewCache(db, fetch.NewClient("bench"))
	snap := benchSnapshot()
	subs := benchSubs()
	byFeed := map[string][]store.FeedItem{}
	for _, e := range snap.Library.Entries {
		for _, f := range snap.ItemFeeds[e.Meta.ID] {
			byFeed[f] = append(byFeed[f], store.FeedItem{GUID: e.Meta.ID, ArticleID: e.Meta.ID, URL: e.Meta.ID,
				Title: e.Meta.Title, Source: e.Meta.Source, Date: e.Meta.Date, Dated: true, Body: benchBodyText,
				FetchedAt: e.Meta.Date})
		}
	}
	now := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for _, s := range subs {
		if _, err := db.SaveFeed(ctx, store.FeedState{URL: s.URL, Title: s.Name, FetchedAt: now}, byFeed[s.URL]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	load := loadCache(c, subs)
	start := benchcpu.CPUTime()
	for b.Loop() {
		msg := load().(cacheLoadedMsg)
		if msg.err != nil || len(msg.entries) != benchFeeds*benchPerFeed {
			b.Fatalf("snapshot: %d entries, %v", len(msg.entries), msg.err)
		}
	}
	// The target is the Cmd's cost to a shared machine: its CPU time
	// (with the GC it causes) swings less than its wall time.
	benchcpu.Report(b, start)
}

// benchEntry is a cached item as the library lists it.
func benchEntry(id, source string, date time.Time) articles.Entry {
	return articles.Entry{Meta: model.Article{ID: id, Title: "Story " + id[len(id)-4:] + " about a venture",
		Source: source, Date: date, URL: id}}
}
