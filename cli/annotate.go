package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"newsmark/annotate"
	"newsmark/annotate/jsonl"
	"newsmark/articles"
	"newsmark/feeds"
	"newsmark/fetch"
	"newsmark/model"
	"newsmark/sanitize"
)

// hugeInput is the file size from which annotate asks for huge pages:
// below it the heap hardly grows and the advice costs what it saves.
const hugeInput = 256 << 10

// heapBudget is the heap annotating an input of n bytes is given: below
// bigInput, about what it will put on the heap; from bigInput, the most the
// annotator holds at once (the text, its tokens, the chunk list and the
// entity pass's marks: at most about 4.5 times the text) and room for the
// rest.
func heapBudget(n int64) int64 {
	if n < bigInput {
		return min(16*n+16<<20, 256<<20)
	}
	return n*9/2 + 8<<20
}

// bigInput is the input size from which heapBudget is what annotate holds
// at its peak rather than what it touches.
const bigInput = 4 << 20

// tuneGC sets the garbage collector for an input of n bytes (hugeInput or
// more) to its heap budget, where the user has not (GOGC, GOMEMLIMIT): a
// soft limit of heapBudget(n), so that the heap of a big input does not
// grow to twice what it holds (the collector works harder instead), and a
// GOGC of 400, so that below the limit it runs a fifth as often: the heap
// is there for the article (hugePages reserves it), and most of it is text
// and token arrays the collector need not read.
func tuneGC(n int64) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(heapBudget(n))
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// largestFile returns the size of the largest regular file among paths
// (folders, URLs and stdin count as nothing: they are not read twice).
func largestFile(paths []string) int64 {
	var n int64
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			n = max(n, st.Size())
		}
	}
	return n
}

// annotateOptions is what `newsmark annotate` was asked for.
type annotateOptions struct {
	json     bool
	schema   int // the JSON schema version: 1, or 2 with the roles
	maxFetch int // pages fetched per feed for items without full text
	// noCorrections: the annotator's own output, without the reader's
	// corrections stored in dataDir's database
	noCorrections bool
	dataDir       string
}

// newAnnotateCmd is `newsmark annotate [--json] [--max-fetch N | --no-fetch] PATH...`.
func newAnnotateCmd(env Env) *cobra.Command {
	var o annotateOptions
	var noFetch bool
	cmd := &cobra.Command{
		Use:   "annotate PATH...",
		Short: "print the annotations of articles (--json for JSON Lines)",
		Long: `Prints what newsmark finds in each article: entities by kind with their counts, quotes by speaker, and the ventures as short cards; --json prints one JSON object per article (JSON Lines, schema newsmark.annotations/1, docs/SCHEMA.md); --schema 2 prints newsmark.annotations/2, which adds the people's roles at companies.

PATH is a file, a folder (read recursively), - for standard input, or an http(s) URL (a page or a feed). A feed's items without full text have their pages fetched, 4 at a time and at most N per feed (--max-fetch, default 50); the others, and all with --no-fetch, are annotated from the feed's own text.

Your corrections (the reader's m menu, newsmark corrections list) are applied; --no-corrections shows the annotator's own output.`,
		Example: `newsmark annotate story.txt
newsmark annotate --json a.txt b.md dir/
newsmark annotate --json --schema 2 a.txt
cat story.txt | newsmark annotate --json -
newsmark annotate --json --no-fetch https://example.com/feed.xml
newsmark annotate --json --no-corrections story.txt`,
		Args: needArgs("give at least one PATH (or - for stdin)"),
		RunE: runs(env, func(cmd *cobra.Command, paths []string) int {
			if o.maxFetch < 0 {
				fmt.Fprintf(env.Stderr, "newsmark: annotate: --max-fetch wants a number of pages, 0 or more, not %d\n", o.maxFetch)
				return 2
			}
			if noFetch {
				o.maxFetch = 0
			}
			if o.schema != 1 && o.schema != 2 {
				fmt.Fprintf(env.Stderr, "newsmark: annotate: --schema is 1 or 2, not \"%d\"\n", o.schema)
				return 2
			}
			if cmd.Flags().Changed("schema") {
				o.json = true // --schema says JSON
			}
			o.dataDir = dataDir(cmd)
			return runAnnotate(env, o, paths)
		}),
	}
	f := cmd.Flags()
	f.BoolVar(&o.json, "json", false, "print one JSON object per article (JSON Lines)")
	f.IntVar(&o.schema, "schema", 1, "the JSON's schema version: 1, or 2 with the roles (implies --json)")
	f.IntVar(&o.maxFetch, "max-fetch", feeds.DefaultMaxFetch, "fetch the pages of at most N items per feed")
	f.BoolVar(&noFetch, "no-fetch", false, "fetch no page: annotate feed items from the feed's own text")
	f.BoolVar(&o.noCorrections, "no-corrections", false, "the annotator's own output, without your corrections")
	dataDirFlag(f)
	return cmd
}

