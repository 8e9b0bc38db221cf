package annotate

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"newsmark/model"
	"newsmark/segment"
)

// doc is one article read once, shared by every pass: its text, its one
// token stream, its paragraphs and sentences, and (once the entity pass
// has run) its entities with an index of their mentions. The entity pass
// reads the tokens; the quote and venture passes read the same tokens as
// words (words.go), the sentences, and the mention index.
type doc struct {
	body  string
	title string
	// text is what the tokens cover: the body, then each meta field after a
	// blank line (docText); fields place the fields in it.
	text    docText
	bodyLen int
	fields  []field
	toks    []token
	caps    []int32 // the capitalised words, in order: where names start
	figs    []int32 // the tokens that may open a figure (fMark)
	nfigs   int     // how many they are, when figs is left for later (bigText)
	paras   []model.Span
	sents   []model.Span // all sentences, in order
	// ents are the entities found; the quote pass may add speakers
	ents []model.Entity
	// never, when the reader's list has one, reports a name it says is
	// never marked (the quote pass then adds no speaker of that name)
	never func(string) bool
	// mentions of people and companies, sorted by start
	ments []qMent
	// mentions of places and figures, listed and sorted by start when
	// othersSorted: never a speaker
	others       []qMent
	othersSorted bool
	lower        string // body with ASCII lower-cased, made when lowerAt gives up
	// lowCache maps a capitalised word to its lower-case form (lowerAt);
	// lowSpent counts the bytes lowerAt allocated.
	lowCache map[string]string
	lowSpent int
	sortBuf  qSortBuf   // qSortMentsIn's scratch, shared by the sorts of this document
	mcur     mentCursor // mentionsIn's place in ments
	// blocks[k] is the first token ending after byte k<<blockBits of the
	// body: tokenAt steps on from there
	blocks []int32
	// scratch is where the buffers proportional to the text came from (see release)
	scratch *scratch
}

// bigText is the text size from which memory counts for more than time:
// the passes keep no buffer they are done with (for the next article),
// drop each list as soon as they are done with it, make the lists only
// the later passes read after the entity pass (the peak), and use no
// second core (what it reads ahead would add to the peak). A variable, so
// that a test can send a short text through those paths.
var bigText = 4 << 20

// field is a meta field's place in the scanned text.
type field struct {
	name string
	s, e int
}

