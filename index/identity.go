package index

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"newsmark/model"
	"newsmark/store"
)

// Company identity across articles.
//
// Within an article the annotator already makes one entity of all the forms
// a company takes ("SoftBank Group Corp." … "SoftBank"). Across articles,
// every company entity gets an anchor:
//
//   - L:<legal key> when its name carries a legal suffix ("softbank group
//     corp"): a legal name is an identity of its own, and two different
//     legal names are never one company ("SoftBank Corp." ≠ "SoftBank Group
//     Corp.");
//   - B:<name key> for a bare name ("openai", "softbank group").
//
// and its other forms become evidence: "this article says the form F
// belongs to anchor A". A legal name also vouches for itself without its
// suffix ("softbank group" → L:softbank group corp); a ticker in brackets
// is a key of its own ("t:HLM.N").
//
// The Resolver maps an anchor to a company. A legal anchor is its own
// company. A bare anchor joins the company that the library's evidence for
// its name (and its tickers) points to — but only when all that evidence
// points to one company: "SoftBank" joins SoftBank Group Corp. when an
// article said "SoftBank Group Corp. … SoftBank", and stays "SoftBank" on
// its own once another article ties "SoftBank" to SoftBank Corp. A wrong
// merge is worse than a missed one. The answer depends on the set of
// articles, not on the order they were indexed in.

// Anchor prefixes.
const (
	legalPrefix  = "L:"
	barePrefix   = "B:"
	tickerPrefix = "t:"
)

// legalSuffixes maps a legal form, as normName leaves it (lower case, no
// dots), to the one spelling the keys use. Written from general knowledge
// of company law forms.
var legalSuffixes = map[string]string{
	"corp": "corp", "corporation": "corp", "inc": "inc", "incorporated": "inc",
	"ltd": "ltd", "limited": "ltd", "plc": "plc", "llc": "llc", "lp": "lp", "llp": "llp",
	"co": "co", "company": "co", "cos": "cos", "companies": "cos",
	"ag": "ag", "sa": "sa", "se": "se", "nv": "nv", "bv": "bv", "gmbh": "gmbh", "kgaa": "kgaa",
	"spa": "spa", "srl": "srl", "sas": "sas", "sarl": "sarl", "ab": "ab", "asa": "asa", "as": "as",
	"oyj": "oyj", "oy": "oy", "kk": "kk", "bhd": "bhd", "berhad": "berhad", "tbk": "tbk",
	"pty": "pty", "pte": "pte", "sab": "sab", "sae": "sae", "pjsc": "pjsc", "psc": "psc", "jsc": "jsc",
	"ojsc": "ojsc", "ltda": "ltda", "nl": "nl",
}

// suffixAliases are runs of legal forms written two ways for one company:
// "Samsung Electronics Co., Ltd." is shortened to "Co." in English copy.
var suffixAliases = map[string]string{"co ltd": "co"}

// normName is a name as keys compare it: lower case, dots and commas gone
// ("S.A." → "sa"), curly apostrophes straight, a trailing possessive and a
// leading "the" dropped, hyphens and runs of spaces one space.
func normName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading spaces
	for _, r := range s {
		switch {
		case r == '.' || r == ',' || r == '/':
			continue
		case r == '\u2019' || r == '\u2018' || r == '`':
			r = '\''
		case r == '-' || r == '\u2013' || r == '\u2014' || unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(unicode.ToLower(r))
		space = false
	}
	out := strings.TrimSpace(b.String())
	out = strings.TrimSuffix(strings.TrimSuffix(out, "'s"), "'")
	out = strings.TrimPrefix(out, "the ")
	return strings.TrimSpace(out)
}

// splitLegal cuts a normalised name into its base and its legal suffix
// ("softbank group corp" → "softbank group", "corp"); suffix is "" for a
// bare name. A name that is nothing but a legal form is bare.
func splitLegal(norm string) (base, suffix string) {
	words := strings.Fields(norm)
	i := len(words)
	var suf []string
	for i > 1 {
		canon, ok := legalSuffixes[words[i-1]]
		if !ok {
			break
		}
		suf = append([]string{canon}, suf...)
		i--
	}
	if len(suf) == 0 {
		return norm, ""
	}
	// "JPMorgan Chase & Co." → "jpmorgan chase"
	for i > 1 && words[i-1] == "&" {
		i--
	}
	suffix = strings.Join(suf, " ")
	if a, ok := suffixAliases[suffix]; ok {
		suffix = a
	}
	return strings.Join(words[:i], " "), suffix
}

