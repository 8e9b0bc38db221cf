package feeds

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsmark/fetch"
	"newsmark/store"
)

// BenchmarkParseFeed measures an RSS feed of 100 items with HTML content.
func BenchmarkParseFeed(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>`)
	for i := range 100 {
		fmt.Fprintf(&sb, `<item><title>Item %d &amp; more</title><link>/p/%d.html</link><guid>g%d</guid>
			<pubDate>Tue, 03 Mar 2026 08:15:00 GMT</pubDate><description>&lt;p&gt;Summary %d.&lt;/p&gt;</description>
			<content:encoded><![CDATA[<p>Kestrel Motors Inc. agreed to buy a stake in Northwind Energy Ltd. for $1.2 billion.</p><p>Second <a href="https://x.example/%d">paragraph</a>.</p>]]></content:encoded></item>`, i, i, i, i, i)
	}
	sb.WriteString(`</channel></rss>`)
	r := &fetch.Response{URL: "http://127.0.0.1/feed.xml", Body: []byte(sb.String())}
	b.SetBytes(int64(sb.Len()))
	for b.Loop() {
		f, err := parseFeed(r.URL, r, time.Now())
		if err != nil || len(f.Items) != 100 {
			b.Fatal(err)
		}
	}
}

// BenchmarkCacheLibrary measures opening the library of 1,000 cached items
// (what `newsmark` does at start with subscriptions, offline).
func BenchmarkCacheLibrary(b *testing.B) {
	db, err := store.Open(filepath.Join(b.TempDir(), store.FileName))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	now := time.Now()
	body := strings.Repeat("Kestrel Motors Inc. agreed to buy a stake in Northwind Energy Ltd. for $1.2 billion. ", 40)
	for f := range 10 {
		var items []store.FeedItem
		for i := range 100 {
			id := fmt.Sprintf("https://w%d.example/%d", f, i)
			items = append(items, store.FeedItem{GUID: id, ArticleID: id, URL: id, Title: "Item " + id,
				Date: now.Add(-time.Duration(i) * time.Hour), Dated: true, Summary: "s", Body: body, FetchedAt: now})
		}
		if _, err := db.SaveFeed(ctx, store.FeedState{URL: fmt.Sprintf("https://w%d.example/rss", f), FetchedAt: now}, items); err != nil {
			b.Fatal(err)
		}
	}
	c := NewCache(db, testClient())
	for b.Loop() {
		lib, err := c.Library(ctx, nil)
		if err != nil || len(lib.Entries) != 1000 {
			b.Fatal(err)
		}
	}
}
