package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/model"
	"newsmark/notes"
	"newsmark/outfile"
)

// runExport exports highlights:
// `newsmark export [--format md|json|csv] [--all | PATH-or-ID...] [-o FILE|FOLDER/] [--force] [--data-dir DIR]`.
// A PATH is loaded so the export carries its annotations; an ID (or a URL)
// selects stored highlights by article ID, URL or path.
func runExport(env Env, args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
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

	x := exporter{env: env, notes: n, seen: map[string]bool{}}
	if *all {
		err = x.addStored(context.Background(), "")
	} else {
		for _, t := range targets {
			if err = x.add(context.Background(), t); err != nil {
				break
			}
		}
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsmark export: %v\n", err)
		return 1
	}
	if x.count == 0 {
		fmt.Fprintln(env.Stderr, "newsmark export: no highlights to export")
		return 1
	}
	o := outfile.Options{Stdout: env.Stdout, Overwrite: *force}
	where := *out
	switch {
	case *out == "" || *out == "-":
		err = notes.Write(env.Stdout, format, x.docs)
	case notes.IsDirTarget(*out):
		if format != notes.Markdown {
			err = notes.ErrDirFormat
			break
		}
		var paths []string
		paths, err = notes.WriteDir(*out, x.docs, o)
		where = fmt.Sprintf("%s (%s)", outfile.Quote(*out), plural(len(paths), "file", "files"))
	default:
		err = notes.WriteFile(*out, format, x.docs, o)
		where = outfile.Quote(*out)
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
		fmt.Fprintf(env.Stderr, "exported %s from %s to %s\n", plural(x.count, "highlight", "highlights"), plural(len(x.docs), "article", "articles"), where)
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

// exporter gathers the docs of one export, each article once.
type exporter struct {
	env   Env
	notes *notes.Notes
	docs  []notes.Doc
	seen  map[string]bool // article IDs already exported
	count int
}

// add exports one argument: a path to load, else a stored article ID, URL or path.
func (x *exporter) add(ctx context.Context, target string) error {
	if _, err := os.Stat(target); err == nil || target == "-" {
		lib := articles.Open([]string{target}, x.env.Stdin)
		for _, p := range lib.Problems {
			fmt.Fprintf(x.env.Stderr, "newsmark export: %s\n", p)
		}
		for _, e := range lib.Entries {
			a, err := e.Load()
			if err != nil {
				fmt.Fprintf(x.env.Stderr, "newsmark export: %s: %v\n", e.Meta.Locator(), err)
				continue
			}
			if err := x.addArticle(ctx, a); err != nil {
				return err
			}
		}
		return nil
	}
	before := x.count
	if err := x.addStored(ctx, target); err != nil {
		return err
	}
	if x.count == before {
		return fmt.Errorf("%s: not a file, and no stored highlights have that article ID, URL or path", target)
	}
	return nil
}

// addArticle exports a loaded article's highlights, re-attached to its
// current text, with its annotations.
func (x *exporter) addArticle(ctx context.Context, a model.Article) error {
	if x.seen[a.ID] {
		return nil
	}
	hs, err := x.notes.ForArticle(ctx, a)
	if err != nil {
		return err
	}
	if len(hs) == 0 {
		return nil
	}
	x.seen[a.ID] = true
	x.docs = append(x.docs, notes.Doc{Article: a, Annotations: annotate.Article(a), Highlights: hs})
	x.count += len(hs)
	return nil
}

// addStored exports stored highlights (all of them when key is empty, else
// those of the article with that ID, URL or path). An article whose file
// is still there is loaded again for its annotations; the others are
// exported from what their highlights remember.
func (x *exporter) addStored(ctx context.Context, key string) error {
	var hs []model.Highlight
	var err error
	if key == "" {
		hs, err = x.notes.All(ctx)
	} else {
		hs, err = x.notes.ByArticleID(ctx, key)
	}
	if err != nil {
		return err
	}
	for _, d := range notes.Group(hs) {
		if a, ok := reload(d.Article); ok {
			before := x.count
			if err := x.addArticle(ctx, a); err != nil {
				return err
			}
			if x.count > before || x.seen[a.ID] {
				continue
			}
		}
		if x.seen[d.Article.ID] {
			continue
		}
		x.seen[d.Article.ID] = true
		x.docs = append(x.docs, d)
		x.count += len(d.Highlights)
	}
	return nil
}

// reload loads an article again from its file, when it has one that is
// still there.
func reload(a model.Article) (model.Article, bool) {
	if a.Path == "" {
		return a, false
	}
	if fi, err := os.Stat(a.Path); err != nil || !fi.Mode().IsRegular() {
		return a, false
	}
	lib := articles.Open([]string{a.Path}, nil)
	if len(lib.Entries) != 1 {
		return a, false
	}
	full, err := lib.Entries[0].Load()
	return full, err == nil
}
