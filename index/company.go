package index

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"newsmark/model"
	"newsmark/store"
)

// Company pages: everything the library says of one company. A company is
// its identity across articles (the Resolver's answer); its stories are
// the articles with an entity whose anchor stands for it (Resolver.Anchors).

// CompanyPage is one company across the library.
type CompanyPage struct {
	Company string // its identity: what the Resolver answers
	Name    string // the name its stories use most, the fullest among equals
	// Names are the forms its stories name it by, most used first.
	Names []string
	// Stories are the articles naming it, newest first: all of them, or
	// the newest PageOptions.Limit. Total counts them all.
	Stories     []CompanyStory
	Total       int
	First, Last time.Time // the oldest and the newest story's date, of all
	// People are those the stories tie to it, most stories first.
	People []CompanyPerson
	// RolesFromText says every tie came from the annotator's roles;
	// otherwise some were read from a title beside a name (nearbyRoles).
	RolesFromText bool
	// Deals are its ventures, clustered as the deal tracker clusters them
	// (among these stories' ventures), newest first.
	Deals []DealRow
	// Quotes are what it and its people said, and what was said about it
	// (a quote that names it), newest story first.
	Quotes []CompanyQuote
}

// CompanyStory is one article that names a company.
type CompanyStory struct {
	ArticleID, Title, Source, URL, Path string
	Date                                time.Time
	// Name is the form the story names the company by.
	Name string
	// Sentence is the body sentence of its first mention (spaces
	// collapsed, cut to about 300 bytes); "" when only the title, caption
	// or byline names it. At is that mention: the reader opens there.
	Sentence string
	At       model.Span
	Mentions int // in the body and the title, caption and byline
}

// Locator is how a reader would name where the story came from.
func (s CompanyStory) Locator() string {
	if s.URL != "" {
		return s.URL
	}
	return s.Path
}

// CompanyPerson is someone the stories tie to a company.
type CompanyPerson struct {
	Name string
	// Title is the title the stories give most ("chief executive"), ""
	// when they tie the person without one; Titles all of them.
	Title   string
	Titles  []string
	Stories int
	// FromText says the annotator's roles tie them (else a title beside
	// the name did).
	FromText bool
	// Evidence is where the newest story ties them: its article, the
	// words that say it and the sentence around them.
	ArticleID string
	Evidence  model.Span
	Sentence  string
}

// Role is the person's title and name as a reader writes them: "chief
// executive Anna Kowal", or the name alone.
func (p CompanyPerson) Role() string {
	if p.Title == "" {
		return p.Name
	}
	return p.Title + " " + p.Name
}

// CompanyQuote is a quote by a company or one of its people, or one that
// names it.
type CompanyQuote struct {
	Text, Speaker string
	// Title is the speaker's title at the company, when the stories give one.
	Title string
	// By says the company or one of its people said it; else the quote
	// is about it.
	By                                  bool
	ArticleID, Story, Source, URL, Path string
	Date                                time.Time
	At                                  model.Span // the quote in the story's body
}

// Locator is how a reader would name where the quote's story came from.
func (q CompanyQuote) Locator() string {
	if q.URL != "" {
		return q.URL
	}
	return q.Path
}

// Period bounds what a page gathers: stories dated in [Since, Until);
// zero bounds are open.
type Period struct {
	Since, Until time.Time
}

// PageOptions says what a company page gathers.
type PageOptions struct {
	Period
	// Limit is how many of the newest stories are read (their sentences,
	// people, quotes and ventures); 0 reads them all. Every story is
	// counted, and the first and last seen are of all. A company named in
	// most of a large library costs a read of each story it is named in:
	// a page shows the newest first and may read the rest later.
	Limit int
}

// Partial reports whether the page read fewer stories than there are.
func (p *CompanyPage) Partial() bool { return len(p.Stories) < p.Total }

// CompanyOf is the company entity e of article a stands for ("" for an
// entity that is not a company), worked out from the entity itself, so
// that an article not indexed yet (just opened) has an answer too.
func (ix *Index) CompanyOf(ctx context.Context, a model.Article, e model.Entity) (string, error) {
	if e.Kind != model.Company {
		return "", nil
	}
	snap, err := ix.snapshot(ctx, false)
	if err != nil {
		return "", err
	}
	return snap.company(companyIdentity(a.Body, e).anchor), nil
}

