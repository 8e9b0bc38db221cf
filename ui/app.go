package ui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/config"
	"newsmark/model"
	"newsmark/notes"
	"newsmark/sanitize"
)

// screen is what fills the window.
type screen int

const (
	screenLibrary screen = iota
	screenReader
	screenSearch  // S: full-text search over the index
	screenDeals   // D: the deal tracker
	screenCompany // i: a company's page
	screenBrief   // B: the daily brief
)

// String names the screen (tests and debugging).
func (s screen) String() string {
	return [...]string{"library", "reader", "search", "deals", "company", "brief"}[s]
}

// focus is which pane of the reader screen gets the keys.
type focus int

const (
	focusReader focus = iota
	focusPanel
)

// String is what the status bar shows for the focus.
func (f focus) String() string { return [...]string{"reader", "panel"}[f] }

// overlayKind is what is drawn over the screen and gets the keys first.
type overlayKind int

const (
	overlayNone    overlayKind = iota
	overlayLinks               // the article's links (L); q and ? still work
	overlayEditor              // the note editor: every key but ctrl+c
	overlayExport              // the export question: every key but ctrl+c
	overlayCorrect             // the correct menu (m): every key but ctrl+c
)

// Terminal modes: alternate scroll makes the wheel send arrow keys in the
// alternate screen without capturing the mouse, so selection keeps working.
const (
	altScrollOn  = "\x1b[?1007h"
	altScrollOff = "\x1b[?1007l"
)

// Model is the root model. It owns layout, focus, the overlays, the status
// bar and the text input, and routes messages: it holds no pane content
// and reads a pane's state only to draw the status bar. The panes follow
// the contract in pane.go; what they ask of the root is applied in
// requests.go.
type Model struct {
	common
	opts  Options
	fixed bool // the theme was chosen, so the terminal's answer is ignored

	width, height int
	screen        screen
	from          screen // where esc from the reader goes: the library, search or deals
	focus         focus
	overlay       overlayKind
	showHelp      bool // the help overlay, over everything but the editor
	showPanel     bool
	panelSide     string // the config's panel.side: auto, right, left or below
	autoPending   bool   // the config's background refresh waits for the feed cache
	cacheListed   bool   // the cache read at start has landed (feeds_view.go)
	status        string // one-key message in the status bar
	statusErr     bool

	help    helpOverlay  // the ? overlay (help_overlay.go)
	input   lineInput    // the text being typed, for the pane its kind names
	library libraryPane  // the article list
	reader  readerPane   // the open article
	panel   panelPane    // the side panel and its tabs
	links   linksPane    // the L overlay
	editor  *editorPane  // the note editor, while open
	export  exportPrompt // the export question and its path
	net     network      // URL fetches, feed refresh, article fetches, the browser
	notes   noteKeeper   // saves, deletes, undo (notes_service.go)
	anns    annotations  // the annotator and what it found (annotate_queue.go)
	search  searchPane   // the search screen (S)
	deals   dealsPane    // the deal tracker (D)
	idx     indexQueue   // indexing in the background (index_queue.go)
	company companyPane  // a company's page (i)
	brief   briefPane    // the daily brief (B)
	watch   watchState   // the watchlist's word after a refresh (watch.go)
	// companyFrom is where esc from a company's page goes.
	companyFrom screen
	feeds       feedsPane   // the feeds view's column (F, feeds_view.go)
	undo        undoStack   // what u takes back: deletes, corrections, A, C (undo.go)
	correct     correctMenu // the correct menu (m), while open

	// feedsOn shows the feeds view beside the library; feedsFocus gives
	// the keys to its column rather than to the library's items.
	feedsOn, feedsFocus bool

	gen int // bumped on every open; async results of older opens are dropped
	// early holds the reader's keys typed before its text was laid out (as
	// newsmark starts); they act once it is (typeahead, as in less).
	early    []tea.KeyPressMsg
	initCmds []tea.Cmd
	// storageWaiting are the actions asked for while the database was
	// still opening (S, D, B, a company page, the correct menu); they run
	// once it is (storage.go).
	storageWaiting []func(*Model) tea.Cmd
	// annWaiting wait for the open article's annotation (storage.go).
	annWaiting []func(*Model) tea.Cmd
	// lateProblems are the inputs found unreadable after the program
	// started (Options.ReadHeads), for LateProblems.
	lateProblems []articles.Problem
	// single is true while the program shows the one article it started
	// on (one file, or one URL that was a page): q there quits, as in less
	// and glow. Going to the library ends it.
	single bool
	// openID is the library entry shown in the reader: J and K step from it.
	openID string
}

