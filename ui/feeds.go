package ui

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/feeds"
	"newsmark/model"
	"newsmark/sanitize"
)

// Web is the program's network side (issue 6). Nil Options.Web means no
// network: no URL arguments, no feed cache, `r` says there is nothing to
// refresh. Everything here is used only from tea.Cmds.
type Web struct {
	// Client makes every request (fetch.NewClient: timeouts, caps, UA).
	Client *http.Client
	// Cache is the offline feed cache; nil when the database could not open.
	Cache *feeds.Cache
	// Subs are the subscriptions `r` refreshes.
	Subs []feeds.Subscription
	// Cached is the cache's library, shown first (newest first), with
	// Options.Library after it in its own order (the samples listed last).
	Cached articles.Library
	// Unread holds the article IDs of unread cached items.
	Unread map[string]bool
	// URLs are fetched at start, each in its own tea.Cmd: a page becomes an
	// article, a feed fills the library with its items.
	URLs []string
	// OpenBrowser opens an http(s) URL (cli passes its launcher); nil
	// means there is no browser, and o and the links list say so.
	OpenBrowser func(string) error
}

// webItem is how to load a library entry that may need the network.
type webItem struct {
	cached bool        // a feed-cache item: Cache.LoadContext
	item   *feeds.Item // an item of a feed opened by URL
	feed   *feeds.Feed
}

// fetchRow is one feed or URL in the progress block.
type fetchRow struct {
	url, title string // title sanitised; "" until known
	state      feeds.RefreshState
	reason     string // one sanitised line when failed
	added      int
}

// webState is the root model's network bookkeeping. Contexts live here
// so esc can cancel what is in flight; the work itself runs in tea.Cmds.
type webState struct {
	opts  Web
	items map[string]webItem // by article ID

	spinner  spinner.Model
	spinning bool // a tick is pending; at most one chain runs

	rows       []fetchRow
	pending    int // URL fetches and refreshes in flight
	refreshing bool
	fetchCtx   context.Context
	cancel     context.CancelFunc // cancels every URL fetch and the refresh

	loadGen    int // the open generation whose article is being fetched, 0 none
	loadCancel context.CancelFunc
	// loadUnread is the ID of the item being loaded if it was unread: a
	// failed load leaves it unread (the store marks it read only on success).
	loadUnread struct {
		gen int
		id  string
	}
}

// Messages of the web side; each is handled by webUpdate.
type (
	// urlFetchedMsg is what a URL argument gave.
	urlFetchedMsg struct {
		url     string
		fetched feeds.Fetched
		err     error
	}
	// refreshStartedMsg carries the progress channel of a refresh.
	refreshStartedMsg struct{ ch <-chan feeds.Progress }
	// refreshMsg is one step of a refresh; ok is false when it is over.
	refreshMsg struct {
		ch <-chan feeds.Progress
		p  feeds.Progress
		ok bool
	}
	// browserMsg is the result of opening a URL in the browser.
	browserMsg struct {
		url string
		err error
	}
)

func newWebState(w *Web) webState {
	s := webState{items: map[string]webItem{}}
	if w != nil {
		s.opts = *w
	}
	if s.opts.OpenBrowser == nil {
		s.opts.OpenBrowser = func(string) error { return errors.New("no browser to open it with") }
	}
	s.spinner = spinner.New(spinner.WithSpinner(spinner.MiniDot))
	return s
}

// initWeb puts the cached items before the samples and lists the URL
// arguments as fetching; called by New.
func (m *Model) initWeb() {
	w := &m.web
	if len(w.opts.Cached.Entries) > 0 {
		es := make([]articles.Entry, len(w.opts.Cached.Entries))
		for i, e := range w.opts.Cached.Entries {
			w.items[e.Meta.ID] = webItem{cached: true}
			es[i] = articles.Entry{Meta: e.Meta} // loaded through the cache, with a context
		}
		m.library.prepend(es, w.opts.Cached.Problems)
	}
	for id := range w.opts.Unread {
		m.library.unread[id] = true
	}
	for _, u := range w.opts.URLs {
		w.rows = append(w.rows, fetchRow{url: u, title: sanitize.Text(u)})
	}
}

