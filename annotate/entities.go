package annotate

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"newsmark/model"
)

// entityPass finds companies, people, places and figures in the doc's
// tokens, the body's and the meta fields' alike (mentions past the body
// become meta mentions of their field). Entity ids are "e1", "e2"… in
// order of first mention.
type entityPass struct {
	text docText // first: tok, asked about every figure's words, stays inlined
	d    *doc
	// bodyLen and fields place the body and the meta fields in text
	bodyLen int
	fields  []field
	ns      nameScanner
	ents    []entB
	// alias maps a name form to the entity it stands for.
	alias map[string]int
	// covered marks tokens already inside a mention.
	covered tokenSet
	figKeys map[figKey]int
	// aliasFirst filters the words that may start an alias.
	aliasFirst wordFilter
	// hyphenUnit is the unit numberAt found glued to a scale ("billion-dirham").
	hyphenUnit string
	// figs indexes the tokens that may open a figure (fMark).
	figs []int32
	// scratch holds the pass's buffers (covered, chunks, …), the doc's
	scratch *scratch
}

// findEntities runs the entity pass on d: names first, then the figures
// outside them. On a long text the figures are read from the tokens on
// another core while the names are resolved; figuresFrom then drops those
// inside a name.
func findEntities(d *doc) []model.Entity {
	if d.toks == nil {
		return nil
	}
	ep := newEntityPass(d)
	var cands chan []figure
	// (not on a big text: the candidates' list, tens of bytes a figure,
	// would add to the peak of memory the chunk list makes)
	if len(ep.ns.toks) >= parallelTokens && ep.text.n < bigText && spareCore() {
		cands = make(chan []figure, 1)
		fp := ep.figurePass()
		buf := ep.scratch.cands[:0] // this goroutine leaves it alone until it receives
		go func() { cands <- fp.figureCandidates(buf) }()
	}
	ep.names()
	if cands != nil {
		cs := <-cands
		ep.figuresFrom(cs)
		ep.scratch.cands = cs[:0]
	} else {
		if ep.text.n >= bigText {
			ep.figs = markedTokens(ep.ns.toks, d.nfigs) // listed only now: see newDocText
		}
		ep.figures()
	}
	ents := ep.output()
	ep.release()
	return ents
}

// markedTokens lists the n tokens flagged fMark.
func markedTokens(toks []token, n int) []int32 {
	figs := make([]int32, 0, n)
	for i := range toks {
		if toks[i].flags&fMark != 0 {
			figs = append(figs, int32(i))
		}
	}
	return figs
}

// figurePass returns a pass sharing ep's text and tokens, for
// figureCandidates on another goroutine: figureAt keeps state in its pass.
func (ep *entityPass) figurePass() *entityPass {
	return &entityPass{text: ep.text, ns: nameScanner{text: ep.text, toks: ep.ns.toks}, figs: ep.figs}
}

// parallelTokens is the token count from which the entity pass finds
// figures on another goroutine: below it, starting one costs more than it
// saves.
const parallelTokens = 20000

// spanBuf returns an empty mention list for a new entity, reused when the
// pool has one.
func (ep *entityPass) spanBuf() []model.Span {
	sc := ep.scratch
	if sc == nil || len(sc.spans) == 0 {
		return nil
	}
	s := sc.spans[len(sc.spans)-1]
	sc.spans = sc.spans[:len(sc.spans)-1]
	return s[:0]
}

// release hands the pass's buffers back to its doc's scratch for the next
// call (the tokens stay: the doc owns them).
func (ep *entityPass) release() {
	sc := ep.scratch
	if sc == nil {
		return
	}
	sc.covered, sc.chunks = ep.covered[:0], ep.ns.chunks[:0]
	clear(sc.spans) // lists a smaller article left unused are dropped
	sc.spans = sc.spans[:0]
	if ep.text.n >= bigText {
		// a big text's buffers go now, before the quotes and ventures are
		// read, rather than wait for the next article
		sc.covered, sc.chunks, sc.cands, sc.keys, sc.byLen = nil, nil, nil, nil, nil
	}
	for i := len(ep.ents) - 1; i >= 0; i-- {
		// in reverse, so spanBuf hands entity k the list entity k had
		if sp := ep.ents[i].spans; cap(sp) > 0 && ep.text.n < bigText {
			sc.spans = append(sc.spans, sp[:0])
		}
		ep.ents[i].spans = nil
	}
	ep.scratch, ep.covered, ep.ns.chunks = nil, nil, nil
}

