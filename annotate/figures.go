package annotate

import (
	"math"
	"strconv"
	"strings"

	"newsmark/model"
)

// figure is one parsed figure before it becomes an entity.
type figure struct {
	sub       model.FigureKind
	t0, t1    int // tokens [t0, t1)
	value     float64
	unit, per string
	cue       string // the rule that read it, when not the plain "number"
}

// figures finds money, percentages, ratios, counts, durations and dates in
// one pass over the tokens, outside the names.
func (ep *entityPass) figures() { ep.scanFigures(ep.covered, ep.addFigure) }

// figureCandidates is figures without the names, appended to out. It reads
// only the tokens and the text, so it may run while names are resolved (on
// a doc of its own, which holds figureAt's scratch state).
func (ep *entityPass) figureCandidates(out []figure) []figure {
	if want := len(ep.ns.toks)/32 + 8; cap(out) < want {
		out = make([]figure, 0, want) // about one figure per 32 tokens of news
	}
	ep.scanFigures(nil, func(f figure) { out = append(out, f) })
	return out
}

// scanFigures reads the figures left to right from the tokens that may open
// one (ep.figs), jumping past each, skipping the tokens marked in covered
// (nil: none), and hands each to found.
func (ep *entityPass) scanFigures(covered tokenSet, found func(figure)) {
	past := 0 // the first token after the last figure
	for _, i32 := range ep.figs {
		i := int(i32)
		if i < past || covered.has(i) {
			continue
		}
		f, ok := ep.figureAt(i)
		if !ok {
			continue
		}
		found(f)
		past = f.t1
	}
}

// figuresFrom does what figures does, taking figureAt's answers from cands
// (figureCandidates) where it asked the same question: everywhere but
// inside a candidate whose first token a name covers, where it asks again.
// Between candidates figureCandidates found nothing, so it jumps there.
func (ep *entityPass) figuresFrom(cands []figure) {
	toks := ep.ns.toks
	k := 0
	for i := 0; i < len(toks); {
		for k < len(cands) && cands[k].t1 <= i {
			k++ // candidates are in order and do not overlap
		}
		if k == len(cands) {
			return // no figure starts past the last candidate
		}
		c := &cands[k]
		if i < c.t0 {
			i = c.t0
		}
		if i == c.t0 {
			if !ep.covered.has(i) {
				ep.addFigure(*c)
				i = c.t1
				continue
			}
			i++
			continue
		}
		// inside a candidate the scan jumped over: not asked yet
		if !ep.covered.has(i) && ep.mayStartFigure(i) {
			if f, ok := ep.figureAt(i); ok {
				ep.addFigure(f)
				i = f.t1
				continue
			}
		}
		i++
	}
}

func (ep *entityPass) addFigure(f figure) {
	toks := ep.ns.toks
	s, e := int(toks[f.t0].s), int(toks[f.t1-1].end())
	text := ep.text.slice(s, e)
	if math.IsInf(f.value, 0) || math.IsNaN(f.value) {
		f.value = 0 // a 400-digit number has no float value; JSON has no Inf
	}
	key := figKey{f.sub, text}
	idx, ok := ep.figKeys[key]
	if !ok {
		idx = len(ep.ents)
		cue := f.cue
		if cue == "" {
			cue = "number"
		}
		ep.ents = append(ep.ents, entB{kind: model.Figure, sub: f.sub, cue: cue, value: f.value, unit: f.unit, per: f.per, first: s,
			spans: ep.spanBuf()})
		ep.figKeys[key] = idx
	}
	ep.mention(idx, f.t0, f.t1, s, e)
}

// figKey identifies one figure entity: the same words of the same subkind.
type figKey struct {
	sub  model.FigureKind
	text string
}

// glued reports whether token i touches the token before it.
func (ep *entityPass) glued(i int) bool {
	return i < len(ep.ns.toks) && ep.ns.toks[i].flags&fSpace == 0 && ep.ns.toks[i].kind != kBreak
}

func (ep *entityPass) tok(i int) string {
	if uint(i) >= uint(len(ep.ns.toks)) { // i < 0 too: one test keeps tok inlined
		return ""
	}
	t := ep.ns.toks[i]
	return ep.text.slice(int(t.s), int(t.end()))
}

