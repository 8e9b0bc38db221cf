package annotate

import (
	"slices"
	"sort"

	"newsmark/model"
)

// Prices told apart from a deal's trigger sentence.

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
		e := &d.ents[f.ent]
		if e.Subkind != model.Money || vb.inQuoteAt(int(f.start)) {
			continue
		}
		if prevInto != nil && int(f.start)-prevEnd <= 3 {
			if len(prevInto.prices) < vMaxEvidence {
				prevInto.prices = append(prevInto.prices, model.Span{Start: int(f.start), End: int(f.end)})
			}
			prevEnd = int(f.end)
			continue
		}
		si := d.sentOf(int(f.start))
		if si < 0 {
			continue
		}
		s := d.sents[si]
		var lb [40]byte
		before := qLowerASCII(lb[:0], d.body[max(s.Start, int(f.start-40)):f.start])
		if phraseIndex(lex.vPrice, before) < 0 {
			continue
		}
		// the latest deal, told before this sentence, that this sentence names a party of
		var into *vDeal
		// deals are in order of their first sentence: start from the last one
		// told by si+2 (a price may come a sentence or two before the deal is named)
		top := sort.Search(len(vb.vs), func(i int) bool { return vb.vs[i].sents[0] > si+2 })
		for _, m := range d.mentionsIn(s.Start, s.End) {
			if d.ents[m.ent].Kind != model.Company {
				continue
			}
			party := []int{int(m.ent)}
			bits := vb.initialBits(party)
			for i := top - 1; i >= 0 && i >= top-vMaxOpen; i-- {
				v := vb.vs[i]
				if v.initials&bits != 0 && vb.shared(v.parties, party) > 0 {
					if into == nil || v.sents[0] > into.sents[0] {
						into = v
					}
					break
				}
			}
		}
		if into == nil || len(into.prices) >= vMaxEvidence || !vb.dealMoney(into, f, s.Start) {
			continue
		}
		if k, found := slices.BinarySearch(into.sents, si); !found && len(into.sents) < vMaxEvidence {
			into.sents = slices.Insert(into.sents, k, si)
		}
		into.prices = append(into.prices, model.Span{Start: int(f.start), End: int(f.end)})
		prevEnd, prevInto = int(f.end), into
	}
}
