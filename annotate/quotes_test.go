package annotate

import (
	"strconv"
	"strings"
	"testing"

	"newsmark/model"
)

// testEnts builds entities for body by finding every occurrence of each name;
// "Ada Vane|Vane" gives one person with canonical "Ada Vane" and alias "Vane".
func testEnts(body string, people, companies, places []string) []model.Entity {
	var ents []model.Entity
	add := func(kind model.EntityKind, spec string) {
		names := strings.Split(spec, "|")
		e := model.Entity{ID: "e" + strconv.Itoa(len(ents)+1), Kind: kind, Text: names[0], Canonical: names[0]}
		taken := map[int]bool{}
		for _, n := range names {
			for off := 0; ; {
				k := strings.Index(body[off:], n)
				if k < 0 {
					break
				}
				s := off + k
				off = s + len(n)
				if taken[s] || s > 0 && qIsWordRune(rune(body[s-1])) || off < len(body) && qIsWordRune(rune(body[off])) {
					continue
				}
				// an alias inside a longer name is not a mention of its own
				inside := false
				for _, m := range e.Mentions {
					if s >= m.Start && off <= m.End {
						inside = true
					}
				}
				if !inside {
					e.Mentions = append(e.Mentions, model.Span{Start: s, End: off})
					taken[s] = true
				}
			}
		}
		ents = append(ents, e)
	}
	for _, p := range people {
		add(model.Person, p)
	}
	for _, c := range companies {
		add(model.Company, c)
	}
	for _, p := range places {
		add(model.Place, p)
	}
	return ents
}

type wantQuote struct{ text, speaker string }

