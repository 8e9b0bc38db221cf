package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/feeds"
	"newsmark/model"
	"newsmark/sanitize"
)

// readerPane shows one article: a header, then the body wrapped by Wrap.
// View draws only the visible lines; highlights come from decor through the
// wrapped offset map. Its keys scroll, search, toggle the highlight kinds
// and walk mentions (reader_keys.go), and keep passages through the
// sentence cursor and the selection (reader_notes.go, reader_selection.go).
type readerPane struct {
	common

	gen     int
	article model.Article
	loaded  bool
	err     string

	width, height int
	// measure is the most columns a line of text takes (Options.Width),
	// the rest of a wider pane a margin; 0 for the whole pane.
	measure int
	// wrapped is the body at wrapped.Width; while a re-wrap for a new width
	// is under way the old one is drawn, cut to the pane.
	wrapped  Wrapped
	wrapping int // width asked for, 0 when none pending
	// wraps keeps the wraps of this article by width, so going back to a
	// width (a terminal resized and restored) re-wraps nothing. Cleared
	// with the article; at most maxWraps kept.
	wraps map[int]Wrapped
	// inserts are the link numbers drawn in the text (markup.go); every
	// wrap leaves room for them.
	inserts []insert
	header  []string
	offset  int // first visible body line

	annotated bool
	decor     lineDecor
	mentions  []model.Span // the selected entity's mentions
	entity    string       // and its name, for the counter
	mention   int          // current mention, -1 none
	search    string       // active search query ("" none)
	// jumpTo is where to scroll once the text is wrapped: a story opened
	// from the index at a match or a deal; nil when none is pending.
	jumpTo *model.Span

	cur cursorState // sentence cursor and selection (selection.go)
	pos readingPos  // where the reader left it last time (reading_position.go)

	segBuf []seg
}

// articleOpenedMsg tells the reader and the panel an article is opening as
// generation gen: show its metadata while it loads.
type articleOpenedMsg struct {
	gen  int
	meta model.Article
}

// articleReadyMsg asks the root to annotate the article now shown and load
// its highlights.
type articleReadyMsg struct{ article model.Article }

// show is which highlight kinds are on at start (the config's highlights);
// the reader's toggles change them for every article after.
func newReader(c common, measure int, show [numKinds]bool) readerPane {
	r := readerPane{common: c, measure: measure}
	r.decor.show = show
	r.reset(0, model.Article{})
	return r
}

// reset shows a.Meta while the article loads.
func (r *readerPane) reset(gen int, meta model.Article) {
	show := r.decor.show
	*r = readerPane{common: r.common, gen: gen, article: meta,
		width: r.width, height: r.height, measure: r.measure, mention: -1}
	r.pos.pending = -1
	r.decor = lineDecor{selected: -1, current: -1, show: show}
	r.buildHeader()
}

// waiting reports whether the article is still on its way to the screen:
// not loaded, or loaded and its first wrap not back. Keys meant for the
// text wait with it (Model.early).
func (r *readerPane) waiting() bool {
	return r.err == "" && len(r.wrapped.Lines) == 0 && (!r.loaded || r.wrapping != 0 || r.width == 0)
}

// setArticle takes the loaded article and asks for its wrap.
func (r *readerPane) setArticle(a model.Article) tea.Cmd {
	r.article, r.loaded = a, true
	r.decor.markup = flattenMarkup(a.Markup, len(a.Body))
	r.inserts = linkInserts(a.Markup, len(a.Body))
	r.buildHeader()
	if r.width == 0 {
		return nil // no size yet: the first WindowSizeMsg wraps (SetSize)
	}
	return r.rewrap()
}

