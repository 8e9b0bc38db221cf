package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/index"
	"newsmark/model"
)

// lineWith is the screen line holding s, "" if none.
func lineWith(screen, s string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// TestDealsOneRowPerDealAcrossOutlets: the library is indexed in the
// background; D lists one row for the deal three outlets reported and
// another for the same companies' deal a month later, newest first; enter
// lists the sources, enter on one opens it at the deal, esc walks back.
func TestDealsOneRowPerDealAcrossOutlets(t *testing.T) {
	e := newIndexEnv(t, 160, 30)
	if st, err := e.ix.Status(context.Background()); err != nil || st.Articles != len(dealStories) {
		t.Fatalf("the background indexing left %+v, %v; want %d articles", st, err, len(dealStories))
	}
	e.keys("D")
	e.mustSee("Deals · 4 deals · by date, newest first", "Date", "Parties", "Amount", "Location", "Src")
	s := e.screen()
	later, first := lineWith(s, "$90 million"), lineWith(s, "$300 million")
	if !strings.Contains(later, "2026-06-03") || !strings.Contains(later, "Austria") || !strings.HasSuffix(strings.TrimSpace(later), "1") {
		t.Errorf("the month-later deal's row: %q", later)
	}
	if !strings.Contains(first, "2026-05-04") || !strings.Contains(first, "Joint venture") ||
		!strings.Contains(first, "Brightwater Foods Plc, Kovacs Logistics SA") || !strings.HasSuffix(strings.TrimSpace(first), "3") {
		t.Errorf("the three-outlet deal's row: %q", first)
	}
	if strings.Index(s, "$90 million") > strings.Index(s, "$300 million") {
		t.Errorf("not newest first:\n%s", s)
	}

	e.keys("j", "enter")
	e.mustSee("Joint venture · announced · 2026-05-04 – 2026-05-13 · 3 sources", "Market Herald · 2026-05-04",
		"The Courier Post · 2026-05-07", "Northern Ledger · 2026-05-13", "Kovacs teams up with Brightwater")
	if got := e.m.deals.keySet(); got != InDealSources {
		t.Fatalf("keys of %v, want the sources'", got)
	}
	e.keys("j", "enter")
	if e.m.screen != screenReader || e.m.reader.article.Title != "Kovacs teams up with Brightwater" {
		t.Fatalf("enter on a source opened %v %q", e.m.screen, e.m.reader.article.Title)
	}
	marks := e.m.reader.decor.marks
	body := e.m.reader.article.Body
	if len(marks) != 1 || !strings.Contains(body[marks[0].Start:marks[0].End], "280 million euro joint venture") {
		t.Fatalf("the deal's evidence is not marked: %v", marks)
	}
	e.keys("esc")
	if e.m.screen != screenDeals || e.m.deals.keySet() != InDealSources {
		t.Fatalf("esc from the reader went to %v (%v), want the sources", e.m.screen, e.m.deals.keySet())
	}
	e.keys("esc")
	e.mustSee("Deals · 4 deals")
	e.keys("esc")
	if e.m.screen != screenLibrary {
		t.Fatalf("esc from the deals went to %v", e.m.screen)
	}
}

// TestDealsSortAndFilter: sort keys order by amount in dollars (the same
// key again reverses); the filter line keeps the deals it names.
func TestDealsSortAndFilter(t *testing.T) {
	e := newIndexEnv(t, 160, 30)
	e.keys("D", "a")
	e.mustSee("by amount, largest first")
	rows := func() []string {
		var out []string
		for _, l := range strings.Split(e.screen(), "\n") {
			if strings.Contains(l, "2026-") {
				out = append(out, strings.TrimSpace(l))
			}
		}
		return out
	}
	if r := rows(); len(r) != 4 || !strings.Contains(r[0], "$1.1 billion") || !strings.Contains(r[1], "$300 million") ||
		!strings.Contains(r[3], "$40 million") {
		t.Fatalf("by amount:\n%s", strings.Join(r, "\n"))
	}
	e.keys("a")
	if r := rows(); !strings.Contains(r[0], "$40 million") || !strings.Contains(e.screen(), "smallest first") {
		t.Fatalf("reversed:\n%s", strings.Join(r, "\n"))
	}
	e.keys("n")
	if r := rows(); !strings.Contains(r[0], "$300 million") {
		t.Fatalf("by sources:\n%s", strings.Join(r, "\n"))
	}

	e.keys("/")
	e.typeText("kind:inv")
	if r := rows(); len(r) != 1 || !strings.Contains(r[0], "Quentin Capital") {
		t.Fatalf("filtered as typed by kind:\n%s", e.screen())
	}
	e.keys("backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	e.typeText("kovacs min:100m")
	e.keys("enter")
	if r := rows(); len(r) != 1 || !strings.Contains(r[0], "$300 million") {
		t.Fatalf("filtered by party and amount:\n%s", e.screen())
	}
	e.mustSee("deals: 1 of 4 · filter kovacs min:100m")
	e.keys("/")
	e.typeText(" since:soon")
	e.mustSee(`since: "soon" is neither a period`)
	e.keys("enter")
	if e.m.status == "" || !strings.Contains(e.m.status, "filter: since") || e.m.deals.filterText != "kovacs min:100m" {
		t.Fatalf("a bad filter entered: status %q, filter %q", e.m.status, e.m.deals.filterText)
	}
	e.keys("esc") // clears the filter
	if r := rows(); len(r) != 4 {
		t.Fatalf("esc left the filter:\n%s", e.screen())
	}
}

// TestDealsFitNarrowTerminals: columns drop by priority, the parties,
// date, amount and source count stay.
func TestDealsFitNarrowTerminals(t *testing.T) {
	e := newIndexEnv(t, 64, 16)
	e.keys("D")
	s := e.screen()
	for _, want := range []string{"Date", "Parties", "Amount", "Src"} {
		if !strings.Contains(s, want) {
			t.Errorf("a %d-column screen lacks the %s column:\n%s", 64, want, s)
		}
	}
	for _, gone := range []string{"Location", "Stake", "Status"} {
		if strings.Contains(s, gone) {
			t.Errorf("a %d-column screen still has the %s column:\n%s", 64, gone, s)
		}
	}
	for _, l := range strings.Split(s, "\n") {
		if w := len([]rune(l)); w > 64 {
			t.Fatalf("a line is %d cells wide: %q", w, l)
		}
	}
	e.send(resize(40, 12))
	e.mustSee("Date", "Parties")
}

// TestSearchOpensAtTheMatch: S searches as the query is typed; each result
// shows its sentence with the words marked; enter opens the story at the
// match, from the stored text when its file is gone; esc comes back.
func TestSearchOpensAtTheMatch(t *testing.T) {
	e := newIndexEnv(t, 120, 30)
	e.keys("S")
	if e.m.screen != screenSearch || e.m.input.kind != inputIndexSearch {
		t.Fatalf("S: screen %v, input %v", e.m.screen, e.m.input.kind)
	}
	e.typeText("budapest")
	e.mustSee("Search · “budapest”", "Grocer signs Budapest warehouse pact", "Kovacs teams up with Brightwater",
		"Northern Ledger · 2026-05-13")
	if !strings.Contains(e.raw(), e.m.styles.Match.Render("Budapest")) {
		t.Errorf("the match is not marked in its sentence:\n%q", e.raw())
	}
	e.keys("enter") // the query is entered: the keys move through the results
	e.mustSee("search: 2 results for “budapest”")
	e.keys("j")
	hit := e.m.search.hits[e.m.search.cursor]
	os.Remove(hit.Path) // the file is gone: the stored text opens
	e.keys("enter")
	r := &e.m.reader
	if e.m.screen != screenReader || r.article.ID != hit.ArticleID || r.err != "" {
		t.Fatalf("enter opened %v %q (%s)", e.m.screen, r.article.Title, r.err)
	}
	if m := r.decor.marks; len(m) != 1 || r.article.Body[m[0].Start:m[0].End] != "Budapest" {
		t.Fatalf("the match is not marked in the reader: %v", m)
	}
	e.mustSee("Budapest")
	e.keys("esc")
	e.mustSee("search: 2 results for “budapest”")
	e.keys("/")
	if e.m.input.value() != "budapest" {
		t.Fatalf("/ edits the query from %q", e.m.input.value())
	}
	e.keys("backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	e.typeText("&&")
	e.mustSee("nothing to search for")
	e.keys("esc") // back to the query entered before
	e.mustSee("search: 2 results for “budapest”")
	e.keys("esc")
	if e.m.screen != screenLibrary {
		t.Fatalf("esc from the search went to %v", e.m.screen)
	}
}

// TestOpeningAStoryIndexesIt: an article the reader opens is indexed once
// annotated, even when the background indexing has not started.
func TestOpeningAStoryIndexesIt(t *testing.T) {
	ix, _ := openTestIndex(t, testIndexVersion)
	a, err := articles.Open([]string{filepath.Join(writeDealStories(t), "5-courier.txt")}, nil).Entries[0].Load()
	if err != nil {
		t.Fatal(err)
	}
	d := &driver{t: t, m: New(Options{Library: singleLibrary(a), Annotate: annotate.Article, Theme: Dark, Index: ix})}
	d.m.idx.armed = true // no background indexing in this test
	d.run(d.m.Init())
	d.send(resize(120, 24))
	if fresh, err := ix.Fresh(context.Background(), a); err != nil || !fresh {
		t.Fatalf("the opened story is not indexed: %v, %v", fresh, err)
	}
	d.keys("esc", "D")
	d.mustSee("Alder Grid Inc., Pelham Solar Ltd.", "$1.1 billion")
}

// TestRebuildAfterAnAnnotatorChange: stories indexed by an older
// annotator are re-annotated in the background, a step at a time.
func TestRebuildAfterAnAnnotatorChange(t *testing.T) {
	dir := writeDealStories(t)
	old, db := openTestIndex(t, "ui-test-0")
	lib := articles.Open([]string{dir}, nil)
	var as []model.Article
	for _, e := range lib.Entries {
		a, _ := e.Load()
		as = append(as, a)
	}
	if _, err := old.AddArticles(context.Background(), as); err != nil {
		t.Fatal(err)
	}
	ix := index.New(db, testIndexVersion, annotate.Article)
	if st, _ := ix.Status(context.Background()); st.Stale != len(as) {
		t.Fatalf("before: %+v", st)
	}
	// The library is empty: only the rebuild has work to do.
	d := startIndexed(t, Options{Library: articles.Library{}, Theme: Dark, Index: ix}, 100, 24)
	if st, _ := ix.Status(context.Background()); st.Stale != 0 || st.Articles != len(as) {
		t.Fatalf("after: %+v", st)
	}
	d.keys("D")
	d.mustSee("Deals · 4 deals")
}

// TestIndexProgressInTheStatusBar: while the background work runs the
// status bar says how far it is.
func TestIndexProgressInTheStatusBar(t *testing.T) {
	q := indexQueue{started: true, found: 1200, done: 128, busy: true, todo: make([]indexTask, 3)}
	if got := q.progress(); got != "indexing 128/1,200" {
		t.Errorf("progress %q", got)
	}
	q = indexQueue{started: true, stale: 3400}
	if got := q.progress(); got != "re-annotating: 3,400 left" {
		t.Errorf("progress %q", got)
	}
	if got := (&indexQueue{started: true}).progress(); got != "" {
		t.Errorf("idle progress %q", got)
	}
}

// TestIndexOffSaysWhy: without a database S and D say why in the status
// bar; a read-only one is searched but nothing is written to it.
func TestIndexOffSaysWhy(t *testing.T) {
	d := startIndexed(t, Options{Library: fixtureLibrary(t), Theme: Dark,
		IndexStatus: "search and deals are off: database is locked"}, 100, 24)
	for _, k := range []string{"S", "D"} {
		d.keys(k)
		if d.m.screen != screenLibrary {
			t.Fatalf("%s opened %v without an index", k, d.m.screen)
		}
		d.mustSee("search and deals are off: database is locked")
	}

	ix, _ := openTestIndex(t, testIndexVersion)
	lib := articles.Open([]string{writeDealStories(t)}, nil)
	d = startIndexed(t, Options{Library: lib, Annotate: annotate.Article, Theme: Dark, Index: ix,
		IndexStatus: "the database is read-only: stories are searched but not indexed"}, 100, 24)
	d.keys("enter") // opens a story: nothing is written either
	if st, _ := ix.Status(context.Background()); st.Articles != 0 {
		t.Fatalf("a read-only index was written: %+v", st)
	}
	d.keys("esc", "D")
	d.mustSee("no deals yet")
}

// TestSamplesAreNeverIndexed: the embedded samples are a demo, not the
// reader's news: neither the background indexing nor opening one puts
// them (and their deals) in the index.
func TestSamplesAreNeverIndexed(t *testing.T) {
	ix, _ := openTestIndex(t, testIndexVersion)
	d := startIndexed(t, Options{Library: articles.Samples(), Annotate: annotate.Article, Theme: Dark, Index: ix}, 100, 24)
	d.keys("enter") // open the first sample
	d.run(d.m.Init())
	if st, err := ix.Status(context.Background()); err != nil || st.Articles != 0 {
		t.Fatalf("samples were indexed: %+v %v", st, err)
	}
	d.keys("esc", "D")
	d.mustNotSee("Kestrel")
}
