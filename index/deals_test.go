package index

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"newsmark/model"
	"newsmark/store"
)

// These tests write hand-made annotations (fixtures of what the annotator
// gives) with AddDocs; the tests in index/annotated run the real one.

func openIndex(t *testing.T) *Index {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	// The annotator is never called here: every doc comes with annotations.
	return New(db, "fixture-1", nil)
}

// dealDoc is an article reporting one venture of kind between the
// parties, each party given as its forms in this article (first form the
// canonical), with amount (a money figure: value and unit) if any.
func dealDoc(id, outlet string, day time.Time, kind model.VentureKind, amount string, value float64, unit string, parties ...[]string) Doc {
	var body strings.Builder
	var ents []model.Entity
	var v = model.Venture{Kind: kind, Status: model.Announced}
	for i, forms := range parties {
		e := model.Entity{ID: "e" + string(rune('1'+i)), Kind: model.Company, Text: forms[0], Canonical: forms[0]}
		for _, f := range forms {
			body.WriteString(f + " said. ")
			e.Mentions = append(e.Mentions, model.Span{Start: body.Len() - len(f) - 7, End: body.Len() - 7})
		}
		ents = append(ents, e)
		v.Parties = append(v.Parties, forms[0])
		v.PartyIDs = append(v.PartyIDs, e.ID)
	}
	if amount != "" {
		start := body.Len()
		body.WriteString(amount + " is the price.")
		ents = append(ents, model.Entity{ID: "f1", Kind: model.Figure, Subkind: model.Money, Text: amount, Value: value, Unit: unit,
			Mentions: []model.Span{{Start: start, End: start + len(amount)}}})
		v.Amounts = []string{amount}
	}
	v.Evidence = []model.Span{{Start: 0, End: body.Len()}}
	a := model.Article{ID: id, Title: "Story " + id, Source: outlet, Date: day, Body: body.String(), URL: "https://" + strings.ToLower(outlet) + ".example/" + id}
	return Doc{Article: a, Annotations: model.Annotations{Entities: ents, Ventures: []model.Venture{v}}}
}

func day(d int) time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, d) }

