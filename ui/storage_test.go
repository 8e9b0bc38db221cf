package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

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
