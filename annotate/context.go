package annotate

import (
	"strings"

	"newsmark/model"
)

// contextCompany applies the context rules to an unresolved run.
func (ep *entityPass) contextCompany(c *chunk) bool {
	ns := &ep.ns
	n := c.t1 - c.t0
	first := ns.word(int(c.t0))
	ff := c.firstBits
	if ff&firstName != 0 && n >= 2 || ff&(demonym|commonCap|dateWord|title) != 0 {
		return false
	}
	if c.lastBits&nonCompanyEnd != 0 {
		return false
	}
	if ns.companyContext(c) {
		return true
	}
	// "Zenith said", "Quillon agreed": one unknown word doing what companies do.
	if n == 1 && ff&firstName == 0 {
		v := ns.lowerWord(int(c.t1))
		if lex.companyAux[v] {
			v = ns.lowerWord(int(c.t1 + 1))
			return lex.companyVerb.has(v) && v != "said"
		}
		if ns.toks[c.t0].flags&fSent != 0 && strings.HasSuffix(first, "ly") {
			return false
		}
		return lex.companyVerb.has(v) || lex.ctxAfter[v]
	}
	return false
}

// firmsNamedLikePeople: a firm may bear its founder's name ("Tom Ashby",
// chief executive of Ashby). A lone surname that the words around it call a
// business ("insurer Ashby", "Ashby's profit") is a company of
// that name, and from then on the bare name stands for the company; the
// person keeps the mentions of the full name.
func (ep *entityPass) firmsNamedLikePeople() {
	ns := &ep.ns
	for i := range ns.chunks {
		c := &ns.chunks[i]
		if c.kind() != "" || c.ent >= 0 || c.t1-c.t0 != 1 {
			continue
		}
		e, ok := ep.lookup(c)
		if !ok || ep.ents[e].kind != model.Person || !ns.firmContext(c) {
			continue
		}
		name := bare(ns.chunkText(c))
		if name == ep.ents[e].canonical {
			continue
		}
		co := ep.companyNamed(name)
		if co < 0 {
			co = len(ep.ents)
			ep.ents = append(ep.ents, entB{kind: model.Company, canonical: ns.chunkText(c), cue: "context", first: int(c.s), spans: ep.spanBuf()})
		}
		ep.alias[name] = co
		c.set(model.Company, "context")
		c.ent = int32(co)
		ep.mention(co, int(c.t0), int(c.t1), int(c.s), int(c.e))
	}
}

// companyNamed returns the company whose name is name, or -1.
func (ep *entityPass) companyNamed(name string) int {
	for i := range ep.ents {
		if ep.ents[i].kind == model.Company && bare(ep.ents[i].canonical) == name {
			return i
		}
	}
	return -1
}

// firmContext reports words around c that only a business has: a firm noun
// before it ("insurer Ashby"), or after "'s" ("Ashby's profit", "Ashby's
// chief executive").
func (ns *nameScanner) firmContext(c *chunk) bool {
	if p := ns.lowerWord(int(c.t0 - 1)); lex.firmNoun[p] && lex.companyCue.has(p) {
		return true
	}
	if int(c.t1+1) >= len(ns.toks) || ns.toks[c.t1].kind != kPoss {
		return false
	}
	w := ns.lowerWord(int(c.t1 + 1))
	return lex.firmOnly[w] && (w != "chief" || ns.lowerWord(int(c.t1+2)) == "executive")
}

