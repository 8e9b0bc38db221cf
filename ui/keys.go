package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap is every binding of the program, grouped by the pane that owns it.
// It is the one source of keys: panes match with key.Matches against it, the
// help overlay and the README key table are built from its sections. A new
// key for an action is one edit here (its binding in DefaultKeyMap); a new
// action is a field, its default and its section here, and its handling in
// the pane that owns it.
type KeyMap struct {
	Global  GlobalKeys
	Library LibraryKeys
	Reader  ReaderKeys
	Panel   PanelKeys
	Input   InputKeys
	Notes   NotesKeys
	Select  SelectKeys
	Editor  EditorKeys
	Export  ExportKeys
	Web     WebKeys
	Links   LinksKeys
	Index   IndexKeys
	Correct CorrectKeys
	Search  SearchKeys
	Deals   DealsKeys
	Company CompanyKeys
	Brief   BriefKeys
	Feeds   FeedKeys
}

// GlobalKeys work on every screen (unless a text input has the keyboard).
type GlobalKeys struct {
	Quit     key.Binding
	ForceQ   key.Binding
	Help     key.Binding
	Back     key.Binding
	Focus    key.Binding
	PanelTab []key.Binding // one per panel tab, in panelTabs order
	PrevTab  key.Binding
	NextTab  key.Binding
	Panel    key.Binding
}

// LibraryKeys move through the article list.
type LibraryKeys struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
	Open, Filter                                              key.Binding
}

// ReaderKeys scroll the article, search it, toggle highlights and step to
// the next or previous article of the library.
type ReaderKeys struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
	Search, Next, Prev                                        key.Binding
	Companies, People, Places, Figures, Quotes, All           key.Binding
	NextArticle, PrevArticle                                  key.Binding
}

// PanelKeys act on the side panel when it has focus.
// Keep, Edit and Delete are the notes work's: Keep on the Entities and
// Ventures tabs, Edit and Delete on the Notes tab.
type PanelKeys struct {
	Up, Down, Top, Bottom, Jump, Filter key.Binding
	Keep, Edit, Delete                  key.Binding
}

// WebKeys reach the network: refresh the feeds, open the browser, list
// the article's links. Refresh and Browser work in the library too;
// Refresh takes the selected feed, RefreshAll every one (newsboat's r, R).
type WebKeys struct {
	Refresh, Browser, Links key.Binding
	RefreshAll              key.Binding
}

// FeedKeys are the feed reader's (issue 15): the feeds view (F) and its
// moves, the unread flow, read marks and stars. The moves, Open, Tag and
// Switch act in the feeds view; View, Switch, NextUnread, ToggleRead,
// Star, MarkFeed, MarkAll and HideRead in the library as well; ReaderNext,
// ToggleRead and Star in an article.
type FeedKeys struct {
	View, Switch                     key.Binding
	Up, Down, Top, Bottom, Open, Tag key.Binding
	NextUnread, ReaderNext           key.Binding
	ToggleRead, Star                 key.Binding
	MarkFeed, MarkAll, HideRead      key.Binding
}

// LinksKeys act on the links overlay (L); esc closes it too.
type LinksKeys struct {
	Up, Down, Top, Bottom, Open, Close key.Binding
}

// IndexKeys open the index's screens from the library: full-text search
// and the deal tracker.
type IndexKeys struct {
	Search, Deals key.Binding
}

// SearchKeys act on the search screen's results (S); the query is typed in
// the text input.
type SearchKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open, Edit                              key.Binding
}

// DealsKeys act on the deal tracker (D): move, open a deal's sources,
// filter and sort. A deal's sources list takes the moves and Open.
type DealsKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open, Filter                            key.Binding
	ByDate, ByAmount, BySources, ByKind     key.Binding
}

