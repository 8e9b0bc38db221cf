package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/index"
	"newsmark/sanitize"
)

// dealsPane is the deal tracker (D): every deal across the library, one
// row per deal however many outlets reported it, newest first. Keys sort
// it (by date, amount in dollars, number of sources, kind; the same key
// again reverses), / filters it, enter lists a deal's sources and enter on
// a source opens the story at the deal.
//
// Its first frame comes from index.RecentDeals (the last months only, a
// few tens of milliseconds), the full list from index.Deals in a second
// Cmd. The rows stay as the index gave them; sorting and filtering move
// ints (order, shown), and View draws the visible rows only.
type dealsPane struct {
	common
	ix *index.Index

	rows    []index.DealRow // newest first, as the index gives them
	loading bool            // the whole list is on its way
	loaded  bool            // rows came at least once
	seq     int             // bumped per load: older loads' rows are dropped
	fullFor int             // the load whose whole list arrived
	err     string
	stale   bool // the index changed while the screen was away

	sort    index.DealSort
	reverse bool
	order   []int // rows in the sort order
	shown   []int // order, filtered: what the table lists

	filterText string
	filter     index.DealFilter
	filterErr  string // the filter being typed does not parse
	typedFrom  string // the filter when typing began: esc goes back to it

	cursor, offset int // in shown

	sources              bool // the cursor deal's sources are listed
	srcCursor, srcOffset int

	// picking is set while the reader chooses which party of the cursor
	// deal i (its page) or w (follow) is for; parties are the choices.
	picking *partyPick

	width, height int
	cols          []dealColumn // the columns that fit the width, in screen order
	partiesWidth  int
	now           func() time.Time // the filter's "since:30d" counts back from it
}

// dealsLoadedMsg is a page or the whole list of deals.
type dealsLoadedMsg struct {
	seq  int
	rows []index.DealRow
	full bool
	err  error
}

// dealColumn is a column of the table.
type dealColumn int

const (
	colDate dealColumn = iota
	colKind
	colParties
	colAmount
	colStake
	colLocation
	colStatus
	colSources
)

// dealColumns are the columns in screen order with their header and width
// (parties take what is left); dealPriority is the order they are given
// room in: on a narrow terminal the last ones drop first.
var (
	dealColumns = []struct {
		name  string
		width int
	}{
		colDate: {"Date", 10}, colKind: {"Kind", 13}, colParties: {"Parties", 0}, colAmount: {"Amount", 18},
		colStake: {"Stake", 8}, colLocation: {"Location", 14}, colStatus: {"Status", 10}, colSources: {"Src", 3},
	}
	dealPriority = []dealColumn{colParties, colDate, colAmount, colSources, colKind, colLocation, colStake, colStatus}
)

// firstOptionalCol is where the optional columns start in dealPriority.
const firstOptionalCol = 4

// Layout constants: the gap between columns, the narrowest parties
// column, and how many rows the first page asks for at least.
const (
	dealGap         = 2
	minPartiesCol   = 16
	roomyPartiesCol = 30
	dealsFirstPage  = 60
)

// dealHeaderLines are the title, the column headers and the rule above
// the rows.
const dealHeaderLines = 3

// sourceItemHeight is a source's lines: title, outlet and date, what it
// says of the deal, a gap.
const sourceItemHeight = 4

func newDealsPane(c common, ix *index.Index) dealsPane {
	return dealsPane{common: c, ix: ix, now: time.Now}
}

// open is D: the first page, then the whole list, each in its own Cmd.
// Once rows were shown they stay until the whole list replaces them (a
// first page would lose the cursor's place further down).
func (p *dealsPane) open() tea.Cmd {
	p.seq++
	p.loading, p.stale = true, false
	ix, seq, n := p.ix, p.seq, max(dealsFirstPage, p.height)
	ctx := context.Background()
	first := func() tea.Msg {
		rows, err := ix.RecentDeals(ctx, n)
		return dealsLoadedMsg{seq: seq, rows: rows, err: err}
	}
	all := func() tea.Msg {
		rows, err := ix.Deals(ctx, index.DealFilter{})
		return dealsLoadedMsg{seq: seq, rows: rows, full: true, err: err}
	}
	if p.loaded {
		return all
	}
	return tea.Batch(first, all)
}

