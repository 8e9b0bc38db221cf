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
	name, short string // short: the name on a narrow tab bar
	new         func(common) tabPane
}{
	{"Ventures", "Vent", func(c common) tabPane { return &venturesTab{common: c} }},
	{"Entities", "Ent", func(c common) tabPane { return &entitiesTab{common: c} }},
	{"Quotes", "Quot", func(c common) tabPane { return &quotesTab{common: c} }},
	{"Notes", "Note", func(c common) tabPane { return &notesTab{common: c} }},
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
	// corrector is a tab whose m opens the correct menu on the name
	// under its cursor.
	corrector interface{ corrects() }
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
	tabs      []tabPane
	active    int
	focused   bool
	annotated bool // the open article's annotations are in: the tabs show counts

	width, height int
	below         bool // drawn under the reader rather than beside it
	left          bool // beside the reader on its left (the config's panel.side)
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

// setBelow puts the panel under the reader (narrow screens) or beside it,
// on its left or its right.
func (p *panelPane) setBelow(below bool) { p.below = below }

// setLeft puts the panel, when beside the reader, on its left: its edge is
// then on its right.
func (p *panelPane) setLeft(left bool) { p.left = left }

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
	switch msg.(type) {
	case articleOpenedMsg:
		p.annotated = false
	case annotatedMsg:
		p.annotated = true
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
	case key.Matches(msg, p.keys.Correct.Open):
		if _, ok := t.(corrector); !ok {
			return nil, status(firstKey(p.keys.Correct.Open) + " corrects a name of " +
				p.tabsThat(func(t tabPane) bool { _, ok := t.(corrector); return ok }) + ", or at the reader's cursor")
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

// setTab makes tab i (wrapping around) the active one; focus does not
// move. What the tab left marked in the text (an entity's mentions, a
// venture's evidence) is cleared: marks belong to the tab that made them.
func (p *panelPane) setTab(i int) request {
	n := len(p.tabs)
	p.active = (i%n + n) % n
	return requests{clearMarksMsg{jumps: true}, p.shown()}
}

// clearMarksMsg asks the reader to drop the selected entity's marks and
// its mention counter, and with jumps the marks of a panel jump too.
type clearMarksMsg struct{ jumps bool }

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

// Tab name lengths, for tabForms.
const (
	tabFull = iota
	tabShort
	tabInitial
)

// tabForms are the ways the tabs are labelled, widest first: the tab bar
// uses the first in which every tab fits. The names shorten, the active
// tab's last; the key and the count stay at every width. A count without
// parentheses needs a separator, or "Vent 2 2 Ent" reads as one run.
var tabForms = []struct {
	active, other int  // tabFull, tabShort or tabInitial
	paren         bool // the count in parentheses
	sep           string
}{
	{tabFull, tabFull, true, " "}, {tabFull, tabShort, true, " "}, {tabShort, tabShort, true, " "},
	{tabShort, tabShort, false, " · "}, {tabShort, tabInitial, false, " · "}, {tabInitial, tabInitial, false, " "},
}

// tabBar names the tabs with their keys and, once the article is
// annotated, their counts: "1 Ventures (2)", narrower "1 Vent 2 · 2 Ent 13",
// at the narrowest "1 V 2 2 E 13". The active tab has its own style.
func (p *panelPane) tabBar(width int) string {
	st := p.styles
	var parts []string
	sep := " "
	for fi, form := range tabForms {
		parts, sep = parts[:0], form.sep
		w := 0
		for i, t := range p.tabs {
			length := form.other
			if i == p.active {
				length = form.active
			}
			name := [...]string{panelTabs[i].name, panelTabs[i].short, panelTabs[i].name[:1]}[length]
			label := p.keys.Global.PanelTab[i].Help().Key + " " + name
			if p.annotated {
				if form.paren {
					label += fmt.Sprintf(" (%d)", t.count())
				} else {
					label += fmt.Sprintf(" %d", t.count())
				}
			}
			if i > 0 {
				w += len(sep)
			}
			w += ansi.StringWidth(label)
			if i == p.active {
				parts = append(parts, st.TabActive.Render(label))
			} else {
				parts = append(parts, st.TabInactive.Render(label))
			}
		}
		if w <= width || fi == len(tabForms)-1 {
			break
		}
	}
	return strings.Join(parts, st.Border.Render(sep))
}

// View draws the panel as exactly width×height cells.
func (p *panelPane) View() string {
	st := p.styles
	cw := p.width - 1
	if p.below {
		cw = p.width
	}
	bar := p.tabBar(cw - 1)
	if ansi.StringWidth(bar) > cw-1 {
		bar = p.tabBar(cw) // the narrowest form: use the leading column too
	}
	head := ansi.Truncate(bar, max(cw, 1), "…")
	if ansi.StringWidth(head) < cw {
		head = " " + head
	}
	if p.below && p.height < 4 {
		// Collapsed under the text of a short screen: the tab bar alone.
		return head
	}
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
		if p.left {
			lines[i] = block(l, max(cw, 0), 1) + edge
			continue
		}
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