// propagateLists: in "A, B, C and D" a run next to a company is a company.
func (ep *entityPass) propagateLists() {
	ns := &ep.ns
	cs := ns.chunks
	for pass := 0; pass < 3; pass++ {
		changed := false
		for i := range cs {
			c := &cs[i]
			if c.kind() != "" || c.ent >= 0 {
				continue
			}
			// Names listed each with a share price's move ("Harvest down 2%,
			// Marble up 1% and Penwick Group down 3%") are one kind: a
			// common word among them is a company like its neighbours.
			moves := ns.afterMove(int(c.t1)) > int(c.t1) && ns.toks[c.t0].flags&fSent == 0
			if f := c.firstBits; f&demonym != 0 || f&commonCap != 0 && !moves || f&firstName != 0 && c.t1-c.t0 > 1 {
				continue
			}
			if ns.toks[c.t0].flags&fSent != 0 && c.t1-c.t0 == 1 && ns.isPunct(int(c.t1), ',') {
				continue // "Initially, BMW ..." is no list
			}
			if ns.restricted(c) {
				continue
			}
			isCo := func(j int) bool { return j >= 0 && j < len(cs) && cs[j].kind() == model.Company }
			sep := func(a, b *chunk) bool {
				// a ends right before ", " or " and " then b.
				k := a.t1
				if ns.isPunct(int(k), ',') {
					k++
				}
				if w := ns.lowerWord(int(k)); w == "and" || w == "or" {
					k++
				}
				return k == b.t0 && k > a.t1
			}
			moved := func(a, b *chunk) bool {
				k := ns.afterMove(int(a.t1))
				if k == int(a.t1) {
					return false
				}
				if ns.isPunct(k, ',') {
					k++
				}
				if w := ns.lowerWord(k); w == "and" || w == "or" {
					k++
				}
				return k == int(b.t0)
			}
			if moves && (isCo(i-1) && moved(&cs[i-1], c) || isCo(i+1) && moved(c, &cs[i+1])) {
				c.set(model.Company, "list")
				changed = true
				continue
			}
			nextPoss := i+1 < len(cs) && int(cs[i+1].t1) < len(ns.toks) && ns.toks[cs[i+1].t1].kind == kPoss
			if (isCo(i-1) && sep(&cs[i-1], c)) || (isCo(i+1) && sep(c, &cs[i+1]) && ns.isPunct(int(c.t1), ',') && !nextPoss) {
				c.set(model.Company, "list")
				changed = true
				continue
			}
			// "Peter Carrow and JP McAlister": people listed with a person.
			isPer := func(j int) bool { return j >= 0 && j < len(cs) && cs[j].kind() == model.Person }
			if n := c.t1 - c.t0; n >= 2 && n <= 3 && ns.personShaped(c) &&
				(isPer(i-1) && sep(&cs[i-1], c) || isPer(i+1) && sep(c, &cs[i+1])) {
				c.set(model.Person, "list")
				changed = true
			}
		}
		if !changed {
			break
		}
	}
}

// afterMove returns the token after a share price's move that starts at k
// ("down 1.4%", "rose 2 per cent", "up by 3pc"), or k when none does.
func (ns *nameScanner) afterMove(k int) int {
	if !lex.move[ns.lowerWord(k)] {
		return k
	}
	j := k + 1
	if ns.lowerWord(j) == "by" {
		j++
	}
	if j >= len(ns.toks) || ns.toks[j].kind != kNum {
		return k
	}
	j++
	switch w := ns.lowerWord(j); {
	case ns.isPunct(j, '%'), w == "percent", w == "pc":
		return j + 1
	case w == "per" && ns.lowerWord(j+1) == "cent":
		return j + 2
	}
	return k
}

// contributors: names on the credit line are people.
func (ep *entityPass) contributors() {
	ns := &ep.ns
	for i := range ns.chunks {
		c := &ns.chunks[i]
		if c.kind() != "" || c.t1-c.t0 < 2 || c.t1-c.t0 > 3 || !ns.personShaped(c) {
			continue
		}
		// Walk back over earlier names of the same credit ("A, B and C").
		k := c.t0 - 1
		for k >= 0 && c.t0-k < 40 { // a credit names a few people, not a page of them
			w := ns.word(int(k))
			if ns.toks[k].kind == kPunct && (w == "," || w == ";") || w == "and" || ns.isCapWord(int(k)) {
				k--
				continue
			}
			break
		}
		if k < 0 || !lex.credit[ns.word(int(k))] {
			continue
		}
		p := ""
		if k > 0 {
			p = strings.ToLower(ns.word(int(k - 1)))
		}
		if ns.word(int(k)) == "By" && (k == 0 || ns.toks[k].flags&fPara != 0 || ns.toks[k-1].kind == kBreak) ||
			lex.creditLead[p] {
			c.set(model.Person, "credit")
		}
	}
	for _, f := range ep.fields {
		if f.name != model.FieldContributors {
			continue
		}
		for i := range ep.ns.chunks {
			c := &ep.ns.chunks[i]
			if int(c.s) >= f.s && int(c.e) <= f.e && c.kind() == "" && c.t1-c.t0 >= 2 {
				c.set(model.Person, "credit")
			}
		}
	}
}

