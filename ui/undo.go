package ui

import tea "charm.land/bubbletea/v2"

// The undo stack: u takes back the last change that can be taken back,
// newest first, wherever the user is (library, feeds view, reader,
// panel). An entry is what changed, in words for the status bar, and the
// Cmd that reverts it; that Cmd's message says how the revert went, to the
// part of the program that made the change.

// undoEntry is one change u can take back.
type undoEntry struct {
	what string  // "marking Tidewater read", for "undone: …"
	undo tea.Cmd // reverts it
	// now, when set, is what the revert changes at once, in the Update of
	// u (a correction's undo shows the article's marks as they were
	// before it); its Cmd runs beside undo.
	now func(m *Model) tea.Cmd
}

// undoLimit is how many changes the stack keeps; older ones drop off.
const undoLimit = 50

// undoStack holds the changes u can take back, newest last.
type undoStack struct{ entries []undoEntry }

// push keeps e as the newest change.
func (s *undoStack) push(e undoEntry) {
	s.entries = append(s.entries, e)
	if len(s.entries) > undoLimit {
		s.entries = append(s.entries[:0:0], s.entries[len(s.entries)-undoLimit:]...)
	}
}

// pop takes the newest change off; false when there is none.
func (s *undoStack) pop() (undoEntry, bool) {
	if len(s.entries) == 0 {
		return undoEntry{}, false
	}
	e := s.entries[len(s.entries)-1]
	s.entries = s.entries[:len(s.entries)-1]
	return e, true
}

// pushUndo keeps e as the newest change and returns the status bar's
// suffix that says how to take it back, the same wherever it was made.
func (m *Model) pushUndo(e undoEntry) string {
	m.undo.push(e)
	return " · " + firstKey(m.keys.Notes.Undo) + " undoes"
}

// undoLast (u) takes back the newest change on the undo stack, on any
// screen: the stack is one, so its key is matched in one place.
func (m *Model) undoLast() tea.Cmd {
	e, ok := m.undo.pop()
	if !ok {
		m.setStatus("nothing to undo", false)
		return nil
	}
	m.setStatus("undoing "+e.what+"…", false)
	if e.now != nil {
		return tea.Batch(e.now(m), e.undo)
	}
	return e.undo
}

// pushUndoMsg asks the root to keep a change for u. Any pane returns it as
// a request after a change it can revert (a highlight deleted, a feed
// marked read, a correction): what is the status bar's words, undo the
// Cmd whose message reports the revert to that pane. The root shows
// status with pushUndo's suffix.
type pushUndoMsg struct {
	undoEntry
	status string
}
