package annotate

import (
	"strings"

	"newsmark/model"
)

// chunk is a run of capitalised words (with the connectors names use: "&",
// "of" after "Bank", particles such as "al" or "de"), the unit a name is
// found in. Spans are byte offsets into the scanned text.
type chunk struct {
	// 32 bits each, like a token's offset: a chunk is 32 bytes, not 48, and
	// a big text's chunk list (a chunk per 1.6 capitalised words) is the
	// largest thing the entity pass makes
	t0, t1 int32 // word tokens [t0, t1)
	s, e   int32
	title  bool // a title word stood in front ("Chief Executive", "Mr.")
	// bracketsRead: resolve has looked for an acronym or ticker after it
	bracketsRead bool
	// kindID and cueID index chunkKinds and chunkCues: a chunk holds no
	// pointer, so the garbage collector never reads the chunk array, which
	// is sized for the longest news text and mostly unused
	kindID, cueID uint8
	ent           int32 // entity index once resolved, else -1
	// firstBits and lastBits are the lexicon's lists of the words t0 and
	// t1-1, looked up once: most rules ask about them, many asking again
	firstBits, lastBits wordSet
}

// chunkKinds are the kinds a chunk can be given ("skip": no entity).
var chunkKinds = [...]model.EntityKind{"", model.Company, model.Person, model.Place, "skip"}

// chunkCues are the cues a chunk can be given.
var chunkCues = [...]string{"", "alias", "context", "credit", "employer", "first-name", "gazetteer", "initials", "institution", "list-head",
	"known-name", "list", "suffix", "title-context", "wire"}

func (c *chunk) kind() model.EntityKind { return chunkKinds[c.kindID] }
func (c *chunk) cue() string            { return chunkCues[c.cueID] }

// set gives the chunk a kind and the cue that found it; both must be listed
// in chunkKinds and chunkCues.
func (c *chunk) set(kind model.EntityKind, cue string) {
	c.kindID, c.cueID = 0, 0
	for i, k := range chunkKinds {
		if k == kind {
			c.kindID = uint8(i)
		}
	}
	for i, q := range chunkCues {
		if q == cue {
			c.cueID = uint8(i)
		}
	}
	if chunkKinds[c.kindID] != kind || chunkCues[c.cueID] != cue {
		panic("annotate: chunk kind " + string(kind) + " or cue " + cue + " not listed")
	}
}

// nameScanner holds one text's tokens and the chunks found in it.
type nameScanner struct {
	text   docText
	toks   []token
	caps   []int32 // the capitalised words, in order: where names start
	chunks []chunk
	// restrict marks the byte offset from which only strong evidence counts:
	// title-cased headlines capitalise every word.
	restrictFrom, restrictTo int
}

// restricted reports whether chunk c starts where only strong evidence
// counts (a title-cased headline).
func (ns *nameScanner) restricted(c *chunk) bool {
	return int(c.s) >= ns.restrictFrom && int(c.s) < ns.restrictTo
}

func (ns *nameScanner) word(i int) string {
	t := ns.toks[i]
	return ns.text.slice(int(t.s), int(t.end()))
}

func (ns *nameScanner) isCapWord(i int) bool {
	if i < 0 || i >= len(ns.toks) {
		return false
	}
	t := ns.toks[i]
	return t.kind == kWord && t.flags&fCap != 0
}

func (ns *nameScanner) isPunct(i int, c byte) bool {
	if i < 0 || i >= len(ns.toks) {
		return false
	}
	t := ns.toks[i]
	return t.kind == kPunct && ns.text.at(int(t.s)) == c
}

// lowerWord returns token i if it is a lower-case word, else "".
func (ns *nameScanner) lowerWord(i int) string {
	if i < 0 || i >= len(ns.toks) || ns.toks[i].kind != kWord || ns.toks[i].flags&fCap != 0 {
		return ""
	}
	return ns.word(i)
}

// maxRun bounds a run of capitals: no name is longer, and a title-cased
// paragraph must not make the look-ups on a run quadratic.
const maxRun = 12

