package ui

import (
	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
)

// A folder of thousands of stories is shown at once from a listing
// (articles.List: file names, newest file first) and its heads, the titles
// and dates, are read in a Cmd (Options.ReadHeads). When they are in, they
// take the listed entries' place, sorted by date like the rest; the files
// that turned out to be no article join the footer. Keys work meanwhile,
// and an entry opened before then loads as any other.

// headsReadMsg is what Options.ReadHeads read.
type headsReadMsg struct{ lib articles.Library }

func readHeads(read func() articles.Library) tea.Cmd {
	return func() tea.Msg { return headsReadMsg{read()} }
}

// setHeads puts the read entries in place of the listed ones. A cursor at
// the top stays there, on the newest; elsewhere it follows its article.
func (l *libraryPane) setHeads(lib articles.Library) {
	l.reading = false
	cur, hasCur := l.selected()
	atTop := l.cursor == 0
	var head, tail []articles.Entry
	for i, e := range l.entries {
		switch {
		case e.Listed():
		case i >= len(l.entries)-l.tail:
			tail = append(tail, e)
		default:
			head = append(head, e)
		}
	}
	if len(head) == 0 && len(tail) == 0 {
		l.entries = lib.Entries // a folder alone: in date order already
	} else {
		l.entries = append(append(head, lib.Entries...), tail...)
	}
	l.tail = len(tail)
	l.sortHead()
	for _, p := range lib.Problems {
		l.setProblem(p.Path, p.Reason)
	}
	l.applyFilter()
	if hasCur && !atTop {
		for i, v := range l.visible {
			if e := l.entries[v]; e.Meta.Path == cur.Meta.Path && (cur.Listed() || e.Meta.ID == cur.Meta.ID) {
				l.cursor = i
				break
			}
		}
	}
	l.follow()
}

// LateProblems are the inputs found unreadable while the program ran
// (Options.ReadHeads): the caller prints them once it has ended, as it
// printed the others before it started.
func (m Model) LateProblems() []articles.Problem { return m.lateProblems }
