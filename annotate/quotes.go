package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"newsmark/model"
)

// findQuotes finds the direct quotations of d and their speakers; it may
// add person entities for speakers the entity pass missed to d.ents (ids
// continue "eN"). spans are qFindSpans(d).
//
// One pass over the bytes finds the quotation marks of each paragraph and
// pairs them (curly marks by shape, straight ones by what flanks them). A
// paragraph that opens a quote and does not close it continues into the next
// paragraph when that one opens with a mark again; each paragraph's piece is
// one model.Quote and all pieces share the speaker. Short spans without
// sentence punctuation or a reporting verb are terms ("scare quotes", names)
// and are dropped after they have lent their speaker to the next quote.
func findQuotes(d *doc, spans []qSpan) []model.Quote {
	if len(spans) == 0 {
		return nil
	}
	at := newQAttributor(d)
	at.attribute(spans)
	out := make([]model.Quote, 0, len(spans))
	for _, s := range spans {
		if s.term {
			continue
		}
		q := model.Quote{Text: d.body[s.start:s.end], Start: s.start, End: s.end, Cue: s.cue}
		if s.speaker >= 0 {
			q.Speaker = d.ents[s.speaker].Name()
			q.SpeakerID = d.ents[s.speaker].ID
		} else if s.nominal != "" {
			q.Speaker = s.nominal
		}
		out = append(out, q)
	}
	return out
}

// qSpan is one quoted stretch of text inside one paragraph.
type qSpan struct {
	open, closeEnd int // the opening mark's offset; the offset after the closing mark (or the text end)
	start, end     int // the quoted text, marks excluded, trimmed
	closed         bool
	para           int
	cont           bool // continues the quotation of the span before it
	term           bool // a scare quote or quoted name, not a quotation
	own            bool // the speaker came from this span's own sentence
	speaker        int  // entity index, -1 when unknown
	nominal        string
	cue            string // the rule that found the speaker (model.Quote.Cue)
}

const (
	qMarkStraight = iota
	qMarkLeft
	qMarkRight
)

// qMarkAt returns the kind and width of a double quotation mark at b[i], or width 0.
func qMarkAt(b string, i int) (int, int) {
	switch b[i] {
	case '"':
		return qMarkStraight, 1
	case 0xE2:
		if i+2 < len(b) && b[i+1] == 0x80 {
			switch b[i+2] {
			case 0x9C, 0x9E: // “ „
				return qMarkLeft, 3
			case 0x9D: // ”
				return qMarkRight, 3
			}
		}
	}
	return 0, 0
}

// qFindSpans pairs the quotation marks of every paragraph.
func qFindSpans(d *doc) []qSpan {
	b := d.body
	// about one span per two marks; the curly ones are counted by their
	// lead byte, which curly apostrophes and dashes share (a byte count is
	// one vector scan, a string count one call per lead byte)
	spans := make([]qSpan, 0, (strings.Count(b, "\"")+strings.Count(b, "\xe2"))/4+1)
	carry := false // the previous paragraph ended inside a quotation
	for pi, p := range d.paras {
		inQ := false
		var cur qSpan
		first := true // no mark seen yet in this paragraph
		finish := func(end, closeEnd int, closed bool) {
			cur.closeEnd = closeEnd
			cur.closed = closed
			s, e := cur.start, end
			for s < e && qIsSpaceByte(b[s]) {
				s++
			}
			for e > s {
				r, w := utf8.DecodeLastRuneInString(b[s:e])
				if !unicode.IsSpace(r) {
					break
				}
				e -= w
			}
			if s, e = qRuneSpan(b, s, e); e > s {
				cur.start, cur.end = s, e
				spans = append(spans, cur)
			}
			inQ = false
		}
		nq, ne := -1, -1 // the next '"' and the next 0xE2 (lead byte of “ ” „) at or after i
		for i := p.Start; i < p.End; i++ {
			// jump to the next candidate byte with two IndexByte scans
			if nq < i {
				if k := strings.IndexByte(b[i:p.End], '"'); k >= 0 {
					nq = i + k
				} else {
					nq = p.End
				}
			}
			if ne < i {
				if k := strings.IndexByte(b[i:p.End], 0xE2); k >= 0 {
					ne = i + k
				} else {
					ne = p.End
				}
			}
			if i = min(nq, ne); i >= p.End {
				break
			}
			kind, w := qMarkAt(b, i)
			if w == 0 {
				continue
			}
			var prev, next rune = ' ', ' '
			if i > p.Start {
				prev, _ = utf8.DecodeLastRuneInString(b[p.Start:i])
			}
			atEnd := i+w >= p.End
			if !atEnd {
				next, _ = utf8.DecodeRuneInString(b[i+w : p.End])
			}
			canOpen := (i == p.Start || unicode.IsSpace(prev) || qOpensAfter(prev)) && !atEnd && !unicode.IsSpace(next)
			canClose := i > p.Start && !unicode.IsSpace(prev) && (atEnd || unicode.IsSpace(next) || unicode.IsPunct(next))
			opening := false
			switch kind {
			case qMarkLeft:
				opening = true
			case qMarkRight:
				opening = false
			default:
				switch {
				case canOpen && !canClose:
					opening = true
				case canClose && !canOpen:
					opening = false
				default:
					opening = !inQ
				}
			}
			if opening {
				cont := false
				if inQ { // a new opening inside a quotation: the quotation goes on in a new piece
					finish(i, i, false)
					cont = true
				} else if first && carry && qOnlySpace(b[p.Start:i]) {
					cont = true
				}
				cur = qSpan{open: i, start: i + w, para: pi, cont: cont, speaker: -1}
				inQ = true
			} else if inQ {
				finish(i, i+w, true)
			}
			first = false
			i += w - 1
		}
		carry = false
		if inQ {
			finish(p.End, p.End, false)
			carry = true
		}
	}
	for i := range spans {
		spans[i].term = qIsTerm(b[spans[i].start:spans[i].end])
	}
	return spans
}

// qOpensAfter lists the characters after which a straight mark opens a quote.
func qOpensAfter(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', ':', '\u00a0':
		return true
	}
	return false
}

func qOnlySpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if !qIsSpaceByte(s[i]) {
			return false
		}
	}
	return true
}

// qIsTerm reports whether quoted text reads as a term or a name rather than
// a quotation: fewer than four words, or a Title Case phrase with no
// sentence punctuation. (The attributor may still keep a short span that a
// reporting verb introduces.)
func qIsTerm(t string) bool {
	words, caps := 0, 0
	inWord := false
	punct := false
	for i := 0; i < len(t); {
		if words > 6 {
			return false // long enough to be a quotation whatever its case
		}
		// ASCII, nearly all of it, without decoding a rune
		r, w := rune(t[i]), 1
		word := qASCIIWord[t[i]]
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(t[i:])
			word = qIsWordRune(r)
		}
		i += w
		if word {
			if !inWord {
				words++
				if unicode.IsUpper(r) || unicode.IsDigit(r) {
					caps++
				}
			}
			inWord = true
			continue
		}
		if r == '\'' || r == '’' || r == '-' {
			continue
		}
		inWord = false
		switch r {
		case '.', ',', '!', '?', ';', ':':
			punct = true
		}
	}
	if words > 6 {
		return false
	}
	if words < 4 {
		return true
	}
	return !punct && caps == words
}
