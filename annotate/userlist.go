package annotate

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsmark/model"
)

// The reader's corrections (model.UserList): names to mark, names never to
// mark, names that are one entity or two. They are applied to the entity
// pass's output before the quotes and ventures are read, so a corrected
// name is a corrected party and speaker too; what they mark, and an entity
// another joined, has the cue "user".

// Annotator annotates articles with a user list applied; the zero
// Annotator, or nil, applies none. It may be shared by goroutines.
type Annotator struct {
	entries []model.UserEntry
	global  *userRules            // the entries for every article
	byID    map[string]*userRules // the entries for one article
}

// WithUserList returns an Annotator applying ul: Article(a) with the
// entries for every article and those for a.ID. The list is indexed once,
// here, so a long list costs an article little: a look-up per word, and
// work only where one of its names is in the text.
func WithUserList(ul model.UserList) *Annotator {
	an := &Annotator{entries: slices.Clone(ul.Entries), byID: map[string]*userRules{}}
	var global []int
	perID := map[string][]int{}
	for i, e := range an.entries {
		if !validEntry(e) {
			continue
		}
		if e.ArticleID == "" {
			global = append(global, i)
		} else {
			perID[e.ArticleID] = append(perID[e.ArticleID], i)
		}
	}
	an.global = newUserRules(an.entries, global)
	for id, idx := range perID {
		an.byID[id] = newUserRules(an.entries, idx)
	}
	return an
}

// validEntry reports whether e asks something the annotator can do.
func validEntry(e model.UserEntry) bool {
	if strings.TrimSpace(e.Name) == "" {
		return false
	}
	switch e.Action {
	case model.UserMark:
		return (e.Kind == model.Company || e.Kind == model.Person || e.Kind == model.Place) && isDigitOrLetter(e.Name, 0)
	case model.UserNever:
		return true
	case model.UserMerge, model.UserSplit:
		return strings.TrimSpace(e.Other) != "" && e.Other != e.Name
	}
	return false
}

// smallRules is the most entries a rule set looks up in its maps alone:
// a filter is 16 KB, and a list with thousands of corrections for one
// article each spent most of its building on them.
const smallRules = 32

// listFilter is a wordFilter a large rule set has; a small one's is nil
// and lets every word through to the maps.
type listFilter struct{ f *wordFilter }

func newListFilter() listFilter { return listFilter{new(wordFilter)} }

func (l listFilter) add(w string) {
	if l.f != nil {
		l.f.add(w)
	}
}

func (l listFilter) maybe(w string) bool { return l.f == nil || l.f.maybe(w) }

// userPair is a merge or split's two names, in order.
type userPair struct{ a, b string }

func pairOf(a, b string) userPair {
	if b < a {
		a, b = b, a
	}
	return userPair{a, b}
}

// userRules are some entries of a list, indexed.
type userRules struct {
	names map[string]int   // name → the last mark or never about it (index into entries)
	pairs map[userPair]int // pair → the last merge or split about it
	// marks maps the first word of a marked name (as the scanner cuts it)
	// to the names; markFilter and nameFilter turn most words away before
	// a map look-up
	marks      map[string][]string
	markFilter listFilter
	nameFilter listFilter // every name of names and pairs
	nevers     int        // how many names are never marked
	// lowerMark: a marked name starts with no capital ("eBay"), so every
	// word is looked up, not only the capitalised ones
	lowerMark bool
	// pairList is pairs in the list's order; pairNames their names
	pairList   []userPairRule
	pairNames  map[string]bool
	pairFilter listFilter
}

// userPairRule is the entry (index i) that decides about pair p.
type userPairRule struct {
	p userPair
	i int
}