// isTicker reports whether the mention at sp is a ticker: written in
// brackets, "(HLM.N)" or "<9432>", without spaces.
func isTicker(body string, sp model.Span) bool {
	if sp.Start <= 0 || sp.End >= len(body) || sp.End-sp.Start > 16 {
		return false
	}
	open, close := body[sp.Start-1], body[sp.End]
	if !((open == '(' && close == ')') || (open == '<' && close == '>')) {
		return false
	}
	return !strings.ContainsAny(body[sp.Start:sp.End], " \t\n")
}

// identity is what one company entity contributes: its anchor and the
// evidence its forms give (keys that belong to the anchor).
type identity struct {
	anchor string
	keys   []string
}

// companyIdentity works out the anchor and evidence of a company entity of
// the article with body.
func companyIdentity(body string, e model.Entity) identity {
	forms := map[string]bool{}
	var tickers []string
	add := func(s string) {
		if n := normName(s); n != "" {
			forms[n] = true
		}
	}
	add(e.Text)
	add(e.Canonical)
	for _, m := range e.Mentions {
		if m.Start < 0 || m.End > len(body) || m.Start >= m.End {
			continue
		}
		if isTicker(body, m) {
			tickers = append(tickers, tickerPrefix+strings.ToUpper(body[m.Start:m.End]))
			continue
		}
		add(body[m.Start:m.End])
	}
	// The legal name, if the entity has one. An entity with two different
	// legal names (the annotator joined two companies) vouches for nothing.
	legal := ""
	legalKey := func(f string) string {
		if base, suf := splitLegal(f); suf != "" {
			return base + " " + suf
		}
		return ""
	}
	for f := range forms {
		if l := legalKey(f); l != "" {
			if legal != "" && legal != l {
				return identity{anchor: barePrefix + normName(e.Name())}
			}
			legal = l
		}
	}
	var id identity
	var own string // the key the anchor itself stands for
	if legal != "" {
		id.anchor, own = legalPrefix+legal, legal
		base, _ := splitLegal(legal)
		forms[base] = true
	} else {
		own = normName(e.Name())
		if own == "" {
			return identity{}
		}
		id.anchor = barePrefix + own
	}
	for f := range forms {
		if f == own {
			continue
		}
		if legalKey(f) != "" {
			continue // the legal name itself, in another spelling
		}
		id.keys = append(id.keys, f)
	}
	id.keys = append(id.keys, tickers...)
	sort.Strings(id.keys)
	id.keys = slices.Compact(id.keys)
	return id
}

// Resolver maps anchors to companies from the evidence of the whole
// library (see the comment at the top of this file). It is safe for
// concurrent use.
type Resolver struct {
	// merged maps a company to the one the reader's merge joined it to,
	// split a bare anchor to the companies the reader's split keeps it
	// from (userOverrides); both nil without corrections.
	merged map[string]string
	split  map[string][]string

	mu      sync.Mutex          // guards memo and members
	owners  map[string][]string // key → the anchors it is evidence for
	tickers map[string][]string // anchor → its ticker keys
	memo    map[string]string
	members map[string][]string // company → the other anchors it stands for; nil until Anchors asks
}

// NewResolver builds a Resolver from the summed evidence.
func NewResolver(keys []store.IndexKey) *Resolver {
	r := &Resolver{owners: map[string][]string{}, tickers: map[string][]string{}, memo: map[string]string{}}
	for _, k := range keys {
		r.owners[k.Key] = append(r.owners[k.Key], k.Anchor)
		if strings.HasPrefix(k.Key, tickerPrefix) {
			r.tickers[k.Anchor] = append(r.tickers[k.Anchor], k.Key)
		}
	}
	return r
}

// inProgress marks an anchor being resolved, so that a cycle of bare names
// vouching for each other resolves to nothing rather than looping.
const inProgress = "\x00"

