package ui

import (
	"strings"
	"testing"

	"newsmark/articles"
	"newsmark/feeds"
)

// TestConfigRefreshOnStart: with feeds.refresh_on_start the subscriptions
// are fetched as the program starts, without a key, and their items join
// the library; without it nothing is fetched until r.
func TestConfigRefreshOnStart(t *testing.T) {
	ws := newWebServer(t)
	ws.open()
	opts := func(config string) Options {
		cache := testCache(t)
		subs := []feeds.Subscription{{URL: ws.URL + "/feed.xml", Name: "Tidewater"}}
		return Options{Theme: Dark, Library: articles.Samples(), Config: loadConfig(t, config),
			Web: &Web{Client: cache.Client, Cache: cache, Subs: subs}}
	}
	d := newLive(t, opts("[feeds]\nrefresh_on_start = true\n"), 110, 40)
	d.waitText("Corran Steel and Ibis Rail", "refreshed 1 feed")

	// The feed cache opened after the first frame (newsmark given PATHs):
	// the refresh waits for it.
	later := opts("[feeds]\nrefresh_on_start = true\n")
	cache := later.Web.Cache
	later.Web.Cache = nil
	later.OpenStorage = func() Storage { return Storage{Cache: cache} }
	d = newLive(t, later, 110, 40)
	d.waitText("Corran Steel and Ibis Rail", "refreshed 1 feed")

	d = newLive(t, opts(""), 110, 40)
	if s := d.screen(); strings.Contains(s, "refreshing") || strings.Contains(s, "Corran Steel") {
		t.Fatalf("a refresh started without the setting:\n%s", s)
	}
	// The interval's tick refreshes as r does, and arms the next one.
	d = newLive(t, opts("[feeds]\nrefresh_interval = \"30m\"\n"), 110, 40)
	if s := d.screen(); strings.Contains(s, "refreshing") {
		t.Fatalf("refresh_interval alone refreshed at start:\n%s", s)
	}
	if cmd := d.m.autoRefresh(autoRefreshMsg{tick: true}); cmd == nil {
		t.Fatal("no Cmd from the tick")
	} else {
		d.exec(cmd)
	}
	d.waitText("Corran Steel and Ibis Rail", "refreshed 1 feed")
}