// startURLs gives one fetch Cmd per URL argument, for Init to run. New
// calls it, as Init's value receiver could not keep the fetch context.
func (m *Model) startURLs() tea.Cmd {
	if len(m.web.opts.URLs) == 0 {
		return nil
	}
	ctx := m.web.begin(len(m.web.opts.URLs))
	cmds := []tea.Cmd{m.web.spin()}
	for _, u := range m.web.opts.URLs {
		cmds = append(cmds, fetchURL(ctx, m.web.opts.Client, u))
	}
	return tea.Batch(cmds...)
}

// begin counts n fetches in and returns the context that cancels them.
func (w *webState) begin(n int) context.Context {
	if w.pending == 0 || w.fetchCtx == nil {
		w.fetchCtx, w.cancel = context.WithCancel(context.Background())
	}
	w.pending += n
	return w.fetchCtx
}

// end counts one fetch out; the rows go once nothing is in flight.
func (w *webState) end() {
	w.pending = max(w.pending-1, 0)
	if w.pending == 0 {
		w.cancel()
		w.rows = nil
	}
}

func (w *webState) busy() bool { return w.pending > 0 || w.loadGen != 0 }

// spin starts the spinner unless its tick chain already runs.
func (w *webState) spin() tea.Cmd {
	if w.spinning {
		return nil
	}
	w.spinning = true
	return w.spinner.Tick
}

func fetchURL(ctx context.Context, c *http.Client, u string) tea.Cmd {
	return func() tea.Msg {
		f, err := feeds.Fetch(ctx, c, u)
		return urlFetchedMsg{url: u, fetched: f, err: err}
	}
}

func startRefresh(ctx context.Context, c *feeds.Cache, subs []feeds.Subscription) tea.Cmd {
	return func() tea.Msg { return refreshStartedMsg{ch: c.RefreshAsync(ctx, subs)} }
}

// nextProgress waits for the refresh's next step; Update re-arms it.
func nextProgress(ch <-chan feeds.Progress) tea.Cmd {
	return func() tea.Msg {
		p, ok := <-ch
		return refreshMsg{ch: ch, p: p, ok: ok}
	}
}

func openBrowser(open func(string) error, u string) tea.Cmd {
	return func() tea.Msg { return browserMsg{url: u, err: open(u)} }
}

// webUpdate handles the web side's messages; ok is false for any other.
func (m *Model) webUpdate(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	w := &m.web
	switch msg := msg.(type) {
	case spinner.TickMsg:
		if !w.busy() {
			w.spinning = false
			return nil, true
		}
		w.spinner, cmd = w.spinner.Update(msg)
		return cmd, true
	case urlFetchedMsg:
		return m.urlFetched(msg), true
	case refreshStartedMsg:
		return nextProgress(msg.ch), true
	case refreshMsg:
		return m.refreshStep(msg), true
	case browserMsg:
		if msg.err != nil {
			m.setStatus(sanitize.Line(msg.err.Error()), true)
		} else {
			m.setStatus("opened in the browser: "+sanitize.Text(msg.url), false)
		}
		return nil, true
	}
	return nil, false
}

