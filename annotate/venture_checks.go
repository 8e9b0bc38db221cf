package annotate

import (
	"bytes"

	"newsmark/model"
)

// The checks the venture cues ask of a clause (vCheck), and the adviser
// words that make a clause commentary.

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

// hasAdviserWord reports whether a clause names an adviser, an analyst or
// a lender: its companies are no parties.
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

// goodsAfter reports whether the words right after a purchase word are a
// count of goods ("buy 30 aircraft", "the purchase of 200 jets"): things,
// not a business, a stake or shares (lexicon business words).
func (vb *vBuilder) goodsAfter(toks []qTok) bool {
	if len(toks) == 0 {
		return false
	}
	end := toks[min(len(toks), 3)-1].end
	for _, f := range vb.figsIn(toks[0].start, end) {
		e := &vb.d.ents[f.ent]
		return e.Subkind == model.Count && !lex.vBusiness[e.Unit]
	}
	return false
}

// ordersGoods reports whether one of parties orders goods: it is named
// before an order word that stands right before a count of things that are
// no business ("AirAsia ... a firm order for 200 jets"). A weak deal
// ("signed the deal") of such a buyer is the purchase, not a venture.
func (vb *vBuilder) ordersGoods(parties []int) bool {
	if !vb.ordersRead {
		vb.ordersRead = true
		d := vb.d
		var lb [32]byte
		for _, f := range vb.figs {
			e := &d.ents[f.ent]
			if e.Subkind != model.Count || lex.vBusiness[e.Unit] {
				continue
			}
			before := qLowerASCII(lb[:0], d.body[max(0, int(f.start)-len(lb)):f.start])
			order := false
			for _, p := range lex.vGoodsOrder {
				if bytes.HasSuffix(before, []byte(p)) {
					order = true
					break
				}
			}
			if !order {
				continue
			}
			// the buyer: a company named before the order ("AirAsia ... a
			// firm order for 200 jets"), not its maker after it ("from Boeing")
			s := d.sents[d.sentOf(int(f.start))]
			for _, m := range d.mentionsIn(s.Start, int(f.start)) {
				if d.ents[m.ent].Kind == model.Company && !vHas(vb.orderers, int(m.ent)) && len(vb.orderers) < vMaxParties {
					vb.orderers = append(vb.orderers, int(m.ent))
				}
			}
		}
	}
	for _, p := range parties {
		for _, o := range vb.orderers {
			if vb.sameParty(o, p) {
				return true
			}
		}
	}
	return false
}

// hasDebtWord reports whether a clause names borrowed money (lexicon debt
// words: "loan", "lenders", "in debt").
func (vb *vBuilder) hasDebtWord(toks []qTok) bool {
	var buf [16]byte
	b := vb.d.body
	for _, t := range toks {
		if t.word && t.end-t.start <= len(buf) && lex.vDebt[string(qLowerASCII(buf[:0], b[t.start:t.end]))] {
			return true
		}
	}
	return false
}

// lends reports whether the company mentioned at pos, in a clause from
// from, lends to the deal: a debt word shortly before it, then "from",
// "by" or "with" right before it ("a bridge loan from X").
func (vb *vBuilder) lends(pos, from int) bool {
	var lb [48]byte
	before := qLowerASCII(lb[:0], vb.d.body[max(from, pos-len(lb)):pos])
	if !bytes.HasSuffix(before, []byte(" from ")) && !bytes.HasSuffix(before, []byte(" by ")) &&
		!bytes.HasSuffix(before, []byte(" with ")) {
		return false
	}
	// the words between spaces, commas and hyphens, split by hand:
	// bytes.FieldsFunc's slice would move lb to the heap, once a party
	for i := 0; i < len(before); {
		for i < len(before) && lendsSep(before[i]) {
			i++
		}
		j := i
		for j < len(before) && !lendsSep(before[j]) {
			j++
		}
		if j > i && lex.vDebt[string(before[i:j])] {
			return true
		}
		i = j
	}
	return false
}

// lendsSep reports whether c parts words for lends (ASCII only, so a
// byte never splits a UTF-8 letter).
func lendsSep(c byte) bool { return c == ' ' || c == ',' || c == '-' }