// Update handles the reader's keys (reader_keys.go) and the open
// article's messages, which the root routes here only while they are
// current.
func (r *readerPane) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return r.key(msg)
	case articleOpenedMsg:
		r.reset(msg.gen, msg.meta)
	case articleLoadedMsg:
		return r.showLoaded(msg)
	case wrappedMsg:
		r.setWrapped(msg.wrapped)
		return nil, r.goToPosition()
	case positionMsg:
		return nil, r.setPosition(msg)
	case annotatedMsg:
		r.setAnnotations(msg.index)
	case searchedMsg:
		r.setSearch(msg.query, msg.matches)
	case highlightsMsg:
		r.setHighlights(msg.highlights)
	case jumpMsg:
		r.decor.marks = msg.marks
		if len(r.wrapped.Lines) == 0 {
			r.jumpTo = &msg.target // the article is still loading
		} else {
			r.scrollTo(msg.target.Start)
		}
	case entitySelectedMsg:
		r.selectEntity(msg)
	case correctShowMsg:
		// the correct menu's name, marked; an empty span takes it off
		r.decor.marks = nil
		if msg.span.End > msg.span.Start && len(r.wrapped.Lines) > 0 {
			r.decor.marks = []model.Span{msg.span}
			// clear of the menu's box at the bottom of the screen
			if line := r.wrapped.LineOf(msg.span.Start); line < r.offset || line >= r.offset+r.bodyHeight()-correctBoxRows {
				r.offset = line - r.bodyHeight()/3
				r.clamp()
			}
		}
	case clearMarksMsg:
		r.decor.selected, r.mentions, r.mention = -1, nil, -1
		if msg.jumps {
			r.decor.marks = nil
		}
	case inputMsg:
		return r.searched(msg), nil
	case keepCardMsg:
		h, req := r.newHighlight(msg.span, msg.note)
		if req != nil {
			return nil, req
		}
		return nil, saveHighlightMsg{h, msg.verb}
	case endSelectionMsg:
		r.cancelSelection()
	case themeMsg:
		r.buildHeader()
	}
	return nil, nil
}

// showLoaded shows the article at once and asks for its annotation and
// highlights. A load that failed shows its reason; a feed item whose page
// could not be fetched is read from the feed's summary, the reason in the
// status bar and under the library.
func (r *readerPane) showLoaded(msg articleLoadedMsg) (tea.Cmd, request) {
	var reqs requests
	if msg.err != nil {
		reqs = append(reqs, failure(sanitize.Line(msg.err.Error())))
		cause := msg.err // the fetch's own error, also under the feed's summary
		if so := (*feeds.SummaryOnly)(nil); errors.As(cause, &so) {
			cause = so.Err
		}
		if u := r.article.URL; u != "" {
			reqs = append(reqs, problemMsg{u, strings.TrimPrefix(sanitize.Line(cause.Error()), sanitize.Text(u)+": ")})
		}
		var summary *feeds.SummaryOnly
		if !errors.As(msg.err, &summary) {
			r.err = sanitize.Text(msg.err.Error())
			return nil, reqs
		}
	}
	return r.setArticle(msg.article), append(reqs, articleReadyMsg{msg.article})
}

// SetSize lays the pane out; a new body width asks for a re-wrap.
func (r *readerPane) SetSize(w, h int) tea.Cmd {
	r.width, r.height = w, h
	r.buildHeader()
	r.clamp()
	if r.loaded && r.bodyWidth() != r.wrapped.Width && r.bodyWidth() != r.wrapping {
		if w, ok := r.wraps[r.bodyWidth()]; ok {
			r.wrapping = w.Width
			r.setWrapped(w)
			return nil
		}
		return r.rewrap()
	}
	return nil
}

const maxWraps = 4

// bodyWidth is the text's width: the pane less a column each side, at
// most the measure (Options.Width) when one is set.
func (r *readerPane) bodyWidth() int {
	w := max(r.width-2, 10)
	if r.measure > 0 {
		w = min(w, r.measure)
	}
	return w
}

// margin is the blank columns left of the text (beyond the one every line
// has): a text held to the measure sits in the middle of a wide pane.
func (r *readerPane) margin() int { return max(r.width-2-r.bodyWidth(), 0) / 2 }