// urlFetched puts a fetched page or feed into the library; a lone page
// with nothing else to show opens at once.
func (m *Model) urlFetched(msg urlFetchedMsg) tea.Cmd {
	w := &m.web
	defer w.end()
	row := w.row(msg.url)
	if msg.err != nil {
		reason := sanitize.Line(msg.err.Error())
		row.state, row.reason = feeds.RefreshFailed, reason
		m.library.setProblem(msg.url, reason)
		m.setStatus(sanitize.Line(msg.url+": "+reason), true)
		return m.layout()
	}
	row.state = feeds.RefreshUpdated
	if a := msg.fetched.Article; a != nil {
		row.added = 1
		e := articles.Entry{Meta: *a}
		lone := len(m.library.entries) == 0 && len(w.opts.URLs) == 1
		m.library.add([]articles.Entry{e})
		if lone {
			return m.open(e)
		}
		return m.layout()
	}
	f := msg.fetched.Feed
	es := make([]articles.Entry, 0, len(f.Items))
	for i := range f.Items {
		it := &f.Items[i]
		meta := it.Meta(f.URL, f.Title, f.FetchedAt)
		if it.Content == "" {
			w.items[meta.ID] = webItem{item: it, feed: f}
		}
		es = append(es, articles.Entry{Meta: meta})
	}
	row.added = len(es)
	if f.Title != "" {
		row.title = f.Title
	}
	m.library.add(es)
	for _, p := range f.Problems {
		m.library.setProblem(p.Path, p.Reason)
	}
	m.setStatus(plural(len(es), "item", "items")+" from "+row.title, false)
	return m.layout()
}

// row is the progress row of url, added if new.
func (w *webState) row(url string) *fetchRow {
	for i := range w.rows {
		if w.rows[i].url == url {
			return &w.rows[i]
		}
	}
	w.rows = append(w.rows, fetchRow{url: url, title: sanitize.Text(url)})
	return &w.rows[len(w.rows)-1]
}

// refresh starts fetching every subscription in the background.
func (m *Model) refresh() tea.Cmd {
	w := &m.web
	switch {
	case w.opts.Cache == nil || len(w.opts.Subs) == 0:
		m.setStatus("no subscriptions to refresh (newsmark feeds add URL)", false)
		return nil
	case w.refreshing:
		m.setStatus("already refreshing (esc in the library cancels)", false)
		return nil
	}
	w.refreshing = true
	ctx := w.begin(1)
	for _, s := range w.opts.Subs {
		r := w.row(s.URL)
		if s.Name != "" {
			r.title = sanitize.Text(s.Name)
		}
		r.state, r.reason = feeds.RefreshFetching, ""
	}
	return tea.Batch(startRefresh(ctx, w.opts.Cache, w.opts.Subs), w.spin(), m.layout())
}

// refreshStep applies one feed's progress: new items join the library as
// they arrive, a failure is one line on the feed (status bar and library).
func (m *Model) refreshStep(msg refreshMsg) tea.Cmd {
	w := &m.web
	if !msg.ok {
		w.refreshing = false
		done, failed, added := 0, 0, 0
		for _, r := range w.rows {
			if r.state != feeds.RefreshFetching {
				done++
			}
			if r.state == feeds.RefreshFailed {
				failed++
			}
			added += r.added
		}
		s := "refreshed " + plural(done, "feed", "feeds") + ": " + plural(added, "new item", "new items")
		if w.fetchCtx.Err() != nil { // esc: the rows still fetching were cut short
			s, failed = "refresh cancelled: "+plural(added, "new item", "new items"), 0
		}
		if failed > 0 {
			s += ", " + strconv.Itoa(failed) + " failed (reasons below the library)"
		}
		m.setStatus(s, failed > 0)
		w.end()
		return m.layout()
	}
	p := msg.p
	r := w.row(p.Feed)
	r.state = p.State
	if p.Title != "" {
		r.title = sanitize.Text(p.Title)
	}
	switch p.State {
	case feeds.RefreshUpdated, feeds.RefreshUnchanged:
		m.library.setProblem(p.Feed, "")
		es := make([]articles.Entry, len(p.New))
		for i, e := range p.New {
			w.items[e.Meta.ID] = webItem{cached: true}
			m.library.unread[e.Meta.ID] = true
			es[i] = articles.Entry{Meta: e.Meta}
		}
		r.added = len(es)
		m.library.add(es)
		for _, pr := range p.Problems {
			m.library.setProblem(pr.Path, pr.Reason)
		}
	case feeds.RefreshFailed:
		r.reason = "failed"
		if p.Err != nil {
			r.reason = sanitize.Line(p.Err.Error())
		}
		if w.fetchCtx.Err() == nil { // a cancelled refresh is not the feed's fault
			m.library.setProblem(p.Feed, r.reason)
		}
		m.setStatus(sanitize.Line(r.title+": "+r.reason), true)
	}
	return tea.Batch(nextProgress(msg.ch), m.layout())
}