func TestQuotesSpeakers(t *testing.T) {
	cases := []struct {
		name              string
		body              string
		people, companies []string
		want              []wantQuote
	}{
		{
			name:   "X said after the quote",
			body:   "“We will build the plant next year,” Ada Vane said on Tuesday.",
			people: []string{"Ada Vane|Vane"},
			want:   []wantQuote{{"We will build the plant next year,", "Ada Vane"}},
		},
		{
			name:      "said X with a title and a company",
			body:      `"Prices will keep falling for a while," said Harbour Bank chief economist Lin Okafor at a conference.`,
			people:    []string{"Lin Okafor|Okafor"},
			companies: []string{"Harbour Bank"},
			want:      []wantQuote{{"Prices will keep falling for a while,", "Lin Okafor"}},
		},
		{
			name: "the firm said: the company that spoke before an aside, not the story's main company",
			body: "Kestrel Works will buy Alder Mills. Kestrel Works said the price was fair. Kestrel Works expects savings. " +
				"Harbour Capital, which bought Alder Mills in 2018, said the sale marked a good exit. " +
				"“We leave Alder Mills twice the size it was when we arrived,” the firm said in a statement.",
			companies: []string{"Kestrel Works", "Alder Mills", "Harbour Capital"},
			want:      []wantQuote{{"We leave Alder Mills twice the size it was when we arrived,", "Harbour Capital"}},
		},
		{
			name: "the company said after a person spoke: that person's employer, read where the story introduced them",
			body: "Kestrel Works will build stores with Harbour Bank. Kestrel Works said sales would double. " +
				"Harbour Bank, which is owned by Pine Trust, has grown fast. Its managing director, Omar Sayed, has courted buyers. " +
				"“We handle the ships already,” Sayed said in a statement. " +
				"The company said in a statement that the stores would be “open to every shipper in the region”.",
			people:    []string{"Omar Sayed|Sayed"},
			companies: []string{"Kestrel Works", "Harbour Bank", "Pine Trust"},
			want: []wantQuote{{"We handle the ships already,", "Omar Sayed"},
				{"open to every shipper in the region", "Harbour Bank"}},
		},
		{
			name:   "X told Y",
			body:   "“The market needs much more capacity,” Tom Reyes told Ada Vane before the meeting.",
			people: []string{"Tom Reyes|Reyes", "Ada Vane|Vane"},
			want:   []wantQuote{{"The market needs much more capacity,", "Tom Reyes"}},
		},
		{
			name:   "according to X",
			body:   "The plan is “the biggest bet we have ever made,” according to Ada Vane, the founder.",
			people: []string{"Ada Vane|Vane"},
			want:   []wantQuote{{"the biggest bet we have ever made,", "Ada Vane"}},
		},
		{
			name:      "appositive before a colon",
			body:      `Ada Vane, chief executive of Kestrel Works, said: "We are buying the best assets in the region."`,
			people:    []string{"Ada Vane|Vane"},
			companies: []string{"Kestrel Works|Kestrel"},
			want:      []wantQuote{{"We are buying the best assets in the region.", "Ada Vane"}},
		},
		{
			name:      "appositive after the quote",
			body:      `"We expect the deal to close by June," Tom Reyes, a partner at Kestrel Works, added.`,
			people:    []string{"Tom Reyes|Reyes"},
			companies: []string{"Kestrel Works"},
			want:      []wantQuote{{"We expect the deal to close by June,", "Tom Reyes"}},
		},
		{
			name:   "pronoun resolves to the last person",
			body:   "Ada Vane ran the unit for a decade. “It was the hardest job I ever had,” she said.",
			people: []string{"Ada Vane|Vane"},
			want:   []wantQuote{{"It was the hardest job I ever had,", "Ada Vane"}},
		},
		{
			name:      "the company said",
			body:      "Kestrel Works reported a loss. “Demand recovered in the fourth quarter,” the company said.",
			companies: []string{"Kestrel Works|Kestrel"},
			want:      []wantQuote{{"Demand recovered in the fourth quarter,", "Kestrel Works"}},
		},
		{
			name:      "company statement",
			body:      "“The board backs the offer in full,” Kestrel said in a statement.",
			companies: []string{"Kestrel"},
			want:      []wantQuote{{"The board backs the offer in full,", "Kestrel"}},
		},
		{
			name:   "second quote of a paragraph keeps the speaker",
			body:   "“I’m thrilled,” Ada Vane said. “This partnership will change how we sell to hospitals.”",
			people: []string{"Ada Vane|Vane"},
			want: []wantQuote{
				{"This partnership will change how we sell to hospitals.", "Ada Vane"},
			},
		},
		{
			name:   "a short full sentence after a quote",
			body:   `"This is not a takeover," Ada Vane told reporters. "Kestrel stays Kestrel."`,
			people: []string{"Ada Vane|Vane"},
			want:   []wantQuote{{"Kestrel stays Kestrel.", "Ada Vane"}},
		},
		{
			name:   "verb in the sentence before",
			body:   "Tom Reyes stressed that the bank would stay independent. \"We have no need of a buyer and never will.\"",
			people: []string{"Tom Reyes|Reyes"},
			want:   []wantQuote{{"We have no need of a buyer and never will.", "Tom Reyes"}},
		},
		{
			name:   "subject before a partial quote",
			body:   `Ada Vane said the merger was "a once in a generation chance for both of us".`,
			people: []string{"Ada Vane|Vane"},
			want:   []wantQuote{{"a once in a generation chance for both of us", "Ada Vane"}},
		},
		{
			name:   "a speaker the entity pass missed becomes a person",
			body:   `"Nobody expected the offer to be this high," said Mirela Dobos, an analyst at a Vienna broker.`,
			people: nil,
			want:   []wantQuote{{"Nobody expected the offer to be this high,", "Mirela Dobos"}},
		},
		{
			name: "nominal speaker",
			body: `"Currently the bid looks far too low for the board," said one analyst quoted by a news agency.`,
			want: []wantQuote{{"Currently the bid looks far too low for the board,", "one analyst"}},
		},
		{
			name:      "called with a possessive appositive",
			body:      `Tom Reyes spoke first. Kestrel's chief executive, Ada Vane, called the plant "a cornerstone of our American strategy".`,
			people:    []string{"Tom Reyes", "Ada Vane"},
			companies: []string{"Kestrel"},
			want:      []wantQuote{{"a cornerstone of our American strategy", "Ada Vane"}},
		},
		{
			name:   "misspelt surname",
			body:   "Pranav Mukerjee spoke first. \"Demand for aircraft here will double within ten years,\" said Mr Mukherjee.",
			people: []string{"Pranav Mukerjee|Mukerjee"},
			want:   []wantQuote{{"Demand for aircraft here will double within ten years,", "Pranav Mukerjee"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := model.Article{Body: c.body}
			ents := testEnts(c.body, c.people, c.companies, nil)
			qs, _ := quotes(a, ents)
			for _, w := range c.want {
				found := false
				for _, q := range qs {
					if q.Text == w.text {
						found = true
						if q.Speaker != w.speaker {
							t.Errorf("quote %q: speaker %q, want %q", w.text, q.Speaker, w.speaker)
						}
						if c.body[q.Start:q.End] != q.Text {
							t.Errorf("quote %q: offsets give %q", w.text, c.body[q.Start:q.End])
						}
					}
				}
				if !found {
					t.Errorf("quote %q not found; got %+v", w.text, qs)
				}
			}
		})
	}
}

func TestQuotesTermsAreNotQuotes(t *testing.T) {
	body := "Traders call the small refiners “teapots”, and Ada Vane dubbed the new model “Crystal intelligence.” " +
		"The firm calls its unit \"Blue Harbour Energy Systems\" in filings. " +
		"Some investors doubt the \"growth at any cost\" approach."
	ents := testEnts(body, []string{"Ada Vane"}, nil, nil)
	qs, _ := quotes(model.Article{Body: body}, ents)
	if len(qs) != 0 {
		t.Fatalf("terms taken as quotes: %+v", qs)
	}
}

func TestQuotesMultiParagraph(t *testing.T) {
	body := "Ada Vane, an analyst at Kestrel Works, said: \"The decision was taken long ago. The only question was the price.\n\n" +
		"\"We would not rule out a second bidder. \"Another surprise was the premium the winner paid over the start price.\"\n\n" +
		"Separately, Tom Reyes said the bank had no comment to make on the matter."
	ents := testEnts(body, []string{"Ada Vane|Vane", "Tom Reyes"}, []string{"Kestrel Works"}, nil)
	qs, _ := quotes(model.Article{Body: body}, ents)
	want := []string{
		"The decision was taken long ago. The only question was the price.",
		"We would not rule out a second bidder.",
		"Another surprise was the premium the winner paid over the start price.",
	}
	if len(qs) != len(want) {
		t.Fatalf("got %d quotes, want %d: %+v", len(qs), len(want), qs)
	}
	for i, q := range qs {
		if q.Text != want[i] || q.Speaker != "Ada Vane" || q.SpeakerID != "e1" {
			t.Errorf("quote %d = %q by %q (%s), want %q by Ada Vane (e1)", i, q.Text, q.Speaker, q.SpeakerID, want[i])
		}
	}
}

func TestQuotesContinuationAcrossCurlyParagraphs(t *testing.T) {
	body := "“We are delighted to join forces with a partner of this size,” Tom Reyes said. “The plant will open in 2027.\n\n" +
		"“It will employ two thousand people from the region,” he added.\n\n" +
		"“Nothing has been signed yet and we will say more in the autumn.”"
	ents := testEnts(body, []string{"Tom Reyes|Reyes"}, nil, nil)
	qs, _ := quotes(model.Article{Body: body}, ents)
	if len(qs) != 4 {
		t.Fatalf("got %d quotes, want 4: %+v", len(qs), qs)
	}
	for _, q := range qs {
		if q.Speaker != "Tom Reyes" {
			t.Errorf("%q: speaker %q, want Tom Reyes (continuations keep the speaker)", q.Text, q.Speaker)
		}
	}
}

func TestQuotesUnbalancedMarksStayInBody(t *testing.T) {
	for _, body := range []string{
		`"`, `""""`, "“”“", "said: “", "a \"b\" \"c", strings.Repeat("“x ", 1000), "“\n\n“\n\n”",
		"«مرحبا» \"שלום עולם כאן היום\" he said",
	} {
		qs, ents := quotes(model.Article{Body: body}, nil)
		for _, q := range qs {
			if q.Start < 0 || q.End > len(body) || q.Start >= q.End || body[q.Start:q.End] != q.Text {
				t.Errorf("%q: bad quote %+v", body, q)
			}
		}
		for _, e := range ents {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(body) || m.Start >= m.End {
					t.Errorf("%q: bad mention %+v", body, m)
				}
			}
		}
	}
}

