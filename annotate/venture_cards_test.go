package annotate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"newsmark/model"
	"newsmark/segment"
)

// The venture card a reader sees must show the deal's own amount, stake and
// location. These tests score the card fields of our sample articles against
// their gold files, then check each field rule on sentences of our own.

type cardGold struct {
	Companies []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	} `json:"companies"`
	Ventures []struct {
		Parties  []string `json:"parties"`
		Amounts  []string `json:"amounts"`
		Stake    string   `json:"stake"`
		Location string   `json:"location"`
	} `json:"ventures"`
}

var cardWord = regexp.MustCompile(`[a-z0-9&]+`)

// cardKey folds a name as the scorer does: lower case, words only, no
// leading "the", no trailing corporate suffix.
func cardKey(s string) string {
	w := cardWord.FindAllString(strings.ReplaceAll(strings.ToLower(s), "'s ", " "), -1)
	if len(w) > 0 && w[0] == "the" {
		w = w[1:]
	}
	for len(w) > 1 {
		switch w[len(w)-1] {
		case "inc", "corp", "co", "ltd", "llc", "plc", "sa", "ag", "nv", "se", "spa", "asa", "as", "kk", "gmbh", "bv":
			w = w[:len(w)-1]
			continue
		}
		break
	}
	return strings.Join(w, " ")
}

var cardNum = regexp.MustCompile(`\d+(?:\.\d+)?`)

// cardAmount reports whether two amounts name one figure: one's text holds
// the other's and they share a number (as score.py's figure match).
func cardAmount(p, g string) bool {
	norm := func(s string) string {
		return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, ",", ""))), " ")
	}
	pk, gk := norm(p), norm(g)
	if pk == "" || gk == "" || !strings.Contains(pk, gk) && !strings.Contains(gk, pk) {
		return false
	}
	gn := cardNum.FindAllString(gk, -1)
	if len(gn) == 0 {
		return true
	}
	for _, n := range gn {
		if strings.Contains(pk, n) {
			return true
		}
	}
	return false
}

// cardPlace reports whether a predicted location agrees with the gold one:
// equal, or one names the other ("Ohio" in "northeastern Ohio").
func cardPlace(p, g string) bool {
	p, g = cardKey(p), cardKey(g)
	return p == g || p != "" && g != "" && (strings.Contains(g, p) || strings.Contains(p, g))
}

func cardStake(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, strings.ReplaceAll(strings.ReplaceAll(s, " per cent", "%"), " percent", "%"))
}

type cardScore struct{ amtHit, amtGold, amtRight, amtPred, stakeOK, stakeN, placeOK, placeN int }

// scoreCards matches each predicted venture to the gold venture sharing two
// of its parties (one for a one-party gold) and counts its fields.
func scoreCards(g cardGold, vs []model.Venture, log func(string, ...any)) cardScore {
	var sc cardScore
	find := func(name string) int {
		k := cardKey(name)
		for i, c := range g.Companies {
			for _, n := range append([]string{c.Name}, c.Aliases...) {
				if cardKey(n) == k {
					return i
				}
			}
		}
		return -1
	}
	used := map[int]bool{}
	for _, v := range vs {
		ps := map[int]bool{}
		for _, p := range v.Parties {
			if i := find(p); i >= 0 {
				ps[i] = true
			}
		}
		for gi, gv := range g.Ventures {
			n, need := 0, min(2, len(gv.Parties))
			for _, p := range gv.Parties {
				if i := find(p); i >= 0 && ps[i] {
					n++
				}
			}
			if used[gi] || need == 0 || n < need {
				continue
			}
			used[gi] = true
			for _, ga := range gv.Amounts {
				sc.amtGold++
				for _, pa := range v.Amounts {
					if cardAmount(pa, ga) {
						sc.amtHit++
						break
					}
				}
			}
			for _, pa := range v.Amounts {
				sc.amtPred++
				ok := false
				for _, ga := range gv.Amounts {
					ok = ok || cardAmount(pa, ga)
				}
				if ok {
					sc.amtRight++
				} else {
					log("  %v: amount %q is not the deal's (gold %q)", v.Parties, pa, gv.Amounts)
				}
			}
			if gv.Stake != "" || v.Stake != "" {
				sc.stakeN++
				if cardStake(gv.Stake) == cardStake(v.Stake) {
					sc.stakeOK++
				} else {
					log("  %v: stake %q, gold %q", v.Parties, v.Stake, gv.Stake)
				}
			}
			if gv.Location != "" || v.Location != "" {
				sc.placeN++
				if cardPlace(v.Location, gv.Location) {
					sc.placeOK++
				} else {
					log("  %v: location %q, gold %q", v.Parties, v.Location, gv.Location)
				}
			}
			break
		}
	}
	return sc
}