// Update handles the table's and the sources' keys, the filter being
// typed and the loaded rows.
func (p *dealsPane) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case p.picking != nil:
			return nil, p.pickKey(msg)
		case p.sources:
			return nil, p.sourceKey(msg)
		}
		return nil, p.key(msg)
	case inputMsg:
		return nil, p.typed(msg)
	case dealsLoadedMsg:
		p.setRows(msg)
	case indexChangedMsg:
		p.stale = true
	}
	return nil, nil
}

// setRows takes a load's rows, keeping the cursor on the deal it was on.
// The first page never replaces the whole list of the same load (the two
// Cmds may end in either order).
func (p *dealsPane) setRows(msg dealsLoadedMsg) {
	if msg.seq != p.seq || (!msg.full && p.fullFor == msg.seq) {
		return
	}
	if msg.full {
		p.loading, p.fullFor = false, msg.seq
	}
	if msg.err != nil {
		p.err = sanitize.Line(msg.err.Error())
		return
	}
	var at string
	if d, ok := p.current(); ok {
		at = d.ID
	}
	p.rows, p.loaded, p.err = msg.rows, true, ""
	p.resort()
	p.cursor = 0
	for i, r := range p.shown {
		if p.rows[r].ID == at {
			p.cursor = i
			break
		}
	}
	if p.sources {
		if d, ok := p.current(); !ok || d.ID != at {
			p.sources = false
		}
	}
	p.follow()
}

// resort orders the rows by the sort key, then filters them.
func (p *dealsPane) resort() {
	p.order = index.DealOrder(p.rows, p.sort, p.reverse)
	p.refilter()
}

// refilter lists the ordered rows the filter keeps.
func (p *dealsPane) refilter() {
	p.shown = p.shown[:0]
	for _, i := range p.order {
		if p.filter.Match(&p.rows[i]) {
			p.shown = append(p.shown, i)
		}
	}
	p.cursor = min(max(p.cursor, 0), max(len(p.shown)-1, 0))
	p.follow()
}

// current is the deal under the cursor.
func (p *dealsPane) current() (*index.DealRow, bool) {
	if p.cursor < 0 || p.cursor >= len(p.shown) {
		return nil, false
	}
	return &p.rows[p.shown[p.cursor]], true
}

// key handles the table's keys.
func (p *dealsPane) key(msg tea.KeyPressMsg) request {
	k := p.keys.Deals
	switch {
	case key.Matches(msg, k.Down):
		p.cursor++
	case key.Matches(msg, k.Up):
		p.cursor--
	case key.Matches(msg, k.PageDown):
		p.cursor += p.perPage()
	case key.Matches(msg, k.PageUp):
		p.cursor -= p.perPage()
	case key.Matches(msg, k.Top):
		p.cursor = 0
	case key.Matches(msg, k.Bottom):
		p.cursor = len(p.shown) - 1
	case key.Matches(msg, k.Open):
		if _, ok := p.current(); ok {
			p.sources, p.srcCursor, p.srcOffset = true, 0, 0
		}
		return nil
	case key.Matches(msg, k.Filter):
		p.typedFrom = p.filterText
		return startInputMsg{inputDealFilter, p.filterText}
	case key.Matches(msg, k.ByDate):
		p.sortBy(index.ByDate)
	case key.Matches(msg, k.ByAmount):
		p.sortBy(index.ByAmount)
	case key.Matches(msg, k.BySources):
		p.sortBy(index.BySources)
	case key.Matches(msg, k.ByKind):
		p.sortBy(index.ByKind)
	case key.Matches(msg, p.keys.Company.Open):
		return p.partyAction(false)
	case key.Matches(msg, p.keys.Company.Follow):
		return p.partyAction(true)
	default:
		return nil
	}
	p.cursor = min(max(p.cursor, 0), max(len(p.shown)-1, 0))
	p.follow()
	return nil
}

// partyPick is the choice of a deal's party for i or w.
type partyPick struct {
	follow  bool
	parties []index.Party
}

// partyAction opens the page of the cursor deal's company party (follow
// false) or follows it; with several companies among the parties the
// reader picks one by its number first.
func (p *dealsPane) partyAction(follow bool) request {
	d, ok := p.current()
	if !ok {
		return nil
	}
	var companies []index.Party
	for _, party := range d.Parties {
		if !strings.HasPrefix(party.Company, "N:") && party.Company != "" {
			companies = append(companies, party)
		}
	}
	switch len(companies) {
	case 0:
		return status("none of the deal's parties is a company the index knows")
	case 1:
		return partyRequest(companies[0], follow)
	}
	p.picking = &partyPick{follow: follow, parties: companies[:min(len(companies), 9)]}
	return nil
}

