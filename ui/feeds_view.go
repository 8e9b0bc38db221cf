package ui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/feeds"
	"newsmark/sanitize"
)

// The root's share of the feed reader: the feeds view beside the library
// (F, tab), the unread flow (n, ctrl+n, space on the last page), read
// marks and stars (U, *, A, C, l) with their writes to the cache in
// tea.Cmds, the refresh of the selected feed (r) or all (R), and what the
// network side reports (the cache read at start, new items, the feeds
// file read again).

// Results of the cache writes, each from a tea.Cmd.
type (
	// readSetMsg is U's write: the article marked read or unread.
	readSetMsg struct {
		id     string
		unread bool
		err    error
	}
	// starSetMsg is *'s write.
	starSetMsg struct {
		id    string
		on    bool
		found bool
		err   error
	}
	// feedMarkedMsg is A's or C's write: the articles it marked read.
	feedMarkedMsg struct {
		name string // the feed's name, or "everything"
		ids  []string
		err  error
	}
	// unmarkedMsg is an undo of A or C: the articles unread again.
	unmarkedMsg struct {
		what string
		ids  []string
		err  error
	}
	// emptyMsg is what the library says when it lists nothing (the
	// fetch of a URL argument was cancelled: r tries again).
	emptyMsg string
)

// feedKey handles the feed reader's keys that are the root's: in the
// library and the feeds view, and in an article. It reports whether msg
// was one.
func (m *Model) feedKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	f, w := m.keys.Feeds, m.keys.Web
	lib := m.screen == screenLibrary
	onItem := !lib || !m.feedsOn || !m.feedsFocus
	switch {
	case lib && key.Matches(msg, f.View):
		return m.toggleFeeds(), true
	case lib && key.Matches(msg, f.Switch):
		return m.switchFeeds(), true
	case lib && key.Matches(msg, f.NextUnread), !lib && key.Matches(msg, f.ReaderNext):
		return m.nextUnread(), true
	case onItem && key.Matches(msg, f.ToggleRead):
		return m.toggleRead(), true
	case onItem && key.Matches(msg, f.Star):
		return m.toggleStar(), true
	case lib && key.Matches(msg, f.MarkFeed):
		return m.markRead(false), true
	case lib && key.Matches(msg, f.MarkAll):
		return m.markRead(true), true
	case lib && key.Matches(msg, f.HideRead):
		return m.toggleHideRead(), true
	case key.Matches(msg, w.RefreshAll):
		return m.route(&m.net, refreshFeedsMsg{}), true
	case key.Matches(msg, w.Refresh):
		return m.refreshSelected(), true
	case !lib && m.focus == focusReader && m.reader.keySet() == InReader && key.Matches(msg, m.keys.Reader.PageDown) &&
		m.reader.atBottom() && m.from == screenLibrary && m.marks.unreadCount("") > 0:
		// newsboat's space: on the last page, the next unread article.
		return m.nextUnread(), true
	}
	return nil, false
}

// toggleFeeds (F) opens the feeds view with the keys in its column, or
// closes it, the library listing everything again.
func (m *Model) toggleFeeds() tea.Cmd {
	if m.feedsOn {
		m.closeFeeds()
		return m.layout()
	}
	m.feedsOn, m.feedsFocus = true, true
	m.library.setScope(m.feeds.scope())
	return m.layout()
}

// closeFeeds closes the feeds view; the library lists everything.
func (m *Model) closeFeeds() {
	m.feedsOn, m.feedsFocus = false, false
	m.library.setScope(libraryScope{})
}

// switchFeeds (tab) moves the keys between the feeds and their items,
// opening the feeds view first when it is closed.
func (m *Model) switchFeeds() tea.Cmd {
	if !m.feedsOn {
		return m.toggleFeeds()
	}
	m.feedsFocus = !m.feedsFocus
	return m.layout() // a narrow screen shows the column with the keys
}

// currentID is the article the keys act on: the one open in the reader,
// else the library's selection; "" when there is none.
func (m *Model) currentID() string {
	if m.screen == screenReader {
		return m.openID
	}
	if e, ok := m.library.selected(); ok {
		return e.Meta.ID
	}
	return ""
}

