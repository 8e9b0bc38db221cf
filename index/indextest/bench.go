package indextest

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"newsmark/index"
	"newsmark/model"
	"newsmark/store"
)

// BenchSeed is the seed of the benchmark corpus; BenchVersion the
// annotator version its database is built with.
const (
	BenchSeed    = 2026
	BenchVersion = "bench-1"
)

// BenchStories is how many stories the benchmark corpus holds: 20,000, or
// NEWSMARK_BENCH_STORIES for a quick look with fewer.
func BenchStories() int {
	if n, err := strconv.Atoi(os.Getenv("NEWSMARK_BENCH_STORIES")); err == nil && n > 0 {
		return n
	}
	return 20000
}

// bench is the corpus and its database, made once per test binary
// (test-only state: a benchmark run is one process).
var bench struct {
	corpusOnce sync.Once
	corpus     []model.Article
	text       int64

	dbOnce sync.Once
	dir    string // a temporary folder to remove, "" when kept
	path   string
	err    error
}

// BenchCorpus is Corpus(BenchSeed, BenchStories()), generated once, and
// the bytes of title and body it holds.
func BenchCorpus() ([]model.Article, int64) {
	bench.corpusOnce.Do(func() {
		bench.corpus = Corpus(BenchSeed, BenchStories())
		for _, a := range bench.corpus {
			bench.text += int64(len(a.Title) + len(a.Body))
		}
	})
	return bench.corpus, bench.text
}

// Batch is how many stories AddAll writes per transaction, as `newsmark
// index` does.
const Batch = 256

// AddAll indexes stories a batch at a time.
func AddAll(ctx context.Context, ix *index.Index, stories []model.Article) error {
	for i := 0; i < len(stories); i += Batch {
		if _, err := ix.AddArticles(ctx, stories[i:min(i+Batch, len(stories))]); err != nil {
			return err
		}
	}
	return nil
}

// BenchDB is the path of a database holding BenchCorpus indexed by
// annotate as BenchVersion, built on the first call (about a minute for 20,000
// stories on two cores) and shared by later calls in the process.
// NEWSMARK_BENCH_DB=FILE keeps it in FILE and reuses it in later runs
// (delete the file when the annotator or the schema changes).
func BenchDB(annotate index.Annotator) (string, error) {
	bench.dbOnce.Do(func() {
		if keep := os.Getenv("NEWSMARK_BENCH_DB"); keep != "" {
			bench.path = keep
			if _, err := os.Stat(keep); err == nil {
				return
			}
		} else {
			if bench.dir, bench.err = os.MkdirTemp("", "newsmark-index-bench-"); bench.err != nil {
				return
			}
			bench.path = filepath.Join(bench.dir, store.FileName)
		}
		db, err := store.Open(bench.path)
		if err != nil {
			bench.err = err
			return
		}
		defer db.Close()
		corpus, _ := BenchCorpus()
		bench.err = AddAll(context.Background(), index.New(db, BenchVersion, annotate), corpus)
	})
	return bench.path, bench.err
}

// Cleanup removes the database BenchDB built in a temporary folder; call
// it from TestMain after the run.
func Cleanup() {
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
}
