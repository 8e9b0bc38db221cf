package ui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"newsmark/model"
	"newsmark/notes"
	"newsmark/sanitize"
)

// Results of the notes service; each runs in a tea.Cmd. A highlight is on
// disk when noteSavedMsg arrives with a nil error, and only then does the
// status bar say "saved".
type (
	noteSavedMsg struct {
		h    model.Highlight
		verb string
		err  error
	}
	noteDeletedMsg struct {
		h   model.Highlight
		err error
	}
	noteRestoredMsg struct {
		h   model.Highlight
		err error
	}
	noteCountsMsg struct {
		counts notes.Counts
		err    error
	}
)

func addHighlight(n *notes.Notes, h model.Highlight, verb string) tea.Cmd {
	return func() tea.Msg {
		saved, err := n.Add(context.Background(), h)
		return noteSavedMsg{h: saved, verb: verb, err: err}
	}
}

// updateNote replaces a highlight's note and the tags written in it.
func updateNote(n *notes.Notes, id int64, note string) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		h, err := n.UpdateNote(ctx, id, note)
		if err == nil {
			h, err = n.SetTags(ctx, id, noteTags(note))
		}
		return noteSavedMsg{h: h, verb: "note saved", err: err}
	}
}

// noteTags are the #words of a note ("#energy", "#q3-results"), each once,
// without the #; a lone # or a Markdown heading ("# Title") is no tag.
func noteTags(note string) []string {
	var tags []string
	seen := map[string]bool{}
	for _, w := range strings.Fields(note) {
		if len(w) < 2 || w[0] != '#' {
			continue
		}
		t := strings.TrimRight(w[1:], ".,;:!?)\"'”’")
		if t == "" || strings.ContainsAny(t, "#") || seen[t] {
			continue
		}
		seen[t] = true
		tags = append(tags, t)
	}
	return tags
}

func deleteHighlight(n *notes.Notes, id int64) tea.Cmd {
	return func() tea.Msg {
		h, err := n.Delete(context.Background(), id)
		return noteDeletedMsg{h: h, err: err}
	}
}

func undoDelete(n *notes.Notes, id int64) tea.Cmd {
	return func() tea.Msg {
		h, err := n.Undo(context.Background(), id)
		return noteRestoredMsg{h: h, err: err}
	}
}

func countNotes(n *notes.Notes) tea.Cmd {
	if n == nil {
		return nil
	}
	return func() tea.Msg {
		c, err := n.CountByArticle(context.Background())
		return noteCountsMsg{counts: c, err: err}
	}
}

// reloadNotesMsg asks the root to load the open article's highlights and
// the library's note counts again: a highlight was saved, changed or
// deleted.
type reloadNotesMsg struct{}

// noteKeeper is the root's side of the notes: it turns the panes' requests
// (save, delete, the note edited) into calls of the notes service in
// tea.Cmds and says in the status bar how each ended; a delete goes on the
// root's undo stack (undo.go), which u takes back. It holds no highlights:
// the reader and the Notes tab do.
type noteKeeper struct {
	common
	n *notes.Notes // nil: nothing is saved (notesOff says why), or not yet
	// waiting are the saves asked for while the database was still
	// opening (storage.go): made once it is open.
	waiting []tea.Msg
}

// Update takes the requests and the service's results.
func (k *noteKeeper) Update(msg tea.Msg) (tea.Cmd, request) {
	if k.n == nil {
		switch msg.(type) {
		case saveHighlightMsg, noteEditedMsg:
			if k.notes.opening {
				k.waiting = append(k.waiting, msg)
				return nil, status("saving once the notes database is open…")
			}
			return nil, failure(k.notesOff())
		case deleteHighlightMsg:
			return nil, failure(k.notesOff())
		}
	}
	switch msg := msg.(type) {
	case saveHighlightMsg:
		return addHighlight(k.n, msg.h, msg.verb), nil
	case deleteHighlightMsg:
		return deleteHighlight(k.n, msg.h.ID), nil
	case noteEditedMsg:
		h := msg.h
		if h.ID != 0 {
			return updateNote(k.n, h.ID, msg.note), nil
		}
		h.Note, h.Tags = msg.note, noteTags(msg.note)
		return addHighlight(k.n, h, "saved with note"), endSelectionMsg{}
	case noteSavedMsg:
		if msg.err != nil {
			return nil, failure("not saved: " + sanitize.Text(msg.err.Error()))
		}
		return nil, requests{status(msg.verb + ": " + snippet(msg.h.Text)), reloadNotesMsg{}}
	case noteDeletedMsg:
		if msg.err != nil {
			return nil, failure("not deleted: " + sanitize.Text(msg.err.Error()))
		}
		undo := pushUndoMsg{undoEntry: undoEntry{what: "deleting " + snippet(msg.h.Text), undo: undoDelete(k.n, msg.h.ID)},
			status: "deleted " + snippet(msg.h.Text)}
		return nil, requests{reloadNotesMsg{}, undo}
	case noteRestoredMsg:
		if msg.err != nil {
			return nil, failure("not restored: " + sanitize.Text(msg.err.Error()))
		}
		return nil, requests{status("restored " + snippet(msg.h.Text)), reloadNotesMsg{}}
	}
	return nil, nil
}
