package annotate

import (
	"bytes"
	"slices"
	"sort"
	"strings"

	"newsmark/model"
)

// ventures finds the deals an article reports.
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
func ventures(a model.Article, ents []model.Entity, qs []model.Quote) []model.Venture {
	if len(a.Body) == 0 {
		return nil
	}
	return venturesIn(a, newQDoc(a, ents, false), qs)
}

// venturesIn finds the deals of a on its index d.
func venturesIn(a model.Article, d *qDoc, qs []model.Quote) []model.Venture {
	// quotes sorted by offset, for binary search (quotes returns them so; a
	// caller's list may not be)
	sorted := append([]model.Quote(nil), qs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	vb := &vBuilder{d: d, quotes: sorted}
	vb.indexFigures()
	for si, s := range d.sents {
		vb.sentence(si, s)
	}
	vb.attachPrices()
	return vb.finish(a)
}

// vTrig is what one sentence says about a deal.
type vTrig struct {
	kind    model.VentureKind
	rank    int  // the strongest trigger wins: a joint venture over an investment
	backref bool // "the venture", "the deal": refers to a deal told before
	weak    bool // "a deal with", "agreement": a partnership only with two parties
	stake   bool
	plural  bool // "partnerships with A and B": one deal per partner
	at      int  // offset of the strongest trigger word
}

// vWords maps a lower-case word to its deal kind and rank.
var vWords = map[string]struct {
	kind model.VentureKind
	rank int
}{
	"merger": {model.Merger, 6}, "merge": {model.Merger, 6}, "merged": {model.Merger, 6}, "merging": {model.Merger, 6},
	"merges":  {model.Merger, 6},
	"acquire": {model.Acquisition, 5}, "acquires": {model.Acquisition, 5}, "acquired": {model.Acquisition, 5},
	"acquiring": {model.Acquisition, 5}, "acquisition": {model.Acquisition, 5}, "takeover": {model.Acquisition, 5},
	"buy": {model.Acquisition, 5}, "buys": {model.Acquisition, 5}, "bought": {model.Acquisition, 5},
	"buying": {model.Acquisition, 5}, "purchase": {model.Acquisition, 5}, "purchased": {model.Acquisition, 5},
	"purchases": {model.Acquisition, 5}, "buyout": {model.Acquisition, 5},
	"invest": {model.Investment, 4}, "invests": {model.Investment, 4}, "invested": {model.Investment, 4},
	"investing": {model.Investment, 4}, "investment": {model.Investment, 4}, "investments": {model.Investment, 4},
	"stake": {model.Investment, 4}, "backers": {model.Investment, 4}, "investors": {model.Investment, 4},
	"partnership": {model.Partnership, 3}, "partnerships": {model.Partnership, 3}, "tie-up": {model.Partnership, 3},
	"alliance": {model.Partnership, 3}, "collaboration": {model.Partnership, 3}, "partnered": {model.Partnership, 3},
	"cooperation": {model.Partnership, 3},
	"project":     {model.Project, 2},
	"sell":        {model.Acquisition, 5}, "sells": {model.Acquisition, 5}, "sold": {model.Acquisition, 5},
	"selling": {model.Acquisition, 5}, "sale": {model.Acquisition, 5}, "divest": {model.Acquisition, 5},
	"spin-off": {model.Acquisition, 5}, "bid": {model.Acquisition, 5}, "bids": {model.Acquisition, 5},
	"suitor": {model.Acquisition, 5}, "bidder": {model.Acquisition, 5},
	"raised": {model.Investment, 4}, "raise": {model.Investment, 4}, "raises": {model.Investment, 4},
	"financing": {model.Investment, 4}, "funding": {model.Investment, 4},
	"combine": {model.Merger, 6}, "combining": {model.Merger, 6}, "combination": {model.Merger, 6},
	"amalgamation": {model.Merger, 6}, "consortium": {model.Partnership, 3},
}

var vInvestWords = map[string]bool{
	"investment": true, "investments": true, "investing": true, "investors": true, "invest": true,
	"acquisition": true, "acquisitions": true, "merger": true, "funding": true, "financing": true,
}

// vInvestModified are nouns a deal word only qualifies ("investment bank").
var vInvestModified = map[string]bool{
	"bank": true, "banks": true, "banking": true, "banker": true, "bankers": true, "firm": true, "firms": true,
	"fund": true, "funds": true, "group": true, "arm": true, "company": true, "manager": true,
	"managers": true, "management": true, "vehicle": true, "house": true, "grade": true, "trust": true,
	"advice": true, "adviser": true, "advisor": true, "strategy": true, "committee": true, "income": true,
	"returns": true, "banks'": true, "spree": true, "costs": true, "rules": true,
}

// vAny holds every word sentenceTrigger looks at twice; the rest are
// skipped after one allocation-free look-up.
var vAny = func() map[string]bool {
	m := map[string]bool{}
	for w := range vWords {
		m[w] = true
	}
	for w := range vBackrefs {
		m[w] = true
	}
	for w := range vPlural {
		m[w] = true
	}
	for _, w := range strings.Fields("joint joint-venture jv venture ventures take took taken taking takes snapped " +
		"team teamed teams tied ties partner partners join deal deals agreement agreements talks signed inked offers " +
		"founded establish established set formed form forming stake shares round jointly collaborate " +
		"collaborating cooperate co-develop") {
		m[w] = true
	}
	return m
}()

// vFirstLen has bit n of entry c set when some vAny word of n bytes starts
// with c: most words fail this test before any map look-up.
var vFirstLen = func() (t [256]uint32) {
	for w := range vAny {
		if len(w) < 32 {
			t[w[0]] |= 1 << len(w)
		}
	}
	return t
}()

// vMaybe reports whether word w (any case) may be in vAny.
func vMaybe(w string) bool {
	if len(w) < 2 || len(w) >= 32 {
		return false
	}
	c := w[0]
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	return vFirstLen[c]&(1<<len(w)) != 0
}

// vQuickTrigger is a cheap first look at a sentence: does any of its ASCII
// words belong to vAny? Most sentences stop here, untokenized.
func vQuickTrigger(s string) bool {
	// three rotating buffers hold the previous, current and next word in
	// lower case: no allocation per word
	var bufs [3][32]byte
	var lens [3]int
	p, c, n := 0, 1, 2
	curOK := false
	for i := 0; ; {
		lens[n] = 0
		for i < len(s) && !vWordByte[s[i]] {
			i++
		}
		if i < len(s) {
			j := i + 1
			for j < len(s) && vWordByte[s[j]] {
				j++
			}
			if j-i < 32 {
				lens[n] = len(qLowerASCII(bufs[n][:0], s[i:j]))
			}
			i = j
		}
		if curOK && vGate(bufs[p][:lens[p]], bufs[c][:lens[c]], bufs[n][:lens[n]]) {
			return true
		}
		if i >= len(s) && lens[n] == 0 {
			return false
		}
		p, c, n = c, n, p
		w := bufs[c][:lens[c]]
		curOK = len(w) > 1 && vFirstLen[w[0]]&(1<<len(w)) != 0 && vAny[string(w)]
	}
}

// vGate tells from a word and its neighbours whether a sentence may speak of
// a deal; sentenceTrigger then reads it properly.
func vGate(prev, w, next []byte) bool {
	is := func(b []byte, words ...string) bool {
		for _, x := range words {
			if string(b) == x {
				return true
			}
		}
		return false
	}
	switch {
	case is(w, "take", "took", "taken", "taking", "takes"):
		return is(next, "over")
	case is(w, "snapped", "team", "teamed", "teams", "tied", "ties", "set"):
		return is(next, "up")
	case is(w, "partner", "partners"):
		return is(next, "with")
	case is(w, "join"):
		return is(next, "forces")
	case is(w, "joint"):
		return is(next, "venture", "ventures")
	case is(w, "shares"):
		return false
	case is(w, "deal", "deals", "agreement", "agreements", "talks", "offers"):
		return is(next, "with", "for") || is(prev, "the", "this", "that")
	case is(w, "round"):
		return is(prev, "funding", "financing", "investment", "series")
	}
	if _, ok := vWords[string(w)]; ok {
		return true
	}
	if _, ok := vBackrefs[string(w)]; ok {
		return is(prev, "the", "this", "that")
	}
	return true
}

// vWordByte marks the bytes of an ASCII trigger word: letters, digits, '-'.
var vWordByte = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['-'] = true
	return t
}()

