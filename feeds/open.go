package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"newsmark/articles"
	"newsmark/fetch"
	"newsmark/model"
	"newsmark/sanitize"
)

// Fetched is what a URL gave: a web article or a feed; exactly one is set.
type Fetched struct {
	Article *model.Article
	Feed    *Feed
}

// Fetch gets rawURL and decides from the response body, not the URL,
// whether it is a feed (RSS, Atom, JSON Feed) or a page, whose readable
// content it extracts. Errors are one line and do not repeat the URL.
func Fetch(ctx context.Context, c *http.Client, rawURL string) (Fetched, error) {
	r, err := fetch.Get(ctx, c, rawURL, fetch.Validators{})
	if err != nil {
		return Fetched{}, err
	}
	if f, err := parseFeed(rawURL, r, time.Now()); !errors.Is(err, errNotFeed) {
		return Fetched{Feed: f}, err
	}
	a, err := fetch.Page(rawURL, r)
	if err != nil {
		return Fetched{}, err
	}
	return Fetched{Article: &a}, nil
}

// OpenOptions bound what opening a feed may fetch.
type OpenOptions struct {
	// MaxFetch is how many items of each feed may have their page fetched
	// when loaded (the first ones, in the feed's order); the others keep the
	// feed's own text. Negative means no limit.
	MaxFetch int
	// Notice, when set, gets a one-line notice per feed whose items are
	// not all fetched.
	Notice func(string)
}

// DefaultMaxFetch is the pages per feed a command fetches unless told.
const DefaultMaxFetch = 50

// OpenURL fetches rawURL as a library: one article for a page, the items of
// a feed (with a Problem per item that could not be used) for a feed. Each
// summary-only item fetches its page when loaded.
func OpenURL(ctx context.Context, c *http.Client, rawURL string) (articles.Library, error) {
	return OpenURLWith(ctx, c, rawURL, OpenOptions{MaxFetch: -1})
}

// OpenURLWith is OpenURL with the fetches of a feed's items bounded by o.
func OpenURLWith(ctx context.Context, c *http.Client, rawURL string, o OpenOptions) (articles.Library, error) {
	f, err := Fetch(ctx, c, rawURL)
	if err != nil {
		return articles.Library{}, fmt.Errorf("%s: %w", rawURL, err)
	}
	if f.Article != nil {
		return articles.Library{Entries: []articles.Entry{{Meta: *f.Article}}}, nil
	}
	lib := articles.Library{Problems: f.Feed.Problems}
	fetching, kept := 0, 0
	for _, it := range f.Feed.Items {
		if it.Content != "" || o.MaxFetch < 0 || fetching < o.MaxFetch {
			if it.Content == "" {
				fetching++
			}
			lib.Entries = append(lib.Entries, it.Entry(ctx, c, f.Feed))
			continue
		}
		e, ok := it.TextEntry(f.Feed)
		if !ok {
			lib.Problems = append(lib.Problems, articles.Problem{Path: sanitize.Quote(it.ID(f.Feed.URL)),
				Reason: "no text in the feed, and its page was not fetched (over --max-fetch)"})
			continue
		}
		kept++
		lib.Entries = append(lib.Entries, e)
	}
	if kept > 0 && o.Notice != nil {
		o.Notice(fmt.Sprintf("%s: %s of %d fetched; %s the feed's own text (--max-fetch %d)", sanitize.Quote(rawURL),
			plural(fetching, "item's page", "items' pages"), len(f.Feed.Items), plural(kept, "item keeps", "items keep"), o.MaxFetch))
	}
	return lib, nil
}

// plural is "1 item" or "2 items".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// OpenInputs opens what a command line names: http and https URLs are
// fetched with OpenURL (a URL that fails is a Problem with its reason), the
// rest goes to Open. The library is sorted as Open sorts it.
func OpenInputs(ctx context.Context, c *http.Client, inputs []string, stdin io.Reader) articles.Library {
	return OpenInputsWith(ctx, c, inputs, stdin, OpenOptions{MaxFetch: -1})
}

// OpenInputsWith is OpenInputs with each feed's page fetches bounded by o.
func OpenInputsWith(ctx context.Context, c *http.Client, inputs []string, stdin io.Reader, o OpenOptions) articles.Library {
	var paths, urls []string
	for _, in := range inputs {
		if fetch.IsURL(in) {
			urls = append(urls, in)
		} else {
			paths = append(paths, in)
		}
	}
	var lib articles.Library
	if len(paths) > 0 {
		lib = articles.Open(paths, stdin)
	}
	for _, u := range urls {
		l, err := OpenURLWith(ctx, c, u, o)
		if err != nil {
			lib.Problems = append(lib.Problems, articles.Problem{Path: u, Reason: errors.Unwrap(err).Error()})
			continue
		}
		lib.Entries = append(lib.Entries, l.Entries...)
		lib.Problems = append(lib.Problems, l.Problems...)
	}
	if len(urls) > 0 {
		articles.SortEntries(lib.Entries)
	}
	return lib
}
