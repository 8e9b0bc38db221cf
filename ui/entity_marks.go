package ui

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"charm.land/lipgloss/v2"

	"newsmark/model"
)

// Entity marks: the reader's inline colouring of companies, people, places,
// figures and quotes, with search matches, jump marks, the reader's kept
// highlights and the selection layered over them, drawn per screen line
// from byte offsets.

// markKind is what an inline highlight marks.
type markKind uint8

const (
	kindCompany markKind = iota
	kindPerson
	kindPlace
	kindFigure
	kindQuote
	numKinds
)

// mark is one highlighted byte range of the body.
type mark struct {
	Start, End int
	kind       markKind
	entity     int32 // index into Annotations.Entities; -1 for quotes
}

// annIndex is the annotations arranged for drawing: two layers, each sorted
// by Start and free of overlaps, so the marks on a screen line are found by
// binary search. Built once per article in the annotate Cmd.
type annIndex struct {
	entities []mark
	quotes   []mark
}

func entityKind(k model.EntityKind) markKind {
	switch k {
	case model.Company:
		return kindCompany
	case model.Person:
		return kindPerson
	case model.Place:
		return kindPlace
	default:
		return kindFigure
	}
}

// buildIndex drops spans outside the body or overlapping an earlier, longer one.
func buildIndex(ann model.Annotations, bodyLen int) annIndex {
	var ix annIndex
	for i, e := range ann.Entities {
		for _, s := range e.Mentions {
			if s.Start >= 0 && s.End <= bodyLen && s.Start < s.End {
				ix.entities = append(ix.entities, mark{s.Start, s.End, entityKind(e.Kind), int32(i)})
			}
		}
	}
	for _, q := range ann.Quotes {
		if q.Start >= 0 && q.End <= bodyLen && q.Start < q.End {
			ix.quotes = append(ix.quotes, mark{q.Start, q.End, kindQuote, -1})
		}
	}
	ix.entities = flatten(ix.entities)
	ix.quotes = flatten(ix.quotes)
	return ix
}

func flatten(ms []mark) []mark {
	// Longest first at a start, then in entity order as they were added:
	// the order a stable sort by (Start, -End) gives, at a third of the
	// cost on the 43,000 mentions of a 2 MB article.
	slices.SortFunc(ms, func(a, b mark) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		if a.End != b.End {
			return cmp.Compare(b.End, a.End)
		}
		return cmp.Compare(a.entity, b.entity)
	})
	out := ms[:0]
	end := -1
	for _, m := range ms {
		if m.Start >= end {
			out = append(out, m)
			end = m.End
		}
	}
	return out
}

// overlapping returns the marks of sorted, non-overlapping ms that meet [start, end).
func overlapping(ms []mark, start, end int) []mark {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].End > start })
	j := i
	for j < len(ms) && ms[j].Start < end {
		j++
	}
	return ms[i:j]
}

// spansOverlapping does the same for sorted, non-overlapping spans.
func spansOverlapping(ss []model.Span, start, end int) []model.Span {
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > start })
	j := i
	for j < len(ss) && ss[j].Start < end {
		j++
	}
	return ss[i:j]
}

// layer priority, lowest first: a later layer draws over an earlier one.
const (
	layerHighlight = iota
	layerQuote
	layerEntity
	layerSelected
	layerMark
	layerMatch
	layerCurrent
	layerSelection
	numLayers
)

// lineDecor is what the reader draws over the body: everything is byte
// offsets into the body, and only the visible lines look at it.
type lineDecor struct {
	ix       annIndex
	show     [numKinds]bool
	selected int32        // entity whose mentions stand out, -1 none
	marks    []model.Span // the jump target (venture evidence, a quote), sorted
	matches  []model.Span // search matches, sorted
	current  int          // index into matches of the current match, -1 none
	// highlights are the reader's kept passages (notes), sorted and not
	// overlapping; drawn under the entity styles.
	highlights []model.Span
	// selection is the passage being selected (notes), drawn over all;
	// empty when Start == End.
	selection model.Span
	// markup is the article's structure (markup.go), drawn under all.
	markup []markupSeg
}

// seg is one styled piece of a line, in bytes of the body.
type seg struct {
	start, end int
	layer      int
	style      sgr
}

// sgr is a style as the escape sequences around a single-line run of text,
// taken once from lipgloss so drawing a highlight is two string writes
// (lipgloss.Style.Render re-parses the text on every call).
type sgr struct{ open, close string }

// on is text drawn in the style: what Render gives for one line of plain
// text with no tabs (wrapText's lines).
func (s sgr) on(text string) string { return s.open + text + s.close }

func sgrOf(st lipgloss.Style) sgr {
	r := st.Render("X")
	i := strings.IndexByte(r, 'X')
	if i < 0 {
		return sgr{}
	}
	return sgr{r[:i], r[i+1:]}
}