func (r *readerPane) rewrap() tea.Cmd {
	r.wrapping = r.bodyWidth()
	return wrapBody(r.gen, r.article.Body, r.inserts, r.wrapping)
}

// setWrapped installs a finished wrap, keeping the top line's text in view.
func (r *readerPane) setWrapped(w Wrapped) {
	if w.Width != r.wrapping {
		return // an older width
	}
	top := -1
	if len(r.wrapped.Lines) > 0 && r.offset < len(r.wrapped.Lines) {
		top = r.wrapped.Lines[r.offset].Start
	}
	r.wrapped, r.wrapping = w, 0
	if r.wraps == nil || len(r.wraps) >= maxWraps {
		r.wraps = map[int]Wrapped{}
	}
	r.wraps[w.Width] = w
	if top >= 0 {
		r.offset = w.LineOf(top)
	}
	r.clamp()
	if r.jumpTo != nil {
		r.scrollTo(r.jumpTo.Start)
		r.jumpTo = nil
	}
}

func (r *readerPane) setAnnotations(ix annIndex) {
	r.annotated = true
	r.decor.ix = ix
	r.buildHeader()
}

// buildHeader renders the header for the current size and styles: cheap,
// done on layout, theme and article changes, never in View. It takes at
// most a third of the pane, so the text always has most of the rows: on a
// short pane the second lines of caption and byline go first, then the
// caption and the legend, then the title's second line.
func (r *readerPane) buildHeader() {
	w := r.bodyWidth()
	st := r.styles
	a := r.article
	// lines wraps s to the width, at most n lines, the last one ending in
	// "…" when s is longer.
	lines := func(s string, style func(...string) string, n int) []string {
		ww := Wrap(s, w)
		var out []string
		for i := range ww.Lines {
			t := ww.Text(i)
			if i == n-1 && i < len(ww.Lines)-1 {
				out = append(out, style(ansi.Truncate(t+" …", w, "…")))
				break
			}
			out = append(out, style(t))
		}
		return out
	}
	title := a.Title
	if title == "" {
		title = "(untitled)"
	}
	var meta []string
	if a.Source != "" {
		meta = append(meta, a.Source)
	}
	if !a.Date.IsZero() {
		meta = append(meta, a.Date.Format("2 Jan 2006"))
	}
	if len(a.Authors) > 0 {
		meta = append(meta, "By "+strings.Join(a.Authors, ", "))
	}
	if len(a.Contributors) > 0 {
		meta = append(meta, "With "+strings.Join(a.Contributors, ", "))
	}
	var legend string
	if r.annotated {
		legend = ansi.Truncate(r.legend(), w, "…")
	} else if r.loaded {
		legend = st.Subtle.Render("annotating…")
	}
	// How many lines each part may have, given in order of what stays
	// longest: the title's first line, the rule under the header, the
	// byline, the title's second line, the legend, the caption, then the
	// byline's and the caption's second lines.
	budget := max((r.height+2)/3, 1)
	count := func(s string) int {
		if s == "" {
			return 0
		}
		return min(len(Wrap(s, w).Lines), 2)
	}
	metaText := strings.Join(meta, " · ")
	var nTitle, nMeta, nCaption, nLegend, nRule int
	have := map[*int]int{&nTitle: count(title), &nRule: 1, &nMeta: count(metaText), &nLegend: btoi(legend != ""),
		&nCaption: count(a.Caption)}
	for _, grow := range []*int{&nTitle, &nRule, &nMeta, &nTitle, &nLegend, &nCaption, &nMeta, &nCaption} {
		if budget > 0 && *grow < have[grow] {
			*grow++
			budget--
		}
	}
	var h []string
	h = append(h, lines(title, st.Title.Render, nTitle)...)
	if nCaption > 0 {
		h = append(h, lines(a.Caption, st.Caption.Render, nCaption)...)
	}
	if nMeta > 0 {
		h = append(h, lines(metaText, st.Meta.Render, nMeta)...)
	}
	if nLegend > 0 {
		h = append(h, legend)
	}
	pad := strings.Repeat(" ", r.margin()+1)
	for i := range h {
		h[i] = pad + h[i]
	}
	if nRule > 0 {
		// Under the text's column: as wide as the measure, not the pane.
		h = append(h, strings.Repeat(" ", r.margin())+st.Border.Render(strings.Repeat("─", max(r.bodyWidth()+2, 1))))
	}
	r.header = h
}