func partyRequest(party index.Party, follow bool) request {
	if follow {
		return followMsg{company: party.Company, name: party.Name}
	}
	return openCompanyMsg{company: party.Company, name: party.Name}
}

// pickKey takes the number of the party; esc (the root's back) cancels.
func (p *dealsPane) pickKey(msg tea.KeyPressMsg) request {
	if !key.Matches(msg, p.keys.Company.Pick) {
		return nil
	}
	n := int(msg.String()[0] - '1')
	if n < 0 || n >= len(p.picking.parties) {
		return status(fmt.Sprintf("give a number from 1 to %d (esc cancels)", len(p.picking.parties)))
	}
	pick := p.picking
	p.picking = nil
	return partyRequest(pick.parties[n], pick.follow)
}

// sortBy orders the table by s, from the top; the order already in use
// is reversed.
func (p *dealsPane) sortBy(s index.DealSort) {
	if p.sort == s {
		p.reverse = !p.reverse
	} else {
		p.sort, p.reverse = s, false
	}
	p.resort()
	p.cursor, p.offset = 0, 0
}

// typed applies the filter as it is typed, when it parses; enter keeps
// it (or says why it cannot), esc goes back to the filter before.
func (p *dealsPane) typed(msg inputMsg) request {
	text := msg.value
	if msg.state == inputCancelled {
		text = p.typedFrom
	}
	f, err := index.ParseDealFilter(text, p.now())
	if err != nil && msg.state == inputAccepted {
		// Back to the filter before: the states typed on the way are
		// no one's choice.
		p.typed(inputMsg{kind: msg.kind, state: inputCancelled})
		return failure("filter: " + sanitize.Line(err.Error()))
	}
	if err != nil {
		p.filterErr = sanitize.Line(err.Error())
		return nil
	}
	p.filterErr, p.filterText, p.filter = "", strings.TrimSpace(text), f
	p.refilter()
	return nil
}

// sourceKey handles the keys of a deal's sources.
func (p *dealsPane) sourceKey(msg tea.KeyPressMsg) request {
	d, ok := p.current()
	if !ok {
		p.sources = false
		return nil
	}
	k := p.keys.Deals
	switch {
	case key.Matches(msg, k.Down):
		p.srcCursor++
	case key.Matches(msg, k.Up):
		p.srcCursor--
	case key.Matches(msg, k.Top):
		p.srcCursor = 0
	case key.Matches(msg, k.Bottom):
		p.srcCursor = len(d.Sources) - 1
	case key.Matches(msg, k.Open):
		if p.srcCursor < len(d.Sources) {
			s := d.Sources[p.srcCursor]
			return openStoredMsg{id: s.ArticleID, at: s.Evidence}
		}
		return nil
	default:
		return nil
	}
	p.srcCursor = min(max(p.srcCursor, 0), max(len(d.Sources)-1, 0))
	p.srcOffset = followOffset(p.srcCursor, p.srcOffset, p.sourcesPerPage())
	return nil
}

// back closes the sources, else clears the filter (esc); it reports
// whether there was one.
func (p *dealsPane) back() bool {
	switch {
	case p.picking != nil:
		p.picking = nil
	case p.sources:
		p.sources = false
	case p.filterText != "":
		p.filterText, p.filter, p.filterErr = "", index.DealFilter{}, ""
		p.refilter()
	default:
		return false
	}
	return true
}

func (p *dealsPane) perPage() int { return max(p.height-dealHeaderLines, 1) }

func (p *dealsPane) sourcesPerPage() int {
	return max((p.height-dealHeaderLines-1)/sourceItemHeight, 1)
}

func (p *dealsPane) follow() { p.offset = followOffset(p.cursor, p.offset, p.perPage()) }

// SetSize gives the screen its box and fits the columns to its width.
func (p *dealsPane) SetSize(w, h int) tea.Cmd {
	p.width, p.height = w, h
	p.cols, p.partiesWidth = fitColumns(w - 2)
	p.follow()
	p.srcOffset = followOffset(p.srcCursor, p.srcOffset, p.sourcesPerPage())
	return nil
}

