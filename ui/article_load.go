package ui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/model"
	"newsmark/segment"
)

// articleLoadedMsg is the full article read by Entry.Load, or fetched.
type articleLoadedMsg struct {
	gen     int
	article model.Article
	err     error
}

func loadArticle(gen int, e articles.Entry) tea.Cmd {
	return func() tea.Msg {
		a, err := e.Load()
		if err == nil && len(a.Sentences) == 0 {
			// The sentence cursor needs them; loaders fill them, fixtures may not.
			a.Sentences = segment.Sentences(a.Body)
		}
		return articleLoadedMsg{gen: gen, article: a, err: err}
	}
}

// load is the Cmd that loads e for the reader as open generation gen:
// through the network (cancellable by esc, with the spinner) when it is a
// web item, which is then read (unread says it was not).
func (n *network) load(gen int, e articles.Entry, unread bool) (tea.Cmd, request) {
	n.stopLoad()
	wi, ok := n.items[e.Meta.ID]
	if !ok {
		return loadArticle(gen, e), nil
	}
	var req request
	n.loadUnread.gen, n.loadUnread.id = gen, ""
	if unread {
		n.loadUnread.id = e.Meta.ID
		req = unreadMsg{ids: []string{e.Meta.ID}}
	}
	ctx, cancel := context.WithCancel(context.Background())
	n.loadGen, n.loadCancel = gen, cancel
	meta, c, cl := e.Meta, n.opts.Cache, n.opts.Client
	load := func() tea.Msg {
		var a model.Article
		var err error
		switch {
		case wi.cached && c != nil:
			a, err = c.LoadContext(ctx, articles.Entry{Meta: meta})
		case wi.item != nil:
			a, err = wi.item.Entry(ctx, cl, wi.feed).Load()
		default:
			err = errors.New("the feed cache is not open")
		}
		return articleLoadedMsg{gen: gen, article: a, err: err}
	}
	return tea.Batch(load, n.spin()), req
}

// stopLoad cancels the article fetch in flight, if any.
func (n *network) stopLoad() bool {
	if n.loadGen == 0 {
		return false
	}
	n.loadCancel()
	n.loadGen = 0
	return true
}

// loaded is told of every article load, current or not: the fetch is over,
// and an item that failed to load stays unread.
func (n *network) loaded(msg articleLoadedMsg) request {
	if msg.gen == n.loadGen {
		n.loadGen = 0
	}
	if lu := &n.loadUnread; msg.err != nil && msg.gen == lu.gen && lu.id != "" {
		id := lu.id
		lu.id = ""
		return unreadMsg{ids: []string{id}, unread: true}
	}
	return nil
}
