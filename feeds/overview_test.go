package feeds

import (
	"context"
	"testing"

	"newsmark/fetch/fetchtest"
)

// TestSnapshot: one read of the cache gives the library, each
// subscription (in the file's order, a failing one with its reason, one
// never fetched with none), which feeds carry each story (the Kestrel page
// is in both), and the read and star marks; marking a feed read returns
// what it changed, and putting those back makes them unread again.
func TestSnapshot(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	c := openCache(t)
	u := func(p string) string { return site.URL + p }
	subs := []Subscription{{URL: u("/rss.xml"), Name: "Harbour", Tags: []string{"deals"}}, {URL: u("/atom.xml")},
		{URL: u("/status/404")}}
	refresh(t, c, subs)
	later := Subscription{URL: u("/feed.json"), Name: "Added later"}
	ctx := context.Background()
	s, err := c.Snapshot(ctx, append(subs, later))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Feeds) != 4 || s.Feeds[0].Name() != "Harbour" || s.Feeds[1].Title == "" || s.Feeds[1].Name() != s.Feeds[1].Title {
		t.Fatalf("feeds: %+v", s.Feeds)
	}
	if f := s.Feeds[2]; f.LastError != "HTTP 404 Not Found" || f.FetchedAt.IsZero() || f.Name() != u("/status/404") {
		t.Errorf("failing feed: %+v", f)
	}
	if f := s.Feeds[3]; !f.FetchedAt.IsZero() || f.LastError != "" || f.Name() != "Added later" {
		t.Errorf("feed never fetched: %+v", f)
	}
	lib, _ := c.Library(ctx, subs)
	if len(s.Library.Entries) != len(lib.Entries) || len(s.Unread) != len(lib.Entries) || len(s.Starred) != 0 {
		t.Fatalf("snapshot: %d entries (library %d), %d unread, %d starred", len(s.Library.Entries), len(lib.Entries),
			len(s.Unread), len(s.Starred))
	}
	k := entryByTitle(t, s.Library, "Kestrel Motors")
	if fs := s.ItemFeeds[k.Meta.ID]; len(fs) != 2 {
		t.Errorf("the Kestrel story is carried by %v, want both feeds", fs)
	}

	ids, err := c.MarkFeedRead(ctx, u("/atom.xml"))
	if err != nil || len(ids) != 2 {
		t.Fatalf("marking atom read changed %v, %v", ids, err)
	}
	if found, err := c.SetStarred(ctx, k.Meta.ID, true); !found || err != nil {
		t.Fatalf("star: %v %v", found, err)
	}
	s, _ = c.Snapshot(ctx, subs)
	if s.Unread[k.Meta.ID] || len(s.Unread) != len(lib.Entries)-2 || !s.Starred[k.Meta.ID] {
		t.Fatalf("after marking atom read and starring: unread %v, starred %v", s.Unread, s.Starred)
	}
	if err := c.SetReadAll(ctx, ids, false); err != nil {
		t.Fatal(err)
	}
	if s, _ = c.Snapshot(ctx, subs); len(s.Unread) != len(lib.Entries) {
		t.Fatalf("the undo left %d unread, want %d", len(s.Unread), len(lib.Entries))
	}
}