// scratch holds the per-call buffers proportional to the text (tokens,
// coverage marks, chunks). Reusing them across calls saves the page faults
// and clearing of several fresh megabytes per megabyte of text, which cost
// more than the scan itself; nothing in them reaches the output.
type scratch struct {
	toks    []token
	caps    []int32 // doc.caps
	figs    []int32 // doc.figs
	blocks  []int32 // doc.blocks
	covered tokenSet
	chunks  []chunk
	cands   []figure // figureCandidates
	// spans are emptied mention lists of the last call's entities (output
	// copies mentions out, so these are scratch too)
	spans [][]model.Span
	keys  []uint64 // output's sort keys
	// resolve's chunk indices by length
	byLen []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// newDoc reads a: its body and meta fields into one token stream, and its
// paragraphs and sentences (a.Paragraphs and a.Sentences when the loader
// found them, else segment's).
func newDoc(a model.Article) *doc { return newDocText(a, false) }

// newDocText is newDoc; with oneString set it scans the body and fields
// copied into one string, as it once did (tests compare the two).
func newDocText(a model.Article, oneString bool) *doc {
	useLexicon()
	d := &doc{body: a.Body, title: a.Title, bodyLen: len(a.Body), paras: a.Paragraphs, sents: a.Sentences}
	if len(a.Body) < bigText {
		d.segment() // a big text's, only the quote and venture passes read, wait for them
	}
	if len(a.Body)+len(a.Title)+len(a.Caption) >= math.MaxInt32-1<<20 {
		return d // token offsets are 32-bit: a 2 GiB article is not news
	}
	var meta strings.Builder
	add := func(name, s string) {
		if strings.TrimSpace(s) == "" {
			return
		}
		meta.WriteString("\n\n")
		st := len(a.Body) + meta.Len()
		meta.WriteString(s)
		d.fields = append(d.fields, field{name, st, len(a.Body) + meta.Len()})
	}
	add(model.FieldTitle, a.Title)
	add(model.FieldCaption, a.Caption)
	add(model.FieldContributors, strings.Join(a.Contributors, ", "))
	d.text = wholeText(a.Body)
	if oneString {
		d.text = wholeText(a.Body + meta.String())
	} else if len(d.fields) > 0 {
		// The fields follow the body's last paragraph, which is scanned
		// again with them: the scanner carries nothing over a blank line.
		cut := lastParagraph(a.Body)
		d.text = docText{body: a.Body, tail: a.Body[cut:] + meta.String(), cut: cut, n: len(a.Body) + meta.Len()}
	}
	sc := scratchPool.Get().(*scratch)
	d.scratch = sc
	// about a token per 4.5 bytes of news text; a big text's array
	// (megabytes) is sized from a bound on its tokens, so that it never
	// grows (which would hold the old array and the new at once) and has
	// little room to spare
	want := d.text.n/4 + 16
	if d.text.n >= bigText {
		want = tokenBound(d.text.body[:d.text.cut]) + tokenBound(d.text.tail)
	}
	if cap(sc.toks) < want {
		sc.toks = make([]token, 0, want)
	}
	// scan lists the tokens the entity pass starts from (capitalised words,
	// figure openers) as it goes, so that no pass walks the whole token
	// array for them
	ix := &scanIndex{marks: &lex.figMarks, caps: sc.caps[:0], marked: sc.figs[:0], unlisted: d.text.n >= bigText}
	d.toks = scan(d.text.body[:d.text.cut], sc.toks[:0], ix)
	// the doc's now (release hands them back): an array outgrown is garbage
	sc.toks, sc.caps, sc.figs = nil, nil, nil
	from := len(d.toks)
	d.toks = scan(d.text.tail, d.toks, ix)
	if cut := int32(d.text.cut); cut > 0 {
		for i := from; i < len(d.toks); i++ {
			d.toks[i].s += cut // the tail's tokens, scanned from the last paragraph on
		}
	}
	if ix.unlisted {
		ix.caps, ix.marked = flaggedTokens(d.toks)
	}
	// a punctuation mark's first byte may be a figure's and the mark no
	// currency sign ("“"): those are no figure openers
	caps, figs := ix.caps, ix.marked[:0]
	for _, i := range ix.marked {
		t := &d.toks[i]
		if t.kind == kPunct && !opensFigure(t.kind, t.flags, d.text.slice(int(t.s), int(t.end()))) {
			t.flags &^= fMark
			continue
		}
		figs = append(figs, i)
	}
	if d.text.n >= bigText {
		// a big text's list (megabytes) would be kept through the names,
		// the peak of memory: the figure pass lists the marks again then
		d.nfigs, figs = len(figs), nil
	}
	d.caps, d.figs = caps, figs
	if len(a.Body) < bigText {
		d.indexBlocks() // a big text's, which only the quote and venture passes read, wait for them
	}
	return d
}

// tokenBound returns at least len(scan(text, nil, nil)) for valid UTF-8,
// and on news text about 8% more, in one pass over the bytes (a tenth of a
// scan): a token starts at most where a run of letters or of digits
// starts, at a punctuation byte, at a character beyond ASCII and at a line
// feed, and a word longer than maxTokenLen is cut.
func tokenBound(text string) int {
	n := len(text)/maxTokenLen + 1
	class, start := &boundClass, &boundStart
	prev := byte(boundSpace)
	for i := 0; i < len(text); i++ {
		// no branch: which byte starts a token depends on the text
		c := class[text[i]]
		n += int(start[(prev<<3|c)&63])
		prev = c
	}
	return n
}

// The byte classes of tokenBound: a run of letters or of digits is one
// token at most, a byte of boundOne or above one at most.
const (
	boundSpace  = iota // space, tab, carriage return
	boundCont          // a UTF-8 continuation byte
	boundLetter        // ASCII letter
	boundDigit         // ASCII digit
	boundOne           // punctuation, a control, a line feed, a UTF-8 lead byte
)

// boundStart[p<<3|c] is 1 when a byte of class c after one of class p may
// start a token.
var boundStart = func() (t [64]byte) {
	for p := range boundOne + 1 {
		for c := range boundOne + 1 {
			if c == boundOne || c != p && (c == boundLetter || c == boundDigit) {
				t[p<<3|c] = 1
			}
		}
	}
	return t
}()

var boundClass = func() (t [256]byte) {
	for c := range t {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			t[c] = boundLetter
		case c >= '0' && c <= '9':
			t[c] = boundDigit
		case c == ' ', c == '\t', c == '\r':
			t[c] = boundSpace
		case c >= 0x80 && c < 0xC0:
			t[c] = boundCont
		default:
			t[c] = boundOne
		}
	}
	return t
}()