// CompanyAt is the company named at span at of indexed article id: the
// company entity with a mention there, else the one mentioned nearest to
// it, else none (""). name is the entity's name in that story.
func (ix *Index) CompanyAt(ctx context.Context, id string, at model.Span) (company, name string, err error) {
	ann, anchors, ok, err := ix.db.IndexAnnotations(ctx, id)
	if err != nil || !ok {
		return "", "", err
	}
	best, bestDist := -1, -1
	for i, e := range ann.Entities {
		if e.Kind != model.Company || anchors[e.ID] == "" {
			continue
		}
		for _, m := range e.Mentions {
			d := 0
			switch {
			case m.End <= at.Start:
				d = at.Start - m.End + 1
			case m.Start >= at.End && at.End > at.Start:
				d = m.Start - at.End + 1
			case m.Start >= at.End:
				d = m.Start - at.Start + 1
			}
			if best < 0 || d < bestDist {
				best, bestDist = i, d
			}
		}
		if best < 0 {
			best, bestDist = i, 1<<62 // named only in the title: a last resort
		}
	}
	if best < 0 {
		return "", "", nil
	}
	snap, err := ix.snapshot(ctx, false)
	if err != nil {
		return "", "", err
	}
	e := ann.Entities[best]
	return snap.company(anchors[e.ID]), e.Name(), nil
}

