package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/feeds"
	"newsmark/sanitize"
)

// The feeds view (F) is the library's left column, as in nom and Liferea:
// every subscription with its tags, unread and item counts, its last
// refresh and last error, over two rows for every article and the starred
// ones. The row under the cursor chooses what the library beside it lists
// (its scope); tab moves between the two. On a narrow screen the column
// with the keys fills it.

// scopeKind is what the library lists.
type scopeKind int

const (
	scopeAll     scopeKind = iota // every article
	scopeStarred                  // the starred feed items
	scopeFeed                     // one feed's items
	scopeTag                      // the items of the feeds with a tag (t, on the all row)
)

// libraryScope is the feeds view's choice for the library.
type libraryScope struct {
	kind  scopeKind
	url   string          // scopeFeed: the feed
	feeds map[string]bool // scopeTag: the feeds with the tag
	name  string          // what the status bar calls it
}

// feedRow is one row of the feeds column.
type feedRow struct {
	kind scopeKind // scopeAll (the tag's when one is chosen), scopeStarred or scopeFeed
	feed int       // scopeFeed: index into feeds
}

// feedsPane is the feeds column.
type feedsPane struct {
	common
	feeds    []feeds.FeedInfo // the subscriptions, in the feeds file's order
	fetching map[string]bool  // feeds a refresh is fetching now
	loaded   bool             // the cache has been read (until then: "reading the cache…")
	tag      string           // t: only the feeds with this tag; "" all
	hideRead bool             // l: feeds with nothing unread are left out
	now      func() time.Time // for "refreshed 14:05" (tests fix it)

	rows           []feedRow
	cursor, offset int
	width, height  int
}

func newFeedsPane(c common, now func() time.Time) feedsPane {
	if now == nil {
		now = time.Now
	}
	p := feedsPane{common: c, fetching: map[string]bool{}, now: now}
	p.rebuild()
	return p
}

// rowHeight is a feed's lines: its name and counts, then its tags and state.
const rowHeight = 2

// setFeeds takes the subscriptions (read at start, or again by a
// refresh); the cursor stays on the feed it was on.
func (p *feedsPane) setFeeds(fs []feeds.FeedInfo) {
	p.feeds = fs
	p.loaded = true
	p.rebuild()
}

// feed is the subscription at url, or nil.
func (p *feedsPane) feed(url string) *feeds.FeedInfo {
	for i := range p.feeds {
		if p.feeds[i].URL == url {
			return &p.feeds[i]
		}
	}
	return nil
}

// refreshed keeps one refresh step: when the feed was fetched and why it
// failed, and whether it is still being fetched.
func (p *feedsPane) refreshed(pr feeds.Progress) {
	if pr.Feed == "" { // the refresh is over (or cancelled)
		clear(p.fetching)
		return
	}
	f := p.feed(pr.Feed)
	if pr.State == feeds.RefreshFetching {
		p.fetching[pr.Feed] = true
		return
	}
	delete(p.fetching, pr.Feed)
	if f == nil {
		return
	}
	f.FetchedAt = p.now()
	switch pr.State {
	case feeds.RefreshFailed:
		if pr.Err != nil {
			f.LastError = sanitize.Line(pr.Err.Error())
		}
	default:
		f.LastError = ""
		if pr.Title != "" && f.Title == "" {
			f.Title = sanitize.Line(pr.Title)
		}
	}
}

// rebuild lists the rows: every article, the starred ones, then the feeds
// that have the tag (and, with read hidden, something unread), keeping the
// cursor on the row it was on.
func (p *feedsPane) rebuild() {
	var was feedRow
	hadRow := p.cursor < len(p.rows)
	if hadRow {
		was = p.rows[p.cursor]
	}
	wasURL := ""
	if hadRow && was.kind == scopeFeed && was.feed < len(p.feeds) {
		wasURL = p.feeds[was.feed].URL
	}
	p.rows = append(p.rows[:0], feedRow{kind: scopeAll}, feedRow{kind: scopeStarred})
	for i, f := range p.feeds {
		if p.tag != "" && !hasTag(f, p.tag) {
			continue
		}
		if p.hideRead && p.marks.unreadCount(f.URL) == 0 && f.URL != wasURL {
			continue
		}
		p.rows = append(p.rows, feedRow{kind: scopeFeed, feed: i})
	}
	p.cursor = 0
	for i, r := range p.rows {
		if r.kind == scopeFeed && p.feeds[r.feed].URL == wasURL || wasURL == "" && hadRow && r.kind == was.kind {
			p.cursor = i
			break
		}
	}
	p.follow()
}

