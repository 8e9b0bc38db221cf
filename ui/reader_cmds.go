package ui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"newsmark/model"
	"newsmark/notes"
)

// The reader's work off the UI goroutine: wrapping the body, searching it,
// loading its highlights. Each result carries the open generation it was
// asked for; the root drops any whose generation is not the current one.

// wrappedMsg is the body wrapped to one width.
type wrappedMsg struct {
	gen     int
	wrapped Wrapped
}

// searchedMsg is the matches of a search in the article.
type searchedMsg struct {
	gen     int
	query   string
	matches []model.Span
}

// highlightsMsg is the reader's stored highlights of an article.
type highlightsMsg struct {
	gen        int
	highlights []model.Highlight
	err        error
}

func wrapBody(gen int, body string, inserts []insert, width int) tea.Cmd {
	return func() tea.Msg { return wrappedMsg{gen: gen, wrapped: wrapWith(body, width, inserts)} }
}

// searchBody finds every case-insensitive occurrence of query in body.
func searchBody(gen int, body, query string) tea.Cmd {
	return func() tea.Msg {
		return searchedMsg{gen: gen, query: query, matches: findAll(body, query)}
	}
}

// findAll returns the byte spans of query in body, ignoring ASCII case (a
// full Unicode fold could change byte lengths and so the offsets).
func findAll(body, query string) []model.Span {
	if query == "" {
		return nil
	}
	lb, lq := asciiLower(body), asciiLower(query)
	var out []model.Span
	for i := 0; ; {
		j := strings.Index(lb[i:], lq)
		if j < 0 {
			return out
		}
		out = append(out, model.Span{Start: i + j, End: i + j + len(lq)})
		i += j + len(lq)
	}
}

func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

func loadHighlights(gen int, a model.Article, n *notes.Notes) tea.Cmd {
	return func() tea.Msg {
		h, err := n.ForArticle(context.Background(), a)
		return highlightsMsg{gen: gen, highlights: h, err: err}
	}
}
