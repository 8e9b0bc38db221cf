package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsmark/articles"
)

// listedFolder writes a folder of three stories and a binary file, the
// file times in the opposite order of the stories' dates, and lists it.
func listedFolder(t *testing.T) articles.Listing {
	t.Helper()
	dir := t.TempDir()
	files := []struct{ name, text string }{ // oldest file first
		{"junk.txt", "\x00\x01 not a story \x00"},
		{"c-newest.txt", "Title: Orbit Foods buys Meadow Dairy\nDate: 2025-06-03\n\nOrbit Foods Inc. agreed to buy Meadow Dairy Ltd.\n"},
		{"b-middle.txt", "Title: Delta Grid raises outlook\nDate: 2025-03-04\n\nDelta Grid Ltd raised its outlook.\n"},
		{"a-oldest.txt", "Title: Sunline Solar signs partnership\nDate: 2025-01-09\n\nSunline Solar Corp. signed a partnership.\n"},
	}
	at := time.Now().Add(-time.Hour)
	for i, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, []byte(f.text), 0o644); err != nil {
			t.Fatal(err)
		}
		mt := at.Add(time.Duration(i) * time.Minute)
		if err := os.Chtimes(p, mt, mt); err != nil {
			t.Fatal(err)
		}
	}
	return articles.List([]string{dir}, nil)
}

// TestLibraryListsBeforeHeads: a folder shows at once by file name, newest
// file first, while its heads are read; keys work meanwhile (moving,
// filtering, opening an article); then the titles and dates take the
// names' place, sorted by date, the binary file goes to the footer, and
// the cursor stays on the article it was on.
func TestLibraryListsBeforeHeads(t *testing.T) {
	l := listedFolder(t)
	d := &driver{t: t, m: New(Options{Library: l.Library, ReadHeads: l.ReadHeads, Annotate: fixtureAnnotations, Theme: Dark})}
	held := hold[headsReadMsg](d, d.m.Init())
	d.send(resize(100, 30))
	if len(held) != 1 {
		t.Fatalf("%d head reads held, want 1", len(held))
	}
	s := d.screen()
	if !inOrder(s, "a-oldest", "b-middle", "c-newest", "junk") {
		t.Fatalf("not listed newest file first:\n%s", s)
	}
	d.mustSee("reading titles and dates")
	d.mustNotSee("Orbit Foods", "binary file")

	d.keys("j", "j", "enter") // c-newest, opened before its head is read
	d.mustSee("Orbit Foods buys Meadow Dairy", "Meadow Dairy Ltd")
	d.keys("esc", "/", "m", "i", "d")
	d.mustSee("b-middle")
	d.mustNotSee("a-oldest")
	d.keys("esc", "esc", "j", "j") // filter off; cursor on c-newest

	d.send(held[0])
	s = d.screen()
	if !inOrder(s, "Orbit Foods buys Meadow Dairy", "Delta Grid raises outlook", "Sunline Solar signs partnership") {
		t.Fatalf("not sorted by article date once the heads are in:\n%s", s)
	}
	d.mustSee("junk.txt", "binary file")
	d.mustNotSee("reading titles and dates", "c-newest")
	if e, ok := d.m.library.selected(); !ok || e.Meta.Title != "Orbit Foods buys Meadow Dairy" {
		t.Fatalf("the cursor left the article it was on: %+v", e.Meta)
	}
	if p := d.m.LateProblems(); len(p) != 1 || !strings.HasSuffix(p[0].Path, "junk.txt") {
		t.Fatalf("late problems %v", p)
	}
}

// inOrder reports whether each of want occurs in s, in that order.
func inOrder(s string, want ...string) bool {
	at := 0
	for _, w := range want {
		i := strings.Index(s[at:], w)
		if i < 0 {
			return false
		}
		at += i + len(w)
	}
	return true
}