// findChunks collects the capitalised runs of the text.
func (ns *nameScanner) findChunks() {
	toks := ns.toks
	past := 0 // the first token after the last run
	for _, i32 := range ns.caps {
		i := int(i32)
		if i < past || ns.currencyPrefix(i) {
			continue
		}
		j := i + 1
		end := int(toks[i].end())
		next := 0
		for j < len(toks) && j-i < maxRun {
			u := toks[j]
			prev := ns.word(j - 1)
			if u.kind == kWord && u.flags&fCap != 0 && u.flags&fSpace != 0 && toks[j-1].kind == kWord && !ns.currencyPrefix(j) {
				// A legal suffix ends the name, unless another follows ("Co Ltd").
				if j-1 > i && lex.legal.has(prev) && !lex.legal.has(ns.word(j)) {
					break
				}
				end = int(u.end())
				j++
				continue
			}
			if u.kind == kPunct && ns.text.at(int(u.s)) == '.' && u.flags&fSpace == 0 && toks[j-1].kind == kWord {
				if j-1 > i && lex.legal.has(prev) {
					// "Corp." keeps its period and ends the name; after a
					// suffix written in full or in capitals ("Corporation.",
					// "FC.", "PLC.") the period ends the sentence
					if !lex.fullSuffix[prev] && !allCaps(prev) {
						end = int(u.end())
						next = j + 1
					}
					break
				}
				if (lex.abbrevTitle.has(prev) || len(prev) == 1) && ns.isCapWord(j+1) {
					end = int(toks[j+1].end())
					j += 2
					continue
				}
				break
			}
			// "Holmgaard A/S"
			if u.kind == kPunct && ns.text.at(int(u.s)) == '/' && u.flags&fSpace == 0 && j+1 < len(toks) &&
				toks[j+1].kind == kWord && toks[j+1].flags&fSpace == 0 && lex.legal.has(prev+"/"+ns.word(j+1)) {
				end = int(toks[j+1].end())
				next = j + 2
				if ns.isPunct(j+2, '.') && int(toks[j+2].s) == end {
					end++
					next++
				}
				break
			}
			// " & " between capitalised words.
			if u.kind == kPunct && ns.text.at(int(u.s)) == '&' && ns.isCapWord(j+1) {
				end = int(toks[j+1].end())
				j += 2
				continue
			}
			if u.kind == kWord && u.flags&fCap == 0 && ns.isCapWord(j+1) {
				w := ns.word(j)
				if lex.particles[w] || (w == "of" && lex.lists(prev)&(designator|nonCompanyEnd) != 0) ||
					(w == "and" && ns.andJoins(i, j)) || w == "do" && lex.leading[prev] {
					end = int(toks[j+1].end())
					j += 2
					continue
				}
			}
			// Particles in a row: "Ursula von der Leyen", "Juan de la Cruz".
			if u.kind == kWord && u.flags&fCap == 0 && lex.particles[ns.word(j)] && j+2 < len(toks) &&
				toks[j+1].kind == kWord && lex.particles[ns.word(j+1)] && ns.isCapWord(j+2) {
				end = int(toks[j+2].end())
				j += 3
				continue
			}
			// "Pearl River Precision (Shenzhen) Co.": a parenthesised
			// place inside a name that goes on.
			if ns.isPunct(j, '(') && ns.isCapWord(j+1) && ns.isPunct(j+2, ')') && ns.isCapWord(j+3) {
				end = int(toks[j+3].end())
				j += 4
				continue
			}
			break
		}
		ns.addChunk(i, j, end)
		past = max(j, next)
	}
}

