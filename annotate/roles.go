package annotate

import (
	"slices"
	"strings"

	"newsmark/model"
)

// Roles tie a person to a company with a title, as the text says it
// (annotations schema 2). The rule reads only the few words between two
// names, so a tie needs the names side by side:
//
//	Kestrel's chief executive Fiona Marr      company, title, person
//	Kestrel chief executive Fiona Marr
//	Fiona Marr, Kestrel's chief executive     person, company, title
//	Fiona Marr, the chief executive of Kestrel person, title, company
//	a spokeswoman for Kestrel, Fiona Marr      title, company, person
//	Fiona Marr, who heads Kestrel              person, verb, company
//
// Nothing is guessed from two names merely sharing a sentence: a missed
// tie costs less on a company page than a wrong one.

// roleTitles are the words that name a post at a company, lower case,
// written from general knowledge of corporate titles. At a place the
// longest wins ("chief executive officer" over "chief executive").
var roleTitles = []string{
	"chief executive officer", "chief executive", "chief financial officer", "chief operating officer",
	"chief technology officer", "chief investment officer", "chief commercial officer", "chief strategy officer",
	"chief marketing officer", "chief information officer", "chief legal officer", "chief people officer",
	"chief economist", "chief scientist", "chief", "ceo", "cfo", "coo", "cto", "cio",
	"executive chairman", "executive chairwoman", "executive chair", "vice chairman", "vice chairwoman", "vice chair",
	"chairman", "chairwoman", "chairperson", "chair", "president", "vice president", "senior vice president",
	"executive vice president", "co-founder", "cofounder", "founder", "managing director", "executive director",
	"non-executive director", "director", "general counsel", "treasurer", "managing partner", "general partner",
	"partner", "general manager", "country manager", "portfolio manager", "fund manager", "spokesman", "spokeswoman",
	"spokesperson", "representative", "analyst", "economist", "strategist", "owner", "boss", "board member",
	"executive", "head",
}

// roleModifiers may stand before a title and belong to it ("interim chief
// executive", "co-chief executive").
var roleModifiers = []string{"interim ", "acting ", "former ", "new ", "deputy ", "group ", "joint ", "senior ",
	"global ", "outgoing ", "incoming ", "co-"}

// roleVerbs are "who heads X" and the title each stands for.
var roleVerbs = []struct{ text, title string }{
	{"who heads ", "head"}, {"who runs ", "head"}, {"who leads ", "head"}, {"who founded ", "founder"},
	{"who co-founded ", "co-founder"}, {"who chairs ", "chair"}, {"who owns ", "owner"}, {"who manages ", "manager"},
}

// Between a person and a title after it; between a title and the company
// after it; between a company and the title after it.
var (
	roleLeadIns = []string{", the ", ", a ", ", an ", ", ", " ("}
	rolePreps   = []string{" of the ", " at the ", " for the ", " of ", " at ", " for ", " with "}
	rolePossess = []string{"'s ", "’s ", "' ", "’ ", " "}
)

// roleTail are the words that may follow a title that ends a clause
// ("Fiona Marr, Kestrel's chief executive, said"): a title followed by
// another lower-case word is likely some other phrase ("Kestrel's chief
// rival").
var roleTail = []string{"said", "says", "told", "added", "adds", "who", "and", "has", "had", "is", "was", "will",
	"would", "declined", "wrote", "writes", "since", "until"}

// roleGap is the most bytes read between two names.
const roleGap = 80

// roleMent is a mention of a person or a company.
type roleMent struct {
	model.Span
	ent *model.Entity
}

