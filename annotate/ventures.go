package annotate

import (
	"slices"
	"sort"
	"strings"

	"newsmark/model"
)

// findVentures finds the deals an article reports, on its doc d.
//
// Each sentence is read once for trigger words (joint venture, tie-up,
// partnership, stake, invest, acquire, buy, take over, merge, project…). A
// trigger sentence with company entities proposes a deal of that kind with
// those companies as parties. A proposal joins an earlier deal when they
// share two parties, or when the sentence refers back to it ("the venture",
// "the deal") — so a deal told over several sentences is one venture. A
// sentence without a trigger that refers back ("The venture will hire 1,000
// people") adds its sentence as evidence. Amounts, stake, location, head
// count and timeframe come from the figure and place entities of the
// evidence; status is background when the evidence dates the deal in the
// past ("in 2016", "last year", "weeks before").
//
// quick, when not nil, is vQuickTriggers of d.sents, read beforehand.
func findVentures(d *doc, a model.Article, qs []model.Quote, quick []bool) []model.Venture {
	vb := newVBuilder(d, qs, quick)
	for si, s := range d.sents {
		vb.sentence(si, s)
	}
	vb.attachPrices()
	return vb.finish(a)
}

// newVBuilder prepares the venture pass over d, its entities final (the
// quote pass has added its speakers).
func newVBuilder(d *doc, qs []model.Quote, quick []bool) *vBuilder {
	// quotes sorted by offset, for binary search (quotes returns them so; a
	// caller's list may not be, and only then is it copied and sorted: with
	// no two starts alike, the sorted order is the one it has)
	sorted := qs
	for i := 1; i < len(qs); i++ {
		if qs[i-1].Start >= qs[i].Start {
			sorted = append([]model.Quote(nil), qs...)
			sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
			break
		}
	}
	vb := &vBuilder{d: d, quotes: sorted, quick: quick}
	// the entities are final here (quotes added their speakers)
	vb.names = make([]string, len(d.ents))
	vb.initials = make([]byte, len(d.ents))
	for i := range d.ents {
		vb.names[i] = d.ents[i].Name()
		if n := vb.names[i]; n != "" {
			vb.initials[i] = n[0]
		}
	}
	vb.indexFigures()
	return vb
}

// inName reports whether pos lies inside a person or company mention.
func (vb *vBuilder) inName(pos int) bool {
	ms := vb.d.ments
	i := vb.nameCur.from(ms, pos+1) // the first mention starting after pos
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if int(ms[j].start) <= pos && pos < int(ms[j].end) {
			return true
		}
	}
	return false
}

// vBuilder collects the ventures of one article.
type vBuilder struct {
	d       *doc
	quotes  []model.Quote
	vs      []*vDeal
	figs    []vFig
	toks    []qTok
	outside []qTok // toks outside quotations (reused)
	after   []qTok // a few tokens after a figure (reused)
	pbuf    []int  // a clause's parties (reused)
	lowBuf  []byte // a sentence lowered for toldPast (reused)
	quick   []bool // vQuickTrigger of each sentence, when read beforehand
	// qcur is the first quote ending after qpos (firstQuoteEndingAfter)
	qcur, qpos int
	// nameCur and figCur are inName's and figsIn's places in the mentions
	// and figures
	nameCur, figCur mentCursor
	// clauseBufs hold the tokens of a clause without its asides and of
	// each aside, two per nesting depth (reused)
	clauseBufs [][]qTok
	depth      int
	// names holds each entity's name: sameParty compares them for every
	// pair of parties, and the entities themselves are large to load;
	// initials holds their first bytes, which tell most pairs apart
	names    []string
	initials []byte
	// counts and stamp are pronounSubject's mentions per entity
	counts []vCount
	stamp  int
	// orderers are the companies that order goods (ordersGoods), read
	// when first asked
	orderers   []int
	ordersRead bool
	// at reads people and their employers for personsCompany, made when
	// first asked
	at *qAttributor
	// accepted, when a test sets it, marks the sentences one of whose
	// clauses the cues accepted; fired counts the rows that fired
	accepted []bool
	fired    []int
}

// vCount is how often pronounSubject's call stamp saw an entity.
type vCount struct{ stamp, n int }

// vFig is a figure or place mention (the same shape as a name mention, so
// one sort serves both).
type vFig = qMent

// vDeal is a venture being built.
type vDeal struct {
	kind    model.VentureKind
	cue     string // the venture cue that set kind
	rank    int
	parties []int        // entity indexes, in order of first mention
	sents   []int        // evidence sentence indexes
	spans   []model.Span // the clauses the deal was read from: its fields come from these
	firstN  int          // how many of spans are the clause that told the deal
	prices  []model.Span // money figures told elsewhere as its price
	name    int          // the company named as the deal's brand ("will be called X"), or -1
	// initials is initialBits(parties)
	initials uint64
}

