package ui

import (
	"strings"

	"newsmark/sanitize"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
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
)

// String is the prompt the status bar shows while typing.
func (k inputKind) String() string {
	return [...]string{"", "filter", "search", "filter entities", "export to"}[k]
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
// it before any binding); what is typed goes to the pane it is for.
type lineInput struct {
	common
	kind  inputKind
	value string
}

func (in *lineInput) active() bool { return in.kind != inputNone }

func (in *lineInput) start(kind inputKind, value string) { in.kind, in.value = kind, value }

// Update edits the text: enter accepts it, esc cancels, a printable key or
// a paste adds to it.
func (in *lineInput) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		return nil, in.typed(sanitize.Text(strings.ReplaceAll(msg.Content, "\n", " ")))
	case tea.KeyPressMsg:
		k := in.keys.Input
		switch {
		case key.Matches(msg, k.Accept):
			kind := in.kind
			in.kind = inputNone
			return nil, inputMsg{kind, in.value, inputAccepted}
		case key.Matches(msg, k.Cancel):
			kind := in.kind
			in.kind, in.value = inputNone, ""
			return nil, inputMsg{kind, "", inputCancelled}
		case key.Matches(msg, k.Delete):
			// Runes, not bytes: never leave half a character in the query.
			if r := []rune(in.value); len(r) > 0 {
				in.value = string(r[:len(r)-1])
			}
			return nil, in.typed("")
		}
		// Printable keys carry their text; a key with none (arrows, F-keys)
		// is ignored rather than typed as its name.
		if msg.Text != "" {
			return nil, in.typed(sanitize.Text(msg.Text))
		}
	}
	return nil, nil
}

func (in *lineInput) typed(s string) request {
	in.value += s
	return inputMsg{in.kind, in.value, inputTyping}
}

// View is the status bar's left side while typing.
func (in *lineInput) View() string {
	if in.kind == inputExportPath {
		return " " + in.kind.String() + ": " + in.value + "▌"
	}
	return " " + in.kind.String() + ": /" + in.value + "▌"
}

// SetSize does nothing: the status bar cuts the line to the width.
func (in *lineInput) SetSize(int, int) tea.Cmd { return nil }

// ShortHelp is the input's bindings.
func (in *lineInput) ShortHelp() []key.Binding { return in.FullHelp()[0] }

// FullHelp is the input's bindings for the help overlay.
func (in *lineInput) FullHelp() [][]key.Binding { return in.keys.helpGroups(InInput) }