// tokenSet is a set of token indices, a bit each: the entity pass's marks
// (a bool each would be a byte per token, megabytes on a long text).
type tokenSet []uint64

// newTokenSet returns an empty set for indices below n, in buf's memory
// when it has room.
func newTokenSet(buf tokenSet, n int) tokenSet {
	w := (n + 63) >> 6
	if cap(buf) < w {
		return make(tokenSet, w)
	}
	buf = buf[:w]
	clear(buf)
	return buf
}

// has reports whether i is in the set (never, in a nil set).
func (s tokenSet) has(i int) bool { return i>>6 < len(s) && s[i>>6]&(1<<(i&63)) != 0 }

// add puts i in the set; an index past its end is left out.
func (s tokenSet) add(i int) {
	if i>>6 < len(s) {
		s[i>>6] |= 1 << (i & 63)
	}
}

// entB is an entity being built; spans index the doc's text.
type entB struct {
	kind      model.EntityKind
	sub       model.FigureKind
	canonical string
	cue       string
	spans     []model.Span
	value     float64
	unit, per string
	first     int
}

// newEntityPass prepares the entity pass over d's tokens.
func newEntityPass(d *doc) *entityPass {
	ep := &entityPass{d: d, text: d.text, bodyLen: d.bodyLen, fields: d.fields, alias: map[string]int{},
		figKeys: map[figKey]int{}, figs: d.figs, scratch: d.scratch}
	ep.ns.text, ep.ns.toks, ep.ns.caps = d.text, d.toks, d.caps
	sc := d.scratch
	ep.covered = newTokenSet(sc.covered, len(d.toks))
	sc.covered = nil
	// About one capitalised run per 40 bytes of news text. A big text's
	// list is megabytes, and growing it would hold the old array and the
	// new at once: it gets room for 5 chunks per 8 capitalised words
	// (news stories have 3 to 8 per 10, long ones 5 to 6).
	want := d.text.n/40 + 8
	if d.text.n >= bigText {
		want = len(d.caps)*5/8 + 4096
	}
	if cap(sc.chunks) < want {
		sc.chunks = make([]chunk, 0, want)
	}
	ep.ns.chunks = sc.chunks[:0]
	sc.chunks = nil // the pass's now (release hands it back): when it grows, the old array is garbage
	ep.ns.restrictFrom, ep.ns.restrictTo = -1, -1
	for _, f := range d.fields {
		if f.name == model.FieldTitle && titleCased(d.title) {
			ep.ns.restrictFrom, ep.ns.restrictTo = f.s, f.e
		}
	}
	return ep
}

// titleCased reports whether most words of a headline are capitalised, in
// which case capitals say nothing about names.
func titleCased(s string) bool {
	caps, all := 0, 0
	for _, w := range strings.Fields(s) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			caps++
		}
		if w[0] >= 'a' && w[0] <= 'z' || w[0] >= 'A' && w[0] <= 'Z' {
			all++
		}
	}
	return all >= 4 && caps*10 >= all*7
}

