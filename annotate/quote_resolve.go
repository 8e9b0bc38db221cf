package annotate

import (
	"sort"

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
