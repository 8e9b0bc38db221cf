package ui

import (
	"sort"

	"newsmark/model"
)

// cursorState is the reader's sentence cursor and selection. Everything is
// byte offsets into Article.Body and indices into Article.Sentences.
type cursorState struct {
	// sent is the sentence the cursor was last moved to. It only counts
	// while that sentence is on screen: otherwise the cursor is the first
	// sentence on screen, so it follows scrolling without being moved.
	sent int
	// shown is set once the cursor is used ( ")", "(", v ): only then is
	// its bar drawn, so an article opens looking as it is.
	shown bool
	// selecting is true in selection mode (after v).
	selecting bool
	// anchor is the sentence the selection started on; head is the moving
	// end. The selection is [anchor.Start, head) while head is after
	// anchor.Start, else [head, anchor.End): w/b can shrink it inside the
	// first sentence and it can grow either way.
	anchor model.Span
	head   int
	// highlights are the article's stored highlights, for "the highlight
	// at the cursor" (orphans included; they never overlap a sentence).
	highlights []model.Highlight
}

// visibleBytes is the byte range of the body shown on screen.
func (r *readerPane) visibleBytes() (int, int) {
	ls := r.wrapped.Lines
	if len(ls) == 0 || r.offset >= len(ls) {
		return 0, 0
	}
	last := min(r.offset+r.bodyHeight(), len(ls)) - 1
	return ls[r.offset].Start, ls[last].End
}

// cursorIndex is the sentence under the cursor, -1 when the article has
// none (or is not wrapped yet).
func (r *readerPane) cursorIndex() int {
	ss := r.article.Sentences
	if len(ss) == 0 || len(r.wrapped.Lines) == 0 {
		return -1
	}
	vs, ve := r.visibleBytes()
	if c := r.cur.sent; c >= 0 && c < len(ss) && ss[c].Start < ve && ss[c].End > vs {
		return c
	}
	// The first sentence starting on screen, else the one running into it.
	i := sort.Search(len(ss), func(i int) bool { return ss[i].Start >= vs })
	if i < len(ss) && ss[i].Start < ve {
		return i
	}
	if i > 0 && ss[i-1].End > vs {
		return i - 1
	}
	return min(i, len(ss)-1)
}

// cursorSpan is the sentence under the cursor.
func (r *readerPane) cursorSpan() (model.Span, bool) {
	c := r.cursorIndex()
	if c < 0 {
		return model.Span{}, false
	}
	return r.article.Sentences[c], true
}

// moveCursor moves the sentence cursor by dir sentences and scrolls it
// into view; it reports whether it moved.
func (r *readerPane) moveCursor(dir int) bool {
	c := r.cursorIndex()
	if c < 0 {
		return false
	}
	n := min(max(c+dir, 0), len(r.article.Sentences)-1)
	r.cur.sent, r.cur.shown = n, true
	r.showOffset(r.article.Sentences[n].Start)
	return n != c
}

// showOffset scrolls as little as needed to bring byte offset off on screen.
func (r *readerPane) showOffset(off int) {
	line := r.wrapped.LineOf(off)
	switch {
	case line < r.offset:
		r.offset = line
	case line >= r.offset+r.bodyHeight():
		r.offset = line - r.bodyHeight() + 1
	}
	r.clamp()
}

// startSelection enters selection mode on the cursor's sentence.
func (r *readerPane) startSelection() bool {
	s, ok := r.cursorSpan()
	if !ok {
		return false
	}
	r.cur.selecting, r.cur.anchor, r.cur.head = true, s, s.End
	r.cur.shown = true
	r.setSelection(r.selection())
	return true
}

// cancelSelection leaves selection mode; it reports whether one was active.
func (r *readerPane) cancelSelection() bool {
	if !r.cur.selecting {
		return false
	}
	r.cur.selecting = false
	r.setSelection(model.Span{})
	return true
}

// selection is the selected byte range.
func (r *readerPane) selection() model.Span {
	a, h := r.cur.anchor, r.cur.head
	if h > a.Start {
		return model.Span{Start: a.Start, End: h}
	}
	return model.Span{Start: h, End: a.End}
}

