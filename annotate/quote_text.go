package annotate

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsmark/model"
)

// Text helpers shared by quotes and ventures. Everything here is a bounded
// byte scan: windows never run further than qMaxWindow bytes, so a huge
// article (or a 100,000-character word) stays linear.

const qMaxWindow = 600

// qTok is one token of a window: a word (letters, digits, inner ' ’ - . &) or
// one punctuation rune.
type qTok struct {
	start, end int
	word       bool
}

// qParagraphs returns the article's paragraphs: a.Paragraphs when the loader
// set them, else one per non-blank line.
func qParagraphs(a model.Article) []model.Span {
	if len(a.Paragraphs) > 0 {
		return a.Paragraphs
	}
	b := a.Body
	ps := make([]model.Span, 0, strings.Count(b, "\n")+1)
	start := 0
	for i := 0; i <= len(b); i++ {
		if i < len(b) {
			k := strings.IndexByte(b[i:], '\n')
			if k < 0 {
				i = len(b)
			} else {
				i += k
			}
		}
		{
			s, e := start, i
			for s < e && qIsSpaceByte(b[s]) {
				s++
			}
			for e > s && qIsSpaceByte(b[e-1]) {
				e--
			}
			if s, e = qRuneSpan(b, s, e); e > s {
				ps = append(ps, model.Span{Start: s, End: e})
			}
			start = i + 1
		}
	}
	return ps
}

// qRuneSpan narrows [s, e) to rune boundaries (stray continuation bytes
// of invalid UTF-8 fall outside).
func qRuneSpan(b string, s, e int) (int, int) {
	for s < e && !utf8.RuneStart(b[s]) {
		s++
	}
	for e > s && e < len(b) && !utf8.RuneStart(b[e]) {
		e--
	}
	return s, e
}

func qIsSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// qIsWordRune reports whether r can be part of a word token.
func qIsWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// qASCIIWord marks the ASCII bytes that are word runes.
var qASCIIWord = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = qIsWordRune(rune(c))
	}
	return t
}()

// qTokens splits s[from:to] into tokens with absolute offsets. Inner joiners
// (' ’ - . & ,) stay inside a word when a word rune follows ("Al-Rumayyan",
// "U.S", "1,000", "AT&T"); a trailing one is punctuation.
func qTokens(s string, from, to int, out []qTok) []qTok {
	return qFirstTokens(s, from, to, to-from, out) // a token has a byte at least
}

// qFirstTokens is qTokens(s, from, to, out) cut after its first n tokens:
// the callers that read a few words after a figure need not split all the
// window that bounds them.
func qFirstTokens(s string, from, to, n int, out []qTok) []qTok {
	if from >= to {
		return out
	}
	s = s[:to]
	limit := len(out) + n
	for i := from; i < len(s) && len(out) < limit; {
		c := s[i]
		if c >= utf8.RuneSelf {
			var t qTok
			if t, i = qTokenAt(s, i); t.end > t.start {
				out = append(out, t)
			}
			continue
		}
		if !qASCIIWord[c] {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' {
				out = append(out, qTok{start: i, end: i + 1})
			}
			i++
			continue
		}
		// ASCII fast path: most words are a run of ASCII letters and digits,
		// scanned here in a tight loop; a joiner or a non-ASCII byte after
		// them is read by qWordEnd
		j := i + 1
		for j < len(s) && qASCIIWord[s[j]] {
			j++
		}
		if j < len(s) && qMayJoin[s[j]] {
			j = qWordEnd(s, j)
		}
		out = append(out, qTok{start: i, end: j, word: true})
		i = j
		if i < len(s) && s[i] == ' ' {
			i++ // the space after most words, skipped without another turn of the loop
		}
	}
	return out
}

// qMayJoin marks the bytes after an ASCII run that may continue a word: the
// ASCII joiners and the first bytes of non-ASCII runes.
var qMayJoin = func() (t [256]bool) {
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	for _, c := range "'-.&," {
		t[c] = true
	}
	return t
}()

// qTokenAt reads the token at a non-ASCII rune s[i:]: a word, one
// punctuation rune, or nothing for a space (t empty); next is where the
// following token may start.
func qTokenAt(s string, i int) (t qTok, next int) {
	r, w := utf8.DecodeRuneInString(s[i:])
	if r == 0xA0 || unicode.IsSpace(r) {
		return qTok{}, i + w
	}
	if !qIsWordRune(r) {
		return qTok{start: i, end: i + w}, i + w
	}
	j := qWordEnd(s, i+w)
	return qTok{start: i, end: j, word: true}, j
}

