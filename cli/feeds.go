package cli

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"newsmark/config"
	"newsmark/feeds"
	"newsmark/fetch"
	"newsmark/sanitize"
	"newsmark/store"
)

// feedsLong is `newsmark feeds --help`.
const feedsLong = `Subscriptions live in $XDG_CONFIG_HOME/newsmark/feeds (usually ~/.config/newsmark/feeds), one per line in the convention of newsboat's urls file: URL "~Display Name" tag1 tag2. Fetched items are kept in the database (feeds.keep_days in the config file says how long; items with highlights are never pruned).`

// newFeedsCmd is `newsmark feeds COMMAND`: subscriptions (the feeds file)
// and the feed cache.
func newFeedsCmd(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feeds",
		Short: "manage subscriptions: add, rm, list, refresh, import, export",
		Long:  feedsLong,
		Example: `newsmark feeds add https://example.com/feed.xml "~Example Wire" deals energy
newsmark feeds refresh
newsmark feeds export > subscriptions.opml`,
		Args: cobra.ArbitraryArgs,
		// Without a command: its help. An unknown one is a mistake.
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			return usageError{cmd: cmd.CommandPath(), msg: fmt.Sprintf("no command %q: add, rm, list, refresh, import or export", args[0])}
		},
	}
	dataDirFlag(cmd.PersistentFlags())
	sub := func(use, short string, args cobra.PositionalArgs, run func(f feedsCmd, args []string) error) *cobra.Command {
		c := &cobra.Command{Use: use, Short: short, Args: args}
		name := c.Name()
		c.RunE = runs(env, func(c *cobra.Command, args []string) int {
			path, err := feeds.SubscriptionsPath()
			if err != nil {
				fmt.Fprintln(env.Stderr, "newsmark: feeds:", err)
				return 1
			}
			noCheck, _ := c.Flags().GetBool("no-check") // add's alone
			if err := run(feedsCmd{env: env, path: path, dataDir: dataDir(c), noCheck: noCheck}, args); err != nil {
				fmt.Fprintln(env.Stderr, "newsmark: feeds "+name+":", sanitize.Text(err.Error()))
				return 1
			}
			return 0
		})
		return c
	}
	add := sub("add URL [~NAME] [TAG...]", `subscribe to a feed (a "~" word names it, the others are tags); a web page subscribes to the feed it advertises`,
		needArgs("give the feed's URL, then a ~NAME and tags if you like"), feedsCmd.add)
	add.Flags().Bool("no-check", false, "subscribe to the URL as given, without fetching it")
	cmd.AddCommand(
		add,
		sub("rm URL", "unsubscribe; its unread items leave the cache", exactArgs(1, "the feed's URL"),
			func(f feedsCmd, args []string) error { return f.remove(args[0]) }),
		sub("list", "list subscriptions with their cache state (a valid feeds file)", noArgs,
			func(f feedsCmd, _ []string) error { return f.list() }),
		sub("refresh", "fetch every subscribed feed into the cache", noArgs,
			func(f feedsCmd, _ []string) error { return f.refresh() }),
		sub("import FILE.opml", "subscribe to the feeds of an OPML file", exactArgs(1, "an OPML file"),
			func(f feedsCmd, args []string) error { return f.importOPML(args[0]) }),
		sub("export", "write the subscriptions as OPML to stdout", noArgs,
			func(f feedsCmd, _ []string) error { return f.export() }),
	)
	return cmd
}

type feedsCmd struct {
	env     Env
	path    string // the feeds file
	dataDir string
	noCheck bool // add: no fetch, no discovery
}

// cache opens the feed cache in the database.
func (f feedsCmd) cache() (*feeds.Cache, func(), error) {
	db, err := store.Open(store.DefaultPath(f.dataDir))
	if err != nil {
		return nil, nil, err
	}
	c := newCache(db, fetch.NewClient(Version), settingsOf(f.env.Config))
	return c, func() { db.Close() }, nil
}

