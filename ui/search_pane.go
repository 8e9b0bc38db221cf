package ui

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/index"
	"newsmark/model"
	"newsmark/sanitize"
)

// searchPane is the search screen (S): full-text search over every story
// the index holds, read or cached. The query is typed in the text input
// and searched as it is typed; the ranked results show each story's title,
// outlet and date, and the sentence that matched with the query's words
// marked. enter opens the story at the match, from the index's stored text
// (so a file since deleted still opens).
type searchPane struct {
	common
	ix *index.Index

	query    string // what the hits are for: the text being typed, or the last entered
	accepted string // the last query entered; esc while typing comes back to it
	seq      int    // bumped per search asked: only the latest one's hits are kept
	running  bool
	hits     []searchHit
	problem  string // why the query searches nothing ("nothing to search for")
	stale    bool   // the index changed while the screen was away: search again when shown

	cursor, offset int
	width, height  int
}

// searchHit is a hit with its lines ready to draw: sanitised once when the
// results arrive, and the query's words found in the sentence.
type searchHit struct {
	index.Hit
	title, meta string
	marks       []model.Span // byte spans of Sentence to mark
}

// searchedIndexMsg is the result of one search.
type searchedIndexMsg struct {
	seq   int
	query string
	hits  []index.Hit
	err   error
}

// searchLimit is how many results a search shows.
const searchLimit = 20

// searchItemHeight is a result's lines: title, outlet and date, two lines
// of sentence, a gap.
const searchItemHeight = 5

func newSearchPane(c common, ix *index.Index) searchPane { return searchPane{common: c, ix: ix} }

// startSearchMsg is S: the screen opens on the query input, with the
// last query (searched again if the index changed since).
type startSearchMsg struct{}

// Update handles the result keys, the query being typed and the results.
func (p *searchPane) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return nil, p.key(msg)
	case startSearchMsg:
		var cmd tea.Cmd
		if p.stale {
			cmd = p.refresh()
		}
		return cmd, startInputMsg{inputIndexSearch, p.accepted}
	case inputMsg:
		switch msg.state {
		case inputAccepted:
			p.accepted = msg.value
			if msg.value != p.query {
				return p.run(msg.value), nil
			}
		case inputCancelled:
			if p.accepted != p.query {
				return p.run(p.accepted), nil
			}
		default:
			return p.run(msg.value), nil
		}
	case searchedIndexMsg:
		if msg.seq != p.seq {
			return nil, nil // a query typed since
		}
		p.running = false
		if msg.err != nil {
			p.hits, p.problem = nil, sanitize.Line(msg.err.Error())
			return nil, nil
		}
		p.setHits(msg.query, msg.hits)
	case indexChangedMsg:
		p.stale = true
	}
	return nil, nil
}

// refresh searches again for what the index now holds (the screen is
// shown and the background indexing wrote stories).
func (p *searchPane) refresh() tea.Cmd {
	if p.query == "" {
		return nil
	}
	return p.run(p.query)
}

// run asks for the hits of q. A query with nothing to search for says so
// at once, without a Cmd: index.Query checks it as it is typed.
func (p *searchPane) run(q string) tea.Cmd {
	p.query, p.stale = q, false
	p.seq++
	if strings.TrimSpace(q) == "" {
		p.hits, p.problem, p.running = nil, "", false
		return nil
	}
	if _, err := index.Query(q); err != nil {
		p.hits, p.problem, p.running = nil, sanitize.Line(err.Error()), false
		return nil
	}
	p.running, p.problem = true, ""
	ix, seq := p.ix, p.seq
	return func() tea.Msg {
		hits, err := ix.Search(context.Background(), q, searchLimit)
		return searchedIndexMsg{seq: seq, query: q, hits: hits, err: err}
	}
}

