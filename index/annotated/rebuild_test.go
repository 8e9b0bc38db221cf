package annotated

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	"newsmark/annotate"
	"newsmark/index"
	"newsmark/index/indextest"
	"newsmark/model"
	"newsmark/store"
	"newsmark/store/storetest"
)

// Two annotator versions for the rebuild tests: "old" keeps only the
// companies, "new" is the real annotator's full output. Every stored
// article must hold exactly one version's annotations, the one it is
// tagged with.
const (
	oldVersion = "companies-only"
	newVersion = "full"
)

func annotatorFor(version string) index.Annotator {
	if version == newVersion {
		return annotate.Article
	}
	return func(a model.Article) model.Annotations {
		full := annotate.Article(a)
		var companies []model.Entity
		for _, e := range full.Entities {
			if e.Kind == model.Company {
				companies = append(companies, e)
			}
		}
		return model.Annotations{Entities: companies}
	}
}

// normalised makes nil and empty lists alike, as the store reads back
// empty lists.
func normalised(ann model.Annotations) model.Annotations {
	out := model.Annotations{Entities: []model.Entity{}, Quotes: []model.Quote{}, Ventures: []model.Venture{}}
	for _, e := range ann.Entities {
		if e.Mentions == nil {
			e.Mentions = []model.Span{}
		}
		if e.MetaMentions == nil {
			e.MetaMentions = []model.MetaMention{}
		}
		out.Entities = append(out.Entities, e)
	}
	out.Quotes = append(out.Quotes, ann.Quotes...)
	for _, v := range ann.Ventures {
		for _, l := range []*[]string{&v.Parties, &v.PartyIDs, &v.Amounts} {
			if *l == nil {
				*l = []string{}
			}
		}
		if v.Evidence == nil {
			v.Evidence = []model.Span{}
		}
		out.Ventures = append(out.Ventures, v)
	}
	return out
}

// checkConsistent reopens the database at path as a restarted newsmark
// would and checks that SQLite, FTS5 and the evidence sums are intact and
// that every article holds exactly the annotations of the version it is
// tagged with. It returns how many articles carry each version.
func checkConsistent(t *testing.T, path string, ids []string) map[string]int {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if err := db.IndexCheck(ctx); err != nil {
		t.Fatalf("index check: %v", err)
	}
	ix := index.New(db, newVersion, annotate.Article)
	versions := map[string]int{}
	for _, id := range ids {
		a, ann, _, ok, err := ix.Article(ctx, id)
		if err != nil || !ok {
			t.Fatalf("article %s: %v %v", id, ok, err)
		}
		st, _, err := db.IndexArticle(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		v := st.Version
		want := normalised(annotatorFor(v)(a))
		if !reflect.DeepEqual(normalised(ann), want) {
			t.Fatalf("article %s is tagged %q but holds other annotations: %d entities, %d quotes, %d ventures; want %d, %d, %d",
				id, v, len(ann.Entities), len(ann.Quotes), len(ann.Ventures), len(want.Entities), len(want.Quotes), len(want.Ventures))
		}
		versions[v]++
	}
	return versions
}

func TestRebuildStepByStep(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), store.FileName)
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	corpus := indextest.Corpus(3, 40)
	old := index.New(db, oldVersion, annotatorFor(oldVersion))
	if res, err := old.AddArticles(ctx, corpus); err != nil || res.Added != 40 {
		t.Fatalf("add: %+v %v", res, err)
	}
	ix := index.New(db, newVersion, annotate.Article)
	st, _ := ix.Status(ctx)
	if st.Articles != 40 || st.Stale != 40 {
		t.Fatalf("status after the version changed: %+v", st)
	}
	// One step does a bounded batch.
	if st, err = ix.Rebuild(ctx, 15); err != nil || st.Stale != 25 {
		t.Fatalf("after one step of 15: %+v %v", st, err)
	}
	// An Add of new text for a stale article between steps is not undone.
	changed := corpus[30]
	changed.Body += "\n\nOrrin Pharma Inc. said it would join the venture."
	changed.Paragraphs, changed.Sentences = nil, nil
	if err := ix.Add(ctx, changed, annotate.Article(changed), 0); err != nil {
		t.Fatal(err)
	}
	steps := 0
	for !st.Done() {
		if st, err = ix.Rebuild(ctx, 15); err != nil {
			t.Fatal(err)
		}
		steps++
	}
	if steps != 2 {
		t.Errorf("%d more steps for 24 stale articles in steps of 15", steps)
	}
	ids := make([]string, len(corpus))
	for i, a := range corpus {
		ids[i] = a.ID
	}
	if v := checkConsistent(t, path, ids); v[newVersion] != 40 {
		t.Errorf("versions after the rebuild: %v", v)
	}
	if a, _, _, _, _ := ix.Article(ctx, changed.ID); a.Body != changed.Body {
		t.Error("the rebuild undid a newer Add")
	}
}

