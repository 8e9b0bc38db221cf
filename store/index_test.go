package store

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"newsmark/model"
)

func indexDoc(id, body string) IndexDoc {
	a := model.Article{ID: id, Title: "Title of " + id, Source: "Wire", Body: body, Path: "/news/" + id + ".txt",
		Date:       time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC),
		Authors:    []string{"A. Writer", "B. Writer"},
		Paragraphs: []model.Span{{Start: 0, End: len(body)}},
		Sentences:  []model.Span{{Start: 0, End: len(body)}},
	}
	return IndexDoc{Article: a, Hash: "h-" + body, Version: "v1",
		Entities: []IndexEntity{
			{Entity: model.Entity{ID: "e1", Kind: model.Company, Text: "Harbor Looms", Canonical: "Harbor Looms Inc.", Cue: "suffix",
				Mentions: []model.Span{{Start: 0, End: 12}, {Start: 3, End: 5}}, MetaMentions: []model.MetaMention{{Field: "title", Start: 0, End: 6}}},
				Anchor: "L:harbor looms inc", Keys: []string{"harbor looms"}},
			{Entity: model.Entity{ID: "e2", Kind: model.Figure, Subkind: model.Money, Text: "$5 million", Value: 5e6, Unit: "USD",
				Mentions: []model.Span{{Start: 20, End: 30}}, MetaMentions: []model.MetaMention{}}},
		},
		Quotes: []model.Quote{{Text: "We grow", Speaker: "Ana Ruiz", SpeakerID: "e3", Start: 40, End: 49}},
		Ventures: []IndexVenture{{Venture: model.Venture{Kind: model.Investment, Parties: []string{"Harbor Looms Inc."},
			PartyIDs: []string{"e1"}, Status: "announced", Amounts: []string{"$5 million"}, Summary: "s",
			Evidence: []model.Span{{Start: 0, End: 30}}}, Anchors: []string{"L:harbor looms inc"}, AmountUSD: 5e6}},
	}
}

func TestIndexRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	doc := indexDoc("a1", "Harbor Looms raised $5 million on Monday. \"We grow,\" Ruiz said.")
	seen := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	res, err := db.IndexPut(ctx, []IndexDoc{doc}, seen)
	if err != nil || res.Added != 1 {
		t.Fatalf("put: %+v %v", res, err)
	}
	got, ok, err := db.IndexArticle(ctx, "a1")
	if err != nil || !ok {
		t.Fatalf("read: %v %v", ok, err)
	}
	if !reflect.DeepEqual(got.Article, doc.Article) || got.Hash != doc.Hash || got.Version != "v1" || !got.Seen.Equal(seen) {
		t.Errorf("article read back differs:\n got %+v\nwant %+v", got, doc.Article)
	}
	ann, anchors, ok, err := db.IndexAnnotations(ctx, "a1")
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	want := model.Annotations{Entities: []model.Entity{doc.Entities[0].Entity, doc.Entities[1].Entity}, Quotes: doc.Quotes,
		Ventures: []model.Venture{doc.Ventures[0].Venture}}
	if !reflect.DeepEqual(ann, want) {
		t.Errorf("annotations read back differ:\n got %+v\nwant %+v", ann, want)
	}
	if anchors["e1"] != "L:harbor looms inc" || len(anchors) != 1 {
		t.Errorf("anchors %v", anchors)
	}
	vs, err := db.IndexVentures(ctx, time.Time{})
	if err != nil || len(vs) != 1 || vs[0].AmountUSD != 5e6 || !vs[0].Date.Equal(doc.Article.Date) || vs[0].Evidence.End != 30 {
		t.Errorf("ventures %+v %v", vs, err)
	}
}

