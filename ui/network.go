package ui

import (
	"context"
	"errors"
	"net/http"
	"slices"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/feeds"
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
	// Subs are the subscriptions as the program started.
	Subs []feeds.Subscription
	// SubsPath is the feeds file Subs came from; every refresh reads it
	// again, so a feed added from another shell is fetched. "" keeps Subs.
	SubsPath string
	// ListCache lists the cache's items at start (newsmark with no
	// arguments), newest first before Options.Library: they are read in
	// the background, with their read and star marks and the feeds view.
	ListCache bool
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
	// started says the fetch is under way: a refresh's feeds wait their
	// turn (four at a time) before it is.
	started bool
	done    int    // the order it finished in, from 1; 0 while fetching
	reason  string // one sanitised line when failed
	added   int
}

// network is the program's network side: the URL arguments, the feed
// refresh, the article fetches (article_load.go) and the browser. It keeps
// the contexts so esc can cancel what is in flight; the work itself runs in
// tea.Cmds, and what it finds goes to the library as requests. Its View is
// the progress block above the library (fetch_progress.go).
type network struct {
	common
	opts  Web
	items map[string]webItem // by article ID

	spinner  spinner.Model
	spinning bool // a tick is pending; at most one chain runs

	rows       []fetchRow
	finished   int // rows finished so far (their done stamps)
	pending    int // URL fetches and refreshes in flight
	refreshing bool
	// retry are the URL arguments that gave nothing (cancelled by esc, or
	// failed): r fetches them again.
	retry    []string
	fetchCtx context.Context
	cancel   context.CancelFunc // cancels every URL fetch and the refresh

	loadGen    int // the open generation whose article is being fetched, 0 none
	loadCancel context.CancelFunc
	// loadUnread is the ID of the item being loaded if it was unread: a
	// failed load leaves it unread (the store marks it read only on success).
	loadUnread struct {
		gen int
		id  string
	}

	width int
}

// Messages of the network side, each handled by network.Update.
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
	// relayoutMsg asks the root to lay the screen out again: the progress
	// block grew or shrank.
	relayoutMsg struct{}
)

func newNetwork(c common, w *Web) network {
	n := network{common: c, items: map[string]webItem{}}
	if w != nil {
		n.opts = *w
	}
	if n.opts.OpenBrowser == nil {
		n.opts.OpenBrowser = func(string) error { return errors.New("no browser to open it with") }
	}
	n.spinner = spinner.New(spinner.WithSpinner(spinner.MiniDot))
	return n
}

// startNetworkMsg asks the network to start: New sends it, as Init's value
// receiver could not keep the fetch context.
type startNetworkMsg struct{}

// start reads the cache in the background (with ListCache), tells the
// feeds view the subscriptions and starts fetching the URL arguments.
func (n *network) start() (tea.Cmd, request) {
	var cmds []tea.Cmd
	var reqs requests
	switch {
	case n.opts.Cache != nil && n.opts.ListCache:
		cmds = append(cmds, loadCache(n.opts.Cache, n.opts.Subs))
		reqs = append(reqs, emptyMsg("reading the feed cache…"))
	default:
		reqs = append(reqs, feedsListMsg{subs: n.opts.Subs})
	}
	if len(n.opts.URLs) > 0 {
		cmds = append(cmds, n.fetchURLs(n.opts.URLs))
	}
	return tea.Batch(cmds...), reqs
}

// fetchURLs fetches URL arguments, each in its own Cmd, with a row each.
func (n *network) fetchURLs(urls []string) tea.Cmd {
	for _, u := range urls {
		r := n.row(u)
		r.started, r.state, r.reason, r.done = true, feeds.RefreshFetching, "", 0
	}
	ctx := n.begin(len(urls))
	cmds := []tea.Cmd{n.spin()}
	for _, u := range urls {
		cmds = append(cmds, fetchURL(ctx, n.opts.Client, u))
	}
	return tea.Batch(cmds...)
}

