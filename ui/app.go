package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/feeds"
	"newsmark/model"
	"newsmark/sanitize"
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

// inputKind is the text being typed, if any; while one is active it gets
// every key but ctrl+c.
type inputKind int

const (
	inputNone inputKind = iota
	inputLibraryFilter
	inputSearch
	inputEntityFilter
	inputExportPath
)

// String is the prompt the status bar shows while typing.
func (k inputKind) String() string {
	return [...]string{"", "filter", "search", "filter entities", "export to"}[k]
}

// Terminal modes: alternate scroll makes the wheel send arrow keys in the
// alternate screen without capturing the mouse, so selection keeps working.
const (
	altScrollOn  = "\x1b[?1007h"
	altScrollOff = "\x1b[?1007l"
)

// Model is the root model: it owns layout, focus, the help overlay and the
// text input, and routes messages to the panes. It holds no pane content.
type Model struct {
	opts   Options
	keys   *KeyMap
	styles *Styles
	fixed  bool // the theme was chosen, so the terminal's answer is ignored

	width, height int
	screen        screen
	focus         focus
	showHelp      bool
	helpTop       int // first line of the help overlay shown (it scrolls on small terminals)
	showPanel     bool
	help          help.Model
	input         inputKind
	inputValue    string
	status        string // one-key message in the status bar
	statusErr     bool

	library libraryPane
	reader  readerPane
	panel   panelPane
	notes   notesState // editor, export question, undo (notes_actions.go)
	links   linksPane  // the L overlay
	web     webState   // URL fetches, feed refresh, article fetches (feeds.go)

	gen      int // bumped on every open; async results of older opens are dropped
	entry    articles.Entry
	anns     map[string]model.Annotations // by article ID, filled as articles are annotated
	initCmds []tea.Cmd
}

// New builds the program's root model.
func New(opts Options) Model {
	keys := DefaultKeyMap()
	opts = withNotes(opts)
	theme := opts.Theme
	fixed := theme != ""
	if !fixed {
		theme = Dark
	}
	styles := NewStyles(theme)
	m := Model{opts: opts, keys: &keys, styles: &styles, fixed: fixed, showPanel: true,
		anns: map[string]model.Annotations{}}
	m.help = help.New()
	m.help.Styles = styles.Help
	m.library = newLibrary(m.keys, m.styles, opts.Library)
	m.reader = newReader(m.keys, m.styles)
	m.panel = newPanel(m.keys, m.styles)
	m.links = linksPane{keys: m.keys, styles: m.styles}
	m.web = newWebState(opts.Web)
	m.initWeb()
	m.initCmds = append(m.initCmds, m.startURLs())
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
	if m.opts.Annotate != nil && len(m.library.entries) > 1 {
		cmds = append(cmds, m.annotateNext(0))
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
	return tea.Batch(m.loadEntry(e), m.layout())
}

// layout sizes every pane for the window; the panel sits beside the
// reader from 100 columns, below it under that.
func (m *Model) layout() tea.Cmd {
	w, h := m.width, max(m.height-1, 1)
	m.library.SetSize(w, h-m.web.progressHeight())
	m.links.SetSize(w, h)
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
	if cmd, ok := m.webUpdate(msg); ok {
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
		m.articleDone(msg)
		if msg.gen != m.gen {
			return m, nil
		}
		// The feed's summary in place of a page that could not be fetched:
		// read it, with the reason in the status bar (articleDone).
		var summary *feeds.SummaryOnly
		if msg.err != nil && !errors.As(msg.err, &summary) {
			m.reader.err = sanitize.Text(msg.err.Error())
			return m, nil
		}
		return m, m.articleLoaded(msg.article)
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
			m.setStatus(sanitize.Text(msg.err.Error()), true)
		}
		return m, nil
	case jumpMsg:
		m.reader.jump(msg)
		return m, nil
	case statusMsg:
		m.setStatus(msg.text, false)
		return m, nil
	case entitySelectedMsg:
		m.reader.selectEntity(msg)
		return m, nil
	case tea.PasteMsg:
		if m.input != inputNone {
			return m, m.typed(sanitize.Text(strings.ReplaceAll(msg.Content, "\n", " ")))
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	}
	return m, nil
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
	if m.opts.Annotate != nil {
		f := m.opts.Annotate
		if ann, ok := m.anns[a.ID]; ok {
			f = func(model.Article) model.Annotations { return ann }
		}
		cmds = append(cmds, annotateArticle(m.gen, a, f))
	}
	if m.opts.Highlights != nil {
		cmds = append(cmds, loadHighlights(m.gen, a, m.opts.Highlights))
	}
	return tea.Batch(cmds...)
}

// annotated takes an article's annotations: the library's counts always,
// the reader and panel when it is the open article.
func (m *Model) annotated(msg annotatedMsg) tea.Cmd {
	if msg.id != "" {
		m.anns[msg.id] = msg.ann
		companies := 0
		for _, e := range msg.ann.Entities {
			if e.Kind == model.Company {
				companies++
			}
		}
		m.library.counts[msg.id] = counts{companies: companies, ventures: len(msg.ann.Ventures)}
	}
	if msg.gen == m.gen && msg.gen >= 0 {
		m.reader.setAnnotations(msg.index)
		m.panel.setData(m.reader.article, msg.ann)
		if m.panel.active == tabEntities {
			return m.panel.Entities.selectCmd(false)
		}
	}
	if msg.gen < 0 && msg.next >= 0 && msg.next < len(m.library.entries) {
		return m.annotateNext(msg.next)
	}
	return nil
}

// setStatus shows s until the next key; errors are drawn in the error style.
func (m *Model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }

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
	if cmd, ok := m.overlayKey(msg); ok {
		return m, cmd
	}
	if m.input != inputNone {
		return m, m.inputKey(msg)
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
	case m.links.open:
		return m, m.links.Update(msg, m.web.opts.OpenBrowser)
	case key.Matches(msg, g.Back):
		if m.cancelFetches() {
			return m, nil
		}
		return m, m.back()
	case key.Matches(msg, m.keys.Web.Refresh):
		return m, m.refresh()
	case key.Matches(msg, m.keys.Web.Browser):
		return m, m.browse()
	}
	if m.screen == screenLibrary {
		return m, m.libraryKey(msg)
	}
	return m, m.articleKey(msg)
}

