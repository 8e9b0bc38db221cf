package annotate

import (
	"strings"

	"newsmark/model"
)

// The venture cues: the words that make a clause tell of a deal, in one
// table (vCues). sentenceTrigger reads a clause's words against it, and
// the cheap gate that lets most sentences through untokenized
// (vQuickTrigger) is derived from it: every word of the table, with the
// words beside it that its rows require. A row added here is seen by both;
// TestGateKeepsEverySentenceTheCuesAccept holds the gate to the table.

// vCue is one row: a word (any of words, in any case) that, with the words
// next to it, tells of a deal. A row fires when the word before is one of
// prev (nil: any) and not one of notPrev, the word after likewise, and its
// checks hold; a word's rows are read in table order.
type vCue struct {
	name             string // the cue as a reader would name it: recorded on the deal it starts
	words            []string
	prev, next       []string
	notPrev, notNext []string
	checks           []vCheck
	// what a row that fires does
	kind model.VentureKind // with rank > 0: the deal's kind, the strongest cue winning
	rank int
	weak bool // a deal only with two parties
	// always moves the deal's kind and point to this word even at equal
	// rank (a joint venture, the strongest cue)
	always  bool
	backref bool              // names a deal told before ("the venture")
	refKind model.VentureKind // the kind of deal a backref names, if it says
	// investors names the investors of an investment told before ("led
	// by"): with the deal's money or another reference to it in the
	// clause, its companies join that deal with no party in common
	stake     bool // the deal is for a stake
	plural    bool // several deals at once ("partnerships with A and B"): one per partner
	investors bool
	stop      bool // the word's later rows are not read
}

// vCheck is a test a row asks of its clause beyond the neighbouring words.
type vCheck uint8

const (
	vDealNounNear      vCheck = iota + 1 // a deal noun within six words after ("signed an agreement")
	vSellsBusiness                       // what is sold is a business, not goods (sellsBusiness)
	vHasMoney                            // the clause names money (hasMoney)
	vLowerCase                           // the word is written in lower case
	vUpperOrJoint                        // the word is capitalised ("Project Stargate") or follows "joint"
	vBidFor                              // "bid for/to/by", or an owner before it ("a hostile bid")
	vNotInvestModified                   // the word after is no noun the cue only qualifies ("investment bank")
	vNotPassive                          // the word before is no passive auxiliary ("to be sold")
	vBuysBusiness                        // what is bought is no count of goods ("buy 30 aircraft")
	vInvestorsEnd                        // no verb follows: "as investors in the plant", not "as investors look"
	vNotBorrowed                         // the clause names no borrowed money ("in debt", "with its lenders")
	vRaisesFunds                         // the money raised is no level ("raised prices to Rs 1,150": raisesFunds)
)

var (
	theThisThat = []string{"the", "this", "that"}
	twoBoth     = []string{"two", "both"}
)

