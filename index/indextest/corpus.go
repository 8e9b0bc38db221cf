package indextest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"newsmark/model"
	"newsmark/segment"
)

// A generator of synthetic business stories for the benchmarks and the
// SIGKILL test: companies, people, deals, currencies and places from the
// word lists below (written for this purpose), put together by templates,
// deterministic by seed. Half the stories come from files, half from the
// web. About half the stories report a deal; many deals
// are reported again by other outlets within days, with the parties named
// differently, so the tracker has clusters to make.

var (
	genStems = []string{"Zephyr", "Harbor", "Kestrel", "Orrin", "Tallis", "Quill", "Brackley", "Calloway", "Halvorsen",
		"Ostrava", "Meridian", "Norwood", "Pelham", "Ashdown", "Corvid", "Dunmore", "Elstree", "Fenwick", "Gresham",
		"Hollis", "Ingram", "Juniper", "Kinross", "Larkspur", "Marlow", "Nettleby", "Oakhurst", "Penrose", "Redfern",
		"Selwyn", "Thorne", "Upton", "Varden", "Wexford", "Yardley", "Alder", "Birchwood", "Cobalt", "Delmar", "Everly",
		"Falkner", "Galloway", "Hartwell", "Islay", "Jessop", "Keswick", "Lindqvist", "Moravia", "Nordvik", "Orla",
		"Pryce", "Quentin", "Rosslyn", "Stanmore", "Tamsin", "Ulverston", "Vesta", "Whitcombe", "Ystad", "Zarco"}
	genIndustries = []string{"Mills", "Energy", "Foods", "Robotics", "Logistics", "Pharma", "Steel", "Capital", "Motors",
		"Semiconductor", "Airways", "Shipping", "Telecom", "Chemicals", "Textiles", "Mining", "Software", "Brewing",
		"Insurance", "Grid", "Cement", "Biotech", "Rail", "Solar"}
	genSuffixes = []string{"Ltd.", "Inc.", "Corp.", "Plc", "AG", "SA", "Holdings Inc.", "Group Ltd.", "Co.", "LLC", "ASA", "NV"}
	genFirst    = []string{"Anna", "Marta", "David", "Kenji", "Priya", "Omar", "Lucia", "Henrik", "Sofia", "Thomas", "Aisha",
		"Rafael", "Ingrid", "Daniel", "Mei", "Carlos", "Fiona", "Yusuf", "Elena", "Patrick", "Hana", "Victor", "Laura", "Samuel"}
	genLast = []string{"Kowal", "Whitlow", "Brandt", "Okafor", "Tanaka", "Haddad", "Moreau", "Lindgren", "Castell", "Ruiz",
		"Marr", "Ellery", "Novak", "Sato", "Keane", "Varga", "Osei", "Holm", "Ferreira", "Iqbal", "Decker", "Aalto"}
	genTitles  = []string{"chief executive", "chief financial officer", "chairman", "head of strategy", "president"}
	genOutlets = []string{"Harbour Wire", "The Ledger", "Daily Courier", "Market Herald", "Bourse Journal", "Capital Times"}
	genPlaces  = []string{"Vietnam", "Poland", "Brazil", "Texas", "Bavaria", "the Gulf", "Kenya", "Ontario", "Chile",
		"Malaysia", "Norway", "Morocco", "Scotland", "Queensland", "Mexico", "India"}
	genCities  = []string{"London", "Frankfurt", "Tokyo", "New York", "Paris", "Singapore", "Oslo", "Zurich", "Madrid", "Seoul"}
	genBanks   = []string{"Goldman Sachs", "Morgan Stanley", "JPMorgan", "Barclays", "UBS", "Jefferies"}
	genPurpose = []string{"build battery plants", "make technical fabrics", "develop offshore wind farms", "run cold-storage warehouses",
		"produce green hydrogen", "design server chips", "operate container terminals", "make electric buses",
		"refine lithium", "sell insurance online", "grow vertical farms", "recycle aluminium cans"}
	genWeekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	genMoney    = []struct {
		format string
		scale  []string
	}{
		{"$%d %s", []string{"million", "billion"}}, {"%d %s euros", []string{"million", "billion"}},
		{"£%d %s", []string{"million", "billion"}}, {"¥%d %s", []string{"billion"}},
		{"%d %s Swiss francs", []string{"million"}}, {"A$%d %s", []string{"million"}},
		{"%d %s Norwegian kroner", []string{"million", "billion"}}, {"US$%d %s", []string{"million"}},
	}
	genKinds = []struct {
		kind      model.VentureKind
		templates []string // {A} {B} {AMT} {PLACE} {PURPOSE} {DAY} {STAKE}
	}{
		{model.JointVenture, []string{
			"{A} agreed to form a joint venture with {B} to {PURPOSE} in {PLACE}, the companies said on {DAY}.",
			"{A} and {B} will set up a joint venture worth {AMT} to {PURPOSE} in {PLACE}.",
			"{B} is teaming up with {A} in a {AMT} joint venture that will {PURPOSE} in {PLACE}, people familiar with the matter said.",
		}},
		{model.Acquisition, []string{
			"{A} agreed to buy {B} for {AMT}, the companies said on {DAY}.",
			"{A} will acquire {B} in a deal valued at {AMT}, including debt.",
			"{A} has agreed to take over {B} for about {AMT} in cash, according to a statement on {DAY}.",
		}},
		{model.Investment, []string{
			"{A} will invest {AMT} in {B}, taking a {STAKE} stake in the company.",
			"{A} agreed to buy a {STAKE} stake in {B} for {AMT}, the companies said on {DAY}.",
		}},
		{model.Partnership, []string{
			"{A} and {B} signed a partnership to {PURPOSE} in {PLACE}, the companies said on {DAY}.",
		}},
		{model.Merger, []string{
			"{A} and {B} agreed to merge in an all-share deal that values the combined group at {AMT}.",
		}},
	}
	genFiller = []string{
		"{A}'s shares rose {PCT}% in {CITY} trading on {DAY}, valuing the company at about {AMT}.",
		"Analysts at {BANK} said the move would add to earnings within {N} years, though costs could run higher than planned.",
		"The company, which employs {N},{NNN} people, has been looking for growth outside its home market since {YEAR}.",
		"Demand for its products fell {PCT}% in the first half as customers in {PLACE} delayed orders.",
		"{A} reported revenue of {AMT} for the year to March, up {PCT}% from a year earlier.",
		"Prices of raw materials have climbed for {N} straight quarters, squeezing margins across the industry.",
		"Rivals in {PLACE} have cut prices to win market share, and the sector's profits have shrunk since {YEAR}.",
		"The board will put the plan to shareholders at a meeting in {CITY} later this year, the company said.",
		"{PERSON}, who joined {A} in {YEAR}, has sold three businesses and closed two plants since taking over.",
		"Regulators in {PLACE} must approve the transaction, which is expected to close within {N} months.",
		"Bond investors have demanded higher yields from companies in the sector as interest rates stayed high.",
		"{BANK} and {BANK2} advised on the transaction, according to a filing with the stock exchange.",
	}
	genQuotes = []string{
		"This gives us the scale we need to compete for the next decade",
		"We have looked at this market for years and the timing is finally right",
		"Our customers want cleaner products and we intend to give them exactly that",
		"The numbers speak for themselves and we expect the deal to pay for itself quickly",
		"We will keep investing through the cycle because the long-term case is strong",
	}
)

