package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestItemKeepsItsOwnTitle: a story two feeds carry, the publisher's feed
// with the page's headline and byline and a digest with a short title of
// its own, opens under the title and byline the library lists for it,
// never the other feed's (it did: the load took the first row stored).
func TestItemKeepsItsOwnTitle(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	rss := func(title, item, extra, date string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>` + title + `</title>
<item><title>` + item + `</title>` + extra + `<link>/harbor.html</link><guid>` + title + `-1</guid>
<pubDate>` + date + `</pubDate><description>A summary.</description></item></channel></rss>`))
		}
	}
	mux.HandleFunc("/port.xml", rss("Port Daily", "Harbor Lines and Lindqvist AB form a shipping venture",
		"<author>desk@port.example (Jane Doe)</author>", "Mon, 09 Mar 2026 07:30:00 GMT"))
	mux.HandleFunc("/digest.xml", rss("Deals Digest", "Harbor-Lindqvist venture", "", "Tue, 10 Mar 2026 07:30:00 GMT"))
	mux.HandleFunc("/harbor.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><title>Harbor Lines and Lindqvist AB form a shipping venture</title>
<meta name="author" content="Jane Doe"></head><body><article>
<p>Harbor Lines said on Monday it would form a venture with Lindqvist AB to run feeder ships in the Baltic, the two companies said.</p>
<p>The venture starts with six ships and grows to twelve by 2028. Terms were not disclosed by either side.</p>
</article></body></html>`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	c := openCache(t)
	port, digest := Subscription{URL: srv.URL + "/port.xml"}, Subscription{URL: srv.URL + "/digest.xml"}
	ctx := context.Background()
	// The publisher's feed first, so its row is the one stored first.
	c.Refresh(ctx, []Subscription{port}, func(Progress) {})
	c.Refresh(ctx, []Subscription{digest}, func(Progress) {})
	lib, err := c.Library(ctx, []Subscription{port, digest})
	if err != nil || len(lib.Entries) != 1 {
		t.Fatalf("library: %d entries, %v; want the story once", len(lib.Entries), err)
	}
	e := lib.Entries[0]
	if e.Meta.Title != "Harbor-Lindqvist venture" {
		t.Fatalf("listed as %q, want the newer digest's title", e.Meta.Title)
	}
	a, err := e.Load()
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Harbor-Lindqvist venture" || a.Source != "Deals Digest" || len(a.Authors) != 0 && a.Authors[0] == "desk@port.example (Jane Doe)" {
		t.Fatalf("opened as %q from %q by %q; want the listed item's title and source", a.Title, a.Source, a.Authors)
	}
	if it, ok, _ := c.DB.FeedItem(ctx, e.Meta.ID); !ok || it.Title != e.Meta.Title {
		t.Fatalf("the store's item is %q, the library's %q", it.Title, e.Meta.Title)
	}
}