// currencyAt reads a currency prefix at i ("$", "US$", "Rs", "USD") and
// returns its code and the index of the number after it.
func (ep *entityPass) currencyAt(i int) (string, int) {
	toks := ep.ns.toks
	w := ep.tok(i)
	if !lex.currencyFirst[w[0]] {
		return "", 0 // numbers and most words
	}
	if toks[i].kind == kWord && i+2 < len(toks) && toks[i+1].kind == kPunct && ep.glued(i+1) && toks[i+2].kind == kNum {
		// a sign after letters: "US$", "CN¥", "GH₵"
		if c, ok := lex.prefixVals.get(ep.text.slice(int(toks[i].s), int(toks[i+1].end()))); ok {
			return c, i + 2
		}
	}
	c, ok := lex.prefixVals.get(w)
	if !ok {
		return "", 0
	}
	j := i + 1
	if w == "Rs" && ep.tok(j) == "." && ep.glued(j) {
		j++
	}
	if j < len(toks) && toks[j].kind == kNum {
		// A word prefix needs a space or is glued ("Rs 500", "USD3bn"); a
		// single-letter word prefix ("R") must be glued.
		if len(w) == 1 && toks[i].kind == kWord && !ep.glued(j) {
			return "", 0
		}
		return c, j
	}
	return "", 0
}

// gluedCurrencyAt reads money whose sign or code is glued to its number in
// one word, which the scanner makes of letters and digits ("RM5", "Rs944",
// "USD3bn"): the digits, a scale glued to them or after them, and the rest
// of the number in the tokens after the word ("RM5" "." "85", "Rs1" ","
// "200"). A one-letter sign needs more than bare digits ("R5bn", "R2.5
// billion"; "R8" is a model name).
func (ep *entityPass) gluedCurrencyAt(i int) (figure, bool) {
	toks := ep.ns.toks
	w := ep.tok(i)
	k := 0
	for k < len(w) && (w[k] < '0' || w[k] > '9') {
		k++
	}
	if k == 0 || k == len(w) {
		return figure{}, false
	}
	cur, ok := lex.prefixVals.get(w[:k])
	if !ok {
		return figure{}, false
	}
	e := k
	for e < len(w) && w[e] >= '0' && w[e] <= '9' {
		e++
	}
	num, j := w[k:e], i+1
	more := false // a fraction, thousands or a scale beyond the digits
	if e == len(w) && j+1 < len(toks) && toks[j+1].kind == kNum && ep.glued(j) && ep.glued(j+1) {
		switch ep.tok(j) {
		case ".":
			num, j, more = num+"."+ep.tok(j+1), j+2, true
		case ",":
			num, j, more = num+ep.tok(j+1), j+2, true
		}
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil {
		return figure{}, false
	}
	if e < len(w) {
		m, ok := lex.scaleVals.get(w[e:]) // "USD3bn"
		if !ok {
			return figure{}, false // "R2D2"
		}
		v, more = v*m, true
	} else {
		var scaled bool
		if v, j, scaled = ep.scaleAfter(v, j, false); ep.hyphenUnit != "" {
			return figure{}, false
		}
		more = more || scaled
	}
	if k == 1 && !more {
		return figure{}, false
	}
	f := figure{sub: model.Money, t0: i, t1: j, value: v, unit: cur}
	ep.perAfter(&f) // "Rs944 a share"
	return f, true
}

// numberAt parses a number at i: digits or a number word, with a scale
// glued ("3bn") or spaced ("3 billion", "1.16 lakh crore"). It returns the
// value, the index after it and whether a scale was seen.
func (ep *entityPass) numberAt(i int) (float64, int, bool, bool) {
	toks := ep.ns.toks
	if i >= len(toks) {
		return 0, 0, false, false
	}
	var v float64
	word := false
	switch toks[i].kind {
	case kNum:
		x, ok := smallInteger(ep.tok(i))
		if !ok {
			var err error
			if x, err = strconv.ParseFloat(strings.ReplaceAll(ep.tok(i), ",", ""), 64); err != nil {
				return 0, 0, false, false
			}
		}
		v = x
	case kWord:
		w := strings.ToLower(ep.tok(i))
		x, ok := lex.numberVals.get(w)
		if !ok {
			// "twenty-five"; "two-year" (the number of a compound)
			tens, units, hy := strings.Cut(w, "-")
			a, ok1 := lex.numberVals.get(tens)
			b, ok2 := lex.numberVals.get(units)
			switch {
			case hy && ok1 && ok2 && a >= 20 && b < 10:
				x = a + b
			case hy && ok1 && lex.duration.has(units) && tens != "a" && tens != "an":
				x = a
			default:
				return 0, 0, false, false
			}
		}
		v, word = x, true
	default:
		return 0, 0, false, false
	}
	v, j, scaled := ep.scaleAfter(v, i+1, word)
	if ep.hyphenUnit != "" {
		return v, j, true, word
	}
	if word && !scaled && (strings.EqualFold(ep.tok(i), "a") || strings.EqualFold(ep.tok(i), "an")) {
		// "a" alone is no number, but "a year" is a duration.
		if j < len(toks) && lex.duration.has(ep.tok(j)) && !strings.HasSuffix(ep.tok(j), "s") {
			return 1, j, false, true
		}
		return 0, 0, false, false
	}
	return v, j, scaled, word
}

// scaleAfter multiplies v, the number before token j, by the scale words
// from j on ("3 billion", "3bn", "1.16 lakh crore"; word: v was a number
// word, which takes no one-letter scale). It returns the value, the index
// after the scale and whether there was one. A scale that carries a unit
// ("1.1 billion-dirham") ends the number and leaves the unit in
// ep.hyphenUnit ("" otherwise).
func (ep *entityPass) scaleAfter(v float64, j int, word bool) (float64, int, bool) {
	toks := ep.ns.toks
	scaled := false
	ep.hyphenUnit = ""
	for j < len(toks) && toks[j].kind == kWord {
		w := ep.tok(j)
		m, ok := lex.scaleVals.get(w)
		if !ok && toks[j].flags&fHyphen == 0 {
			break
		}
		if !ok {
			// "1.1 billion-dirham": the unit rides on the scale word.
			left, right, hy := strings.Cut(w, "-")
			if m, ok = lex.scaleVals.get(left); hy && ok && len(left) > 2 && !ep.glued(j) {
				ep.hyphenUnit = right
				return v * m, j + 1, true
			}
			break
		}
		if len(w) <= 2 && (!ep.glued(j) || word) && w != "mn" {
			break // "3 m" or "two m" is no scale; "3m" is
		}
		if len(w) > 2 && ep.glued(j) {
			break
		}
		v *= m
		j++
		scaled = true
	}
	return v, j, scaled
}

// smallInteger reads a number of digits and commas ("2024", "1,000") with
// at most 15 digits, which a float64 holds exactly: what ParseFloat would
// make of it without the commas, for most numbers of news without its cost.
func smallInteger(s string) (float64, bool) {
	var n uint64
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			n = n*10 + uint64(c-'0')
			digits++
		case c != ',':
			return 0, false
		}
	}
	return float64(n), digits > 0 && digits <= 15
}

