package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/corrections"
	"newsmark/index"
	"newsmark/model"
	"newsmark/notes"
	"newsmark/store"
)

// hold runs cmd as the driver would, but keeps back the messages of type
// T: the work that brings them has not answered yet.
func hold[T tea.Msg](d *driver, cmd tea.Cmd) (held []tea.Msg) {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			held = append(held, hold[T](d, c)...)
		}
	case laterMsg:
		held = append(held, hold[T](d, msg.cmd)...)
	case T:
		held = append(held, msg)
	default:
		d.run(func() tea.Msg { return msg })
	}
	return held
}

// holdStorage holds back what Options.OpenStorage opened.
func holdStorage(d *driver, cmd tea.Cmd) []tea.Msg { return hold[storageOpenedMsg](d, cmd) }

// TestStorageOpensAfterFirstFrame: the article is on screen before the
// notes database has opened; a save meanwhile waits for it and is made
// once it opens; then the article's stored highlights show, the one saved
// meanwhile among them, and saving works as usual.
func TestStorageOpensAfterFirstFrame(t *testing.T) {
	a := fixtureArticle(t)
	db, err := store.Open(store.DefaultPath(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n := notes.New(db)
	i := strings.Index(a.Body, "Elena Marsh")
	h, err := notes.NewHighlight(a, i, i+len("Elena Marsh"), "kept before")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := n.Add(context.Background(), h); err != nil {
		t.Fatal(err)
	}
	stored := func() int {
		hs, err := n.All(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return len(hs)
	}

	opens := 0
	d := &driver{t: t, m: New(Options{Library: singleLibrary(a), Annotate: fixtureAnnotations, Theme: Dark,
		OpenStorage: func() Storage { opens++; return Storage{Notes: n} }})}
	held := holdStorage(d, d.m.Init())
	mm, cmd := d.m.Update(resize(160, 40))
	d.m = mm.(Model)
	held = append(held, holdStorage(d, cmd)...)
	if len(held) != 1 || opens != 1 {
		t.Fatalf("the storage was asked for %d times, %d answers held", opens, len(held))
	}
	d.mustSee("Northwind", "4 Notes")
	d.mustNotSee("4 Notes (1)")
	d.keys(")", "h")
	d.mustSee("saving once the notes database is open")
	if stored() != 1 {
		t.Fatal("saved before the database was open")
	}

	d.send(held[0])
	if stored() != 2 {
		t.Fatalf("%d highlights stored once the database opened, want the waiting one saved too", stored())
	}
	d.mustSee("4 Notes (2)")
	d.keys("4")
	d.mustSee("kept before")
	d.keys(")", ")", "h")
	if stored() != 3 {
		t.Fatalf("%d highlights stored after h, want 3", stored())
	}
}

// TestStorageThatFailsSaysWhy: a database that could not be opened leaves
// the article on screen and says why notes are not saved, in the status
// bar when it answers, to a save that waited for it, and on a save after.
func TestStorageThatFailsSaysWhy(t *testing.T) {
	d := &driver{t: t, m: New(Options{Library: singleLibrary(fixtureArticle(t)), Annotate: fixtureAnnotations,
		Theme: Dark, OpenStorage: func() Storage {
			return Storage{NotesStatus: "notes are not saved: database is locked"}
		}})}
	held := holdStorage(d, d.m.Init())
	d.send(resize(160, 40))
	d.keys(")", "h")
	d.mustSee("saving once")
	d.send(held[0])
	d.mustSee("Northwind", "database is locked")
	d.keys(")")
	d.mustNotSee("database is locked")
	d.keys("h")
	d.mustSee("database is locked")
}

// startHeld starts the program of opts at w×h with the storage held back
// (no first-frame delay before the background indexing): what it opened
// is the message returned, for the test to send when it likes.
func startHeld(t *testing.T, opts Options, w, h int) (*driver, tea.Msg) {
	t.Helper()
	d := &driver{t: t, m: New(opts)}
	d.m.idx.delay = 0
	held := holdStorage(d, d.m.Init())
	mm, cmd := d.m.Update(resize(w, h))
	d.m = mm.(Model)
	held = append(held, holdStorage(d, cmd)...)
	if len(held) != 1 {
		t.Fatalf("%d storage answers held, want 1", len(held))
	}
	return d, held[0]
}

// TestIndexKeysBeforeStorage: the index comes with the database, after
// the first frame. D, S or B pressed before it is open say so, keep the
// library on screen, and open their screen once it is: the deals the
// background indexing then finds are listed, the search asks for a query.
func TestIndexKeysBeforeStorage(t *testing.T) {
	dir := writeDealStories(t)
	ix, db := openTestIndex(t, testIndexVersion)
	opts := Options{Library: articles.Open([]string{dir}, nil), Annotate: annotate.Article, Theme: Dark,
		OpenStorage: func() Storage {
			return Storage{Notes: notes.New(db), Index: ix, Positions: db, Corrections: corrections.New(db, func(ul model.UserList) corrections.Annotate { return annotate.WithUserList(ul).Article })}
		}}

	d, storage := startHeld(t, opts, 120, 30)
	d.mustSee("search/deals") // the hint is there before the index
	d.keys("D")
	d.mustSee("opening the database…")
	if d.m.screen != screenLibrary {
		t.Fatalf("D before the database: screen %v, want the library", d.m.screen)
	}
	d.send(storage)
	d.mustSee("Deals · 4 deals", "$90 million")
	d.mustNotSee("opening the database…")

	d, storage = startHeld(t, opts, 120, 30)
	d.keys("S")
	d.mustSee("opening the database…")
	d.send(storage)
	if d.m.screen != screenSearch || d.m.input.kind != inputIndexSearch {
		t.Fatalf("S before the database, once open: screen %v, input %v", d.m.screen, d.m.input.kind)
	}

	d, storage = startHeld(t, opts, 120, 30)
	d.keys("B")
	d.send(storage)
	if d.m.screen != screenBrief {
		t.Fatalf("B before the database, once open: screen %v, want the brief", d.m.screen)
	}
}

// TestPositionAndHighlightBeforeStorage: an article started on opens at
// the top while the database opens, h pressed then is saved once it is,
// and the kept reading position is then restored; a
// failed database leaves S saying why rather than waiting for ever.
func TestPositionAndHighlightBeforeStorage(t *testing.T) {
	db, err := store.Open(store.DefaultPath(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	long := longStory(t)
	a, err := long.Load()
	if err != nil {
		t.Fatal(err)
	}
	at := len(a.Body) / 2
	if err := db.SetReadingPosition(context.Background(), a.ID, a.Locator(), at); err != nil {
		t.Fatal(err)
	}
	n := notes.New(db)
	d, storage := startHeld(t, Options{Library: articles.Library{Entries: []articles.Entry{long}}, Annotate: fixtureAnnotations,
		Theme: Dark, OpenStorage: func() Storage { return Storage{Notes: n, Positions: db, Index: index.New(db, testIndexVersion, nil)} }}, 100, 30)
	if d.m.reader.offset != 0 {
		t.Fatalf("at line %d before the position could be read", d.m.reader.offset)
	}
	d.keys("h")
	d.send(storage)
	if hs, _ := n.All(context.Background()); len(hs) != 1 {
		t.Fatalf("%d highlights stored once the database opened, want the h pressed before", len(hs))
	}
	if l := d.m.reader.wrapped.Lines[d.m.reader.offset]; at < l.Start || at > l.End {
		t.Fatalf("the top line is bytes %d–%d, want the one holding the kept byte %d", l.Start, l.End, at)
	}
	d.mustSee("saved: ") // the h's word, after the position's

	d, storage = startHeld(t, Options{Library: fixtureLibrary(t), Annotate: fixtureAnnotations, Theme: Dark,
		OpenStorage: func() Storage {
			return Storage{NotesStatus: "notes are not saved: database is locked", IndexStatus: "search and deals are off: database is locked"}
		}}, 100, 30)
	d.keys("S")
	d.mustSee("opening the database…")
	d.send(storage)
	d.keys("S")
	d.mustSee("search and deals are off: database is locked")
	if d.m.screen != screenLibrary {
		t.Fatalf("S on a failed database: screen %v", d.m.screen)
	}
}

// TestCorrectionsArriveWithStorage: the corrections come with the
// database, after the first frame. The article started on is annotated
// without them meanwhile; once they are in it is annotated again with
// them, so a name the reader said never to mark is not marked. The
// correct menu asked for meanwhile (m) opens once they are in, on the
// article annotated with them.
func TestCorrectionsArriveWithStorage(t *testing.T) {
	db, err := store.Open(store.DefaultPath(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	svc := corrections.New(db, func(ul model.UserList) corrections.Annotate { return annotate.WithUserList(ul).Article })
	entry := articles.Samples().Entries[0]
	a, err := entry.Load()
	if err != nil {
		t.Fatal(err)
	}
	var name string
	for _, e := range annotate.Article(a).Entities {
		if e.Kind == model.Company && strings.Contains(a.Body, e.Name()) {
			name = e.Name()
			break
		}
	}
	if _, err := svc.Apply(context.Background(), model.UserEntry{Action: model.UserNever, Name: name}); err != nil {
		t.Fatal(err)
	}
	marked := func(d *driver) bool {
		for _, e := range d.m.anns.byID[a.ID].Entities {
			if e.Name() == name {
				return true
			}
		}
		return false
	}
	d, storage := startHeld(t, Options{Library: articles.Library{Entries: []articles.Entry{entry}}, Annotate: annotate.Article,
		Theme: Dark, OpenStorage: func() Storage { return Storage{Positions: db, Corrections: svc} }}, 160, 45)
	if !marked(d) {
		t.Fatalf("%s is not marked before the corrections are in", name)
	}
	// The cursor is on the first sentence, which names it: the menu on
	// the marks before the corrections would offer it.
	if s0 := a.Sentences[0]; !strings.Contains(a.Body[s0.Start:s0.End], name) || d.m.reader.cursorIndex() != 0 {
		t.Fatalf("the cursor is on sentence %d; the first names %s: %v", d.m.reader.cursorIndex(), name, strings.Contains(a.Body[s0.Start:s0.End], name))
	}
	d.keys("m")
	d.mustSee("opening the database…")
	d.send(storage)
	if marked(d) {
		t.Fatalf("%s is still marked once the corrections are in", name)
	}
	if d.m.overlay != overlayCorrect {
		t.Fatalf("m pressed before the corrections: overlay %v once the article is annotated with them, want the correct menu", d.m.overlay)
	}
	for _, n := range d.m.correct.target.names {
		if n.text == name {
			t.Fatalf("the menu offers %s, which the corrections unmarked", name)
		}
	}

	// No correction stored: the menu asked for meanwhile opens.
	empty, err := store.Open(store.DefaultPath(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { empty.Close() })
	svc = corrections.New(empty, func(ul model.UserList) corrections.Annotate { return annotate.WithUserList(ul).Article })
	d, storage = startHeld(t, Options{Library: articles.Library{Entries: []articles.Entry{entry}}, Annotate: annotate.Article,
		Theme: Dark, OpenStorage: func() Storage { return Storage{Corrections: svc} }}, 160, 45)
	d.keys(")", "m")
	d.mustSee("opening the database…")
	d.send(storage)
	if d.m.overlay != overlayCorrect {
		t.Fatalf("m pressed before the corrections: overlay %v once they are in, want the correct menu", d.m.overlay)
	}
}
