package ui

import (
	"context"
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsmark/model"
	"newsmark/notes"
)

// Export from the reader: x asks for a format in the status bar (m, j, c),
// then the path is typed there, filled with the export folder and a name
// made from the title; enter writes it (all or nothing), esc cancels.

// exportedMsg is the end of an export: the file written, or why not.
type exportedMsg struct {
	path string
	n    int
	err  error
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
	m.input, m.inputValue = inputExportPath, filepath.Join(dir, notes.FileName([]notes.Doc{{Article: m.reader.article}}, f))
	return nil
}

// exportTo writes the open article's notes to path in a tea.Cmd, through
// the same notes.Export as `newsmark export`: its highlights as stored now,
// placed on its text, with its annotations.
func (m *Model) exportTo(path string) tea.Cmd {
	if path == "" {
		m.setStatus("export cancelled: no path", false)
		return nil
	}
	a, f, n, annotate := m.reader.article, m.notes.exportFmt, m.opts.Notes, m.opts.Annotate
	if ann, ok := m.anns[a.ID]; ok {
		annotate = func(model.Article) model.Annotations { return ann } // annotated already
	}
	return func() tea.Msg {
		x := notes.NewExport(n, nil, annotate)
		err := x.AddArticle(context.Background(), a)
		if err == nil {
			err = x.WriteFile(path, f)
		}
		return exportedMsg{path: path, n: x.Highlights(), err: err}
	}
}