func TestDealsClusterReportsOfOneDeal(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := openIndex(t)
	zephyrLtd := []string{"Zephyr Mills Ltd.", "Zephyr"}
	harbor := []string{"Harbor Looms Inc.", "Harbor Looms"}
	docs := []Doc{
		dealDoc("a", "Wire", day(0), model.JointVenture, "$400 million", 4e8, "USD", zephyrLtd, harbor),
		dealDoc("b", "Ledger", day(4), model.JointVenture, "370 million euros", 3.7e8, "EUR", []string{"Zephyr"}, []string{"Harbor Looms"}),
		dealDoc("c", "Courier", day(10), model.JointVenture, "", 0, "", []string{"Zephyr Mills"}, harbor),
		// the same parties a month later: another deal
		dealDoc("d", "Wire", day(40), model.JointVenture, "$90 million", 9e7, "USD", zephyrLtd, harbor),
		// the same parties and day, another kind: another deal
		dealDoc("e", "Wire", day(5), model.Acquisition, "£50 million", 5e7, "GBP", zephyrLtd, harbor),
		// one party, alone: shares min(2, 1) = 1 party with nothing else of its kind
		dealDoc("f", "Ledger", day(6), model.Investment, "", 0, "", []string{"Quill Capital LLC"}),
	}
	if _, err := ix.AddDocs(ctx, docs); err != nil {
		t.Fatal(err)
	}
	rows, err := ix.Deals(ctx, DealFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, string(r.Kind)+" "+strings.Join(r.PartyNames(), " + ")+" "+r.Date.Format("01-02")+" "+itoaSources(r))
	}
	want := []string{
		"joint_venture Zephyr Mills Ltd. + Harbor Looms Inc. 04-10 1 source",
		"investment Quill Capital LLC 03-07 1 source",
		"acquisition Zephyr Mills Ltd. + Harbor Looms Inc. 03-06 1 source",
		"joint_venture Zephyr Mills Ltd. + Harbor Looms Inc. 03-01 3 sources",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("deals, newest first:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	jv := rows[3]
	if jv.Amount != "$400 million" || jv.USD != 4e8 || jv.Sources[1].Outlet != "Ledger" || !jv.Last.Equal(day(10)) {
		t.Errorf("joint venture row: %+v", jv)
	}

	// Filters and sorts work on the kept rows.
	if r, _ := ix.Deals(ctx, DealFilter{Kinds: []model.VentureKind{model.Acquisition}}); len(r) != 1 || math.Abs(r[0].USD-6.7e7) > 1 {
		t.Errorf("kind filter: %+v", r)
	}
	if r, _ := ix.Deals(ctx, DealFilter{Party: "quill"}); len(r) != 1 {
		t.Errorf("party filter: %d rows", len(r))
	}
	if r, _ := ix.Deals(ctx, DealFilter{Party: jv.Parties[0].Company}); len(r) != 3 {
		t.Errorf("company filter: %d rows", len(r))
	}
	if r, _ := ix.Deals(ctx, DealFilter{Since: day(8), Until: day(20)}); len(r) != 1 || r[0].ID != jv.ID {
		t.Errorf("period filter (a report of the first deal on day 10): %+v", r)
	}
	if r, _ := ix.Deals(ctx, DealFilter{MinUSD: 1e8}); len(r) != 1 || r[0].ID != jv.ID {
		t.Errorf("min amount: %+v", r)
	}
	SortDeals(rows, ByAmount, false)
	if rows[0].USD != 4e8 || rows[1].USD != 9e7 || rows[3].USD != 0 {
		t.Errorf("by amount: %v %v %v %v", rows[0].USD, rows[1].USD, rows[2].USD, rows[3].USD)
	}

	// A new report joins its deal on the next call.
	ix.AddDocs(ctx, []Doc{dealDoc("g", "Herald", day(42), model.JointVenture, "", 0, "", []string{"Zephyr Mills"}, []string{"Harbor Looms"})})
	if r, _ := ix.Deals(ctx, DealFilter{Kinds: []model.VentureKind{model.JointVenture}}); len(r) != 2 || len(r[0].Sources) != 2 {
		t.Errorf("after a new report: %+v", r)
	}
}

func itoaSources(r DealRow) string {
	if len(r.Sources) == 1 {
		return "1 source"
	}
	return string(rune('0'+len(r.Sources))) + " sources"
}

func TestDealsKeepOneArticlesTwoVenturesApart(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := openIndex(t)
	d := dealDoc("a", "Wire", day(0), model.Investment, "", 0, "", []string{"Quill Capital LLC"}, []string{"Orrin Foods Plc"})
	d.Annotations.Ventures = append(d.Annotations.Ventures, d.Annotations.Ventures[0])
	ix.AddDocs(ctx, []Doc{d})
	if r, _ := ix.Deals(ctx, DealFilter{}); len(r) != 2 {
		t.Errorf("two ventures of one article became %d rows", len(r))
	}
}

// A query whose every word is in more articles than the window ranks only
// the newest window of its matches; one with a rarer word ranks them all.
func TestSearchWindowOnlyForCommonWords(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := openIndex(t)
	ix.window = 2
	var docs []Doc
	for i, body := range []string{"Zephyr rose. Zephyr rose again. Zephyr rose.", "Zephyr rose once in a long day of trading.",
		"Zephyr rose a little, said the mill.", "Zephyr rose on Monday as looms sold."} {
		docs = append(docs, Doc{Article: model.Article{ID: string(rune('a' + i)), Body: body}})
	}
	if _, err := ix.AddDocs(ctx, docs); err != nil {
		t.Fatal(err)
	}
	ids := func(q string) string {
		hits, err := ix.Search(ctx, q, 10)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range hits {
			out = append(out, h.ArticleID)
		}
		return strings.Join(out, " ")
	}
	if got := ids("zephyr rose"); got != "c d" && got != "d c" {
		t.Errorf("common words: %q, want the two newest", got)
	}
	if got := ids("zephyr again"); got != "a" {
		t.Errorf("with a rarer word, in the oldest article: %q", got)
	}
	if got := ids("zeph*"); len(strings.Fields(got)) != 2 {
		t.Errorf("a common prefix: %q", got)
	}
}

// RecentDeals gives the first rows of the full list, reading only as far
// back as it needs.
func TestRecentDealsAgreeWithDeals(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := openIndex(t)
	var docs []Doc
	for i := range 60 {
		a := []string{fmt.Sprintf("Party%02d Holdings Ltd.", i%7)}
		b := []string{fmt.Sprintf("Counter%02d Inc.", i%5)}
		docs = append(docs, dealDoc(fmt.Sprintf("s%02d", i), "Wire", day(i*9), model.JointVenture, "", 0, "", a, b))
	}
	if _, err := ix.AddDocs(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 5, 30, 100} {
		recent, err := ix.RecentDeals(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		full, _ := New(ix.db, ix.version, nil).Deals(ctx, DealFilter{})
		if want := min(n, len(full)); len(recent) != want {
			t.Fatalf("RecentDeals(%d) gave %d rows, want %d", n, len(recent), want)
		}
		for i := range recent {
			if recent[i].ID != full[i].ID || len(recent[i].Sources) != len(full[i].Sources) {
				t.Errorf("RecentDeals(%d) row %d: %s, full list: %s", n, i, recent[i].ID, full[i].ID)
			}
		}
	}
}

// The UI calls the index from several tea.Cmds at once: writes, the deal
// list, its first page and search must not trip over each other (run with
// -race).
func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := openIndex(t)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				var err error
				switch w {
				case 0:
					d := dealDoc(fmt.Sprintf("c%d", i), "Wire", day(i), model.Merger, "", 0, "", []string{"Quill Capital LLC"}, []string{"Orrin Foods Plc"})
					_, err = ix.AddDocs(ctx, []Doc{d})
				case 1:
					_, err = ix.Deals(ctx, DealFilter{Party: "quill"})
				case 2:
					_, err = ix.RecentDeals(ctx, 5)
				case 3:
					_, err = ix.Search(ctx, "Quill", 5)
					if err == nil {
						_, err = ix.Company(ctx, "c0", "e1")
					}
				}
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if r, _ := ix.Deals(ctx, DealFilter{}); len(r) != 1 || len(r[0].Sources) != 10 {
		t.Errorf("after the writes: %d deals", len(r))
	}
}