// names finds companies, people and places: classify each capitalised run,
// turn the resolved ones into entities (longest names first, so short forms
// become aliases of the full name), then resolve the rest by alias and
// context, and finally pick up alias mentions anywhere.
func (ep *entityPass) names() {
	ns := &ep.ns
	ns.findChunks()
	for i := range ns.chunks {
		ns.classify(&ns.chunks[i])
	}
	ep.contributors()
	ep.resolve()
	ep.firmsNamedLikePeople()
	// People listed with a person are people before any context rule
	// reads their surnames ("Peter Carrow and JP McAlister" … "McAlister said").
	ep.propagateLists()
	ep.resolve()
	// Unresolved runs: an alias of a known entity, else context.
	for i := range ns.chunks {
		c := &ns.chunks[i]
		if c.kind() != "" || c.ent >= 0 {
			continue
		}
		if e, ok := ep.lookup(c); ok {
			c.ent = int32(e)
			c.set(ep.ents[e].kind, "alias")
			continue
		}
		if ns.restricted(c) {
			continue
		}
		if ep.contextCompany(c) {
			c.set(model.Company, "context")
		}
	}
	ep.propagateLists()
	ep.resolve()
	ep.mergeSurnames()
	if ep.text.n >= bigText {
		// The chunk list (48 bytes a capitalised run: megabytes) is
		// done with: the alias scan and the figures read tokens only.
		ep.ns.chunks = nil
		if sc := ep.scratch; sc != nil {
			sc.byLen = nil
		}
	}
	ep.aliasScan()
}

// mergeSurnames: a surname that became a person of its own before the full
// name was known ("Mr McAlister", found by its honorific, and "JP McAlister",
// found later in a list) is the person of the full name, when only one
// person has that surname.
func (ep *entityPass) mergeSurnames() {
	var lone map[string]int // one-word people by name
	for i := range ep.ents {
		if b := &ep.ents[i]; b.kind == model.Person && !strings.Contains(b.canonical, " ") && len(b.spans) > 0 {
			if lone == nil {
				lone = map[string]int{}
			}
			lone[b.canonical] = i
		}
	}
	if lone == nil {
		return
	}
	full := map[string]int{} // surname → the one person of several words with it, or -1
	for i := range ep.ents {
		b := &ep.ents[i]
		if b.kind != model.Person || !strings.Contains(b.canonical, " ") {
			continue
		}
		last := b.canonical[strings.LastIndexByte(b.canonical, ' ')+1:]
		if _, ok := lone[last]; !ok {
			continue
		}
		if _, seen := full[last]; seen {
			full[last] = -1
		} else {
			full[last] = i
		}
	}
	for name, to := range full {
		if to < 0 {
			continue
		}
		from := lone[name]
		for _, sp := range ep.ents[from].spans {
			ep.ents[to].spans = append(ep.ents[to].spans, sp)
			ep.ents[to].first = min(ep.ents[to].first, sp.Start)
		}
		ep.ents[from].spans = ep.ents[from].spans[:0]
		ep.alias[name] = to
	}
}

// lookup finds the entity a chunk's name (without a final period) stands for.
func (ep *entityPass) lookup(c *chunk) (int, bool) {
	if e, ok := ep.alias[bare(ep.ns.chunkText(c))]; ok {
		return e, true
	}
	return 0, false
}

// extendKnown: a known name that classify cut from a longer run ("Hyundai"
// of "Kestrel Rail will build") is the longer name when the story names an
// entity so elsewhere ("South Korea's Kestrel Rail").
func (ep *entityPass) extendKnown(c *chunk) bool {
	ns := &ep.ns
	if c.cue() != "known-name" || !ns.isCapWord(int(c.t1)) || int(ns.toks[c.t1].s) != int(c.e+1) {
		return false
	}
	for k := c.t1 + 1; k <= c.t1+3 && ns.isCapWord(int(k-1)); k++ {
		end := int(ns.toks[k-1].end())
		if e, ok := ep.alias[bare(ns.text.slice(int(c.s), end))]; ok && ep.ents[e].kind == model.Company {
			c.t1, c.e, c.ent = k, int32(end), int32(e)
			ep.mention(e, int(c.t0), int(c.t1), int(c.s), int(c.e))
			return true
		}
	}
	return false
}

// personByFirstName returns the one person whose name starts with name, for
// a lone word after an honorific ("Dr Razak", "Sheikh Saif"), or -1:
// in many cultures the honorific goes with the given name.
func (ep *entityPass) personByFirstName(c *chunk, name string) int {
	if c.kind() != model.Person || !c.title || c.t1-c.t0 != 1 {
		return -1
	}
	found := -1
	for i := range ep.ents {
		b := &ep.ents[i]
		if b.kind == model.Person && len(b.canonical) > len(name) && b.canonical[len(name)] == ' ' && b.canonical[:len(name)] == name {
			if found >= 0 {
				return -1 // two people share it
			}
			found = i
		}
	}
	return found
}

