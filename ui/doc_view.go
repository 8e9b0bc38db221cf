package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// docView is a window of height lines onto a drawn document, scrolled by
// the reader's scroll keys: the brief's and the export preview's. Its
// owner draws the lines (in a Cmd) and clamps after setting them.
type docView struct {
	lines  []string
	offset int // the first line shown
	height int
}

// scroll moves the window by a scroll key of r; other keys do nothing.
func (d *docView) scroll(msg tea.KeyPressMsg, r ReaderKeys) {
	page := max(d.height-1, 1)
	d.offset, _ = scrolled(msg, r, d.offset, page, max(page/2, 1), len(d.lines))
	d.clamp()
}

// scrolled is offset moved by a scroll key of r (the reader's, the help's,
// a docView's): a line, a page, half (what each calls half a page), or to
// the top or bottom; ok is false, offset kept, for any other key. The
// caller clamps.
func scrolled(msg tea.KeyPressMsg, r ReaderKeys, offset, page, half, bottom int) (_ int, ok bool) {
	switch {
	case key.Matches(msg, r.Down):
		return offset + 1, true
	case key.Matches(msg, r.Up):
		return offset - 1, true
	case key.Matches(msg, r.PageDown):
		return offset + page, true
	case key.Matches(msg, r.PageUp):
		return offset - page, true
	case key.Matches(msg, r.HalfDown):
		return offset + half, true
	case key.Matches(msg, r.HalfUp):
		return offset - half, true
	case key.Matches(msg, r.Top):
		return 0, true
	case key.Matches(msg, r.Bottom):
		return bottom, true
	}
	return offset, false
}

// clamp keeps the window on the lines: no blank rows below the last
// while there are lines above.
func (d *docView) clamp() { d.offset = max(0, min(d.offset, len(d.lines)-d.height)) }

// view is the lines in the window; it renders nothing.
func (d *docView) view() string {
	end := min(d.offset+d.height, len(d.lines))
	return strings.Join(d.lines[d.offset:end], "\n")
}

// position is where the window is, as the reader's and the help's say it.
func (d *docView) position() string { return position(d.offset, len(d.lines)-d.height) }

// position says where a window onto a longer text is, as vim's ruler and
// less's prompt do: All when it all fits, Top and Bot at the ends, else how
// far down it has scrolled (1% to 99%). top is the first line shown,
// maxTop the last line that can be first.
func position(top, maxTop int) string {
	switch {
	case maxTop <= 0:
		return "All"
	case top <= 0:
		return "Top"
	case top >= maxTop:
		return "Bot"
	}
	return fmt.Sprintf("%d%%", min(max(top*100/maxTop, 1), 99))
}