// loadEntry is the Cmd that loads e for the reader: through the network
// (cancellable by esc, with the spinner) when it is a web item.
func (m *Model) loadEntry(e articles.Entry) tea.Cmd {
	w := &m.web
	w.stopLoad()
	wi, ok := w.items[e.Meta.ID]
	if !ok {
		return loadArticle(m.gen, e)
	}
	w.loadUnread.gen, w.loadUnread.id = m.gen, ""
	if m.library.unread[e.Meta.ID] {
		w.loadUnread.id = e.Meta.ID
		delete(m.library.unread, e.Meta.ID)
	}
	ctx, cancel := context.WithCancel(context.Background())
	w.loadGen, w.loadCancel = m.gen, cancel
	gen, meta, c, cl := m.gen, e.Meta, w.opts.Cache, w.opts.Client
	load := func() tea.Msg {
		var a model.Article
		var err error
		switch {
		case wi.cached && c != nil:
			a, err = c.LoadContext(ctx, articles.Entry{Meta: meta})
		case wi.item != nil:
			a, err = wi.item.Entry(ctx, cl, wi.feed).Load()
		default:
			err = errors.New("the feed cache is not open")
		}
		return articleLoadedMsg{gen: gen, article: a, err: err}
	}
	return tea.Batch(load, w.spin())
}

// stopLoad cancels the article fetch in flight, if any.
func (w *webState) stopLoad() bool {
	if w.loadGen == 0 {
		return false
	}
	w.loadCancel()
	w.loadGen = 0
	return true
}

// articleDone is told of every article load: a failed one gives its
// reason in the status bar and under the library.
func (m *Model) articleDone(msg articleLoadedMsg) {
	if msg.gen == m.web.loadGen {
		m.web.loadGen = 0
	}
	if lu := &m.web.loadUnread; msg.err != nil && msg.gen == lu.gen && lu.id != "" {
		m.library.unread[lu.id] = true
		lu.id = ""
	}
	if msg.err != nil && msg.gen == m.gen {
		m.setStatus(sanitize.Line(msg.err.Error()), true)
		cause := msg.err // the fetch's own error, also under the feed's summary
		if so := (*feeds.SummaryOnly)(nil); errors.As(cause, &so) {
			cause = so.Err
		}
		if u := m.entry.Meta.URL; u != "" {
			m.library.setProblem(u, strings.TrimPrefix(sanitize.Line(cause.Error()), sanitize.Text(u)+": "))
		}
	}
}

// cancelFetches is esc's first job: in the reader it cancels the article
// fetch (and esc goes on back to the library); in the library, with no
// filter to clear, it cancels the URL fetches and the refresh. It reports
// whether esc is used up.
func (m *Model) cancelFetches() bool {
	w := &m.web
	if m.screen == screenReader {
		if w.stopLoad() {
			m.setStatus("fetch cancelled", false)
		}
		return false
	}
	if m.library.filter != "" || w.pending == 0 {
		return false
	}
	w.cancel()
	m.setStatus("cancelling the fetches…", false)
	return true
}

// browse opens the current article (or the selected library entry) in
// the browser.
func (m *Model) browse() tea.Cmd {
	u := m.reader.article.URL
	if m.screen == screenLibrary {
		e, ok := m.library.selected()
		if !ok {
			return nil
		}
		u = e.Meta.URL
	}
	if u == "" {
		m.setStatus("this article has no web address", false)
		return nil
	}
	return openBrowser(m.web.opts.OpenBrowser, u)
}

// annotateNext annotates library entries in the background from index i,
// skipping web items: loading one would fetch its page or mark it read.
func (m Model) annotateNext(i int) tea.Cmd {
	es := m.library.entries
	for ; i >= 0 && i < len(es); i++ {
		if _, web := m.web.items[es[i].Meta.ID]; !web {
			return annotateEntry(i, es[i], len(es), m.opts.Annotate)
		}
	}
	return nil
}
