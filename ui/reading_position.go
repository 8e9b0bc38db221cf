package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsmark/model"
)

// Reading positions: an article opens where the reader left it, as in less
// and Readwise Reader. The place is the byte offset into the body of the
// first line on screen, so a new window width does not move it. It is read
// in a tea.Cmd when the article is ready and written in one when the reader
// leaves the article (the library, J/K, another article, quitting).

// Positions keeps where the reader left each article; store.DB has these
// methods (cli passes it in). Nil Options.Positions keeps nothing.
type Positions interface {
	// ReadingPosition is the kept offset of the article with this ID,
	// else under its locator (a URL or path); ok is false for none.
	ReadingPosition(ctx context.Context, id, locator string) (offset int, ok bool, err error)
	// SetReadingPosition keeps offset for the article; 0 forgets it.
	SetReadingPosition(ctx context.Context, id, locator string, offset int) error
}

// positionMsg is where the reader left the article of generation gen.
type positionMsg struct {
	gen    int
	offset int
	ok     bool
}

// positionTimeout bounds a read or write: a database another program holds
// locked must not hold up quitting for store's whole busy wait.
const positionTimeout = 2 * time.Second

func loadPosition(gen int, a model.Article, p Positions) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), positionTimeout)
		defer cancel()
		off, ok, err := p.ReadingPosition(ctx, a.ID, a.Locator())
		return positionMsg{gen: gen, offset: off, ok: ok && err == nil}
	}
}

// savePosition keeps offset for a. A failure is not reported: the
// position is a convenience, and the reader is on its way elsewhere.
func savePosition(a model.Article, offset int, p Positions) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), positionTimeout)
		defer cancel()
		_ = p.SetReadingPosition(ctx, a.ID, a.Locator(), offset)
		return nil
	}
}

// readingPos is the reader's side of it.
type readingPos struct {
	known   bool // the kept position has been read (or there was none)
	pending int  // an offset to go to once the text is wrapped; -1 none
	moved   bool // a key or a jump moved the text since it opened
}

// setPosition takes the kept position: the text goes there unless the
// reader moved it first; the status bar says so.
func (r *readerPane) setPosition(msg positionMsg) request {
	r.pos.known = true
	if !msg.ok || msg.offset <= 0 || r.pos.moved {
		return nil
	}
	r.pos.pending = msg.offset
	return r.goToPosition()
}

// goToPosition goes to the pending position once there are lines to go to.
func (r *readerPane) goToPosition() request {
	if r.pos.pending < 0 || len(r.wrapped.Lines) == 0 || r.wrapping != 0 {
		return nil
	}
	r.offset = r.wrapped.LineOf(min(r.pos.pending, len(r.article.Body)))
	r.pos.pending = -1
	r.clamp()
	if r.offset == 0 {
		return nil
	}
	return status("back where you left off (" + firstKey(r.keys.Reader.Top) + " goes to the top)")
}

// position is what to keep of where the reader is: the first line's byte
// offset; ok is false before the article and its kept position are in.
func (r *readerPane) position() (model.Article, int, bool) {
	if !r.loaded || !r.pos.known || len(r.wrapped.Lines) == 0 || r.offset >= len(r.wrapped.Lines) {
		return model.Article{}, 0, false
	}
	off := 0
	if r.offset > 0 {
		off = r.wrapped.Lines[r.offset].Start
	}
	return r.article, off, true
}
