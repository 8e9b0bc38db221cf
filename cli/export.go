package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/spf13/cobra"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/model"
	"newsmark/notes"
	"newsmark/outfile"
	"newsmark/sanitize"
)

// exportOptions is what `newsmark export` was asked for.
type exportOptions struct {
	format  notes.Format
	all     bool
	out     string
	force   bool
	dataDir string
}

// newExportCmd is `newsmark export [--all | PATH-or-ID...]`. A PATH is
// loaded so the export carries its annotations; an ID (or a URL) selects
// stored highlights by article ID, URL or path.
func newExportCmd(env Env) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export [--all | PATH-or-ID...]",
		Short: "export highlights and notes as Markdown, JSON or CSV",
		Long: `Exports the stored highlights and notes of every article (--all), or of the articles given: a PATH is loaded again, so the export carries its ventures and entities and the highlights follow its text if it changed; an article ID, a URL or a path selects stored highlights (newsmark notes lists them).

Markdown (for Obsidian) is drawn as glow draws it on a terminal, and printed as Markdown through a pipe or with -o. -o FOLDER/ writes one Markdown file per article; a re-export keeps what you added to them. An existing file is replaced only with --force. The format is export.format in the config file (md) unless --format says otherwise.`,
		Example: `newsmark export --all
newsmark export story.md -o story-notes.md
newsmark export --format csv --all -o readwise.csv
newsmark export --all -o ~/vault/news/`,
		RunE: runs(env, func(cmd *cobra.Command, targets []string) int {
			name := cmd.Flags().Lookup("format")
			if name.Changed {
				if _, err := notes.ParseFormat(name.Value.String()); err != nil {
					fmt.Fprintf(env.Stderr, "newsmark export: %v\n", err)
					return 2
				}
			}
			if err := applyFlags(env.Config, cmd.Flags(), map[string]string{"export.format": "format"}); err != nil {
				fmt.Fprintf(env.Stderr, "newsmark export: %v\n", err)
				return 2
			}
			var err error
			if o.format, err = notes.ParseFormat(settingsOf(env.Config).Export.Format); err != nil {
				o.format = notes.Markdown
			}
			o.dataDir = dataDir(cmd)
			return runExport(env, o, targets)
		}),
	}
	f := cmd.Flags()
	f.String("format", "", "format: md (Markdown for Obsidian), json, or csv (Readwise import); the config's export.format, md, by default")
	f.BoolVar(&o.all, "all", false, "export every stored highlight")
	f.StringVarP(&o.out, "output", "o", "", "write to FILE (- is standard output; a FOLDER/ gets one Markdown file per article, re-exports keep what you added)")
	f.BoolVar(&o.force, "force", false, "replace an existing FILE (its mode is kept); without it an existing file is left as it is")
	dataDirFlag(f)
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]cobra.Completion{"md", "json", "csv"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// runExport exports the highlights of targets, or all of them.
func runExport(env Env, o exportOptions, targets []string) int {
	switch {
	case !o.all && len(targets) == 0:
		fmt.Fprintln(env.Stderr, "newsmark export: give --all, or at least one PATH or article ID (newsmark notes lists what has highlights)")
		return 2
	case o.all && len(targets) > 0:
		fmt.Fprintln(env.Stderr, "newsmark export: give --all or PATHs and article IDs, not both")
		return 2
	}
	format, out := o.format, o.out
	n, db, err := openNotes(o.dataDir)
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsmark export: %v\n", err)
		return 1
	}
	defer db.Close()

	x := notes.NewExport(n, loadArticles(env.Stdin), annotate.Article)
	x.Warn = func(err error) { fmt.Fprintf(env.Stderr, "newsmark export: %v\n", err) }
	if o.all {
		err = x.AddAll(context.Background())
	} else {
		for _, t := range targets {
			if err = x.Add(context.Background(), t); err != nil {
				break
			}
		}
	}
	where := out
	if err == nil {
		wo := outfile.Options{Stdout: env.Stdout, Overwrite: o.force}
		switch {
		case out == "" && format == notes.Markdown:
			// Drawn on a terminal, Markdown through a pipe.
			var md strings.Builder
			if err = x.Write(&md, format); err == nil {
				err = writeMarkdown(env, md.String())
			}
		case out == "" || out == "-":
			err = x.Write(env.Stdout, format)
		case notes.IsDirTarget(out):
			if format != notes.Markdown {
				err = notes.ErrDirFormat
				break
			}
			var paths []string
			paths, err = x.WriteDir(out, wo)
			where = fmt.Sprintf("%s (%s)", sanitize.Quote(out), plural(len(paths), "file", "files"))
		default:
			err = x.WriteFile(out, format, wo)
			where = sanitize.Quote(out)
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
	if out != "" && out != "-" {
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