// namedAfter reports whether a name at pos follows "called", "named",
// "known as", "dubbed" or "branded": it names the deal, not a party.
func (vb *vBuilder) namedAfter(pos, from int) bool {
	b := vb.d.body
	start := max(from, pos-11)
	if pos-start < 2 || b[pos-1] != ' ' || b[pos-2]|0x20 != 'd' && b[pos-2]|0x20 != 's' {
		return false // every cue ends "d " or "s "
	}
	var lb [16]byte
	before := qLowerASCII(lb[:0], b[start:pos])
	// " named ", not "renamed ": a company renamed is still the party
	for _, w := range lex.vNameCues {
		if len(before) >= len(w) && string(before[len(before)-len(w):]) == w { // no copy of w, unlike bytes.HasSuffix
			return true
		}
	}
	return false
}

func (vb *vBuilder) indexFigures() {
	n := 0
	for _, e := range vb.d.ents {
		if e.Kind == model.Figure || e.Kind == model.Place {
			n += len(e.Mentions)
		}
	}
	vb.figs = make([]vFig, 0, n)
	for i, e := range vb.d.ents {
		if e.Kind != model.Figure && e.Kind != model.Place {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start >= 0 && m.End <= len(vb.d.body) && m.Start < m.End {
				vb.figs = append(vb.figs, vFig{int32(m.Start), int32(m.End), int32(i)})
			}
		}
	}
	qSortMentsIn(vb.figs, &vb.d.sortBuf)
}

// firstQuoteEndingAfter returns the index of the first quote ending after
// pos. Sentences are read in order, so a cursor moves forward instead of a
// binary search per sentence; a pos before the cursor's, or far after it,
// is searched for, and the cursor moves there (pronounSubject reads the
// mentions before a clause in order, each of them before the sentence). The
// quotes do not overlap, so their ends rise with their starts, and a search
// and a walk find one quote.
func (vb *vBuilder) firstQuoteEndingAfter(pos int) int {
	qs := vb.quotes
	if pos < vb.qpos {
		vb.qcur = sort.Search(len(qs), func(i int) bool { return qs[i].End > pos })
	}
	for steps := 0; vb.qcur < len(qs) && qs[vb.qcur].End <= pos; steps++ {
		if steps == 16 {
			vb.qcur += sort.Search(len(qs)-vb.qcur, func(k int) bool { return qs[vb.qcur+k].End > pos })
			break
		}
		vb.qcur++
	}
	vb.qpos = pos
	return vb.qcur
}

// inQuote reports whether sentence s lies mostly inside a quotation: deals
// are read from the reporter's words, not from what a speaker hopes for.
func (vb *vBuilder) inQuote(s model.Span) bool {
	i := vb.firstQuoteEndingAfter(s.Start)
	for ; i < len(vb.quotes) && vb.quotes[i].Start <= s.Start+2; i++ {
		if vb.quotes[i].End >= s.End-3 {
			return true
		}
	}
	return false
}

func (vb *vBuilder) sentence(si int, s model.Span) {
	d := vb.d
	if s.End-s.Start > 4*qMaxWindow || vb.inQuote(s) {
		return
	}
	if vb.quick != nil && !vb.quick[si] || vb.quick == nil && !vQuickTrigger(d.body[s.Start:s.End]) {
		return
	}
	all := d.words(s.Start, s.End, vb.toks[:0])
	vb.toks = all
	// trigger words inside a quotation are the speaker's, not the reporter's
	toks := all
	qi := vb.firstQuoteEndingAfter(s.Start)
	if qi < len(vb.quotes) && vb.quotes[qi].Start < s.End {
		// the sentence holds a quotation: keep the tokens outside it
		toks = vb.outside[:0]
		for _, t := range all {
			for qi < len(vb.quotes) && vb.quotes[qi].End <= t.start {
				qi++
			}
			if qi >= len(vb.quotes) || t.start < vb.quotes[qi].Start {
				toks = append(toks, t)
			}
		}
		vb.outside = toks
	}
	subject := -1 // the sentence's first company, the subject of its later clauses
	for _, m := range d.mentionsIn(s.Start, s.End) {
		if d.ents[m.ent].Kind == model.Company && !vb.inQuoteAt(int(m.start)) {
			subject = int(m.ent)
			break
		}
	}
	start, depth := 0, 0
	body := d.body
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) {
			c := body[toks[k].start]
			if !vClauseMark[c] {
				continue // most tokens: neither a bracket nor a break
			}
			switch c {
			case '(':
				depth++
			case ')':
				depth = max(0, depth-1)
			}
			// "($5.8bn; £3bn)": a conversion, not a clause; only ";", ","
			// and "since" may break one (clauseBreak reads which)
			if depth > 0 || c != ';' && c != ',' && c != 's' && c != 'S' || !vb.clauseBreak(toks, k) {
				continue
			}
		}
		if k > start {
			vb.clause(si, toks[start:k], start > 0, subject)
		}
		start = k + 1
	}
}

