package annotate

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsmark/model"
	"newsmark/segment"
)

// testFigure adds a figure entity for every occurrence of text.
func testFigure(ents []model.Entity, body, text string, sub model.FigureKind, value float64) []model.Entity {
	e := model.Entity{ID: "e" + strconv.Itoa(len(ents)+1), Kind: model.Figure, Subkind: sub, Text: text, Value: value}
	for off := 0; ; {
		k := strings.Index(body[off:], text)
		if k < 0 {
			break
		}
		e.Mentions = append(e.Mentions, model.Span{Start: off + k, End: off + k + len(text)})
		off += k + len(text)
	}
	return append(ents, e)
}

func annotateDeals(a model.Article, ents []model.Entity) []model.Venture {
	qs, ents := quotes(a, ents)
	return ventures(a, ents, qs)
}

func TestVenturesOneDealOverSeveralSentences(t *testing.T) {
	body := "Kestrel Works and Harbour Bank will form a 50-50 joint venture in Brazil to build grain silos. " +
		"The venture will hire 2,000 people and spend $1.2 billion over five years. " +
		"Shares of Kestrel Works rose 3% on the news."
	ents := testEnts(body, nil, []string{"Kestrel Works", "Harbour Bank"}, []string{"Brazil"})
	ents = testFigure(ents, body, "50-50", model.Ratio, 50)
	ents = testFigure(ents, body, "2,000 people", model.Count, 2000)
	ents = testFigure(ents, body, "$1.2 billion", model.Money, 1.2e9)
	ents = testFigure(ents, body, "five years", model.Duration, 5)
	ents = testFigure(ents, body, "3%", model.Percent, 3)
	vs := annotateDeals(model.Article{Body: body}, ents)
	if len(vs) != 1 {
		t.Fatalf("got %d ventures, want 1: %+v", len(vs), vs)
	}
	v := vs[0]
	if v.Kind != model.JointVenture || strings.Join(v.Parties, "+") != "Kestrel Works+Harbour Bank" ||
		strings.Join(v.PartyIDs, "+") != "e1+e2" {
		t.Errorf("kind/parties = %s %v %v", v.Kind, v.Parties, v.PartyIDs)
	}
	if v.Stake != "50-50" || v.Location != "Brazil" || v.Headcount != "2,000 people" || v.Timeframe != "five years" ||
		strings.Join(v.Amounts, ",") != "$1.2 billion" {
		t.Errorf("fields: stake %q location %q headcount %q timeframe %q amounts %v",
			v.Stake, v.Location, v.Headcount, v.Timeframe, v.Amounts)
	}
	if len(v.Evidence) != 2 || v.Status != model.Announced {
		t.Errorf("evidence %v status %s, want two sentences, announced", v.Evidence, v.Status)
	}
	if !strings.Contains(v.Summary, "Kestrel Works and Harbour Bank") || !strings.Contains(v.Summary, "joint venture in Brazil") {
		t.Errorf("summary %q", v.Summary)
	}
}

