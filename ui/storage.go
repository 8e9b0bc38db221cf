package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"newsmark/feeds"
)

// The program's database is opened after the first frame: opening SQLite
// and checking its migrations took longer than drawing an article, and the
// first frame needs none of what it holds (highlights, the index, reading
// positions, corrections, the feed cache). Options.OpenStorage runs in a
// Cmd that Init starts; what it opened reaches the panes here. A highlight
// saved before then waits for it (noteKeeper); S, D, B, a company page or
// the correct menu asked for before then wait too (waitStorage), the
// status bar saying the database is opening, and act once it is.

// storageOpenedMsg is what Options.OpenStorage opened; corrRev is the
// corrections list's revision (0: none ever made, so what was annotated
// before the list was known is what the list gives).
type storageOpenedMsg struct {
	Storage
	corrRev int64
}

// openingStatus is the status bar's word for an action waiting for the
// database.
const openingStatus = "opening the database…"

func openStorage(open func() Storage) tea.Cmd {
	return func() tea.Msg {
		msg := storageOpenedMsg{Storage: open()}
		if svc := msg.Corrections; svc != nil {
			// Reads the list once, here rather than in the first annotation.
			if _, rev, err := svc.Current(context.Background()); err == nil {
				msg.corrRev = rev
			}
		}
		return msg
	}
}

// storagePending reports whether the database is still being opened.
func (m *Model) storagePending() bool { return m.opts.OpenStorage != nil }

// waitStorage keeps do for when the database is open, and says so; it
// reports false (nothing kept) when the database is not being opened.
func (m *Model) waitStorage(do func(*Model) tea.Cmd) bool {
	if !m.storagePending() {
		return false
	}
	m.storageWaiting = append(m.storageWaiting, do)
	m.setStatus(openingStatus, false)
	return true
}

// storageOpened hands the notes service, the index, the reading positions
// and the corrections to the panes that use them, says why notes or the
// index are off if they are, makes the saves and runs the actions that
// waited, and loads what the first frame went without: the open article's
// highlights and reading position, the library's note counts and
// followed-company marks, the background indexing.
func (m *Model) storageOpened(msg storageOpenedMsg) tea.Cmd {
	s := msg.Storage
	m.opts.Notes, m.opts.NotesStatus = s.Notes, s.NotesStatus
	m.opts.OpenStorage = nil
	m.common.notes.off, m.common.notes.opening = notesOff(m.opts), false
	m.notes.n, m.export.notes, m.brief.notes = s.Notes, s.Notes, s.Notes
	var cmds []tea.Cmd
	if s.Cache != nil {
		m.net.setCache(s.Cache)
		m.idx.cache = m.net.opts.Cache
		cmds = append(cmds, m.autoRefreshNow()) // the config's refresh_on_start waited for it
	}
	if s.NotesStatus != "" {
		m.setStatus(s.NotesStatus, true)
	} else if m.status == openingStatus {
		m.setStatus("", false)
	}
	cmds = append(cmds, m.indexOpened(s, msg.corrRev)...)
	waiting := m.notes.waiting
	m.notes.waiting = nil
	for _, req := range waiting {
		cmds = append(cmds, m.route(&m.notes, req))
	}
	acts := m.storageWaiting
	m.storageWaiting = nil
	for _, do := range acts {
		cmds = append(cmds, do(m))
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

// indexOpened gives the panes the index, the positions and the
// corrections the storage brought (those Options gave stay), then starts
// what waited for them.
func (m *Model) indexOpened(s Storage, corrRev int64) []tea.Cmd {
	o := &m.opts
	if o.Index == nil && o.IndexStatus == "" {
		o.Index, o.IndexStatus = s.Index, s.IndexStatus
		m.search.ix, m.deals.ix, m.company.ix, m.brief.ix = o.Index, o.Index, o.Index, o.Index
		m.idx.ix, m.idx.readOnly = o.Index, o.IndexStatus != ""
	}
	if o.Positions == nil {
		o.Positions = s.Positions
	}
	if o.Corrections == nil {
		o.Corrections = s.Corrections
	}
	// The annotator now applies the stored corrections. What was annotated
	// before (revision -1) is right if there are none; else it is done again.
	m.anns.f = newAnnotateFunc(*o)
	m.export.annotate = m.anns.plain()
	a, loaded := m.reader.loadedArticle()
	_, annotated := m.anns.byID[a.ID]
	redo := false
	if o.Corrections != nil && corrRev != 0 {
		m.anns.forget()
		m.anns.stale = true
		redo = loaded && annotated
	} else {
		m.anns.settle()
	}
	var cmds []tea.Cmd
	if loaded && m.screen == screenReader {
		if redo {
			cmds = append(cmds, m.anns.annotate(m.gen, a))
		} else if ann, ok := m.anns.byID[a.ID]; ok {
			cmds = append(cmds, m.idx.add(a, ann, m.anns.revs[a.ID])) // annotated before the index was there
		}
		if o.Positions != nil && !m.reader.pos.known {
			cmds = append(cmds, loadPosition(m.gen, a, o.Positions))
		}
	}
	if m.width > 0 {
		cmds = append(cmds, m.idx.arm()) // the first window size came before the index
	}
	return append(cmds, m.loadMarks())
}

// reannotate takes an annotation made before the corrections were known
// that arrived once there were some: the library's counts take it as it
// is, the open article is annotated again with them.
func (m *Model) reannotate(msg annotatedMsg) tea.Cmd {
	cmd := m.route(&m.library, msg)
	if msg.gen < 0 {
		return tea.Batch(cmd, m.anns.next(msg.next, m.library.entries, m.net.isWeb))
	}
	if a, ok := m.reader.loadedArticle(); ok && msg.gen == m.gen && a.ID == msg.id {
		return tea.Batch(cmd, m.anns.annotate(m.gen, a))
	}
	return cmd
}

// setCache gives the network side the feed cache opened after the first
// frame (with subscriptions and PATH arguments, only r needs it).
func (n *network) setCache(c *feeds.Cache) {
	if n.opts.Cache == nil {
		n.opts.Cache = c
	}
}
