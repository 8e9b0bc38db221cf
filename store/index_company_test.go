package store

import (
	"context"
	"reflect"
	"testing"
	"time"

	"newsmark/model"
)

// Roles go in and come back with the annotations: nil when the annotator
// did not look for them, the list (even empty) when it did; a rewrite
// replaces them and removing the article removes them.
func TestIndexRolesRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	body := "Harbor Looms chief executive Ana Ruiz said the plan was sound."
	without := indexDoc("a1", body)
	with := indexDoc("a2", body)
	with.Roles = []model.Role{{Person: "Ana Ruiz", PersonID: "e3", Company: "Harbor Looms Inc.", CompanyID: "e1",
		Title: "chief executive", Evidence: model.Span{Start: 0, End: 37}}}
	none := indexDoc("a3", body)
	none.Roles = []model.Role{}
	if _, err := db.IndexPut(ctx, []IndexDoc{without, with, none}, time.Now()); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string][]model.Role{"a1": nil, "a2": with.Roles, "a3": {}} {
		ann, _, _, err := db.IndexAnnotations(ctx, id)
		if err != nil || !reflect.DeepEqual(ann.Roles, want) {
			t.Errorf("%s: roles %#v, %v; want %#v", id, ann.Roles, err, want)
		}
	}
	// a new annotator without roles: the rows go
	with.Version, with.Roles = "v2", nil
	if _, err := db.IndexPut(ctx, []IndexDoc{with}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if ann, _, _, _ := db.IndexAnnotations(ctx, "a2"); ann.Roles != nil {
		t.Errorf("roles kept after a rewrite without them: %+v", ann.Roles)
	}
	var n int
	db.SQL().QueryRow(`SELECT count(*) FROM idx_roles`).Scan(&n)
	if n != 0 {
		t.Errorf("%d role rows left", n)
	}
}

