package ui

import (
	tea "charm.land/bubbletea/v2"

	"newsmark/feeds"
)

// The program's database is opened after the first frame: opening SQLite
// and checking its migrations took longer than drawing an article, and the
// first frame needs neither the highlights nor the feed cache. Options.
// OpenStorage runs in a Cmd that Init starts; what it opened reaches the
// panes here. A highlight saved before then waits for it (noteKeeper).

// storageOpenedMsg is what Options.OpenStorage opened.
type storageOpenedMsg struct{ Storage }

func openStorage(open func() Storage) tea.Cmd {
	return func() tea.Msg { return storageOpenedMsg{open()} }
}

// storageOpened hands the notes service to the panes that save and export,
// says why notes are off if they are, makes the saves that waited, and
// loads what the first frame went without: the open article's highlights
// and the library's note counts.
func (m *Model) storageOpened(s Storage) tea.Cmd {
	m.opts.Notes, m.opts.NotesStatus = s.Notes, s.NotesStatus
	m.opts.OpenStorage = nil
	m.common.notes.off, m.common.notes.opening = notesOff(m.opts), false
	m.notes.n, m.export.notes, m.brief.notes = s.Notes, s.Notes, s.Notes
	var cmds []tea.Cmd
	if s.Cache != nil {
		m.net.setCache(s.Cache)
		cmds = append(cmds, m.autoRefreshNow()) // the config's refresh_on_start waited for it
	}
	if s.NotesStatus != "" {
		m.setStatus(s.NotesStatus, true)
	}
	waiting := m.notes.waiting
	m.notes.waiting = nil
	for _, req := range waiting {
		cmds = append(cmds, m.route(&m.notes, req))
	}
	if s.Notes == nil {
		return tea.Batch(cmds...)
	}
	cmds = append(cmds, countNotes(s.Notes))
	if a, ok := m.reader.loadedArticle(); ok && m.screen == screenReader {
		cmds = append(cmds, loadHighlights(m.gen, a, s.Notes))
	}
	return tea.Batch(cmds...)
}

// setCache gives the network side the feed cache opened after the first
// frame (with subscriptions and PATH arguments, only r needs it).
func (n *network) setCache(c *feeds.Cache) {
	if n.opts.Cache == nil {
		n.opts.Cache = c
	}
}
