package annotate

import (
	"sort"
	"strconv"
	"strings"

	"newsmark/model"
)

// Speaker attribution. For each quoted span, in this order:
//  1. its own sentence after the closing mark: `,” Son said`, `," said X`,
//     `,” X told Y`, `," according to X`, `quoted X as saying`;
//  2. its own sentence before the opening mark: `X said: “`, `X said it was "`;
//  3. the quotation it continues (a paragraph that reopens an unclosed quote);
//  4. an earlier quote of the same paragraph;
//  5. a reporting verb in the sentence before, then in the sentence after;
//  6. the last speaker of the article, else the last person named.
// The speaker next to a verb is a pronoun (most recent person), a noun such
// as "the company" (most recent company that spoke, else named), an entity
// mention, or failing those a capitalised name, which becomes a new person.

// qVerb kinds.
const (
	qvSay = iota + 1
	qvTell
	qvAccording // "according to X"
	qvQuoted    // "quoted X as saying"
)

var qReportingVerbs = map[string]int{
	"said": qvSay, "says": qvSay, "say": qvSay, "saying": qvSay, "added": qvSay, "adds": qvSay, "adding": qvSay,
	"noted": qvSay, "notes": qvSay, "explained": qvSay, "explains": qvSay, "stated": qvSay, "states": qvSay,
	"commented": qvSay, "continued": qvSay, "declared": qvSay, "insisted": qvSay, "insists": qvSay,
	"argued": qvSay, "argues": qvSay, "warned": qvSay, "warns": qvSay, "announced": qvSay, "remarked": qvSay,
	"observed": qvSay, "replied": qvSay, "acknowledged": qvSay, "admitted": qvSay, "stressed": qvSay,
	"emphasised": qvSay, "emphasized": qvSay, "wrote": qvSay, "writes": qvSay, "asked": qvSay,
	"predicted": qvSay, "forecast": qvSay, "conceded": qvSay, "confirmed": qvSay,
	"claimed": qvSay, "claims": qvSay, "maintained": qvSay, "reiterated": qvSay, "recalled": qvSay,
	"urged": qvSay, "suggested": qvSay, "joked": qvSay, "boasted": qvSay, "cautioned": qvSay,
	"mentioned": qvSay, "described": qvSay, "dubbed": qvSay, "tweeted": qvSay,
	"highlighted": qvSay, "underlined": qvSay, "believes": qvSay, "sees": qvSay, "expects": qvSay,
	"thinks": qvSay, "feels": qvSay, "called": qvSay,
	"told": qvTell, "tells": qvTell,
	"according": qvAccording,
	"quoted":    qvQuoted,
}

// qVerbNotAfterFull are verbs that, in the sentence after a quote, start
// news of their own rather than attribute it.
var qVerbNotAfterFull = map[string]bool{
	"announced": true, "confirmed": true, "claimed": true, "believes": true, "sees": true, "expects": true,
	"described": true, "dubbed": true, "thinks": true, "feels": true, "forecast": true, "predicted": true,
}

// qPronouns resolve to the most recent person (or company for "it"/"they").
var qPronouns = map[string]model.EntityKind{
	"he": model.Person, "she": model.Person, "it": model.Company, "they": model.Company,
}

// qOrgNouns are the nouns by which a story names a company it already
// introduced ("the company said") or a voice of it ("a spokeswoman said").
var qOrgNouns = map[string]bool{
	"company": true, "firm": true, "bank": true, "group": true, "insurer": true, "carrier": true, "lender": true,
	"automaker": true, "carmaker": true, "brewer": true, "retailer": true, "statement": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "exchange": true, "maker": true, "giant": true, "operator": true,
	"conglomerate": true, "companies": true, "board": true, "producer": true, "fund": true, "startup": true,
	"start-up": true, "chipmaker": true, "unit": true, "subsidiary": true, "release": true, "announcement": true,
	"filing": true, "owner": true, "buyer": true, "investor": true, "club": true, "union": true, "supplier": true,
}

// qAuxiliaries may stand between a subject and its reporting verb.
var qAuxiliaries = map[string]bool{
	"has": true, "had": true, "have": true, "was": true, "is": true, "were": true, "would": true, "will": true,
	"also": true, "later": true, "then": true, "previously": true, "once": true, "had earlier": true,
}

