package ui

import (
	"context"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/feeds"
	"newsmark/sanitize"
)

// The feed refresh: r fetches the selected feed, R every one, in the
// background, one progress step per feed; new items join the library as
// they arrive. Each refresh reads the feeds file first, so what it says
// now is what is fetched (a feed added from another shell included). The
// cache is read at start the same way, off the key path (loadCache).

// Messages of the refresh.
type (
	// refreshFeedsMsg asks the network to refresh the feeds at only
	// (nil: every feed): r and R.
	refreshFeedsMsg struct{ only []string }
	// subsReadMsg is the feeds file as a refresh read it.
	subsReadMsg struct {
		subs     []feeds.Subscription
		problems []articles.Problem
		err      error
		only     []string
	}
	// feedsListMsg tells the feeds view the subscriptions (and the
	// library the feeds file's bad lines).
	feedsListMsg struct {
		subs     []feeds.Subscription
		problems []articles.Problem
	}
	// cacheLoadedMsg is the cache as read at start, with what the update
	// loop needs of it made ready in the Cmd (prepareCache).
	cacheLoadedMsg struct {
		snap    feeds.Snapshot
		err     error
		marks   *readMarks         // the items' marks and counts; nil: made on the loop
		items   map[string]webItem // the items, for the network side
		entries []articles.Entry   // the library's entries, loaded through the cache
	}
	// feedItemsMsg tells the root a refresh stored new items of feed:
	// they are unread, the feed carries them, and once indexed they are
	// counted per followed company ("3 new stories about …").
	feedItemsMsg struct {
		feed string
		ids  []string
	}
	// feedProgressMsg is a refresh step for the feeds view.
	feedProgressMsg struct{ p feeds.Progress }
)

// loadCache reads the cache's items, marks and feeds in a Cmd.
func loadCache(c *feeds.Cache, subs []feeds.Subscription) tea.Cmd {
	return func() tea.Msg {
		snap, err := c.Snapshot(context.Background(), subs)
		return prepareCache(snap, err)
	}
}

