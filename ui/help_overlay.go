package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// hideHelpMsg asks the root to close the help overlay (esc).
type hideHelpMsg struct{}

// helpOverlay is the ? overlay: the bindings of the pane that has the keys,
// a column per section, laid out in rows that fit the width. On a small
// terminal it scrolls with the reader's scroll keys, which do the same
// thing there: the overlay has no other keys. The root tells it whose keys
// to list (show) before drawing it or giving it a key.
type helpOverlay struct {
	common
	model  help.Model
	set    KeySet      // whose keys: the title
	pane   help.KeyMap // the pane that has them
	top    int         // first line shown
	width  int
	height int // of the window: the overlay leaves the status bar
}

func newHelpOverlay(c common) helpOverlay {
	h := helpOverlay{common: c, model: help.New()}
	h.model.Styles = c.styles.Help
	return h
}

// show sets whose keys the overlay lists.
func (h *helpOverlay) show(set KeySet, pane help.KeyMap) { h.set, h.pane = set, pane }

// toTop shows the first line again (the overlay opens or closes).
func (h *helpOverlay) toTop() { h.top = 0 }

// SetSize gives the overlay the window's size.
func (h *helpOverlay) SetSize(w, hgt int) tea.Cmd {
	h.width, h.height = w, hgt
	h.model.SetWidth(w)
	return nil
}

// Update scrolls; esc asks to close. A new theme restyles the columns.
func (h *helpOverlay) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case themeMsg:
		h.model.Styles = h.styles.Help
	case tea.KeyPressMsg:
		if key.Matches(msg, h.keys.Global.Back) {
			return nil, hideHelpMsg{}
		}
		h.scroll(msg)
	}
	return nil, nil
}

func (h *helpOverlay) scroll(msg tea.KeyPressMsg) {
	r := h.keys.Reader
	page := max(h.height-3, 1)
	switch {
	case key.Matches(msg, r.Down):
		h.top++
	case key.Matches(msg, r.Up):
		h.top--
	case key.Matches(msg, r.PageDown), key.Matches(msg, r.HalfDown):
		h.top += page
	case key.Matches(msg, r.PageUp), key.Matches(msg, r.HalfUp):
		h.top -= page
	case key.Matches(msg, r.Top):
		h.top = 0
	case key.Matches(msg, r.Bottom):
		h.top = 1 << 20
	}
	// Clamp here (View clamps too) so that scrolling back starts at once.
	h.top = max(0, min(h.top, h.lines()-max(h.height-1, 1)+1))
}

// lines is how many lines the overlay has at the current width.
func (h helpOverlay) lines() int {
	h.top, h.height = 0, 1<<20 // h is a copy: the caller's window is untouched
	return strings.Count(h.View(), "\n") + 1
}

// View lays the help columns out in rows that fit the width.
func (h *helpOverlay) View() string {
	hm := h.model
	hm.SetWidth(0)
	var rows []string
	var row [][]key.Binding
	for _, g := range h.pane.FullHelp() {
		try := append(append([][]key.Binding(nil), row...), g)
		if len(row) > 0 && ansi.StringWidth(firstLine(hm.FullHelpView(try))) > h.width-2 {
			rows = append(rows, hm.FullHelpView(row))
			try = [][]key.Binding{g}
		}
		row = try
	}
	if len(row) > 0 {
		rows = append(rows, hm.FullHelpView(row))
	}
	title := h.styles.Title.Render(" Keys: " + h.set.String())
	lines := strings.Split(title+"\n\n"+indent(strings.Join(rows, "\n\n"), " "), "\n")
	hgt := max(h.height-1, 1)
	if len(lines) > hgt {
		// Too tall for the terminal: show a window and say how to see the rest.
		r := h.keys.Reader
		top := min(h.top, len(lines)-hgt+1)
		lines = lines[top:]
		lines = append(lines[:hgt-1], h.styles.Subtle.Render(fmt.Sprintf(" %s/%s scroll the keys (%d–%d of %d lines)",
			r.Down.Help().Key, r.Up.Help().Key, top+1, top+hgt-1, len(lines)+top)))
	}
	return block(strings.Join(lines, "\n"), h.width, hgt)
}

// ShortHelp is the keys that scroll and close the overlay.
func (h *helpOverlay) ShortHelp() []key.Binding {
	r := h.keys.Reader
	return []key.Binding{r.Down, r.Up, h.keys.Global.Back}
}

// FullHelp is ShortHelp in one column.
func (h *helpOverlay) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }

// firstLine is s up to its first newline: help rows are measured by it.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// indent puts pre before every line of s.
func indent(s, pre string) string {
	return pre + strings.ReplaceAll(s, "\n", "\n"+pre)
}
