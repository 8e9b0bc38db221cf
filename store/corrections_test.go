package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"newsmark/model"
)

func mark(name string, kind model.EntityKind) Correction {
	return Correction{Entry: model.UserEntry{Action: model.UserMark, Name: name, Kind: kind}}
}

// Corrections keep their order and time; a removed one comes back with
// its ID (undo) and stays where it was; every change bumps the revision.
func TestCorrectionsChangeAndRevision(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	if list, rev, err := db.Corrections(ctx); err != nil || len(list) != 0 || rev != 0 {
		t.Fatalf("empty db: %v %d %v", list, rev, err)
	}
	at := time.Date(2026, 3, 1, 10, 15, 0, 0, time.UTC)
	first := mark("Crest Nicholson", model.Company)
	first.Created = at
	ch, err := db.ChangeCorrections(ctx, []Correction{first, {Entry: model.UserEntry{Action: model.UserMerge,
		Name: "Al Noor Ports Co.", Other: "Al Noor", ArticleID: "3f2a"}}}, nil)
	if err != nil || ch.Revision != 1 || len(ch.Added) != 2 || ch.Added[0].ID == 0 || ch.Added[1].ID <= ch.Added[0].ID {
		t.Fatalf("add: %+v %v", ch, err)
	}
	if !ch.Added[0].Created.Equal(at) || ch.Added[1].Created.IsZero() {
		t.Errorf("times %v %v", ch.Added[0].Created, ch.Added[1].Created)
	}
	list, rev, _ := db.Corrections(ctx)
	if rev != 1 || len(list) != 2 || list[0].Entry != first.Entry || list[1].Entry.ArticleID != "3f2a" || !list[0].Created.Equal(at) {
		t.Fatalf("list %+v rev %d", list, rev)
	}
	ch, err = db.ChangeCorrections(ctx, []Correction{mark("Ann Cole", model.Person)}, []int64{list[0].ID})
	if err != nil || ch.Revision != 2 || len(ch.Removed) != 1 || ch.Removed[0].Entry != first.Entry {
		t.Fatalf("replace: %+v %v", ch, err)
	}
	// undo: the new one goes, the old one comes back first
	if _, err := db.ChangeCorrections(ctx, ch.Removed, []int64{ch.Added[0].ID}); err != nil {
		t.Fatal(err)
	}
	list, rev, _ = db.Corrections(ctx)
	if rev != 3 || len(list) != 2 || list[0].Entry != first.Entry || !list[0].Created.Equal(at) {
		t.Errorf("after undo: %+v rev %d", list, rev)
	}
	// nothing to do: no new revision
	if ch, _ := db.ChangeCorrections(ctx, nil, []int64{999}); ch.Revision != 3 {
		t.Errorf("an empty change bumped the revision to %d", ch.Revision)
	}
	if r, _ := db.CorrectionsRevision(ctx); r != 3 {
		t.Errorf("revision %d", r)
	}
}