// CompanyKeys reach a company's page and the watchlist. Open (i) opens
// the page of the company under the cursor — an entity of the Entities
// tab, a party of a deal row, the company named at a search result's
// match — and Follow (w) follows or unfollows it (the Entities tab, a deal
// row, the page). The moves and Jump act on the page; Pick chooses which
// party of a deal with several. Merge and Split correct the company
// across every story (company_correct.go).
type CompanyKeys struct {
	Open, Follow                            key.Binding
	Merge, Split                            key.Binding // the page's corrections
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Jump, Pick                              key.Binding
}

// BriefKeys open the daily brief (B) and show only the library's stories
// that name a followed company (W); on the brief, Period changes the
// period it covers and the reader's scroll keys scroll it.
type BriefKeys struct {
	Open, OnlyFollowed, Period key.Binding
}

// InputKeys act on a filter, search or path being typed; other keys are
// text. The editing keys are a shell's (readline's emacs mode), and the
// note editor takes them too.
type InputKeys struct {
	Accept, Cancel, Delete key.Binding
	// Left and Right move a character, WordLeft and WordRight a word;
	// Home and End go to the ends of the line.
	Left, Right, WordLeft, WordRight, Home, End key.Binding
	// DeleteForward deletes the character under the cursor; KillEnd
	// and KillStart delete to the end and the start of the line,
	// KillWord the word before the cursor.
	DeleteForward, KillEnd, KillStart, KillWord key.Binding
}

