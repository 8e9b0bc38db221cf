package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/model"
)

// Annotation runs in tea.Cmds: the open article's, for the reader and the
// panel, and in the background one library entry after another, for the
// library's counts. Results are kept by article ID, so reopening an
// article annotates nothing again; a correction empties the cache (the
// corrections may change any of them).

// annotatedMsg is one article's annotations and their drawing index. For
// background annotation of the library, gen is -1 and index is empty.
type annotatedMsg struct {
	gen   int
	id    string
	ann   model.Annotations
	index annIndex
	next  int   // library entry to annotate next in the background, -1 when done
	rev   int64 // the revision of the corrections applied (0: none)
}

// annotateFunc annotates an article and says which revision of the
// reader's corrections it applied.
type annotateFunc func(model.Article) (model.Annotations, int64)

// newAnnotateFunc is the program's annotator: with the corrections when
// there are (the list as stored when it runs: a change made meanwhile by
// another process applies too), else Options.Annotate as it is; nil
// without an annotator. A list that cannot be read gives the annotator's
// own output, marked as made with no corrections.
func newAnnotateFunc(o Options) annotateFunc {
	switch {
	case o.Annotate == nil:
		return nil
	case o.Corrections == nil:
		return func(a model.Article) (model.Annotations, int64) { return o.Annotate(a), 0 }
	}
	svc, plain := o.Corrections, o.Annotate
	return func(a model.Article) (model.Annotations, int64) {
		f, rev, err := svc.Current(context.Background())
		if err != nil {
			return plain(a), 0
		}
		return f(a), rev
	}
}

// annotations is the root's annotator and what it has found so far.
type annotations struct {
	f    annotateFunc // nil: articles stay unannotated
	byID map[string]model.Annotations
	revs map[string]int64 // the corrections' revision each of byID applied
}

func newAnnotations(o Options) annotations {
	return annotations{f: newAnnotateFunc(o), byID: map[string]model.Annotations{}, revs: map[string]int64{}}
}

// plain is the annotator without the revision, for who needs only the
// annotations (the export of an article not annotated yet).
func (as annotations) plain() func(model.Article) model.Annotations {
	if as.f == nil {
		return nil
	}
	f := as.f
	return func(a model.Article) model.Annotations { ann, _ := f(a); return ann }
}

// annotate is the Cmd that annotates the open article a (open generation
// gen), at once if it was annotated before; nil with no annotator.
func (as annotations) annotate(gen int, a model.Article) tea.Cmd {
	if as.f == nil {
		return nil
	}
	f := as.f
	if ann, ok := as.byID[a.ID]; ok {
		rev := as.revs[a.ID]
		f = func(model.Article) (model.Annotations, int64) { return ann, rev }
	}
	return annotateArticle(gen, a, f)
}

// keep remembers an article's annotations.
func (as annotations) keep(msg annotatedMsg) {
	if msg.id != "" {
		as.byID[msg.id], as.revs[msg.id] = msg.ann, msg.rev
	}
}

// forget empties the cache: the corrections changed, so any article may
// be annotated differently now.
func (as annotations) forget() {
	clear(as.byID)
	clear(as.revs)
}

// next annotates library entries es in the background from index i,
// skipping web items (isWeb): loading one would fetch its page or mark it
// read.
func (as annotations) next(i int, es []articles.Entry, isWeb func(id string) bool) tea.Cmd {
	if as.f == nil {
		return nil
	}
	for ; i >= 0 && i < len(es); i++ {
		if !isWeb(es[i].Meta.ID) {
			return annotateEntry(i, es[i], len(es), as.f)
		}
	}
	return nil
}

func annotateArticle(gen int, a model.Article, f annotateFunc) tea.Cmd {
	return func() tea.Msg {
		ann, rev := f(a)
		return annotatedMsg{gen: gen, id: a.ID, ann: ann, index: buildIndex(ann, len(a.Body)), next: -1, rev: rev}
	}
}

// annotateEntry annotates library entry i in the background for the
// library's counts, then asks for the next one.
func annotateEntry(i int, e articles.Entry, n int, f annotateFunc) tea.Cmd {
	return func() tea.Msg {
		next := i + 1
		if next >= n {
			next = -1
		}
		a, err := e.Load()
		if err != nil {
			return annotatedMsg{gen: -1, next: next}
		}
		ann, rev := f(a)
		return annotatedMsg{gen: -1, id: a.ID, ann: ann, next: next, rev: rev}
	}
}