// possessiveTypo finds the entity a name of two words or more stands for
// when it is that entity's name with an "s" glued on, a possessive that lost
// its apostrophe ("MidOcean Energys CEO").
func (ep *entityPass) possessiveTypo(c *chunk, name string) (int, bool) {
	if n := len(name); c.t1-c.t0 > 1 && n > 2 && name[n-1] == 's' && name[n-2] != 's' {
		e, ok := ep.alias[name[:n-1]]
		return e, ok
	}
	return 0, false
}

// resolve turns classified chunks into entities, longest names first.
func (ep *entityPass) resolve() {
	ns := &ep.ns
	sc := ep.scratch
	if sc == nil {
		sc = new(scratch)
	}
	// Longest first, stable: a counting sort by word count keeps this linear.
	sc.byLen = unresolvedByLength(ns.chunks, sc.byLen[:0])
	for _, i := range sc.byLen {
		c := &ns.chunks[i]
		if ep.extendKnown(c) {
			continue
		}
		name := bare(ns.chunkText(c))
		// A company named like a person's surname ("Adani" after "Gautam
		// Adani") stays a company.
		if e, ok := ep.alias[name]; ok && (ep.ents[e].kind == c.kind() || c.kind() != model.Company) {
			c.ent = int32(e)
			ep.mention(e, int(c.t0), int(c.t1), int(c.s), int(c.e))
			continue
		}
		// "MidOcean Energys CEO": a possessive without its apostrophe
		if e, ok := ep.possessiveTypo(c, name); ok && ep.ents[e].kind == c.kind() {
			c.ent = int32(e)
			ep.mention(e, int(c.t0), int(c.t1), int(c.s), int(c.e))
			continue
		}
		if short, ok := lex.knownShort[name]; ok {
			if e, ok := ep.alias[short]; ok {
				c.ent = int32(e)
				ep.mention(e, int(c.t0), int(c.t1), int(c.s), int(c.e))
				continue
			}
		}
		// "Dr Razak" after "Tun Dr Razak Hamzah": an honorific
		// before a person's first name
		if e := ep.personByFirstName(c, name); e >= 0 {
			c.ent = int32(e)
			ep.mention(e, int(c.t0), int(c.t1), int(c.s), int(c.e))
			continue
		}
		e := len(ep.ents)
		ep.ents = append(ep.ents, entB{kind: c.kind(), canonical: ns.chunkText(c), cue: c.cue(), first: int(c.s), spans: ep.spanBuf()})
		c.ent = int32(e)
		ep.mention(e, int(c.t0), int(c.t1), int(c.s), int(c.e))
		ep.registerAliases(e, c)
	}
	// Acronyms defined in brackets or with "or": "Public Investment Fund (PIF)".
	// A chunk the first call read needs no second look: the alias is set
	// or taken already, and a repeated mention would be dropped.
	for i := range ns.chunks {
		c := &ns.chunks[i]
		if c.ent < 0 || c.bracketsRead || ep.ents[c.ent].kind != model.Company {
			continue
		}
		c.bracketsRead = true
		ep.bracketAlias(c)
	}
}

// mention records a body or meta mention, once per span.
func (ep *entityPass) mention(e, t0, t1, s, end int) {
	for k := t0; k < t1; k++ {
		ep.covered.add(k)
	}
	// Duplicates (a ticker seen by both resolve passes) are dropped when
	// the spans are sorted for output; checking here would be quadratic.
	ep.ents[e].spans = append(ep.ents[e].spans, model.Span{Start: s, End: end})
	if s < ep.ents[e].first {
		ep.ents[e].first = s
	}
}

