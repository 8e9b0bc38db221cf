package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// pane is the contract of every part of the screen that has keys of its
// own: the library, the reader, the side panel and each of its tabs, the
// links list, the note editor and the export prompt. The root model sizes
// each pane, routes keys and messages to it, draws it and merges its help;
// a pane knows nothing of its siblings (after soft-serve's
// pkg/ui/common.Component).
type pane interface {
	// Update handles a key, or a message addressed to the pane. It returns
	// work to run off the UI goroutine (a tea.Cmd: a load, a search, the
	// clipboard) and a request for the root (nil for none).
	Update(msg tea.Msg) (tea.Cmd, request)
	// View draws the pane in the box SetSize gave it. No I/O.
	View() string
	// SetSize gives the pane its box. The Cmd is work a new size needs:
	// the reader re-wraps its text; nil for most panes.
	SetSize(width, height int) tea.Cmd
	// ShortHelp and FullHelp list the pane's live bindings, from the KeyMap.
	help.KeyMap
}

// updater is what the root routes messages to: a pane, or a part of the
// root with no screen of its own (the note keeper).
type updater interface {
	Update(msg tea.Msg) (tea.Cmd, request)
}

// request is a message from a pane to the root: save a highlight, open the
// editor, jump to a span, show a status. The root applies it within the
// same Update, not through a tea.Cmd: a Cmd's message can arrive after keys
// already queued (a paste, a burst of keys from tmux), and a key typed right
// after `a` must land in the editor `a` opened.
type request = tea.Msg

// requests are several requests, applied in order.
type requests []request

// common is the read-only state every pane shares (soft-serve's
// common.Common): the keys, the styles, the Markdown renderers and whether
// notes can be saved. Only the root changes what the pointers point to (a
// new theme, the database opened).
type common struct {
	keys   *KeyMap
	styles *Styles
	// md builds and holds glamour's renderers; only Cmds use it.
	md    *markdownRenderers
	notes *notesState
	// marks are the feed items' read and star marks (marks.go): panes read
	// them, only the root changes them.
	marks *readMarks
}

// notesState is whether highlights can be saved: set when the program
// starts, or when the database opened after the first frame (storage.go).
type notesState struct {
	off string // why highlights cannot be saved ("not saved: …"), "" when they can
	// opening: the database is being opened after the first frame; saves
	// made meanwhile wait for it (noteKeeper).
	opening bool
}

// notesOff says why highlights cannot be saved now, or "" when they can.
func (c common) notesOff() string { return c.notes.off }

// statusMsg asks for a one-key message in the status bar.
type statusMsg struct {
	text  string
	isErr bool
}

func status(text string) statusMsg  { return statusMsg{text: text} }
func failure(text string) statusMsg { return statusMsg{text: text, isErr: true} }
