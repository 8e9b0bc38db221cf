package ui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/feeds"
	"newsmark/index"
	"newsmark/model"
	"newsmark/sanitize"
)

// Indexing runs in tea.Cmds, never on the way of a key or of the first
// frame. Every article the reader opens is added once it is annotated (a
// no-op when the index has it). In the background, starting
// indexStartDelay after the first frame, the library's entries and the
// feed cache's stored items that the index lacks are annotated and written
// indexBatch at a time; then the articles an older annotator indexed are
// rebuilt, one index.Rebuild step per Cmd. One step runs at a time and the
// next is asked for when it ends, so the work yields to everything else.

const (
	// indexStartDelay leaves the first frame, the open article and its
	// annotation the machine to themselves.
	indexStartDelay = 500 * time.Millisecond
	// indexBatch is how many articles a background step annotates and
	// writes in one transaction: a few tens of milliseconds of work.
	indexBatch = index.DefaultBatch
	// missingChunk bounds the IDs one Missing step looks up.
	missingChunk = 2000
)

// indexTask is one article for the background indexing: a library entry,
// loaded by its Load, or an item of the feed cache, read from the cache
// without fetching its page or marking it read.
type indexTask struct {
	id     string
	entry  articles.Entry
	cached bool
}

// Messages of the indexing; the root routes them to the queue.
type (
	indexStartMsg   struct{}
	indexMissingMsg struct {
		checked []indexTask // the tasks looked up
		missing []indexTask // those the index lacks or holds from another annotator
		err     error
	}
	indexBatchMsg struct {
		tasks   []indexTask
		skipped []string // cached items without text yet: tried again after a refresh
		res     index.Result
		err     error
	}
	indexCacheMsg struct {
		ids []string
		err error
	}
	indexStatusMsg struct {
		st      index.Status
		rebuilt bool // the answer of a Rebuild step
		err     error
	}
	indexAddedMsg struct{ err error }
	// indexChangedMsg tells the search and deals screens that the
	// background indexing wrote articles and is now idle: query again.
	indexChangedMsg struct{}
)

// indexQueue is the background indexing's state; the root owns it and
// feeds it the library's entries as they come.
type indexQueue struct {
	ix       *index.Index
	cache    *feeds.Cache
	readOnly bool // IndexStatus with an index: it is read, never written
	delay    time.Duration

	armed   bool // the start was asked for (the first window size)
	started bool
	busy    bool // a step is in flight
	stopped string

	pending   []indexTask // not yet looked up in the index
	todo      []indexTask // missing from the index: load, annotate, write
	queued    map[string]bool
	demo      map[string]bool // the embedded samples' IDs: never indexed
	listCache bool            // read the cache's list of items (at start, after a refresh)
	askStatus bool            // ask how many articles an older annotator indexed
	stale     int             // articles left to rebuild

	done, found int  // articles written of those found missing, this round
	wrote       bool // written since the screens were last told
}

func newIndexQueue(o Options) indexQueue {
	q := indexQueue{ix: o.Index, readOnly: o.IndexStatus != "", delay: indexStartDelay, queued: map[string]bool{},
		demo: map[string]bool{}}
	if o.Library.Demo {
		for _, e := range o.Library.Entries {
			q.demo[e.Meta.ID] = true
		}
	}
	if o.Web != nil {
		q.cache = o.Web.Cache
	}
	return q
}

// writes says whether the queue may write to the index.
func (q *indexQueue) writes() bool { return q.ix != nil && !q.readOnly && q.stopped == "" }

// arm asks for the start of the background work, once: on the first
// window size, so that the first frame is drawn before any of it.
func (q *indexQueue) arm() tea.Cmd {
	if q.armed || !q.writes() {
		return nil
	}
	q.armed = true
	return tea.Tick(q.delay, func(time.Time) tea.Msg { return indexStartMsg{} })
}

