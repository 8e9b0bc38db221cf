package annotate

import (
	"strconv"
	"strings"

	"newsmark/model"
)

// Names the attributor reads itself when the entity pass found none: the
// capitalised run next to a reporting verb, an appositive, a misspelt
// surname; a new speaker becomes a person entity.

// nameBefore reads a capitalised name that ends the subject ("... analyst at
// X, Kaha Kiknavelidze said") when the entity pass did not find it.
func (at *qAttributor) nameBefore(toks []qTok) qFound {
	e := len(toks)
	s := e
	for s > 0 && toks[s-1].word {
		w := at.d.body[toks[s-1].start:toks[s-1].end]
		if !(qIsUpperStart(w) || lex.qParticle[w] && s < e) || lex.qLead[qLowerWord(w)] || qPossessive(w) {
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
		if !qIsUpperStart(w) || lex.qLead[lw] {
			if !lex.qLead[lw] {
				break
			}
			i++
			continue
		}
		j := i
		for j < len(toks) && toks[j].word {
			w := at.d.body[toks[j].start:toks[j].end]
			if !(qIsUpperStart(w) || lex.qParticle[w] && j > i) || lex.qLead[qLowerWord(w)] {
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

// appositive finds "X, chief executive of Y, said" and "X, Y's governor
// said": the subject is the name that opens the clause and a comma follows.
func (at *qAttributor) appositive(toks []qTok) qFound {
	d := at.d
	k := 0
	for k < len(toks) && (!toks[k].word || lex.qConnective[at.word(toks[k])]) {
		k++
	}
	if k >= len(toks) {
		return qNone
	}
	start := toks[k].start
	end := -1
	ent := -1
	for _, m := range d.mentionsIn(start, toks[len(toks)-1].end) {
		if int(m.start) == start {
			ent, end = int(m.ent), int(m.end)
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
	for len(run) > 0 && (lex.qLead[d.lw(run[0].start, run[0].end)] ||
		lex.qFunction[d.lw(run[0].start, run[0].end)]) {
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
	if at.added >= qMaxAdded || d.never != nil && d.never(name) {
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