// decorate styles screen line i of w: it gathers the marks meeting the
// line (byte offsets, through the wrap's line map), cuts the line at their
// edges and gives each piece the style of its top layer, over the style of
// the article's structure; the wrap's inserts (link numbers) are drawn
// after the byte they follow.
// Cost: O(log marks + marks on the line + line length).
func decorate(w *Wrapped, i int, d *lineDecor, st *Styles, buf []seg) (string, []seg) {
	text := w.Text(i)
	l := w.Lines[i]
	if l.Start == l.End {
		return text, buf
	}
	segs := buf[:0]
	for _, s := range spansOverlapping(d.highlights, l.Start, l.End) {
		segs = append(segs, seg{s.Start, s.End, layerHighlight, st.spanHighlight})
	}
	if d.selection.Start < d.selection.End && d.selection.Start < l.End && l.Start < d.selection.End {
		segs = append(segs, seg{d.selection.Start, d.selection.End, layerSelection, st.spanSelection})
	}
	if d.show[kindQuote] {
		for _, m := range overlapping(d.ix.quotes, l.Start, l.End) {
			segs = append(segs, seg{m.Start, m.End, layerQuote, st.spans[kindQuote]})
		}
	}
	for _, m := range overlapping(d.ix.entities, l.Start, l.End) {
		if m.entity == d.selected && d.selected >= 0 {
			segs = append(segs, seg{m.Start, m.End, layerSelected, st.spanSelected})
		} else if d.show[m.kind] {
			segs = append(segs, seg{m.Start, m.End, layerEntity, st.spans[m.kind]})
		}
	}
	for _, s := range spansOverlapping(d.marks, l.Start, l.End) {
		segs = append(segs, seg{s.Start, s.End, layerMark, st.spanMark})
	}
	for _, s := range spansOverlapping(d.matches, l.Start, l.End) {
		layer, style := layerMatch, st.spanMatch
		if d.current >= 0 && d.current < len(d.matches) && d.matches[d.current] == s {
			layer, style = layerCurrent, st.spanCurrent
		}
		segs = append(segs, seg{s.Start, s.End, layer, style})
	}
	markup := markupOverlapping(d.markup, l.Start, l.End)
	inserts := w.insertsIn(l.Start+1, l.End)
	if len(segs) == 0 && len(markup) == 0 && len(inserts) == 0 {
		return text, segs
	}
	// Cut points: the line's edges and every segment edge inside it.
	var cutsArr [64]int
	cuts := append(cutsArr[:0], l.Start, l.End)
	for _, s := range segs {
		cuts = append(cuts, max(s.start, l.Start), min(s.end, l.End))
	}
	for _, m := range markup {
		cuts = append(cuts, max(m.Start, l.Start), min(m.End, l.End))
	}
	for _, in := range inserts {
		cuts = append(cuts, in.off)
	}
	sort.Ints(cuts)
	// Each piece between cuts takes the style of its top layer. The pieces
	// are cut by byte offset straight from the line (lipgloss.StyleRanges
	// would re-measure the whole line per range: most of a frame's cost).
	var b strings.Builder
	b.Grow(len(text) * 2)
	mk, next := 0, 0 // the markup piece and the insert reached
	for k := 0; k+1 < len(cuts); k++ {
		a, e := cuts[k], cuts[k+1]
		if a == e {
			continue
		}
		piece := text[a-l.Start : e-l.Start]
		// Every style closes with a full reset, so the structure's
		// attributes open first and the top style adds to them.
		closeMarkup := ""
		if bits := markupAt(markup, &mk, a); bits != 0 {
			for bit := range numMarkupStyles {
				if bits&(1<<bit) != 0 && st.spanMarkup[bit].open != "" {
					b.WriteString(st.spanMarkup[bit].open)
					closeMarkup = st.spanMarkup[bit].close
				}
			}
		}
		// A kept highlight and the selection are backgrounds: they
		// combine with the top style instead of replacing it, so an
		// entity inside one keeps its colour (opened after the kept
		// highlight, before the selection, so the selection's wins).
		top := -1
		var style sgr
		kept, selected := false, false
		for _, s := range segs {
			if s.start > a || s.end < e {
				continue
			}
			switch s.layer {
			case layerSelection:
				selected = true
				continue
			case layerHighlight:
				kept = true
			}
			if s.layer > top {
				top, style = s.layer, s.style
			}
		}
		switch {
		case top < 0 && !selected:
			b.WriteString(piece + closeMarkup)
		default:
			if kept && top != layerHighlight {
				b.WriteString(st.spanHighlight.open)
			}
			if top >= 0 {
				b.WriteString(style.open)
			}
			if selected {
				b.WriteString(st.spanSelection.open)
			}
			b.WriteString(piece)
			if selected {
				b.WriteString(st.spanSelection.close)
			} else {
				b.WriteString(style.close)
			}
		}
		for ; next < len(inserts) && inserts[next].off <= e; next++ {
			b.WriteString(st.spanLinkMark.open + inserts[next].text + st.spanLinkMark.close)
		}
	}
	return b.String(), segs
}

func kindStyle(st *Styles, k markKind) lipgloss.Style {
	switch k {
	case kindCompany:
		return st.Company
	case kindPerson:
		return st.Person
	case kindPlace:
		return st.Place
	case kindQuote:
		return st.Quote
	default:
		return st.Figure
	}
}