// vClauseMark marks the bytes a token starts with when sentence must look
// at it: a bracket, or what may break a clause (";", ",", "since").
var vClauseMark = func() (t [256]bool) {
	for _, c := range "();,sS" {
		t[c] = true
	}
	return t
}()

// clauseBreak reports whether toks[k] ends a clause: ";", ", and", ", while", ", but".
func (vb *vBuilder) clauseBreak(toks []qTok, k int) bool {
	b := vb.d.body
	t := toks[k]
	if t.word && b[t.start] != 's' && b[t.start] != 'S' {
		return false
	}
	switch b[t.start] {
	case ';':
		return true
	case ',':
		if k+1 < len(toks) && toks[k+1].word && lex.clauseBreak[vb.d.lw(toks[k+1].start, toks[k+1].end)] {
			return true
		}
	case 's', 'S':
		// "... the largest it has made since it bought Voltline in 2021":
		// "since" before a subject opens a clause about another deal
		// ("since 2019" and "since January" date this one)
		if k+1 < len(toks) && toks[k+1].word && vb.d.lw(t.start, t.end) == "since" &&
			lex.sinceSubject[vb.d.lw(toks[k+1].start, toks[k+1].end)] {
			return true
		}
	}
	return false
}

// clause proposes or extends a deal from one clause of sentence si.
func (vb *vBuilder) clause(si int, toks []qTok, later bool, subject int) {
	d := vb.d
	// ", which bought Arm in 2016," is a clause of its own about the company
	// before it; the main clause reads without it
	rel := vb.relativeClauses(toks)
	if len(rel) > 0 {
		// two token buffers per nesting depth, reused across clauses: the
		// main clause's and the aside's (which may have an aside of its own)
		depth := vb.depth
		vb.depth++
		defer func() { vb.depth-- }()
		for len(vb.clauseBufs) < 2*depth+2 {
			vb.clauseBufs = append(vb.clauseBufs, nil)
		}
		main := vb.clauseBufs[2*depth][:0]
		for _, t := range toks {
			if !vInSpans(rel, t.start) {
				main = append(main, t)
			}
		}
		vb.clauseBufs[2*depth] = main
		for _, r := range rel {
			// ", who unveiled the companies' project": a person's aside is read
			// too, with no company as its subject
			if ante := vb.companyEndingAt(r.Start); ante >= 0 || vb.personEndingAt(r.Start) {
				sub := vb.clauseBufs[2*depth+1][:0]
				for _, t := range toks {
					if t.start > r.Start && t.end <= r.End {
						sub = append(sub, t)
					}
				}
				vb.clauseBufs[2*depth+1] = sub
				if len(sub) > 0 {
					vb.clause(si, sub, true, ante)
				}
			}
		}
		toks = main
		if len(toks) == 0 {
			return
		}
	}
	t, ok := vb.sentenceTrigger(toks)
	if !ok && !t.backref {
		return
	}
	if vb.accepted != nil {
		vb.accepted[si] = true
	}
	from, to := toks[0].start, toks[len(toks)-1].end
	parties := vb.pbuf[:0] // reused: a new deal takes a copy
	defer func() { vb.pbuf = parties[:0] }()
	// toldPast reads the whole sentence: once a clause at most
	past, pastRead := false, false
	toldPast := func() bool {
		if !pastRead {
			past, pastRead = vb.toldPast(si, to), true
		}
		return past
	}
	firstAt := -1
	name := -1 // "will be called X": the deal's name, no party
	brackets := vb.bracketSpans(toks)
	for _, m := range d.mentionsIn(from, to) {
		if d.ents[m.ent].Kind != model.Company || vb.inQuoteAt(int(m.start)) || vInSpans(rel, int(m.start)) ||
			vInSpans(brackets, int(m.start)) {
			continue // an aside's company: "SBI Investment (once part of SoftBank)"
		}
		if vb.namedAfter(int(m.start), from) {
			name = int(m.ent)
			continue
		}
		if vb.lends(int(m.start), from) {
			continue // "a bridge loan from X": a lender, no party
		}
		if firstAt < 0 {
			firstAt = int(m.start)
		}
		if !vHas(parties, int(m.ent)) {
			parties = append(parties, int(m.ent))
		}
	}
	if ok && (firstAt < 0 || firstAt > t.at) {
		// no company before the trigger: "It bought ...", "the company will
		// sell ...", or a later clause of a sentence whose subject is a company
		if later && subject >= 0 {
			parties = vPrepend(parties, subject)
		} else if c := vb.pronounSubject(toks, t.at); c >= 0 {
			parties = vPrepend(parties, c)
		} else if c := vb.personsCompany(toks, t.at); c >= 0 {
			parties = vPrepend(parties, c) // "he bought Arm": its founder's company
		}
	}
	if ok && t.cue == "joint work" && len(parties) == 1 && firstAt > t.at {
		// "The new contract includes joint development of the T5 with firms
		// such as Y": Y works with the company the contract was made with
		if c := vb.contractor(si, toks, t.at, parties[0]); c >= 0 {
			parties = vPrepend(parties, c)
		}
	}
	if ok && len(parties) < 2 {
		// "Altman and Son ... the companies' project": their companies
		for _, c := range vb.peoplesCompanies(si, toks, t.at) {
			if !vHas(parties, c) && len(parties) < vMaxParties {
				parties = append(parties, c)
			}
		}
	}
	// a deal this clause continues
	var into *vDeal
	pbits := vb.initialBits(parties)
	for i := len(vb.vs) - 1; i >= 0 && i >= len(vb.vs)-vMaxOpen && into == nil; i-- {
		v := vb.vs[i]
		if v.initials&pbits == 0 {
			continue // no party of v starts as one of these does: it shares none
		}
		if n := vb.shared(v.parties, parties); n >= 2 || n == 1 && len(v.parties) == 1 && len(parties) > 1 {
			// "Just weeks before, ... the companies' project": a deal of
			// another kind told in the past is a deal of its own
			if ok && t.kind != v.kind && t.rank < v.rank && toldPast() {
				continue
			}
			into = v
		}
	}
	if into == nil && t.backref && len(vb.vs) > 0 {
		last := vb.vs[len(vb.vs)-1]
		if t.refKind != "" && last.kind != t.refKind {
			// "the venture" after a recalled purchase: the latest joint venture
			for i := len(vb.vs) - 2; i >= 0 && i >= len(vb.vs)-vMaxOpen; i-- {
				if vb.vs[i].kind == t.refKind {
					last = vb.vs[i]
					break
				}
			}
		}
		if len(parties) == 0 || vb.shared(last.parties, parties) >= 1 {
			into = last
		} else if t.investors && last.kind == model.Investment && (t.otherRef || vb.hasMoney(toks)) {
			into = last // "The $10 million is being led by X": the round's investors
		}
	}
	if into == nil && ok && t.kind == model.Project && len(vb.vs) > 0 && vb.namedProject(toks, t.at) {
		// "With support from Oracle, the Stargate Project will spend ...":
		// the project told just before, by its name
		if last := vb.vs[len(vb.vs)-1]; last.kind == model.Project && si-last.sents[len(last.sents)-1] <= 1 {
			into = last
		}
	}
	if into == nil && ok && len(parties) == 1 && len(vb.vs) > 0 {
		// "Walmart will pay $16 billion for 77 per cent": one party of a
		// deal told just before
		last := vb.vs[len(vb.vs)-1]
		// (not when it tells an earlier one: "Prior to this, X had raised $1.6
		// million")
		if vb.shared(last.parties, parties) == 1 && si-last.sents[len(last.sents)-1] <= 2 && !toldPast() {
			into = last
		}
	}
	if into != nil && !(t.plural && len(parties) >= 3) {
		if name >= 0 && into.name < 0 {
			into.name = name
		}
		if into.sents[len(into.sents)-1] != si && len(into.sents) < vMaxEvidence {
			into.sents = append(into.sents, si)
		}
		adviser := vb.hasAdviserWord(toks)
		if !adviser {
			// an adviser's or analyst's clause is commentary: no fields from it
			into.spans = vAddSpans(into.spans, from, to, rel)
		}
		for _, p := range parties {
			// "Morgan Stanley advised RIL on the deal": advisers are no parties
			if !adviser && len(into.parties) < vMaxParties && vb.shared(into.parties, []int{p}) == 0 {
				into.parties = append(into.parties, p)
				into.initials |= vb.initialBits([]int{p})
			}
		}
		// an investment word makes no purchase an investment, nor a
		// partnership one when it names no money ("new investments at Y":
		// spending within the partnership)
		if ok && t.rank > into.rank && !(t.kind == model.Investment && into.kind == model.Acquisition) &&
			!(t.kind == model.Investment && into.kind == model.Partnership && !vb.hasMoney(toks)) {
			into.kind, into.rank, into.cue = t.kind, t.rank, t.cue
		}
		return
	}
	if !ok || t.weak && len(parties) < 2 || len(parties) == 0 {
		return
	}
	if t.weak && vb.ordersGoods(parties) {
		return // "signed the deal" for the 200 jets it ordered: a purchase
	}
	if len(parties) == 1 && !vb.singleParty(t, toks, parties[0]) {
		return
	}
	if t.kind == model.Acquisition && t.stake && vb.minorityStake(from, to) {
		t.kind, t.cue = model.Investment, "minority stake"
	}
	if t.plural && len(parties) >= 3 {
		for _, p := range parties[1:] {
			vb.addDeal(&vDeal{kind: t.kind, cue: t.cue, rank: t.rank, parties: []int{parties[0], p}, sents: []int{si}, name: -1,
				spans: vAddSpans(nil, from, to, rel), firstN: vPieces(from, to, rel)})
		}
		return
	}
	vb.addDeal(&vDeal{kind: t.kind, cue: t.cue, rank: t.rank, parties: slices.Clone(parties), sents: []int{si}, name: name,
		spans: vAddSpans(nil, from, to, rel), firstN: vPieces(from, to, rel)})
}