// New builds the program's root model.
func New(opts Options) Model {
	keys := keyMapOf(opts.Config)
	if opts.Keys != nil {
		keys = *opts.Keys
	}
	theme := opts.Theme
	fixed := theme != ""
	if !fixed {
		theme = Dark
	}
	styles := NewStyles(theme)
	c := common{keys: &keys, styles: &styles, md: newMarkdownRenderers(),
		notes: &notesState{off: notesOff(opts), opening: opts.OpenStorage != nil}, marks: newReadMarks()}
	m := Model{common: c, opts: opts, fixed: fixed, showPanel: true, panelSide: "auto"}
	if opts.Config != nil {
		m.showPanel, m.panelSide = opts.Config.Settings.Panel.Show, opts.Config.Settings.Panel.Side
	}
	m.help = newHelpOverlay(c)
	m.input = lineInput{common: c}
	m.library = newLibrary(c, opts.Library)
	m.library.reading = opts.ReadHeads != nil
	m.reader = newReader(c, opts.Width, highlightsOn(opts.Config))
	m.panel = newPanel(c)
	m.links = linksPane{common: c}
	m.correct = correctMenu{common: c}
	m.anns = newAnnotations(opts)
	m.export = exportPrompt{common: c, dir: opts.ExportDir, def: exportFormat(opts.Config), notes: opts.Notes, annotate: m.anns.plain(),
		preview: exportPreview{common: c}}
	m.net = newNetwork(c, opts.Web)
	m.notes = noteKeeper{common: c, n: opts.Notes}
	m.search = newSearchPane(c, opts.Index)
	m.deals = newDealsPane(c, opts.Index)
	m.idx = newIndexQueue(opts)
	m.company = newCompanyPane(c, opts.Index)
	m.brief = newBriefPane(c, opts.Index, opts.Notes)
	m.feeds = newFeedsPane(c, opts.Now)
	m.initCmds = append(m.initCmds, m.route(&m.net, startNetworkMsg{}))
	m.initCmds = append(m.initCmds, m.autoRefreshCmds()...)
	if len(m.library.entries) == 1 {
		m.single = true
		m.initCmds = append(m.initCmds, m.open(m.library.entries[0]))
		if n := len(m.library.problems); n > 0 {
			// The library's footer lists them; say so, as it is not on screen.
			m.setStatus(plural(n, "input", "inputs")+" could not be read: esc shows the library", true)
		}
	}
	if s := configStatus(opts.Config); s != "" {
		m.setStatus(s, true)
	}
	if opts.NotesStatus != "" {
		m.setStatus(opts.NotesStatus, true)
	}
	return m
}

// exportFormat is the format the export prompt offers first: the config
// file's export.format, else Markdown.
func exportFormat(c *config.Config) notes.Format {
	if c == nil {
		return notes.Markdown
	}
	f, err := notes.ParseFormat(c.Settings.Export.Format)
	if err != nil {
		return notes.Markdown
	}
	return f
}

// highlightsOn is the highlight kinds on at start: the config file's
// highlights, every kind without one.
func highlightsOn(c *config.Config) [numKinds]bool {
	if c == nil {
		return [numKinds]bool{true, true, true, true, true}
	}
	h := c.Settings.Highlights
	var on [numKinds]bool
	on[kindCompany], on[kindPerson], on[kindPlace], on[kindFigure], on[kindQuote] = h.Companies, h.People, h.Places, h.Figures, h.Quotes
	return on
}

// configStatus is the config file's first problem and how many more there
// are, for the status bar at start; "" when the file has none.
func configStatus(c *config.Config) string {
	if c == nil || len(c.Problems) == 0 {
		return ""
	}
	s := sanitize.Line(c.Problems[0].String())
	if n := len(c.Problems) - 1; n > 0 {
		s += fmt.Sprintf("; %d more: newsmark config", n)
	}
	return s
}