// DefaultKeyMap returns newsmark's bindings. Keys in the Global group are
// stable: end-to-end tests and the README rely on them.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	k := KeyMap{}
	k.Global = GlobalKeys{
		Quit:     b([]string{"q"}, "q", "back one level (help, links, article); quits in the library or on a lone article"),
		ForceQ:   b([]string{"ctrl+c"}, "ctrl+c", "quit at once"),
		Help:     b([]string{"?"}, "?", "toggle help"),
		Back:     b([]string{"esc"}, "esc", "back: close editor, selection, search/filter, then to library"),
		Focus:    b([]string{"tab"}, "tab", "focus reader / panel"),
		PanelTab: panelTabKeys(b),
		PrevTab:  b([]string{"["}, "[", "previous tab"),
		NextTab:  b([]string{"]"}, "]", "next tab"),
		Panel:    b([]string{"s"}, "s", "hide/show side panel"),
	}
	k.Library = LibraryKeys{
		Up:       b([]string{"k", "up"}, "k/↑", "up"),
		Down:     b([]string{"j", "down"}, "j/↓", "down"),
		PageUp:   b([]string{"pgup", "b", "ctrl+b"}, "pgup/b", "page up (ctrl+b too)"),
		PageDown: b([]string{"pgdown", "space", "ctrl+f"}, "pgdn/space", "page down (ctrl+f too)"),
		HalfUp:   b([]string{"ctrl+u"}, "ctrl+u", "half page up"),
		HalfDown: b([]string{"ctrl+d"}, "ctrl+d", "half page down"),
		Top:      b([]string{"g", "home"}, "g/home", "first article"),
		Bottom:   b([]string{"G", "end"}, "G/end", "last article"),
		Open:     b([]string{"enter"}, "enter", "open article"),
		Filter:   b([]string{"/"}, "/", "filter by title words (close fuzzy matches last)"),
	}
	k.Reader = ReaderKeys{
		Up:        b([]string{"k", "up", "ctrl+y"}, "k/↑/ctrl+y", "scroll up a line"),
		Down:      b([]string{"j", "down", "ctrl+e"}, "j/↓/ctrl+e", "scroll down a line"),
		PageUp:    b([]string{"b", "pgup", "ctrl+b"}, "b/pgup", "page up (ctrl+b too)"),
		PageDown:  b([]string{"space", "pgdown", "ctrl+f"}, "space/pgdn", "page down (ctrl+f too)"),
		HalfUp:    b([]string{"ctrl+u"}, "ctrl+u", "half page up"),
		HalfDown:  b([]string{"ctrl+d"}, "ctrl+d", "half page down"),
		Top:       b([]string{"g", "home"}, "g/home", "top"),
		Bottom:    b([]string{"G", "end"}, "G/end", "bottom"),
		Search:    b([]string{"/"}, "/", "search the article"),
		Next:      b([]string{"n"}, "n", "next match / mention"),
		Prev:      b([]string{"N"}, "N", "previous match / mention"),
		Companies: b([]string{"c"}, "c", "companies on/off"),
		People:    b([]string{"p"}, "p", "people on/off"),
		Places:    b([]string{"P"}, "P", "places on/off"),
		Figures:   b([]string{"f"}, "f", "figures on/off"),
		Quotes:    b([]string{"Q"}, "Q", "quotes on/off (capital Q; q goes back)"),
		All:       b([]string{"t"}, "t", "all highlights on/off"),
		// J and K as in mutt and newsboat's pager; [ and ] are the panel's.
		NextArticle: b([]string{"J"}, "J", "next article in the library"),
		PrevArticle: b([]string{"K"}, "K", "previous article in the library"),
	}
	k.Panel = PanelKeys{
		Up:     b([]string{"k", "up"}, "k/↑", "previous item"),
		Down:   b([]string{"j", "down"}, "j/↓", "next item"),
		Top:    b([]string{"g", "home"}, "g/home", "first item"),
		Bottom: b([]string{"G", "end"}, "G/end", "last item"),
		Jump:   b([]string{"enter"}, "enter", "jump to it in the reader"),
		Filter: b([]string{"/"}, "/", "filter entities"),
		Keep:   b([]string{"h"}, "h", "keep the entity/venture card as a note"),
		Edit:   b([]string{"e"}, "e", "edit the note (Notes tab)"),
		Delete: b([]string{"d"}, "d", "delete the highlight (Notes tab)"),
	}
	k.Notes = notesKeyMap(b)
	k.Select = selectKeyMap(b)
	k.Editor = EditorKeys{
		Save:   b([]string{"ctrl+s"}, "ctrl+s", "save the note"),
		Cancel: b([]string{"esc"}, "esc", "cancel the note"),
		// As in bash's ctrl+x ctrl+e and lazygit's commit message o.
		External: b([]string{"ctrl+o"}, "ctrl+o", "write the note in $VISUAL/$EDITOR"),
	}
	k.Export = ExportKeys{
		Markdown: b([]string{"m"}, "m", "export as Markdown"),
		JSON:     b([]string{"j"}, "j", "export as JSON"),
		CSV:      b([]string{"c"}, "c", "export as CSV (Readwise)"),
		Default:  b([]string{"enter"}, "enter", "export in the default format (export.format in the config file)"),
		Continue: b([]string{"enter"}, "enter", "go on from the preview: choose where to write it"),
		// Asked only when the file exists.
		Overwrite: b([]string{"y"}, "y", "file exists: overwrite it (its mode is kept)"),
		NewName:   b([]string{"n"}, "n", "file exists: type another name"),
		Cancel:    b([]string{"esc"}, "esc", "cancel the export"),
	}
	k.Web = WebKeys{
		Refresh: b([]string{"r"}, "r", "refresh this feed (all when it is no feed's; esc in the library cancels)"),
		Browser: b([]string{"o"}, "o", "open the article in the browser"),
		Links:   b([]string{"L"}, "L", "list the article's links"),
		// newsboat's reload-all.
		RefreshAll: b([]string{"R"}, "R", "refresh every feed"),
	}
	k.Feeds = feedKeyMap(b)
	k.Links = LinksKeys{
		Up:     b([]string{"k", "up"}, "k/↑", "previous link"),
		Down:   b([]string{"j", "down"}, "j/↓", "next link"),
		Top:    b([]string{"g", "home"}, "g/home", "first link"),
		Bottom: b([]string{"G", "end"}, "G/end", "last link"),
		Open:   b([]string{"enter"}, "enter", "open the link in the browser"),
		Close:  b([]string{"L"}, "L", "close the links"),
	}
	k.Input = InputKeys{
		Accept:        b([]string{"enter"}, "enter", "apply"),
		Cancel:        b([]string{"esc"}, "esc", "cancel"),
		Delete:        b([]string{"backspace", "ctrl+h"}, "backspace", "delete the character before the cursor"),
		Left:          b([]string{"left", "ctrl+b"}, "←/ctrl+b", "cursor left"),
		Right:         b([]string{"right", "ctrl+f"}, "→/ctrl+f", "cursor right"),
		WordLeft:      b([]string{"alt+left", "ctrl+left", "alt+b"}, "alt+←/alt+b", "a word left"),
		WordRight:     b([]string{"alt+right", "ctrl+right", "alt+f"}, "alt+→/alt+f", "a word right"),
		Home:          b([]string{"ctrl+a", "home"}, "ctrl+a/home", "start of the line"),
		End:           b([]string{"ctrl+e", "end"}, "ctrl+e/end", "end of the line"),
		DeleteForward: b([]string{"delete", "ctrl+d"}, "del/ctrl+d", "delete the character under the cursor"),
		KillEnd:       b([]string{"ctrl+k"}, "ctrl+k", "delete to the end of the line"),
		KillStart:     b([]string{"ctrl+u"}, "ctrl+u", "delete to the start of the line"),
		KillWord:      b([]string{"ctrl+w", "alt+backspace"}, "ctrl+w", "delete the word before the cursor"),
	}
	k.Index = IndexKeys{
		Search: b([]string{"S"}, "S", "search every story read or cached"),
		Deals:  b([]string{"D"}, "D", "deal tracker: every deal, one row per deal"),
	}
	k.Search = SearchKeys{
		Up:       b([]string{"k", "up"}, "k/↑", "previous result"),
		Down:     b([]string{"j", "down"}, "j/↓", "next result"),
		PageUp:   b([]string{"pgup", "b", "ctrl+b"}, "pgup/b", "page up (ctrl+b too)"),
		PageDown: b([]string{"pgdown", "space", "ctrl+f"}, "pgdn/space", "page down (ctrl+f too)"),
		Top:      b([]string{"g", "home"}, "g/home", "first result"),
		Bottom:   b([]string{"G", "end"}, "G/end", "last result"),
		Open:     b([]string{"enter"}, "enter", "open the story at the match"),
		Edit:     b([]string{"/", "S"}, "/", "change the query"),
	}
	k.Correct = correctKeyMap(b)
	k.Deals = DealsKeys{
		Up:        b([]string{"k", "up"}, "k/↑", "previous deal / source"),
		Down:      b([]string{"j", "down"}, "j/↓", "next deal / source"),
		PageUp:    b([]string{"pgup", "b", "ctrl+b"}, "pgup/b", "page up (ctrl+b too)"),
		PageDown:  b([]string{"pgdown", "space", "ctrl+f"}, "pgdn/space", "page down (ctrl+f too)"),
		Top:       b([]string{"g", "home"}, "g/home", "first deal / source"),
		Bottom:    b([]string{"G", "end"}, "G/end", "last deal / source"),
		Open:      b([]string{"enter"}, "enter", "list the deal's sources; on a source, open it at the deal"),
		Filter:    b([]string{"/"}, "/", "filter: party words, kind: min: max: since: until: status:"),
		ByDate:    b([]string{"d"}, "d", "sort by date (again: reverse)"),
		ByAmount:  b([]string{"a"}, "a", "sort by amount in dollars (again: reverse)"),
		BySources: b([]string{"n"}, "n", "sort by number of sources (again: reverse)"),
		ByKind:    b([]string{"t"}, "t", "sort by kind (again: reverse)"),
	}
	k.Company = CompanyKeys{
		Open:     b([]string{"i"}, "i", "the company's page: its stories, deals, quotes and people"),
		Follow:   b([]string{"w"}, "w", "follow / unfollow the company (the library marks its stories)"),
		Merge:    b([]string{"m"}, "m", "merge it into another company, in every story…"),
		Split:    b([]string{"s"}, "s", "split one of its names off, in every story…"),
		Up:       b([]string{"k", "up"}, "k/↑", "previous item"),
		Down:     b([]string{"j", "down"}, "j/↓", "next item"),
		PageUp:   b([]string{"pgup", "b"}, "pgup/b", "page up"),
		PageDown: b([]string{"pgdown", "space"}, "pgdn/space", "page down"),
		Top:      b([]string{"g", "home"}, "g/home", "first item"),
		Bottom:   b([]string{"G", "end"}, "G/end", "last item"),
		Jump:     b([]string{"enter"}, "enter", "open the story at the item"),
		Pick: b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1–9",
			"choose the party (esc cancels)"),
	}
	k.Brief = BriefKeys{
		Open:         b([]string{"B"}, "B", "the daily brief: deals, companies, your watchlist, your notes"),
		OnlyFollowed: b([]string{"W"}, "W", "only stories about companies you follow (again: all)"),
		Period:       b([]string{"p"}, "p", "the brief's period: 24 hours, 7 days, 30 days"),
	}
	return k
}

