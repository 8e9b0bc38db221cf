package ui

import (
	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/model"
)

// Annotation runs in tea.Cmds: the open article's, for the reader and the
// panel, and in the background one library entry after another, for the
// library's counts. Results are kept by article ID, so reopening an
// article annotates nothing again.

// annotatedMsg is one article's annotations and their drawing index. For
// background annotation of the library, gen is -1 and index is empty.
type annotatedMsg struct {
	gen   int
	id    string
	ann   model.Annotations
	index annIndex
	next  int // library entry to annotate next in the background, -1 when done
}

// annotations is the root's annotator and what it has found so far.
type annotations struct {
	f    func(model.Article) model.Annotations // nil: articles stay unannotated
	byID map[string]model.Annotations
}

// annotate is the Cmd that annotates the open article a (open generation
// gen), at once if it was annotated before; nil with no annotator.
func (as annotations) annotate(gen int, a model.Article) tea.Cmd {
	if as.f == nil {
		return nil
	}
	f := as.f
	if ann, ok := as.byID[a.ID]; ok {
		f = func(model.Article) model.Annotations { return ann }
	}
	return annotateArticle(gen, a, f)
}

// keep remembers an article's annotations.
func (as annotations) keep(msg annotatedMsg) {
	if msg.id != "" {
		as.byID[msg.id] = msg.ann
	}
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

func annotateArticle(gen int, a model.Article, f func(model.Article) model.Annotations) tea.Cmd {
	return func() tea.Msg {
		ann := f(a)
		return annotatedMsg{gen: gen, id: a.ID, ann: ann, index: buildIndex(ann, len(a.Body)), next: -1}
	}
}

// annotateEntry annotates library entry i in the background for the
// library's counts, then asks for the next one.
func annotateEntry(i int, e articles.Entry, n int, f func(model.Article) model.Annotations) tea.Cmd {
	return func() tea.Msg {
		next := i + 1
		if next >= n {
			next = -1
		}
		a, err := e.Load()
		if err != nil {
			return annotatedMsg{gen: -1, next: next}
		}
		return annotatedMsg{gen: -1, id: a.ID, ann: f(a), next: next}
	}
}
