package annotate

import (
	"sort"
	"strings"

	"newsmark/model"
)

// Resolving who is next to a reporting verb: the subject before it, the
// object after it, pronouns and "the company".

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
	for n > 1 && lex.qAux[at.word(toks[n-1])] {
		n--
	}
	lastW := at.word(toks[n-1])
	if k, ok := lex.qPronoun[lastW]; ok {
		if k == model.Person {
			return at.recentPerson(toks[n-1].start)
		}
		return at.recentCompany(toks[n-1].start)
	}
	// "the union said", "a union spokesman said": a union, which is no company
	if u := n - 1; lex.qLabour[lastW] || n > 1 && lex.qOrg[lastW] && lex.qLabour[at.word(toks[n-2])] {
		if !lex.qLabour[lastW] {
			u = n - 2
		}
		if !qIsUpperStart(d.body[toks[u].start:toks[u].end]) { // "Harbour Credit Union said": a name
			return at.unionVoice(toks[max(0, u-1)].start, toks[u].end)
		}
	}
	if f := at.appositive(toks[:n]); f.ok() {
		return f
	}
	ms := d.mentionsIn(from, verb)
	// an entity named right before the verb: "Kroger CEO Rodney McMullen said"
	if len(ms) > 0 {
		lm := ms[len(ms)-1]
		if int(lm.end) >= toks[n-1].end-1 && int(lm.end) <= toks[n-1].end+3 {
			return qFound{ent: int(lm.ent)}
		}
	}
	if lex.qLead[lastW] && !lex.qOrg[lastW] && !lex.qFunction[lastW] && !lex.qConnective[lastW] &&
		qIsLowerStart(at.d.body[toks[n-1].start:toks[n-1].end]) {
		return qNone // "its chief has said": an official the sentence does not name
	}
	if lex.qOrg[lastW] {
		for _, m := range ms {
			if d.ents[m.ent].Kind == model.Company {
				return qFound{ent: int(m.ent)}
			}
		}
		return at.recentCompany(toks[n-1].start)
	}
	for _, m := range ms {
		if d.ents[m.ent].Kind == model.Person {
			return qFound{ent: int(m.ent)}
		}
	}
	if f := at.nameBefore(toks[:n]); f.ok() {
		return f
	}
	for _, m := range ms {
		if d.ents[m.ent].Kind == model.Company {
			return qFound{ent: int(m.ent)}
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
	if k, ok := lex.qPronoun[first]; ok {
		if k == model.Person {
			return at.recentPerson(toks[0].start)
		}
		return at.recentCompany(toks[0].start)
	}
	ms := d.mentionsIn(toks[0].start, toks[n-1].end)
	// "said the union", "said the pilots' union"
	for e := 0; e < n && e < 4; e++ {
		if lex.qLabour[at.word(toks[e])] && (len(ms) == 0 || int(ms[0].start) > toks[e].start) &&
			!qIsUpperStart(d.body[toks[e].start:toks[e].end]) {
			return at.unionVoice(toks[0].start, toks[e].end)
		}
	}
	if lex.qDet[first] && (len(ms) == 0 || int(ms[0].start) > toks[1].end) {
		// "said one analyst quoted by ...": a voice that is no entity
		e := 1
		for e < n && !lex.qStop[at.word(toks[e])] {
			e++
		}
		if e > 1 {
			return qFound{ent: -1, nominal: d.body[toks[0].start:toks[e-1].end]}
		}
	}
	for _, m := range ms {
		if d.ents[m.ent].Kind == model.Person {
			return qFound{ent: int(m.ent)}
		}
	}
	if f := at.nameAfter(toks[:n]); f.ok() {
		return f
	}
	if first == "the" && n > 1 && lex.qOrg[at.word(toks[1])] && (len(ms) == 0 || int(ms[0].start) > toks[1].end) {
		return at.recentCompany(toks[0].start)
	}
	for _, m := range ms {
		if d.ents[m.ent].Kind == model.Company {
			return qFound{ent: int(m.ent)}
		}
	}
	return qNone
}

// unionVoice resolves a union named as a speaker ("the union", "the
// pilots' union"; the phrase from start to end) to the union the story
// named last, up to the phrase: a name ending in a union word ("National
// Union of Rail Workers", "Teamsters") within qUnionReach bytes, else a
// lower-case one ("the pilots' union", "the Unite union"). A union is no
// company (the entity pass marks none), so it is a nominal speaker; a name
// that is an entity ("Harbour Credit Union", a business) is that entity.
// With no union named, the phrase itself speaks ("the union").
func (at *qAttributor) unionVoice(start, end int) qFound {
	d := at.d
	from := max(0, end-qUnionReach)
	toks := d.words(from, end, at.toks[:0])
	at.toks = toks
	lower := qNone
	for k := len(toks) - 1; k >= 0; k-- {
		t := toks[k]
		if !t.word {
			continue
		}
		w := d.body[t.start:t.end]
		if lex.qLabourName[w] {
			s, e := at.unionName(toks, k)
			if e > t.end || s < t.start { // a name of more than the one word
				return at.nameOrEntity(s, e)
			}
			continue
		}
		if lower.ok() || !lex.qLabour[qLowerWord(w)] || k == 0 {
			continue
		}
		// "the Unite union" is Unite; "the pilots' union" is itself
		p := k - 1
		if c := d.body[toks[p].start]; !toks[p].word && p > 0 && (c == '\'' || strings.HasPrefix(d.body[toks[p].start:], "’")) {
			p-- // "pilots’ union"
		}
		if !toks[p].word {
			continue
		}
		pw := d.body[toks[p].start:toks[p].end]
		switch lp := qLowerWord(pw); {
		case qIsUpperStart(pw) && p == k-1:
			if s, _ := at.unionName(toks, p); s < toks[p].start || !lex.qDet[lp] && lp != "the" {
				lower = at.nameOrEntity(s, toks[p].end)
			}
		case !qIsUpperStart(pw) && !lex.qDet[lp] && lp != "the" && lp != "its" && lp != "their":
			lower = qFound{ent: -1, nominal: d.body[toks[p].start:t.end]}
		}
	}
	if lower.ok() {
		return lower
	}
	return qFound{ent: -1, nominal: d.body[start:end]}
}

// unionName returns the bounds of the capitalised name that holds word k
// of toks: its capitalised words and the small words between them ("of",
// "and", "the"), and an "of ..." after it ("Union of Rail Workers").
func (at *qAttributor) unionName(toks []qTok, k int) (int, int) {
	d := at.d
	capAt := func(i int) bool {
		return i >= 0 && i < len(toks) && toks[i].word && qIsUpperStart(d.body[toks[i].start:toks[i].end])
	}
	inner := func(i int) bool {
		w := qLowerWord(d.body[toks[i].start:toks[i].end])
		return toks[i].word && (w == "of" || w == "and" || w == "the" || w == "for") || d.body[toks[i].start] == '&'
	}
	// "Workers' Union": a plural's apostrophe, glued to it, joins the name
	apos := func(i int) bool {
		t := toks[i]
		return !t.word && i > 0 && t.start == toks[i-1].end &&
			(d.body[t.start] == '\'' || strings.HasPrefix(d.body[t.start:], "’"))
	}
	s := k
	for s > 0 {
		switch {
		case capAt(s - 1):
			s--
			continue
		case s > 1 && (inner(s-1) || apos(s-1)) && capAt(s-2):
			s -= 2
			continue
		}
		break
	}
	if s < k && d.body[toks[s].start:toks[s].end] == "The" {
		s++
	}
	e := k
	for e+2 < len(toks) && (inner(e+1) || apos(e+1)) && capAt(e+2) {
		e += 2
		for capAt(e + 1) {
			e++
		}
	}
	return toks[s].start, toks[e].end
}

// nameOrEntity is the speaker named at [s, e): the entity mentioned there,
// else the words themselves.
func (at *qAttributor) nameOrEntity(s, e int) qFound {
	for _, m := range at.d.mentionsIn(s, e) {
		if int(m.start) <= s+1 && int(m.end) >= e-1 {
			return qFound{ent: int(m.ent)}
		}
	}
	return qFound{ent: -1, nominal: at.d.body[s:e]}
}

// qUnionReach is how far back "the union" looks for the union's name.
const qUnionReach = 2400

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
					return qFound{ent: int(m.ent)}
				}
			}
			if len(ms) > 0 {
				return qFound{ent: int(ms[0].ent)}
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
			if d.ents[m.ent].Kind == model.Person && !at.inQuote(int(m.start)) {
				return qFound{ent: int(m.ent)}
			}
		}
	}
	return qFound{ent: at.lastMentionOutside(pos, model.Person)}
}

