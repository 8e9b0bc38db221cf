package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/model"
)

// TestEntityCountsAreAnnotateCounts: the Entities tab counts each entity as
// `newsmark annotate` does, the title, caption and byline included (one
// annotation, one count), and a person named only in the byline shows ×1
// "in byline" rather than ×0; enter and h on them say why nothing happens.
func TestEntityCountsAreAnnotateCounts(t *testing.T) {
	var a model.Article
	for _, e := range articles.Samples().Entries {
		if strings.HasSuffix(e.Meta.Path, "01-kestrel-gulf.txt") {
			var err error
			if a, err = e.Load(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if a.Body == "" {
		t.Fatal("no sample 01-kestrel-gulf")
	}
	ann := annotate.Article(a)
	d := &driver{t: t, m: New(Options{Library: singleLibrary(a), Theme: Dark, Annotate: annotate.Article})}
	d.run(d.m.Init())
	d.send(resize(160, 50))
	d.keys("2", "tab")
	tab := tabOf[*entitiesTab](d.m)
	byline := 0
	for i, e := range ann.Entities {
		want := fmt.Sprintf("%s ×%d", e.Name(), len(e.Mentions)+len(e.MetaMentions))
		if got := ansi.Strip(tab.line(i)); !strings.Contains(got, want) {
			t.Errorf("the tab shows %q, annotate counts %q", got, want)
		}
		if len(e.Mentions) == 0 && len(e.MetaMentions) > 0 {
			byline++
		}
	}
	if byline == 0 {
		t.Fatal("the sample has no entity named only outside the text")
	}
	d.keys("/", "l", "a", "y", "l", "a", "enter")
	d.mustSee("Layla Haddad ×1 in byline", "1 mention, in byline · found by:")
	d.keys("enter")
	d.mustSee("Layla Haddad is named only in byline, not in the text")
	d.keys("h")
	d.mustSee("no passage of the text to keep")
}
