package ui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/sanitize"
)

// The library's share of the web side: entries that arrive while the
// program runs (feed items, fetched pages), cached items listed before the
// samples, and per-feed problems that come and go with each refresh. The
// network side (network.go) sends them as requests the root passes on.

// Requests from the network side to the library.
type (
	// libraryEntriesMsg adds entries: cached ones go before the current
	// entries (which keep their place at the end), others by date. With
	// openIfAlone, an entry that is all the library lists opens at once.
	libraryEntriesMsg struct {
		entries     []articles.Entry
		problems    []articles.Problem
		cached      bool
		openIfAlone bool
	}
	// problemMsg sets the footer line of path; an empty reason removes it.
	problemMsg struct{ path, reason string }
	// unreadMsg marks articles unread, or read with unread false.
	unreadMsg struct {
		ids    []string
		unread bool
	}
)

// webUpdate applies the network side's requests.
func (l *libraryPane) webUpdate(msg tea.Msg) request {
	switch msg := msg.(type) {
	case libraryEntriesMsg:
		if msg.cached {
			l.prepend(msg.entries, msg.problems)
			return nil
		}
		alone := len(l.entries) == 0 && len(msg.entries) == 1
		l.add(msg.entries)
		for _, p := range msg.problems {
			l.setProblem(p.Path, p.Reason)
		}
		if alone && msg.openIfAlone {
			return openArticleMsg{entry: msg.entries[0], alone: true}
		}
	case problemMsg:
		l.setProblem(msg.path, msg.reason)
	}
	return nil
}

// prepend puts es (newest first) before the current entries, which then
// keep their place at the end; problems join the footer.
func (l *libraryPane) prepend(es []articles.Entry, problems []articles.Problem) {
	l.tail = len(l.entries)
	l.entries = append(append([]articles.Entry(nil), es...), l.entries...)
	l.posStale = true
	l.sortHead()
	for _, p := range problems {
		l.setProblem(p.Path, p.Reason)
	}
	l.applyFilter()
}

// add inserts entries by date among the non-tail ones, skipping IDs the
// library already lists; the cursor stays on the entry it was on.
func (l *libraryPane) add(es []articles.Entry) {
	if len(es) == 0 {
		return
	}
	have := make(map[string]bool, len(l.entries))
	for _, e := range l.entries {
		have[e.Meta.ID] = true
	}
	cur, hasCur := l.selected()
	head := l.entries[:len(l.entries)-l.tail]
	tail := l.entries[len(l.entries)-l.tail:]
	fresh := make([]articles.Entry, 0, len(es))
	for _, e := range es {
		if !have[e.Meta.ID] {
			have[e.Meta.ID] = true
			fresh = append(fresh, e)
		}
	}
	if len(fresh) == 0 {
		return
	}
	l.entries = append(append(append(make([]articles.Entry, 0, len(l.entries)+len(fresh)), head...), fresh...), tail...)
	l.posStale = true
	l.sortHead()
	cursor, offset := l.cursor, l.offset
	l.applyFilter()
	l.cursor, l.offset = cursor, offset
	// A cursor at the top stays there, on the newest; elsewhere it follows
	// its entry.
	if hasCur && cursor > 0 {
		for i, v := range l.visible {
			if l.entries[v].Meta.ID == cur.Meta.ID {
				l.cursor = i
				break
			}
		}
	}
	l.cursor = min(max(l.cursor, 0), max(len(l.visible)-1, 0))
	l.follow()
}

// sortHead sorts the non-tail entries newest first.
func (l *libraryPane) sortHead() {
	sortByDate(l.entries[:len(l.entries)-l.tail])
	l.posStale = true
}

// sortByDate sorts es newest first, keeping the order of equal dates (a
// listing's files, which have none yet, stay in file-time order). Entries
// are large to move: a list already in order, as a library mostly is, is
// left as it is.
func sortByDate(es []articles.Entry) {
	if !sortedByDate(es) {
		slices.SortStableFunc(es, newer)
	}
}

// sortedByDate reports whether es is newest first.
func sortedByDate(es []articles.Entry) bool { return slices.IsSortedFunc(es, newer) }

func newer(a, b articles.Entry) int { return b.Meta.Date.Compare(a.Meta.Date) }

// setProblem sets the footer line of path to reason (sanitised, one
// line); an empty reason removes it (a feed that refreshed again).
func (l *libraryPane) setProblem(path, reason string) {
	prefix := sanitize.Text(path) + ": "
	out := l.problems[:0]
	for _, p := range l.problems {
		if !strings.HasPrefix(p, prefix) {
			out = append(out, p)
		}
	}
	l.problems = out
	if reason != "" {
		l.problems = append(l.problems, sanitize.Line(prefix+reason))
	}
	l.follow()
}
