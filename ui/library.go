package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/sahilm/fuzzy"

	"newsmark/articles"
	"newsmark/model"
	"newsmark/notes"
	"newsmark/sanitize"
)

// counts is what the library shows of an annotated article.
type counts struct{ companies, ventures int }

// libraryPane lists the articles newest first, with a fuzzy filter. The
// network side adds entries and problem lines to it by request
// (library_web.go); the background annotation fills its counts.
type libraryPane struct {
	common

	entries  []articles.Entry // newest first
	problems []string         // one sanitised line per input that failed
	counts   map[string]counts
	// noteCounts marks the articles that have highlights (notes work).
	noteCounts notes.Counts
	// tail is how many entries at the end keep their place whatever their
	// date (the samples, listed after the feed items); see library_web.go.
	tail int
	// scope is the feeds view's choice: every article, the starred ones
	// or one feed's (feeds_view.go); hideRead (l) leaves out the feed items
	// already read when the list is made (one read since stays until then,
	// as in newsboat, so the cursor does not jump).
	scope    libraryScope
	hideRead bool
	// pos is entries' index by article ID for a feed's scope; posStale
	// says the entries changed since it was made.
	pos      map[string]int
	posStale bool
	// empty is what the list says when it has nothing to show and no
	// filter: why, and what to press (a cancelled URL fetch: r retries).
	empty string
	// followed marks the stories that name a followed company, with those
	// companies' names; onlyFollowed (W) lists those stories alone.
	followed     map[string][]string
	onlyFollowed bool

	// reading is set while the heads of listed files are being read
	// (library_heads.go): the status line says so.
	reading bool

	filter  string
	visible []int // indices into entries, in display order
	cursor  int   // index into visible
	offset  int   // first visible item

	width, height int
}

const itemHeight = 3 // title, meta, gap

func newLibrary(c common, lib articles.Library) libraryPane {
	l := libraryPane{common: c, counts: map[string]counts{}}
	// The entries are shared with the caller and never changed in place:
	// a library is mostly in order already, and copying thousands of large
	// entries before the first frame cost more than drawing it. One out of
	// order is sorted in a copy.
	l.entries = lib.Entries
	if !sortedByDate(l.entries) {
		l.entries = slices.Clone(l.entries)
		sortByDate(l.entries)
	}
	for _, p := range lib.Problems {
		l.problems = append(l.problems, sanitize.Text(p.String()))
	}
	l.applyFilter()
	return l
}

// titles is the filter's text of each entry: its title and source.
type titles []articles.Entry

func (t titles) String(i int) string { return t[i].Meta.Title + " " + t[i].Meta.Source }
func (t titles) Len() int            { return len(t) }

// setFilter filters the list (see applyFilter).
func (l *libraryPane) setFilter(f string) {
	l.filter = f
	l.applyFilter()
}

// applyFilter lists the entries the filter finds, best first: those in
// which every word typed starts a word of the title or source ("kes" finds
// Kestrel), then those that hold every word anywhere, then close fuzzy
// matches (the letters typed, in order, near one another or at word
// starts: "halvrsen", "sgc" for SoftBank Group Corp.). Within each rank the
// library's own order (newest first) stays. A loose fuzzy match, letters
// scattered across the title, is no match: with it "kes" found every story.
func (l *libraryPane) applyFilter() {
	l.visible = l.visible[:0]
	l.cursor, l.offset = 0, 0
	if l.filter == "" {
		if l.scope.kind == scopeFeed {
			if ids := l.marks.ids(l.scope.url); len(ids)*8 < len(l.entries) {
				// A feed's hundred items of 20,000: found by position, not
				// by a scan (the feeds view re-scopes on every move).
				for _, id := range ids {
					if i, ok := l.indexOf(id); ok && l.shows(id) {
						l.visible = append(l.visible, i)
					}
				}
				slices.Sort(l.visible)
				return
			}
		}
		for i := range l.entries {
			if l.shows(l.entries[i].Meta.ID) {
				l.visible = append(l.visible, i)
			}
		}
		return
	}
	words := strings.Fields(strings.ToLower(l.filter))
	if len(words) == 0 {
		words = []string{strings.ToLower(l.filter)}
	}
	src := titles(l.entries)
	rank := make([]int, len(l.entries)) // 0 none, 1 word prefixes, 2 substrings, 3 fuzzy
	for i := range l.entries {
		text := strings.ToLower(src.String(i))
		switch {
		case allWordPrefixes(text, words):
			rank[i] = 1
		case allSubstrings(text, words):
			rank[i] = 2
		}
	}
	for _, m := range fuzzy.FindFrom(l.filter, src) {
		if rank[m.Index] == 0 && closeMatch(src.String(m.Index), m.MatchedIndexes, len([]rune(l.filter))) {
			rank[m.Index] = 3
		}
	}
	for r := 1; r <= 3; r++ {
		for i := range l.entries {
			if rank[i] == r && l.shows(l.entries[i].Meta.ID) {
				l.visible = append(l.visible, i)
			}
		}
	}
}