func qIsLowerStart(s string) bool {
	return s != "" && s[0] >= 'a' && s[0] <= 'z'
}

// qDeterminers start a nominal speaker that is no entity ("one analyst").
var qDeterminers = map[string]bool{"a": true, "an": true, "one": true, "another": true}

// qNominalStop ends a nominal speaker phrase.
var qNominalStop = map[string]bool{
	"quoted": true, "as": true, "at": true, "from": true, "with": true, "who": true, "said": true, "says": true,
	"told": true, "on": true, "to": true, "during": true, "and": true, "but": true, "while": true,
}

// qTitleWords precede a name without being part of it ("CEO Mary Barra").
var qTitleWords = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "dame": true, "lord": true, "prof": true,
	"professor": true, "ceo": true, "cfo": true, "coo": true, "cto": true, "chief": true, "executive": true,
	"officer": true, "president": true, "vice": true, "chairman": true, "chairwoman": true, "chair": true,
	"director": true, "managing": true, "governor": true, "minister": true, "secretary": true, "head": true,
	"founder": true, "co-founder": true, "analyst": true, "senior": true, "general": true, "md": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "manager": true, "partner": true,
	"economist": true, "strategist": true, "chancellor": true, "premier": true, "prime": true, "deputy": true,
	"downstream": true, "upstream": true, "global": true, "group": true, "board": true, "member": true,
	"the": true, "a": true, "an": true, "and": true, "of": true, "its": true, "his": true, "her": true,
	"but": true, "however": true, "meanwhile": true, "also": true, "then": true, "former": true, "new": true,
}

// qNameParticles may sit inside a person's name in lower case.
var qNameParticles = map[string]bool{
	"de": true, "la": true, "van": true, "von": true, "der": true, "al": true, "bin": true, "da": true,
	"del": true, "di": true, "le": true, "du": true, "dos": true,
}

type qAttributor struct {
	d     *qDoc
	toks  []qTok
	spans []qSpan // every quoted span, in order: their words are no one's subject
	// lastCompanySpeaker is the company that most recently spoke (for "the company said")
	lastSpeaker int
	nextID      int
	added       int
}

func newQAttributor(d *qDoc) *qAttributor {
	at := &qAttributor{d: d, lastSpeaker: -1, nextID: 1}
	for _, e := range d.ents {
		if len(e.ID) > 1 && e.ID[0] == 'e' {
			if n, err := strconv.Atoi(e.ID[1:]); err == nil && n >= at.nextID {
				at.nextID = n + 1
			}
		}
	}
	return at
}

// qFound is a speaker: an entity index, or a nominal phrase when ent < 0.
type qFound struct {
	ent     int
	nominal string
}

func (f qFound) ok() bool { return f.ent >= 0 || f.nominal != "" }

var qNone = qFound{ent: -1}