// andJoins reports whether "and" at j continues the name that started at i:
// only when the words after it end with a corporate suffix and neither side
// is a name on its own ("Tokai Rope and Cable Corp.").
func (ns *nameScanner) andJoins(i, j int) bool {
	left := ns.text.slice(int(ns.toks[i].s), int(ns.toks[j-1].end()))
	lw := ns.word(j - 1)
	// A lone designator ("Oil and Natural Gas Corp.") is no name by itself.
	lwf := lex.lists(lw)
	loneDesignator := j-i == 1 && lwf&designator != 0
	if lex.lists(left)&(known|place) != 0 || j-i > 3 || lwf&legal != 0 || lwf&designator != 0 && !loneDesignator ||
		strings.Contains(left, "-") {
		return false
	}
	// "Kestrel, Alder and Birch Capital": after a comma that follows a
	// name, "and" closes a list
	if ns.isPunct(i-1, ',') && ns.isCapWord(i-2) {
		return false
	}
	k := j + 1
	for k < len(ns.toks) && ns.isCapWord(k) && k-j <= 3 {
		k++
	}
	last := ns.word(k - 1)
	if lex.lists(last)&(legal|designator) == 0 {
		return false
	}
	right := ns.text.slice(int(ns.toks[j+1].s), int(ns.toks[k-1].end()))
	return !lex.known.has(right) && !lex.known.has(ns.word(j+1))
}

// addChunk strips leading ordinary words and titles from tokens [i, j) and
// splits at inner titles, then records what is left.
func (ns *nameScanner) addChunk(i, j, end int) {
	titled := false
	lf := wordSet(lex.get(ns.word(j - 1)))
	if ns.isPunct(j, '/') && j+1 < len(ns.toks) && int(ns.toks[j+1].end()) <= end {
		lf = wordSet(lex.get(ns.word(j-1) + "/" + ns.word(j+1))) // "Holmgaard A/S" ends at the "A"
	}
	companyShaped := lf&(legal|designator) != 0
	var f wordSet // the lists of word i, the first one kept
	for i < j {
		if ns.toks[i].kind != kWord {
			i++
			continue
		}
		w := ns.word(i)
		f = lf
		if i != j-1 {
			f = wordSet(lex.get(w))
		}
		// A title of two words: "Tan Sri Muhyiddin Yassin".
		if f&titleHead != 0 && i+2 < j && ns.toks[i+1].kind == kWord && !companyShaped && lex.title.has(w+" "+ns.word(i+1)) {
			titled = true
			i += 2
			continue
		}
		if (f&title != 0 || lex.abbrevTitle.has(w) || titled && lex.titleModifier[w]) && !companyShaped {
			// A title word alone is only a title when a name follows it.
			if j-i > 1 {
				titled = true
				i++
				continue
			}
		}
		// A month or weekday glued to a name of two words or more: "before
		// the March Monetary Board meeting".
		if f&dateWord != 0 && f&firstName == 0 && j-i > 2 {
			i++
			continue
		}
		// A cue noun in front: "Chipmaker Orbital ...", "VCs Northgate ...".
		if f&cueCap != 0 && j-i > 1 && ns.isCapWord(i+1) && (ns.toks[i].flags&fSent != 0 || strings.HasSuffix(w, "s") &&
			ns.toks[i].flags&fUpper == 0 && len(w) <= 5) {
			i++
			continue
		}
		// An ordinary word leads no name, but a first name before a capital
		// does ("Jan Harvey").
		if f&commonCap != 0 && f&(known|place) == 0 && (!companyShaped || lex.functionCap.has(w) || j-i <= 2) &&
			(f&firstName == 0 || lex.functionCap.has(w) || !ns.isCapWord(i+1)) &&
			// mid-sentence before a share price's move, a common word is
			// a name: "the likes of Harvest down 2%"
			!(j-i == 1 && ns.toks[i].flags&fSent == 0 && !lex.functionCap.has(w) && ns.afterMove(j) > j) {
			if i+1 < j && ns.toks[i+1].kind == kWord {
				two := ns.text.slice(int(ns.toks[i].s), int(ns.toks[i+1].end()))
				if wordSet(lex.get(two))&(place|known) != 0 {
					break
				}
				// "Bank of America said", opening a sentence
				if i+2 < j && wordSet(lex.get(bare(ns.text.slice(int(ns.toks[i].s), end))))&(place|known|nonCompany) != 0 {
					break
				}
			}
			i++
			continue
		}
		break
	}
	if i >= j {
		return
	}
	for k := i + 1; k < j; k++ {
		if ns.toks[k].kind == kWord && lex.innerTitle.has(ns.word(k)) {
			ns.addChunk(i, k, int(ns.toks[k-1].end()))
			ns.addChunk(k, j, end)
			return
		}
	}
	// A trailing title or date is not part of the name ("SoftBank CEO"),
	// but a title that may be a surname is ("Stephen King").
	for j-1 > i && lf&(trailTitle|dateWord) != 0 && lf&(legal|designator) == 0 {
		j--
		end = int(ns.toks[j-1].end())
		lf = f
		if j-1 != i {
			lf = wordSet(lex.get(ns.word(j - 1)))
		}
	}
	if end < int(ns.toks[j-1].end()) {
		end = int(ns.toks[j-1].end())
	}
	ns.chunks = append(ns.chunks, chunk{t0: int32(i), t1: int32(j), s: ns.toks[i].s, e: int32(end), title: titled, ent: -1,
		firstBits: f, lastBits: lf})
}