// figureAt tries every figure shape starting at token i.
func (ep *entityPass) figureAt(i int) (figure, bool) {
	toks := ep.ns.toks
	t := toks[i]
	if t.kind == kWord && t.flags&fCap != 0 && lex.dates.has(ep.tok(i)) {
		return ep.dateAt(i)
	}
	if t.kind == kWord && t.flags&fDigit != 0 {
		return ep.gluedCurrencyAt(i) // "RM5.85": no other figure opens with a word of digits
	}
	if f, ok := ep.fractionAt(i); ok {
		// "half a year", "half an hour"
		if ep.isArticle(i+1) && i+2 < len(toks) && lex.duration.has(ep.tok(i+2)) && !strings.HasSuffix(ep.tok(i+2), "s") {
			return ep.durationAt(i, i+2, f)
		}
		return figure{}, false
	}
	if cur, j := ep.currencyAt(i); cur != "" {
		v, k, _, _ := ep.numberAt(j)
		if k == 0 {
			return figure{}, false
		}
		// "¥1.5 trillion", "$3 billion a year"
		f := figure{sub: model.Money, t0: i, t1: k, value: v, unit: cur}
		ep.perAfter(&f)
		return f, true
	}
	v, j, scaled, word := ep.numberAt(i)
	if j == 0 {
		return figure{}, false
	}
	num := ep.tok(i)
	if ep.hyphenUnit != "" {
		if cur, ok := lex.currencyVals.get(ep.hyphenUnit); ok {
			return figure{sub: model.Money, t0: i, t1: j, value: v, unit: cur}, true
		}
	}
	// "two-year", "five-month"
	if word && j == i+1 && strings.Contains(num, "-") {
		_, right, _ := strings.Cut(num, "-")
		if lex.duration.has(right) {
			return figure{sub: model.Duration, t0: i, t1: j, value: v, unit: singular(right)}, true
		}
	}
	// Ratios: "50-50", "51:49", "20-times".
	if !word && !scaled && j+1 < len(toks) && ep.glued(j) && ep.glued(j+1) {
		sep := ep.tok(j)
		if (sep == "-" || sep == ":" || sep == "/") && toks[j+1].kind == kNum {
			w, err := strconv.ParseFloat(ep.tok(j+1), 64)
			if err == nil && v <= 100 && w <= 100 && v > 0 && w > 0 && (sep != "/" || v+w == 100) {
				return figure{sub: model.Ratio, t0: i, t1: j + 2, value: v, unit: "ratio"}, true
			}
			if sep == "-" && v >= 1900 && v <= 2100 {
				return figure{sub: model.Date, t0: i, t1: j + 2, value: v, unit: "year"}, true
			}
		}
	}
	// "20-times", "90-day", "two-year", "1.1 billion-dirham"
	if j+1 < len(toks) && ep.glued(j) && ep.glued(j+1) && ep.tok(j) == "-" && toks[j+1].kind == kWord {
		w := strings.ToLower(ep.tok(j + 1))
		switch {
		case w == "times" || w == "fold":
			return figure{sub: model.Ratio, t0: i, t1: j + 2, value: v, unit: "times"}, true
		case lex.duration.has(w) && !(ep.tok(j+2) == "-" && ep.tok(j+3) == "old"):
			return figure{sub: model.Duration, t0: i, t1: j + 2, value: v, unit: singular(w)}, true
		case !word:
			// a size: "a 20,000-TEU ship", "a 119-mile-long canal"
			unit, dim, _ := strings.Cut(w, "-")
			if lex.physical[unit] && (dim == "" || lex.dimension[dim]) {
				return figure{sub: model.Count, t0: i, t1: j + 2, value: v, unit: unit}, true
			}
		}
		if cur, ok := lex.currencyVals.get(w); ok && len(w) > 2 {
			return figure{sub: model.Money, t0: i, t1: j + 2, value: v, unit: cur}, true
		}
	}
	if j < len(toks) {
		w := ep.tok(j)
		lw := strings.ToLower(w)
		if f, ok := ep.percentAt(i, j, v); ok {
			if r, ok := ep.percentSplit(f); ok {
				return r, true
			}
			return f, true
		}
		if cur, ok := lex.currencyVals.get(lw); ok && !(lw == "p" && !ep.glued(j)) && lw != "real" {
			f := figure{sub: model.Money, t0: i, t1: j + 1, value: v, unit: cur}
			ep.perAfter(&f)
			return f, true
		}
		// "55 sen", "40 paise": hundredths of the currency, as written
		if cur, ok := lex.minorVals.get(w); ok {
			f := figure{sub: model.Money, t0: i, t1: j + 1, value: v / 100, unit: cur}
			ep.perAfter(&f)
			return f, true
		}
		// "4.17 Australian dollars", "Kenyan shillings"
		if dc, ok := lex.demonymCurrency[w]; (ok || lex.demonyms.has(w)) && j+1 < len(toks) {
			if cur, isCur := lex.currencyVals.get(strings.ToLower(ep.tok(j + 1))); isCur && len(ep.tok(j+1)) > 2 {
				if ok {
					cur = dc
				}
				return figure{sub: model.Money, t0: i, t1: j + 2, value: v, unit: cur}, true
			}
		}
		// "two and a half years"
		if lw == "and" && ep.isArticle(j+1) && j+3 < len(toks) && lex.duration.has(strings.ToLower(ep.tok(j+3))) {
			if f, ok := ep.fractionAt(j + 2); ok {
				return ep.durationAt(i, j+3, v+f)
			}
		}
		// "two to three months", "one to two weeks"
		if lw == "to" || lw == "or" {
			if v2, k, _, _ := ep.numberAt(j + 1); k > 0 && k < len(toks) && lex.duration.has(strings.ToLower(ep.tok(k))) {
				_ = v2
				return figure{sub: model.Duration, t0: i, t1: k + 1, value: v, unit: singular(strings.ToLower(ep.tok(k)))}, true
			}
		}
		if lex.duration.has(lw) && !(ep.tok(j+1) == "old") {
			return ep.durationAt(i, j, v)
		}
	}
	// "one in six", "1 in 10": a ratio, not a count of what follows.
	if j < len(toks) && ep.tok(j) == "in" && !scaled {
		if w, k, sc, _ := ep.numberAt(j + 1); k > 0 && !sc && w > v && !(ep.tok(j+1) == "a" || ep.tok(j+1) == "an") {
			return figure{sub: model.Ratio, t0: i, t1: k, value: v / w, unit: "ratio"}, true
		}
	}
	// A number right after a model name ("Vireo 6 EVs", "Model 3") is part of it.
	if i > 0 && ep.hasSpace(i) && toks[i-1].kind == kWord && toks[i-1].flags&fCap != 0 &&
		lex.lists(ep.tok(i-1))&(commonCap|dateWord) == 0 && !word {
		return figure{}, false
	}
	// "22 April"
	if !word && !scaled && v >= 1 && v <= 31 && j < len(toks) && lex.dates.has(ep.tok(j)) && len(ep.tok(j)) > 3 {
		return figure{sub: model.Date, t0: i, t1: j + 1, unit: "date"}, true
	}
	// A number glued after a hyphen is part of a code or a date ("2025-02-03").
	if i > 0 && !ep.hasSpace(i) && ep.tok(i-1) == "-" {
		return figure{}, false
	}
	// Years are dates unless they count something.
	if !word && !scaled && len(num) == 4 && v >= 1800 && v <= 2100 && !strings.Contains(num, ".") {
		return figure{sub: model.Date, t0: i, t1: j, value: v, unit: "year"}, true
	}
	if !word && j < len(toks) && toks[j].kind == kWord && ep.hasSpace(j) && ep.inLower(lex.physical, j) {
		f := figure{sub: model.Count, t0: i, t1: j + 1, value: v, unit: strings.ToLower(ep.tok(j))}
		ep.perAfter(&f) // "5 GW", "120,000 bpd a day"
		return f, true
	}
	head, k := "", 0
	if j < len(toks) && ep.tok(j) == "of" && ep.inLower(lex.ofDet, j+1) {
		if j+2 < len(toks) && toks[j+2].kind == kNum {
			// "1,400 of its 2,100 members": two counts of one noun, the
			// second a figure of its own
			if k2, head2 := ep.countHead(j + 3); k2 > 0 && !(word && !scaled && (v == 1 || lex.party[head2])) {
				return figure{sub: model.Count, t0: i, t1: j, value: v, unit: head2, cue: "count-elsewhere"}, true
			}
		}
		k, head = ep.countHead(j + 2) // "10 of its outlets"
	} else {
		k, head = ep.countHead(j)
	}
	if k > 0 && !(word && v == 1 && !scaled) && !(word && !scaled && lex.party[head]) {
		f := figure{sub: model.Count, t0: i, t1: k, value: v, unit: head}
		ep.perAfter(&f) // "3 million tonnes a year"
		return f, true
	}
	if !word && (j == len(toks) || ep.hasSpace(j) || toks[j].kind == kPunct) {
		if cur := ep.rangeCurrency(i); cur != "" {
			return figure{sub: model.Money, t0: i, t1: j, value: v, unit: cur, cue: "range"}, true
		}
		if head := ep.nounElsewhere(i); head != "" {
			return figure{sub: model.Count, t0: i, t1: j, value: v, unit: head, cue: "count-elsewhere"}, true
		}
	}
	return figure{}, false
}

