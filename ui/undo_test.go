package ui

import (
	"testing"

	"newsmark/annotate"
	"newsmark/index"
)

// u is one key for one stack: a feed marked read in the library is taken
// back from the deals, search and brief screens too, which have no change
// of their own to undo.
func TestUndoFromEveryScreen(t *testing.T) {
	for _, screen := range []string{"D", "S", "B"} {
		t.Run(screen, func(t *testing.T) {
			opts := feedsOptions(t)
			opts.Index = index.New(opts.Web.Cache.DB, testIndexVersion, annotate.Article)
			d := &driver{t: t, m: New(opts)}
			d.run(d.m.Init())
			d.send(resize(120, 30))
			d.keys("F", "j", "j", "A")
			d.mustSee("marked Tidewater read: 3 articles · u undoes")
			d.keys("esc", screen)
			if d.m.screen == screenLibrary {
				t.Fatalf("%s did not leave the library:\n%s", screen, d.screen())
			}
			if screen == "S" && d.m.input.active() {
				d.keys("esc") // out of the query: u is a letter while typing
			}
			d.keys("u")
			d.mustSee("undone: marking Tidewater read (3 articles unread again)")
			if n := unreadStored(t, d); n != 4 {
				t.Fatalf("u on %s left %d unread stored, want 4", screen, n)
			}
		})
	}
}