// notesOff says why highlights cannot be saved, "" when they can: the
// same line the status bar showed at start, not a second wrapping of it.
func notesOff(o Options) string {
	switch {
	case o.Notes != nil:
		return ""
	case o.OpenStorage != nil:
		return "" // opening after the first frame: saves wait for it (storage.go)
	case o.NotesStatus != "":
		return o.NotesStatus
	}
	return "not saved: no notes database"
}

// Init draws at once with the chosen palette and asks the terminal for its
// background without waiting for the answer.
func (m Model) Init() tea.Cmd {
	cmds := append([]tea.Cmd{tea.Raw(altScrollOn)}, m.initCmds...)
	if !m.fixed {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	// What the first frame does not need waits until it is drawn.
	var later []tea.Cmd
	if c := countNotes(m.opts.Notes); c != nil {
		later = append(later, c)
	}
	if m.opts.OpenStorage != nil {
		later = append(later, openStorage(m.opts.OpenStorage))
	}
	if c := m.loadMarks(); c != nil {
		later = append(later, c)
	}
	switch {
	case m.opts.ReadHeads != nil:
		// The library's counts are annotated once the heads are in.
		later = append(later, readHeads(m.opts.ReadHeads))
	case len(m.library.entries) > 1:
		later = append(later, m.anns.next(0, m.library.entries, m.net.isWeb))
	}
	return tea.Batch(append(cmds, afterFirstFrame(later...))...)
}

// firstFrame is how long after Init the first frame is on the terminal:
// bubbletea draws at 60 frames a second, the first one a frame after it
// starts.
const firstFrame = 20 * time.Millisecond

// laterMsg carries work started once the first frame is drawn.
type laterMsg struct{ cmd tea.Cmd }

// afterFirstFrame runs cmds once the first frame is drawn. Work started
// with it (opening SQLite, reading a folder's heads, annotating the
// library) took the cores from the program's own start and delayed the
// first frame by more than it takes to wait for it.
func afterFirstFrame(cmds ...tea.Cmd) tea.Cmd {
	cmd := tea.Batch(cmds...)
	if cmd == nil {
		return nil
	}
	return tea.Tick(firstFrame, func(time.Time) tea.Msg { return laterMsg{cmd} })
}

// Update routes a message: the window size to every pane (layout), a key
// by handleKey, a paste to what is being typed, and every other message —
// an async result or a request that came through a tea.Cmd — by deliver.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, tea.Batch(m.layout(), m.idx.arm())
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		return m, m.mouse(msg.(tea.MouseMsg))
	case tea.PasteMsg:
		switch {
		case m.overlay == overlayEditor:
			return m, m.route(m.editor, msg)
		case m.input.active():
			return m, m.route(&m.input, msg)
		}
		return m, nil
	case laterMsg:
		return m, msg.cmd
	case tea.BackgroundColorMsg:
		if !m.fixed {
			return m, m.setTheme(map[bool]Theme{true: Dark, false: Light}[msg.IsDark()])
		}
		return m, nil
	}
	return m, m.deliver(msg)
}

