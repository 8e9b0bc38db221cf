package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/model"
)

// NotesPane is the Notes tab: it renders the highlights it is given and
// jumps to one with enter. It does no storage: the root loads an article's
// highlights through Options.Highlights and calls SetHighlights, and acts
// on the one under the cursor (current) for e and d (notes_actions.go).
type NotesPane struct {
	keys       *KeyMap
	styles     *Styles
	highlights []model.Highlight
	list       itemList
	width      int
}

// SetHighlights replaces the highlights shown.
func (n *NotesPane) SetHighlights(h []model.Highlight) { n.highlights = h; n.render() }

func (n *NotesPane) count() int { return len(n.highlights) }

// SetSize lays the tab out.
func (n *NotesPane) SetSize(w, h int) { n.width = w; n.list.setHeight(h); n.render() }

func (n *NotesPane) setStyles() { n.render() }

// howTo says how a highlight is made (the selection keys of the notes work).
const howTo = "No highlights yet. To keep a passage: in the reader press ) or ( to move the " +
	"sentence cursor and h to keep its sentence; v starts a selection there, which j/k or )/( extend by sentences and w/b by " +
	"words, then h saves it (a with a note). On the Ventures or Entities tab, h keeps the card " +
	"as a note. Highlights are listed here: enter jumps, e edits the note, d deletes, u undoes."

func (n *NotesPane) render() {
	st := n.styles
	w := max(n.width-2, 8)
	var items []item
	for i, h := range n.highlights {
		lines := wrapText(h.Text, w)
		if len(lines) > 3 {
			lines = append(lines[:3:3], "…")
		}
		for j := range lines {
			lines[j] = st.Text.Render(lines[j])
		}
		if h.Note != "" {
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

// Update moves between highlights; enter jumps to one.
func (n *NotesPane) Update(msg tea.KeyPressMsg) tea.Cmd {
	if h, _ := n.list.keys(n.keys.Panel, msg); h {
		return nil
	}
	if jumpKey(n.keys, msg) && n.list.cursor >= 0 && len(n.highlights) > 0 {
		h := n.highlights[n.list.items[n.list.cursor].ref]
		if !h.Orphan {
			s := model.Span{Start: h.Start, End: h.End}
			return jumpTo(s, s)
		}
	}
	return nil
}

// View draws the visible part of the tab.
func (n *NotesPane) View(focused bool) string { return n.list.View(n.width, n.styles, focused) }