// vCues is the table. Rows are in four sections, read in this order for
// each word: the cues a phrase makes, the flags, the references back to a
// deal, then the deal words.
var vCues = []vCue{
	// Phrases.
	{name: "joint venture", words: []string{"joint"}, next: []string{"venture", "ventures"}, kind: model.JointVenture, rank: 7, always: true, stop: true},
	{name: "joint venture", words: []string{"joint-venture", "jv"}, kind: model.JointVenture, rank: 7, always: true, stop: true},
	{name: "new venture", words: []string{"venture"}, prev: []string{"50-50", "new", "equal", "combined"}, kind: model.JointVenture, rank: 7, always: true},
	{name: "take over", words: []string{"take", "took", "taken", "taking", "takes"}, next: []string{"over"}, kind: model.Acquisition, rank: 5},
	{name: "snap up", words: []string{"snapped"}, next: []string{"up"}, kind: model.Acquisition, rank: 5},
	{name: "team up", words: []string{"team", "teamed", "teams", "tied", "ties"}, next: []string{"up"}, kind: model.Partnership, rank: 3},
	{name: "partner with", words: []string{"partner", "partners"}, next: []string{"with"}, kind: model.Partnership, rank: 3},
	{name: "join forces", words: []string{"join"}, next: []string{"forces"}, kind: model.Partnership, rank: 3},
	{name: "deal with", words: []string{"deal", "agreement", "agreements", "deals", "talks"}, next: []string{"with"}, kind: model.Partnership, rank: 1, weak: true},
	{name: "sign a deal", words: []string{"signed", "inked"}, checks: []vCheck{vDealNounNear}, kind: model.Partnership, rank: 1, weak: true},
	{name: "offer for", words: []string{"offer", "offers"}, next: []string{"for"}, kind: model.Acquisition, rank: 5},
	{name: "funding round", words: []string{"round"}, prev: []string{"funding", "financing", "investment", "series"}, kind: model.Investment, rank: 4},
	// "joint development of the T5 with X": work done together, a partnership
	{name: "joint work", words: []string{"joint"}, next: []string{"development", "production", "manufacturing", "research"}, kind: model.Partnership, rank: 3},
	{name: "jointly", words: []string{"jointly", "collaborate", "collaborating", "cooperate", "co-develop"}, kind: model.Partnership, rank: 3},
	{name: "project", words: []string{"project"}, checks: []vCheck{vLowerCase}, kind: model.Project, rank: 1, weak: true},
	{name: "found", words: []string{"founded", "establish", "established", "formed", "form", "forming"}, kind: model.Investment, rank: 1, weak: true},
	{name: "set up", words: []string{"set"}, next: []string{"up"}, kind: model.Investment, rank: 1, weak: true},

	// Flags.
	{name: "stake", words: []string{"stake"}, stake: true},
	{name: "shares", words: []string{"shares"}, notPrev: []string{"its"}, stake: true},
	{name: "plural", words: []string{"partnerships", "agreements", "deals", "ventures", "investments", "alliances"}, plural: true},

	// References back to a deal: "the two companies", "the partners", "the venture".
	{name: "the partners", words: []string{"partners", "companies", "firms"}, prev: twoBoth, backref: true, refKind: model.JointVenture},
	{name: "the partners", words: []string{"partners"}, prev: []string{"the"}, backref: true, refKind: model.JointVenture},
	{name: "the venture", words: []string{"venture"}, prev: theThisThat, backref: true, refKind: model.JointVenture},
	{name: "the deal", words: []string{"deal", "tie-up", "transaction", "agreement", "plant", "factory", "facility", "fund", "round", "move"},
		prev: theThisThat, backref: true},
	{name: "the acquisition", words: []string{"acquisition", "takeover", "purchase"}, prev: theThisThat, backref: true, refKind: model.Acquisition},
	// "the merged group", "the bid", "the offer" name the deal; they do not start one
	{name: "the bid", words: []string{"bid", "offer"}, prev: theThisThat, backref: true, refKind: model.Acquisition, stop: true},
	{name: "the merged group", words: []string{"merged"}, prev: theThisThat, backref: true, stop: true},
	{name: "the merger", words: []string{"merger"}, prev: theThisThat, backref: true, refKind: model.Merger},
	{name: "the partnership", words: []string{"partnership"}, prev: theThisThat, backref: true, refKind: model.Partnership},
	{name: "the investment", words: []string{"investment"}, prev: theThisThat, backref: true, refKind: model.Investment},
	// "The $10 million is being led by X, with Y also participating"
	{name: "led by", words: []string{"led", "co-led"}, next: []string{"by"}, backref: true, refKind: model.Investment, investors: true},

	// Deal words.
	{name: "merger", words: []string{"merger"}, checks: []vCheck{vNotInvestModified}, kind: model.Merger, rank: 6},
	{name: "merge", words: []string{"merge", "merged", "merging", "merges", "combine", "combining", "combination", "amalgamation"},
		kind: model.Merger, rank: 6},
	{name: "acquire", words: []string{"acquisition"}, checks: []vCheck{vNotInvestModified}, kind: model.Acquisition, rank: 5},
	{name: "acquire", words: []string{"acquire", "acquires", "acquired", "acquiring", "takeover", "buyout"}, kind: model.Acquisition, rank: 5},
	{name: "buy", words: []string{"buy", "buys", "bought", "buying", "purchase", "purchased", "purchases"}, checks: []vCheck{vBuysBusiness},
		kind: model.Acquisition, rank: 5},
	{name: "sell", words: []string{"sell", "sells", "sold", "selling", "sale"}, checks: []vCheck{vNotPassive, vSellsBusiness},
		kind: model.Acquisition, rank: 5},
	{name: "sell", words: []string{"divest", "spin-off"}, kind: model.Acquisition, rank: 5},
	{name: "bid", words: []string{"bid", "bids"}, checks: []vCheck{vBidFor}, kind: model.Acquisition, rank: 5},
	{name: "bid", words: []string{"suitor", "bidder"}, kind: model.Acquisition, rank: 5},
	{name: "invest", words: []string{"invest", "investing", "investment", "investments"}, checks: []vCheck{vNotInvestModified},
		kind: model.Investment, rank: 4},
	{name: "invest", words: []string{"invests", "invested", "backers"}, kind: model.Investment, rank: 4},
	{name: "stake", words: []string{"stake"}, notPrev: []string{"at"}, kind: model.Investment, rank: 4},
	{name: "investors", words: []string{"investors"}, prev: []string{"as"}, checks: []vCheck{vNotInvestModified, vInvestorsEnd},
		kind: model.Investment, rank: 4},
	{name: "raise", words: []string{"raised", "raise", "raises"}, checks: []vCheck{vRaisesFunds, vNotBorrowed}, kind: model.Investment, rank: 4},
	{name: "raise", words: []string{"funding", "financing"}, checks: []vCheck{vNotInvestModified, vHasMoney, vNotBorrowed},
		kind: model.Investment, rank: 4},
	{name: "partnership", words: []string{"partnership", "partnerships", "tie-up", "alliance", "collaboration", "partnered", "cooperation", "consortium"},
		kind: model.Partnership, rank: 3},
	{name: "project", words: []string{"project"}, checks: []vCheck{vUpperOrJoint}, kind: model.Project, rank: 2},
}