// deliver gives an async result to its addressee. A result asked for by an
// article no longer open (an older generation) is dropped, but the network
// side still hears that its fetch is over.
func (m *Model) deliver(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case articleLoadedMsg:
		cmd := m.route(&m.net, msg)
		if msg.gen != m.gen {
			return cmd
		}
		return tea.Batch(cmd, m.route(&m.reader, msg))
	case annotatedMsg:
		if msg.rev < 0 && !m.storagePending() {
			// Annotated before the corrections were known, arriving after.
			if m.anns.stale {
				return m.reannotate(msg)
			}
			msg.rev = 0
		}
		m.anns.keep(msg)
		cmd := m.route(&m.library, msg)
		switch {
		case msg.gen < 0: // the library's background annotation
			return tea.Batch(cmd, m.anns.next(msg.next, m.library.entries, m.net.isWeb))
		case msg.gen == m.gen:
			var add tea.Cmd
			if a, ok := m.reader.loadedArticle(); ok && a.ID == msg.id {
				add = m.idx.add(a, msg.ann, msg.rev)
			}
			cmds := []tea.Cmd{cmd, m.route(&m.reader, msg), m.route(&m.panel, msg), add}
			waiting := m.annWaiting
			m.annWaiting = nil
			for _, do := range waiting {
				cmds = append(cmds, do(m))
			}
			return tea.Batch(cmds...)
		}
		return cmd
	case wrappedMsg:
		if msg.gen == m.gen {
			return tea.Batch(m.route(&m.reader, msg), m.typeahead())
		}
	case searchedMsg:
		if msg.gen == m.gen {
			return m.route(&m.reader, msg)
		}
	case positionMsg:
		if msg.gen == m.gen {
			return m.route(&m.reader, msg)
		}
	case highlightsMsg:
		switch {
		case msg.gen != m.gen:
		case msg.err != nil:
			m.setStatus(sanitize.Text(msg.err.Error()), true)
		default:
			return tea.Batch(m.route(&m.reader, msg), m.route(&m.panel, msg))
		}
	case refreshMsg:
		if !msg.ok { // the refresh is over: new items, and pages fetched for old ones
			m.watch.due = len(m.watch.fresh) > 0
			return tea.Batch(m.route(&m.net, msg), m.idx.cacheChanged(), m.watchCheck())
		}
		return m.route(&m.net, msg)
	case autoRefreshMsg:
		return m.autoRefresh(msg)
	case spinner.TickMsg, urlFetchedMsg, refreshStartedMsg, browserMsg, subsReadMsg:
		return m.route(&m.net, msg)
	case cacheLoadedMsg:
		return m.cacheLoaded(msg)
	case readSetMsg, starSetMsg, feedMarkedMsg, unmarkedMsg:
		return m.feedReadResult(msg)
	case indexStartMsg:
		m.idx.enqueue(m.library.entries, m.net.isWeb, m.net.isCached)
		return m.route(&m.idx, msg)
	case indexMissingMsg, indexBatchMsg, indexCacheMsg, indexStatusMsg, indexAddedMsg:
		return tea.Batch(m.route(&m.idx, msg), m.watchCheck())
	case searchedIndexMsg:
		return m.route(&m.search, msg)
	case dealsLoadedMsg:
		return m.route(&m.deals, msg)
	case storedMsg:
		return m.openStored(msg)
	case noteSavedMsg, noteDeletedMsg, noteRestoredMsg:
		return m.route(&m.notes, msg)
	case noteCountsMsg:
		return m.route(&m.library, msg)
	case exportedMsg, previewMsg:
		return m.route(&m.export, msg)
	case noteFileMsg, editorExitedMsg, noteFileReadMsg:
		if m.overlay == overlayEditor {
			return m.route(m.editor, msg)
		}
		if f, ok := msg.(noteFileMsg); ok && f.err == nil {
			return removeFile(f.path) // the editor closed before its file was ready
		}
	case notesRenderedMsg, quotesLaidOutMsg:
		return m.route(&m.panel, msg)
	case correctedMsg:
		return m.corrected(msg)
	case companyCorrectedMsg:
		return m.companyCorrected(msg)
	case storageOpenedMsg:
		return m.storageOpened(msg)
	case headsReadMsg:
		m.library.setHeads(msg.lib)
		m.lateProblems = msg.lib.Problems
		marks := m.loadMarks() // the stories are known by their IDs now
		if len(m.library.entries) > 1 {
			return tea.Batch(m.anns.next(0, m.library.entries, m.net.isWeb), marks)
		}
		return marks
	default:
		if cmd, ok := m.deliverCompany(msg); ok {
			return cmd
		}
		return m.apply(msg)
	}
	return nil
}