// addDeal appends v to the deals, with its parties' initials.
func (vb *vBuilder) addDeal(v *vDeal) {
	v.initials = vb.initialBits(v.parties)
	vb.vs = append(vb.vs, v)
}

// initialBits has bit c&63 set for the first byte c of the name of each of
// ps: two lists of parties with no bit in common share no party (sameParty
// needs the same first byte).
func (vb *vBuilder) initialBits(ps []int) uint64 {
	var bits uint64
	for _, p := range ps {
		bits |= 1 << (vb.initials[p] & 63)
	}
	return bits
}

// relativeClauses returns the ", which ... ," and ", who ... ," asides of a
// clause: the companies they name are not parties of its deal.
func (vb *vBuilder) relativeClauses(toks []qTok) []model.Span {
	var out []model.Span
	b := vb.d.body
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].word || b[toks[k].start] != ',' || !toks[k+1].word {
			continue
		}
		w := vb.d.lw(toks[k+1].start, toks[k+1].end)
		if w != "which" && w != "who" && w != "whose" {
			continue
		}
		e := k + 2
		for e < len(toks) && (toks[e].word || b[toks[e].start] != ',') {
			e++
		}
		end := toks[len(toks)-1].end
		if e < len(toks) {
			end = toks[e].start
		}
		out = append(out, model.Span{Start: toks[k].start, End: end})
		k = e - 1
	}
	return out
}

