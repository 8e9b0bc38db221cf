package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/model"
)

// screen is what fills the window.
type screen int

const (
	screenLibrary screen = iota
	screenReader
)

// String names the screen (tests and debugging).
func (s screen) String() string { return [...]string{"library", "reader"}[s] }

// focus is which pane of the reader screen gets the keys.
type focus int

const (
	focusReader focus = iota
	focusPanel
)

// String is what the status bar shows for the focus.
func (f focus) String() string { return [...]string{"reader", "panel"}[f] }

// Terminal modes: alternate scroll makes the wheel send arrow keys in the
// alternate screen without capturing the mouse, so selection keeps working.
const (
	altScrollOn  = "\x1b[?1007h"
	altScrollOff = "\x1b[?1007l"
)

// Model is the root model: it owns layout, focus, the help overlay and the
// text input, and routes messages to the panes. It holds no pane content.
type Model struct {
	common
	opts  Options
	fixed bool // the theme was chosen, so the terminal's answer is ignored

	width, height int
	screen        screen
	focus         focus
	showHelp      bool
	helpTop       int // first line of the help overlay shown (it scrolls on small terminals)
	showPanel     bool
	help          help.Model
	input         lineInput // the text being typed, for the pane its kind names
	status        string    // one-key message in the status bar
	statusErr     bool

	library libraryPane
	reader  readerPane
	panel   panelPane
	links   linksPane    // the L overlay
	editor  *editorPane  // the note editor, while open
	export  exportPrompt // the export question and its path
	overlay overlayKind  // what is drawn over the screen and gets the keys
	deleted int64        // the last deleted highlight, for u; 0 none
	net     network      // URL fetches, feed refresh, article fetches (network.go)

	gen      int // bumped on every open; async results of older opens are dropped
	entry    articles.Entry
	anns     annotations // the open article's and the library's (annotate_queue.go)
	initCmds []tea.Cmd
}

// New builds the program's root model.
func New(opts Options) Model {
	keys := DefaultKeyMap()
	theme := opts.Theme
	fixed := theme != ""
	if !fixed {
		theme = Dark
	}
	styles := NewStyles(theme)
	c := common{keys: &keys, styles: &styles, notesOff: notesOff(opts)}
	m := Model{common: c, opts: opts, fixed: fixed, showPanel: true,
		anns: annotations{f: opts.Annotate, byID: map[string]model.Annotations{}}}
	m.help = help.New()
	m.help.Styles = styles.Help
	m.input = lineInput{common: c}
	m.library = newLibrary(c, opts.Library)
	m.reader = newReader(m.keys, m.styles)
	m.panel = newPanel(m.keys, m.styles)
	m.links = linksPane{common: c}
	m.export = exportPrompt{common: c, dir: opts.ExportDir}
	m.net = newNetwork(c, opts.Web)
	m.initCmds = append(m.initCmds, m.route(&m.net, startNetworkMsg{}))
	if len(m.library.entries) == 1 {
		m.initCmds = append(m.initCmds, m.open(m.library.entries[0]))
		if n := len(m.library.problems); n > 0 {
			// The library's footer lists them; say so, as it is not on screen.
			m.setStatus(plural(n, "input", "inputs")+" could not be read: esc shows the library", true)
		}
	}
	if opts.NotesStatus != "" {
		m.setStatus(opts.NotesStatus, true)
	}
	return m
}