// segment sets the paragraphs and sentences the article came without.
func (d *doc) segment() {
	if len(d.body) > 0 && len(d.paras) == 0 {
		d.paras = segment.Paragraphs(d.body)
	}
	if len(d.body) > 0 && len(d.sents) == 0 {
		d.sents = segment.Sentences(d.body)
	}
}

// indexBlocks sets d.blocks (blockIndex).
func (d *doc) indexBlocks() {
	sc := d.scratch
	d.blocks, sc.blocks = blockIndex(d.toks, len(d.body), sc.blocks), nil
}

// blockBits sets the size of doc.blocks' blocks: 64 bytes, a dozen tokens
// at most to step over to a window's first.
const blockBits = 6

// blockIndex returns, in buf, the first token ending after each offset
// k<<blockBits up to n: one tight pass over the tokens' ends.
func blockIndex(toks []token, n int, buf []int32) []int32 {
	nb := n>>blockBits + 1
	if cap(buf) < nb {
		buf = make([]int32, nb)
	}
	blocks := buf[:nb]
	k, at := 0, 0 // the next block and its offset
	for i := range toks {
		for e := int(toks[i].s) + int(toks[i].n); at < e; at += 1 << blockBits {
			if k == nb {
				return blocks
			}
			blocks[k] = int32(i)
			k++
		}
	}
	for ; k < nb; k++ {
		blocks[k] = int32(len(toks))
	}
	return blocks
}

// release hands the doc's buffers back for the next call. Nothing it
// returned may point into them.
func (d *doc) release() {
	sc := d.scratch
	if sc == nil {
		return
	}
	sc.toks, sc.caps, sc.figs, sc.blocks = d.toks[:0], d.caps[:0], d.figs[:0], d.blocks[:0]
	scratchPool.Put(sc)
	d.scratch, d.toks, d.caps, d.figs, d.blocks = nil, nil, nil, nil, nil
}

// qMent is one mention in the index: an entity's span in the body. Its
// fields are 32-bit, as a token's offset is: a big text's two indexes (the
// names, the places and figures) are megabytes, held through the quote and
// venture passes, the peak of the run's memory.
type qMent struct {
	start, end int32
	ent        int32 // index into ents
}

// mentCursor answers "the first mention starting at or after a" for calls
// that mostly come in text order (sentences, then the mentions in each): it
// steps forward from its last answer. A position before that is searched
// for, and so is one far ahead, and the cursor moves there: the calls after
// a look back (at the sentence before, at the words before a figure) step
// on from it.
type mentCursor struct{ i, a int }

func (c *mentCursor) from(ms []qMent, a int) int {
	if a < c.a {
		c.i = sort.Search(len(ms), func(i int) bool { return int(ms[i].start) >= a })
	}
	for steps := 0; c.i < len(ms) && int(ms[c.i].start) < a; steps++ {
		if steps == 16 {
			c.i += sort.Search(len(ms)-c.i, func(k int) bool { return int(ms[c.i+k].start) >= a })
			break
		}
		c.i++
	}
	c.a = a
	return c.i
}

