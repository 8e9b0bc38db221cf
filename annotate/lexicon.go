package annotate

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"newsmark/model"
)

// The knowledge the rules use is data: the word lists in lexicon/*.txt,
// general knowledge written for newsmark, not taken from any article
// (corporate designators, honorifics and titles, reporting verbs, places,
// first names, well-known companies, the words of figures and deals). Each
// file holds one concept; its header says what each tag means and which
// pass reads it. They are parsed once, on first use, into the lexicon:
// the lists the entity pass asks about every capitalised word go into one
// table (wordtable.go), so the hot path only does look-ups on substrings
// of the body.
//
// A file is lines of "ENTRY TAG TAG=VALUE ..." ("ENTRY" in double quotes
// when it holds spaces: "head of", " called "), or of names only, one per
// line (places, companies: "LONG = SHORT" for a known short form). Lines
// starting with # are comments.

//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// wordSet is one list of the lexicon: a bit in lexicon.info.
type wordSet uint32

// has reports whether w (a word or a multi-word name) is in the list.
func (s wordSet) has(w string) bool { return lex.get(w)&uint32(s) != 0 }

// lists returns every list w is in, for testing several with one look-up.
func (l *lexicon) lists(w string) wordSet { return wordSet(l.get(w)) }

// The lists, one bit each in lexicon.info.
const (
	legal wordSet = 1 << iota
	designator
	nonCompanyEnd
	title
	personCue
	companyCue
	reportVerb
	companyVerb
	commonCap
	demonym
	firstName
	countNoun
	durationUnit
	dateWord
	place
	known
	wire
	nonCompany
	// cueCap marks capitalised company or person cue nouns ("Chipmaker",
	// "VCs") that may open a run of capitals without being a name.
	cueCap
	// firmCap marks the capitalised company cue nouns among them: the name
	// after one opening a sentence is a company ("Builder Penwick Homes").
	firmCap
	// staff marks the posts of a firm's staff, as written and in lower
	// case: "X analyst Y", "X CEO Y" make X a company.
	staff
	// titleHead marks the first word of a title of two words ("Tan" of
	// "Tan Sri"), so names look up the pair only after one.
	titleHead
	// trailTitle marks the titles that end a name when one trails it
	// ("SoftBank CEO"): the inner ones, the staff posts and those in
	// capitals; the rest may be surnames ("Stephen King", "Erik Prince").
	trailTitle
)

