package index

import (
	"context"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"newsmark/model"
)

// Hit is one search result.
type Hit struct {
	ArticleID, Title string
	Source           string // the outlet
	URL, Path        string
	Date             time.Time
	// Sentence is the body sentence with the most of the query's terms
	// (spaces collapsed, cut to about 300 bytes around the match); the
	// body's first sentence when only the title matched.
	Sentence string
	// Offset is the byte offset in the body of the first match in
	// Sentence, where the reader opens; Match its span. Both are 0 when
	// only the title matched.
	Offset int
	Match  model.Span
	// Score is FTS5's bm25 rank: lower is better.
	Score float64
}

// Locator is how a reader would name where the article came from.
func (h Hit) Locator() string {
	if h.URL != "" {
		return h.URL
	}
	return h.Path
}

// DefaultLimit is how many hits Search returns when asked for none.
const DefaultLimit = 20

// SearchWindow bounds the work of a query that matches a large part of the
// library: only its SearchWindow most recently indexed matches are ranked.
// Queries with fewer matches (nearly all) rank every match.
const SearchWindow = 5000

// Search finds the articles that contain every term of q (see Query),
// best first by bm25 with the title weighing four times the body (among
// the SearchWindow most recently indexed matches, when there are more).
func (ix *Index) Search(ctx context.Context, q string, limit int) ([]Hit, error) {
	match, words, err := query(q)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	window, err := ix.searchWindow(ctx, words)
	if err != nil {
		return nil, err
	}
	raw, err := ix.db.IndexSearch(ctx, match, limit, window)
	if err != nil {
		return nil, err
	}
	hits := make([]Hit, len(raw))
	for i, r := range raw {
		h := Hit{ArticleID: r.ID, Title: r.Title, Source: r.Source, URL: r.URL, Path: r.Path, Date: r.Date, Score: r.Rank}
		sent, match, ok := bestSentence(r.Body, r.Sentences, r.Matches)
		if ok {
			h.Offset, h.Match = match.Start, match
			h.Sentence = excerpt(r.Body, sent, match, maxSentence)
		} else if first := firstSentence(r.Body, r.Sentences); first.End > first.Start {
			h.Sentence = excerpt(r.Body, first, model.Span{Start: first.Start, End: first.Start}, maxSentence)
		}
		hits[i] = h
	}
	return hits, nil
}

// searchWindow is SearchWindow when the query may match more articles
// than that (each of its words occurs in more), else 0: no window, whose
// own scan would only add to the cost of a query with fewer matches.
func (ix *Index) searchWindow(ctx context.Context, words []queryWord) (int, error) {
	terms := make([]string, len(words))
	prefix := make([]bool, len(words))
	for i, w := range words {
		terms[i], prefix[i] = w.text, w.prefix
	}
	docs, err := ix.db.IndexTermDocs(ctx, terms, prefix)
	if err != nil {
		return 0, err
	}
	for _, n := range docs {
		if n <= ix.window {
			return 0, nil // an article matches only if it has every word
		}
	}
	return ix.window, nil
}

// maxSentence is the longest excerpt a hit shows, in bytes.
const maxSentence = 300

// Query turns what a reader typed into an FTS5 query, so that any text is
// a valid query and means what it looks like:
//
//   - every word must occur; a word is taken literally, punctuation and
//     all ("S&P", "AT&T", "U.S." match those, never FTS5 syntax);
//   - "two words" in double quotes is a phrase: the words next to each
//     other, in that order;
//   - a word ending in * is a prefix ("acqui*");
//   - a word starting with - must not occur ("-rumour").
//
// Words with no letter or digit are ignored; a query left with nothing to
// find is an error.
func Query(q string) (string, error) {
	match, _, err := query(q)
	return match, err
}

// queryWord is a word of a query's positive terms, lower-cased as the
// full-text index keeps words (accents are not folded: such a word is then
// unknown to the vocabulary, which only costs a search its window).
type queryWord struct {
	text   string
	prefix bool
}

