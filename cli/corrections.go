package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"newsmark/annotate"
	"newsmark/corrections"
	"newsmark/model"
	"newsmark/outfile"
	"newsmark/sanitize"
	"newsmark/store"
)

// withUserList is the annotator applying a list of corrections.
func withUserList(ul model.UserList) corrections.Annotate { return annotate.WithUserList(ul).Article }

// userAnnotator is the annotator `newsmark annotate` uses: with the
// corrections stored in dataDir's database, unless off, or when there is
// no database (none is made for it). A database that cannot be read is
// one line on stderr and the engine's own output.
func userAnnotator(env Env, dataDir string, off bool) corrections.Annotate {
	if off {
		return annotate.Article
	}
	path := store.DefaultPath(dataDir)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return annotate.Article
	}
	db, err := store.Open(path)
	if err == nil {
		defer db.Close()
		var f corrections.Annotate
		if f, _, err = corrections.New(db, withUserList).Current(context.Background()); err == nil {
			return f
		}
	}
	fmt.Fprintln(env.Stderr, "newsmark: annotate: your corrections are not applied:", sanitize.Line(err.Error()))
	return annotate.Article
}

// correctionsLong is `newsmark corrections --help`.
const correctionsLong = `Your corrections to the highlights (the reader's m menu): every article annotated from then on, by the reader, the index and newsmark annotate, applies them. export writes them one per line in the file format of docs/CORRECTIONS.md (to standard output, or FILE); import adds a file's to yours (- reads standard input), reporting bad lines and conflicts by line number; rm deletes corrections by the ID list shows.`

// maxImport bounds a corrections file: a list, not a library.
const maxImport = 64 << 20

// newCorrectionsCmd is `newsmark corrections list|export|import|rm`.
func newCorrectionsCmd(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "corrections",
		Short: "your corrections to the highlights: list, export, import, rm",
		Long:  correctionsLong,
		Example: `newsmark corrections list
newsmark corrections export -o desk.corrections
newsmark corrections import desk.corrections
newsmark corrections rm 12 14`,
		Args: cobra.ArbitraryArgs,
		// Without a command: its help. An unknown one is a mistake.
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			return usageError{cmd: cmd.CommandPath(), msg: fmt.Sprintf("no command %q: list, export, import or rm", args[0])}
		},
	}
	dataDirFlag(cmd.PersistentFlags())
	var out string
	var force, replace bool
	sub := func(use, short string, args cobra.PositionalArgs, run func(ctx context.Context, svc *corrections.Service, fail failFunc, args []string) int) *cobra.Command {
		c := &cobra.Command{Use: use, Short: short, Args: args}
		name := c.Name()
		c.RunE = runs(env, func(c *cobra.Command, args []string) int {
			fail := func(code int, format string, a ...any) int {
				fmt.Fprintf(env.Stderr, "newsmark corrections %s: %s\n", name, fmt.Sprintf(format, a...))
				return code
			}
			db, err := store.Open(store.DefaultPath(dataDir(c)))
			if err != nil {
				return fail(1, "%s", sanitize.Line(err.Error()))
			}
			defer db.Close()
			return run(context.Background(), corrections.New(db, withUserList), fail, args)
		})
		return c
	}
	list := sub("list", "list your corrections with their IDs and when each was made", noArgs,
		func(ctx context.Context, svc *corrections.Service, fail failFunc, _ []string) int {
			return listCorrections(ctx, env, svc, fail)
		})
	export := sub("export", "write your corrections in the shared file format (standard output, or -o FILE)", noArgs,
		func(ctx context.Context, svc *corrections.Service, fail failFunc, _ []string) int {
			return exportCorrections(ctx, env, svc, out, force, fail)
		})
	export.Flags().StringVarP(&out, "output", "o", "-", "write to FILE (- is standard output; an existing file needs --force)")
	export.Flags().BoolVar(&force, "force", false, "replace an existing FILE (its mode is kept)")
	imp := sub("import FILE", "add a file's corrections to yours (- reads standard input)", exactArgs(1, "one FILE (or - for standard input)"),
		func(ctx context.Context, svc *corrections.Service, fail failFunc, args []string) int {
			return importCorrections(ctx, env, svc, args[0], replace, fail)
		})
	imp.Flags().BoolVar(&replace, "replace", false, "where a line contradicts one of yours, take the file's")
	rm := sub("rm ID...", "delete corrections by the IDs list shows", needArgs("give the IDs to delete (newsmark corrections list shows them)"),
		func(ctx context.Context, svc *corrections.Service, fail failFunc, args []string) int {
			return removeCorrections(ctx, env, svc, args, fail)
		})
	cmd.AddCommand(list, export, imp, rm)
	return cmd
}

type failFunc func(code int, format string, a ...any) int

