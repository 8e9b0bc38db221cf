package index

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
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
	db          *store.DB
	version     string
	annotate    Annotator
	corrections Corrections // nil: the annotator is used as it is
	now         func() time.Time
	window      int // SearchWindow; smaller in tests

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

// Corrections is where the index gets the annotator that applies the
// reader's corrections and the revision of the list it applies
// (corrections.Service). The index asks before every batch it annotates,
// so a change made meanwhile, here or by another process, applies from
// the next batch on.
type Corrections interface {
	Current(ctx context.Context) (func(model.Article) model.Annotations, int64, error)
}

// WithCorrections makes the index annotate with the reader's corrections
// (in place of the annotator New was given) and returns it.
//
// The annotations of an article are then current when they were made by
// the index's annotator version and no change of the list since may
// change them: a change marks the indexed articles it touches (those whose
// title or body holds one of its names, or the one article it is for; see
// store.ChangeCorrections), and Status counts them as stale, so Rebuild
// re-annotates those alone, in the background, never the whole library.
func (ix *Index) WithCorrections(c Corrections) *Index {
	ix.corrections = c
	return ix
}

// Version is the annotator version the index writes. With corrections a
// row is also stamped with the revision of the list it was made with (a
// Doc's Corrections; see WithCorrections).
func (ix *Index) Version() string { return ix.version }

// current is the annotator to use now and the revision of the
// corrections it applies (0 without corrections).
func (ix *Index) current(ctx context.Context) (Annotator, int64, error) {
	if ix.corrections == nil {
		return ix.annotate, 0, nil
	}
	f, rev, err := ix.corrections.Current(ctx)
	return f, rev, err
}

// Doc is an article with its annotations, as made by the index's annotator.
type Doc struct {
	Article     model.Article
	Annotations model.Annotations
	// Corrections is the revision of the reader's corrections the
	// annotations were made with (0: none).
	Corrections int64
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
// rev is the revision of the corrections ann was made with (0: none).
func (ix *Index) Add(ctx context.Context, a model.Article, ann model.Annotations, rev int64) error {
	_, err := ix.AddDocs(ctx, []Doc{{Article: a, Annotations: ann, Corrections: rev}})
	return err
}

// AddDocs indexes articles with their annotations in one transaction.
func (ix *Index) AddDocs(ctx context.Context, docs []Doc) (Result, error) {
	rows := make([]store.IndexDoc, len(docs))
	for i, d := range docs {
		rows[i] = ix.row(d.Article, d.Annotations)
		rows[i].Corrections = d.Corrections
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
		if st, ok := states[a.ID]; ok && st.Version == ix.version && st.Hash == Hash(a) && !st.Redo {
			res.Unchanged++
			continue
		}
		todo = append(todo, a)
	}
	if len(todo) == 0 {
		return res, nil
	}
	annotate, rev, err := ix.current(ctx)
	if err != nil {
		return res, err
	}
	rows := make([]store.IndexDoc, len(todo))
	ix.each(len(todo), func(i int) {
		rows[i] = ix.row(todo[i], annotateSafe(annotate, todo[i]))
		rows[i].Corrections = rev
	})
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
func annotateSafe(annotate Annotator, a model.Article) (ann model.Annotations) {
	defer func() {
		if recover() != nil {
			ann = model.Annotations{}
		}
	}()
	return annotate(a)
}

// Status is how far the index is: articles indexed, and how many of them
// are stale: annotated by another annotator version, or touched by a
// correction since they were annotated.
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
	annotate, rev, err := ix.current(ctx)
	if err != nil {
		return Status{}, err
	}
	stale, err := ix.db.IndexStale(ctx, ix.version, n)
	if err != nil {
		return Status{}, err
	}
	rows := make([]store.IndexDoc, len(stale))
	ix.each(len(stale), func(i int) {
		s := stale[i]
		rows[i] = ix.row(s.Article, annotateSafe(annotate, s.Article))
		rows[i].IfHash = s.Hash // an Add in between wins
		rows[i].Corrections = rev
	})
	if err := ctx.Err(); err != nil {
		return Status{}, err
	}
	if len(rows) > 0 {
		res, err := ix.db.IndexPut(ctx, rows, ix.now())
		if err != nil {
			return Status{}, err
		}
		if res.Added+res.Updated == 0 && res.Skipped == 0 {
			// Nothing written: either another process did them meanwhile,
			// or nothing this annotator writes makes them current (marks
			// of a newer list than it applies: an index without the
			// corrections on a database that has some). Stop, rather
			// than step for ever, in the second case.
			again, err := ix.db.IndexStale(ctx, ix.version, 1)
			if err != nil {
				return Status{}, err
			}
			if len(again) > 0 && again[0].Article.ID == stale[0].Article.ID {
				return Status{}, errNoProgress
			}
		}
	}
	return ix.Status(ctx)
}

// errNoProgress is a Rebuild step that wrote nothing.
var errNoProgress = errors.New("the stale articles were annotated again with no change: the index does not apply the database's corrections")

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
		if s, ok := st[id]; !ok || s.Version != ix.version || s.Redo {
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
	return ok && s.Version == ix.version && s.Hash == Hash(a) && !s.Redo, nil
}

// Article is an indexed article as stored (body, paragraphs, sentences)
// with its stored annotations; current says they are what the index's
// annotator makes now (its version, and no correction since touched
// them); ok is false if the index does not have it. The reader can open a
// search hit or a deal's source from here even when the file or the feed
// item is gone.
func (ix *Index) Article(ctx context.Context, id string) (a model.Article, ann model.Annotations, current, ok bool, err error) {
	s, ok, err := ix.db.IndexArticle(ctx, id)
	if err != nil || !ok {
		return a, ann, false, ok, err
	}
	ann, _, ok, err = ix.db.IndexAnnotations(ctx, id)
	return s.Article, ann, s.Version == ix.version && !s.Redo, ok, err
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
