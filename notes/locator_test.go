package notes

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/model"
)

// TestFileURL: an absolute path becomes a percent-encoded file:// URL that
// Obsidian opens; a relative one (an older locator) is left as it is.
func TestFileURL(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"/home/ana/my news/a#1?.txt": "file:///home/ana/my%20news/a%231%3F.txt",
		"/srv/Zürich/bericht.md":     "file:///srv/Z%C3%BCrich/bericht.md",
		"a.txt":                      "a.txt",
	} {
		if got := fileURL(in); got != want {
			t.Errorf("fileURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTypedForms: the relative paths an absolute path may have been typed
// as: every tail, with and without "./", and from the current folder.
func TestTypedForms(t *testing.T) {
	cwd := t.TempDir()
	t.Chdir(cwd)
	got := typedForms(filepath.Join(filepath.Dir(cwd), "news", "a.txt"))
	for _, want := range []string{"a.txt", "./a.txt", "news/a.txt", "./news/a.txt", "../news/a.txt", "./../news/a.txt"} {
		found := false
		for _, g := range got {
			found = found || g == want
		}
		if !found {
			t.Errorf("typedForms lacks %q: %q", want, got)
		}
	}
	if typedForms("a.txt") != nil {
		t.Errorf("a relative path has typed forms")
	}
}

// TestRelativeLocatorsAdopted: highlights stored under a path as typed
// (an older newsmark) are found for the file at its absolute path when
// their text is in it, saved with the absolute path and the article's
// ID; one whose text is not there is left as it was; the library's count
// finds them from the folder they were typed in.
func TestRelativeLocatorsAdopted(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	n, _, _ := openNotes(t)
	ctx := context.Background()
	a := sampleArticle()
	a.Path = filepath.Join(dir, "harbor.txt")
	ours := addHighlight(t, n, a, "Meridian will invest $400 million for a 60% stake", "")
	theirs := addHighlight(t, n, a, "The companies said the plant would open next year.", "")
	for _, h := range []struct {
		id  int64
		loc string
	}{{ours.ID, "harbor.txt"}, {theirs.ID, "./harbor.txt"}} {
		hl, _ := n.Get(ctx, h.id)
		hl.Locator, hl.ArticleID = h.loc, "old-id"
		if err := n.db.SavePlacements(ctx, []model.Highlight{hl}); err != nil {
			t.Fatal(err)
		}
	}
	if c, _ := n.CountByArticle(ctx); c.For(a) != 2 {
		t.Errorf("the library counts %d notes, want 2", c.For(a))
	}
	// The file changed: a new ID; one passage is gone.
	a.ID = "new-id"
	a.Body = strings.Replace(a.Body, "The companies said the plant would open next year.", "The plant opens in 2027.", 1)
	hs, err := n.ForArticle(ctx, a)
	if err != nil || len(hs) != 1 || hs[0].ID != ours.ID || hs[0].Orphan {
		t.Fatalf("ForArticle = %+v, %v; want the one highlight still in the text", hs, err)
	}
	got, _ := n.Get(ctx, ours.ID)
	if got.Locator != a.Path || got.ArticleID != "new-id" {
		t.Errorf("adopted highlight stored as %q/%q, want %q/new-id", got.Locator, got.ArticleID, a.Path)
	}
	left, _ := n.Get(ctx, theirs.ID)
	if left.Locator != "./harbor.txt" || left.ArticleID != "old-id" {
		t.Errorf("the highlight not found was changed: %q/%q", left.Locator, left.ArticleID)
	}
}
