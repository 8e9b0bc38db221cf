// Package ui is newsmark's terminal program (bubbletea v2): the library, the
// reader with its inline highlights, and the side panel of ventures,
// entities, quotes and notes.
//
// It owns layout, keys and styles. It takes articles and the annotator from
// its caller through Options and does no loading, extraction or storage of
// its own; every load, fetch, wrap, annotation, search, note save and export
// runs in a tea.Cmd, and every fetch can be cancelled with esc (feeds.go).
//
// It imports model, sanitize, segment, articles, feeds, notes and the charm
// libraries; never annotate, fetch, store or cli: the caller builds the
// annotator, the HTTP client, the database and the browser launcher and
// passes them in.
package ui