// prepareCache does off the update loop what listing 20,000 items costs:
// their marks and per-feed counts, and the maps and entries the panes keep.
// The marks and entries are the snapshot's own maps and list, taken over.
func prepareCache(snap feeds.Snapshot, err error) cacheLoadedMsg {
	msg := cacheLoadedMsg{snap: snap, err: err}
	if err != nil {
		return msg
	}
	msg.marks, msg.items = snapshotMarks(snap), make(map[string]webItem, len(snap.Library.Entries))
	for _, e := range snap.Library.Entries {
		msg.items[e.Meta.ID] = webItem{cached: true}
	}
	// Loaded through the cache, with a context (Snapshot's entries have
	// no loader).
	msg.entries = snap.Library.Entries
	return msg
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

// readSubs reads the feeds file in a Cmd.
func readSubs(path string, only []string) tea.Cmd {
	return func() tea.Msg {
		subs, probs, err := feeds.LoadSubscriptions(path)
		return subsReadMsg{subs: subs, problems: probs, err: err, only: only}
	}
}

// refresh starts a refresh of the feeds at only (nil: every feed): it
// reads the feeds file again, then fetches.
func (n *network) refresh(only []string) (tea.Cmd, request) {
	switch {
	case len(n.opts.Subs) == 0 && n.opts.SubsPath == "":
		return nil, status("no subscriptions to refresh (newsmark feeds add URL)")
	case n.opts.Cache == nil:
		// Opened after the first frame (storage.go); the status bar said
		// why, if it could not be.
		return nil, failure("the feed cache is not open: nothing refreshed")
	case n.refreshing:
		return nil, status("already refreshing (esc in the library cancels)")
	}
	n.refreshing = true
	ctx := n.begin(1)
	if n.opts.SubsPath == "" {
		return n.fetchSubs(ctx, n.opts.Subs, only)
	}
	return tea.Batch(readSubs(n.opts.SubsPath, only), n.spin()), nil
}

// subsRead goes on with a refresh once the feeds file is read: the feeds
// view lists what it says now, and its feeds are fetched.
func (n *network) subsRead(msg subsReadMsg) (tea.Cmd, request) {
	if n.fetchCtx == nil || n.fetchCtx.Err() != nil {
		return nil, n.refreshDone() // esc came first
	}
	if msg.err != nil {
		req := n.refreshDone()
		return nil, requests{req, failure("feeds file: " + sanitize.Line(msg.err.Error()))}
	}
	n.opts.Subs = msg.subs
	cmd, req := n.fetchSubs(n.fetchCtx, msg.subs, msg.only)
	return cmd, requests{feedsListMsg{subs: msg.subs, problems: msg.problems}, req}
}

// fetchSubs fetches those of subs that only names (nil: all), each with a
// row, in the refresh counted in by refresh.
func (n *network) fetchSubs(ctx context.Context, subs []feeds.Subscription, only []string) (tea.Cmd, request) {
	var targets []feeds.Subscription
	for _, s := range subs {
		if only == nil || contains(only, s.URL) {
			targets = append(targets, s)
		}
	}
	if len(targets) == 0 {
		req := n.refreshDone()
		why := "no subscriptions to refresh (newsmark feeds add URL)"
		if only != nil && len(subs) > 0 {
			why = "that feed is no longer in the feeds file"
		}
		return nil, requests{req, status(why)}
	}
	for _, s := range targets {
		r := n.row(s.URL)
		if s.Name != "" {
			r.title = sanitize.Line(s.Name)
		}
		r.state, r.reason, r.started, r.done, r.added = feeds.RefreshFetching, "", false, 0, 0
	}
	return tea.Batch(startRefresh(ctx, n.opts.Cache, targets), n.spin()), relayoutMsg{}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// refreshStep applies one feed's progress: new items join the library as
// they arrive, a failure is one line on the feed (status bar and library).
func (n *network) refreshStep(msg refreshMsg) (tea.Cmd, request) {
	if !msg.ok {
		return nil, n.refreshDone()
	}
	p := msg.p
	r := n.row(p.Feed)
	r.state, r.started = p.State, true
	if p.Title != "" {
		r.title = sanitize.Line(p.Title)
	}
	reqs := requests{feedProgressMsg{p}}
	if p.State != feeds.RefreshFetching {
		n.finished++
		r.done = n.finished
	}
	switch p.State {
	case feeds.RefreshUpdated, feeds.RefreshUnchanged:
		es := make([]articles.Entry, len(p.New))
		ids := make([]string, len(p.New))
		for i, e := range p.New {
			n.items[e.Meta.ID] = webItem{cached: true}
			es[i], ids[i] = articles.Entry{Meta: e.Meta}, e.Meta.ID
		}
		r.added = len(es)
		reqs = append(reqs, problemMsg{p.Feed, ""}, feedItemsMsg{feed: p.Feed, ids: ids},
			libraryEntriesMsg{entries: es, problems: p.Problems})
	case feeds.RefreshFailed:
		r.reason = "failed"
		if p.Err != nil {
			r.reason = sanitize.Line(p.Err.Error())
		}
		if n.fetchCtx.Err() == nil { // a cancelled refresh is not the feed's fault
			reqs = append(reqs, problemMsg{p.Feed, r.reason})
		}
		reqs = append(reqs, footnoteMsg(failure(sanitize.Line(r.title+": "+r.reason))))
	}
	return nextProgress(msg.ch), append(reqs, relayoutMsg{})
}

// refreshDone sums the refresh up in the status bar.
func (n *network) refreshDone() request {
	n.refreshing = false
	done, failed, added := 0, 0, 0
	for _, r := range n.rows {
		if r.done > 0 {
			done++
		}
		if r.state == feeds.RefreshFailed {
			failed++
		}
		added += r.added
	}
	s := "refreshed " + plural(done, "feed", "feeds") + ": " + plural(added, "new item", "new items")
	if n.fetchCtx != nil && n.fetchCtx.Err() != nil { // esc: the rows still fetching were cut short
		s, failed = "refresh cancelled: "+plural(added, "new item", "new items"), 0
	}
	if failed > 0 {
		s += ", " + strconv.Itoa(failed) + " failed (reasons below the library)"
	}
	n.end()
	return requests{statusMsg{s, failed > 0}, relayoutMsg{}, feedProgressMsg{}}
}

// canRefresh says whether r has feeds to refresh (the hint bar offers it).
func (n *network) canRefresh() bool {
	return n.opts.Cache != nil && (len(n.opts.Subs) > 0 || n.opts.SubsPath != "")
}

// canRetry says whether r fetches URL arguments again.
func (n *network) canRetry() bool { return len(n.retry) > 0 && n.pending == 0 }

// retryURLs fetches again the URL arguments that gave nothing.
func (n *network) retryURLs() (tea.Cmd, request) {
	urls := n.retry
	n.retry = nil
	return n.fetchURLs(urls), requests{emptyMsg(""), status("fetching " + plural(len(urls), "URL", "URLs") + " again"), relayoutMsg{}}
}