// nextUnread (n, ctrl+n, space on the last page) opens the next unread
// article: after the current one in the library's order; when a feed is
// listed and has no more, the first of the next feed that has any (the
// feeds view follows); with everything listed, from the top again.
func (m *Model) nextUnread() tea.Cmd {
	from := m.currentID()
	switch {
	case m.screen == screenLibrary && m.feedsOn && m.feedsFocus:
		from = "" // from the feed's first item
	case m.screen == screenLibrary && m.marks.isUnread(from):
		// The selection is unread itself: it is the next to read.
		if e, ok := m.library.selected(); ok {
			return m.openUnread(e)
		}
	}
	if e, ok := m.library.nextUnread(from, false); ok {
		return m.openUnread(e)
	}
	if m.library.scope.kind == scopeFeed {
		if url, ok := m.nextUnreadFeed(m.library.scope.url); ok {
			if !m.feeds.selectFeed(url) {
				m.feeds.tag, m.feeds.hideRead = "", m.library.hideRead
				m.feeds.rebuild()
				m.feeds.selectFeed(url)
			}
			m.library.setScope(m.feeds.scope())
			if e, ok := m.library.nextUnread("", false); ok {
				return m.openUnread(e)
			}
		}
	} else if e, ok := m.library.nextUnread(from, true); ok {
		return m.openUnread(e)
	}
	m.setStatus("no unread articles left", false)
	return nil
}

// nextUnreadFeed is the first feed after url, in the feeds file's order
// and round to it, with unread items.
func (m *Model) nextUnreadFeed(url string) (string, bool) {
	fs := m.feeds.feeds
	at := -1
	for i, f := range fs {
		if f.URL == url {
			at = i
		}
	}
	for k := 1; k <= len(fs); k++ {
		f := fs[(at+k+len(fs))%len(fs)]
		if f.URL != url && m.marks.unreadCount(f.URL) > 0 {
			return f.URL, true
		}
	}
	return "", false
}

// openUnread opens e in the reader, the status bar saying what is left.
func (m *Model) openUnread(e articles.Entry) tea.Cmd {
	cmd := m.open(e) // marks it read
	if n := m.marks.unreadCount(""); n > 0 {
		m.setStatus(plural(n, "unread article", "unread articles")+" left", false)
	}
	return cmd
}

// toggleRead (U) marks the current article read or unread.
func (m *Model) toggleRead() tea.Cmd {
	id := m.currentID()
	c := m.net.opts.Cache
	switch {
	case !m.marks.hasMarks(id):
		m.setStatus("only feed items have a read mark", false)
		return nil
	case c == nil:
		m.setStatus("the feed cache is not open", true)
		return nil
	}
	unread := !m.marks.isUnread(id)
	m.marks.setUnread(id, unread)
	m.feeds.rebuild()
	if unread {
		m.setStatus("marked unread", false)
	} else {
		m.setStatus("marked read", false)
	}
	return func() tea.Msg {
		return readSetMsg{id: id, unread: unread, err: c.SetRead(context.Background(), id, !unread)}
	}
}

// toggleStar (*) stars or unstars the current article.
func (m *Model) toggleStar() tea.Cmd {
	id := m.currentID()
	c := m.net.opts.Cache
	switch {
	case !m.marks.hasMarks(id):
		m.setStatus("only feed items can be starred (a file is kept as it is)", false)
		return nil
	case c == nil:
		m.setStatus("the feed cache is not open", true)
		return nil
	}
	on := !m.marks.isStarred(id)
	m.marks.setStarred(id, on)
	return func() tea.Msg {
		found, err := c.SetStarred(context.Background(), id, on)
		return starSetMsg{id: id, on: on, found: found, err: err}
	}
}

// markRead (A, or C with all) marks the feed in view read, or every feed:
// the selected feed in the feeds view, else the feed listed, else the
// selected article's feed. u undoes it.
func (m *Model) markRead(all bool) tea.Cmd {
	c := m.net.opts.Cache
	if c == nil || m.marks.unreadCount("") == 0 {
		m.setStatus("nothing unread to mark read", false)
		return nil
	}
	url, name := "", "everything"
	if !all {
		var ok bool
		if url, name, ok = m.feedInView(); !ok {
			m.setStatus(firstKey(m.keys.Feeds.MarkFeed)+" marks a feed read: choose one ("+
				firstKey(m.keys.Feeds.MarkAll)+" marks everything read)", false)
			return nil
		}
		if m.marks.unreadCount(url) == 0 {
			m.setStatus("nothing unread in "+name, false)
			return nil
		}
	}
	return func() tea.Msg {
		ids, err := c.MarkFeedRead(context.Background(), url)
		return feedMarkedMsg{name: name, ids: ids, err: err}
	}
}

