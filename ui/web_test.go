package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"newsmark/articles"
	"newsmark/feeds"
	"newsmark/fetch"
	"newsmark/model"
)

func webOpts(ws *webServer, urls ...string) Options {
	full := make([]string, len(urls))
	for i, u := range urls {
		full[i] = ws.URL + u
	}
	return Options{Theme: Dark, Web: &Web{Client: fetch.NewClient("test"), URLs: full}}
}

// TestURLFeedFillsLibraryWithoutWaiting: the first frame is drawn before
// the network answers, with a progress row; the feed's items then fill the
// library, and opening a summary-only item fetches its page's full text.
func TestURLFeedFillsLibraryWithoutWaiting(t *testing.T) {
	ws := newWebServer(t)
	d := newLive(t, webOpts(ws, "/feed.xml"), 100, 30)
	s := d.screen() // no message applied yet: nothing came from the network
	if !strings.Contains(s, "fetching 0/1") || !strings.Contains(s, "/feed.xml") {
		t.Fatalf("first frame shows no fetch in progress:\n%s", s)
	}
	d.waitText("Corran Steel and Ibis Rail agree 60-40 depot venture", "Pelham Biotech takes 15% of Ostara Labs", "Tidewater Deals Wire")
	if strings.Contains(d.screen(), "fetching") {
		t.Fatalf("progress still shown after the feed arrived:\n%s", d.screen())
	}
	d.keys("enter")
	// The feed only said "The partners will spend €340 million": the page has the rest.
	d.waitText("rolling-stock maintenance depot", "Isla Munro")
}

// TestURLPageOpensInReader: a lone page argument opens straight in the reader.
func TestURLPageOpensInReader(t *testing.T) {
	ws := newWebServer(t)
	d := newLive(t, webOpts(ws, "/pages/pelham.html"), 100, 30)
	d.waitFor("the page in the reader", func(s string) bool {
		return d.m.screen == screenReader && strings.Contains(s, "enzyme therapies")
	})
}

// TestURLErrorInStatusAndLibrary: a 404 gives one line in the status bar
// and under the library, while the other URL still loads.
func TestURLErrorInStatusAndLibrary(t *testing.T) {
	ws := newWebServer(t)
	d := newLive(t, webOpts(ws, "/missing.xml", "/feed.xml"), 100, 30)
	s := d.waitText("Pelham Biotech", "missing.xml: HTTP 404 Not Found")
	_ = s
	if d.m.status == "" && !strings.Contains(d.screen(), "404") {
		t.Fatal("no reason shown")
	}
}

// TestRefreshProgressThenItems: r shows a row per feed; a failing feed shows
// its reason while the others go on; items arrive as each feed finishes; a
// feed still fetching keeps its spinner until it answers.
func TestRefreshProgressThenItems(t *testing.T) {
	ws := newWebServer(t)
	cache := testCache(t)
	subs := []feeds.Subscription{
		{URL: ws.URL + "/feed.xml", Name: "Tidewater"},
		{URL: ws.URL + "/missing.xml", Name: "Broken Wire"},
		{URL: ws.URL + "/gated.xml", Name: "Late Ledger"},
	}
	opts := Options{Theme: Dark, Library: articles.Samples(),
		Web: &Web{Client: cache.Client, Cache: cache, Subs: subs}}
	d := newLive(t, opts, 110, 40)
	d.keys("r")
	s := d.screen()
	for _, want := range []string{"refreshing 0/3", "Tidewater", "Broken Wire", "Late Ledger"} {
		if !strings.Contains(s, want) {
			t.Fatalf("after r the screen lacks %q:\n%s", want, s)
		}
	}
	// The open feed and the 404 finish while the gated one still waits.
	s = d.waitText("Corran Steel and Ibis Rail", "HTTP 404 Not Found", "refreshing 2/3")
	if !strings.Contains(s, "2 new items") {
		t.Fatalf("no count of new items:\n%s", s)
	}
	if !strings.Contains(s, "● unread") {
		t.Fatalf("new items are not marked unread:\n%s", s)
	}
	if strings.Contains(s, "Maribel Foods") {
		t.Fatal("the gated feed's item appeared before the feed answered")
	}
	ws.open()
	s = d.waitText("Maribel Foods buys Quayside Bakeries", "refreshed 3 feeds")
	if strings.Contains(s, "refreshing") {
		t.Fatalf("progress block still shown after the refresh:\n%s", s)
	}
	// The failing feed's reason stays under the library.
	if !strings.Contains(s, "/missing.xml: HTTP 404 Not Found") {
		t.Fatalf("library footer lacks the feed's reason:\n%s", s)
	}
	// Feed items come before the samples, whatever their dates.
	first := d.m.library.entries[0].Meta.ID
	last := d.m.library.entries[len(d.m.library.entries)-1].Meta
	if !strings.HasPrefix(first, ws.URL) || last.Path == "" {
		t.Fatalf("feed items not first or samples not last: first %q, last %+v", first, last.Path)
	}
}