// query is Query, with the words of its positive terms.
func query(q string) (string, []queryWord, error) {
	var pos, neg []string
	var words []queryWord
	for _, t := range splitQuery(q) {
		exclude := false
		if !t.phrase && strings.HasPrefix(t.text, "-") && len(t.text) > 1 {
			exclude, t.text = true, t.text[1:]
		}
		prefix := false
		if !t.phrase && strings.HasSuffix(t.text, "*") {
			prefix, t.text = true, strings.TrimRight(t.text, "*")
		}
		if !hasTokenChar(t.text) {
			continue
		}
		term := `"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`
		if prefix {
			term += "*"
		}
		if exclude {
			neg = append(neg, term)
			continue
		}
		pos = append(pos, term)
		tokens := strings.FieldsFunc(strings.ToLower(t.text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		for i, tok := range tokens {
			words = append(words, queryWord{text: tok, prefix: prefix && i == len(tokens)-1})
		}
	}
	if len(pos) == 0 {
		return "", nil, errEmpty{q}
	}
	out := strings.Join(pos, " ")
	if len(neg) > 0 {
		out = "(" + out + ") NOT (" + strings.Join(neg, " OR ") + ")"
	}
	return out, words, nil
}

type queryTerm struct {
	text   string
	phrase bool
}

// splitQuery cuts a query into words and "quoted phrases"; an unclosed
// quote runs to the end.
func splitQuery(q string) []queryTerm {
	var out []queryTerm
	for {
		q = strings.TrimLeftFunc(q, unicode.IsSpace)
		if q == "" {
			return out
		}
		if q[0] == '"' {
			end := strings.IndexByte(q[1:], '"')
			if end < 0 {
				out = append(out, queryTerm{text: q[1:], phrase: true})
				return out
			}
			out = append(out, queryTerm{text: q[1 : 1+end], phrase: true})
			q = q[2+end:]
			continue
		}
		end := strings.IndexFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(q)
		}
		out = append(out, queryTerm{text: q[:end]})
		q = q[end:]
	}
}

// hasTokenChar reports whether FTS5's unicode61 tokenizer finds a token in
// s: a letter or a digit.
func hasTokenChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}

// bestSentence picks the sentence holding the most distinct matched terms
// (then the most matches, then the first) and returns it with its first
// match. Without sentence spans, the text around the first match stands in.
func bestSentence(body string, sents []model.Span, matches []model.Span) (sent, first model.Span, ok bool) {
	if len(matches) == 0 {
		return sent, first, false
	}
	if len(sents) == 0 {
		m := matches[0]
		return model.Span{Start: max(0, m.Start-maxSentence/2), End: min(len(body), m.End+maxSentence/2)}, m, true
	}
	bestDistinct, bestCount := -1, 0
	mi := 0
	for _, s := range sents {
		for mi < len(matches) && matches[mi].Start < s.Start {
			mi++
		}
		terms := map[string]bool{}
		count := 0
		var firstHere model.Span
		for j := mi; j < len(matches) && matches[j].Start < s.End; j++ {
			m := matches[j]
			if count == 0 {
				firstHere = m
			}
			count++
			terms[strings.ToLower(body[m.Start:m.End])] = true
		}
		if count == 0 {
			continue
		}
		if len(terms) > bestDistinct || (len(terms) == bestDistinct && count > bestCount) {
			bestDistinct, bestCount, sent, first = len(terms), count, s, firstHere
		}
	}
	if bestDistinct < 0 { // matches outside every sentence span
		m := matches[0]
		return model.Span{Start: max(0, m.Start-maxSentence/2), End: min(len(body), m.End+maxSentence/2)}, m, true
	}
	return sent, first, true
}

func firstSentence(body string, sents []model.Span) model.Span {
	if len(sents) > 0 {
		return sents[0]
	}
	end := strings.IndexByte(body, '\n')
	if end < 0 {
		end = len(body)
	}
	return model.Span{Start: 0, End: end}
}

// excerpt is the text of span s of body with runs of spaces made one,
// cut to about limit bytes so that match stays in view; "…" marks a cut.
func excerpt(body string, s, match model.Span, limit int) string {
	s.Start, s.End = max(0, s.Start), min(len(body), s.End)
	if s.End-s.Start > limit {
		start := max(s.Start, match.Start-limit/3)
		end := min(s.End, start+limit)
		start = max(s.Start, end-limit)
		prefix, suffix := "", ""
		if start > s.Start {
			prefix = "…"
		}
		if end < s.End {
			suffix = "…"
		}
		for start < end && !utf8.RuneStart(body[start]) {
			start++
		}
		for end > start && end < len(body) && !utf8.RuneStart(body[end]) {
			end--
		}
		return prefix + strings.Join(strings.Fields(body[start:end]), " ") + suffix
	}
	return strings.Join(strings.Fields(body[s.Start:s.End]), " ")
}
