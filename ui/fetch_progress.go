package ui

import (
	"fmt"
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
// per feed with its spinner, its count of new items or its reason.
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
	tw := min(max(width/3, 12), 40)
	for i, r := range w.rows {
		if i == maxRows {
			lines = append(lines, st.Subtle.Render(fmt.Sprintf("   … and %d more", len(w.rows)-maxRows)))
			break
		}
		var mark, state string
		switch r.state {
		case feeds.RefreshFetching:
			mark, state = st.Title.Render(w.spinner.View()), st.Subtle.Render("fetching")
		case feeds.RefreshUpdated:
			mark, state = st.Title.Render("✓"), st.Meta.Render(plural(r.added, "new item", "new items"))
		case feeds.RefreshUnchanged:
			mark, state = st.Title.Render("✓"), st.Meta.Render("unchanged")
		case feeds.RefreshFailed:
			mark, state = st.Error.Render("✗"), st.Error.Render(r.reason)
		}
		title := ansi.Truncate(r.title, tw, "…")
		title += strings.Repeat(" ", tw-ansi.StringWidth(title))
		lines = append(lines, ansi.Truncate(" "+mark+" "+st.Text.Render(title)+"  "+state, width, "…"))
	}
	lines = append(lines, st.Border.Render(strings.Repeat("─", max(width, 1))))
	return strings.Join(lines, "\n")
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