// TestCachedLibraryOpensOffline: after a refresh, a new program lists the
// cached items with no network at all, unread marked; opening one reads its
// prefetched text offline and marks it read.
func TestCachedLibraryOpensOffline(t *testing.T) {
	ws := newWebServer(t)
	cache := testCache(t)
	subs := []feeds.Subscription{{URL: ws.URL + "/feed.xml", Name: "Tidewater"}}
	cache.Refresh(context.Background(), subs, func(feeds.Progress) {})
	ws.Close() // offline from here on

	ctx := context.Background()
	opts := Options{Theme: Dark, Web: &Web{Client: cache.Client, Cache: cache, Subs: subs, ListCache: true}}
	d := newLive(t, opts, 100, 30)
	s := d.waitText("Corran Steel and Ibis Rail", "2 unread")
	if strings.Count(s, "● unread") != 2 {
		t.Fatalf("cached items not listed with their unread marks:\n%s", s)
	}
	d.keys("enter")
	d.waitText("rolling-stock maintenance depot")
	d.keys("esc")
	d.waitFor("one unread left", func(s string) bool { return strings.Count(s, "● unread") == 1 })
	unread, _ := cache.Unread(ctx)
	if len(unread) != 1 {
		t.Fatalf("the store has %d unread items after opening one, want 1", len(unread))
	}
}

// TestBrowserKeyOpensArticleURL: o hands the open article's URL to the
// browser helper (cli's launcher, which runs $BROWSER: cli/browser_test.go).
func TestBrowserKeyOpensArticleURL(t *testing.T) {
	ws := newWebServer(t)
	rec := &browserRecorder{}
	opts := webOpts(ws, "/pages/pelham.html")
	opts.Web.OpenBrowser = rec.open
	d := newLive(t, opts, 100, 30)
	d.waitText("enzyme therapies")
	d.keys("o")
	d.waitText("opened in the browser")
	if got := rec.got(); len(got) != 1 || got[0] != ws.URL+"/pages/pelham.html" {
		t.Fatalf("browser got %v", got)
	}
}

// TestBrowserKeyWithoutURL: an article with no web address says so.
func TestBrowserKeyWithoutURL(t *testing.T) {
	rec := &browserRecorder{}
	d := newLive(t, Options{Library: singleLibrary(fixtureArticle(t)), Web: &Web{OpenBrowser: rec.open}}, 100, 30)
	d.waitText("Rotterdam")
	d.keys("o")
	d.waitText("this article has no web address")
	if len(rec.got()) != 0 {
		t.Fatalf("browser opened %v", rec.got())
	}
}

// TestLinksOverlay: L lists the article's links (absolute URLs), enter opens
// the selected one with the browser helper, esc closes the list.
func TestLinksOverlay(t *testing.T) {
	ws := newWebServer(t)
	rec := &browserRecorder{}
	opts := webOpts(ws, "/pages/corran.html")
	opts.Web.OpenBrowser = rec.open
	d := newLive(t, opts, 100, 30)
	d.waitText("rolling-stock maintenance depot")
	d.keys("L")
	d.waitText("Links (2)", "rail regulator", "https://regulator.example/rail", "the filing", ws.URL+"/filings/corran-2026.pdf")
	d.keys("j", "enter")
	d.waitText("opened in the browser")
	if got := rec.got(); len(got) != 1 || got[0] != ws.URL+"/filings/corran-2026.pdf" {
		t.Fatalf("browser got %v", got)
	}
	d.keys("esc")
	s := d.screen()
	if strings.Contains(s, "Links (2)") || !strings.Contains(s, "rolling-stock") || d.m.screen != screenReader {
		t.Fatalf("esc did not close the links back to the article:\n%s", s)
	}
}

