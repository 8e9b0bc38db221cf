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

// OpenURL fetches rawURL as a library: one article for a page, the items of
// a feed (with a Problem per item that could not be used) for a feed.
func OpenURL(ctx context.Context, c *http.Client, rawURL string) (articles.Library, error) {
	f, err := Fetch(ctx, c, rawURL)
	if err != nil {
		return articles.Library{}, fmt.Errorf("%s: %w", rawURL, err)
	}
	if f.Article != nil {
		return articles.Library{Entries: []articles.Entry{{Meta: *f.Article}}}, nil
	}
	lib := articles.Library{Problems: f.Feed.Problems}
	for _, it := range f.Feed.Items {
		lib.Entries = append(lib.Entries, it.Entry(ctx, c, f.Feed))
	}
	return lib, nil
}

// OpenInputs opens what a command line names: http and https URLs are
// fetched with OpenURL (a URL that fails is a Problem with its reason), the
// rest goes to Open. The library is sorted as Open sorts it.
func OpenInputs(ctx context.Context, c *http.Client, inputs []string, stdin io.Reader) articles.Library {
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
		l, err := OpenURL(ctx, c, u)
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