// Update handles the network's messages and its key, r.
func (n *network) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case startNetworkMsg:
		return n.start()
	case refreshFeedsMsg:
		return n.refresh(msg.only)
	case subsReadMsg:
		return n.subsRead(msg)
	case spinner.TickMsg:
		if !n.busy() {
			n.spinning = false
			return nil, nil
		}
		var cmd tea.Cmd
		n.spinner, cmd = n.spinner.Update(msg)
		return cmd, nil
	case urlFetchedMsg:
		return nil, n.urlFetched(msg)
	case refreshStartedMsg:
		return nextProgress(msg.ch), nil
	case refreshMsg:
		return n.refreshStep(msg)
	case articleLoadedMsg:
		return nil, n.loaded(msg)
	case openURLMsg:
		return openBrowser(n.opts.OpenBrowser, msg.url), nil
	case browserMsg:
		if msg.err != nil {
			return nil, failure(sanitize.Line(msg.err.Error()))
		}
		return nil, status("opened in the browser: " + sanitize.Text(msg.url))
	}
	return nil, nil
}

// begin counts n fetches in and returns the context that cancels them.
func (n *network) begin(count int) context.Context {
	if n.pending == 0 || n.fetchCtx == nil {
		n.fetchCtx, n.cancel = context.WithCancel(context.Background())
	}
	n.pending += count
	return n.fetchCtx
}

// end counts one fetch out; the rows go once nothing is in flight.
func (n *network) end() {
	n.pending = max(n.pending-1, 0)
	if n.pending == 0 {
		n.cancel()
		n.rows, n.finished = nil, 0
	}
}

func (n *network) busy() bool { return n.pending > 0 || n.loadGen != 0 }

// isWeb says whether the article with this ID loads through the network.
func (n *network) isWeb(id string) bool { _, ok := n.items[id]; return ok }

// cancelFetches stops the URL fetches and the refresh (esc in the
// library); it reports whether any was in flight.
func (n *network) cancelFetches() bool {
	if n.pending == 0 {
		return false
	}
	n.cancel()
	return true
}

// spin starts the spinner unless its tick chain already runs.
func (n *network) spin() tea.Cmd {
	if n.spinning {
		return nil
	}
	n.spinning = true
	return n.spinner.Tick
}

func fetchURL(ctx context.Context, c *http.Client, u string) tea.Cmd {
	return func() tea.Msg {
		f, err := feeds.Fetch(ctx, c, u)
		return urlFetchedMsg{url: u, fetched: f, err: err}
	}
}

func openBrowser(open func(string) error, u string) tea.Cmd {
	return func() tea.Msg { return browserMsg{url: u, err: open(u)} }
}

// urlFetched puts a fetched page or feed into the library; a lone page
// with nothing else to show opens at once.
func (n *network) urlFetched(msg urlFetchedMsg) request {
	defer n.end()
	row := n.row(msg.url)
	n.finished++
	row.done = n.finished
	n.retry = slices.DeleteFunc(n.retry, func(u string) bool { return u == msg.url })
	if msg.err != nil {
		reason := sanitize.Line(msg.err.Error())
		row.state, row.reason = feeds.RefreshFailed, reason
		n.retry = append(n.retry, msg.url)
		what := "could not be fetched"
		if n.fetchCtx.Err() != nil {
			what = "was cancelled"
		}
		empty := sanitize.Line(msg.url) + " " + what + " · " + firstKey(n.keys.Web.Refresh) + " tries again"
		return requests{problemMsg{msg.url, reason}, footnoteMsg(failure(sanitize.Line(msg.url + ": " + reason))),
			emptyMsg(empty), relayoutMsg{}}
	}
	row.state = feeds.RefreshUpdated
	if a := msg.fetched.Article; a != nil {
		row.added = 1
		es := []articles.Entry{{Meta: *a}}
		return requests{libraryEntriesMsg{entries: es, openIfAlone: len(n.opts.URLs) == 1}, relayoutMsg{}}
	}
	f := msg.fetched.Feed
	es := make([]articles.Entry, 0, len(f.Items))
	for i := range f.Items {
		it := &f.Items[i]
		meta := it.Meta(f.URL, f.Title, f.FetchedAt)
		if it.Content == "" {
			n.items[meta.ID] = webItem{item: it, feed: f}
		}
		es = append(es, articles.Entry{Meta: meta})
	}
	row.added = len(es)
	if f.Title != "" {
		row.title = f.Title
	}
	return requests{libraryEntriesMsg{entries: es, problems: f.Problems},
		status(plural(len(es), "item", "items") + " from " + row.title), relayoutMsg{}}
}

// row is the progress row of url, added if new.
func (n *network) row(url string) *fetchRow {
	for i := range n.rows {
		if n.rows[i].url == url {
			return &n.rows[i]
		}
	}
	n.rows = append(n.rows, fetchRow{url: url, title: sanitize.Line(url)})
	return &n.rows[len(n.rows)-1]
}
