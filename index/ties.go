package index

import (
	"slices"
	"sort"
	"strings"

	"newsmark/model"
	"newsmark/store"
)

// Ties between people and companies, for articles whose annotator does
// not look for roles (store.IndexDetail.HasRoles false): a stand-in until
// the annotator's roles (annotations schema 2) fill them. A person is tied
// to a company when one sentence names both with a title beside the
// person's name and the company beside the title: "Zephyr chief executive
// Anna Kowal", "Anna Kowal, chief executive of Zephyr", "a spokeswoman for
// Zephyr, Anna Kowal", "Anna Kowal, who heads Zephyr". A speaker quoted
// for a company is named so in the quote's attribution, which is the same
// sentence. The company page says which ties are guesses.

// titlePhrases are words that name a role at a company, lower case,
// written from general knowledge of corporate titles. Longer phrases win
// over the shorter ones inside them.
var titlePhrases = []string{
	"chief executive officer", "chief executive", "chief financial officer", "chief operating officer",
	"chief technology officer", "chief investment officer", "chief commercial officer", "chief strategy officer",
	"chief marketing officer", "chief information officer", "chief economist", "chief scientist", "chief",
	"ceo", "cfo", "coo", "cto", "cio",
	"executive chairman", "executive chairwoman", "vice chairman", "vice chair", "chairman", "chairwoman",
	"chairperson", "chair", "president", "vice president", "senior vice president", "executive vice president",
	"co-founder", "cofounder", "founder", "managing director", "executive director", "non-executive director",
	"director", "general counsel", "treasurer", "managing partner", "general partner", "partner",
	"general manager", "country manager", "portfolio manager", "fund manager", "spokesman", "spokeswoman",
	"spokesperson", "representative", "analyst", "economist", "strategist", "owner", "boss", "board member",
	"executive", "head",
}

// verbTitles are "who heads X" forms and the title each stands for.
var verbTitles = map[string]string{
	"who heads": "head", "who runs": "head", "who leads": "head", "who founded": "founder",
	"who co-founded": "co-founder", "who chairs": "chair", "who owns": "owner",
}

// tieWindow is the most bytes between a person's name and the title, and
// between the title and the company, for them to be read together.
const tieWindow = 40

// titleMatch is a title found in a sentence.
type titleMatch struct {
	span  model.Span
	title string
}

// findTitles lists the titles in body[s.Start:s.End], longest first at a
// place, none inside another: "head of strategy" takes up to two words
// after "head of".
func findTitles(body string, s model.Span) []titleMatch {
	low := strings.ToLower(body[s.Start:s.End])
	var out []titleMatch
	add := func(start, end int, title string) {
		out = append(out, titleMatch{span: model.Span{Start: s.Start + start, End: s.Start + end}, title: title})
	}
	for _, p := range titlePhrases {
		for i := 0; ; {
			j := strings.Index(low[i:], p)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(p)
			i = end
			if !wordEdge(low, start, end) {
				continue
			}
			if p == "head" {
				// "head of strategy"; "head" alone is a noun of many uses
				if end = headOf(body[s.Start:s.End], end); end < 0 {
					continue
				}
			}
			add(start, end, body[s.Start+start:s.Start+end])
		}
	}
	for v, title := range verbTitles {
		for i := 0; ; {
			j := strings.Index(low[i:], v)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(v)
			i = end
			if wordEdge(low, start, end) {
				add(start, end, title)
			}
		}
	}
	// Longest first at each place; drop what a longer title holds.
	sort.Slice(out, func(i, j int) bool {
		if out[i].span.Start != out[j].span.Start {
			return out[i].span.Start < out[j].span.Start
		}
		return out[i].span.End > out[j].span.End
	})
	kept := out[:0]
	last := -1
	for _, m := range out {
		if m.span.Start >= last {
			kept = append(kept, m)
			last = m.span.End
		}
	}
	return kept
}

// headOf is where "head of" and the one or two lower-case words after it
// end ("head of strategy", "head of investor relations"), from the end of
// "head" at i in text; -1 when no such word follows. A capitalised word is
// a name ("head of Zephyr"), which the company rule ties.
func headOf(text string, i int) int {
	if !strings.HasPrefix(text[i:], " of ") {
		return -1
	}
	end := -1
	at := i + len(" of ")
	for range 2 {
		w := at
		for w < len(text) && text[w] >= 'a' && text[w] <= 'z' {
			w++
		}
		if w == at {
			break
		}
		switch text[at:w] {
		case "the", "a", "an", "at", "for", "of", "in", "and", "its", "their":
			return end
		}
		end = w
		if w >= len(text) || text[w] != ' ' {
			break
		}
		at = w + 1
	}
	return end
}

