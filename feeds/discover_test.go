package feeds

import (
	"context"
	"errors"
	"strings"
	"testing"

	"newsmark/fetch/fetchtest"
)

// TestDiscover: a feed is itself; a page leads to the first feed its head
// advertises (rel and type in any case, with parameters, resolved against
// its <base>); a page that advertises none says so; neither page nor feed
// says what it is.
func TestDiscover(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	ctx := context.Background()
	d, err := Discover(ctx, testClient(), site.URL+"/atom.xml")
	if err != nil || d.URL != site.URL+"/atom.xml" || d.Page != "" || d.Title == "" {
		t.Fatalf("a feed: %+v, %v", d, err)
	}
	d, err = Discover(ctx, testClient(), site.URL+"/news/index.html")
	if err != nil || d.URL != site.URL+"/rss.xml" || d.Page != site.URL+"/news/index.html" || d.Title != "Harbour & Co. Business Wire" {
		t.Fatalf("a page with feeds: %+v, %v", d, err)
	}
	if _, err = Discover(ctx, testClient(), site.URL+"/pages/kestrel.html"); !errors.Is(err, ErrNoFeedAdvertised) {
		t.Fatalf("a page without feeds: %v", err)
	}
	if _, err = Discover(ctx, testClient(), site.URL+"/binary"); !errors.Is(err, ErrNeither) || !strings.Contains(err.Error(), "image/png") {
		t.Fatalf("an image: %v", err)
	}
}

func TestAdvertisedFeedsSkipsOthers(t *testing.T) {
	t.Parallel()
	page := `<html><head><link rel="alternate" type="text/html" href="/m/"><link rel="stylesheet" type="application/rss+xml" href="/x.xml">
<link rel="alternate" type="application/feed+json" href="feed.json"><link rel="alternate" type="application/rss+xml" href="javascript:alert(1)"></head></html>`
	got := advertisedFeeds([]byte(page), "https://news.example/a/b.html")
	if len(got) != 1 || got[0] != "https://news.example/a/feed.json" {
		t.Fatalf("advertised: %q", got)
	}
}
