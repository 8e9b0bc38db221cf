package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsmark/model"
	"newsmark/notes"
	"newsmark/sanitize"
)

// The reader's notes keys: a sentence cursor, highlights and notes on the
// sentence (or selection, or highlight) under it. The reader makes the
// highlight, from its article; the root saves it (notes_service.go).

// Requests of the notes keys, from the reader and the panel's tabs.
type (
	// saveHighlightMsg asks the root to save h; verb is what the status
	// bar says once it is on disk ("saved", "card kept as a note").
	saveHighlightMsg struct {
		h    model.Highlight
		verb string
	}
	// keepCardMsg asks the reader to keep a panel card as a note on span.
	keepCardMsg struct {
		span       model.Span
		note, verb string
	}
	// deleteHighlightMsg asks the root to delete h (u undoes).
	deleteHighlightMsg struct{ h model.Highlight }
	// endSelectionMsg tells the reader its selection was saved (with a note).
	endSelectionMsg struct{}
)

// notesKey handles the notes keys outside a selection; ok is false when
// msg is none of them.
func (r *readerPane) notesKey(msg tea.KeyPressMsg) (tea.Cmd, request, bool) {
	nk := r.keys.Notes
	for _, b := range nk.readerBindings() {
		if key.Matches(msg, b) {
			r.cur.shown = true // what a notes key acts on is the cursor's: show it
		}
	}
	switch {
	case key.Matches(msg, nk.CursorNext):
		r.moveCursor(1)
	case key.Matches(msg, nk.CursorPrev):
		r.moveCursor(-1)
	case key.Matches(msg, nk.Select):
		if !r.startSelection() {
			return nil, status("no sentence to select yet"), true
		}
	case key.Matches(msg, nk.Save):
		if s, ok := r.target(); ok {
			return nil, r.save(s), true
		}
	case key.Matches(msg, nk.Note):
		if s, ok := r.target(); ok {
			return nil, r.withNote(s), true
		}
	case key.Matches(msg, nk.Edit), key.Matches(msg, nk.Delete), key.Matches(msg, nk.Copy):
		h, ok := r.highlightAt()
		if !ok {
			return nil, status("no highlight at the cursor (" + nk.Save.Help().Key + " makes one)"), true
		}
		cmd, req := r.onHighlight(msg, h)
		return cmd, req, true
	default:
		return nil, nil, false
	}
	return nil, nil, true
}

// onHighlight applies e, d or y to highlight h.
func (r *readerPane) onHighlight(msg tea.KeyPressMsg, h model.Highlight) (tea.Cmd, request) {
	nk := r.keys.Notes
	switch {
	case key.Matches(msg, nk.Edit):
		return nil, openEditorMsg{h}
	case key.Matches(msg, nk.Delete):
		return nil, deleteHighlightMsg{h}
	}
	return tea.SetClipboard(clipText(h)), status("copied " + snippet(h.Text) + " to the clipboard")
}

// selectKey handles keys in selection mode: extending, saving, copying and
// the scrolling keys that do not clash; ok is false for any other key (the
// reader-wide ones act, the rest are swallowed).
func (r *readerPane) selectKey(msg tea.KeyPressMsg) (tea.Cmd, request, bool) {
	sk, rk := r.keys.Select, r.keys.Reader
	switch {
	case key.Matches(msg, sk.Next):
		r.extend(bySentence, 1)
	case key.Matches(msg, sk.Prev):
		r.extend(bySentence, -1)
	case key.Matches(msg, sk.WordNext):
		r.extend(byWord, 1)
	case key.Matches(msg, sk.WordPrev):
		r.extend(byWord, -1)
	case key.Matches(msg, sk.Save):
		return nil, r.save(r.selection()), true
	case key.Matches(msg, sk.Note):
		return nil, r.withNote(r.selection()), true
	case key.Matches(msg, sk.Copy):
		s := r.selection()
		text := r.article.Body[s.Start:s.End]
		r.cancelSelection()
		return tea.SetClipboard(text), status("copied " + snippet(text) + " to the clipboard"), true
	case key.Matches(msg, sk.LineUp), key.Matches(msg, sk.LineDown), key.Matches(msg, sk.PageUp),
		key.Matches(msg, rk.PageDown), key.Matches(msg, rk.HalfUp),
		key.Matches(msg, rk.HalfDown), key.Matches(msg, rk.Top), key.Matches(msg, rk.Bottom):
		r.scroll(msg)
	default:
		return nil, nil, false
	}
	return nil, nil, true
}

// cannotSave says why nothing can be saved now, or "" when it can.
func (r *readerPane) cannotSave() string {
	if off := r.notesOff(); off != "" {
		return off
	}
	if !r.loaded {
		return "the article is still loading"
	}
	return ""
}

// newHighlight makes the unsaved highlight of span s of the article, or
// the request that says why it cannot.
func (r *readerPane) newHighlight(s model.Span, note string) (model.Highlight, request) {
	if why := r.cannotSave(); why != "" {
		return model.Highlight{}, failure(why)
	}
	h, err := notes.NewHighlight(r.article, s.Start, s.End, note)
	if err != nil {
		return h, failure("not saved: " + sanitize.Text(err.Error()))
	}
	return h, nil
}

// save keeps span s (the selection or the cursor's sentence) as a highlight.
func (r *readerPane) save(s model.Span) request {
	h, req := r.newHighlight(s, "")
	if req != nil {
		return req
	}
	for _, old := range r.cur.highlights {
		if !old.Orphan && old.Start == h.Start && old.End == h.End {
			nk := r.keys.Notes
			return status("already highlighted (" + nk.Edit.Help().Key + " edits its note, " + nk.Delete.Help().Key +
				" deletes it)")
		}
	}
	r.cancelSelection()
	return saveHighlightMsg{h, "saved"}
}

// withNote opens the editor on a new highlight of span s.
func (r *readerPane) withNote(s model.Span) request {
	h, req := r.newHighlight(s, "")
	if req != nil {
		return req
	}
	return openEditorMsg{h}
}

// clipText is a highlight as copied: the quote, the note, the article.
func clipText(h model.Highlight) string {
	s := "“" + h.Text + "”"
	if h.Note != "" {
		s += "\n\n" + h.Note
	}
	if src := strings.Trim(h.Title+" · "+h.Source, " ·"); src != "" {
		s += "\n\n— " + src
	}
	return s
}

// snippet is the start of a highlight's text for the status bar.
func snippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return "“" + sanitize.Text(s) + "”"
}
