package notes

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsmark/model"
	"newsmark/store"
)

// sampleBody is a short wire story written for these tests.
const sampleBody = `Harbor Robotics Inc. and Meridian Steel Corp. agreed to form a joint venture that will build warehouse robots in Ohio, the companies said on Tuesday.

Meridian will invest $400 million for a 60% stake, and Harbor will contribute its designs. The venture expects to hire 800 people by 2028.

"This is the largest bet we have made on automation," said Dana Ortiz, Meridian's chief executive. The companies said the plant would open next year.`

func sampleArticle() model.Article {
	return model.Article{
		ID:      "art-1",
		Title:   "Harbor and Meridian form robot venture",
		Source:  "Newsmark Wire",
		Date:    time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC),
		Authors: []string{"Lee Park"},
		Path:    "/news/harbor.txt",
		Body:    sampleBody,
	}
}

func openNotes(t testing.TB) (*Notes, *store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), store.FileName)
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	n := New(db)
	clock := time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC)
	n.now = func() time.Time { clock = clock.Add(time.Second); return clock }
	return n, db, path
}

// span returns the byte range of sub in sampleBody.
func span(t testing.TB, body, sub string) (int, int) {
	t.Helper()
	i := strings.Index(body, sub)
	if i < 0 {
		t.Fatalf("%q not in body", sub)
	}
	return i, i + len(sub)
}