// Init draws at once with the chosen palette and asks the terminal for its
// background without waiting for the answer.
func (m Model) Init() tea.Cmd {
	cmds := append([]tea.Cmd{tea.Raw(altScrollOn)}, m.initCmds...)
	if !m.fixed {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if c := countNotes(m.opts.Notes); c != nil {
		cmds = append(cmds, c)
	}
	if len(m.library.entries) > 1 {
		cmds = append(cmds, m.anns.next(0, m.library.entries, m.net.isWeb))
	}
	return tea.Batch(cmds...)
}

// open shows entry e in the reader and starts loading it.
func (m *Model) open(e articles.Entry) tea.Cmd {
	m.gen++
	m.entry = e
	m.screen, m.focus = screenReader, focusReader
	m.reader.reset(m.gen, e.Meta)
	m.panel.clear()
	load, req := m.net.load(m.gen, e, m.library.isUnread(e.Meta.ID))
	return tea.Batch(load, m.apply(req), m.layout())
}

// layout sizes every pane for the window; the panel sits beside the
// reader from 100 columns, below it under that.
func (m *Model) layout() tea.Cmd {
	w, h := m.width, max(m.height-1, 1)
	m.net.SetSize(w, 0)
	m.library.SetSize(w, h-m.net.height())
	m.links.SetSize(w, h)
	if m.editor != nil {
		m.editor.SetSize(m.width, m.height)
	}
	m.help.SetWidth(w)
	if !m.showPanel {
		return m.reader.SetSize(w, h)
	}
	if w >= 100 {
		pw := w * 38 / 100
		m.panel.below = false
		m.panel.SetSize(pw, h)
		return m.reader.SetSize(w-pw, h)
	}
	ph := max(h*2/5, 4)
	m.panel.below = true
	m.panel.SetSize(w, ph)
	return m.reader.SetSize(w, h-ph)
}

// Update routes a message: sizes to every pane, async results to their
// addressee (if still current), keys through handleKey.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, ok := m.notesMsg(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, m.layout()
	case tea.BackgroundColorMsg:
		if !m.fixed {
			m.setTheme(map[bool]Theme{true: Dark, false: Light}[msg.IsDark()])
		}
		return m, nil
	case articleLoadedMsg:
		cmd := m.route(&m.net, msg)
		if msg.gen != m.gen {
			return m, cmd
		}
		m.articleFailed(msg)
		// The feed's summary in place of a page that could not be fetched:
		// read it, with the reason in the status bar (articleDone).
		var summary *articles.SummaryOnly
		if msg.err != nil && !errors.As(msg.err, &summary) {
			m.reader.err = articles.Sanitize(msg.err.Error())
			return m, cmd
		}
		return m, tea.Batch(cmd, m.articleLoaded(msg.article))
	case wrappedMsg:
		if msg.gen == m.gen {
			m.reader.setWrapped(msg.wrapped)
		}
		return m, nil
	case annotatedMsg:
		return m, m.annotated(msg)
	case searchedMsg:
		if msg.gen == m.gen {
			m.reader.setSearch(msg.query, msg.matches)
		}
		return m, nil
	case highlightsMsg:
		if msg.gen == m.gen && msg.err == nil {
			m.panel.Notes.SetHighlights(msg.highlights)
			m.reader.setHighlights(msg.highlights)
		} else if msg.gen == m.gen {
			m.setStatus(articles.Sanitize(msg.err.Error()), true)
		}
		return m, nil
	case jumpMsg:
		m.reader.jump(msg)
		return m, nil
	case statusMsg:
		m.setStatus(msg.text, msg.isErr)
		return m, nil
	case entitySelectedMsg:
		m.reader.selectEntity(msg)
		return m, nil
	case tea.PasteMsg:
		if m.overlay == overlayEditor {
			return m, m.route(m.editor, msg)
		}
		if m.input.active() {
			return m, m.route(&m.input, msg)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case spinner.TickMsg, urlFetchedMsg, refreshStartedMsg, refreshMsg, browserMsg:
		return m, m.route(&m.net, msg)
	}
	return m, m.apply(msg)
}

func (m *Model) setTheme(t Theme) {
	if t == m.styles.Theme {
		return
	}
	*m.styles = NewStyles(t)
	m.help.Styles = m.styles.Help
	m.reader.buildHeader()
	m.panel.setStyles()
}

// articleLoaded shows the text at once and starts annotation beside it.
func (m *Model) articleLoaded(a model.Article) tea.Cmd {
	cmds := []tea.Cmd{m.reader.setArticle(a)}
	cmds = append(cmds, m.anns.annotate(m.gen, a))
	if m.opts.Notes != nil {
		cmds = append(cmds, loadHighlights(m.gen, a, m.opts.Notes))
	}
	return tea.Batch(cmds...)
}