// subscriptions reads the feeds file, reporting its bad lines.
func (f feedsCmd) subscriptions() ([]feeds.Subscription, error) {
	subs, probs, err := feeds.LoadSubscriptions(f.path)
	for _, p := range probs {
		fmt.Fprintf(f.env.Stderr, "newsmark: %s: %s\n", f.path, sanitize.Text(p.String()))
	}
	return subs, err
}

func (f feedsCmd) add(args []string) error {
	s := feeds.Subscription{URL: args[0]}
	if !fetch.IsURL(s.URL) {
		return fmt.Errorf("%s: not an http or https URL", s.URL)
	}
	for _, a := range args[1:] {
		if strings.HasPrefix(a, "~") {
			s.Name = a[1:]
		} else if a != "" {
			s.Tags = append(s.Tags, a)
		}
	}
	if !f.noCheck {
		if err := f.discover(&s); err != nil {
			return err
		}
	}
	added, err := feeds.AddSubscriptions(f.path, s)
	if err != nil {
		return err
	}
	if len(added) == 0 {
		fmt.Fprintf(f.env.Stdout, "already subscribed: %s\n", sanitize.Line(s.URL))
		return nil
	}
	fmt.Fprintf(f.env.Stdout, "subscribed: %s\n", sanitize.Line(s.URL))
	return nil
}