// legend names each highlight in its own style with its toggle key; a kind
// switched off is drawn struck through.
func (r *readerPane) legend() string {
	st := r.styles
	items := []struct {
		k     markKind
		key   key.Binding
		label string
	}{
		{kindCompany, r.keys.Reader.Companies, "company"},
		{kindPerson, r.keys.Reader.People, "person"},
		{kindPlace, r.keys.Reader.Places, "place"},
		{kindFigure, r.keys.Reader.Figures, "figure"},
		{kindQuote, r.keys.Reader.Quotes, "“quote”"},
	}
	parts := make([]string, 0, len(items))
	for _, it := range items {
		label := kindStyle(st, it.k).Render(it.label)
		if !r.decor.show[it.k] {
			label = st.Subtle.Strikethrough(true).Render(it.label)
		}
		parts = append(parts, st.Subtle.Render(it.key.Help().Key)+" "+label)
	}
	return strings.Join(parts, "  ")
}

// bodyHeight is the number of body lines on screen.
func (r *readerPane) bodyHeight() int { return max(r.height-len(r.header), 1) }

func (r *readerPane) maxOffset() int { return max(len(r.wrapped.Lines)-r.bodyHeight(), 0) }

func (r *readerPane) clamp() { r.offset = min(max(r.offset, 0), r.maxOffset()) }

// scrollTo puts byte offset off on screen, a third of the way down.
func (r *readerPane) scrollTo(off int) {
	r.pos.moved = true
	line := r.wrapped.LineOf(off)
	if line < r.offset || line >= r.offset+r.bodyHeight() {
		r.offset = line - r.bodyHeight()/3
	}
	r.clamp()
}

// toggle switches highlight kinds; all flips every kind together.
func (r *readerPane) toggle(kinds ...markKind) {
	if len(kinds) == 0 {
		on := false
		for _, v := range r.decor.show {
			on = on || v
		}
		for i := range r.decor.show {
			r.decor.show[i] = !on
		}
	}
	for _, k := range kinds {
		r.decor.show[k] = !r.decor.show[k]
	}
	r.buildHeader()
}

// setSearch installs the matches of a finished search and goes to the first
// one on or after the top of the screen.
func (r *readerPane) setSearch(query string, matches []model.Span) {
	r.search, r.decor.matches, r.decor.current = query, matches, -1
	if query == "" || len(matches) == 0 {
		return
	}
	top := 0
	if r.offset < len(r.wrapped.Lines) {
		top = r.wrapped.Lines[r.offset].Start
	}
	r.decor.current = 0
	for i, m := range matches {
		if m.Start >= top {
			r.decor.current = i
			break
		}
	}
	r.scrollTo(matches[r.decor.current].Start)
}

// clearSearch ends the search; it reports whether one was active.
func (r *readerPane) clearSearch() bool {
	if r.search == "" {
		return false
	}
	r.search, r.decor.matches, r.decor.current = "", nil, -1
	return true
}

func (r *readerPane) selectEntity(m entitySelectedMsg) {
	r.decor.selected = int32(m.entity)
	r.mentions, r.mention, r.entity = m.mentions, -1, m.name
	if m.first && len(m.mentions) > 0 {
		r.mention = 0
		r.scrollTo(m.mentions[0].Start)
	}
}

