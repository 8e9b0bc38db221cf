package ui

import (
	"fmt"
	"testing"
	"time"

	"newsmark/articles"
	"newsmark/feeds"
	"newsmark/model"
)

// benchLibrary is a library of n entries (a cached feed of n-6 items and
// the six samples after them) at 160x45, as `newsmark` with subscriptions
// shows it.
func benchLibrary(b *testing.B, n int) Model {
	b.Helper()
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	cached := articles.Library{}
	for i := range n - 6 {
		cached.Entries = append(cached.Entries, articles.Entry{Meta: model.Article{
			ID: fmt.Sprintf("https://wire.example/%d", i), Title: fmt.Sprintf("Story %d about a venture", i),
			Source: "Wire", Date: day.Add(-time.Duration(i) * time.Hour)}})
	}
	m := New(Options{Library: articles.Samples(), Theme: Dark, Web: &Web{}})
	m.cacheLoaded(cacheLoadedMsg{snap: feeds.Snapshot{Library: cached}})
	mm, _ := m.Update(resize(160, 45))
	return mm.(Model)
}

// BenchmarkRefreshStep is one feed's step of a refresh landing on a library
// of 2,000 entries: 20 new items merged in by date, the progress row set.
func BenchmarkRefreshStep(b *testing.B) {
	base := benchLibrary(b, 2000)
	base.net.rows = []fetchRow{{url: "https://wire.example/feed.xml", title: "Wire"}}
	base.net.pending, base.net.refreshing = 1, true
	p := feeds.Progress{Feed: "https://wire.example/feed.xml", Title: "Wire", State: feeds.RefreshUpdated, Done: 1, Total: 1}
	for i := range 20 {
		p.New = append(p.New, articles.Entry{Meta: model.Article{ID: fmt.Sprintf("https://wire.example/new/%d", i),
			Title: "New story", Date: time.Date(2026, 3, 2, i, 0, 0, 0, time.UTC)}})
	}
	b.ReportAllocs()
	for b.Loop() {
		m := base
		m.library.entries = append([]articles.Entry(nil), base.library.entries...)
		m.net.items = map[string]webItem{}
		refreshStep(&m, refreshMsg{p: p, ok: true})
	}
}

// BenchmarkLibraryViewRefreshing is a frame of the library while a refresh
// runs: the progress block and the visible items of 2,000.
func BenchmarkLibraryViewRefreshing(b *testing.B) {
	m := benchLibrary(b, 2000)
	for i := range 5 {
		m.net.rows = append(m.net.rows, fetchRow{url: fmt.Sprint(i), title: fmt.Sprintf("Feed %d", i)})
	}
	m.net.pending, m.net.refreshing = 1, true
	m.layout()
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