// TestLinksNone: L on an article without links says so and opens nothing.
func TestLinksNone(t *testing.T) {
	d := newDriver(t, singleLibrary(model.Article{ID: "x", Title: "No links here", Body: "Plain text only."}), Dark, 80, 20)
	d.keys("L")
	d.mustSee("this article has no links")
	if d.m.overlay == overlayLinks {
		t.Fatal("links overlay open with no links")
	}
}

// TestEscCancelsSlowURL: a URL whose server never answers shows its
// progress; esc cancels the request (the server sees it end) and the
// library says so.
func TestEscCancelsSlowURL(t *testing.T) {
	ws := newWebServer(t)
	d := newLive(t, webOpts(ws, "/slow/feed.xml"), 100, 30)
	d.waitText("fetching 0/1")
	ws.waitStarted(t)
	d.keys("esc")
	select {
	case p := <-ws.cancelled:
		if p != "/slow/feed.xml" {
			t.Fatalf("cancelled %s", p)
		}
	case <-time.After(waitLimit):
		t.Fatal("the request was not cancelled")
	}
	d.waitText("/slow/feed.xml: cancelled")
	if d.m.net.busy() {
		t.Fatal("still busy after cancelling")
	}
}

// TestEscCancelsSlowArticle: opening a summary-only item whose page hangs
// shows the fetch in the status bar; esc cancels it and goes back.
func TestEscCancelsSlowArticle(t *testing.T) {
	ws := newWebServer(t)
	f := &feeds.Feed{URL: ws.URL + "/feed.xml", Title: "Slow Wire", FetchedAt: time.Now()}
	f.Items = []feeds.Item{{GUID: "s1", URL: ws.URL + "/slow/page.html", Title: "A page that never comes",
		Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}}
	opts := Options{Theme: Dark, Library: articles.Library{Entries: []articles.Entry{
		{Meta: model.Article{ID: "other", Title: "Another story", Body: "Text."}},
		{Meta: model.Article{ID: "more", Title: "One more story", Body: "More text."}}}},
		Web: &Web{Client: fetch.NewClient("test")}}
	d := newLive(t, opts, 100, 30)
	// Feed the item in as a fetched feed would arrive.
	d.m.net.begin(1)
	d.send(urlFetchedMsg{url: f.URL, fetched: feeds.Fetched{Feed: f}})
	d.waitText("A page that never comes")
	d.keys("enter")
	d.waitText("fetching the full article")
	ws.waitStarted(t)
	d.keys("esc")
	select {
	case <-ws.cancelled:
	case <-time.After(waitLimit):
		t.Fatal("the page request was not cancelled")
	}
	s := d.waitText("fetch cancelled")
	if d.m.screen != screenLibrary || !strings.Contains(s, "Another story") {
		t.Fatalf("esc did not go back to the library:\n%s", s)
	}
}

// TestEscCancelsRefresh: esc in the library stops a refresh whose feed
// hangs; the feed gets no failure line (the reader cut it short), and a
// second r can start again (and is cancelled in turn, so the test server
// closes at once rather than when the client gives up).
func TestEscCancelsRefresh(t *testing.T) {
	ws := newWebServer(t)
	cache := testCache(t)
	subs := []feeds.Subscription{{URL: ws.URL + "/slow/feed.xml", Name: "Hanging Wire"}}
	opts := Options{Theme: Dark, Library: fixtureLibrary(t), Web: &Web{Client: cache.Client, Cache: cache, Subs: subs}}
	d := newLive(t, opts, 100, 30)
	d.keys("r")
	d.waitText("refreshing 0/1", "Hanging Wire")
	ws.waitStarted(t)
	d.keys("esc")
	s := d.waitText("refresh cancelled")
	if strings.Contains(s, "slow/feed.xml: cancelled") || d.m.net.busy() {
		t.Fatalf("a cancelled refresh left a failure line or work in flight:\n%s", s)
	}
	d.keys("r")
	d.waitText("refreshing 0/1")
	ws.waitStarted(t)
	d.keys("esc")
	d.waitText("refresh cancelled")
}

