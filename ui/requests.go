package ui

import (
	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/model"
	"newsmark/sanitize"
)

// Requests the panes send the root (see request in pane.go), and how the
// root carries each out: a command, a change of screen, focus or overlay,
// or the request passed on to the pane it is for. Each request type is
// declared beside the pane that sends it.

type (
	// openArticleMsg asks to show an entry in the reader; alone says it
	// is the one article the program was started on (q there quits).
	openArticleMsg struct {
		entry articles.Entry
		alone bool
	}
	// openURLMsg asks to open a web address in the browser.
	openURLMsg struct{ url string }
)

// footnoteMsg is a status the library's footer shows as well (a feed or
// URL that failed): the status bar says it only away from the library, so
// the same line is not on screen twice.
type footnoteMsg statusMsg

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
	case footnoteMsg:
		if m.screen != screenLibrary {
			m.setStatus(req.text, req.isErr)
		}

	// Screens, overlays and the text input: the root's own.
	case openArticleMsg:
		cmd := m.open(req.entry)
		m.single = req.alone
		return cmd
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
		e, cmd := newEditor(m.common, req.h, m.opts.Editor, m.width, m.height)
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

	// The correct menu.
	case openCorrectMsg:
		return m.openCorrect(req.target)
	case closeCorrectMsg:
		return m.closeCorrect()
	case correctMsg:
		return m.makeCorrection(req)
	case companyCorrectMsg:
		return m.applyCompanyCorrect(req)
	case correctShowMsg:
		return m.route(&m.reader, req)
	case reloadNotesMsg:
		var cmds []tea.Cmd
		if a, ok := m.reader.loadedArticle(); ok && m.screen == screenReader && m.opts.Notes != nil {
			cmds = append(cmds, loadHighlights(m.gen, a, m.opts.Notes))
		}
		return tea.Batch(append(cmds, countNotes(m.opts.Notes))...)
	case articleReadyMsg:
		cmds := []tea.Cmd{m.anns.annotate(m.gen, req.article)}
		if m.opts.Positions != nil {
			cmds = append(cmds, loadPosition(m.gen, req.article, m.opts.Positions))
		}
		if m.opts.Notes != nil {
			cmds = append(cmds, loadHighlights(m.gen, req.article, m.opts.Notes))
		}
		return tea.Batch(cmds...)
	case openURLMsg:
		return m.route(&m.net, req)

	// Passed on to the pane they are for.
	case jumpMsg, entitySelectedMsg, keepCardMsg, endSelectionMsg, clearMarksMsg:
		return m.route(&m.reader, req)
	case libraryEntriesMsg:
		m.idx.enqueue(req.entries, m.net.isWeb, m.net.isCached)
		return tea.Batch(m.route(&m.library, req), m.idx.next())
	case problemMsg:
		return m.route(&m.library, req)
	case unreadMsg:
		for _, id := range req.ids {
			m.marks.setUnread(id, req.unread)
		}
	case feedItemsMsg:
		for _, id := range req.ids {
			m.marks.addItem(id, req.feed, true)
		}
		m.watch.fresh = append(m.watch.fresh, req.ids...) // for the followed companies' count
		if m.feeds.hideRead {
			m.feeds.rebuild()
		}
	case feedProgressMsg:
		m.feeds.refreshed(req.p)
	case feedsListMsg:
		return m.feedsListed(req)
	case scopeMsg:
		m.library.setScope(req.scope)
	case focusItemsMsg:
		m.feedsFocus = false
		return m.layout()
	case emptyMsg:
		m.library.empty = string(req)
	case refreshFeedsMsg:
		return m.route(&m.net, req)
	case pushUndoMsg:
		m.setStatus(req.status+m.pushUndo(req.undoEntry), false)

	// The index's screens.
	case openStoredMsg:
		return loadStored(m.opts.Index, req.id, req.at)
	case indexChangedMsg:
		return m.indexChanged()
	}
	if cmd, ok := m.applyCompany(req); ok {
		return cmd
	}
	return nil
}

// openIndexScreen shows the search screen (S) or the deal tracker (D),
// or says why the index is off.
func (m *Model) openIndexScreen(s screen) tea.Cmd {
	if m.opts.Index == nil && m.waitStorage(func(m *Model) tea.Cmd { return m.openIndexScreen(s) }) {
		return nil
	}
	if m.opts.Index == nil {
		why := m.opts.IndexStatus
		if why == "" {
			why = "search and deals need the database, and none is open"
		}
		m.setStatus(why, true)
		return nil
	}
	m.screen = s
	if s == screenDeals {
		return m.deals.open()
	}
	return m.route(&m.search, startSearchMsg{})
}

// indexChanged tells the search and deals screens that the background
// indexing wrote stories: the one shown asks again, the other when next
// shown.
func (m *Model) indexChanged() tea.Cmd {
	m.route(&m.search, indexChangedMsg{})
	m.route(&m.deals, indexChangedMsg{})
	marks := m.loadMarks() // the watchlist's stories may be new
	switch m.screen {
	case screenSearch:
		return tea.Batch(m.search.refresh(), marks)
	case screenDeals:
		return tea.Batch(m.deals.open(), marks)
	case screenCompany:
		return tea.Batch(m.route(&m.company, indexChangedMsg{}), marks)
	}
	return marks
}

// openBrief shows the daily brief (B), or says why there is none.
func (m *Model) openBrief() tea.Cmd {
	if m.opts.Index == nil && m.waitStorage((*Model).openBrief) {
		return nil
	}
	if why := m.indexOff(); why != "" {
		m.setStatus(why, true)
		return nil
	}
	m.screen = screenBrief
	return m.brief.open()
}

// openStored shows a story read from the index in the reader, scrolled
// to the span it was opened at and marking it; esc goes back to the
// screen it was opened from. Its stored annotations, when the current
// annotator made them, are used as they are.
func (m *Model) openStored(msg storedMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		m.setStatus(sanitize.Line(msg.err.Error()), true)
		return nil
	case !msg.ok:
		m.setStatus("this story is no longer in the index", true)
		return nil
	}
	from := m.screen
	if from == screenCompany && m.companyFrom == screenReader {
		m.companyFrom = screenLibrary // the article the page was opened from gives way
	}
	a := msg.article
	if msg.current {
		m.anns.byID[a.ID] = msg.ann
	}
	cmds := m.opening(a)
	m.from = from
	m.net.stopLoad()
	var marks []model.Span
	if msg.at.End > msg.at.Start {
		marks = []model.Span{msg.at}
	}
	cmds = append(cmds, loadArticle(m.gen, articles.Entry{Meta: a}), m.route(&m.reader, jumpMsg{msg.at, marks}), m.layout())
	return tea.Batch(cmds...)
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
	case inputIndexSearch:
		return &m.search
	case inputDealFilter:
		return &m.deals
	}
	return &m.export
}
