package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"newsmark/index"
	"newsmark/sanitize"
)

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

// newSearchCmd is `newsmark search QUERY...`. A word of the query may
// start with "-" (-rumour: must not occur), so the command reads its own
// flags: a defined flag is a flag wherever it stands, anything else is a
// word of the query.
func newSearchCmd(env Env) *cobra.Command {
	var o searchOptions
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "search every indexed and cached article, full text (--json)",
		Long:  `Searches every article in the index (see newsmark index) and the cached feed articles, best first. Every word must occur; "two words" in double quotes is a phrase; word* is a prefix; -word must not occur. Punctuation is literal: S&P 500, AT&T and U.S. find themselves. Case and accents do not matter.`,
		Example: `newsmark search joint venture Vietnam
newsmark search '"joint venture"' -rumour --json
newsmark search 'S&P 500' AT&T`,
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			flags, words, err := splitFlags(cmd.Flags(), args)
			if err == nil {
				err = cmd.Flags().Parse(flags)
			}
			if err != nil {
				return flagError(cmd, err)
			}
			if help, _ := cmd.Flags().GetBool("help"); help {
				return cmd.Help()
			}
			return runs(env, func(cmd *cobra.Command, words []string) int {
				o.dataDir = dataDir(cmd)
				return runSearch(env, o, words)
			})(cmd, words)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.json, "json", false, "print the results as a JSON array")
	f.IntVar(&o.limit, "limit", index.DefaultLimit, "at most N results")
	dataDirFlag(f)
	return cmd
}

// searchOptions is what `newsmark search` was asked for.
type searchOptions struct {
	json    bool
	limit   int
	dataDir string
}

// splitFlags separates the flags fs defines (with their values) from the
// other arguments, which keep their order; after "--" all are arguments.
// A "--name" fs does not define is an unknown flag; "-word" is an argument.
func splitFlags(fs *pflag.FlagSet, args []string) (flags, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return flags, append(rest, args[i+1:]...), nil
		}
		var f *pflag.Flag
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case strings.HasPrefix(a, "--"):
			if f = fs.Lookup(name); f == nil {
				return nil, nil, fs.Parse([]string{a}) // pflag's own words for it
			}
		case len(a) == 2 && a[0] == '-':
			f = fs.ShorthandLookup(a[1:])
		}
		if f == nil {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		if !hasValue && f.NoOptDefVal == "" && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, rest, nil
}

// runSearch prints what the index finds for the query words.
func runSearch(env Env, o searchOptions, words []string) int {
	q := strings.Join(words, " ")
	if _, err := index.Query(q); err != nil {
		fmt.Fprintln(env.Stderr, "newsmark search:", sanitize.Text(err.Error()))
		return 2
	}
	ix, db, err := openIndex(o.dataDir)
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
	hits, err := ix.Search(ctx, q, o.limit)
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark search:", sanitize.Text(err.Error()))
		return 1
	}
	if o.json {
		out := make([]searchHit, len(hits))
		for i, h := range hits {
			out[i] = searchHit{ArticleID: h.ArticleID, Title: h.Title, Source: h.Source, Date: jsonDate(h.Date), URL: h.URL,
				Path: h.Path, Sentence: h.Sentence, Offset: h.Offset, MatchStart: h.Match.Start, MatchEnd: h.Match.End, Score: h.Score}
		}
		if err := writeJSON(env.Stdout, out); err != nil {
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