// handleKey routes a key. ctrl+c quits from anywhere; a modal overlay (the
// note editor, the export prompt), else the text being typed, gets every
// other key; then the global bindings (q goes back a level, ? toggles the
// help); then an open overlay (help, links); then the root's bindings of
// the screen (screenKey); then the pane with focus.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	g := m.keys.Global
	m.status = ""
	switch {
	case key.Matches(msg, g.ForceQ):
		return m.quit()
	case m.overlay == overlayEditor:
		return m.route(m.editor, msg)
	case m.overlay == overlayExport:
		return m.route(&m.export, msg)
	case m.overlay == overlayCorrect:
		return m.route(&m.correct, msg)
	case m.input.active():
		return m.route(&m.input, msg)
	case m.screen == screenCompany && m.company.picking():
		return m.route(&m.company, msg)
	case key.Matches(msg, g.Quit):
		return m.up()
	case key.Matches(msg, g.Help):
		m.showHelp = !m.showHelp
		m.help.toTop()
		return nil
	case m.showHelp:
		m.help.show(m.keysShown())
		return m.route(&m.help, msg)
	case m.overlay == overlayLinks:
		return m.route(&m.links, msg)
	}
	if cmd, ok := m.screenKey(msg); ok {
		return cmd
	}
	switch {
	case m.screen == screenLibrary && m.feedsOn && m.feedsFocus:
		return m.route(&m.feeds, msg)
	case m.screen == screenLibrary:
		return m.route(&m.library, msg)
	case m.screen == screenSearch:
		return m.route(&m.search, msg)
	case m.screen == screenDeals:
		return m.route(&m.deals, msg)
	case m.screen == screenCompany:
		return m.route(&m.company, msg)
	case m.screen == screenBrief:
		return m.route(&m.brief, msg)
	case m.focus == focusPanel:
		return m.route(&m.panel, msg)
	case m.reader.waiting() && len(m.early) < maxEarly:
		m.early = append(m.early, msg)
		return nil
	}
	return m.route(&m.reader, msg)
}

// maxEarly bounds the keys held while the text is not laid out.
const maxEarly = 32

// typeahead presses the keys held while the reader's text was not laid
// out, now that it is; they are dropped if the reader is no longer shown.
func (m *Model) typeahead() tea.Cmd {
	early := m.early
	m.early = nil
	if m.screen != screenReader || m.reader.waiting() {
		return nil
	}
	var cmds []tea.Cmd
	for _, k := range early {
		cmds = append(cmds, m.handleKey(k))
	}
	return tea.Batch(cmds...)
}

// screenKey handles the root's own bindings: esc and u on every screen; r
// in the library and the reader; S and D in the library; and on the reader
// screen tab and s;
// the keys that act on a pane whatever has focus go to it
// (KeyMap.readerWide, panelWide). It reports whether msg was one.
func (m *Model) screenKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	g := m.keys.Global
	switch {
	case key.Matches(msg, g.Back):
		return m.back(), true
	case key.Matches(msg, m.keys.Notes.Undo):
		return m.undoLast(), true // one stack, taken back from any screen
	case m.screen == screenSearch || m.screen == screenDeals || m.screen == screenCompany || m.screen == screenBrief:
		return nil, false
	}
	if m.reader.keySet() != InSelection || m.screen == screenLibrary {
		if cmd, ok := m.feedKey(msg); ok {
			return cmd, true
		}
	}
	switch {
	case m.screen == screenLibrary && key.Matches(msg, m.keys.Index.Search):
		return m.openIndexScreen(screenSearch), true
	case m.screen == screenLibrary && key.Matches(msg, m.keys.Index.Deals):
		return m.openIndexScreen(screenDeals), true
	case m.screen == screenLibrary && key.Matches(msg, m.keys.Brief.Open):
		return m.openBrief(), true
	case m.screen == screenLibrary:
		return nil, false
	case key.Matches(msg, g.Focus):
		var cmd tea.Cmd
		if m.showPanel && m.focus == focusReader {
			cmd = m.setFocus(focusPanel)
		} else {
			cmd = m.setFocus(focusReader)
		}
		return tea.Batch(cmd, m.layout()), true // a collapsed panel opens with focus
	case key.Matches(msg, g.Panel):
		// Hiding the panel gives its room back to the text (a re-wrap) and
		// returns focus to the reader, the only pane left; what the panel
		// marked in the text goes with it.
		m.showPanel = !m.showPanel
		var cmd tea.Cmd
		if !m.showPanel {
			cmd = tea.Batch(m.setFocus(focusReader), m.route(&m.reader, clearMarksMsg{jumps: true}))
		}
		return tea.Batch(cmd, m.layout()), true
	case m.reader.keySet() != InSelection && key.Matches(msg, m.keys.Reader.NextArticle):
		return m.stepArticle(1), true
	case m.reader.keySet() != InSelection && key.Matches(msg, m.keys.Reader.PrevArticle):
		return m.stepArticle(-1), true
	case matches(msg, m.keys.readerWide()):
		return m.route(&m.reader, msg), true
	case matches(msg, m.keys.panelWide()):
		return m.route(&m.panel, msg), true
	}
	return nil, false
}

