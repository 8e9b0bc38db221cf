package annotate

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"newsmark/articles"
	"newsmark/model"
)

// TestFindRoles runs the roles rule on texts whose names are given (marked
// as in testdata/cases), so only the rule is tested: each want is
// "person | company | title", and nothing else may be found.
func TestFindRoles(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		// a title before the name
		{"[[Kestrel Foods Ltd.|company]] chief executive [[Fiona Marr|person]] said sales rose.",
			[]string{"Fiona Marr | Kestrel Foods Ltd. | chief executive"}},
		{"[[Kestrel|company]]'s new chief executive, [[Fiona Marr|person]], starts in May.",
			[]string{"Fiona Marr | Kestrel | new chief executive"}},
		{"Shares rose after [[Harbor Looms Inc.|company]] Chief Financial Officer [[Ana Ruiz|person]] spoke.",
			[]string{"Ana Ruiz | Harbor Looms Inc. | Chief Financial Officer"}},
		{"A spokeswoman for [[Alder Mills Ltd.|company]], [[Rosa Penn|person]], said talks went on.",
			[]string{"Rosa Penn | Alder Mills Ltd. | spokeswoman"}},
		{"The former chief executive of [[Pelham Solar|company]], [[Dana Holt|person]], left in June.",
			[]string{"Dana Holt | Pelham Solar | former chief executive"}},
		// a title after the name
		{"\"We will grow,\" said [[Ivo Brandt|person]], chief financial officer of [[Kestrel|company]].",
			[]string{"Ivo Brandt | Kestrel | chief financial officer"}},
		{"[[Dana Holt|person]], the head of investor relations at [[Pelham Solar Plc|company]], was away.",
			[]string{"Dana Holt | Pelham Solar Plc | head of investor relations"}},
		{"[[Omar Sadik|person]], [[Alder|company]]'s interim CEO, joined in May.",
			[]string{"Omar Sadik | Alder | interim CEO"}},
		{"[[Lena Voss|person]], an analyst at [[Brook Capital|company]], expects a cut.",
			[]string{"Lena Voss | Brook Capital | analyst"}},
		// a verb
		{"[[Tomas Lind|person]], who heads [[Pelham Solar Ltd.|company]], said the deal made sense.",
			[]string{"Tomas Lind | Pelham Solar Ltd. | head"}},
		{"[[Mia Okafor|person]], who co-founded [[Brook Capital|company]] in 2009, retired.",
			[]string{"Mia Okafor | Brook Capital | co-founder"}},
		// the same person and company once; two people of one company
		{"[[Kestrel|company]] chief executive [[Fiona Marr|person=Fiona Marr]] and [[Kestrel|company]] chairman [[Paul Reid|person]] met. [[Kestrel|company]] boss [[Marr|person=Fiona Marr]] spoke.",
			[]string{"Fiona Marr | Kestrel | chief executive", "Paul Reid | Kestrel | chairman"}},
		// not ties: names merely near each other, a title of no one, the
		// wrong kinds side by side
		{"[[Fiona Marr|person]] said [[Kestrel|company]] would buy a rival.", nil},
		{"[[Kestrel|company]] said chief executive [[Fiona Marr|person]] would stay.", nil},
		{"[[Fiona Marr|person]], [[Kestrel|company]]'s chief rival in the region, bid too.", nil},
		{"[[Alder Mills|company]] partner [[Kestrel|company]] agreed.", nil},
		{"[[Fiona Marr|person]], chief executive of [[Lyon|place]], spoke.", nil},
		{"[[Fiona Marr|person]] met the head of [[Kestrel|company]].", nil},
	}
	for _, c := range cases {
		rc, err := parseCase("roles", c.text)
		if err != nil {
			t.Fatalf("%s: %v", c.text, err)
		}
		roles := findRoles(rc.text, givenEntities(rc))
		var got []string
		for _, r := range roles {
			got = append(got, fmt.Sprintf("%s | %s | %s", r.Person, r.Company, r.Title))
			if ev := rc.text[r.Evidence.Start:r.Evidence.End]; !strings.Contains(ev, r.Title) && !strings.Contains(ev, "who") {
				t.Errorf("%s: evidence %q does not hold the title %q", rc.text, ev, r.Title)
			}
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", rc.text, got, c.want)
		}
		if roles == nil {
			t.Errorf("%s: nil roles: the annotator looks for roles, so none is an empty list", rc.text)
		}
	}
}

// TestArticleHasRoles: the whole pipeline gives the roles, with the
// entities' IDs and the evidence a reader can find them by; an article
// with no ties has an empty list, not none.
func TestArticleHasRoles(t *testing.T) {
	body := "Kestrel Foods Ltd. posted higher sales on Monday. " +
		"\"Demand held up,\" said Ivo Brandt, chief financial officer of Kestrel Foods Ltd."
	ann := Article(model.Article{Body: body})
	if len(ann.Roles) != 1 {
		t.Fatalf("roles %+v", ann.Roles)
	}
	r := ann.Roles[0]
	ids := map[string]string{}
	for _, e := range ann.Entities {
		ids[e.ID] = e.Name()
	}
	if r.Person != "Ivo Brandt" || ids[r.PersonID] != "Ivo Brandt" || ids[r.CompanyID] != "Kestrel Foods Ltd." ||
		r.Title != "chief financial officer" || body[r.Evidence.Start:r.Evidence.End] != "Ivo Brandt, chief financial officer of Kestrel Foods Ltd." {
		t.Errorf("role %+v", r)
	}
	for _, body := range []string{"", "Markets were quiet on Monday."} {
		if ann := Article(model.Article{Body: body}); ann.Roles == nil || len(ann.Roles) != 0 {
			t.Errorf("%q: roles %#v, want an empty list", body, ann.Roles)
		}
	}
}

// BenchmarkRoles is the roles pass alone on the embedded samples' entities
// beside the whole pipeline on them, for the pass's share:
//
//	go test ./annotate -run XXX -bench Roles
func BenchmarkRoles(b *testing.B) {
	var as []model.Article
	var anns []model.Annotations
	for _, e := range articles.Samples().Entries {
		a, err := e.Load()
		if err != nil {
			b.Fatal(err)
		}
		as, anns = append(as, a), append(anns, Article(a))
	}
	b.Run("roles", func(b *testing.B) {
		for b.Loop() {
			for i, a := range as {
				findRoles(a.Body, anns[i].Entities)
			}
		}
	})
	b.Run("article", func(b *testing.B) {
		for b.Loop() {
			for _, a := range as {
				Article(a)
			}
		}
	})
}

// TestSortRoleMents checks the key sort against the plain sort it
// replaces: the same order for distinct starts, large and small, and the
// old sort's own order when starts repeat.
func TestSortRoleMents(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, span := range []int{1 << 8, 1 << 20, 1 << 31} {
		for _, n := range []int{0, 1, 2, 50, 3000} {
			ms := make([]roleMent, n)
			used := map[int]bool{}
			for i := range ms {
				s := rng.IntN(span)
				for used[s] && span > n {
					s = rng.IntN(span)
				}
				used[s] = true
				ms[i] = roleMent{Span: model.Span{Start: s, End: s + 1}}
			}
			want := slices.Clone(ms)
			slices.SortFunc(want, func(a, b roleMent) int { return a.Start - b.Start })
			if got := sortRoleMents(slices.Clone(ms)); !slices.Equal(got, want) {
				t.Fatalf("span %d, %d mentions: key sort differs from the plain sort", span, n)
			}
		}
	}
}
