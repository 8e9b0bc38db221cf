package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/model"
)

// panelTabs are the side panel's tabs in key order. A new tab is a pane
// in a file of its own and one line here: its number key (1, 2, …), its
// place in the tab bar and in the help follow from this list.
var panelTabs = []struct {
	name string
	new  func(common) tabPane
}{
	{"Ventures", func(c common) tabPane { return &venturesTab{common: c} }},
	{"Entities", func(c common) tabPane { return &entitiesTab{common: c} }},
	{"Quotes", func(c common) tabPane { return &quotesTab{common: c} }},
	{"Notes", func(c common) tabPane { return &notesTab{common: c} }},
}

// tabPane is a pane shown under a tab of the side panel. Besides the pane
// contract it gives the number shown on its tab and is told whether the
// panel has focus (its cursor bar is drawn brighter then). A tab gets, by
// Update, the messages of the open article: articleOpenedMsg (empty it),
// annotatedMsg, highlightsMsg and themeMsg; and the panel keys when active.
type tabPane interface {
	pane
	count() int
	setFocused(bool)
}

// Optional abilities of a tab. The panel sends a key that needs one to the
// active tab only if it has it, and otherwise says which tabs do.
type (
	// cardKeeper is a tab whose h keeps the card under the cursor.
	cardKeeper interface{ keepsCards() }
	// highlightLister is a tab whose e and d act on the highlight under
	// the cursor.
	highlightLister interface{ listsHighlights() }
	// filterer is a tab that / filters; filter is the text it filters by.
	filterer interface{ filter() string }
	// selector is a tab whose cursor selects something in the reader:
	// shown says what, when the tab is shown or its data changes.
	selector interface{ shown() request }
)

// themeMsg tells the panes the styles changed: re-render what is cached.
type themeMsg struct{}

// panelPane holds the tabs; it owns which one is active and draws the tab
// bar. Requests from the tabs (jump, select an entity, keep a card) go to
// the root, which routes them to the reader.
type panelPane struct {
	common
	tabs    []tabPane
	active  int
	focused bool

	width, height int
	below         bool // drawn under the reader rather than beside it
}

func newPanel(c common) panelPane {
	p := panelPane{common: c}
	for _, t := range panelTabs {
		p.tabs = append(p.tabs, t.new(c))
	}
	return p
}

// setFocused tells the panel whether it has the keys.
func (p *panelPane) setFocused(f bool) {
	p.focused = f
	for _, t := range p.tabs {
		t.setFocused(f)
	}
}

// setBelow puts the panel under the reader (narrow screens) or beside it.
func (p *panelPane) setBelow(below bool) { p.below = below }

// SetSize lays the panel out: one column for the border, two lines for the
// tab bar and its rule.
func (p *panelPane) SetSize(w, h int) tea.Cmd {
	p.width, p.height = w, h
	cw, ch := w-1, h-2
	if p.below {
		cw, ch = w, h-3
	}
	cmds := make([]tea.Cmd, len(p.tabs))
	for i, t := range p.tabs {
		cmds[i] = t.SetSize(max(cw, 1), max(ch, 1))
	}
	return tea.Batch(cmds...)
}

// Update handles the panel keys (the tab keys whatever has focus, the rest
// when it has focus) and the open article's messages, which every tab gets.
func (p *panelPane) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return p.key(msg)
	case inputMsg:
		if _, ok := p.tabs[p.active].(filterer); ok && msg.state != inputAccepted {
			return p.tabs[p.active].Update(msg)
		}
		return nil, nil
	}
	var cmds []tea.Cmd
	var reqs requests
	for _, t := range p.tabs {
		cmd, req := t.Update(msg)
		cmds, reqs = append(cmds, cmd), append(reqs, req)
	}
	if _, ok := msg.(annotatedMsg); ok {
		// Each tab laid itself out for its size as it took the data.
		reqs = append(reqs, p.shown())
	}
	return tea.Batch(cmds...), reqs
}

func (p *panelPane) key(msg tea.KeyPressMsg) (tea.Cmd, request) {
	g, pk := p.keys.Global, p.keys.Panel
	for i, b := range g.PanelTab {
		if key.Matches(msg, b) {
			return nil, p.setTab(i)
		}
	}
	t := p.tabs[p.active]
	switch {
	case key.Matches(msg, g.NextTab):
		return nil, p.setTab(p.active + 1)
	case key.Matches(msg, g.PrevTab):
		return nil, p.setTab(p.active - 1)
	case key.Matches(msg, pk.Filter):
		// "/" filters a tab that can be filtered; in the reader it searches.
		if f, ok := t.(filterer); ok {
			return nil, startInputMsg{inputEntityFilter, f.filter()}
		}
		return nil, status(pk.Filter.Help().Key + " filters " + p.tabsThat(func(t tabPane) bool { _, ok := t.(filterer); return ok }))
	case key.Matches(msg, pk.Keep):
		if _, ok := t.(cardKeeper); !ok {
			return nil, status(pk.Keep.Help().Key + " keeps a card of " +
				p.tabsThat(func(t tabPane) bool { _, ok := t.(cardKeeper); return ok }))
		}
	case key.Matches(msg, pk.Edit), key.Matches(msg, pk.Delete):
		if _, ok := t.(highlightLister); !ok {
			return nil, status(pk.Edit.Help().Key + " and " + pk.Delete.Help().Key + " act on " +
				p.tabsThat(func(t tabPane) bool { _, ok := t.(highlightLister); return ok }))
		}
	}
	return t.Update(msg)
}