// vBidOwners may precede "bid" when it means an offer for a company.
var vBidOwners = map[string]bool{
	"a": true, "its": true, "his": true, "her": true, "their": true, "takeover": true, "rival": true,
	"formal": true, "hostile": true, "cash": true, "possible": true, "new": true, "latest": true, "higher": true,
	"improved": true, "counter": true,
}

var vSellWords = map[string]bool{"sell": true, "sold": true, "sells": true, "selling": true, "sale": true}

var vPassive = map[string]bool{"be": true, "been": true, "being": true, "is": true, "was": true, "were": true, "are": true}

// vDealNouns make "signed"/"inked" a deal.
var vDealNouns = map[string]bool{
	"agreement": true, "agreements": true, "deal": true, "deals": true, "memorandum": true, "mou": true,
	"contract": true, "pact": true, "accord": true, "partnership": true,
}

// vBusinessNouns are what a company sells in a deal.
var vBusinessNouns = map[string]bool{
	"stake": true, "stakes": true, "shares": true, "unit": true, "units": true, "business": true, "businesses": true,
	"division": true, "arm": true, "subsidiary": true, "operations": true, "assets": true, "stores": true,
	"holding": true, "holdings": true, "interest": true, "company": true, "bank": true, "brand": true,
	"brands": true, "itself": true, "it": true, "plant": true, "plants": true, "locations": true, "portfolio": true,
}

