package annotate

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// Words: the quote and venture passes read the doc's one token stream as
// words. A word is what a reader calls one: the tokens glued together by
// letters, digits and the joiners ' ’ - . & , between them ("Al-Rumayyan",
// "U.S", "1,000", "AT&T", "Kestrel's", "50-50"); a joiner with no letter or
// digit after it (a trailing period, a dash) is punctuation of its own.
// The scanner splits finer than that for the entity pass ("Kestrel" and
// "'s", "50" "-" "50"), so words glues its tokens back; it never reads the
// text again for anything but the bytes where two tokens meet.
//
// A window [from, to) is read as if the text began at from and ended at
// to: a word that crosses an edge is cut there (and a joiner left at the
// cut, or a character cut in two, is punctuation).

// qTok is one word of a window, or one punctuation character.
type qTok struct {
	start, end int
	word       bool
}

// words returns the words of body[from:to], appended to out.
func (d *doc) words(from, to int, out []qTok) []qTok {
	return d.firstWords(from, to, to-from, out) // a word has a byte at least
}

// firstWords is words cut after its first n words: the callers that read a
// few words after a figure need not read all the window that bounds them.
func (d *doc) firstWords(from, to, n int, out []qTok) []qTok {
	if from >= to || n <= 0 {
		return out
	}
	r := wordReader{b: d.body, out: out, limit: len(out) + n, curS: -1, jS: -1}
	k := d.tokenAt(from)
	// an edge that cuts a space of several bytes (no token holds it) leaves
	// bytes that are no character
	if k == len(d.toks) || int(d.toks[k].s) > from {
		for i := from; i < to && !utf8.RuneStart(d.body[i]) && (k == len(d.toks) || i < int(d.toks[k].s)); i++ {
			r.other(i, i+1)
		}
	}
	tailFrom := to
	if to < len(d.body) && !utf8.RuneStart(d.body[to]) {
		rs := to - 1
		for rs > from && !utf8.RuneStart(d.body[rs]) {
			rs--
		}
		if _, w := utf8.DecodeRuneInString(d.body[rs:]); rs+w > to && utf8.RuneStart(d.body[rs]) && d.spaceAt(rs) {
			tailFrom = rs
		}
	}
	// The loop keeps the reader's state in locals, and reads most tokens
	// (whole words, ASCII punctuation) itself; the rest go to r.token.
	b, toks := d.body, d.toks
	out, limit := r.out, r.limit
	curS, curE, jS, jE := r.curS, r.curE, r.jS, r.jE
	last := -1                                  // where the token before ended: a token starting elsewhere follows a space
	long := k > 0 && toks[k-1].n == maxTokenLen // the token before is a piece of a longer word
	for ; k < len(toks); k++ {
		t := toks[k]
		s := int(t.s)
		if s >= to {
			break
		}
		e := s + int(t.n)
		if s != last && curS >= 0 { // a space ends the word
			if len(out) < limit {
				out = append(out, qTok{curS, curE, true})
			}
			if jS >= 0 && len(out) < limit {
				out = append(out, qTok{jS, jE, false})
			}
			curS, jS = -1, -1
		}
		if curS < 0 && len(out) >= limit {
			break
		}
		last = e
		piece := long || t.n == maxTokenLen // a piece of a longer word
		long = t.n == maxTokenLen
		switch t.kind {
		case kWord, kNum:
			// Most tokens are whole words: a number, or a word that is no
			// piece of a longer one and no initials ("U.S." ends in a
			// period; initials are all capitals, fUpper), has no joiner at
			// either end, so the text need not be read.
			if s >= from && e <= to && !piece && (t.kind == kNum || t.flags&fUpper == 0 || !joinerEdge[b[e-1]]) {
				switch {
				case curS < 0:
					curS, curE = s, e
					continue
				case jS < 0:
					curE = e
					continue
				}
			}
		case kPunct:
			if c := b[s]; c < utf8.RuneSelf && s >= from && !asciiWord[c] && c != '\f' && c != '\v' {
				if joinerWidth(b, s) == 1 && curS >= 0 && jS < 0 {
					jS, jE = s, e // a joiner waits for what follows
					continue
				}
				if curS >= 0 {
					if len(out) < limit {
						out = append(out, qTok{curS, curE, true})
					}
					if jS >= 0 && len(out) < limit {
						out = append(out, qTok{jS, jE, false})
					}
					curS, jS = -1, -1
				}
				if len(out) < limit {
					out = append(out, qTok{s, e, false})
				}
				continue
			}
		}
		r.out, r.curS, r.curE, r.jS, r.jE = out, curS, curE, jS, jE
		if t.kind == kBreak || t.kind == kPunct && (b[s] == '\f' || b[s] == '\v') {
			r.flush() // a line break or a form feed is a space
		} else {
			r.token(t.kind, s, e, from, to)
		}
		out, curS, curE, jS, jE = r.out, r.curS, r.curE, r.jS, r.jE
	}
	r.out, r.curS, r.curE, r.jS, r.jE = out, curS, curE, jS, jE
	for i := tailFrom; i < to; i++ {
		r.other(i, i+1)
	}
	r.flush()
	return r.out
}

// spaceAt reports whether no token holds body[i]: a space.
func (d *doc) spaceAt(i int) bool {
	k := sort.Search(len(d.toks), func(k int) bool { return int(d.toks[k].end()) > i })
	return k == len(d.toks) || int(d.toks[k].s) > i
}

