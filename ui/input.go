package ui

import (
	"strings"

	"newsmark/sanitize"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// inputKind is the text being typed, if any, and so which pane it is for;
// while one is active it gets every key but ctrl+c.
type inputKind int

const (
	inputNone          inputKind = iota
	inputLibraryFilter           // the library's filter
	inputSearch                  // the reader's search
	inputEntityFilter            // the Entities tab's filter
	inputExportPath              // the export prompt's path
	inputIndexSearch             // the search screen's query (S)
	inputDealFilter              // the deal tracker's filter (D)
)

// String is the prompt the status bar shows while typing.
func (k inputKind) String() string {
	return [...]string{"", "filter", "search", "filter entities", "export to", "search every story", "filter deals"}[k]
}

// prompt is what the status bar shows before the text: the filters and the
// search start with the / that opened them, as in less and vim.
func (k inputKind) prompt() string {
	if k == inputExportPath {
		return " " + k.String() + ": "
	}
	return " " + k.String() + ": /"
}

// startInputMsg asks the root to start typing kind, from value.
type startInputMsg struct {
	kind  inputKind
	value string
}

// inputState is where the typing is.
type inputState int

const (
	inputTyping    inputState = iota // a key changed the text
	inputAccepted                    // enter
	inputCancelled                   // esc: the value is ""
)

// inputMsg tells the pane the text is for what was typed; the root routes
// it by kind.
type inputMsg struct {
	kind  inputKind
	value string
	state inputState
}

// lineInput is the one-line text input drawn in the status bar: the
// filters, the search and the export path. The root owns it (a key goes to
// it before any binding); what is typed goes to the pane it is for. It is
// a line editor with a shell's keys (InputKeys: ctrl+a/e/k/u/w, arrows,
// words), on bubbles' textinput: a text longer than the line scrolls to
// keep the cursor in view rather than being cut.
type lineInput struct {
	common
	kind  inputKind
	ti    textinput.Model
	width int // of the whole status line
}

func (in *lineInput) active() bool { return in.kind != inputNone }

// value is the text typed so far.
func (in *lineInput) value() string { return in.ti.Value() }

// start begins typing kind from value, the cursor at its end.
func (in *lineInput) start(kind inputKind, value string) {
	in.kind = kind
	in.ti = textinput.New()
	in.ti.Prompt = ""
	in.ti.KeyMap = textInputKeys(in.keys.Input)
	st := in.styles.StatusBar
	in.ti.SetStyles(textinput.Styles{
		Focused: textinput.StyleState{Text: st, Prompt: st, Placeholder: st},
		Blurred: textinput.StyleState{Text: st, Prompt: st, Placeholder: st},
		Cursor:  textinput.CursorStyle{Blink: false},
	})
	in.ti.Focus()
	in.resize()
	in.ti.SetValue(value)
	in.ti.CursorEnd()
}

// SetSize gives the input the status line's width.
func (in *lineInput) SetSize(w, _ int) tea.Cmd {
	in.width = w
	if in.active() {
		in.resize()
		in.ti.SetCursor(in.ti.Position()) // scroll again for the new width
	}
	return nil
}

func (in *lineInput) resize() {
	// One cell for the cursor past the end of the text.
	in.ti.SetWidth(max(in.width-ansi.StringWidth(in.kind.prompt())-1, 1))
}

// Update edits the text: enter accepts it, esc cancels, the editing keys
// move and delete, a printable key or a paste adds to it. Typed and pasted
// text passes the sanitizer first.
func (in *lineInput) Update(msg tea.Msg) (tea.Cmd, request) {
	before := in.ti.Value()
	switch msg := msg.(type) {
	case tea.PasteMsg:
		msg.Content = sanitize.Text(strings.ReplaceAll(msg.Content, "\n", " "))
		in.ti, _ = in.ti.Update(msg)
	case tea.KeyPressMsg:
		k := in.keys.Input
		switch {
		case key.Matches(msg, k.Accept):
			kind, v := in.kind, in.ti.Value()
			in.kind = inputNone
			return nil, inputMsg{kind, v, inputAccepted}
		case key.Matches(msg, k.Cancel):
			kind := in.kind
			in.kind = inputNone
			in.ti.SetValue("")
			return nil, inputMsg{kind, "", inputCancelled}
		}
		// A key's text (not its name: arrows and F-keys type nothing)
		// goes in clean.
		msg.Text = sanitize.Text(msg.Text)
		in.ti, _ = in.ti.Update(msg)
	default:
		return nil, nil
	}
	if v := in.ti.Value(); v != before {
		return nil, inputMsg{in.kind, v, inputTyping}
	}
	return nil, nil
}

// View is the status bar's left side while typing: the prompt, then the
// visible part of the text with the cursor.
func (in *lineInput) View() string {
	return in.styles.StatusBar.Render(in.kind.prompt()) + in.ti.View()
}

// ShortHelp is the input's bindings.
func (in *lineInput) ShortHelp() []key.Binding { return in.FullHelp()[0] }

// FullHelp is the input's bindings for the help overlay.
func (in *lineInput) FullHelp() [][]key.Binding { return in.keys.helpGroups(InInput) }

// textInputKeys are bubbles' textinput keys from ours. Its paste key (it
// reads the clipboard itself, past the sanitizer) and suggestions are off:
// a terminal's paste arrives as a tea.PasteMsg.
func textInputKeys(k InputKeys) textinput.KeyMap {
	off := key.NewBinding(key.WithDisabled())
	return textinput.KeyMap{
		CharacterForward: k.Right, CharacterBackward: k.Left,
		WordForward: k.WordRight, WordBackward: k.WordLeft,
		DeleteWordBackward: k.KillWord, DeleteWordForward: off,
		DeleteAfterCursor: k.KillEnd, DeleteBeforeCursor: k.KillStart,
		DeleteCharacterBackward: k.Delete, DeleteCharacterForward: k.DeleteForward,
		LineStart: k.Home, LineEnd: k.End,
		Paste: off, AcceptSuggestion: off, NextSuggestion: off, PrevSuggestion: off,
	}
}

// textAreaKeys sets the note editor's line-editing keys to ours, so that
// ctrl+a/e/k/u/w mean in a note what they mean in a shell and on the
// status line, and a rebound key is rebound in both. Its own paste key is
// off for the reason textInputKeys gives.
func textAreaKeys(km *textarea.KeyMap, k InputKeys) {
	km.CharacterForward, km.CharacterBackward = k.Right, k.Left
	km.WordForward, km.WordBackward = k.WordRight, k.WordLeft
	km.DeleteWordBackward = k.KillWord
	km.DeleteAfterCursor, km.DeleteBeforeCursor = k.KillEnd, k.KillStart
	km.DeleteCharacterBackward, km.DeleteCharacterForward = k.Delete, k.DeleteForward
	km.LineStart, km.LineEnd = k.Home, k.End
	km.Paste = key.NewBinding(key.WithDisabled())
}

// setValue replaces the text, the cursor at its end (tests and benchmarks
// type a query at once).
func (in *lineInput) setValue(s string) {
	in.ti.SetValue(s)
	in.ti.CursorEnd()
}
