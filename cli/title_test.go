package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/articles"
	"newsmark/notes"
	"newsmark/store"
)

// longLead is a story with no headline line: its title is its first
// sentence, longer than any view shows.
const longLead = `Brightwater Cold Chain Holdings and the Larkspur Pension Fund agreed on Thursday to build eleven refrigerated depots along the Danube over the next six years.

The partners did not say what the depots would cost.`

// TestTitleFromFirstSentenceIsWhole: a title made from the first sentence
// is stored whole, so every export and `newsmark notes` carry it uncut.
func TestTitleFromFirstSentenceIsWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "depots.txt")
	if err := os.WriteFile(path, []byte(longLead), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "Brightwater Cold Chain Holdings and the Larkspur Pension Fund agreed on Thursday to build eleven refrigerated depots along the Danube over the next six years"
	lib := articles.Open([]string{path}, nil)
	a, err := lib.Entries[0].Load()
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != want || lib.Entries[0].Meta.Title != want {
		t.Fatalf("title %q (library %q), want %q", a.Title, lib.Entries[0].Meta.Title, want)
	}
	dataDir := filepath.Join(dir, "data")
	db, err := store.Open(store.DefaultPath(dataDir))
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(a.Body, "The partners")
	h, err := notes.NewHighlight(a, i, len(a.Body), "")
	if err == nil {
		_, err = notes.New(db).Add(context.Background(), h)
	}
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"notes"}, {"notes", "--json"},
		{"export", "--all"}, {"export", "--all", "--format", "json"}, {"export", "--all", "--format", "csv"},
	} {
		code, out, errs := run(t, append(args, "--data-dir", dataDir)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if !strings.Contains(out, want) || strings.Contains(out, "…") {
			t.Errorf("%v does not carry the whole title:\n%s", args, out)
		}
	}
}