// TestFailedOpenShowsSummaryAndStaysUnread: an unread cached item whose
// page cannot be fetched (the server is gone) opens with the feed's summary
// as its text, says why in the status bar, and stays unread.
func TestFailedOpenShowsSummaryAndStaysUnread(t *testing.T) {
	ws := newWebServer(t)
	cache := testCache(t)
	cache.Prefetch = 0 // nothing cached but the feed: opening needs the page
	subs := []feeds.Subscription{{URL: ws.URL + "/feed.xml", Name: "Tidewater"}}
	cache.Refresh(context.Background(), subs, func(feeds.Progress) {})
	ws.Close()
	opts := Options{Theme: Dark, Library: fixtureLibrary(t),
		Web: &Web{Client: cache.Client, Cache: cache, Subs: subs, ListCache: true}}
	d := newLive(t, opts, 100, 30)
	d.waitText("Corran Steel")
	d.keys("enter")
	// the summary as the text (it wraps after "on a"), the reason in the status bar
	d.waitText("The partners will spend €340 million", "showing the feed's summary: ", "/pages/corran.html: dial")
	d.keys("esc")
	s := d.waitText("Corran Steel")
	if strings.Count(s, "● unread") != 2 {
		t.Fatalf("the item that failed to open is no longer unread:\n%s", s)
	}
}

// TestBrowserKeyInLibrary: o in the library opens the selected item's URL.
func TestBrowserKeyInLibrary(t *testing.T) {
	rec := &browserRecorder{}
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	lib := articles.Library{Entries: []articles.Entry{
		{Meta: model.Article{ID: "a", Title: "First", URL: "https://wire.example/a", Date: day}},
		{Meta: model.Article{ID: "b", Title: "Second", URL: "https://wire.example/b", Date: day.Add(-time.Hour)}},
	}}
	d := newLive(t, Options{Library: lib, Web: &Web{OpenBrowser: rec.open}}, 80, 20)
	d.keys("j", "o")
	d.waitText("opened in the browser: https://wire.example/b")
	if got := rec.got(); len(got) != 1 || got[0] != "https://wire.example/b" {
		t.Fatalf("browser got %v", got)
	}
}

// TestLinkOtherSchemeRefused: a link that is not http(s) is listed, and
// when the browser helper refuses it (cli's launcher does:
// cli/browser_test.go) its reason is in the status bar.
func TestLinkOtherSchemeRefused(t *testing.T) {
	a := model.Article{ID: "x", Title: "Odd links", Body: "Text with an odd link.",
		Links: []model.Link{{Text: "local file", URL: "file:///etc/passwd"}}}
	refuse := func(u string) error { return fmt.Errorf("not opening %q: only http and https URLs", u) }
	d := newLive(t, Options{Library: singleLibrary(a), Web: &Web{OpenBrowser: refuse}}, 80, 20)
	d.waitText("Text with an odd link.")
	d.keys("L")
	d.waitText("local file", "file:///etc/passwd")
	d.keys("enter")
	d.waitText("only http and https URLs")
}

// TestProgramDrawsBeforeTheNetwork runs the real Program (teatest) on a URL
// whose server never answers: the first frame with its progress row comes
// at once, esc cancels the request, q quits.
func TestProgramDrawsBeforeTheNetwork(t *testing.T) {
	ws := newWebServer(t)
	tm := teatest.NewTestModel(t, New(webOpts(ws, "/slow/feed.xml")), teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("fetching 0/1"))
	}, teatest.WithDuration(waitLimit))
	ws.waitStarted(t)
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	select {
	case <-ws.cancelled:
	case <-time.After(waitLimit):
		t.Fatal("esc did not cancel the request")
	}
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("xml: cancelled"))
	}, teatest.WithDuration(waitLimit))
	tm.Type("q")
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(waitLimit)).(Model)
	if fm.net.busy() || !strings.Contains(strings.Join(fm.library.problems, "\n"), "/slow/feed.xml: cancelled") {
		t.Fatalf("after esc: busy %v, problems %q", fm.net.busy(), fm.library.problems)
	}
}