// genCompany is a company of the synthetic world: its legal name and the
// shorter forms stories use.
type genCompany struct {
	legal, mid, short string
}

func genCompanies(r *rand.Rand, n int) []genCompany {
	seen := map[string]bool{}
	var out []genCompany
	for len(out) < n {
		stem := genStems[r.IntN(len(genStems))]
		ind := genIndustries[r.IntN(len(genIndustries))]
		mid := stem + " " + ind
		if seen[mid] {
			continue
		}
		seen[mid] = true
		out = append(out, genCompany{legal: mid + " " + genSuffixes[r.IntN(len(genSuffixes))], mid: mid, short: stem})
	}
	return out
}

// genDeal is one deal of the synthetic world, reported by one or more stories.
type genDeal struct {
	kind   int
	a, b   genCompany
	amount string
	stake  string
	place  string
	day    time.Time
}

// Corpus builds n stories, deterministic by seed: about half report a
// deal (a third of those a deal already reported by another outlet within
// ten days), the others are company news; bodies run 2–8 KB. Stories are
// dated 40 minutes apart from 1 January 2025, and segmented as the loader
// segments them.
func Corpus(seed uint64, n int) []model.Article {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	companies := genCompanies(r, 400)
	start := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)
	var recent []genDeal
	out := make([]model.Article, 0, n)
	for i := range n {
		day := start.Add(time.Duration(i) * 40 * time.Minute) // 20,000 stories span about 18 months
		var lead string
		var headCo genCompany
		switch {
		case r.IntN(2) == 0 && len(recent) > 0 && r.IntN(3) == 0:
			d := recent[r.IntN(len(recent))]
			if day.Sub(d.day) < 10*24*time.Hour {
				lead, headCo = genDealSentence(r, d, true), d.a
				break
			}
			fallthrough
		case r.IntN(2) == 0:
			d := genDeal{kind: r.IntN(len(genKinds)), a: companies[r.IntN(len(companies))], b: companies[r.IntN(len(companies))],
				amount: genAmount(r), stake: fmt.Sprintf("%d%%", 5+r.IntN(45)), place: pick(r, genPlaces), day: day}
			if d.a == d.b {
				d.b = companies[(r.IntN(len(companies)-1)+1)%len(companies)]
			}
			recent = append(recent, d)
			if len(recent) > 40 {
				recent = recent[1:]
			}
			lead, headCo = genDealSentence(r, d, false), d.a
		default:
			headCo = companies[r.IntN(len(companies))]
			lead = fill(r, pick(r, genFiller), headCo)
		}
		body := genBody(r, lead, headCo, 2048+r.IntN(6144))
		title := genTitle(lead)
		outlet := pick(r, genOutlets)
		out = append(out, story(fmt.Sprintf("gen-%d-%d", seed, i), title, body))
		a := &out[len(out)-1]
		a.Source, a.Date = outlet, day
		if i%2 == 0 { // half from files (an absolute path), half from the web
			a.Path = fmt.Sprintf("/corpus/%d/story-%05d.txt", seed, i)
		} else {
			a.URL = fmt.Sprintf("https://%s.example/%d", strings.ToLower(strings.ReplaceAll(outlet, " ", "-")), i)
		}
	}
	return out
}

