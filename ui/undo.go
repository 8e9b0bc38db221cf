package ui

import tea "charm.land/bubbletea/v2"

// The one undo stack: u takes back the last action that can be taken
// back, whatever it was: a deleted highlight, a correction (and, to come,
// marking a feed or everything read: issue 15). Whoever does such an
// action pushes how to take it back (a pushUndoMsg request, once the action
// is done); u pops the newest and runs it.

// undoItem is one action u can take back.
type undoItem struct {
	// what names the action for the status bar: "the delete of “…”",
	// "company “Crest Nicholson”".
	what string
	// undo takes it back: what can change at once changes here, in
	// Update; the rest is the tea.Cmd it returns, whose message says how
	// it went (a failure is said there, and the action stays taken back
	// or not as the store has it).
	undo func(m *Model) tea.Cmd
}

// pushUndoMsg asks the root to put an action on the undo stack.
type pushUndoMsg struct{ item undoItem }

// maxUndo bounds the stack: the oldest actions fall off.
const maxUndo = 100

// undoStack is the root's stack of actions to take back, newest last.
type undoStack struct{ items []undoItem }

func (s *undoStack) push(it undoItem) {
	if len(s.items) == maxUndo {
		s.items = append(s.items[:0], s.items[1:]...)
	}
	s.items = append(s.items, it)
}

func (s *undoStack) pop() (undoItem, bool) {
	if len(s.items) == 0 {
		return undoItem{}, false
	}
	it := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return it, true
}

// undoLast is u: take back the newest action on the stack.
func (m *Model) undoLast() tea.Cmd {
	it, ok := m.undo.pop()
	if !ok {
		m.setStatus("nothing to undo", false)
		return nil
	}
	m.setStatus("undoing "+it.what+"…", false)
	return it.undo(m)
}
