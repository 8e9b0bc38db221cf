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
	set    KeySet      // whose keys: the title
	pane   help.KeyMap // the pane that has them
	top    int         // first line shown
	width  int
	height int // of the screen above the status and hint bars
}

func newHelpOverlay(c common) helpOverlay { return helpOverlay{common: c} }

// show sets whose keys the overlay lists.
func (h *helpOverlay) show(set KeySet, pane help.KeyMap) { h.set, h.pane = set, pane }

// toTop shows the first line again (the overlay opens or closes).
func (h *helpOverlay) toTop() { h.top = 0 }

// SetSize gives the overlay the window's size.
func (h *helpOverlay) SetSize(w, hgt int) tea.Cmd {
	h.width, h.height = w, hgt
	return nil
}

// Update scrolls; esc asks to close. A new theme restyles the columns.
func (h *helpOverlay) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, h.keys.Global.Back) {
			return nil, hideHelpMsg{}
		}
		h.scroll(msg)
	}
	return nil, nil
}

func (h *helpOverlay) scroll(msg tea.KeyPressMsg) {
	page := max(h.height-2, 1)
	h.top, _ = scrolled(msg, h.keys.Reader, h.top, page, page, 1<<20)
	// Clamp here (View clamps too) so that scrolling back starts at once.
	h.top = max(0, min(h.top, h.lines()-h.height+1))
}

// lines is how many lines the overlay has at the current width.
func (h *helpOverlay) lines() int { return len(h.render()) }

// render lays the help out for the width: the title, then the pane's
// sections as columns of key and description, side by side while they fit
// and one under another when they do not, a description too long for the
// width wrapped under itself (never cut).
func (h *helpOverlay) render() []string {
	avail := max(h.width-2, 1)
	var cols [][]string
	for _, g := range h.pane.FullHelp() {
		cols = append(cols, h.column(g, avail))
	}
	out := []string{h.styles.Title.Render(" Keys: " + h.set.String()), ""}
	const gap = "   "
	for len(cols) > 0 {
		row, w := cols[:1], ansi.StringWidth(cols[0][0])
		for _, c := range cols[1:] {
			cw := ansi.StringWidth(c[0])
			if w+len(gap)+cw > avail {
				break
			}
			row, w = append(row, c), w+len(gap)+cw
		}
		cols = cols[len(row):]
		n := 0
		for _, c := range row {
			n = max(n, len(c))
		}
		for i := 0; i < n; i++ {
			var b strings.Builder
			b.WriteByte(' ')
			for j, c := range row {
				if j > 0 {
					b.WriteString(gap)
				}
				if i < len(c) {
					b.WriteString(c[i])
				} else {
					b.WriteString(strings.Repeat(" ", ansi.StringWidth(c[0])))
				}
			}
			out = append(out, strings.TrimRight(b.String(), " "))
		}
		if len(cols) > 0 {
			out = append(out, "")
		}
	}
	return out
}

// column draws one section as lines of equal width, at most avail cells:
// keys in a column of their own, descriptions wrapped beside them, or, when
// the keys leave too little room, under them.
func (h *helpOverlay) column(bs []key.Binding, avail int) []string {
	st := h.styles.Help
	kw, dw := 0, 0
	for _, b := range bs {
		kw = max(kw, ansi.StringWidth(b.Help().Key))
		dw = max(dw, ansi.StringWidth(b.Help().Desc))
	}
	stacked := avail-kw-2 < 16
	if stacked {
		kw = min(kw, avail)
	}
	dw = min(dw, max(avail-kw-2, 1))
	if stacked {
		dw = max(avail-2, 1)
	}
	width := kw + 2 + dw
	if stacked {
		width = max(kw, 2+dw)
	}
	var lines []string
	pad := func(s string) string { return s + strings.Repeat(" ", max(width-ansi.StringWidth(s), 0)) }
	for _, b := range bs {
		k := b.Help().Key
		desc := wrapText(b.Help().Desc, dw)
		if stacked {
			lines = append(lines, pad(st.FullKey.Render(ansi.Truncate(k, kw, "…"))))
			for _, d := range desc {
				lines = append(lines, pad("  "+st.FullDesc.Render(d)))
			}
			continue
		}
		for i, d := range desc {
			left := strings.Repeat(" ", kw)
			if i == 0 {
				left = st.FullKey.Render(k) + strings.Repeat(" ", kw-ansi.StringWidth(k))
			}
			lines = append(lines, pad(left+"  "+st.FullDesc.Render(d)))
		}
	}
	return lines
}

// View draws the help in the box SetSize gave it; a help taller than that
// shows a window of it and a last line saying where the window is.
func (h *helpOverlay) View() string {
	lines := h.render()
	hgt := max(h.height, 1)
	if len(lines) > hgt {
		r := h.keys.Reader
		total := len(lines)
		top := max(min(h.top, total-hgt+1), 0)
		where := fmt.Sprintf(" %s/%s scroll the keys (%d–%d of %d lines, %s)",
			firstKey(r.Down), firstKey(r.Up), top+1, top+hgt-1, total, position(top, total-hgt+1))
		if ansi.StringWidth(where) > h.width {
			where = fmt.Sprintf(" %d–%d/%d %s", top+1, top+hgt-1, total, position(top, total-hgt+1))
		}
		lines = append(lines[top:top+hgt-1:top+hgt-1], h.styles.Subtle.Render(where))
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

// firstKey is the first key of b as the hint bar writes it: the key a
// user bound first, arrows as arrows.
func firstKey(b key.Binding) string {
	ks := b.Keys()
	if len(ks) == 0 {
		return ""
	}
	if s, ok := arrowNames[ks[0]]; ok {
		return s
	}
	return ks[0]
}

// arrowNames are keys as the help and hint bar write them.
var arrowNames = map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn"}