func (ns *nameScanner) chunkText(c *chunk) string { return ns.text.slice(int(c.s), int(c.e)) }

// bare is a name without a trailing period, the key used for look-ups.
func bare(s string) string {
	if n := len(s); n > 0 && s[n-1] == '.' {
		s = s[:n-1]
	}
	if strings.IndexByte(s, 0xE2) >= 0 && strings.Contains(s, "’") {
		s = strings.ReplaceAll(s, "’", "'")
	}
	return s
}

// classify decides a chunk's kind from the chunk alone and the words next to
// it: the strong rules that need no other entity.
func (ns *nameScanner) classify(c *chunk) {
	name := bare(ns.chunkText(c))
	n := c.t1 - c.t0
	first := ns.word(int(c.t0))
	restricted := ns.restricted(c)
	// One look-up for the whole name, unless it is the first word.
	nf, lf := c.firstBits, c.lastBits
	if name != first {
		nf = wordSet(lex.get(name))
	}
	of := 0
	if n >= 3 {
		of = ns.ofName(c)
	}
	switch {
	case nf&(wire|nonCompany) != 0:
		c.set("skip", "wire")
		return
	case nf&known != 0:
		c.set(model.Company, "known-name")
		return
	case nf&place != 0:
		c.set(model.Place, "gazetteer")
		return
	case n > 1 && lf&(legal|designator) == 0 && ns.wirePrefix(c):
		// "Dow Jones Newswires", "Reuters Breakingviews": a wire's own service.
		c.set("skip", "wire")
		return
	case lf&nonCompanyEnd != 0 && n > 1:
		c.set("skip", "institution")
		return
	case of != 0:
		// "Bureau of Statistics" is a public body; "Royal Bank of
		// Scotland" a bank
		if of < 0 {
			c.set("skip", "institution")
		} else {
			c.set(model.Company, "suffix")
		}
		return
	case ns.compoundOfKnown(c) || ns.hasDigits(c):
		return
	case n >= 2 && lf&legal != 0:
		c.set(model.Company, "suffix")
		return
	case n >= 2 && lex.leading[first]:
		// "Banco de Sabadell", "Compagnie de Saint-Gobain", "Groupe Renault"
		c.set(model.Company, "suffix")
		return
	case n >= 2 && lf&designator != 0 && nf&demonym == 0 && !ns.allPlaces(c, int(c.t0), int(c.t1-1)):
		c.set(model.Company, "suffix")
		return
	}
	if restricted {
		return
	}
	// "Mr Okafor", "Ms. Lindqvist": an honorific and one name is a person.
	if n == 1 && c.title && ns.honorificBefore(c) && ns.personShaped(c) && c.firstBits == 0 {
		c.set(model.Person, "title-context")
		return
	}
	if n <= 4 && !c.title && c.firstBits&(commonCap|demonym|dateWord) == 0 && ns.kindList(c) {
		c.set(model.Company, "list-head")
		return
	}
	if n <= 4 && !c.title && ns.firmModifierBefore(c) && c.firstBits&(commonCap|demonym|dateWord) == 0 && c.lastBits&nonCompanyEnd == 0 {
		c.set(model.Company, "context")
		return
	}
	if n <= 4 && !c.title && ns.staffAfter(c) && c.firstBits&(commonCap|demonym|dateWord) == 0 && c.lastBits&nonCompanyEnd == 0 && !ns.businessWordOpening(c) {
		c.set(model.Company, "employer")
		return
	}
	if !c.title && ns.firmCapBefore(c) {
		c.set(model.Company, "context")
		return
	}
	if n >= 2 && n <= 4 && !c.title && ns.firmNounBefore(c) {
		c.set(model.Company, "context")
		return
	}
	if n >= 2 && n <= 7 && ns.nameWords(c) <= 4 && ns.personShaped(c) {
		switch {
		case c.title:
			c.set(model.Person, "title-context")
		case lex.firstName.has(first) && (!lex.placePrep[ns.lowerWord(int(c.t0-1))] || lex.personCue.has(ns.lowerWord(int(c.t0-2)))):
			c.set(model.Person, "first-name")
		case lex.personCue.has(ns.lowerWord(int(c.t0 - 1))):
			c.set(model.Person, "title-context")
		case ns.isPunct(int(c.t0-1), ',') && lex.personCue.has(ns.lowerWord(int(c.t0-2))) && ns.isPunct(int(c.t1), ','):
			// "Its chief investment officer, Ong Mei Xin, said"
			c.set(model.Person, "title-context")
		case ns.reportNear(c):
			c.set(model.Person, "context")
		case ns.titleAfter(c):
			c.set(model.Person, "title-context")
		case ns.initialsLead(c):
			c.set(model.Person, "initials")
		}
		if c.kind() != "" {
			return
		}
	}
	// A known company at the start of a longer run: a unit when a place
	// follows ("Vodafone Egypt"), else the company alone ("Toyota Prius").
	for k := min(c.t1-1, c.t0+maxRun); k > c.t0; k-- {
		if lex.known.has(bare(ns.text.slice(int(c.s), int(ns.toks[k-1].end())))) {
			if ns.allPlaces(c, int(k), int(c.t1)) {
				c.set(model.Company, "known-name")
				return
			}
			if ns.appositiveCue(int(c.t1)) || ns.placeOwns(c) || lex.companyCue.has(ns.lowerWord(int(c.t0-1))) || ns.firmModifierBefore(c) {
				// "Lumen Card, the country's biggest card issuer", "South
				// Korea's Kestrel Rail", "carmaker Toyota Leasing": the
				// whole run is the company, not a product of the first
				c.set(model.Company, "context")
				return
			}
			c.lastBits = ns.bits(c, int(k-1)) // before t1 moves
			c.t1, c.e = k, ns.toks[k-1].end()
			c.set(model.Company, "known-name")
			return
		}
	}
	// "Abu Dhabi" inside a longer run of places.
	if ns.allPlaces(c, int(c.t0), int(c.t1)) {
		c.set(model.Place, "gazetteer")
	}
}

