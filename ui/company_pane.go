package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/index"
	"newsmark/sanitize"
)

// companyPane is a company's page (i): who the stories tie to it (with
// their roles), its deals, the quotes by it and its people and about it,
// and every story naming it with the sentence, newest first; first and
// last seen. enter opens the story at the item, w follows or unfollows.
//
// Its first frame comes from the newest companyFirstPage stories, the
// page of the newest companyPageLimit in a second Cmd (a company named in
// most of a large library would otherwise cost a read of each story
// before anything shows). View draws the visible rows only.
type companyPane struct {
	common
	ix *index.Index

	company, name string // the identity, and the name it was opened by
	page          *index.CompanyPage
	seq           int  // bumped per open: older loads are dropped
	full          bool // the page of companyPageLimit stories arrived
	loading       bool
	err           string
	following     bool
	pick          *companyPick // m or s: the list that has the keyboard (company_correct.go)

	rows           []companyRow
	cursor, offset int // cursor: a row index; offset: the first row drawn
	width, height  int
}

// companyRow is one row of the page: a section heading, or an item that
// enter opens.
type companyRow struct {
	heading     bool
	first, rest string // the row's lines, sanitised; rest may be ""
	style       func(*Styles) func(...string) string
	open        openStoredMsg
}

// How many of a company's newest stories the first frame reads, and the
// page after it.
const (
	companyFirstPage = 60
	companyPageLimit = 1000
)

// companyHeaderLines are the name, the facts and the rule.
const companyHeaderLines = 3

// Messages of the company page.
type (
	// openCompanyMsg asks the root to show company's page; name is how
	// the reader saw it named.
	openCompanyMsg struct{ company, name string }
	// companyLoadedMsg is a read of the page.
	companyLoadedMsg struct {
		seq       int
		page      *index.CompanyPage
		ok, full  bool
		following bool
		err       error
	}
)

func newCompanyPane(c common, ix *index.Index) companyPane { return companyPane{common: c, ix: ix} }

// open shows company's page: the first frame's read, then the page's.
func (p *companyPane) open(company, name string) tea.Cmd {
	p.seq++
	p.company, p.name, p.pick = company, name, nil
	p.page, p.rows, p.full, p.loading, p.err = nil, nil, false, true, ""
	p.cursor, p.offset = 0, 0
	ix, seq := p.ix, p.seq
	read := func(limit int) tea.Cmd {
		return func() tea.Msg {
			ctx := context.Background()
			page, ok, err := ix.CompanyPage(ctx, company, index.PageOptions{Limit: limit})
			msg := companyLoadedMsg{seq: seq, page: page, ok: ok, full: limit == companyPageLimit, err: err}
			if err == nil {
				msg.following, msg.err = ix.IsFollowed(ctx, company)
			}
			return msg
		}
	}
	return tea.Batch(read(companyFirstPage), read(companyPageLimit))
}

// Update handles the page's keys, its reads and a follow's result.
func (p *companyPane) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if p.pick != nil {
			return p.pickKey(msg)
		}
		return p.key(msg)
	case companyMatchesMsg:
		return nil, p.matched(msg)
	case companyLoadedMsg:
		p.loaded(msg)
	case followedMsg:
		if msg.err == nil && msg.company == p.company {
			p.following = msg.following
		}
	case indexChangedMsg:
		if p.company != "" {
			return p.reload(), nil
		}
	}
	return nil, nil
}

// reload reads the page again, keeping the cursor where it is.
func (p *companyPane) reload() tea.Cmd {
	cursor, offset, pick := p.cursor, p.offset, p.pick
	page, rows := p.page, p.rows
	cmd := p.open(p.company, p.name)
	p.page, p.rows, p.cursor, p.offset, p.pick = page, rows, cursor, offset, pick // a list being typed in stays
	return cmd
}

// loaded takes a read of the page. The first frame's read never replaces
// the page of the same open (the two Cmds may end in either order).
func (p *companyPane) loaded(msg companyLoadedMsg) {
	if msg.seq != p.seq || (!msg.full && p.full) {
		return
	}
	if msg.full {
		p.full, p.loading = true, false
	}
	if msg.err != nil {
		p.err = sanitize.Line(msg.err.Error())
		return
	}
	p.following = msg.following
	if !msg.ok {
		p.page, p.rows = nil, nil
		return
	}
	p.page = msg.page
	p.rows = companyRows(msg.page)
	p.cursor = min(p.cursor, len(p.rows)-1)
	if p.cursor < 0 || p.rows[p.cursor].heading {
		p.cursor = p.nextItem(-1, 1)
	}
	p.follow()
}