// lexicon holds every list in one map from word (or name) to a bit set, so
// one look-up answers every question about a word.
type lexicon struct {
	info map[string]uint32
	// bloom filters look-ups before the table: the lists are large and
	// cold between passes, and most words asked about are in none of them.
	bloom bloomFilter
	// table answers the words that pass the filter (info, laid out for
	// look-ups)
	table *wordTable

	legal, designator, nonCompanyEnd, title, personCue, companyCue, reportVerb, companyVerb          wordSet
	commonCap, demonym, firstName, countNoun, durationUnit, dateWord, place, known, wire, nonCompany wordSet

	// knownShort maps a long known name to its conventional short form
	// ("General Motors" → "GM") so both are one entity.
	knownShort map[string]string

	// The lists the rules ask about one word at a time, each named after
	// its file's tag.
	// names
	particles, honorific, titleModifier, fullSuffix, leading, generic, firmNoun map[string]bool
	particlesCap                                                                map[string]bool // "Van", "Al": particles capitalised, looked up without lowering
	credit, creditLead, placePrep, firmDet, companyAux                          map[string]bool
	ctxBefore, ctxPrep, ctxDealOf, ctxPossessed, ctxAfter, owner, split         map[string]bool
	firmModifier, firmKinds, listOpen, firmOnly, unitAfter, move                map[string]bool
	abbrevTitle, innerTitle, functionCap                                        wordList
	// figures
	party, perUnit, rate, relative, timeRef, spanPrep map[string]bool
	ofDet, join, approx, change, aux, measure         map[string]bool
	physical, dimension                               map[string]bool
	fractionVals                                      map[string]float64
	countStop, duration, dates, demonyms, countNouns  wordList
	numberVals, scaleVals                             wordValues[float64]
	currencyVals, minorVals, prefixVals               wordValues[string]
	demonymCurrency                                   map[string]string
	figStarts                                         map[string]bool // every word that may open a figure
	figStart                                          wordList        // figStarts on a table
	figFilter                                         *wordFilter     // figStarts' first bytes, last bytes and lengths
	figFirst, currencyFirst                           [256]bool       // the bytes a figure opener (a currency prefix) begins with
	figMarks                                          scanMarks       // the figure openers, for scan to flag
	// quotes
	qVerbs                                                                            map[string]int // reporting verbs: qvSay, qvTell, …
	qLabour, qLabourName, qVoice                                                      map[string]bool
	qNews, qOrg, qAux, qDet, qStop, qLead, qParticle, qModDet, qConnective, qFunction map[string]bool
	qPronoun                                                                          map[string]model.EntityKind
	qRoles                                                                            []string
	qAbbrev                                                                           map[string]bool
	// ventures
	vPastCues, vNotDealMoneyWords, vPriceWords, vValuation, vDurationPreps, vNameCues []string
	vSites, vStakeText, vMoveBefore, vHeadcount, vGoodsOrder                          []string
	vPast, vNotDealMoney, vPrice                                                      *phraseSet
	vNotDeal, vFinancing, vProject, vTerm, vPlaceFollower, vInvestModified            map[string]bool
	vInvestorsNext, vDebt, vWeigh                                                     map[string]bool
	vBidOwner, vPassive, vDealNoun, vBusiness, vAdviser                               map[string]bool
	clauseBreak, sinceSubject                                                         map[string]bool
	postBreak                                                                         map[string]bool
	// vAdviserFirstLen has bit n of entry c set when an adviser word of n
	// bytes starts with c: most words fail this before any map look-up
	vAdviserFirstLen [256]uint32
	// vWeighFirstLen is the same for the weigh words (vb.weighed)
	vWeighFirstLen [256]uint32
}

// lex is the lexicon, built on first use (useLexicon): building it is most
// of this package's start-up cost, which every command of the program would
// pay otherwise, most of them without annotating anything.
var (
	lex     *lexicon
	lexOnce sync.Once
)

// useLexicon builds lex once; newDoc calls it before any pass reads it.
func useLexicon() { lexOnce.Do(func() { lex = buildLexicon() }) }

// Prepare builds the word tables Article needs, so that a caller about to
// annotate (after reading a file, say) can have it done meanwhile on
// another goroutine. Article calls it itself; calling it twice is free.
func Prepare() { useLexicon() }

// get returns w's lists as bits (0 for a word in none).
func (l *lexicon) get(w string) uint32 {
	h := wordHash(w, 0)
	if !l.bloom.has(h) {
		return 0
	}
	return l.table.get(w, h)
}

// lexFile is one parsed file of lexicon/: each entry's tags and values.
type lexFile struct {
	name    string
	entries []lexEntry
}

type lexEntry struct {
	word string
	tags []string // "TAG" or "TAG=VALUE"
}

// tag returns the value of tag on e ("" for a plain tag) and whether e has it.
func (e *lexEntry) tag(tag string) (string, bool) {
	for _, t := range e.tags {
		if strings.HasPrefix(t, tag) && (len(t) == len(tag) || t[len(tag)] == '=') {
			return t[min(len(t), len(tag)+1):], true
		}
	}
	return "", false
}