// indexOf is the index in entries of the article with this ID, from a map
// made again when the entries changed (posStale) or, whatever changed
// them, when it points at another article.
func (l *libraryPane) indexOf(id string) (int, bool) {
	for try := 0; try < 2; try++ {
		if l.pos == nil || l.posStale || try == 1 {
			l.pos = make(map[string]int, len(l.entries))
			for i, e := range l.entries {
				l.pos[e.Meta.ID] = i
			}
			l.posStale = false
		}
		i, ok := l.pos[id]
		if !ok || i < len(l.entries) && l.entries[i].Meta.ID == id {
			return i, ok
		}
	}
	return 0, false
}

// shows says whether the article with this ID is in the scope and, with
// read items hidden, not a feed item already read.
func (l *libraryPane) shows(id string) bool {
	if l.onlyFollowed && len(l.followed[id]) == 0 {
		return false
	}
	if l.hideRead && l.marks.hasMarks(id) && !l.marks.isUnread(id) {
		return false
	}
	switch l.scope.kind {
	case scopeStarred:
		return l.marks.isStarred(id)
	case scopeFeed:
		return l.marks.inFeed(id, l.scope.url)
	case scopeTag:
		for _, f := range l.marks.feeds(id) {
			if l.scope.feeds[f] {
				return true
			}
		}
		return false
	}
	return true
}