// discover fetches the URL to add: a feed is added as it is, a web page
// gives way to the feed it advertises (<link rel="alternate">), and a page
// that advertises none is refused. When the URL cannot be checked (offline,
// a server error) it is added as given, with a line saying why: a refresh
// will say what is wrong with it.
func (f feedsCmd) discover(s *feeds.Subscription) error {
	if subs, _, err := feeds.LoadSubscriptions(f.path); err == nil {
		for _, have := range subs {
			if have.URL == s.URL {
				return nil // already subscribed: nothing to fetch
			}
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	d, err := feeds.Discover(ctx, fetch.NewClient(Version), s.URL)
	switch {
	case errors.Is(err, feeds.ErrNoFeedAdvertised), errors.Is(err, feeds.ErrNeither):
		return fmt.Errorf("%s: %w; nothing subscribed", s.URL, err)
	case err != nil:
		fmt.Fprintf(f.env.Stderr, "newsmark: feeds add: %s: not checked (%s); subscribing as given\n",
			sanitize.Line(s.URL), sanitize.Line(err.Error()))
	case d.Page != "":
		fmt.Fprintf(f.env.Stdout, "%s is a web page; it advertises the feed %s\n", sanitize.Line(d.Page), sanitize.Line(d.URL))
		s.URL = d.URL
	}
	return nil
}

func (f feedsCmd) remove(url string) error {
	found, err := feeds.RemoveSubscription(f.path, url)
	if err != nil {
		return err
	}
	c, closeDB, err := f.cache()
	if err != nil {
		return err
	}
	defer closeDB()
	_, cached, err := c.DB.Feed(context.Background(), url)
	if err != nil {
		return err
	}
	if !found && !cached {
		return fmt.Errorf("%s: not subscribed", url)
	}
	n, err := c.Remove(context.Background(), url)
	if err != nil {
		return err
	}
	if n > 0 {
		fmt.Fprintf(f.env.Stdout, "unsubscribed: %s (%s removed)\n", url, plural(n, "unread item", "unread items"))
	} else {
		fmt.Fprintf(f.env.Stdout, "unsubscribed: %s\n", url)
	}
	return nil
}

// list prints the subscriptions as feeds-file lines, each followed by a
// comment with its cache state, so that the output is a valid feeds file.
func (f feedsCmd) list() error {
	subs, err := f.subscriptions()
	if err != nil {
		return err
	}
	c, closeDB, err := f.cache()
	if err != nil {
		return err
	}
	defer closeDB()
	for _, s := range subs {
		fmt.Fprintln(f.env.Stdout, s.Line())
		st, ok, err := c.DB.Feed(context.Background(), s.URL)
		switch {
		case err != nil:
			return err
		case !ok:
			fmt.Fprintln(f.env.Stdout, "  # never fetched")
		default:
			line := fmt.Sprintf("  # %s, %d unread, fetched %s", plural(st.Items, "item", "items"), st.Unread, st.FetchedAt.Local().Format("2006-01-02 15:04"))
			if st.LastError != "" {
				line += "; failed: " + st.LastError
			}
			fmt.Fprintln(f.env.Stdout, sanitize.Text(line))
		}
	}
	return nil
}

// refresh fetches every subscription into the cache, one line per feed as
// it finishes; Ctrl-C cancels the fetches under way.
func (f feedsCmd) refresh() error {
	subs, err := f.subscriptions()
	if err != nil {
		return err
	}
	if len(subs) == 0 {
		return fmt.Errorf("no subscriptions (add one with: newsmark feeds add URL)")
	}
	c, closeDB, err := f.cache()
	if err != nil {
		return err
	}
	defer closeDB()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start, failed := time.Now(), 0
	c.Refresh(ctx, subs, func(p feeds.Progress) {
		var line string
		switch p.State {
		case feeds.RefreshFetching:
			return
		case feeds.RefreshUpdated:
			line = fmt.Sprintf("updated    %s (%d new)", p.Feed, len(p.New))
		case feeds.RefreshUnchanged:
			line = "unchanged  " + p.Feed
		case feeds.RefreshFailed:
			failed++
			line = fmt.Sprintf("failed     %s: %v", p.Feed, p.Err)
		}
		fmt.Fprintf(f.env.Stdout, "[%d/%d] %s\n", p.Done, p.Total, sanitize.Text(line))
		for _, pr := range p.Problems {
			fmt.Fprintf(f.env.Stdout, "           skipped %s\n", sanitize.Text(pr.String()))
		}
	})
	fmt.Fprintf(f.env.Stdout, "%s refreshed in %.1fs, %d failed\n", plural(len(subs), "feed", "feeds"), time.Since(start).Seconds(), failed)
	if failed > 0 {
		return fmt.Errorf("%d of %s failed", failed, plural(len(subs), "feed", "feeds"))
	}
	return nil
}

func (f feedsCmd) importOPML(file string) error {
	in, err := os.Open(file)
	if err != nil {
		return err
	}
	defer in.Close()
	subs, skipped, err := feeds.ReadOPML(in)
	if err != nil {
		return fmt.Errorf("%s: %w", sanitize.Quote(file), err)
	}
	for _, p := range skipped {
		fmt.Fprintf(f.env.Stderr, "newsmark: %s: %s\n", sanitize.Quote(file), p)
	}
	added, err := feeds.AddSubscriptions(f.path, subs...)
	if err != nil {
		return err
	}
	total := len(subs) + len(skipped)
	fmt.Fprintf(f.env.Stdout, "imported %d of %s (%d already subscribed, %d skipped)\n", len(added), plural(total, "feed", "feeds"), len(subs)-len(added), len(skipped))
	return nil
}

func (f feedsCmd) export() error {
	subs, err := f.subscriptions()
	if err != nil {
		return err
	}
	return feeds.WriteOPML(f.env.Stdout, subs)
}

// newCache is the feed cache on db, keeping items as long as the config's
// feeds.keep_days says (NEWSMARK_KEEP_DAYS over the file): 0 keeps every
// item.
func newCache(db *store.DB, c *http.Client, s config.Settings) *feeds.Cache {
	cache := feeds.NewCache(db, c)
	cache.Retention = retention(s)
	return cache
}

// retention is the feed cache's Retention for the settings: keep_days in
// days, or -1 (never prune) for 0.
func retention(s config.Settings) time.Duration {
	if s.Feeds.KeepDays == 0 {
		return -1
	}
	return time.Duration(s.Feeds.KeepDays) * 24 * time.Hour
}