// readLexFile parses lexicon/name; with names set each line is one entry
// with no tags.
func readLexFile(name string, names bool) lexFile {
	raw, err := lexiconFiles.ReadFile("lexicon/" + name)
	if err != nil {
		panic("annotate: " + err.Error()) // embedded: cannot happen
	}
	f := lexFile{name: name}
	for n, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimRight(line, " \t\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if names {
			f.entries = append(f.entries, lexEntry{word: strings.Join(strings.Fields(line), " ")})
			continue
		}
		var e lexEntry
		rest := line
		if strings.HasPrefix(line, `"`) {
			end := strings.IndexByte(line[1:], '"')
			if end < 0 {
				panic(fmt.Sprintf("annotate: lexicon/%s:%d: unclosed quote", name, n+1))
			}
			e.word, rest = line[1:1+end], line[2+end:]
		} else {
			fs := strings.Fields(line)
			e.word, rest = fs[0], strings.Join(fs[1:], " ")
		}
		e.tags = strings.Fields(rest)
		if len(e.tags) == 0 {
			panic(fmt.Sprintf("annotate: lexicon/%s:%d: %q has no tag", name, n+1, e.word))
		}
		f.entries = append(f.entries, e)
	}
	return f
}

// asWritten and lowerCase say how a tag's entries are read: as written
// (case matters), or in lower case (the rule compares lower-cased words).
const (
	asWritten = false
	lowerCase = true
)

// set returns the entries with tag, as written or lower-cased.
func (f lexFile) set(tag string, lower bool) map[string]bool {
	m := map[string]bool{}
	for i := range f.entries {
		if _, ok := f.entries[i].tag(tag); ok {
			w := f.entries[i].word
			if lower {
				w = strings.ToLower(w)
			}
			m[w] = true
		}
	}
	if len(m) == 0 {
		panic("annotate: lexicon/" + f.name + ": no entry tagged " + tag)
	}
	return m
}

// list is set as a slice, in the file's order.
func (f lexFile) list(tag string, lower bool) []string {
	var out []string
	for i := range f.entries {
		if _, ok := f.entries[i].tag(tag); ok {
			w := f.entries[i].word
			if lower {
				w = strings.ToLower(w)
			}
			out = append(out, w)
		}
	}
	return out
}

// values returns the entries with tag=VALUE and their values.
func (f lexFile) values(tag string) map[string]string {
	m := map[string]string{}
	for _, e := range f.entries {
		if v, ok := e.tag(tag); ok {
			if v == "" {
				panic("annotate: lexicon/" + f.name + ": " + e.word + ": " + tag + " has no value")
			}
			m[e.word] = v
		}
	}
	return m
}

// numbers is values read as numbers.
func (f lexFile) numbers(tag string) map[string]float64 {
	m := map[string]float64{}
	for w, v := range f.values(tag) {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			panic("annotate: lexicon/" + f.name + ": " + w + ": " + err.Error())
		}
		m[w] = x
	}
	return m
}

// names returns the entries of a names file.
func (f lexFile) names() []string {
	out := make([]string, 0, len(f.entries))
	for _, e := range f.entries {
		out = append(out, e.word)
	}
	return out
}