// rangeCurrency returns the currency of a range whose first end names it,
// when the bare number at token i is its second end: "995 million euros
// ($1.1 billion) to 1.05 billion", "between $2 billion and 2.5 billion";
// or "".
func (ep *entityPass) rangeCurrency(i int) string {
	toks := ep.ns.toks
	k := i - 1
	if k < 1 || toks[k].kind != kWord || ep.tok(k) != "to" && ep.tok(k) != "and" {
		return ""
	}
	and := ep.tok(k) == "and"
	k--
	if ep.tok(k) == ")" { // the first end's conversion in brackets
		for k > 0 && i-k < 16 && ep.tok(k) != "(" {
			k--
		}
		k--
	}
	// the first end: its number within four tokens, a sign before it or a
	// currency name after it, ending at k
	for c := k; c >= 0 && c > k-4; c-- {
		if toks[c].kind != kNum {
			continue
		}
		cur, start := "", c
		if c > 0 {
			if p, n := ep.currencyAt(c - 1); p != "" && n == c {
				cur, start = p, c-1
			}
		}
		_, e, _, _ := ep.numberAt(c)
		if cur == "" && e == k && toks[e].kind == kWord {
			if x, ok := lex.currencyVals.get(strings.ToLower(ep.tok(e))); ok && len(ep.tok(e)) > 2 {
				cur, e = x, e+1
			}
		}
		if cur == "" || e != k+1 || and && !strings.EqualFold(ep.tok(start-1), "between") {
			return ""
		}
		return cur
	}
	return ""
}