// enqueue adds library entries to look up (next starts on them); isWeb
// and isCached say how each loads. A web item that is not in the cache (an
// item of a feed opened by URL, without its text) would be fetched: it is
// indexed when read. Entries already queued are skipped.
func (q *indexQueue) enqueue(es []articles.Entry, isWeb, isCached func(id string) bool) {
	if !q.writes() {
		return
	}
	for _, e := range es {
		id := e.Meta.ID
		switch {
		case id == "" || q.queued[id] || q.demo[id]:
			continue
		case isCached(id):
			if q.cache == nil {
				continue
			}
			q.pending = append(q.pending, indexTask{id: id, cached: true})
		case isWeb(id):
			continue
		default:
			q.pending = append(q.pending, indexTask{id: id, entry: e})
		}
		q.queued[id] = true
	}
}

// cacheChanged reads the cache's items again (a refresh ended: new
// items, pages fetched for old ones) once the queue is free.
func (q *indexQueue) cacheChanged() tea.Cmd {
	q.listCache = q.cache != nil && q.writes()
	return q.next()
}

// corrected asks, once the queue is free, how many stories a change of the
// corrections left to annotate again, and rebuilds them.
func (q *indexQueue) corrected() tea.Cmd {
	if !q.writes() {
		return nil
	}
	q.askStatus = true
	return q.next()
}

// Update applies a step's result and asks for the next step.
func (q *indexQueue) Update(msg tea.Msg) (tea.Cmd, request) {
	var req request
	switch msg := msg.(type) {
	case indexStartMsg:
		q.started = true
		q.listCache, q.askStatus = q.cache != nil, true
	case indexMissingMsg:
		q.busy = false
		if msg.err != nil {
			return nil, q.stop(msg.err)
		}
		for _, t := range msg.checked {
			q.queued[t.id] = true
		}
		q.todo = append(q.todo, msg.missing...)
		q.found += len(msg.missing)
	case indexBatchMsg:
		q.busy = false
		for _, id := range msg.skipped {
			delete(q.queued, id)
		}
		q.done += len(msg.tasks)
		if msg.err != nil {
			return nil, q.stop(msg.err)
		}
		q.wrote = q.wrote || msg.res.Added+msg.res.Updated > 0
	case indexCacheMsg:
		q.busy = false
		if msg.err != nil {
			return nil, q.stop(msg.err)
		}
		for _, id := range msg.ids {
			if !q.queued[id] {
				q.queued[id] = true
				q.pending = append(q.pending, indexTask{id: id, cached: true})
			}
		}
	case indexStatusMsg:
		q.busy = false
		if msg.err != nil {
			return nil, q.stop(msg.err)
		}
		q.wrote = q.wrote || (msg.rebuilt && msg.st.Stale < q.stale)
		q.stale = msg.st.Stale
	case indexAddedMsg:
		if msg.err != nil {
			return nil, q.stop(msg.err)
		}
		return nil, nil
	}
	cmd := q.next()
	if cmd == nil && !q.busy {
		q.done, q.found = 0, 0
		if q.wrote {
			q.wrote = false
			req = indexChangedMsg{}
		}
	}
	return cmd, req
}

// stop ends the background writes after an error (a full disk, a
// database another program locked): what is indexed stays searchable.
func (q *indexQueue) stop(err error) request {
	q.stopped = sanitize.Line(err.Error())
	q.pending, q.todo, q.stale, q.busy = nil, nil, 0, false
	return failure("indexing stopped: " + q.stopped)
}

