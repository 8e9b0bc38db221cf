package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsmark/model"
	"newsmark/notes"
	"newsmark/outfile"
	"newsmark/sanitize"
)

// notesState is the root's part of the notes work: the open note editor,
// the export question and what u restores. The highlights themselves live
// in the reader (drawing, "at the cursor") and the Notes tab (the list).
type notesState struct {
	editor    *editor
	exportAsk bool         // x asked for a format; m/j/c answer
	exportFmt notes.Format // the format chosen, while its path is typed
	exists    string       // the path that exists: y overwrites, n asks another name
	free      string       // a free name next to exists, offered by n
	deleted   int64        // the last deleted highlight, for u; 0 none
}

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

// withNotes fills the Notes tab's source from the notes service.
func withNotes(o Options) Options {
	if o.Notes != nil && o.Highlights == nil {
		n := o.Notes
		o.Highlights = func(a model.Article) ([]model.Highlight, error) {
			return n.ForArticle(context.Background(), a)
		}
	}
	return o
}

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

// snippet is the start of a highlight's text for the status bar.
func snippet(s string) string {
	s = sanitize.Line(s)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return "“" + s + "”"
}

// notesMsg handles the notes work's messages (and the editor's paste and
// size); it reports whether msg was one of them.
func (m *Model) notesMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if m.notes.editor != nil {
			m.notes.editor.SetSize(msg.Width, msg.Height)
		}
		return nil, false
	case tea.PasteMsg:
		if m.notes.editor == nil {
			return nil, false
		}
		return m.notes.editor.update(msg), true
	case noteSavedMsg:
		if msg.err != nil {
			m.setStatus("not saved: "+sanitize.Text(msg.err.Error()), true)
			return nil, true
		}
		m.setStatus(msg.verb+": "+snippet(msg.h.Text), false)
		return m.refreshNotes(), true
	case noteDeletedMsg:
		if msg.err != nil {
			m.setStatus("not deleted: "+sanitize.Text(msg.err.Error()), true)
			return nil, true
		}
		m.notes.deleted = msg.h.ID
		m.setStatus("deleted "+snippet(msg.h.Text)+" · "+m.keys.Notes.Undo.Help().Key+" undoes", false)
		return m.refreshNotes(), true
	case noteRestoredMsg:
		if msg.err != nil {
			m.setStatus("not restored: "+sanitize.Text(msg.err.Error()), true)
			return nil, true
		}
		m.notes.deleted = 0
		m.setStatus("restored "+snippet(msg.h.Text), false)
		return m.refreshNotes(), true
	case noteCountsMsg:
		if msg.err == nil {
			m.library.noteCounts = msg.counts
		}
		return nil, true
	case exportedMsg:
		if errors.Is(msg.err, outfile.ErrExists) {
			m.notes.exists, m.notes.free = msg.path, msg.free
			return nil, true
		}
		if msg.err != nil {
			m.setStatus("not exported: "+sanitize.Text(msg.err.Error()), true)
		} else {
			m.setStatus("exported "+plural(msg.n, "highlight", "highlights")+" to "+sanitize.Text(msg.path), false)
		}
		return nil, true
	}
	return nil, false
}

// refreshNotes reloads the open article's highlights and the library's counts.
func (m *Model) refreshNotes() tea.Cmd {
	var cmds []tea.Cmd
	if m.screen == screenReader && m.reader.loaded && m.opts.Highlights != nil {
		cmds = append(cmds, loadHighlights(m.gen, m.reader.article, m.opts.Highlights))
	}
	return tea.Batch(append(cmds, countNotes(m.opts.Notes))...)
}

// canSave says why nothing can be saved now, or "" when it can.
func (m *Model) cannotSave() string {
	switch {
	case m.opts.Notes == nil && m.opts.NotesStatus != "":
		return "not saved: " + m.opts.NotesStatus
	case m.opts.Notes == nil:
		return "not saved: no notes database"
	case !m.reader.loaded:
		return "the article is still loading"
	}
	return ""
}

// newHighlight makes the unsaved highlight of span s of the open article.
func (m *Model) newHighlight(s model.Span, note string) (model.Highlight, bool) {
	if why := m.cannotSave(); why != "" {
		m.setStatus(why, true)
		return model.Highlight{}, false
	}
	h, err := notes.NewHighlight(m.reader.article, s.Start, s.End, note)
	if err != nil {
		m.setStatus("not saved: "+sanitize.Text(err.Error()), true)
		return h, false
	}
	return h, true
}

