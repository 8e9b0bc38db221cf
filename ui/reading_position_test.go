package ui

import (
	"testing"
	"time"

	"newsmark/articles"
	"newsmark/store"
)

// TestReopenGoesWhereTheReaderLeft: an article opens again where it was
// left, after going back to the library and after quitting and starting a
// new program on the same database (issue 14, item 15); a key pressed
// before the kept place arrives wins; the top keeps nothing.
func TestReopenGoesWhereTheReaderLeft(t *testing.T) {
	db, err := store.Open(store.DefaultPath(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	long := longStory(t)
	lib := fixtureLibrary(t)
	lib.Entries = append(lib.Entries, long)
	start := func() *driver {
		d := &driver{t: t, m: New(Options{Library: lib, Annotate: fixtureAnnotations, Theme: Dark, Positions: db})}
		d.run(d.m.Init())
		d.send(resize(100, 30))
		return d
	}
	openLong := func(d *driver) {
		t.Helper()
		d.keys("G", "enter") // undated: the last in the library
		if d.m.reader.article.ID != long.Meta.ID {
			t.Fatalf("opened %q, want the long story", d.m.reader.article.ID)
		}
	}
	topLine := func(d *driver) string { return d.m.reader.wrapped.Text(d.m.reader.offset) }

	d := start()
	openLong(d)
	d.mustSee("Top")
	d.keys("space", "space", "j")
	left := topLine(d)
	d.keys("q") // back to the library
	d.mustSee("4 articles")
	openLong(d)
	if got := topLine(d); got != left {
		t.Fatalf("reopened at %q, want %q", got, left)
	}
	d.mustSee("back where you left off (g goes to the top)")

	// A new program on the same database: the place was kept on disk,
	// saved as the program quit (q in the library).
	d.keys("j", "j")
	_, kept, _ := d.m.reader.position()
	d.keys("q", "q")
	if !d.quit {
		t.Fatal("q in the library did not quit")
	}
	d = start()
	d.send(resize(140, 40)) // another width: the byte offset still finds the line
	openLong(d)
	if l := d.m.reader.wrapped.Lines[d.m.reader.offset]; kept < l.Start || kept > l.End {
		t.Fatalf("after a restart at another width the top line is bytes %d–%d, want the one holding byte %d", l.Start, l.End, kept)
	}

	// Back to the top: nothing kept, the next open starts at the top.
	d.keys("g", "q")
	openLong(d)
	if d.m.reader.offset != 0 {
		t.Fatalf("opened at line %d after leaving it at the top", d.m.reader.offset)
	}
	d.mustNotSee("back where you left off")
}

// longStory is the fixture story six times, undated, under an ID and a
// path of its own.
func longStory(t *testing.T) articles.Entry {
	a := fixtureArticle(t)
	a.ID, a.Title, a.Path, a.Date = "long", "The long story", "testdata/long.txt", time.Time{}
	for i := 0; i < 5; i++ {
		a.Body += "\n\n" + fixtureArticle(t).Body
	}
	return articles.Entry{Meta: a}
}

// TestSingleArticleQuitKeepsPlace: started on one article, q quits, and
// the place is saved before the program ends.
func TestSingleArticleQuitKeepsPlace(t *testing.T) {
	db, err := store.Open(store.DefaultPath(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	a := longStory(t)
	d := &driver{t: t, m: New(Options{Library: articles.Library{Entries: []articles.Entry{a}}, Theme: Dark, Positions: db})}
	d.run(d.m.Init())
	d.send(resize(100, 30))
	d.keys("ctrl+d", "ctrl+d")
	_, want, _ := d.m.reader.position()
	d.keys("q")
	if !d.quit {
		t.Fatal("q on the one article the program started on did not quit")
	}
	loaded := d.m.reader.article
	if off, ok, err := db.ReadingPosition(t.Context(), loaded.ID, loaded.Locator()); err != nil || !ok || off != want {
		t.Fatalf("kept %d %v %v, want %d", off, ok, err, want)
	}
}