// next is the Cmd of the next step, nil when there is none or one runs:
// write the missing articles first, then look up the pending ones, read
// the cache's list, ask for the stale count, and rebuild.
func (q *indexQueue) next() tea.Cmd {
	if q.busy || !q.started || !q.writes() {
		return nil
	}
	ctx := context.Background()
	ix := q.ix
	var cmd tea.Cmd
	switch {
	case len(q.todo) > 0:
		n := min(indexBatch, len(q.todo))
		batch := q.todo[:n:n]
		q.todo = q.todo[n:]
		cmd = addBatch(ctx, ix, q.cache, batch)
	case len(q.pending) > 0:
		n := min(missingChunk, len(q.pending))
		part := q.pending[:n:n]
		q.pending = q.pending[n:]
		cmd = findMissing(ctx, ix, part)
	case q.listCache:
		q.listCache = false
		cache := q.cache
		cmd = func() tea.Msg {
			ids, err := cache.ItemIDs(ctx)
			return indexCacheMsg{ids: ids, err: err}
		}
	case q.askStatus:
		q.askStatus = false
		cmd = func() tea.Msg {
			st, err := ix.Status(ctx)
			return indexStatusMsg{st: st, err: err}
		}
	case q.stale > 0:
		cmd = func() tea.Msg {
			st, err := ix.Rebuild(ctx, index.DefaultBatch)
			return indexStatusMsg{st: st, rebuilt: true, err: err}
		}
	default:
		return nil
	}
	q.busy = true
	return cmd
}

// findMissing looks tasks up in the index.
func findMissing(ctx context.Context, ix *index.Index, tasks []indexTask) tea.Cmd {
	return func() tea.Msg {
		ids := make([]string, len(tasks))
		for i, t := range tasks {
			ids[i] = t.id
		}
		missing, err := ix.Missing(ctx, ids)
		if err != nil {
			return indexMissingMsg{checked: tasks, err: err}
		}
		want := make(map[string]bool, len(missing))
		for _, id := range missing {
			want[id] = true
		}
		var out []indexTask
		for _, t := range tasks {
			if want[t.id] {
				out = append(out, t)
			}
		}
		return indexMissingMsg{checked: tasks, missing: out}
	}
}

// addBatch loads tasks and indexes them in one transaction. An entry that
// no longer loads is left out for good; a cached item without its text
// yet is tried again after the next refresh.
func addBatch(ctx context.Context, ix *index.Index, cache *feeds.Cache, tasks []indexTask) tea.Cmd {
	return func() tea.Msg {
		msg := indexBatchMsg{tasks: tasks}
		as := make([]model.Article, 0, len(tasks))
		for _, t := range tasks {
			if t.cached {
				a, ok, err := cache.Stored(ctx, t.id)
				if err != nil {
					msg.err = err
					return msg
				}
				if !ok {
					msg.skipped = append(msg.skipped, t.id)
					continue
				}
				as = append(as, a)
				continue
			}
			a, err := t.entry.Load()
			if err != nil || a.Body == "" {
				continue
			}
			as = append(as, a)
		}
		if len(as) > 0 {
			msg.res, msg.err = ix.AddArticles(ctx, as)
		}
		return msg
	}
}

// add is the Cmd that indexes the article the reader opened with the
// annotations it shows; nil when nothing is written.
// rev is the revision of the corrections ann applied.
func (q *indexQueue) add(a model.Article, ann model.Annotations, rev int64) tea.Cmd {
	if !q.writes() || a.Body == "" || q.demo[a.ID] {
		return nil
	}
	ix := q.ix
	return func() tea.Msg { return indexAddedMsg{err: ix.Add(context.Background(), a, ann, rev)} }
}

// progress is what the status bar shows while the background work runs:
// "indexing 120/4,000" for new articles, "re-annotating: 3,400 left"
// after an annotator change; "" when idle.
func (q *indexQueue) progress() string {
	switch {
	case !q.started || q.stopped != "":
		return ""
	case len(q.todo) > 0 || (q.busy && q.found > q.done):
		return fmt.Sprintf("indexing %s/%s", thousands(q.done), thousands(q.found))
	case len(q.pending) > 0:
		return "indexing…"
	case q.stale > 0:
		return fmt.Sprintf("re-annotating: %s left", thousands(q.stale))
	}
	return ""
}

// thousands writes n with commas: 20,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// isCached says whether the article with this ID is an item of the feed
// cache (read from the cache, not loaded through its entry).
func (n *network) isCached(id string) bool { wi, ok := n.items[id]; return ok && wi.cached }