// genDealSentence tells of deal d; a later report names the parties more
// briefly and words the amount its own way.
func genDealSentence(r *rand.Rand, d genDeal, later bool) string {
	k := genKinds[d.kind]
	s := pick(r, k.templates)
	a, b := d.a.legal, d.b.legal
	if later {
		a, b = pick(r, []string{d.a.mid, d.a.short, d.a.legal}), pick(r, []string{d.b.mid, d.b.legal})
	}
	s = strings.NewReplacer("{A}", a, "{B}", b, "{AMT}", d.amount, "{PLACE}", d.place, "{STAKE}", d.stake,
		"{PURPOSE}", pick(r, genPurpose), "{DAY}", pick(r, genWeekdays)).Replace(s)
	return s
}

func genAmount(r *rand.Rand) string {
	m := genMoney[r.IntN(len(genMoney))]
	return fmt.Sprintf(m.format, 2+r.IntN(900), pick(r, m.scale))
}

func genTitle(lead string) string {
	t := lead
	if i := strings.Index(t, ","); i > 0 && i < 90 {
		t = t[:i]
	}
	if len(t) > 90 {
		t = t[:90]
		if i := strings.LastIndexByte(t, ' '); i > 0 {
			t = t[:i]
		}
	}
	return strings.TrimSuffix(t, ".")
}

// genBody grows a story around its lead to about size bytes: context,
// figures and a quote from an executive, in paragraphs of one to three
// sentences.
func genBody(r *rand.Rand, lead string, co genCompany, size int) string {
	var b strings.Builder
	b.WriteString(lead)
	person := pick(r, genFirst) + " " + pick(r, genLast)
	quoted := false
	for b.Len() < size {
		b.WriteString("\n\n")
		if !quoted && r.IntN(3) == 0 {
			fmt.Fprintf(&b, "\u201c%s,\u201d %s, %s of %s, said in a statement.", pick(r, genQuotes), person, pick(r, genTitles), co.short)
			quoted = true
			continue
		}
		for j := range 1 + r.IntN(3) {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(fill(r, pick(r, genFiller), co))
		}
	}
	return b.String()
}

func fill(r *rand.Rand, s string, co genCompany) string {
	return strings.NewReplacer("{A}", pick(r, []string{co.short, co.mid}), "{PCT}", fmt.Sprint(1+r.IntN(30)),
		"{CITY}", pick(r, genCities), "{DAY}", pick(r, genWeekdays), "{AMT}", genAmount(r), "{BANK}", pick(r, genBanks),
		"{BANK2}", pick(r, genBanks), "{N}", fmt.Sprint(2+r.IntN(8)), "{NNN}", fmt.Sprintf("%03d", r.IntN(1000)),
		"{YEAR}", fmt.Sprint(2005+r.IntN(19)), "{PLACE}", pick(r, genPlaces),
		"{PERSON}", pick(r, genFirst)+" "+pick(r, genLast)).Replace(s)
}

func pick(r *rand.Rand, l []string) string { return l[r.IntN(len(l))] }

// story makes an article of plain text as the loader does: paragraphs
// and sentences segmented.
func story(id, title, body string) model.Article {
	return model.Article{ID: id, Title: title, Body: body, Paragraphs: segment.Paragraphs(body), Sentences: segment.Sentences(body)}
}
