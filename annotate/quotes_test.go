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