// sellsBusiness reports whether the words after "sell"/"sale" name a
// business, a stake or a company rather than goods.
func (vb *vBuilder) sellsBusiness(toks []qTok) bool {
	b := vb.d.body
	if len(toks) == 0 || toks[0].word && qLowerWord(b[toks[0].start:toks[0].end]) == "by" {
		return false // "cars sold by the group": goods, and the seller follows
	}
	for i := 0; i < len(toks) && i < 5; i++ {
		t := toks[i]
		if vb.inName(t.start) {
			return true
		}
		if !t.word {
			if b[t.start] == '%' {
				return true
			}
			continue
		}
		if vBusinessNouns[qLowerWord(b[t.start:t.end])] {
			return true
		}
	}
	for _, f := range vb.figsIn(toks[0].start, toks[min(len(toks), 5)-1].end) {
		if vb.d.ents[f.ent].Subkind == model.Percent || vb.d.ents[f.ent].Subkind == model.Count {
			return true
		}
	}
	return false
}

func (vb *vBuilder) dealNounWithin(toks []qTok, n int) bool {
	for i := 0; i < len(toks) && i < n; i++ {
		if toks[i].word && vDealNouns[qLowerWord(vb.d.body[toks[i].start:toks[i].end])] {
			return true
		}
	}
	return false
}

// inName reports whether pos lies inside a person or company mention.
func (vb *vBuilder) inName(pos int) bool {
	ms := vb.d.ments
	i := sort.Search(len(ms), func(i int) bool { return ms[i].start > pos })
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if ms[j].start <= pos && pos < ms[j].end {
			return true
		}
	}
	return false
}