// annotated takes an article's annotations: the library's counts always,
// the reader and panel when it is the open article.
func (m *Model) annotated(msg annotatedMsg) tea.Cmd {
	m.anns.keep(msg)
	m.library.Update(msg)
	if msg.gen == m.gen && msg.gen >= 0 {
		m.reader.setAnnotations(msg.index)
		m.panel.setData(msg.ann)
		if m.panel.active == tabEntities {
			return m.panel.Entities.selectCmd(false)
		}
	}
	if msg.gen < 0 {
		return m.anns.next(msg.next, m.library.entries, m.net.isWeb)
	}
	return nil
}

// setStatus shows s until the next key; errors are drawn in the error style.
func (m *Model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }

// overlayKind is what is drawn over the screen and gets the keys first.
type overlayKind int

const (
	overlayNone   overlayKind = iota
	overlayLinks              // the article's links (L); q and ? still work
	overlayEditor             // the note editor: every key but ctrl+c
	overlayExport             // the export question: every key but ctrl+c
)

// quit restores the wheel mode and ends the program.
func quit() tea.Cmd { return tea.Sequence(tea.Raw(altScrollOff), tea.Quit) }

// handleKey: the text input first, then the help overlay, then global keys,
// then the screen's keys, then the focused pane.
func (m Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	g := m.keys.Global
	m.status = ""
	if key.Matches(msg, g.ForceQ) {
		return m, quit()
	}
	switch m.overlay {
	case overlayEditor:
		return m, m.route(m.editor, msg)
	case overlayExport:
		return m, m.route(&m.export, msg)
	}
	if m.input.active() {
		return m, m.route(&m.input, msg)
	}
	switch {
	case key.Matches(msg, g.Quit):
		return m, quit()
	case key.Matches(msg, g.Help):
		m.showHelp, m.helpTop = !m.showHelp, 0
		return m, nil
	case m.showHelp && key.Matches(msg, g.Back):
		m.showHelp = false
		return m, nil
	case m.showHelp:
		m.scrollHelp(msg)
		return m, nil
	case m.overlay == overlayLinks:
		return m, m.route(&m.links, msg)
	case key.Matches(msg, g.Back):
		if m.cancelFetches() {
			return m, nil
		}
		return m, m.back()
	case key.Matches(msg, m.keys.Web.Refresh):
		return m, m.route(&m.net, msg)
	case key.Matches(msg, m.keys.Web.Browser) && m.screen == screenLibrary:
		return m, m.route(&m.library, msg)
	case key.Matches(msg, m.keys.Web.Browser):
		return m, m.apply(browse(m.reader.article.URL))
	}
	if m.screen == screenLibrary {
		return m, m.route(&m.library, msg)
	}
	return m, m.articleKey(msg)
}

// back closes the innermost thing: the selection, then search or filter,
// then the article (the editor and the export question close themselves).
func (m *Model) back() tea.Cmd {
	switch {
	case m.screen == screenLibrary:
		m.library.back()
	case m.reader.cancelSelection():
	case m.reader.clearSearch():
	case m.panel.Entities.filter != "":
		return m.panel.Entities.setFilter("")
	default:
		m.gen++ // drop whatever the article still has in flight
		m.screen = screenLibrary
	}
	return nil
}

