package annotate

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

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
	d.names()
	d.figures()
	return d.output()
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
	text    string
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
}

func newDoc(a model.Article) *doc {
	var b strings.Builder
	if a.Title != "" || a.Caption != "" || len(a.Contributors) > 0 {
		b.Grow(len(a.Body) + len(a.Title) + len(a.Caption) + 8*len(a.Contributors) + 64)
		b.WriteString(a.Body)
	}
	d := &doc{bodyLen: len(a.Body), alias: map[string]int{}, figKeys: map[figKey]int{}}
	add := func(name, s string) {
		if strings.TrimSpace(s) == "" {
			return
		}
		b.WriteString("\n\n")
		st := b.Len()
		b.WriteString(s)
		d.fields = append(d.fields, field{name, st, b.Len()})
	}
	add(model.FieldTitle, a.Title)
	add(model.FieldCaption, a.Caption)
	add(model.FieldContributors, strings.Join(a.Contributors, ", "))
	d.text = b.String()
	if len(d.fields) == 0 {
		d.text = a.Body // nothing appended: no need for the copy
	}
	d.ns.text = d.text
	d.ns.toks = scan(d.text, make([]token, 0, len(d.text)/4+16))
	d.covered = make([]bool, len(d.ns.toks))
	// About one capitalised run per 40 bytes of news text.
	d.ns.chunks = make([]chunk, 0, len(d.text)/40+8)
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
	d.resolve(false)
	// Unresolved runs: an alias of a known entity, else context.
	for i := range ns.chunks {
		c := &ns.chunks[i]
		if c.kind != "" || c.ent >= 0 {
			continue
		}
		if e, ok := d.lookup(c); ok {
			c.ent, c.kind, c.cue = e, d.ents[e].kind, "alias"
			continue
		}
		if c.s >= ns.restrictFrom && c.s < ns.restrictTo {
			continue
		}
		if d.contextCompany(c) {
			c.kind, c.cue = model.Company, "context"
		}
	}
	d.propagateLists()
	d.resolve(true)
	d.aliasScan()
}

// lookup finds a chunk's entity by its name or its name minus a leading or
// trailing word or a "Mr." title.
func (d *doc) lookup(c *chunk) (int, bool) {
	if e, ok := d.alias[bare(d.ns.chunkText(c))]; ok {
		return e, true
	}
	return 0, false
}

// contextCompany applies the context rules to an unresolved run.
func (d *doc) contextCompany(c *chunk) bool {
	ns := &d.ns
	n := c.t1 - c.t0
	first := ns.word(c.t0)
	if lex.firstName.has(first) && n >= 2 || lex.demonym.has(first) || lex.commonCap.has(first) || lex.dateWord.has(first) || lex.title.has(first) {
		return false
	}
	if lex.nonCompanyEnd.has(ns.word(c.t1 - 1)) {
		return false
	}
	if ns.companyContext(c) {
		return true
	}
	// "Walmart said", "Flipkart agreed": one unknown word doing what companies do.
	if n == 1 && !lex.firstName.has(first) {
		v := ns.lowerWord(c.t1)
		if v == "has" || v == "will" || v == "is" || v == "was" {
			v = ns.lowerWord(c.t1 + 1)
			return lex.companyVerb.has(v) && v != "said"
		}
		if ns.toks[c.t0].flags&fSent != 0 && strings.HasSuffix(first, "ly") {
			return false
		}
		return lex.companyVerb.has(v) || v == "said" || v == "spokesman" || v == "spokeswoman" || v == "shareholders" ||
			v == "executives" || v == "subsidiary"
	}
	return false
}