// ofName reads a run joined by "of": -1 when the word before "of" ends the
// name of a public body ("Bureau of Statistics", "Ministry of Finance"), or
// any word before it does ("Federal Reserve Bank of New York"), or the words
// before it are a central bank's ("Central Bank of Ireland"); 1 when a
// designator stands before "of" after another word ("Royal Bank of
// Scotland", "Commercial Bank of Dubai"); else 0 ("Bank of Kestria" may be
// either: context decides).
func (ns *nameScanner) ofName(c *chunk) int {
	for k := c.t0 + 1; k < c.t1-1; k++ {
		if ns.toks[k].kind != kWord || ns.toks[k].flags&fCap != 0 || ns.word(int(k)) != "of" {
			continue
		}
		for j := c.t0; j < k; j++ {
			if lex.nonCompanyEnd.has(ns.word(int(j))) {
				return -1
			}
		}
		if k-1 == c.t0 || !lex.designator.has(ns.word(int(k-1))) {
			return 0
		}
		if lex.nonCompany.has(ns.text.slice(int(c.s), int(ns.toks[k-1].end()))) {
			return -1
		}
		return 1
	}
	return 0
}

// firmNounBefore reports a firm noun right before c with a modifier before it
// ("investment firm", "accounting firm"): after a determiner the name may be
// the subject of a clause instead ("the company Elon Musk founded").
func (ns *nameScanner) firmNounBefore(c *chunk) bool {
	if !lex.firmNoun[ns.lowerWord(int(c.t0-1))] {
		return false
	}
	m := ns.lowerWord(int(c.t0 - 2))
	return m != "" && !lex.firmDet[m]
}