// back closes the innermost thing: the selection, then search or filter,
// then the article (the editor and the export question close themselves).
func (m *Model) back() tea.Cmd {
	switch {
	case m.screen == screenLibrary:
		if m.library.filter != "" {
			m.library.setFilter("")
		}
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

// libraryKey: "/" starts the filter input, enter opens, the rest moves the cursor.
func (m *Model) libraryKey(msg tea.KeyPressMsg) tea.Cmd {
	l := m.keys.Library
	switch {
	case key.Matches(msg, l.Filter):
		m.input, m.inputValue = inputLibraryFilter, m.library.filter
	case key.Matches(msg, l.Open):
		if e, ok := m.library.selected(); ok {
			return m.open(e)
		}
	default:
		m.library.Update(msg)
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
		if !m.links.show(m.reader.article.Links) {
			m.setStatus("this article has no links", false)
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
				m.input, m.inputValue = inputEntityFilter, m.panel.Entities.filter
			} else {
				m.setStatus("/ filters the Entities tab (2)", false)
			}
			return nil
		}
		return m.panel.Update(msg)
	case key.Matches(msg, r.Search):
		m.input, m.inputValue = inputSearch, m.reader.search
	default:
		m.reader.Update(msg)
	}
	return nil
}

// inputKey edits the text being typed; enter applies it, esc cancels.
func (m *Model) inputKey(msg tea.KeyPressMsg) tea.Cmd {
	in := m.keys.Input
	switch {
	case key.Matches(msg, in.Accept):
		kind := m.input
		m.input = inputNone
		if kind == inputExportPath {
			return m.exportTo(m.inputValue, false)
		}
		if kind == inputSearch {
			if m.inputValue == "" {
				m.reader.clearSearch()
				return nil
			}
			return searchBody(m.gen, m.reader.article.Body, m.inputValue)
		}
		return nil
	case key.Matches(msg, in.Cancel):
		kind := m.input
		m.input, m.inputValue = inputNone, ""
		switch kind {
		case inputLibraryFilter:
			m.library.setFilter("")
		case inputEntityFilter:
			return m.panel.Entities.setFilter("")
		}
		return nil
	case key.Matches(msg, in.Delete):
		// Runes, not bytes: never leave half a character in the query.
		if r := []rune(m.inputValue); len(r) > 0 {
			m.inputValue = string(r[:len(r)-1])
		}
		return m.typed("")
	}
	// Printable keys carry their text; a key with none (arrows, F-keys)
	// is ignored rather than typed as its name.
	if msg.Text != "" {
		return m.typed(sanitize.Text(msg.Text))
	}
	return nil
}

// typed appends s to the input and applies live filters.
func (m *Model) typed(s string) tea.Cmd {
	m.inputValue += s
	switch m.input {
	case inputLibraryFilter:
		m.library.setFilter(m.inputValue)
	case inputEntityFilter:
		return m.panel.Entities.setFilter(m.inputValue)
	}
	return nil
}