func (at *qAttributor) attribute(spans []qSpan) {
	d := at.d
	at.spans = spans
	// pass 1: each span's own sentence
	for i := range spans {
		s := &spans[i]
		// a quote that ends its sentence ("... done.”) is more often
		// introduced before than attributed after
		full := qEndsSentence(d.body[s.start:s.end])
		if !full {
			if f := at.after(s); f.ok() {
				at.set(s, f, true)
				s.term = s.term && !qLooksSpoken(d.body[s.start:s.end])
				continue
			}
		}
		if !s.cont {
			floor := at.sentenceFloor(s.open)
			if i > 0 && spans[i-1].para == s.para && spans[i-1].closeEnd > floor && spans[i-1].closeEnd <= s.open {
				floor = spans[i-1].closeEnd
			}
			if f := at.before(floor, s.open); f.ok() {
				at.set(s, f, true)
				continue
			}
		}
		if full {
			if f := at.after(s); f.ok() {
				at.set(s, f, true)
			}
		}
	}
	// a quoted phrase between a determiner and a noun names something
	// ("the "battery at any cost" approach") unless a verb introduced it
	for i := range spans {
		if s := &spans[i]; !s.own && !s.term && !s.cont && at.modifierPhrase(s) {
			s.term = true
		}
	}
	// a short full sentence right after a quote is speech too ("This is not a
	// takeover," she said. "Brenner stays Brenner.")
	for i := 1; i < len(spans); i++ {
		s, p := &spans[i], &spans[i-1]
		if t := d.body[s.start:s.end]; s.term && !p.term && p.para == s.para && qEndsSentence(t) && qIsUpperStart(t) &&
			strings.Contains(t, " ") {
			s.term = false
		}
	}
	// pass 2: chains, paragraphs, neighbouring sentences, in reading order
	last := qNone
	chainSpeaker := qNone
	for i := range spans {
		s := &spans[i]
		if !s.cont {
			// a quotation's speaker may be named only in a later piece
			chainSpeaker = qNone
			for j := i; j < len(spans) && (j == i || spans[j].cont); j++ {
				if spans[j].own {
					chainSpeaker = qFound{spans[j].speaker, spans[j].nominal}
					break
				}
			}
		}
		if !s.own {
			f := qNone
			switch {
			case s.cont && chainSpeaker.ok():
				f = chainSpeaker
			case i > 0 && spans[i-1].para == s.para && (spans[i-1].speaker >= 0 || spans[i-1].nominal != ""):
				f = qFound{spans[i-1].speaker, spans[i-1].nominal}
			}
			if !f.ok() {
				f = at.neighbours(s)
			}
			if !f.ok() {
				f = last
			}
			if !f.ok() {
				f = qFound{ent: at.lastMentionOutside(s.open, model.Person)}
			}
			if !f.ok() {
				// the story's first quote, its speaker named just after ("its
				// chief has said. Werner Seifert met ...")
				f = qFound{ent: at.nextPersonAfter(s.end)}
			}
			at.set(s, f, false)
			if !s.cont {
				chainSpeaker = f
			}
		}
		if s.speaker >= 0 || s.nominal != "" {
			last = qFound{s.speaker, s.nominal}
		}
	}
}

// sentenceFloor is where the sentence holding pos starts: the sentence
// list's start, or a later full stop the list missed ("28.1%. Joe said").
func (at *qAttributor) sentenceFloor(pos int) int {
	d := at.d
	floor := d.sents[d.sentOf(pos)].Start
	lo := max(floor, pos-qMaxWindow)
	for i := pos - 1; i >= lo; i-- {
		if c := d.body[i]; (c == '.' || c == '!' || c == '?') && qSentenceBreakAt(d.body[:pos], i) && !at.inQuote(i) {
			j := i + 1
			for j < pos && (qIsSpaceByte(d.body[j]) || d.body[j] == '"' || d.body[j] == ')') {
				j++
			}
			if j < pos && j > floor {
				return j
			}
			break
		}
	}
	return floor
}

// qDeterminers2 may stand before a quoted name used as a modifier.
var qModDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "our": true,
	"this": true, "that": true, "so-called": true,
}

// modifierPhrase reports whether span s sits between a determiner and a
// lower-case noun, with no sentence punctuation of its own.
func (at *qAttributor) modifierPhrase(s *qSpan) bool {
	d := at.d
	t := d.body[s.start:s.end]
	if strings.ContainsAny(t, ".,;:!?") || !s.closed {
		return false
	}
	before := at.windowTokensBack(max(0, s.open-24), s.open)
	if len(before) == 0 || !before[len(before)-1].word || !qModDeterminers[at.word(before[len(before)-1])] {
		return false
	}
	after := qTokens(d.body, s.closeEnd, min(len(d.body), s.closeEnd+24), nil)
	if len(after) == 0 || !after[0].word {
		return false
	}
	w := d.body[after[0].start:after[0].end]
	return !qIsUpperStart(w) && !qNominalStop[qLowerWord(w)] && qReportingVerbs[qLowerWord(w)] == 0
}

func qEndsSentence(t string) bool {
	if t == "" {
		return false
	}
	switch t[len(t)-1] {
	case '.', '!', '?':
		return true
	}
	return false
}

func (at *qAttributor) set(s *qSpan, f qFound, own bool) {
	s.speaker, s.nominal, s.own = f.ent, f.nominal, own
	if f.ent >= 0 {
		at.lastSpeaker = f.ent
	}
}

// qLooksSpoken keeps a short span a reporting verb introduces when it reads
// as speech: it ends in sentence punctuation.
func qLooksSpoken(t string) bool {
	if t == "" {
		return false
	}
	switch t[len(t)-1] {
	case '.', '!', '?', ',':
		return len(strings.Fields(t)) >= 2
	}
	return false
}

func (at *qAttributor) word(t qTok) string { return qLowerWord(at.d.body[t.start:t.end]) }

