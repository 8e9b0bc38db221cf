package ui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/corrections"
	"newsmark/index"
	"newsmark/model"
	"newsmark/sanitize"
)

// A company page's corrections, across every story: m merges the company
// into another (a list of the companies the index finds by the first word
// of its name, narrowed to those matching what is typed), s splits one of
// the names it is known by off it. Each is a correction for every article
// (a merge or split line of docs/CORRECTIONS.md): the index's resolver
// takes it at once, the annotator in the stories that name both, which the
// index re-annotates in the background; the page is read again then. u
// takes it back (the one undo stack).

// companyPick is the page's list of what m or s may pick.
type companyPick struct {
	pickList      // on the merge list unfiltered: the choices are the index's answer
	split    bool // s: the page's names; else m: other companies
	seq      int  // bumped per lookup: older answers are dropped
}

// Messages of the page's corrections.
type (
	// companyMatchesMsg is the index's answer to a merge list's filter.
	companyMatchesMsg struct {
		seq     int
		matches []index.CompanyMatch
		err     error
	}
	// companyCorrectMsg asks the root to store entry; then is the page
	// to show once it is stored, back the one to show once it is undone.
	companyCorrectMsg struct {
		entry      model.UserEntry
		what       string
		then, back openCompanyMsg
	}
	// companyCorrectedMsg is such a correction stored, or undone.
	companyCorrectedMsg struct {
		req    companyCorrectMsg
		change corrections.Change
		undone bool
		err    error
	}
)

// picking reports whether the list has the keyboard.
func (p *companyPane) picking() bool { return p.pick != nil }

// startPick opens the merge list (with the index's suggestions) or the
// split list (the page's other names), or says why there is none.
func (p *companyPane) startPick(split bool) (tea.Cmd, request) {
	if p.page == nil {
		return nil, status("the page is still being read")
	}
	pg := p.page
	if !split {
		p.pick = &companyPick{pickList: pickList{unfiltered: true}}
		return p.lookup(), nil
	}
	var choices []pickChoice
	for _, n := range pg.Names {
		if n != pg.Name {
			choices = append(choices, pickChoice{name: n, note: "a name of " + pg.Name})
		}
	}
	if len(choices) == 0 {
		return nil, status(quoted(pg.Name) + " is known by one name: nothing to split off")
	}
	p.pick = &companyPick{split: true, pickList: pickList{choices: choices}}
	return nil, nil
}

// lookup asks the index for the companies the merge list offers: those
// matching the filter, or with none typed those sharing the first word of
// the company's name.
func (p *companyPane) lookup() tea.Cmd {
	pk := p.pick
	pk.seq++
	q := strings.TrimSpace(pk.filter)
	if q == "" {
		q, _, _ = strings.Cut(strings.TrimSpace(p.page.Name), " ")
	}
	ix, seq := p.ix, pk.seq
	return func() tea.Msg {
		ms, err := ix.FindCompany(context.Background(), q)
		return companyMatchesMsg{seq: seq, matches: ms, err: err}
	}
}

// matched takes the index's answer to the merge list's filter.
func (p *companyPane) matched(msg companyMatchesMsg) request {
	pk := p.pick
	if pk == nil || pk.split || msg.seq != pk.seq {
		return nil
	}
	if msg.err != nil {
		return failure(sanitize.Line(msg.err.Error()))
	}
	pk.choices = pk.choices[:0]
	for _, m := range msg.matches {
		if m.Company != p.company {
			pk.choices = append(pk.choices, pickChoice{name: m.Name, company: m.Company, note: plural(m.Stories, "story", "stories")})
		}
	}
	pk.cursor = min(pk.cursor, max(len(pk.choices)-1, 0))
	return nil
}

