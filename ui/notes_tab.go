package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/model"
)

// notesTab is the Notes tab: it lists the open article's highlights as the
// root loads them (highlightsMsg); enter jumps to one, e asks to edit its
// note, d to delete it. It does no storage. Notes are Markdown (a kept
// card is a heading and a list) and are drawn by glamour in a Cmd; until a
// note's rendering arrives it shows as plain text.
type notesTab struct {
	common
	highlights []model.Highlight
	list       itemList
	width      int
	focused    bool
	// rendered is each note as glamour draws it, by what the drawing
	// depends on: the note's text, the width and the theme. A save or a
	// delete reloads the highlights but renders only new notes; a new
	// width or theme renders them all again, and the entries of the old
	// one are dropped then (notesRenderedMsg).
	rendered map[noteKey][]string
}

// noteKey is what a rendered note depends on.
type noteKey struct {
	note  string
	width int
	theme Theme
}

// notesRenderedMsg is notes drawn by glamour for one width and theme. A
// note glamour failed on has no lines and stays plain.
type notesRenderedMsg struct {
	width int
	theme Theme
	notes map[string][]string
}

func (n *notesTab) listsHighlights() {}

func (n *notesTab) count() int { return len(n.highlights) }

// SetSize lays the tab out; the notes are drawn again for a new width.
func (n *notesTab) SetSize(w, h int) tea.Cmd {
	n.width = w
	n.list.setHeight(h)
	n.render()
	return n.renderNotes()
}

// textWidth is the width of the list's text: the bar and a space aside.
func (n *notesTab) textWidth() int { return max(n.width-2, 8) }

// noteWidth is the width notes are drawn at: under the passage, after the
// note's mark ("— ").
func (n *notesTab) noteWidth() int { return n.textWidth() - 2 }

func (n *notesTab) setFocused(f bool) { n.focused = f }

// howTo says how a highlight is made (the selection keys of the notes work).
const howTo = "No highlights yet. To keep a passage: in the reader press ) or ( to move the " +
	"sentence cursor and h to keep its sentence; v starts a selection there, which j/k or )/( extend by sentences and w/b by " +
	"words, then h saves it (a with a note). On the Ventures or Entities tab, h keeps the card " +
	"as a note. Highlights are listed here: enter jumps, e edits the note, d deletes, u undoes."

func (n *notesTab) render() {
	if n.width == 0 {
		return // not laid out yet: SetSize renders
	}
	st := n.styles
	w := n.textWidth()
	var items []item
	for i, h := range n.highlights {
		lines := wrapText(h.Text, w)
		if len(lines) > 3 {
			lines = append(lines[:3:3], "…")
		}
		for j := range lines {
			lines[j] = st.Text.Render(lines[j])
		}
		if md, ok := n.rendered[noteKey{h.Note, n.noteWidth(), st.Theme}]; ok && len(md) > 0 {
			for j, l := range md {
				mark := "  "
				if j == 0 {
					mark = st.Subtle.Render("— ")
				}
				lines = append(lines, mark+l)
			}
		} else if h.Note != "" {
			for _, l := range wrapText("— "+strings.ReplaceAll(h.Note, "\n", " "), w) {
				lines = append(lines, st.Caption.Render(l))
			}
		}
		if len(h.Tags) > 0 {
			lines = append(lines, st.Cue.Render(ansi.Truncate("#"+strings.Join(h.Tags, " #"), w, "…")))
		}
		if h.Orphan {
			lines = append(lines, st.Error.Render("not found in the current text"))
		}
		items = append(items, item{lines: append(lines, ""), selectable: true, ref: i})
	}
	if len(items) == 0 {
		var lines []string
		for _, l := range wrapText(howTo, w) {
			lines = append(lines, st.Subtle.Render(l))
		}
		items = append(items, item{lines: lines})
	}
	n.list.setItems(items)
}

