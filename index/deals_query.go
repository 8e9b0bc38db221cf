package index

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"newsmark/model"
	"newsmark/store"
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
			if p.Company == f.Party || containsFold(p.Name, want) {
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

// containsFold reports whether s holds sub (in lower case), ignoring case.
// A view filters every row on each key typed, so ASCII names, nearly all,
// are compared byte by byte without making a lower-case copy.
func containsFold(s, sub string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.Contains(strings.ToLower(s), sub)
		}
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && lowerASCII(s[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
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

// snapshot is what is derived from the whole index, kept until the
// index's generation changes (any write, by any process): the resolver,
// and the clustered deals once asked for.
type snapshot struct {
	gen      int64
	corr     int64 // the corrections' revision (0 without them)
	resolver *Resolver
	deals    []DealRow // newest first; nil until Deals asks
}

// company resolves an anchor.
func (s *snapshot) company(anchor string) string {
	return s.resolver.Company(anchor)
}

// snapshot returns the current snapshot (with its deals if withDeals),
// building what is missing. The resolver reads the summed evidence, a
// small table; the deals read every venture. After that a call costs one
// small query. The generation is read before the data, so a snapshot is
// never labelled newer than what it holds.
func (ix *Index) snapshot(ctx context.Context, withDeals bool) (*snapshot, error) {
	gen, err := ix.db.IndexGeneration(ctx)
	if err != nil {
		return nil, err
	}
	var corr int64
	if ix.corrections != nil {
		if corr, err = ix.db.CorrectionsRevision(ctx); err != nil {
			return nil, err
		}
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.snap != nil && ix.snap.gen == gen && ix.snap.corr == corr && (!withDeals || ix.snap.deals != nil) {
		return ix.snap, nil
	}
	resolver := func(keys []store.IndexKey) (*Resolver, error) {
		r := NewResolver(keys)
		if ix.corrections == nil {
			return r, nil
		}
		list, _, err := ix.db.Corrections(ctx)
		entries := make([]model.UserEntry, len(list))
		for i, c := range list {
			entries[i] = c.Entry
		}
		r.userOverrides(entries)
		return r, err
	}
	if !withDeals {
		keys, err := ix.db.IndexKeyCounts(ctx)
		if err != nil {
			return nil, err
		}
		r, err := resolver(keys)
		if err != nil {
			return nil, err
		}
		ix.snap = &snapshot{gen: gen, corr: corr, resolver: r}
		return ix.snap, nil
	}
	gen, ventures, keys, err := ix.db.IndexDealData(ctx)
	if err != nil {
		return nil, err
	}
	r, err := resolver(keys)
	if err != nil {
		return nil, err
	}
	ix.snap = &snapshot{gen: gen, corr: corr, resolver: r, deals: clusterDeals(ventures, r.Company)}
	if ix.snap.deals == nil {
		ix.snap.deals = []DealRow{}
	}
	return ix.snap, nil
}

// RecentDeals is the first page of the tracker, newest first, at most n
// rows, without reading the whole library: it clusters only the ventures
// of the last months before the newest (and a margin of dealMargin before
// those, so that the deals it returns were clustered with every report
// that could join them), widening the span until it has n deals. When the
// full list is already kept, its first rows are returned. The deals view
// shows this in its first frame and asks Deals for the full list in
// another tea.Cmd; in all but contrived chains of reports the first rows
// of both agree.
func (ix *Index) RecentDeals(ctx context.Context, n int) ([]DealRow, error) {
	snap, err := ix.snapshot(ctx, false)
	if err != nil {
		return nil, err
	}
	if snap.deals != nil {
		return slices.Clone(snap.deals[:min(n, len(snap.deals))]), nil
	}
	oldest, newest, err := ix.db.IndexVentureSpan(ctx)
	if err != nil || newest.IsZero() {
		return []DealRow{}, err
	}
	for span := 30 * 24 * time.Hour; ; span *= 4 {
		from := newest.Add(-span)
		read := from.Add(-dealMargin)
		rows, err := ix.db.IndexVentures(ctx, read)
		if err != nil {
			return nil, err
		}
		deals := clusterDeals(rows, snap.resolver.Company)
		if !read.After(oldest) {
			return deals[:min(n, len(deals))], nil // the whole library was read
		}
		keep := 0
		for keep < len(deals) && !deals[keep].Date.Before(from) {
			keep++
		}
		if keep >= n {
			return deals[:n], nil
		}
	}
}

// dealMargin is how much earlier than the deals it returns RecentDeals
// reads: reports in the margin may start or join deals that take later
// reports, and six windows of them leave the newest deals as the whole
// library would cluster them.
const dealMargin = 6 * DealWindow

// Resolver is the company resolver of the index as it is now.
func (ix *Index) Resolver(ctx context.Context) (*Resolver, error) {
	snap, err := ix.snapshot(ctx, false)
	if err != nil {
		return nil, err
	}
	return snap.resolver, nil
}

// Deals lists the deals that pass f, newest first. The first call (and the
// first after the index changes) clusters every venture of the library;
// later calls filter the kept rows in memory. The rows are the caller's to
// sort or keep.
func (ix *Index) Deals(ctx context.Context, f DealFilter) ([]DealRow, error) {
	snap, err := ix.snapshot(ctx, true)
	if err != nil {
		return nil, err
	}
	return FilterDeals(snap.deals, f), nil
}