func buildLexicon() *lexicon {
	l := &lexicon{
		// sized for the lists (about 3,700 words and names): built once,
		// so no rehashing as it grows
		info: make(map[string]uint32, 4096), knownShort: map[string]string{},
		legal: legal, designator: designator, nonCompanyEnd: nonCompanyEnd, title: title, personCue: personCue,
		companyCue: companyCue, reportVerb: reportVerb, companyVerb: companyVerb, commonCap: commonCap, demonym: demonym,
		firstName: firstName, countNoun: countNoun, durationUnit: durationUnit, dateWord: dateWord, place: place,
		known: known, wire: wire, nonCompany: nonCompany,
	}
	legalForms := readLexFile("legal_forms.txt", false)
	people := readLexFile("person_words.txt", false)
	companies := readLexFile("company_words.txt", false)
	verbs := readLexFile("verbs.txt", false)
	caps := readLexFile("capitals.txt", false)
	figs := readLexFile("figure_words.txt", false)
	money := readLexFile("currencies.txt", false)
	fn := readLexFile("function_words.txt", false)
	deals := readLexFile("deal_words.txt", false)
	phrases := readLexFile("deal_phrases.txt", false)
	ctx := readLexFile("company_context.txt", false)
	mods := readLexFile("modifiers.txt", false)
	add := func(m map[string]bool, set wordSet) {
		for w := range m {
			l.info[w] |= uint32(set)
		}
	}
	add(legalForms.set("legal", asWritten), legal)
	add(legalForms.set("designator", asWritten), designator)
	add(readLexFile("institutions.txt", false).set("end", asWritten), nonCompanyEnd)
	titles := people.set("title", asWritten)
	add(titles, title)
	inner, staffs := people.set("inner", asWritten), people.set("staff", asWritten)
	for w := range titles {
		if head, _, two := strings.Cut(w, " "); two {
			l.info[head] |= uint32(titleHead)
		}
		if inner[w] || staffs[w] || strings.ToUpper(w) == w {
			l.info[w] |= uint32(trailTitle)
		}
	}
	personCues := people.set("cue", lowerCase)
	add(personCues, personCue)
	for w := range people.set("staff", asWritten) {
		l.info[w] |= uint32(staff)
		l.info[strings.ToLower(w)] |= uint32(staff)
	}
	companyCues := companies.set("cue", lowerCase)
	add(companyCues, companyCue)
	add(verbs.set("report", lowerCase), reportVerb)
	add(verbs.set("acts", lowerCase), companyVerb)
	add(caps.set("common", asWritten), commonCap)
	add(readLexFile("demonyms.txt", false).set("demonym", asWritten), demonym)
	for _, w := range readLexFile("first_names.txt", true).names() {
		l.info[w] |= uint32(firstName)
	}
	add(figs.set("count", asWritten), countNoun)
	add(figs.set("duration", asWritten), durationUnit)
	add(figs.set("date", asWritten), dateWord)
	for i, cues := range []map[string]bool{companyCues, personCues} {
		for w := range cues {
			bits := uint32(cueCap)
			if i == 0 && !personCues[w] {
				bits |= uint32(firmCap)
			}
			l.info[strings.ToUpper(w[:1])+w[1:]] |= bits
			if len(w) > 1 && w[len(w)-1] == 's' {
				l.info[strings.ToUpper(w[:len(w)-1])+"s"] |= bits // "VCs"
			}
		}
	}
	for file, set := range map[string]wordSet{"places.txt": place, "wires.txt": wire, "non_companies.txt": nonCompany} {
		for _, e := range readLexFile(file, true).names() {
			l.info[e] |= uint32(set)
		}
	}
	for _, e := range readLexFile("known_companies.txt", true).names() {
		long, short, ok := strings.Cut(e, " = ")
		l.info[long] |= uint32(known)
		if ok {
			l.info[short] |= uint32(known)
			l.knownShort[long] = short
		}
	}
	l.table = newWordTable(l.info, 0)
	for w := range l.info {
		l.bloom.add(wordHash(w, 0))
	}

	// names
	l.particles = people.set("particle", lowerCase)
	l.particlesCap = make(map[string]bool, len(l.particles))
	for w := range l.particles {
		l.particlesCap[strings.ToUpper(w[:1])+w[1:]] = true
	}
	l.honorific = people.set("honorific", asWritten)
	l.abbrevTitle = newWordList(people.set("abbrev", asWritten))
	l.innerTitle = newWordList(people.set("inner", asWritten))
	l.titleModifier = people.set("modifier", asWritten)
	l.fullSuffix = legalForms.set("full", asWritten)
	l.leading = legalForms.set("leading", asWritten)
	l.functionCap = newWordList(caps.set("function", asWritten))
	l.generic = caps.set("generic", asWritten)
	l.firmNoun = companies.set("firm", lowerCase)
	l.credit = fn.set("credit", asWritten)
	l.creditLead = fn.set("creditLead", lowerCase)
	l.companyAux = fn.set("companyAux", lowerCase)
	l.postBreak = fn.set("postBreak", lowerCase)
	l.placePrep = fn.set("placePrep", lowerCase)
	l.firmDet = fn.set("firmDet", lowerCase)
	l.ctxBefore = ctx.set("before", lowerCase)
	l.ctxPrep = ctx.set("prep", lowerCase)
	l.ctxDealOf = ctx.set("dealOf", lowerCase)
	l.ctxPossessed = ctx.set("possessed", lowerCase)
	l.ctxAfter = ctx.set("after", lowerCase)
	l.firmOnly = ctx.set("firmOnly", lowerCase)
	l.unitAfter = ctx.set("unitAfter", lowerCase)
	l.move = verbs.set("move", lowerCase)
	l.owner = mods.set("owner", asWritten)
	l.split = mods.set("split", asWritten)
	l.firmModifier = mods.set("firm", asWritten)
	l.firmKinds = companies.set("kinds", lowerCase)
	l.listOpen = fn.set("listOpen", lowerCase)

	// figures
	l.party = figs.set("party", asWritten)
	l.countStop = newWordList(figs.set("countStop", asWritten))
	l.duration = newWordList(figs.set("duration", asWritten))
	l.dates = newWordList(figs.set("date", asWritten))
	l.demonyms = newWordList(readLexFile("demonyms.txt", false).set("demonym", asWritten))
	l.countNouns = newWordList(figs.set("count", asWritten))
	numberWords, prefixes := figs.numbers("number"), money.values("prefix")
	l.numberVals = newWordValues(numberWords)
	l.currencyVals = newWordValues(money.values("currency"))
	l.minorVals = newWordValues(money.values("minor"))
	l.scaleVals = newWordValues(figs.numbers("scale"))
	l.prefixVals = newWordValues(prefixes)
	l.perUnit = figs.set("per", asWritten)
	l.rate = figs.set("rate", asWritten)
	l.relative = figs.set("relative", lowerCase)
	l.timeRef = figs.set("timeRef", lowerCase)
	l.spanPrep = figs.set("spanPrep", lowerCase)
	l.fractionVals = figs.numbers("fraction")
	l.ofDet = figs.set("ofDet", lowerCase)
	l.join = figs.set("join", lowerCase)
	l.approx = figs.set("approx", lowerCase)
	l.change = figs.set("change", lowerCase)
	l.aux = figs.set("aux", lowerCase)
	l.measure = figs.set("measure", lowerCase)
	l.physical = figs.set("physical", lowerCase)
	l.dimension = figs.set("dimension", lowerCase)
	l.demonymCurrency = money.values("demonymCurrency")
	// every word that can open a figure (number words, currency prefixes,
	// weekdays and months), so the figure pass costs one look-up per word
	starts := map[string]bool{}
	for w := range l.fractionVals {
		starts[w] = true
		starts[strings.ToUpper(w[:1])+w[1:]] = true
	}
	for w := range numberWords {
		starts[w] = true
		starts[strings.ToUpper(w[:1])+w[1:]] = true
	}
	for w := range prefixes {
		starts[w] = true
		// the letters before a sign ("US" of "US$", "GH" of "GH₵")
		i := 0
		for i < len(w) && (w[i]|0x20 >= 'a' && w[i]|0x20 <= 'z') {
			i++
		}
		if i > 0 && i < len(w) {
			starts[w[:i]] = true
		}
		l.currencyFirst[w[0]] = true
	}
	for w := range figs.set("date", asWritten) {
		starts[w] = true
	}
	l.figStarts = starts
	l.figFilter = new(wordFilter)
	for w := range starts {
		l.figFilter.add(w)
		l.figFirst[w[0]] = true
	}
	for w := range prefixes {
		l.figFirst[w[0]] = true // the signs: "$", "£" (C2 A3), "€" (E2 82 AC), "฿" (E0 B8 BF)
	}
	l.figStart = newWordList(starts)
	l.figMarks = scanMarks{numbers: true, first: l.figFirst, filter: l.figFilter, list: l.figStart}

	// quotes
	l.qVerbs = map[string]int{}
	for tag, kind := range map[string]int{"say": qvSay, "tell": qvTell, "according": qvAccording, "quoted": qvQuoted} {
		for w := range verbs.set(tag, lowerCase) {
			l.qVerbs[w] = kind
		}
	}
	l.qNews = verbs.set("news", lowerCase)
	l.qPronoun = map[string]model.EntityKind{}
	for w, k := range fn.values("pronoun") {
		l.qPronoun[w] = model.EntityKind(k)
	}
	l.qOrg = companies.set("org", lowerCase)
	l.qLabour = companies.set("labour", lowerCase)
	l.qLabourName = companies.set("labourName", asWritten)
	l.qVoice = companies.set("voice", lowerCase)
	l.qAux = fn.set("aux", lowerCase)
	l.qDet = fn.set("det", lowerCase)
	l.qStop = fn.set("stop", lowerCase)
	l.qLead = people.set("lead", lowerCase)
	l.qParticle = people.set("qparticle", lowerCase)
	l.qModDet = fn.set("moddet", lowerCase)
	l.qConnective = fn.set("connective", lowerCase)
	l.qFunction = fn.set("qfunction", lowerCase)
	l.qRoles = people.list("role", lowerCase)
	l.qAbbrev = readLexFile("abbreviations.txt", false).set("period", lowerCase)

	// ventures
	l.vPastCues = phrases.list("past", lowerCase)
	l.vPast = newPhraseSet(l.vPastCues)
	l.vNotDealMoneyWords = phrases.list("notDealMoney", lowerCase)
	l.vNotDealMoney = newPhraseSet(l.vNotDealMoneyWords)
	l.vPriceWords = phrases.list("price", lowerCase)
	l.vPrice = newPhraseSet(l.vPriceWords)
	l.vValuation = phrases.list("valuation", lowerCase)
	l.vDurationPreps = phrases.list("durationPrep", lowerCase)
	l.vNameCues = phrases.list("nameCue", lowerCase)
	l.vSites = phrases.list("site", lowerCase)
	l.vStakeText = phrases.list("stakeText", lowerCase)
	l.vMoveBefore = phrases.list("moveBefore", lowerCase)
	l.vHeadcount = phrases.list("headcount", lowerCase)
	l.vGoodsOrder = phrases.list("goodsOrder", lowerCase)
	l.vNotDeal = deals.set("notDeal", lowerCase)
	l.vFinancing = deals.set("financing", lowerCase)
	l.vProject = deals.set("project", lowerCase)
	l.vTerm = deals.set("term", lowerCase)
	l.vPlaceFollower = fn.set("placeFollower", lowerCase)
	l.vInvestModified = deals.set("investModified", lowerCase)
	l.vInvestorsNext = deals.set("investorsNext", lowerCase)
	l.vDebt = deals.set("debt", lowerCase)
	l.vWeigh = deals.set("weigh", lowerCase)
	l.vBidOwner = deals.set("bidOwner", lowerCase)
	l.vPassive = fn.set("passive", lowerCase)
	l.clauseBreak = fn.set("clauseBreak", lowerCase)
	l.sinceSubject = fn.set("sinceSubject", lowerCase)
	l.vDealNoun = deals.set("dealNoun", lowerCase)
	l.vBusiness = deals.set("business", lowerCase)
	l.vAdviser = deals.set("adviser", lowerCase)
	for w := range l.vAdviser {
		l.vAdviserFirstLen[w[0]] |= 1 << len(w)
		l.vAdviserFirstLen[w[0]-'a'+'A'] |= 1 << len(w)
	}
	for w := range l.vWeigh {
		bit := uint32(1) << min(len(w), 31) // weighed reads words of up to 16 bytes
		l.vWeighFirstLen[w[0]] |= bit
		if c := w[0]; c >= 'a' && c <= 'z' {
			l.vWeighFirstLen[c-'a'+'A'] |= bit
		}
	}
	return l
}