// companyRows lays the page out: people, deals, quotes, stories.
func companyRows(pg *index.CompanyPage) []companyRow {
	var rows []companyRow
	head := func(s string) { rows = append(rows, companyRow{heading: true, first: s}) }
	subtle := func(s string) {
		rows = append(rows, companyRow{heading: true, first: s, style: func(st *Styles) func(...string) string { return st.Subtle.Render }})
	}

	title := fmt.Sprintf("People (%d)", len(pg.People))
	switch {
	case len(pg.People) == 0:
	case pg.RolesFromText:
		title += " · roles: from the text"
	default:
		title += " · a title beside the name in the same sentence"
	}
	head(title)
	if len(pg.People) == 0 {
		subtle("no story ties a person to it")
	}
	for _, pp := range pg.People {
		rows = append(rows, companyRow{first: sanitize.Line(pp.Role()) + " · " + plural(pp.Stories, "story", "stories"),
			rest: sanitize.Line(pp.Sentence), open: openStoredMsg{id: pp.ArticleID, at: pp.Evidence},
			style: func(st *Styles) func(...string) string { return st.Person.Render }})
	}

	head(fmt.Sprintf("Deals (%d)", len(pg.Deals)))
	if len(pg.Deals) == 0 {
		subtle("no deal of its was reported")
	}
	for _, d := range pg.Deals {
		parts := []string{dealDate(d.Date), d.Kind.Title(), strings.Join(d.PartyNames(), ", ")}
		if d.Amount != "" {
			parts = append(parts, d.Amount)
		}
		parts = append(parts, plural(len(d.Sources), "source", "sources"))
		src := d.Sources[0]
		rows = append(rows, companyRow{first: sanitize.Line(strings.Join(parts, " · ")), open: openStoredMsg{id: src.ArticleID, at: src.Evidence}})
	}

	var by, about []index.CompanyQuote
	for _, q := range pg.Quotes {
		if q.By {
			by = append(by, q)
		} else {
			about = append(about, q)
		}
	}
	for _, sec := range []struct {
		title string
		qs    []index.CompanyQuote
	}{{"Quotes by it and its people", by}, {"Quotes about it", about}} {
		head(fmt.Sprintf("%s (%d)", sec.title, len(sec.qs)))
		if len(sec.qs) == 0 {
			subtle("none")
		}
		for _, q := range sec.qs {
			who := q.Speaker
			if q.Title != "" && who != "" {
				who = q.Title + " " + who
			}
			if who == "" {
				who = "unattributed"
			}
			rows = append(rows, companyRow{first: "“" + sanitize.Line(strings.TrimRight(strings.TrimSpace(q.Text), ",")) + "”",
				rest:  "— " + sanitize.Line(who) + " · " + sanitize.Line(orUntitled(q.Story)) + " · " + dealDate(q.Date),
				open:  openStoredMsg{id: q.ArticleID, at: q.At},
				style: func(st *Styles) func(...string) string { return st.Quote.Render }})
		}
	}

	title = fmt.Sprintf("Stories (%s)", thousands(pg.Total))
	if pg.Partial() {
		title += fmt.Sprintf(" · the newest %s", thousands(len(pg.Stories)))
	}
	head(title)
	for _, s := range pg.Stories {
		meta := []string{dealDate(s.Date)}
		if src := sanitize.Line(s.Source); src != "" {
			meta = append(meta, src)
		}
		sent := sanitize.Line(s.Sentence)
		if sent == "" {
			sent = "named as " + sanitize.Line(s.Name) + " in the title or byline"
		}
		rows = append(rows, companyRow{first: sanitize.Line(orUntitled(s.Title)) + " · " + strings.Join(meta, " · "), rest: sent,
			open: openStoredMsg{id: s.ArticleID, at: s.At}})
	}
	return rows
}

func orUntitled(s string) string {
	if s == "" {
		return "(untitled)"
	}
	return s
}

// key moves through the page's items; enter opens the story at the item,
// w follows or unfollows the company, m and s open the merge and split
// lists.
func (p *companyPane) key(msg tea.KeyPressMsg) (tea.Cmd, request) {
	k := p.keys.Company
	switch {
	case key.Matches(msg, k.Merge):
		return p.startPick(false)
	case key.Matches(msg, k.Split):
		return p.startPick(true)
	}
	return nil, p.moveKey(msg)
}

// moveKey moves through the page's items, opens one, follows.
func (p *companyPane) moveKey(msg tea.KeyPressMsg) request {
	k := p.keys.Company
	switch {
	case key.Matches(msg, k.Down):
		p.cursor = p.nextItem(p.cursor, 1)
	case key.Matches(msg, k.Up):
		p.cursor = p.nextItem(p.cursor, -1)
	case key.Matches(msg, k.PageDown):
		for range p.perPage() {
			p.cursor = p.nextItem(p.cursor, 1)
		}
	case key.Matches(msg, k.PageUp):
		for range p.perPage() {
			p.cursor = p.nextItem(p.cursor, -1)
		}
	case key.Matches(msg, k.Top):
		p.cursor = p.nextItem(-1, 1)
		p.offset = 0
	case key.Matches(msg, k.Bottom):
		p.cursor = p.nextItem(len(p.rows), -1)
	case key.Matches(msg, k.Jump):
		if p.cursor >= 0 && p.cursor < len(p.rows) && p.rows[p.cursor].open.id != "" {
			return p.rows[p.cursor].open
		}
		return nil
	case key.Matches(msg, k.Follow):
		if p.company == "" {
			return nil
		}
		name := p.name
		if p.page != nil {
			name = p.page.Name
		}
		return followMsg{company: p.company, name: name}
	default:
		return nil
	}
	p.follow()
	return nil
}

