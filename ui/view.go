package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// View draws the screen, then the bottom bars (bars); every path sets
// AltScreen. A message longer than the status line takes rows from the
// bottom of the screen until the next key.
func (m Model) View() tea.View {
	var content string
	if m.width == 0 {
		content = "loading…"
	} else {
		h := m.mainHeight()
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
		case m.screen == screenLibrary:
			ph := m.net.height()
			list := block(m.library.View(), m.width, h-ph)
			if m.feedsOn {
				list = m.feedsView(m.width, h-ph)
			}
			main = list
			if ph > 0 {
				main = block(m.net.View(), m.width, ph) + "\n" + list
			}
		case m.screen == screenSearch:
			main = block(m.search.View(), m.width, h)
		case m.screen == screenDeals:
			main = block(m.deals.View(), m.width, h)
		case m.screen == screenCompany:
			main = block(m.company.View(), m.width, h)
		case m.screen == screenBrief:
			main = block(m.brief.View(), m.width, h)
		case !m.showPanel:
			main = block(m.reader.View(), m.width, h)
		case m.panel.below:
			ph := m.panel.height
			main = block(m.reader.View(), m.width, h-ph) + "\n" + block(m.panel.View(), m.width, ph)
		case m.panel.left:
			pw := m.panel.width
			main = joinH(block(m.panel.View(), pw, h), block(m.reader.View(), m.width-pw, h))
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
		if m.overlay == overlayCorrect && !m.showHelp {
			// At the bottom of the screen: the name it corrects is marked
			// in the text above it.
			box := m.correct.View()
			x := max((m.width-ansi.StringWidth(firstLine(box)))/2, 0)
			main = overlay(main, box, x, max(h-strings.Count(box, "\n")-1, 0))
		}
		bars := m.bars()
		if extra := len(bars) - m.barRows(); extra > 0 {
			main = padLines(main, max(h-extra, 0))
		}
		if main == "" {
			content = strings.Join(bars, "\n")
		} else {
			content = main + "\n" + strings.Join(bars, "\n")
		}
	}
	v := tea.NewView(content)
	v.AltScreen = true
	if m.mouseOn() {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "newsmark"
	if t := m.reader.title(); m.screen == screenReader && t != "" {
		// Titles are sanitised by the loader: no escape can ride along.
		v.WindowTitle = ansi.Truncate(t, 60, "…") + " — newsmark"
	}
	return v
}

// barRows is the rows under the screen: the status bar, and from
// hintRows rows the hint bar over it.
func (m *Model) barRows() int { return 1 + btoi(m.height >= hintRows) }

// mainHeight is the rows of the screen above the bars.
func (m *Model) mainHeight() int { return max(m.height-m.barRows(), 1) }

// keysShown is whose bindings the help overlay lists: the pane that has
// the keys, and its key set (the overlay's title).
func (m *Model) keysShown() (KeySet, help.KeyMap) {
	switch {
	case m.overlay == overlayEditor:
		return InEditor, m.editor
	case m.overlay == overlayExport:
		return m.export.keySet(), &m.export
	case m.overlay == overlayCorrect:
		return m.correct.keySet(), &m.correct
	case m.input.active():
		return InInput, &m.input
	case m.overlay == overlayLinks && m.screen == screenReader:
		return InLinks, &m.links
	case m.screen == screenLibrary && m.feedsOn && m.feedsFocus:
		return InFeeds, &m.feeds
	case m.screen == screenLibrary:
		return InLibrary, &m.library
	case m.screen == screenSearch:
		return m.search.keySet(), &m.search
	case m.screen == screenDeals:
		return m.deals.keySet(), &m.deals
	case m.screen == screenCompany:
		return m.company.keySet(), &m.company
	case m.screen == screenBrief:
		return InBrief, &m.brief
	case m.focus == focusPanel:
		return InPanel, &m.panel
	}
	return m.reader.keySet(), &m.reader
}

// maxMessageRows is how many rows a long message may take.
const maxMessageRows = 4

// bars are the bottom lines: the hint bar (from hintRows rows) over the
// status bar. The status bar has the input, prompt or message on the left
// and the counter, the position and the help key on the right. A message
// too long for it is drawn whole on rows of its own instead (in place of
// the hint bar, and over the screen's last rows if it needs more), never
// cut: below hintRows rows the hints then wait for the next key.
func (m Model) bars() []string {
	st := m.styles
	left, isDefault := m.statusLeft()
	var right []string
	switch {
	case m.overlay == overlayExport && m.export.previewing:
		right = append(right, m.export.preview.position())
	case m.screen == screenBrief:
		right = append(right, m.brief.position())
	case m.screen == screenReader && !m.input.active():
		if c := m.reader.counter(); c != "" {
			right = append(right, c)
		}
		if p := m.reader.percent(); p != "" {
			right = append(right, p)
		}
	}
	if p := m.idx.progress(); p != "" && m.screen != screenReader {
		right = append(right, p)
	}
	if m.height < hintRows && m.width < 60 {
		right = append(right, firstKey(m.keys.Global.Help)+" ") // a short bar: its room is the hints'
	} else {
		right = append(right, firstKey(m.keys.Global.Help)+" help ")
	}
	r := strings.Join(right, "  ")
	lw := max(m.width-ansi.StringWidth(r)-1, 0)
	if m.input.active() {
		// The line is the input's: it scrolls within it, cut by nothing.
		return m.withHints(m.input.View() + st.StatusBar.Render(strings.Repeat(" ", max(m.width-ansi.StringWidth(m.input.View()), 0))))
	}
	var msgRows []string
	if m.status != "" && ansi.StringWidth(left) > lw {
		// Too long for the status line: the whole message on rows of its
		// own, and the status line as it is when there is none.
		style := st.Text
		if m.statusErr {
			style = st.Error
		}
		rows := wrapText(m.status, max(m.width-2, 1))
		if limit := min(maxMessageRows, max(m.height/3, 1)); len(rows) > limit {
			rows = append(rows[:limit-1], ansi.Truncate(strings.Join(rows[limit-1:], " "), m.width-2, "…"))
		}
		for _, row := range rows {
			msgRows = append(msgRows, " "+style.Render(row))
		}
		status, err := m.status, m.statusErr
		m.status, m.statusErr = "", false
		left, isDefault = m.statusLeft()
		m.status, m.statusErr = status, err
	}
	hints := m.hints()
	if m.height < hintRows && len(msgRows) == 0 {
		// One line for both: the message or prompt, then what fits of the hints.
		room := lw - 2
		if !isDefault {
			room -= ansi.StringWidth(left)
		}
		if hb := m.hintBar(hints, room); hb != "" {
			if isDefault {
				left = " " + hb
			} else {
				left += "  " + hb
			}
		}
	}
	left = ansi.Truncate(left, lw, "…")
	gap := max(m.width-ansi.StringWidth(left)-ansi.StringWidth(r), 0)
	bar := st.StatusBar
	var line string
	if m.statusErr && m.status != "" && len(msgRows) == 0 {
		line = st.Error.Render(left) + bar.Render(strings.Repeat(" ", gap)+r)
	} else {
		line = bar.Render(left) + bar.Render(strings.Repeat(" ", gap)+r)
	}
	if len(msgRows) > 0 {
		return append(msgRows, line)
	}
	return m.withHints(line)
}

// withHints puts the hint bar over the status line, from hintRows rows.
func (m Model) withHints(status string) []string {
	if m.height < hintRows {
		return []string{status}
	}
	return []string{" " + m.hintBar(m.hints(), m.width-2), status}
}

// statusLeft is the status line's left side, and whether it is only the
// default (what has focus), which the hints may replace on a short screen.
func (m Model) statusLeft() (string, bool) {
	switch {
	case m.status != "":
		return " " + m.status, false
	case m.overlay == overlayEditor:
		return m.editor.statusLine(), false
	case m.overlay == overlayExport:
		return m.export.View(), false
	case m.overlay == overlayCorrect:
		return " correct: what is the name?", false
	case m.net.busy() && m.net.statusLine(m.screen == screenReader) != "":
		return " " + m.net.statusLine(m.screen == screenReader), false
	case m.screen == screenLibrary && m.feedsOn && m.feedsFocus:
		return m.feeds.statusLine(), true
	case m.screen == screenLibrary:
		// The count gives way to the hints on a short screen; a filter's
		// words do not.
		return m.library.statusLine(), m.library.filter == ""
	case m.screen == screenSearch:
		return m.search.statusLine(), false
	case m.screen == screenDeals:
		return m.deals.statusLine(), false
	case m.screen == screenCompany:
		return m.company.statusLine(), false
	case m.screen == screenBrief:
		return m.brief.statusLine(), false
	case m.focus == focusPanel:
		return " " + m.focus.String() + ": " + m.panel.activeName(), true
	case m.reader.keySet() == InSelection:
		return " selecting", false
	}
	s := " " + m.focus.String()
	if n := m.marks.unreadCount(""); n > 0 {
		s += " · " + plural(n, "unread", "unread")
	}
	return s, true
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