// Company is the company anchor stands for: a legal anchor, or the bare
// anchor itself when the evidence is missing or points two ways. "" stays "".
func (r *Resolver) Company(anchor string) string {
	if !strings.HasPrefix(anchor, barePrefix) && r.merged == nil {
		return anchor
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.company(anchor)
}

// company is what the evidence makes of anchor, then where the reader's
// merges take that company (a chain of them is followed; a loop stops).
func (r *Resolver) company(anchor string) string {
	c := r.base(anchor)
	for range 16 {
		to, ok := r.merged[c]
		if !ok || to == c {
			break
		}
		c = to
	}
	return c
}

// anchorOf is the anchor of an entity named name (companyIdentity's for
// an entity with that one form).
func anchorOf(name string) string {
	n := normName(name)
	if base, suf := splitLegal(n); suf != "" {
		return legalPrefix + base + " " + suf
	}
	return barePrefix + n
}

// userOverrides takes the reader's merges and splits of companies (those
// for every article; one for a single article stays in it): a merge joins
// the company its alias stands for to the company of its name, whatever the
// evidence says; a split keeps a bare name from the company of the other.
// Within an article the annotator applies them already (its user list).
func (r *Resolver) userOverrides(entries []model.UserEntry) {
	var merges [][2]string
	for _, e := range entries {
		if e.ArticleID != "" {
			continue
		}
		switch e.Action {
		case model.UserMerge:
			merges = append(merges, [2]string{anchorOf(e.Other), anchorOf(e.Name)})
		case model.UserSplit:
			if r.split == nil {
				r.split = map[string][]string{}
			}
			a, b := anchorOf(e.Name), anchorOf(e.Other)
			r.split[b] = append(r.split[b], a)
			r.split[a] = append(r.split[a], b)
		}
	}
	if len(merges) == 0 {
		return
	}
	r.merged = map[string]string{}
	for _, m := range merges {
		from, to := r.base(m[0]), r.base(m[1])
		if from != to {
			r.merged[from] = to
		}
	}
}

// base is the company the library's evidence makes of anchor.
func (r *Resolver) base(anchor string) string {
	if !strings.HasPrefix(anchor, barePrefix) {
		return anchor
	}
	if c, ok := r.memo[anchor]; ok {
		if c == inProgress {
			return ""
		}
		return c
	}
	r.memo[anchor] = inProgress
	cands := append([]string(nil), r.owners[strings.TrimPrefix(anchor, barePrefix)]...)
	for _, t := range r.tickers[anchor] {
		cands = append(cands, r.owners[t]...)
	}
	company := ""
	ambiguous := false
	for _, c := range cands {
		if c == anchor {
			continue
		}
		got := r.base(c)
		if got == "" || got == anchor {
			continue // a cycle back to this name says nothing
		}
		if company != "" && got != company {
			ambiguous = true
			break
		}
		company = got
	}
	if company == "" || ambiguous || r.splitFrom(anchor, company) {
		company = anchor
	}
	r.memo[anchor] = company
	return company
}

// splitFrom reports whether a split keeps anchor from company.
func (r *Resolver) splitFrom(anchor, company string) bool {
	for _, o := range r.split[anchor] {
		if o == company || r.base(o) == company {
			return true
		}
	}
	return false
}

// Anchors lists the anchors company stands for: company itself, then the
// bare names the library's evidence joins to it, sorted. Every entity
// whose anchor is one of these is the company (a company page's stories).
// The first call works out the answer for every name the evidence knows.
func (r *Resolver) Anchors(company string) []string {
	if company == "" {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.members == nil {
		r.members = map[string][]string{}
		seen := map[string]bool{}
		add := func(anchor string) {
			if seen[anchor] {
				return
			}
			seen[anchor] = true
			if c := r.company(anchor); c != "" && c != anchor {
				r.members[c] = append(r.members[c], anchor)
			}
		}
		for k := range r.owners {
			if !strings.HasPrefix(k, tickerPrefix) {
				add(barePrefix + k)
			}
		}
		for a := range r.tickers {
			add(a)
		}
		for a := range r.merged {
			add(a) // a legal name merged into another company
		}
		for _, l := range r.members {
			sort.Strings(l)
		}
	}
	return append([]string{company}, r.members[company]...)
}