// save keeps span s (the selection or the cursor's sentence) as a highlight.
func (m *Model) save(s model.Span) tea.Cmd {
	h, ok := m.newHighlight(s, "")
	if !ok {
		return nil
	}
	for _, old := range m.reader.cur.highlights {
		if !old.Orphan && old.Start == h.Start && old.End == h.End {
			nk := m.keys.Notes
			m.setStatus("already highlighted ("+nk.Edit.Help().Key+" edits its note, "+nk.Delete.Help().Key+
				" deletes it)", false)
			return nil
		}
	}
	m.reader.cancelSelection()
	return addHighlight(m.opts.Notes, h, "saved")
}

// openEditor opens the note editor on h: a new highlight (ID 0) is saved
// with the note, an existing one gets the note replaced.
func (m *Model) openEditor(h model.Highlight) tea.Cmd {
	if m.opts.Notes == nil {
		m.setStatus(m.cannotSave(), true)
		return nil
	}
	e, cmd := newEditor(m.styles, h, m.width, m.height)
	m.notes.editor = e
	return cmd
}

// overlayKey gives a key to the editor or the export question when one is
// open; it reports whether one was.
func (m *Model) overlayKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case m.notes.editor != nil:
		return m.editorKey(msg), true
	case m.notes.exportAsk:
		return m.exportKey(msg), true
	case m.notes.exists != "":
		return m.existsKey(msg), true
	}
	return nil, false
}

func (m *Model) editorKey(msg tea.KeyPressMsg) tea.Cmd {
	ek, e := m.keys.Editor, m.notes.editor
	switch {
	case key.Matches(msg, ek.Save):
		m.notes.editor = nil
		note := strings.TrimSpace(e.value())
		if e.h.ID != 0 {
			return updateNote(m.opts.Notes, e.h.ID, note)
		}
		e.h.Note, e.h.Tags = note, noteTags(note)
		m.reader.cancelSelection()
		return addHighlight(m.opts.Notes, e.h, "saved with note")
	case key.Matches(msg, ek.Cancel):
		m.notes.editor = nil
		m.setStatus("note discarded", false)
		return nil
	}
	return e.update(msg)
}

// notesKey handles the notes keys of the article screen; it reports
// whether msg was one. In a selection every key but the article's own is
// the selection's, so none falls through to scrolling.
func (m *Model) notesKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	nk := m.keys.Notes
	switch {
	case key.Matches(msg, nk.Undo):
		if m.notes.deleted == 0 {
			m.setStatus("nothing to undo", false)
			return nil, true
		}
		if m.opts.Notes == nil {
			m.setStatus(m.cannotSave(), true)
			return nil, true
		}
		return undoDelete(m.opts.Notes, m.notes.deleted), true
	case key.Matches(msg, nk.Export):
		return m.askExport(), true
	}
	if m.focus == focusPanel {
		return m.panelNotesKey(msg)
	}
	if m.reader.cur.selecting {
		return m.selectKey(msg)
	}
	r := &m.reader
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
			m.setStatus("no sentence to select yet", false)
		}
	case key.Matches(msg, nk.Save):
		if s, ok := r.target(); ok {
			return m.save(s), true
		}
	case key.Matches(msg, nk.Note):
		if s, ok := r.target(); ok {
			if h, ok := m.newHighlight(s, ""); ok {
				return m.openEditor(h), true
			}
		}
	case key.Matches(msg, nk.Edit), key.Matches(msg, nk.Delete), key.Matches(msg, nk.Copy):
		h, ok := r.highlightAt()
		if !ok {
			m.setStatus("no highlight at the cursor ("+nk.Save.Help().Key+" makes one)", false)
			return nil, true
		}
		return m.onHighlight(msg, h), true
	default:
		return nil, false
	}
	return nil, true
}