// KeySet names a set of bindings that are live together.
type KeySet int

// The panes with keys of their own.
const (
	InLibrary KeySet = iota
	InReader
	InPanel
	InInput
	InSelection
	InEditor
	InExport
	InPreview
	InExists
	InLinks
	InSearch
	InDeals
	InDealSources
	// The company work's.
	InCompany
	InDealParty
	InBrief
	InCorrect     // the correct menu (m)
	InCorrectPick // its merge and split lists
	InFeeds
)

// KeySets is every pane, for tests and the help.
var KeySets = []KeySet{InLibrary, InReader, InPanel, InInput, InSelection, InEditor, InExport, InPreview, InExists, InLinks,
	InSearch, InDeals, InDealSources, InCompany, InDealParty, InBrief, InCorrect, InCorrectPick, InFeeds}

func (p KeySet) String() string {
	return [...]string{"library", "reader", "panel", "input", "selection", "note editor", "export", "export preview",
		"export: file exists", "links", "search", "deals", "a deal's sources", "company page", "a deal's party",
		"brief", "correct", "correct: pick a name", "feeds"}[p]
}

// keySection is a named group of bindings: the one list the help overlay,
// the key-walk test and the README table are all built from. A new binding
// goes into a section here and is then everywhere it must be.
type keySection struct {
	where    string
	bindings []key.Binding
}