// target is what h, a and y act on: the selection, else the cursor's sentence.
func (r *readerPane) target() (model.Span, bool) {
	if r.cur.selecting {
		return r.selection(), true
	}
	return r.cursorSpan()
}

// unit is a step of the selection: a sentence or a word.
type unit int

const (
	bySentence unit = iota
	byWord
)

// extend moves the selection's head one unit in direction dir (±1) and
// keeps it in view; it reports whether the selection changed.
func (r *readerPane) extend(u unit, dir int) bool {
	if !r.cur.selecting {
		return false
	}
	as, ae, h := r.cur.anchor.Start, r.cur.anchor.End, r.cur.head
	t := -1
	if dir > 0 {
		if h > as {
			t = r.nextEnd(u, h)
		} else if t = r.nextStart(u, h); t < 0 || t > as {
			t = r.nextEnd(u, ae) // past the anchor: grow forward instead
		}
	} else {
		if h > as {
			if t = r.prevEnd(u, h); t <= as {
				t = r.prevStart(u, as) // back to the anchor: grow backward instead
			}
		} else {
			t = r.prevStart(u, h)
		}
	}
	if t < 0 || t == h {
		return false
	}
	r.cur.head = t
	sel := r.selection()
	r.setSelection(sel)
	// The cursor follows the head, so it stays where the selection grew.
	ss := r.article.Sentences
	show := t
	if t > as {
		show = max(t-1, 0)
	}
	r.cur.sent = min(sort.Search(len(ss), func(i int) bool { return ss[i].End > show }), len(ss)-1)
	r.showOffset(show)
	return true
}

func isBlank(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// The unit boundaries around byte offset p; -1 when there is none. Word
// boundaries are ASCII white space, so they always fall on rune boundaries.
func (r *readerPane) nextEnd(u unit, p int) int {
	b := r.article.Body
	if u == bySentence {
		ss := r.article.Sentences
		i := sort.Search(len(ss), func(i int) bool { return ss[i].End > p })
		if i == len(ss) {
			return -1
		}
		return ss[i].End
	}
	i := p
	for i < len(b) && isBlank(b[i]) {
		i++
	}
	for i < len(b) && !isBlank(b[i]) {
		i++
	}
	if i == p || i > len(b) {
		return -1
	}
	return i
}

func (r *readerPane) nextStart(u unit, p int) int {
	b := r.article.Body
	if u == bySentence {
		ss := r.article.Sentences
		i := sort.Search(len(ss), func(i int) bool { return ss[i].Start > p })
		if i == len(ss) {
			return -1
		}
		return ss[i].Start
	}
	i := p
	for i < len(b) && !isBlank(b[i]) {
		i++
	}
	for i < len(b) && isBlank(b[i]) {
		i++
	}
	if i == p || i >= len(b) {
		return -1
	}
	return i
}

func (r *readerPane) prevStart(u unit, p int) int {
	b := r.article.Body
	if u == bySentence {
		ss := r.article.Sentences
		i := sort.Search(len(ss), func(i int) bool { return ss[i].Start >= p })
		if i == 0 {
			return -1
		}
		return ss[i-1].Start
	}
	i := p
	for i > 0 && isBlank(b[i-1]) {
		i--
	}
	for i > 0 && !isBlank(b[i-1]) {
		i--
	}
	if i == p {
		return -1
	}
	return i
}

func (r *readerPane) prevEnd(u unit, p int) int {
	b := r.article.Body
	if u == bySentence {
		ss := r.article.Sentences
		i := sort.Search(len(ss), func(i int) bool { return ss[i].End >= p })
		if i == 0 {
			return -1
		}
		return ss[i-1].End
	}
	i := p
	for i > 0 && !isBlank(b[i-1]) {
		i--
	}
	for i > 0 && isBlank(b[i-1]) {
		i--
	}
	if i == p || i == 0 {
		return -1
	}
	return i
}

// highlightAt is the stored highlight under the cursor (or the selection):
// the first placed one overlapping it.
func (r *readerPane) highlightAt() (model.Highlight, bool) {
	s, ok := r.target()
	if !ok {
		return model.Highlight{}, false
	}
	for _, h := range r.cur.highlights {
		if !h.Orphan && h.Start < s.End && s.Start < h.End {
			return h, true
		}
	}
	return model.Highlight{}, false
}
