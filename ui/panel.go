package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/model"
)

// tab is one of the side panel's tabs.
type tab int

// The panel's tabs, in key order 1–4.
const (
	tabVentures tab = iota
	tabEntities
	tabQuotes
	tabNotes
	numTabs
)

func (t tab) String() string {
	return [...]string{"Ventures", "Entities", "Quotes", "Notes"}[t]
}

// tabPane is what each tab's pane does.
type tabPane interface {
	SetSize(w, h int)
	// Update gets the panel keys when the panel has focus.
	Update(msg tea.KeyPressMsg) tea.Cmd
	View(focused bool) string
	count() int
	setStyles()
}

// panelPane holds the four tabs; it owns which one is active and draws the
// tab bar. Each tab is its own pane (ventures.go, entities.go, quotes.go,
// notes.go); messages from them go to the root, which routes them to the reader.
type panelPane struct {
	keys   *KeyMap
	styles *Styles

	active tab
	tabs   [numTabs]tabPane

	Ventures *venturesPane
	Entities *entitiesPane
	Quotes   *quotesPane
	Notes    *NotesPane

	width, height int
	below         bool // drawn under the reader rather than beside it
}

func newPanel(keys *KeyMap, styles *Styles) panelPane {
	p := panelPane{keys: keys, styles: styles}
	p.Ventures = &venturesPane{keys: keys, styles: styles}
	p.Entities = &entitiesPane{keys: keys, styles: styles}
	p.Quotes = &quotesPane{keys: keys, styles: styles}
	p.Notes = &NotesPane{keys: keys, styles: styles}
	p.tabs = [numTabs]tabPane{p.Ventures, p.Entities, p.Quotes, p.Notes}
	return p
}

// setData fills the tabs from one article's annotations.
func (p *panelPane) setData(ann model.Annotations) {
	p.Ventures.setData(ann)
	p.Entities.setData(ann)
	p.Quotes.setData(ann)
	p.SetSize(p.width, p.height)
}

// clear empties every tab (a new article is opening).
func (p *panelPane) clear() {
	p.setData(model.Annotations{})
	p.Notes.SetHighlights(nil)
}

func (p *panelPane) setStyles() {
	for _, t := range p.tabs {
		t.setStyles()
	}
}

// SetSize lays the panel out: one column for the border, two lines for the
// tab bar and its rule.
func (p *panelPane) SetSize(w, h int) {
	p.width, p.height = w, h
	cw, ch := w-1, h-2
	if p.below {
		cw, ch = w, h-3
	}
	for _, t := range p.tabs {
		t.SetSize(max(cw, 1), max(ch, 1))
	}
}

// setTab switches the active tab; focus does not move.
func (p *panelPane) setTab(t tab) tea.Cmd {
	p.active = (t + numTabs) % numTabs
	if p.active == tabEntities {
		return p.Entities.selectCmd(false)
	}
	return nil
}

// Update handles panel keys when the panel has focus.
func (p *panelPane) Update(msg tea.KeyPressMsg) tea.Cmd {
	return p.tabs[p.active].Update(msg)
}

// filterable reports whether "/" filters the active tab.
func (p *panelPane) filterable() bool { return p.active == tabEntities }

// tabBar names the tabs with their keys and counts, dropping the counts,
// then shortening the names, when the panel is narrow.
func (p *panelPane) tabBar(width int) string {
	st := p.styles
	for _, form := range []int{0, 1, 2} {
		parts := make([]string, numTabs)
		w := 0
		for t := tab(0); t < numTabs; t++ {
			name := t.String()
			if form == 2 {
				name = name[:min(len(name), 4)]
			}
			label := p.keys.Global.PanelTab[t].Help().Key + " " + name
			if n := p.tabs[t].count(); n > 0 && form == 0 {
				label += fmt.Sprintf(" (%d)", n)
			}
			w += ansi.StringWidth(label) + 1
			if t == p.active {
				parts[t] = st.TabActive.Render(label)
			} else {
				parts[t] = st.TabInactive.Render(label)
			}
		}
		if w-1 <= width || form == 2 {
			return strings.Join(parts, " ")
		}
	}
	return ""
}

// View draws the panel as exactly width×height cells.
func (p *panelPane) View(focused bool) string {
	st := p.styles
	cw := p.width - 1
	if p.below {
		cw = p.width
	}
	head := " " + ansi.Truncate(p.tabBar(cw-1), max(cw-1, 1), "…")
	rule := st.Border.Render(strings.Repeat("─", max(cw, 1)))
	body := p.tabs[p.active].View(focused)
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

// jumpTo returns the Cmd that sends a jump to the root.
func jumpTo(target model.Span, marks ...model.Span) tea.Cmd {
	return func() tea.Msg { return jumpMsg{target: target, marks: marks} }
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

// jumpKey reports whether msg is the panel's jump key.
func jumpKey(k *KeyMap, msg tea.KeyPressMsg) bool { return key.Matches(msg, k.Panel.Jump) }

// ShortHelp is the pane's most used bindings.
func (p *panelPane) ShortHelp() []key.Binding { return p.FullHelp()[0] }

// FullHelp is every binding live in the pane, in columns, for the help overlay.
func (p *panelPane) FullHelp() [][]key.Binding { return p.keys.helpGroups(InPanel) }