// renderNotes draws, in a Cmd, the notes not yet drawn for the current
// width and theme; nil when there are none.
func (n *notesTab) renderNotes() tea.Cmd {
	w, theme := n.noteWidth(), n.styles.Theme
	var todo []string
	seen := map[string]bool{}
	for _, h := range n.highlights {
		if _, ok := n.rendered[noteKey{h.Note, w, theme}]; h.Note != "" && !ok && !seen[h.Note] {
			seen[h.Note] = true
			todo = append(todo, h.Note)
		}
	}
	if len(todo) == 0 || n.width <= 0 {
		return nil
	}
	md := n.md
	return func() tea.Msg {
		out := make(map[string][]string, len(todo))
		for _, note := range todo {
			lines, err := md.renderLines(note, rendererKey{width: w, theme: theme, layout: mdCompact})
			if err != nil {
				lines = nil // drawn plain
			}
			out[note] = lines
		}
		return notesRenderedMsg{width: w, theme: theme, notes: out}
	}
}

// keepRendered caches notes drawn by glamour and redraws the list with
// them, keeping the cursor. Only the current width and theme are kept: a
// result for a size or theme already gone is dropped, and so are the
// entries of the old ones.
func (n *notesTab) keepRendered(msg notesRenderedMsg) {
	if msg.width != n.noteWidth() || msg.theme != n.styles.Theme {
		return
	}
	if n.rendered == nil {
		n.rendered = map[noteKey][]string{}
	}
	for k := range n.rendered {
		if k.width != msg.width || k.theme != msg.theme {
			delete(n.rendered, k)
		}
	}
	for note, lines := range msg.notes {
		n.rendered[noteKey{note, msg.width, msg.theme}] = lines
	}
	cur, off := n.list.cursor, n.list.offset
	n.render()
	if cur >= 0 && cur < len(n.list.items) && n.list.items[cur].selectable {
		n.list.cursor, n.list.offset = cur, off
		n.list.follow()
	}
}

// Update moves between highlights; enter jumps to one, e and d ask to
// edit its note or delete it.
func (n *notesTab) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case articleOpenedMsg:
		n.highlights = nil
		n.render()
	case highlightsMsg:
		n.highlights = msg.highlights
		n.render()
		return n.renderNotes(), nil
	case themeMsg:
		n.render()
		return n.renderNotes(), nil
	case notesRenderedMsg:
		n.keepRendered(msg)
	case tea.KeyPressMsg:
		return nil, n.key(msg)
	}
	return nil, nil
}

func (n *notesTab) key(msg tea.KeyPressMsg) request {
	pk := n.keys.Panel
	if h, _ := n.list.keys(pk, msg); h {
		return nil
	}
	h, ok := n.current()
	switch {
	case key.Matches(msg, pk.Jump) && ok && h.Orphan:
		return status("not found in the current text: nothing to jump to")
	case key.Matches(msg, pk.Jump) && ok:
		s := model.Span{Start: h.Start, End: h.End}
		return jumpMsg{s, []model.Span{s}}
	case (key.Matches(msg, pk.Edit) || key.Matches(msg, pk.Delete)) && !ok:
		return status("no highlight selected")
	case key.Matches(msg, pk.Edit):
		return openEditorMsg{h}
	case key.Matches(msg, pk.Delete):
		return deleteHighlightMsg{h}
	}
	return nil
}

// current is the highlight under the cursor.
func (n *notesTab) current() (model.Highlight, bool) {
	if n.list.cursor < 0 || len(n.highlights) == 0 || !n.list.items[n.list.cursor].selectable {
		return model.Highlight{}, false
	}
	return n.highlights[n.list.items[n.list.cursor].ref], true
}

// View draws the visible part of the tab.
func (n *notesTab) View() string { return n.list.View(n.width, n.styles, n.focused) }

// ShortHelp is the panel's most used bindings.
func (n *notesTab) ShortHelp() []key.Binding { return n.FullHelp()[0] }

// FullHelp is the panel's bindings: every tab shares them.
func (n *notesTab) FullHelp() [][]key.Binding { return n.keys.helpGroups(InPanel) }
