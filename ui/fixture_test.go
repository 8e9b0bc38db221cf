package ui

import (
	"os"
	"strings"
	"testing"
	"time"

	"newsmark/articles"
	"newsmark/model"
)

// fixtureArticle is our own test story (testdata/harbor.txt) with its
// metadata.
func fixtureArticle(t testing.TB) model.Article {
	t.Helper()
	b, err := os.ReadFile("testdata/harbor.txt")
	if err != nil {
		t.Fatal(err)
	}
	body := strings.TrimRight(string(b), "\n")
	return model.Article{
		ID: "harbor", Title: "Northwind and Kaiyo to Build $1.2 Billion Rotterdam Cold-Storage Venture",
		Caption: "Video: refrigerated containers stacked at a European port", Source: "Newsmark Wire",
		Date: time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC), Authors: []string{"Ada Byrne"},
		Path: "testdata/harbor.txt", Body: body,
	}
}

// spansOf returns the spans of every occurrence of s in body.
func spansOf(body, s string) []model.Span {
	var out []model.Span
	for i := 0; ; {
		j := strings.Index(body[i:], s)
		if j < 0 {
			return out
		}
		out = append(out, model.Span{Start: i + j, End: i + j + len(s)})
		i += j + len(s)
	}
}

// fixtureAnnotations is hand-made, so goldens don't move when the real
// annotator improves.
func fixtureAnnotations(a model.Article) model.Annotations {
	if a.ID != "harbor" {
		return model.Annotations{}
	}
	b := a.Body
	// ent finds the full name, then each short form outside a full one.
	ent := func(kind model.EntityKind, name, cue string, short ...string) model.Entity {
		e := model.Entity{ID: name, Kind: kind, Text: name, Cue: cue, Mentions: spansOf(b, name)}
		for _, f := range short {
		next:
			for _, sp := range spansOf(b, f) {
				for _, m := range e.Mentions {
					if sp.Start < m.End && m.Start < sp.End {
						continue next
					}
				}
				e.Mentions = append(e.Mentions, sp)
			}
		}
		sortSpans(e.Mentions)
		return e
	}
	var ann model.Annotations
	ann.Entities = []model.Entity{
		ent(model.Company, "Northwind Freight Holdings", "suffix", "Northwind"),
		ent(model.Company, "Kaiyo Shipping Co.", "suffix", "Kaiyo", "海洋運輸"),
		ent(model.Company, "Baltic Reefer AB", "suffix"),
		ent(model.Company, "Harbour Lane Capital", "suffix"),
		ent(model.Company, "Polar Gate", "context"),
		ent(model.Person, "Elena Marsh", "title", "Marsh"),
		ent(model.Person, "Kenji Arakawa", "title"),
		ent(model.Place, "Rotterdam", "known-name"),
		ent(model.Place, "Japan", "known-name"),
		ent(model.Figure, "$1.2 billion", "money"),
		ent(model.Figure, "€210 million", "money"),
		ent(model.Figure, "50-50", "ratio"),
		ent(model.Figure, "15%", "percent"),
	}
	quote := func(text, speaker string) model.Quote {
		s := spansOf(b, text)[0]
		return model.Quote{Text: strings.Trim(text, "\""), Speaker: speaker, Start: s.Start, End: s.End}
	}
	ann.Quotes = []model.Quote{
		quote(`"Cold chains are the bottleneck of food trade in Europe,"`, "Elena Marsh"),
		quote(`"With Kaiyo we can build the terminals once and fill them from day one."`, "Elena Marsh"),
		quote(`"We wanted a partner that already moves the cargo,"`, "Elena Marsh"),
		quote(`"Kaiyo does."`, "Elena Marsh"),
		quote(`"Rotterdam is the door to the continent,"`, "Kenji Arakawa"),
	}
	sent := func(prefix string) model.Span {
		i := strings.Index(b, prefix)
		j := strings.Index(b[i:], ". ")
		return model.Span{Start: i, End: i + j + 1}
	}
	ann.Ventures = []model.Venture{
		{Kind: model.Investment, Name: "Baltic Reefer stake", Parties: []string{"Northwind Freight Holdings", "Baltic Reefer AB"},
			Status: model.Background, Amounts: []string{"€210 million"}, Stake: "30%", Timeframe: "2023",
			Summary: "Northwind bought 30% of Baltic Reefer AB in 2023.", Evidence: []model.Span{sent("The agreement follows")}},
		{Kind: model.JointVenture, Name: "Polar Gate", Parties: []string{"Northwind Freight Holdings", "Kaiyo Shipping Co."},
			Status: model.Announced, Amounts: []string{"$1.2 billion"}, Stake: "50-50", Location: "Rotterdam",
			Headcount: "about 900 people", Timeframe: "over five years",
			Summary:  "A 50-50 venture to run cold-storage terminals at Rotterdam.",
			Evidence: []model.Span{sent("Northwind Freight Holdings and Kaiyo"), sent("The venture, to be called")}},
	}
	return ann
}

func sortSpans(s []model.Span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// fixtureLibrary is three articles: the fixture story and two short ones.
func fixtureLibrary(t testing.TB) articles.Library {
	a := fixtureArticle(t)
	b := model.Article{ID: "b", Title: "Orbit Foods Buys Meadow Dairy for $80 Million", Source: "Newsmark Wire",
		Date: time.Date(2025, 1, 9, 0, 0, 0, 0, time.UTC), Body: "Orbit Foods Inc. agreed to buy Meadow Dairy Ltd for $80 million."}
	c := model.Article{ID: "c", Title: "Sunline Solar and Delta Grid Sign Partnership", Source: "Coast Times",
		Date: time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC), Body: "Sunline Solar Corp. and Delta Grid Ltd signed a partnership."}
	return articles.Library{
		Entries:  []articles.Entry{{Meta: b}, {Meta: a}, {Meta: c}},
		Problems: []articles.Problem{{Path: "broken.bin", Reason: "binary file"}},
	}
}

func singleLibrary(a model.Article) articles.Library {
	return articles.Library{Entries: []articles.Entry{{Meta: a}}}
}
