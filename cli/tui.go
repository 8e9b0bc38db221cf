package cli

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/config"
	"newsmark/corrections"
	"newsmark/feeds"
	"newsmark/fetch"
	"newsmark/index"
	"newsmark/notes"
	"newsmark/sanitize"
	"newsmark/store"
	"newsmark/ui"
)

// tuiOptions is what the reader's flags, the config file and the
// environment ask for.
type tuiOptions struct {
	theme     ui.Theme
	width     int // text columns at most; 0 the whole reader
	dataDir   string
	editor    string // $VISUAL, else $EDITOR: the note editor's ctrl+o
	exportDir string // the config's export.folder; "" the working folder
	samples   bool   // the built-in samples when there is nothing else to read
	config    *config.Config
	paths     []string
}

// readerLong is the reader's (and so newsmark's) --help.
const readerLong = `newsmark opens articles in a reader that highlights every company, person, place, figure and quote, beside a panel that sums up the ventures each story announces. The highlights and notes you keep go to one database, and newsmark export writes them as Markdown, JSON or CSV.

PATH is a file, a folder (read recursively), - for standard input, or an http(s) URL (a web page or a feed). With none, newsmark opens the cached items of your subscriptions, or, with no subscription, the built-in samples (samples = false in the config file turns them off). An argument equal to a command's name is that command: write ./notes for a folder called notes.

Flags win over the environment, which wins over the config file: newsmark config shows the file and every setting in effect.`