// lastMentionOutside is the most recent mention of kind k before pos that
// is not inside a quotation.
func (at *qAttributor) lastMentionOutside(pos int, k model.EntityKind) int {
	d := at.d
	i := sort.Search(len(d.ments), func(i int) bool { return int(d.ments[i].start) >= pos })
	for j := i - 1; j >= 0 && j >= i-qMaxLookBack; j-- {
		m := d.ments[j]
		if int(m.end) <= pos && d.ents[m.ent].Kind == k && !at.inQuote(int(m.start)) {
			return int(m.ent)
		}
	}
	return -1
}

// nextPersonAfter is the first person named outside quotes within
// qMaxWindow bytes after pos, or -1.
func (at *qAttributor) nextPersonAfter(pos int) int {
	d := at.d
	i := sort.Search(len(d.ments), func(i int) bool { return int(d.ments[i].start) >= pos })
	for ; i < len(d.ments) && int(d.ments[i].start) < pos+qMaxWindow; i++ {
		if m := d.ments[i]; d.ents[m.ent].Kind == model.Person && !at.inQuote(int(m.start)) {
			return int(m.ent)
		}
	}
	return -1
}

// recentCompany resolves "the company said" at pos: the company that last
// spoke ("RIL said ..."), else the company the story has named most so far.
func (at *qAttributor) recentCompany(pos int) qFound {
	d := at.d
	// "“…,” Al Suwaidi said. The company said …": the company of the person
	// who has just spoken
	if p := at.lastSpeaker; p >= 0 && d.ents[p].Kind == model.Person && pos >= at.lastSpeakerEnd &&
		pos-at.lastSpeakerEnd < 300 {
		if c := at.employer(p, pos); c >= 0 {
			return qFound{ent: c}
		}
	}
	i := sort.Search(len(d.ments), func(i int) bool { return int(d.ments[i].start) >= pos })
	var counts [][2]int // entity, mentions: few companies per story, so a slice beats a map
	best, bestN := -1, 0
	for j := i - 1; j >= 0 && j >= i-80; j-- {
		m := d.ments[j]
		if d.ents[m.ent].Kind != model.Company || at.inQuote(int(m.start)) {
			continue
		}
		if at.spokeAfter(int(m.end)) || at.spokeAfterAside(int(m.end), pos) {
			return qFound{ent: int(m.ent)}
		}
		x := 0
		for x < len(counts) && counts[x][0] != int(m.ent) {
			x++
		}
		if x == len(counts) {
			counts = append(counts, [2]int{int(m.ent), 0})
		}
		counts[x][1]++
		if counts[x][1] >= bestN {
			best, bestN = int(m.ent), counts[x][1]
		}
	}
	if at.lastSpeaker >= 0 && at.d.ents[at.lastSpeaker].Kind == model.Company {
		return qFound{ent: at.lastSpeaker}
	}
	return qFound{ent: best}
}

