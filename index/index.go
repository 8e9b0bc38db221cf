package index

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"newsmark/model"
	"newsmark/store"
)

// Annotator extracts an article's annotations: annotate.Article, passed in
// by cli so that this package does not import annotate.
type Annotator func(model.Article) model.Annotations

// Index is the index on one database. Its methods are safe for concurrent
// use and each does its I/O in the caller's goroutine, so the UI calls them
// from a tea.Cmd.
type Index struct {
	db       *store.DB
	version  string
	annotate Annotator
	now      func() time.Time
	window   int // SearchWindow; smaller in tests

	mu   sync.Mutex // guards snap
	snap *snapshot
}

// DefaultBatch is how many articles Rebuild and AddArticles write in one
// transaction when the caller gives no size: small enough that a batch
// takes a few tens of milliseconds, large enough that the transactions'
// cost is spread.
const DefaultBatch = 64

// New is the index on db. version names the annotator (rows made by another
// version are stale and Rebuild redoes them); annotate is the annotator.
func New(db *store.DB, version string, annotate Annotator) *Index {
	return &Index{db: db, version: version, annotate: annotate, now: time.Now, window: SearchWindow}
}

// Version is the annotator version the index writes.
func (ix *Index) Version() string { return ix.version }

// Doc is an article with its annotations, as made by the index's annotator.
type Doc struct {
	Article     model.Article
	Annotations model.Annotations
}

// Result counts what a write did: articles new to the index, articles
// whose text or annotations changed, and those already up to date.
type Result struct {
	Added, Updated, Unchanged int
}

func (r *Result) add(o Result) {
	r.Added += o.Added
	r.Updated += o.Updated
	r.Unchanged += o.Unchanged
}

// Add indexes one article with the annotations the caller already has (the
// reader annotates every article it opens). An article already indexed
// with this text and version is left alone, so calling Add on every open
// is cheap.
func (ix *Index) Add(ctx context.Context, a model.Article, ann model.Annotations) error {
	_, err := ix.AddDocs(ctx, []Doc{{Article: a, Annotations: ann}})
	return err
}

// AddDocs indexes articles with their annotations in one transaction.
func (ix *Index) AddDocs(ctx context.Context, docs []Doc) (Result, error) {
	rows := make([]store.IndexDoc, len(docs))
	for i, d := range docs {
		rows[i] = ix.row(d.Article, d.Annotations)
	}
	res, err := ix.db.IndexPut(ctx, rows, ix.now())
	return Result{Added: res.Added, Updated: res.Updated, Unchanged: res.Unchanged + res.Skipped}, err
}

// AddArticles indexes articles that have no annotations yet: those already
// indexed with the same text and version are skipped, the others are
// annotated on all cores and written in one transaction. Callers with many
// articles pass them in batches (DefaultBatch to a few hundred).
func (ix *Index) AddArticles(ctx context.Context, as []model.Article) (Result, error) {
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	states, err := ix.db.IndexStates(ctx, ids)
	if err != nil {
		return Result{}, err
	}
	var todo []model.Article
	res := Result{}
	for _, a := range as {
		if st, ok := states[a.ID]; ok && st.Version == ix.version && st.Hash == Hash(a) {
			res.Unchanged++
			continue
		}
		todo = append(todo, a)
	}
	rows := make([]store.IndexDoc, len(todo))
	ix.each(len(todo), func(i int) { rows[i] = ix.row(todo[i], ix.annotateSafe(todo[i])) })
	if err := ctx.Err(); err != nil {
		return res, err
	}
	put, err := ix.db.IndexPut(ctx, rows, ix.now())
	res.add(Result{Added: put.Added, Updated: put.Updated, Unchanged: put.Unchanged + put.Skipped})
	return res, err
}