// bracketSpans returns the bracketed asides of a clause ("(once part of
// X)"): the companies in them are no parties of its deal. Most clauses have
// none, and nothing is allocated then.
func (vb *vBuilder) bracketSpans(toks []qTok) []model.Span {
	var out []model.Span
	b := vb.d.body
	open := -1
	for _, t := range toks {
		if t.word {
			continue
		}
		switch b[t.start] {
		case '(':
			if open < 0 {
				open = t.start
			}
		case ')':
			if open >= 0 {
				out = append(out, model.Span{Start: open, End: t.end})
				open = -1
			}
		}
	}
	return out
}

// companyEndingAt returns the company whose mention ends right before pos
// (", which" follows it), or -1.
func (vb *vBuilder) companyEndingAt(pos int) int {
	d := vb.d
	i := sort.Search(len(d.ments), func(i int) bool { return int(d.ments[i].start) >= pos })
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		m := d.ments[j]
		if int(m.end) == pos && d.ents[m.ent].Kind == model.Company {
			return int(m.ent)
		}
	}
	return -1
}

// vAddSpans appends [from, to) to ss without its ", which ...," asides
// rel: "The government, which has pledged £2.5 billion, welcomed the deal"
// gives the deal no amount.
func vAddSpans(ss []model.Span, from, to int, rel []model.Span) []model.Span {
	at := from
	for _, r := range rel {
		if r.Start > at && len(ss) < vMaxEvidence {
			ss = append(ss, model.Span{Start: at, End: min(r.Start, to)})
		}
		at = max(at, r.End)
	}
	if at < to && len(ss) < vMaxEvidence {
		ss = append(ss, model.Span{Start: at, End: to})
	}
	return ss
}

// vPieces is how many spans vAddSpans makes of [from, to).
func vPieces(from, to int, rel []model.Span) int {
	return len(vAddSpans(make([]model.Span, 0, 4), from, to, rel))
}

