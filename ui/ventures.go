package ui

import (
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"

	"newsmark/model"
)

// venturesPane is the Ventures tab: one card per venture, announced first,
// then by where the evidence starts. enter jumps to the evidence and marks it.
type venturesPane struct {
	keys     *KeyMap
	styles   *Styles
	ventures []model.Venture
	list     itemList
	width    int
}

// setData keeps its own sorted copy: the annotations are shared and
// must not be reordered under the reader.
func (v *venturesPane) setData(ann model.Annotations) {
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
func (v *venturesPane) count() int { return len(v.ventures) }

func (v *venturesPane) SetSize(w, h int) {
	v.width = w
	v.list.setHeight(h)
	v.render()
}

func (v *venturesPane) setStyles() { v.render() }

// render builds the cards (model.Venture.Card) for the current width and styles.
func (v *venturesPane) render() {
	cur, off := v.list.cursor, v.list.offset
	st := v.styles
	w := max(v.width-2, 8)
	items := make([]item, 0, len(v.ventures))
	for i, vt := range v.ventures {
		card := vt.Card()
		lines := []string{st.Group.Render(card.Kind) + st.Subtle.Render(" · "+card.Status)}
		if card.Name != "" {
			for _, l := range wrapText(card.Name, w) {
				lines = append(lines, st.Title.Render(l))
			}
		}
		for _, f := range card.Facts {
			for j, l := range wrapText(f.Label+": "+f.Value, w) {
				if j == 0 && strings.HasPrefix(l, f.Label+":") {
					l = st.Subtle.Render(f.Label+":") + st.Text.Render(l[len(f.Label)+1:])
				} else {
					l = st.Text.Render(l)
				}
				lines = append(lines, l)
			}
		}
		for _, l := range wrapText(card.Summary, w) {
			lines = append(lines, st.Caption.Render(l))
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

// Update moves between cards; enter jumps to the card's evidence.
func (v *venturesPane) Update(msg tea.KeyPressMsg) tea.Cmd {
	if h, _ := v.list.keys(v.keys.Panel, msg); h {
		return nil
	}
	if jumpKey(v.keys, msg) && v.list.cursor >= 0 && len(v.ventures) > 0 {
		vt := v.ventures[v.list.items[v.list.cursor].ref]
		if len(vt.Evidence) > 0 {
			return jumpTo(vt.Evidence[0], vt.Evidence...)
		}
		return status("this venture has no evidence span to jump to")
	}
	return nil
}

func (v *venturesPane) View(focused bool) string { return v.list.View(v.width, v.styles, focused) }
