package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// `annotate --json FEED` on a feed of many summary-only items fetches at
// most 50 pages (--max-fetch), and none with --no-fetch; every item is still
// annotated, from the feed's own text where its page was not fetched.
func TestAnnotateBigFeedFetchesBoundedPages(t *testing.T) {
	var pages atomic.Int64
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	const n = 120
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big Wire</title>`)
		for i := range n {
			fmt.Fprintf(&b, `<item><title>Story %d</title><link>%s/page/%d</link><description>Summary %d: Orchard Corp. bought a stake in Pine Ltd.</description></item>`, i, srv.URL, i, i)
		}
		b.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(b.String()))
	})
	mux.HandleFunc("/page/", func(w http.ResponseWriter, r *http.Request) {
		pages.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><head><title>Page</title></head><body><article><p>Orchard Corp. agreed to buy a 20% stake in Pine Ltd. for $5 million, the companies said on Monday in a statement about the deal.</p><p>The deal is expected to close next year.</p></article></body></html>`)
	})
	for _, tc := range []struct {
		args  []string
		pages int64
	}{{nil, 50}, {[]string{"--max-fetch", "7"}, 7}, {[]string{"--no-fetch"}, 0}} {
		pages.Store(0)
		code, out, errs := run(t, append(append([]string{"annotate", "--json"}, tc.args...), srv.URL+"/feed.xml")...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, errs)
		}
		if lines := strings.Count(out, "\n"); lines != n {
			t.Errorf("%v: %d articles annotated, want %d", tc.args, lines, n)
		}
		if got := pages.Load(); got != tc.pages {
			t.Errorf("%v: %d pages fetched, want %d", tc.args, got, tc.pages)
		}
		if tc.pages < n && !strings.Contains(errs, "feed's own text") {
			t.Errorf("%v: stderr does not say which items keep the feed's text: %q", tc.args, errs)
		}
	}
}