// setHighlights draws the reader's kept passages (those found in the
// current text) under the entity styles.
func (r *readerPane) setHighlights(hs []model.Highlight) {
	var spans []model.Span
	for _, h := range hs {
		if !h.Orphan && h.Start >= 0 && h.Start < h.End && h.End <= len(r.article.Body) {
			spans = append(spans, model.Span{Start: h.Start, End: h.End})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	out := spans[:0]
	end := -1
	for _, s := range spans {
		if s.Start >= end {
			out = append(out, s)
			end = s.End
		}
	}
	r.decor.highlights = out
	r.cur.highlights = hs
}

// setSelection shows span as the passage being selected (empty clears);
// the selection keys drive it (reader_selection.go).
func (r *readerPane) setSelection(span model.Span) { r.decor.selection = span }

// counter is the status bar's "3/7" for the search or the mention walk.
func (r *readerPane) counter() string {
	if r.search != "" {
		if len(r.decor.matches) == 0 {
			return fmt.Sprintf("“%s” 0/0", r.search)
		}
		return fmt.Sprintf("“%s” %d/%d", r.search, r.decor.current+1, len(r.decor.matches))
	}
	if len(r.mentions) > 0 && r.mention >= 0 {
		// The name too: the walk goes on with the panel collapsed or hidden.
		return fmt.Sprintf("%s: mention %d/%d", ansi.Truncate(r.entity, 28, "…"), r.mention+1, len(r.mentions))
	}
	return ""
}

// percent is where the screen is in the article: Top, Bot, All or N%.
func (r *readerPane) percent() string {
	if len(r.wrapped.Lines) == 0 {
		return ""
	}
	return position(r.offset, r.maxOffset())
}

// View draws the header and the visible body lines: O(visible lines).
func (r *readerPane) View() string {
	var b strings.Builder
	for _, h := range r.header {
		b.WriteString(h)
		b.WriteByte('\n')
	}
	body := r.bodyHeight()
	pad := strings.Repeat(" ", r.margin())
	switch {
	case r.err != "":
		b.WriteString(pad + " " + r.styles.Error.Render(ansi.Truncate(r.err, r.bodyWidth(), "…")))
		body--
	case len(r.wrapped.Lines) == 0 && (!r.loaded || r.wrapping != 0):
		b.WriteString(pad + " " + r.styles.Subtle.Render("loading…"))
		body--
	}
	end := min(r.offset+body, len(r.wrapped.Lines))
	cut := r.wrapped.Width > r.bodyWidth()
	// The sentence cursor is a bar in the left margin: a styled space, so
	// it never hides a highlight and plain captures keep their text.
	cs, hasCursor := r.cursorSpan()
	hasCursor = hasCursor && r.cur.shown
	bar := ""
	if hasCursor {
		bar = r.styles.Cursor.Render(" ")
	}
	for i := r.offset; i < end; i++ {
		var line string
		line, r.segBuf = decorate(&r.wrapped, i, &r.decor, r.styles, r.segBuf)
		if cut {
			line = ansi.Truncate(line, r.bodyWidth(), "")
		}
		b.WriteString(pad)
		if l := r.wrapped.Lines[i]; hasCursor && l.Start < cs.End && cs.Start < l.End {
			b.WriteString(bar)
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(line)
		if i < end-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// loadedArticle is the article shown, once it has loaded.
func (r *readerPane) loadedArticle() (model.Article, bool) { return r.article, r.loaded }

// title is the article's title (its metadata's while it loads).
func (r *readerPane) title() string { return r.article.Title }

// keySet is the reader's live keys: the selection's while one is made.
func (r *readerPane) keySet() KeySet {
	if r.cur.selecting {
		return InSelection
	}
	return InReader
}

// ShortHelp is the pane's most used bindings.
func (r *readerPane) ShortHelp() []key.Binding { return r.FullHelp()[0] }

// FullHelp is every binding live in the pane, in columns, for the help overlay.
func (r *readerPane) FullHelp() [][]key.Binding { return r.keys.helpGroups(r.keySet()) }

// atBottom says whether the last line of the article is on screen: space
// there goes on to the next unread article.
func (r *readerPane) atBottom() bool {
	return r.loaded && len(r.wrapped.Lines) > 0 && r.offset >= r.maxOffset()
}