// windowTokens tokenizes [from, to) into at.toks (reused).
func (at *qAttributor) windowTokens(from, to int) []qTok {
	if to-from > qMaxWindow {
		to = from + qMaxWindow
	}
	at.toks = qTokens(at.d.body, from, to, at.toks[:0])
	return at.toks
}

// after looks for `," X said` right after the closing mark, in the same sentence.
func (at *qAttributor) after(s *qSpan) qFound {
	d := at.d
	if !s.closed {
		return qNone
	}
	from := s.closeEnd
	end := d.paras[s.para].End
	// the sentence after the mark ends at a sentence break or at the next opening mark
	to := from
	for to < end && to-from < qMaxWindow {
		if _, w := qMarkAt(d.body, to); w > 0 {
			break
		}
		if qSentenceBreakAt(d.body[:end], to) {
			break
		}
		to++
	}
	toks := at.windowTokens(from, to)
	// skip the comma or dash that ends the quoted clause
	k := 0
	for k < len(toks) && !toks[k].word {
		k++
	}
	// a new sentence starting after a quote that ended with a full stop must
	// name its speaker at once ("Son said.")
	// the verb comes within a few words, or after an appositive:
	// `," Alois Rhiel, its minister for economic affairs, added`
	limit := 8
	full := qEndsSentence(d.body[s.start:s.end])
	if full {
		// after a full stop only a bare "Son said." names the speaker
		limit = 4
		if k < len(toks) && qConnectives[at.word(toks[k])] {
			return qNone
		}
	}
	comma := false
	for v := k; v < len(toks) && v < k+limit; v++ {
		t := toks[v]
		if !t.word {
			if d.body[t.start] == ',' && v > k && !comma && !full {
				limit = v - k + 18
				comma = true
			}
			continue
		}
		if full && (qVerbNotAfterFull[at.word(t)]) {
			return qNone
		}
		kind := qReportingVerbs[at.word(t)]
		if kind == 0 {
			continue
		}
		if kind == qvAccording {
			if v+1 < len(toks) && at.word(toks[v+1]) == "to" {
				return at.object(toks[v+2:], toks[v+1].end)
			}
			continue
		}
		if kind == qvQuoted {
			return at.quotedAs(toks[v+1:])
		}
		if v+1 < len(toks) && !toks[v+1].word && at.d.body[toks[v+1].start] == ':' {
			return qNone // "He added: “...": it introduces the next quote
		}
		if v > k {
			return at.subject(toks[k].start, t.start, toks[k:v])
		}
		return at.object(toks[v+1:], t.end)
	}
	return qNone
}

// before looks for a reporting verb between floor (sentence start or the
// previous quote) and the opening mark at open.
func (at *qAttributor) before(floor, open int) qFound {
	toks := at.windowTokensBack(floor, open)
	for v := len(toks) - 1; v >= 0; v-- {
		t := toks[v]
		if !t.word {
			continue
		}
		kind := qReportingVerbs[at.word(t)]
		switch kind {
		case 0:
			continue
		case qvAccording:
			if v+1 < len(toks) && at.word(toks[v+1]) == "to" {
				return at.object(toks[v+2:], toks[v+1].end)
			}
			continue
		case qvQuoted:
			return at.quotedAs(toks[v+1:])
		}
		if v > 0 {
			if f := at.subject(toks[0].start, t.start, toks[:v]); f.ok() {
				return f
			}
		}
		// "said X:" with the subject after the verb
		if f := at.object(toks[v+1:], t.end); f.ok() {
			return f
		}
	}
	// no verb: "For Vodafone's chief executive, Nick Read, “...": the
	// name right before the comma or colon that opens the quote
	n := len(toks)
	if n >= 2 && !toks[n-1].word && (at.d.body[toks[n-1].start] == ',' || at.d.body[toks[n-1].start] == ':') {
		ms := at.d.mentionsIn(toks[0].start, toks[n-1].start)
		if len(ms) > 0 && ms[len(ms)-1].end == toks[n-2].end {
			if m := ms[len(ms)-1]; at.d.ents[m.ent].Kind == model.Person {
				return qFound{ent: m.ent}
			}
		}
	}
	return qNone
}