// kindList reports whether c is an item of a list that a plural business
// noun opens: "firms such as Alder, Birch and Cedro", "companies
// active in Chile are Kestrel, Lumen, Pedro Soto", "lenders, including
// X". It walks back over the items before c to the word that opens the
// list, then up to eight words further to the noun; another plural noun
// there ("companies in markets like X") heads the list instead.
func (ns *nameScanner) kindList(c *chunk) bool {
	k := c.t0 - 1
	for steps := 0; k >= 0 && steps < 40; steps++ {
		t := ns.toks[k]
		if t.kind == kWord && (t.flags&fCap != 0 || lex.particles[ns.word(int(k))]) && t.flags&fSent == 0 ||
			t.kind == kPunct && ns.text.at(int(t.s)) == ',' || t.kind == kWord && (ns.word(int(k)) == "and" || ns.word(int(k)) == "or") {
			if t.kind == kWord && t.flags&fCap == 0 && (ns.word(int(k)) == "and" || ns.word(int(k)) == "or") && ns.isPunct(int(k-1), ',') {
				k-- // ", and"
			}
			k--
			continue
		}
		break
	}
	if k < 0 || ns.toks[k].kind != kWord {
		return false
	}
	switch w := ns.word(int(k)); {
	case w == "as" && ns.lowerWord(int(k-1)) == "such":
		k -= 2
	case lex.listOpen[w] && w != "such":
		k--
	default:
		return false
	}
	if ns.isPunct(int(k), ',') {
		k-- // "defence firms, such as"
	}
	for stop := k - 8; k >= 0 && k > stop; k-- {
		t := ns.toks[k]
		if t.kind == kPunct && ns.text.at(int(t.s)) != '-' || t.kind == kBreak || t.kind == kNum {
			return false
		}
		if t.kind != kWord {
			continue
		}
		w := ns.word(int(k))
		if t.flags&fCap != 0 {
			// "Brokerages such as": the plural opens the sentence
			if t.flags&fSent != 0 && lex.firmKinds[strings.ToLower(w)] {
				return true
			}
			continue
		}
		if lex.firmKinds[w] {
			return true
		}
		if len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && w[len(w)-2] != 'u' && w[len(w)-2] != 'i' {
			return false // another plural heads the list
		}
		if t.flags&fSent != 0 {
			return false
		}
	}
	return false
}

// firmModifierBefore reports a hyphenated modifier right before c that says
// where a business is based or who owns it ("US-based Northgate Research",
// "state-owned Bank of Kestria").
func (ns *nameScanner) firmModifierBefore(c *chunk) bool {
	p := c.t0 - 1
	w := ns.lowerWord(int(p))
	if h := strings.LastIndexByte(w, '-'); h > 0 {
		return lex.firmModifier[w[h+1:]] // "state-run", one word
	}
	return lex.firmModifier[w] && ns.isPunct(int(p-1), '-') && !ns.hasSpaceAt(int(p)) && !ns.hasSpaceAt(int(p-1)) // "US-based"
}

// staffAfter reports a post of a firm's staff after c, then a name: "Harlow
// Pryce analyst Tom Eades", "Zenlabs CEO Jane Doe", "Northgate energy
// economist Ann Lee". Up to two lower-case words or titles may come first.
func (ns *nameScanner) staffAfter(c *chunk) bool {
	k := ns.after(c)
	for step := 0; step < 3 && k < len(ns.toks) && ns.toks[k].kind == kWord; step++ {
		f := lex.lists(ns.word(k))
		if f&staff != 0 {
			return ns.isCapWord(k + 1)
		}
		if ns.toks[k].flags&fCap != 0 && f&title == 0 || lex.postBreak[ns.word(k)] {
			return false // "co-founded by Ofori and CTO Kofi Mensah"
		}
		k++
	}
	return false
}