// nounElsewhere returns the noun a bare number at token i counts when the
// sentence names it elsewhere, or "": the count it is joined to ("30 ships
// waited, 42 at the south end"; "40,710 people ... and about 28,920 will
// die"), or the plural subject of a verb of change before it ("orders have
// reached 375", "completions fell from 1,096 to 894"; not "prices rose to
// 95", which measures). It reads back to the sentence start, at most
// elsewhereReach tokens.
func (ep *entityPass) nounElsewhere(i int) string {
	toks := ep.ns.toks
	from := i
	for from > 0 && i-from < elsewhereReach && toks[from].flags&fSent == 0 && toks[from-1].kind != kBreak {
		from--
	}
	k := i - 1
	for k >= from && toks[k].kind == kWord && ep.inLower(lex.approx, k) {
		k-- // "and about 28,920"
	}
	if k < from {
		return ""
	}
	// joined to a count told before: ", 42", "; and 30", "and about 28,920"
	if w := ep.tok(k); w == "," || w == ";" || toks[k].kind == kWord && ep.inLower(lex.join, k) {
		for c := k - 1; c >= from; c-- {
			if toks[c].kind != kNum || c > 0 && !ep.hasSpace(c) && toks[c-1].kind != kBreak {
				continue
			}
			if _, j, _, _ := ep.numberAt(c); j > 0 {
				if e, head := ep.countHead(j); e > 0 && e <= k {
					return head
				}
			}
		}
		return ""
	}
	// the subject of a verb of change: back over "from 1,096 to", auxiliaries
	for k >= from && (toks[k].kind == kNum || toks[k].kind == kWord && (ep.inLower(lex.approx, k) ||
		ep.tok(k) == "from" || ep.tok(k) == "to" || ep.tok(k) == "by" || ep.tok(k) == "at")) {
		k--
	}
	if k < from || toks[k].kind != kWord || !ep.inLower(lex.change, k) {
		return ""
	}
	k--
	for k >= from && toks[k].kind == kWord && ep.inLower(lex.aux, k) {
		k--
	}
	if k < from || toks[k].kind != kWord {
		return ""
	}
	w := ep.tok(k)
	if isLowerWord(w) && isPlural(w) && !lex.measure[w] && !lex.party[w] && !lex.duration.has(w) {
		return w
	}
	return ""
}

