package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The reader's keys. Some work whichever pane has focus (the highlight
// toggles, n/N, L, o, x: KeyMap.readerWide); the root passes them on. In a
// selection the selection's keys come first (reader_notes.go).

// key handles a key given to the reader.
func (r *readerPane) key(msg tea.KeyPressMsg) (tea.Cmd, request) {
	if key.Matches(msg, r.keys.Correct.Open) {
		return nil, r.correctRequest()
	}
	if r.cur.selecting {
		if cmd, req, ok := r.selectKey(msg); ok {
			return cmd, req
		}
	} else if cmd, req, ok := r.notesKey(msg); ok {
		return cmd, req
	}
	k, w := r.keys.Reader, r.keys.Web
	switch {
	case key.Matches(msg, k.Next):
		return nil, r.step(1)
	case key.Matches(msg, k.Prev):
		return nil, r.step(-1)
	case key.Matches(msg, k.Companies):
		r.toggle(kindCompany)
	case key.Matches(msg, k.People):
		r.toggle(kindPerson)
	case key.Matches(msg, k.Places):
		r.toggle(kindPlace)
	case key.Matches(msg, k.Figures):
		r.toggle(kindFigure)
	case key.Matches(msg, k.Quotes):
		r.toggle(kindQuote)
	case key.Matches(msg, k.All):
		r.toggle()
	case key.Matches(msg, w.Links):
		if len(r.article.Links) == 0 {
			return nil, status("this article has no links")
		}
		return nil, showLinksMsg{r.article.Links}
	case key.Matches(msg, w.Browser):
		return nil, browse(r.article.URL)
	case key.Matches(msg, r.keys.Notes.Export):
		if len(r.cur.highlights) == 0 {
			return nil, status("no highlights in this article to export")
		}
		return nil, exportMsg{r.article, r.cur.highlights}
	case r.cur.selecting:
		// Nothing else acts in a selection: the key is swallowed.
	case key.Matches(msg, k.Search):
		return nil, startInputMsg{inputSearch, r.search}
	default:
		r.scroll(msg)
	}
	return nil, nil
}

// searched runs the search typed (enter); an empty one ends the search.
func (r *readerPane) searched(msg inputMsg) tea.Cmd {
	if msg.state != inputAccepted {
		return nil
	}
	if msg.value == "" {
		r.clearSearch()
		return nil
	}
	return searchBody(r.gen, r.article.Body, msg.value)
}

// back closes the selection, else the search (esc); it reports whether
// there was one.
func (r *readerPane) back() bool { return r.cancelSelection() || r.clearSearch() }

// scroll moves the view by the reader's scrolling keys; it reports whether
// msg was one.
func (r *readerPane) scroll(msg tea.KeyPressMsg) bool {
	page := r.bodyHeight()
	off, ok := scrolled(msg, r.keys.Reader, r.offset, page, max(page/2, 1), r.maxOffset())
	if !ok {
		return false
	}
	r.offset, r.pos.moved = off, true
	r.clamp()
	return true
}

// step moves to the next (dir 1) or previous (dir -1) search match when a
// search is active, else the selected entity's mention; it says why not.
func (r *readerPane) step(dir int) request {
	if r.search != "" {
		n := len(r.decor.matches)
		if n == 0 {
			return status("no match for " + r.search)
		}
		r.decor.current = (r.decor.current + dir + n) % n
		r.scrollTo(r.decor.matches[r.decor.current].Start)
		return nil
	}
	n := len(r.mentions)
	if n == 0 {
		return status("select an entity in the Entities tab (2) to step through its mentions")
	}
	if r.mention < 0 && dir < 0 {
		r.mention = 0
	}
	r.mention = (r.mention + dir + n) % n
	r.scrollTo(r.mentions[r.mention].Start)
	return nil
}
