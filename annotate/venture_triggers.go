package annotate

import (
	"strings"

	"newsmark/model"
)

// The words that make a sentence speak of a deal, and the cheap gate that
// lets most sentences through untokenized.

// vTrig is what one sentence says about a deal.
type vTrig struct {
	kind    model.VentureKind
	rank    int  // the strongest trigger wins: a joint venture over an investment
	backref bool // "the venture", "the deal": refers to a deal told before
	weak    bool // "a deal with", "agreement": a partnership only with two parties
	stake   bool
	plural  bool              // "partnerships with A and B": one deal per partner
	refKind model.VentureKind // the kind of deal a backref names ("the venture"), if any
	at      int               // offset of the strongest trigger word
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
		"collaborating cooperate co-develop companies firms") {
		m[w] = true
	}
	return m
}()

// vFirst2Len is a first look before the map: bit n of entry
// (c0&31)<<5 | c1&31 is set when some vAny word of n bytes starts with c0 c1
// (case folds away under &31; the few bytes that collide only let a word
// through to the exact look-up).
var vFirst2Len = func() (t [1024]uint32) {
	for w := range vAny {
		if len(w) < 32 {
			t[int(w[0]&31)<<5|int(w[1]&31)] |= 1 << len(w)
		}
	}
	return t
}()

// vAnyBloom is a second look: vAny hashed with ASCII case folded (each byte
// ORed with 0x20, which maps A–Z to a–z and leaves a lower-cased word as it
// is), so a word is tested before it is lower-cased and before the table.
var vAnyBloom = func() (f bloomFilter) {
	for w := range vAny {
		f.add(wordHash(w, 0x20))
	}
	return f
}()

// vInfo is what sentenceTrigger reads of a vAny word: the word itself and
// its entries in the lists above, found with one look-up.
type vInfo struct {
	word    string
	kind    model.VentureKind // vWords, with rank > 0
	rank    int
	backref bool // vBackrefs, with refKind
	refKind model.VentureKind
	plural  bool // vPlural
	invest  bool // vInvestWords
	sell    bool // vSellWords
}

// vAnyTable is vAny laid out for vIsAny and vAnyInfo: each word maps to its
// index in vInfos, plus one.
var vAnyTable, vInfos = func() (*wordTable, []vInfo) {
	m := make(map[string]uint32, len(vAny))
	var infos []vInfo
	for w := range vAny {
		in := vInfo{word: w, plural: vPlural[w], invest: vInvestWords[w], sell: vSellWords[w]}
		if v, ok := vWords[w]; ok {
			in.kind, in.rank = v.kind, v.rank
		}
		in.refKind, in.backref = vBackrefs[w]
		infos = append(infos, in)
		m[w] = uint32(len(infos))
	}
	return newWordTable(m, 0x20), infos
}()

// vIsAny reports whether w with its ASCII capitals lowered is in vAny.
func vIsAny(w string) bool { return vAnyInfo(w) != nil }

// vAnyInfo returns the vInfo of w with its ASCII capitals lowered, or nil
// when it is no vAny word: the filters, then the table, with one hash and
// no lower-cased copy. Callers on every word test vFirst2Len first
// themselves: this call is not inlined.
func vAnyInfo(w string) *vInfo {
	if len(w) < 2 || len(w) >= 32 || vFirst2Len[int(w[0]&31)<<5|int(w[1]&31)]&(1<<len(w)) == 0 {
		return nil
	}
	h := wordHash(w, 0x20)
	if !vAnyBloom.has(h) {
		return nil
	}
	if i := vAnyTable.getFold(w, h); i > 0 {
		return &vInfos[i-1]
	}
	return nil
}

// vQuickTrigger is a cheap first look at a sentence: does any of its ASCII
// words belong to vAny? Most sentences stop here, untokenized. A word is
// looked up only when its first letters and length may make a vAny word;
// its neighbours are lower-cased only when it is one.
func vQuickTrigger(s string) bool {
	var pb, nb [32]byte
	ps, pe := 0, 0 // the word before
	for i, j := 0, 0; ; i = j {
		if ps, pe, i, j = vNextMayBeAnyWord(s, ps, pe, i); i >= len(s) {
			return false
		}
		if w := vAnyInfo(s[i:j]); w != nil {
			var prev, next []byte
			if pe-ps < 32 {
				prev = qLowerASCII(pb[:0], s[ps:pe])
			}
			k := j
			for k < len(s) && !vWordByte[s[k]] {
				k++
			}
			e := k
			for e < len(s) && vWordByte[s[e]] {
				e++
			}
			if e-k < 32 {
				next = qLowerASCII(nb[:0], s[k:e])
			}
			if vGate(prev, w, next) {
				return true
			}
		}
		ps, pe = i, j
	}
}

// vNextMayBeAnyWord returns the bounds [i, j) of the first ASCII word of s
// from i on whose first two bytes and length may make a vAny word
// (vFirst2Len), with the bounds [ps, pe) of the word before it (as given
// when it is the first word read); i is len(s) when there is none. Most
// words fail the test: a loop of its own, with no calls, keeps its place
// in registers.
func vNextMayBeAnyWord(s string, ps, pe, i int) (int, int, int, int) {
	for {
		for i < len(s) && !vWordByte[s[i]] {
			i++
		}
		if i >= len(s) {
			return ps, pe, len(s), len(s)
		}
		j := i + 1
		for j < len(s) && vWordByte[s[j]] {
			j++
		}
		if n := j - i; n > 1 && n < 32 && vFirst2Len[int(s[i]&31)<<5|int(s[i+1]&31)]&(1<<n) != 0 {
			return ps, pe, i, j
		}
		ps, pe = i, j
		i = j
	}
}