// elsewhereReach bounds how far back nounElsewhere reads: a sentence of
// news, and a text of numbers alone stays linear.
const elsewhereReach = 48

// percentAt reads the unit of a percentage after the number v (tokens i to
// j): "%", "per cent", "basis points", "percentage points", written in the
// editor's brackets too ("50 [basis points]").
func (ep *entityPass) percentAt(i, j int, v float64) (figure, bool) {
	k := j
	bracket := ep.tok(k) == "["
	if bracket {
		k++
	}
	w := ep.tok(k)
	unit, end := "", k+1
	switch {
	case w == "%" || strings.EqualFold(w, "percent") || strings.EqualFold(w, "pct"):
		unit = "%"
	case strings.EqualFold(w, "per") && strings.EqualFold(ep.tok(k+1), "cent"):
		unit, end = "%", k+2
	case strings.EqualFold(w, "basis") && strings.HasPrefix(ep.tok(k+1), "point"):
		unit, end = "bp", k+2
	case strings.EqualFold(w, "bps") || strings.EqualFold(w, "bp"):
		unit = "bp"
	case strings.EqualFold(w, "percentage") && strings.HasPrefix(ep.tok(k+1), "point"):
		unit, end = "pp", k+2 // the difference of two percentages
	case len(w) >= 16 && strings.EqualFold(w[:16], "percentage-point"):
		unit = "pp"
	default:
		return figure{}, false
	}
	if bracket {
		if ep.tok(end) != "]" {
			return figure{}, false
		}
		end++
	}
	return figure{sub: model.Percent, t0: i, t1: end, value: v, unit: unit}, true
}

