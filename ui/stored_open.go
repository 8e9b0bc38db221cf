package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"newsmark/index"
	"newsmark/model"
)

// Opening a story from the index: a search hit at its match, a deal's
// source at the deal. The reader shows the index's stored text, which the
// offsets point into, so the story opens even when its file is gone or
// its feed item pruned.

// openStoredMsg asks the root to open indexed story id in the reader,
// scrolled to at and marking it (an empty span opens at the top).
type openStoredMsg struct {
	id string
	at model.Span
}

// storedMsg is the story read from the index for openStoredMsg.
type storedMsg struct {
	at      model.Span
	article model.Article
	ann     model.Annotations
	current bool // ann is the current annotator's: the reader uses it as is
	ok      bool // false: the index no longer holds it
	err     error
}

// loadStored reads story id from the index.
func loadStored(ix *index.Index, id string, at model.Span) tea.Cmd {
	return func() tea.Msg {
		a, ann, current, ok, err := ix.Article(context.Background(), id)
		return storedMsg{at: at, article: a, ann: ann, current: ok && current, ok: ok, err: err}
	}
}