// propagateLists: in "A, B, C and D" a run next to a company is a company.
func (d *doc) propagateLists() {
	ns := &d.ns
	cs := ns.chunks
	for pass := 0; pass < 3; pass++ {
		changed := false
		for i := range cs {
			c := &cs[i]
			if c.kind != "" || c.ent >= 0 || lex.commonCap.has(ns.word(c.t0)) || lex.firstName.has(ns.word(c.t0)) && c.t1-c.t0 > 1 ||
				lex.demonym.has(ns.word(c.t0)) {
				continue
			}
			if ns.toks[c.t0].flags&fSent != 0 && c.t1-c.t0 == 1 && ns.isPunct(c.t1, ',') {
				continue // "Initially, BMW ..." is no list
			}
			if c.s >= ns.restrictFrom && c.s < ns.restrictTo {
				continue
			}
			isCo := func(j int) bool { return j >= 0 && j < len(cs) && cs[j].kind == model.Company }
			sep := func(a, b *chunk) bool {
				// a ends right before ", " or " and " then b.
				k := a.t1
				if ns.isPunct(k, ',') {
					k++
				}
				if w := ns.lowerWord(k); w == "and" || w == "or" {
					k++
				}
				return k == b.t0 && k > a.t1
			}
			nextPoss := i+1 < len(cs) && cs[i+1].t1 < len(ns.toks) && ns.toks[cs[i+1].t1].kind == kPoss
			if (isCo(i-1) && sep(&cs[i-1], c)) || (isCo(i+1) && sep(c, &cs[i+1]) && ns.isPunct(c.t1, ',') && !nextPoss) {
				c.kind, c.cue = model.Company, "list"
				changed = true
				continue
			}
			// "John Magnier and JP McManus": people listed with a person.
			isPer := func(j int) bool { return j >= 0 && j < len(cs) && cs[j].kind == model.Person }
			if n := c.t1 - c.t0; n >= 2 && n <= 3 && ns.personShaped(c) &&
				(isPer(i-1) && sep(&cs[i-1], c) || isPer(i+1) && sep(c, &cs[i+1])) {
				c.kind, c.cue = model.Person, "list"
				changed = true
			}
		}
		if !changed {
			break
		}
	}
}

// creditWords open a credit line in the body: "With assistance from A and B",
// "Reporting by A; Editing by B".
var creditWords = map[string]bool{"from": true, "by": true, "By": true}

// contributors: names on the credit line are people.
func (d *doc) contributors() {
	ns := &d.ns
	for i := range ns.chunks {
		c := &ns.chunks[i]
		if c.kind != "" || c.t1-c.t0 < 2 || c.t1-c.t0 > 3 || !ns.personShaped(c) {
			continue
		}
		// Walk back over earlier names of the same credit ("A, B and C").
		k := c.t0 - 1
		for k >= 0 && c.t0-k < 40 { // a credit names a few people, not a page of them
			w := ns.word(k)
			if ns.toks[k].kind == kPunct && (w == "," || w == ";") || w == "and" || ns.isCapWord(k) {
				k--
				continue
			}
			break
		}
		if k < 0 || !creditWords[ns.word(k)] {
			continue
		}
		p := ""
		if k > 0 {
			p = strings.ToLower(ns.word(k - 1))
		}
		if ns.word(k) == "By" && (k == 0 || ns.toks[k].flags&fPara != 0 || ns.toks[k-1].kind == kBreak) ||
			p == "assistance" || p == "reporting" || p == "writing" || p == "editing" {
			c.kind, c.cue = model.Person, "credit"
		}
	}
	for _, f := range d.fields {
		if f.name != model.FieldContributors {
			continue
		}
		for i := range d.ns.chunks {
			c := &d.ns.chunks[i]
			if c.s >= f.s && c.e <= f.e && c.kind == "" && c.t1-c.t0 >= 2 {
				c.kind, c.cue = model.Person, "credit"
			}
		}
	}
}

