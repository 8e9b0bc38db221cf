package ui

import (
	"context"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/feeds"
	"newsmark/sanitize"
)

// The feed refresh: r fetches every subscription in the background, one
// progress step per feed, and new items join the library as they arrive.

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

// refresh starts fetching every subscription in the background.
func (n *network) refresh() (tea.Cmd, request) {
	switch {
	case len(n.opts.Subs) == 0:
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
	for _, s := range n.opts.Subs {
		r := n.row(s.URL)
		if s.Name != "" {
			r.title = sanitize.Text(s.Name)
		}
		r.state, r.reason = feeds.RefreshFetching, ""
	}
	return tea.Batch(startRefresh(ctx, n.opts.Cache, n.opts.Subs), n.spin()), relayoutMsg{}
}

// refreshStep applies one feed's progress: new items join the library as
// they arrive, a failure is one line on the feed (status bar and library).
func (n *network) refreshStep(msg refreshMsg) (tea.Cmd, request) {
	if !msg.ok {
		return nil, n.refreshDone()
	}
	p := msg.p
	r := n.row(p.Feed)
	r.state = p.State
	if p.Title != "" {
		r.title = sanitize.Text(p.Title)
	}
	var reqs requests
	switch p.State {
	case feeds.RefreshUpdated, feeds.RefreshUnchanged:
		es := make([]articles.Entry, len(p.New))
		ids := make([]string, len(p.New))
		for i, e := range p.New {
			n.items[e.Meta.ID] = webItem{cached: true}
			es[i], ids[i] = articles.Entry{Meta: e.Meta}, e.Meta.ID
		}
		r.added = len(es)
		reqs = requests{problemMsg{p.Feed, ""}, unreadMsg{ids: ids, unread: true},
			libraryEntriesMsg{entries: es, problems: p.Problems}}
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
		if r.state != feeds.RefreshFetching {
			done++
		}
		if r.state == feeds.RefreshFailed {
			failed++
		}
		added += r.added
	}
	s := "refreshed " + plural(done, "feed", "feeds") + ": " + plural(added, "new item", "new items")
	if n.fetchCtx.Err() != nil { // esc: the rows still fetching were cut short
		s, failed = "refresh cancelled: "+plural(added, "new item", "new items"), 0
	}
	if failed > 0 {
		s += ", " + strconv.Itoa(failed) + " failed (reasons below the library)"
	}
	n.end()
	return requests{statusMsg{s, failed > 0}, relayoutMsg{}}
}

// canRefresh says whether r has feeds to refresh (the hint bar offers it).
func (n *network) canRefresh() bool { return n.opts.Cache != nil && len(n.opts.Subs) > 0 }