const (
	envDB     = "NEWSMARK_INDEX_TEST_DB"
	envTarget = "NEWSMARK_INDEX_TEST_VERSION"
)

// TestRebuildSurvivesSIGKILL indexes stories with one annotator version,
// then several times starts a child process (this test binary) that
// rebuilds them towards the other version in small batches, and kills it
// with SIGKILL at a random moment. After every kill the database must be
// intact with every article wholly one version; at the end a rebuild
// resumes and completes.
func TestRebuildSurvivesSIGKILL(t *testing.T) {
	if storetest.Role() == "rebuilder" {
		rebuildChild(t)
		return
	}
	if testing.Short() {
		t.Skip("starts child processes")
	}
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, store.FileName)
	corpus := indextest.Corpus(11, 160)
	ids := make([]string, len(corpus))
	for i, a := range corpus {
		ids[i] = a.ID
	}
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := index.New(db, oldVersion, annotatorFor(oldVersion)).AddArticles(ctx, corpus); err != nil {
		t.Fatal(err)
	}
	db.Close()

	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	midway := 0
	for round := range 6 {
		target := newVersion
		if round%2 == 1 {
			target = oldVersion // back again, so that every child has work to do
		}
		p := storetest.Start(t, "TestRebuildSurvivesSIGKILL", "rebuilder", envDB+"="+path, envTarget+"="+target,
			"HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+dir)
		p.WaitLine(t, "step", 30*time.Second)
		time.Sleep(time.Duration(r.IntN(120)) * time.Millisecond)
		p.Kill(t)
		v := checkConsistent(t, path, ids)
		if v[oldVersion] > 0 && v[newVersion] > 0 {
			midway++
		}
		t.Logf("round %d (towards %s): killed with %v", round, target, v)
	}
	if midway == 0 {
		t.Error("no kill landed in the middle of a rebuild; the test proved nothing")
	}

	db, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := index.New(db, newVersion, annotate.Article).RebuildAll(ctx, nil)
	if err != nil || !st.Done() || st.Articles != len(corpus) {
		t.Fatalf("resume: %+v %v", st, err)
	}
	if v := checkConsistent(t, path, ids); v[newVersion] != len(corpus) {
		t.Errorf("after the resume: %v", v)
	}
}

// rebuildChild is the killed process: it rebuilds step by step, printing a
// line after each committed step, and waits to be killed when done.
func rebuildChild(t *testing.T) {
	db, err := store.Open(os.Getenv(envDB))
	if err != nil {
		t.Fatal(err)
	}
	target := os.Getenv(envTarget)
	ix := index.New(db, target, annotatorFor(target))
	for i := 0; ; i++ {
		st, err := ix.Rebuild(context.Background(), 4)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println("step " + strconv.Itoa(i) + " stale " + strconv.Itoa(st.Stale))
		if st.Done() {
			fmt.Println("done")
			select {}
		}
	}
}