// setHits keeps the results, their lines made once.
func (p *searchPane) setHits(q string, hits []index.Hit) {
	terms := queryTerms(q)
	p.hits = make([]searchHit, len(hits))
	for i, h := range hits {
		h.Sentence = sanitize.Line(h.Sentence)
		sh := searchHit{Hit: h, title: sanitize.Line(h.Title)}
		if sh.title == "" {
			sh.title = "(untitled)"
		}
		var meta []string
		for _, s := range []string{sanitize.Line(h.Source), h.Date.Format("2006-01-02"), sanitize.Line(h.Locator())} {
			if s != "" && s != "0001-01-01" {
				meta = append(meta, s)
			}
		}
		sh.meta = strings.Join(meta, " · ")
		sh.marks = markTerms(h.Sentence, terms)
		p.hits[i] = sh
	}
	p.cursor, p.offset = 0, 0
}

// key moves through the results; enter asks to open one, / to edit the
// query.
func (p *searchPane) key(msg tea.KeyPressMsg) request {
	k := p.keys.Search
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
		p.cursor = len(p.hits) - 1
	case key.Matches(msg, k.Open):
		if p.cursor < len(p.hits) {
			h := p.hits[p.cursor]
			return openStoredMsg{id: h.ArticleID, at: h.Match}
		}
		return nil
	case key.Matches(msg, k.Edit):
		return startInputMsg{inputIndexSearch, p.accepted}
	case key.Matches(msg, p.keys.Company.Open):
		if p.cursor < len(p.hits) {
			h := p.hits[p.cursor]
			return hitCompanyMsg{id: h.ArticleID, at: h.Match}
		}
		return nil
	default:
		return nil
	}
	p.cursor = min(max(p.cursor, 0), max(len(p.hits)-1, 0))
	p.offset = followOffset(p.cursor, p.offset, p.perPage())
	return nil
}

// back has nothing to close inside the screen: esc goes to the library.
func (p *searchPane) back() bool { return false }

func (p *searchPane) perPage() int { return max((p.height-2)/searchItemHeight, 1) }

// SetSize gives the screen its box.
func (p *searchPane) SetSize(w, h int) tea.Cmd {
	p.width, p.height = w, h
	p.offset = followOffset(p.cursor, p.offset, p.perPage())
	return nil
}

// statusLine is the status bar's left side on the search screen.
func (p *searchPane) statusLine() string {
	switch {
	case p.query == "":
		return " search: " + p.keys.Search.Edit.Help().Key + " to type a query"
	case p.running:
		return " search: searching…"
	}
	return " search: " + plural(len(p.hits), "result", "results") + " for “" + sanitize.Line(p.query) + "”"
}