// windowTokensBack tokenizes the last qMaxWindow bytes before to.
func (at *qAttributor) windowTokensBack(from, to int) []qTok {
	if to-from > qMaxWindow {
		from = to - qMaxWindow
		for from < to && !qIsSpaceByte(at.d.body[from]) {
			from++
		}
	}
	at.toks = qTokens(at.d.body, from, to, at.toks[:0])
	return at.toks
}

// neighbours looks for a speaker in the sentence before the quote (same
// paragraph), then in the sentence after it.
func (at *qAttributor) neighbours(s *qSpan) qFound {
	d := at.d
	p := d.paras[s.para]
	si := d.sentOf(s.open)
	if si > 0 && d.sents[si-1].Start >= p.Start {
		ps := d.sents[si-1]
		if !at.hasMark(ps.Start, ps.End) {
			if f := at.before(ps.Start, ps.End); f.ok() {
				return f
			}
		}
	}
	se := d.sentOf(s.end)
	if se+1 < len(d.sents) && d.sents[se+1].End <= p.End {
		ns := d.sents[se+1]
		if !at.hasMark(ns.Start, ns.End) {
			toks := at.windowTokens(ns.Start, ns.End)
			for v := 0; v < len(toks) && v < 8; v++ {
				if qReportingVerbs[at.word(toks[v])] == qvSay && v > 0 {
					return at.subject(toks[0].start, toks[v].start, toks[:v])
				}
			}
		}
	}
	return qNone
}

func (at *qAttributor) hasMark(from, to int) bool {
	for i := from; i < to; i++ {
		if _, w := qMarkAt(at.d.body, i); w > 0 {
			return true
		}
	}
	return false
}

// subject resolves the speaker in front of a verb: toks cover [from, verb).
func (at *qAttributor) subject(from, verb int, toks []qTok) qFound {
	d := at.d
	// trim trailing punctuation (", said" after an appositive)
	n := len(toks)
	for n > 0 && !toks[n-1].word {
		n--
	}
	if n == 0 {
		return qNone
	}
	// auxiliaries between subject and verb: "its chief has said"
	for n > 1 && qAuxiliaries[at.word(toks[n-1])] {
		n--
	}
	lastW := at.word(toks[n-1])
	if k, ok := qPronouns[lastW]; ok {
		if k == model.Person {
			return at.recentPerson(toks[n-1].start)
		}
		return at.recentCompany(toks[n-1].start)
	}
	if f := at.appositive(toks[:n]); f.ok() {
		return f
	}
	ms := d.mentionsIn(from, verb)
	// an entity named right before the verb: "Kroger CEO Rodney McMullen said"
	if len(ms) > 0 {
		lm := ms[len(ms)-1]
		if lm.end >= toks[n-1].end-1 && lm.end <= toks[n-1].end+3 {
			return qFound{ent: lm.ent}
		}
	}
	if qTitleWords[lastW] && !qOrgNouns[lastW] && !qFunctionWords[lastW] && !qConnectives[lastW] &&
		qIsLowerStart(at.d.body[toks[n-1].start:toks[n-1].end]) {
		return qNone // "its chief has said": an official the sentence does not name
	}
	if qOrgNouns[lastW] {
		for _, m := range ms {
			if d.ents[m.ent].Kind == model.Company {
				return qFound{ent: m.ent}
			}
		}
		return at.recentCompany(toks[n-1].start)
	}
	for _, m := range ms {
		if d.ents[m.ent].Kind == model.Person {
			return qFound{ent: m.ent}
		}
	}
	if f := at.nameBefore(toks[:n]); f.ok() {
		return f
	}
	for _, m := range ms {
		if d.ents[m.ent].Kind == model.Company {
			return qFound{ent: m.ent}
		}
	}
	return qNone
}