// each runs fn(0..n-1) on up to GOMAXPROCS goroutines: annotation is
// CPU-bound and articles are independent.
func (ix *Index) each(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// annotateSafe annotates a; an annotator that panics on one article gives
// it no annotations instead of stopping a rebuild that runs unattended (it
// is indexed at this version all the same, so it is not retried forever).
func (ix *Index) annotateSafe(a model.Article) (ann model.Annotations) {
	defer func() {
		if recover() != nil {
			ann = model.Annotations{}
		}
	}()
	return ix.annotate(a)
}

// Status is how far the index is: articles indexed, and how many of them
// still carry another annotator version's rows.
type Status struct {
	Articles, Stale int
}

// Done reports whether nothing is left to rebuild.
func (s Status) Done() bool { return s.Stale == 0 }

// Status counts the indexed and the stale articles.
func (ix *Index) Status(ctx context.Context) (Status, error) {
	total, stale, err := ix.db.IndexCounts(ctx, ix.version)
	return Status{Articles: total, Stale: stale}, err
}

// Rebuild re-annotates up to n stale articles (DefaultBatch if n <= 0)
// with the current annotator and writes them in one transaction, then says
// what is left. It never blocks for long: the UI runs one step per tea.Cmd
// and asks for the next while Status().Stale > 0. A process killed during a
// step leaves every article wholly old or wholly new, and the next step
// carries on where the last commit left off.
func (ix *Index) Rebuild(ctx context.Context, n int) (Status, error) {
	if n <= 0 {
		n = DefaultBatch
	}
	stale, err := ix.db.IndexStale(ctx, ix.version, n)
	if err != nil {
		return Status{}, err
	}
	rows := make([]store.IndexDoc, len(stale))
	ix.each(len(stale), func(i int) {
		s := stale[i]
		rows[i] = ix.row(s.Article, ix.annotateSafe(s.Article))
		rows[i].IfHash = s.Hash // an Add in between wins
	})
	if err := ctx.Err(); err != nil {
		return Status{}, err
	}
	if len(rows) > 0 {
		if _, err := ix.db.IndexPut(ctx, rows, ix.now()); err != nil {
			return Status{}, err
		}
	}
	return ix.Status(ctx)
}

// RebuildAll runs Rebuild steps until nothing is stale, reporting after
// each step (progress may be nil); for the CLI, which may block.
func (ix *Index) RebuildAll(ctx context.Context, progress func(Status)) (Status, error) {
	for {
		st, err := ix.Rebuild(ctx, 0)
		if err != nil || st.Done() {
			return st, err
		}
		if progress != nil {
			progress(st)
		}
	}
}

// Remove deletes articles from the index.
func (ix *Index) Remove(ctx context.Context, ids ...string) (int, error) {
	return ix.db.IndexRemove(ctx, ids)
}

// Missing returns those of ids the index lacks, or holds with another
// annotator version's rows: what a caller that has only IDs at hand (a
// library, the feed cache) should load and pass to AddArticles.
func (ix *Index) Missing(ctx context.Context, ids []string) ([]string, error) {
	st, err := ix.db.IndexStates(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, id := range ids {
		if s, ok := st[id]; !ok || s.Version != ix.version {
			out = append(out, id)
		}
	}
	return out, nil
}

// Fresh reports whether a is indexed with this text and annotator version,
// so that a caller can skip annotating it.
func (ix *Index) Fresh(ctx context.Context, a model.Article) (bool, error) {
	st, err := ix.db.IndexStates(ctx, []string{a.ID})
	if err != nil {
		return false, err
	}
	s, ok := st[a.ID]
	return ok && s.Version == ix.version && s.Hash == Hash(a), nil
}

// Article is an indexed article as stored (body, paragraphs, sentences)
// with its stored annotations, which were made by version; ok is false if
// the index does not have it. The reader can open a search hit or a deal's
// source from here even when the file or the feed item is gone.
func (ix *Index) Article(ctx context.Context, id string) (a model.Article, ann model.Annotations, version string, ok bool, err error) {
	s, ok, err := ix.db.IndexArticle(ctx, id)
	if err != nil || !ok {
		return a, ann, "", ok, err
	}
	ann, _, ok, err = ix.db.IndexAnnotations(ctx, id)
	return s.Article, ann, s.Version, ok, err
}

// Company is the company the entity entityID of article articleID stands
// for across the library ("" for an entity that is not a company).
// Entities of two articles with the same answer are one company.
func (ix *Index) Company(ctx context.Context, articleID, entityID string) (string, error) {
	_, anchors, ok, err := ix.db.IndexAnnotations(ctx, articleID)
	if err != nil || !ok {
		return "", err
	}
	snap, err := ix.snapshot(ctx, false)
	if err != nil {
		return "", err
	}
	return snap.company(anchors[entityID]), nil
}

// Hash identifies everything of a that is stored or read by the
// annotator: a change in any of it re-indexes the article.
func Hash(a model.Article) string {
	h := fnv.New64a()
	var buf [binary.MaxVarintLen64]byte
	str := func(s string) {
		h.Write(buf[:binary.PutUvarint(buf[:], uint64(len(s)))])
		h.Write([]byte(s))
	}
	list := func(l []string) {
		h.Write(buf[:binary.PutUvarint(buf[:], uint64(len(l)))])
		for _, s := range l {
			str(s)
		}
	}
	spans := func(l []model.Span) {
		h.Write(buf[:binary.PutUvarint(buf[:], uint64(len(l)))])
		for _, s := range l {
			h.Write(buf[:binary.PutVarint(buf[:], int64(s.Start))])
			h.Write(buf[:binary.PutVarint(buf[:], int64(s.End))])
		}
	}
	str(a.Title)
	str(a.Caption)
	str(a.Source)
	date := ""
	if !a.Date.IsZero() {
		date = a.Date.UTC().Format(time.RFC3339)
	}
	str(date)
	list(a.Authors)
	list(a.Contributors)
	list(a.Tags)
	str(a.URL)
	str(a.Path)
	h.Write(buf[:binary.PutUvarint(buf[:], uint64(len(a.Links)))])
	for _, l := range a.Links {
		str(l.Text)
		str(l.URL)
	}
	str(a.Body)
	spans(a.Paragraphs)
	spans(a.Sentences)
	return hex.EncodeToString(h.Sum(nil))
}

// row turns an article and its annotations into the store's rows: anchors
// and evidence for companies, parties' anchors and dollar amounts for
// ventures.
func (ix *Index) row(a model.Article, ann model.Annotations) store.IndexDoc {
	doc := store.IndexDoc{
		Article: a, Hash: Hash(a), Version: ix.version, Quotes: ann.Quotes, Roles: ann.Roles,
		// A file's ID is a hash of its content: new text under the same
		// absolute path is the same file changed.
		ReplacePath: a.Path != "" && filepath.IsAbs(a.Path),
	}
	anchorOf := make(map[string]string, len(ann.Entities))
	money := map[string]model.Entity{}
	doc.Entities = make([]store.IndexEntity, len(ann.Entities))
	for i, e := range ann.Entities {
		doc.Entities[i].Entity = e
		switch {
		case e.Kind == model.Company:
			id := companyIdentity(a.Body, e)
			doc.Entities[i].Anchor, doc.Entities[i].Keys = id.anchor, id.keys
			anchorOf[e.ID] = id.anchor
		case e.Kind == model.Figure && e.Subkind == model.Money:
			for _, m := range e.Mentions {
				if m.Start >= 0 && m.End <= len(a.Body) && m.Start < m.End {
					money[a.Body[m.Start:m.End]] = e
				}
			}
			money[e.Text] = e
		}
	}
	doc.Ventures = make([]store.IndexVenture, len(ann.Ventures))
	for i, v := range ann.Ventures {
		iv := store.IndexVenture{Venture: v, Anchors: make([]string, len(v.Parties))}
		for j := range v.Parties {
			if j < len(v.PartyIDs) {
				iv.Anchors[j] = anchorOf[v.PartyIDs[j]]
			}
		}
		for _, amt := range v.Amounts {
			if e, ok := money[amt]; ok {
				if usd, ok := USD(e.Value, e.Unit); ok {
					iv.AmountUSD = usd
				}
				break
			}
		}
		doc.Ventures[i] = iv
	}
	return doc
}

// errEmpty is returned for a query with nothing to search for.
type errEmpty struct{ q string }

func (e errEmpty) Error() string {
	if strings.TrimSpace(e.q) == "" {
		return "nothing to search for"
	}
	return fmt.Sprintf("nothing to search for in %q (give a word with a letter or digit)", e.q)
}