// tokenAt returns the index of the first token ending after pos (a body
// offset): from the first token of pos's block, a few steps on (the tokens
// the window reads next, so in cache for it).
func (d *doc) tokenAt(pos int) int {
	toks := d.toks
	i := int(d.blocks[pos>>blockBits])
	for i < len(toks) && int(toks[i].s)+int(toks[i].n) <= pos {
		i++
	}
	return i
}

// joinerEdge marks the bytes a joiner starts or ends with (’ is E2 80 99):
// a token with none at either end is letters and digits, whole.
var joinerEdge = [256]bool{'\'': true, '-': true, '.': true, '&': true, ',': true, 0xE2: true, 0x99: true}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = qIsWordRune(rune(c))
	}
	return t
}()

// wordReader glues the pieces of tokens into words.
type wordReader struct {
	b     string
	out   []qTok
	limit int
	// the word being read [curS, curE), and a joiner after it [jS, jE)
	// that joins it to what follows only when a letter or digit does
	curS, curE, jS, jE int
}

// token reads token [s, e) of kind, clipped to [from, to), as pieces: the
// bytes of a character cut by an edge, a joiner opening or closing it,
// and its letters and digits between (with their inner joiners, each
// followed by a letter or digit, so they join wherever the token is cut).
func (r *wordReader) token(kind uint8, s, e, from, to int) {
	b := r.b
	if kind == kPunct && s >= from && e <= to {
		c, w := utf8.DecodeRuneInString(b[s:e])
		switch {
		case w < e-s || c == utf8.RuneError && w == 1:
			r.other(s, e)
		case qIsWordRune(c):
			r.wordPiece(s, e)
		case joinerWidth(b, s) == e-s:
			r.joiner(s, e)
		default:
			r.other(s, e)
		}
		return
	}
	cs, ce := max(s, from), min(e, to)
	// a character the window cuts is bytes that are no character
	for cs < ce && !utf8.RuneStart(b[cs]) {
		r.other(cs, cs+1)
		cs++
	}
	tail := ce // [tail, ce): the bytes of a character cut at to
	if ce < e {
		for tail > cs && !utf8.RuneStart(b[tail]) {
			tail--
		}
		if tail < ce {
			if _, w := utf8.DecodeRuneInString(b[tail:e]); tail+w <= ce {
				tail = ce // whole: only the window's end is there
			}
		}
	}
	if kind == kPunct { // a one-character token the window cut
		for k := cs; k < tail; k++ {
			r.other(k, k+1)
		}
		for k := tail; k < ce; k++ {
			r.other(k, k+1)
		}
		return
	}
	ms, me := cs, tail
	if ms < me {
		if w := joinerWidth(b, ms); w > 0 && ms+w <= me {
			r.joiner(ms, ms+w)
			ms += w
		}
	}
	closing := -1
	if ms < me {
		if w := joinerBefore(b, ms, me); w > 0 {
			closing, me = me-w, me-w
		}
	}
	if ms < me {
		r.wordPiece(ms, me)
	}
	if closing >= 0 {
		r.joiner(closing, closing+joinerWidth(b, closing))
	}
	for k := tail; k < ce; k++ {
		r.other(k, k+1)
	}
}

// wordPiece reads letters and digits [s, e): the word goes on when it
// touches the word before, or a joiner after it (a comma only between
// digits: "1,000"); else a new word starts.
func (r *wordReader) wordPiece(s, e int) {
	if r.curS >= 0 {
		if r.jS < 0 {
			r.curE = e
			return
		}
		if r.b[r.jS] != ',' || isASCIIDigit(r.b[r.jS-1]) && isASCIIDigit(r.b[s]) {
			r.curE, r.jS = e, -1
			return
		}
		r.flush()
	}
	r.curS, r.curE = s, e
}

// joiner reads a joiner [s, e): it waits after a word for what follows.
func (r *wordReader) joiner(s, e int) {
	if r.curS >= 0 && r.jS < 0 {
		r.jS, r.jE = s, e
		return
	}
	r.flush()
	r.emit(s, e, false)
}

// other reads one character that is neither a letter, a digit nor a joiner.
func (r *wordReader) other(s, e int) {
	r.flush()
	r.emit(s, e, false)
}

// flush ends the word being read, and a joiner after it is punctuation.
func (r *wordReader) flush() {
	if r.curS >= 0 {
		r.emit(r.curS, r.curE, true)
		if r.jS >= 0 {
			r.emit(r.jS, r.jE, false)
		}
	}
	r.curS, r.jS = -1, -1
}

func (r *wordReader) emit(s, e int, word bool) {
	if len(r.out) < r.limit {
		r.out = append(r.out, qTok{start: s, end: e, word: word})
	}
}

// joinerWidth returns the byte length of the joiner ' ’ - . & , at b[i:],
// or 0.
func joinerWidth(b string, i int) int {
	switch b[i] {
	case '\'', '-', '.', '&', ',':
		return 1
	case 0xE2:
		if i+2 < len(b) && b[i+1] == 0x80 && b[i+2] == 0x99 { // ’
			return 3
		}
	}
	return 0
}

// joinerBefore returns the byte length of a joiner ending b[s:e], or 0.
func joinerBefore(b string, s, e int) int {
	if e-1 >= s && joinerWidth(b, e-1) == 1 {
		return 1
	}
	if e-3 >= s && joinerWidth(b, e-3) == 3 {
		return 3
	}
	return 0
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// qIsWordRune reports whether r can be part of a word.
func qIsWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}