// businessWordOpening reports a lone business noun opening the sentence
// ("Club chairman Rhys Morgan", "Company secretary Ann Lee"): it says whose
// post it is, and names no firm.
func (ns *nameScanner) businessWordOpening(c *chunk) bool {
	if c.t1-c.t0 != 1 || ns.toks[c.t0].flags&fSent == 0 {
		return false
	}
	w := strings.ToLower(ns.word(int(c.t0)))
	return lex.qOrg[w] || c.firstBits&cueCap != 0
}

// firmCapBefore reports a capitalised company cue noun opening the sentence
// right before c ("Builder Penwick Homes warned", "Insurer Ashby said"):
// addChunk left it out of the name.
func (ns *nameScanner) firmCapBefore(c *chunk) bool {
	p := c.t0 - 1
	return p >= 0 && ns.toks[p].flags&fSent != 0 && ns.isCapWord(int(p)) && lex.lists(ns.word(int(p)))&firmCap != 0 &&
		c.firstBits&(firstName|commonCap|demonym) == 0
}

// compoundOfKnown: "GM-Honda Motor" joins two names; it is not a third.
func (ns *nameScanner) compoundOfKnown(c *chunk) bool {
	w := ns.word(int(c.t0))
	if h := strings.IndexByte(w, '-'); h > 0 {
		return lex.known.has(w[:h])
	}
	return false
}

// hasDigits: model names ("C180 SE") are products, not companies.
func (ns *nameScanner) hasDigits(c *chunk) bool {
	for k := c.t0; k < c.t1; k++ {
		if ns.toks[k].flags&fDigit != 0 {
			return true
		}
	}
	return false
}

// personShaped: every word could be part of a personal name.
func (ns *nameScanner) personShaped(c *chunk) bool {
	for k := c.t0; k < c.t1; k++ {
		if ns.toks[k].kind != kWord {
			continue
		}
		w := ns.word(int(k))
		f := ns.bits(c, int(k))
		// "Chairman Sofia Brandt": after a title a first name that is
		// also a place opens a person's name.
		if k == c.t0 && f&(place|firstName) == place|firstName && (c.title || lex.personCue.has(ns.lowerWord(int(k-1)))) {
			f &^= place
		}
		// A surname may be a company's name too ("Henry Ford"), so known
		// names only rule out the first word.
		if f&(legal|designator|place|demonym|wire) != 0 || f&dateWord != 0 && f&firstName == 0 || f&known != 0 && k == c.t0 && !c.title ||
			ns.toks[k].flags&fUpper != 0 && (len(w) > 2 || k == c.t1-1) && !isInitials(w) { // "JP Smith", "N.R. Rao", not "Acme AI"
			return false
		}
	}
	return true
}

// nameWords counts the words of c that are no particle: "Mohammed bin
// Rashid Al Maktoum" has three.
func (ns *nameScanner) nameWords(c *chunk) int {
	n := 0
	for k := c.t0; k < c.t1; k++ {
		if ns.toks[k].kind == kWord && !lex.particles[ns.word(int(k))] && !(ns.toks[k].flags&fCap != 0 && lex.particlesCap[ns.word(int(k))]) {
			n++
		}
	}
	return n
}