// feedInView is the feed A marks read: the feeds view's selection, the
// feed the library lists, else the selected article's first feed.
func (m *Model) feedInView() (url, name string, ok bool) {
	if m.feedsOn && m.feedsFocus {
		f, ok := m.feeds.selectedFeed()
		return f.URL, f.Name(), ok
	}
	if m.library.scope.kind == scopeFeed {
		return m.library.scope.url, m.library.scope.name, true
	}
	if fs := m.marks.feeds(m.currentID()); len(fs) > 0 {
		name := fs[0]
		if f := m.feeds.feed(fs[0]); f != nil {
			name = f.Name()
		}
		return fs[0], name, true
	}
	return "", "", false
}

// feedMarked applies A's or C's write and keeps it for u.
func (m *Model) feedMarked(msg feedMarkedMsg) tea.Cmd {
	if msg.err != nil {
		m.setStatus("not marked read: "+sanitize.Line(msg.err.Error()), true)
		return nil
	}
	for _, id := range msg.ids {
		m.marks.setUnread(id, false)
	}
	m.feeds.rebuild()
	what := "marking " + msg.name + " read"
	c, ids := m.net.opts.Cache, msg.ids
	undo := m.pushUndo(undoEntry{what: what, undo: func() tea.Msg {
		return unmarkedMsg{what: what, ids: ids, err: c.SetReadAll(context.Background(), ids, false)}
	}})
	m.setStatus("marked "+msg.name+" read: "+plural(len(ids), "article", "articles")+undo, false)
	return nil
}

// toggleHideRead (l) hides or shows the feed items already read, in the
// library and (feeds with nothing unread) in the feeds view.
func (m *Model) toggleHideRead() tea.Cmd {
	m.library.setHideRead(!m.library.hideRead)
	m.feeds.hideRead = m.library.hideRead
	m.feeds.rebuild()
	if m.library.hideRead {
		m.setStatus("read items hidden · "+firstKey(m.keys.Feeds.HideRead)+" shows them", false)
	} else {
		m.setStatus("read items shown", false)
	}
	return nil
}

// refreshSelected (r) refreshes the feed in view (the feeds view's
// selection, the feed listed, the article's feed), or every feed when
// there is none; first, URL arguments that gave nothing are fetched again.
func (m *Model) refreshSelected() tea.Cmd {
	if m.net.canRetry() {
		cmd, req := m.net.retryURLs()
		return tea.Batch(cmd, m.apply(req))
	}
	if m.feedsOn && m.feedsFocus && m.screen == screenLibrary {
		if f, ok := m.feeds.selectedFeed(); ok {
			return m.route(&m.net, refreshFeedsMsg{only: []string{f.URL}})
		}
		return m.route(&m.net, refreshFeedsMsg{})
	}
	if url, _, ok := m.feedInView(); ok {
		return m.route(&m.net, refreshFeedsMsg{only: []string{url}})
	}
	return m.route(&m.net, refreshFeedsMsg{})
}

// cacheLoaded lists the cache read at start: its items before the
// library's own (the samples never come with them: cli leaves them out),
// their marks, and the feeds view's subscriptions; then the background
// refresh, when asked for.
func (m *Model) cacheLoaded(msg cacheLoadedMsg) tea.Cmd {
	if msg.err != nil {
		m.setStatus("feed cache: "+sanitize.Line(msg.err.Error()), true)
		m.feeds.setFeeds(feedInfos(m.net.opts.Subs, nil))
		return nil
	}
	s := msg.snap
	if msg.marks == nil { // not prepared in the Cmd (a test's message)
		msg = prepareCache(s, nil)
	}
	if len(m.net.items) == 0 && len(m.marks.feedsOf) == 0 {
		// Nothing listed yet: take what the Cmd made as it is.
		m.net.items, *m.marks = msg.items, *msg.marks
	} else {
		for _, e := range s.Library.Entries {
			m.net.items[e.Meta.ID] = webItem{cached: true}
			m.marks.load(e.Meta.ID, s)
		}
	}
	m.feeds.setFeeds(s.Feeds)
	var cmds []tea.Cmd
	if len(s.Library.Entries) > 0 || len(s.Library.Problems) > 0 {
		cmds = append(cmds, m.apply(libraryEntriesMsg{entries: msg.entries, problems: s.Library.Problems, cached: true}))
	}
	if len(s.Library.Entries) == 0 && len(m.library.entries) == 0 {
		m.library.empty = "nothing cached yet · " + firstKey(m.keys.Web.RefreshAll) + " fetches your " +
			plural(len(s.Feeds), "feed", "feeds")
	}
	m.cacheListed = true
	cmds = append(cmds, m.autoRefreshNow()) // the config's refresh_on_start waited for it
	return tea.Batch(cmds...)
}