// vPlural are trigger words that announce several deals at once
// ("partnerships with TCS and Infosys"): one deal per partner.
var vPlural = map[string]bool{
	"partnerships": true, "agreements": true, "deals": true, "ventures": true, "investments": true,
	"alliances": true,
}

// vBackrefs are the nouns that, after "the"/"this", name a deal told before.
var vBackrefs = map[string]model.VentureKind{
	"venture": model.JointVenture, "jv": model.JointVenture, "deal": "", "tie-up": "", "acquisition": model.Acquisition,
	"takeover": model.Acquisition, "merger": model.Merger, "partnership": model.Partnership,
	"investment": model.Investment, "transaction": "", "agreement": "", "purchase": model.Acquisition,
	"bid": model.Acquisition, "offer": model.Acquisition, "plant": "", "factory": "", "facility": "",
	"fund": "", "round": "", "merged": "", "move": "",
}

// sentenceTrigger reads the trigger words of one sentence.
func (vb *vBuilder) sentenceTrigger(toks []qTok) (vTrig, bool) {
	var t vTrig
	found := false
	b := vb.d.body
	var buf [24]byte
	for i, tk := range toks {
		if !tk.word || !vMaybe(b[tk.start:tk.end]) || !vAny[string(qLowerASCII(buf[:0], b[tk.start:tk.end]))] ||
			vb.inName(tk.start) {
			continue // most words say nothing of deals; "Reline Investments" is a name
		}
		w := qLowerWord(b[tk.start:tk.end])
		next := ""
		if i+1 < len(toks) && toks[i+1].word {
			next = qLowerWord(b[toks[i+1].start:toks[i+1].end])
		}
		prev := ""
		if i > 0 && toks[i-1].word {
			prev = qLowerWord(b[toks[i-1].start:toks[i-1].end])
		}
		switch {
		case w == "joint" && (next == "venture" || next == "ventures") || w == "joint-venture" || w == "jv":
			t.kind, t.rank, found, t.at = model.JointVenture, 7, true, tk.start
			continue
		case w == "venture" && (prev == "50-50" || prev == "new" || prev == "equal" || prev == "combined"):
			t.kind, t.rank, found, t.at = model.JointVenture, 7, true, tk.start
		case (w == "take" || w == "took" || w == "taken" || w == "taking" || w == "takes") && next == "over",
			w == "snapped" && next == "up":
			if t.rank < 5 {
				t.kind, t.rank, t.at = model.Acquisition, 5, tk.start
			}
			found = true
		case (w == "team" || w == "teamed" || w == "teams" || w == "tied" || w == "ties") && next == "up",
			w == "partner" && next == "with", w == "partners" && next == "with", w == "join" && next == "forces":
			if t.rank < 3 {
				t.kind, t.rank, t.at = model.Partnership, 3, tk.start
			}
			found = true
		case (w == "deal" || w == "agreement" || w == "agreements" || w == "deals" || w == "talks") && next == "with",
			(w == "signed" || w == "inked") && vb.dealNounWithin(toks[i+1:], 6):
			if t.rank < 1 {
				t.kind, t.rank, t.weak, t.at = model.Partnership, 1, true, tk.start
			}
			found = true
		case (w == "offer" || w == "offers") && next == "for" && !vb.inName(tk.start):
			if t.rank < 5 {
				t.kind, t.rank, t.at = model.Acquisition, 5, tk.start
			}
			found = true
		case w == "round" && (prev == "funding" || prev == "financing" || prev == "investment" || prev == "series"):
			if t.rank < 4 {
				t.kind, t.rank, t.at = model.Investment, 4, tk.start
			}
			found = true
		case w == "jointly" || w == "collaborate" || w == "collaborating" || w == "cooperate" || w == "co-develop":
			if t.rank < 3 {
				t.kind, t.rank, t.at = model.Partnership, 3, tk.start
			}
			found = true
		case w == "project" && !qIsUpperStart(b[tk.start:tk.end]):
			// a lower-case "project" is a common word: a deal only with two parties
			if t.rank < 1 {
				t.kind, t.rank, t.weak, t.at = model.Project, 1, true, tk.start
			}
			found = true
		case w == "founded" || w == "establish" || w == "established" || w == "set" && next == "up" ||
			w == "formed" || w == "form" || w == "forming":
			// a company founding another: an investment, only with two parties
			if t.rank < 1 {
				t.kind, t.rank, t.weak, t.at = model.Investment, 1, true, tk.start
			}
			found = true
		}
		if w == "stake" || w == "shares" && prev != "its" {
			t.stake = true
		}
		if vPlural[w] {
			t.plural = true
		}
		if _, ok := vBackrefs[w]; ok && (prev == "the" || prev == "this" || prev == "that") {
			t.backref = true
			if w == "merged" || w == "bid" || w == "offer" || w == "sale" {
				continue // "the merged group" names the deal, it does not start one
			}
		}
		if v, ok := vWords[w]; ok {
			if vInvestWords[w] && vInvestModified[next] || w == "stake" && prev == "at" {
				continue // "investment bank", "at stake": no deal
			}
			if (w == "bid" || w == "bids") && next != "for" && next != "to" && !vBidOwners[prev] {
				continue // "the bid team", "bid battle"
			}
			if vSellWords[w] && (vPassive[prev] || !vb.sellsBusiness(toks[i+1:])) {
				continue // "to be sold off": no buyer yet; "sell its sensors": trade, not a deal
			}
			if (w == "raised" || w == "raise" || w == "raises" || w == "funding" || w == "financing") && !vb.hasMoney(toks) {
				continue
			}
			if w == "project" && !qIsUpperStart(b[tk.start:tk.end]) && prev != "joint" {
				continue // handled above as a weak trigger
			}
			if w == "investors" && prev != "as" {
				continue
			}
			if v.rank > t.rank {
				t.kind, t.rank, t.at = v.kind, v.rank, tk.start
			}
			found = true
		}
	}
	if t.at == 0 && len(toks) > 0 {
		t.at = toks[len(toks)-1].start
	}
	if t.rank > 1 {
		t.weak = false
	}
	return t, found
}

