package ui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsmark/model"
)

// quotesTab is the Quotes tab: quotes grouped by speaker, speakers with
// most quotes first; enter jumps to the quote.
type quotesTab struct {
	common
	quotes  []model.Quote
	list    itemList
	width   int
	focused bool
}

func (q *quotesTab) setData(ann model.Annotations) {
	if sameQuotes(q.quotes, ann.Quotes) {
		return // a correction's preview keeps the quotes: 2 MB of them took 100 ms to draw again
	}
	q.quotes = ann.Quotes
	q.render()
}

// sameQuotes reports whether a and b hold the same quotes: the same slice
// (a correction's preview), or equal ones (the annotator's answer after a
// correction that did not change them; their texts are slices of the same
// body, so the comparison is quick).
func sameQuotes(a, b []model.Quote) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0] || slices.Equal(a, b))
}

// count is the number shown on the tab.
func (q *quotesTab) count() int { return len(q.quotes) }

// SetSize re-renders: quote lines are wrapped to the panel width.
func (q *quotesTab) SetSize(w, h int) tea.Cmd {
	q.list.setHeight(h)
	if w != q.width { // the panel sizes its tabs again on every annotation
		q.width = w
		q.render()
	}
	return nil
}

func (q *quotesTab) setFocused(f bool) { q.focused = f }

// render builds the speaker groups for the current width and styles; long
// quotes are cut to three lines (enter shows the whole one in the text).
func (q *quotesTab) render() {
	st := q.styles
	w := max(q.width-4, 8)
	var items []item
	for _, g := range model.QuotesBySpeaker(q.quotes) {
		s := g.Speaker
		if s == "" {
			s = "Unattributed"
		}
		items = append(items, item{lines: []string{st.Group.Render(fmt.Sprintf("%s (%d)", s, len(g.Quotes)))}})
		for _, i := range g.Quotes {
			lines := wrapText("“"+q.quotes[i].Text+"”", w)
			if len(lines) > 3 {
				lines = append(lines[:3:3], "…")
			}
			for j := range lines {
				lines[j] = "  " + st.Quote.Render(lines[j])
			}
			items = append(items, item{lines: lines, selectable: true, ref: i})
		}
	}
	if len(items) == 0 {
		items = append(items, item{lines: []string{st.Subtle.Render("No quote found in this article.")}})
	}
	cur := q.list.cursor
	q.list.setItems(items)
	if cur >= 0 && cur < len(items) && items[cur].selectable {
		q.list.cursor = cur
		q.list.follow()
	}
}

// Update moves between quotes; enter jumps to the quote and marks it.
func (q *quotesTab) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case articleOpenedMsg:
		q.setData(model.Annotations{})
	case annotatedMsg:
		q.setData(msg.ann)
	case themeMsg:
		q.render()
	case tea.KeyPressMsg:
		if h, _ := q.list.keys(q.keys.Panel, msg); h {
			return nil, nil
		}
		if key.Matches(msg, q.keys.Panel.Jump) && q.list.cursor >= 0 && len(q.quotes) > 0 {
			qt := q.quotes[q.list.items[q.list.cursor].ref]
			s := model.Span{Start: qt.Start, End: qt.End}
			return nil, jumpMsg{s, []model.Span{s}}
		}
	}
	return nil, nil
}

// View draws the visible quotes.
func (q *quotesTab) View() string { return q.list.View(q.width, q.styles, q.focused) }

// ShortHelp is the panel's most used bindings.
func (q *quotesTab) ShortHelp() []key.Binding { return q.FullHelp()[0] }

// FullHelp is the panel's bindings: every tab shares them.
func (q *quotesTab) FullHelp() [][]key.Binding { return q.keys.helpGroups(InPanel) }
