package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/model"
	"newsmark/sanitize"
)

// openEditorMsg asks the root to open the note editor on h: a new
// highlight (ID 0) is saved with the note, an existing one gets its note
// replaced.
type openEditorMsg struct{ h model.Highlight }

// noteEditedMsg is the editor's ctrl+s: save note on h.
type noteEditedMsg struct {
	h    model.Highlight
	note string
}

// editorPane is the note editor drawn over the screen: the passage quoted
// on top, a multi-line textarea under it. It gets every key while open;
// ctrl+s asks the root to save, esc to discard.
type editorPane struct {
	common
	command string // the external editor ctrl+o runs (Options.Editor)
	ta      textarea.Model
	h       model.Highlight // ID 0: a new highlight to save with the note; else whose note is edited
	box     lipgloss.Style  // built on open and on resize, not in View
	width   int             // of the box, borders included
}

func newEditor(c common, h model.Highlight, command string, w, hgt int) (*editorPane, tea.Cmd) {
	ta := textarea.New()
	textAreaKeys(&ta.KeyMap, c.keys.Input)
	ta.ShowLineNumbers = false
	ta.Placeholder = "Your note… (#words become tags)"
	ts := textarea.DefaultStyles(c.styles.Theme != Light)
	ts.Cursor.Blink = false // a blinking cursor is a timer per blink: nothing to gain here
	ta.SetStyles(ts)
	ta.SetValue(h.Note)
	e := &editorPane{common: c, ta: ta, h: h, command: command}
	e.SetSize(w, hgt)
	return e, e.ta.Focus()
}

// SetSize fits the box to a w×h screen: up to 80 columns, 12 text lines.
func (e *editorPane) SetSize(w, h int) tea.Cmd {
	e.width = min(max(w-6, 24), 80)
	e.box = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).
		BorderForeground(e.styles.Title.GetForeground()).Padding(0, 1)
	e.ta.SetWidth(e.width - e.box.GetHorizontalFrameSize())
	e.ta.SetHeight(min(max(h-12, 3), 12))
	return nil
}

// Update: ctrl+s saves, esc discards, anything else (a paste too) is text.
// Pasted text (and a typed key's text) passes the sanitizer first: a bidi
// override or an escape sequence copied from a web page would reorder or
// restyle the editor, and the note.
func (e *editorPane) Update(msg tea.Msg) (tea.Cmd, request) {
	switch m := msg.(type) {
	case tea.KeyPressMsg:
		ek := e.keys.Editor
		switch {
		case key.Matches(m, ek.Save):
			return nil, requests{closeOverlayMsg{}, noteEditedMsg{e.h, strings.TrimSpace(e.ta.Value())}}
		case key.Matches(m, ek.Cancel):
			return nil, requests{closeOverlayMsg{}, status("note discarded")}
		case key.Matches(m, ek.External):
			return e.external()
		case m.Text != "" && !sanitize.IsClean(m.Text):
			return nil, nil
		}
	case tea.PasteMsg:
		m.Content = sanitize.Text(m.Content)
		msg = m
	case noteFileMsg, editorExitedMsg, noteFileReadMsg:
		return e.externalStep(msg)
	}
	var cmd tea.Cmd
	e.ta, cmd = e.ta.Update(msg)
	return cmd, nil
}

// View draws the box: title, the passage (at most 3 lines), the textarea
// and the keys that close it.
func (e *editorPane) View() string {
	st := e.styles
	inner := e.width - e.box.GetHorizontalFrameSize()
	title := "Note on the highlight"
	if e.h.ID == 0 {
		title = "New highlight with a note"
	}
	lines := []string{st.Title.Render(title)}
	quote := wrapText(sanitize.Line(e.h.Text), inner-2)
	if len(quote) > 3 {
		quote = append(quote[:2:2], ansi.Truncate(quote[2], inner-3, "")+"…")
	}
	for _, q := range quote {
		lines = append(lines, st.Caption.Render("│ "+q))
	}
	lines = append(lines, "", e.ta.View(), "")
	lines = append(lines, st.Subtle.Render(e.closeKeys()))
	return e.box.Render(strings.Join(lines, "\n"))
}

// closeKeys is "ctrl+s save the note · esc cancel the note".
func (e *editorPane) closeKeys() string {
	ek := e.keys.Editor
	return ek.Save.Help().Key + " " + ek.Save.Help().Desc + " · " + ek.Cancel.Help().Key + " " + ek.Cancel.Help().Desc
}

// statusLine is the status bar while the editor is open.
func (e *editorPane) statusLine() string {
	return " note editor"
}

// ShortHelp is the editor's bindings.
func (e *editorPane) ShortHelp() []key.Binding { return e.FullHelp()[0] }

// FullHelp is the editor's bindings for the help overlay.
func (e *editorPane) FullHelp() [][]key.Binding { return e.keys.helpGroups(InEditor) }

// overlay draws fg over bg with its top-left corner at column x, row y.
func overlay(bg, fg string, x, y int) string {
	bl := strings.Split(bg, "\n")
	for i, f := range strings.Split(fg, "\n") {
		row := y + i
		if row < 0 || row >= len(bl) {
			continue
		}
		l := bl[row]
		fw := ansi.StringWidth(f)
		left := ansi.Truncate(l, x, "")
		if pad := x - ansi.StringWidth(left); pad > 0 {
			left += strings.Repeat(" ", pad)
		}
		bl[row] = left + "\x1b[m" + f + "\x1b[m" + ansi.TruncateLeft(l, x+fw, "")
	}
	return strings.Join(bl, "\n")
}
