package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"newsmark/notes"
	"newsmark/sanitize"
	"newsmark/store"
)

// openNotes opens the database in dataDir (--data-dir; empty for
// $NEWSMARK_DATA_DIR or the XDG data directory) and its highlights.
func openNotes(dataDir string) (*notes.Notes, *store.DB, error) {
	db, err := store.Open(store.DefaultPath(dataDir))
	if err != nil {
		return nil, nil, err
	}
	return notes.New(db), db, nil
}

// parseInterspersed parses args with fs, allowing flags after positional
// arguments ("export a.md --format csv").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// flagExit is the exit code for a flag parsing error: 0 for -h, else 2.
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// runNotes lists the stored highlights: `newsmark notes [--json] [--data-dir DIR]`,
// as Markdown (drawn like glow on a terminal) or a JSON array.
func runNotes(env Env, args []string) int {
	fs := flag.NewFlagSet("notes", flag.ContinueOnError)
	fs.SetOutput(cleanWriter{env.Stderr})
	asJSON := fs.Bool("json", false, "print the highlights as a JSON array")
	dataDir := fs.String("data-dir", "", "directory of newsmark.db (default $NEWSMARK_DATA_DIR, else $XDG_DATA_HOME/newsmark)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: newsmark notes [--json] [--data-dir DIR]\n\nLists the stored highlights and notes as Markdown, drawn like glow on a terminal.")
		fs.PrintDefaults()
	}
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		fmt.Fprintf(env.Stderr, "newsmark notes: unexpected argument %q\n", rest[0])
		return 2
	}
	n, db, err := openNotes(*dataDir)
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsmark notes: %v\n", err)
		return 1
	}
	defer db.Close()
	hs, err := n.All(context.Background())
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsmark notes: %v\n", err)
		return 1
	}
	if *asJSON {
		if err := notes.WriteList(env.Stdout, hs); err != nil {
			fmt.Fprintf(env.Stderr, "newsmark notes: %v\n", err)
			return 1
		}
		return 0
	}
	if len(hs) == 0 {
		fmt.Fprintf(env.Stderr, "no highlights yet in %s\n", sanitize.Quote(db.Path()))
		return 0
	}
	var md strings.Builder
	notes.WriteListMarkdown(&md, hs)
	if err := writeMarkdown(env, md.String()); err != nil {
		fmt.Fprintf(env.Stderr, "newsmark notes: %v\n", err)
		return 1
	}
	return 0
}
