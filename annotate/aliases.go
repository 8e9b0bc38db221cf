package annotate

import (
	"strings"

	"newsmark/model"
)

// setAlias makes key stand for entity e unless it already stands for
// another: the first (longest) name to claim a short form keeps it.
func (ep *entityPass) setAlias(key string, e int) {
	if key == "" {
		return
	}
	if _, taken := ep.alias[key]; !taken {
		ep.alias[key] = e
		first, _, _ := strings.Cut(key, " ")
		ep.aliasFirst.add(first)
	}
}

// registerAliases adds the short forms an article may use later: a person's
// surname; a company without its suffixes ("SoftBank Group Corp." →
// "SoftBank Group" → "SoftBank"), its initials ("IBM") and its conventional
// short name.
func (ep *entityPass) registerAliases(e int, c *chunk) {
	ns := &ep.ns
	name := bare(ns.chunkText(c))
	ep.setAlias(name, e)
	ep.setAlias(ns.chunkText(c), e)
	n := c.t1 - c.t0
	switch ep.ents[e].kind {
	case model.Person:
		if n >= 2 {
			last := ns.word(int(c.t1 - 1))
			if last == "Jr" || last == "Sr" || last == "II" || last == "III" {
				last = ns.word(int(c.t1 - 2))
			}
			ep.setAlias(last, e)
			// "Omar Al Suwaidi" is "Al Suwaidi" later, "Ludwig van Beek" "van
			// Beek": a family name led by a particle keeps it.
			k := c.t1 - 1 // "von der Leyen": the particles in a row before the last word
			for k-1 > c.t0 && ns.toks[k-1].kind == kWord && lex.particles[strings.ToLower(ns.word(int(k-1)))] {
				k--
			}
			if k < c.t1-1 && ns.toks[c.t1-1].kind == kWord {
				family := ns.text.slice(int(ns.toks[k].s), int(ns.toks[c.t1-1].end()))
				ep.setAlias(family, e)
				if p := family[0]; p >= 'a' && p <= 'z' {
					ep.setAlias(string(p-'a'+'A')+family[1:], e) // "Van Beek said" opening a sentence
				}
			}
			// "Chey Tae-won": a hyphenated given name after the family
			// name (Korean, Chinese order), so the first word is the surname.
			// "Ong Mei Xin": three names led by one that is no given name
			// are family name first too.
			if n == 2 && strings.Contains(last, "-") || n == 3 && !lex.firstName.has(ns.word(int(c.t0))) &&
				ns.toks[c.t0+1].flags&fCap != 0 {
				ep.setAlias(ns.word(int(c.t0)), e)
			}
			// "Luca" for "Luca Brandt" only when no one else has it; after
			// an honorific the first name is the given name however rare
			// ("Datuk Farid Kamal" is "Farid" later, as "Dr Farid" is him).
			if n == 2 && (lex.firstName.has(ns.word(int(c.t0))) || ns.honorificBefore(c)) {
				ep.setAlias(ns.word(int(c.t0)), e)
			}
		}
	case model.Place:
		// "UAE" for "United Arab Emirates", when the gazetteer has it
		if in := initials(ns, c, true); in != "" && lex.place.has(in) {
			ep.setAlias(in, e)
		}
	case model.Company:
		if short, ok := lex.knownShort[name]; ok {
			ep.setAlias(short, e)
		}
		// "Amazon.com Inc." is "Amazon" in the next sentence.
		if w := ns.word(int(c.t0)); strings.HasSuffix(w, ".com") && len(w) > 4 {
			ep.setAlias(w[:len(w)-4], e)
		}
		words := make([]string, 0, n)
		for k := c.t0; k < c.t1; k++ {
			if ns.toks[k].kind == kWord {
				words = append(words, ns.word(int(k)))
			}
		}
		// "Holmgaard Line A/S": the chunk ends at the "A", the form goes on
		if ns.isPunct(int(c.t1), '/') && len(words) > 0 && int(c.t1+1) < len(ns.toks) && int(ns.toks[c.t1+1].end()) <= int(c.e) {
			words[len(words)-1] += "/" + ns.word(int(c.t1+1))
		}
		for len(words) > 1 && (lex.legal.has(bare(words[len(words)-1])) || lex.designator.has(words[len(words)-1])) {
			words = words[:len(words)-1]
			short := strings.Join(words, " ")
			if len(words) == 1 && (lex.lists(short)&(commonCap|place|demonym|firstName) != 0 || lex.generic[short]) {
				break
			}
			ep.setAlias(short, e)
			if s, ok := lex.knownShort[short]; ok {
				ep.setAlias(s, e)
			}
		}
		// "Lumen Grid" → "Lumen": a distinctive first word of a two-word
		// name stands for it, unless it is a name of its own.
		if len(words) == 2 {
			w := words[0]
			f := wordSet(lex.get(w))
			if f&(commonCap|place|demonym|firstName|known|title|dateWord) == 0 && !lex.generic[w] &&
				!strings.Contains(w, "-") && len(w) > 2 {
				ep.setAlias(w, e)
			}
			// "Manchester United" → "United": after a place, the
			// second word is the name, unless it says what the firm
			// does ("Tokyo Gas") or names a body ("Manchester City")
			if f&place != 0 {
				w2 := words[1]
				if wordSet(lex.get(w2))&(legal|designator|nonCompanyEnd|commonCap|place|demonym|firstName|dateWord) == 0 && len(w2) > 2 {
					ep.setAlias(w2, e)
				}
			}
		}
		ep.setAlias(initials(ns, c, true), e)
		ep.setAlias(initials(ns, c, false), e)
	}
}

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
		w := ns.word(int(k))
		if !withSuffix && lex.lists(w)&(legal|designator) != 0 {
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
func (ep *entityPass) bracketAlias(c *chunk) {
	ns := &ep.ns
	k := ns.after(c)
	if end := ns.tickerAfter(k); end > 0 {
		s, e := int(ns.toks[k+1].s), int(ns.toks[end-2].end())
		code := ns.text.slice(s, e)
		if strings.IndexFunc(code, func(r rune) bool { return r >= '0' && r <= '9' || r == '.' || r == ':' }) >= 0 ||
			ns.isPunct(k, '<') {
			ep.mention(int(c.ent), k+1, end-1, s, e)
			return
		}
		// (ABBR): an acronym defined for the name.
		if end == k+3 {
			ep.setAlias(code, int(c.ent))
			ep.mention(int(c.ent), k+1, k+2, s, e)
		}
		return
	}
	if ns.isPunct(k, ',') && ns.lowerWord(k+1) == "or" && k+2 < len(ns.toks) && ns.toks[k+2].kind == kWord &&
		ns.toks[k+2].flags&fUpper != 0 {
		ep.setAlias(ns.word(k+2), int(c.ent))
		ep.mention(int(c.ent), k+2, k+3, int(ns.toks[k+2].s), int(ns.toks[k+2].end()))
	}
}

// aliasScan finds alias mentions outside the runs already resolved: single
// words ("Son", "IBM"), parts of hyphenated words, and runs left unknown.
func (ep *entityPass) aliasScan() {
	ns := &ep.ns
	toks := ns.toks
	past := 0 // the first token after the last mention
	for _, i32 := range ns.caps {
		i := int(i32)
		if i < past || ep.covered.has(i) {
			continue
		}
		// Longest alias of up to 5 capitalised words (and connectors)
		// starting here.
		if !ep.aliasFirst.maybe(ns.word(i)) {
			ep.hyphenAlias(i)
			continue
		}
		best, bestJ := -1, 0
		for j := i + 1; j <= len(toks) && j-i <= 5; j++ {
			if j-1 > i {
				t := toks[j-1]
				if t.kind != kWord || ep.covered.has(j-1) || t.flags&fCap == 0 && !lex.particles[ns.word(j-1)] &&
					ns.word(j-1) != "of" && ns.word(j-1) != "and" {
					break
				}
			}
			if e, ok := ep.alias[bare(ns.text.slice(int(toks[i].s), int(toks[j-1].end())))]; ok {
				best, bestJ = e, j
			}
		}
		if best < 0 {
			ep.hyphenAlias(i)
			continue
		}
		end := int(toks[bestJ-1].end())
		if bestJ < len(toks) && ns.isPunct(bestJ, '.') && ep.ents[best].kind == model.Company &&
			lex.legal.has(ns.word(bestJ-1)) {
			end = int(toks[bestJ].end())
		}
		ep.mention(best, i, bestJ, int(toks[i].s), end)
		past = bestJ
	}
}

// hyphenAlias: "GM-Honda" style compounds of two known names.
func (ep *entityPass) hyphenAlias(i int) {
	ns := &ep.ns
	if ns.toks[i].flags&fHyphen == 0 {
		return // most words
	}
	w := ns.word(i)
	if !strings.Contains(w, "-") {
		return
	}
	off := int(ns.toks[i].s)
	for _, part := range strings.Split(w, "-") {
		if e, ok := ep.alias[part]; ok && ep.ents[e].kind == model.Company {
			ep.ents[e].spans = append(ep.ents[e].spans, model.Span{Start: off, End: off + len(part)})
		}
		off += len(part) + 1
	}
}