// vBuilder collects the ventures of one article.
type vBuilder struct {
	d       *qDoc
	quotes  []model.Quote
	vs      []*vDeal
	figs    []vFig
	toks    []qTok
	outside []qTok // toks outside quotations (reused)
}

type vFig struct {
	start, end int
	ent        int
}

// vDeal is a venture being built.
type vDeal struct {
	kind    model.VentureKind
	rank    int
	parties []int        // entity indexes, in order of first mention
	sents   []int        // evidence sentence indexes
	spans   []model.Span // the clauses the deal was read from: its fields come from these
	prices  []model.Span // money figures told elsewhere as its price
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
				vb.figs = append(vb.figs, vFig{m.Start, m.End, i})
			}
		}
	}
	slices.SortFunc(vb.figs, func(x, y vFig) int { return x.start - y.start })
}

// inQuote reports whether sentence s lies mostly inside a quotation: deals
// are read from the reporter's words, not from what a speaker hopes for.
func (vb *vBuilder) inQuote(s model.Span) bool {
	i := sort.Search(len(vb.quotes), func(i int) bool { return vb.quotes[i].End > s.Start })
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
	if !vQuickTrigger(d.body[s.Start:s.End]) {
		return
	}
	all := qTokens(d.body, s.Start, s.End, vb.toks[:0])
	vb.toks = all
	// trigger words inside a quotation are the speaker's, not the reporter's
	toks := all
	qi := sort.Search(len(vb.quotes), func(i int) bool { return vb.quotes[i].End > s.Start })
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
		if d.ents[m.ent].Kind == model.Company && !vb.inQuoteAt(m.start) {
			subject = m.ent
			break
		}
	}
	start := 0
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) && !vb.clauseBreak(toks, k) {
			continue
		}
		if k > start {
			vb.clause(si, toks[start:k], start > 0, subject)
		}
		start = k + 1
	}
}

