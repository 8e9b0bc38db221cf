package ui

import (
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Line is one screen line of a wrapped body: the half-open byte range
// [Start, End) of Article.Body it shows. Trailing spaces at a soft break and
// the newline of a hard break are outside every line.
type Line struct {
	Start, End int
}

// Wrapped is a body wrapped to one width: the offset→line/column map that
// highlights, search matches and jumps draw through. It is built once per
// (article, width) off the key path and never changes after.
type Wrapped struct {
	Width int
	Lines []Line
	body  string
	// inserts are drawn into the lines without being part of the body
	// (link numbers); the wrap leaves room for them. Sorted by offset.
	inserts []insert
}

// insert is text drawn after body[:off] that the body does not hold: a
// link's "[3]". It sticks to the text before it, so off follows a
// non-space byte; the line that holds body[off-1] draws it.
type insert struct {
	off   int
	text  string
	width int
}

// Wrap word-wraps body to width cells. Widths are grapheme widths as the
// terminal draws them (x/ansi), so CJK and emoji take two cells; a word wider
// than the line is broken hard at a grapheme boundary. Each "\n" is a hard
// break and a blank line stays blank. Tabs count as one cell (drawn as a space).
func Wrap(body string, width int) Wrapped { return wrapWith(body, width, nil) }

// wrapWith is Wrap leaving room for inserts (sorted by offset) after the
// text they follow: a word ending in a link keeps its number on its line.
func wrapWith(body string, width int, inserts []insert) Wrapped {
	if width < 1 {
		width = 1
	}
	w := Wrapped{Width: width, body: body, inserts: inserts, Lines: make([]Line, 0, len(body)/max(width, 1)+8)}
	next := 0 // the first insert not yet passed
	start := 0
	for start <= len(body) {
		nl := strings.IndexByte(body[start:], '\n')
		end := len(body)
		if nl >= 0 {
			end = start + nl
		}
		next = w.wrapHard(start, end, next)
		if nl < 0 {
			break
		}
		start = end + 1
	}
	return w
}

// wrapHard wraps body[start:end], which holds no newline, greedily: words
// go on the line while they fit, a word wider than the whole line is broken
// at grapheme boundaries, and the spaces at a soft break belong to no line.
// A word's width counts the inserts inside it or at its end; next is the
// first insert not passed yet, and the one after the text is returned.
func (w *Wrapped) wrapHard(start, end, next int) int {
	s := w.body
	lineStart, col := start, 0
	lastEnd := start // end of the last text placed on the current line
	i := start
	for i < end {
		// The run of spaces before the next word (none at the hard line's start:
		// indentation there is kept as if it were a word).
		sp := i
		if i > start {
			for i < end && (s[i] == ' ' || s[i] == '	') {
				i++
			}
		}
		spaceW := i - sp
		if i >= end {
			break
		}
		// The word: up to the next space (or the indentation run at the start).
		ws := i
		isIndent := s[i] == ' ' || s[i] == '\t'
		ww := 0
		for i < end {
			c := s[i]
			if (c == ' ' || c == '\t') != isIndent {
				break
			}
			_, gw, n := grapheme(s[i:end])
			ww += gw
			i += n
			for next < len(w.inserts) && w.inserts[next].off <= i {
				if w.inserts[next].off == i {
					ww += w.inserts[next].width
				}
				next++
			}
		}
		if col > 0 && col+spaceW+ww > w.Width {
			w.Lines = append(w.Lines, Line{lineStart, lastEnd})
			lineStart, col = ws, 0
		} else if col > 0 {
			col += spaceW
		}
		if col+ww <= w.Width {
			col += ww
			lastEnd = i
			continue
		}
		// Too wide for any line: break it hard, keeping each insert on the
		// line of the grapheme it follows.
		for j := ws; j < i; {
			_, gw, n := grapheme(s[j:i])
			if len(w.inserts) > 0 {
				gw += w.insertWidth(j+n, j+n)
			}
			if col+gw > w.Width && col > 0 {
				w.Lines = append(w.Lines, Line{lineStart, j})
				lineStart, col = j, 0
			}
			col += gw
			j += n
		}
		lastEnd = i
	}
	w.Lines = append(w.Lines, Line{lineStart, lastEnd})
	return next
}

// grapheme returns the first grapheme cluster of s, its width in cells and
// its length in bytes; ASCII takes a fast path. Tabs count one cell.
func grapheme(s string) (string, int, int) {
	if s[0] < 0x80 {
		return s[:1], 1, 1
	}
	g, gw := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
	if g == "" {
		return s[:1], 1, 1
	}
	return g, gw, len(g)
}

// colOf is the width of body[from:to] as drawn, with the inserts after
// its bytes.
func (w *Wrapped) colOf(from, to int) int {
	n := textWidth(w.body[from:to])
	if len(w.inserts) > 0 && from < to {
		n += w.insertWidth(from+1, to)
	}
	return n
}

// insertsIn is the inserts at offsets lo..hi, both included.
func (w *Wrapped) insertsIn(lo, hi int) []insert {
	i := sort.Search(len(w.inserts), func(i int) bool { return w.inserts[i].off >= lo })
	j := i
	for j < len(w.inserts) && w.inserts[j].off <= hi {
		j++
	}
	return w.inserts[i:j]
}

// insertWidth is the width of the inserts at offsets lo..hi.
func (w *Wrapped) insertWidth(lo, hi int) int {
	n := 0
	for _, in := range w.insertsIn(lo, hi) {
		n += in.width
	}
	return n
}

// textWidth is the cell width of plain text, tabs counting one cell.
func textWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		_, gw, l := grapheme(s[i:])
		n += gw
		i += l
	}
	return n
}

// LineOf returns the index of the screen line showing byte offset off (or
// the nearest line before it when off falls in a gap such as a newline).
func (w Wrapped) LineOf(off int) int {
	i := sort.Search(len(w.Lines), func(i int) bool { return w.Lines[i].Start > off })
	if i == 0 {
		return 0
	}
	return i - 1
}

// Pos returns the screen line and column of byte offset off.
func (w Wrapped) Pos(off int) (line, col int) {
	line = w.LineOf(off)
	if len(w.Lines) == 0 {
		return 0, 0
	}
	l := w.Lines[line]
	off = min(max(off, l.Start), l.End)
	return line, w.colOf(l.Start, off)
}

// Text is the text of screen line i as drawn: tabs become spaces so byte
// offsets and columns stay in step.
func (w Wrapped) Text(i int) string {
	l := w.Lines[i]
	t := w.body[l.Start:l.End]
	if strings.IndexByte(t, '\t') >= 0 {
		t = strings.ReplaceAll(t, "\t", " ")
	}
	return t
}