// percentSplit reads a split written in percentages that starts with the
// percentage f: "70%/30%", "60%-40%", and a vote "51% to 49 per cent" (not
// "from 55% to 45%", a change). Its two sides make 100.
func (ep *entityPass) percentSplit(f figure) (figure, bool) {
	toks := ep.ns.toks
	k := f.t1
	if f.unit != "%" || k+1 >= len(toks) || toks[k+1].kind != kNum {
		return figure{}, false
	}
	switch sep := ep.tok(k); {
	case sep == "/" || sep == "-" || sep == ":":
		if !ep.glued(k) || !ep.glued(k+1) {
			return figure{}, false
		}
	case sep == "to":
		if p := ep.tok(f.t0 - 1); strings.EqualFold(p, "from") || strings.EqualFold(p, "between") {
			return figure{}, false
		}
	default:
		return figure{}, false
	}
	w, j, scaled, _ := ep.numberAt(k + 1)
	if j == 0 || scaled || math.Abs(f.value+w-100) > 0.01 {
		return figure{}, false
	}
	g, ok := ep.percentAt(k+1, j, w)
	if !ok || g.unit != "%" {
		return figure{}, false
	}
	return figure{sub: model.Ratio, t0: f.t0, t1: g.t1, value: f.value, unit: "ratio"}, true
}

// inLower reports whether token i, its ASCII capitals lowered, is in m: a
// word list's look-up without a lower-cased copy of the word.
func (ep *entityPass) inLower(m map[string]bool, i int) bool {
	w := ep.tok(i)
	if len(w) > 24 {
		return false // no word of the lists is this long
	}
	var buf [24]byte
	return m[string(qLowerASCII(buf[:0], w))]
}

// fractionAt returns the value of a fraction word at token i ("half").
func (ep *entityPass) fractionAt(i int) (float64, bool) {
	w := ep.tok(i)
	if len(w) > 24 || w == "" || w[0]|0x20 != 'h' {
		return 0, false // "half" is the one fraction word
	}
	var buf [24]byte
	f, ok := lex.fractionVals[string(qLowerASCII(buf[:0], w))]
	return f, ok
}

// durationAt makes the figure of v units of time, the unit at token j and
// the number from token i: "four years", "a year and a half". Relative time
// counts from another time, so it is a date ("a year earlier", "two months
// ago"; but "for two years before the fire" lasts), and "a year" before
// "where" or "when" names a year: no figure.
func (ep *entityPass) durationAt(i, j int, v float64) (figure, bool) {
	unit := ep.tok(j)
	if !isLowerWord(unit) {
		unit = strings.ToLower(unit) // rare: "Years" in a headline
	}
	unit = singular(unit)
	end := j + 1
	next := ep.tok(end)
	switch {
	case ep.inLower(lex.relative, end) && !ep.inLower(lex.spanPrep, i-1):
		return figure{sub: model.Date, t0: i, t1: end + 1, unit: "relative", cue: "relative-time"}, true
	case ep.inLower(lex.timeRef, end) && ep.isArticle(i):
		return figure{}, false
	case strings.EqualFold(next, "and") && ep.isArticle(end+1):
		if f, ok := ep.fractionAt(end + 2); ok {
			v, end = v+f, end+3 // "a year and a half"
		}
	}
	return figure{sub: model.Duration, t0: i, t1: end, value: v, unit: unit}, true
}

// isArticle reports whether token i is "a" or "an".
func (ep *entityPass) isArticle(i int) bool {
	w := ep.tok(i)
	return strings.EqualFold(w, "a") || strings.EqualFold(w, "an")
}

// countHead looks for the noun a number counts: up to four modifier words
// then a plural noun ("1,000 people", "2.8 million top-loading washing
// machines", "101 Arizona stores"). It returns the index after the head.
func (ep *entityPass) countHead(j int) (int, string) {
	toks := ep.ns.toks
	for k := j; k < len(toks) && k < j+5; k++ {
		t := toks[k]
		// A model number between the count and its noun: "10 737-800 planes".
		if k == j && t.kind == kNum && ep.hasSpace(k) || k > j && t.kind == kNum && ep.tok(k-1) == "-" && ep.glued(k) {
			continue
		}
		if k == j && t.kind == kWord && !ep.hasSpace(k) {
			return 0, "" // "5G services", "4K screens": a code, not a count
		}
		if t.kind != kWord || (k > j && !ep.hasSpace(k) && ep.tok(k-1) != "-") {
			if t.kind == kPunct && ep.tok(k) == "-" && ep.glued(k) && k+1 < len(toks) && (toks[k+1].kind == kWord ||
				toks[k+1].kind == kNum) {
				continue
			}
			return 0, ""
		}
		w := ep.tok(k)
		lw := strings.ToLower(w)
		if lex.countStop.has(lw) {
			return 0, ""
		}
		if lex.countNouns.has(lw) || isPlural(w) {
			return k + 1, lw
		}
	}
	return 0, ""
}