// allWordPrefixes reports whether each word starts some word of text.
func allWordPrefixes(text string, words []string) bool {
	fields := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		found := w == ""
		for _, f := range fields {
			if strings.HasPrefix(f, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// allSubstrings reports whether text holds each word.
func allSubstrings(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// closeMatch reports whether a fuzzy match of n runes is tight: its
// letters lie within half as many again as were typed, or each starts a
// word. idx are byte offsets into s.
func closeMatch(s string, idx []int, n int) bool {
	if len(idx) == 0 {
		return false
	}
	if span := len([]rune(s[idx[0] : idx[len(idx)-1]+1])); span <= n+n/2+1 {
		return true
	}
	for _, i := range idx {
		if i > 0 && s[i-1] != ' ' && s[i-1] != '-' {
			return false
		}
	}
	return true
}

// selected is the entry under the cursor; false when the filter hides all.
func (l *libraryPane) selected() (articles.Entry, bool) {
	if l.cursor < 0 || l.cursor >= len(l.visible) {
		return articles.Entry{}, false
	}
	return l.entries[l.visible[l.cursor]], true
}

// SetSize gives the list its box (under the progress block, if any).
func (l *libraryPane) SetSize(w, h int) tea.Cmd { l.width, l.height = w, h; l.follow(); return nil }

// footerHeight is the problems block: at most 3 lines and a count.
func (l *libraryPane) footerLines() []string {
	if len(l.problems) == 0 {
		return nil
	}
	out := []string{l.styles.Border.Render(strings.Repeat("─", max(l.width, 1)))}
	for i, p := range l.problems {
		if i == 3 {
			out = append(out, l.styles.Error.Render(fmt.Sprintf(" … and %d more (all on stderr)", len(l.problems)-3)))
			break
		}
		out = append(out, " "+l.styles.Error.Render(ansi.Truncate(p, max(l.width-2, 1), "…")))
	}
	return out
}

// perPage is how many items fit above the problems footer.
func (l *libraryPane) perPage() int {
	return max((l.height-len(l.footerLines()))/itemHeight, 1)
}

// follow scrolls the list so the cursor item is on screen.
func (l *libraryPane) follow() { l.offset = followOffset(l.cursor, l.offset, l.perPage()) }

// Update handles the library's keys and what is addressed to it: the
// filter being typed, note and annotation counts, and the network side's
// entries and problem lines (library_web.go).
func (l *libraryPane) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return nil, l.key(msg)
	case inputMsg:
		if msg.state != inputAccepted {
			l.setFilter(msg.value)
		}
	case noteCountsMsg:
		if msg.err == nil {
			l.noteCounts = msg.counts
		}
	case annotatedMsg:
		l.setCounts(msg)
	case followedMarksMsg:
		if msg.err == nil {
			l.followed = msg.marks
			if l.onlyFollowed {
				l.applyFilter()
			}
		}
	default:
		return nil, l.webUpdate(msg)
	}
	return nil, nil
}

// key moves the cursor; enter asks to open the entry, / to type a filter
// and o to open its page in the browser.
func (l *libraryPane) key(msg tea.KeyPressMsg) request {
	k := l.keys.Library
	switch {
	case key.Matches(msg, k.Down):
		l.cursor++
	case key.Matches(msg, k.Up):
		l.cursor--
	case key.Matches(msg, k.PageDown):
		l.cursor += l.perPage()
	case key.Matches(msg, k.PageUp):
		l.cursor -= l.perPage()
	case key.Matches(msg, k.HalfDown):
		l.cursor += max(l.perPage()/2, 1)
	case key.Matches(msg, k.HalfUp):
		l.cursor -= max(l.perPage()/2, 1)
	case key.Matches(msg, k.Top):
		l.cursor = 0
	case key.Matches(msg, k.Bottom):
		l.cursor = len(l.visible) - 1
	case key.Matches(msg, k.Open):
		if e, ok := l.selected(); ok {
			return openArticleMsg{entry: e}
		}
		return nil
	case key.Matches(msg, k.Filter):
		return startInputMsg{inputLibraryFilter, l.filter}
	case key.Matches(msg, l.keys.Web.Browser):
		if e, ok := l.selected(); ok {
			return browse(e.Meta.URL)
		}
		return nil
	case key.Matches(msg, l.keys.Brief.OnlyFollowed):
		l.onlyFollowed = !l.onlyFollowed
		l.applyFilter()
		if l.onlyFollowed {
			return status("only stories about companies you follow (W again: all)")
		}
		return status("every story")
	default:
		return nil
	}
	l.cursor = min(max(l.cursor, 0), max(len(l.visible)-1, 0))
	l.follow()
	return nil
}

// step moves the cursor from the entry with this ID (else from the cursor)
// to the next (dir 1) or previous (dir -1) entry shown and returns it;
// false at either end.
func (l *libraryPane) step(id string, dir int) (articles.Entry, bool) {
	at := l.cursor
	for i, idx := range l.visible {
		if l.entries[idx].Meta.ID == id {
			at = i
			break
		}
	}
	if at+dir < 0 || at+dir >= len(l.visible) {
		return articles.Entry{}, false
	}
	l.cursor = at + dir
	l.follow()
	return l.selected()
}

// back clears the filter; it reports whether there was one.
func (l *libraryPane) back() bool {
	if l.filter == "" {
		return false
	}
	l.setFilter("")
	return true
}

// setCounts keeps what the library shows of an annotated article.
func (l *libraryPane) setCounts(msg annotatedMsg) {
	if msg.id == "" {
		return
	}
	companies := 0
	for _, e := range msg.ann.Entities {
		if e.Kind == model.Company {
			companies++
		}
	}
	l.counts[msg.id] = counts{companies: companies, ventures: len(msg.ann.Ventures)}
}

// statusLine is the status bar's left side on the library screen: what is
// listed (the feeds view's choice), how many, how many unread.
func (l *libraryPane) statusLine() string {
	name := "newsmark"
	if l.scope.kind != scopeAll {
		name = l.scope.name
	}
	s := " " + name + " · " + plural(len(l.visible), "article", "articles")
	if l.filter != "" {
		s += " matching “" + l.filter + "”"
	}
	if l.onlyFollowed {
		s += " about companies you follow"
	}
	if n := l.unreadShown(); n > 0 {
		s += " · " + plural(n, "unread", "unread")
	}
	if l.hideRead {
		s += " · read hidden"
	}
	if l.reading {
		s += " · reading titles and dates…"
	}
	return s
}

// unreadShown is how many of the articles in scope are unread: the feed's
// count for a feed (kept as marks change), else counted.
func (l *libraryPane) unreadShown() int {
	switch l.scope.kind {
	case scopeAll:
		if l.filter == "" {
			return l.marks.unreadCount("")
		}
	case scopeFeed:
		if l.filter == "" {
			return l.marks.unreadCount(l.scope.url)
		}
	}
	n := 0
	for _, i := range l.visible {
		if l.marks.isUnread(l.entries[i].Meta.ID) {
			n++
		}
	}
	return n
}

// View draws the visible items and the problems footer.
func (l *libraryPane) View() string {
	st := l.styles
	w := max(l.width-4, 1)
	var lines []string
	if len(l.visible) == 0 {
		switch {
		case l.filter != "":
			lines = append(lines, " "+st.Subtle.Render("no article matches “"+l.filter+"”"))
		case l.onlyFollowed:
			lines = append(lines, " "+st.Subtle.Render("no story names a company you follow (w on a company follows it; W shows all)"))
		case l.hideRead && len(l.entries) > 0:
			lines = append(lines, " "+st.Subtle.Render("nothing unread here · "+firstKey(l.keys.Feeds.HideRead)+" shows what is read"))
		case l.scope.kind == scopeStarred:
			lines = append(lines, " "+st.Subtle.Render("no starred articles · "+firstKey(l.keys.Feeds.Star)+" stars one"))
		case l.scope.kind != scopeAll:
			lines = append(lines, " "+st.Subtle.Render("no articles in "+l.scope.name+" yet · "+firstKey(l.keys.Web.Refresh)+" refreshes it"))
		case l.empty != "":
			lines = append(lines, " "+st.Subtle.Render(ansi.Truncate(l.empty, w, "…")))
		default:
			lines = append(lines, " "+st.Subtle.Render("no articles"))
		}
	}
	end := min(l.offset+l.perPage(), len(l.visible))
	for i := l.offset; i < end; i++ {
		e := l.entries[l.visible[i]]
		m := e.Meta
		title := m.Title
		if title == "" {
			title = "(untitled)"
		}
		var meta []string
		if l.marks.isStarred(m.ID) {
			meta = append(meta, "★ starred")
		}
		if l.marks.isUnread(m.ID) {
			meta = append(meta, "● unread")
		}
		if m.Source != "" {
			meta = append(meta, m.Source)
		}
		if !m.Date.IsZero() {
			meta = append(meta, m.Date.Format("2006-01-02"))
		}
		if c, ok := l.counts[m.ID]; ok {
			meta = append(meta, plural(c.companies, "company", "companies"), plural(c.ventures, "venture", "ventures"))
		}
		if n := l.noteCounts.For(m); n > 0 {
			meta = append(meta, "✎ "+plural(n, "note", "notes"))
		}
		if names := l.followed[m.ID]; len(names) > 0 {
			meta = append(meta, "◆ "+strings.Join(names, ", ")) // ★ is starred
		}
		bar := "  "
		ts := st.Text
		if i == l.cursor {
			bar = st.Title.Render("▌") + " "
			ts = st.Title
		}
		lines = append(lines, bar+ts.Render(ansi.Truncate(title, w, "…")),
			bar+st.Meta.Render(ansi.Truncate(strings.Join(meta, " · "), w, "…")), "")
	}
	body := strings.Join(lines, "\n")
	if f := l.footerLines(); len(f) > 0 {
		body = padLines(body, l.height-len(f)) + "\n" + strings.Join(f, "\n")
	}
	return body
}

// plural writes a count with the right noun: "1 venture", "3 ventures".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// padLines cuts or pads s to exactly h lines.
func padLines(s string, h int) string {
	if h <= 0 {
		return ""
	}
	n := strings.Count(s, "\n") + 1
	if n > h {
		idx := 0
		for i := 0; i < h; i++ {
			j := strings.IndexByte(s[idx:], '\n')
			idx += j + 1
		}
		return s[:idx-1]
	}
	return s + strings.Repeat("\n", h-n)
}

// ShortHelp is the pane's most used bindings.
func (l *libraryPane) ShortHelp() []key.Binding { return l.FullHelp()[0] }

// FullHelp is every binding live in the pane, in columns, for the help overlay.
func (l *libraryPane) FullHelp() [][]key.Binding { return l.keys.helpGroups(InLibrary) }

// setScope lists what the feeds view chose; the cursor stays on its
// article when it is still listed.
func (l *libraryPane) setScope(s libraryScope) {
	l.scope = s
	l.refilter()
}

// setHideRead hides (l) or shows the feed items already read.
func (l *libraryPane) setHideRead(on bool) {
	l.hideRead = on
	l.refilter()
}

// refilter lists the entries again, the cursor staying on its article
// when it is still listed (else at the top).
func (l *libraryPane) refilter() {
	cur, ok := l.selected()
	l.applyFilter()
	if ok {
		l.selectID(cur.Meta.ID)
	}
}

// selectID puts the cursor on the article with this ID; false when it is
// not listed.
func (l *libraryPane) selectID(id string) bool {
	for i, v := range l.visible {
		if l.entries[v].Meta.ID == id {
			l.cursor = i
			l.follow()
			return true
		}
	}
	return false
}

// nextUnread is the first unread article listed after the one with ID
// from (from the top when from is "" or not listed); with wrap, round to
// the top after the last. The cursor goes to it.
func (l *libraryPane) nextUnread(from string, wrap bool) (articles.Entry, bool) {
	at := -1
	if from != "" {
		for i, v := range l.visible {
			if l.entries[v].Meta.ID == from {
				at = i
				break
			}
		}
	}
	n := len(l.visible)
	last := n - 1 - at // to the end
	if wrap {
		last = n // round to the one before from
	}
	for k := 1; k <= last; k++ {
		i := (at + k) % n
		if e := l.entries[l.visible[i]]; l.marks.isUnread(e.Meta.ID) && e.Meta.ID != from {
			l.cursor = i
			l.follow()
			return e, true
		}
	}
	return articles.Entry{}, false
}
