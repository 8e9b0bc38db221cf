package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// View draws the screen, then the status bar; every path sets AltScreen.
func (m Model) View() tea.View {
	var content string
	if m.width == 0 {
		content = "loading…"
	} else {
		h := max(m.height-1, 1)
		var main string
		switch {
		case m.showHelp:
			hv := m.help
			hv.show(m.keysShown())
			main = hv.View()
		case m.overlay == overlayExport && m.export.previewing:
			main = block(m.export.preview.View(), m.width, h)
		case m.overlay == overlayLinks && m.screen == screenReader:
			main = block(m.links.View(), m.width, h)
		case m.screen == screenLibrary && m.net.height() > 0:
			ph := m.net.height()
			main = block(m.net.View(), m.width, ph) + "\n" + block(m.library.View(), m.width, h-ph)
		case m.screen == screenLibrary:
			main = block(m.library.View(), m.width, h)
		case !m.showPanel:
			main = block(m.reader.View(), m.width, h)
		case m.panel.below:
			ph := m.panel.height
			main = block(m.reader.View(), m.width, h-ph) + "\n" + block(m.panel.View(), m.width, ph)
		default:
			pw := m.panel.width
			main = joinH(block(m.reader.View(), m.width-pw, h), block(m.panel.View(), pw, h))
		}
		if e := m.editor; m.overlay == overlayEditor && !m.showHelp {
			box := e.View()
			x := max((m.width-ansi.StringWidth(firstLine(box)))/2, 0)
			y := max((h-strings.Count(box, "\n")-1)/2, 0)
			main = overlay(main, box, x, y)
		}
		content = main + "\n" + m.statusView()
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = "newsmark"
	if t := m.reader.title(); m.screen == screenReader && t != "" {
		// Titles are sanitised by the loader: no escape can ride along.
		v.WindowTitle = ansi.Truncate(t, 60, "…") + " — newsmark"
	}
	return v
}

// keysShown is whose bindings the help overlay lists: the pane that has
// the keys, and its key set (the overlay's title).
func (m *Model) keysShown() (KeySet, help.KeyMap) {
	switch {
	case m.overlay == overlayEditor:
		return InEditor, m.editor
	case m.overlay == overlayExport:
		return m.export.keySet(), &m.export
	case m.input.active():
		return InInput, &m.input
	case m.overlay == overlayLinks && m.screen == screenReader:
		return InLinks, &m.links
	case m.screen == screenLibrary:
		return InLibrary, &m.library
	case m.focus == focusPanel:
		return InPanel, &m.panel
	}
	return m.reader.keySet(), &m.reader
}

// statusView is the bottom line: input or message on the left; counter,
// position and the help key on the right.
func (m Model) statusView() string {
	st := m.styles
	var left string
	switch {
	case m.overlay == overlayEditor:
		left = m.editor.statusLine()
	case m.overlay == overlayExport:
		left = m.export.View()
	case m.input.active():
		left = m.input.View()
	case m.status != "":
		left = " " + m.status
	case m.net.busy() && m.net.statusLine(m.screen == screenReader) != "":
		left = " " + m.net.statusLine(m.screen == screenReader)
	case m.screen == screenLibrary:
		left = m.library.statusLine()
	case m.focus == focusPanel:
		left = " " + m.focus.String() + ": " + m.panel.activeName()
	case m.reader.keySet() == InSelection:
		left = " selecting: " + m.keys.Select.Save.Help().Key + " saves · " + m.keys.Select.Note.Help().Key +
			" adds a note · esc cancels"
	default:
		left = " " + m.focus.String()
	}
	var right []string
	switch {
	case m.overlay == overlayExport && m.export.previewing:
		right = append(right, m.export.preview.position())
	case m.screen == screenReader:
		if c := m.reader.counter(); c != "" {
			right = append(right, c)
		}
		if p := m.reader.percent(); p != "" {
			right = append(right, p)
		}
	}
	right = append(right, m.keys.Global.Help.Help().Key+" help ")
	r := strings.Join(right, "  ")
	lw := max(m.width-ansi.StringWidth(r)-1, 0)
	left = ansi.Truncate(left, lw, "…")
	gap := max(m.width-ansi.StringWidth(left)-ansi.StringWidth(r), 0)
	bar := st.StatusBar
	if m.statusErr && m.status != "" {
		return st.Error.Render(left) + bar.Render(strings.Repeat(" ", gap)+r)
	}
	return bar.Render(left + strings.Repeat(" ", gap) + r)
}

// block cuts or pads s to exactly w×h cells, so side-by-side panes line
// up and the frame never wraps; it costs one width scan per visible line.
func block(s string, w, h int) string {
	lines := strings.Split(padLines(s, h), "\n")
	for i, l := range lines {
		lw := ansi.StringWidth(l)
		if lw > w {
			l = ansi.Truncate(l, w, "")
			lw = ansi.StringWidth(l)
		}
		lines[i] = l + strings.Repeat(" ", w-lw)
	}
	return strings.Join(lines, "\n")
}

// joinH puts two blocks of equal height side by side (both already cut to
// their widths by block, so plain concatenation is exact).
func joinH(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range la {
		if i < len(lb) {
			la[i] += lb[i]
		}
	}
	return strings.Join(la, "\n")
}