// object resolves the speaker after a verb: `said X`, `according to X`.
func (at *qAttributor) object(toks []qTok, from int) qFound {
	d := at.d
	// the phrase runs to the first comma or sentence end
	n := 0
	for n < len(toks) && n < 12 {
		if !toks[n].word {
			c := d.body[toks[n].start]
			if c == ',' || c == '.' || c == ';' || c == ':' || c == '(' {
				break
			}
		}
		n++
	}
	if n == 0 {
		return qNone
	}
	first := at.word(toks[0])
	if k, ok := qPronouns[first]; ok {
		if k == model.Person {
			return at.recentPerson(toks[0].start)
		}
		return at.recentCompany(toks[0].start)
	}
	ms := d.mentionsIn(toks[0].start, toks[n-1].end)
	if qDeterminers[first] && (len(ms) == 0 || ms[0].start > toks[1].end) {
		// "said one analyst quoted by ...": a voice that is no entity
		e := 1
		for e < n && !qNominalStop[at.word(toks[e])] {
			e++
		}
		if e > 1 {
			return qFound{ent: -1, nominal: d.body[toks[0].start:toks[e-1].end]}
		}
	}
	for _, m := range ms {
		if d.ents[m.ent].Kind == model.Person {
			return qFound{ent: m.ent}
		}
	}
	if f := at.nameAfter(toks[:n]); f.ok() {
		return f
	}
	if first == "the" && n > 1 && qOrgNouns[at.word(toks[1])] && (len(ms) == 0 || ms[0].start > toks[1].end) {
		return at.recentCompany(toks[0].start)
	}
	for _, m := range ms {
		if d.ents[m.ent].Kind == model.Company {
			return qFound{ent: m.ent}
		}
	}
	return qNone
}

// quotedAs handles "quoted X as saying".
func (at *qAttributor) quotedAs(toks []qTok) qFound {
	for e := 0; e < len(toks) && e < 12; e++ {
		if at.word(toks[e]) == "as" {
			if e == 0 {
				return qNone
			}
			ms := at.d.mentionsIn(toks[0].start, toks[e-1].end)
			for _, m := range ms {
				if at.d.ents[m.ent].Kind == model.Person {
					return qFound{ent: m.ent}
				}
			}
			if len(ms) > 0 {
				return qFound{ent: ms[0].ent}
			}
			return qFound{ent: -1, nominal: at.d.body[toks[0].start:toks[e-1].end]}
		}
	}
	return qNone
}

// inQuote reports whether pos lies inside a quoted span.
func (at *qAttributor) inQuote(pos int) bool {
	i := sort.Search(len(at.spans), func(i int) bool { return at.spans[i].end > pos })
	return i < len(at.spans) && at.spans[i].start <= pos
}

// recentPerson resolves "he"/"she" at pos: the first person named (outside
// quotes) in this sentence before pos, else the subject — the first person
// named — of the nearest sentence before that names one.
func (at *qAttributor) recentPerson(pos int) qFound {
	d := at.d
	si := d.sentOf(pos)
	for j := si; j >= 0 && j > si-6; j-- {
		s := d.sents[j]
		end := s.End
		if j == si {
			end = pos
		}
		for _, m := range d.mentionsIn(s.Start, end) {
			if d.ents[m.ent].Kind == model.Person && !at.inQuote(m.start) {
				return qFound{ent: m.ent}
			}
		}
	}
	return qFound{ent: at.lastMentionOutside(pos, model.Person)}
}

// lastMentionOutside is the most recent mention of kind k before pos that
// is not inside a quotation.
func (at *qAttributor) lastMentionOutside(pos int, k model.EntityKind) int {
	d := at.d
	i := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].start >= pos })
	for j := i - 1; j >= 0 && j >= i-qMaxLookBack; j-- {
		m := d.ments[j]
		if m.end <= pos && d.ents[m.ent].Kind == k && !at.inQuote(m.start) {
			return m.ent
		}
	}
	return -1
}

// nextPersonAfter is the first person named outside quotes within
// qMaxWindow bytes after pos, or -1.
func (at *qAttributor) nextPersonAfter(pos int) int {
	d := at.d
	i := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].start >= pos })
	for ; i < len(d.ments) && d.ments[i].start < pos+qMaxWindow; i++ {
		if m := d.ments[i]; d.ents[m.ent].Kind == model.Person && !at.inQuote(m.start) {
			return m.ent
		}
	}
	return -1
}

// recentCompany resolves "the company said" at pos: the company that last
// spoke ("RIL said ..."), else the company the story has named most so far.
func (at *qAttributor) recentCompany(pos int) qFound {
	d := at.d
	i := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].start >= pos })
	counts := map[int]int{}
	best, bestN := -1, 0
	for j := i - 1; j >= 0 && j >= i-80; j-- {
		m := d.ments[j]
		if d.ents[m.ent].Kind != model.Company || at.inQuote(m.start) {
			continue
		}
		if at.spokeAfter(m.end) {
			return qFound{ent: m.ent}
		}
		counts[m.ent]++
		if counts[m.ent] >= bestN {
			best, bestN = m.ent, counts[m.ent]
		}
	}
	if at.lastSpeaker >= 0 && at.d.ents[at.lastSpeaker].Kind == model.Company {
		return qFound{ent: at.lastSpeaker}
	}
	return qFound{ent: best}
}

