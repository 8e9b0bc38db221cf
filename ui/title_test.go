package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"newsmark/articles"
	"newsmark/model"
)

// TestLongTitleCutOnlyWhenDrawn: a title stored whole (one made from a long
// first sentence) is cut to the width where it is drawn: the library's
// row, the reader's header (two lines at most) and the window title; no
// line of the screen is wider than the terminal.
func TestLongTitleCutOnlyWhenDrawn(t *testing.T) {
	long := "Brightwater Cold Chain Holdings and the Larkspur Pension Fund agreed on Thursday to build eleven refrigerated depots along the Danube over the next six years"
	a := model.Article{ID: "long", Title: long, Body: long + ".\n\nThe partners did not say what the depots would cost."}
	b := model.Article{ID: "other", Title: "Another story", Body: "Nothing happened."}
	lib := articles.Library{Entries: []articles.Entry{{Meta: a}, {Meta: b}}}
	for _, w := range []int{40, 60, 100} {
		d := newDriver(t, lib, Dark, w, 24)
		fits := func(where string) {
			t.Helper()
			for _, l := range strings.Split(d.screen(), "\n") {
				if ansi.StringWidth(l) > w {
					t.Fatalf("%s at %d columns: line %q is %d wide", where, w, l, ansi.StringWidth(l))
				}
			}
		}
		fits("library")
		d.mustSee("Brightwater Cold", "…")
		d.keys("enter")
		fits("reader")
		// The header is what the reader draws before the rule under it.
		var title []string
		cut := false
		for _, l := range strings.Split(ansi.Strip(d.m.reader.View()), "\n") {
			if strings.HasPrefix(l, "─") {
				break
			}
			if strings.Contains(l, "Brightwater") || strings.Contains(l, "Larkspur") || strings.Contains(l, "Thursday") || strings.Contains(l, "Danube") {
				title = append(title, l)
				cut = cut || strings.HasSuffix(strings.TrimRight(l, " "), "…")
			}
		}
		if len(title) == 0 || len(title) > 2 || !cut {
			t.Fatalf("the reader's header at %d columns shows the title on %d lines, cut %v:\n%s", w, len(title), cut, d.screen())
		}
		if wt := d.m.View().WindowTitle; !strings.HasPrefix(wt, "Brightwater") || !strings.Contains(wt, "…") || ansi.StringWidth(wt) > 80 {
			t.Fatalf("window title %q", wt)
		}
		if d.m.reader.article.Title != long {
			t.Fatalf("the reader's article title was changed: %q", d.m.reader.article.Title)
		}
	}
}
