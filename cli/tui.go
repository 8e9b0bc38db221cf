package cli

import (
	"context"
	"flag"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/store"
	"newsmark/ui"
)

// tuiOptions is what the reader's flags and environment ask for.
type tuiOptions struct {
	theme   ui.Theme
	dataDir string
	paths   []string
}

// parseTUI reads `newsmark [--theme light|dark] [--data-dir DIR] [PATH...]`.
// NO_COLOR or TERM=dumb give the monochrome theme whatever --theme says.
func parseTUI(env Env, args []string, getenv func(string) string) (tuiOptions, error) {
	fs := flag.NewFlagSet("newsmark", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	theme := fs.String("theme", "", "colour theme: light or dark (default: ask the terminal, dark until it answers)")
	dataDir := fs.String("data-dir", getenv("NEWSMARK_DATA_DIR"), "where the notes database lives (env NEWSMARK_DATA_DIR)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: newsmark [--theme light|dark] [--data-dir DIR] [PATH...]")
		fmt.Fprintln(fs.Output(), "       newsmark annotate|export|notes|feeds|index|search|deals ...")
		fmt.Fprintln(fs.Output(), "PATH is a file, a folder (read recursively), - for stdin, or an http(s) URL (a web page or a feed).")
		fmt.Fprintln(fs.Output(), "None opens the cached items of your subscriptions, then the samples.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return tuiOptions{}, err
	}
	o := tuiOptions{theme: ui.Theme(*theme), dataDir: *dataDir, paths: fs.Args()}
	switch o.theme {
	case "", ui.Light, ui.Dark:
	default:
		return o, fmt.Errorf("--theme must be light or dark, not %q", articles.Sanitize(*theme))
	}
	if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		o.theme = ui.Mono
	}
	return o, nil
}

// runTUI opens the paths (or the samples) in the reader.
func runTUI(env Env, args []string) int {
	o, err := parseTUI(env, args, os.Getenv)
	if err == flag.ErrHelp {
		return 0
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark:", err)
		return 2
	}
	paths, urls := splitURLs(o.paths)
	var lib articles.Library // URLs alone: the library fills as they arrive
	if len(paths) > 0 || len(urls) == 0 {
		lib = openLibrary(paths, env)
	}
	for _, p := range lib.Problems {
		fmt.Fprintln(env.Stderr, "newsmark:", articles.Sanitize(p.String()))
	}
	web, closeWeb := openWeb(env, o.dataDir, urls, len(o.paths) == 0)
	defer closeWeb()
	if len(lib.Entries) == 0 && len(urls) == 0 {
		fmt.Fprintln(env.Stderr, "newsmark: no article to show")
		return 1
	}
	opts := []tea.ProgramOption{}
	if o.theme == ui.Mono {
		// Keep bold/italic/underline/reverse even where colour is off.
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	for _, p := range o.paths {
		if p == "-" {
			// stdin held the article: read keys from the terminal.
			if tty, err := os.Open("/dev/tty"); err == nil {
				defer tty.Close()
				opts = append(opts, tea.WithInput(tty))
			}
			break
		}
	}
	uo := ui.Options{Library: lib, Annotate: annotate.Article, Theme: o.theme, DataDir: o.dataDir, Web: web}
	if db := openTUINotes(&uo); db != nil {
		defer db.Close()
	}
	m := ui.New(uo)
	if _, err := tea.NewProgram(m, opts...).Run(); err != nil {
		fmt.Fprintln(env.Stderr, "newsmark:", articles.Sanitize(err.Error()))
		return 1
	}
	return 0
}

// openTUINotes opens the notes database for the reader. A database that
// cannot be opened (locked, read-only, corrupt, too new) leaves the reader
// working without saving, the status bar saying why; nothing stored is touched.
func openTUINotes(uo *ui.Options) *store.DB {
	uo.ExportDir, _ = os.Getwd()
	n, db, err := openNotes(uo.DataDir)
	if err != nil {
		uo.NotesStatus = "notes are not saved: " + articles.Sanitize(err.Error())
		return nil
	}
	uo.Notes = n
	if db.ReadOnly() {
		uo.NotesStatus = "the notes database is read-only: highlights are shown but not saved"
	}
	return db
}

// openLibrary loads the paths, or the embedded samples when there are none.
func openLibrary(paths []string, env Env) articles.Library {
	if len(paths) == 0 {
		return articles.Samples()
	}
	return articles.Open(paths, env.Stdin)
}

// splitURLs separates http(s) URLs, which the program fetches once it runs,
// from paths, which load now.
func splitURLs(args []string) (paths, urls []string) {
	for _, a := range args {
		if articles.IsURL(a) {
			urls = append(urls, a)
		} else {
			paths = append(paths, a)
		}
	}
	return paths, urls
}

// openWeb builds the program's network side: the client, and with
// subscriptions the feed cache, whose items (with no arguments) open
// offline before the samples. Nothing here touches the network; a cache
// that cannot open is reported and left out.
func openWeb(env Env, dataDir string, urls []string, noArgs bool) (*ui.Web, func()) {
	w := &ui.Web{Client: articles.NewClient(Version), URLs: urls, OpenBrowser: articles.OpenInBrowser}
	path, err := articles.SubscriptionsPath()
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark: feeds:", articles.Sanitize(err.Error()))
		return w, func() {}
	}
	subs, probs, err := articles.LoadSubscriptions(path)
	for _, p := range probs {
		fmt.Fprintf(env.Stderr, "newsmark: %s: %s\n", path, articles.Sanitize(p.String()))
	}
	if err != nil || len(subs) == 0 {
		if err != nil {
			fmt.Fprintln(env.Stderr, "newsmark: feeds:", articles.Sanitize(err.Error()))
		}
		return w, func() {}
	}
	db, err := store.Open(store.DefaultPath(dataDir))
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark: feed cache:", articles.Sanitize(err.Error()))
		return w, func() {}
	}
	cache, err := newCache(db, w.Client)
	if err != nil {
		db.Close()
		fmt.Fprintln(env.Stderr, "newsmark: feed cache:", err)
		return w, func() {}
	}
	w.Cache, w.Subs = cache, subs
	if noArgs {
		ctx := context.Background()
		if w.Cached, err = w.Cache.Library(ctx, subs); err == nil {
			w.Unread, err = w.Cache.Unread(ctx)
		}
		if err != nil {
			fmt.Fprintln(env.Stderr, "newsmark: feed cache:", articles.Sanitize(err.Error()))
		}
	}
	return w, func() { db.Close() }
}
