package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"newsmark/articles"
	"newsmark/model"
)

// goldFile is the hand-made gold of an embedded sample (articles/samples):
// names, figures, quotes and ventures by text, without offsets.
type goldFile struct {
	Companies []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	} `json:"companies"`
	People []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	} `json:"people"`
	Figures []struct {
		Text string `json:"text"`
		Kind string `json:"kind"`
	} `json:"figures"`
	Quotes []struct {
		Text    string `json:"text"`
		Speaker string `json:"speaker"`
	} `json:"quotes"`
	Ventures []model.Venture `json:"ventures"`
}

// sampleWithGold loads an embedded sample and turns its gold into
// annotations by finding each text in the body, so the sample's goldens
// move with the sample, not with the annotator's progress.
func sampleWithGold(t *testing.T, name string) (model.Article, model.Annotations) {
	t.Helper()
	var a model.Article
	found := false
	for _, e := range articles.Samples().Entries {
		if strings.HasSuffix(e.Meta.Path, name+".txt") {
			art, err := e.Load()
			if err != nil {
				t.Fatal(err)
			}
			a, found = art, true
		}
	}
	if !found {
		t.Fatalf("no sample %s", name)
	}
	b, err := os.ReadFile("../articles/samples/" + name + ".gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	body := a.Body
	taken := []model.Span{}
	free := func(s model.Span) bool {
		for _, x := range taken {
			if s.Start < x.End && x.Start < s.End {
				return false
			}
		}
		return true
	}
	// Longest forms first, so "Kestrel Group Plc" wins over "Kestrel".
	type form struct {
		text string
		ent  int
	}
	var forms []form
	var ann model.Annotations
	addEnt := func(kind model.EntityKind, name string, aliases []string) {
		ann.Entities = append(ann.Entities, model.Entity{ID: name, Kind: kind, Text: name, Canonical: name, Cue: "gold"})
		for _, f := range append([]string{name}, aliases...) {
			forms = append(forms, form{f, len(ann.Entities) - 1})
		}
	}
	for _, c := range g.Companies {
		addEnt(model.Company, c.Name, c.Aliases)
	}
	for _, p := range g.People {
		addEnt(model.Person, p.Name, p.Aliases)
	}
	for _, f := range g.Figures {
		addEnt(model.Figure, f.Text, nil)
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].text) > len(forms[j].text) })
	for _, f := range forms {
		for _, s := range spansOf(body, f.text) {
			if free(s) {
				taken = append(taken, s)
				ann.Entities[f.ent].Mentions = append(ann.Entities[f.ent].Mentions, s)
			}
		}
	}
	for i := range ann.Entities {
		sortSpans(ann.Entities[i].Mentions)
	}
	for _, q := range g.Quotes {
		i := strings.Index(body, q.Text)
		if i < 0 {
			continue
		}
		ann.Quotes = append(ann.Quotes, model.Quote{Text: q.Text, Speaker: q.Speaker, Start: i, End: i + len(q.Text)})
	}
	// A venture's evidence: the sentence holding its first amount (or party).
	for _, v := range g.Ventures {
		key := ""
		if len(v.Amounts) > 0 {
			key = v.Amounts[0]
		} else if len(v.Parties) > 0 {
			key = v.Parties[0]
		}
		if i := strings.Index(body, key); key != "" && i >= 0 {
			for _, s := range a.Sentences {
				if s.Start <= i && i < s.End {
					v.Evidence = []model.Span{s}
				}
			}
		}
		ann.Ventures = append(ann.Ventures, v)
	}
	return a, ann
}

// TestGoldenSample: one embedded sample, annotated from its gold, at the
// sizes of issue 4 in both palettes.
func TestGoldenSample(t *testing.T) {
	a, ann := sampleWithGold(t, "01-kestrel-gulf")
	for _, th := range []Theme{Dark, Light} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
			t.Run(fmt.Sprintf("%s/%dx%d", th, sz[0], sz[1]), func(t *testing.T) {
				d := &driver{t: t, m: New(Options{Library: singleLibrary(a), Theme: th,
					Annotate: func(model.Article) model.Annotations { return ann }})}
				d.run(d.m.Init())
				d.send(resize(sz[0], sz[1]))
				golden.RequireEqual(t, d.raw())
			})
		}
	}
}
