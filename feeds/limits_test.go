package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsmark/articles"
)

// bigFeed serves an RSS feed of n summary-only items whose pages each take
// a little while, counting the page requests and the most at once.
func bigFeed(t *testing.T, n int) (url string, pages, peak *atomic.Int64) {
	pages, peak = new(atomic.Int64), new(atomic.Int64)
	var now atomic.Int64
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big Wire</title>`)
		for i := range n {
			fmt.Fprintf(&b, `<item><title>Story %d</title><link>%s/page/%d</link><description>Summary %d: Orchard Corp. bought a stake.</description></item>`, i, srv.URL, i, i)
		}
		b.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(b.String()))
	})
	mux.HandleFunc("/page/", func(w http.ResponseWriter, r *http.Request) {
		pages.Add(1)
		c := now.Add(1)
		defer now.Add(-1)
		for {
			p := peak.Load()
			if c <= p || peak.CompareAndSwap(p, c) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<html><head><title>Page</title></head><body><article><h1>Page</h1><p>Orchard Corp. agreed to buy a 20%% stake in Pine Ltd. for $5 million, the companies said on Monday in a statement about the deal.</p><p>The deal is expected to close next year, they said.</p></article></body></html>`)
	})
	return srv.URL + "/feed.xml", pages, peak
}

// A feed of hundreds of summary-only items fetches at most MaxFetch pages,
// Workers at a time; the other items keep the feed's own text, and one
// notice says so.
func TestBigFeedFetchesABoundedNumberOfPages(t *testing.T) {
	t.Parallel()
	url, pages, peak := bigFeed(t, 300)
	var notices []string
	lib := OpenInputsWith(context.Background(), testClient(), []string{url}, nil,
		OpenOptions{MaxFetch: 20, Notice: func(s string) { notices = append(notices, s) }})
	if len(lib.Entries) != 300 {
		t.Fatalf("entries %d, problems %v", len(lib.Entries), lib.Problems)
	}
	n := 0
	for _, r := range articles.LoadAll(lib.Entries, 4) {
		if r.Err != nil {
			t.Errorf("load: %v", r.Err)
		}
		if r.Article.Body == "" {
			t.Error("an item has no text")
		}
		n++
	}
	if n != 300 {
		t.Errorf("loaded %d", n)
	}
	if got := pages.Load(); got != 20 {
		t.Errorf("%d page requests, want 20", got)
	}
	if got := peak.Load(); got > 4 {
		t.Errorf("%d page requests at once, want at most 4", got)
	}
	if len(notices) != 1 || !strings.Contains(notices[0], "280") {
		t.Errorf("notices %q, want one saying 280 items keep the feed's text", notices)
	}

	pages.Store(0)
	lib = OpenInputsWith(context.Background(), testClient(), []string{url}, nil, OpenOptions{MaxFetch: 0})
	for range articles.LoadAll(lib.Entries, 4) {
	}
	if got := pages.Load(); got != 0 {
		t.Errorf("MaxFetch 0 fetched %d pages", got)
	}
}
