package index

import (
	"fmt"
	"strings"
	"testing"

	"newsmark/model"
	"newsmark/segment"
	"newsmark/store"
)

// namesIn makes the person (p:) and company (c:) entities of body, each
// mentioned wherever its name occurs.
func namesIn(body string, specs ...string) []store.IndexName {
	var out []store.IndexName
	for i, s := range specs {
		kind, name, _ := strings.Cut(s, ":")
		n := store.IndexName{EntityID: fmt.Sprintf("e%d", i+1), Kind: map[string]model.EntityKind{"p": model.Person, "c": model.Company}[kind],
			Text: name}
		for at := 0; ; {
			j := strings.Index(body[at:], name)
			if j < 0 {
				break
			}
			n.Mentions = append(n.Mentions, model.Span{Start: at + j, End: at + j + len(name)})
			at += j + len(name)
		}
		if len(n.Mentions) == 0 {
			panic("fixture: " + name + " not in body")
		}
		out = append(out, n)
	}
	return out
}

// Ties a reader would draw from one sentence, written for this test: the
// title beside the name and the company beside the title, in the common
// orders; and the sentences that name both without tying them.
func TestNearbyRoles(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		body  string
		names []string
		want  []string // "person|company|title"
	}{
		{"Zephyr Mills chief executive Anna Kowal said the plant would open in May.",
			[]string{"c:Zephyr Mills", "p:Anna Kowal"}, []string{"Anna Kowal|Zephyr Mills|chief executive"}},
		{"Anna Kowal, chief financial officer of Zephyr Mills, said costs would fall.",
			[]string{"p:Anna Kowal", "c:Zephyr Mills"}, []string{"Anna Kowal|Zephyr Mills|chief financial officer"}},
		{"Zephyr Mills' CEO Anna Kowal declined to comment.",
			[]string{"c:Zephyr Mills", "p:Anna Kowal"}, []string{"Anna Kowal|Zephyr Mills|CEO"}},
		{"\u201cWe will keep building,\u201d said Tom Ruiz, a spokesman for Kestrel Foods.",
			[]string{"p:Tom Ruiz", "c:Kestrel Foods"}, []string{"Tom Ruiz|Kestrel Foods|spokesman"}},
		{"Tom Ruiz, who heads Kestrel Foods, bought the site in 2019.",
			[]string{"p:Tom Ruiz", "c:Kestrel Foods"}, []string{"Tom Ruiz|Kestrel Foods|head"}},
		{"Mei Sato, head of strategy at Kestrel Foods, led the talks.",
			[]string{"p:Mei Sato", "c:Kestrel Foods"}, []string{"Mei Sato|Kestrel Foods|head of strategy"}},
		// two people, two titles, one company: the second is missed, as
		// another name stands between its title and the company
		{"Kestrel Foods chairman Tom Ruiz and chief executive Mei Sato met investors.",
			[]string{"c:Kestrel Foods", "p:Tom Ruiz", "p:Mei Sato"},
			[]string{"Tom Ruiz|Kestrel Foods|chairman"}},
		// the company of the title, not the one further off
		{"Alder Grid agreed to buy Pelham Solar, whose founder Ivo Brandt will stay on.",
			[]string{"c:Alder Grid", "c:Pelham Solar", "p:Ivo Brandt"}, []string{"Ivo Brandt|Pelham Solar|founder"}},
		{"Ivo Brandt, the founder of Pelham Solar, will join Alder Grid's board.",
			[]string{"p:Ivo Brandt", "c:Pelham Solar", "c:Alder Grid"}, []string{"Ivo Brandt|Pelham Solar|founder"}},
		// named together, no title: no tie
		{"Anna Kowal sold her shares in Zephyr Mills last year.", []string{"p:Anna Kowal", "c:Zephyr Mills"}, nil},
		// another person between the name and the title
		{"Anna Kowal met Tom Ruiz, chief executive of Zephyr Mills, on Monday.",
			[]string{"p:Anna Kowal", "p:Tom Ruiz", "c:Zephyr Mills"}, []string{"Tom Ruiz|Zephyr Mills|chief executive"}},
		// a title word inside a company's name is no title
		{"Anna Kowal joined President Hotels Ltd. in March.", []string{"p:Anna Kowal", "c:President Hotels Ltd."}, nil},
		// not in one sentence
		{"Zephyr Mills named a new chief executive. Anna Kowal starts in June.",
			[]string{"c:Zephyr Mills", "p:Anna Kowal"}, nil},
	} {
		got := nearbyRoles(c.body, segment.Sentences(c.body), namesIn(c.body, c.names...))
		var gotS []string
		for _, r := range got {
			gotS = append(gotS, r.Person+"|"+r.Company+"|"+r.Title)
			ev := c.body[r.Evidence.Start:r.Evidence.End]
			if !strings.Contains(ev, r.Person) || !strings.Contains(ev, r.Company) {
				t.Errorf("%q: evidence %q lacks the names", c.body, ev)
			}
		}
		if strings.Join(gotS, ";") != strings.Join(c.want, ";") {
			t.Errorf("%q:\n got %q\nwant %q", c.body, gotS, c.want)
		}
	}
}
