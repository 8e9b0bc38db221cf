package ui

import (
	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/model"
)

// Requests the panes send the root (see request in pane.go), and how the
// root carries each out: a command, a change of screen, focus or overlay,
// or the request passed on to the pane it is for. Each request type is
// declared beside the pane that sends it.

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

// route gives msg to p and applies what it asks of the root.
func (m *Model) route(p updater, msg tea.Msg) tea.Cmd {
	cmd, req := p.Update(msg)
	return tea.Batch(cmd, m.apply(req))
}

// apply carries out a request; anything else is ignored.
func (m *Model) apply(req request) tea.Cmd {
	switch req := req.(type) {
	case requests:
		cmds := make([]tea.Cmd, 0, len(req))
		for _, r := range req {
			cmds = append(cmds, m.apply(r))
		}
		return tea.Batch(cmds...)
	case statusMsg:
		m.setStatus(req.text, req.isErr)

	// Screens, overlays and the text input: the root's own.
	case openArticleMsg:
		return m.open(req.entry)
	case startInputMsg:
		m.input.start(req.kind, req.value)
	case inputMsg:
		return m.route(m.inputFor(req.kind), req)
	case showLinksMsg:
		m.overlay = overlayLinks
		return m.route(&m.links, req)
	case openEditorMsg:
		if off := m.notesOff(); off != "" {
			m.setStatus(off, true)
			return nil
		}
		e, cmd := newEditor(m.common, req.h, m.width, m.height)
		m.editor, m.overlay = e, overlayEditor
		return cmd
	case exportMsg:
		a := req.article
		var ann *model.Annotations
		if got, ok := m.anns.byID[a.ID]; ok {
			ann = &got
		}
		m.export.ask(a, ann, req.highlights)
		m.overlay = overlayExport
	case askOverwriteMsg:
		m.overlay = overlayExport
	case closeOverlayMsg:
		m.overlay, m.editor = overlayNone, nil
	case hideHelpMsg:
		m.showHelp = false
	case relayoutMsg:
		return m.layout()

	// Work for the notes service and the network.
	case saveHighlightMsg, deleteHighlightMsg, noteEditedMsg:
		return m.route(&m.notes, req)
	case reloadNotesMsg:
		var cmds []tea.Cmd
		if a, ok := m.reader.loadedArticle(); ok && m.screen == screenReader && m.opts.Notes != nil {
			cmds = append(cmds, loadHighlights(m.gen, a, m.opts.Notes))
		}
		return tea.Batch(append(cmds, countNotes(m.opts.Notes))...)
	case articleReadyMsg:
		cmds := []tea.Cmd{m.anns.annotate(m.gen, req.article)}
		if m.opts.Notes != nil {
			cmds = append(cmds, loadHighlights(m.gen, req.article, m.opts.Notes))
		}
		return tea.Batch(cmds...)
	case openURLMsg:
		return m.route(&m.net, req)

	// Passed on to the pane they are for.
	case jumpMsg, entitySelectedMsg, keepCardMsg, endSelectionMsg:
		return m.route(&m.reader, req)
	case libraryEntriesMsg, problemMsg, unreadMsg:
		return m.route(&m.library, req)
	}
	return nil
}

// inputFor is the pane the text of kind is typed for.
func (m *Model) inputFor(kind inputKind) pane {
	switch kind {
	case inputLibraryFilter:
		return &m.library
	case inputSearch:
		return &m.reader
	case inputEntityFilter:
		return &m.panel
	}
	return &m.export
}