func newUserRules(entries []model.UserEntry, idx []int) *userRules {
	r := &userRules{names: make(map[string]int, len(idx)), pairs: map[userPair]int{}, marks: make(map[string][]string, len(idx))}
	if len(idx) > smallRules {
		r.markFilter, r.nameFilter, r.pairFilter = newListFilter(), newListFilter(), newListFilter()
	}
	for _, i := range idx {
		e := entries[i]
		switch e.Action {
		case model.UserMark, model.UserNever:
			r.names[e.Name] = i
			r.nameFilter.add(e.Name)
		default:
			r.pairs[pairOf(e.Name, e.Other)] = i
			r.nameFilter.add(e.Name)
			r.nameFilter.add(e.Other)
		}
	}
	r.pairNames = map[string]bool{}
	for p, i := range r.pairs {
		r.pairList = append(r.pairList, userPairRule{p, i})
		r.pairNames[p.a], r.pairNames[p.b] = true, true
		r.pairFilter.add(p.a)
		r.pairFilter.add(p.b)
	}
	slices.SortFunc(r.pairList, func(x, y userPairRule) int { return x.i - y.i })
	lowerMark := false
	defer func() { r.lowerMark = lowerMark }()
	for name, i := range r.names {
		if entries[i].Action == model.UserNever {
			r.nevers++
		}
		if entries[i].Action != model.UserMark {
			continue
		}
		for _, w := range markKeys(name) {
			r.marks[w] = append(r.marks[w], name)
			r.markFilter.add(w)
		}
		if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
			lowerMark = true
		}
	}
	for _, ns := range r.marks {
		slices.Sort(ns) // the map's order is random; the look-ups' must not be
	}
	return r
}

// markKeys are the texts the scanner may give the first word of name in an
// article: alone, a name ending in a dotted abbreviation ("U.S.") ends in
// a sentence's period, but followed by more words it keeps its dot.
func markKeys(name string) []string {
	a, b := firstWordOf(name), firstWordOf(name+" x")
	if a == b {
		return []string{a}
	}
	return []string{a, b}
}

// firstWordOf is the text of the scanner's first token of name.
func firstWordOf(name string) string {
	toks := scan(name, nil, nil)
	for _, t := range toks {
		if t.kind == kWord || t.kind == kNum {
			return name[t.s:t.end()]
		}
	}
	return name
}

// rule returns the entry that decides about name: the later of the
// article's and the list's, or -1.
func (an *Annotator) rule(o *userRules, name string) int {
	best := -1
	for _, r := range []*userRules{an.global, o} {
		if r == nil || !r.nameFilter.maybe(name) {
			continue
		}
		if i, ok := r.names[name]; ok && i > best {
			best = i
		}
	}
	return best
}

// correct applies the entries for article id to d.ents.
func (an *Annotator) correct(d *doc, id string) {
	if an == nil || an.global == nil {
		return
	}
	o := an.byID[id]
	if len(an.global.names) == 0 && len(an.global.pairs) == 0 && o == nil {
		return
	}
	uc := userCorrection{an: an, o: o, d: d}
	changed := uc.never()
	changed = uc.mark() || changed
	changed = uc.pairs() || changed
	if changed {
		uc.finish()
	}
	d.never = func(name string) bool {
		i := an.rule(o, name)
		return i >= 0 && an.entries[i].Action == model.UserNever
	}
}

// userCorrection is one article's corrections being applied.
type userCorrection struct {
	an *Annotator
	o  *userRules
	d  *doc
}

// mentionText is the text of an entity's body mention.
func (uc *userCorrection) text(s model.Span) string { return uc.d.body[s.Start:s.End] }

// metaStart is where a meta mention's field starts in the doc's text.
func (uc *userCorrection) metaStart(m model.MetaMention) int {
	for _, f := range uc.d.fields {
		if f.name == m.Field {
			return f.s
		}
	}
	return uc.d.text.n
}

func (uc *userCorrection) metaText(m model.MetaMention) string {
	s := uc.metaStart(m)
	return uc.d.text.slice(s+m.Start, s+m.End)
}

// isNever reports whether the list says text is never a name.
func (uc *userCorrection) isNever(text string) bool {
	i := uc.an.rule(uc.o, text)
	return i >= 0 && uc.an.entries[i].Action == model.UserNever
}

