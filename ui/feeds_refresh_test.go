package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsmark/feeds"
)

// feedsWeb is the Web cli builds for a feeds file of ws's paths, with no
// arguments: the cache listed, the file read as at start.
func feedsWeb(t *testing.T, ws *webServer, paths ...string) *Web {
	t.Helper()
	p := filepath.Join(t.TempDir(), "feeds")
	writeFeeds(t, p, ws, paths...)
	subs, _, err := feeds.LoadSubscriptions(p)
	if err != nil {
		t.Fatal(err)
	}
	cache := testCache(t)
	return &Web{Client: cache.Client, Cache: cache, Subs: subs, SubsPath: p, ListCache: true}
}

func writeFeeds(t *testing.T, p string, ws *webServer, paths ...string) {
	t.Helper()
	var b strings.Builder
	for _, s := range paths {
		b.WriteString(ws.URL + s + "\n")
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBackgroundRefreshAtInterval: with an interval, the feeds refresh
// with no key pressed, each time reading the feeds file again (a feed
// added from another shell is fetched), and the keys work meanwhile.
func TestBackgroundRefreshAtInterval(t *testing.T) {
	ws := newWebServer(t)
	w := feedsWeb(t, ws, "/feed.xml")
	path := w.SubsPath
	cfg := loadConfig(t, "[feeds]\nrefresh_interval = \"30m\"\n")
	cfg.Settings.Feeds.RefreshInterval = 50 * time.Millisecond // the file's shortest is longer than a test
	opts := Options{Theme: Dark, Config: cfg, Web: w}
	d := newLive(t, opts, 120, 36)
	d.waitText("Corran Steel and Ibis Rail") // no key pressed
	writeFeeds(t, path, ws, "/feed.xml", "/gated.xml")
	d.waitText("/gated.xml", "fetching") // the next tick read the file: the added feed is fetching
	d.keys("F")                          // keys while it waits
	d.waitText("Feeds (2)")
	ws.open()
	d.waitText("Maribel Foods buys Quayside Bakeries")
}

// TestNoBackgroundRefreshByDefault: without the settings nothing is
// fetched until r or R.
func TestNoBackgroundRefreshByDefault(t *testing.T) {
	ws := newWebServer(t)
	opts := Options{Theme: Dark, Web: feedsWeb(t, ws, "/feed.xml")}
	d := newLive(t, opts, 120, 36)
	d.waitText("nothing cached yet · R fetches your 1 feed")
	time.Sleep(200 * time.Millisecond) // a refresh would have begun by now
	for len(d.msgs) > 0 {
		d.send(<-d.msgs)
	}
	if d.m.net.busy() || strings.Contains(d.screen(), "refreshing") {
		t.Fatalf("refreshing with no key and no setting:\n%s", d.screen())
	}
	d.keys("R")
	d.waitText("Corran Steel and Ibis Rail")
}

// TestRefreshOnStart refreshes once the cache is listed (not before: its
// items would come twice).
func TestRefreshOnStart(t *testing.T) {
	ws := newWebServer(t)
	opts := Options{Theme: Dark, Config: loadConfig(t, "[feeds]\nrefresh_on_start = true\n"), Web: feedsWeb(t, ws, "/feed.xml")}
	d := newLive(t, opts, 120, 36)
	d.waitText("Corran Steel and Ibis Rail", "refreshed 1 feed")
	if n := strings.Count(d.screen(), "Corran Steel and Ibis Rail"); n != 1 {
		t.Fatalf("the item is listed %d times:\n%s", n, d.screen())
	}
}

// TestRefreshSelectedFeed: r in the feeds view fetches the feed under the
// cursor alone; R fetches every one.
func TestRefreshSelectedFeed(t *testing.T) {
	ws := newWebServer(t)
	d := newLive(t, Options{Theme: Dark, Web: feedsWeb(t, ws, "/feed.xml", "/missing.xml")}, 120, 36)
	d.waitText("nothing cached yet")
	d.keys("F", "G", "r") // the last feed: missing.xml
	s := d.waitText("✗ HTTP 404 Not Found")
	if strings.Contains(s, "Corran Steel") || d.m.net.opts.Cache == nil {
		t.Fatalf("r refreshed more than the selected feed:\n%s", s)
	}
	d.waitFor("the refresh over", func(string) bool { return !d.m.net.busy() })
	d.keys("R")
	d.waitText("Tidewater Deals Wire", "2/2", "refreshed 2 feeds")
}

// TestFirstFrameBeforeTheCache: the cache is read in the background; until
// it lands the library says so, and the keys work.
func TestFirstFrameBeforeTheCache(t *testing.T) {
	ws := newWebServer(t)
	d := newLive(t, Options{Theme: Dark, Web: feedsWeb(t, ws, "/feed.xml")}, 120, 36)
	if s := d.screen(); !strings.Contains(s, "reading the feed cache…") {
		t.Fatalf("the first frame does not say the cache is being read:\n%s", s)
	}
	d.keys("F")
	d.waitText("Feeds (1)", "nothing cached yet")
}
