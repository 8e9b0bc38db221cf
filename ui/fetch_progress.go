package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/feeds"
)

// maxRows is how many feeds the progress block lists; the rest are counted.
const maxRows = 6

// height is the lines the progress block takes above the library.
func (w *network) height() int {
	if len(w.rows) == 0 {
		return 0
	}
	return 1 + min(len(w.rows), maxRows+1) + 1 // heading, rows (+ "more"), rule
}

// View draws the fetches in flight: a bar over all of them, then one line
// per feed with its spinner, its count of new items or its reason. When
// they do not all fit, the feeds being fetched come first, then the latest
// finished, then those waiting their turn (a refresh fetches four at a
// time).
func (w *network) View() string {
	st, width := w.styles, w.width
	if len(w.rows) == 0 {
		return ""
	}
	done := 0
	for _, r := range w.rows {
		if r.state != feeds.RefreshFetching {
			done++
		}
	}
	what := "fetching"
	if w.refreshing {
		what = "refreshing"
	}
	head := fmt.Sprintf(" %s %d/%d ", what, done, len(w.rows))
	// The bar is drawn by hand: bubbles' progress would pull in an
	// animation module for a bar that only ever jumps.
	const barWidth = 20
	filled := done * barWidth / len(w.rows)
	bar := st.Title.Render(strings.Repeat("━", filled)) + st.Border.Render(strings.Repeat("─", barWidth-filled))
	lines := []string{st.Title.Render(head) + bar + st.Subtle.Render("  esc cancels")}
	shown, more := w.rowsShown()
	type cell struct{ mark, title, state string }
	cells := make([]cell, len(shown))
	tw := 0 // the title column: as wide as the widest title that fits
	for i, r := range shown {
		c := &cells[i]
		switch {
		case r.state == feeds.RefreshFetching && !r.started:
			c.mark, c.state = st.Subtle.Render("·"), st.Subtle.Render("waiting")
		case r.state == feeds.RefreshFetching:
			c.mark, c.state = st.Title.Render(w.spinner.View()), st.Subtle.Render("fetching")
		case r.state == feeds.RefreshUpdated:
			c.mark, c.state = st.Title.Render("✓"), st.Meta.Render(plural(r.added, "new item", "new items"))
		case r.state == feeds.RefreshUnchanged:
			c.mark, c.state = st.Title.Render("✓"), st.Meta.Render("unchanged")
		case r.state == feeds.RefreshFailed:
			c.mark, c.state = st.Error.Render("✗"), st.Error.Render(r.reason)
		}
		c.title = r.title
		tw = max(tw, ansi.StringWidth(r.title))
	}
	// A title (often a URL) gets the width the state leaves it, never
	// less than a third of the line: the states are short but a reason
	// can be long, and it is cut instead.
	tw = min(tw, max(width-3-2-18, width/3, 8))
	for _, c := range cells {
		title := ansi.Truncate(c.title, tw, "…")
		title += strings.Repeat(" ", tw-ansi.StringWidth(title))
		lines = append(lines, ansi.Truncate(" "+c.mark+" "+st.Text.Render(title)+"  "+c.state, width, "…"))
	}
	if more > 0 {
		lines = append(lines, st.Subtle.Render(fmt.Sprintf("   … and %d more", more)))
	}
	lines = append(lines, st.Border.Render(strings.Repeat("─", max(width, 1))))
	return strings.Join(lines, "\n")
}

// rowsShown are the rows the block lists, at most maxRows, in the order
// View gives, and how many more there are.
func (w *network) rowsShown() ([]fetchRow, int) {
	if len(w.rows) <= maxRows+1 {
		return w.rows, 0 // all fit ("… and 1 more" would take the row it saves): they keep their places
	}
	var fetching, finished, waiting []fetchRow
	for _, r := range w.rows {
		switch {
		case r.state == feeds.RefreshFetching && r.started:
			fetching = append(fetching, r)
		case r.state == feeds.RefreshFetching:
			waiting = append(waiting, r)
		default:
			finished = append(finished, r)
		}
	}
	slices.SortStableFunc(finished, func(a, b fetchRow) int { return b.done - a.done }) // latest first
	all := append(append(fetching, finished...), waiting...)
	return all[:maxRows], len(all) - maxRows
}

// SetSize gives the block its width; its height is its rows.
func (w *network) SetSize(width, _ int) tea.Cmd { w.width = width; return nil }

// ShortHelp is empty: r and esc are the root's (listed with the library).
func (w *network) ShortHelp() []key.Binding { return nil }

// FullHelp is empty, as ShortHelp.
func (w *network) FullHelp() [][]key.Binding { return nil }

// statusLine is the status bar's note of what is in flight.
func (w *network) statusLine(onReader bool) string {
	if onReader && w.loadGen != 0 {
		return w.spinner.View() + " fetching the full article · esc cancels"
	}
	if w.pending > 0 {
		done := 0
		for _, r := range w.rows {
			if r.state != feeds.RefreshFetching {
				done++
			}
		}
		what := "fetching"
		if w.refreshing {
			what = "refreshing"
		}
		return fmt.Sprintf("%s %s %d/%d · esc in the library cancels", w.spinner.View(), what, done, len(w.rows))
	}
	return ""
}