func (ep *entityPass) hasSpace(k int) bool { return ep.ns.toks[k].flags&fSpace != 0 }

// isLowerWord reports whether w has no ASCII capitals.
func isLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i]-'A' < 26 {
			return false
		}
	}
	return true
}

// isPlural: a lower-case noun ending in s ("stores"), or an acronym plural ("EVs").
func isPlural(w string) bool {
	n := len(w)
	if n < 3 || w[n-1] != 's' {
		return false
	}
	if w[0] >= 'A' && w[0] <= 'Z' {
		// "EVs", "SUVs", "Shares"; a model's plural: "A321neos", "F-35s"
		return n <= 6 && strings.ToUpper(w[:n-1]) == w[:n-1] || n > 4 && w[1] >= 'a' && w[1] <= 'z' ||
			strings.ContainsAny(w, "0123456789") && (w[n-2] >= 'a' && w[n-2] <= 'z' || w[n-2] >= '0' && w[n-2] <= '9')
	}
	switch {
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"), strings.HasSuffix(w, "ous"):
		return false
	}
	return true
}

func singular(w string) string {
	if strings.HasSuffix(w, "ies") {
		return w[:len(w)-3] + "y"
	}
	return strings.TrimSuffix(w, "s")
}

// perAfter extends a money figure with its rate: "a year", "per share",
// "annually".
func (ep *entityPass) perAfter(f *figure) {
	k := f.t1
	w := strings.ToLower(ep.tok(k))
	switch {
	case lex.rate[w]:
		// "RM4.79 billion a year earlier": relative time, no rate
		if u := strings.ToLower(ep.tok(k + 1)); lex.perUnit[u] && !(lex.duration.has(u) && ep.inLower(lex.relative, k+2)) {
			f.per = u
			f.t1 = k + 2
		}
	case w == "annually":
		f.per, f.t1 = "year", k+1
	}
}

// dateAt: "Monday", "Jan. 13", "March 2024", "13 March" are dates.
func (ep *entityPass) dateAt(i int) (figure, bool) {
	toks := ep.ns.toks
	w := ep.tok(i)
	end := i + 1
	if ep.tok(end) == "." && ep.glued(end) && len(w) <= 4 && w != "May" && w != "June" && w != "July" {
		end++ // "Jan." keeps its period; "April." ends a sentence
	}
	if end < len(toks) && toks[end].kind == kNum && len(ep.tok(end)) <= 4 {
		end++
		if ep.tok(end) == "," && end+1 < len(toks) && toks[end+1].kind == kNum && len(ep.tok(end+1)) == 4 {
			end += 2
		}
	} else if w == "May" || w == "March" || len(w) <= 4 {
		// "May" and "March" are words too; short forms need a day.
		if !strings.HasSuffix(w, "day") {
			return figure{}, false
		}
	}
	return figure{sub: model.Date, t0: i, t1: end, unit: "date"}, true
}

// wordFilter is a bit table over (first byte, last byte, length) that says
// quickly that a word is surely not in a set.
// Bytes are folded to 6 bits so the table is 16 KB.
type wordFilter [64][64]uint32

func (f *wordFilter) add(w string) {
	if w != "" {
		f[w[0]&63][w[len(w)-1]&63] |= 1 << min(len(w), 31)
	}
}

func (f *wordFilter) maybe(w string) bool {
	return w != "" && f[w[0]&63][w[len(w)-1]&63]&(1<<min(len(w), 31)) != 0
}

// mayStartFigure reports whether token i may open a figure (newDoc has
// left fMark on the figure openers alone).
func (ep *entityPass) mayStartFigure(i int) bool { return ep.ns.toks[i].flags&fMark != 0 }

// opensFigure reports whether a token may open a figure: a number, a
// currency sign, or a word figStarts holds (before its hyphen or digits:
// "twenty-five", "two-year", "RM5"). newDoc
// asks it of each token whose first byte figFirst holds, so the figure
// pass then reads a bit.
func opensFigure(kind, flags uint8, w string) bool {
	switch kind {
	case kNum:
		return true
	case kPunct:
		_, ok := lex.prefixVals.get(w) // "$", "£", "€", "₹", "฿"
		return ok
	case kWord:
		w = markHead(flags, w)
		return lex.figFilter.maybe(w) && lex.figStart.has(w) // most words: no table look-up
	}
	return false
}
