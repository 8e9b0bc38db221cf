package annotate

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"newsmark/model"
)

// entities finds companies, people, places and figures in the body and the
// meta fields of a. Entity ids are "e1", "e2"… in order of first mention.
//
// The title, caption and contributors are appended after the body (each
// after a blank line) and scanned with it in one pass, so names found in
// the body are recognised in them; mentions past the body become meta
// mentions of their field.
func entities(a model.Article) []model.Entity {
	if len(a.Body)+len(a.Title)+len(a.Caption) >= math.MaxInt32-1<<20 {
		return nil // token offsets are 32-bit: a 2 GiB article is not news
	}
	d := newDoc(a)
	defer d.release()
	// Figures are read from the tokens alone, so on a long text they are
	// looked for on another core while the names are resolved; figures
	// then drops those inside a name.
	var cands chan []figure
	if len(d.ns.toks) >= parallelTokens && spareCore() {
		cands = make(chan []figure, 1)
		fd := d.figureDoc()
		buf := d.scratch.cands[:0] // the main goroutine leaves it alone until it receives
		go func() { cands <- fd.figureCandidates(buf) }()
	}
	d.names()
	if cands != nil {
		cs := <-cands
		d.figuresFrom(cs)
		d.scratch.cands = cs[:0]
	} else {
		d.figures()
	}
	return d.output()
}

// figureDoc returns a doc sharing d's text and tokens, for
// figureCandidates on another goroutine: figureAt keeps state in its doc.
func (d *doc) figureDoc() *doc {
	return &doc{text: d.text, ns: nameScanner{text: d.text, toks: d.ns.toks}, figs: d.figs}
}

// parallelTokens is the token count from which entities finds figures on
// another goroutine: below it, starting one costs more than it saves.
const parallelTokens = 20000

// entScratch holds the per-call buffers proportional to the text (tokens,
// coverage marks, chunks). Reusing them across calls saves the page faults
// and clearing of several fresh megabytes per megabyte of text, which cost
// more than the scan itself; nothing in them reaches the output.
type entScratch struct {
	toks    []token
	caps    []int32 // nameScanner.caps
	figs    []int32 // doc.figs
	covered []bool
	chunks  []chunk
	cands   []figure // figureCandidates
	// spans are emptied mention lists of the last call's entities (output
	// copies mentions out, so these are scratch too)
	spans [][]model.Span
	keys  []uint64 // output's sort keys
	// resolve's chunk indices, in text order and by length
	idx, byLen []int
}

// spanBuf returns an empty mention list for a new entity, reused when the
// pool has one.
func (d *doc) spanBuf() []model.Span {
	sc := d.scratch
	if sc == nil || len(sc.spans) == 0 {
		return nil
	}
	s := sc.spans[len(sc.spans)-1]
	sc.spans = sc.spans[:len(sc.spans)-1]
	return s[:0]
}

var entScratchPool = sync.Pool{New: func() any { return new(entScratch) }}

// release hands the doc's buffers back for the next call.
func (d *doc) release() {
	if d.scratch == nil {
		return
	}
	d.scratch.toks, d.scratch.covered, d.scratch.chunks = d.ns.toks[:0], d.covered[:0], d.ns.chunks[:0]
	d.scratch.caps, d.scratch.figs = d.ns.caps[:0], d.figs[:0]
	clear(d.scratch.spans) // lists a smaller article left unused are dropped
	d.scratch.spans = d.scratch.spans[:0]
	for i := len(d.ents) - 1; i >= 0; i-- {
		// in reverse, so spanBuf hands entity k the list entity k had
		if sp := d.ents[i].spans; cap(sp) > 0 {
			d.scratch.spans = append(d.scratch.spans, sp[:0])
		}
		d.ents[i].spans = nil
	}
	entScratchPool.Put(d.scratch)
	d.scratch, d.ns.toks, d.covered, d.ns.chunks = nil, nil, nil, nil
	d.ns.caps, d.figs = nil, nil
}

// field is a meta field's place in the scanned text.
type field struct {
	name string
	s, e int
}

// entB is an entity being built; spans index doc.text.
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