func vInSpans(ss []model.Span, pos int) bool {
	for _, s := range ss {
		if s.Contains(pos) {
			return true
		}
	}
	return false
}

// vMaxEvidence caps the sentences, clauses and prices one deal keeps: a
// deal is told in a few sentences, and a cap keeps a story that repeats
// its parties ten thousand times linear.
const vMaxEvidence = 24

// vMaxParties caps a deal's parties (a consortium of a dozen is already rare).
const vMaxParties = 12

// vMaxOpen is how many recent deals a new clause may join: a story comes
// back to a deal it told a few deals ago, and a bound keeps a huge
// article linear.
const vMaxOpen = 12

// vPrepend puts x first in a (in place) unless a has it.
func vPrepend(a []int, x int) []int {
	if vHas(a, x) {
		return a
	}
	a = append(a, 0)
	copy(a[1:], a)
	a[0] = x
	return a
}

// pronounSubject resolves a clause that opens with "it", "the company" or
// "the firm" before its trigger to the company the sentence before was
// about (its first company), else the last company named.
func (vb *vBuilder) pronounSubject(toks []qTok, trig int) int {
	d := vb.d
	k := 0
	for k < len(toks) && toks[k].start < trig && (!toks[k].word || lex.qConnective[vb.d.lw(toks[k].start, toks[k].end)]) {
		k++
	}
	if k >= len(toks) || toks[k].start >= trig {
		return -1
	}
	w := vb.d.lw(toks[k].start, toks[k].end)
	isRef := w == "it" || w == "its"
	if (w == "the" || w == "this") && k+1 < len(toks) {
		n := vb.d.lw(toks[k+1].start, toks[k+1].end)
		isRef = lex.qOrg[n] && n != "statement"
	}
	if !isRef {
		return -1
	}
	// the subject of the sentence before: a company among its first words
	si := d.sentOf(toks[k].start)
	if si > 0 {
		s := d.sents[si-1]
		// its first eight tokens: 256 bytes hold them in any real sentence
		ts := d.firstWords(s.Start, min(s.End, s.Start+256), 8, vb.after[:0])
		vb.after = ts
		lim := s.End
		if len(ts) > 7 {
			lim = ts[7].start
		}
		for _, m := range d.mentionsIn(s.Start, s.End) {
			if int(m.start) < lim && d.ents[m.ent].Kind == model.Company && !vb.inQuoteAt(int(m.start)) {
				return int(m.ent)
			}
		}
	}
	// else the company the story is about: the one named most so far,
	// counted per entity (a count left by an earlier call has an older stamp)
	if vb.counts == nil {
		vb.counts = make([]vCount, len(d.ents))
	}
	vb.stamp++
	best, bestN := -1, 0
	i := sort.Search(len(d.ments), func(i int) bool { return int(d.ments[i].start) >= toks[k].start })
	for j := max(0, i-qMaxLookBack/2); j < i; j++ {
		m := d.ments[j]
		if d.ents[m.ent].Kind != model.Company || vb.inQuoteAt(int(m.start)) {
			continue
		}
		c := &vb.counts[m.ent]
		if c.stamp != vb.stamp {
			*c = vCount{stamp: vb.stamp}
		}
		c.n++
		if c.n > bestN {
			best, bestN = int(m.ent), c.n
		}
	}
	if bestN >= 3 {
		return best
	}
	return -1
}

// contractor resolves the other side of joint work with partner in a
// clause of sentence si that tells it as part of a deal ("The new contract
// ... includes joint development of the T5 with Y"; a deal noun before the
// cue word at trig): the company named last before the sentence, outside
// quotations, if it is not partner; or -1.
func (vb *vBuilder) contractor(si int, toks []qTok, trig, partner int) int {
	noun := false
	for _, t := range toks {
		if t.start >= trig {
			break
		}
		if t.word && lex.vDealNoun[vb.d.lw(t.start, t.end)] {
			noun = true
			break
		}
	}
	if !noun {
		return -1
	}
	d := vb.d
	i := sort.Search(len(d.ments), func(i int) bool { return int(d.ments[i].start) >= d.sents[si].Start })
	for j := i - 1; j >= 0; j-- {
		m := d.ments[j]
		if d.ents[m.ent].Kind != model.Company || vb.inQuoteAt(int(m.start)) {
			continue
		}
		if vb.shared([]int{int(m.ent)}, []int{partner}) > 0 {
			return -1
		}
		return int(m.ent)
	}
	return -1
}