// never drops every mention whose text the list says is never a name.
func (uc *userCorrection) never() bool {
	if uc.an.global.nevers == 0 && (uc.o == nil || uc.o.nevers == 0) {
		return false
	}
	changed := false
	for k := range uc.d.ents {
		e := &uc.d.ents[k]
		drop := 0
		for _, m := range e.Mentions {
			if uc.isNever(uc.text(m)) {
				drop++
			}
		}
		for _, m := range e.MetaMentions {
			if uc.isNever(uc.metaText(m)) {
				drop++
			}
		}
		if drop == 0 {
			continue // most entities: no mention to drop, no copy
		}
		changed = true
		e.Mentions = slices.DeleteFunc(slices.Clone(e.Mentions), func(m model.Span) bool { return uc.isNever(uc.text(m)) })
		e.MetaMentions = slices.DeleteFunc(slices.Clone(e.MetaMentions), func(m model.MetaMention) bool { return uc.isNever(uc.metaText(m)) })
	}
	return changed
}

// userHit is one place a marked name stands in the doc's text.
type userHit struct {
	s, e  int // in the doc's text
	entry int
}

// mark finds the names the list marks, as whole words, and makes each
// place one a mention of its entity; a longer mention that holds the
// place stays, and what the place overlaps goes.
func (uc *userCorrection) mark() bool {
	d := uc.d
	var hits []userHit
	g, o := uc.an.global, uc.o
	if len(g.marks) == 0 && (o == nil || len(o.marks) == 0) {
		return false
	}
	// a name starts at a word: at a capitalised one unless the list marks
	// a name that starts with no capital
	all := g.lowerMark || o != nil && o.lowerMark
	n := len(d.caps)
	if all {
		n = len(d.toks)
	}
	for k := 0; k < n; k++ {
		i := k
		if !all {
			i = int(d.caps[k])
		}
		t := d.toks[i]
		if t.kind != kWord && t.kind != kNum {
			continue
		}
		w := d.text.slice(int(t.s), int(t.end()))
		for _, r := range []*userRules{uc.an.global, uc.o} {
			if r == nil || !r.markFilter.maybe(w) {
				continue
			}
			for _, name := range r.marks[w] {
				s, e := int(t.s), int(t.s)+len(name)
				if e > d.text.n || d.text.slice(s, e) != name || e < d.text.n && isDigitOrLetter(d.text.slice(e, min(d.text.n, e+4)), 0) {
					continue
				}
				if k := uc.an.rule(uc.o, name); k >= 0 && uc.an.entries[k].Action == model.UserMark {
					hits = append(hits, userHit{s, e, k})
				}
			}
		}
	}
	if len(hits) == 0 {
		return false
	}
	// the longest first at one start; a hit inside a longer one goes
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].s != hits[j].s {
			return hits[i].s < hits[j].s
		}
		return hits[i].e > hits[j].e
	})
	kept := hits[:0]
	for _, h := range hits {
		if len(kept) > 0 && h.s < kept[len(kept)-1].e {
			continue
		}
		kept = append(kept, h)
	}
	// which hits a longer mention holds, and which mentions the others
	// overlap: each entity's mentions, in order, walked beside the hits
	inside := make([]bool, len(kept))
	type ref struct{ ent, k int } // k: mention index, or -1-meta index
	overlaps := make([][]ref, len(kept))
	walk := func(ei, k, s, e int, j *int) {
		for *j < len(kept) && kept[*j].e <= s {
			*j++
		}
		for h := *j; h < len(kept) && kept[h].s < e; h++ {
			if s <= kept[h].s && e >= kept[h].e && e-s > kept[h].e-kept[h].s {
				inside[h] = true // a longer name holds it: that name stands
			} else {
				overlaps[h] = append(overlaps[h], ref{ei, k})
			}
		}
	}
	firstHit := func(s int) int { return sort.Search(len(kept), func(h int) bool { return kept[h].e > s }) }
	for ei := range d.ents {
		if ms := d.ents[ei].Mentions; len(ms) > 0 {
			j := firstHit(ms[0].Start)
			for k, m := range ms {
				walk(ei, k, m.Start, m.End, &j)
			}
		}
		for k, m := range d.ents[ei].MetaMentions {
			s := uc.metaStart(m)
			j := firstHit(s + m.Start)
			walk(ei, -1-k, s+m.Start, s+m.End, &j)
		}
	}
	drop := map[[2]int]bool{}
	userEnt := map[string]int{} // name → its entity
	for hi, h := range kept {
		if inside[hi] {
			continue
		}
		entry := uc.an.entries[h.entry]
		ei, ok := userEnt[entry.Name]
		if !ok {
			ei = -1
			for k := range d.ents {
				if d.ents[k].Name() == entry.Name && len(d.ents[k].Mentions)+len(d.ents[k].MetaMentions) > 0 {
					ei = k
					break
				}
			}
			if ei < 0 {
				d.ents = append(d.ents, model.Entity{Kind: entry.Kind, Text: entry.Name, Canonical: entry.Name, Cue: "user"})
				ei = len(d.ents) - 1
			} else if d.ents[ei].Kind != entry.Kind {
				d.ents[ei].Kind, d.ents[ei].Subkind, d.ents[ei].Cue = entry.Kind, "", "user"
				d.ents[ei].Value, d.ents[ei].Unit, d.ents[ei].Per = 0, "", ""
			}
			userEnt[entry.Name] = ei
		}
		for _, r := range overlaps[hi] {
			if r.ent != ei {
				drop[[2]int{r.ent, r.k}] = true
			}
		}
		e := &d.ents[ei]
		if h.e <= d.bodyLen {
			if !slices.Contains(e.Mentions, model.Span{Start: h.s, End: h.e}) {
				e.Mentions = append(e.Mentions, model.Span{Start: h.s, End: h.e})
			}
			continue
		}
		for _, f := range d.fields {
			if h.s >= f.s && h.e <= f.e {
				mm := model.MetaMention{Field: f.name, Start: h.s - f.s, End: h.e - f.s}
				if !slices.Contains(e.MetaMentions, mm) {
					e.MetaMentions = append(e.MetaMentions, mm)
				}
			}
		}
	}
	if len(drop) > 0 {
		touched := map[int]bool{}
		for r := range drop {
			touched[r[0]] = true
		}
		for ei := range touched {
			e := &d.ents[ei]
			ms := e.Mentions[:0:0]
			for k, m := range e.Mentions {
				if !drop[[2]int{ei, k}] {
					ms = append(ms, m)
				}
			}
			meta := e.MetaMentions[:0:0]
			for k, m := range e.MetaMentions {
				if !drop[[2]int{ei, -1 - k}] {
					meta = append(meta, m)
				}
			}
			e.Mentions, e.MetaMentions = ms, meta
		}
	}
	return true
}

