package ui

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/feeds"
	"newsmark/fetch"
	"newsmark/store"
)

// liveDriver runs a Model like a Program without a terminal: every Cmd
// runs on its own goroutine (so a fetch that blocks does not block the
// keys), its message comes back on msgs, and waitFor applies messages until
// the screen shows what a test expects.
type liveDriver struct {
	t    *testing.T
	m    Model
	msgs chan tea.Msg
	done chan struct{}
}

func newLive(t *testing.T, opts Options, w, h int) *liveDriver {
	t.Helper()
	if opts.Annotate == nil {
		opts.Annotate = fixtureAnnotations
	}
	d := &liveDriver{t: t, m: New(opts), msgs: make(chan tea.Msg, 64), done: make(chan struct{})}
	// Cancel whatever the model still has in flight, so a test server
	// closing after the test is not kept waiting for the client's timeout.
	t.Cleanup(func() { d.stopFetches(); close(d.done) })
	d.exec(d.m.Init())
	d.send(resize(w, h))
	return d
}

// stopFetches cancels every fetch the model has in flight: the URL
// arguments, the refresh and the article being loaded.
func (d *liveDriver) stopFetches() {
	if d.m.net.cancel != nil {
		d.m.net.cancel()
	}
	d.m.net.stopLoad()
}

func (d *liveDriver) exec(cmd tea.Cmd) {
	if cmd != nil {
		go d.runCmd(cmd)
	}
}

// runCmd runs cmd; batches fan out, sequences run in order.
func (d *liveDriver) runCmd(cmd tea.Cmd) {
	msg := cmd()
	switch msg := msg.(type) {
	case nil:
		return
	case tea.BatchMsg:
		for _, c := range msg {
			d.exec(c)
		}
		return
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := 0; i < v.Len(); i++ {
			if c := v.Index(i).Interface().(tea.Cmd); c != nil {
				d.runCmd(c)
			}
		}
		return
	}
	if strings.HasPrefix(reflect.TypeOf(msg).PkgPath(), "charm.land/bubbletea") {
		return // terminal requests and quit: no terminal here
	}
	select {
	case d.msgs <- msg:
	case <-d.done:
	}
}

func (d *liveDriver) send(msg tea.Msg) {
	mm, cmd := d.m.Update(msg)
	d.m = mm.(Model)
	d.exec(cmd)
}

func (d *liveDriver) keys(names ...string) {
	for _, n := range names {
		d.send(keyPress(n))
	}
}

func (d *liveDriver) screen() string { return ansi.Strip(d.m.View().Content) }

// waitFor applies messages until ok holds for the screen. The deadline
// only ends a test that has failed: generous, for a loaded machine.
func (d *liveDriver) waitFor(what string, ok func(screen string) bool) string {
	d.t.Helper()
	deadline := time.After(waitLimit)
	for {
		s := d.screen()
		if ok(s) {
			return s
		}
		select {
		case msg := <-d.msgs:
			d.send(msg)
		case <-deadline:
			d.t.Fatalf("timed out waiting for %s; screen:\n%s", what, s)
		}
	}
}

// waitText waits until the screen shows every one of want.
func (d *liveDriver) waitText(want ...string) string {
	d.t.Helper()
	return d.waitFor(strings.Join(want, ", "), func(s string) bool {
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	})
}

// waitLimit is how long a test waits for what it expects before failing.
// Passing tests never wait this long; it only has to outlast a loaded
// machine running the race detector.
const waitLimit = 30 * time.Second

// webServer serves testdata/web on loopback, with extra routes:
// /missing.xml is a 404, /slow/... blocks until the client gives up (and
// reports it on cancelled), /gated.xml waits for release to be closed.
type webServer struct {
	*httptest.Server
	started   chan string // paths of /slow/ requests the server has received
	cancelled chan string // paths whose request context ended early
	release   chan struct{}
	once      sync.Once
}

func newWebServer(t *testing.T) *webServer {
	t.Helper()
	ws := &webServer{started: make(chan string, 8), cancelled: make(chan string, 8), release: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("/missing.xml", http.NotFound)
	mux.HandleFunc("/slow/", func(w http.ResponseWriter, r *http.Request) {
		ws.started <- r.URL.Path
		<-r.Context().Done()
		ws.cancelled <- r.URL.Path
	})
	mux.HandleFunc("/gated.xml", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-ws.release:
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(gatedFeed))
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		b, err := os.ReadFile(filepath.Join("testdata", "web", filepath.FromSlash(strings.TrimPrefix(r.URL.Path, "/"))))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".xml") {
			w.Header().Set("Content-Type", "application/rss+xml")
		} else {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		w.Write(b)
	})
	ws.Server = httptest.NewServer(mux)
	t.Cleanup(func() { ws.open(); ws.Close() })
	return ws
}

// waitStarted waits until the server has a /slow/ request in hand.
func (ws *webServer) waitStarted(t *testing.T) {
	t.Helper()
	select {
	case <-ws.started:
	case <-time.After(waitLimit):
		t.Fatal("the request never reached the server")
	}
}

// open lets /gated.xml answer.
func (ws *webServer) open() { ws.once.Do(func() { close(ws.release) }) }

// gatedFeed carries its article in full, so it reads without a page.
const gatedFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Late Ledger</title>
<item><title>Maribel Foods buys Quayside Bakeries</title><guid>ll-1</guid>
<pubDate>Tue, 10 Mar 2026 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Maribel Foods agreed to buy Quayside Bakeries for $61 million in cash.</p>]]></content:encoded>
</item></channel></rss>`

// testCache is a feed cache in a fresh database under t.TempDir.
func testCache(t *testing.T) *feeds.Cache {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "newsmark.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return feeds.NewCache(db, fetch.NewClient("test"))
}

// browserRecorder is an OpenBrowser that records the URLs it is given.
type browserRecorder struct {
	mu   sync.Mutex
	urls []string
}

func (b *browserRecorder) open(u string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.urls = append(b.urls, u)
	return nil
}

func (b *browserRecorder) got() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.urls...)
}

// refreshStart starts a refresh on m as r would, without running the Cmds
// that fetch: the progress rows only.
func refreshStart(m *Model) {
	_, req := m.net.refresh(nil)
	m.apply(req)
}

// refreshStep applies one step of a refresh to m as Update would, without
// re-arming the read of the progress channel.
func refreshStep(m *Model, msg refreshMsg) tea.Cmd {
	_, req := m.net.refreshStep(msg)
	return m.apply(req)
}
