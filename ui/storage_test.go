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
// notes database has opened; a save meanwhile says it is still opening;
// once it opens, the article's stored highlights show and saving works.
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
	d.mustSee("still opening")

	d.send(held[0])
	d.mustSee("4 Notes (1)")
	d.keys("4")
	d.mustSee("kept before")
	d.keys(")", "h")
	if got, _ := n.All(context.Background()); len(got) != 2 {
		t.Fatalf("%d highlights stored after h, want 2", len(got))
	}
}

// TestStorageThatFailsSaysWhy: a database that could not be opened leaves
// the article on screen and says why notes are not saved, in the status
// bar when it answers and on a save.
func TestStorageThatFailsSaysWhy(t *testing.T) {
	d := &driver{t: t, m: New(Options{Library: singleLibrary(fixtureArticle(t)), Annotate: fixtureAnnotations,
		Theme: Dark, OpenStorage: func() Storage {
			return Storage{NotesStatus: "notes are not saved: database is locked"}
		}})}
	d.run(d.m.Init())
	d.send(resize(160, 40))
	d.mustSee("Northwind", "database is locked")
	d.keys(")")
	d.mustNotSee("database is locked")
	d.keys("h")
	d.mustSee("database is locked")
}
