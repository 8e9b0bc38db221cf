package ui

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/corrections"
	"newsmark/index"
	"newsmark/model"
	"newsmark/store"
)

// correctingEnv is the deal stories indexed with the reader's corrections
// on, as cli wires them.
func correctingEnv(t *testing.T, w, h int) *indexEnv {
	t.Helper()
	dir := writeDealStories(t)
	db, err := store.Open(filepath.Join(t.TempDir(), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	svc := corrections.New(db, func(ul model.UserList) corrections.Annotate { return annotate.WithUserList(ul).Article })
	ix := index.New(db, testIndexVersion, annotate.Article).WithCorrections(svc)
	lib := articles.Open([]string{dir}, nil)
	d := startIndexed(t, Options{Library: lib, Annotate: annotate.Article, Theme: Dark, Index: ix, Corrections: svc}, w, h)
	return &indexEnv{driver: d, ix: ix, dir: dir}
}

// openCompanyPage opens the page of the company named name, as i would.
func (e *indexEnv) openCompanyPage(name string) {
	e.t.Helper()
	ms, err := e.ix.FindCompany(context.Background(), name)
	if err != nil || len(ms) == 0 {
		e.t.Fatalf("no company %q: %v", name, err)
	}
	e.send(openCompanyMsg{company: ms[0].Company, name: ms[0].Name})
	e.mustSee(ms[0].Name)
}

// TestCompanyPageMergeAndUndo: m on a company page lists the companies
// the index finds, narrowed by what is typed (letters are text there,
// not keys); enter merges the page's company into the one chosen, in
// every story, and shows that company's page with the stories of both;
// u takes it back and shows the first page as it was.
func TestCompanyPageMergeAndUndo(t *testing.T) {
	e := correctingEnv(t, 140, 50)
	e.openCompanyPage("Quentin Capital")
	e.mustSee("1 story · first seen 2026-03-15")
	e.keys("m")
	e.mustSee("Merge “Quentin Capital LLC” into:", "enter merge into it", "esc back")
	if e.m.company.keySet() != InCorrectPick {
		t.Fatalf("keys of %v in the list", e.m.company.keySet())
	}
	e.typeText("alder")
	e.mustSee("filter: alder", "Alder Grid Inc.  1 story")
	e.mustNotSee("Brightwater Foods Plc")
	e.keys("enter")
	e.mustSee("merged “Quentin Capital LLC” into “Alder Grid Inc.” · u undoes",
		"Alder Grid Inc.", "2 stories · first seen 2026-03-15 · last seen 2026-04-20", "Quentin Capital backs Islay Biotech")
	e.mustSee("2 indexed stories to annotate again")
	if st, _ := e.ix.Status(context.Background()); !st.Done() {
		t.Errorf("the stories the merge touched were not annotated again: %+v", st)
	}
	if ms, _ := e.ix.FindCompany(context.Background(), "quentin"); len(ms) != 1 || ms[0].Name != "Alder Grid Inc." {
		t.Errorf("quentin finds %+v after the merge", ms)
	}
	e.keys("u")
	e.mustSee("undone: merged “Quentin Capital LLC” into “Alder Grid Inc.”", "Quentin Capital LLC", "1 story · first seen 2026-03-15")
	if ms, _ := e.ix.FindCompany(context.Background(), "quentin"); len(ms) != 1 || ms[0].Name != "Quentin Capital LLC" {
		t.Errorf("quentin finds %+v after the undo", ms)
	}
	// esc leaves the list, not the page.
	// The index's background work reading the page again leaves a list
	// being typed in open.
	e.keys("m")
	e.typeText("al")
	e.send(indexChangedMsg{})
	e.mustSee("Merge “Quentin Capital LLC” into:", "filter: al")
	e.keys("esc")
	if e.m.screen != screenCompany || e.m.company.picking() {
		t.Fatalf("esc in the list: screen %v, picking %v", e.m.screen, e.m.company.picking())
	}
	e.mustNotSee("Merge “Quentin Capital LLC” into:")
}

// TestCompanyPageSplit: s lists the names the company is known by; enter
// splits the one chosen off it in every story: the page, read again once
// the stories are annotated again, no longer counts the story that names
// it by that name alone, nor lists the name; u puts it back.
func TestCompanyPageSplit(t *testing.T) {
	e := correctingEnv(t, 140, 50)
	e.openCompanyPage("Brightwater Foods Plc")
	e.mustSee("4 stories", "also ")
	e.keys("s")
	e.mustSee("Split off “Brightwater Foods Plc”:", "Brightwater Foods  a name of Brightwater Foods Plc")
	e.typeText("foods")
	e.keys("enter")
	e.mustSee("split “Brightwater Foods” off “Brightwater Foods Plc” · u undoes", "Brightwater Foods Plc", "3 stories")
	e.mustNotSee("Grocer signs Budapest warehouse pact", "Brightwater Foods,", "Brightwater Foods ·")
	if ms, _ := e.ix.FindCompany(context.Background(), "Brightwater Foods"); !slices.ContainsFunc(ms, func(m index.CompanyMatch) bool {
		return m.Company == "B:brightwater foods" && m.Stories == 1
	}) {
		t.Errorf("Brightwater Foods finds %+v after the split: not a company of its own", ms)
	}
	e.keys("u")
	e.mustSee("undone: split “Brightwater Foods” off “Brightwater Foods Plc”", "4 stories", "Grocer signs Budapest warehouse pact")
}
