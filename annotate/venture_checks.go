package annotate

import "newsmark/model"

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
