package cli

import (
	"fmt"
	"os"
	"strings"

	"newsmark/articles"
)

const feedsUsage = `usage: newsmark feeds COMMAND
  add URL [~NAME] [TAG...]   subscribe to a feed (a "~" word names it)
  rm URL                     unsubscribe
  list                       list subscriptions
  import FILE.opml           subscribe to the feeds of an OPML file
  export                     write subscriptions as OPML to stdout
The subscriptions live in $XDG_CONFIG_HOME/newsmark/feeds, one per line:
  URL "~Display Name" tag1 tag2`

// runFeeds manages subscriptions: the feeds file of articles.
func runFeeds(env Env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(env.Stderr, feedsUsage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	path, err := articles.SubscriptionsPath()
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark: feeds:", err)
		return 1
	}
	sub, rest := args[0], args[1:]
	want := map[string]int{"add": -1, "rm": 1, "list": 0, "import": 1, "export": 0}
	n, ok := want[sub]
	if !ok || (n >= 0 && len(rest) != n) || (n < 0 && len(rest) < 1) {
		fmt.Fprintln(env.Stderr, feedsUsage)
		return 2
	}
	switch sub {
	case "add":
		err = feedsAdd(env, path, rest)
	case "rm":
		err = feedsRemove(env, path, rest[0])
	case "list":
		err = feedsList(env, path)
	case "import":
		err = feedsImport(env, path, rest[0])
	case "export":
		err = feedsExport(env, path)
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark: feeds "+sub+":", err)
		return 1
	}
	return 0
}

func feedsAdd(env Env, path string, args []string) error {
	s := articles.Subscription{URL: args[0]}
	if !articles.IsURL(s.URL) {
		return fmt.Errorf("%s: not an http or https URL", s.URL)
	}
	for _, a := range args[1:] {
		if strings.HasPrefix(a, "~") {
			s.Name = a[1:]
		} else if a != "" {
			s.Tags = append(s.Tags, a)
		}
	}
	added, err := articles.AddSubscriptions(path, s)
	if err != nil {
		return err
	}
	if len(added) == 0 {
		fmt.Fprintf(env.Stdout, "already subscribed: %s\n", s.URL)
		return nil
	}
	fmt.Fprintf(env.Stdout, "subscribed: %s\n", s.URL)
	return nil
}

func feedsRemove(env Env, path, url string) error {
	found, err := articles.RemoveSubscription(path, url)
	if err != nil {
		return err
	}
	if !found {
		return fmt.Errorf("%s: not subscribed", url)
	}
	fmt.Fprintf(env.Stdout, "unsubscribed: %s\n", url)
	return nil
}

func feedsList(env Env, path string) error {
	subs, probs, err := articles.LoadSubscriptions(path)
	if err != nil {
		return err
	}
	for _, p := range probs {
		fmt.Fprintf(env.Stderr, "newsmark: %s: %s\n", path, p)
	}
	for _, s := range subs {
		fmt.Fprintln(env.Stdout, s.Line())
	}
	return nil
}

func feedsImport(env Env, path, file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	subs, err := articles.ReadOPML(f)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	added, err := articles.AddSubscriptions(path, subs...)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "imported %d of %d feeds (%d already subscribed)\n", len(added), len(subs), len(subs)-len(added))
	return nil
}

func feedsExport(env Env, path string) error {
	subs, probs, err := articles.LoadSubscriptions(path)
	if err != nil {
		return err
	}
	for _, p := range probs {
		fmt.Fprintf(env.Stderr, "newsmark: %s: %s\n", path, p)
	}
	return articles.WriteOPML(env.Stdout, subs)
}
