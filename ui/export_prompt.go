package ui

import (
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/model"
	"newsmark/notes"
)

// The export prompt: x asks for a format in the status bar (m, j, c),
// then the path is typed there, filled with the export folder and a name
// made from the title; enter writes it (all or nothing), esc cancels.

// exportMsg asks the root to open the export prompt on an article's
// highlights (the root adds its annotations).
type exportMsg struct {
	article    model.Article
	highlights []model.Highlight
}

// exportedMsg is the end of an export: the file written, or why not.
type exportedMsg struct {
	path string
	n    int
	err  error
}

// exportPrompt is the export question and then the path it writes to. It
// is an overlay of the status bar: while it asks for the format it gets
// every key; the path is typed in the root's text input, addressed to it.
type exportPrompt struct {
	common
	dir    string // the export folder; "" means "."
	docs   []notes.Doc
	format notes.Format
}

// ask opens the question on docs.
func (x *exportPrompt) ask(docs []notes.Doc) { x.docs = docs }

// Update: m, j or c choose the format and ask for the path; the path typed
// (an inputMsg) writes the file in a tea.Cmd; the write's end is a status.
func (x *exportPrompt) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return nil, x.key(msg)
	case inputMsg:
		if msg.state == inputAccepted {
			return x.write(msg.value)
		}
	case exportedMsg:
		if msg.err != nil {
			return nil, failure("not exported: " + articles.Sanitize(msg.err.Error()))
		}
		return nil, status("exported " + plural(msg.n, "highlight", "highlights") + " to " + articles.Sanitize(msg.path))
	}
	return nil, nil
}

func (x *exportPrompt) key(msg tea.KeyPressMsg) request {
	k := x.keys.Export
	switch {
	case key.Matches(msg, k.Markdown):
		x.format = notes.Markdown
	case key.Matches(msg, k.JSON):
		x.format = notes.JSON
	case key.Matches(msg, k.CSV):
		x.format = notes.CSV
	case key.Matches(msg, k.Cancel):
		return requests{closeOverlayMsg{}, status("export cancelled")}
	default:
		return nil
	}
	dir := x.dir
	if dir == "" {
		dir = "."
	}
	return requests{closeOverlayMsg{}, startInputMsg{inputExportPath, filepath.Join(dir, notes.FileName(x.docs, x.format))}}
}

// write exports the docs to path in a tea.Cmd.
func (x *exportPrompt) write(path string) (tea.Cmd, request) {
	if path == "" {
		return nil, status("export cancelled: no path")
	}
	docs, f := x.docs, x.format
	return func() tea.Msg {
		err := notes.WriteFile(path, f, docs)
		return exportedMsg{path: path, n: len(docs[0].Highlights), err: err}
	}, nil
}

// View is the status bar while the format is asked.
func (x *exportPrompt) View() string {
	k := x.keys.Export
	return " export as: " + k.Markdown.Help().Key + " Markdown · " + k.JSON.Help().Key + " JSON · " +
		k.CSV.Help().Key + " CSV (Readwise) · " + k.Cancel.Help().Key + " cancels"
}

// SetSize does nothing: the status bar cuts the prompt to the width.
func (x *exportPrompt) SetSize(int, int) tea.Cmd { return nil }

// ShortHelp is the prompt's bindings.
func (x *exportPrompt) ShortHelp() []key.Binding { return x.FullHelp()[0] }

// FullHelp is the prompt's bindings for the help overlay.
func (x *exportPrompt) FullHelp() [][]key.Binding { return x.keys.helpGroups(InExport) }
