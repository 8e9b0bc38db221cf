// Package ui is newsmark's terminal program (bubbletea v2): the library, the
// reader with its inline highlights, and the side panel of ventures,
// entities, quotes and notes.
//
// It owns layout, keys and styles. It takes articles and the annotator from
// its caller through Options and does no loading, extraction or storage of
// its own; every load, fetch, wrap, annotation, search, note save and export
// runs in a tea.Cmd, and every fetch can be cancelled with esc (feeds.go).
package ui

import (
	"newsmark/articles"
	"newsmark/model"
	"newsmark/notes"
)

// Options is what the program is built from. cli/tui.go fills it from flags;
// tests fill it with fixtures.
type Options struct {
	// Library holds the articles to show and the inputs that failed.
	Library articles.Library
	// Annotate extracts entities, quotes and ventures; it runs in a tea.Cmd.
	// Nil leaves articles unannotated.
	Annotate func(model.Article) model.Annotations
	// Theme is Dark, Light or Mono. Empty means dark at once, then whatever
	// the terminal's background-colour answer says.
	Theme Theme
	// Notes keeps highlights and notes, and fills the Notes tab; nil means
	// the reader works without saving (NotesStatus says why).
	Notes *notes.Notes
	// NotesStatus is shown in the status bar at start: why notes are not
	// saved (a locked, read-only or corrupt database), empty when they are.
	NotesStatus string
	// ExportDir is the folder `x` exports to by default (the working
	// directory); empty means ".".
	ExportDir string
	// Web is the network side: URL arguments, the feed cache and
	// subscriptions, the browser helper (feeds.go). Nil means none.
	Web *Web
}