// newReaderCmd is the root command, `newsmark [PATH...]`: the reader.
func newReaderCmd(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "newsmark [PATH...]",
		Short: "a terminal reader for business news: companies, people, figures, quotes and deals highlighted",
		Long:  readerLong,
		Example: `# the samples, or your subscriptions' cached items
newsmark
newsmark story.txt ~/news
curl -s https://example.com/a | newsmark -
newsmark --width 100 --theme light https://example.com/feed.xml`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o, err := readerOptions(env.Config, cmd.Flags(), args, os.Getenv)
			if err != nil {
				return usageError{cmd: cmd.CommandPath(), msg: err.Error()}
			}
			return status(runTUI(env, o))
		},
	}
	f := cmd.Flags()
	f.String("theme", "", `colours: auto (ask the terminal; dark until it answers), dark or light; NO_COLOR gives monochrome (config: theme)`)
	f.String("width", "", `most columns a line of text takes, the rest a margin: 40 to 400, or 0 or full for the whole window (config: width, 88)`)
	dataDirFlag(f)
	cmd.RegisterFlagCompletionFunc("theme", cobra.FixedCompletions([]cobra.Completion{"auto", "dark", "light"}, cobra.ShellCompDirectiveNoFileComp))
	cmd.RegisterFlagCompletionFunc("width", cobra.FixedCompletions([]cobra.Completion{"88", "100", "full"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// dataDirFlag adds --data-dir to a command that opens the database.
func dataDirFlag(f *pflag.FlagSet) {
	f.String("data-dir", "", "folder of the database, newsmark.db (default $NEWSMARK_DATA_DIR, else $XDG_DATA_HOME/newsmark)")
	f.SetAnnotation("data-dir", cobra.BashCompSubdirsInDir, []string{})
}

// dataDir is the --data-dir a command was given ("" for the default).
func dataDir(cmd *cobra.Command) string {
	d, _ := cmd.Flags().GetString("data-dir")
	return d
}

// applyFlags sets, over cfg, the setting of each flag the user gave
// (setting name → flag name): flags win over the file and the
// environment. A bad value is an error naming the flag.
func applyFlags(cfg *config.Config, flags *pflag.FlagSet, settings map[string]string) error {
	if cfg == nil {
		return nil
	}
	for _, name := range slices.Sorted(maps.Keys(settings)) {
		f := flags.Lookup(settings[name])
		if f == nil || !f.Changed {
			continue
		}
		if err := cfg.Flag(name, "--"+f.Name, f.Value.String()); err != nil {
			return err
		}
	}
	return nil
}

// readerOptions reads the reader's flags over the config: --theme and
// --width win over theme and width. NO_COLOR or TERM=dumb give the
// monochrome theme whatever they say.
func readerOptions(cfg *config.Config, flags *pflag.FlagSet, paths []string, getenv func(string) string) (tuiOptions, error) {
	if err := applyFlags(cfg, flags, map[string]string{"theme": "theme", "width": "width"}); err != nil {
		return tuiOptions{}, err
	}
	s := settingsOf(cfg)
	dir, _ := flags.GetString("data-dir")
	o := tuiOptions{width: s.Width, dataDir: dir, exportDir: s.Export.Folder, samples: s.Samples, config: cfg, paths: paths}
	switch s.Theme {
	case "dark":
		o.theme = ui.Dark
	case "light":
		o.theme = ui.Light
	}
	// The note editor's ctrl+o.
	if o.editor = getenv("VISUAL"); o.editor == "" {
		o.editor = getenv("EDITOR")
	}
	if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		o.theme = ui.Mono
	}
	return o, nil
}

// settingsOf is cfg's settings, or the defaults without a config.
func settingsOf(cfg *config.Config) config.Settings {
	if cfg == nil {
		return config.Defaults()
	}
	return cfg.Settings
}

// runTUI opens the paths (or the samples) in the reader.
func runTUI(env Env, o tuiOptions) int {
	paths, urls := splitURLs(o.paths)
	if len(paths) == 1 {
		if n := largestFile(paths); n >= hugeInput {
			// One long article opens straight in the reader and is
			// annotated once it is read: as for annotate, back the heap it
			// is about to fill with huge pages, and build the annotator's
			// word tables on the other core while it is read. (For a short
			// one the annotation builds them: started here they took a
			// core from the first frame.)
			hugePages(int(min(16*n+16<<20, 256<<20)))
			go annotate.Prepare()
		}
	}
	db := &sharedDB{path: store.DefaultPath(o.dataDir)}
	defer db.Close()
	web, later := openWeb(env, db, urls, len(o.paths) == 0)
	// URLs alone: the library fills as they arrive. With subscriptions and
	// no arguments, the cache's items (read in the background); the
	// samples are a demo, for when there is nothing else to read.
	var lib articles.Listing
	if len(paths) > 0 || len(urls) == 0 {
		lib = openLibrary(paths, env, o.samples && !web.ListCache)
	}
	for _, p := range lib.Problems {
		fmt.Fprintln(env.Stderr, "newsmark:", sanitize.Text(p.String()))
	}
	if len(lib.Entries) == 0 && len(urls) == 0 {
		switch {
		case len(o.paths) > 0:
			fmt.Fprintln(env.Stderr, "newsmark: no article to show")
		case len(web.Subs) == 0:
			fmt.Fprintln(env.Stderr, "newsmark: nothing to read: give a file, a folder or a URL, or subscribe to a feed "+
				"(newsmark feeds add URL); the samples are off (samples in the config file)")
		}
		if len(o.paths) > 0 || len(web.Subs) == 0 {
			reportConfig(env) // the reader that would have said them does not start
			return 1
		}
		// Subscriptions with nothing cached yet: the reader starts, and r
		// fetches them.
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
	// The notes (and the feed cache when only r needs it) come after the
	// first frame, in a Cmd of the program. The index and the reading
	// positions are given to New, so the database opens before it.
	uo := ui.Options{Library: lib.Library, Annotate: annotate.Article, Theme: o.theme, Web: web,
		Width: o.width, Editor: o.editor, Config: o.config,
		OpenStorage: func() ui.Storage { return openStorage(db, later) }}
	if lib.Pending() {
		// Files a folder walk found are listed by name; their titles and
		// dates are read once the library is on screen.
		uo.ReadHeads = lib.ReadHeads
	}
	uo.ExportDir, _ = os.Getwd()
	if o.exportDir != "" {
		uo.ExportDir = o.exportDir
	}
	openTUIIndex(&uo, db)
	m := ui.New(uo)
	final, err := tea.NewProgram(m, opts...).Run()
	if fm, ok := final.(ui.Model); ok {
		// Found while the program ran; the footer listed them.
		for _, p := range fm.LateProblems() {
			fmt.Fprintln(env.Stderr, "newsmark:", sanitize.Text(p.String()))
		}
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark:", sanitize.Text(err.Error()))
		return 1
	}
	return 0
}

// sharedDB is the one database the reader's notes and the feed cache
// share, opened the first time either asks for it (with no subscriptions
// and no article to show, it is never opened). The program opens it from
// a Cmd while runTUI may be closing it, so it is locked.
type sharedDB struct {
	path   string
	mu     sync.Mutex
	db     *store.DB
	err    error
	opened bool
	closed bool
}

// open opens the database once; later calls give the same answer.
func (s *sharedDB) open() (*store.DB, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.opened {
		s.db, s.err = store.Open(s.path)
		s.opened = true
		if s.closed && s.db != nil {
			// The program ended before the database was needed.
			s.db.Close()
			s.db, s.err = nil, errors.New("newsmark is closing")
		}
	}
	return s.db, s.err
}

// Close closes the database if it was opened; one opened later is closed
// at once.
func (s *sharedDB) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	if s.db != nil {
		s.db.Close()
		s.db = nil
	}
}

// openStorage opens what the program needs once its first frame is up:
// the notes on the shared database, and the feed cache later asks for.
// A database that cannot be opened (locked, read-only, corrupt, too new)
// leaves the reader working without saving, the status bar saying why;
// nothing stored is touched.
func openStorage(shared *sharedDB, later func(*store.DB) *feeds.Cache) ui.Storage {
	db, err := shared.open()
	if err != nil {
		return ui.Storage{NotesStatus: "notes are not saved: " + dbReason(err)}
	}
	s := ui.Storage{Notes: notes.New(db)}
	if db.ReadOnly() {
		s.NotesStatus = "the notes database is read-only: highlights are shown but not saved"
	}
	if later != nil {
		s.Cache = later(db)
	}
	return s
}

// dbReason says in one line why the database could not open: the
// reason, then the file ("database is locked by another program
// (/home/…/newsmark.db)"), not the chain of operations store wraps it in.
func dbReason(err error) string {
	var se *store.Error
	if errors.As(err, &se) && se.Kind != nil {
		return sanitize.Line(fmt.Sprintf("%v (%s)", se.Kind, se.Path))
	}
	return sanitize.Line(err.Error())
}

// openTUIIndex gives the reader the index on the shared database, with the
// annotator `newsmark index` uses (with the corrections stored there, which
// the reader's m menu adds to), so that the reader and the commands keep
// one index, and the reading positions. A database that cannot be opened
// turns S and D off, the status bar saying why when they are pressed; a
// read-only one is searched but not written.
func openTUIIndex(uo *ui.Options, shared *sharedDB) {
	db, err := shared.open()
	if err != nil {
		uo.IndexStatus = "search and deals are off: " + dbReason(err)
		return
	}
	uo.Positions = db
	uo.Corrections = corrections.New(db, withUserList)
	uo.Index = index.New(db, annotatorVersion, annotate.Article).WithCorrections(uo.Corrections)
	if db.ReadOnly() {
		uo.IndexStatus = "the database is read-only: stories are searched but not indexed"
	}
}

// openLibrary lists the paths (articles.List: a folder's files by name,
// their heads read later), or, when there are none, the embedded samples
// if they are on.
func openLibrary(paths []string, env Env, samples bool) articles.Listing {
	if len(paths) == 0 {
		if !samples {
			return articles.Listing{}
		}
		return articles.Listing{Library: articles.Samples()}
	}
	return articles.List(paths, env.Stdin)
}

// splitURLs separates http(s) URLs, which the program fetches once it runs,
// from paths, which load now.
func splitURLs(args []string) (paths, urls []string) {
	for _, a := range args {
		if fetch.IsURL(a) {
			urls = append(urls, a)
		} else {
			paths = append(paths, a)
		}
	}
	return paths, urls
}

// openWeb builds the program's network side: the client, and with
// subscriptions the feed cache on the shared database, whose items (with no
// arguments) the program lists offline, read in the background, in place
// of the samples; each refresh reads the feeds file again. Nothing here
// touches the network. With PATH arguments the cache serves only r, so it is not opened
// here: later is what makes it once the database is open (nil when there
// is nothing to make). A cache that cannot open is reported and left out.
func openWeb(env Env, shared *sharedDB, urls []string, noArgs bool) (w *ui.Web, later func(*store.DB) *feeds.Cache) {
	w = &ui.Web{Client: fetch.NewClient(Version), URLs: urls, OpenBrowser: openInBrowser}
	path, err := feeds.SubscriptionsPath()
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark: feeds:", sanitize.Text(err.Error()))
		return w, nil
	}
	subs, probs, err := feeds.LoadSubscriptions(path)
	for _, p := range probs {
		fmt.Fprintf(env.Stderr, "newsmark: %s: %s\n", path, sanitize.Text(p.String()))
	}
	if err != nil || len(subs) == 0 {
		if err != nil {
			fmt.Fprintln(env.Stderr, "newsmark: feeds:", sanitize.Text(err.Error()))
		}
		return w, nil
	}
	w.Subs, w.SubsPath = subs, path
	cacheOn := func(db *store.DB) *feeds.Cache { return newCache(db, w.Client, settingsOf(env.Config)) }
	if !noArgs {
		return w, cacheOn
	}
	db, err := shared.open()
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark: feed cache:", sanitize.Text(err.Error()))
		w.Subs = nil
		return w, nil
	}
	w.Cache, w.ListCache = cacheOn(db), true
	return w, nil
}
