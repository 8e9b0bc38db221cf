package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"strings"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/model"
	"newsmark/notes"
	"newsmark/outfile"
	"newsmark/sanitize"
)

// runExport exports highlights:
// `newsmark export [--format md|json|csv] [--all | PATH-or-ID...] [-o FILE|FOLDER/] [--force] [--data-dir DIR]`.
// A PATH is loaded so the export carries its annotations; an ID (or a URL)
// selects stored highlights by article ID, URL or path.
func runExport(env Env, args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(cleanWriter{env.Stderr})
	formatName := fs.String("format", "md", "md (Markdown for Obsidian), json, or csv (Readwise import)")
	all := fs.Bool("all", false, "export every stored highlight")
	out := fs.String("o", "", "write to `FILE` (- is standard output; a FOLDER/ gets one Markdown file per article, re-exports keep what you added)")
	force := fs.Bool("force", false, "replace an existing FILE (its mode is kept); without it an existing file is left as it is")
	dataDir := fs.String("data-dir", "", "directory of newsmark.db (default $NEWSMARK_DATA_DIR, else $XDG_DATA_HOME/newsmark)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: newsmark export [--format md|json|csv] [--all | PATH-or-ID...] [-o FILE|FOLDER/] [--force] [--data-dir DIR]")
		fs.PrintDefaults()
	}
	targets, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	format, err := notes.ParseFormat(*formatName)
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsmark export: %v\n", err)
		return 2
	}
	if *all == (len(targets) > 0) {
		fmt.Fprintln(env.Stderr, "newsmark export: give --all or at least one PATH or article ID, not both")
		fs.Usage()
		return 2
	}
	n, db, err := openNotes(*dataDir)
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsmark export: %v\n", err)
		return 1
	}
	defer db.Close()

	x := notes.NewExport(n, loadArticles(env.Stdin), annotate.Article)
	x.Warn = func(err error) { fmt.Fprintf(env.Stderr, "newsmark export: %v\n", err) }
	if *all {
		err = x.AddAll(context.Background())
	} else {
		for _, t := range targets {
			if err = x.Add(context.Background(), t); err != nil {
				break
			}
		}
	}
	where := *out
	if err == nil {
		o := outfile.Options{Stdout: env.Stdout, Overwrite: *force}
		switch {
		case *out == "" && format == notes.Markdown:
			// Drawn on a terminal, Markdown through a pipe.
			var md strings.Builder
			if err = x.Write(&md, format); err == nil {
				err = writeMarkdown(env, md.String())
			}
		case *out == "" || *out == "-":
			err = x.Write(env.Stdout, format)
		case notes.IsDirTarget(*out):
			if format != notes.Markdown {
				err = notes.ErrDirFormat
				break
			}
			var paths []string
			paths, err = x.WriteDir(*out, o)
			where = fmt.Sprintf("%s (%s)", sanitize.Quote(*out), plural(len(paths), "file", "files"))
		default:
			err = x.WriteFile(*out, format, o)
			where = sanitize.Quote(*out)
		}
	}
	if errors.Is(err, outfile.ErrExists) {
		fmt.Fprintf(env.Stderr, "newsmark export: %v; give --force to replace it\n", err)
		return 1
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsmark export: %v\n", err)
		return 1
	}
	if *out != "" && *out != "-" {
		fmt.Fprintf(env.Stderr, "exported %s from %s to %s\n", plural(x.Highlights(), "highlight", "highlights"),
			plural(len(x.Docs()), "article", "articles"), where)
	}
	return 0
}

// plural is "1 file" or "2 files".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// loadArticles is the loader an export opens its paths with: each article
// of the path, loaded in full, or the one-line reason an input or an article
// gave none.
func loadArticles(stdin io.Reader) notes.Loader {
	return func(path string) iter.Seq2[model.Article, error] {
		return func(yield func(model.Article, error) bool) {
			lib := articles.Open([]string{path}, stdin)
			for _, p := range lib.Problems {
				if !yield(model.Article{}, errors.New(p.String())) {
					return
				}
			}
			for _, e := range lib.Entries {
				a, err := e.Load()
				if err != nil {
					err = fmt.Errorf("%s: %v", sanitize.Quote(e.Meta.Locator()), err)
				}
				if !yield(a, err) {
					return
				}
			}
		}
	}
}