// View draws the header, then the visible results: O(visible results).
func (p *searchPane) View() string {
	st := p.styles
	w := max(p.width-3, 1)
	head := "Search every story read or cached"
	if p.query != "" {
		head = "Search · “" + sanitize.Line(p.query) + "”"
	}
	lines := []string{" " + st.Title.Render(ansi.Truncate(head, max(p.width-2, 1), "…")),
		st.Border.Render(strings.Repeat("─", max(p.width, 1)))}
	switch {
	case p.problem != "":
		lines = append(lines, " "+st.Error.Render(ansi.Truncate(p.problem, w, "…")))
	case p.query == "":
		lines = append(lines, " "+st.Subtle.Render("words must all occur; \"a phrase\", acqui* for a prefix, -word to leave out"))
	case p.running && len(p.hits) == 0:
		lines = append(lines, " "+st.Subtle.Render("searching…"))
	case len(p.hits) == 0:
		lines = append(lines, " "+st.Subtle.Render(ansi.Truncate("no story matches “"+sanitize.Line(p.query)+"”", w, "…")))
	}
	end := min(p.offset+p.perPage(), len(p.hits))
	for i := p.offset; i < end; i++ {
		h := &p.hits[i]
		bar, ts := "  ", st.Text
		if i == p.cursor {
			bar, ts = st.Title.Render("▌")+" ", st.Title
		}
		lines = append(lines, bar+ts.Render(ansi.Truncate(h.title, w, "…")), bar+st.Meta.Render(ansi.Truncate(h.meta, w, "…")))
		sent := sentenceLines(h.Sentence, h.marks, w, 2, st.Text, st.Match)
		for len(sent) < 2 {
			sent = append(sent, "")
		}
		for _, l := range sent {
			lines = append(lines, bar+l)
		}
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// sentenceLines wraps s to width, at most n lines (the last cut with "…"),
// drawing the bytes of marks in hl and the rest in base.
func sentenceLines(s string, marks []model.Span, width, n int, base, hl lipgloss.Style) []string {
	wr := Wrap(s, width)
	var out []string
	for i, l := range wr.Lines {
		if i == n {
			break
		}
		start, end := l.Start, l.End
		cut := i == n-1 && i < len(wr.Lines)-1
		var b strings.Builder
		for start < end {
			// marks are sorted and apart: the first that ends after start
			// either holds start or is the next to begin.
			next, marked := end, false
			for _, m := range marks {
				if m.End <= start {
					continue
				}
				if m.Start <= start {
					next, marked = min(m.End, end), true
				} else {
					next = min(m.Start, end)
				}
				break
			}
			style := base
			if marked {
				style = hl
			}
			b.WriteString(style.Render(s[start:next]))
			start = next
		}
		line := b.String()
		if cut {
			line = ansi.Truncate(line+" …", width, "…")
		}
		out = append(out, line)
	}
	return out
}

// queryTerm is a word or phrase of a query to mark in a sentence.
type queryTerm struct {
	text   string // ASCII lower case
	prefix bool   // acqui*: any word starting so
}

// queryTerms are the words and phrases of q a hit's sentence holds, read
// as index.Query reads them: "a phrase", acqui* a prefix, -word left out,
// words without a letter or digit ignored.
func queryTerms(q string) []queryTerm {
	var out []queryTerm
	for q = strings.TrimSpace(q); q != ""; q = strings.TrimSpace(q) {
		if q[0] == '"' {
			end := strings.IndexByte(q[1:], '"')
			if end < 0 {
				end = len(q) - 1
			}
			if t := strings.TrimSpace(q[1 : 1+end]); hasWordChar(t) {
				out = append(out, queryTerm{text: asciiLower(t)})
			}
			q = q[min(2+end, len(q)):]
			continue
		}
		end := strings.IndexFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(q)
		}
		w := q[:end]
		q = q[end:]
		if strings.HasPrefix(w, "-") && len(w) > 1 {
			continue
		}
		t := queryTerm{text: asciiLower(strings.TrimRight(w, "*")), prefix: strings.HasSuffix(w, "*")}
		if hasWordChar(t.text) {
			out = append(out, t)
		}
	}
	return out
}

func hasWordChar(s string) bool { return strings.IndexFunc(s, isWordRune) >= 0 }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// markTerms finds the terms in s where they stand as words (a prefix term
// at a word's start), as the full-text index matched them, sorted and
// without overlaps.
func markTerms(s string, terms []queryTerm) []model.Span {
	low := asciiLower(s)
	var spans []model.Span
	for _, t := range terms {
		for i := 0; i < len(low); {
			j := strings.Index(low[i:], t.text)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(t.text)
			i = end
			if wordBefore(low, start) || (!t.prefix && wordAfter(low, end)) {
				continue
			}
			if t.prefix {
				for wordAfter(low, end) {
					_, size := utf8.DecodeRuneInString(low[end:])
					end += size
				}
			}
			spans = append(spans, model.Span{Start: start, End: end})
		}
	}
	slices.SortFunc(spans, func(a, b model.Span) int { return cmp.Or(a.Start-b.Start, b.End-a.End) })
	out := spans[:0]
	last := -1
	for _, sp := range spans {
		if sp.Start >= last {
			out = append(out, sp)
			last = sp.End
		}
	}
	return out
}

// wordBefore reports whether a letter or digit ends at byte i of s.
func wordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && isWordRune(r)
}

// wordAfter reports whether a letter or digit starts at byte i of s.
func wordAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && isWordRune(r)
}

// keySet is the screen's live keys.
func (p *searchPane) keySet() KeySet { return InSearch }

// ShortHelp is the screen's most used bindings.
func (p *searchPane) ShortHelp() []key.Binding { return p.FullHelp()[0] }

// FullHelp is every binding live on the screen, for the help overlay.
func (p *searchPane) FullHelp() [][]key.Binding { return p.keys.helpGroups(InSearch) }
