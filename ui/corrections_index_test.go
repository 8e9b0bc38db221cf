package ui

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/corrections"
	"newsmark/index"
	"newsmark/model"
	"newsmark/store"
)

// A correction made in the reader is re-annotated, in the background, in
// the indexed stories that name it, and in no other story.
func TestCorrectionReannotatesTheIndexedStoriesItTouches(t *testing.T) {
	dir := writeDealStories(t)
	db, err := store.Open(filepath.Join(t.TempDir(), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var mu sync.Mutex
	annotated := map[string]int{}
	svc := corrections.New(db, func(ul model.UserList) corrections.Annotate {
		f := annotate.WithUserList(ul).Article
		return func(a model.Article) model.Annotations {
			mu.Lock()
			annotated[filepath.Base(a.Path)]++
			mu.Unlock()
			return f(a)
		}
	})
	ix := index.New(db, testIndexVersion, annotate.Article).WithCorrections(svc)
	lib := articles.Open([]string{dir}, nil)
	d := startIndexed(t, Options{Library: lib, Annotate: annotate.Article, Theme: Dark, Index: ix, Corrections: svc}, 160, 40)
	ctx := context.Background()
	if st, _ := ix.Status(ctx); st.Articles != len(dealStories) || !st.Done() {
		t.Fatalf("indexed %+v", st)
	}
	var herald articles.Entry
	for _, e := range lib.Entries {
		if strings.HasSuffix(e.Meta.Path, "1-herald.txt") {
			herald = e
		}
	}
	d.send(openArticleMsg{entry: herald})
	d.keys("2", "tab")
	tab := d.m.panel.tabs[1].(*entitiesTab)
	for i := 0; i < 30 && (tab.selected() < 0 || tab.entities[tab.selected()].Name() != "Kovacs Logistics SA"); i++ {
		d.keys("j")
	}
	mu.Lock()
	clear(annotated)
	mu.Unlock()
	d.keys("m", "x")
	d.mustSee("corrected: not a name: “Kovacs Logistics SA”")
	if st, _ := ix.Status(ctx); !st.Done() {
		t.Fatalf("after the correction: %+v", st)
	}
	for name := range annotated {
		if !strings.Contains(dealStories[name], "Kovacs Logistics SA") {
			t.Errorf("%s was annotated again, and it does not name Kovacs Logistics SA", name)
		}
	}
	for _, name := range []string{"2-courier.txt", "3-ledger.txt", "4-herald.txt"} {
		if annotated[name] == 0 {
			t.Errorf("%s names Kovacs Logistics SA and was not annotated again", name)
		}
		a, err := articles.Open([]string{filepath.Join(dir, name)}, nil).Entries[0].Load()
		if err != nil {
			t.Fatal(err)
		}
		_, ann, current, _, _ := ix.Article(ctx, a.ID)
		for _, e := range ann.Entities {
			if e.Name() == "Kovacs Logistics SA" {
				t.Errorf("%s: the index still holds Kovacs Logistics SA (current %v)", name, current)
			}
		}
	}
}
