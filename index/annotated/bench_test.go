package annotated

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"newsmark/annotate"
	"newsmark/index"
	"newsmark/index/indextest"
	"newsmark/internal/testhome"
	"newsmark/model"
	"newsmark/store"
)

// The benchmarks run on a generated corpus of 20,000 stories (2–8 KB,
// indextest.Corpus), built into a database once per run, and only under
// -bench: `go test` alone never builds it.
//
//	go test ./index/annotated -run XXX -bench . -benchtime 1x     (indexing: one pass over 20,000)
//	go test ./index/annotated -run XXX -bench 'Deals|Search|Size'
//
// NEWSMARK_BENCH_STORIES=2000 makes a smaller corpus for a quick look;
// NEWSMARK_BENCH_DB=FILE keeps the built database in FILE and reuses it
// in later runs (delete it when the annotator or the schema changes).

// TestMain keeps the tests off the user's files and removes the benchmark
// database afterwards.
func TestMain(m *testing.M) {
	code := testhome.Main(m)
	indextest.Cleanup()
	os.Exit(code)
}

// benchDB is the database of the whole corpus, built on first use.
func benchDB(b *testing.B) string {
	b.Helper()
	path, err := indextest.BenchDB(annotate.Article)
	if err != nil {
		b.Fatal(err)
	}
	return path
}

func openBenchIndex(b *testing.B) (*index.Index, *store.DB) {
	db, err := store.Open(benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return index.New(db, indextest.BenchVersion, annotate.Article), db
}

// BenchmarkIndex indexes the 20,000 stories into an empty database:
// annotation on all cores and the SQLite writes, 256 per transaction.
func BenchmarkIndex(b *testing.B) {
	corpus, _ := indextest.BenchCorpus()
	ctx := context.Background()
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		db, err := store.Open(filepath.Join(b.TempDir(), fmt.Sprint(i), store.FileName))
		if err != nil {
			b.Fatal(err)
		}
		ix := index.New(db, version, annotate.Article)
		b.StartTimer()
		start := time.Now()
		if err := indextest.AddAll(ctx, ix, corpus); err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(corpus)*b.N)/total.Seconds(), "articles/s")
}

// BenchmarkRebuildStep is one background step after the annotator changed:
// DefaultBatch stale stories re-annotated and written in one transaction.
func BenchmarkRebuildStep(b *testing.B) {
	_, db := openBenchIndex(b)
	ctx := context.Background()
	for i := 0; b.Loop(); i++ {
		// each round a new version, so the step always finds stale rows
		if _, err := index.New(db, fmt.Sprintf("bench-%d", i), annotate.Article).Rebuild(ctx, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDealsFirstPage is the full list on a cold index (nothing
// kept): every venture read and clustered, as Deals does once per change
// of the index.
func BenchmarkDealsFirstPage(b *testing.B) {
	_, db := openBenchIndex(b)
	ctx := context.Background()
	var rows []index.DealRow
	for b.Loop() {
		ix := index.New(db, version, annotate.Article)
		var err error
		if rows, err = ix.Deals(ctx, index.DealFilter{}); err != nil {
			b.Fatal(err)
		}
		_ = rows[:min(50, len(rows))]
	}
	multi := 0
	for _, r := range rows {
		if len(r.Sources) > 1 {
			multi++
		}
	}
	b.ReportMetric(float64(len(rows)), "deals")
	b.ReportMetric(float64(multi), "multi-source")
}

// BenchmarkRecentDeals is the deals view's first frame as the view gets
// it: RecentDeals on a cold index (the full list follows in another Cmd).
func BenchmarkRecentDeals(b *testing.B) {
	_, db := openBenchIndex(b)
	ctx := context.Background()
	var rows []index.DealRow
	for b.Loop() {
		var err error
		if rows, err = index.New(db, version, annotate.Article).RecentDeals(ctx, 50); err != nil || len(rows) != 50 {
			b.Fatal(len(rows), err)
		}
	}
	full, err := index.New(db, version, annotate.Article).Deals(ctx, index.DealFilter{})
	if err != nil {
		b.Fatal(err)
	}
	for i := range rows {
		if rows[i].ID != full[i].ID || len(rows[i].Sources) != len(full[i].Sources) {
			b.Fatalf("row %d of the first page differs from the full list: %s (%d sources) vs %s (%d)",
				i, rows[i].ID, len(rows[i].Sources), full[i].ID, len(full[i].Sources))
		}
	}
}

// BenchmarkDealsKey is a key in the deals view: re-order every row (by
// amount, date or sources: DealOrder, as a view keeps its rows and orders
// indexes), or filter through the kept snapshot (one small query to see
// that the index has not changed).
func BenchmarkDealsKey(b *testing.B) {
	ix, _ := openBenchIndex(b)
	ctx := context.Background()
	rows, err := ix.Deals(ctx, index.DealFilter{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("sort", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			index.DealOrder(rows, []index.DealSort{index.ByAmount, index.ByDate, index.BySources}[i%3], false)
		}
	})
	b.Run("filter", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			f := index.DealFilter{Kinds: []model.VentureKind{model.Acquisition}}
			if i%2 == 1 {
				f = index.DealFilter{Party: "Zephyr", MinUSD: 1e8}
			}
			if _, err := ix.Deals(ctx, f); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSearch runs full-text queries of 20 hits each.
func BenchmarkSearch(b *testing.B) {
	ix, _ := openBenchIndex(b)
	ctx := context.Background()
	for _, q := range []struct{ name, q string }{
		{"common-word", "company"},
		{"two-words", "shares rose"},
		{"name", "Zephyr"},
		{"phrase", `"joint venture"`},
		{"prefix", "acqui*"},
		{"rare", "lithium"},
	} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				hits, err := ix.Search(ctx, q.q, 20)
				if err != nil || len(hits) == 0 {
					b.Fatalf("%q: %d hits, %v", q.q, len(hits), err)
				}
			}
		})
	}
}

// BenchmarkSize reports the database's size against the text it indexes
// (titles and bodies), after a WAL checkpoint.
func BenchmarkSize(b *testing.B) {
	_, db := openBenchIndex(b)
	if _, err := db.SQL().Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
	}
	_, text := indextest.BenchCorpus()
	b.ReportMetric(float64(st.Size())/float64(text), "x-text")
	b.ReportMetric(float64(st.Size())/1e6, "db-MB")
	b.ReportMetric(float64(text)/1e6, "text-MB")
}