// fitColumns picks the columns that fit width cells, by priority, and the
// parties column's width (the rest of the line). The date, amount and
// source count come first; the others only while the parties keep
// roomyPartiesCol cells.
func fitColumns(width int) ([]dealColumn, int) {
	var keep []dealColumn
	used := -dealGap
	for i, c := range dealPriority {
		w, need := dealColumns[c].width, minPartiesCol
		if c == colParties {
			w = 0
		}
		if i >= firstOptionalCol {
			need = roomyPartiesCol
		}
		if c != colParties && used+dealGap+w+need > width {
			continue
		}
		used += dealGap + w
		keep = append(keep, c)
	}
	slices.Sort(keep) // screen order is the constants' order
	return keep, max(width-used, minPartiesCol)
}

// statusLine is the status bar's left side on the deals screen.
func (p *dealsPane) statusLine() string {
	if p.picking != nil {
		what := "company page of"
		if p.picking.follow {
			what = "follow or unfollow"
		}
		parts := make([]string, len(p.picking.parties))
		for i, party := range p.picking.parties {
			parts[i] = fmt.Sprintf("%d %s", i+1, sanitize.Line(party.Name))
		}
		return " " + what + ": " + strings.Join(parts, " · ") + " (esc cancels)"
	}
	if p.sources {
		if d, ok := p.current(); ok {
			return " deal: " + plural(len(d.Sources), "source", "sources") + " · enter opens one at the deal"
		}
	}
	s := " deals: "
	if len(p.shown) != len(p.rows) {
		s += fmt.Sprintf("%s of %s", thousands(len(p.shown)), thousands(len(p.rows)))
	} else {
		s += thousands(len(p.rows))
	}
	if p.filterText != "" {
		s += " · filter " + p.filterText
	}
	if p.loading && p.loaded {
		s += " · loading the rest…"
	}
	return s
}

// sortName says the order in words: "by amount, largest first".
func (p *dealsPane) sortName() string {
	names := map[index.DealSort][2]string{
		index.ByDate:    {"by date, newest first", "by date, oldest first"},
		index.ByAmount:  {"by amount, largest first", "by amount, smallest first"},
		index.BySources: {"by sources, most first", "by sources, fewest first"},
		index.ByKind:    {"by kind, A–Z", "by kind, Z–A"},
	}
	return names[p.sort][btoi(p.reverse)]
}

// View draws the table, or the cursor deal's sources.
func (p *dealsPane) View() string {
	if p.sources {
		if d, ok := p.current(); ok {
			return p.sourcesView(d)
		}
	}
	st := p.styles
	w := max(p.width-2, 1)
	title := "Deals · " + plural(len(p.shown), "deal", "deals") + " · " + p.sortName()
	if p.filterText != "" {
		title += " · filter: " + p.filterText
	}
	lines := []string{" " + st.Title.Render(ansi.Truncate(title, w, "…"))}
	lines = append(lines, " "+p.headerLine(), st.Border.Render(strings.Repeat("─", max(p.width, 1))))
	switch {
	case p.filterErr != "":
		lines = append(lines, " "+st.Error.Render(ansi.Truncate(p.filterErr, w, "…")))
	case p.err != "":
		lines = append(lines, " "+st.Error.Render(ansi.Truncate(p.err, w, "…")))
	case !p.loaded:
		lines = append(lines, " "+st.Subtle.Render("loading deals…"))
	case len(p.rows) == 0:
		lines = append(lines, " "+st.Subtle.Render(ansi.Truncate(
			"no deals yet: open stories, refresh your feeds (r) or run newsmark index PATH", w, "…")))
	case len(p.shown) == 0:
		lines = append(lines, " "+st.Subtle.Render("no deal matches the filter (esc clears it)"))
	}
	end := min(p.offset+p.perPage()-(len(lines)-dealHeaderLines), len(p.shown))
	for i := p.offset; i < end; i++ {
		lines = append(lines, p.rowLine(&p.rows[p.shown[i]], i == p.cursor))
	}
	return strings.Join(lines, "\n")
}

