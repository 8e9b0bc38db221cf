package ui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Mouse mode (the config's mouse, off by default): the program captures the
// mouse, so the wheel scrolls what is under the pointer (the article's text,
// the panel's list, the library's, search's and deals' cursor) and a left click selects what it lands
// on: a card or row of the panel, or a highlighted name in the text, which
// the Entities tab then selects. Off, the terminal keeps the mouse (its own
// text selection) and alternate scroll turns the wheel into arrow keys.

// wheelLines is how far one notch of the wheel scrolls, as in less.
const wheelLines = 3

// mouseOn says the config turned mouse mode on.
func (m *Model) mouseOn() bool { return m.opts.Config != nil && m.opts.Config.Settings.Mouse }

// mouse handles a wheel notch or a left click; other mouse messages, and
// any while an overlay or the help has the screen, do nothing.
func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	if !m.mouseOn() || m.showHelp || m.overlay != overlayNone || m.input.active() {
		return nil
	}
	ev := msg.Mouse()
	if ev.Y >= m.mainHeight() {
		return nil // the hint and status bars
	}
	dir := 0
	switch ev.Button {
	case tea.MouseWheelDown:
		dir = 1
	case tea.MouseWheelUp:
		dir = -1
	case tea.MouseLeft:
		if _, ok := msg.(tea.MouseClickMsg); !ok {
			return nil
		}
	default:
		return nil
	}
	switch m.screen {
	case screenLibrary:
		if dir != 0 && len(m.library.visible) > 0 {
			m.library.cursor = min(max(m.library.cursor+dir, 0), len(m.library.visible)-1)
			m.library.follow()
		}
		return nil
	case screenSearch, screenDeals:
		// Their lists move by their own keys: the wheel presses them.
		down, up := m.keys.Search.Down, m.keys.Search.Up
		if m.screen == screenDeals {
			down, up = m.keys.Deals.Down, m.keys.Deals.Up
		}
		if b := map[int]key.Binding{1: down, -1: up}[dir]; len(b.Keys()) > 0 {
			return m.handleKey(pressOf(b.Keys()[0]))
		}
		return nil
	case screenReader:
	default:
		return nil
	}
	x, y, inPanel := m.panelAt(ev.X, ev.Y)
	switch {
	case inPanel && dir != 0:
		if l := m.panel.list(); l != nil {
			l.offset = min(max(l.offset+dir*wheelLines, 0), max(l.total-l.height, 0))
		}
		return nil
	case inPanel:
		return m.clickPanel(y)
	case dir != 0:
		m.reader.offset += dir * wheelLines
		m.reader.clamp()
		return nil
	}
	return m.clickName(x, y)
}

// panelAt says whether the cell (x, y) of the reader screen is the panel's,
// and gives it in the coordinates of the pane it falls in.
func (m *Model) panelAt(x, y int) (px, py int, inPanel bool) {
	switch {
	case !m.showPanel:
		return x, y, false
	case m.panel.below:
		top := m.mainHeight() - m.panel.height
		if y >= top {
			return x, y - top, true
		}
		return x, y, false
	case m.panel.left:
		if x < m.panel.width {
			return x, y, true
		}
		return x - m.panel.width, y, false
	}
	left := m.width - m.panel.width
	if x >= left {
		return x - left, y, true
	}
	return x, y, false
}

// clickPanel selects the card or row at row y of the panel and gives the
// panel focus, as moving the cursor there would.
func (m *Model) clickPanel(y int) tea.Cmd {
	body := y - 2 // the tab bar and its rule
	if m.panel.below {
		body-- // the rule over the panel
	}
	l := m.panel.list()
	if l == nil || body < 0 || !l.clickLine(l.offset+body) {
		return nil
	}
	cmd := m.setFocus(focusPanel)
	return tea.Batch(cmd, m.apply(m.panel.shown()), m.layout())
}

