// Package ui is newsmark's terminal program (bubbletea v2): the library, the
// reader with its inline highlights, and the side panel of ventures,
// entities, quotes and notes.
//
// It owns layout, keys and styles. It takes articles, the annotator and the
// notes service from its caller through Options and does no loading,
// extraction or storage of its own; every load, fetch, wrap, annotation,
// search, note save, export and glamour render runs in a tea.Cmd, and every
// fetch can be cancelled with esc (network.go).
//
// The program is a root model (app.go) over panes (pane.go): the root owns
// layout, focus, the overlays and the status bar and only routes; each pane
// handles its own keys from the one KeyMap (keys.go) and asks the root for
// what it cannot do itself by request (requests.go). Where code lives:
//
//	app.go, view.go, requests.go   the root: routing, layout, drawing, requests
//	hints.go                       the hint bar: the few keys that matter where the user is
//	pane.go                        the pane contract and the shared read-only state
//	keys.go, correct_keys.go       every binding, the help sections, the README key table
//	library.go, library_web.go,
//	library_heads.go               the article list
//	reader*.go                     the open article: keys, notes keys, selection, Cmds
//	reading_position.go            where the reader left each article (Options.Positions)
//	panel.go, *_tab.go             the side panel and its tabs (panelTabs lists them)
//	links.go, editor.go,
//	editor_external.go,
//	export_prompt.go,
//	export_preview.go, input.go,
//	help_overlay.go                the overlays, the text input, the note in $EDITOR
//	network.go, feed_refresh.go,
//	auto_refresh.go,
//	article_load.go,
//	fetch_progress.go              the network side: URL arguments, feed refresh (by r, or by
//	                               the config's timer), article fetches
//	feeds_pane.go, feeds_view.go,
//	feed_keys.go, marks.go         the feeds view (F) beside the library, and the unread flow:
//	                               next unread, read and star marks, A/C, the cache read at start
//	undo.go                        the one undo stack u takes back (deletes, corrections, A, C;
//	                               any pane pushes a change with pushUndoMsg)
//	mouse.go                       mouse mode (the config's mouse): wheel and clicks
//	actions.go                     the KeyMap as the config's [keys] names it, and applied
//	annotate_queue.go              annotation of the open article and, in the background, the library
//	index_queue.go                 indexing: the open article, and in the background the library,
//	                               the feed cache and the rebuild after an annotator change
//	                               or a correction
//	search_pane.go, deals_pane.go,
//	stored_open.go                 the index's screens (S, D) and opening a story from the index
//	company_pane.go, brief_pane.go,
//	watch.go                       a company's page (i), the daily brief (B), and the watchlist:
//	                               following (w), the library's marks, a refresh's new stories
//	company_correct.go             a company page's merge (m) and split (s), across every story
//	notes_service.go               saves and deletes through the notes service (a delete goes
//	                               on the undo stack)
//	correct_menu.go,
//	reader_correct.go,
//	corrections_keeper.go          the correct menu (m), what it is on, and the
//	                               correction shown at once, stored and re-annotated
//	storage.go                     the database (notes, index, positions, corrections), opened after the first frame; what waits for it
//	entity_marks.go, wrap.go,
//	markup.go, item_list.go,
//	styles.go                      drawing: entity colouring, wrapping, a Markdown
//	                               article's headings, emphasis and link numbers,
//	                               panel lists, styles
//	markdown.go                    glamour for the Markdown newsmark writes (notes, cards,
//	                               the export), in the palette; only inside tea.Cmds
//
// It may import model, sanitize, segment, articles, feeds, notes, outfile,
// index, brief, corrections, config (the settings it is given, and Actions,
// its bindings as the config file's [keys] table names them: actions.go) and
// the charm libraries; its program code must not import
// annotate, fetch, store or cli (the caller builds the annotator, the HTTP
// client, the database, the index on it and the browser launcher and
// passes them in through Options; tests use them to build real fixtures).
package ui