// vTrig is what one clause says about a deal.
type vTrig struct {
	kind    model.VentureKind
	rank    int  // the strongest cue wins: a joint venture over an investment
	backref bool // "the venture", "the deal": refers to a deal told before
	weak    bool // "a deal with", "agreement": a partnership only with two parties
	stake   bool
	plural  bool              // "partnerships with A and B": one deal per partner
	refKind model.VentureKind // the kind of deal a backref names ("the venture"), if any
	// investors: a row named an investment's investors ("led by");
	// otherRef: a backref row that did not ("the round")
	investors, otherRef bool
	at                  int    // offset of the strongest cue word
	cue                 string // the name of the cue that set kind
}

// sentenceTrigger reads the cue words of one clause against vCues.
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
		if vb.weighed(toks, i) {
			continue // "considering the sale of": no deal yet
		}
		next := ""
		if i+1 < len(toks) && toks[i+1].word {
			next = vb.d.lw(toks[i+1].start, toks[i+1].end)
		}
		prev := ""
		if i > 0 && toks[i-1].word {
			prev = vb.d.lw(toks[i-1].start, toks[i-1].end)
		}
		for _, ci := range info.cues {
			c := &vCues[ci]
			if !c.near(prev, next) || !vb.checksHold(c, toks, i, prev, next) {
				continue
			}
			if vb.fired != nil {
				vb.fired[ci]++
			}
			if c.rank > 0 {
				if c.always || t.rank < c.rank {
					t.kind, t.rank, t.at, t.cue = c.kind, c.rank, tk.start, c.name
					if c.weak {
						t.weak = true
					}
				}
				found = true
			}
			t.stake = t.stake || c.stake
			t.plural = t.plural || c.plural
			if c.backref {
				t.backref = true
				if c.refKind != "" {
					t.refKind = c.refKind
				}
				t.investors = t.investors || c.investors
				t.otherRef = t.otherRef || !c.investors
			}
			if c.stop {
				break
			}
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

// weighed reports whether one of the four words before word i of a clause,
// within its phrase, makes the deal one a firm only weighs ("considering
// the sale of", "exploring options including a sale").
func (vb *vBuilder) weighed(toks []qTok, i int) bool {
	var buf [16]byte
	b := vb.d.body
	for k := i - 1; k >= 0 && k >= i-4 && toks[k].word; k-- {
		if t := toks[k]; t.end-t.start <= len(buf) && lex.vWeighFirstLen[b[t.start]]&(1<<(t.end-t.start)) != 0 &&
			lex.vWeigh[string(qLowerASCII(buf[:0], b[t.start:t.end]))] {
			return true
		}
	}
	return false
}

// near reports whether the words before and after the cue word fit the row.
func (c *vCue) near(prev, next string) bool {
	return (c.prev == nil || vIn(c.prev, prev)) && (c.next == nil || vIn(c.next, next)) &&
		!vIn(c.notPrev, prev) && !vIn(c.notNext, next)
}

// checksHold runs the row's checks on word i of the clause toks.
func (vb *vBuilder) checksHold(c *vCue, toks []qTok, i int, prev, next string) bool {
	for _, k := range c.checks {
		ok := false
		switch k {
		case vDealNounNear:
			ok = vb.dealNounWithin(toks[i+1:], 6)
		case vSellsBusiness:
			ok = vb.sellsBusiness(toks[i+1:])
		case vHasMoney:
			ok = vb.hasMoney(toks)
		case vLowerCase:
			ok = !qIsUpperStart(vb.d.body[toks[i].start:toks[i].end])
		case vUpperOrJoint:
			ok = qIsUpperStart(vb.d.body[toks[i].start:toks[i].end]) || prev == "joint"
		case vBidFor:
			ok = next == "for" || next == "to" || next == "by" || lex.vBidOwner[prev]
		case vNotInvestModified:
			ok = !lex.vInvestModified[next]
		case vNotPassive:
			ok = !lex.vPassive[prev]
		case vBuysBusiness:
			ok = !vb.goodsAfter(toks[i+1:])
		case vInvestorsEnd:
			ok = next == "" || lex.vInvestorsNext[next]
		case vNotBorrowed:
			ok = !vb.hasDebtWord(toks)
		case vRaisesFunds:
			ok = vb.raisesFunds(toks)
		}
		if !ok {
			return false
		}
	}
	return true
}

func vIn(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// vNextMayBeAny returns the index of the first word of toks from i on
// whose first two bytes and length may make a cue word (vFirst2Len), or
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

// vInfo is what the trigger and the gate read of a cue word, found with
// one look-up: its rows, and what the gate asks of its neighbours.
type vInfo struct {
	word string
	cues []int       // its rows in vCues, in table order
	gate []vGateCond // one per row that starts or names a deal
}

// vGateCond is what a row that starts or names a deal asks of the words
// beside its cue word, as the gate can test it: the words it requires
// (nil: any). What a row only forbids, and its checks, the gate does not
// test: it may let a sentence through that the row then turns away, never
// the reverse.
type vGateCond struct{ prev, next []string }

// vAnyTable maps each cue word (lower case) to its index in vInfos, plus
// one; vFirst2Len and vAnyBloom are looks before it.
var vAnyTable, vInfos, vFirst2Len, vAnyBloom = func() (*wordTable, []vInfo, [1024]uint32, bloomFilter) {
	var infos []vInfo
	idx := map[string]uint32{}
	for ci := range vCues {
		c := &vCues[ci]
		for _, w := range c.words {
			if w != strings.ToLower(w) || len(w) < 2 || len(w) >= 32 {
				panic("annotate: venture cue word " + w + ": lower case, 2 to 31 bytes")
			}
			k, ok := idx[w]
			if !ok {
				infos = append(infos, vInfo{word: w})
				k = uint32(len(infos))
				idx[w] = k
			}
			in := &infos[k-1]
			in.cues = append(in.cues, ci)
			if c.rank > 0 || c.backref {
				in.gate = append(in.gate, vGateCond{prev: c.prev, next: c.next})
			}
		}
	}
	var first2 [1024]uint32
	var bloom bloomFilter
	for w := range idx {
		first2[int(w[0]&31)<<5|int(w[1]&31)] |= 1 << len(w)
		bloom.add(wordHash(w, 0x20))
	}
	return newWordTable(idx, 0x20), infos, first2, bloom
}()

// vAnyInfo returns the vInfo of w with its ASCII capitals lowered, or nil
// when it is no cue word: the filters, then the table, with one hash and no
// lower-cased copy. Callers on every word test vFirst2Len first
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

// vIsAny reports whether w with its ASCII capitals lowered is a cue word.
func vIsAny(w string) bool { return vAnyInfo(w) != nil }

// vGate tells from a cue word and its neighbours whether a sentence may
// speak of a deal: one of the word's rows that starts or names a deal finds
// the words it requires beside it. sentenceTrigger then reads it properly.
func vGate(prev []byte, w *vInfo, next []byte) bool {
	for _, g := range w.gate {
		if (g.prev == nil || vInBytes(g.prev, prev)) && (g.next == nil || vInBytes(g.next, next)) {
			return true
		}
	}
	return false
}

func vInBytes(list []string, b []byte) bool {
	for _, x := range list {
		if string(b) == x {
			return true
		}
	}
	return false
}

// vQuickTrigger is a cheap first look at a sentence: does any of its ASCII
// words pass vGate? Most sentences stop here, untokenized. A word is looked
// up only when its first letters and length may make a cue word; its
// neighbours are lower-cased only when it is one.
//
// Its words are the ASCII letters and digits joined by inner hyphens, as
// the trigger's words are ("tie-up"; "talks--merger" is two): every word
// the trigger reads as a cue, and the words beside it, are words here too.
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
			for k < len(s) && !vAlnum[s[k]] {
				k++
			}
			e := k
			if e < len(s) {
				e = vGateWordEnd(s, e+1)
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

// vNextMayBeAnyWord returns the bounds [i, j) of the first word of s from i
// on whose first two bytes and length may make a cue word (vFirst2Len),
// with the bounds [ps, pe) of the word before it (as given when it is the
// first word read); i is len(s) when there is none. Most words fail the
// test: a loop of its own keeps its place in registers.
func vNextMayBeAnyWord(s string, ps, pe, i int) (int, int, int, int) {
	for {
		for i < len(s) && !vAlnum[s[i]] {
			i++
		}
		if i >= len(s) {
			return ps, pe, len(s), len(s)
		}
		j := i + 1
		for j < len(s) && vAlnum[s[j]] {
			j++
		}
		if j < len(s) && s[j] == '-' {
			j = vGateWordEnd(s, j) // a hyphen: the word may go on
		}
		if n := j - i; n > 1 && n < 32 && vFirst2Len[int(s[i]&31)<<5|int(s[i+1]&31)]&(1<<n) != 0 {
			return ps, pe, i, j
		}
		ps, pe = i, j
		i = j
	}
}

// vGateWordEnd returns the end of the gate's word that runs on at s[j:]
// (j past its first byte): ASCII letters and digits, and a hyphen with one
// after it.
func vGateWordEnd(s string, j int) int {
	for j < len(s) {
		if vAlnum[s[j]] {
			j++
			continue
		}
		if s[j] == '-' && j+1 < len(s) && vAlnum[s[j+1]] {
			j += 2
			continue
		}
		break
	}
	return j
}

// vAlnum marks the ASCII letters and digits.
var vAlnum = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	return t
}()

// vQuickTriggers is vQuickTrigger of each sentence (false for one too long
// for the venture pass to read).
func vQuickTriggers(body string, sents []model.Span) []bool {
	out := make([]bool, len(sents))
	for i, s := range sents {
		out[i] = s.End-s.Start <= 4*qMaxWindow && vQuickTrigger(body[s.Start:s.End])
	}
	return out
}
