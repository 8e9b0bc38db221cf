package ui

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// item is one entry of a panel list: its lines for the current width, and
// whether the cursor can rest on it (group headers cannot).
type item struct {
	// lines are drawn as they are, or, when draw is set, are plain text
	// that draw styles as the line comes into view: a long list (thousands
	// of quotes in a 2 MB article) then costs one wrap per item when its
	// data or width changes, and styling only for the lines on screen.
	lines      []string
	draw       func(line string) string
	selectable bool
	ref        int // the pane's own index for the item
}

// itemList is the scrolling list under each panel tab. Items are laid out
// when data, width or theme change; View slices out the visible lines.
type itemList struct {
	items  []item
	starts []int // line where each item begins: View finds the first visible item by binary search
	total  int
	cursor int // index into items; -1 when nothing is selectable
	offset int // first visible line
	height int
}

func (l *itemList) setItems(items []item) {
	l.items = items
	l.starts = make([]int, len(items))
	l.total = 0
	for i, it := range items {
		l.starts[i] = l.total
		l.total += len(it.lines)
	}
	l.cursor, l.offset = -1, 0
	l.move(1)
}

// move steps the cursor to the next selectable item in direction d (±1);
// d = ±len(items) goes to the first or last selectable item.
func (l *itemList) move(d int) bool {
	n := len(l.items)
	if n == 0 {
		l.cursor = -1
		return false
	}
	i, step := l.cursor+d, 1
	switch {
	case d <= -n:
		i = 0
	case d >= n:
		i, step = n-1, -1
	case d < 0:
		step = -1
	}
	for i = min(max(i, 0), n-1); i >= 0 && i < n && !l.items[i].selectable; i += step {
	}
	if i < 0 || i >= n {
		if l.cursor >= 0 {
			return false // nothing selectable that way
		}
		for i = 0; i < n && !l.items[i].selectable; i++ {
		}
		if i == n {
			return false
		}
	}
	changed := i != l.cursor
	l.cursor = i
	l.follow()
	return changed
}

// keys moves the cursor by the panel's movement keys; it reports whether
// the key was one of them and whether the cursor moved.
func (l *itemList) keys(k PanelKeys, msg tea.KeyPressMsg) (handled, moved bool) {
	switch {
	case key.Matches(msg, k.Down):
		return true, l.move(1)
	case key.Matches(msg, k.Up):
		return true, l.move(-1)
	case key.Matches(msg, k.Top):
		return true, l.move(-len(l.items))
	case key.Matches(msg, k.Bottom):
		return true, l.move(len(l.items))
	}
	return false, false
}

func (l *itemList) follow() {
	if l.cursor < 0 || l.cursor >= len(l.items) {
		return
	}
	s := l.starts[l.cursor]
	e := s + len(l.items[l.cursor].lines)
	if s < l.offset {
		l.offset = s
	}
	if e > l.offset+l.height {
		l.offset = max(e-l.height, 0)
		if s < l.offset {
			l.offset = s
		}
	}
}

// setHeight sets the visible lines and keeps the cursor item in them.
func (l *itemList) setHeight(h int) { l.height = max(h, 1); l.follow() }

// View draws the visible lines, marking the cursor item with a bar.
func (l *itemList) View(width int, st *Styles, focused bool) string {
	if len(l.items) == 0 {
		return ""
	}
	first := sort.Search(len(l.items), func(i int) bool {
		return l.starts[i]+len(l.items[i].lines) > l.offset
	})
	bar := st.Subtle.Render("▌")
	if focused {
		bar = st.Title.Render("▌")
	}
	out := make([]string, 0, l.height)
	for i := first; i < len(l.items) && len(out) < l.height; i++ {
		for j, line := range l.items[i].lines {
			if l.starts[i]+j < l.offset {
				continue
			}
			if len(out) == l.height {
				break
			}
			prefix := " "
			if i == l.cursor {
				prefix = bar
			}
			if d := l.items[i].draw; d != nil {
				line = d(line)
			}
			out = append(out, prefix+ansi.Truncate(line, width-1, "…"))
		}
	}
	return strings.Join(out, "\n")
}

// followOffset is the first visible row of a list of rows perPage high
// after the cursor moved: the window scrolls only as far as needed to keep
// the cursor in view. The library and the links overlay both use it.
func followOffset(cursor, offset, perPage int) int {
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+perPage {
		offset = cursor - perPage + 1
	}
	return max(offset, 0)
}
