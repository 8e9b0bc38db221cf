package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"newsmark/index"
	"newsmark/sanitize"
)

const searchUsage = `usage: newsmark search [--json] [--limit N] [--data-dir DIR] QUERY...
Searches every article in the index (see newsmark index) and the cached
feed articles. Every word must occur; "two words" in double quotes is a
phrase; word* a prefix; -word must not occur. Punctuation is literal:
S&P 500, AT&T and U.S. find themselves.`

// searchHit is one result of `search --json`. Offset (and the match span)
// are byte offsets into the article's body: the reader opens there.
type searchHit struct {
	ArticleID  string  `json:"article_id"`
	Title      string  `json:"title"`
	Source     string  `json:"source"`
	Date       string  `json:"date"`
	URL        string  `json:"url"`
	Path       string  `json:"path"`
	Sentence   string  `json:"sentence"`
	Offset     int     `json:"offset"`
	MatchStart int     `json:"match_start"`
	MatchEnd   int     `json:"match_end"`
	Score      float64 `json:"score"`
}

// runSearch implements `newsmark search QUERY...`.
func runSearch(env Env, args []string) int {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	asJSON := fs.Bool("json", false, "print the results as a JSON array")
	limit := fs.Int("limit", index.DefaultLimit, "at most `N` results")
	dataDir := fs.String("data-dir", "", "directory of newsmark.db (default $NEWSMARK_DATA_DIR, else $XDG_DATA_HOME/newsmark)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, searchUsage)
		fs.PrintDefaults()
	}
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	q := strings.Join(words, " ")
	if _, err := index.Query(q); err != nil {
		fmt.Fprintln(env.Stderr, "newsmark search:", sanitize.Text(err.Error()))
		return 2
	}
	ix, db, err := openIndex(*dataDir)
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark search:", sanitize.Text(err.Error()))
		return 1
	}
	defer db.Close()
	ctx := context.Background()
	if err := syncIndex(ctx, env, ix, db); err != nil {
		fmt.Fprintln(env.Stderr, "newsmark search:", sanitize.Text(err.Error()))
		return 1
	}
	hits, err := ix.Search(ctx, q, *limit)
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark search:", sanitize.Text(err.Error()))
		return 1
	}
	if *asJSON {
		out := make([]searchHit, len(hits))
		for i, h := range hits {
			out[i] = searchHit{ArticleID: h.ArticleID, Title: h.Title, Source: h.Source, Date: jsonDate(h.Date), URL: h.URL,
				Path: h.Path, Sentence: h.Sentence, Offset: h.Offset, MatchStart: h.Match.Start, MatchEnd: h.Match.End, Score: h.Score}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(env.Stderr, "newsmark search:", err)
			return 1
		}
		return 0
	}
	if len(hits) == 0 {
		fmt.Fprintf(env.Stderr, "no article matches %s\n", sanitize.Line(q))
		return 0
	}
	for i, h := range hits {
		head := fmt.Sprintf("%d. %s", i+1, orUntitled(h.Title))
		if meta := joinNonEmpty(" · ", sanitize.Line(h.Source), jsonDate(h.Date)); meta != "" {
			head += " — " + meta
		}
		fmt.Fprintln(env.Stdout, head)
		if h.Sentence != "" {
			fmt.Fprintln(env.Stdout, "   "+sanitize.Line(h.Sentence))
		}
		if l := h.Locator(); l != "" {
			fmt.Fprintf(env.Stdout, "   %s (byte %d)\n", sanitize.Line(l), h.Offset)
		}
	}
	return 0
}

func orUntitled(title string) string {
	if t := sanitize.Line(title); t != "" {
		return t
	}
	return "Untitled"
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
