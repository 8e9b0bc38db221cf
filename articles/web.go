package articles

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"newsmark/model"
	"newsmark/segment"
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
	r, err := get(ctx, c, rawURL, validators{})
	if err != nil {
		return Fetched{}, err
	}
	if f, err := parseFeed(rawURL, r, time.Now()); !errors.Is(err, errNotFeed) {
		return Fetched{Feed: f}, err
	}
	a, err := extractPage(rawURL, r)
	if err != nil {
		return Fetched{}, err
	}
	return Fetched{Article: &a}, nil
}

// FetchArticle gets the web page at rawURL and extracts its article. A feed
// there is an error: this is for feed items and links.
func FetchArticle(ctx context.Context, c *http.Client, rawURL string) (model.Article, error) {
	r, err := get(ctx, c, rawURL, validators{})
	if err != nil {
		return model.Article{}, err
	}
	return extractPage(rawURL, r)
}

// OpenURL fetches rawURL as a library: one article for a page, the items of
// a feed (with a Problem per item that could not be used) for a feed.
func OpenURL(ctx context.Context, c *http.Client, rawURL string) (Library, error) {
	f, err := Fetch(ctx, c, rawURL)
	if err != nil {
		return Library{}, fmt.Errorf("%s: %w", rawURL, err)
	}
	if f.Article != nil {
		return Library{Entries: []Entry{{Meta: *f.Article}}}, nil
	}
	lib := Library{Problems: f.Feed.Problems}
	for _, it := range f.Feed.Items {
		lib.Entries = append(lib.Entries, it.Entry(ctx, c, f.Feed))
	}
	return lib, nil
}

// OpenInputs opens what a command line names: http and https URLs are
// fetched with OpenURL (a URL that fails is a Problem with its reason), the
// rest goes to Open. The library is sorted as Open sorts it.
func OpenInputs(ctx context.Context, c *http.Client, inputs []string, stdin io.Reader) Library {
	var paths, urls []string
	for _, in := range inputs {
		if IsURL(in) {
			urls = append(urls, in)
		} else {
			paths = append(paths, in)
		}
	}
	var lib Library
	if len(paths) > 0 {
		lib = Open(paths, stdin)
	}
	for _, u := range urls {
		l, err := OpenURL(ctx, c, u)
		if err != nil {
			lib.Problems = append(lib.Problems, Problem{Path: u, Reason: errors.Unwrap(err).Error()})
			continue
		}
		lib.Entries = append(lib.Entries, l.Entries...)
		lib.Problems = append(lib.Problems, l.Problems...)
	}
	if len(urls) > 0 {
		sortEntries(lib.Entries)
	}
	return lib
}

var htmlStart = regexp.MustCompile(`(?i)^\s*(<!--.*?-->\s*)*<(!doctype html|html|head|body|meta|title|div|p|article)\b`)

// extractPage turns a fetched HTML page into an article with the loader's
// HTML pipeline (readability, html-to-markdown, plain text), then checks that
// there is an article: readability always picks something, and a few words
// (a menu, the "Home" link of a script-rendered page) are not one.
func extractPage(rawURL string, r *response) (model.Article, error) {
	ct := strings.ToLower(r.ContentType)
	isHTML := strings.Contains(ct, "html") || htmlStart.Match(r.Body)
	if !isHTML {
		if ct == "" {
			ct = "unknown type"
		}
		return model.Article{}, fmt.Errorf("neither a web page nor a feed (%s)", untrusted(ct))
	}
	a, err := parseHTML([]byte(decode(string(pageUTF8(r.Body, r.ContentType)))), r.URL)
	if errors.Is(err, errNoArticle) {
		return model.Article{}, errNoContent
	}
	if err != nil {
		return model.Article{}, fmt.Errorf("unreadable page: %s", untrusted(err.Error()))
	}
	if len(strings.Fields(a.Body)) < minArticleWords {
		return model.Article{}, errNoContent
	}
	if a.Source == "" {
		if u, err := url.Parse(r.URL); err == nil {
			a.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	// The URL asked for, not the one redirected to, is the stable ID.
	a.URL = rawURL
	finish(&a, string(r.Body[:min(len(r.Body), headSize)]), int64(len(r.Body)), "") // the ID hashes only the head
	if a.Title == "" {
		a.Title = rawURL
	}
	segmentBody(&a)
	return a, nil
}

// pageUTF8 converts a page that is not valid UTF-8 from the charset its
// Content-Type or <meta> names, else windows-1252 (still common on news
// sites, and often served with a header that claims UTF-8).
func pageUTF8(body []byte, contentType string) []byte {
	if utf8.Valid(body) {
		return body
	}
	if strings.Contains(strings.ToLower(contentType), "utf-8") {
		contentType = "text/html" // the header is wrong: ask the page
	}
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" || enc == nil {
		return body
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return out
}

// segmentBody sets the paragraph and sentence spans of a's body.
func segmentBody(a *model.Article) {
	a.Paragraphs = segment.Paragraphs(a.Body)
	a.Sentences = segment.Sentences(a.Body)
}

// minArticleWords is the fewest words a page's readable content must have.
const minArticleWords = 20

var errNoContent = errors.New("no readable content on the page")