// spokeAfter reports whether a reporting verb follows pos within two words.
func (at *qAttributor) spokeAfter(pos int) bool {
	b := at.d.body
	var buf [16]byte
	for k := 0; k < 2; k++ {
		for pos < len(b) && b[pos] == ' ' {
			pos++
		}
		n := 0
		for pos < len(b) && (b[pos] >= 'a' && b[pos] <= 'z' || b[pos] >= 'A' && b[pos] <= 'Z') {
			if n < len(buf) {
				c := b[pos]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[n] = c
			}
			n++
			pos++
		}
		if n == 0 || n > len(buf) {
			return false
		}
		if qReportingVerbs[string(buf[:n])] == qvSay {
			return true
		}
	}
	return false
}

// nameBefore reads a capitalised name that ends the subject ("... analyst at
// X, Kaha Kiknavelidze said") when the entity pass did not find it.
func (at *qAttributor) nameBefore(toks []qTok) qFound {
	e := len(toks)
	s := e
	for s > 0 && toks[s-1].word {
		w := at.d.body[toks[s-1].start:toks[s-1].end]
		if !(qIsUpperStart(w) || qNameParticles[w] && s < e) || qTitleWords[qLowerWord(w)] || qPossessive(w) {
			break
		}
		s--
	}
	return at.nameFrom(toks[s:e])
}

// nameAfter reads a capitalised name after the verb, past titles
// ("said Standard Chartered chief executive Mervyn Davies at ..."): the
// phrase runs through capitalised and title words; the name is its last run.
func (at *qAttributor) nameAfter(toks []qTok) qFound {
	best := qNone
	i := 0
	for i < len(toks) && toks[i].word {
		w := at.d.body[toks[i].start:toks[i].end]
		lw := qLowerWord(w)
		if !qIsUpperStart(w) || qTitleWords[lw] {
			if !qTitleWords[lw] {
				break
			}
			i++
			continue
		}
		j := i
		for j < len(toks) && toks[j].word {
			w := at.d.body[toks[j].start:toks[j].end]
			if !(qIsUpperStart(w) || qNameParticles[w] && j > i) || qTitleWords[qLowerWord(w)] {
				break
			}
			j++
			if qPossessive(w) {
				break
			}
		}
		if run := toks[i:j]; !qPossessive(at.d.body[run[len(run)-1].start:run[len(run)-1].end]) {
			if f := at.nameFrom(run); f.ok() {
				best = f
			}
		}
		i = j
	}
	return best
}

func qPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// qConnectives open a sentence before its subject ("However, X said").
var qConnectives = map[string]bool{
	"and": true, "but": true, "however": true, "meanwhile": true, "also": true, "yet": true, "so": true,
	"still": true, "separately": true, "instead": true, "indeed": true, "now": true, "then": true,
}

// appositive finds "X, chief executive of Y, said" and "X, Y's governor
// said": the subject is the name that opens the clause and a comma follows.
func (at *qAttributor) appositive(toks []qTok) qFound {
	d := at.d
	k := 0
	for k < len(toks) && (!toks[k].word || qConnectives[at.word(toks[k])]) {
		k++
	}
	if k >= len(toks) {
		return qNone
	}
	start := toks[k].start
	end := -1
	ent := -1
	for _, m := range d.mentionsIn(start, toks[len(toks)-1].end) {
		if m.start == start {
			ent, end = m.ent, m.end
			break
		}
	}
	e := k
	if ent < 0 {
		for e < len(toks) && toks[e].word && qIsUpperStart(d.body[toks[e].start:toks[e].end]) {
			e++
		}
		if e == k {
			return qNone
		}
		end = toks[e-1].end
	} else {
		for e < len(toks) && toks[e].start < end {
			e++
		}
	}
	// a comma right after the name, and more words before the verb
	if e+1 >= len(toks) || toks[e].word || d.body[toks[e].start] != ',' || toks[e].start != end {
		return qNone
	}
	if ent >= 0 {
		return qFound{ent: ent}
	}
	return at.nameFrom(toks[k:e])
}

