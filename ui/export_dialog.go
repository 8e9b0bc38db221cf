package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsmark/model"
	"newsmark/notes"
	"newsmark/outfile"
	"newsmark/sanitize"
)

// Export from the reader: x asks for a format in the status bar (m, j, c),
// then the path is typed there, filled with the export folder and a name
// made from the title; enter writes it (all or nothing), esc cancels.

// exportedMsg is the end of an export: the file written, or why not.
type exportedMsg struct {
	path string
	n    int
	err  error
	free string // when path exists: a name with nothing there, to offer
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
// placed on its text, with its annotations. An existing file is replaced
// only when overwrite says the user agreed; otherwise exportedMsg comes
// back with outfile.ErrExists and the status bar asks.
func (m *Model) exportTo(path string, overwrite bool) tea.Cmd {
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
			err = x.WriteFile(path, f, outfile.Options{Overwrite: overwrite})
		}
		msg := exportedMsg{path: path, n: x.Highlights(), err: err}
		if errors.Is(err, outfile.ErrExists) {
			msg.free = freeName(path)
		}
		return msg
	}
}

// existsPrompt is the status bar while asking whether to replace a file.
func (m *Model) existsPrompt() string {
	x := m.keys.Export
	// The answers first: a long file name is what the width cuts.
	return " file exists: " + x.Overwrite.Help().Key + " overwrite · " + x.NewName.Help().Key + " new name · " +
		x.Cancel.Help().Key + " cancel · " + sanitize.Quote(filepath.Base(m.notes.exists))
}

// existsKey answers the question: overwrite, type another name (offered a
// free one), or cancel.
func (m *Model) existsKey(msg tea.KeyPressMsg) tea.Cmd {
	x, path, free := m.keys.Export, m.notes.exists, m.notes.free
	switch {
	case key.Matches(msg, x.Overwrite):
		m.notes.exists, m.notes.free = "", ""
		return m.exportTo(path, true)
	case key.Matches(msg, x.NewName):
		m.notes.exists, m.notes.free = "", ""
		m.input, m.inputValue = inputExportPath, free
	case key.Matches(msg, x.Cancel):
		m.notes.exists, m.notes.free = "", ""
		m.setStatus("export cancelled: "+sanitize.Quote(path)+" left as it is", false)
	}
	return nil // any other key leaves the question open
}

// freeName is path with -2, -3… before its extension: the first such name
// with nothing there. It runs in the export's Cmd; the name is only
// offered, and the write never replaces what appears there meanwhile.
func freeName(path string) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	for i := 2; i < 1000; i++ {
		p := fmt.Sprintf("%s-%d%s", stem, i, ext)
		if _, err := os.Lstat(p); err != nil {
			return p
		}
	}
	return path
}
