package ui

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsmark/model"
	"newsmark/notes"
)

// venturesTab is the Ventures tab: one card per venture, announced first,
// then by where the evidence starts. enter jumps to the evidence and marks
// it; h keeps the card as a note.
type venturesTab struct {
	common
	ventures []model.Venture
	list     itemList
	width    int
	focused  bool
}

func (v *venturesTab) keepsCards() {}

// setData keeps its own sorted copy: the annotations are shared and
// must not be reordered under the reader.
func (v *venturesTab) setData(ann model.Annotations) {
	v.ventures = append([]model.Venture(nil), ann.Ventures...)
	sort.SliceStable(v.ventures, func(i, j int) bool {
		a, b := v.ventures[i], v.ventures[j]
		if (a.Status == model.Announced) != (b.Status == model.Announced) {
			return a.Status == model.Announced
		}
		return evidenceStart(a) < evidenceStart(b)
	})
	v.render()
}

// evidenceStart orders cards by where the story first gives evidence;
// a card without evidence goes last.
func evidenceStart(v model.Venture) int {
	if len(v.Evidence) == 0 {
		return 1 << 62
	}
	return v.Evidence[0].Start
}

// count is the number shown on the tab.
func (v *venturesTab) count() int { return len(v.ventures) }

// SetSize re-renders: cards are wrapped to the panel width.
func (v *venturesTab) SetSize(w, h int) tea.Cmd {
	v.width = w
	v.list.setHeight(h)
	v.render()
	return nil
}

func (v *venturesTab) setFocused(f bool) { v.focused = f }

// render builds the cards (model.Venture.Card) for the current width and
// styles; lines are styled by escape pairs (Styles.run*), not Render: a long
// article has a thousand cards.
func (v *venturesTab) render() {
	cur, off := v.list.cursor, v.list.offset
	st := v.styles
	w := max(v.width-2, 8)
	items := make([]item, 0, len(v.ventures))
	for i, vt := range v.ventures {
		card := vt.Card()
		lines := []string{st.runGroup.on(card.Kind) + st.runSubtle.on(" · "+card.Status)}
		if card.Name != "" {
			for _, l := range wrapText(card.Name, w) {
				lines = append(lines, st.runTitle.on(l))
			}
		}
		for _, f := range card.Facts {
			for j, l := range wrapText(f.Label+": "+f.Value, w) {
				if j == 0 && strings.HasPrefix(l, f.Label+":") {
					l = st.runSubtle.on(f.Label+":") + st.runText.on(l[len(f.Label)+1:])
				} else {
					l = st.runText.on(l)
				}
				lines = append(lines, l)
			}
		}
		for _, l := range wrapText(card.Summary, w) {
			lines = append(lines, st.runCaption.on(l))
		}
		lines = append(lines, "")
		items = append(items, item{lines: lines, selectable: true, ref: i})
	}
	if len(items) == 0 {
		items = append(items, item{lines: []string{st.Subtle.Render("No venture found in this article.")}})
	}
	v.list.setItems(items)
	if cur >= 0 && cur < len(items) && items[cur].selectable {
		v.list.cursor, v.list.offset = cur, off
		v.list.follow()
	}
}

// Update moves between cards; enter jumps to the card's evidence, h keeps
// the card as a note on its first passage.
func (v *venturesTab) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case articleOpenedMsg:
		v.setData(model.Annotations{})
	case annotatedMsg:
		v.setData(msg.ann)
	case themeMsg:
		v.render()
	case tea.KeyPressMsg:
		return nil, v.key(msg)
	}
	return nil, nil
}

func (v *venturesTab) key(msg tea.KeyPressMsg) request {
	if h, _ := v.list.keys(v.keys.Panel, msg); h {
		return nil
	}
	vt, ok := v.current()
	switch {
	case key.Matches(msg, v.keys.Panel.Jump) && ok:
		if len(vt.Evidence) > 0 {
			return jumpMsg{vt.Evidence[0], vt.Evidence}
		}
		return status("this venture has no evidence span to jump to")
	case key.Matches(msg, v.keys.Panel.Keep):
		if !ok || len(vt.Evidence) == 0 {
			return status("no venture with a passage to keep here")
		}
		return keepCardMsg{vt.Evidence[0], notes.VentureCard(vt), "card kept as a note"}
	}
	return nil
}

// current is the venture under the cursor.
func (v *venturesTab) current() (model.Venture, bool) {
	if v.list.cursor < 0 || len(v.ventures) == 0 || !v.list.items[v.list.cursor].selectable {
		return model.Venture{}, false
	}
	return v.ventures[v.list.items[v.list.cursor].ref], true
}

// View draws the visible cards.
func (v *venturesTab) View() string { return v.list.View(v.width, v.styles, v.focused) }

// ShortHelp is the panel's most used bindings.
func (v *venturesTab) ShortHelp() []key.Binding { return v.FullHelp()[0] }

// FullHelp is the panel's bindings: every tab shares them.
func (v *venturesTab) FullHelp() [][]key.Binding { return v.keys.helpGroups(InPanel) }
