package ui

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"newsmark/model"
	"newsmark/sanitize"
)

// The company work's root side: opening a company's page from what the
// reader points at (an entity, a search result, a deal's party), following
// and unfollowing, the library's marks on stories that name a followed
// company, and after a refresh the word on new stories about them ("3 new
// stories about SoftBank"). Every read and write runs in a tea.Cmd.

// Requests and results of the company work.
type (
	// entityCompanyMsg asks for the company an entity of the open article
	// is: its page (follow false) or a follow toggle.
	entityCompanyMsg struct {
		entity model.Entity
		follow bool
	}
	// hitCompanyMsg asks for the page of the company named at a search
	// result's match.
	hitCompanyMsg struct {
		id string
		at model.Span
	}
	// followMsg asks to follow company (under name), or to unfollow it
	// when it is followed.
	followMsg struct{ company, name string }
	// followedMsg is what a follow toggle did.
	followedMsg struct {
		company, name string
		following     bool
		err           error
	}
	// followedMarksMsg are the library's stories that name a followed
	// company, with those companies' names.
	followedMarksMsg struct {
		marks map[string][]string
		err   error
	}
	// newFollowedMsg counts, per followed company, the new stories that
	// name it.
	newFollowedMsg struct {
		counts map[string]int
		err    error
	}
)

// watchState is what the root keeps of the watchlist between messages.
type watchState struct {
	fresh []string // a refresh's new items, waiting for their indexing to end
	due   bool     // the refresh is over: say what the new items hold once indexed
}

// indexOff is why the company work cannot run, "" when it can.
func (m *Model) indexOff() string {
	if m.opts.Index != nil {
		return ""
	}
	if m.opts.IndexStatus != "" {
		return m.opts.IndexStatus
	}
	return "company pages and the watchlist need the database, and none is open"
}

// applyCompany carries out the company work's requests; ok is false for
// any other request.
func (m *Model) applyCompany(req request) (tea.Cmd, bool) {
	switch req.(type) {
	case openCompanyMsg, entityCompanyMsg, hitCompanyMsg, followMsg:
		if m.opts.Index == nil && m.waitStorage(func(m *Model) tea.Cmd { cmd, _ := m.applyCompany(req); return cmd }) {
			return nil, true
		}
	}
	switch req := req.(type) {
	case openCompanyMsg:
		return m.openCompany(req), true
	case entityCompanyMsg:
		return m.entityCompany(req), true
	case hitCompanyMsg:
		if why := m.indexOff(); why != "" {
			m.setStatus(why, true)
			return nil, true
		}
		ix := m.opts.Index
		return func() tea.Msg {
			company, name, err := ix.CompanyAt(context.Background(), req.id, req.at)
			switch {
			case err != nil:
				return failure(sanitize.Line(err.Error()))
			case company == "":
				return status("this story names no company")
			}
			return openCompanyMsg{company: company, name: name}
		}, true
	case followMsg:
		if why := m.indexOff(); why != "" {
			m.setStatus(why, true)
			return nil, true
		}
		ix := m.opts.Index
		return func() tea.Msg {
			on, err := ix.ToggleFollow(context.Background(), req.company, req.name)
			return followedMsg{company: req.company, name: req.name, following: on, err: err}
		}, true
	}
	return nil, false
}

// openCompany shows a company's page; esc goes back to the screen it was
// opened from.
func (m *Model) openCompany(req openCompanyMsg) tea.Cmd {
	if why := m.indexOff(); why != "" {
		m.setStatus(why, true)
		return nil
	}
	if m.screen != screenCompany {
		m.companyFrom = m.screen
	}
	m.screen = screenCompany
	return m.company.open(req.company, req.name)
}