func TestQuotesSentenceListMissingASplit(t *testing.T) {
	body := `Tom Reyes owns 28.1%. Ada Vane, a banker at Harbour Bank, said the vote was "utterly crucial". "Without it the bid will fail and everyone knows that."`
	ents := testEnts(body, []string{"Tom Reyes", "Ada Vane"}, []string{"Harbour Bank"}, nil)
	// a sentence list that missed the break after "28.1%."
	a := model.Article{Body: body, Sentences: []model.Span{{Start: 0, End: len(body)}}}
	qs, _ := quotes(a, ents)
	if len(qs) != 1 || qs[0].Speaker != "Ada Vane" {
		t.Fatalf("got %+v, want one quote by Ada Vane", qs)
	}
}

func TestQuotesFirstQuoteSpeakerNamedAfter(t *testing.T) {
	body := "Kestrel Works bosses held \"open, friendly and useful\" talks with Harbour Bank, its chief has said.\n\n" +
		"Ada Vane met the bank's board on Monday."
	ents := testEnts(body, []string{"Ada Vane"}, []string{"Kestrel Works", "Harbour Bank"}, nil)
	qs, _ := quotes(model.Article{Body: body}, ents)
	if len(qs) != 1 || qs[0].Speaker != "Ada Vane" {
		t.Fatalf("got %+v, want the quote given to Ada Vane, named next", qs)
	}
}