// listCorrections prints each correction with its ID and when it was made.
func listCorrections(ctx context.Context, env Env, svc *corrections.Service, fail failFunc) int {
	list, _, err := svc.List(ctx)
	if err != nil {
		return fail(1, "%s", sanitize.Line(err.Error()))
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stderr, "no corrections yet (the reader's m menu makes them; newsmark corrections import FILE adds a file's)")
		return 0
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tMADE\tCORRECTION")
	for _, c := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\n", c.ID, c.Created.Local().Format("2006-01-02 15:04"), corrections.FormatEntry(c.Entry))
	}
	tw.Flush()
	return 0
}

// exportCorrections writes the list as a corrections file through outfile.
func exportCorrections(ctx context.Context, env Env, svc *corrections.Service, out string, force bool, fail failFunc) int {
	list, _, err := svc.List(ctx)
	if err != nil {
		return fail(1, "%s", sanitize.Line(err.Error()))
	}
	var buf bytes.Buffer
	corrections.Format(&buf, list)
	err = outfile.WriteBytes(out, outfile.Options{Stdout: env.Stdout, Overwrite: force}, buf.Bytes())
	if errors.Is(err, outfile.ErrExists) {
		return fail(1, "%v; give --force to replace it", err)
	}
	if err != nil {
		return fail(1, "%s", sanitize.Line(err.Error()))
	}
	if out != "-" && out != "" {
		fmt.Fprintf(env.Stderr, "wrote %s to %s\n", plural(len(list), "correction", "corrections"), sanitize.Quote(out))
	}
	return 0
}

// importCorrections adds a file's corrections to the list, reporting the
// lines not taken; the exit code is 1 when any line was not.
func importCorrections(ctx context.Context, env Env, svc *corrections.Service, path string, replace bool, fail failFunc) int {
	var r io.Reader = env.Stdin
	name := "standard input"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return fail(1, "%s", sanitize.Line(err.Error()))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return fail(1, "%s is a folder, not a corrections file", sanitize.Quote(path))
		}
		r, name = f, sanitize.Quote(path)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxImport+1))
	if err != nil {
		return fail(1, "%s: %s", name, sanitize.Line(err.Error()))
	}
	if len(data) > maxImport {
		return fail(1, "%s: larger than %d MiB: not a corrections file", name, maxImport>>20)
	}
	lines, bad, _ := corrections.Parse(bytes.NewReader(data))
	for _, p := range bad {
		fmt.Fprintf(env.Stderr, "newsmark corrections import: %s: %s (skipped)\n", name, sanitize.Line(p.String()))
	}
	res, err := svc.Import(ctx, lines, replace)
	if err != nil {
		return fail(1, "%s", sanitize.Line(err.Error()))
	}
	for _, p := range res.Conflicts {
		fmt.Fprintf(env.Stderr, "newsmark corrections import: %s: %s\n", name, sanitize.Line(p.String()))
	}
	for _, p := range res.Replaced {
		fmt.Fprintf(env.Stderr, "newsmark corrections import: %s: %s\n", name, sanitize.Line(p.String()))
	}
	parts := []string{plural(res.Added+len(res.Replaced), "correction", "corrections") + " added"}
	if len(res.Replaced) > 0 {
		parts = append(parts, strconv.Itoa(len(res.Replaced))+" of them in place of yours")
	}
	if res.Same > 0 {
		parts = append(parts, strconv.Itoa(res.Same)+" you had already")
	}
	if n := len(res.Conflicts); n > 0 {
		parts = append(parts, plural(n, "conflict", "conflicts")+" (yours kept)")
	}
	if len(bad) > 0 {
		parts = append(parts, plural(len(bad), "bad line", "bad lines")+" skipped")
	}
	fmt.Fprintf(env.Stdout, "%s", strings.Join(parts, ", "))
	if t := res.Change.Touched; t > 0 {
		fmt.Fprintf(env.Stdout, "; %s will be annotated again", plural(t, "indexed article", "indexed articles"))
	}
	fmt.Fprintln(env.Stdout)
	if len(bad)+len(res.Conflicts) > 0 {
		return 1
	}
	return 0
}

// removeCorrections deletes corrections by ID.
func removeCorrections(ctx context.Context, env Env, svc *corrections.Service, args []string, fail failFunc) int {
	ids := make([]int64, len(args))
	for i, a := range args {
		id, err := strconv.ParseInt(a, 10, 64)
		if err != nil || id <= 0 {
			return fail(2, "%s is not an ID (newsmark corrections list shows them)", sanitize.Quote(a))
		}
		ids[i] = id
	}
	ch, err := svc.Remove(ctx, ids...)
	if err != nil {
		return fail(1, "%s", sanitize.Line(err.Error()))
	}
	for _, c := range ch.Removed {
		fmt.Fprintf(env.Stdout, "deleted %d  %s\n", c.ID, corrections.FormatEntry(c.Entry))
	}
	if missing := len(ids) - len(ch.Removed); missing > 0 {
		return fail(1, "%s not found", plural(missing, "ID was", "IDs were"))
	}
	return 0
}