// wordEdge reports whether low[start:end] stands as words: no letter or
// digit right before or after it.
func wordEdge(low string, start, end int) bool {
	isWord := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 }
	return (start == 0 || !isWord(low[start-1])) && (end == len(low) || !isWord(low[end]))
}

// nameAt is a mention of a person or company entity of an article.
type nameAt struct {
	span model.Span
	name *store.IndexName
}

// nearbyRoles are the ties the text suggests between the people and the
// companies of an article (see the top of this file), one per person and
// company, in order of the text.
func nearbyRoles(body string, sents []model.Span, names []store.IndexName) []model.Role {
	var people, companies []nameAt
	for i := range names {
		n := &names[i]
		for _, m := range n.Mentions {
			if m.Start < 0 || m.End > len(body) || m.Start >= m.End {
				continue
			}
			switch n.Kind {
			case model.Person:
				people = append(people, nameAt{m, n})
			case model.Company:
				companies = append(companies, nameAt{m, n})
			}
		}
	}
	if len(people) == 0 || len(companies) == 0 {
		return nil
	}
	byStart := func(a, b nameAt) int { return a.span.Start - b.span.Start }
	slices.SortFunc(people, byStart)
	slices.SortFunc(companies, byStart)
	var out []model.Role
	seen := map[[2]string]bool{}
	pi, ci := 0, 0
	for _, s := range sents {
		for pi < len(people) && people[pi].span.Start < s.Start {
			pi++
		}
		for ci < len(companies) && companies[ci].span.Start < s.Start {
			ci++
		}
		pe, ce := pi, ci
		for pe < len(people) && people[pe].span.End <= s.End {
			pe++
		}
		for ce < len(companies) && companies[ce].span.End <= s.End {
			ce++
		}
		if pe == pi || ce == ci {
			continue
		}
		titles := findTitles(body, s)
		if len(titles) == 0 {
			continue
		}
		// inName reports whether a name of the sentence overlaps sp.
		inName := func(sp model.Span) bool {
			for _, l := range [][]nameAt{people[pi:pe], companies[ci:ce]} {
				for _, n := range l {
					if sp.Start < n.span.End && n.span.Start < sp.End {
						return true
					}
				}
			}
			return false
		}
		// between is the gap of two spans that do not overlap, "" and
		// false when they do or another name stands in it.
		between := func(a, b model.Span) (string, bool) {
			if a.Start > b.Start {
				a, b = b, a
			}
			if a.End > b.Start || inName(model.Span{Start: a.End, End: b.Start}) {
				return "", false
			}
			return body[a.End:b.Start], true
		}
		for _, p := range people[pi:pe] {
			t, ok := nearestTitle(p.span, titles, inName, between)
			if !ok {
				continue
			}
			c, ok := nearestCompany(t.span, companies[ci:ce], between)
			if !ok {
				continue
			}
			key := [2]string{p.name.EntityID, c.name.EntityID}
			if seen[key] {
				continue
			}
			seen[key] = true
			ev := model.Span{Start: min(p.span.Start, t.span.Start, c.span.Start), End: max(p.span.End, t.span.End, c.span.End)}
			out = append(out, model.Role{Person: p.name.Name(), PersonID: p.name.EntityID, Company: c.name.Name(),
				CompanyID: c.name.EntityID, Title: t.title, Evidence: ev})
		}
	}
	return out
}

// joinable reports whether the text between two words lets them be read
// together: short, and no clause break in it.
func joinable(between string) bool {
	return len(between) <= tieWindow && !strings.ContainsAny(between, ";:()\u201c\u201d\"")
}

// nearestTitle is the title closest to the person's mention, with nothing
// between them but a few words (no other name).
func nearestTitle(p model.Span, titles []titleMatch, inName func(model.Span) bool,
	between func(a, b model.Span) (string, bool)) (titleMatch, bool) {
	best, found := titleMatch{}, false
	bestGap := tieWindow + 1
	for _, t := range titles {
		if inName(t.span) {
			continue // a title inside a name: "President Hotels Ltd."
		}
		gap, ok := between(p, t.span)
		if !ok || !joinable(gap) || len(gap) >= bestGap {
			continue
		}
		best, found, bestGap = t, true, len(gap)
	}
	return best, found
}

// nearestCompany is the company mention closest to the title, with
// nothing between them but a few words.
func nearestCompany(t model.Span, companies []nameAt, between func(a, b model.Span) (string, bool)) (nameAt, bool) {
	best, found := nameAt{}, false
	bestGap := tieWindow + 1
	for _, c := range companies {
		gap, ok := between(t, c.span)
		if !ok || !joinable(gap) || len(gap) >= bestGap {
			continue
		}
		best, found, bestGap = c, true, len(gap)
	}
	return best, found
}