// toldPast reports whether sentence si, up to to, tells of an earlier time
// (a past phrase: "Just weeks before", "Prior to this").
func (vb *vBuilder) toldPast(si, to int) bool {
	// lowered into a reused buffer, not through lowerAt: a sentence is
	// long enough that lowerAt would lower the whole body for it
	vb.lowBuf = qLowerASCII(vb.lowBuf[:0], vb.d.body[vb.d.sents[si].Start:to])
	return phraseIndex(lex.vPast, vb.lowBuf) >= 0
}

// personEndingAt reports whether a person's mention ends right before pos
// (", who" follows it).
func (vb *vBuilder) personEndingAt(pos int) bool {
	d := vb.d
	i := sort.Search(len(d.ments), func(i int) bool { return int(d.ments[i].start) >= pos })
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if m := d.ments[j]; int(m.end) == pos && d.ents[m.ent].Kind == model.Person {
			return true
		}
	}
	return false
}

// peoplesCompanies resolves "the companies" (or "the two firms", "both
// groups") before the deal word at trig, in a clause of sentence si that
// names no company: the companies of the people the sentence names before
// it ("Altman and Son had appeared beside Trump, who unveiled the
// companies' project"), two at least; or nil.
func (vb *vBuilder) peoplesCompanies(si int, toks []qTok, trig int) []int {
	d := vb.d
	at := -1
	for k := 1; k < len(toks) && toks[k].start < trig; k++ {
		if w := d.lw(toks[k].start, toks[k].end); toks[k].word && (w == "companies" || w == "firms" || w == "groups") {
			if p := d.lw(toks[k-1].start, toks[k-1].end); p == "the" || p == "two" || p == "both" {
				at = toks[k].start
				break
			}
		}
	}
	if at < 0 {
		return nil
	}
	vb.useAttributor()
	var out []int
	for _, m := range d.mentionsIn(d.sents[si].Start, at) {
		if d.ents[m.ent].Kind != model.Person || vb.inQuoteAt(int(m.start)) {
			continue
		}
		if c := vb.at.employer(int(m.ent), int(m.start+1)); c >= 0 && !vHas(out, c) {
			out = append(out, c)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// namedProject reports whether the project word at trig closes a name the
// clause makes definite ("the Stargate Project").
func (vb *vBuilder) namedProject(toks []qTok, trig int) bool {
	d := vb.d
	k := 0
	for k < len(toks) && toks[k].start < trig {
		k++
	}
	if k >= len(toks) || !qIsUpperStart(d.body[toks[k].start:toks[k].end]) {
		return false // "the project": lower case is a cue of its own
	}
	n := 0
	for k--; k >= 0 && toks[k].word && qIsUpperStart(d.body[toks[k].start:toks[k].end]); k-- {
		n++
	}
	return n > 0 && k >= 0 && toks[k].word && d.lw(toks[k].start, toks[k].end) == "the"
}

// personsCompany resolves a person who is the subject of a deal word at
// trig ("he bought Arm in 2016", "Son bought Arm"): a person is a party only
// as the company the story names them for ("SoftBank founder Masayoshi
// Son", "X, chief executive of Y"); or -1.
func (vb *vBuilder) personsCompany(toks []qTok, trig int) int {
	d := vb.d
	k := 0
	for k < len(toks) && toks[k].start < trig {
		k++
	}
	k-- // the word before the trigger
	for k >= 0 && toks[k].word && lex.qAux[d.lw(toks[k].start, toks[k].end)] {
		k-- // "he had bought"
	}
	if k < 0 || !toks[k].word {
		return -1
	}
	vb.useAttributor()
	p := -1
	if kind, ok := lex.qPronoun[d.lw(toks[k].start, toks[k].end)]; ok && kind == model.Person {
		p = vb.at.recentPerson(toks[k].start).ent
	} else {
		for _, m := range d.mentionsIn(toks[k].start, toks[k].end) {
			if int(m.end) == toks[k].end && d.ents[m.ent].Kind == model.Person {
				p = int(m.ent)
			}
		}
	}
	if p < 0 {
		return -1
	}
	return vb.at.employer(p, toks[k].start)
}

// useAttributor makes vb.at, which reads people and their employers as
// the quote pass does, with the quotations, so that names inside them are
// no one's subject.
func (vb *vBuilder) useAttributor() {
	if vb.at == nil {
		spans := make([]qSpan, len(vb.quotes))
		for i, q := range vb.quotes {
			spans[i] = qSpan{start: q.Start, end: q.End}
		}
		vb.at = &qAttributor{d: vb.d, spans: spans, lastSpeaker: -1}
	}
}

// minorityStake reports whether [from, to) names a stake under half.
func (vb *vBuilder) minorityStake(from, to int) bool {
	text := vb.d.body[from:to]
	if strings.Contains(text, "majority") || strings.Contains(text, "controlling") {
		return false
	}
	for _, f := range vb.figsIn(from, to) {
		e := &vb.d.ents[f.ent]
		if e.Subkind == model.Percent && e.Value > 0 && e.Unit != "bp" && e.Unit != "pp" { // points move a rate
			return e.Value < 50
		}
	}
	return false
}

func (vb *vBuilder) hasMoney(toks []qTok) bool {
	if len(toks) == 0 {
		return false
	}
	for _, f := range vb.figsIn(toks[0].start, toks[len(toks)-1].end) {
		if vb.d.ents[f.ent].Subkind == model.Money && !vb.companySize(int(f.start), toks[0].start) {
			return true
		}
	}
	return false
}

// raisesFunds reports whether a clause with "raise" names money raised:
// money that is no level a price or a forecast was raised to or from
// ("raised prices to Rs 1,150, up from Rs1,020", "raised its forecast to
// $2bn"; "raised up to $5 million" is funds).
func (vb *vBuilder) raisesFunds(toks []qTok) bool {
	if len(toks) == 0 {
		return false
	}
	for _, f := range vb.figsIn(toks[0].start, toks[len(toks)-1].end) {
		if vb.d.ents[f.ent].Subkind != model.Money || vb.companySize(int(f.start), toks[0].start) {
			continue
		}
		before := strings.Fields(vb.d.lowerAt(max(toks[0].start, int(f.start-24)), int(f.start)))
		if n := len(before); n > 0 && lex.approx[before[n-1]] {
			before = before[:n-1] // "to about $2bn"
		}
		if n := len(before); n > 0 && (before[n-1] == "from" || before[n-1] == "at" ||
			before[n-1] == "to" && (n < 2 || before[n-2] != "up")) {
			continue
		}
		return true
	}
	return false
}

// companySize reports whether the money at pos, in a clause starting at
// from, measures a company rather than a deal: "which manages about €14
// billion", "revenue of £5.2 billion".
func (vb *vBuilder) companySize(pos, from int) bool {
	return phraseIndex(lex.vNotDealMoney, vb.d.lowerAt(max(from, pos-40), pos)) >= 0
}

// singleParty allows a one-company deal only when it is an investment with
// its own amount ("BMW will invest £100m in Oxford"); a purchase needs a
// second company.
// The company must be the subject: named before the trigger, and not as an
// owner ("Innogy's wind farm") or object ("in Innogy").
func (vb *vBuilder) singleParty(t vTrig, toks []qTok, p int) bool {
	if t.kind != model.Investment || !vb.hasMoney(toks) {
		return false
	}
	d := vb.d
	for _, m := range d.mentionsIn(toks[0].start, t.at) {
		if int(m.ent) != p {
			continue
		}
		after := d.body[m.end:min(len(d.body), int(m.end+3))]
		if strings.HasPrefix(after, "'s") || strings.HasPrefix(after, "’s") {
			continue
		}
		before := strings.ToLower(d.body[max(0, m.start-5):m.start])
		if strings.HasSuffix(before, " in ") || strings.HasSuffix(before, " of ") || strings.HasSuffix(before, " for ") ||
			strings.HasSuffix(before, "by ") || strings.HasSuffix(before, "from ") {
			continue
		}
		return true
	}
	return false
}

func (vb *vBuilder) inQuoteAt(pos int) bool {
	i := vb.firstQuoteEndingAfter(pos)
	return i < len(vb.quotes) && vb.quotes[i].Start <= pos
}

func (vb *vBuilder) figsIn(a, b int) []vFig {
	i := vb.figCur.from(vb.figs, a)
	j := i
	for j < len(vb.figs) && int(vb.figs[j].start) < b {
		j++
	}
	return vb.figs[i:j]
}

// sameParty reports whether entities x and y name one company: the same
// entity, or one name is the other's first words ("Mistral", "Mistral AI").
func (vb *vBuilder) sameParty(x, y int) bool {
	return x == y || vb.initials[x] == vb.initials[y] && vb.sameName(x, y)
}

// sameName is sameParty of two entities whose names start alike.
func (vb *vBuilder) sameName(x, y int) bool {
	a, b := vb.names[x], vb.names[y]
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 3 && strings.HasPrefix(b, a) && b[len(a)] == ' '
}

// shared counts the parties of a that b names too.
func (vb *vBuilder) shared(a, b []int) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			// sameParty, written out: most pairs differ in their first byte
			if x == y || vb.initials[x] == vb.initials[y] && vb.sameName(x, y) {
				n++
				break
			}
		}
	}
	return n
}

func vHas(a []int, x int) bool {
	for _, y := range a {
		if y == x {
			return true
		}
	}
	return false
}