// feedInfos are subs as the feeds view lists them, with what was known of
// each before (its title, last refresh and error).
func feedInfos(subs []feeds.Subscription, had []feeds.FeedInfo) []feeds.FeedInfo {
	by := make(map[string]feeds.FeedInfo, len(had))
	for _, f := range had {
		by[f.URL] = f
	}
	out := make([]feeds.FeedInfo, len(subs))
	for i, s := range subs {
		f := by[s.URL]
		f.Subscription = s
		out[i] = f
	}
	return out
}

// feedsListed takes the feeds file as a refresh read it: the feeds view
// lists what it says now, and its bad lines go under the library.
func (m *Model) feedsListed(msg feedsListMsg) tea.Cmd {
	m.feeds.setFeeds(feedInfos(msg.subs, m.feeds.feeds))
	if m.feedsOn {
		m.library.setScope(m.feeds.scope())
	}
	for _, p := range msg.problems {
		m.library.setProblem(p.Path, p.Reason)
	}
	return nil
}

// feedReadResult applies the result of a cache write of marks: a write
// that failed puts the mark back and says why.
func (m *Model) feedReadResult(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case readSetMsg:
		if msg.err != nil {
			m.marks.setUnread(msg.id, !msg.unread)
			m.setStatus("not saved: "+sanitize.Line(msg.err.Error()), true)
		}
	case starSetMsg:
		switch {
		case msg.err != nil:
			m.marks.setStarred(msg.id, !msg.on)
			m.setStatus("not starred: "+sanitize.Line(msg.err.Error()), true)
		case !msg.found:
			m.marks.setStarred(msg.id, false)
			m.setStatus("this item is no longer in the feed cache", true)
		case msg.on:
			m.setStatus("starred: kept whatever the retention", false)
		default:
			m.setStatus("unstarred", false)
		}
	case feedMarkedMsg:
		return m.feedMarked(msg)
	case unmarkedMsg:
		if msg.err != nil {
			m.setStatus("not undone: "+sanitize.Line(msg.err.Error()), true)
			return nil
		}
		for _, id := range msg.ids {
			m.marks.setUnread(id, true)
		}
		m.feeds.rebuild()
		m.setStatus("undone: "+msg.what+" ("+plural(len(msg.ids), "article", "articles")+" unread again)", false)
	}
	return nil
}

// feedsSplit is the width from which the feeds view and the library sit
// side by side; under it the column with the keys fills the screen.
const feedsSplit = 80

// feedsWidth is the feeds column's width beside the library.
func feedsWidth(w int) int { return min(max(w*35/100, 28), 48) }

// layoutLibrary sizes the library, and the feeds view beside it, in w×h.
func (m *Model) layoutLibrary(w, h int) {
	switch {
	case !m.feedsOn:
		m.library.SetSize(w, h)
	case w >= feedsSplit:
		fw := feedsWidth(w)
		m.feeds.SetSize(fw, h)
		m.library.SetSize(w-fw-1, h)
	default:
		m.feeds.SetSize(w, h)
		m.library.SetSize(w, h)
	}
}

// feedsView draws the feeds view and the library in w×h: side by side,
// with a rule between, or on a narrow screen the column with the keys.
func (m *Model) feedsView(w, h int) string {
	switch {
	case w < feedsSplit && m.feedsFocus:
		return block(m.feeds.View(), w, h)
	case w < feedsSplit:
		return block(m.library.View(), w, h)
	}
	fw := feedsWidth(w)
	rule := make([]string, h)
	for i := range rule {
		rule[i] = m.styles.Border.Render("│")
	}
	left := joinH(block(m.feeds.View(), fw, h), strings.Join(rule, "\n"))
	return joinH(left, block(m.library.View(), w-fw-1, h))
}