// clauseBreak reports whether toks[k] ends a clause: ";", ", and", ", while", ", but".
func (vb *vBuilder) clauseBreak(toks []qTok, k int) bool {
	b := vb.d.body
	t := toks[k]
	if t.word {
		return false
	}
	switch b[t.start] {
	case ';':
		return true
	case ',':
		if k+1 < len(toks) && toks[k+1].word {
			switch qLowerWord(b[toks[k+1].start:toks[k+1].end]) {
			case "and", "while", "but", "whereas":
				return true
			}
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
		main := make([]qTok, 0, len(toks))
		for _, t := range toks {
			if !vInSpans(rel, t.start) {
				main = append(main, t)
			}
		}
		for _, r := range rel {
			if ante := vb.companyEndingAt(r.Start); ante >= 0 {
				var sub []qTok
				for _, t := range toks {
					if t.start > r.Start && t.end <= r.End {
						sub = append(sub, t)
					}
				}
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
	from, to := toks[0].start, toks[len(toks)-1].end
	var parties []int
	firstAt := -1
	for _, m := range d.mentionsIn(from, to) {
		if d.ents[m.ent].Kind != model.Company || vb.inQuoteAt(m.start) || vInSpans(rel, m.start) {
			continue
		}
		if firstAt < 0 {
			firstAt = m.start
		}
		if !vHas(parties, m.ent) {
			parties = append(parties, m.ent)
		}
	}
	if ok && (firstAt < 0 || firstAt > t.at) {
		// no company before the trigger: "It bought ...", "the company will
		// sell ...", or a later clause of a sentence whose subject is a company
		if later && subject >= 0 {
			parties = vPrepend(parties, subject)
		} else if c := vb.pronounSubject(toks, t.at); c >= 0 {
			parties = vPrepend(parties, c)
		}
	}
	// a deal this clause continues
	var into *vDeal
	for i := len(vb.vs) - 1; i >= 0 && i >= len(vb.vs)-vMaxOpen && into == nil; i-- {
		v := vb.vs[i]
		if n := vb.shared(v.parties, parties); n >= 2 || n == 1 && len(v.parties) == 1 && len(parties) > 1 {
			into = v
		}
	}
	if into == nil && t.backref && len(vb.vs) > 0 {
		last := vb.vs[len(vb.vs)-1]
		if len(parties) == 0 || vb.shared(last.parties, parties) >= 1 {
			into = last
		}
	}
	if into == nil && ok && len(parties) == 1 && len(vb.vs) > 0 {
		// "Walmart will pay $16 billion for 77 per cent": one party of a
		// deal told just before
		last := vb.vs[len(vb.vs)-1]
		if vb.shared(last.parties, parties) == 1 && si-last.sents[len(last.sents)-1] <= 2 {
			into = last
		}
	}
	if into != nil && !(t.plural && len(parties) >= 3) {
		if into.sents[len(into.sents)-1] != si {
			into.sents = append(into.sents, si)
		}
		into.spans = append(into.spans, model.Span{Start: from, End: to})
		for _, p := range parties {
			if vb.shared(into.parties, []int{p}) == 0 {
				into.parties = append(into.parties, p)
			}
		}
		if ok && t.rank > into.rank && !(t.kind == model.Investment && into.kind == model.Acquisition) {
			into.kind, into.rank = t.kind, t.rank
		}
		return
	}
	if !ok || t.weak && len(parties) < 2 || len(parties) == 0 {
		return
	}
	if len(parties) == 1 && !vb.singleParty(t, toks, parties[0]) {
		return
	}
	if t.kind == model.Acquisition && t.stake && vb.minorityStake(from, to) {
		t.kind = model.Investment
	}
	if t.plural && len(parties) >= 3 {
		for _, p := range parties[1:] {
			vb.vs = append(vb.vs, &vDeal{kind: t.kind, rank: t.rank, parties: []int{parties[0], p}, sents: []int{si},
				spans: []model.Span{{Start: from, End: to}}})
		}
		return
	}
	vb.vs = append(vb.vs, &vDeal{kind: t.kind, rank: t.rank, parties: parties, sents: []int{si},
		spans: []model.Span{{Start: from, End: to}}})
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
		w := qLowerWord(b[toks[k+1].start:toks[k+1].end])
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

// companyEndingAt returns the company whose mention ends right before pos
// (", which" follows it), or -1.
func (vb *vBuilder) companyEndingAt(pos int) int {
	d := vb.d
	i := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].start >= pos })
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		m := d.ments[j]
		if m.end == pos && d.ents[m.ent].Kind == model.Company {
			return m.ent
		}
	}
	return -1
}

func vInSpans(ss []model.Span, pos int) bool {
	for _, s := range ss {
		if s.Contains(pos) {
			return true
		}
	}
	return false
}

// vPriceWords, just before a money figure, make it a deal's price ("will
// pay $16 billion", "had offered UFJ as much as $6.3 billion").
var vPriceWords = []string{"pay ", "pays ", "paid ", "paying ", "offer", "spend ", "spent ", "worth ",
	"valued ", "value of ", "valuing ", "price of ", "priced at "}

// attachPrices gives a deal the prices told in sentences without a trigger:
// a sentence that names one of its parties and pays, offers or values money.
// It adds the amount and the sentence as evidence, never a party or a deal.
func (vb *vBuilder) attachPrices() {
	d := vb.d
	if len(vb.vs) == 0 {
		return
	}
	prevEnd, prevInto := -10, (*vDeal)(nil) // the last price attached: conversions in brackets follow it
	for _, f := range vb.figs {
		e := d.ents[f.ent]
		if e.Subkind != model.Money || vb.inQuoteAt(f.start) {
			continue
		}
		if prevInto != nil && f.start-prevEnd <= 3 {
			prevInto.prices = append(prevInto.prices, model.Span{Start: f.start, End: f.end})
			prevEnd = f.end
			continue
		}
		si := d.sentOf(f.start)
		if si < 0 {
			continue
		}
		s := d.sents[si]
		var lb [40]byte
		before := qLowerASCII(lb[:0], d.body[max(s.Start, f.start-40):f.start])
		priced := false
		for _, w := range vPriceWords {
			if bytes.Contains(before, []byte(w)) {
				priced = true
				break
			}
		}
		if !priced {
			continue
		}
		// the latest deal, told before this sentence, that this sentence names a party of
		var into *vDeal
		for _, m := range d.mentionsIn(s.Start, s.End) {
			if d.ents[m.ent].Kind != model.Company {
				continue
			}
			for i := len(vb.vs) - 1; i >= 0 && i >= len(vb.vs)-vMaxOpen; i-- {
				v := vb.vs[i]
				// a price may come a sentence or two before the deal is named
				if v.sents[0] <= si+2 && vb.shared(v.parties, []int{m.ent}) > 0 {
					if into == nil || v.sents[0] > into.sents[0] {
						into = v
					}
					break
				}
			}
		}
		if into == nil {
			continue
		}
		if !slices.Contains(into.sents, si) {
			into.sents = append(into.sents, si)
			slices.Sort(into.sents)
		}
		into.prices = append(into.prices, model.Span{Start: f.start, End: f.end})
		prevEnd, prevInto = f.end, into
	}
}

// vMaxOpen is how many recent deals a new clause may join: a story comes
// back to a deal it told a few deals ago, and a bound keeps a huge
// article linear.
const vMaxOpen = 12

func vPrepend(a []int, x int) []int {
	if vHas(a, x) {
		return a
	}
	return append([]int{x}, a...)
}

// pronounSubject resolves a clause that opens with "it", "the company" or
// "the firm" before its trigger to the company the sentence before was
// about (its first company), else the last company named.
func (vb *vBuilder) pronounSubject(toks []qTok, trig int) int {
	d := vb.d
	b := d.body
	k := 0
	for k < len(toks) && toks[k].start < trig && (!toks[k].word || qConnectives[qLowerWord(b[toks[k].start:toks[k].end])]) {
		k++
	}
	if k >= len(toks) || toks[k].start >= trig {
		return -1
	}
	w := qLowerWord(b[toks[k].start:toks[k].end])
	isRef := w == "it" || w == "its"
	if (w == "the" || w == "this") && k+1 < len(toks) {
		n := qLowerWord(b[toks[k+1].start:toks[k+1].end])
		isRef = qOrgNouns[n] && n != "statement"
	}
	if !isRef {
		return -1
	}
	// the subject of the sentence before: a company among its first words
	si := d.sentOf(toks[k].start)
	if si > 0 {
		s := d.sents[si-1]
		ts := qTokens(b, s.Start, min(s.End, s.Start+qMaxWindow), nil)
		lim := s.End
		if len(ts) > 7 {
			lim = ts[7].start
		}
		for _, m := range d.mentionsIn(s.Start, s.End) {
			if m.start < lim && d.ents[m.ent].Kind == model.Company && !vb.inQuoteAt(m.start) {
				return m.ent
			}
		}
	}
	// else the company the story is about: the one named most so far
	var counts [][2]int // entity, mentions: few companies per story, so a slice beats a map
	best, bestN := -1, 0
	i := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].start >= toks[k].start })
	for j := max(0, i-qMaxLookBack/2); j < i; j++ {
		m := d.ments[j]
		if d.ents[m.ent].Kind != model.Company || vb.inQuoteAt(m.start) {
			continue
		}
		x := 0
		for x < len(counts) && counts[x][0] != m.ent {
			x++
		}
		if x == len(counts) {
			counts = append(counts, [2]int{m.ent, 0})
		}
		counts[x][1]++
		if counts[x][1] > bestN {
			best, bestN = m.ent, counts[x][1]
		}
	}
	if bestN >= 3 {
		return best
	}
	return -1
}