// qWordEnd returns the end of the word that runs on at s[j:]: word runes,
// and joiners with a word rune after them.
func qWordEnd(s string, j int) int {
	for j < len(s) {
		c := s[j]
		if qASCIIWord[c] {
			j++
			continue
		}
		if c < utf8.RuneSelf && c != '\'' && c != '-' && c != '.' && c != '&' && c != ',' {
			break // a space or a mark that cannot join: the word ends, no decoding
		}
		r2, w2 := utf8.DecodeRuneInString(s[j:])
		if qIsWordRune(r2) {
			j += w2
			continue
		}
		if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&' || r2 == ',' {
			if j+w2 < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[j+w2:])
				if qIsWordRune(r3) && (r2 != ',' || r3 >= '0' && r3 <= '9' && s[j-1] >= '0' && s[j-1] <= '9') {
					j += w2
					continue
				}
			}
		}
		break
	}
	return j
}

// qLowerASCII appends s lower-cased (ASCII letters only) to buf, for
// allocation-free map look-ups: m[string(qLowerASCII(buf[:0], w))].
func qLowerASCII(buf []byte, s string) []byte {
	// copy once, then lower in place: a byte-wise append costs a capacity
	// check per byte, and this runs over the whole body
	n := len(buf)
	buf = append(buf, s...)
	b := buf[n:]
	for i, c := range b {
		if c-'A' < 26 {
			b[i] = c + 'a' - 'A'
		}
	}
	return buf
}

// qLowerWord returns the token text lower-cased (ASCII fast path, no
// allocation when already lower case) with curly apostrophes straightened.
func qLowerWord(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ReplaceAll(strings.ToLower(s), "’", "'")
		}
	}
	return s
}

// qIsUpperStart reports whether s starts with an upper-case letter.
func qIsUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// qAbbrev are words whose trailing period does not end a sentence.
var qAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "prof": true,
	"corp": true, "inc": true, "co": true, "ltd": true, "plc": true, "bros": true, "no": true, "vs": true,
	"gen": true, "gov": true, "sen": true, "rep": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"u.s": true, "u.k": true, "e.g": true, "i.e": true, "etc": true, "approx": true, "est": true,
}

// qSentenceBreakAt reports whether a sentence ends at the terminator b[i]
// ('.', '!' or '?'), looking at what follows and, for a period, at the word
// before it.
func qSentenceBreakAt(b string, i int) bool {
	c := b[i]
	if c != '.' && c != '!' && c != '?' {
		return false
	}
	j := i + 1
	// closing quote marks and brackets may follow the terminator
	for j < len(b) {
		if b[j] == '"' || b[j] == ')' || b[j] == '\'' {
			j++
			continue
		}
		if strings.HasPrefix(b[j:], "”") || strings.HasPrefix(b[j:], "’") {
			j += 3
			continue
		}
		break
	}
	if j < len(b) && !qIsSpaceByte(b[j]) {
		return false
	}
	if c != '.' {
		return true
	}
	// the word before the period
	k := i
	for k > 0 && k > i-12 && (b[k-1] >= 'a' && b[k-1] <= 'z' || b[k-1] >= 'A' && b[k-1] <= 'Z' || b[k-1] == '.') {
		k--
	}
	w := b[k:i]
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return false // an initial: "John F. Kennedy"
	}
	var buf [12]byte
	if qAbbrev[string(qLowerASCII(buf[:0], w))] {
		// "Corp." ends a sentence only when a capitalised word does not follow
		for j < len(b) && qIsSpaceByte(b[j]) {
			if b[j] == '\n' {
				return true
			}
			j++
		}
		if j < len(b) && b[j] >= 'a' && b[j] <= 'z' {
			return false
		}
		return strings.EqualFold(w, "inc") || strings.EqualFold(w, "ltd") || strings.EqualFold(w, "plc") ||
			strings.EqualFold(w, "etc")
	}
	return true
}

// qSentences returns the sentences of one paragraph [ps, pe).
func qSentences(b string, ps, pe int, out []model.Span) []model.Span {
	s := ps
	for i := ps; i < pe; i++ {
		c := b[i]
		if (c == '.' || c == '!' || c == '?') && qSentenceBreakAt(b[:pe], i) {
			e := i + 1
			for e < pe && (b[e] == '"' || b[e] == ')' || b[e] == '\'') {
				e++
			}
			for e+3 <= pe && (b[e:e+3] == "”" || b[e:e+3] == "’") {
				e += 3
			}
			if s2, e2 := qRuneSpan(b, s, e); e2 > s2 {
				out = append(out, model.Span{Start: s2, End: e2})
			}
			for e < pe && qIsSpaceByte(b[e]) {
				e++
			}
			s = e
			i = e - 1
		}
	}
	if s2, e2 := qRuneSpan(b, s, pe); e2 > s2 {
		out = append(out, model.Span{Start: s2, End: e2})
	}
	return out
}

