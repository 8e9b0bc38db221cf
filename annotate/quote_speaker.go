package annotate

import (
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
//
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

// qAttributor resolves the speakers of one article's quoted spans.
type qAttributor struct {
	d     *doc
	toks  []qTok
	spans []qSpan // every quoted span, in order: their words are no one's subject
	// lastCompanySpeaker is the company that most recently spoke (for "the company said")
	lastSpeaker    int
	lastSpeakerEnd int // where the last attributed quotation ended
	nextID         int
	added          int
}

func newQAttributor(d *doc) *qAttributor {
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
				at.set(s, f, true, "after")
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
				at.set(s, f, true, "before")
				continue
			}
		}
		if full {
			if f := at.after(s); f.ok() {
				at.set(s, f, true, "after")
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
			f, cue := qNone, ""
			switch {
			case s.cont && chainSpeaker.ok():
				f, cue = chainSpeaker, "chain"
			case i > 0 && spans[i-1].para == s.para && (spans[i-1].speaker >= 0 || spans[i-1].nominal != ""):
				f, cue = qFound{spans[i-1].speaker, spans[i-1].nominal}, "paragraph"
			}
			if !f.ok() {
				f, cue = at.neighbours(s), "neighbour"
			}
			if !f.ok() && !s.cont {
				// a paragraph that introduces a person before a quote of its own
				// hands the quote to that person
				if p := at.paragraphSubject(s); p >= 0 && last.ok() && p != last.ent {
					f, cue = qFound{ent: p}, "new-speaker"
				}
			}
			if !f.ok() {
				f, cue = last, "last-speaker"
			}
			if !f.ok() {
				f, cue = qFound{ent: at.lastMentionOutside(s.open, model.Person)}, "last-person"
			}
			if !f.ok() {
				// the story's first quote, its speaker named just after ("its
				// chief has said. Werner Seifert met ...")
				f, cue = qFound{ent: at.nextPersonAfter(s.end)}, "next-person"
			}
			if !f.ok() && at.companyVoice(s) {
				// "The latest warning, blamed on “…”": the company's message
				f, cue = at.recentCompany(s.open), "company-voice"
			}
			at.set(s, f, false, cue)
			if !s.cont {
				chainSpeaker = f
			}
		}
		if s.speaker >= 0 || s.nominal != "" {
			last = qFound{s.speaker, s.nominal}
		}
	}
}

// paragraphSubject returns the person who opens the paragraph before span
// s when s opens a paragraph of its own, that paragraph holds no quotation
// and opens with that person's name, after titles and connectives at most
// ("Tom Reyes, an analyst at Harbour Bank, was less sure."); or -1.
func (at *qAttributor) paragraphSubject(s *qSpan) int {
	d := at.d
	if s.para == 0 || strings.TrimSpace(d.body[d.paras[s.para].Start:s.open]) != "" {
		return -1
	}
	p := d.paras[s.para-1]
	if at.hasMark(p.Start, p.End) {
		return -1
	}
	ms := d.mentionsIn(p.Start, min(p.End, p.Start+qSubjectReach))
	if len(ms) == 0 || d.ents[ms[0].ent].Kind != model.Person {
		return -1
	}
	// only titles, capitals and connectives before it: "But analyst Tom
	// Reyes", not "The firm, founded by Tom Reyes"
	for _, t := range d.words(p.Start, int(ms[0].start), at.toks[:0]) {
		if w := d.body[t.start:t.end]; !t.word || !qIsUpperStart(w) && !lex.qLead[at.word(t)] && !lex.qConnective[at.word(t)] {
			return -1
		}
	}
	return int(ms[0].ent)
}

// qSubjectReach is how far into a paragraph its subject's name may start
// ("But Harbour Bank analyst Tom Reyes ...").
const qSubjectReach = 48