// sampleArticle reads one sample as the loader would see its body: the
// "date YYYY-MM-DD caption" line and the credit lines are not body text.
func sampleArticle(t *testing.T, path string) model.Article {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var a model.Article
	var body []string
	lines := strings.Split(string(raw), "\n")
	for i, line := range lines {
		f := strings.Fields(line)
		if i == 0 && len(f) >= 2 && f[0] == "date" {
			if d, err := time.Parse("2006-01-02", f[1]); err == nil {
				a.Date = d
				a.Caption = strings.Join(f[2:], " ")
				continue
			}
		}
		if i == 0 && len(lines) > 1 && strings.TrimSpace(lines[1]) == "" {
			a.Title = strings.TrimSpace(line) // a headline line, then a blank one
			continue
		}
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "--") || strings.HasPrefix(t, "©") || strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
			continue // credits and editors' notes are no body text
		}
		body = append(body, line)
	}
	a.Body = strings.TrimSpace(strings.Join(body, "\n"))
	a.Paragraphs = segment.Paragraphs(a.Body)
	a.Sentences = segment.Sentences(a.Body)
	return a
}

// TestVentureCardsMatchSampleGolds scores amounts, stakes and locations of
// every sample's venture cards against its gold file. The floors are the
// scores reached: a change that lowers one shows here, with what went wrong.
func TestVentureCardsMatchSampleGolds(t *testing.T) {
	golds, _ := filepath.Glob("../articles/samples/*.gold.json")
	if len(golds) == 0 {
		t.Skip("no sample golds")
	}
	var total cardScore
	for _, gp := range golds {
		txt := strings.TrimSuffix(gp, ".gold.json") + ".txt"
		if _, err := os.Stat(txt); err != nil {
			continue
		}
		var g cardGold
		raw, err := os.ReadFile(gp)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", gp, err)
		}
		ann := Article(sampleArticle(t, txt))
		sc := scoreCards(g, ann.Ventures, func(f string, args ...any) { t.Logf(filepath.Base(txt)+f, args...) })
		total.amtHit += sc.amtHit
		total.amtGold += sc.amtGold
		total.amtRight += sc.amtRight
		total.amtPred += sc.amtPred
		total.stakeOK += sc.stakeOK
		total.stakeN += sc.stakeN
		total.placeOK += sc.placeOK
		total.placeN += sc.placeN
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	t.Logf("amounts found %d/%d, amounts right %d/%d, stakes %d/%d, locations %d/%d", total.amtHit, total.amtGold,
		total.amtRight, total.amtPred, total.stakeOK, total.stakeN, total.placeOK, total.placeN)
	for _, c := range []struct {
		field     string
		got, want float64
	}{
		{"gold amounts found", ratio(total.amtHit, total.amtGold), 0.90},
		{"predicted amounts right", ratio(total.amtRight, total.amtPred), 0.80},
		{"stakes", ratio(total.stakeOK, total.stakeN), 0.95},
		{"locations", ratio(total.placeOK, total.placeN), 0.75},
	} {
		if c.got < c.want {
			t.Errorf("%s: %.2f, below %.2f", c.field, c.got, c.want)
		}
	}
}

// cardCase is one story of our own and the card fields its first deal
// (or the deal of kind want.kind) must show.
type cardCase struct {
	name      string
	body      string
	companies []string
	places    []string
	figures   []cardFig
	kind      model.VentureKind
	amounts   string // joined with "|"
	stake     string
	location  string
	timeframe string
	dealName  string
}