// The sections, in README order; each is one column of the help.
const (
	secGlobal = iota
	secLibraryMove
	secLibraryAct
	secLibraryWeb
	secReaderPage
	secReaderJump
	secArticleStep
	secArticleNav
	secArticleTabs
	secArticleToggles
	secArticleWeb
	secPanel
	secLinks
	secInput
	secInputEdit
	// The notes work's sections.
	secReaderNotes
	secArticleNotes
	secPanelNotes
	secSelect
	secSelectScroll
	secEditor
	secExport
	secExportPreview
	secExportExists
	// The index's sections.
	secIndexLibrary
	secSearch
	secDealsMove
	secDealsAct
	secDealSources
	// The company work's sections.
	secCompanyLibrary
	secCompanyPanel
	secCompanySearch
	secCompanyDeals
	secCompanyPage
	secDealParty
	secBrief
	// The corrections' sections.
	secArticleCorrect
	secCorrect
	secCorrectPick
	// The feed reader's sections.
	secLibraryFeeds
	secFeedsMove
	secFeedsAct
	secArticleFeeds
)

func (k KeyMap) sections() []keySection {
	g, l, r, p, in, w, ln, f := k.Global, k.Library, k.Reader, k.Panel, k.Input, k.Web, k.Links, k.Feeds
	const article = "article (reader or panel)"
	return []keySection{
		secGlobal:         {"everywhere", []key.Binding{g.Help, g.Back, g.Quit, g.ForceQ}},
		secLibraryMove:    {"library", []key.Binding{l.Up, l.Down, l.PageUp, l.PageDown, l.HalfUp, l.HalfDown}},
		secLibraryAct:     {"library", []key.Binding{l.Top, l.Bottom, l.Open, l.Filter}},
		secLibraryWeb:     {"library", []key.Binding{w.Refresh, w.Browser}},
		secReaderPage:     {"reader", []key.Binding{r.Up, r.Down, r.PageUp, r.PageDown}},
		secReaderJump:     {"reader", []key.Binding{r.HalfUp, r.HalfDown, r.Top, r.Bottom, r.Search}},
		secArticleStep:    {article, []key.Binding{r.Next, r.Prev, g.Focus, g.Panel}},
		secArticleNav:     {article, []key.Binding{r.NextArticle, r.PrevArticle}},
		secArticleTabs:    {article, append(append([]key.Binding(nil), g.PanelTab...), g.PrevTab, g.NextTab)},
		secArticleToggles: {article, []key.Binding{r.Companies, r.People, r.Places, r.Figures, r.Quotes, r.All}},
		secArticleWeb:     {article, []key.Binding{w.Refresh, w.Browser, w.Links}},
		secPanel:          {"panel (focused)", []key.Binding{p.Up, p.Down, p.Top, p.Bottom, p.Jump, p.Filter}},
		secInput:          {"typing a filter, search or path", []key.Binding{g.ForceQ, in.Accept, in.Cancel, in.Delete}},
		secInputEdit: {"typing (and the note editor)", []key.Binding{in.Left, in.Right, in.WordLeft, in.WordRight,
			in.Home, in.End, in.DeleteForward, in.KillEnd, in.KillStart, in.KillWord}},
		secReaderNotes:  {"reader", k.Notes.readerBindings()},
		secArticleNotes: {article, []key.Binding{k.Notes.Undo, k.Notes.Export}},
		secPanelNotes:   {"panel (focused)", []key.Binding{p.Keep, p.Edit, p.Delete}},
		secSelect:       {"selection (after v)", k.selectOwn()},
		secSelectScroll: {"selection (after v)", []key.Binding{k.Select.LineDown, k.Select.LineUp, r.PageDown, k.Select.PageUp,
			r.HalfUp, r.HalfDown, r.Top, r.Bottom}},
		secEditor: {"note editor", []key.Binding{g.ForceQ, k.Editor.Save, k.Editor.Cancel, k.Editor.External}},
		secExport: {"export (after x)", []key.Binding{g.ForceQ, k.Export.Markdown, k.Export.JSON, k.Export.CSV, k.Export.Default,
			k.Export.Cancel}},
		secExportPreview: {"export preview (after the format)", []key.Binding{g.ForceQ, k.Export.Continue, k.Export.Cancel,
			r.Down, r.Up, r.PageDown, r.PageUp, r.HalfDown, r.HalfUp, r.Top, r.Bottom}},
		secExportExists: {"export (the file exists)", []key.Binding{g.ForceQ, k.Export.Overwrite, k.Export.NewName, k.Export.Cancel}},
		secLinks:        {"links list (L)", []key.Binding{ln.Up, ln.Down, ln.Top, ln.Bottom, ln.Open, ln.Close}},
		secIndexLibrary: {"library", []key.Binding{k.Index.Search, k.Index.Deals}},
		secSearch: {"search results (S)", []key.Binding{k.Search.Up, k.Search.Down, k.Search.PageUp, k.Search.PageDown,
			k.Search.Top, k.Search.Bottom, k.Search.Open, k.Search.Edit, k.Notes.Undo}},
		secDealsMove: {"deals (D)", []key.Binding{k.Deals.Up, k.Deals.Down, k.Deals.PageUp, k.Deals.PageDown,
			k.Deals.Top, k.Deals.Bottom, k.Deals.Open}},
		secDealsAct: {"deals (D)", []key.Binding{k.Deals.Filter, k.Deals.ByDate, k.Deals.ByAmount, k.Deals.BySources,
			k.Deals.ByKind, k.Notes.Undo}},
		secDealSources: {"a deal's sources (enter in D)", []key.Binding{k.Deals.Up, k.Deals.Down, k.Deals.Top,
			k.Deals.Bottom, k.Deals.Open, k.Notes.Undo}},
		secCompanyLibrary: {"library", []key.Binding{k.Brief.Open, k.Brief.OnlyFollowed}},
		secCompanyPanel:   {"panel, Entities tab (focused)", []key.Binding{k.Company.Open, k.Company.Follow}},
		secCompanySearch:  {"search results (S)", []key.Binding{k.Company.Open}},
		secCompanyDeals:   {"deals (D)", []key.Binding{k.Company.Open, k.Company.Follow}},
		secCompanyPage: {"company page (i)", []key.Binding{k.Company.Up, k.Company.Down, k.Company.PageUp,
			k.Company.PageDown, k.Company.Top, k.Company.Bottom, k.Company.Jump, k.Company.Follow, k.Company.Merge,
			k.Company.Split, k.Notes.Undo}},
		secDealParty: {"a deal's party (i or w in D)", []key.Binding{k.Company.Pick}},
		secBrief: {"brief (B)", []key.Binding{k.Brief.Period, r.Down, r.Up, r.PageDown, r.PageUp, r.HalfDown, r.HalfUp,
			r.Top, r.Bottom, k.Notes.Undo}},
		secArticleCorrect: {article, []key.Binding{k.Correct.Open}},
		secCorrect: {"correct menu (after m)", []key.Binding{g.ForceQ, k.Correct.Company, k.Correct.Person, k.Correct.Place,
			k.Correct.NotAName, k.Correct.Merge, k.Correct.Split, k.Correct.ThisArticle, k.Correct.NextName, k.Correct.Cancel}},
		secCorrectPick: {"merge or split list (after m m, m s; m, s on a company page)", []key.Binding{g.ForceQ, k.Correct.Up, k.Correct.Down,
			k.Correct.Pick, k.Correct.Back, in.Delete}},
		secLibraryFeeds: {"library", []key.Binding{f.View, f.Switch, f.NextUnread, f.ToggleRead, f.Star, f.MarkFeed,
			f.MarkAll, f.HideRead, w.RefreshAll, k.Notes.Undo}},
		secFeedsMove: {"feeds view (F)", []key.Binding{f.Up, f.Down, f.Top, f.Bottom, f.Open, f.Switch}},
		secFeedsAct: {"feeds view (F)", []key.Binding{f.Tag, f.NextUnread, f.MarkFeed, f.MarkAll, f.HideRead,
			w.Refresh, w.RefreshAll, k.Notes.Undo, f.View}},
		secArticleFeeds: {article, []key.Binding{f.ReaderNext, f.ToggleRead, f.Star}},
	}
}