// TestProgressRowsSanitised: a subscription name or feed title carrying
// escape sequences reaches the screen without them.
func TestProgressRowsSanitised(t *testing.T) {
	cache := testCache(t)
	evil := "\x1b]0;pwned\x07Evil\x1b[2J Wire"
	subs := []feeds.Subscription{{URL: "http://127.0.0.1:1/feed.xml", Name: evil}}
	d := newDriver(t, fixtureLibrary(t), Dark, 100, 30)
	d.m.net.opts = Web{Client: cache.Client, Cache: cache, Subs: subs, OpenBrowser: (&browserRecorder{}).open}
	refreshStart(&d.m) // the rows only: the Cmds that would fetch are not run
	refreshStep(&d.m, refreshMsg{ch: make(chan feeds.Progress), ok: true, p: feeds.Progress{
		Feed: subs[0].URL, Title: evil, State: feeds.RefreshFailed, Err: errors.New("HTTP 500\x1b[31m Internal\rServer Error")}})
	raw := d.raw()
	for _, bad := range []string{"\x1b]0;", "\x07", "\x1b[2J", "\r", "\x1b[31m Internal"} {
		if strings.Contains(raw, bad) {
			t.Fatalf("screen carries %q", bad)
		}
	}
	d.mustSee("Evil Wire", "HTTP 500")
}

// TestRefreshRowsShowFeedsStillLoading: with more feeds than rows, the
// feeds being fetched are listed before the finished ones and those
// waiting, and a long URL gets the width of the line, not a third of it.
func TestRefreshRowsShowFeedsStillLoading(t *testing.T) {
	d := newDriver(t, fixtureLibrary(t), Dark, 160, 45)
	w := &d.m.net
	w.begin(1)
	w.refreshing = true
	url := func(i int) string {
		return fmt.Sprintf("https://markets.example-newsroom.example/sections/companies/ventures/feed-%02d.xml", i)
	}
	for i := 0; i < 10; i++ {
		w.row(url(i))
	}
	for _, i := range []int{0, 1, 2, 3, 4, 5} { // six finished
		w.row(url(i)).started = true
		refreshStep(&d.m, refreshMsg{ch: make(chan feeds.Progress), p: feeds.Progress{Feed: url(i), State: feeds.RefreshUnchanged}, ok: true})
	}
	for _, i := range []int{8, 9} { // two under way, listed last in the file
		refreshStep(&d.m, refreshMsg{ch: make(chan feeds.Progress), p: feeds.Progress{Feed: url(i), State: feeds.RefreshFetching}, ok: true})
	}
	d.send(resize(160, 45))
	s := d.screen()
	for _, i := range []int{8, 9} {
		if !lineHas(s, url(i), "fetching") {
			t.Fatalf("feed %d, still loading, not listed whole with its spinner:\n%s", i, s)
		}
	}
	if !lineHas(s, url(5), "unchanged") || !strings.Contains(s, "… and 4 more") {
		t.Fatalf("the latest finished feed or the count of the rest missing:\n%s", s)
	}
}

// TestRetryAfterEscCancelsURL: the library a cancelled URL fetch leaves
// empty says what happened and offers r, which fetches it again.
func TestRetryAfterEscCancelsURL(t *testing.T) {
	ws := newWebServer(t)
	d := newLive(t, webOpts(ws, "/gated.xml"), 100, 30)
	d.waitText("fetching 0/1")
	d.keys("esc")
	d.waitText("/gated.xml was cancelled · r tries again", "r try again")
	ws.open()
	d.keys("r")
	d.waitText("Maribel Foods buys Quayside Bakeries")
	if strings.Contains(d.screen(), "tries again") {
		t.Fatalf("the retry offer stays after the retry worked:\n%s", d.screen())
	}
}
