package ui

import (
	"time"

	"newsmark/articles"
	"newsmark/config"
	"newsmark/corrections"
	"newsmark/feeds"
	"newsmark/index"
	"newsmark/model"
	"newsmark/notes"
)

// Options is what the program is built from. cli/tui.go fills it from flags;
// tests fill it with fixtures.
type Options struct {
	// Library holds the articles to show and the inputs that failed.
	Library articles.Library
	// ReadHeads, when set, reads what Library lists by file name only
	// (articles.Listing): it runs in a tea.Cmd once the library is on
	// screen, and what it gives takes the listed entries' place, sorted
	// by date (library_heads.go).
	ReadHeads func() articles.Library
	// Annotate extracts entities, quotes and ventures; it runs in a tea.Cmd.
	// Nil leaves articles unannotated.
	Annotate func(model.Article) model.Annotations
	// Keys are the bindings; nil means DefaultKeyMap() with the config
	// file's [keys] applied (Config).
	Keys *KeyMap
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
	// Width is the most columns a line of the article's text takes, the
	// rest of a wider reader a margin each side (cli's --width, default
	// 88); 0 uses the whole reader.
	Width int
	// Editor is the command the note editor's ctrl+o runs on the note
	// (cli: $VISUAL, else $EDITOR); "" means none is set, and ctrl+o says
	// so. It is split on spaces: "code --wait" works.
	Editor string
	// Positions keeps where the reader left each article, so it opens
	// there again (the database: store.DB); nil keeps none.
	Positions Positions
	// Web is the network side: URL arguments, the feed cache and
	// subscriptions, the browser helper (network.go). Nil means none.
	Web *Web
	// Index is the memory of every story read or cached, on the notes'
	// database: S searches it, D lists its deals, and the program adds
	// what it opens and, in the background, the library and the feed
	// cache (index_queue.go). Nil turns S and D off; IndexStatus says why.
	Index *index.Index
	// Corrections keeps the reader's corrections to the highlights (the m
	// menu) in the database, and gives the annotator that applies them,
	// which then annotates every article in place of Annotate (Annotate
	// stays the annotator's own output, for when the list cannot be
	// read). Nil turns the menu off (IndexStatus or NotesStatus say why
	// the database is not open). The index should apply the same
	// (index.WithCorrections).
	Corrections *corrections.Service
	// IndexStatus is why the index is off (Index nil), or why nothing is
	// written to it (a read-only database: S and D still read it); empty
	// when it works.
	IndexStatus string
	// Now is the clock the feeds view tells refresh times by; nil is
	// time.Now (tests fix it).
	Now func() time.Time
	// Config is the config file as loaded, with the flags the user gave
	// applied over it (cli); nil means every default. The status bar says
	// its first problem at start; its [keys] rebind actions; the
	// export prompt offers its export.format first. (ExportDir, Theme and Width come from it
	// already resolved.)
	Config *config.Config
	// OpenStorage, when set, opens what the first frame does not need
	// (the notes database, and the feed cache when Web has none yet) in a
	// tea.Cmd once the program runs; Notes and NotesStatus then come from
	// what it returns (storage.go). Until it answers, highlights are not
	// saved yet and the status bar says so.
	OpenStorage func() Storage
}

// Storage is what Options.OpenStorage opened.
type Storage struct {
	// Notes keeps highlights; nil when the database could not be opened.
	Notes *notes.Notes
	// NotesStatus says why notes are not saved (a locked, read-only or
	// corrupt database); it is shown in the status bar.
	NotesStatus string
	// Cache is the feed cache `r` refreshes into, when there are
	// subscriptions and Web was given none.
	Cache *feeds.Cache
}