// back (esc) closes the innermost thing. In the library: the filter, else
// the fetches in flight. On the search and deals screens: what the screen
// has open (a deal's sources, the deals filter), else the screen. In the
// reader: the article's fetch (and goes on), the selection, the search, a
// panel filter, else the article itself, back to where it was opened from.
func (m *Model) back() tea.Cmd {
	switch m.screen {
	case screenSearch:
		if !m.search.back() {
			m.screen = screenLibrary
		}
		return nil
	case screenDeals:
		if !m.deals.back() {
			m.screen = screenLibrary
		}
		return nil
	case screenCompany:
		m.screen = m.companyFrom
		return m.returned()
	case screenBrief:
		m.screen = screenLibrary
		return nil
	}
	if m.screen == screenLibrary {
		switch {
		case m.library.back():
		case m.net.cancelFetches():
			m.setStatus("cancelling the fetches…", false)
		case m.feedsOn && !m.feedsFocus:
			m.feedsFocus = true
			return m.layout()
		case m.feedsOn:
			m.closeFeeds()
			return m.layout()
		}
		return nil
	}
	if m.net.stopLoad() {
		m.setStatus("fetch cancelled", false)
	}
	if m.reader.back() {
		return nil
	}
	if req, ok := m.panel.back(); ok {
		return m.apply(req)
	}
	return m.leaveReader()
}

// up (q) goes back one level, as q does in less, glow and lazygit: it
// closes the help, else the links list, else the article (back to where
// it was opened from), else the search or deals screen (what it has open
// first, as esc). In the library, or on the one article the program
// started on, it quits.
func (m *Model) up() tea.Cmd {
	switch {
	case m.showHelp:
		m.showHelp = false
		m.help.toTop()
		return nil
	case m.overlay == overlayLinks:
		m.overlay = overlayNone
		return nil
	case m.screen == screenReader && !m.single:
		return m.leaveReader()
	case m.screen == screenSearch || m.screen == screenDeals || m.screen == screenCompany || m.screen == screenBrief:
		return m.back()
	case m.screen == screenLibrary && m.feedsOn:
		m.closeFeeds()
		return m.layout()
	}
	return m.quit()
}

// leaveReader leaves the article for the screen it was opened from: the
// library, the search or the deals (refreshed if the index changed since).
func (m *Model) leaveReader() tea.Cmd {
	cmd := m.leaveArticle()
	m.gen++ // drop whatever the article still has in flight
	m.early = nil
	m.screen, m.single = m.from, false
	return tea.Batch(cmd, m.returned())
}

// returned brings the screen esc went back to up to date: the background
// indexing may have written stories meanwhile.
func (m *Model) returned() tea.Cmd {
	if m.screen == screenDeals && m.deals.stale {
		return m.deals.open()
	}
	if m.screen == screenSearch && m.search.stale {
		return m.search.refresh()
	}
	return nil
}

// leaveArticle is the work of leaving the article shown (nil on other
// screens): keeping where the reader was in it, in a tea.Cmd.
func (m *Model) leaveArticle() tea.Cmd {
	if m.screen != screenReader || m.opts.Positions == nil {
		return nil
	}
	if a, off, ok := m.reader.position(); ok {
		return savePosition(a, off, m.opts.Positions)
	}
	return nil
}

// stepArticle (J, K) opens the next (dir 1) or previous (dir -1) article of
// the library, in the order it lists them, without going back to it.
func (m *Model) stepArticle(dir int) tea.Cmd {
	if m.from != screenLibrary {
		return m.apply(status(firstKey(m.keys.Reader.NextArticle) + " and " + firstKey(m.keys.Reader.PrevArticle) +
			" step through the library; this story was opened from " + m.from.String()))
	}
	e, ok := m.library.step(m.openID, dir)
	if !ok {
		if dir > 0 {
			return m.apply(status("this is the last article in the library"))
		}
		return m.apply(status("this is the first article in the library"))
	}
	return m.open(e)
}

// open shows library entry e in the reader and starts loading it.
func (m *Model) open(e articles.Entry) tea.Cmd {
	cmds := m.opening(e.Meta)
	m.from, m.openID = screenLibrary, e.Meta.ID
	load, req := m.net.load(m.gen, e, m.marks.isUnread(e.Meta.ID))
	return tea.Batch(append(cmds, load, m.apply(req), m.layout())...)
}