// tabsThat names the tabs with an ability and their keys: "the Notes tab
// (4)", "the Ventures (1) or Entities (2) tab".
func (p *panelPane) tabsThat(has func(tabPane) bool) string {
	var names []string
	for i, t := range p.tabs {
		if has(t) {
			names = append(names, fmt.Sprintf("%s (%s)", panelTabs[i].name, p.keys.Global.PanelTab[i].Help().Key))
		}
	}
	if len(names) == 1 {
		name, num, _ := strings.Cut(names[0], " ")
		return "the " + name + " tab " + num
	}
	return "the " + strings.Join(names, " or ") + " tab"
}

// setTab makes tab i (wrapping around) the active one; focus does not move.
func (p *panelPane) setTab(i int) request {
	n := len(p.tabs)
	p.active = (i%n + n) % n
	return p.shown()
}

// shown is what the active tab selects in the reader, if anything.
func (p *panelPane) shown() request {
	if s, ok := p.tabs[p.active].(selector); ok {
		return s.shown()
	}
	return nil
}

// back clears a tab's filter (esc); it reports whether there was one.
func (p *panelPane) back() (request, bool) {
	for _, t := range p.tabs {
		if f, ok := t.(filterer); ok && f.filter() != "" {
			_, req := t.Update(inputMsg{inputEntityFilter, "", inputCancelled})
			return req, true
		}
	}
	return nil, false
}

// activeName is the active tab's name, for the status bar.
func (p *panelPane) activeName() string { return panelTabs[p.active].name }

// tabBar names the tabs with their keys and counts, dropping the counts,
// then shortening the names, when the panel is narrow.
func (p *panelPane) tabBar(width int) string {
	st := p.styles
	for _, form := range []int{0, 1, 2} {
		parts := make([]string, len(p.tabs))
		w := 0
		for i, t := range p.tabs {
			name := panelTabs[i].name
			if form == 2 {
				name = name[:min(len(name), 4)]
			}
			label := p.keys.Global.PanelTab[i].Help().Key + " " + name
			if n := t.count(); n > 0 && form == 0 {
				label += fmt.Sprintf(" (%d)", n)
			}
			w += ansi.StringWidth(label) + 1
			if i == p.active {
				parts[i] = st.TabActive.Render(label)
			} else {
				parts[i] = st.TabInactive.Render(label)
			}
		}
		if w-1 <= width || form == 2 {
			return strings.Join(parts, " ")
		}
	}
	return ""
}

// View draws the panel as exactly width×height cells.
func (p *panelPane) View() string {
	st := p.styles
	cw := p.width - 1
	if p.below {
		cw = p.width
	}
	head := " " + ansi.Truncate(p.tabBar(cw-1), max(cw-1, 1), "…")
	rule := st.Border.Render(strings.Repeat("─", max(cw, 1)))
	body := p.tabs[p.active].View()
	ch := p.height - 2
	if p.below {
		ch = p.height - 3
	}
	lines := strings.Split(padLines(head+"\n"+rule+"\n"+padLines(body, ch), p.height-btoi(p.below)), "\n")
	if p.below {
		return st.Border.Render(strings.Repeat("━", max(p.width, 1))) + "\n" + strings.Join(lines, "\n")
	}
	edge := st.Border.Render("│")
	for i, l := range lines {
		lines[i] = edge + l
	}
	return strings.Join(lines, "\n")
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// jumpMsg asks the reader to scroll to a span and mark it; panel tabs send it.
type jumpMsg struct {
	target model.Span
	marks  []model.Span
}

// wrapText word-wraps plain text to w cells for the panel's cards.
func wrapText(s string, w int) []string {
	ww := Wrap(s, max(w, 1))
	out := make([]string, len(ww.Lines))
	for i := range ww.Lines {
		out[i] = ww.Text(i)
	}
	return out
}

// ShortHelp is the pane's most used bindings.
func (p *panelPane) ShortHelp() []key.Binding { return p.FullHelp()[0] }

// FullHelp is every binding live in the pane, in columns, for the help overlay.
func (p *panelPane) FullHelp() [][]key.Binding { return p.keys.helpGroups(InPanel) }