// output turns the built entities into model entities: ids in order of first
// mention, meta mentions split off, canonical the fullest name.
func (ep *entityPass) output() []model.Entity {
	order := make([]int, 0, len(ep.ents))
	for i := range ep.ents {
		if len(ep.ents[i].spans) > 0 {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return ep.ents[order[a]].first < ep.ents[order[b]].first })
	out := make([]model.Entity, 0, len(order))
	for _, i := range order {
		b := &ep.ents[i]
		b.spans = ep.sortSpans(b.spans)
		ent := model.Entity{ID: "e" + strconv.Itoa(len(out)+1), Kind: b.kind, Subkind: b.sub, Cue: b.cue,
			Value: b.value, Unit: b.unit, Per: b.per, MetaMentions: []model.MetaMention{}}
		// lists of its own, no longer than they need (a big text's are
		// megabytes, and the builders' have room to grow): the builders'
		// go back to the scratch, or, on a big text, to the collector
		// while the chunk list, gone already, no longer adds to the peak
		inBody := 0
		for _, sp := range b.spans {
			if sp.End <= ep.bodyLen {
				inBody++
			}
		}
		ent.Mentions = make([]model.Span, 0, inBody)
		if inBody < len(b.spans) {
			ent.MetaMentions = make([]model.MetaMention, 0, len(b.spans)-inBody)
		}
		for _, sp := range b.spans {
			if sp.End <= ep.bodyLen {
				ent.Mentions = append(ent.Mentions, sp)
				continue
			}
			for _, f := range ep.fields {
				if sp.Start >= f.s && sp.End <= f.e {
					ent.MetaMentions = append(ent.MetaMentions, model.MetaMention{Field: f.name, Start: sp.Start - f.s, End: sp.End - f.s})
				}
			}
		}
		if len(ent.Mentions) == 0 && len(ent.MetaMentions) == 0 {
			continue
		}
		first := b.spans[0]
		ent.Text = ep.text.slice(first.Start, first.End)
		ent.Canonical = b.canonical
		if b.kind == model.Figure {
			ent.Canonical = ""
		}
		out = append(out, ent)
	}
	return out
}

// sortSpans sorts a mention list by start, then end, and drops repeats.
// Each span is sorted as one integer, start<<32|end (offsets are 32-bit):
// a comparison function called on every step of the sort cost three times
// as much, and the lists of a long text's names are long.
func (ep *entityPass) sortSpans(sp []model.Span) []model.Span {
	var keys []uint64
	if ep.scratch != nil {
		keys = ep.scratch.keys[:0]
	}
	for _, x := range sp {
		keys = append(keys, uint64(x.Start)<<32|uint64(x.End))
	}
	if !slices.IsSorted(keys) { // figures are mentioned in text order
		slices.Sort(keys)
	}
	out := sp[:0]
	for i, k := range keys {
		if i > 0 && k == keys[i-1] {
			continue
		}
		out = append(out, model.Span{Start: int(k >> 32), End: int(k & (1<<32 - 1))})
	}
	if ep.scratch != nil {
		ep.scratch.keys = keys[:0]
	}
	return out
}

// namedKind tells which of chunkKinds resolve makes entities of.
var namedKind = func() (ok [len(chunkKinds)]bool) {
	for i, k := range chunkKinds {
		ok[i] = k == model.Company || k == model.Person || k == model.Place
	}
	return ok
}()

// unresolvedByLength returns, in out, the indices of the chunks named a
// company, person or place and not yet resolved, ordered by token count,
// longest first, keeping text order among equals. The indices are 32-bit
// (half the memory on a long text), and no list of those chunks is made
// first: they are picked out twice instead.
func unresolvedByLength(cs []chunk, out []int32) []int32 {
	const maxLen = 16
	var count [maxLen + 1]int
	keep := func(c *chunk) bool { return c.ent < 0 && namedKind[c.kindID] }
	l := func(c *chunk) int { return int(min(c.t1-c.t0, maxLen)) }
	n := 0
	for i := range cs {
		if c := &cs[i]; keep(c) {
			count[maxLen-l(c)]++
			n++
		}
	}
	pos, sum := [maxLen + 1]int{}, 0
	for k := range count {
		pos[k] = sum
		sum += count[k]
	}
	out = slices.Grow(out[:0], n)[:n]
	for i := range cs {
		if c := &cs[i]; keep(c) {
			k := maxLen - l(c)
			out[pos[k]] = int32(i)
			pos[k]++
		}
	}
	return out
}