// CompanyPage gathers the page of company: its stories in o.Period (the
// newest o.Limit of them, or all), and from those its ventures, quotes
// and people. ok is false when no story names it.
func (ix *Index) CompanyPage(ctx context.Context, company string, o PageOptions) (page *CompanyPage, ok bool, err error) {
	snap, err := ix.snapshot(ctx, false)
	if err != nil {
		return nil, false, err
	}
	anchors := snap.resolver.Anchors(company)
	page = &CompanyPage{Company: company}
	// Which articles, and when: from the indexes alone.
	newest, total, first, err := ix.db.IndexAnchorDated(ctx, anchors, o.Since, o.Until, o.Limit)
	if err != nil {
		return nil, false, err
	}
	if total == 0 || len(newest) == 0 {
		return page, false, nil
	}
	page.Total, page.First, page.Last = total, first, newest[0].Date
	keep := make([]int64, len(newest))
	for i, d := range newest {
		keep[i] = d.N
	}
	ms, err := ix.db.IndexAnchorMentions(ctx, anchors, keep)
	if err != nil {
		return nil, false, err
	}
	// One story per article; an article may hold two entities that are
	// the company ("SoftBank Group Corp." and a "SoftBank" the annotator
	// kept apart).
	type story struct {
		ref      store.IndexArticleRef
		eids     map[string]bool
		mentions []model.Span
		meta     int
		name     string
	}
	byN := map[int64]*story{}
	forms := map[string]int{}
	own := map[string]int{} // forms of entities whose anchor is the company itself
	for _, m := range ms {
		s := byN[m.N]
		if s == nil {
			s = &story{ref: m.IndexArticleRef, eids: map[string]bool{}}
			byN[m.N] = s
		}
		name := m.Canonical
		if name == "" {
			name = m.Text
		}
		if s.name == "" || (m.Anchor == company && len(name) > len(s.name)) {
			s.name = name
		}
		s.eids[m.EntityID] = true
		s.mentions = append(s.mentions, m.Mentions...)
		s.meta += m.MetaMentions
		forms[name]++
		if m.Anchor == company {
			own[name]++
		}
	}
	order := make([]*story, 0, len(keep))
	for _, n := range keep {
		if s := byN[n]; s != nil { // gone since: written meanwhile
			order = append(order, s)
		}
	}
	if len(order) == 0 {
		return page, false, nil
	}
	page.Names = rankNames(forms)
	page.Name = page.Names[0]
	if len(own) > 0 {
		page.Name = rankNames(own)[0]
	}
	ns := make([]int64, len(order))
	for i, s := range order {
		ns[i] = s.ref.N
		slices.SortFunc(s.mentions, func(a, b model.Span) int { return a.Start - b.Start })
	}
	details, err := ix.db.IndexDetails(ctx, ns)
	if err != nil {
		return nil, false, err
	}

	people := map[string]*CompanyPerson{} // by normalised name
	titleCounts := map[string]map[string]int{}
	var ventures []store.IndexVentureRow
	page.RolesFromText = true
	anyTie := false
	type pendingQuote struct {
		q     model.Quote
		s     *story
		about bool
	}
	var quotes []pendingQuote
	tiedIDs := map[*story]map[string]string{} // person entity → title, per story
	counted := map[string]*story{}            // the last story each person was counted in
	for _, s := range order {
		dt := details[s.ref.N]
		if dt == nil {
			dt = &store.IndexDetail{}
		}
		cs := CompanyStory{ArticleID: s.ref.ArticleID, Title: s.ref.Title, Source: s.ref.Source, URL: s.ref.URL,
			Path: s.ref.Path, Date: s.ref.Date, Name: s.name, Mentions: len(s.mentions) + s.meta}
		if len(s.mentions) > 0 && s.mentions[0].End <= len(dt.Body) {
			cs.At = s.mentions[0]
			cs.Sentence = excerpt(dt.Body, sentenceOf(dt.Body, dt.Sentences, cs.At), cs.At, maxSentence)
		}
		page.Stories = append(page.Stories, cs)

		// The people the story ties to the company.
		roles := dt.Roles
		if !dt.HasRoles {
			roles = nearbyRoles(dt.Body, dt.Sentences, dt.Names)
		}
		tied := map[string]string{}
		for _, r := range roles {
			if !s.eids[r.CompanyID] || r.Person == "" {
				continue
			}
			anyTie = true
			if !dt.HasRoles {
				page.RolesFromText = false
			}
			tied[r.PersonID] = r.Title
			key := personKey(r.Person)
			pp := people[key]
			if pp == nil {
				pp = &CompanyPerson{Name: r.Person, FromText: dt.HasRoles, ArticleID: s.ref.ArticleID, Evidence: r.Evidence}
				if r.Evidence.End <= len(dt.Body) && r.Evidence.Start < r.Evidence.End {
					pp.Sentence = excerpt(dt.Body, sentenceOf(dt.Body, dt.Sentences, r.Evidence), r.Evidence, maxSentence)
				}
				people[key] = pp
				titleCounts[key] = map[string]int{}
			}
			if len(r.Person) > len(pp.Name) {
				pp.Name = r.Person
			}
			if counted[key] != s {
				counted[key] = s
				pp.Stories++
			}
			if r.Title != "" {
				titleCounts[key][strings.ToLower(r.Title)]++
				if !slices.ContainsFunc(pp.Titles, func(t string) bool { return strings.EqualFold(t, r.Title) }) {
					pp.Titles = append(pp.Titles, r.Title)
				}
			}
		}
		tiedIDs[s] = tied

		// Quotes by it or that name it; by its people is settled below,
		// once every story's ties are known.
		for _, q := range dt.Quotes {
			quotes = append(quotes, pendingQuote{q: q, s: s, about: holdsMention(s.mentions, q)})
		}
		// Its ventures: those with a party that is the company.
		for _, v := range dt.Ventures {
			for _, a := range v.Anchors {
				if a != "" && snap.company(a) == company {
					ventures = append(ventures, v)
					break
				}
			}
		}
	}
	if !anyTie {
		page.RolesFromText = false
	}
	for key, pp := range people {
		pp.Title = topTitle(pp.Titles, titleCounts[key])
		page.People = append(page.People, *pp)
	}
	slices.SortFunc(page.People, func(a, b CompanyPerson) int {
		return cmp.Or(cmp.Compare(b.Stories, a.Stories), cmp.Compare(a.Name, b.Name))
	})
	for _, pq := range quotes {
		q := pq.q
		title, tied := tiedIDs[pq.s][q.SpeakerID]
		by := pq.s.eids[q.SpeakerID]
		if !by && q.Speaker != "" {
			if pp, ok := people[personKey(q.Speaker)]; ok {
				by, tied = true, true
				if title == "" {
					title = pp.Title
				}
			}
		}
		by = by || (tied && q.SpeakerID != "")
		if !by && !pq.about {
			continue
		}
		s := pq.s.ref
		page.Quotes = append(page.Quotes, CompanyQuote{Text: q.Text, Speaker: q.Speaker, Title: title, By: by,
			ArticleID: s.ArticleID, Story: s.Title, Source: s.Source, URL: s.URL, Path: s.Path, Date: s.Date,
			At: model.Span{Start: q.Start, End: q.End}})
	}
	page.Deals = clusterDeals(sortVenturesByDate(ventures), snap.company)
	return page, true, nil
}

// sortVenturesByDate orders venture rows oldest first (stable), as
// clusterDeals takes them.
func sortVenturesByDate(rows []store.IndexVentureRow) []store.IndexVentureRow {
	slices.SortStableFunc(rows, func(a, b store.IndexVentureRow) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ArticleID, b.ArticleID), cmp.Compare(a.Ord, b.Ord))
	})
	return rows
}