// articleKey handles the reader screen: keys live whatever has focus, then
// the focused pane's own.
func (m *Model) articleKey(msg tea.KeyPressMsg) tea.Cmd {
	g, r := m.keys.Global, m.keys.Reader
	if cmd, ok := m.notesKey(msg); ok {
		return cmd
	}
	for i, b := range g.PanelTab {
		if key.Matches(msg, b) {
			return m.panel.setTab(tab(i))
		}
	}
	switch {
	case key.Matches(msg, g.Focus):
		if m.showPanel && m.focus == focusReader {
			m.focus = focusPanel
		} else {
			m.focus = focusReader
		}
	case key.Matches(msg, g.NextTab):
		return m.panel.setTab(m.panel.active + 1)
	case key.Matches(msg, g.PrevTab):
		return m.panel.setTab(m.panel.active - 1)
	case key.Matches(msg, m.keys.Web.Links):
		if len(m.reader.article.Links) == 0 {
			m.setStatus("this article has no links", false)
		} else {
			m.links.show(m.reader.article.Links)
			m.overlay = overlayLinks
		}
	case key.Matches(msg, g.Panel):
		// Hiding the panel gives its room back to the text (a re-wrap) and
		// returns focus to the reader, the only pane left.
		m.showPanel = !m.showPanel
		if !m.showPanel {
			m.focus = focusReader
		}
		return m.layout()
	case key.Matches(msg, r.Next):
		m.setStatus(m.reader.step(1), false)
	case key.Matches(msg, r.Prev):
		m.setStatus(m.reader.step(-1), false)
	case key.Matches(msg, r.Companies):
		m.reader.toggle(kindCompany)
	case key.Matches(msg, r.People):
		m.reader.toggle(kindPerson)
	case key.Matches(msg, r.Places):
		m.reader.toggle(kindPlace)
	case key.Matches(msg, r.Figures):
		m.reader.toggle(kindFigure)
	case key.Matches(msg, r.Quotes):
		m.reader.toggle(kindQuote)
	case key.Matches(msg, r.All):
		m.reader.toggle()
	case m.focus == focusPanel:
		// Panel keys reach the panel only when it has focus; "/" there
		// filters entities, while in the reader it searches the text.
		if key.Matches(msg, m.keys.Panel.Filter) {
			if m.panel.filterable() {
				m.input.start(inputEntityFilter, m.panel.Entities.filter)
			} else {
				m.setStatus("/ filters the Entities tab (2)", false)
			}
			return nil
		}
		return m.panel.Update(msg)
	case key.Matches(msg, r.Search):
		m.input.start(inputSearch, m.reader.search)
	default:
		m.reader.Update(msg)
	}
	return nil
}

// inputDone passes what was typed to the pane it is for.
func (m *Model) inputDone(msg inputMsg) tea.Cmd {
	switch msg.kind {
	case inputLibraryFilter:
		return m.route(&m.library, msg)
	case inputEntityFilter:
		if msg.state != inputAccepted {
			return m.panel.Entities.setFilter(msg.value)
		}
	case inputSearch:
		if msg.state == inputAccepted {
			if msg.value == "" {
				m.reader.clearSearch()
				return nil
			}
			return searchBody(m.gen, m.reader.article.Body, msg.value)
		}
	case inputExportPath:
		return m.route(&m.export, msg)
	}
	return nil
}

// articleFailed gives the reason a load of the open article failed in the
// status bar and under the library.
func (m *Model) articleFailed(msg articleLoadedMsg) {
	if msg.err == nil {
		return
	}
	m.setStatus(oneLine(msg.err.Error()), true)
	cause := msg.err // the fetch's own error, also under the feed's summary
	if so := (*articles.SummaryOnly)(nil); errors.As(cause, &so) {
		cause = so.Err
	}
	if u := m.entry.Meta.URL; u != "" {
		m.library.setProblem(u, strings.TrimPrefix(oneLine(cause.Error()), articles.Sanitize(u)+": "))
	}
}

// cancelFetches is esc's first job: in the reader it cancels the article
// fetch (and esc goes on back to the library); in the library, with no
// filter to clear, it cancels the URL fetches and the refresh. It reports
// whether esc is used up.
func (m *Model) cancelFetches() bool {
	if m.screen == screenReader {
		if m.net.stopLoad() {
			m.setStatus("fetch cancelled", false)
		}
		return false
	}
	if m.library.filter != "" || !m.net.cancelFetches() {
		return false
	}
	m.setStatus("cancelling the fetches…", false)
	return true
}

// notesOff says why highlights cannot be saved, "" when they can.
func notesOff(o Options) string {
	switch {
	case o.Notes != nil:
		return ""
	case o.NotesStatus != "":
		return "not saved: " + o.NotesStatus
	}
	return "not saved: no notes database"
}
