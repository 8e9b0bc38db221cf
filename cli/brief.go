package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"newsmark/brief"
	"newsmark/index"
	"newsmark/notes"
	"newsmark/outfile"
	"newsmark/sanitize"
)

const briefUsage = `usage: newsmark brief [--since 24h] [--until DATE] [-o FILE] [--force] [--data-dir DIR]
The daily brief: the period's deals, the companies most named, what the
companies you follow said and had said about them, and your highlights and
notes of the period, each line linked to its story. Drawn on a terminal,
Markdown when piped or written with -o.`

// runBrief implements `newsmark brief`.
func runBrief(env Env, args []string) int {
	return briefAt(env, args, time.Now())
}

// briefAt is runBrief with the time the period counts back from.
func briefAt(env Env, args []string, now time.Time) int {
	fs := flag.NewFlagSet("brief", flag.ContinueOnError)
	fs.SetOutput(cleanWriter{env.Stderr})
	since := fs.String("since", "24h", "the period: 24h, 7d, 2w, 3m back from now, or from a date (2026-01-31)")
	until := fs.String("until", "", "end the period with this `date` (2026-01-31, the whole day)")
	out := fs.String("o", "", "write the Markdown to `FILE` (- is standard output; an existing file needs --force)")
	force := fs.Bool("force", false, "replace an existing FILE (its mode is kept)")
	dataDir := fs.String("data-dir", "", "directory of newsmark.db (default $NEWSMARK_DATA_DIR, else $XDG_DATA_HOME/newsmark)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, briefUsage)
		fs.PrintDefaults()
	}
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "newsmark brief: "+format+"\n", a...)
		return code
	}
	if len(rest) > 0 {
		return fail(2, "unexpected argument %s", sanitize.Quote(rest[0]))
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
