package corrections

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/model"
)

// shape is an article's names as the reader draws them: each entity's
// kind and the text of its body mentions at their offsets.
func shape(a model.Article, ann model.Annotations) []string {
	var out []string
	for _, e := range ann.Entities {
		if e.Kind == model.Figure {
			continue
		}
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, fmt.Sprintf("%d:%s", m.Start, a.Body[m.Start:m.End]))
		}
		for _, m := range e.MetaMentions {
			ms = append(ms, fmt.Sprintf("%s%d", m.Field, m.Start))
		}
		out = append(out, string(e.Kind)+" "+e.Cue+" "+strings.Join(ms, ","))
	}
	sort.Strings(out)
	return out
}

func samples(t testing.TB) []model.Article {
	var out []model.Article
	for _, e := range articles.Samples().Entries {
		a, err := e.Load()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// corrections a reader might make on a: each name to another kind, each
// one-word name and each alias not a name, each company merged into
// another, each alias split out.
func sampleCorrections(a model.Article, ann model.Annotations) []model.UserEntry {
	var out []model.UserEntry
	var companies []string
	for _, e := range ann.Entities {
		if e.Kind == model.Figure || e.Count() == 0 {
			continue
		}
		k := model.Person
		if e.Kind == model.Person {
			k = model.Company
		}
		out = append(out, model.UserEntry{Action: model.UserMark, Kind: k, Name: e.Name()})
		if !strings.Contains(e.Name(), " ") {
			out = append(out, model.UserEntry{Action: model.UserNever, Name: e.Name()})
		}
		for _, m := range e.Mentions {
			if t := a.Body[m.Start:m.End]; t != e.Name() {
				out = append(out, model.UserEntry{Action: model.UserNever, Name: t},
					model.UserEntry{Action: model.UserSplit, Name: e.Name(), Other: t})
				break
			}
		}
		if e.Kind == model.Company {
			companies = append(companies, e.Name())
		}
	}
	for i := 1; i < len(companies); i++ {
		out = append(out, model.UserEntry{Action: model.UserMerge, Name: companies[0], Other: companies[i]})
	}
	return out
}

// The reader's instant preview of a correction draws the names as the
// annotator with the correction does, on every embedded sample, for every
// correction of sampleCorrections: when it disagrees, the screen would
// jump once the background annotation lands.
func TestPreviewAgreesWithTheAnnotator(t *testing.T) {
	tried, agreed := 0, 0
	for _, a := range samples(t) {
		ann := annotate.Article(a)
		for _, e := range sampleCorrections(a, ann) {
			tried++
			got := shape(a, Preview(a, ann, e))
			want := shape(a, annotate.WithUserList(model.UserList{Entries: []model.UserEntry{e}}).Article(a))
			if slices.Equal(got, want) {
				agreed++
				continue
			}
			t.Errorf("%s: %s:\npreview   %q\nannotator %q", a.Title[:20], FormatEntry(e), got, want)
		}
	}
	t.Logf("%d of %d corrections drawn alike", agreed, tried)
}

// A mark finds the name where it stands as whole words, and not inside a
// longer mention; the annotations given are left as they were.
func TestPreviewMarkIsWholeWordsAndCopies(t *testing.T) {
	a := model.Article{Body: "Next said sales rose. Nextel and Next Group Inc. did not. Next."}
	ann := model.Annotations{Entities: []model.Entity{{ID: "e1", Kind: model.Company, Text: "Next Group Inc.",
		Mentions: []model.Span{{Start: 32, End: 47}}}}}
	out := Preview(a, ann, model.UserEntry{Action: model.UserMark, Kind: model.Company, Name: "Next"})
	if len(out.Entities) != 2 || len(ann.Entities) != 1 {
		t.Fatalf("%+v", out.Entities)
	}
	n := out.Entities[1]
	if n.Cue != "user" || n.ID != "e2" || len(n.Mentions) != 2 || n.Mentions[1].Start != 58 {
		t.Errorf("Next: %+v", n)
	}
}