// pickKey takes a key of the list: enter picks, esc closes it; a changed
// filter asks the index again for the merge list.
func (p *companyPane) pickKey(msg tea.KeyPressMsg) (tea.Cmd, request) {
	pk := p.pick
	switch pk.key(msg, p.keys) {
	case pickBack:
		p.pick = nil
	case pickEmpty:
		return nil, status("no company to pick: type a part of its name")
	case pickPicked:
		ch := pk.picked()
		p.pick = nil
		return nil, p.correction(ch)
	case pickEdited:
		if !pk.split {
			return p.lookup(), nil
		}
	}
	return nil, nil
}

// correction is the line a pick makes: a merge of the page's company
// (by the name its stories use most) into the company picked, or the
// split of the name picked from it.
func (p *companyPane) correction(ch pickChoice) request {
	pg := p.page
	here := openCompanyMsg{company: p.company, name: pg.Name}
	if ch.company == "" { // a name of the page's: the split list
		return companyCorrectMsg{entry: model.UserEntry{Action: model.UserSplit, Name: pg.Name, Other: ch.name},
			what: "split " + quoted(ch.name) + " off " + quoted(pg.Name), then: here, back: here}
	}
	return companyCorrectMsg{entry: model.UserEntry{Action: model.UserMerge, Name: ch.name, Other: pg.Name},
		what: "merged " + quoted(pg.Name) + " into " + quoted(ch.name),
		then: openCompanyMsg{company: ch.company, name: ch.name}, back: here}
}

// pickView draws the list in place of the page's rows (the status bar's
// hints say the keys).
func (p *companyPane) pickView(w int) []string {
	st, pk := p.styles, p.pick
	verb := "Merge " + quoted(p.title()) + " into:"
	if pk.split {
		verb = "Split off " + quoted(p.title()) + ":"
	}
	lines := []string{" " + st.Title.Render(verb) + " " + st.Subtle.Render("filter: ") + sanitize.Line(pk.filter) + st.Cursor.Render(" ")}
	lines = append(lines, pk.lines(st, w, st.Title.Render("▌")+" ", "  "+st.Subtle.Render("no company matches: type a part of its name"))...)
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w+1, "…")
	}
	return lines
}

// applyCompanyCorrect stores a company page's correction, in a tea.Cmd.
func (m *Model) applyCompanyCorrect(req companyCorrectMsg) tea.Cmd {
	if why := m.correctionsOff(); why != "" {
		m.setStatus(why, true)
		return nil
	}
	m.setStatus(req.what+"…", false)
	svc := m.opts.Corrections
	return func() tea.Msg {
		ch, err := svc.Apply(context.Background(), req.entry)
		return companyCorrectedMsg{req: req, change: ch, err: err}
	}
}

// companyCorrected takes a company correction's (or its undo's) end: the
// kept annotations are forgotten (it may change any story), the index
// re-annotates the stories it touched in the background, and the page
// shows what it made: the company merged into, the page split, or, after
// an undo, the page it was made on.
func (m *Model) companyCorrected(msg companyCorrectedMsg) tea.Cmd {
	if msg.err != nil {
		verb := "not corrected: "
		if msg.undone {
			verb = "not undone: "
		}
		m.setStatus(verb+sanitize.Line(msg.err.Error()), true)
		return nil
	}
	m.anns.forget()
	req := msg.req
	status, show := req.what, req.then
	if msg.undone {
		status, show = "undone: "+req.what, req.back
	} else {
		ch, svc := msg.change, m.opts.Corrections
		status += m.pushUndo(undoEntry{what: req.what, undo: func() tea.Msg {
			back, err := svc.Undo(context.Background(), ch)
			return companyCorrectedMsg{req: req, change: back, undone: true, err: err}
		}})
	}
	if t := msg.change.Touched; t > 0 {
		status += fmt.Sprintf(" · %s to annotate again", plural(t, "indexed story", "indexed stories"))
	}
	m.setStatus(status, false)
	cmds := []tea.Cmd{m.idx.corrected()}
	if m.screen == screenCompany {
		cmds = append(cmds, m.openCompany(show))
	}
	return tea.Batch(cmds...)
}