type doc struct {
	text    docText
	bodyLen int
	fields  []field
	ns      nameScanner
	ents    []entB
	// alias maps a name form to the entity it stands for.
	alias map[string]int
	// covered marks tokens already inside a mention.
	covered []bool
	figKeys map[figKey]int
	// aliasFirst filters the words that may start an alias.
	aliasFirst wordFilter
	// hyphenUnit is the unit numberAt found glued to a scale ("billion-dirham").
	hyphenUnit string
	// figs indexes the tokens that may open a figure (fFig).
	figs []int32
	// scratch is where toks, covered and chunks came from (see release).
	scratch *entScratch
}

func newDoc(a model.Article) *doc { return newDocText(a, false) }

// newDocText is newDoc; with oneString set it scans the body and fields
// copied into one string, as it once did (tests compare the two).
func newDocText(a model.Article, oneString bool) *doc {
	useLexicon()
	d := &doc{bodyLen: len(a.Body), alias: map[string]int{}, figKeys: map[figKey]int{}}
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
	d.ns.text = d.text
	sc := entScratchPool.Get().(*entScratch)
	d.scratch = sc
	if want := d.text.n/4 + 16; cap(sc.toks) < want {
		sc.toks = make([]token, 0, want)
	}
	d.ns.toks = scan(d.text.body[:d.text.cut], sc.toks[:0])
	from := len(d.ns.toks)
	d.ns.toks = scan(d.text.tail, d.ns.toks)
	if cut := int32(d.text.cut); cut > 0 {
		for i := from; i < len(d.ns.toks); i++ {
			d.ns.toks[i].s += cut
		}
	}
	// One pass lists the tokens the later passes start from, capitalised
	// words and figure openers, so that none of those passes walks the
	// whole token array again.
	caps, figs := sc.caps[:0], sc.figs[:0]
	toks := d.ns.toks
	for i := range toks {
		f := toks[i].flags
		if f&(fCap|fFig) == 0 {
			continue // most tokens
		}
		if f&fCap != 0 && toks[i].kind == kWord {
			caps = append(caps, int32(i))
		}
		if f&fFig != 0 {
			figs = append(figs, int32(i))
		}
	}
	d.ns.caps, d.figs = caps, figs
	if cap(sc.covered) < len(d.ns.toks) {
		sc.covered = make([]bool, len(d.ns.toks))
	}
	d.covered = sc.covered[:len(d.ns.toks)]
	clear(d.covered)
	// About one capitalised run per 40 bytes of news text.
	if want := d.text.n/40 + 8; cap(sc.chunks) < want {
		sc.chunks = make([]chunk, 0, want)
	}
	d.ns.chunks = sc.chunks[:0]
	d.ns.restrictFrom, d.ns.restrictTo = -1, -1
	for _, f := range d.fields {
		if f.name == model.FieldTitle && titleCased(a.Title) {
			d.ns.restrictFrom, d.ns.restrictTo = f.s, f.e
		}
	}
	return d
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
func (d *doc) names() {
	ns := &d.ns
	ns.findChunks()
	for i := range ns.chunks {
		ns.classify(&ns.chunks[i])
	}
	d.contributors()
	d.resolve()
	// Unresolved runs: an alias of a known entity, else context.
	for i := range ns.chunks {
		c := &ns.chunks[i]
		if c.kind() != "" || c.ent >= 0 {
			continue
		}
		if e, ok := d.lookup(c); ok {
			c.ent = e
			c.set(d.ents[e].kind, "alias")
			continue
		}
		if c.s >= ns.restrictFrom && c.s < ns.restrictTo {
			continue
		}
		if d.contextCompany(c) {
			c.set(model.Company, "context")
		}
	}
	d.propagateLists()
	d.resolve()
	d.aliasScan()
}

// lookup finds the entity a chunk's name (without a final period) stands for.
func (d *doc) lookup(c *chunk) (int, bool) {
	if e, ok := d.alias[bare(d.ns.chunkText(c))]; ok {
		return e, true
	}
	return 0, false
}

// resolve turns classified chunks into entities, longest names first.
func (d *doc) resolve() {
	ns := &d.ns
	sc := d.scratch
	if sc == nil {
		sc = new(entScratch)
	}
	idx := sc.idx[:0]
	for i := range ns.chunks {
		c := &ns.chunks[i]
		if c.ent < 0 && (c.kind() == model.Company || c.kind() == model.Person || c.kind() == model.Place) {
			idx = append(idx, i)
		}
	}
	// Longest first, stable: a counting sort by word count keeps this linear.
	sc.idx = idx
	sc.byLen = byLengthDesc(ns.chunks, idx, sc.byLen[:0])
	for _, i := range sc.byLen {
		c := &ns.chunks[i]
		name := bare(ns.chunkText(c))
		// A company named like a person's surname ("Adani" after "Gautam
		// Adani") stays a company.
		if e, ok := d.alias[name]; ok && (d.ents[e].kind == c.kind() || c.kind() != model.Company) {
			c.ent = e
			d.mention(e, c.t0, c.t1, c.s, c.e)
			continue
		}
		if short, ok := lex.knownShort[name]; ok {
			if e, ok := d.alias[short]; ok {
				c.ent = e
				d.mention(e, c.t0, c.t1, c.s, c.e)
				continue
			}
		}
		e := len(d.ents)
		d.ents = append(d.ents, entB{kind: c.kind(), canonical: ns.chunkText(c), cue: c.cue(), first: c.s, spans: d.spanBuf()})
		c.ent = e
		d.mention(e, c.t0, c.t1, c.s, c.e)
		d.registerAliases(e, c)
	}
	// Acronyms defined in brackets or with "or": "Public Investment Fund (PIF)".
	// A chunk the first call read needs no second look: the alias is set
	// or taken already, and a repeated mention would be dropped.
	for i := range ns.chunks {
		c := &ns.chunks[i]
		if c.ent < 0 || c.bracketsRead || d.ents[c.ent].kind != model.Company {
			continue
		}
		c.bracketsRead = true
		d.bracketAlias(c)
	}
}

// mention records a body or meta mention, once per span.
func (d *doc) mention(e, t0, t1, s, end int) {
	for k := t0; k < t1 && k < len(d.covered); k++ {
		d.covered[k] = true
	}
	// Duplicates (a ticker seen by both resolve passes) are dropped when
	// the spans are sorted for output; checking here would be quadratic.
	d.ents[e].spans = append(d.ents[e].spans, model.Span{Start: s, End: end})
	if s < d.ents[e].first {
		d.ents[e].first = s
	}
}

// output turns the built entities into model entities: ids in order of first
// mention, meta mentions split off, canonical the fullest name.
func (d *doc) output() []model.Entity {
	order := make([]int, 0, len(d.ents))
	for i := range d.ents {
		if len(d.ents[i].spans) > 0 {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return d.ents[order[a]].first < d.ents[order[b]].first })
	out := make([]model.Entity, 0, len(order))
	for _, i := range order {
		b := &d.ents[i]
		b.spans = d.sortSpans(b.spans)
		ent := model.Entity{ID: "e" + strconv.Itoa(len(out)+1), Kind: b.kind, Subkind: b.sub, Cue: b.cue,
			Value: b.value, Unit: b.unit, Per: b.per, Mentions: make([]model.Span, 0, len(b.spans)),
			MetaMentions: []model.MetaMention{}}
		for _, sp := range b.spans {
			if sp.End <= d.bodyLen {
				ent.Mentions = append(ent.Mentions, sp)
				continue
			}
			for _, f := range d.fields {
				if sp.Start >= f.s && sp.End <= f.e {
					ent.MetaMentions = append(ent.MetaMentions, model.MetaMention{Field: f.name, Start: sp.Start - f.s, End: sp.End - f.s})
				}
			}
		}
		if len(ent.Mentions) == 0 && len(ent.MetaMentions) == 0 {
			continue
		}
		first := b.spans[0]
		ent.Text = d.text.slice(first.Start, first.End)
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
func (d *doc) sortSpans(sp []model.Span) []model.Span {
	var keys []uint64
	if d.scratch != nil {
		keys = d.scratch.keys[:0]
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
	if d.scratch != nil {
		d.scratch.keys = keys[:0]
	}
	return out
}

// byLengthDesc orders chunk indices by token count, longest first, keeping
// text order among equals, into out.
func byLengthDesc(cs []chunk, idx, out []int) []int {
	const maxLen = 16
	var count [maxLen + 1]int
	l := func(i int) int { return min(cs[i].t1-cs[i].t0, maxLen) }
	for _, i := range idx {
		count[maxLen-l(i)]++
	}
	pos, sum := [maxLen + 1]int{}, 0
	for k := range count {
		pos[k] = sum
		sum += count[k]
	}
	out = slices.Grow(out[:0], len(idx))[:len(idx)]
	for _, i := range idx {
		k := maxLen - l(i)
		out[pos[k]] = i
		pos[k]++
	}
	return out
}
