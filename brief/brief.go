package brief

import (
	"context"
	"slices"
	"time"

	"newsmark/index"
	"newsmark/model"
)

// Brief is what the daily brief holds.
type Brief struct {
	index.Period
	Stories int // the stories dated in the period
	// Deals are the deals with a report in the period, newest first.
	Deals []index.DealRow
	// Companies are the companies the most stories of the period name,
	// most named first (at most TopCompanies).
	Companies []index.NamedCompany
	// Watch is the watchlist, in the order companies were followed.
	Watch []Watched
	// Highlights are the reader's highlights made or edited in the period,
	// oldest first.
	Highlights []model.Highlight
}

// Watched is a followed company in the period: how many stories named it,
// what it and its people said and what was said about it.
type Watched struct {
	index.Followed
	Stories     int
	Said, About []index.CompanyQuote
}

// TopCompanies is how many of the most named companies a brief lists.
const TopCompanies = 10

// WatchStories bounds the stories a followed company's quotes are read
// from: its newest in the period. A brief is skimmed, and each story costs
// a read of its body (a company named in most of a month's news would
// cost hundreds); its page (i, `newsmark company`) has them all.
const WatchStories = 40

// Gather makes the brief of period p from the index and the reader's
// highlights (all of them; those of the period are kept).
func Gather(ctx context.Context, ix *index.Index, highlights []model.Highlight, p index.Period) (*Brief, error) {
	b := &Brief{Period: p}
	var err error
	if b.Deals, err = ix.PeriodDeals(ctx, p); err != nil {
		return nil, err
	}
	sum, err := ix.Period(ctx, p)
	if err != nil {
		return nil, err
	}
	b.Stories = sum.Stories
	b.Companies = sum.Companies[:min(TopCompanies, len(sum.Companies))]
	following, err := ix.Following(ctx)
	if err != nil {
		return nil, err
	}
	for _, f := range following {
		w := Watched{Followed: f}
		page, ok, err := ix.CompanyPage(ctx, f.Company, index.PageOptions{Period: p, Limit: WatchStories})
		if err != nil {
			return nil, err
		}
		if ok {
			w.Stories = page.Total
			for _, q := range page.Quotes {
				if q.By {
					w.Said = append(w.Said, q)
				} else {
					w.About = append(w.About, q)
				}
			}
		}
		b.Watch = append(b.Watch, w)
	}
	for _, h := range highlights {
		if in(p, h.Created) || in(p, h.Updated) {
			b.Highlights = append(b.Highlights, h)
		}
	}
	slices.SortStableFunc(b.Highlights, func(a, c model.Highlight) int { return a.Created.Compare(c.Created) })
	return b, nil
}

// in reports whether t, set, falls in p.
func in(p index.Period, t time.Time) bool {
	return !t.IsZero() && (p.Since.IsZero() || !t.Before(p.Since)) && (p.Until.IsZero() || t.Before(p.Until))
}
