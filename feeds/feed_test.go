package feeds

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"newsmark/articles"
	"newsmark/fetch"
	"newsmark/fetch/fetchtest"
)

// entryByTitle finds an entry whose title contains s.
func entryByTitle(t *testing.T, lib articles.Library, s string) articles.Entry {
	t.Helper()
	for _, e := range lib.Entries {
		if strings.Contains(e.Meta.Title, s) {
			return e
		}
	}
	t.Fatalf("no entry titled %q in %d entries", s, len(lib.Entries))
	return articles.Entry{}
}

func TestOpenRSSFeedFetchesSummaryOnlyItemsOnLoad(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	before := time.Now()
	lib, err := OpenURL(context.Background(), testClient(), site.URL+"/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Entries) != 3 || len(lib.Problems) != 0 {
		t.Fatalf("want 3 entries and no problems, got %d, %v", len(lib.Entries), lib.Problems)
	}
	if n := site.Count("/pages/kestrel.html"); n != 0 {
		t.Fatalf("pages fetched before opening: %d", n)
	}

	k := entryByTitle(t, lib, "Kestrel")
	if k.Meta.Title != "Kestrel Motors and Northwind Energy form battery venture" {
		t.Errorf("title not stripped of HTML: %q", k.Meta.Title)
	}
	if k.Meta.Source != "Harbour & Co. Business Wire" {
		t.Errorf("Source = %q", k.Meta.Source)
	}
	if k.Meta.Body != "" {
		t.Errorf("summary-only item has a body before loading: %q", k.Meta.Body)
	}
	a, err := k.Load()
	if err != nil {
		t.Fatal(err)
	}
	if site.Count("/pages/kestrel.html") != 1 {
		t.Error("opening a summary-only item did not fetch its page")
	}
	if !strings.Contains(a.Body, "Each partner will hold half") || a.ID != site.URL+"/pages/kestrel.html" {
		t.Errorf("loaded article: ID %q body %q", a.ID, a.Body)
	}
	// The item's own date wins over the page's.
	if want := time.Date(2026, 3, 3, 8, 15, 0, 0, time.UTC); !a.Date.Equal(want) {
		t.Errorf("Date = %v, want the item's %v", a.Date, want)
	}

	// No date on the item nor on the page: the fetch time.
	nd, err := entryByTitle(t, lib, "Port authority").Load()
	if err != nil {
		t.Fatal(err)
	}
	if nd.Date.Before(before) || nd.Date.After(time.Now()) {
		t.Errorf("undated item: Date = %v, want the fetch time", nd.Date)
	}

	// Full content in the feed: no page fetch, body from content:encoded.
	b := entryByTitle(t, lib, "Bellhaven")
	ba, err := b.Load()
	if err != nil {
		t.Fatal(err)
	}
	if site.Count("/pages/bellhaven.html") != 0 {
		t.Error("fetched the page of an item that has its content")
	}
	if ba.Body != "Bellhaven Foods said revenue rose 4% to $310 million.\n\nThe company also named a new chief financial officer, its filing shows." {
		t.Errorf("body = %q", ba.Body)
	}
	if len(ba.Paragraphs) != 2 || len(ba.Links) != 1 || ba.Links[0].URL != "https://bellhaven.example/ir" {
		t.Errorf("paragraphs %v links %v", ba.Paragraphs, ba.Links)
	}
}

func TestOpenAtomFeedUndatedItemTakesPageDate(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	lib, err := OpenURL(context.Background(), testClient(), site.URL+"/atom.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Entries) != 2 {
		t.Fatalf("want 2 entries, got %d", len(lib.Entries))
	}
	k := entryByTitle(t, lib, "Kestrel")
	if k.Meta.Source != "Ledger & Line" || len(k.Meta.Authors) != 1 || k.Meta.Authors[0] != "Ines Okafor" {
		t.Errorf("meta %+v", k.Meta)
	}
	a, err := entryByTitle(t, lib, "Undated").Load()
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 2, 27, 12, 0, 0, 0, time.UTC); !a.Date.Equal(want) {
		t.Errorf("Date = %v, want the page's %v", a.Date, want)
	}
}

func TestOpenJSONFeedSanitisesTitles(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	lib, err := OpenURL(context.Background(), testClient(), site.URL+"/feed.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Entries) != 2 {
		t.Fatalf("want 2 entries, got %d", len(lib.Entries))
	}
	for _, e := range lib.Entries {
		for _, s := range []string{e.Meta.Title, e.Meta.Source} {
			if strings.ContainsAny(s, "\x1b\x07") {
				t.Errorf("control characters reach the library: %q", s)
			}
		}
	}
	inline := entryByTitle(t, lib, "Inline brief")
	if !strings.HasPrefix(inline.Meta.Body, "Orchard Logistics bought a 20% stake") || inline.Meta.ID != site.URL+"/feed.json#tw-2" {
		t.Errorf("inline item: ID %q body %q", inline.Meta.ID, inline.Meta.Body)
	}
	a, err := entryByTitle(t, lib, "Battery venture").Load()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "joint venture") || a.Authors[0] != "Sol Reyes" {
		t.Errorf("loaded: authors %q body %q", a.Authors, a.Body)
	}
}

func TestFeedItemWithNeitherLinkNorContent(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	lib, err := OpenURL(context.Background(), testClient(), site.URL+"/baditem.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Entries) != 1 || len(lib.Problems) != 1 {
		t.Fatalf("want 1 entry and 1 problem, got %d and %v", len(lib.Entries), lib.Problems)
	}
	if p := lib.Problems[0]; !strings.Contains(p.Path, "An item with nothing else") || p.Reason != "item has neither link nor content" {
		t.Errorf("problem = %+v", p)
	}
}

func TestFetchFeedWantsAFeed(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	_, err := FetchFeed(context.Background(), testClient(), site.URL+"/pages/kestrel.html", "", "")
	if err == nil || err.Error() != "not a feed: the server sent an HTML page" {
		t.Fatalf("err = %v", err)
	}
}

func TestSummaryOnlyItemWithBrokenPage(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	f, err := FetchFeed(context.Background(), testClient(), site.URL+"/rss.xml", "", "")
	if err != nil {
		t.Fatal(err)
	}
	it := f.Items[0]
	it.URL = site.URL + "/status/404"
	// The feed's summary stands in, and the error still names the page and its status.
	a, err := it.Entry(context.Background(), testClient(), f).Load()
	var so *SummaryOnly
	if !errors.As(err, &so) || so.Err.Error() != site.URL+"/status/404: HTTP 404 Not Found" || a.Body != it.Summary {
		t.Fatalf("err = %v, body %q", err, a.Body)
	}
	// Without a summary there is nothing to read: the plain error.
	it.Summary = ""
	if _, err = it.Entry(context.Background(), testClient(), f).Load(); err == nil || errors.As(err, &so) ||
		err.Error() != site.URL+"/status/404: HTTP 404 Not Found" {
		t.Fatalf("err = %v", err)
	}
}

func testClient() *http.Client { return fetch.NewClient("9.9.9-test") }