// qDoc is the indexed article that attribution and ventures work on.
type qDoc struct {
	body  string
	paras []model.Span
	sents []model.Span // all sentences, in order
	ents  []model.Entity
	// mentions of people and companies, sorted by start
	ments []qMent
	// mentions of places and figures, sorted by start when othersSorted:
	// never a speaker
	others       []qMent
	othersSorted bool
	lower        string // body with ASCII lower-cased, made when lowerAt gives up
	// lowCache maps a capitalised word to its lower-case form (lowerAt);
	// lowSpent counts the bytes lowerAt allocated.
	lowCache map[string]string
	lowSpent int
	sortBuf  qSortBuf   // qSortMentsIn's scratch, shared by the sorts of this document
	mcur     mentCursor // mentionsIn's place in ments
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
		c.i = sort.Search(len(ms), func(i int) bool { return ms[i].start >= a })
	}
	for steps := 0; c.i < len(ms) && ms[c.i].start < a; steps++ {
		if steps == 16 {
			c.i += sort.Search(len(ms)-c.i, func(k int) bool { return ms[c.i+k].start >= a })
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

type qMent struct {
	start, end int
	ent        int // index into ents
}

// newQDoc indexes a; paragraphs are found only when needParas is set or the
// article has no sentence list.
func newQDoc(a model.Article, ents []model.Entity, needParas bool) *qDoc {
	d := &qDoc{body: a.Body, ents: ents}
	if needParas || len(a.Sentences) == 0 {
		d.paras = qParagraphs(a)
	}
	if len(a.Sentences) > 0 {
		d.sents = a.Sentences
	} else {
		d.sents = make([]model.Span, 0, len(a.Body)/100+1)
		for _, p := range d.paras {
			d.sents = qSentences(d.body, p.Start, p.End, d.sents)
		}
	}
	d.indexMentions()
	return d
}

func (d *qDoc) indexMentions() {
	n, o := 0, 0
	for _, e := range d.ents {
		if e.Kind == model.Person || e.Kind == model.Company {
			n += len(e.Mentions)
		} else {
			o += len(e.Mentions)
		}
	}
	if cap(d.ments) < n {
		d.ments = make([]qMent, 0, n+8)
	}
	if cap(d.others) < o {
		d.others = make([]qMent, 0, o)
	}
	d.ments, d.others = d.ments[:0], d.others[:0]
	d.mcur = mentCursor{}
	for i, e := range d.ents {
		for _, m := range e.Mentions {
			if m.Start >= 0 && m.End <= len(d.body) && m.Start < m.End {
				if e.Kind == model.Person || e.Kind == model.Company {
					d.ments = append(d.ments, qMent{m.Start, m.End, i})
				} else {
					d.others = append(d.others, qMent{m.Start, m.End, i})
				}
			}
		}
	}
	qSortMentsIn(d.ments, &d.sortBuf)
	d.othersSorted = false
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
			return x.start - y.start
		}
		return y.end - x.end
	}
	if len(ms) < 256 {
		slices.SortFunc(ms, cmp)
		return
	}
	hi := 0
	for _, m := range ms {
		hi = max(hi, m.start)
	}
	nb := len(ms)
	width := hi/nb + 1
	if cap(buf.counts) < nb+1 {
		buf.counts = make([]int32, nb+1)
	}
	counts := buf.counts[:nb+1]
	clear(counts)
	for _, m := range ms {
		counts[m.start/width+1]++
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
		k := m.start / width
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
func (d *qDoc) overlapsOther(a, b int) bool {
	if !d.othersSorted {
		qSortMentsIn(d.others, &d.sortBuf) // sorted on first use: few articles need it
		d.othersSorted = true
	}
	i := sort.Search(len(d.others), func(i int) bool { return d.others[i].end > a })
	return i < len(d.others) && d.others[i].start < b
}

// mentionsIn returns the person/company mentions inside [a, b).
func (d *qDoc) mentionsIn(a, b int) []qMent {
	i := d.mcur.from(d.ments, a)
	j := i
	for j < len(d.ments) && d.ments[j].start < b {
		j++
	}
	out := d.ments[i:j]
	// drop mentions running past b (copying only when there is one)
	for x, m := range out {
		if m.end > b {
			res := append([]qMent(nil), out[:x]...)
			for _, m := range out[x+1:] {
				if m.end <= b {
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
func (d *qDoc) lw(s, e int) string {
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
// is lowered once.
func (d *qDoc) lowerAt(s, e int) string {
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
		return d.lowerBody()[s:e]
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
func (d *qDoc) lowerBody() string {
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
func (d *qDoc) sentOf(pos int) int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].End > pos })
	if i >= len(d.sents) {
		return len(d.sents) - 1
	}
	return i
}
