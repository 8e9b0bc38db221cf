package index

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"newsmark/model"
)

// DealFilter narrows the deal tracker. The zero filter keeps every deal.
type DealFilter struct {
	Kinds []model.VentureKind // any of these kinds; none: all
	// Party keeps deals with a party whose name contains it (any case), or
	// whose company is it.
	Party          string
	MinUSD, MaxUSD float64 // amount bounds in dollars; 0: no bound (MinUSD > 0 drops deals without a known amount)
	// Since and Until bound the period: a deal is in it when a report of it
	// is (Last ≥ Since, Date ≤ Until). Zero: open.
	Since, Until time.Time
	Status       string // announced or background; "": both
}

// Match reports whether d passes the filter.
func (f DealFilter) Match(d *DealRow) bool {
	if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, d.Kind) {
		return false
	}
	if f.Status != "" && d.Status != f.Status {
		return false
	}
	if !f.Since.IsZero() && d.Last.Before(f.Since) {
		return false
	}
	if !f.Until.IsZero() && d.Date.After(f.Until) {
		return false
	}
	if f.MinUSD > 0 && d.USD < f.MinUSD {
		return false
	}
	if f.MaxUSD > 0 && (d.USD > f.MaxUSD || d.USD == 0) {
		return false
	}
	if f.Party != "" {
		want := strings.ToLower(f.Party)
		found := false
		for _, p := range d.Parties {
			if p.Company == f.Party || strings.Contains(strings.ToLower(p.Name), want) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// FilterDeals is the deals of rows that pass f, in their order.
func FilterDeals(rows []DealRow, f DealFilter) []DealRow {
	out := make([]DealRow, 0, len(rows))
	for i := range rows {
		if f.Match(&rows[i]) {
			out = append(out, rows[i])
		}
	}
	return out
}

// DealSort is an order of the tracker's rows.
type DealSort int

// The orders: each is descending (largest, newest, most first) with the
// newest deal first among equals; Reverse turns it round.
const (
	ByDate DealSort = iota
	ByAmount
	BySources
	ByKind // alphabetical, then newest first
)

func (s DealSort) String() string {
	return [...]string{"date", "amount", "sources", "kind"}[s]
}

// ParseDealSort reads the name of an order: date, amount, sources or kind.
func ParseDealSort(name string) (DealSort, bool) {
	for s := ByDate; s <= ByKind; s++ {
		if s.String() == name {
			return s, true
		}
	}
	return ByDate, false
}

// DealOrder returns the indexes of rows in the order by, leaving rows as
// they are: a view keeps its rows and re-orders these on a key, which
// moves ints, not rows. Ties go newest first, then by ID, so the order is
// total and the same every time.
func DealOrder(rows []DealRow, by DealSort, reverse bool) []int {
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	var key func(a, b *DealRow) int
	switch by {
	case ByAmount:
		key = func(a, b *DealRow) int { return cmp.Compare(b.USD, a.USD) }
	case BySources:
		key = func(a, b *DealRow) int { return cmp.Compare(len(b.Sources), len(a.Sources)) }
	case ByKind:
		key = func(a, b *DealRow) int { return cmp.Compare(a.Kind, b.Kind) }
	default:
		key = func(a, b *DealRow) int { return 0 }
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &rows[i], &rows[j]
		c := key(a, b)
		if c == 0 {
			c = b.Date.Compare(a.Date)
		}
		if c == 0 {
			c = cmp.Compare(a.ID, b.ID)
		}
		if reverse {
			return -c
		}
		return c
	})
	return order
}

// SortDeals orders rows in place by DealOrder.
func SortDeals(rows []DealRow, by DealSort, reverse bool) {
	order := DealOrder(rows, by, reverse)
	sorted := make([]DealRow, len(rows))
	for i, j := range order {
		sorted[i] = rows[j]
	}
	copy(rows, sorted)
}

// snapshot is what the deal tracker derives from the whole index, kept
// until the index's generation changes (any write, by any process).
type snapshot struct {
	gen      int64
	resolver *Resolver
	deals    []DealRow // newest first
}

// company resolves an anchor.
func (s *snapshot) company(anchor string) string {
	return s.resolver.Company(anchor)
}

// snapshot returns the current snapshot, building it if the index changed
// since the last one. Building it reads every venture and the evidence;
// after that, a call costs one small query.
func (ix *Index) snapshot(ctx context.Context) (*snapshot, error) {
	gen, err := ix.db.IndexGeneration(ctx)
	if err != nil {
		return nil, err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.snap != nil && ix.snap.gen == gen {
		return ix.snap, nil
	}
	gen, ventures, keys, err := ix.db.IndexDealData(ctx)
	if err != nil {
		return nil, err
	}
	r := NewResolver(keys)
	ix.snap = &snapshot{gen: gen, resolver: r, deals: clusterDeals(ventures, r.Company)}
	return ix.snap, nil
}

// Deals lists the deals that pass f, newest first. The first call (and the
// first after the index changes) clusters every venture of the library;
// later calls filter the kept rows in memory. The rows are the caller's to
// sort or keep.
func (ix *Index) Deals(ctx context.Context, f DealFilter) ([]DealRow, error) {
	snap, err := ix.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	return FilterDeals(snap.deals, f), nil
}