// resolve turns classified chunks into entities, longest names first.
func (d *doc) resolve(second bool) {
	ns := &d.ns
	idx := make([]int, 0, len(ns.chunks))
	for i := range ns.chunks {
		c := &ns.chunks[i]
		if c.ent < 0 && (c.kind == model.Company || c.kind == model.Person || c.kind == model.Place) {
			idx = append(idx, i)
		}
	}
	// Longest first, stable: a counting sort by word count keeps this linear.
	idx = byLengthDesc(ns.chunks, idx)
	for _, i := range idx {
		c := &ns.chunks[i]
		name := bare(ns.chunkText(c))
		// A company named like a person's surname ("Adani" after "Gautam
		// Adani") stays a company.
		if e, ok := d.alias[name]; ok && (d.ents[e].kind == c.kind || c.kind != model.Company) {
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
		d.ents = append(d.ents, entB{kind: c.kind, canonical: ns.chunkText(c), cue: c.cue, first: c.s})
		c.ent = e
		d.mention(e, c.t0, c.t1, c.s, c.e)
		d.registerAliases(e, c)
	}
	// Acronyms defined in brackets or with "or": "Public Investment Fund (PIF)".
	for i := range ns.chunks {
		c := &ns.chunks[i]
		if c.ent < 0 || d.ents[c.ent].kind != model.Company {
			continue
		}
		d.bracketAlias(c)
	}
	_ = second
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

func (d *doc) setAlias(key string, e int) {
	if key == "" {
		return
	}
	if _, taken := d.alias[key]; !taken {
		d.alias[key] = e
		first, _, _ := strings.Cut(key, " ")
		d.aliasFirst.add(first)
	}
}

// registerAliases adds the short forms an article may use later: a person's
// surname; a company without its suffixes ("SoftBank Group Corp." →
// "SoftBank Group" → "SoftBank"), its initials ("IBM") and its conventional
// short name.
func (d *doc) registerAliases(e int, c *chunk) {
	ns := &d.ns
	name := bare(ns.chunkText(c))
	d.setAlias(name, e)
	d.setAlias(ns.chunkText(c), e)
	n := c.t1 - c.t0
	switch d.ents[e].kind {
	case model.Person:
		if n >= 2 {
			last := ns.word(c.t1 - 1)
			if last == "Jr" || last == "Sr" || last == "II" || last == "III" {
				last = ns.word(c.t1 - 2)
			}
			d.setAlias(last, e)
			// "Chey Tae-won": a hyphenated given name after the family
			// name (Korean, Chinese order), so the first word is the surname.
			if n == 2 && strings.Contains(last, "-") {
				d.setAlias(ns.word(c.t0), e)
			}
			if lex.firstName.has(ns.word(c.t0)) && n == 2 {
				// "Avi" for "Avi Glazer" only when no one else has it.
				d.setAlias(ns.word(c.t0), e)
			}
		}
	case model.Company:
		if short, ok := lex.knownShort[name]; ok {
			d.setAlias(short, e)
		}
		// "Amazon.com Inc." is "Amazon" in the next sentence.
		if w := ns.word(c.t0); strings.HasSuffix(w, ".com") && len(w) > 4 {
			d.setAlias(w[:len(w)-4], e)
		}
		words := make([]string, 0, n)
		for k := c.t0; k < c.t1; k++ {
			if ns.toks[k].kind == kWord {
				words = append(words, ns.word(k))
			}
		}
		for len(words) > 1 && (lex.legal.has(bare(words[len(words)-1])) || lex.designator.has(words[len(words)-1])) {
			words = words[:len(words)-1]
			short := strings.Join(words, " ")
			if len(words) == 1 && (lex.commonCap.has(short) || lex.place.has(short) || lex.demonym.has(short) || lex.firstName.has(short) ||
				genericWords[short]) {
				break
			}
			d.setAlias(short, e)
			if s, ok := lex.knownShort[short]; ok {
				d.setAlias(s, e)
			}
		}
		// "Lumen Grid" → "Lumen": a distinctive first word of a two-word
		// name stands for it, unless it is a name of its own.
		if len(words) == 2 {
			w := words[0]
			f := wordSet(lex.info[w])
			if f&(commonCap|place|demonym|firstName|known|title|dateWord) == 0 && !genericWords[w] &&
				!strings.Contains(w, "-") && len(w) > 2 {
				d.setAlias(w, e)
			}
		}
		d.setAlias(initials(ns, c, true), e)
		d.setAlias(initials(ns, c, false), e)
	}
}

// genericWords start many company names and are no name alone.
var genericWords = map[string]bool{"General": true, "National": true, "International": true, "United": true,
	"Royal": true, "Global": true, "Standard": true, "Public": true, "Central": true, "Federal": true, "State": true,
	"China": true, "Japan": true, "Asia": true, "Pacific": true, "Atlantic": true, "Continental": true, "Industrial": true,
	"Commercial": true, "Capital": true, "First": true, "New": true, "Great": true, "Eastern": true, "Western": true,
	"Northern": true, "Southern": true, "Digital": true, "Energy": true, "Power": true, "Future": true, "Deutsche": true,
	"Oil": true, "Gas": true, "Metro": true, "Trans": true, "Universal": true, "American": true, "British": true}

// initials of a multi-word company name, with or without its suffix words
// ("International Business Machines Corp." → "IBM", "Saudi Telecom Company" → "STC").
func initials(ns *nameScanner, c *chunk, withSuffix bool) string {
	var b []byte
	words := 0
	for k := c.t0; k < c.t1; k++ {
		t := ns.toks[k]
		if t.kind != kWord || t.flags&fCap == 0 {
			continue
		}
		w := ns.word(k)
		if !withSuffix && (lex.legal.has(w) || lex.designator.has(w)) {
			continue
		}
		words++
		b = append(b, w[0])
	}
	if words < 2 || words > 6 {
		return ""
	}
	return string(b)
}

// bracketAlias: "Name (ABBR)" or "Name, or ABBR," defines an alias; a ticker
// in brackets is a mention of the company.
func (d *doc) bracketAlias(c *chunk) {
	ns := &d.ns
	k := ns.after(c)
	if end := ns.tickerAfter(k); end > 0 {
		s, e := int(ns.toks[k+1].s), int(ns.toks[end-2].e)
		code := ns.text[s:e]
		if strings.IndexFunc(code, func(r rune) bool { return r >= '0' && r <= '9' || r == '.' || r == ':' }) >= 0 ||
			ns.isPunct(k, '<') {
			d.mention(c.ent, k+1, end-1, s, e)
			return
		}
		// (ABBR): an acronym defined for the name.
		if end == k+3 {
			d.setAlias(code, c.ent)
			d.mention(c.ent, k+1, k+2, s, e)
		}
		return
	}
	if ns.isPunct(k, ',') && ns.lowerWord(k+1) == "or" && k+2 < len(ns.toks) && ns.toks[k+2].kind == kWord &&
		ns.toks[k+2].flags&fUpper != 0 {
		d.setAlias(ns.word(k+2), c.ent)
		d.mention(c.ent, k+2, k+3, int(ns.toks[k+2].s), int(ns.toks[k+2].e))
	}
}

// aliasScan finds alias mentions outside the runs already resolved: single
// words ("Son", "IBM"), parts of hyphenated words, and runs left unknown.
func (d *doc) aliasScan() {
	ns := &d.ns
	toks := ns.toks
	for i := 0; i < len(toks); i++ {
		if d.covered[i] || toks[i].kind != kWord || toks[i].flags&fCap == 0 {
			continue
		}
		// Longest alias of up to 5 capitalised words (and connectors)
		// starting here.
		if !d.aliasFirst.maybe(ns.word(i)) {
			d.hyphenAlias(i)
			continue
		}
		best, bestJ := -1, 0
		for j := i + 1; j <= len(toks) && j-i <= 5; j++ {
			if j-1 > i {
				t := toks[j-1]
				if t.kind != kWord || d.covered[j-1] || t.flags&fCap == 0 && !particles[ns.word(j-1)] &&
					ns.word(j-1) != "of" && ns.word(j-1) != "and" {
					break
				}
			}
			if e, ok := d.alias[bare(ns.text[toks[i].s:toks[j-1].e])]; ok {
				best, bestJ = e, j
			}
		}
		if best < 0 {
			d.hyphenAlias(i)
			continue
		}
		end := int(toks[bestJ-1].e)
		if bestJ < len(toks) && ns.isPunct(bestJ, '.') && d.ents[best].kind == model.Company &&
			lex.legal.has(ns.word(bestJ-1)) {
			end = int(toks[bestJ].e)
		}
		d.mention(best, i, bestJ, int(toks[i].s), end)
		i = bestJ - 1
	}
}

// hyphenAlias: "GM-LG" style compounds of two known names.
func (d *doc) hyphenAlias(i int) {
	ns := &d.ns
	w := ns.word(i)
	if !strings.Contains(w, "-") {
		return
	}
	off := int(ns.toks[i].s)
	for _, part := range strings.Split(w, "-") {
		if e, ok := d.alias[part]; ok && d.ents[e].kind == model.Company {
			d.ents[e].spans = append(d.ents[e].spans, model.Span{Start: off, End: off + len(part)})
		}
		off += len(part) + 1
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
		slices.SortFunc(b.spans, func(x, y model.Span) int {
			if x.Start != y.Start {
				return x.Start - y.Start
			}
			return x.End - y.End
		})
		b.spans = dedupSpans(b.spans)
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
		ent.Text = d.text[first.Start:first.End]
		ent.Canonical = b.canonical
		if b.kind == model.Figure {
			ent.Canonical = ""
		}
		out = append(out, ent)
	}
	return out
}

// dedupSpans drops repeated spans from a sorted list.
func dedupSpans(sp []model.Span) []model.Span {
	out := sp[:0]
	for _, x := range sp {
		if len(out) > 0 && x == out[len(out)-1] {
			continue
		}
		out = append(out, x)
	}
	return out
}

// byLengthDesc orders chunk indices by token count, longest first, keeping
// text order among equals.
func byLengthDesc(cs []chunk, idx []int) []int {
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
	out := make([]int, len(idx))
	for _, i := range idx {
		k := maxLen - l(i)
		out[pos[k]] = i
		pos[k]++
	}
	return out
}