// clickName selects the highlighted name under the cell (x, y) of the
// reader: the Entities tab selects it and the panel takes focus, so that
// n and N walk its mentions from the one clicked. A click elsewhere does nothing.
func (m *Model) clickName(x, y int) tea.Cmd {
	off, ok := m.reader.offsetAt(x, y)
	if !ok {
		return nil
	}
	ms := overlapping(m.reader.decor.ix.entities, off, off+1)
	if len(ms) == 0 || ms[0].entity < 0 || !m.showPanel {
		return nil
	}
	i := entitiesTabIndex()
	if i < 0 {
		return nil
	}
	req := m.panel.setTab(i)
	et := m.panel.tabs[i].(*entitiesTab)
	if !et.choose(int(ms[0].entity)) {
		return nil
	}
	cmds := []tea.Cmd{m.apply(req), m.setFocus(focusPanel), m.apply(m.panel.shown()), m.layout()}
	// The walk starts at the mention clicked: the counter says which.
	for i, s := range m.reader.mentions {
		if s.Start <= off && off < s.End {
			m.reader.mention = i
		}
	}
	return tea.Batch(cmds...)
}

// entitiesTabIndex is the Entities tab's place among the panel's tabs.
func entitiesTabIndex() int {
	for i, t := range panelTabs {
		if _, ok := t.new(common{}).(*entitiesTab); ok {
			return i
		}
	}
	return -1
}

// offsetAt is the byte of the body drawn at cell (x, y) of the reader pane,
// false off the text. Each text line is the margin, one column, then the
// line as decorate draws it (link numbers after the bytes they follow).
func (r *readerPane) offsetAt(x, y int) (int, bool) {
	row := y - len(r.header)
	if row < 0 || row >= r.bodyHeight() || r.offset+row >= len(r.wrapped.Lines) {
		return 0, false
	}
	col := x - r.margin() - 1
	if col < 0 {
		return 0, false
	}
	w := &r.wrapped
	l := w.Lines[r.offset+row]
	for i := l.Start; i < l.End; {
		_, _, n := grapheme(w.body[i:l.End])
		if col < w.colOf(l.Start, i+n) {
			return i, true
		}
		i += n
	}
	return 0, false
}

// list is the active tab's list, nil for a tab without one.
func (p *panelPane) list() *itemList {
	if t, ok := p.tabs[p.active].(interface{ items() *itemList }); ok {
		return t.items()
	}
	return nil
}

// clickLine puts the cursor on the item drawn at line n of the list, if
// the cursor can rest there; it reports whether it did.
func (l *itemList) clickLine(n int) bool {
	i := sort.Search(len(l.items), func(i int) bool { return l.starts[i]+len(l.items[i].lines) > n })
	if i >= len(l.items) || n < 0 || !l.items[i].selectable {
		return false
	}
	l.cursor = i
	l.follow()
	return true
}

// choose puts the cursor on entity idx (of the annotations' entities),
// clearing a filter that hides it; false when it is not listed.
func (e *entitiesTab) choose(idx int) bool {
	find := func() bool {
		for i, it := range e.list.items {
			if it.selectable && it.ref == idx {
				e.list.cursor = i
				e.list.follow()
				return true
			}
		}
		return false
	}
	if find() {
		return true
	}
	if e.query != "" {
		e.setFilter("")
		return find()
	}
	return false
}

func (v *venturesTab) items() *itemList { return &v.list }
func (e *entitiesTab) items() *itemList { return &e.list }
func (q *quotesTab) items() *itemList   { return &q.list }
func (n *notesTab) items() *itemList    { return &n.list }

// pressOf is the key press bubbletea reports for a key as the KeyMap names
// it ("down", "j", "ctrl+n"): what the wheel presses on screens whose lists
// move by keys.
func pressOf(name string) tea.KeyPressMsg {
	var k tea.Key
	for {
		mod, rest, ok := strings.Cut(name, "+")
		if !ok || rest == "" {
			break
		}
		switch mod {
		case "ctrl":
			k.Mod |= tea.ModCtrl
		case "alt":
			k.Mod |= tea.ModAlt
		case "shift":
			k.Mod |= tea.ModShift
		}
		name = rest
	}
	named := map[string]rune{"down": tea.KeyDown, "up": tea.KeyUp, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"home": tea.KeyHome, "end": tea.KeyEnd, "enter": tea.KeyEnter, "tab": tea.KeyTab, "space": tea.KeySpace}
	if r, ok := named[name]; ok {
		k.Code = r
		return tea.KeyPressMsg(k)
	}
	r, _ := utf8.DecodeRuneInString(name)
	k.Code = r
	if k.Mod == 0 {
		k.Text = name
	}
	return tea.KeyPressMsg(k)
}
