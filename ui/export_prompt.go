package ui

import (
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsmark/notes"
)

// The export prompt: x asks for a format in the status bar (m, j, c),
// then the path is typed there, filled with the export folder and a name
// made from the title; enter writes it (all or nothing), esc cancels.

// exportedMsg is the end of an export: the file written, or why not.
type exportedMsg struct {
	path string
	n    int
	err  error
}

// exportDocs is the open article with its annotations and highlights.
func (m *Model) exportDocs() []notes.Doc {
	a := m.reader.article
	return []notes.Doc{{Article: a, Annotations: m.anns.byID[a.ID], Highlights: m.reader.cur.highlights}}
}

// askExport opens the format question, if there is anything to export.
func (m *Model) askExport() tea.Cmd {
	if len(m.reader.cur.highlights) == 0 {
		m.setStatus("no highlights in this article to export", false)
		return nil
	}
	m.notes.exportAsk = true
	return nil
}

// exportPrompt is the status bar while the format is asked.
func (m *Model) exportPrompt() string {
	x := m.keys.Export
	return " export as: " + x.Markdown.Help().Key + " Markdown · " + x.JSON.Help().Key + " JSON · " +
		x.CSV.Help().Key + " CSV (Readwise) · " + x.Cancel.Help().Key + " cancels"
}

func (m *Model) exportKey(msg tea.KeyPressMsg) tea.Cmd {
	x := m.keys.Export
	var f notes.Format
	switch {
	case key.Matches(msg, x.Markdown):
		f = notes.Markdown
	case key.Matches(msg, x.JSON):
		f = notes.JSON
	case key.Matches(msg, x.CSV):
		f = notes.CSV
	case key.Matches(msg, x.Cancel):
		m.notes.exportAsk = false
		m.setStatus("export cancelled", false)
		return nil
	default:
		return nil
	}
	m.notes.exportAsk, m.notes.exportFmt = false, f
	dir := m.opts.ExportDir
	if dir == "" {
		dir = "."
	}
	m.input.start(inputExportPath, filepath.Join(dir, notes.FileName(m.exportDocs(), f)))
	return nil
}

// exportTo writes the open article's notes to path in a tea.Cmd.
func (m *Model) exportTo(path string) tea.Cmd {
	if path == "" {
		m.setStatus("export cancelled: no path", false)
		return nil
	}
	docs, f := m.exportDocs(), m.notes.exportFmt
	return func() tea.Msg {
		err := notes.WriteFile(path, f, docs)
		return exportedMsg{path: path, n: len(docs[0].Highlights), err: err}
	}
}