// entityCompany works out the company of an entity of the open article,
// then opens its page or toggles following it.
func (m *Model) entityCompany(req entityCompanyMsg) tea.Cmd {
	e := req.entity
	if e.Kind != model.Company {
		m.setStatus(sanitize.Line(e.Name())+" is a "+string(e.Kind)+", not a company", false)
		return nil
	}
	if why := m.indexOff(); why != "" {
		m.setStatus(why, true)
		return nil
	}
	a, ok := m.reader.loadedArticle()
	if !ok {
		return nil
	}
	ix := m.opts.Index
	return func() tea.Msg {
		company, err := ix.CompanyOf(context.Background(), a, e)
		switch {
		case err != nil:
			return failure(sanitize.Line(err.Error()))
		case company == "":
			return status(sanitize.Line(e.Name()) + " has no name to know it by across stories")
		case req.follow:
			return followMsg{company: company, name: e.Name()}
		}
		return openCompanyMsg{company: company, name: e.Name()}
	}
}

// deliverCompany gives the company work's results to their panes; ok is
// false for any other message.
func (m *Model) deliverCompany(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case companyLoadedMsg, companyMatchesMsg:
		return m.route(&m.company, msg), true
	case followedMsg:
		if msg.err != nil {
			m.setStatus("the watchlist: "+sanitize.Line(msg.err.Error()), true)
			return nil, true
		}
		name := sanitize.Line(msg.name)
		if msg.following {
			m.setStatus("following "+name+": the library marks its stories, B's brief tells what it said", false)
		} else {
			m.setStatus("no longer following "+name, false)
		}
		return tea.Batch(m.route(&m.company, msg), m.loadMarks()), true
	case followedMarksMsg:
		return m.route(&m.library, msg), true
	case newFollowedMsg:
		if msg.err == nil {
			if s := newStoriesText(msg.counts); s != "" {
				m.setStatus(s, false)
			}
		}
		return nil, true
	case briefMsg:
		return m.route(&m.brief, msg), true
	}
	return nil, false
}

// loadMarks reads which of the library's stories name a followed company.
func (m *Model) loadMarks() tea.Cmd {
	if m.opts.Index == nil || len(m.library.entries) == 0 {
		return nil
	}
	ix := m.opts.Index
	ids := make([]string, len(m.library.entries))
	for i, e := range m.library.entries {
		ids[i] = e.Meta.ID
	}
	return func() tea.Msg {
		marks, err := ix.FollowedStories(context.Background(), ids)
		return followedMarksMsg{marks: marks, err: err}
	}
}

// idle reports whether the background indexing has nothing left to do.
func (q *indexQueue) idle() bool {
	return !q.busy && len(q.todo) == 0 && len(q.pending) == 0 && !q.listCache && !q.askStatus
}

// watchCheck says, once a refresh is over and its new items are indexed,
// how many of them name each followed company.
func (m *Model) watchCheck() tea.Cmd {
	if !m.watch.due || !m.idx.idle() || (m.idx.writes() && !m.idx.started) {
		return nil
	}
	ids := m.watch.fresh
	m.watch.fresh, m.watch.due = nil, false
	if m.opts.Index == nil || len(ids) == 0 {
		return nil
	}
	ix := m.opts.Index
	return func() tea.Msg {
		marks, err := ix.FollowedStories(context.Background(), ids)
		counts := map[string]int{}
		for _, names := range marks {
			for _, n := range names {
				counts[n]++
			}
		}
		return newFollowedMsg{counts: counts, err: err}
	}
}

// newStoriesText is "3 new stories about SoftBank, 1 about Kovacs", most
// first; "" for none.
func newStoriesText(counts map[string]int) string {
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(counts[b]-counts[a], strings.Compare(a, b)) })
	var parts []string
	for i, n := range names {
		if i == 0 {
			parts = append(parts, fmt.Sprintf("%s about %s", plural(counts[n], "new story", "new stories"), sanitize.Line(n)))
			continue
		}
		parts = append(parts, fmt.Sprintf("%d about %s", counts[n], sanitize.Line(n)))
	}
	return strings.Join(parts, ", ")
}