// companyVoice reports whether the sentence of span s, outside its quote,
// speaks of a company's message ("the latest warning", "the statement").
func (at *qAttributor) companyVoice(s *qSpan) bool {
	d := at.d
	sent := d.sents[d.sentOf(s.open)]
	for _, r := range [2][2]int{{sent.Start, s.open}, {s.closeEnd, sent.End}} {
		if r[0] >= r[1] {
			continue
		}
		for _, t := range d.words(r[0], min(r[1], r[0]+qMaxWindow), at.toks[:0]) {
			if t.word && lex.qVoice[at.word(t)] {
				return true
			}
		}
	}
	return false
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

// modifierPhrase reports whether span s sits between a determiner and a
// lower-case noun, with no sentence punctuation of its own.
func (at *qAttributor) modifierPhrase(s *qSpan) bool {
	d := at.d
	t := d.body[s.start:s.end]
	if strings.ContainsAny(t, ".,;:!?") || !s.closed {
		return false
	}
	before := at.windowTokensBack(max(0, s.open-24), s.open)
	if len(before) == 0 || !before[len(before)-1].word || !lex.qModDet[at.word(before[len(before)-1])] {
		return false
	}
	after := d.words(s.closeEnd, min(len(d.body), s.closeEnd+24), nil)
	if len(after) == 0 || !after[0].word {
		return false
	}
	w := d.body[after[0].start:after[0].end]
	return !qIsUpperStart(w) && !lex.qStop[qLowerWord(w)] && lex.qVerbs[qLowerWord(w)] == 0
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

// set gives span s the speaker f, found by the rule named cue (own: in
// the span's own sentence).
func (at *qAttributor) set(s *qSpan, f qFound, own bool, cue string) {
	s.speaker, s.nominal, s.own = f.ent, f.nominal, own
	if f.ok() {
		s.cue = cue
	}
	if f.ent >= 0 {
		at.lastSpeaker, at.lastSpeakerEnd = f.ent, s.closeEnd
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

func (at *qAttributor) word(t qTok) string { return at.d.lw(t.start, t.end) }

// windowTokens tokenizes [from, to) into at.toks (reused).
func (at *qAttributor) windowTokens(from, to int) []qTok {
	return at.firstWindowTokens(from, to, to-from)
}

// firstWindowTokens is windowTokens cut after its first n words.
func (at *qAttributor) firstWindowTokens(from, to, n int) []qTok {
	if to-from > qMaxWindow {
		to = from + qMaxWindow
	}
	at.toks = at.d.firstWords(from, to, n, at.toks[:0])
	return at.toks
}

// qAfterWords is how many words after, with its subject and object, reads
// past the punctuation that opens the window (at most 26 to the verb, 12
// after it): the words after a quote it asks for first.
const qAfterWords = 40

// qMarkOrStop marks the bytes that may begin a quotation mark (qMarkAt) or
// end a sentence (qSentenceBreakAt): only those need a closer look.
var qMarkOrStop = [256]bool{'"': true, 0xE2: true, '.': true, '!': true, '?': true}

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
		if qMarkOrStop[d.body[to]] {
			if _, w := qMarkAt(d.body, to); w > 0 {
				break
			}
			if qSentenceBreakAt(d.body[:end], to) {
				break
			}
		}
		to++
	}
	// the words the reading below may reach: qAfterWords past the
	// punctuation that opens the window, else the whole window
	toks := at.firstWindowTokens(from, to, qAfterWords+2)
	// skip the comma or dash that ends the quoted clause
	k := 0
	for k < len(toks) && !toks[k].word {
		k++
	}
	if len(toks) == qAfterWords+2 && k > 2 {
		toks = at.windowTokens(from, to)
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
		if k < len(toks) && lex.qConnective[at.word(toks[k])] {
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
		if full && (lex.qNews[at.word(t)]) {
			return qNone
		}
		kind := lex.qVerbs[at.word(t)]
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
		kind := lex.qVerbs[at.word(t)]
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
		if len(ms) > 0 && int(ms[len(ms)-1].end) == toks[n-2].end {
			if m := ms[len(ms)-1]; at.d.ents[m.ent].Kind == model.Person {
				return qFound{ent: int(m.ent)}
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
	at.toks = at.d.words(from, to, at.toks[:0])
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
			toks := at.firstWindowTokens(ns.Start, ns.End, 8) // the words read below
			for v := 0; v < len(toks) && v < 8; v++ {
				if lex.qVerbs[at.word(toks[v])] == qvSay && v > 0 {
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