// companyContext looks for the words around an unresolved chunk that say a
// business is meant: a cue noun before it ("carmaker X"), a deal verb or
// preposition ("stake in X"), an appositive after it (", a ... firm"), a
// possessive business noun ("X's shares"), a ticker, or a verb a company does.
func (ns *nameScanner) companyContext(c *chunk) bool {
	// "Chipmaker's boss quits": a cue noun opening a sentence is the word,
	// not a name
	if c.t1-c.t0 == 1 && c.firstBits&cueCap != 0 && ns.toks[c.t0].flags&fSent != 0 {
		return false
	}
	p1, p2 := ns.lowerWord(int(c.t0-1)), ns.lowerWord(int(c.t0-2))
	if lex.companyCue.has(p1) && p1 != "partner" && p1 != "house" {
		return true
	}
	if ns.placeOwns(c) {
		return true
	}
	// "The airline, SkyLark," and "two airlines - SkyLark and ..."
	if (ns.isPunct(int(c.t0-1), ',') && ns.isPunct(int(c.t1), ',') || ns.isPunct(int(c.t0-1), '-') || ns.isPunct(int(c.t0-1), ':') ||
		ns.isDash(int(c.t0-1))) && lex.companyCue.has(p2) && p2 != "partner" && p2 != "partners" {
		return true
	}
	// "Tencent-backed", "Citigroup-owned": a name that owns or funds.
	if ns.isPunct(int(c.t1), '-') && !ns.hasSpaceAt(int(c.t1)) {
		if lex.owner[ns.lowerWord(int(c.t1+1))] {
			return true
		}
	}
	// "Orbital, which employs ..."
	if ns.isPunct(int(c.t1), ',') && ns.lowerWord(int(c.t1+1)) == "which" && lex.companyVerb.has(ns.lowerWord(int(c.t1+2))) {
		return true
	}
	switch {
	case lex.ctxBefore[p1]:
		return true
	case p1 == "at":
		// "analyst at Northgate Securities", "head of equities at X",
		// "senior vice president for research at X"
		if lex.personCue.has(p2) && p2 != "chief" {
			return true
		}
		for k := c.t0 - 3; k >= c.t0-6 && k >= 0; k-- {
			w := ns.lowerWord(int(k))
			if w == "" || lex.postBreak[w] && w != "for" {
				break
			}
			if lex.personCue.has(w) && w != "chief" {
				return true
			}
		}
	case lex.ctxPrep[p1]:
		if lex.ctxDealOf[p2] {
			return true
		}
		if p2 == "company" || p2 == "group" {
			// "the parent company of Jewelbox"
			return ns.lowerWord(int(c.t0-3)) == "parent"
		}
	}
	t1 := c.t1
	if int(t1) < len(ns.toks) && ns.toks[t1].kind == kPoss && lex.ctxPossessed[ns.lowerWord(int(t1+1))] {
		return true
	}
	if ns.tickerAfter(int(c.t1)) > 0 {
		return true
	}
	// "its Maison du Lac subsidiary", "Acme's Orbital division"
	if lex.unitAfter[ns.lowerWord(int(t1))] && (p1 == "its" || p1 == "their" || p1 == "the" || c.t0 > 0 && ns.toks[c.t0-1].kind == kPoss) {
		return true
	}
	return ns.appositiveCue(int(t1))
}

