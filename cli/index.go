package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"newsmark/annotate"
	"newsmark/corrections"
	"newsmark/feeds"
	"newsmark/fetch"
	"newsmark/index"
	"newsmark/model"
	"newsmark/sanitize"
	"newsmark/store"
)

// annotatorVersion tags every row the index writes with the annotator that
// made it; when it changes, the rows are re-annotated in the background
// (index.Rebuild).
const annotatorVersion = annotate.Version

// indexBatch is how many articles `newsmark index` writes per transaction.
const indexBatch = 256

// openIndex opens the database in dataDir and the index on it.
func openIndex(dataDir string) (*index.Index, *store.DB, error) {
	db, err := store.Open(store.DefaultPath(dataDir))
	if err != nil {
		return nil, nil, err
	}
	return newIndex(db), db, nil
}

// newIndex is the index on db, annotating with the corrections stored
// there: the one every command and the reader use.
func newIndex(db *store.DB) *index.Index {
	return index.New(db, annotatorVersion, annotate.Article).WithCorrections(corrections.New(db, withUserList))
}

// syncIndex brings the index up to date before a query: the feed cache's
// stored articles it lacks are indexed (no network: items without a body
// wait until they are read), and articles annotated by another version are
// rebuilt. It reports on stderr only when it did something.
func syncIndex(ctx context.Context, env Env, ix *index.Index, db *store.DB) error {
	added, err := indexFeedCache(ctx, ix, db)
	if err != nil {
		return err
	}
	if added > 0 {
		fmt.Fprintf(env.Stderr, "newsmark: indexed %s\n", plural(added, "cached feed article", "cached feed articles"))
	}
	st, err := ix.Status(ctx)
	if err != nil || st.Done() {
		return err
	}
	fmt.Fprintf(env.Stderr, "newsmark: re-annotating %s for a new annotator…\n", plural(st.Stale, "article", "articles"))
	_, err = ix.RebuildAll(ctx, nil)
	return err
}

// indexFeedCache indexes the cached feed articles (those with a body) the
// index lacks, and returns how many it wrote.
func indexFeedCache(ctx context.Context, ix *index.Index, db *store.DB) (int, error) {
	items, err := db.FeedItems(ctx)
	if err != nil {
		return 0, err
	}
	ids := make([]string, 0, len(items))
	seen := map[string]bool{}
	for _, it := range items {
		if !seen[it.ArticleID] {
			seen[it.ArticleID] = true
			ids = append(ids, it.ArticleID)
		}
	}
	missing, err := ix.Missing(ctx, ids)
	if err != nil {
		return 0, err
	}
	written := 0
	var batch []model.Article
	flush := func() error {
		res, err := ix.AddArticles(ctx, batch)
		written += res.Added + res.Updated
		batch = batch[:0]
		return err
	}
	for _, id := range missing {
		it, ok, err := db.FeedItem(ctx, id)
		if err != nil {
			return written, err
		}
		if !ok || it.Body == "" {
			continue
		}
		batch = append(batch, feeds.ItemArticle(it))
		if len(batch) == indexBatch {
			if err := flush(); err != nil {
				return written, err
			}
		}
	}
	if len(batch) > 0 {
		return written, flush()
	}
	return written, nil
}

// newIndexCmd is `newsmark index [PATH...]`.
func newIndexCmd(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "index [PATH...]",
		Short: "put articles (files, folders, URLs) in the index that search and deals read",
		Long:  `With PATHs (files, folders read recursively, URLs of pages or feeds, - for standard input), puts those articles in the index that search and deals read, 256 per transaction. Without, indexes the cached feed articles, re-annotates the articles an older annotator indexed, and says how many articles the index holds.`,
		Example: `newsmark index ~/news a.txt https://example.com/feed.xml
newsmark index`,
		RunE: runs(env, func(cmd *cobra.Command, paths []string) int { return runIndex(env, dataDir(cmd), paths) }),
	}
	dataDirFlag(cmd.Flags())
	return cmd
}

// runIndex indexes paths, then the feed cache, and says how many articles
// the index holds.
func runIndex(env Env, dataDir string, paths []string) int {
	ix, db, err := openIndex(dataDir)
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark index:", sanitize.Text(err.Error()))
		return 1
	}
	defer db.Close()
	ctx := context.Background()
	code := 0
	if len(paths) > 0 {
		code = indexPaths(ctx, env, ix, paths)
	}
	if err := syncIndex(ctx, env, ix, db); err != nil {
		fmt.Fprintln(env.Stderr, "newsmark index:", sanitize.Text(err.Error()))
		return 1
	}
	st, err := ix.Status(ctx)
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark index:", sanitize.Text(err.Error()))
		return 1
	}
	fmt.Fprintf(env.Stdout, "the index holds %s (%s)\n", plural(st.Articles, "article", "articles"), sanitize.Line(db.Path()))
	return code
}

// indexPaths loads and indexes the articles at paths, batch by batch, and
// returns the exit code: 1 if an input gave no article.
func indexPaths(ctx context.Context, env Env, ix *index.Index, paths []string) int {
	// A file's path is kept absolute, so that new text in the same file
	// replaces its old row wherever newsmark is run from.
	for i, p := range paths {
		if p != "-" && !fetch.IsURL(p) {
			if abs, err := filepath.Abs(p); err == nil {
				paths[i] = abs
			}
		}
	}
	lib := feeds.OpenInputs(ctx, fetch.NewClient(Version), paths, env.Stdin)
	code := 0
	for _, p := range lib.Problems {
		fmt.Fprintf(env.Stderr, "newsmark: %s\n", sanitize.Text(p.String()))
		code = 1
	}
	var total index.Result
	var batch []model.Article
	flush := func() error {
		res, err := ix.AddArticles(ctx, batch)
		total.Added += res.Added
		total.Updated += res.Updated
		total.Unchanged += res.Unchanged
		batch = batch[:0]
		return err
	}
	for _, e := range lib.Entries {
		a, err := e.Load()
		if err != nil {
			fmt.Fprintf(env.Stderr, "newsmark: %s: %s\n", sanitize.Text(e.Meta.Locator()), sanitize.Text(err.Error()))
			if summary := (*feeds.SummaryOnly)(nil); !errors.As(err, &summary) {
				code = 1
				continue
			}
		}
		batch = append(batch, a)
		if len(batch) == indexBatch {
			if err := flush(); err != nil {
				fmt.Fprintln(env.Stderr, "newsmark index:", sanitize.Text(err.Error()))
				return 1
			}
		}
	}
	if err := flush(); err != nil {
		fmt.Fprintln(env.Stderr, "newsmark index:", sanitize.Text(err.Error()))
		return 1
	}
	fmt.Fprintf(env.Stdout, "indexed %s: %d new, %d updated, %d unchanged\n",
		plural(total.Added+total.Updated+total.Unchanged, "article", "articles"), total.Added, total.Updated, total.Unchanged)
	return code
}