// pairs applies the merges and splits, in the list's order.
func (uc *userCorrection) pairs() bool {
	g, o := uc.an.global, uc.o
	if len(g.pairList) == 0 && (o == nil || len(o.pairList) == 0) {
		return false
	}
	rules := g.pairList
	if o != nil && len(o.pairList) > 0 {
		rules = append(slices.Clone(g.pairList), o.pairList...)
		slices.SortFunc(rules, func(x, y userPairRule) int { return x.i - y.i })
	}
	// the later entry about a pair decides (an article's over the list's)
	last := func(r userPairRule) bool {
		if o == nil {
			return true // the list's own rules are each a pair's last already
		}
		if i, ok := o.pairs[r.p]; ok && i > r.i {
			return false
		}
		if i, ok := g.pairs[r.p]; ok && i > r.i {
			return false
		}
		return true
	}
	wanted := func(name string) bool {
		return g.pairFilter.maybe(name) && g.pairNames[name] || o != nil && o.pairFilter.maybe(name) && o.pairNames[name]
	}
	d := uc.d
	// the entity each name of a pair stands for: its name, or a mention's text
	byName := map[string]int{}
	note := func(name string, ei int) {
		if wanted(name) {
			if _, ok := byName[name]; !ok {
				byName[name] = ei
			}
		}
	}
	for ei := range d.ents {
		note(d.ents[ei].Name(), ei)
	}
	for ei := range d.ents {
		for _, m := range d.ents[ei].Mentions {
			note(uc.text(m), ei)
		}
		for _, m := range d.ents[ei].MetaMentions {
			note(uc.metaText(m), ei)
		}
	}
	changed := false
	if len(byName) < 2 {
		return false // no pair has both its names here
	}
	for _, r := range rules {
		if !last(r) {
			continue
		}
		e := uc.an.entries[r.i]
		a, aok := byName[e.Name]
		b, bok := byName[e.Other]
		if !aok || !bok {
			continue
		}
		switch {
		case e.Action == model.UserMerge && a != b:
			ea, eb := &d.ents[a], &d.ents[b]
			ea.Cue = "user" // its mentions are the reader's now
			ea.Mentions = append(ea.Mentions, eb.Mentions...)
			ea.MetaMentions = append(ea.MetaMentions, eb.MetaMentions...)
			eb.Mentions, eb.MetaMentions = nil, nil
			for n, k := range byName {
				if k == b {
					byName[n] = a
				}
			}
			changed = true
		case e.Action == model.UserSplit && a == b:
			src := &d.ents[a]
			out := e.Other
			if src.Name() == e.Other {
				out = e.Name
			}
			moved := model.Entity{Kind: src.Kind, Subkind: src.Subkind, Text: out, Canonical: out, Cue: "user"}
			ms := src.Mentions[:0:0]
			for _, m := range src.Mentions {
				if uc.text(m) == out {
					moved.Mentions = append(moved.Mentions, m)
				} else {
					ms = append(ms, m)
				}
			}
			meta := src.MetaMentions[:0:0]
			for _, m := range src.MetaMentions {
				if uc.metaText(m) == out {
					moved.MetaMentions = append(moved.MetaMentions, m)
				} else {
					meta = append(meta, m)
				}
			}
			if len(moved.Mentions)+len(moved.MetaMentions) == 0 {
				continue
			}
			src.Mentions, src.MetaMentions = ms, meta
			d.ents = append(d.ents, moved)
			byName[out] = len(d.ents) - 1
			changed = true
		}
	}
	return changed
}