func addHighlight(t testing.TB, n *Notes, a model.Article, sub, note string) model.Highlight {
	t.Helper()
	s, e := span(t, a.Body, sub)
	h, err := NewHighlight(a, s, e, note)
	if err != nil {
		t.Fatal(err)
	}
	h, err = n.Add(context.Background(), h)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestNewHighlightKeepsContextAndMetadata(t *testing.T) {
	a := sampleArticle()
	s, e := span(t, a.Body, "\n\nMeridian will invest $400 million ")
	h, err := NewHighlight(a, s, e, "big")
	if err != nil {
		t.Fatal(err)
	}
	if h.Text != "Meridian will invest $400 million" {
		t.Errorf("Text = %q (white space should be trimmed)", h.Text)
	}
	if a.Body[h.Start:h.End] != h.Text {
		t.Error("offsets do not hold the text")
	}
	if !strings.HasSuffix(h.Prefix, "said on Tuesday.\n\n") || len([]rune(h.Prefix)) != ContextLen {
		t.Errorf("Prefix = %q", h.Prefix)
	}
	if !strings.HasPrefix(h.Suffix, " for a 60% stake") || len([]rune(h.Suffix)) != ContextLen {
		t.Errorf("Suffix = %q", h.Suffix)
	}
	if h.ArticleID != "art-1" || h.Locator != "/news/harbor.txt" || h.Title != a.Title || h.Author != "Lee Park" || !h.Date.Equal(a.Date) {
		t.Errorf("metadata: %+v", h)
	}
	if _, err := NewHighlight(a, 10, 5, ""); err == nil {
		t.Error("an empty range was accepted")
	}
	if _, err := NewHighlight(a, 0, len(a.Body)+1, ""); err == nil {
		t.Error("a range past the body was accepted")
	}
}

func TestAddEditDeleteUndo(t *testing.T) {
	ctx := context.Background()
	n, _, _ := openNotes(t)
	a := sampleArticle()
	h := addHighlight(t, n, a, "The venture expects to hire 800 people by 2028.", "jobs")
	if h.ID == 0 || h.Created.IsZero() {
		t.Fatalf("Add returned %+v", h)
	}
	got, err := n.Get(ctx, h.ID)
	if err != nil || got.Text != h.Text || got.Note != "jobs" || got.Start != h.Start || !got.Created.Equal(h.Created) {
		t.Fatalf("Get = %+v, %v", got, err)
	}

	edited, err := n.UpdateNote(ctx, h.ID, "jobs\nsecond line")
	if err != nil || edited.Note != "jobs\nsecond line" || !edited.Updated.After(h.Updated) {
		t.Fatalf("UpdateNote = %+v, %v", edited, err)
	}
	tagged, err := n.SetTags(ctx, h.ID, []string{"jobs", "ohio"})
	if err != nil || strings.Join(tagged.Tags, ",") != "jobs,ohio" {
		t.Fatalf("SetTags = %+v, %v", tagged, err)
	}

	if _, err := n.Delete(ctx, h.ID); err != nil {
		t.Fatal(err)
	}
	if hs, _ := n.ForArticle(ctx, a); len(hs) != 0 {
		t.Errorf("deleted highlight still listed: %+v", hs)
	}
	if _, err := n.Get(ctx, h.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after delete: %v", err)
	}
	if _, err := n.UpdateNote(ctx, h.ID, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateNote of a deleted highlight: %v", err)
	}
	restored, err := n.Undo(ctx, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	if restored.ID != h.ID || restored.Note != tagged.Note || strings.Join(restored.Tags, ",") != "jobs,ohio" ||
		!restored.Updated.Equal(tagged.Updated) || restored.Start != h.Start {
		t.Errorf("Undo did not restore exactly: %+v vs %+v", restored, tagged)
	}
	if _, err := n.Undo(ctx, h.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Undo: %v", err)
	}
	all, err := n.All(ctx)
	if err != nil || len(all) != 1 {
		t.Fatalf("All = %d, %v", len(all), err)
	}
}

func TestForArticleFindsByIDThenLocator(t *testing.T) {
	ctx := context.Background()
	n, _, _ := openNotes(t)
	a := sampleArticle()
	addHighlight(t, n, a, "Harbor will contribute its designs", "")
	other := model.Article{ID: "art-2", Body: "Nothing here.", URL: "https://example.com/x"}
	addHighlight(t, n, other, "Nothing here.", "")

	// Same file, new content hash: found by its path.
	moved := a
	moved.ID = "art-1-v2"
	hs, err := n.ForArticle(ctx, moved)
	if err != nil || len(hs) != 1 || hs[0].Orphan {
		t.Fatalf("by locator: %+v, %v", hs, err)
	}
	if hs[0].ArticleID != "art-1-v2" {
		t.Errorf("re-attached highlight keeps old article ID %q", hs[0].ArticleID)
	}
	// Same ID, no locator: found by ID.
	byID := model.Article{ID: "art-2", Body: other.Body}
	if hs, _ := n.ForArticle(ctx, byID); len(hs) != 1 {
		t.Errorf("by ID: %d highlights", len(hs))
	}
	c, err := n.CountByArticle(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.For(moved) != 1 || c.For(byID) != 1 || c.For(model.Article{ID: "none", Path: "/elsewhere"}) != 0 {
		t.Errorf("counts: %d %d", c.For(moved), c.For(byID))
	}
}

// TestReattachAfterEdits saves highlights, edits the article's text the way
// a correction would, and reopens it.
func TestReattachAfterEdits(t *testing.T) {
	ctx := context.Background()
	n, _, _ := openNotes(t)
	a := sampleArticle()
	moved := addHighlight(t, n, a, "The venture expects to hire 800 people by 2028.", "moved")
	fuzzy := addHighlight(t, n, a, "Meridian will invest $400 million for a 60% stake", "figure changed")
	gone := addHighlight(t, n, a, "The companies said the plant would open next year.", "removed")
	twice := addHighlight(t, n, a, "the companies said", "repeated phrase")

	edited := a
	edited.ID = "art-1-v2"
	edited.Body = "UPDATED: corrects stake.\n\n" + strings.NewReplacer(
		"$400 million for a 60% stake", "$450 million for a 65% stake",
		" The companies said the plant would open next year.", "",
	).Replace(sampleBody) + "\n\nLater, the companies said nothing more."

	hs, err := n.ForArticle(ctx, edited)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]model.Highlight{}
	for _, h := range hs {
		byID[h.ID] = h
	}
	check := func(h model.Highlight, want string) {
		t.Helper()
		got := byID[h.ID]
		if got.Orphan {
			t.Fatalf("%q became an orphan", h.Note)
		}
		if edited.Body[got.Start:got.End] != want || got.Text != want {
			t.Errorf("%q re-attached to %q, want %q", h.Note, edited.Body[got.Start:got.End], want)
		}
	}
	check(moved, "The venture expects to hire 800 people by 2028.")
	check(fuzzy, "Meridian will invest $450 million for a 65% stake")
	check(twice, "the companies said")
	if got := byID[twice.ID]; got.Start > len(edited.Body)/2 {
		t.Errorf("repeated phrase went to the later occurrence at %d; its context says the first", got.Start)
	}
	if o := byID[gone.ID]; !o.Orphan || o.Text != gone.Text || o.Note != "removed" {
		t.Errorf("removed sentence: %+v, want an orphan with its text and note", o)
	}
	if last := hs[len(hs)-1]; last.ID != gone.ID {
		t.Errorf("orphans should be listed last, got %q last", last.Note)
	}

	// The new places are stored: reading again finds them exact.
	if again, _ := n.ByArticleID(ctx, "art-1-v2"); len(again) != 3 {
		t.Errorf("stored under the new ID: %d, want the 3 re-attached", len(again))
	}
	again, _ := n.ByArticleID(ctx, edited.Locator())
	if len(again) != 4 {
		t.Fatalf("stored under the path: %d", len(again))
	}
	for _, h := range again {
		if _, how := Reattach(edited, h); h.Orphan != (h.ID == gone.ID) || (!h.Orphan && how != Exact) {
			t.Errorf("%q after storing: orphan=%v how=%v", h.Note, h.Orphan, how)
		}
	}
}

func TestReattachOrder(t *testing.T) {
	a := sampleArticle()
	s, e := span(t, a.Body, "Harbor will contribute its designs")
	h, _ := NewHighlight(a, s, e, "")
	cases := []struct {
		name string
		body string
		want Anchor
	}{
		{"unchanged", a.Body, Exact},
		{"moved", "Preface.\n" + a.Body, Moved},
		{"repeated", "Harbor will contribute its designs? " + a.Body, Context},
		{"edited", strings.Replace(a.Body, "contribute its designs", "contribute its design", 1), Fuzzy},
		{"rewritten", strings.Replace(a.Body, "Harbor will contribute its designs", "Others pay nothing", 1), Orphaned},
	}
	for _, c := range cases {
		b := a
		b.Body = c.body
		got, how := Reattach(b, h)
		if how != c.want {
			t.Errorf("%s: anchored %v, want %v", c.name, how, c.want)
		}
		if how != Orphaned && !strings.HasPrefix(b.Body[got.Start:got.End], "Harbor will contribute its design") {
			t.Errorf("%s: placed on %q", c.name, b.Body[got.Start:got.End])
		}
	}
}

func TestLockedDatabaseSaysWhy(t *testing.T) {
	ctx := context.Background()
	_, _, path := openNotes(t)
	holder, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`DELETE FROM highlights`); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.WithBusyTimeout(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a := sampleArticle()
	h, _ := NewHighlight(a, 0, 6, "")
	_, err = New(db).Add(ctx, h)
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("Add on a locked database: %v", err)
	}
	if !strings.HasPrefix(err.Error(), "save highlight: ") {
		t.Errorf("message %q", err)
	}
	// Reading still works while another program writes.
	if _, err := New(db).ForArticle(ctx, a); err != nil {
		t.Errorf("ForArticle while locked: %v", err)
	}
}