// onHighlight applies e, d or y (reader or Notes tab) to highlight h.
func (m *Model) onHighlight(msg tea.KeyPressMsg, h model.Highlight) tea.Cmd {
	nk, pk := m.keys.Notes, m.keys.Panel
	switch {
	case key.Matches(msg, nk.Edit), key.Matches(msg, pk.Edit):
		return m.openEditor(h)
	case key.Matches(msg, nk.Delete), key.Matches(msg, pk.Delete):
		if m.opts.Notes == nil {
			m.setStatus(m.cannotSave(), true)
			return nil
		}
		return deleteHighlight(m.opts.Notes, h.ID)
	}
	m.setStatus("copied "+snippet(h.Text)+" to the clipboard", false)
	return tea.SetClipboard(clipText(h))
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

// selectKey handles keys in selection mode: extending, saving, copying and
// the scrolling keys that do not clash; the article's keys (tabs, toggles)
// fall through, anything else is swallowed.
func (m *Model) selectKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	sk, rk, r := m.keys.Select, m.keys.Reader, &m.reader
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
		return m.save(r.selection()), true
	case key.Matches(msg, sk.Note):
		if h, ok := m.newHighlight(r.selection(), ""); ok {
			return m.openEditor(h), true
		}
	case key.Matches(msg, sk.Copy):
		s := r.selection()
		text := r.article.Body[s.Start:s.End]
		r.cancelSelection()
		m.setStatus("copied "+snippet(text)+" to the clipboard", false)
		return tea.SetClipboard(text), true
	case key.Matches(msg, sk.LineUp), key.Matches(msg, sk.LineDown), key.Matches(msg, sk.PageUp),
		key.Matches(msg, rk.PageDown), key.Matches(msg, rk.HalfUp),
		key.Matches(msg, rk.HalfDown), key.Matches(msg, rk.Top), key.Matches(msg, rk.Bottom):
		r.Update(msg)
	default:
		for _, b := range m.keys.articleBindings() {
			if key.Matches(msg, b) {
				return nil, false
			}
		}
	}
	return nil, true
}

// panelNotesKey: h keeps the card under the cursor (Ventures, Entities);
// e and d act on the highlight under the cursor (Notes).
func (m *Model) panelNotesKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	pk := m.keys.Panel
	p := &m.panel
	switch {
	case key.Matches(msg, pk.Keep):
		var s model.Span
		var note string
		switch p.active {
		case tabVentures:
			v, ok := p.Ventures.current()
			if !ok || len(v.Evidence) == 0 {
				m.setStatus("no venture with a passage to keep here", false)
				return nil, true
			}
			s, note = v.Evidence[0], notes.VentureCard(v)
		case tabEntities:
			idx := p.Entities.selected()
			if idx < 0 || len(p.Entities.entities[idx].Mentions) == 0 {
				m.setStatus("no entity to keep here", false)
				return nil, true
			}
			e := p.Entities.entities[idx]
			s, note = e.Mentions[0], entityCard(e)
		default:
			m.setStatus(pk.Keep.Help().Key+" keeps a card of the Ventures (1) or Entities (2) tab", false)
			return nil, true
		}
		h, ok := m.newHighlight(s, note)
		if !ok {
			return nil, true
		}
		return addHighlight(m.opts.Notes, h, "card kept as a note"), true
	case key.Matches(msg, pk.Jump) && p.active == tabNotes:
		if h, ok := p.Notes.current(); ok && h.Orphan {
			m.setStatus("not found in the current text: nothing to jump to", false)
			return nil, true
		}
		return nil, false
	case key.Matches(msg, pk.Edit), key.Matches(msg, pk.Delete):
		if p.active != tabNotes {
			m.setStatus(pk.Edit.Help().Key+" and "+pk.Delete.Help().Key+" act on the Notes tab (4)", false)
			return nil, true
		}
		h, ok := p.Notes.current()
		if !ok {
			m.setStatus("no highlight selected", false)
			return nil, true
		}
		return m.onHighlight(msg, h), true
	}
	return nil, false
}

// entityCard is the Markdown note kept for an entity.
func entityCard(e model.Entity) string {
	s := fmt.Sprintf("**%s** (%s) — %s in the article", e.Name(), e.Kind,
		plural(len(e.Mentions), "mention", "mentions"))
	if e.Cue != "" {
		s += "; found by: " + e.Cue
	}
	return s + "\n"
}

// current is the venture under the cursor.
func (v *venturesPane) current() (model.Venture, bool) {
	if v.list.cursor < 0 || len(v.ventures) == 0 || !v.list.items[v.list.cursor].selectable {
		return model.Venture{}, false
	}
	return v.ventures[v.list.items[v.list.cursor].ref], true
}

// current is the highlight under the cursor.
func (n *NotesPane) current() (model.Highlight, bool) {
	if n.list.cursor < 0 || len(n.highlights) == 0 || !n.list.items[n.list.cursor].selectable {
		return model.Highlight{}, false
	}
	return n.highlights[n.list.items[n.list.cursor].ref], true
}