// opening starts a new open generation showing meta in the reader, after
// keeping where the reader was in the article it leaves.
func (m *Model) opening(meta model.Article) []tea.Cmd {
	leave := m.leaveArticle()
	m.gen++
	m.early = nil // keys typed for the article left are not this one's
	m.openID = meta.ID
	m.screen = screenReader
	m.setFocus(focusReader)
	opened := articleOpenedMsg{gen: m.gen, meta: meta}
	return []tea.Cmd{leave, m.route(&m.reader, opened), m.route(&m.panel, opened)}
}

// setFocus gives the keys to the reader or the panel. The selected
// entity's marks and mention counter belong to the panel's Entities tab:
// they go when the panel loses focus and come back when it gets it again.
func (m *Model) setFocus(f focus) tea.Cmd {
	was := m.focus
	m.focus = f
	m.panel.setFocused(f == focusPanel)
	switch {
	case was == focusPanel && f == focusReader:
		return m.route(&m.reader, clearMarksMsg{})
	case was == focusReader && f == focusPanel:
		return m.apply(m.panel.shown())
	}
	return nil
}

// collapseBelow is the screen height under which a panel drawn below the
// text is only its tab bar until it has focus: the text keeps its rows.
const collapseBelow = 20

// minBeside is the narrowest window that takes the panel beside the text
// when the config's panel.side asks for right or left: under it the text
// would be a word a line, and the panel goes below.
const minBeside = 60

// panelBeside says whether the panel sits beside the text at width w: the
// config's panel.side (right, left or below), or with auto from 100
// columns.
func (m *Model) panelBeside(w int) bool {
	switch m.panelSide {
	case "below":
		return false
	case "right", "left":
		return w >= minBeside
	}
	return w >= 100
}

// layout sizes every pane for the window; the panel sits beside the
// reader or below it (panelBeside).
func (m *Model) layout() tea.Cmd {
	if m.width == 0 {
		// No size yet (New opening an article): the first WindowSizeMsg
		// lays out; laying the panes out for no room is wasted work
		// before the first frame (the notes tab's help wrapped to one
		// column was most of New).
		return nil
	}
	w, h := m.width, m.mainHeight()
	m.net.SetSize(w, h)
	m.layoutLibrary(w, h-m.net.height())
	m.search.SetSize(w, h)
	m.deals.SetSize(w, h)
	m.company.SetSize(w, h)
	m.links.SetSize(w, h)
	m.correct.SetSize(w, h)
	m.help.SetSize(w, h)
	m.input.SetSize(w, 1)
	if m.editor != nil {
		m.editor.SetSize(m.width, m.height)
	}
	cmds := []tea.Cmd{m.export.SetSize(w, h), m.brief.SetSize(w, h)}
	rw, rh := w, h
	switch {
	case !m.showPanel:
	case m.panelBeside(w):
		pw := w * 38 / 100
		m.panel.setBelow(false)
		m.panel.setLeft(m.panelSide == "left")
		cmds = append(cmds, m.panel.SetSize(pw, h))
		rw = w - pw
	default:
		ph := max(h*2/5, 4)
		if h < collapseBelow {
			ph = 1
			if m.focus == focusPanel {
				ph = min(max(h/2, 4), h-1)
			}
		}
		m.panel.setBelow(true)
		cmds = append(cmds, m.panel.SetSize(w, ph))
		rh = h - ph
	}
	return tea.Batch(append(cmds, m.reader.SetSize(rw, rh))...)
}

// setTheme rebuilds the styles every pane shares and lets them re-render.
func (m *Model) setTheme(t Theme) tea.Cmd {
	if t == m.styles.Theme {
		return nil
	}
	*m.styles = NewStyles(t)
	return tea.Batch(m.route(&m.help, themeMsg{}), m.route(&m.reader, themeMsg{}), m.route(&m.panel, themeMsg{}),
		m.route(&m.export, themeMsg{}), m.route(&m.brief, themeMsg{}))
}

// setStatus shows s until the next key; errors are drawn in the error style.
func (m *Model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }

// quit keeps what leaving the article keeps, restores the wheel mode and
// ends the program.
func (m *Model) quit() tea.Cmd {
	return tea.Sequence(m.leaveArticle(), tea.Raw(altScrollOff), tea.Quit)
}