// qSortBuf holds qSortMentsIn's scratch.
type qSortBuf struct {
	counts []int32
	tmp    []qMent
}

// indexMentions (re)builds the index of d.ents' mentions of people and
// companies; the other mentions are listed when first asked about
// (overlapsOther).
func (d *doc) indexMentions() {
	d.ments = d.listMentions(d.ments, true)
	d.mcur = mentCursor{}
	qSortMentsIn(d.ments, &d.sortBuf)
	if len(d.body) >= bigText {
		d.sortBuf = qSortBuf{} // as big as the mentions: not kept for the next sort
	}
	d.othersSorted = false
}

// listMentions returns, in buf, the body mentions of d.ents that are of
// people and companies (names set) or of the other kinds.
func (d *doc) listMentions(buf []qMent, names bool) []qMent {
	n := 0
	for _, e := range d.ents {
		if (e.Kind == model.Person || e.Kind == model.Company) == names {
			n += len(e.Mentions)
		}
	}
	if cap(buf) < n {
		buf = make([]qMent, 0, n)
	}
	buf = buf[:0]
	for i, e := range d.ents {
		if (e.Kind == model.Person || e.Kind == model.Company) != names {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start >= 0 && m.End <= len(d.body) && m.Start < m.End {
				buf = append(buf, qMent{int32(m.Start), int32(m.End), int32(i)})
			}
		}
	}
	return buf
}

// qSortMents sorts mentions by start, the longer first at one start. A
// bucket pass by start offset then a short sort per bucket is linear: each
// entity's mentions come in order, but the entities interleave.
func qSortMents(ms []qMent) { qSortMentsIn(ms, nil) }

// qSortMentsIn is qSortMents with its scratch buffers kept in *buf (reused
// by the next sort on the same document).
func qSortMentsIn(ms []qMent, buf *qSortBuf) {
	if buf == nil {
		buf = &qSortBuf{}
	}
	cmp := func(x, y qMent) int {
		if x.start != y.start {
			return int(x.start - y.start)
		}
		return int(y.end - x.end)
	}
	if len(ms) < 256 {
		slices.SortFunc(ms, cmp)
		return
	}
	hi := 0
	for _, m := range ms {
		hi = max(hi, int(m.start))
	}
	nb := len(ms)
	width := hi/nb + 1
	if cap(buf.counts) < nb+1 {
		buf.counts = make([]int32, nb+1)
	}
	counts := buf.counts[:nb+1]
	clear(counts)
	for _, m := range ms {
		counts[int(m.start)/width+1]++
	}
	for k := 1; k <= nb; k++ {
		counts[k] += counts[k-1]
	}
	if cap(buf.tmp) < len(ms) {
		buf.tmp = make([]qMent, len(ms))
	}
	tmp := buf.tmp[:len(ms)]
	next := counts[:nb]
	for _, m := range ms {
		k := int(m.start) / width
		tmp[next[k]] = m
		next[k]++
	}
	// next[k] is now the end of bucket k and the start of bucket k+1
	from := int32(0)
	for k := 0; k < nb; k++ {
		if b := tmp[from:next[k]]; len(b) > 1 {
			slices.SortFunc(b, cmp)
		}
		from = next[k]
	}
	copy(ms, tmp)
}

// overlapsOther reports whether [a, b) overlaps a place or figure mention.
func (d *doc) overlapsOther(a, b int) bool {
	if !d.othersSorted {
		// listed and sorted on first use: few articles need it
		d.others = d.listMentions(d.others, false)
		qSortMentsIn(d.others, &d.sortBuf)
		if len(d.body) >= bigText {
			d.sortBuf = qSortBuf{}
		}
		d.othersSorted = true
	}
	i := sort.Search(len(d.others), func(i int) bool { return int(d.others[i].end) > a })
	return i < len(d.others) && int(d.others[i].start) < b
}