// nextItem is the next selectable row from i in direction dir, or i when
// there is none.
func (p *companyPane) nextItem(i, dir int) int {
	for j := i + dir; j >= 0 && j < len(p.rows); j += dir {
		if !p.rows[j].heading {
			return j
		}
	}
	if i < 0 || i >= len(p.rows) {
		return max(min(i, len(p.rows)-1), 0)
	}
	return i
}

// rowHeight is how many lines row i takes: a heading after the first has
// a blank line above it.
func (p *companyPane) rowHeight(i int) int {
	r := p.rows[i]
	switch {
	case r.heading && i > 0 && !p.rows[i-1].heading:
		return 2
	case r.rest != "":
		return 2
	}
	return 1
}

func (p *companyPane) listHeight() int { return max(p.height-companyHeaderLines, 1) }

// perPage is about how many items a page shows.
func (p *companyPane) perPage() int { return max(p.listHeight()/2, 1) }

// follow scrolls so the cursor's row (and the heading right above it) is
// on screen.
func (p *companyPane) follow() {
	if len(p.rows) == 0 {
		p.offset = 0
		return
	}
	top := p.cursor
	if top > 0 && p.rows[top-1].heading {
		top--
	}
	if top < p.offset {
		p.offset = top
		return
	}
	for {
		lines := 0
		for i := p.offset; i <= p.cursor; i++ {
			lines += p.rowHeight(i)
		}
		if lines <= p.listHeight() || p.offset >= p.cursor {
			return
		}
		p.offset++
	}
}

// SetSize gives the page its box.
func (p *companyPane) SetSize(w, h int) tea.Cmd {
	p.width, p.height = w, h
	p.follow()
	return nil
}

// statusLine is the status bar's left side on the page.
func (p *companyPane) statusLine() string {
	s := " company: " + sanitize.Line(p.title())
	if p.following {
		s += " · following"
	}
	if p.loading && p.page != nil {
		s += " · loading the rest…"
	}
	return s
}

func (p *companyPane) title() string {
	if p.page != nil {
		return p.page.Name
	}
	return p.name
}

// View draws the header and the visible rows.
func (p *companyPane) View() string {
	st := p.styles
	w := max(p.width-3, 1)
	name := sanitize.Line(p.title())
	if p.following {
		name += "  ◆ following"
	}
	facts := ""
	if pg := p.page; pg != nil {
		facts = fmt.Sprintf("%s · first seen %s · last seen %s", plural(pg.Total, "story", "stories"), dealDate(pg.First),
			dealDate(pg.Last))
		if len(pg.Names) > 1 {
			var others []string
			for _, n := range pg.Names {
				if n != pg.Name {
					others = append(others, sanitize.Line(n))
				}
			}
			facts += " · also " + strings.Join(others, ", ")
		}
	}
	lines := []string{" " + st.Company.Render(ansi.Truncate(name, w, "…")), " " + st.Meta.Render(ansi.Truncate(facts, w, "…")),
		st.Border.Render(strings.Repeat("─", max(p.width, 1)))}
	switch {
	case p.err != "":
		lines = append(lines, " "+st.Error.Render(ansi.Truncate(p.err, w, "…")))
	case p.page == nil && p.loading:
		lines = append(lines, " "+st.Subtle.Render("reading its stories…"))
	case p.page == nil:
		lines = append(lines, " "+st.Subtle.Render(ansi.Truncate("no story in the index names it yet", w, "…")))
	}
	if p.pick != nil {
		return strings.Join(append(lines, p.pickView(w)...), "\n")
	}
	room := p.listHeight()
	for i := p.offset; i < len(p.rows) && room > 0; i++ {
		r := p.rows[i]
		h := p.rowHeight(i)
		if r.heading {
			if h == 2 && room > 1 {
				lines = append(lines, "")
				room--
			}
			render := st.Group.Render
			if r.style != nil {
				render = r.style(st)
			}
			lines = append(lines, " "+render(ansi.Truncate(r.first, w, "…")))
			room--
			continue
		}
		bar, ts := "  ", st.Text.Render
		if r.style != nil {
			ts = r.style(st)
		}
		if i == p.cursor {
			bar, ts = st.Title.Render("▌")+" ", st.Title.Render
		}
		lines = append(lines, bar+ts(ansi.Truncate(r.first, w, "…")))
		room--
		if r.rest != "" && room > 0 {
			lines = append(lines, bar+st.Meta.Render(ansi.Truncate(r.rest, w, "…")))
			room--
		}
	}
	return strings.Join(lines, "\n")
}

// keySet is the page's live keys.
func (p *companyPane) keySet() KeySet {
	if p.pick != nil {
		return InCorrectPick
	}
	return InCompany
}

// ShortHelp is the page's most used bindings.
func (p *companyPane) ShortHelp() []key.Binding { return p.FullHelp()[0] }

// FullHelp is every binding live on the page, for the help overlay.
func (p *companyPane) FullHelp() [][]key.Binding { return p.keys.helpGroups(p.keySet()) }