// holdsMention reports whether a quote's text holds one of the mentions
// (sorted).
func holdsMention(mentions []model.Span, q model.Quote) bool {
	for _, m := range mentions {
		if m.Start >= q.End {
			return false
		}
		if m.Start >= q.Start && m.End <= q.End {
			return true
		}
	}
	return false
}

// personKey is a person's name as people are matched across stories.
func personKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// topTitle is the title given most, the first given among equals.
func topTitle(titles []string, counts map[string]int) string {
	best, bestN := "", 0
	for _, t := range titles {
		if n := counts[strings.ToLower(t)]; n > bestN {
			best, bestN = t, n
		}
	}
	return best
}

// rankNames orders names by use, the longer first among equals, then A–Z.
func rankNames(counts map[string]int) []string {
	out := make([]string, 0, len(counts))
	for n := range counts {
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
	return out
}

// sentenceOf is the sentence holding span at, or the text around it when
// no sentence does.
func sentenceOf(body string, sents []model.Span, at model.Span) model.Span {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > at.Start })
	if i < len(sents) && sents[i].Start <= at.Start {
		return model.Span{Start: sents[i].Start, End: max(sents[i].End, min(at.End, len(body)))}
	}
	return model.Span{Start: max(0, at.Start-maxSentence/2), End: min(len(body), at.End+maxSentence/2)}
}

// CompanyMatch is a company a name given by the reader may mean.
type CompanyMatch struct {
	Company, Name string
	Stories       int
}

// FindCompany looks up the company a reader means by name: the companies
// one of whose names is name (any case, dots, commas and a legal form
// aside: "softbank group" is "SoftBank Group Corp."), else those with a
// name that has every word of it at the start of a word ("soft" finds
// "SoftBank Corp."), most stories first. A single match is the company;
// several are for the reader to choose from.
func (ix *Index) FindCompany(ctx context.Context, name string) ([]CompanyMatch, error) {
	want := normName(name)
	if want == "" {
		return nil, nil
	}
	rows, err := ix.db.IndexCompanyNames(ctx)
	if err != nil {
		return nil, err
	}
	snap, err := ix.snapshot(ctx, false)
	if err != nil {
		return nil, err
	}
	type acc struct {
		names, own map[string]int // own: the names of entities anchored at the company itself
		articles   map[int64]bool
	}
	by := map[string]*acc{}
	for _, r := range rows {
		c := snap.company(r.Anchor)
		a := by[c]
		if a == nil {
			a = &acc{names: map[string]int{}, own: map[string]int{}, articles: map[int64]bool{}}
			by[c] = a
		}
		a.names[r.Name()]++
		if r.Anchor == c {
			a.own[r.Name()]++
		}
		a.articles[r.Article] = true
	}
	// A form the stories tie to a company ("SoftBank" in a story about
	// SoftBank Group Corp.) names it, even when it is not its name.
	vouched := map[string]bool{}
	for _, a := range snap.resolver.owners[want] {
		vouched[snap.company(a)] = true
	}
	var exact, loose []CompanyMatch
	words := strings.Fields(want)
	for c, a := range by {
		m := CompanyMatch{Company: c, Name: rankNames(a.names)[0], Stories: len(a.articles)}
		if len(a.own) > 0 { // as its page names it
			m.Name = rankNames(a.own)[0]
		}
		isExact, isLoose := vouched[c], false
		for n := range a.names {
			norm := normName(n)
			base, _ := splitLegal(norm)
			isExact = isExact || norm == want || base == want
			isLoose = isLoose || wordPrefixes(norm, words)
		}
		switch {
		case isExact:
			exact = append(exact, m)
		case isLoose:
			loose = append(loose, m)
		}
	}
	out := exact
	if len(out) == 0 {
		out = loose
	}
	slices.SortFunc(out, func(a, b CompanyMatch) int {
		return cmp.Or(cmp.Compare(b.Stories, a.Stories), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Company, b.Company))
	})
	return out, nil
}

// wordPrefixes reports whether every one of words begins a word of name.
func wordPrefixes(name string, words []string) bool {
	have := strings.Fields(name)
	for _, w := range words {
		if !slices.ContainsFunc(have, func(h string) bool { return strings.HasPrefix(h, w) }) {
			return false
		}
	}
	return true
}