// A correction marks for re-annotation only the indexed articles whose
// title or body holds its names (whatever their case), or the one article
// it is for; writing an article annotated with the new list clears the
// mark, one annotated with an older list leaves it.
func TestCorrectionsTouchOnlyTheirArticles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	docs := []IndexDoc{
		indexDoc("a1", "Shares of Crest Nicholson fell."),
		indexDoc("a2", "Harbor Looms raised money."),
		indexDoc("a3", "Nothing here."),
		indexDoc("a4", "CREST NICHOLSON said so."),
		indexDoc("a5", "Crest and Nicholson are two words apart."),
	}
	docs[2].Article.Title = "Crest Nicholson's week"
	if _, err := db.IndexPut(ctx, docs, time.Now()); err != nil {
		t.Fatal(err)
	}
	redo := func() []string {
		st, err := db.IndexStates(ctx, []string{"a1", "a2", "a3", "a4", "a5"})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for id, s := range st {
			if s.Redo {
				out = append(out, id)
			}
		}
		slices.Sort(out)
		return out
	}
	ch, err := db.ChangeCorrections(ctx, []Correction{mark("Crest Nicholson", model.Company),
		{Entry: model.UserEntry{Action: model.UserNever, Name: "Looms", ArticleID: "a2"}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := redo(); !slices.Equal(got, []string{"a1", "a2", "a3", "a4"}) || ch.Touched != 4 {
		t.Fatalf("marked %v (touched %d), want a1-a4", got, ch.Touched)
	}
	total, stale, _ := db.IndexCounts(ctx, "v1")
	if total != 5 || stale != 4 {
		t.Errorf("counts %d/%d, want 4 of 5 stale", stale, total)
	}
	st, _ := db.IndexStale(ctx, "v1", 10)
	if len(st) != 4 || !st[0].Redo {
		t.Errorf("stale %d, first %+v", len(st), st[0].IndexState)
	}
	// a1 again with the list: done; a4 with an older list: still marked
	d1, d4 := docs[0], docs[3]
	d1.Corrections = ch.Revision
	res, err := db.IndexPut(ctx, []IndexDoc{d1, d4}, time.Now())
	if err != nil || res.Updated != 1 || res.Unchanged != 1 {
		t.Fatalf("put %+v %v", res, err)
	}
	if got := redo(); !slices.Equal(got, []string{"a2", "a3", "a4"}) {
		t.Errorf("marked %v after a1 was redone", got)
	}
	// a new article written with an older list than the database's is
	// marked at once
	if _, err := db.IndexPut(ctx, []IndexDoc{indexDoc("a6", "New text.")}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if st, _ := db.IndexStates(ctx, []string{"a6"}); !st["a6"].Redo {
		t.Error("an article annotated with an older list is not marked")
	}
	// the mark goes with its article
	if _, err := db.IndexRemove(ctx, []string{"a2"}); err != nil {
		t.Fatal(err)
	}
	var n int
	db.SQL().QueryRow(`SELECT count(*) FROM idx_redo`).Scan(&n)
	if n != 3 {
		t.Errorf("%d marks left, want 3", n)
	}
	if err := db.IndexCheck(ctx); err != nil {
		t.Error(err)
	}
}

// Names are read back on one line, whatever another program wrote.
func TestCorrectionsReadSanitized(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	if _, err := db.ChangeCorrections(ctx, []Correction{mark("Evil\x1b[2J\nCo", model.Company)}, nil); err != nil {
		t.Fatal(err)
	}
	list, _, _ := db.Corrections(ctx)
	if len(list) != 1 || list[0].Entry.Name != "Evil Co" {
		t.Errorf("name read back as %q", list[0].Entry.Name)
	}
}

// The list is read as one joined string; a name holding its separators
// (written by another program) is read row by row instead, and every
// correction comes back whole, in order.
func TestCorrectionsReadWithSeparatorsInNames(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	add := []Correction{mark("Alpha Co", model.Company), mark("Beta\x1fGamma", model.Company), mark("Delta\x1eCo", model.Person),
		{Entry: model.UserEntry{Action: model.UserMerge, Name: "Al Noor", Other: "Al Noor Ports Co.", ArticleID: "a1"}}}
	if _, err := db.ChangeCorrections(ctx, add, nil); err != nil {
		t.Fatal(err)
	}
	list, rev, err := db.Corrections(ctx)
	if err != nil || rev != 1 || len(list) != 4 {
		t.Fatalf("%d corrections, rev %d, %v", len(list), rev, err)
	}
	want := []string{"Alpha Co", "BetaGamma", "DeltaCo", "Al Noor"} // control characters dropped
	for i, c := range list {
		if c.Entry.Name != want[i] || (i > 0 && c.ID <= list[i-1].ID) || c.Created.IsZero() {
			t.Errorf("%d: %+v", i, c)
		}
	}
	if e := list[3].Entry; e.Action != model.UserMerge || e.Other != "Al Noor Ports Co." || e.ArticleID != "a1" {
		t.Errorf("the merge read back as %+v", e)
	}
	// without a separator in any name the joined string is read, the same
	if _, err := db.ChangeCorrections(ctx, nil, []int64{list[1].ID, list[2].ID}); err != nil {
		t.Fatal(err)
	}
	if list2, _, _ := db.Corrections(ctx); len(list2) != 2 || list2[0] != list[0] || list2[1] != list[3] {
		t.Errorf("after the remove: %+v", list2)
	}
}
