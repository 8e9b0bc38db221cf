package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
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
			main = m.helpView()
		case m.links.open && m.screen == screenReader:
			main = block(m.links.View(), m.width, h)
		case m.screen == screenLibrary && m.web.progressHeight() > 0:
			ph := m.web.progressHeight()
			main = block(m.web.progressView(m.styles, m.width), m.width, ph) + "\n" + block(m.library.View(), m.width, h-ph)
		case m.screen == screenLibrary:
			main = block(m.library.View(), m.width, h)
		case !m.showPanel:
			main = block(m.reader.View(), m.width, h)
		case m.panel.below:
			ph := m.panel.height
			main = block(m.reader.View(), m.width, h-ph) + "\n" + block(m.panel.View(m.focus == focusPanel), m.width, ph)
		default:
			pw := m.panel.width
			main = joinH(block(m.reader.View(), m.width-pw, h), block(m.panel.View(m.focus == focusPanel), pw, h))
		}
		if e := m.notes.editor; e != nil && !m.showHelp {
			box := e.View(m.keys)
			x := max((m.width-ansi.StringWidth(firstLine(box)))/2, 0)
			y := max((h-strings.Count(box, "\n")-1)/2, 0)
			main = overlay(main, box, x, y)
		}
		content = main + "\n" + m.statusView()
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = "newsmark"
	if m.screen == screenReader && m.reader.article.Title != "" {
		// Titles are sanitised by the loader: no escape can ride along.
		v.WindowTitle = ansi.Truncate(m.reader.article.Title, 60, "…") + " — newsmark"
	}
	return v
}

// helpPane is which key set the help overlay lists.
func (m Model) helpPane() Pane {
	switch {
	case m.notes.editor != nil:
		return PaneEditor
	case m.notes.exportAsk:
		return PaneExport
	case m.notes.exists != "":
		return PaneExists
	case m.input != inputNone:
		return PaneInput
	case m.links.open && m.screen == screenReader:
		return PaneLinks
	case m.screen == screenLibrary:
		return PaneLibrary
	case m.focus == focusPanel:
		return PanePanel
	case m.reader.cur.selecting:
		return PaneSelect
	}
	return PaneReader
}

// fullHelp asks the pane that has the keys for its bindings.
func (m Model) fullHelp(p Pane) [][]key.Binding {
	switch p {
	case PaneLibrary:
		return m.library.FullHelp()
	case PanePanel:
		return m.panel.FullHelp()
	case PaneReader:
		return m.reader.FullHelp()
	case PaneLinks:
		return m.links.FullHelp()
	}
	return m.keys.helpGroups(p)
}

// helpView lays the help columns out in rows that fit the width.
func (m Model) helpView() string {
	p := m.helpPane()
	hm := m.help
	hm.SetWidth(0)
	var rows []string
	var row [][]key.Binding
	for _, g := range m.fullHelp(p) {
		try := append(append([][]key.Binding(nil), row...), g)
		if len(row) > 0 && ansi.StringWidth(firstLine(hm.FullHelpView(try))) > m.width-2 {
			rows = append(rows, hm.FullHelpView(row))
			try = [][]key.Binding{g}
		}
		row = try
	}
	if len(row) > 0 {
		rows = append(rows, hm.FullHelpView(row))
	}
	title := m.styles.Title.Render(" Keys: " + p.String())
	lines := strings.Split(title+"\n\n"+indent(strings.Join(rows, "\n\n"), " "), "\n")
	h := max(m.height-1, 1)
	if len(lines) > h {
		// Too tall for the terminal: show a window and say how to see the rest.
		top := min(m.helpTop, len(lines)-h+1)
		lines = lines[top:]
		lines = append(lines[:h-1], m.styles.Subtle.Render(fmt.Sprintf(" %s/%s scroll the keys (%d–%d of %d lines)",
			m.keys.Reader.Down.Help().Key, m.keys.Reader.Up.Help().Key, top+1, top+h-1, len(lines)+top)))
	}
	return block(strings.Join(lines, "\n"), m.width, h)
}

// scrollHelp moves the help overlay's window with the reader's scroll keys,
// which do the same thing there: the overlay has no other keys.
func (m *Model) scrollHelp(msg tea.KeyPressMsg) {
	r := m.keys.Reader
	page := max(m.height-3, 1)
	switch {
	case key.Matches(msg, r.Down):
		m.helpTop++
	case key.Matches(msg, r.Up):
		m.helpTop--
	case key.Matches(msg, r.PageDown), key.Matches(msg, r.HalfDown):
		m.helpTop += page
	case key.Matches(msg, r.PageUp), key.Matches(msg, r.HalfUp):
		m.helpTop -= page
	case key.Matches(msg, r.Top):
		m.helpTop = 0
	case key.Matches(msg, r.Bottom):
		m.helpTop = 1 << 20
	}
	// Clamp here (View clamps too) so that scrolling back starts at once.
	m.helpTop = max(0, min(m.helpTop, m.helpLines()-max(m.height-1, 1)+1))
}

// helpLines is how many lines the help overlay has at the current width.
func (m Model) helpLines() int {
	saved := m.helpTop
	m.helpTop, m.height = 0, 1<<20
	n := strings.Count(m.helpView(), "\n") + 1
	m.helpTop = saved
	return n
}

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

// statusView is the bottom line: input or message on the left; counter,
// position and the help key on the right.
func (m Model) statusView() string {
	st := m.styles
	var left string
	switch {
	case m.notes.editor != nil:
		left = " note editor: " + m.keys.Editor.Save.Help().Key + " saves · " + m.keys.Editor.Cancel.Help().Key + " cancels"
	case m.notes.exportAsk:
		left = m.exportPrompt()
	case m.notes.exists != "":
		left = m.existsPrompt()
	case m.input == inputExportPath:
		left = " " + m.input.String() + ": " + m.inputValue + "▌"
	case m.input != inputNone:
		left = " " + m.input.String() + ": /" + m.inputValue + "▌"
	case m.status != "":
		left = " " + m.status
	case m.web.busy() && m.web.statusLine(m.screen == screenReader) != "":
		left = " " + m.web.statusLine(m.screen == screenReader)
	case m.screen == screenLibrary:
		left = " newsmark · " + plural(len(m.library.visible), "article", "articles")
		if m.library.filter != "" {
			left += " matching “" + m.library.filter + "”"
		}
	default:
		left = " " + m.focus.String()
		if m.reader.cur.selecting && m.focus == focusReader {
			left = " selecting: " + m.keys.Select.Save.Help().Key + " saves · " + m.keys.Select.Note.Help().Key +
				" adds a note · esc cancels"
		}
		if m.focus == focusPanel {
			left += ": " + m.panel.active.String()
		}
	}
	var right []string
	if m.screen == screenReader {
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