// placeOwns: "France's Quillon": a place's unknown name is its company.
func (ns *nameScanner) placeOwns(c *chunk) bool {
	if c.t0 >= 2 && ns.toks[c.t0-1].kind == kPoss && c.t1-c.t0 <= 3 {
		if pw := ns.word(int(c.t0 - 2)); lex.place.has(pw) && ns.toks[c.t0-2].kind == kWord {
			return true
		}
	}
	return false
}

// appositiveCue reports a company cue in an appositive after token t1
// (", a carmaker", ", the country's biggest card provider").
func (ns *nameScanner) appositiveCue(t1 int) bool {
	if !ns.isPunct(t1, ',') {
		return false
	}
	for k := t1 + 1; k < t1+9 && k < len(ns.toks); k++ {
		t := ns.toks[k]
		if t.kind == kPoss {
			continue
		}
		if t.kind != kWord {
			break
		}
		w := ns.word(k)
		if k == t1+1 && w != "a" && w != "an" && w != "the" && w != "its" && w != "which" {
			break
		}
		if lex.companyCue.has(w) && w != "partner" || strings.HasSuffix(w, "maker") || strings.HasSuffix(w, "makers") {
			// ", the lender's president" speaks of someone the firm has,
			// not of the name before it
			return k+1 >= len(ns.toks) || ns.toks[k+1].kind != kPoss
		}
		if lex.owner[w] && ns.lowerWord(k+1) == "by" {
			return true // ", a think tank owned by Y"
		}
		if lex.personCue.has(w) {
			break
		}
	}
	return false
}

// tickerAfter returns the token index just past a ticker in brackets after
// token i ("(LBTYA.O)", "<9432>", "(NYSE: IBM)"), or 0.
func (ns *nameScanner) tickerAfter(i int) int {
	open := byte(0)
	switch {
	case ns.isPunct(i, '('):
		open = ')'
	case ns.isPunct(i, '<'):
		open = '>'
	default:
		return 0
	}
	k := i + 1
	code := false
	for ; k < len(ns.toks) && k < i+6; k++ {
		t := ns.toks[k]
		if t.kind == kPunct && ns.text.at(int(t.s)) == open {
			if code {
				return k + 1
			}
			return 0
		}
		switch {
		case t.kind == kNum && int(t.end())-int(t.s) >= 3 && !strings.ContainsAny(ns.text.slice(int(t.s), int(t.end())), ","):
			code = true
		case t.kind == kWord && t.flags&fUpper != 0 && int(t.end())-int(t.s) <= 6:
			code = true
		case t.kind == kPunct && (ns.text.at(int(t.s)) == '.' || ns.text.at(int(t.s)) == ':'):
		case t.kind == kWord && len(ns.text.slice(int(t.s), int(t.end()))) <= 2 && t.flags&fCap != 0:
		default:
			return 0
		}
	}
	return 0
}

// isDash: an en or em dash token.
func (ns *nameScanner) isDash(i int) bool {
	if i < 0 || i >= len(ns.toks) || ns.toks[i].kind != kPunct {
		return false
	}
	t := ns.toks[i]
	w := ns.text.slice(int(t.s), int(t.end()))
	return w == "–" || w == "—"
}

// honorificBefore reports whether the run was preceded by an honorific
// ("Mr", "Ms.") rather than a job title.
func (ns *nameScanner) honorificBefore(c *chunk) bool {
	k := c.t0 - 1
	if ns.isPunct(int(k), '.') {
		k--
	}
	return k >= 0 && ns.toks[k].kind == kWord && lex.honorific[ns.word(int(k))]
}

// hasSpaceAt reports whether whitespace precedes token i.
func (ns *nameScanner) hasSpaceAt(i int) bool {
	return i < len(ns.toks) && ns.toks[i].flags&fSpace != 0
}
