package index

import (
	"cmp"
	"context"
	"slices"
	"time"

	"newsmark/store"
)

// The watchlist: companies the reader follows, by their identity across
// articles. A followed identity may later stand for more than it did (a
// bare name that new stories join to a legal name): its stories are those
// of the identity as followed and of what it resolves to now.

// Followed is a company on the watchlist.
type Followed struct {
	Company string // its identity, as the Resolver answered when it was followed
	Name    string // the name the reader saw then
	Added   time.Time
}

// Follow puts company on the watchlist under name and reports whether it
// was new there.
func (ix *Index) Follow(ctx context.Context, company, name string) (bool, error) {
	return ix.db.Follow(ctx, company, name, ix.now())
}

// Unfollow takes company off the watchlist and reports whether it was on it.
func (ix *Index) Unfollow(ctx context.Context, company string) (bool, error) {
	return ix.db.Unfollow(ctx, company)
}

// ToggleFollow follows company (under name) when it is not followed, and
// unfollows it when it is; following says which it is now.
func (ix *Index) ToggleFollow(ctx context.Context, company, name string) (following bool, err error) {
	removed, err := ix.db.Unfollow(ctx, company)
	if err != nil || removed {
		return false, err
	}
	_, err = ix.db.Follow(ctx, company, name, ix.now())
	return err == nil, err
}

// Following lists the watchlist, in the order companies were followed.
func (ix *Index) Following(ctx context.Context) ([]Followed, error) {
	items, err := ix.db.Watchlist(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Followed, len(items))
	for i, w := range items {
		out[i] = Followed{Company: w.Company, Name: w.Name, Added: w.Added}
	}
	return out, nil
}

// IsFollowed reports whether company is on the watchlist.
func (ix *Index) IsFollowed(ctx context.Context, company string) (bool, error) {
	list, err := ix.Following(ctx)
	return slices.ContainsFunc(list, func(f Followed) bool { return f.Company == company }), err
}

// FollowedStories maps those of the articles ids that name a followed
// company to those companies' names (in watchlist order, each once). It
// reads indexes only, so a library of thousands of stories costs little.
func (ix *Index) FollowedStories(ctx context.Context, ids []string) (map[string][]string, error) {
	out := map[string][]string{}
	list, err := ix.Following(ctx)
	if err != nil || len(list) == 0 || len(ids) == 0 {
		return out, err
	}
	snap, err := ix.snapshot(ctx, false)
	if err != nil {
		return nil, err
	}
	// anchor → the watchlist entries it is
	of := map[string][]int{}
	for i, f := range list {
		for _, c := range []string{f.Company, snap.company(f.Company)} {
			for _, a := range snap.resolver.Anchors(c) {
				if !slices.Contains(of[a], i) {
					of[a] = append(of[a], i)
				}
			}
		}
	}
	anchors := make([]string, 0, len(of))
	for a := range of {
		anchors = append(anchors, a)
	}
	hits, err := ix.db.IndexAnchorHits(ctx, anchors)
	if err != nil {
		return nil, err
	}
	byN := map[int64][]int{}
	for _, h := range hits {
		for _, i := range of[h.Anchor] {
			if !slices.Contains(byN[h.N], i) {
				byN[h.N] = append(byN[h.N], i)
			}
		}
	}
	ns, err := ix.db.IndexRowNumbers(ctx, ids)
	if err != nil {
		return nil, err
	}
	for id, n := range ns {
		is := byN[n]
		if len(is) == 0 {
			continue
		}
		slices.Sort(is)
		names := make([]string, len(is))
		for j, i := range is {
			names[j] = list[i].Name
		}
		out[id] = names
	}
	return out, nil
}

// NamedCompany is a company and the stories of a period that name it.
type NamedCompany struct {
	Company, Name string
	Stories       int
	// Latest is the newest of those stories.
	Latest store.IndexArticleRef
}

// PeriodSummary is what the index holds of a period: how many stories,
// and the companies they name, most named first.
type PeriodSummary struct {
	Stories   int
	Companies []NamedCompany
}

// Period sums up the stories dated in p.
func (ix *Index) Period(ctx context.Context, p Period) (PeriodSummary, error) {
	rows, err := ix.db.IndexPeriod(ctx, p.Since, p.Until)
	if err != nil {
		return PeriodSummary{}, err
	}
	snap, err := ix.snapshot(ctx, false)
	if err != nil {
		return PeriodSummary{}, err
	}
	type acc struct {
		NamedCompany
		seen  map[int64]bool
		names map[string]int
	}
	articles := map[int64]bool{}
	byCompany := map[string]*acc{}
	for _, r := range rows {
		articles[r.N] = true
		if r.Anchor == "" {
			continue
		}
		c := snap.company(r.Anchor)
		a := byCompany[c]
		if a == nil {
			a = &acc{NamedCompany: NamedCompany{Company: c}, seen: map[int64]bool{}, names: map[string]int{}}
			byCompany[c] = a
		}
		name := r.Canonical
		if name == "" {
			name = r.Text
		}
		a.names[name]++
		if !a.seen[r.N] {
			a.seen[r.N] = true
			a.Stories++
			if a.Latest.ArticleID == "" || r.Date.After(a.Latest.Date) {
				a.Latest = r.IndexArticleRef
			}
		}
	}
	sum := PeriodSummary{Stories: len(articles)}
	for _, a := range byCompany {
		a.Name = rankNames(a.names)[0]
		sum.Companies = append(sum.Companies, a.NamedCompany)
	}
	slices.SortFunc(sum.Companies, func(a, b NamedCompany) int {
		return cmp.Or(cmp.Compare(b.Stories, a.Stories), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Company, b.Company))
	})
	return sum, nil
}

// PeriodDeals lists the deals with a report dated in p, newest first.
// When the whole list is not kept it clusters only the ventures from
// dealMargin before the period on, as RecentDeals does.
func (ix *Index) PeriodDeals(ctx context.Context, p Period) ([]DealRow, error) {
	f := DealFilter{Since: p.Since}
	if !p.Until.IsZero() {
		f.Until = p.Until.Add(-time.Nanosecond)
	}
	snap, err := ix.snapshot(ctx, false)
	if err != nil {
		return nil, err
	}
	if snap.deals != nil || p.Since.IsZero() {
		return ix.Deals(ctx, f)
	}
	rows, err := ix.db.IndexVentures(ctx, p.Since.Add(-dealMargin))
	if err != nil {
		return nil, err
	}
	return FilterDeals(clusterDeals(rows, snap.resolver.Company), f), nil
}