// mentionsIn returns the person/company mentions inside [a, b).
func (d *doc) mentionsIn(a, b int) []qMent {
	i := d.mcur.from(d.ments, a)
	j := i
	for j < len(d.ments) && int(d.ments[j].start) < b {
		j++
	}
	out := d.ments[i:j]
	// drop mentions running past b (copying only when there is one)
	for x, m := range out {
		if int(m.end) > b {
			res := append([]qMent(nil), out[:x]...)
			for _, m := range out[x+1:] {
				if int(m.end) <= b {
					res = append(res, m)
				}
			}
			return res
		}
	}
	return out
}

// qMaxLookBack bounds how many mentions a backward search visits, so a
// story of one kind of entity stays linear.
const qMaxLookBack = 400

// lw returns body[s:e] lower-cased as qLowerWord does, without allocating
// for an ASCII word: it is a slice of the body lower-cased once per article
// (ASCII lowering keeps every byte offset).
func (d *doc) lw(s, e int) string {
	w := d.body[s:e]
	var seen byte // qByteCase bits of the word's bytes: one look-up a byte, no branch
	for i := 0; i < len(w); i++ {
		seen |= qByteCase[w[i]]
	}
	switch {
	case seen&qNonASCII != 0:
		return qLowerWord(w)
	case seen&qUpper == 0:
		return w
	}
	return d.lowerAt(s, e)
}

// qByteCase tells lw which bytes are ASCII capitals and which are not ASCII.
var qByteCase = func() (t [256]byte) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = qUpper
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = qNonASCII
	}
	return t
}()

const (
	qUpper    = 1
	qNonASCII = 2
)

// lowerAt returns body[s:e] with ASCII letters lower-cased, as
// lowerBody()[s:e] would. Lowering the whole body costs about a millisecond
// per megabyte, more than the few thousand capitalised words and short
// contexts asked for: those are lowered one by one (a word once, kept in
// lowCache) until they add up to a quarter of the body; then the whole body
// is lowered once, but for a big text (bigText), whose pieces are lowered
// one by one to the end.
func (d *doc) lowerAt(s, e int) string {
	if len(d.lower) == len(d.body) {
		return d.lower[s:e]
	}
	w := d.body[s:e]
	i := 0
	for i < len(w) && (w[i] < 'A' || w[i] > 'Z') {
		i++
	}
	if i == len(w) {
		return w // nothing to lower
	}
	if len(w) > 128 || d.lowSpent > len(d.body)/4 {
		if len(d.body) < bigText {
			return d.lowerBody()[s:e]
		}
		// a big text's lowered copy would be a second body, held from
		// the venture pass, the peak of the run's memory, to the end:
		// the piece alone, garbage once read
		return string(qLowerASCII(make([]byte, 0, len(w)), w))
	}
	const cached = 24 // words; longer strings are contexts, rarely asked twice
	if len(w) <= cached {
		if l, ok := d.lowCache[w]; ok {
			return l
		}
	}
	var buf [128]byte
	l := string(qLowerASCII(buf[:0], w))
	d.lowSpent += len(l) + 16
	if len(w) <= cached {
		if d.lowCache == nil {
			d.lowCache = make(map[string]string, 256)
		}
		d.lowCache[w] = l
		d.lowSpent += 48 // the map entry
	}
	return l
}

// lowerBody is the body with ASCII letters lower-cased (same offsets).
func (d *doc) lowerBody() string {
	if len(d.lower) != len(d.body) {
		// one allocation: lowered through a stack buffer into a Builder
		var sb strings.Builder
		sb.Grow(len(d.body))
		var buf [4096]byte
		for i := 0; i < len(d.body); i += len(buf) {
			sb.Write(qLowerASCII(buf[:0], d.body[i:min(len(d.body), i+len(buf))]))
		}
		d.lower = sb.String()
	}
	return d.lower
}

// sentOf returns the index of the sentence holding pos.
func (d *doc) sentOf(pos int) int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].End > pos })
	if i >= len(d.sents) {
		return len(d.sents) - 1
	}
	return i
}