// headerLine names the columns; the sorted one stands out.
func (p *dealsPane) headerLine() string {
	sorted := map[index.DealSort]dealColumn{index.ByDate: colDate, index.ByAmount: colAmount, index.BySources: colSources,
		index.ByKind: colKind}[p.sort]
	cells := make([]string, len(p.cols))
	for i, c := range p.cols {
		text := cell(dealColumns[c].name, p.colWidth(c))
		if c == sorted {
			cells[i] = p.styles.TabActive.Render(text)
		} else {
			cells[i] = p.styles.Group.Render(text)
		}
	}
	return strings.Join(cells, strings.Repeat(" ", dealGap))
}

func (p *dealsPane) colWidth(c dealColumn) int {
	if c == colParties {
		return p.partiesWidth
	}
	return dealColumns[c].width
}

// rowLine draws one deal: its cells cut or padded to their columns.
func (p *dealsPane) rowLine(d *index.DealRow, selected bool) string {
	st := p.styles
	cells := make([]string, len(p.cols))
	for i, c := range p.cols {
		var s string
		switch c {
		case colDate:
			s = dealDate(d.Date)
		case colKind:
			s = d.Kind.Title()
		case colParties:
			s = strings.Join(d.PartyNames(), ", ")
		case colAmount:
			s = d.Amount
		case colStake:
			s = d.Stake
		case colLocation:
			s = d.Location
		case colStatus:
			s = d.Status
		case colSources:
			s = fmt.Sprintf("%3d", len(d.Sources))
		}
		cells[i] = cell(sanitize.Line(s), p.colWidth(c))
	}
	line := strings.Join(cells, strings.Repeat(" ", dealGap))
	if selected {
		return st.Title.Render("▌") + st.Title.Render(line)
	}
	return " " + st.Text.Render(line)
}

// cell cuts or pads s to exactly w cells.
func cell(s string, w int) string {
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

func dealDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// sourcesView lists deal d's sources under its summary.
func (p *dealsPane) sourcesView(d *index.DealRow) string {
	st := p.styles
	w := max(p.width-3, 1)
	span := dealDate(d.Date)
	if last := dealDate(d.Last); last != span && last != "" {
		span += " – " + last
	}
	head := d.Kind.Title() + " · " + d.Status + " · " + span + " · " + plural(len(d.Sources), "source", "sources")
	var facts []string
	for _, f := range []struct{ label, value string }{{"", d.Amount}, {"stake ", d.Stake}, {"", d.Location}} {
		if f.value != "" {
			facts = append(facts, f.label+sanitize.Line(f.value))
		}
	}
	lines := []string{
		" " + st.Title.Render(ansi.Truncate(head, w, "…")),
		" " + st.Company.Render(ansi.Truncate(sanitize.Line(strings.Join(d.PartyNames(), ", ")), w, "…")),
		" " + st.Meta.Render(ansi.Truncate(strings.Join(facts, " · "), w, "…")),
		st.Border.Render(strings.Repeat("─", max(p.width, 1))),
	}
	end := min(p.srcOffset+p.sourcesPerPage(), len(d.Sources))
	for i := p.srcOffset; i < end; i++ {
		s := d.Sources[i]
		bar, ts := "  ", st.Text
		if i == p.srcCursor {
			bar, ts = st.Title.Render("▌")+" ", st.Title
		}
		meta := []string{}
		for _, m := range []string{sanitize.Line(s.Outlet), dealDate(s.Date), sanitize.Line(s.Locator())} {
			if m != "" {
				meta = append(meta, m)
			}
		}
		what := s.Summary
		if what == "" {
			what = strings.Join(s.Amounts, ", ")
		}
		title := sanitize.Line(s.Title)
		if title == "" {
			title = "(untitled)"
		}
		lines = append(lines, bar+ts.Render(ansi.Truncate(title, w, "…")),
			bar+st.Meta.Render(ansi.Truncate(strings.Join(meta, " · "), w, "…")),
			bar+st.Text.Render(ansi.Truncate(sanitize.Line(what), w, "…")), "")
	}
	return strings.Join(lines, "\n")
}

// keySet is the screen's live keys: the sources' while they are listed.
func (p *dealsPane) keySet() KeySet {
	if p.picking != nil {
		return InDealParty
	}
	if p.sources {
		return InDealSources
	}
	return InDeals
}

// ShortHelp is the screen's most used bindings.
func (p *dealsPane) ShortHelp() []key.Binding { return p.FullHelp()[0] }

// FullHelp is every binding live on the screen, for the help overlay.
func (p *dealsPane) FullHelp() [][]key.Binding { return p.keys.helpGroups(p.keySet()) }
