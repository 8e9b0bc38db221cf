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
	// layout counts the layouts asked for: one is asked for whenever the
	// quotes or the width change, and a result of an older one is dropped.
	layout int
}

// quotesLaidOutMsg is the Quotes tab's list laid out off the UI goroutine.
type quotesLaidOutMsg struct {
	layout int
	items  []item
}

// asyncQuotes is the number of quotes from which the list is laid out in a
// tea.Cmd: a 2 MB article has thousands, and wrapping each took tens of
// milliseconds on the UI goroutine. Fewer are laid out at once, so a short
// article's tab is filled in the same frame.
const asyncQuotes = 300

func (q *quotesTab) setData(ann model.Annotations) tea.Cmd {
	if sameQuotes(q.quotes, ann.Quotes) {
		return nil // a correction's preview keeps the quotes, and the annotator's answer mostly
	}
	q.quotes = ann.Quotes
	return q.relayout()
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

// SetSize lays the list out again when the width changes: quote lines are
// wrapped to the panel width.
func (q *quotesTab) SetSize(w, h int) tea.Cmd {
	q.list.setHeight(h)
	if w == q.width {
		return nil
	}
	q.width = w
	return q.relayout()
}

func (q *quotesTab) setFocused(f bool) { q.focused = f }

// relayout lays the list out for the current quotes and width: at once for
// a few quotes, else in a tea.Cmd (the list keeps showing the last layout).
func (q *quotesTab) relayout() tea.Cmd {
	q.layout++
	qs, w, n, draw, head := q.quotes, max(q.width-4, 8), q.layout, q.drawLine, q.drawGroup
	if len(qs) < asyncQuotes {
		q.setItems(layoutQuotes(qs, w, draw, head))
		return nil
	}
	return func() tea.Msg { return quotesLaidOutMsg{n, layoutQuotes(qs, w, draw, head)} }
}

// layoutQuotes is the speaker groups wrapped to w cells, as plain text
// that draw (a quote line) and head (a group heading) style as it comes
// into view; long quotes are cut to three lines (enter shows the whole one
// in the text). It reads nothing but its arguments: it runs in a Cmd.
func layoutQuotes(qs []model.Quote, w int, draw, head func(string) string) []item {
	var items []item
	for _, g := range model.QuotesBySpeaker(qs) {
		s := g.Speaker
		if s == "" {
			s = "Unattributed"
		}
		items = append(items, item{lines: []string{fmt.Sprintf("%s (%d)", s, len(g.Quotes))}, draw: head})
		for _, i := range g.Quotes {
			lines := wrapText("“"+qs[i].Text+"”", w)
			if len(lines) > 3 {
				lines = append(lines[:3:3], "…")
			}
			items = append(items, item{lines: lines, draw: draw, selectable: true, ref: i})
		}
	}
	if len(items) == 0 {
		items = append(items, item{lines: []string{"No quote found in this article."}, draw: head})
	}
	return items
}

// setItems shows a layout, keeping the cursor where it was.
func (q *quotesTab) setItems(items []item) {
	cur := q.list.cursor
	q.list.setItems(items)
	if cur >= 0 && cur < len(items) && items[cur].selectable {
		q.list.cursor = cur
		q.list.follow()
	}
}

// drawLine styles a line of a quote as it comes into view (wrapText has
// turned tabs into spaces, so the escape pair is all Render would add).
func (q *quotesTab) drawLine(l string) string {
	s := q.styles.spans[kindQuote]
	return "  " + s.open + l + s.close
}

// drawGroup styles a speaker's heading, or the line saying there is none.
func (q *quotesTab) drawGroup(l string) string {
	if len(q.quotes) == 0 {
		return q.styles.Subtle.Render(l)
	}
	return q.styles.Group.Render(l)
}

// Update moves between quotes; enter jumps to the quote and marks it.
func (q *quotesTab) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case articleOpenedMsg:
		return q.setData(model.Annotations{}), nil
	case annotatedMsg:
		return q.setData(msg.ann), nil
	case quotesLaidOutMsg:
		if msg.layout == q.layout {
			q.setItems(msg.items)
		}
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