func hasTag(f feeds.FeedInfo, tag string) bool {
	for _, t := range f.Tags {
		if t == tag {
			return true
		}
	}
	return false
}

// tags are the feeds' tags, each once, in the order the feeds file first
// names them.
func (p *feedsPane) tags() []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range p.feeds {
		for _, t := range f.Tags {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// nextTag (t) steps the tag filter to the next tag; after the last, every
// feed again.
func (p *feedsPane) nextTag() request {
	tags := p.tags()
	if len(tags) == 0 {
		return status("no feed has a tag (tags follow the URL in the feeds file)")
	}
	next := tags[0]
	for i, t := range tags {
		if t == p.tag {
			next = ""
			if i+1 < len(tags) {
				next = tags[i+1]
			}
			break
		}
	}
	p.tag = next
	p.cursor = 0
	p.rebuild()
	if next == "" {
		return status("every feed")
	}
	return status("feeds tagged " + next)
}

// scope is what the row under the cursor asks the library to list.
func (p *feedsPane) scope() libraryScope {
	if p.cursor >= len(p.rows) {
		return libraryScope{}
	}
	switch r := p.rows[p.cursor]; r.kind {
	case scopeStarred:
		return libraryScope{kind: scopeStarred, name: "starred"}
	case scopeFeed:
		f := p.feeds[r.feed]
		return libraryScope{kind: scopeFeed, url: f.URL, name: f.Name()}
	}
	if p.tag == "" {
		return libraryScope{}
	}
	set := map[string]bool{}
	for _, f := range p.feeds {
		if hasTag(f, p.tag) {
			set[f.URL] = true
		}
	}
	return libraryScope{kind: scopeTag, feeds: set, name: "tag " + p.tag}
}

// selectedFeed is the feed under the cursor; false on the first two rows.
func (p *feedsPane) selectedFeed() (feeds.FeedInfo, bool) {
	if p.cursor < len(p.rows) && p.rows[p.cursor].kind == scopeFeed {
		return p.feeds[p.rows[p.cursor].feed], true
	}
	return feeds.FeedInfo{}, false
}

// selectFeed puts the cursor on the feed at url (next unread's jump to
// another feed); false when it is not listed.
func (p *feedsPane) selectFeed(url string) bool {
	for i, r := range p.rows {
		if r.kind == scopeFeed && p.feeds[r.feed].URL == url {
			p.cursor = i
			p.follow()
			return true
		}
	}
	return false
}

// scopeMsg asks the root to list the scope's articles in the library.
type scopeMsg struct{ scope libraryScope }

// focusItemsMsg asks the root to give the keys to the items beside.
type focusItemsMsg struct{}

// Update moves the cursor (the library follows), enter goes to the items,
// t steps the tag filter; the other keys of the view are the root's.
func (p *feedsPane) Update(msg tea.Msg) (tea.Cmd, request) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	k := p.keys.Feeds
	was := p.cursor
	switch {
	case key.Matches(km, k.Down):
		p.cursor++
	case key.Matches(km, k.Up):
		p.cursor--
	case key.Matches(km, k.Top):
		p.cursor = 0
	case key.Matches(km, k.Bottom):
		p.cursor = len(p.rows) - 1
	case key.Matches(km, k.Open):
		return nil, focusItemsMsg{}
	case key.Matches(km, k.Tag):
		req := p.nextTag()
		return nil, requests{req, scopeMsg{p.scope()}}
	default:
		return nil, nil
	}
	p.cursor = min(max(p.cursor, 0), max(len(p.rows)-1, 0))
	p.follow()
	if p.cursor == was {
		return nil, nil
	}
	return nil, scopeMsg{p.scope()}
}

func (p *feedsPane) perPage() int { return max((p.height-1)/rowHeight, 1) }

func (p *feedsPane) follow() { p.offset = followOffset(p.cursor, p.offset, p.perPage()) }

// SetSize gives the column its box.
func (p *feedsPane) SetSize(w, h int) tea.Cmd { p.width, p.height = w, h; p.follow(); return nil }

// View draws a heading, then two lines per row: the name with its unread
// and item counts, then its tags and when it was refreshed, or why its
// last refresh failed.
func (p *feedsPane) View() string {
	st := p.styles
	w := max(p.width-1, 1)
	head := fmt.Sprintf(" Feeds (%d)", len(p.feeds))
	if p.tag != "" {
		head += " · #" + p.tag
	}
	if p.hideRead {
		head += " · unread only"
	}
	lines := []string{st.Title.Render(ansi.Truncate(head, w, "…"))}
	if !p.loaded {
		lines = append(lines, " "+st.Subtle.Render("reading the feed cache…"))
	} else if len(p.feeds) == 0 {
		lines = append(lines, " "+st.Subtle.Render(ansi.Truncate("no subscriptions: newsmark feeds add URL", w-1, "…")))
	}
	end := min(p.offset+p.perPage(), len(p.rows))
	for i := p.offset; i < end; i++ {
		lines = append(lines, p.rowLines(p.rows[i], i == p.cursor, w)...)
	}
	return strings.Join(lines, "\n")
}

// rowLines draws one row in w cells.
func (p *feedsPane) rowLines(r feedRow, selected bool, w int) []string {
	st := p.styles
	bar := "  "
	name := st.Text
	if selected {
		bar, name = st.Title.Render("▌")+" ", st.Title
	}
	var title, count, sub string
	subStyle := st.Meta
	switch r.kind {
	case scopeAll:
		title = "All articles"
		if p.tag != "" {
			title = "All tagged #" + p.tag
		}
		count = unreadOf(p.marks.unreadCount(""), -1)
		sub = plural(len(p.feeds), "feed", "feeds")
	case scopeStarred:
		title = "★ Starred"
		count = fmt.Sprint(p.marks.starredCount())
		sub = "kept whatever the retention"
	case scopeFeed:
		f := p.feeds[r.feed]
		title = f.Name()
		count = unreadOf(p.marks.unreadCount(f.URL), p.marks.itemCount(f.URL))
		var parts []string
		for _, t := range f.Tags {
			parts = append(parts, "#"+t)
		}
		switch {
		case p.fetching[f.URL]:
			parts = append(parts, "refreshing…")
		case f.LastError != "":
			subStyle = st.Error
			parts = append(parts, "✗ "+f.LastError)
		case f.FetchedAt.IsZero():
			parts = append(parts, "never refreshed")
		default:
			parts = append(parts, "refreshed "+when(f.FetchedAt, p.now()))
		}
		sub = strings.Join(parts, " · ")
		if p.marks.unreadCount(f.URL) > 0 && !selected {
			name = st.Text.Bold(true)
		}
	}
	cw := ansi.StringWidth(count)
	tw := max(w-2-cw-1, 1)
	t := ansi.Truncate(sanitize.Line(title), tw, "…")
	gap := max(w-2-ansi.StringWidth(t)-cw, 1)
	return []string{
		bar + name.Render(t) + strings.Repeat(" ", gap) + st.Meta.Render(count),
		bar + subStyle.Render(ansi.Truncate(sub, max(w-2, 1), "…")),
	}
}

// unreadOf is "3/12" (unread of items, as newsboat counts), or "3 new"
// when the total is not known (items -1).
func unreadOf(unread, items int) string {
	switch {
	case items < 0 && unread > 0:
		return fmt.Sprintf("%d new", unread)
	case items < 0:
		return ""
	}
	return fmt.Sprintf("%d/%d", unread, items)
}

// when is a refresh time as the view says it: the time today, else the
// day.
func when(t, now time.Time) string {
	t, now = t.Local(), now.Local()
	if y, m, d := t.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		return t.Format("15:04")
	}
	if t.Year() == now.Year() {
		return t.Format("2 Jan")
	}
	return t.Format("2 Jan 2006")
}

// statusLine is the status bar's left side when the column has the keys.
func (p *feedsPane) statusLine() string {
	s := " feeds · " + plural(len(p.feeds), "subscription", "subscriptions")
	if n := p.marks.unreadCount(""); n > 0 {
		s += " · " + plural(n, "unread", "unread")
	}
	return s
}

// ShortHelp is the column's most used bindings.
func (p *feedsPane) ShortHelp() []key.Binding { return p.FullHelp()[0] }

// FullHelp is every binding live in the column, for the help overlay.
func (p *feedsPane) FullHelp() [][]key.Binding { return p.keys.helpGroups(InFeeds) }
