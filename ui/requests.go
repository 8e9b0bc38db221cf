package ui

import (
	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/notes"
)

// Requests the panes send the root (see request in pane.go). Each is
// applied by apply below: turned into a command, a change of screen, focus
// or overlay, or passed on to the pane it is for.
type (
	// openArticleMsg asks to show an entry in the reader.
	openArticleMsg struct{ entry articles.Entry }
	// openURLMsg asks to open a web address in the browser.
	openURLMsg struct{ url string }
)

// browse is the request of o: open url in the browser, or say there is
// no web address.
func browse(url string) request {
	if url == "" {
		return status("this article has no web address")
	}
	return openURLMsg{url}
}

// route gives msg to pane p and applies what it asks of the root.
func (m *Model) route(p pane, msg tea.Msg) tea.Cmd {
	cmd, req := p.Update(msg)
	return tea.Batch(cmd, m.apply(req))
}

// apply carries out a pane's request; it reports false for a message that
// is not one.
func (m *Model) apply(req request) tea.Cmd {
	switch req := req.(type) {
	case nil:
	case requests:
		cmds := make([]tea.Cmd, 0, len(req))
		for _, r := range req {
			cmds = append(cmds, m.apply(r))
		}
		return tea.Batch(cmds...)
	case statusMsg:
		m.setStatus(req.text, req.isErr)
	case openArticleMsg:
		return m.open(req.entry)
	case openURLMsg:
		return m.route(&m.net, req)
	case closeOverlayMsg:
		m.overlay, m.editor = overlayNone, nil
	case openEditorMsg:
		return m.openEditor(req.h)
	case noteEditedMsg:
		return m.noteEdited(req)
	case exportMsg:
		a := req.article
		m.export.ask([]notes.Doc{{Article: a, Annotations: m.anns.byID[a.ID], Highlights: req.highlights}})
		m.overlay = overlayExport
	case relayoutMsg:
		return m.layout()
	case startInputMsg:
		m.input.start(req.kind, req.value)
	case inputMsg:
		return m.inputDone(req)
	case libraryEntriesMsg, problemMsg, unreadMsg:
		return m.route(&m.library, req)
	}
	return nil
}
