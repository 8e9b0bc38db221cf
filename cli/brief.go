package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"newsmark/brief"
	"newsmark/index"
	"newsmark/notes"
	"newsmark/outfile"
	"newsmark/sanitize"
)

// briefFlags are the brief command's flags.
type briefFlags struct {
	since, until, out string
	force             bool
}

// newBriefCmd is `newsmark brief`.
func newBriefCmd(env Env) *cobra.Command {
	return newBriefCmdAt(env, time.Now)
}

// newBriefCmdAt is newBriefCmd with the clock the period counts back from.
func newBriefCmdAt(env Env, now func() time.Time) *cobra.Command {
	var fl briefFlags
	cmd := &cobra.Command{
		Use:   "brief",
		Short: "the daily brief: deals, most-named companies, your watchlist, your highlights (--since 24h, -o FILE)",
		Long:  `The daily brief: the period's deals, the companies most named, what the companies you follow said and had said about them, and your highlights and notes of the period, each line linked to its story. Drawn on a terminal, Markdown when piped or written with -o (whole or not at all; an existing file is replaced only with --force).`,
		Example: `newsmark brief
newsmark brief --since 7d -o brief.md`,
		Args: noArgs,
		RunE: runs(env, func(cmd *cobra.Command, _ []string) int {
			return briefAt(env, fl, dataDir(cmd), now())
		}),
	}
	f := cmd.Flags()
	f.StringVar(&fl.since, "since", "24h", "the period: 24h, 7d, 2w, 3m back from now, or from a date (2026-01-31)")
	f.StringVar(&fl.until, "until", "", "end the period with this date (2026-01-31, the whole day)")
	f.StringVarP(&fl.out, "output", "o", "", "write the Markdown to FILE (- is standard output; an existing file needs --force)")
	f.BoolVar(&fl.force, "force", false, "replace an existing FILE (its mode is kept)")
	dataDirFlag(f)
	return cmd
}

// briefAt writes the brief of the period fl asks for, counted back from now.
func briefAt(env Env, fl briefFlags, dir string, now time.Time) int {
	since, until, out, force, dataDir := &fl.since, &fl.until, &fl.out, &fl.force, &dir
	var err error
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "newsmark brief: "+format+"\n", a...)
		return code
	}
	var p index.Period
	if p.Since, err = index.ParseSince(*since, now); err != nil {
		return fail(2, "--since: %v", err)
	}
	if *until != "" {
		end, err := index.ParseUntil(*until)
		if err != nil {
			return fail(2, "--until: %v", err)
		}
		p.Until = end.Add(time.Nanosecond) // the next day's start: the period ends before it
	}
	ix, db, err := openIndex(*dataDir)
	if err != nil {
		return fail(1, "%s", sanitize.Text(err.Error()))
	}
	defer db.Close()
	ctx := context.Background()
	if err := syncIndex(ctx, env, ix, db); err != nil {
		return fail(1, "%s", sanitize.Text(err.Error()))
	}
	hs, err := notes.New(db).All(ctx)
	if err != nil {
		return fail(1, "%s", sanitize.Text(err.Error()))
	}
	b, err := brief.Gather(ctx, ix, hs, p)
	if err != nil {
		return fail(1, "%s", sanitize.Text(err.Error()))
	}
	md := b.Markdown()
	if *out == "" {
		if err := writeMarkdown(env, md); err != nil {
			return fail(1, "%v", err)
		}
		return 0
	}
	err = outfile.WriteBytes(*out, outfile.Options{Stdout: env.Stdout, Overwrite: *force}, []byte(md))
	if errors.Is(err, outfile.ErrExists) {
		return fail(1, "%v; give --force to replace it", err)
	}
	if err != nil {
		return fail(1, "%s", sanitize.Line(err.Error()))
	}
	if *out != "-" {
		fmt.Fprintf(env.Stderr, "wrote the brief to %s\n", sanitize.Quote(*out))
	}
	return 0
}