// readerWide are the reader's bindings that act whichever pane has focus
// (and in a selection): the root passes them to the reader.
func (k KeyMap) readerWide() []key.Binding {
	r := k.Reader
	return []key.Binding{r.Next, r.Prev, r.Companies, r.People, r.Places, r.Figures, r.Quotes, r.All,
		k.Web.Links, k.Web.Browser, k.Notes.Export}
}

// panelWide are the panel's bindings that act whichever pane has focus:
// the tab keys. The root passes them to the panel.
func (k KeyMap) panelWide() []key.Binding {
	return append(append([]key.Binding(nil), k.Global.PanelTab...), k.Global.PrevTab, k.Global.NextTab)
}

// matches reports whether msg is one of bindings.
func matches(msg tea.KeyPressMsg, bindings []key.Binding) bool {
	for _, b := range bindings {
		if key.Matches(msg, b) {
			return true
		}
	}
	return false
}

// panelTabKeys binds 1, 2, … to the panel's tabs, in panelTabs order.
func panelTabKeys(b bindFunc) []key.Binding {
	keys := make([]key.Binding, len(panelTabs))
	for i, t := range panelTabs {
		n := strconv.Itoa(i + 1)
		keys[i] = b([]string{n}, n, strings.ToLower(t.name)+" tab")
	}
	return keys
}

