package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsmark/brief"
	"newsmark/index"
	"newsmark/model"
	"newsmark/notes"
	"newsmark/sanitize"
)

// briefPane is the daily brief (B): the same Markdown `newsmark brief`
// prints — the period's deals, the most-named companies, what the
// followed companies said and had said about them, the reader's
// highlights and notes of the period — drawn by glamour in a Cmd, as the
// export preview is, and scrolled with the reader's scroll keys. p changes
// the period.
type briefPane struct {
	common
	ix    *index.Index
	notes *notes.Notes
	now   func() time.Time

	period  int // into briefPeriods
	seq     int // bumped per gathering: older ones are dropped
	source  string
	drawn   rendererKey // what docView's lines were drawn for
	loading bool
	err     string

	docView
	width int
}

// briefPeriods are the periods p walks through.
var briefPeriods = []struct {
	name string
	back time.Duration
}{{"24 hours", 24 * time.Hour}, {"7 days", 7 * 24 * time.Hour}, {"30 days", 30 * 24 * time.Hour}}

// briefMsg is a brief gathered (source set) and drawn, or drawn again for
// a new width or theme.
type briefMsg struct {
	seq    int
	source string
	key    rendererKey
	lines  []string
	err    error
}

func newBriefPane(c common, ix *index.Index, n *notes.Notes) briefPane {
	return briefPane{common: c, ix: ix, notes: n, now: time.Now}
}

// open gathers the brief of the period and draws it.
func (p *briefPane) open() tea.Cmd {
	p.seq++
	p.loading, p.err, p.offset = true, "", 0
	ix, n, seq, k, md := p.ix, p.notes, p.seq, p.key(), p.md
	period := index.Period{Since: p.now().Add(-briefPeriods[p.period].back)}
	return func() tea.Msg {
		ctx := context.Background()
		var hs []model.Highlight
		if n != nil {
			var err error
			if hs, err = n.All(ctx); err != nil {
				return briefMsg{seq: seq, err: err}
			}
		}
		b, err := brief.Gather(ctx, ix, hs, period)
		if err != nil {
			return briefMsg{seq: seq, err: err}
		}
		src := b.Markdown()
		lines, err := md.renderLines(src, k)
		return briefMsg{seq: seq, source: src, key: k, lines: lines, err: err}
	}
}

// key is what the brief is drawn for now: a readable width, the theme.
func (p *briefPane) key() rendererKey {
	return rendererKey{width: min(max(p.width, 20), previewWidth), theme: p.styles.Theme, layout: mdDocument}
}

// redraw draws the gathered brief again for the current width and theme.
func (p *briefPane) redraw() tea.Cmd {
	if p.source == "" || p.drawn == p.key() {
		return nil
	}
	src, k, md, seq := p.source, p.key(), p.md, p.seq
	return func() tea.Msg {
		lines, err := md.renderLines(src, k)
		return briefMsg{seq: seq, key: k, lines: lines, err: err}
	}
}

// Update takes a drawing, redraws for a theme, and handles the keys.
func (p *briefPane) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case briefMsg:
		if msg.seq != p.seq {
			return nil, nil
		}
		p.loading = false
		if msg.err != nil {
			p.err = sanitize.Line(msg.err.Error())
			return nil, nil
		}
		if msg.source != "" {
			p.source = msg.source
		}
		p.lines, p.drawn = msg.lines, msg.key
		p.clamp()
		return p.redraw(), nil // the window or theme changed meanwhile
	case themeMsg:
		return p.redraw(), nil
	case tea.KeyPressMsg:
		if key.Matches(msg, p.keys.Brief.Period) {
			p.period = (p.period + 1) % len(briefPeriods)
			return p.open(), nil
		}
		p.scroll(msg, p.keys.Reader)
	}
	return nil, nil
}

// SetSize gives the brief its box; a new width draws it again.
func (p *briefPane) SetSize(w, h int) tea.Cmd {
	p.width, p.height = w, max(h, 1)
	p.clamp()
	return p.redraw()
}

// statusLine is the status bar's left side on the brief.
func (p *briefPane) statusLine() string {
	s := " brief: the last " + briefPeriods[p.period].name
	if p.loading {
		s += " · gathering…"
	}
	return s + " · " + p.keys.Brief.Period.Help().Key + " changes the period"
}

// View draws the visible lines; it renders nothing.
func (p *briefPane) View() string {
	switch {
	case p.err != "":
		return " " + p.styles.Error.Render("no brief: "+p.err)
	case p.lines == nil:
		return " " + p.styles.Subtle.Render("gathering the brief…")
	}
	return p.view()
}

// ShortHelp is the brief's most used bindings.
func (p *briefPane) ShortHelp() []key.Binding { return p.FullHelp()[0] }

// FullHelp is every binding live on the brief, for the help overlay.
func (p *briefPane) FullHelp() [][]key.Binding { return p.keys.helpGroups(InBrief) }