func TestVenturesBackgroundAndMinorityStake(t *testing.T) {
	body := "Harbour Bank will buy a 20% stake in Alder Mills for $40 million. " +
		"Kestrel Works bought Pine Foods in 2015 for $300 million."
	ents := testEnts(body, nil, []string{"Harbour Bank", "Alder Mills", "Kestrel Works", "Pine Foods"}, nil)
	ents = testFigure(ents, body, "20%", model.Percent, 20)
	ents = testFigure(ents, body, "$40 million", model.Money, 4e7)
	ents = testFigure(ents, body, "$300 million", model.Money, 3e8)
	ents = testFigure(ents, body, "2015", model.Date, 2015)
	a := model.Article{Body: body, Date: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
	vs := annotateDeals(a, ents)
	if len(vs) != 2 {
		t.Fatalf("got %d ventures, want 2: %+v", len(vs), vs)
	}
	if vs[0].Kind != model.Investment || vs[0].Stake != "20%" || vs[0].Status != model.Announced {
		t.Errorf("minority stake: %s stake %q status %s, want an announced investment of 20%%", vs[0].Kind, vs[0].Stake, vs[0].Status)
	}
	if vs[1].Kind != model.Acquisition || vs[1].Status != model.Background {
		t.Errorf("deal of 2015: %s %s, want a background acquisition", vs[1].Kind, vs[1].Status)
	}
}

func TestVenturesPluralPartnershipsSplit(t *testing.T) {
	body := "Kestrel Works announced partnerships with Alder Mills and Harbour Bank to sell its sensors in India."
	ents := testEnts(body, nil, []string{"Kestrel Works", "Alder Mills", "Harbour Bank"}, []string{"India"})
	vs := annotateDeals(model.Article{Body: body}, ents)
	if len(vs) != 2 {
		t.Fatalf("got %d ventures, want one per partner: %+v", len(vs), vs)
	}
	for i, want := range []string{"Kestrel Works+Alder Mills", "Kestrel Works+Harbour Bank"} {
		if got := strings.Join(vs[i].Parties, "+"); got != want || vs[i].Kind != model.Partnership {
			t.Errorf("venture %d = %s %s, want partnership %s", i, vs[i].Kind, got, want)
		}
	}
}

func TestVenturesPronounSubject(t *testing.T) {
	body := "Kestrel Works had a strong year. It bought Alder Mills for $50 million in cash."
	ents := testEnts(body, nil, []string{"Kestrel Works", "Alder Mills"}, nil)
	ents = testFigure(ents, body, "$50 million", model.Money, 5e7)
	vs := annotateDeals(model.Article{Body: body}, ents)
	if len(vs) != 1 || strings.Join(vs[0].Parties, "+") != "Kestrel Works+Alder Mills" {
		t.Fatalf("got %+v, want Kestrel Works buying Alder Mills", vs)
	}
	if strings.Join(vs[0].Amounts, ",") != "$50 million" {
		t.Errorf("amounts %v", vs[0].Amounts)
	}
}

func TestVenturesNotOverGenerated(t *testing.T) {
	cases := map[string]struct {
		body      string
		companies []string
	}{
		"a name is no trigger":      {"Reline Investments and Harbour Bank reported higher profits.", []string{"Reline Investments", "Harbour Bank"}},
		"a speaker's hope":          {"“We want to acquire firms like Alder Mills,” said Kestrel Works.", []string{"Kestrel Works", "Alder Mills"}},
		"one company, no amount":    {"Kestrel Works is looking for acquisitions.", []string{"Kestrel Works"}},
		"a sale without a buyer":    {"Harbour Bank must wait for the next lender to be sold, probably Alder Mills.", []string{"Harbour Bank", "Alder Mills"}},
		"a bid team is not a bid":   {"Advisers Alder Mills and Harbour Bank left the bid team.", []string{"Alder Mills", "Harbour Bank"}},
		"signed up is not a deal":   {"Kestrel Works signed up Alder Mills and Harbour Bank to run its listing.", []string{"Kestrel Works", "Alder Mills", "Harbour Bank"}},
		"an aside is not a partner": {"Alder Mills, which owns Pine Foods, said it would invest in new mills.", []string{"Alder Mills", "Pine Foods"}},
		"an investment bank":        {"The investment bank Harbour Bank advised Kestrel Works on its results.", []string{"Harbour Bank", "Kestrel Works"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			ents := testEnts(c.body, nil, c.companies, nil)
			if vs := annotateDeals(model.Article{Body: c.body}, ents); len(vs) != 0 {
				t.Errorf("%q gave ventures %+v", c.body, vs)
			}
		})
	}
}

func TestVenturesRelativeClauseIsItsOwnDeal(t *testing.T) {
	body := "Kestrel Works, which bought Alder Mills in 2016, said profits rose at Harbour Bank."
	ents := testEnts(body, nil, []string{"Kestrel Works", "Alder Mills", "Harbour Bank"}, nil)
	ents = testFigure(ents, body, "2016", model.Date, 2016)
	a := model.Article{Body: body, Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	vs := annotateDeals(a, ents)
	if len(vs) != 1 || strings.Join(vs[0].Parties, "+") != "Kestrel Works+Alder Mills" || vs[0].Status != model.Background {
		t.Fatalf("got %+v, want only the background purchase of Alder Mills by Kestrel Works", vs)
	}
}

func TestVenturesLocationAndTimeframeWords(t *testing.T) {
	body := "Kestrel Works will buy a 20% stake in U.S. startup Alder Mills for $40 million. " +
		"The deal lets Alder Mills make 500,000 sensors a year by 2027."
	ents := testEnts(body, nil, []string{"Kestrel Works", "Alder Mills"}, []string{"U.S."})
	ents = testFigure(ents, body, "20%", model.Percent, 20)
	ents = testFigure(ents, body, "$40 million", model.Money, 4e7)
	ents = testFigure(ents, body, "a year", model.Duration, 1)
	ents = testFigure(ents, body, "2027", model.Date, 2027)
	vs := annotateDeals(model.Article{Body: body}, ents)
	if len(vs) != 1 {
		t.Fatalf("got %+v, want one deal", vs)
	}
	if vs[0].Location != "" || vs[0].Timeframe != "2027" {
		t.Errorf("location %q timeframe %q: want no location (U.S. qualifies the startup) and 2027", vs[0].Location, vs[0].Timeframe)
	}
}

func TestVenturesFieldsComeFromTheirClause(t *testing.T) {
	body := "Last year, Kestrel Works bought Alder Mills for $2.1 billion, and Harbour Bank merged with Pine Foods in 2022."
	ents := testEnts(body, nil, []string{"Kestrel Works", "Alder Mills", "Harbour Bank", "Pine Foods"}, nil)
	ents = testFigure(ents, body, "$2.1 billion", model.Money, 2.1e9)
	vs := annotateDeals(model.Article{Body: body}, ents)
	if len(vs) != 2 {
		t.Fatalf("got %+v, want two deals", vs)
	}
	if vs[1].Kind != model.Merger || strings.Join(vs[1].Parties, "+") != "Harbour Bank+Pine Foods" || len(vs[1].Amounts) != 0 {
		t.Errorf("second deal %s %v %v: want a merger of Harbour Bank and Pine Foods with no amount", vs[1].Kind, vs[1].Parties, vs[1].Amounts)
	}
	for _, v := range vs {
		if v.Status != model.Background {
			t.Errorf("%v: status %s, want background (last year)", v.Parties, v.Status)
		}
	}
}

func TestVenturesMoreTriggers(t *testing.T) {
	cases := []struct {
		body      string
		companies []string
		kind      model.VentureKind
	}{
		{"Kestrel Works and Harbour Bank will jointly build a port in Mombasa.", []string{"Kestrel Works", "Harbour Bank"}, model.Partnership},
		{"Kestrel Works and Harbour Bank signed up to a gas project off Mozambique.", []string{"Kestrel Works", "Harbour Bank"}, model.Project},
		{"Orchard Ventures led the Series C funding round in Alder Mills.", []string{"Orchard Ventures", "Alder Mills"}, model.Investment},
	}
	for _, c := range cases {
		ents := testEnts(c.body, nil, c.companies, nil)
		vs := annotateDeals(model.Article{Body: c.body}, ents)
		if len(vs) != 1 || vs[0].Kind != c.kind || len(vs[0].Parties) != 2 {
			t.Errorf("%q: got %+v, want one %s between two parties", c.body, vs, c.kind)
		}
	}
	// one company and a lower-case project is no deal
	body := "Kestrel Works said the project was on schedule."
	if vs := annotateDeals(model.Article{Body: body}, testEnts(body, nil, []string{"Kestrel Works"}, nil)); len(vs) != 0 {
		t.Errorf("%q gave %+v", body, vs)
	}
}

func TestVenturesPriceToldApart(t *testing.T) {
	body := "Kestrel Works agreed to buy Alder Mills. Kestrel Works will pay $16 billion ($12 billion in cash) for the miller. " +
		"Harbour Bank paid $5 million for new offices."
	ents := testEnts(body, nil, []string{"Kestrel Works", "Alder Mills", "Harbour Bank"}, nil)
	ents = testFigure(ents, body, "$16 billion", model.Money, 16e9)
	ents = testFigure(ents, body, "$12 billion", model.Money, 12e9)
	ents = testFigure(ents, body, "$5 million", model.Money, 5e6)
	vs := annotateDeals(model.Article{Body: body}, ents)
	if len(vs) != 1 {
		t.Fatalf("got %+v, want one deal (a price is no deal)", vs)
	}
	if strings.Join(vs[0].Amounts, ",") != "$16 billion,$12 billion" || len(vs[0].Evidence) != 2 {
		t.Errorf("amounts %v evidence %v: want the price and its conversion, two sentences", vs[0].Amounts, vs[0].Evidence)
	}
}

// Article is its passes run one after the other; the quotation marks and
// deal words read ahead on another core change nothing.
func TestArticleIsItsPassesInTurn(t *testing.T) {
	a := benchArticle(20 << 10)
	a.Paragraphs, a.Sentences = segment.Paragraphs(a.Body), segment.Sentences(a.Body)
	ents := entities(a)
	q1, e1 := quotes(a, ents)
	v1 := ventures(a, e1, q1)
	ann := Article(a)
	if !reflect.DeepEqual(q1, ann.Quotes) || !reflect.DeepEqual(e1, ann.Entities) || !reflect.DeepEqual(v1, ann.Ventures) {
		t.Fatalf("passes in turn differ from Article: %d/%d quotes, %d/%d entities, %d/%d ventures", len(q1), len(ann.Quotes),
			len(e1), len(ann.Entities), len(v1), len(ann.Ventures))
	}
	if len(q1) == 0 || len(v1) == 0 {
		t.Fatalf("sample gave %d quotes and %d ventures", len(q1), len(v1))
	}
	d := newDoc(a)
	defer d.release()
	d.ents = findEntities(d)
	d.indexMentions()
	ch := make(ahead, 1)
	ch <- textPass{spans: qFindSpans(d), quick: vQuickTriggers(d.body, d.sents)}
	tp := ch.get(d)
	q3 := findQuotes(d, tp.spans)
	v3 := findVentures(d, a, q3, tp.quick)
	if !reflect.DeepEqual(q1, q3) || !reflect.DeepEqual(e1, d.ents) || !reflect.DeepEqual(v1, v3) {
		t.Fatalf("quotation marks and deal words read ahead: %d/%d quotes, %d/%d entities, %d/%d ventures", len(q1), len(q3),
			len(e1), len(d.ents), len(v1), len(v3))
	}
}

func TestVenturesAdvisersAreNoPartiesAndPlacesMayBeQualified(t *testing.T) {
	body := "Kestrel Works will buy Alder Mills to build a plant in northeastern Ohio. " +
		"Harbour Bank advised Kestrel Works on the deal, while Pine Legal was counsel to Alder Mills."
	ents := testEnts(body, nil, []string{"Kestrel Works", "Alder Mills", "Harbour Bank", "Pine Legal"}, []string{"Ohio"})
	vs := annotateDeals(model.Article{Body: body}, ents)
	if len(vs) != 1 || strings.Join(vs[0].Parties, "+") != "Kestrel Works+Alder Mills" {
		t.Fatalf("got %+v, want one deal between Kestrel Works and Alder Mills", vs)
	}
	if vs[0].Location != "Ohio" {
		t.Errorf("location %q, want Ohio", vs[0].Location)
	}
}

// vAnyInfo answers for each cue word, in any case, with the rows of the
// table that list it, in table order; for any other word, nil.
func TestDealWordInfoMatchesTheTable(t *testing.T) {
	t.Parallel()
	words := vCueWords()
	for w := range words {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			in := vAnyInfo(v)
			if in == nil || in.word != w {
				t.Fatalf("%q: info %+v", v, in)
			}
			var want []int
			for ci, c := range vCues {
				if vIn(c.words, w) {
					want = append(want, ci)
				}
			}
			if !reflect.DeepEqual(in.cues, want) {
				t.Fatalf("%q: rows %v, want %v", v, in.cues, want)
			}
		}
	}
	for _, w := range []string{"", "x", "deals-", "ventured", "joint venture", "investment-bank"} {
		if vAnyInfo(w) != nil {
			t.Fatalf("%q: info for a word that is no cue", w)
		}
	}
}

// vCueWords is every word of the cue table.
func vCueWords() map[string]bool {
	m := map[string]bool{}
	for _, c := range vCues {
		for _, w := range c.words {
			m[w] = true
		}
	}
	return m
}

// phraseIndex finds the earliest of its phrases, as a search for each would.
func TestPhraseIndexMatchesSearches(t *testing.T) {
	t.Parallel()
	text := strings.ToLower(corpus(t, 64<<10))
	Prepare()
	for _, list := range [][]string{lex.vPriceWords, lex.vNotDealMoneyWords, lex.vPastCues} {
		set := newPhraseSet(list)
		for at := 0; at+48 <= len(text); at += 7 {
			w := text[at : at+48]
			want := -1
			for _, p := range list {
				if i := strings.Index(w, p); i >= 0 && (want < 0 || i < want) {
					want = i
				}
			}
			if got := phraseIndex(set, w); got != want {
				t.Fatalf("%q: %d, want %d", w, got, want)
			}
			if got := phraseIndex(set, []byte(w)); got != want {
				t.Fatalf("%q as bytes: %d, want %d", w, got, want)
			}
		}
	}
}
