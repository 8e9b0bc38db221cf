package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"newsmark/notes"
	"newsmark/store"
)

// TestGoldenNotes: a kept highlight drawn under the entity styles, the
// sentence cursor's bar, a selection over two sentences and a word, the
// Notes tab listing the highlight; then the note editor over it all.
// Regenerate with: go test ./ui -run TestGoldenNotes -update, then review.
func TestGoldenNotes(t *testing.T) {
	for _, th := range []Theme{Dark, Light, Mono} {
		t.Run(string(th), func(t *testing.T) {
			db, err := store.Open(store.DefaultPath(t.TempDir()))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			d := &driver{t: t, m: New(Options{Library: singleLibrary(fixtureArticle(t)), Annotate: fixtureAnnotations,
				Theme: th, Notes: notes.New(db)})}
			d.run(d.m.Init())
			d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
			d.keys(")", "h", "4", ")", ")", "v", "j", "w")
			t.Run("selection", func(t *testing.T) { golden.RequireEqual(t, d.raw()) })
			d.keys("a")
			d.send(tea.PasteMsg{Content: "Why it matters: cold chains."})
			t.Run("editor", func(t *testing.T) { golden.RequireEqual(t, d.raw()) })
		})
	}
}