// finish drops the entities left with no mention, sorts each one's
// mentions, gives each its first surface form, and numbers them again in
// order of first mention, as the entity pass does.
func (uc *userCorrection) finish() {
	d := uc.d
	ents := d.ents[:0:0]
	for _, e := range d.ents {
		if len(e.Mentions)+len(e.MetaMentions) > 0 {
			ents = append(ents, e)
		}
	}
	first := func(e *model.Entity) int {
		if len(e.Mentions) > 0 {
			return e.Mentions[0].Start
		}
		f := d.text.n
		for _, m := range e.MetaMentions {
			f = min(f, uc.metaStart(m)+m.Start)
		}
		return f
	}
	for k := range ents {
		e := &ents[k]
		slices.SortFunc(e.Mentions, func(x, y model.Span) int {
			if x.Start != y.Start {
				return x.Start - y.Start
			}
			return x.End - y.End
		})
		e.Mentions = slices.Compact(e.Mentions)
		slices.SortStableFunc(e.MetaMentions, func(x, y model.MetaMention) int {
			return (uc.metaStart(x) + x.Start) - (uc.metaStart(y) + y.Start)
		})
		if len(e.Mentions) > 0 {
			e.Text = uc.text(e.Mentions[0])
		} else {
			e.Text = uc.metaText(e.MetaMentions[0])
		}
		if e.Kind != model.Figure && uc.isNever(e.Canonical) {
			e.Canonical = e.Text // the list says the old name is none
		}
		if e.Mentions == nil {
			e.Mentions = []model.Span{}
		}
		if e.MetaMentions == nil {
			e.MetaMentions = []model.MetaMention{}
		}
	}
	sort.SliceStable(ents, func(i, j int) bool { return first(&ents[i]) < first(&ents[j]) })
	for k := range ents {
		ents[k].ID = "e" + strconv.Itoa(k+1)
	}
	d.ents = ents
}