func qHasRole(s string) bool {
	for _, w := range lex.qRoles {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// employer returns the company person p works for, read where the story
// introduces p before limit: "Its managing director, X" (the company the
// sentence before was about), "Y's chief executive X", "X, chief executive
// of Y"; or -1.
func (at *qAttributor) employer(p, limit int) int {
	d := at.d
	// "Al Suwaidi" may stand apart from the "Omar Al Suwaidi" the story
	// introduced: either name's introduction tells the employer
	name := " " + d.ents[p].Name()
	same := func(e int) bool {
		return e == p || d.ents[e].Kind == model.Person && strings.HasSuffix(d.ents[e].Name(), name)
	}
	// the earliest mention among the last qMaxLookBack: bounded, so a huge
	// story stays linear
	i := sort.Search(len(d.ments), func(i int) bool { return int(d.ments[i].start) >= limit })
	first := -1
	for j := i - 1; j >= 0 && j >= i-qMaxLookBack; j-- {
		if m := d.ments[j]; same(int(m.ent)) && !at.inQuote(int(m.start)) {
			first = j
		}
	}
	if first >= 0 {
		m := d.ments[first]
		si := d.sentOf(int(m.start))
		s := d.sents[si]
		before := d.lowerAt(max(s.Start, int(m.start-48)), int(m.start))
		if qHasRole(before) {
			// "Y's managing director X", "Y chief executive X": the company just before
			for _, c := range d.mentionsIn(max(s.Start, int(m.start-48)), int(m.start)) {
				if d.ents[c.ent].Kind == model.Company {
					return int(c.ent)
				}
			}
			// "Its managing director, X": the company the sentence before was about
			if s.Start+4 <= len(d.body) && d.lowerAt(s.Start, s.Start+4) == "its " && si > 0 {
				ps := d.sents[si-1]
				for _, c := range d.mentionsIn(ps.Start, min(ps.End, ps.Start+80)) {
					if d.ents[c.ent].Kind == model.Company && !at.inQuote(int(c.start)) {
						return int(c.ent)
					}
				}
			}
		}
		after := d.lowerAt(int(m.end), min(s.End, int(m.end+64)))
		if strings.HasPrefix(after, ", ") && qHasRole(after) {
			if k := strings.Index(after, " of "); k >= 0 {
				for _, c := range d.mentionsIn(int(m.end)+k+4, min(s.End, int(m.end)+k+4+60)) {
					if d.ents[c.ent].Kind == model.Company && int(c.start) == int(m.end)+k+4 {
						return int(c.ent)
					}
				}
			}
		}
	}
	return -1
}

// spokeAfterAside reports whether a reporting verb follows a ", which ...,"
// or ", who ...," aside that opens at pos and closes before limit
// ("Auerbach, which bought Brandauer in 2018, said the sale ...").
func (at *qAttributor) spokeAfterAside(pos, limit int) bool {
	b := at.d.body
	if !strings.HasPrefix(b[pos:], ", which ") && !strings.HasPrefix(b[pos:], ", who ") {
		return false
	}
	end := min(limit, pos+240, len(b))
	if end <= pos+2 {
		return false
	}
	k := strings.IndexByte(b[pos+2:end], ',')
	return k >= 0 && at.spokeAfter(pos+2+k+1)
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
		if lex.qVerbs[string(buf[:n])] == qvSay {
			return true
		}
	}
	return false
}