// runAnnotate annotates the articles at paths.
func runAnnotate(env Env, o annotateOptions, paths []string) int {
	asJSON, maxFetch := o.json, o.maxFetch
	if n := largestFile(paths); n >= hugeInput {
		tuneGC(n)
		hugePages(int(heapBudget(n)))
	}
	go annotate.Prepare() // the word tables get built while the inputs are read
	annotateArticle := userAnnotator(env, o.dataDir, o.noCorrections)
	out := bufio.NewWriterSize(env.Stdout, 1<<16)
	defer out.Flush()
	// URLs are fetched (pages and feeds alike); paths are read from disk.
	notice := func(s string) { fmt.Fprintln(env.Stderr, "newsmark:", s) }
	lib := feeds.OpenInputsWith(context.Background(), fetch.NewClient(Version), paths, env.Stdin,
		feeds.OpenOptions{MaxFetch: maxFetch, Notice: notice})
	code := 0
	for _, p := range lib.Problems {
		fmt.Fprintf(env.Stderr, "newsmark: %s: %s\n", p.Path, p.Reason)
		code = 1
	}
	progress := newProgress(env.Stderr, env.Stdout, len(lib.Entries), hasURL(paths))
	defer progress.done()
	// Loads run 4 at a time: a feed item's load may fetch its page.
	for i, l := range articles.LoadAll(lib.Entries, fetchWorkers) {
		progress.step(i + 1)
		e, a, err := l.Entry, l.Article, l.Err
		if err != nil {
			progress.clear()
			who := e.Meta.Locator()
			if e.Name != "" {
				who = e.Name // as given
			}
			fmt.Fprintf(env.Stderr, "newsmark: %s: %v\n", sanitize.Quote(who), err)
			// the feed's summary in place of a page that could not be
			// fetched is still an article: annotate it
			if summary := (*feeds.SummaryOnly)(nil); !errors.As(err, &summary) {
				code = 1
				continue
			}
		}
		if len(a.Body) >= bigInput {
			// annotate segments a long body itself, after its entity pass
			// (the peak of its memory), when it comes without paragraphs
			// and sentences, and nothing here prints them
			a.Paragraphs, a.Sentences = nil, nil
		}
		ann := annotateArticle(a)
		if e.Name != "" {
			// The JSON names a file as it was given (SCHEMA.md); a.Path,
			// its absolute form, is the notes' locator.
			a.Path = e.Name
		}
		if asJSON {
			write := jsonl.Write
			if o.schema == 2 {
				write = jsonl.WriteV2
			}
			if err := write(out, a, ann); err != nil {
				fmt.Fprintf(env.Stderr, "newsmark: %s: %v\n", sanitize.Quote(a.Locator()), err)
				return 1
			}
		} else {
			writeSummary(out, a, ann)
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(env.Stderr, "newsmark: write: %v\n", err)
		return 1
	}
	return code
}

// writeSummary prints the readable form: entities by kind with counts,
// quotes grouped by speaker, ventures as short cards.
func writeSummary(w io.Writer, a model.Article, ann model.Annotations) {
	title := a.Title
	if title == "" {
		title = sanitize.Quote(a.Locator())
	}
	fmt.Fprintf(w, "== %s\n", title)
	if l := sanitize.Quote(a.Locator()); l != "" && l != title {
		fmt.Fprintf(w, "   %s\n", l)
	}
	for _, kind := range model.EntityKinds() {
		var items []string
		for _, e := range ann.Entities {
			if e.Kind != kind {
				continue
			}
			label := e.Name()
			if kind == model.Figure && e.Subkind != "" {
				label += " [" + string(e.Subkind) + "]"
			}
			item := fmt.Sprintf("%s ×%d", label, e.Count())
			if len(e.Mentions) == 0 {
				item += " (" + e.Outside() + ")" // not in the text
			}
			items = append(items, item)
		}
		if len(items) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (%d)\n", kind.Plural(), len(items))
		for _, it := range items {
			fmt.Fprintf(w, "  %s\n", it)
		}
	}
	if len(ann.Quotes) > 0 {
		fmt.Fprintf(w, "\nQuotes (%d)\n", len(ann.Quotes))
		for _, g := range model.QuotesBySpeaker(ann.Quotes) {
			s := g.Speaker
			if s == "" {
				s = "(unattributed)"
			}
			fmt.Fprintf(w, "  %s (%d)\n", s, len(g.Quotes))
			for _, i := range g.Quotes {
				fmt.Fprintf(w, "    “%s”\n", shorten(ann.Quotes[i].Text, 100))
			}
		}
	}
	if len(ann.Ventures) > 0 {
		fmt.Fprintf(w, "\nVentures (%d)\n", len(ann.Ventures))
		for _, v := range ann.Ventures {
			fmt.Fprintf(w, "  ┌ %s (%s): %s\n", strings.ToLower(v.Kind.Title()), v.Status, strings.Join(v.Parties, " + "))
			if v.Summary != "" {
				fmt.Fprintf(w, "  │ %s\n", shorten(v.Summary, 100))
			}
			for _, f := range [][2]string{{"name", v.Name}, {"amount", strings.Join(v.Amounts, ", ")}, {"stake", v.Stake},
				{"location", v.Location}, {"headcount", v.Headcount}, {"timeframe", v.Timeframe}} {
				if f[1] != "" {
					fmt.Fprintf(w, "  │ %s: %s\n", f[0], f[1])
				}
			}
			fmt.Fprintln(w, "  └")
		}
	}
	fmt.Fprintln(w)
}

// shorten cuts s to at most n runes, on a rune boundary, marking the cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