// findRoles ties the people of ents to their companies where body names
// them side by side with a title: one role per person and company, the
// first the text gives, in order of the text. It is never nil.
func findRoles(body string, ents []model.Entity) []model.Role {
	n := 0
	for i := range ents {
		if k := ents[i].Kind; k == model.Person || k == model.Company {
			n += len(ents[i].Mentions)
		}
	}
	ms := make([]roleMent, 0, n) // sized once: a long text has tens of thousands
	for i := range ents {
		e := &ents[i]
		if e.Kind != model.Person && e.Kind != model.Company {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start >= 0 && m.End <= len(body) && m.Start < m.End {
				ms = append(ms, roleMent{m, e})
			}
		}
	}
	ms = sortRoleMents(ms)
	roles := []model.Role{}
	seen := map[[2]string]bool{}
	add := func(p, c roleMent, title model.Span, verbTitle string) {
		if p.ent.Kind != model.Person || c.ent.Kind != model.Company || seen[[2]string{p.ent.ID, c.ent.ID}] {
			return
		}
		seen[[2]string{p.ent.ID, c.ent.ID}] = true
		t := verbTitle
		if t == "" {
			t = body[title.Start:title.End]
		}
		ev := model.Span{Start: min(p.Start, c.Start, title.Start), End: max(p.End, c.End, title.End)}
		roles = append(roles, model.Role{Person: p.ent.Name(), PersonID: p.ent.ID, Company: c.ent.Name(),
			CompanyID: c.ent.ID, Title: t, Evidence: ev})
	}
	for i, m := range ms {
		next, hasNext := roleMent{}, i+1 < len(ms) && ms[i+1].Start >= m.End
		if hasNext {
			next = ms[i+1]
		}
		end := min(len(body), m.End+roleGap)
		if hasNext {
			end = min(end, next.Start)
		}
		after := body[m.End:end]
		switch m.ent.Kind {
		case model.Company:
			// Kestrel's chief executive Fiona Marr; Fiona Marr, Kestrel's chief executive
			g, ok := cutAny(after, rolePossess)
			if !ok {
				break
			}
			t, ok := titleAt(body, m.End+len(after)-len(g))
			if !ok || t.End > end {
				break
			}
			rest := body[t.End:end]
			if hasNext && (rest == " " || rest == ", ") {
				add(next, m, t, "")
			}
			if i > 0 && ms[i-1].End <= m.Start && body[ms[i-1].End:m.Start] == ", " && roleClauseEnd(body[t.End:]) {
				add(ms[i-1], m, t, "")
			}
		case model.Person:
			if !hasNext || next.ent.Kind != model.Company {
				break
			}
			// Fiona Marr, who heads Kestrel
			for _, v := range roleVerbs {
				a, comma := strings.CutPrefix(after, ", ")
				if g, ok := strings.CutPrefix(a, v.text); comma && ok && (g == "" || g == "the ") {
					add(m, next, model.Span{Start: m.End + 2, End: m.End + 2 + len(v.text) - 1}, v.title)
				}
			}
			// Fiona Marr, the chief executive of Kestrel
			g, ok := cutAny(after, roleLeadIns)
			if !ok {
				break
			}
			t, ok := titleAt(body, m.End+len(after)-len(g))
			if !ok || t.End > next.Start {
				break
			}
			if slices.Contains(rolePreps, body[t.End:next.Start]) {
				add(m, next, t, "")
			}
		}
		// a spokeswoman for Kestrel, Fiona Marr
		if m.ent.Kind == model.Company && hasNext && next.ent.Kind == model.Person && body[m.End:next.Start] == ", " {
			if t, ok := titleBefore(body, m.Start, ms, i); ok {
				add(next, m, t, "")
			}
		}
	}
	return roles
}

// sortRoleMents sorts ms by start. Starts are all distinct in practice (a
// place holds one mention), and then the order is the one order: it sorts
// packed start-and-index keys, several times quicker than sorting the
// 24-byte mentions through a func; with a start shared, it sorts as it
// always did.
func sortRoleMents(ms []roleMent) []roleMent {
	keys := make([]uint64, len(ms))
	for i, m := range ms {
		if m.Start >= 1<<32 || len(ms) >= 1<<32 {
			keys = nil
			break
		}
		keys[i] = uint64(m.Start)<<32 | uint64(i)
	}
	if keys != nil {
		keys = radixSortHigh(keys)
		dup := false
		for i := 1; i < len(keys); i++ {
			if keys[i]>>32 == keys[i-1]>>32 {
				dup = true
				break
			}
		}
		if !dup {
			out := make([]roleMent, len(ms))
			for i, k := range keys {
				out[i] = ms[uint32(k)]
			}
			return out
		}
	}
	slices.SortFunc(ms, func(a, b roleMent) int { return a.Start - b.Start })
	return ms
}

// radixSortHigh sorts keys by their high 32 bits, stably (11 bits a
// pass, as many passes as the largest key needs): keys made in index
// order come out as slices.Sort would put them, in linear time.
func radixSortHigh(keys []uint64) []uint64 {
	var top uint64
	for _, k := range keys {
		top = max(top, k>>32)
	}
	const bits = 11
	tmp := make([]uint64, len(keys))
	for shift := uint(32); shift < 64 && top>>(shift-32) > 0; shift += bits {
		var count [1 << bits]int
		for _, k := range keys {
			count[k>>shift&(1<<bits-1)]++
		}
		at := 0
		for d, c := range count {
			count[d] = at
			at += c
		}
		for _, k := range keys {
			d := k >> shift & (1<<bits - 1)
			tmp[count[d]] = k
			count[d]++
		}
		keys, tmp = tmp, keys
	}
	return keys
}

// cutAny cuts the first of prefixes that s starts with, in list order.
func cutAny(s string, prefixes []string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest, true
		}
	}
	return s, false
}

