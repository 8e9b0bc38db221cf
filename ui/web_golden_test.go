package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"newsmark/articles"
	"newsmark/feeds"
	"newsmark/model"
)

// TestGoldenRefresh: the library during a refresh, a row per feed in each
// state (fetching, new items, unchanged, failed with its reason), unread
// marks on the items that arrived, the failed feed under the library.
func TestGoldenRefresh(t *testing.T) {
	for _, th := range []Theme{Dark, Light, Mono} {
		for _, sz := range [][2]int{{80, 24}, {160, 45}} {
			if th == Mono && sz[0] != 80 {
				continue
			}
			t.Run(fmt.Sprintf("%s/%dx%d", th, sz[0], sz[1]), func(t *testing.T) {
				rec := &browserRecorder{}
				d := &driver{t: t, m: New(Options{Library: fixtureLibrary(t), Annotate: fixtureAnnotations, Theme: th,
					Web: &Web{OpenBrowser: rec.open}})}
				d.run(d.m.Init())
				d.send(resize(sz[0], sz[1]))
				w := &d.m.net
				w.begin(1)
				w.refreshing = true
				feed := func(name string) string {
					return "https://" + strings.ToLower(strings.ReplaceAll(name, " ", "-")) + ".example/feed.xml"
				}
				for _, r := range []string{"Tidewater", "Late Ledger", "Quiet Gazette", "Broken Wire"} {
					w.row(feed(r)).title = r
				}
				w.row(feed("Late Ledger")).started = true // the one still fetching
				ch := make(chan feeds.Progress)
				day := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
				steps := []feeds.Progress{
					{Feed: feed("Tidewater"), State: feeds.RefreshUpdated, New: []articles.Entry{
						{Meta: model.Article{ID: "t1", Title: "Corran Steel and Ibis Rail agree 60-40 depot venture", Source: "Tidewater", Date: day}},
						{Meta: model.Article{ID: "t2", Title: "Pelham Biotech takes 15% of Ostara Labs", Source: "Tidewater", Date: day.Add(-time.Hour)}}}},
					{Feed: feed("Quiet Gazette"), State: feeds.RefreshUnchanged},
					{Feed: feed("Broken Wire"), State: feeds.RefreshFailed, Err: errors.New("HTTP 404 Not Found")},
				}
				for _, p := range steps {
					refreshStep(&d.m, refreshMsg{ch: ch, p: p, ok: true}) // the re-armed read is not run
				}
				golden.RequireEqual(t, d.raw())
			})
		}
	}
}
