package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/articles"
	"newsmark/model"
	"newsmark/notes"
	"newsmark/store"
)

// saveFirstSentence opens name from the current folder as `newsmark NAME`
// does and keeps its first sentence, as h in the reader does; locator, if
// not empty, replaces the locator the highlight is stored under (what an
// older newsmark stored).
func saveFirstSentence(t *testing.T, dataDir, name, locator string) model.Highlight {
	t.Helper()
	lib := articles.Open([]string{name}, nil)
	if len(lib.Entries) != 1 {
		t.Fatalf("open %s: %v", name, lib.Problems)
	}
	a, err := lib.Entries[0].Load()
	if err != nil {
		t.Fatal(err)
	}
	h, err := notes.NewHighlight(a, a.Sentences[0].Start, a.Sentences[0].End, "")
	if err != nil {
		t.Fatal(err)
	}
	if locator != "" {
		h.Locator = locator
	}
	db, err := store.Open(store.DefaultPath(dataDir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if h, err = notes.New(db).Add(context.Background(), h); err != nil {
		t.Fatal(err)
	}
	return h
}

// TestHighlightsFollowTheFileFromAnyFolder is issue 14's case: `cd dir;
// newsmark a.txt`, keep a sentence, edit the file, then `newsmark export
// /abs/dir/a.txt` from elsewhere finds it. A highlight an older newsmark
// stored under the relative "a.txt" is found too and takes the absolute
// path. The Markdown's url is a file:// URL Obsidian can open.
func TestHighlightsFollowTheFileFromAnyFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "my news") // a space, to be percent-encoded
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	dataDir := filepath.Join(root, "data")
	abs := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(abs, []byte(storyText), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Chdir(dir)
	h := saveFirstSentence(t, dataDir, "a.txt", "")
	if h.Locator != abs {
		t.Fatalf("locator %q, want the absolute path %q", h.Locator, abs)
	}
	// Stored as newsmark stored paths before: as typed, relative.
	saveFirstSentence(t, dataDir, "./a.txt", "a.txt")

	// The file changes (so its ID does), and we are somewhere else.
	changed := strings.Replace(storyText, "40 dairy farms", "42 dairy farms", 1)
	if err := os.WriteFile(abs, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	code, out, errs := run(t, "export", abs, "--data-dir", dataDir)
	if code != 0 {
		t.Fatalf("export %s: exit %d: %s", abs, code, errs)
	}
	if n := strings.Count(out, "> Kestrel Foods Ltd. will buy Alder Farms for $90 million, the companies said.\n"); n != 2 {
		t.Fatalf("the export holds the sentence %d times, want 2 (new and old highlight):\n%s", n, out)
	}
	if want := `url: "file://` + filepath.ToSlash(root) + `/my%20news/a.txt"`; !strings.Contains(out, want) {
		t.Errorf("front matter lacks %s:\n%s", want, out)
	}

	// The old highlight now has the absolute path, so the listing and an
	// export by path find it from any folder, and relative names still
	// reach the file.
	code, js, _ := run(t, "notes", "--json", "--data-dir", dataDir)
	var list []struct {
		ID      int64
		Locator string
	}
	if err := json.Unmarshal([]byte(js), &list); code != 0 || err != nil || len(list) != 2 {
		t.Fatalf("notes --json: exit %d, %v: %s", code, err, js)
	}
	for _, l := range list {
		if l.Locator != abs {
			t.Errorf("highlight %d is stored under %q, want %q", l.ID, l.Locator, abs)
		}
	}
	t.Chdir(dir)
	if code, out, errs := run(t, "export", "a.txt", "--format", "json", "--data-dir", dataDir); code != 0 || strings.Count(out, `"text": "Kestrel Foods Ltd. will buy`) != 2 {
		t.Fatalf("export a.txt from its folder: exit %d %s\n%s", code, errs, out)
	}
	// With the file gone, its highlights are still found by either name.
	if err := os.Remove(abs); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"a.txt", abs} {
		if code, out, errs := run(t, "export", target, "--data-dir", dataDir); code != 0 || strings.Count(out, "> Kestrel Foods Ltd.") != 2 {
			t.Errorf("export %s after the file was removed: exit %d %s\n%s", target, code, errs, out)
		}
	}
}

// TestOtherFilesHighlightsAreNotTaken: a highlight stored under a relative
// "a.txt" whose text is not in this a.txt (another folder's file of the
// same name) is left where it was.
func TestOtherFilesHighlightsAreNotTaken(t *testing.T) {
	root := t.TempDir()
	dataDir := filepath.Join(root, "data")
	for _, d := range []string{"x", "y"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "x", "a.txt"), []byte(storyText), 0o644); err != nil {
		t.Fatal(err)
	}
	other := "Brightwater Cold Chain Holdings will build eleven depots.\n\nThe partners did not say what they would cost."
	if err := os.WriteFile(filepath.Join(root, "y", "a.txt"), []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(root, "x"))
	saveFirstSentence(t, dataDir, "a.txt", "a.txt") // as an older newsmark stored it
	t.Chdir(root)
	code, _, errs := run(t, "export", filepath.Join(root, "y", "a.txt"), "--data-dir", dataDir)
	if code == 0 || !strings.Contains(errs, "no highlights to export") {
		t.Fatalf("y/a.txt took x/a.txt's highlight: exit %d %s", code, errs)
	}
	_, js, _ := run(t, "notes", "--json", "--data-dir", dataDir)
	if !strings.Contains(js, `"locator": "a.txt"`) {
		t.Fatalf("the highlight's locator changed:\n%s", js)
	}
}