// titleAt is the title starting at body[i:], with its modifiers: the
// longest of roleTitles at a word's end, "head" only as "head of" one or
// two lower-case words ("head of investor relations").
func titleAt(body string, i int) (model.Span, bool) {
	start := i
	for again := true; again; {
		again = false
		if i >= len(body) || !roleModifierFirst[body[i]|0x20] {
			break
		}
		for _, m := range roleModifiers {
			if hasPrefixFold(body[i:], m) {
				i += len(m)
				again = true
			}
		}
	}
	best := -1
	if i >= len(body) {
		return model.Span{}, false
	}
	for _, t := range roleTitlesBy[body[i]|0x20] { // none at most places
		if len(t) > best && hasPrefixFold(body[i:], t) && wordEndAt(body, i+len(t)) {
			best = len(t)
		}
	}
	if best < 0 {
		return model.Span{}, false
	}
	end := i + best
	if strings.EqualFold(body[i:end], "head") {
		if end = roleHeadOf(body, end); end < 0 {
			return model.Span{}, false
		}
	}
	return model.Span{Start: start, End: end}, true
}

// titleBefore is the title and preposition right before the company
// mention ms[i] at start: "a spokeswoman for " Kestrel. No name of ms
// stands in it.
func titleBefore(body string, start int, ms []roleMent, i int) (model.Span, bool) {
	from := max(0, start-roleGap)
	if i > 0 {
		from = max(from, ms[i-1].End)
	}
	before := body[from:start]
	for _, p := range rolePreps {
		head, ok := strings.CutSuffix(before, p)
		if !ok {
			continue
		}
		// the title ends where the preposition starts; it starts at the
		// first word edge from which titleAt reaches exactly there (the
		// earliest takes its modifiers in)
		for s := 0; s < len(head); s++ {
			if s > 0 && head[s-1] != ' ' {
				continue
			}
			if t, ok := titleAt(body, from+s); ok && t.End == from+len(head) {
				return t, true
			}
		}
	}
	return model.Span{}, false
}

// roleHeadOf is where "head of" and the one or two lower-case words after
// it end, from the end of "head" at i; -1 when none follow.
func roleHeadOf(body string, i int) int {
	if !strings.HasPrefix(body[i:], " of ") {
		return -1
	}
	end, at := -1, i+len(" of ")
	for range 2 {
		w := at
		for w < len(body) && body[w] >= 'a' && body[w] <= 'z' {
			w++
		}
		if w == at {
			break
		}
		switch body[at:w] {
		case "the", "a", "an", "at", "for", "of", "in", "and", "its", "their", "with":
			return end
		}
		end = w
		if w >= len(body) || body[w] != ' ' {
			break
		}
		at = w + 1
	}
	return end
}

// roleClauseEnd reports whether rest, the text after a title, ends the
// phrase the title stands in: punctuation, the end, or one of roleTail.
func roleClauseEnd(rest string) bool {
	if rest == "" || rest[0] != ' ' {
		return true
	}
	w := strings.TrimLeft(rest, " ")
	n := 0
	for n < len(w) && (w[n] >= 'a' && w[n] <= 'z') {
		n++
	}
	return n == 0 || slices.Contains(roleTail, w[:n])
}

// hasPrefixFold reports whether s starts with p, ASCII case folded.
//
// p is ASCII (every caller's is), so folding is ASCII folding: a
// non-ASCII byte in s never folds to an ASCII one of the same length, and
// a byte loop spares EqualFold's rune decoding on the hot path of titleAt.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		c, d := s[k], p[k]
		if c == d {
			continue
		}
		if c|0x20 != d|0x20 || c|0x20 < 'a' || c|0x20 > 'z' {
			return false
		}
	}
	return true
}

// roleTitlesBy are roleTitles by their first byte, and roleModifierFirst
// the first bytes of roleModifiers: titleAt tries only the words that
// could start where it reads.
var roleTitlesBy, roleModifierFirst = byFirstByte(roleTitles), firstBytes(roleModifiers)

// byFirstByte files words under their first byte, lower-cased (as
// titleAt looks them up: a body byte with 0x20 set).
func byFirstByte(words []string) (t [256][]string) {
	for _, w := range words {
		t[w[0]|0x20] = append(t[w[0]|0x20], w)
	}
	return t
}

// firstBytes marks the first byte of each word, lower case.
func firstBytes(words []string) (t [256]bool) {
	for _, w := range words {
		t[w[0]|0x20] = true
	}
	return t
}

// wordEndAt reports whether no letter or digit continues the word at i.
func wordEndAt(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	c := s[i]
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 || c == '-')
}