// vQuickTriggers is vQuickTrigger of each sentence (false for one too long
// for the venture pass to read).
func vQuickTriggers(body string, sents []model.Span) []bool {
	out := make([]bool, len(sents))
	for i, s := range sents {
		out[i] = s.End-s.Start <= 4*qMaxWindow && vQuickTrigger(body[s.Start:s.End])
	}
	return out
}

// vGate tells from a vAny word and its neighbours whether a sentence may
// speak of a deal; sentenceTrigger then reads it properly.
func vGate(prev []byte, w *vInfo, next []byte) bool {
	// one switch on the word (a few comparisons) rather than a list of tests
	switch w.word {
	case "take", "took", "taken", "taking", "takes":
		return string(next) == "over"
	case "snapped", "team", "teamed", "teams", "tied", "ties", "set":
		return string(next) == "up"
	case "companies", "firms":
		return vIsOneOf(prev, "two", "both") // "the two companies will split profits 50-50"
	case "partner", "partners":
		// "partners with"; "the partners plan to spend": the deal's parties
		return string(next) == "with" || w.word == "partners" && vIsOneOf(prev, "the", "two", "both")
	case "join":
		return string(next) == "forces"
	case "joint":
		return vIsOneOf(next, "venture", "ventures")
	case "shares":
		return false
	case "deal", "deals", "agreement", "agreements", "talks", "offers":
		return vIsOneOf(next, "with", "for") || vIsOneOf(prev, "the", "this", "that")
	case "round":
		return vIsOneOf(prev, "funding", "financing", "investment", "series")
	case "venture":
		return true // "the venture", "a 50-50 venture", "a new venture": sentenceTrigger reads which
	}
	if w.rank > 0 { // a vWords word
		return true
	}
	if w.backref {
		return vIsOneOf(prev, "the", "this", "that")
	}
	return true
}

// vIsOneOf reports whether b is one of words.
func vIsOneOf(b []byte, words ...string) bool {
	for _, x := range words {
		if string(b) == x {
			return true
		}
	}
	return false
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

var vSellWords = map[string]bool{"sell": true, "sold": true, "sells": true, "selling": true, "sale": true}

// sellsBusiness reports whether the words after "sell"/"sale" name a
// business, a stake or a company rather than goods.
func (vb *vBuilder) sellsBusiness(toks []qTok) bool {
	b := vb.d.body
	if len(toks) == 0 || toks[0].word && vb.d.lw(toks[0].start, toks[0].end) == "by" {
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
		if lex.vBusiness[vb.d.lw(t.start, t.end)] {
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
		if toks[i].word && lex.vDealNoun[vb.d.lw(toks[i].start, toks[i].end)] {
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
	for i := vNextMayBeAny(b, toks, 0); i < len(toks); i = vNextMayBeAny(b, toks, i+1) {
		tk := toks[i]
		info := vAnyInfo(b[tk.start:tk.end])
		if info == nil || vb.inName(tk.start) {
			continue // most words say nothing of deals; "Reline Investments" is a name
		}
		w := info.word // what lw gives: an ASCII word, lower-cased
		next := ""
		if i+1 < len(toks) && toks[i+1].word {
			next = vb.d.lw(toks[i+1].start, toks[i+1].end)
		}
		prev := ""
		if i > 0 && toks[i-1].word {
			prev = vb.d.lw(toks[i-1].start, toks[i-1].end)
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
		if info.plural {
			t.plural = true
		}
		if (w == "partners" || w == "companies" || w == "firms") && (prev == "two" || prev == "both") ||
			w == "partners" && prev == "the" {
			t.backref = true // "the partners plan to spend": the deal's parties
			t.refKind = model.JointVenture
		}
		if info.backref && (prev == "the" || prev == "this" || prev == "that") {
			t.backref = true
			if info.refKind != "" {
				t.refKind = info.refKind
			}
			if w == "merged" || w == "bid" || w == "offer" || w == "sale" {
				continue // "the merged group" names the deal, it does not start one
			}
		}
		if info.rank > 0 { // a vWords word
			if info.invest && lex.vInvestModified[next] || w == "stake" && prev == "at" {
				continue // "investment bank", "at stake": no deal
			}
			if (w == "bid" || w == "bids") && next != "for" && next != "to" && next != "by" && !lex.vBidOwner[prev] {
				continue // "the bid team", "bid battle"
			}
			if info.sell && (lex.vPassive[prev] || !vb.sellsBusiness(toks[i+1:])) {
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
			if info.rank > t.rank {
				t.kind, t.rank, t.at = info.kind, info.rank, tk.start
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

// vNextMayBeAny returns the index of the first word of toks from i on
// whose first two bytes and length may make a vAny word (vFirst2Len), or
// len(toks). Most tokens fail this test: a loop of its own, with no calls,
// keeps its place in registers.
func vNextMayBeAny(b string, toks []qTok, i int) int {
	for ; i < len(toks); i++ {
		tk := toks[i]
		if n := tk.end - tk.start; tk.word && n >= 2 && n < 32 &&
			vFirst2Len[int(b[tk.start]&31)<<5|int(b[tk.start+1]&31)]&(1<<n) != 0 {
			break
		}
	}
	return i
}

func (vb *vBuilder) hasAdviserWord(toks []qTok) bool {
	var buf [24]byte
	b := vb.d.body
	for _, t := range toks {
		if n := t.end - t.start; t.word && n < len(buf) && lex.vAdviserFirstLen[b[t.start]]&(1<<n) != 0 &&
			lex.vAdviser[string(qLowerASCII(buf[:0], b[t.start:t.end]))] {
			return true
		}
	}
	return false
}