// allCaps reports whether w is two or more capital letters and nothing
// else: an initialism, which takes no period of its own ("PLC", "FC").
func allCaps(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// isInitials reports whether w is initials: one capital, or capitals each
// followed by a period ("U", "N.R.", "N.R").
func isInitials(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z' && isSingleLetterRun(w, 0, len(w))
}

// initialsLead reports a person-shaped run that opens with initials and
// goes on with a name that is no initial ("U B Ravi Menon", "N.R. Kiran
// Shetty", "K V Rao"): companies are rarely written so.
func (ns *nameScanner) initialsLead(c *chunk) bool {
	k := c.t0
	for k < c.t1 && (ns.toks[k].kind == kPunct && ns.text.at(int(ns.toks[k].s)) == '.' || ns.toks[k].kind == kWord && isInitials(ns.word(int(k)))) {
		k++
	}
	return k > c.t0 && k < c.t1 && ns.toks[c.t1-1].kind == kWord && !isInitials(ns.word(int(c.t1-1)))
}

// bits returns the lexicon's lists of word k of chunk c.
func (ns *nameScanner) bits(c *chunk, k int) wordSet {
	switch k {
	case int(c.t0):
		return c.firstBits
	case int(c.t1) - 1:
		return c.lastBits
	}
	return wordSet(lex.get(ns.word(k)))
}

// allPlaces reports whether words [t0, t1) of chunk c are places, or
// demonyms around at least one place.
func (ns *nameScanner) allPlaces(c *chunk, t0, t1 int) bool {
	if t0 >= t1 {
		return false
	}
	real := false
	for k := t0; k < t1; k++ {
		f := ns.bits(c, k)
		if f&place != 0 {
			real = true
			continue
		}
		// two-word places ("Abu Dhabi")
		if k+1 < t1 && lex.place.has(ns.text.slice(int(ns.toks[k].s), int(ns.toks[k+1].end()))) {
			k++
			real = true
			continue
		}
		if f&demonym == 0 {
			return false
		}
	}
	return real
}

// reportNear: "X Y said", "said X Y", "X Y told", "according to X Y".
func (ns *nameScanner) reportNear(c *chunk) bool {
	if lex.reportVerb.has(ns.lowerWord(int(c.t1))) {
		return true
	}
	if ns.isPunct(int(c.t1), ',') && lex.reportVerb.has(ns.lowerWord(int(c.t1+1))) {
		return false // "Acme, said ..." is rare; a comma usually starts an appositive
	}
	if lex.reportVerb.has(ns.lowerWord(int(c.t0 - 1))) {
		return true
	}
	return ns.lowerWord(int(c.t0-1)) == "to" && ns.lowerWord(int(c.t0-2)) == "according"
}

// titleAfter: "X Y, chief executive of Z".
func (ns *nameScanner) titleAfter(c *chunk) bool {
	if !ns.isPunct(int(c.t1), ',') {
		return false
	}
	for k := c.t1 + 1; k < c.t1+7 && int(k) < len(ns.toks); k++ {
		t := ns.toks[k]
		if t.kind == kPoss || t.kind == kPunct && ns.text.at(int(t.s)) == '\'' {
			continue // "X Y, PIF's governor", "X Y, Samsung Electronics' vice chairman"
		}
		if t.kind != kWord {
			return false
		}
		w := ns.word(int(k))
		if lex.personCue.has(strings.ToLower(w)) || (lex.title.has(w) && t.flags&fCap != 0) {
			return true
		}
		if w != "the" && w != "a" && w != "an" && w != "its" && w != "senior" && w != "former" {
			if t.flags&fCap == 0 {
				return false
			}
		}
	}
	return false
}

// currencyPrefix: "Rs 500", "USD 3bn", "US$2bn" start money, not names.
func (ns *nameScanner) currencyPrefix(i int) bool {
	if i+1 >= len(ns.toks) {
		return false
	}
	if ns.toks[i+1].kind == kNum || ns.isPunct(i+1, '.') {
		_, ok := lex.prefixVals.get(ns.word(i))
		return ok
	}
	if !ns.isPunct(i+1, '$') {
		return false
	}
	_, ok := lex.prefixVals.get(ns.text.slice(int(ns.toks[i].s), int(ns.toks[i+1].end())))
	return ok
}

// after returns the index of the first token past chunk c (past "Corp.").
func (ns *nameScanner) after(c *chunk) int {
	k := c.t1
	for int(k) < len(ns.toks) && int(ns.toks[k].s) < int(c.e) {
		k++
	}
	return int(k)
}

// wirePrefix reports whether the run starts with the name of a news wire or
// outlet (the caller keeps company-shaped runs such as "Guardian Media Group").
func (ns *nameScanner) wirePrefix(c *chunk) bool {
	for k := c.t0 + 1; k < c.t1 && k <= c.t0+4; k++ {
		if lex.wire.has(ns.text.slice(int(c.s), int(ns.toks[k-1].end()))) {
			return true
		}
	}
	return false
}
