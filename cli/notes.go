package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

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

// newNotesCmd is `newsmark notes [--json]`.
func newNotesCmd(env Env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "notes",
		Short: "list stored highlights and notes",
		Long:  "Lists the stored highlights and notes, grouped by article, as Markdown: drawn as glow draws it on a terminal, the Markdown itself through a pipe. --json prints them as a JSON array.",
		Example: `newsmark notes
newsmark notes | less
newsmark notes --json`,
		Args: noArgs,
		RunE: runs(env, func(cmd *cobra.Command, _ []string) int { return runNotes(env, asJSON, dataDir(cmd)) }),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the highlights as a JSON array")
	dataDirFlag(cmd.Flags())
	return cmd
}

// runNotes lists the stored highlights, as Markdown (drawn like glow on a
// terminal) or a JSON array.
func runNotes(env Env, asJSON bool, dataDir string) int {
	n, db, err := openNotes(dataDir)
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
	if asJSON {
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