// nameFrom turns a run of capitalised tokens into a person: a known person
// whose canonical name ends with the run's last word, else a new person
// entity when the run has two to four words.
func (at *qAttributor) nameFrom(run []qTok) qFound {
	d := at.d
	for len(run) > 0 && (qTitleWords[qLowerWord(d.body[run[0].start:run[0].end])] ||
		qFunctionWords[qLowerWord(d.body[run[0].start:run[0].end])]) {
		run = run[1:]
	}
	if len(run) == 0 || d.overlapsOther(run[0].start, run[len(run)-1].end) {
		return qNone
	}
	last := d.body[run[len(run)-1].start:run[len(run)-1].end]
	fuzzy := -1
	for i, e := range d.ents {
		if e.Kind != model.Person {
			continue
		}
		c := e.Name()
		if c == last || strings.HasSuffix(c, " "+last) {
			return qFound{ent: i}
		}
		if fuzzy < 0 && len(last) >= 6 {
			if sp := strings.LastIndexByte(c, ' '); sp >= 0 && qEditDistance1(c[sp+1:], last) {
				fuzzy = i
			}
		}
	}
	if fuzzy >= 0 && len(run) == 1 {
		return qFound{ent: fuzzy} // "Mr Mukerjee" for "Pranab Mukherjee": a misspelt surname
	}
	if len(run) < 2 || len(run) > 4 {
		return qNone
	}
	for _, t := range run {
		w := d.body[t.start:t.end]
		if len(w) < 2 || strings.ContainsAny(w, "0123456789") {
			return qNone // an initial or a code, not a name
		}
	}
	name := d.body[run[0].start:run[len(run)-1].end]
	// a company the entity pass knows is no person
	for _, e := range d.ents {
		if e.Kind == model.Company && strings.Contains(e.Name(), name) {
			return qNone
		}
	}
	return qFound{ent: at.addPerson(name, run[0].start)}
}

// qFunctionWords open a sentence in capitals without being a name.
var qFunctionWords = map[string]bool{
	"in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "after": true,
	"before": true, "as": true, "since": true, "last": true, "this": true, "that": true, "it": true, "its": true,
	"while": true, "when": true, "if": true, "under": true, "speaking": true, "asked": true, "according": true,
	"he": true, "she": true, "they": true, "we": true, "i": true, "what": true, "there": true, "both": true,
	"analysts": true, "shares": true, "reports": true, "sources": true, "officials": true, "earlier": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "chairman": true,
}

// qEditDistance1 reports whether a and b differ by at most one insertion,
// deletion or substitution.
func qEditDistance1(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i+1:] == b[i:]
}

// qMaxSearch bounds the bytes searched for a new speaker's mentions.
const qMaxSearch = 1 << 20

// qMaxAdded caps the speakers quotes adds to one article, and so the
// whole-body searches for their mentions.
const qMaxAdded = 32

// addPerson adds a person entity named name, found at offset pos, with all
// its mentions.
func (at *qAttributor) addPerson(name string, pos int) int {
	d := at.d
	for i, e := range d.ents {
		if e.Kind == model.Person && e.Name() == name {
			return i
		}
	}
	if at.added >= qMaxAdded {
		return -1
	}
	at.added++
	e := model.Entity{ID: "e" + strconv.Itoa(at.nextID), Kind: model.Person, Text: name, Canonical: name,
		Cue: "speaker", MetaMentions: []model.MetaMention{}}
	at.nextID++
	e.Mentions = []model.Span{}
	from, to := 0, len(d.body)
	if to > qMaxSearch {
		// a huge body: look for the name's mentions near where it was found
		from, to = max(0, pos-qMaxSearch/2), min(len(d.body), pos+qMaxSearch/2)
	}
	for off := from; off < to; {
		k := strings.Index(d.body[off:to], name)
		if k < 0 {
			break
		}
		s := off + k
		if s2, e2 := qRuneSpan(d.body, s, s+len(name)); s2 == s && e2 == s+len(name) {
			e.Mentions = append(e.Mentions, model.Span{Start: s, End: s + len(name)})
		}
		off = s + len(name)
	}
	d.ents = append(d.ents, e)
	d.indexMentions()
	return len(d.ents) - 1
}
