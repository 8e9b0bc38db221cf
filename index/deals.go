package index

import (
	"slices"
	"strconv"
	"time"

	"newsmark/model"
	"newsmark/store"
)

// Deal clustering: the same deal reported by several outlets is one row.
// Two ventures are reports of one deal when they are of the same kind,
// share min(2, parties) companies (each side's party count; company
// identity from the Resolver), come from different articles, and the later
// is dated at most DealWindow after the deal was first reported. So the
// same parties' deal a month later is another row. Ventures are taken
// oldest first; one joins the open deal it shares the most parties with.

// DealWindow is how long after its first report a deal gathers reports.
const DealWindow = 14 * 24 * time.Hour

// DealRow is one deal of the tracker.
type DealRow struct {
	// ID stays the same while the deal's first report does: its article ID
	// and the venture's place in it.
	ID   string
	Date time.Time // the first report's date
	Last time.Time // the latest report's date
	Kind model.VentureKind
	// Parties are the companies (and other parties) in order of first
	// mention, each named by the fullest form any report used.
	Parties []Party
	// Amount is the first amount reported, in its own words; USD is it in
	// US dollars at the table of RatesAsOf (0: none, or unknown currency).
	Amount          string
	USD             float64
	Stake, Location string
	// Status is announced if any report announces the deal, else
	// background (reports that only mention it as past).
	Status  string
	Sources []DealSource // one per article, oldest first
}

// Party is one party of a deal; Company is its identity across articles
// (the same for "Zephyr Mills Ltd." and "Zephyr").
type Party struct {
	Name    string
	Company string
}

// DealSource is one article that reports a deal.
type DealSource struct {
	ArticleID, Title string
	Outlet           string // the article's source: "Bloomberg"
	URL, Path        string
	Date             time.Time
	Summary          string
	Amounts          []string
	// Evidence is where the article tells of the deal (byte offsets into
	// its body): the reader opens the source there.
	Evidence model.Span
}

// Locator is how a reader would name where the source came from.
func (s DealSource) Locator() string {
	if s.URL != "" {
		return s.URL
	}
	return s.Path
}

// PartyNames is the deal's parties' names.
func (d DealRow) PartyNames() []string {
	out := make([]string, len(d.Parties))
	for i, p := range d.Parties {
		out[i] = p.Name
	}
	return out
}

// dealMember is one venture report being clustered.
type dealMember struct {
	row       *store.IndexVentureRow
	partyIDs  []string // the identity of each party, aligned with row.Parties
	companies []string // the distinct identities
}

func newDealMember(r *store.IndexVentureRow, company func(string) string) dealMember {
	m := dealMember{row: r, partyIDs: make([]string, len(r.Parties)), companies: make([]string, 0, len(r.Parties))}
	for i, p := range r.Parties {
		id := ""
		if i < len(r.Anchors) && r.Anchors[i] != "" {
			id = company(r.Anchors[i])
		}
		if id == "" {
			id = "N:" + normName(p) // not a company entity: its name is all there is
		}
		m.partyIDs[i] = id
		if !slices.Contains(m.companies, id) {
			m.companies = append(m.companies, id)
		}
	}
	return m
}

// clusterDeals groups venture reports (oldest first) into deals, and
// returns them newest first.
func clusterDeals(rows []store.IndexVentureRow, company func(anchor string) string) []DealRow {
	type cluster struct {
		first    time.Time
		members  []dealMember
		articles []string
	}
	type openKey struct{ kind, company string }
	var clusters []*cluster
	// open lists, per kind and party identity, the clusters that may still
	// take a report; entries past the window are dropped as they are met.
	open := map[openKey][]int{}
	for i := range rows {
		r := &rows[i]
		m := newDealMember(r, company)
		best, bestShared := -1, 0
		for _, c := range m.companies {
			k := openKey{r.Kind, c}
			live := open[k][:0]
			for _, ci := range open[k] {
				cl := clusters[ci]
				if r.Date.Sub(cl.first) > DealWindow {
					continue
				}
				live = append(live, ci)
				if slices.Contains(cl.articles, r.ArticleID) {
					continue
				}
				if shared := matchCluster(m, cl.members); shared > bestShared || (shared == bestShared && shared > 0 && ci < best) {
					best, bestShared = ci, shared
				}
			}
			open[k] = live
		}
		if best < 0 {
			clusters = append(clusters, &cluster{first: r.Date})
			best = len(clusters) - 1
		}
		cl := clusters[best]
		cl.members = append(cl.members, m)
		cl.articles = append(cl.articles, r.ArticleID)
		for _, c := range m.companies {
			k := openKey{r.Kind, c}
			if !slices.Contains(open[k], best) {
				open[k] = append(open[k], best)
			}
		}
	}
	out := make([]DealRow, len(clusters))
	for i, cl := range clusters {
		out[len(clusters)-1-i] = dealRow(cl.members)
	}
	// Clusters were opened oldest first; reversed, ties keep newest first.
	slices.SortStableFunc(out, func(a, b DealRow) int { return b.Date.Compare(a.Date) })
	return out
}

// matchCluster is the most parties m shares with one report of a deal
// when that is enough (min(2, either's party count)), else 0.
func matchCluster(m dealMember, members []dealMember) int {
	best := 0
	for _, o := range members {
		need := min(2, len(m.companies), len(o.companies))
		if need == 0 {
			continue
		}
		shared := 0
		for _, c := range m.companies {
			if slices.Contains(o.companies, c) {
				shared++
			}
		}
		if shared >= need && shared > best {
			best = shared
		}
	}
	return best
}

// dealRow sums up a cluster's reports (oldest first).
func dealRow(ms []dealMember) DealRow {
	first := ms[0].row
	d := DealRow{
		ID: first.ArticleID + "#" + strconv.Itoa(first.Ord), Date: first.Date, Last: ms[len(ms)-1].row.Date,
		Kind: model.VentureKind(first.Kind), Status: first.Status,
	}
	at := map[string]int{} // identity → index in d.Parties
	for _, m := range ms {
		r := m.row
		if r.Status == model.Announced {
			d.Status = model.Announced
		}
		if d.Amount == "" && len(r.Amounts) > 0 {
			d.Amount, d.USD = r.Amounts[0], r.AmountUSD
		}
		if d.Stake == "" {
			d.Stake = r.Stake
		}
		if d.Location == "" {
			d.Location = r.Location
		}
		for i, p := range r.Parties {
			id := m.partyIDs[i]
			if j, ok := at[id]; ok {
				if len(p) > len(d.Parties[j].Name) {
					d.Parties[j].Name = p
				}
				continue
			}
			at[id] = len(d.Parties)
			d.Parties = append(d.Parties, Party{Name: p, Company: id})
		}
		src := DealSource{ArticleID: r.ArticleID, Title: r.Title, Outlet: r.Source, URL: r.URL, Path: r.Path,
			Date: r.Date, Summary: r.Summary, Amounts: r.Amounts}
		if r.HasEvidence {
			src.Evidence = r.Evidence
		}
		d.Sources = append(d.Sources, src)
	}
	return d
}