func TestIndexPutSkipsAndReplaces(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	doc := indexDoc("a1", "Harbor Looms raised money.")
	doc.Article.Date = time.Time{} // undated: its ventures take the time it was first indexed
	seen := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	db.IndexPut(ctx, []IndexDoc{doc}, seen)
	g0, _ := db.IndexGeneration(ctx)

	if res, _ := db.IndexPut(ctx, []IndexDoc{doc}, seen.Add(time.Hour)); res.Unchanged != 1 {
		t.Errorf("same hash and version: %+v", res)
	}
	if g, _ := db.IndexGeneration(ctx); g != g0 {
		t.Error("an unchanged put moved the generation")
	}
	v2 := doc
	v2.Version, v2.IfHash = "v2", "some other hash"
	if res, _ := db.IndexPut(ctx, []IndexDoc{v2}, seen); res.Skipped != 1 {
		t.Errorf("IfHash mismatch: %+v", res)
	}
	v2.IfHash = doc.Hash
	v2.Entities = v2.Entities[:1]
	if res, _ := db.IndexPut(ctx, []IndexDoc{v2}, seen.Add(time.Hour)); res.Updated != 1 {
		t.Errorf("new version: %+v", res)
	}
	ann, _, _, _ := db.IndexAnnotations(ctx, "a1")
	st, _ := db.IndexStates(ctx, []string{"a1", "nope"})
	if len(ann.Entities) != 1 || st["a1"].Version != "v2" || !st["a1"].Seen.Equal(seen) || len(st) != 1 {
		t.Errorf("after rebuild: %d entities, state %+v", len(ann.Entities), st)
	}
	if g, _ := db.IndexGeneration(ctx); g == g0 {
		t.Error("a write left the generation")
	}
	if vs, _ := db.IndexVentures(ctx, time.Time{}); len(vs) != 1 || !vs[0].Date.Equal(seen) {
		t.Errorf("undated article's venture date: %+v", vs)
	}
	total, stale, err := db.IndexCounts(ctx, "v3")
	if err != nil || total != 1 || stale != 1 {
		t.Errorf("counts %d %d %v", total, stale, err)
	}
	if list, _ := db.IndexStale(ctx, "v3", 10); len(list) != 1 || list[0].Article.ID != "a1" {
		t.Errorf("stale %+v", list)
	}

	// The same file with new text: a new ID replaces the old row.
	changed := indexDoc("a2", "Harbor Looms raised more money.")
	changed.Article.Path = doc.Article.Path
	changed.ReplacePath = true
	db.IndexPut(ctx, []IndexDoc{changed}, seen)
	if st, _ := db.IndexStates(ctx, []string{"a1", "a2"}); len(st) != 1 || st["a2"].Hash == "" {
		t.Errorf("after the file changed: %+v", st)
	}
	if err := db.IndexCheck(ctx); err != nil {
		t.Error(err)
	}
}

func TestIndexSearchFollowsWrites(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	db.IndexPut(ctx, []IndexDoc{indexDoc("a1", "Zephyr Mills bought a loom maker. The S&P 500 rose.")}, time.Now())
	hits, err := db.IndexSearch(ctx, `"loom"`, 10, 0)
	if err != nil || len(hits) != 1 {
		t.Fatalf("search: %+v %v", hits, err)
	}
	h := hits[0]
	if len(h.Matches) != 1 || h.Body[h.Matches[0].Start:h.Matches[0].End] != "loom" || !strings.HasPrefix(h.Body, "Zephyr") {
		t.Errorf("hit %+v", h)
	}
	if hits, _ := db.IndexSearch(ctx, `"S&P 500"`, 10, 0); len(hits) != 1 || len(hits[0].Matches) != 1 ||
		hits[0].Body[hits[0].Matches[0].Start:hits[0].Matches[0].End] != "S&P 500" {
		t.Errorf("phrase hit %+v", hits)
	}
	// New text under the same ID: the old words are no longer found.
	doc := indexDoc("a1", "Zephyr Mills sold its spinning arm.")
	db.IndexPut(ctx, []IndexDoc{doc}, time.Now())
	if hits, _ := db.IndexSearch(ctx, `"loom"`, 10, 0); len(hits) != 0 {
		t.Errorf("old text still found: %+v", hits)
	}
	if hits, _ := db.IndexSearch(ctx, `"spinning"`, 10, 0); len(hits) != 1 {
		t.Errorf("new text not found: %+v", hits)
	}
	if _, err := db.IndexSearch(ctx, `"unclosed`, 10, 0); err == nil {
		t.Error("a malformed query gave no error")
	}
	if n, err := db.IndexRemove(ctx, []string{"a1", "a9"}); n != 1 || err != nil {
		t.Errorf("remove: %d %v", n, err)
	}
	if hits, _ := db.IndexSearch(ctx, `"spinning"`, 10, 0); len(hits) != 0 {
		t.Errorf("removed article still found")
	}
	if err := db.IndexCheck(ctx); err != nil {
		t.Error(err)
	}
}

func TestIndexKeyCounts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	a, b := indexDoc("a1", "one"), indexDoc("a2", "two")
	b.Entities[0].Keys = append(b.Entities[0].Keys, "t:hlm.n")
	db.IndexPut(ctx, []IndexDoc{a, b}, time.Now())
	counts := func() map[string]int {
		ks, err := db.IndexKeyCounts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]int{}
		for _, k := range ks {
			m[k.Key+" → "+k.Anchor] = k.N
		}
		return m
	}
	if c := counts(); c["harbor looms → L:harbor looms inc"] != 2 || c["t:hlm.n → L:harbor looms inc"] != 1 || len(c) != 2 {
		t.Errorf("counts %v", c)
	}
	db.IndexRemove(ctx, []string{"a2"})
	if c := counts(); c["harbor looms → L:harbor looms inc"] != 1 || len(c) != 1 {
		t.Errorf("after removing a2: %v", c)
	}
	a.Entities[0].Keys, a.Hash = nil, "new"
	db.IndexPut(ctx, []IndexDoc{a}, time.Now())
	if c := counts(); len(c) != 0 {
		t.Errorf("after a1 lost its keys: %v", c)
	}
	if err := db.IndexCheck(ctx); err != nil {
		t.Error(err)
	}
}