// paneSections are the sections live in each pane, most specific first.
var paneSections = map[KeySet][]int{
	InLibrary: {secLibraryMove, secLibraryAct, secLibraryWeb, secIndexLibrary, secLibraryFeeds, secCompanyLibrary, secGlobal},
	InReader: {secReaderPage, secReaderJump, secReaderNotes, secArticleStep, secArticleNav, secArticleTabs, secArticleToggles,
		secArticleNotes, secArticleCorrect, secArticleWeb, secArticleFeeds, secGlobal},
	InPanel: {secPanel, secPanelNotes, secCompanyPanel, secArticleStep, secArticleNav, secArticleTabs, secArticleToggles,
		secArticleNotes, secArticleCorrect, secArticleWeb, secArticleFeeds, secGlobal},
	InInput: {secInput, secInputEdit},
	InSelection: {secSelect, secSelectScroll, secArticleStep, secArticleTabs, secArticleToggles, secArticleNotes,
		secArticleCorrect, secGlobal},
	InEditor:  {secEditor, secInputEdit},
	InExport:  {secExport},
	InPreview: {secExportPreview},
	InExists:  {secExportExists},
	InLinks:   {secLinks, secGlobal},
	// The index's screens.
	InSearch:      {secSearch, secCompanySearch, secGlobal},
	InDeals:       {secDealsMove, secDealsAct, secCompanyDeals, secGlobal},
	InDealSources: {secDealSources, secGlobal},
	// The company work's screens.
	InCompany:   {secCompanyPage, secGlobal},
	InDealParty: {secDealParty, secGlobal},
	InBrief:     {secBrief, secGlobal},
	// The correct menu.
	InCorrect:     {secCorrect},
	InCorrectPick: {secCorrectPick},
	// The feeds view's column of feeds (F); its items are the library's.
	InFeeds: {secFeedsMove, secFeedsAct, secGlobal},
}

