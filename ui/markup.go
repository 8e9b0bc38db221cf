package ui

import (
	"sort"
	"strconv"

	"newsmark/model"
)

// The article's structure as the reader draws it: headings, emphasis, code
// and link texts styled under the entity highlights, and each link's number
// ("[3]", as newsboat and w3m show them) drawn after its text. None of it is
// in the body: offsets of highlights, selections and search stay the same.

// markupBits says which structure styles a piece of text takes.
type markupBits uint8

const (
	bitHeading      markupBits = 1 << iota // level 1 or 2
	bitSubheading                          // level 3 to 6
	bitStrong                              // **bold**
	bitEmphasis                            // *italic*
	bitCode                                // `code`
	bitLink                                // a link's text
	numMarkupStyles = iota
)

// markupSeg is a range of the body with the structure styles it takes;
// a list of them is sorted and free of overlaps (nested markup is folded
// into the bits of each piece).
type markupSeg struct {
	Start, End int
	bits       markupBits
}

func markupBit(m model.Markup) markupBits {
	switch m.Kind {
	case model.MarkupHeading:
		if m.N <= 2 {
			return bitHeading
		}
		return bitSubheading
	case model.MarkupStrong:
		return bitStrong
	case model.MarkupEmphasis:
		return bitEmphasis
	case model.MarkupCode:
		return bitCode
	case model.MarkupLink:
		return bitLink
	}
	return 0
}

// flattenMarkup folds nested markup into sorted, non-overlapping pieces:
// one sweep over the span edges, counting how many spans of each style
// cover the text between two edges.
func flattenMarkup(ms []model.Markup, bodyLen int) []markupSeg {
	type edge struct {
		at   int
		bit  markupBits
		open bool
	}
	edges := make([]edge, 0, 2*len(ms))
	for _, m := range ms {
		if b := markupBit(m); b != 0 && m.Start >= 0 && m.Start < m.End && m.End <= bodyLen {
			edges = append(edges, edge{m.Start, b, true}, edge{m.End, b, false})
		}
	}
	sort.SliceStable(edges, func(i, j int) bool { return edges[i].at < edges[j].at })
	var out []markupSeg
	var count [numMarkupStyles]int
	for i := 0; i < len(edges); {
		at := edges[i].at
		for ; i < len(edges) && edges[i].at == at; i++ {
			k := bitIndex(edges[i].bit)
			if edges[i].open {
				count[k]++
			} else {
				count[k]--
			}
		}
		if i == len(edges) {
			break
		}
		var bits markupBits
		for k, c := range count {
			if c > 0 {
				bits |= 1 << k
			}
		}
		if bits == 0 {
			continue
		}
		next := edges[i].at
		if n := len(out); n > 0 && out[n-1].End == at && out[n-1].bits == bits {
			out[n-1].End = next
		} else {
			out = append(out, markupSeg{at, next, bits})
		}
	}
	return out
}

func bitIndex(b markupBits) int {
	k := 0
	for b > 1 {
		b >>= 1
		k++
	}
	return k
}

// linkInserts are the link numbers drawn after the links' texts: "[n]"
// after the last byte of link n (a link cut over two paragraphs is
// numbered once, at its end).
func linkInserts(ms []model.Markup, bodyLen int) []insert {
	end := map[int]int{}
	for _, m := range ms {
		if m.Kind == model.MarkupLink && m.N > 0 && m.End <= bodyLen && m.Start < m.End && m.End > end[m.N] {
			end[m.N] = m.End
		}
	}
	out := make([]insert, 0, len(end))
	for n, off := range end {
		t := "[" + strconv.Itoa(n) + "]"
		out = append(out, insert{off: off, text: t, width: len(t)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].off != out[j].off {
			return out[i].off < out[j].off
		}
		return out[i].text < out[j].text
	})
	return out
}

// markupAt returns the bits of the piece starting at off among segs (sorted,
// non-overlapping), from index *k on; *k moves forward, so a line's pieces
// are looked up in one walk.
func markupAt(segs []markupSeg, k *int, off int) markupBits {
	for *k < len(segs) && segs[*k].End <= off {
		*k++
	}
	if *k < len(segs) && segs[*k].Start <= off {
		return segs[*k].bits
	}
	return 0
}

// markupOverlapping returns the pieces of sorted, non-overlapping segs that
// meet [start, end).
func markupOverlapping(segs []markupSeg, start, end int) []markupSeg {
	i := sort.Search(len(segs), func(i int) bool { return segs[i].End > start })
	j := i
	for j < len(segs) && segs[j].Start < end {
		j++
	}
	return segs[i:j]
}