func TestSpanBlob(t *testing.T) {
	t.Parallel()
	for _, spans := range [][]model.Span{nil, {{Start: 0, End: 0}}, {{Start: 5, End: 9}, {Start: 2, End: 3}, {Start: 1 << 20, End: 1<<20 + 7}}} {
		got := blobSpans(spanBlob(spans), -1)
		if len(spans) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, spans) {
			t.Errorf("%v → %v", spans, got)
		}
	}
	if got := blobSpans(spanBlob([]model.Span{{Start: 3, End: 4}, {Start: 8, End: 9}}), 1); len(got) != 1 || got[0].Start != 3 {
		t.Errorf("limit 1: %v", got)
	}
}

// New articles reach the full-text index once per batch; an article
// written twice in one batch, or replaced through its path, must leave
// idx_fts consistent all the same.
func TestIndexBatchRewritesStayConsistent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	first, again := indexDoc("a1", "The looms were sold."), indexDoc("a1", "The spindles were sold.")
	byPath := indexDoc("a2", "Weavers struck on Monday.")
	byPath.Article.Path, byPath.ReplacePath = first.Article.Path, true
	other := indexDoc("a3", "Cotton prices rose.")
	res, err := db.IndexPut(ctx, []IndexDoc{first, other, again, byPath}, time.Now())
	if err != nil || res.Added != 3 || res.Updated != 1 {
		t.Fatalf("put: %+v %v", res, err)
	}
	if err := db.IndexCheck(ctx); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{`"looms"`: 0, `"spindles"`: 0, `"weavers"`: 1, `"cotton"`: 1} {
		if hits, err := db.IndexSearch(ctx, q, 10, 0); err != nil || len(hits) != want {
			t.Errorf("%s: %d hits, want %d (%v)", q, len(hits), want, err)
		}
	}
}

// With more matches than the window, only the newest window of them are
// ranked; with fewer, all are.
func TestIndexSearchWindow(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	docs := []IndexDoc{indexDoc("a1", "Zephyr, Zephyr and Zephyr again.")}
	for _, id := range []string{"a2", "a3", "a4"} {
		docs = append(docs, indexDoc(id, "Zephyr once, among many other words of a longer text."))
	}
	db.IndexPut(ctx, docs, time.Now())
	ids := func(window int) string {
		hits, err := db.IndexSearch(ctx, `"zephyr"`, 10, window)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range hits {
			out = append(out, h.ID)
		}
		return strings.Join(out, " ")
	}
	if got := ids(0); !strings.HasPrefix(got, "a1 ") || len(strings.Fields(got)) != 4 {
		t.Errorf("no window: %q", got)
	}
	if got := ids(10); !strings.HasPrefix(got, "a1 ") {
		t.Errorf("a window wider than the matches: %q", got)
	}
	if got := ids(2); got != "a3 a4" && got != "a4 a3" {
		t.Errorf("window of 2: %q, want the two newest", got)
	}
}

// The queries on idx_articles (whose rows hold whole bodies) must go
// through an index: one that scanned the table made indexing a folder of
// 5,000 files take 45 seconds instead of 5.
func TestIndexQueriesUseIndexes(t *testing.T) {
	t.Parallel()
	db, _ := openTemp(t)
	db.IndexPut(context.Background(), []IndexDoc{indexDoc("a1", "text")}, time.Now())
	for name, q := range map[string]string{"by path": byPathQuery, "counts": countsQuery, "stale": staleQuery,
		"redo count": redoCountQuery, "search window": searchWindowQuery, "period": datedQuery,
		"anchor mentions": anchorMentionsQuery, "anchor hits": anchorHitsQuery, "anchor count": anchorCountQuery,
		"anchor newest": anchorNewestQuery, "anchor oldest": anchorOldestQuery} {
		// enough arguments for any of them (JSON lists where they take one)
		rows, err := db.SQL().Query(`EXPLAIN QUERY PLAN `+q, `["x"]`, `[1]`, "z", 5)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for rows.Next() {
			var id, parent, unused int
			var detail string
			rows.Scan(&id, &parent, &unused, &detail)
			table := strings.HasPrefix(detail, "SCAN idx_articles") || strings.HasPrefix(detail, "SCAN idx_entities") ||
				detail == "SCAN a" || detail == "SCAN e"
			if table && !strings.Contains(detail, "COVERING INDEX") {
				t.Errorf("%s scans the articles: %s", name, detail)
			}
		}
		rows.Close()
	}
}