// Bindings returns every binding live in pane p: the key-walk test proves no
// key in it is bound twice.
func (k KeyMap) Bindings(p KeySet) []key.Binding {
	var out []key.Binding
	for _, g := range k.helpGroups(p) {
		out = append(out, g...)
	}
	return out
}

// helpGroups is the full help of pane p, a column per section.
func (k KeyMap) helpGroups(p KeySet) [][]key.Binding {
	secs := k.sections()
	cols := make([][]key.Binding, 0, len(paneSections[p]))
	for _, i := range paneSections[p] {
		cols = append(cols, secs[i].bindings)
	}
	return cols
}

// KeyTable is the README's key table of the default bindings (a test
// keeps README.md in step with it).
func KeyTable() string { return DefaultKeyMap().Table() }

// Table is the key table of k, generated from its sections: where, keys,
// what they do.
func (k KeyMap) Table() string {
	var b strings.Builder
	b.WriteString("| Where | Keys | Does |\n|---|---|---|\n")
	for _, sec := range k.sections() {
		for _, x := range sec.bindings {
			keys := make([]string, len(x.Keys()))
			for i, s := range x.Keys() {
				keys[i] = "`" + s + "`"
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", sec.where, strings.Join(keys, " "), x.Help().Desc)
		}
	}
	return b.String()
}