// A company's mentions are found by anchor with their articles; the
// details of those articles come in one read; the period lists articles
// by date with the companies they name.
func TestIndexCompanyReads(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	a1 := indexDoc("a1", "Harbor Looms raised $5 million on Monday. \"We grow,\" Ruiz said.")
	a1.Roles = []model.Role{{Person: "Ana Ruiz", Company: "Harbor Looms Inc.", Title: "chair", Evidence: model.Span{Start: 0, End: 5}}}
	a2 := indexDoc("a2", "Harbor Looms cut prices again.")
	a2.Article.Date = time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	other := indexDoc("a3", "Nothing about looms here at all.")
	other.Entities[0].Anchor, other.Entities[0].Keys = "L:other co", nil
	if _, err := db.IndexPut(ctx, []IndexDoc{a1, a2, other}, time.Now()); err != nil {
		t.Fatal(err)
	}
	ms, err := db.IndexAnchorMentions(ctx, []string{"L:harbor looms inc", "B:nobody"}, []int64{1, 2, 3})
	if err != nil || len(ms) != 2 {
		t.Fatalf("mentions %+v %v", ms, err)
	}
	ids := map[string]IndexMention{}
	for _, m := range ms {
		ids[m.ArticleID] = m
	}
	m := ids["a2"]
	if m.Title != "Title of a2" || !m.Date.Equal(a2.Article.Date) || m.EntityID != "e1" || m.Canonical != "Harbor Looms Inc." ||
		len(m.Mentions) != 2 || m.MetaMentions != 1 {
		t.Errorf("a2's mention %+v", m)
	}
	anchors := []string{"L:harbor looms inc", "B:nobody"}
	newest, total, oldest, err := db.IndexAnchorDated(ctx, anchors, time.Time{}, time.Time{}, 1)
	if err != nil || total != 2 || len(newest) != 1 || newest[0].N != ids["a2"].N || !newest[0].Date.Equal(a2.Article.Date) ||
		!oldest.Equal(a1.Article.Date) {
		t.Fatalf("dated by anchor: %+v, %d, %v, %v", newest, total, oldest, err)
	}
	newest, total, _, _ = db.IndexAnchorDated(ctx, anchors, time.Time{}, a2.Article.Date, 0)
	if total != 1 || len(newest) != 1 || newest[0].N != ids["a1"].N {
		t.Errorf("dated before a2: %+v, %d", newest, total)
	}
	if hits, err := db.IndexAnchorHits(ctx, anchors); err != nil || len(hits) != 2 || hits[0].Anchor != "L:harbor looms inc" {
		t.Errorf("hits %+v %v", hits, err)
	}
	if ns, err := db.IndexRowNumbers(ctx, []string{"a2", "a9", "a1"}); err != nil || len(ns) != 2 ||
		ns["a1"] != ids["a1"].N || ns["a2"] != ids["a2"].N {
		t.Errorf("row numbers %v %v", ns, err)
	}
	details, err := db.IndexDetails(ctx, []int64{ids["a1"].N, ids["a2"].N})
	if err != nil || len(details) != 2 {
		t.Fatalf("details %v %v", details, err)
	}
	d1 := details[ids["a1"].N]
	if d1.Body != a1.Article.Body || !d1.HasRoles || len(d1.Roles) != 1 || d1.Roles[0].Title != "chair" ||
		len(d1.Quotes) != 1 || d1.Quotes[0].Speaker != "Ana Ruiz" || len(d1.Ventures) != 1 || d1.Ventures[0].ArticleID != "a1" ||
		len(d1.Names) != 1 || d1.Names[0].Anchor != "L:harbor looms inc" || len(d1.Sentences) != 1 {
		t.Errorf("a1's details %+v", d1)
	}
	if d2 := details[ids["a2"].N]; d2.HasRoles || d2.Roles != nil {
		t.Errorf("a2 has roles: %+v", d2)
	}
	// the period: a1 and a3 are dated 2 March, a2 9 March
	per, err := db.IndexPeriod(ctx, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range per {
		got[m.ArticleID] = m.Anchor
	}
	if !reflect.DeepEqual(got, map[string]string{"a1": "L:harbor looms inc", "a3": "L:other co"}) {
		t.Errorf("period %v", got)
	}
	if per, _ := db.IndexPeriod(ctx, time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), time.Time{}); len(per) != 1 || per[0].ArticleID != "a2" {
		t.Errorf("open period %+v", per)
	}
	names, err := db.IndexCompanyNames(ctx)
	if err != nil || len(names) != 3 {
		t.Errorf("names %+v %v", names, err)
	}
}

// Following is kept: a second follow keeps the first name, unfollow
// removes, and names written by another program come back sanitized.
func TestWatchlist(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	t0 := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	if added, err := db.Follow(ctx, "L:softbank group corp", "SoftBank Group Corp.", t0); !added || err != nil {
		t.Fatal(added, err)
	}
	if added, _ := db.Follow(ctx, "L:softbank group corp", "SoftBank", t0.Add(time.Hour)); added {
		t.Error("a second follow added the company again")
	}
	db.Follow(ctx, "B:kovacs", "Kovacs", t0.Add(time.Minute))
	db.SQL().Exec(`INSERT INTO watchlist(company, name, added) VALUES ('B:x', 'Evil` + "\x1b[2J" + `Co', '2026-05-02T00:00:00.000Z')`)
	list, err := db.Watchlist(ctx)
	if err != nil || len(list) != 3 || list[0].Name != "SoftBank Group Corp." || !list[0].Added.Equal(t0) ||
		list[1].Company != "B:kovacs" || list[2].Name != "EvilCo" {
		t.Fatalf("watchlist %+v %v", list, err)
	}
	if removed, _ := db.Unfollow(ctx, "B:kovacs"); !removed {
		t.Error("unfollow did not remove")
	}
	if removed, _ := db.Unfollow(ctx, "B:kovacs"); removed {
		t.Error("unfollow twice removed twice")
	}
	if list, _ := db.Watchlist(ctx); len(list) != 2 {
		t.Errorf("after unfollow: %+v", list)
	}
}
