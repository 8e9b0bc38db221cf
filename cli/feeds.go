package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"newsmark/feeds"
	"newsmark/fetch"
	"newsmark/sanitize"
	"newsmark/store"
)

const feedsUsage = `usage: newsmark feeds COMMAND [--data-dir DIR]
  add URL [~NAME] [TAG...]   subscribe to a feed (a "~" word names it)
  rm URL                     unsubscribe; its unread items leave the cache
  list                       list subscriptions with their cache state
  refresh                    fetch every subscribed feed into the cache
  import FILE.opml           subscribe to the feeds of an OPML file
  export                     write subscriptions as OPML to stdout
The subscriptions live in $XDG_CONFIG_HOME/newsmark/feeds, one per line:
  URL "~Display Name" tag1 tag2`

// runFeeds manages subscriptions (the feeds file) and the feed cache.
func runFeeds(env Env, args []string) int {
	fs := flag.NewFlagSet("feeds", flag.ContinueOnError)
	fs.SetOutput(cleanWriter{env.Stderr})
	dataDir := fs.String("data-dir", "", "directory of newsmark.db (default $NEWSMARK_DATA_DIR, else $XDG_DATA_HOME/newsmark)")
	fs.Usage = func() { fmt.Fprintln(env.Stderr, feedsUsage) }
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	want := map[string]int{"add": -1, "rm": 1, "list": 0, "refresh": 0, "import": 1, "export": 0}
	if len(pos) == 0 {
		fs.Usage()
		return 2
	}
	sub, rest := pos[0], pos[1:]
	if n, ok := want[sub]; !ok || (n >= 0 && len(rest) != n) || (n < 0 && len(rest) < 1) {
		fs.Usage()
		return 2
	}
	path, err := feeds.SubscriptionsPath()
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark: feeds:", err)
		return 1
	}
	f := feedsCmd{env: env, path: path, dataDir: *dataDir}
	switch sub {
	case "add":
		err = f.add(rest)
	case "rm":
		err = f.remove(rest[0])
	case "list":
		err = f.list()
	case "refresh":
		err = f.refresh()
	case "import":
		err = f.importOPML(rest[0])
	case "export":
		err = f.export()
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark: feeds "+sub+":", sanitize.Text(err.Error()))
		return 1
	}
	return 0
}

type feedsCmd struct {
	env     Env
	path    string // the feeds file
	dataDir string
}

// cache opens the feed cache in the database.
func (f feedsCmd) cache() (*feeds.Cache, func(), error) {
	db, err := store.Open(store.DefaultPath(f.dataDir))
	if err != nil {
		return nil, nil, err
	}
	c, err := newCache(db, fetch.NewClient(Version))
	if err != nil {
		db.Close()
		return nil, nil, err
	}
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
	added, err := feeds.AddSubscriptions(f.path, s)
	if err != nil {
		return err
	}
	if len(added) == 0 {
		fmt.Fprintf(f.env.Stdout, "already subscribed: %s\n", s.URL)
		return nil
	}
	fmt.Fprintf(f.env.Stdout, "subscribed: %s\n", s.URL)
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