type cardFig struct {
	text string
	sub  model.FigureKind
}

func TestVentureCardFieldRules(t *testing.T) {
	cases := []cardCase{
		{
			name: "a party's market value after a share move is no deal amount",
			body: "Kestrel Works agreed to form a joint venture with Harbour Bank to run grain terminals. " +
				"Shares of Kestrel Works rose 3%, giving the company a market value of about £2.1 billion.",
			companies: []string{"Kestrel Works", "Harbour Bank"},
			figures:   []cardFig{{"3%", model.Percent}, {"£2.1 billion", model.Money}},
			amounts:   "",
		},
		{
			name: "revenue and net debt are results, not deal money",
			body: "Kestrel Works will buy Alder Mills for $900 million. Alder Mills had revenue of $2 billion last year, " +
				"and Kestrel Works said the purchase would lift its net debt to $4 billion.",
			companies: []string{"Kestrel Works", "Alder Mills"},
			figures:   []cardFig{{"$900 million", model.Money}, {"$2 billion", model.Money}, {"$4 billion", model.Money}},
			amounts:   "$900 million",
		},
		{
			name:      "a merger's combined market value is the deal's size, and its conversion follows it",
			body:      "Kestrel Works and Alder Mills agreed to merge, creating a group with a combined market value of 8 trillion won ($6 billion).",
			companies: []string{"Kestrel Works", "Alder Mills"},
			figures:   []cardFig{{"8 trillion won", model.Money}, {"$6 billion", model.Money}},
			amounts:   "8 trillion won|$6 billion",
		},
		{
			name:      "a funding round's valuation is the company's worth; the money raised is the deal's",
			body:      "Orchard Ventures led a 300 million euro funding round in Alder Mills that values Alder Mills at 4 billion euros.",
			companies: []string{"Orchard Ventures", "Alder Mills"},
			figures:   []cardFig{{"300 million euro", model.Money}, {"4 billion euros", model.Money}},
			amounts:   "300 million euro",
		},
		{
			name:      "a purchase that values the target gives the deal's value",
			body:      "Kestrel Works agreed to buy Alder Mills. The purchase values Alder Mills at about ¥312 billion, or roughly US$2.1 billion.",
			companies: []string{"Kestrel Works", "Alder Mills"},
			figures:   []cardFig{{"¥312 billion", model.Money}, {"US$2.1 billion", model.Money}},
			amounts:   "¥312 billion|US$2.1 billion",
		},
		{
			name: "an amount before another named project is that project's; money told right after the deal is its own",
			body: "Kestrel Works and Harbour Bank will set up a 50-50 venture to sell cloud services in Brazil. " +
				"The venture will hire 800 people, and Harbour Bank's units will spend about $2 billion a year on its services. " +
				"The tie-up builds on Harbour Bank's role in the $40 billion Meridian endeavor in Chile.",
			companies: []string{"Kestrel Works", "Harbour Bank"},
			places:    []string{"Brazil", "Chile"},
			figures: []cardFig{{"50-50", model.Ratio}, {"800 people", model.Count}, {"$2 billion a year", model.Money},
				{"$40 billion", model.Money}},
			amounts: "$2 billion a year", stake: "50-50", location: "Brazil",
		},
		{
			name: "the full split wins over one side's percentage; 'the partners' spend the deal's money over its timeframe",
			body: "Kestrel Works agreed to set up a joint venture with Harbour Bank to build cold stores across the Gulf, " +
				"its largest expansion in two decades. Kestrel Works will own 51% of the venture and Harbour Bank 49%, a 51:49 split. " +
				"The partners plan to spend $1.2 billion over five years.",
			companies: []string{"Kestrel Works", "Harbour Bank"},
			places:    []string{"Gulf"},
			figures: []cardFig{{"two decades", model.Duration}, {"51%", model.Percent}, {"49%", model.Percent},
				{"51:49", model.Ratio}, {"$1.2 billion", model.Money}, {"five years", model.Duration}},
			amounts: "$1.2 billion", stake: "51:49", location: "the Gulf", timeframe: "five years",
		},
		{
			name:      "a comparison's duration is no timeframe; a deal's term is",
			body:      "Kestrel Works struck a 10-year partnership with Harbour Bank, the biggest such deal in three decades.",
			companies: []string{"Kestrel Works", "Harbour Bank"},
			figures:   []cardFig{{"10-year", model.Duration}, {"three decades", model.Duration}},
			timeframe: "10-year",
		},
		{
			name: "'the two companies' refer to the deal; a loan finances it",
			body: "Kestrel Works will build drugs with Harbour Bank in a partnership. " +
				"The two companies will split profits 50-50 and borrow through a $300 million loan from a group of banks.",
			companies: []string{"Kestrel Works", "Harbour Bank"},
			figures:   []cardFig{{"50-50", model.Ratio}, {"$300 million", model.Money}},
			stake:     "50-50",
		},
		{
			name: "an analyst's firm's seat is no location; the target's home is",
			body: "Kestrel Works agreed to buy Alder Mills GmbH of Leipzig for €800 million, a bet that demand in Europe will recover. " +
				"Ravi Shah, an analyst at Pine Securities in Mumbai, said the deal was expensive.",
			companies: []string{"Kestrel Works", "Alder Mills GmbH", "Pine Securities"},
			places:    []string{"Leipzig", "Europe", "Mumbai"},
			figures:   []cardFig{{"€800 million", model.Money}},
			amounts:   "€800 million", location: "Leipzig",
		},
		{
			name: "'the venture' after a recalled purchase belongs to the joint venture",
			body: "Kestrel Works and Harbour Bank agreed to form a joint venture. " +
				"Kestrel Works bought Alder Mills for €640 million in 2016. " +
				"The venture will need approval from regulators in Kenya and will open by 2027.",
			companies: []string{"Kestrel Works", "Harbour Bank", "Alder Mills"},
			places:    []string{"Kenya"},
			figures:   []cardFig{{"€640 million", model.Money}, {"2016", model.Date}, {"2027", model.Date}},
			kind:      model.JointVenture,
			timeframe: "2027",
		},
		{
			name:      "a conversion in brackets with a semicolon stays in the bid's clause",
			body:      "Alder Mills rejected a hostile 7.4bn Australian dollar ($5.8bn; £3bn) bid by rival Kestrel Works.",
			companies: []string{"Alder Mills", "Kestrel Works"},
			figures:   []cardFig{{"7.4bn Australian dollar", model.Money}, {"$5.8bn", model.Money}, {"£3bn", model.Money}},
			amounts:   "7.4bn Australian dollar|$5.8bn|£3bn",
		},
		{
			name:      "'will be called X' names the deal; X is no party",
			body:      "Kestrel Works and Alder Mills agreed to merge. The merged company will be called Kestrel Alder Materials and will keep its headquarters in Lyon.",
			companies: []string{"Kestrel Works", "Alder Mills", "Kestrel Alder Materials"},
			places:    []string{"Lyon"},
			location:  "Lyon", dealName: "Kestrel Alder Materials",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ents := testEnts(c.body, nil, c.companies, c.places)
			for _, f := range c.figures {
				ents = testFigure(ents, c.body, f.text, f.sub, 0)
			}
			a := model.Article{Body: c.body, Date: time.Date(2026, 1, 14, 0, 0, 0, 0, time.UTC)}
			vs := annotateDeals(a, ents)
			var v *model.Venture
			for i := range vs {
				if c.kind == "" || vs[i].Kind == c.kind {
					v = &vs[i]
					break
				}
			}
			if v == nil {
				t.Fatalf("no deal in %+v", vs)
			}
			got := []string{strings.Join(v.Amounts, "|"), v.Stake, v.Location, v.Timeframe, v.Name}
			want := []string{c.amounts, c.stake, c.location, c.timeframe, c.dealName}
			for i, field := range []string{"amounts", "stake", "location", "timeframe", "name"} {
				if got[i] != want[i] {
					t.Errorf("%s %q, want %q (card: %s)", field, got[i], want[i], v.Summary)
				}
			}
			if c.dealName != "" && vHasString(v.Parties, c.dealName) {
				t.Errorf("parties %v: the deal's name is no party", v.Parties)
			}
		})
	}
}