// minorityStake reports whether [from, to) names a stake under half.
func (vb *vBuilder) minorityStake(from, to int) bool {
	text := vb.d.body[from:to]
	if strings.Contains(text, "majority") || strings.Contains(text, "controlling") {
		return false
	}
	for _, f := range vb.figsIn(from, to) {
		e := vb.d.ents[f.ent]
		if e.Subkind == model.Percent && e.Value > 0 && e.Unit != "bp" {
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
		if vb.d.ents[f.ent].Subkind == model.Money {
			return true
		}
	}
	return false
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
		if m.ent != p {
			continue
		}
		after := d.body[m.end:min(len(d.body), m.end+3)]
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
	i := sort.Search(len(vb.quotes), func(i int) bool { return vb.quotes[i].End > pos })
	return i < len(vb.quotes) && vb.quotes[i].Start <= pos
}

func (vb *vBuilder) figsIn(a, b int) []vFig {
	i := sort.Search(len(vb.figs), func(i int) bool { return vb.figs[i].start >= a })
	j := i
	for j < len(vb.figs) && vb.figs[j].start < b {
		j++
	}
	return vb.figs[i:j]
}

func vShared(a, b []int) int {
	n := 0
	for _, x := range a {
		if vHas(b, x) {
			n++
		}
	}
	return n
}

// sameParty reports whether entities x and y name one company: the same
// entity, or one name is the other's first words ("Mistral", "Mistral AI").
func (vb *vBuilder) sameParty(x, y int) bool {
	if x == y {
		return true
	}
	a, b := vb.d.ents[x].Name(), vb.d.ents[y].Name()
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
			if vb.sameParty(x, y) {
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
