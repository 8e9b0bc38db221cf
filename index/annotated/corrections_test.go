package annotated

import (
	"context"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"newsmark/annotate"
	"newsmark/corrections"
	"newsmark/index"
	"newsmark/index/indextest"
	"newsmark/model"
	"newsmark/store"
)

// countingMaker builds the real annotator for a list and counts the
// articles it annotates.
func countingMaker(n *atomic.Int64) corrections.Maker {
	return func(ul model.UserList) corrections.Annotate {
		f := annotate.WithUserList(ul).Article
		return func(a model.Article) model.Annotations {
			n.Add(1)
			return f(a)
		}
	}
}

func kindIn(ann model.Annotations, name string) model.EntityKind {
	for _, e := range ann.Entities {
		if e.Name() == name {
			return e.Kind
		}
	}
	return ""
}

// A correction re-annotates, in the background steps of Rebuild, the
// indexed articles that hold its name, and no other: not a rebuild of the
// library. Undo does the same the other way; a second process on the
// database sees the change on its next step.
func TestCorrectionReannotatesOnlyTouchedArticles(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(filepath.Join(t.TempDir(), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var annotated atomic.Int64
	svc := corrections.New(db, countingMaker(&annotated))
	ix := index.New(db, version, annotate.Article).WithCorrections(svc)
	lib := indextest.Corpus(7, 300)
	named := []model.Article{
		article("cn1", "Builders under pressure", "Shares of Crest Nicholson fell 4% on Monday after the housebuilder cut its forecast."),
		article("cn2", "Crest Nicholson's week", "Analysts at Halden Securities said demand for new homes was weak."),
	}
	if err := indextest.AddAll(ctx, ix, append(lib, named...)); err != nil {
		t.Fatal(err)
	}
	_, ann, _, _, _ := ix.Article(ctx, "cn1")
	if kindIn(ann, "Crest Nicholson") == model.Company {
		t.Fatal("no test: the annotator already calls Crest Nicholson a company")
	}
	ch, err := svc.Apply(ctx, model.UserEntry{Action: model.UserMark, Kind: model.Company, Name: "Crest Nicholson"})
	if err != nil {
		t.Fatal(err)
	}
	if ch.Touched != 2 {
		t.Errorf("the correction touched %d articles, want the two that name it", ch.Touched)
	}
	st, _ := ix.Status(ctx)
	if st.Stale != 2 || st.Articles != 302 {
		t.Fatalf("status %+v, want 2 of 302 stale", st)
	}
	annotated.Store(0)
	if st, err = ix.Rebuild(ctx, 0); err != nil || !st.Done() {
		t.Fatalf("rebuild: %+v %v", st, err)
	}
	if n := annotated.Load(); n != 2 {
		t.Errorf("the rebuild annotated %d articles, want 2", n)
	}
	for _, id := range []string{"cn1", "cn2"} {
		_, ann, current, _, _ := ix.Article(ctx, id)
		if kindIn(ann, "Crest Nicholson") != model.Company || !current {
			t.Errorf("%s: Crest Nicholson is %q (current %v)", id, kindIn(ann, "Crest Nicholson"), current)
		}
	}
	if fresh, _ := ix.Fresh(ctx, named[0]); !fresh {
		t.Error("cn1 is not fresh after the rebuild")
	}
	// another process takes it back
	db2, err := store.Open(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	svc2 := corrections.New(db2, func(ul model.UserList) corrections.Annotate { return annotate.WithUserList(ul).Article })
	if _, err := svc2.Undo(ctx, ch); err != nil {
		t.Fatal(err)
	}
	if fresh, _ := ix.Fresh(ctx, named[0]); fresh {
		t.Error("cn1 is fresh after the undo")
	}
	annotated.Store(0)
	if _, err := ix.RebuildAll(ctx, nil); err != nil {
		t.Fatal(err)
	}
	_, ann, _, _, _ = ix.Article(ctx, "cn1")
	if kindIn(ann, "Crest Nicholson") == model.Company || annotated.Load() != 2 {
		t.Errorf("after undo: %q, %d annotated", kindIn(ann, "Crest Nicholson"), annotated.Load())
	}
	// an index that applies no corrections cannot make marked articles
	// current: Rebuild says so instead of stepping for ever
	svc.Apply(ctx, model.UserEntry{Action: model.UserNever, Name: "Crest Nicholson"})
	plain := index.New(db, version, annotate.Article)
	if _, err := plain.Rebuild(ctx, 0); err == nil || !strings.Contains(err.Error(), "corrections") {
		t.Errorf("rebuild without corrections: %v", err)
	}
}
